package forms

import (
	"fmt"
	"strings"
)

// The rules after selection: the event's actual dates, the due dates of
// the materials the call lists ([[after_event]]), and the rules of each
// material this program has an editor for. A rule on a material is listed
// and checked only when the call asks for that material; the report's
// length and photo counts only when the call states them.

// Rule IDs of the after-selection rules.
const (
	RuleAfterDates = "after.actual_dates"
	RuleReportDue  = "after.report_due"
	RuleSummaryDue = "after.summary_due"
)

func asks(kind string) func(*Call) bool { return func(c *Call) bool { return c.AsksAfter(kind) } }

var ruleAfterDates = ruleDef{
	id: RuleAfterDates, sev: Warning, stated: func(c *Call) bool { return len(c.AfterEvent) > 0 },
	clause: afterClause, summary: fixed("入选项目须填写实际举办日期，据此计算会后材料的报送期限"),
	check: checkAfterDates, noCategory: true,
}

// checkAfterDates asks a selected draft for the dates the event was held.
func checkAfterDates(r *run) {
	d := r.d
	if !d.IsSelected() || len(r.call.AfterEvent) == 0 {
		return
	}
	s := d.Selection
	cl := r.cite(r.call.Clauses.AfterEvent)
	switch {
	case s.ActualEnd.IsZero() && d.Project.EndDate.IsZero():
		r.reportAs(Warning, "selection.actual_end", "项目已标记入选：请填写实际举办的结束日期，本程序据此计算"+afterNames(r.call, d)+"的报送期限"+cl+"。")
	case s.ActualEnd.IsZero():
		r.reportAs(Info, "selection.actual_end", fmt.Sprintf("尚未填写实际结束日期，报送期限暂按计划结束日期%s计算；活动举办后请填写实际日期%s。", d.Project.EndDate.Chinese(), cl))
	case !s.ActualStart.IsZero() && s.ActualEnd.Before(s.ActualStart):
		r.reportAs(Error, "selection.actual_end", fmt.Sprintf("实际结束日期%s早于实际开始日期%s，请核对%s。", s.ActualEnd.Chinese(), s.ActualStart.Chinese(), cl))
	}
}

// afterNames names what a draft owes after the event, short: the kinds
// this program knows by their usual names ("信息报道稿、总结和决算表"),
// else "会后材料".
func afterNames(c *Call, d *Draft) string {
	short := map[string]string{ItemReport: "信息报道稿", ItemSummary: "总结", ItemAccounts: "决算表"}
	var n []string
	for _, k := range []string{ItemReport, ItemSummary, ItemAccounts} {
		if HasAfterItem(c, d, k) {
			n = append(n, short[k])
		}
	}
	switch len(n) {
	case 0:
		return "会后材料"
	case 1:
		return n[0]
	}
	return strings.Join(n[:len(n)-1], "、") + "和" + n[len(n)-1]
}

// dueRule is the rule that reports a group's due date: the report's (a
// group with the information report or the results) or the summary's.
func dueRule(ae AfterEvent) string {
	for _, it := range ae.Items {
		if it.Kind == ItemReport || it.Kind == ItemResults {
			return RuleReportDue
		}
	}
	return RuleSummaryDue
}

// dueSummary states the groups a due rule reports, "项目完成后3日内报送…".
func dueSummary(rule string) func(*Call) string {
	return func(c *Call) string {
		var out []string
		for _, ae := range c.AfterEvent {
			if dueRule(ae) != rule {
				continue
			}
			n := make([]string, len(ae.Items))
			for j, it := range ae.Items {
				n[j] = it.Name
			}
			out = append(out, fmt.Sprintf("项目完成后%s报送%s", ae.Within(), strings.Join(n, "、")))
		}
		return strings.Join(out, "；")
	}
}

func hasDue(rule string) func(*Call) bool {
	return func(c *Call) bool {
		for _, ae := range c.AfterEvent {
			if dueRule(ae) == rule {
				return true
			}
		}
		return false
	}
}

var ruleReportDue = ruleDef{
	id: RuleReportDue, sev: Warning, stated: hasDue(RuleReportDue), clause: afterClause, summary: dueSummary(RuleReportDue),
	check: checkDue, noCategory: true,
}

var ruleSummaryDue = ruleDef{
	id: RuleSummaryDue, sev: Warning, stated: hasDue(RuleSummaryDue), clause: afterClause, summary: dueSummary(RuleSummaryDue),
	check: checkDue, noCategory: true,
}

// checkDue is the countdown or the overdue warning of the due groups the
// rule being checked reports (RuleReportDue, RuleSummaryDue: the groups
// are split between the two by dueRule, so each group is reported once).
func checkDue(r *run) {
	if r.opts.Today.IsZero() {
		return
	}
	for _, g := range DueGroups(r.call, r.d) {
		if g.Rule != r.rule.id {
			continue
		}
		if f, ok := dueFinding(r.call, g, r.opts.Today); ok {
			r.reportAs(f.Severity, f.Field, f.Message)
		}
	}
}

// reports is the draft's after-event reports when the rules on them apply:
// the draft is selected and has begun them.
func reports(r *run) *AfterReports {
	if !r.d.IsSelected() {
		return nil
	}
	return r.d.Reports
}

// afterCheck is the check of one rule on a material: fn's findings, for a
// selected draft of a call that asks the material.
func afterCheck(kind string, fn func(*Call, *Draft, *AfterReports) []Finding) func(*run) {
	return func(r *run) {
		if rep := reports(r); rep != nil && r.call.AsksAfter(kind) {
			r.addAll(fn(r.call, r.d, rep))
		}
	}
}

var ruleReportTitle = ruleDef{
	id: RuleReportTitle, sev: Warning, stated: asks(ItemReport), clause: afterClause, summary: fixed("信息报道稿须有标题"),
	check: afterCheck(ItemReport, func(c *Call, _ *Draft, rep *AfterReports) []Finding { return infoTitle(c, &rep.Info) }), noCategory: true,
}

var ruleReportLength = ruleDef{
	id: RuleReportLength, sev: Error, stated: asks(ItemReport), clause: afterClause,
	summary: func(c *Call) string {
		if n := ReportMaxChars(c); n > 0 {
			return fmt.Sprintf("信息报道稿正文不超过%d字（空格和换行不计）", n)
		}
		return "信息报道稿须有正文"
	},
	check: afterCheck(ItemReport, func(c *Call, _ *Draft, rep *AfterReports) []Finding { return infoLength(c, &rep.Info) }), noCategory: true,
}

var ruleReportPhotos = ruleDef{
	id: RuleReportPhotos, sev: Error,
	stated: func(c *Call) bool { _, hi := PhotoLimits(c); return hi > 0 && c.AsksAfter(ItemReport) },
	clause: afterClause,
	summary: func(c *Call) string {
		lo, hi := PhotoLimits(c)
		return "信息报道稿附" + photoRange(lo, hi) + "张照片"
	},
	check: afterCheck(ItemReport, func(c *Call, _ *Draft, rep *AfterReports) []Finding { return infoPhotos(c, &rep.Info) }), noCategory: true,
}

var ruleReportCaption = ruleDef{
	id: RuleReportCaption, sev: Warning,
	stated: func(c *Call) bool { _, hi := PhotoLimits(c); return hi > 0 && c.AsksAfter(ItemReport) },
	clause: afterClause, summary: fixed("每张照片须有说明"),
	check: afterCheck(ItemReport, func(_ *Call, _ *Draft, rep *AfterReports) []Finding { return infoCaptions(&rep.Info) }), noCategory: true,
}

var ruleResultsIncomplete = ruleDef{
	id: RuleResultsIncomplete, sev: Warning, stated: asks(ItemResults), clause: afterClause,
	summary: fixed("分赛场成绩每行须有姓名、单位、演讲题目、名次和得分"),
	check:   afterCheck(ItemResults, func(c *Call, _ *Draft, rep *AfterReports) []Finding { return resultsIncomplete(c, rep.Results) }), noCategory: true,
}

var ruleResultsRank = ruleDef{
	id: RuleResultsRank, sev: Warning, stated: asks(ItemResults), clause: afterClause,
	summary: fixed("分赛场成绩的名次须与得分一致（得分高者名次靠前）"),
	check:   afterCheck(ItemResults, func(c *Call, _ *Draft, rep *AfterReports) []Finding { return resultsRank(c, rep.Results) }), noCategory: true,
}

// accountsCheck is afterCheck for a rule on the final accounts.
func accountsCheck(fn func(*Call, *Draft, *FinalAccounts) []Finding) func(*run) {
	return afterCheck(ItemAccounts, func(call *Call, d *Draft, rep *AfterReports) []Finding {
		if rep.Accounts == nil {
			return nil
		}
		return fn(call, d, rep.Accounts)
	})
}

var ruleAccountsLineOver = ruleDef{
	id: RuleAccountsLineOver, sev: Warning, stated: asks(ItemAccounts), clause: afterClause,
	summary: fixed("决算表各项支出不应超出预算，超支或预算外支出须说明原因"),
	check:   accountsCheck(accountsLineOver), noCategory: true,
}

var ruleAccountsTotalOver = ruleDef{
	id: RuleAccountsTotalOver, sev: Warning, stated: asks(ItemAccounts), clause: afterClause,
	summary: fixed("决算表实际支出合计超出预算总额时须说明原因"),
	check:   accountsCheck(accountsTotalOver), noCategory: true,
}

var ruleAccountsSources = ruleDef{
	id: RuleAccountsSources, sev: Error, stated: asks(ItemAccounts), clause: afterClause,
	summary: fixed("决算表经费来源合计须等于实际支出合计"),
	check:   accountsCheck(accountsSources), noCategory: true,
}

// funded reports whether the call asks the final accounts and states an
// amount for some category (a grant to account for).
func funded(c *Call) bool { return c.AsksAfter(ItemAccounts) && anyCat(isFunded)(c) }

var ruleAccountsOverGrant = ruleDef{
	id: RuleAccountsOverGrant, sev: Error, stated: funded,
	clause: func(c *Call) string {
		var cl []string
		for _, s := range []string{catClauses(isFunded, fundingClause)(c), afterClause(c)} {
			if s != "" {
				cl = append(cl, s)
			}
		}
		return strings.Join(cl, "、")
	},
	summary: func(c *Call) string { return "决算表中" + c.GrantName() + "支出不能超过批准的资助额" },
	check:   accountsCheck(accountsOverGrant), noCategory: true,
}

var ruleAccountsUnspent = ruleDef{
	id: RuleAccountsUnspent, sev: Info, stated: funded, clause: afterClause,
	summary: func(c *Call) string { return c.GrantName() + "未全部列支时提示核对" },
	check:   accountsCheck(accountsUnspent), noCategory: true,
}
