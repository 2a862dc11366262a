package forms

import (
	"strings"
	"testing"
)

// accountsDraft is the selected annual sample (grant 30,000 yuan) with its
// final accounts begun from the budget.
func accountsDraft(t *testing.T) (*Draft, *FinalAccounts) {
	t.Helper()
	d := selectedSample(t, "annual", NewDate(2024, 9, 20))
	fa := NewFinalAccounts(d)
	d.EnsureReports().Accounts = fa
	return d, fa
}

func TestNewFinalAccountsCopiesTheBudget(t *testing.T) {
	d, fa := accountsDraft(t)
	if len(fa.Lines) != len(d.Budget.Lines) || len(fa.Lines) == 0 {
		t.Fatalf("%d lines from %d", len(fa.Lines), len(d.Budget.Lines))
	}
	for i, l := range fa.Lines {
		if l.Item != d.Budget.Lines[i].Item || l.Budgeted != d.Budget.Lines[i].Amount || l.Spent != 0 {
			t.Errorf("line %d: %+v", i, l)
		}
	}
	tot := fa.Totals(d)
	if tot.Budgeted != d.Budget.Total || tot.Grant != 30000 || tot.Spent != 0 {
		t.Errorf("totals %+v", tot)
	}
	// Nothing entered yet: no findings.
	if f := accountsFindings(Default(), d, fa); len(f) != 0 {
		t.Errorf("empty accounts: %+v", f)
	}
}

func TestFinalAccountsSums(t *testing.T) {
	d := &Draft{Project: Project{RequestedAmount: 30000}}
	fa := &FinalAccounts{Lines: []AccountLine{
		{Item: "会议费", Budgeted: 20000, Spent: 18500},
		{Item: "专家咨询费", Budgeted: 12000, Spent: 12000},
		{Item: "资料印刷费", Budgeted: 8000, Spent: 9200},
		{Item: "交通费", Budgeted: 0, Spent: 600},
	}, Provincial: 30000, SelfRaised: 10300}
	tot := fa.Totals(d)
	if tot.Budgeted != 40000 || tot.Spent != 40300 || tot.Sources != 40300 || tot.GrantLeft != 0 {
		t.Fatalf("totals %+v", tot)
	}
	if got := fa.Lines[0].Difference(); got != -1500 {
		t.Errorf("difference %d", got)
	}
	for _, tc := range []struct {
		spent, budgeted int64
		want            string
	}{{18500, 20000, "92.5%"}, {12000, 12000, "100%"}, {9200, 8000, "115%"}, {600, 0, "—"}, {1, 3, "33.3%"}, {2, 3, "66.7%"}, {0, 5000, "0%"}} {
		if got := PercentText(tc.spent, tc.budgeted); got != tc.want {
			t.Errorf("PercentText(%d, %d) = %s, want %s", tc.spent, tc.budgeted, got, tc.want)
		}
	}
	for n, want := range map[int64]string{1200: "+1,200", -300: "-300", 0: "0"} {
		if got := SignedThousands(n); got != want {
			t.Errorf("SignedThousands(%d) = %s", n, got)
		}
	}
	fs := accountsFindings(Default(), d, fa)
	over := afterRule(fs, RuleAccountsLineOver)
	if len(over) != 2 || !strings.Contains(over[0].Message, "资料印刷费") || !strings.Contains(over[0].Message, "1,200元") || !strings.Contains(over[0].Message, "115%") || !strings.Contains(over[1].Message, "预算中没有这一项") {
		t.Errorf("lines over budget: %+v", over)
	}
	fa.Lines[2].Note = "会议手册加印"
	if f := afterRule(accountsFindings(Default(), d, fa), RuleAccountsLineOver); len(f) != 2 || f[0].Severity != Info || !strings.Contains(f[0].Message, "会议手册加印") || f[1].Severity != Warning {
		t.Errorf("explained line: %+v", f)
	}
	if f := afterRule(fs, RuleAccountsTotalOver); len(f) != 1 || f[0].Severity != Warning || !strings.Contains(f[0].Message, "300元") {
		t.Errorf("total over budget: %+v", f)
	}
	// The 决算说明 it asks for, written: information, no warning left.
	fa.Note = "  会议规模扩大，超出部分由自筹经费承担。"
	if f := afterRule(accountsFindings(Default(), d, fa), RuleAccountsTotalOver); len(f) != 1 || f[0].Severity != Info || !strings.Contains(f[0].Message, "会议规模扩大") {
		t.Errorf("total over budget, explained in the note: %+v", f)
	}
	fa.Note = ""
	if f := afterRule(fs, RuleAccountsSources); len(f) != 0 {
		t.Errorf("sources add up: %+v", f)
	}
	if f := afterRule(fs, RuleAccountsOverGrant); len(f) != 0 {
		t.Errorf("grant respected: %+v", f)
	}
}

func TestFinalAccountsSourcesAndGrant(t *testing.T) {
	d, fa := accountsDraft(t)
	for i := range fa.Lines {
		fa.Lines[i].Spent = fa.Lines[i].Budgeted
	}
	tot := fa.Totals(d)
	// All spent on budget, but the whole of it declared as provincial
	// money: more than the 30,000 granted, and sources not reconciled
	// until the self-raised part is moved.
	fa.Provincial = tot.Spent
	fs := Check(Default(), d, Options{})
	g := afterRule(fs, RuleAccountsOverGrant)
	if len(g) != 1 || g[0].Severity != Error || !strings.Contains(g[0].Message, "30,000元") || !strings.Contains(g[0].Message, "叁万元整") {
		t.Fatalf("over grant: %+v", g)
	}
	if f := afterRule(fs, RuleAccountsSources); len(f) != 0 {
		t.Errorf("sources equal spending: %+v", f)
	}
	fa.Provincial, fa.SelfRaised = 30000, tot.Spent-30000-100
	fs = Check(Default(), d, Options{})
	if f := afterRule(fs, RuleAccountsSources); len(f) != 1 || !strings.Contains(f[0].Message, "相差100元") {
		t.Errorf("sources off by 100: %+v", f)
	}
	fa.SelfRaised += 100
	fs = Check(Default(), d, Options{})
	for _, r := range []string{RuleAccountsSources, RuleAccountsOverGrant, RuleAccountsLineOver, RuleAccountsTotalOver, RuleAccountsUnspent} {
		if f := afterRule(fs, r); len(f) != 0 {
			t.Errorf("balanced accounts: %+v", f)
		}
	}
	// Less provincial money spent than granted: an info to check.
	fa.Provincial, fa.SelfRaised = 29000, fa.SelfRaised+1000
	if f := afterRule(Check(Default(), d, Options{}), RuleAccountsUnspent); len(f) != 1 || f[0].Severity != Info || !strings.Contains(f[0].Message, "1,000元") {
		t.Errorf("unspent: %+v", f)
	}
	// Negative amounts.
	fa.Lines[0].Spent = -5
	fa.Other = -1
	fs = accountsFindings(Default(), d, fa)
	if f := afterRule(fs, RuleAmount); len(f) != 2 {
		t.Errorf("negative amounts: %+v", f)
	}
}
