package forms

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// selectedSample is a valid sample marked selected, held on its planned
// dates but ending on end.
func selectedSample(t *testing.T, category string, end Date) *Draft {
	t.Helper()
	d, err := Sample(Default(), category)
	if err != nil {
		t.Fatal(err)
	}
	d.Selection = &Selection{Selected: true, ListPublished: NewDate(2024, 4, 28), ActualStart: end, ActualEnd: end}
	return d
}

func mustDate(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDueDatesAcrossMonthAndYearEnds(t *testing.T) {
	for _, tc := range []struct{ end, report, summary string }{
		{"2024-10-29", "2024-11-01", "2024-11-08"},
		{"2024-12-28", "2024-12-31", "2025-01-07"},
		{"2024-12-30", "2025-01-02", "2025-01-09"},
		{"2024-02-26", "2024-02-29", "2024-03-07"}, // leap year: 29 February exists
		{"2024-02-27", "2024-03-01", "2024-03-08"},
		{"2023-02-27", "2023-03-02", "2023-03-09"}, // common year
		{"2024-08-31", "2024-09-03", "2024-09-10"},
	} {
		d := selectedSample(t, "annual", mustDate(t, tc.end))
		gs := DueGroups(Default(), d)
		if len(gs) != 2 {
			t.Fatalf("end %s: %d groups, want 2", tc.end, len(gs))
		}
		if got := gs[0].Due.String(); got != tc.report {
			t.Errorf("end %s: report due %s, want %s", tc.end, got, tc.report)
		}
		if got := gs[1].Due.String(); got != tc.summary {
			t.Errorf("end %s: summary due %s, want %s", tc.end, got, tc.summary)
		}
		if gs[0].Rule != RuleReportDue || gs[1].Rule != RuleSummaryDue {
			t.Errorf("rules %s, %s", gs[0].Rule, gs[1].Rule)
		}
	}
}

func TestDueDaysComeFromTheCall(t *testing.T) {
	call := *Default()
	call.AfterEvent = []AfterEvent{{Days: 5, Items: []AfterItem{{Kind: ItemReport, Name: "信息报道稿"}}}, {Days: 20, Items: []AfterItem{{Kind: ItemAccounts, Name: "决算表"}}}}
	d := selectedSample(t, "annual", NewDate(2024, 10, 29))
	gs := DueGroups(&call, d)
	if len(gs) != 2 || gs[0].Due.String() != "2024-11-03" || gs[1].Due.String() != "2024-11-18" {
		t.Fatalf("groups %+v", gs)
	}
	if gs[1].Items[0].Kind != ItemAccounts {
		t.Errorf("kind %q", gs[1].Items[0].Kind)
	}
}

func TestDueItemsPerCategory(t *testing.T) {
	kinds := func(d *Draft) string {
		var ks []string
		for _, it := range DueItems(Default(), d) {
			ks = append(ks, it.Kind)
		}
		return strings.Join(ks, ",")
	}
	end := NewDate(2024, 9, 20)
	if got := kinds(selectedSample(t, "annual", end)); got != "report,summary,review,accounts" {
		t.Errorf("annual: %s", got)
	}
	sp := selectedSample(t, "speech", end)
	if sp.Venue == "final" {
		t.Fatal("sample speech draft should be a sub-venue")
	}
	if got := kinds(sp); got != "report,results,summary,review,accounts" {
		t.Errorf("speech sub-venue: %s", got)
	}
	sp.Venue = "final"
	if got := kinds(sp); got != "report,summary,review,accounts" {
		t.Errorf("speech final: %s", got)
	}
	sp.Selection.Selected = false
	if got := kinds(sp); got != "" {
		t.Errorf("not selected: %s", got)
	}
}

// Every after-event item of the call has a kind this program knows, and a
// call file with an unknown kind is refused with its line.
func TestAfterItemKinds(t *testing.T) {
	for _, ae := range Default().AfterEvent {
		for _, it := range ae.Items {
			if !contains(afterKinds, it.Kind) || it.Kind == ItemOther {
				t.Errorf("call item %q has kind %q", it.Name, it.Kind)
			}
		}
	}
	bad := strings.Replace(string(mustRead(defaultCallFile)), `kind = "summary"`, `kind = "总结"`, 1)
	_, err := ParseCall("bad.toml", []byte(bad))
	var ce *CallError
	if !errors.As(err, &ce) || !strings.Contains(ce.Problem, "kind") {
		t.Errorf("unknown item kind: %v", err)
	}
}

// afterRule returns the findings of one rule (and records every finding
// for TestMain's every-rule-fires check).
func afterRule(fs []Finding, rule string) []Finding {
	record(fs)
	var out []Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func TestDueFindings(t *testing.T) {
	d := selectedSample(t, "annual", NewDate(2024, 10, 29))
	call := Default()
	check := func(today string) []Finding {
		return Check(call, d, Options{Today: mustDate(t, today)})
	}

	// Upcoming: countdown, info.
	fs := check("2024-10-30")
	r := afterRule(fs, RuleReportDue)
	if len(r) != 1 || r[0].Severity != Info || !strings.Contains(r[0].Message, "还有2天") || !strings.Contains(r[0].Message, "2024年11月1日") {
		t.Fatalf("report due: %+v", r)
	}
	s := afterRule(fs, RuleSummaryDue)
	if len(s) != 1 || s[0].Severity != Info || !strings.Contains(s[0].Message, "还有9天") || !strings.Contains(s[0].Message, "决算表") {
		t.Fatalf("summary due: %+v", s)
	}

	// Due today.
	r = afterRule(check("2024-11-01"), RuleReportDue)
	if len(r) != 1 || !strings.Contains(r[0].Message, "今天") || r[0].Severity != Info {
		t.Fatalf("due today: %+v", r)
	}

	// Overdue: warning with the days.
	fs = check("2024-11-04")
	r = afterRule(fs, RuleReportDue)
	if len(r) != 1 || r[0].Severity != Warning || !strings.Contains(r[0].Message, "已逾期3天") {
		t.Fatalf("overdue: %+v", r)
	}
	if s := afterRule(fs, RuleSummaryDue); len(s) != 1 || s[0].Severity != Info {
		t.Fatalf("summary not yet due: %+v", s)
	}

	// Submitted: nothing more for that group; a partly submitted group
	// names only what is left.
	d.Selection.MarkSubmitted(ItemReport, NewDate(2024, 11, 2))
	d.Selection.MarkSubmitted(ItemSummary, NewDate(2024, 11, 5))
	fs = check("2024-11-20")
	if r := afterRule(fs, RuleReportDue); len(r) != 0 {
		t.Fatalf("submitted still reported: %+v", r)
	}
	s = afterRule(fs, RuleSummaryDue)
	if len(s) != 1 || strings.Contains(s[0].Message, "项目总结") || !strings.Contains(s[0].Message, "决算表") || !strings.Contains(s[0].Message, "已逾期12天") {
		t.Fatalf("partly submitted: %+v", s)
	}
	d.Selection.MarkSubmitted(ItemReview, NewDate(2024, 11, 5))
	d.Selection.MarkSubmitted(ItemAccounts, NewDate(2024, 11, 5))
	if s := afterRule(check("2024-11-20"), RuleSummaryDue); len(s) != 0 {
		t.Fatalf("all submitted: %+v", s)
	}
	d.Selection.MarkSubmitted(ItemAccounts, Date{})
	if s := afterRule(check("2024-11-20"), RuleSummaryDue); len(s) != 1 {
		t.Fatalf("cleared mark: %+v", s)
	}
}

func TestDueFindingsNeedTodayAndSelection(t *testing.T) {
	d := selectedSample(t, "annual", NewDate(2024, 10, 29))
	if fs := Check(Default(), d, Options{}); len(afterRule(fs, RuleReportDue))+len(afterRule(fs, RuleSummaryDue)) != 0 {
		t.Errorf("due findings without today: %+v", fs)
	}
	d.Selection.Selected = false
	if fs := Check(Default(), d, Options{Today: NewDate(2024, 12, 1)}); len(afterRule(fs, RuleReportDue))+len(afterRule(fs, RuleSummaryDue)) != 0 {
		t.Errorf("due findings for an unselected draft: %+v", fs)
	}
	d.Selection = nil
	if fs := Check(Default(), d, Options{Today: NewDate(2024, 12, 1)}); len(afterRule(fs, RuleAfterDates)) != 0 {
		t.Errorf("after findings without selection: %+v", fs)
	}
}

func TestActualDatesFindings(t *testing.T) {
	d := selectedSample(t, "annual", NewDate(2024, 10, 29))
	d.Selection.ActualEnd = Date{}
	today := Options{Today: NewDate(2024, 10, 1)}
	fs := Check(Default(), d, today)
	a := afterRule(fs, RuleAfterDates)
	if len(a) != 1 || a[0].Severity != Info || !strings.Contains(a[0].Message, d.Project.EndDate.Chinese()) {
		t.Fatalf("planned end used: %+v", a)
	}
	// The planned end date is used for the due dates meanwhile.
	if r := afterRule(fs, RuleReportDue); len(r) != 1 || !strings.Contains(r[0].Message, d.Project.EndDate.AddDays(3).Chinese()) {
		t.Fatalf("due from planned end: %+v", r)
	}
	d.Selection.ActualEnd = NewDate(2024, 10, 20)
	d.Selection.ActualStart = NewDate(2024, 10, 21)
	if a := afterRule(Check(Default(), d, today), RuleAfterDates); len(a) != 1 || a[0].Severity != Error {
		t.Fatalf("end before start: %+v", a)
	}
	d.Project.EndDate = Date{}
	d.Selection.ActualEnd = Date{}
	if a := afterRule(Check(Default(), d, today), RuleAfterDates); len(a) != 1 || a[0].Severity != Warning {
		t.Fatalf("no end at all: %+v", a)
	}
	if DueGroups(Default(), d) != nil {
		t.Error("due groups without any end date")
	}
}

func TestAfterRulesListed(t *testing.T) {
	for _, id := range []string{RuleAfterDates, RuleReportDue, RuleSummaryDue} {
		if _, ok := RuleByID(Default(), id); !ok {
			t.Errorf("rule %s not in the rules table", id)
		}
	}
}

func TestSelectionRoundTrip(t *testing.T) {
	d := selectedSample(t, "speech", NewDate(2024, 6, 15))
	d.Selection.MarkSubmitted(ItemReport, NewDate(2024, 6, 17))
	d.UpdatedAt = time.Date(2024, 6, 17, 8, 0, 0, 0, time.UTC)
	b, err := Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"selection"`) || !strings.Contains(string(b), `"report": "2024-06-17"`) {
		t.Fatalf("selection not written:\n%s", b)
	}
	e, err := Unmarshal("x", b)
	if err != nil {
		t.Fatal(err)
	}
	if !e.IsSelected() || e.Selection.ActualEnd != d.Selection.ActualEnd || e.Selection.Submitted[ItemReport] != NewDate(2024, 6, 17) {
		t.Fatalf("round trip: %+v", e.Selection)
	}
	// A draft without selection writes no selection key (schema v1 files
	// stay as they were).
	d.Selection = nil
	b, _ = Marshal(d)
	if strings.Contains(string(b), "selection") {
		t.Error("nil selection written")
	}
}
