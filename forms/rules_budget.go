package forms

import (
	"fmt"
	"strings"
)

// The rules on the money: the venue and the amount the notice states, the
// budget's sums, amounts never negative nor absurd. Where the call states
// no amount for a category, its application requests none: no funding
// rule applies and the budget does not have to match a request.

// funderOr is the funder as messages name it, or "资助方" when the call
// names none.
func funderOr(c *Call) string {
	if f := c.Funder(); f != "" {
		return f
	}
	return "资助方"
}

func byVenue(cat *Category) bool  { return cat.FundingKind == FundingVenue }
func isFixed(cat *Category) bool  { return cat.FundingKind == FundingFixed }
func isRanged(cat *Category) bool { return cat.FundingKind == FundingRange }
func isFunded(cat *Category) bool { return cat.FundingStated() }

var ruleVenue = ruleDef{
	id: RuleVenue, sev: Error, stated: anyCat(byVenue), clause: catClauses(byVenue, venueClause),
	summary: func(c *Call) string {
		return perCategory(c, byVenue, func(*Category) string { return "须选择承办的分赛场或决赛" })
	},
	check: checkVenue,
}

func checkVenue(r *run) {
	cat := r.cat
	if cat.FundingKind != FundingVenue || cat.Venue(r.d.Venue) != nil {
		return
	}
	names := make([]string, len(cat.Venues))
	for i, v := range cat.Venues {
		names[i] = v.Name
	}
	r.report("venue", fmt.Sprintf("请选择承办的赛场：%s%s。", strings.Join(names, "、"), r.cite(cat.VenueClause)))
}

var ruleFundingFixed = ruleDef{
	id: RuleFundingFixed, sev: Error, stated: anyCat(isFixed), clause: catClauses(isFixed, fundingClause),
	summary: func(c *Call) string {
		return c.RequestLabel() + "须等于该类别的经费额度（" + perCategory(c, isFixed, func(cat *Category) string { return cat.FundingText() }) + "）"
	},
	check: checkFundingFixed,
}

func checkFundingFixed(r *run) {
	if cat, req := r.cat, r.d.Project.RequestedAmount; cat.FundingKind == FundingFixed && req != cat.Funding {
		r.report("project.requested_amount", fmt.Sprintf("“%s”的经费额度为%s元/项（%s），申请金额现为%s元，请改为%s元%s。", cat.Name, Thousands(cat.Funding), Capital(cat.Funding), Thousands(req), Thousands(cat.Funding), r.cite(cat.FundingClause)))
	}
}

var ruleFundingVenue = ruleDef{
	id: RuleFundingVenue, sev: Error, stated: anyCat(byVenue), clause: catClauses(byVenue, fundingClause),
	summary: func(c *Call) string {
		return perCategory(c, byVenue, func(cat *Category) string { return "按赛场申请：" + cat.FundingText() })
	},
	check: checkFundingVenue,
}

func checkFundingVenue(r *run) {
	cat, d := r.cat, r.d
	req := d.Project.RequestedAmount
	v := cat.Venue(d.Venue)
	if cat.FundingKind != FundingVenue || v == nil || req == v.Funding {
		return
	}
	msg := fmt.Sprintf("%s的经费额度为%s元（%s），申请金额现为%s元，请改为%s元%s。", v.Name, Thousands(v.Funding), Capital(v.Funding), Thousands(req), Thousands(v.Funding), r.cite(cat.FundingClause))
	if cat.WinnersSupport > 0 && v.ID == cat.WinnersVenue && req == v.Funding+cat.WinnersSupport {
		msg = fmt.Sprintf("%s申请%s元即可：另外的%s元获奖者参加学术交流活动经费由%s统筹，不由申报单位申请%s。", v.Name, Thousands(v.Funding), Thousands(cat.WinnersSupport), funderOr(r.call), r.cite(cat.FundingClause))
	}
	r.report("project.requested_amount", msg)
}

var ruleFundingRange = ruleDef{
	id: RuleFundingRange, sev: Error, stated: anyCat(isRanged), clause: catClauses(isRanged, fundingClause),
	summary: func(c *Call) string {
		return perCategory(c, isRanged, func(cat *Category) string { return "申请" + cat.FundingText() })
	},
	check: checkFundingRange,
}

func checkFundingRange(r *run) {
	if cat, req := r.cat, r.d.Project.RequestedAmount; cat.FundingKind == FundingRange && (req < cat.FundingMin || req > cat.FundingMax) {
		r.report("project.requested_amount", fmt.Sprintf("“%s”的经费额度为%s至%s元/项，申请金额现为%s元，请改到这个范围内%s。", cat.Name, Thousands(cat.FundingMin), Thousands(cat.FundingMax), Thousands(req), r.cite(cat.FundingClause)))
	}
}

var ruleBudgetProvincial = ruleDef{
	id: RuleBudgetProvincial, sev: Error, stated: both(declares(BlockBudget), anyCat(isFunded)), clause: formPart(BlockBudget), summary: func(c *Call) string { return "预算中的" + c.GrantName() + "须与申请金额一致" },
	check: checkBudgetProvincial,
}

func checkBudgetProvincial(r *run) {
	if !r.cat.FundingStated() {
		return
	}
	if b, req := &r.d.Budget, r.d.Project.RequestedAmount; b.Provincial != req {
		r.report("budget.provincial", fmt.Sprintf("预算中的%s%s元与申请金额%s元不一致，请改为相同金额%s。", r.call.GrantName(), Thousands(b.Provincial), Thousands(req), r.citeForm(BlockBudget)))
	}
}

var ruleBudgetLines = ruleDef{
	id: RuleBudgetLines, sev: Error, stated: declares(BlockBudget), clause: formPart(BlockBudget), summary: fixed("经费预算须列出支出明细"),
	check: checkBudgetLines,
}

func checkBudgetLines(r *run) {
	if len(r.d.Budget.Lines) == 0 {
		r.report("budget.lines", "请列出经费支出明细（如会议费、场地费、专家咨询费、差旅费、资料印刷费），每项写明金额"+r.citeForm(BlockBudget)+"。")
	}
}

var ruleBudgetLinesSum = ruleDef{
	id: RuleBudgetLinesSum, sev: Error, stated: declares(BlockBudget), clause: formPart(BlockBudget), summary: fixed("支出明细之和须等于预算总额"),
	check: checkBudgetLinesSum,
}

func checkBudgetLinesSum(r *run) {
	b := &r.d.Budget
	if len(b.Lines) == 0 {
		return
	}
	var sum int64
	for _, l := range b.Lines {
		sum, _ = SumAmounts(sum, l.Amount)
	}
	if sum != b.Total {
		r.report("budget.total", fmt.Sprintf("支出明细合计%s元，预算总额填的是%s元，相差%s元：请核对明细或把总额改为%s元%s。", Thousands(sum), Thousands(b.Total), Thousands(abs(DiffAmounts(sum, b.Total))), Thousands(sum), r.citeForm(BlockBudget)))
	}
}

var ruleBudgetSourcesSum = ruleDef{
	id: RuleBudgetSourcesSum, sev: Error, stated: declares(BlockBudget), clause: formPart(BlockBudget), summary: func(c *Call) string { return c.GrantName() + "、自筹和其他经费之和须等于预算总额" },
	check: checkBudgetSourcesSum,
}

func checkBudgetSourcesSum(r *run) {
	b := &r.d.Budget
	if src, _ := SumAmounts(b.Provincial, b.SelfRaised, b.Other); src != b.Total {
		r.report("budget.self_raised", fmt.Sprintf("经费来源合计%s元（%s%s元＋自筹%s元＋其他%s元），与预算总额%s元不符，相差%s元：请调整自筹或其他经费%s。", Thousands(src), r.call.GrantName(), Thousands(b.Provincial), Thousands(b.SelfRaised), Thousands(b.Other), Thousands(b.Total), Thousands(abs(DiffAmounts(src, b.Total))), r.citeForm(BlockBudget)))
	}
}

// ruleAmount: no amount is negative. A budget line's own amount is its
// struct tag's (gte=0, turned into this rule by toFinding); the check
// covers the budget's totals and the final accounts.
var ruleAmount = ruleDef{
	id: RuleAmount, sev: Error, clause: formPart(BlockBudget), summary: fixed("金额不能为负数"),
	check: checkAmount,
	tags:  []string{"gte", "min"},
	field: func(e fieldError) string { return fmt.Sprintf("%s 不能为负数，请填写0或正数。", e.label) },
}

func checkAmount(r *run) {
	d := r.d
	b := &d.Budget
	for _, v := range []struct {
		path string
		n    int64
	}{{"budget.provincial", b.Provincial}, {"budget.self_raised", b.SelfRaised}, {"budget.other", b.Other}, {"project.requested_amount", d.Project.RequestedAmount}} {
		if v.n < 0 {
			r.report(v.path, fmt.Sprintf("%s不能为负数，请填写0或正数%s。", r.call.FieldLabel(v.path), r.citeForm(BlockBudget)))
		}
	}
	if d.IsSelected() && d.Reports != nil && d.Reports.Accounts != nil {
		r.addAll(accountsNegative(r.call, d, d.Reports.Accounts))
	}
}

var ruleAmountCeiling = ruleDef{
	id: RuleAmountCeiling, sev: Error, clause: formPart(BlockBudget),
	summary: func(*Call) string {
		return "金额不超过" + Thousands(MaxAmount) + "元（" + Capital(MaxAmount) + "），防止误填（如粘贴了证件号码）"
	},
	check: func(r *run) { r.addAll(AmountFindings(r.call, r.d)) }, noCategory: true,
}
