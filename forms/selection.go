package forms

import (
	"fmt"
	"strings"
)

// Selection records that a project was selected (入选) and when it was
// actually held. The obligations after the event (Clauses.AfterEvent) are counted from
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

// Kinds of after-event items: the call's [[after_event]] items say which
// each is (kind = "..."), and this program has an editor for each but other.
const (
	ItemReport   = "report"   // 信息报道稿（附照片）
	ItemResults  = "results"  // 演讲比赛分赛场成绩
	ItemSummary  = "summary"  // 项目总结
	ItemReview   = "review"   // 学术观点综述材料（或论文汇编）
	ItemAccounts = "accounts" // 决算表
	ItemOther    = "other"    // an item this program has no editor for
)

var afterKinds = []string{ItemReport, ItemResults, ItemSummary, ItemReview, ItemAccounts, ItemOther}

// AfterItemsFor are the items of an after-event group due from a draft.
func AfterItemsFor(ae AfterEvent, d *Draft) []AfterItem {
	var out []AfterItem
	for _, it := range ae.Items {
		if it.Applies(d) {
			out = append(out, it)
		}
	}
	return out
}

// HasAfterItem reports whether a draft owes an item of a kind after the event.
func HasAfterItem(call *Call, d *Draft, kind string) bool {
	for _, ae := range call.AfterEvent {
		for _, it := range AfterItemsFor(ae, d) {
			if it.Kind == kind {
				return true
			}
		}
	}
	return false
}

// DueItem is one obligation after the event with its due date.
type DueItem struct {
	Kind   string `json:"kind"`
	Name   string `json:"name"`             // as the call words it
	Days   int    `json:"days"`             // days after the event's end (0 when counted in months)
	Months int    `json:"months,omitempty"` // months after the event's end
	// Within is how the notice words the delay: "3日内", "一月内".
	Within    string `json:"within"`
	Due       Date   `json:"due"`
	Submitted Date   `json:"submitted"` // zero while not submitted
}

// DueGroup is the items due on the same day, with the rule that reports
// them.
type DueGroup struct {
	Rule   string    `json:"rule"`
	Days   int       `json:"days"`
	Months int       `json:"months,omitempty"`
	Within string    `json:"within"`
	Due    Date      `json:"due"`
	Items  []DueItem `json:"items"`
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
// grouped by due date (end + the call's days or months), in the call's order. It is nil
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
		g := DueGroup{Days: ae.Days, Months: ae.Months, Within: ae.Within(), Due: ae.DueAfter(end), Rule: dueRule(ae)}
		for _, it := range AfterItemsFor(ae, d) {
			g.Items = append(g.Items, DueItem{Kind: it.Kind, Name: it.Name, Days: ae.Days, Months: ae.Months, Within: g.Within, Due: g.Due, Submitted: d.Selection.Submitted[it.Kind]})
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

// dueFinding is the countdown (info) or the overdue warning of one group;
// none once every item of the group is submitted.
func dueFinding(call *Call, g DueGroup, today Date) (Finding, bool) {
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
		f.Message = fmt.Sprintf("%s应在项目结束后%s（%s前）报送，已逾期%d天：请尽快报送%s，报送后在本程序中标记“已报送”%s。", what, g.Within, g.Due.Chinese(), -left, contactName(call), cite(call.Clauses.AfterEvent))
	case left == 0:
		cl := ""
		if call.Clauses.AfterEvent != "" {
			cl = "，通知 " + call.Clauses.AfterEvent
		}
		f.Message = fmt.Sprintf("今天（%s）是%s的报送截止日（项目结束后%s%s）。", g.Due.Chinese(), what, g.Within, cl)
	default:
		f.Message = fmt.Sprintf("%s须在%s前报送（项目结束后%s），还有%d天%s。", what, g.Due.Chinese(), g.Within, left, cite(call.Clauses.AfterEvent))
	}
	return f, true
}
