package forms

import (
	"math"
	"strings"
	"testing"
)

func TestSumAmounts(t *testing.T) {
	for _, c := range []struct {
		in   []int64
		want int64
		ok   bool
	}{
		{nil, 0, true},
		{[]int64{20000, 5000, 0}, 25000, true},
		{[]int64{math.MaxInt64, 1}, math.MaxInt64, false},
		{[]int64{math.MaxInt64, math.MaxInt64, math.MaxInt64}, math.MaxInt64, false},
		{[]int64{math.MinInt64, -1}, math.MinInt64, false},
		{[]int64{math.MaxInt64, -1, 1}, math.MaxInt64, true},
		{[]int64{math.MinInt64, math.MaxInt64}, -1, true},
	} {
		got, ok := SumAmounts(c.in...)
		if got != c.want || ok != c.ok {
			t.Errorf("SumAmounts(%v) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	for _, c := range [][3]int64{
		{5, 3, 2}, {3, 5, -2}, {math.MaxInt64, -1, math.MaxInt64}, {math.MinInt64, 1, math.MinInt64},
		{0, math.MinInt64, math.MaxInt64}, {-1, math.MinInt64, math.MaxInt64}, {math.MinInt64, math.MinInt64, 0},
	} {
		if got := DiffAmounts(c[0], c[1]); got != c[2] {
			t.Errorf("DiffAmounts(%d, %d) = %d, want %d", c[0], c[1], got, c[2])
		}
	}
}

// TestBudgetSumsDoNotWrap: the largest int64 as a budget source used to
// make the sources' sum wrap around to −2 (经费来源合计-2元).
func TestBudgetSumsDoNotWrap(t *testing.T) {
	d := sample(t, "annual")
	d.Budget.Provincial, d.Budget.SelfRaised, d.Budget.Other = math.MaxInt64, math.MaxInt64, 0
	d.Budget.Lines = append(d.Budget.Lines, BudgetLine{Item: "x", Amount: math.MaxInt64})
	for _, f := range Check(Default(), d, Options{Today: today}) {
		if strings.Contains(f.Message, "-") && (f.Rule == RuleBudgetSourcesSum || f.Rule == RuleBudgetLinesSum) {
			t.Errorf("%s: a sum wrapped around: %s", f.Rule, f.Message)
		}
	}
}

func TestAmountFindings(t *testing.T) {
	d := sample(t, "speech")
	if fs := AmountFindings(Default(), d); len(fs) != 0 {
		t.Fatalf("the sample has no absurd amount, got %v", fs)
	}
	d.Project.RequestedAmount = 220102199001011234 // an ID number pasted
	d.Budget.Total = MaxAmount                     // at the ceiling: allowed
	d.Budget.Other = -MaxAmount - 1
	d.Budget.Lines[0].Amount = MaxAmount + 1
	d.Reports = &AfterReports{Accounts: &FinalAccounts{Lines: []AccountLine{{Item: "会议费", Spent: math.MaxInt64}}, Provincial: math.MinInt64}}
	got := map[string]Finding{}
	for _, f := range AmountFindings(Default(), d) {
		got[f.Field] = f
		if f.Rule != RuleAmountCeiling || f.Severity != Error || !strings.Contains(f.Message, "100,000,000元") || !strings.Contains(f.Message, "壹亿元") {
			t.Errorf("finding %+v", f)
		}
	}
	for _, field := range []string{"project.requested_amount", "budget.other", "budget.lines[0].amount", "reports.accounts.spent_lines[0].spent", "reports.accounts.provincial"} {
		if _, ok := got[field]; !ok {
			t.Errorf("no finding for %s (got %v)", field, got)
		}
	}
	if len(got) != 5 {
		t.Errorf("want 5 findings, got %d: %v", len(got), got)
	}
	if m := got["project.requested_amount"].Message; !strings.Contains(m, "申请省科协资助") || !strings.Contains(m, "220,102,199,001,011,234") {
		t.Errorf("message %q should name the field and the value", m)
	}
	// Check reports them (the registry runs AmountFindings), without panicking
	// on any of them
	var n int
	for _, f := range checked(d) {
		if f.Rule == RuleAmountCeiling {
			n++
		}
	}
	if n != 5 {
		t.Errorf("Check reports %d amount-ceiling findings, want 5", n)
	}
}

func TestAccountsExtremeAmounts(t *testing.T) {
	for _, c := range []struct {
		spent, budgeted int64
		want            string
	}{
		{math.MaxInt64, 1, "922337203685477580700%"},
		{math.MaxInt64, math.MaxInt64, "100%"},
		{1, math.MaxInt64, "0%"},
		{-500, 1000, "-50%"},
		{math.MinInt64, 1000, "-922337203685477580.8%"},
	} {
		if got := PercentText(c.spent, c.budgeted); got != c.want {
			t.Errorf("PercentText(%d, %d) = %s, want %s", c.spent, c.budgeted, got, c.want)
		}
	}
	d := sample(t, "forum")
	d.Reports = &AfterReports{Accounts: &FinalAccounts{Lines: []AccountLine{{Item: "a", Spent: math.MaxInt64}, {Item: "b", Spent: math.MaxInt64}}, Provincial: math.MinInt64}}
	tot := d.Reports.Accounts.Totals(d)
	if tot.Spent != math.MaxInt64 || tot.GrantLeft != math.MaxInt64 {
		t.Errorf("totals wrapped around: %+v", tot)
	}
}

// TestFindingsQuoteShortened: findings used to repeat whole values (1.8 MB
// of output for 100,000-character values); they quote at most 40
// characters, and list at most 10 unprintable characters.
func TestFindingsQuoteShortened(t *testing.T) {
	d := sample(t, "speech")
	long := strings.Repeat("超", 100000)
	d.Reports = &AfterReports{
		Accounts: &FinalAccounts{Lines: []AccountLine{{Item: long, Spent: 5, Note: long}, {Item: long, Budgeted: 0, Spent: 3}}, Provincial: 8},
		Results:  []ResultRow{{Name: long, Rank: 2, Score: 10}, {Name: long, Rank: 1, Score: 5}},
	}
	var ext strings.Builder
	for r := rune(0x20000); r < 0x20000+5000; r++ {
		ext.WriteRune(r)
	}
	d.Project.Summary = ext.String()
	fs := append(Check(Default(), d, Options{Today: today, Printable: func(r rune) bool { return r < 0x20000 }}), reportFindings(Default(), d)...)
	if len(fs) == 0 {
		t.Fatal("no findings")
	}
	for _, f := range fs {
		if n := len([]rune(f.Message)); n > 400 {
			t.Errorf("%s: message of %d characters: %.80s…", f.Rule, n, f.Message)
		}
	}
}
