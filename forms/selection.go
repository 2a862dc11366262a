package forms

import (
	"fmt"
	"strings"
)

// Selection records that a project was selected (入选) and when it was
// actually held. The obligations after the event (通知 二、3) are counted from
// the actual end date. A draft without a Selection, or with Selected false,
// is an application still being prepared: none of the after-selection rules
// apply to it.
type Selection struct {
	Selected bool `json:"selected"`
	// ListPublished is the day the list of selected projects was published
	// (on the call's announcement platform).
	ListPublished Date `json:"list_published"`
	// ActualStart and ActualEnd are the days the event was really held;
	// they may differ from the planned project.start_date/end_date.
	ActualStart Date `json:"actual_start"`
	ActualEnd   Date `json:"actual_end"`
	// Submitted records, per after-event item kind (ItemReport, ...), the
	// day the item was sent to the provincial SAT. A submitted item has no
	// more due-date findings.
	Submitted map[string]Date `json:"submitted,omitempty"`
}

// Kinds of after-event items. The call's [[after_event]] items are free
// Chinese text; AfterItemKind maps each to one of these.
const (
	ItemReport   = "report"   // 信息报道稿（附照片）
	ItemResults  = "results"  // 演讲比赛分赛场成绩
	ItemSummary  = "summary"  // 项目总结
	ItemReview   = "review"   // 学术观点综述材料（或论文汇编）
	ItemAccounts = "accounts" // 决算表
	ItemOther    = "other"    // an item this program has no editor for
)

// itemKeywords classify an after-event item of the call by the words it
// contains; the first match wins.
var itemKeywords = []struct {
	kind  string
	words []string
}{
	{ItemReport, []string{"信息报道", "报道稿"}},
	{ItemResults, []string{"成绩"}},
	{ItemSummary, []string{"总结"}},
	{ItemReview, []string{"综述", "论文汇编", "学术观点"}},
	{ItemAccounts, []string{"决算"}},
}

// AfterItemKind classifies one item text of the call's [[after_event]].
func AfterItemKind(item string) string {
	for _, k := range itemKeywords {
		for _, w := range k.words {
			if strings.Contains(item, w) {
				return k.kind
			}
		}
	}
	return ItemOther
}

// afterItemApplies reports whether an item of the call concerns a draft: the
// speech competition's sub-venue results (演讲比赛分赛场成绩) are due only
// from a speech competition sub-venue, not from the final or other
// categories; every other item concerns every selected project.
func afterItemApplies(item string, d *Draft) bool {
	if !strings.Contains(item, "演讲比赛") {
		return true
	}
	if d.Category != "speech" {
		return false
	}
	return !strings.Contains(item, "分赛场") || d.Venue != "final"
}

// AfterItemApplies reports whether an item of the call's [[after_event]]
// concerns a draft, selected or not (afterItemApplies): what the submission
// checklist lists as duties after the event.
func AfterItemApplies(item string, d *Draft) bool { return afterItemApplies(item, d) }

// DueItem is one obligation after the event with its due date.
type DueItem struct {
	Kind      string `json:"kind"`
	Name      string `json:"name"` // as the call words it
	Days      int    `json:"days"` // days after the event's end
	Due       Date   `json:"due"`
	Submitted Date   `json:"submitted"` // zero while not submitted
}

// DueGroup is the items due on the same day, with the rule that reports
// them.
type DueGroup struct {
	Rule  string    `json:"rule"`
	Days  int       `json:"days"`
	Due   Date      `json:"due"`
	Items []DueItem `json:"items"`
}

// Outstanding is the items of the group not yet submitted.
func (g DueGroup) Outstanding() []DueItem {
	var out []DueItem
	for _, it := range g.Items {
		if it.Submitted.IsZero() {
			out = append(out, it)
		}
	}
	return out
}

// IsSelected reports whether the draft is marked selected.
func (d *Draft) IsSelected() bool {
	return d.Selection != nil && d.Selection.Selected
}

// EventEnd is the day the event ended: the actual end date when filled in,
// else the planned end date. planned is true when the planned date is used.
func (d *Draft) EventEnd() (end Date, planned bool) {
	if d.Selection != nil && !d.Selection.ActualEnd.IsZero() {
		return d.Selection.ActualEnd, false
	}
	return d.Project.EndDate, true
}

// DueGroups returns the obligations after the event of a selected draft,
// grouped by due date (end + the call's days), in the call's order. It is nil
// when the draft is not selected or has no end date at all.
func DueGroups(call *Call, d *Draft) []DueGroup {
	if !d.IsSelected() {
		return nil
	}
	end, _ := d.EventEnd()
	if end.IsZero() {
		return nil
	}
	var out []DueGroup
	for _, ae := range call.AfterEvent {
		g := DueGroup{Days: ae.Days, Due: end.AddDays(ae.Days), Rule: RuleSummaryDue}
		for _, name := range ae.Items {
			if !afterItemApplies(name, d) {
				continue
			}
			kind := AfterItemKind(name)
			if kind == ItemReport || kind == ItemResults {
				g.Rule = RuleReportDue
			}
			g.Items = append(g.Items, DueItem{Kind: kind, Name: name, Days: ae.Days, Due: g.Due, Submitted: d.Selection.Submitted[kind]})
		}
		if len(g.Items) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// DueItems is DueGroups flattened.
func DueItems(call *Call, d *Draft) []DueItem {
	var out []DueItem
	for _, g := range DueGroups(call, d) {
		out = append(out, g.Items...)
	}
	return out
}

// MarkSubmitted records that the items of a kind were submitted on a day
// (a zero day clears the mark).
func (s *Selection) MarkSubmitted(kind string, on Date) {
	if on.IsZero() {
		delete(s.Submitted, kind)
		return
	}
	if s.Submitted == nil {
		s.Submitted = map[string]Date{}
	}
	s.Submitted[kind] = on
}

// afterFindings are the findings of a selected draft: the due dates (when
// opts.Today is set), the missing actual dates, and the reports' own rules.
func afterFindings(call *Call, d *Draft, opts Options) []Finding {
	if !d.IsSelected() {
		return nil
	}
	s := d.Selection
	var out []Finding
	switch {
	case s.ActualEnd.IsZero() && d.Project.EndDate.IsZero():
		out = append(out, Finding{Rule: RuleAfterDates, Field: "selection.actual_end", Severity: Warning, Message: "项目已标记入选：请填写实际举办的结束日期，本程序据此计算信息报道稿、总结和决算表的报送期限（通知 二、3）。"})
	case s.ActualEnd.IsZero():
		out = append(out, Finding{Rule: RuleAfterDates, Field: "selection.actual_end", Severity: Info, Message: fmt.Sprintf("尚未填写实际结束日期，报送期限暂按计划结束日期%s计算；活动举办后请填写实际日期（通知 二、3）。", d.Project.EndDate.Chinese())})
	case !s.ActualStart.IsZero() && s.ActualEnd.Before(s.ActualStart):
		out = append(out, Finding{Rule: RuleAfterDates, Field: "selection.actual_end", Severity: Error, Message: fmt.Sprintf("实际结束日期%s早于实际开始日期%s，请核对（通知 二、3）。", s.ActualEnd.Chinese(), s.ActualStart.Chinese())})
	}
	if !opts.Today.IsZero() {
		for _, g := range DueGroups(call, d) {
			if f, ok := dueFinding(g, opts.Today); ok {
				out = append(out, f)
			}
		}
	}
	out = append(out, reportFindings(call, d)...)
	return out
}

// dueFinding is the countdown (info) or the overdue warning of one group;
// none once every item of the group is submitted.
func dueFinding(g DueGroup, today Date) (Finding, bool) {
	open := g.Outstanding()
	if len(open) == 0 {
		return Finding{}, false
	}
	names := make([]string, len(open))
	for i, it := range open {
		names[i] = it.Name
	}
	what := strings.Join(names, "、")
	left := today.DaysUntil(g.Due)
	f := Finding{Rule: g.Rule, Field: "selection.submitted", Severity: Info}
	switch {
	case left < 0:
		f.Severity = Warning
		f.Message = fmt.Sprintf("%s应在项目结束后%d日内（%s前）报送，已逾期%d天：请尽快报送省科协学会学术部，报送后在本程序中标记“已报送”（通知 二、3）。", what, g.Days, g.Due.Chinese(), -left)
	case left == 0:
		f.Message = fmt.Sprintf("今天（%s）是%s的报送截止日（项目结束后%d日内，通知 二、3）。", g.Due.Chinese(), what, g.Days)
	default:
		f.Message = fmt.Sprintf("%s须在%s前报送（项目结束后%d日内），还有%d天（通知 二、3）。", what, g.Due.Chinese(), g.Days, left)
	}
	return f, true
}

// Rule IDs of the after-selection rules (listed in rules.go's table).
const (
	RuleAfterDates = "after.actual_dates"
	RuleReportDue  = "after.report_due"
	RuleSummaryDue = "after.summary_due"
)
