package forms

import (
	"fmt"
	"math/big"
	"strings"

	"shenbao/forms/usererr"
)

// FinalAccounts is the final accounts (决算表): what was actually spent on
// each line of the approved budget, and where the money came from.
type FinalAccounts struct {
	Lines []AccountLine `json:"spent_lines"`
	// Sources of the money actually spent; their sum must equal the sum of
	// the lines. Provincial is the part of the provincial SAT's grant that
	// was spent (at most the grant).
	Provincial int64  `json:"provincial"`
	SelfRaised int64  `json:"self_raised"`
	Other      int64  `json:"other"`
	Note       string `json:"note,omitempty"`
}

// AccountLine is one line of the final accounts: the approved amount (copied
// from the application's budget when the accounts were begun; 0 for an
// expense the budget did not foresee) and the amount spent, in whole yuan.
type AccountLine struct {
	Item     string `json:"expense"`
	Budgeted int64  `json:"budgeted"`
	Spent    int64  `json:"spent"`
	Note     string `json:"note,omitempty"`
}

// NewFinalAccounts begins the final accounts of a draft: one line per line
// of the approved budget, nothing spent yet.
func NewFinalAccounts(d *Draft) *FinalAccounts {
	fa := &FinalAccounts{}
	for _, l := range d.Budget.Lines {
		fa.Lines = append(fa.Lines, AccountLine{Item: l.Item, Budgeted: l.Amount})
	}
	return fa
}

// AccountTotals are the sums of the final accounts, reconciled against the
// approved budget and the grant.
type AccountTotals struct {
	Budgeted int64 // sum of the approved lines
	Spent    int64 // sum of the amounts spent
	Sources  int64 // Provincial + SelfRaised + Other
	Grant    int64 // the approved provincial funding (project.requested_amount)
	// GrantLeft is the part of the grant not spent (negative when the
	// accounts show more provincial money than was granted).
	GrantLeft int64
}

// Totals sums the accounts of a draft.
func (fa *FinalAccounts) Totals(d *Draft) AccountTotals {
	var t AccountTotals
	// Sums saturate instead of wrapping around (AmountFindings reports
	// amounts that large).
	for _, l := range fa.Lines {
		t.Budgeted, _ = SumAmounts(t.Budgeted, l.Budgeted)
		t.Spent, _ = SumAmounts(t.Spent, l.Spent)
	}
	t.Sources, _ = SumAmounts(fa.Provincial, fa.SelfRaised, fa.Other)
	t.Grant = d.Project.RequestedAmount
	t.GrantLeft = DiffAmounts(t.Grant, fa.Provincial)
	return t
}

// Difference is spent minus budgeted (positive: over budget).
func (l AccountLine) Difference() int64 { return DiffAmounts(l.Spent, l.Budgeted) }

// PercentText is the share of the budget spent, "87.5%", or "—" when
// nothing was budgeted.
func PercentText(spent, budgeted int64) string {
	if budgeted <= 0 {
		return "—"
	}
	// One decimal, rounded half up, computed in integers (per mille), in
	// big integers so that no amount overflows.
	num := new(big.Int).Abs(big.NewInt(spent))
	num.Mul(num, big.NewInt(2000)).Add(num, big.NewInt(budgeted))
	pm := num.Quo(num, new(big.Int).Mul(big.NewInt(budgeted), big.NewInt(2)))
	q, r := new(big.Int).QuoRem(pm, big.NewInt(10), new(big.Int))
	sign := ""
	if spent < 0 && pm.Sign() != 0 {
		sign = "-"
	}
	s := fmt.Sprintf("%s%s.%s%%", sign, q, r)
	return strings.Replace(s, ".0%", "%", 1)
}

// SignedThousands prints a difference with its sign: "+1,200", "-300", "0".
func SignedThousands(n int64) string {
	if n > 0 {
		return "+" + Thousands(n)
	}
	if n < 0 {
		return "-" + Thousands(-n)
	}
	return "0"
}

// Rule IDs of the final accounts.
const (
	RuleAccountsLineOver  = "after.accounts_line_over"
	RuleAccountsTotalOver = "after.accounts_total_over"
	RuleAccountsSources   = "after.accounts_sources"
	RuleAccountsOverGrant = "after.accounts_over_grant"
	RuleAccountsUnspent   = "after.accounts_grant_unspent"
)

// accountsFindings check the final accounts once something has been entered:
// lines over budget and spending the budget did not foresee (warnings; an
// information once the line's note explains them),
// the total over the approved budget (warning), negative amounts, sources
// that do not add up to the spending (error), and more provincial money
// shown than was granted (error: the grant is a fixed amount; spending
// beyond it is the unit's own money and must be shown as self-raised or
// other funds). The registry runs each rule's own function
// (rules_after.go).
func accountsFindings(call *Call, d *Draft, fa *FinalAccounts) []Finding {
	var out []Finding
	out = append(out, accountsNegative(call, d, fa)...)
	out = append(out, accountsLineOver(call, d, fa)...)
	out = append(out, accountsTotalOver(call, d, fa)...)
	out = append(out, accountsSources(call, d, fa)...)
	out = append(out, accountsOverGrant(call, d, fa)...)
	return append(out, accountsUnspent(call, d, fa)...)
}

// accountsBegun reports whether anything has been entered, with the totals.
func accountsBegun(d *Draft, fa *FinalAccounts) (AccountTotals, bool) {
	t := fa.Totals(d)
	return t, t.Spent != 0 || t.Sources != 0
}

// accountsNegative: no amount of the accounts is negative (rule RuleAmount),
// once something has been entered.
func accountsNegative(call *Call, d *Draft, fa *FinalAccounts) []Finding {
	if _, ok := accountsBegun(d, fa); !ok {
		return nil
	}
	var out []Finding
	for i, l := range fa.Lines {
		if l.Spent < 0 || l.Budgeted < 0 {
			out = append(out, Finding{Rule: RuleAmount, Field: fmt.Sprintf("reports.accounts.spent_lines[%d].spent", i), Severity: Error, Message: fmt.Sprintf("决算表第%d行（%s）的金额不能为负数。", i+1, quoted(l.Item))})
		}
	}
	for _, v := range []struct {
		path string
		n    int64
	}{{"reports.accounts.provincial", fa.Provincial}, {"reports.accounts.self_raised", fa.SelfRaised}, {"reports.accounts.other", fa.Other}} {
		if v.n < 0 {
			out = append(out, Finding{Rule: RuleAmount, Field: v.path, Severity: Error, Message: fmt.Sprintf("决算表的%s不能为负数。", FieldLabel(v.path[len("reports.accounts."):]))})
		}
	}
	return out
}

func accountsLineOver(call *Call, d *Draft, fa *FinalAccounts) []Finding {
	if _, ok := accountsBegun(d, fa); !ok {
		return nil
	}
	var out []Finding
	for i, l := range fa.Lines {
		path := fmt.Sprintf("reports.accounts.spent_lines[%d]", i)
		switch {
		case l.Spent < 0 || l.Budgeted < 0:
		case l.Budgeted == 0 && l.Spent > 0:
			f := Finding{Rule: RuleAccountsLineOver, Field: path + ".spent", Severity: Warning, Message: fmt.Sprintf("决算表第%d行“%s”支出%s元，预算中没有这一项：请在这一行的说明中写明预算外支出的原因。", i+1, quoted(l.Item), Thousands(l.Spent))}
			out = append(out, explained(f, l))
		case l.Spent > l.Budgeted:
			f := Finding{Rule: RuleAccountsLineOver, Field: path + ".spent", Severity: Warning, Message: fmt.Sprintf("决算表第%d行“%s”支出%s元，比预算%s元超出%s元（执行率%s）：请核对，或在这一行的说明中写明超支原因。", i+1, quoted(l.Item), Thousands(l.Spent), Thousands(l.Budgeted), Thousands(l.Difference()), PercentText(l.Spent, l.Budgeted))}
			out = append(out, explained(f, l))
		}
	}
	return out
}

func accountsTotalOver(call *Call, d *Draft, fa *FinalAccounts) []Finding {
	if t, ok := accountsBegun(d, fa); ok && t.Budgeted > 0 && t.Spent > t.Budgeted {
		if note := strings.TrimSpace(fa.Note); note != "" {
			// Asked for, written: information that it is there.
			return []Finding{{Rule: RuleAccountsTotalOver, Field: "reports.accounts", Severity: Info, Message: fmt.Sprintf("实际支出合计%s元，超出预算总额%s元%s元，决算说明已写明原因：%s", Thousands(t.Spent), Thousands(t.Budgeted), Thousands(DiffAmounts(t.Spent, t.Budgeted)), quoted(note))}}
		}
		return []Finding{{Rule: RuleAccountsTotalOver, Field: "reports.accounts", Severity: Warning, Message: fmt.Sprintf("实际支出合计%s元，超出预算总额%s元%s元：超出部分须由自筹或其他经费承担，请在决算说明中写明原因。", Thousands(t.Spent), Thousands(t.Budgeted), Thousands(DiffAmounts(t.Spent, t.Budgeted)))}}
	}
	return nil
}

func accountsSources(call *Call, d *Draft, fa *FinalAccounts) []Finding {
	if t, ok := accountsBegun(d, fa); ok && t.Sources != t.Spent {
		return []Finding{{Rule: RuleAccountsSources, Field: "reports.accounts.self_raised", Severity: Error, Message: fmt.Sprintf("经费来源合计%s元（%s%s元＋自筹%s元＋其他%s元）与实际支出合计%s元不符，相差%s元：请调整各项来源。", Thousands(t.Sources), call.GrantName(), Thousands(fa.Provincial), Thousands(fa.SelfRaised), Thousands(fa.Other), Thousands(t.Spent), Thousands(abs(DiffAmounts(t.Sources, t.Spent))))}}
	}
	return nil
}

func accountsOverGrant(call *Call, d *Draft, fa *FinalAccounts) []Finding {
	if t, ok := accountsBegun(d, fa); ok && t.GrantLeft < 0 {
		return []Finding{{Rule: RuleAccountsOverGrant, Field: "reports.accounts.provincial", Severity: Error, Message: fmt.Sprintf("决算表中%s支出%s元，超过批准的资助额%s元（%s）%s元：%s为定额，超出部分是本单位的经费，请改列为自筹或其他经费。", call.GrantName(), Thousands(fa.Provincial), Thousands(t.Grant), Capital(t.Grant), Thousands(-t.GrantLeft), call.GrantName())}}
	}
	return nil
}

func accountsUnspent(call *Call, d *Draft, fa *FinalAccounts) []Finding {
	if t, ok := accountsBegun(d, fa); ok && t.GrantLeft > 0 {
		return []Finding{{Rule: RuleAccountsUnspent, Field: "reports.accounts.provincial", Severity: Info, Message: fmt.Sprintf("%s%s元中有%s元未列支出：请核对；如确有结余，请按%s的要求说明处理方式。", call.GrantName(), Thousands(t.Grant), Thousands(t.GrantLeft), contactName(call))}}
	}
	return nil
}

// explained turns a line's over-budget warning into information once the
// line says why ("说明").
func explained(f Finding, l AccountLine) Finding {
	if strings.TrimSpace(l.Note) == "" {
		return f
	}
	f.Severity = Info
	f.Message = fmt.Sprintf("决算表“%s”超出预算%s元，已说明原因：%s", quoted(l.Item), Thousands(l.Difference()), quoted(strings.TrimSpace(l.Note)))
	return f
}

// quoted is a value the user typed as a message quotes it: at most
// usererr.QuoteLen characters, so that a finding never repeats a whole
// pasted text.
func quoted(s string) string { return usererr.Shorten(s, usererr.QuoteLen) }
