package forms

import (
	"fmt"
	"math"
)

// MaxAmount is the largest amount, in whole yuan, that a draft may hold in
// any amount field: 1亿元 (100,000,000 yuan). No project of the call comes
// near it (the largest grant is 6万元); a larger number is a typing or paste
// error, such as an ID number pasted into 预算总额. Documented in
// docs/draft-format.md, “限制 (limits)”.
const MaxAmount int64 = 100_000_000

// RuleAmountCeiling is the rule of AmountFindings: no amount above MaxAmount
// (or below −MaxAmount).
const RuleAmountCeiling = "format.amount_ceiling"

// SumAmounts adds amounts without wrapping around: when the exact sum does
// not fit an int64 it returns math.MaxInt64 or math.MinInt64 (the side it
// overflowed to) and ok false.
func SumAmounts(amounts ...int64) (sum int64, ok bool) {
	ok = true
	for _, a := range amounts {
		s := sum + a
		switch {
		case a > 0 && s < sum:
			return math.MaxInt64, false
		case a < 0 && s > sum:
			return math.MinInt64, false
		}
		sum = s
	}
	return sum, ok
}

// DiffAmounts is a − b, saturated like SumAmounts.
func DiffAmounts(a, b int64) int64 {
	if b == math.MinInt64 {
		if a >= 0 {
			return math.MaxInt64
		}
		return a - b // a < 0: a − MinInt64 = a + 2⁶³ fits
	}
	d, _ := SumAmounts(a, -b)
	return d
}

// AmountFindings reports, as errors, each amount of a draft beyond
// ±MaxAmount: the requested amount, the budget's totals and lines, and the
// final accounts when there are any.
func AmountFindings(call *Call, d *Draft) []Finding {
	var out []Finding
	check := func(path, label string, n int64) {
		if n > MaxAmount || n < -MaxAmount {
			out = append(out, Finding{Rule: RuleAmountCeiling, Field: path, Severity: Error, Message: fmt.Sprintf(
				"%s填的是%s元，超过了金额上限%s元（壹亿元），应是误填（例如粘贴了证件号码或多输了几位）：请填写以元为单位的金额。",
				label, Thousands(n), Thousands(MaxAmount))})
		}
	}
	// the fields by their one label (Call.FieldLabel), as the form shows them
	check("project.requested_amount", call.FieldLabel("project.requested_amount"), d.Project.RequestedAmount)
	b := &d.Budget
	check("budget.total", call.FieldLabel("budget.total"), b.Total)
	check("budget.provincial", "预算中的"+call.FieldLabel("budget.provincial"), b.Provincial)
	check("budget.self_raised", "预算中的"+call.FieldLabel("budget.self_raised"), b.SelfRaised)
	check("budget.other", "预算中的"+call.FieldLabel("budget.other"), b.Other)
	for i, l := range b.Lines {
		if l.Amount > MaxAmount || l.Amount < -MaxAmount { // the labels only for a finding
			p := fmt.Sprintf("budget.lines[%d].amount", i)
			check(p, call.FieldLabel(p), l.Amount)
		}
	}
	if d.Reports != nil && d.Reports.Accounts != nil {
		fa := d.Reports.Accounts
		for i, l := range fa.Lines {
			if l.Budgeted > MaxAmount || l.Budgeted < -MaxAmount {
				check(fmt.Sprintf("reports.accounts.spent_lines[%d].budgeted", i), fmt.Sprintf("决算表第%d行的预算数", i+1), l.Budgeted)
			}
			if l.Spent > MaxAmount || l.Spent < -MaxAmount {
				check(fmt.Sprintf("reports.accounts.spent_lines[%d].spent", i), fmt.Sprintf("决算表第%d行的实际支出", i+1), l.Spent)
			}
		}
		check("reports.accounts.provincial", "决算表的"+call.GrantName(), fa.Provincial)
		check("reports.accounts.self_raised", "决算表的自筹经费", fa.SelfRaised)
		check("reports.accounts.other", "决算表的其他经费", fa.Other)
	}
	return out
}
