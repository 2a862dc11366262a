package forms

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

// minimalCall states nothing but a year and one category: no deadline,
// contact, clauses, quotas, amount, window, eligibility, after-event duty.
const minimalCall = `
year = 2026
title = "最小申报通知"
[[documents]]
id = "application"
title = "申报书"
  [[documents.sections]]
  block = "applicant"
  title = "一、申报单位"
  [[documents.sections]]
  block = "project"
  title = "二、项目"

[[categories]]
id = "one"
name = "唯一类别"
short_name = "唯一类别"
`

func parseTestCall(t testing.TB, name, data string) *Call {
	t.Helper()
	c, err := ParseCall(name, []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// rulesText is what `shenbao rules` prints for a call, one rule a line.
func rulesText(c *Call) string {
	var b strings.Builder
	for _, r := range Rules(c) {
		b.WriteString(r.ID + "  " + string(r.Severity) + "  " + r.Clause + "  " + r.Summary + "\n")
	}
	return b.String()
}

// unstated are texts that only appear when a rule states a fact the call
// does not give: a zero year, zero characters, zero photos, an empty
// citation.
var unstated = regexp.MustCompile(`(^|[^0-9])0年度|(^|[^0-9])0字|0-0张|（通知 ?）|通知 ）|（）`)

// The rules of every call this program knows state only what the call
// states: the shipped call, the 2025 test call, the calls modelled on real
// notices and a call that states almost nothing.
func TestRulesListOnlyStatedFacts(t *testing.T) {
	calls := []*Call{Default(), testCall(t), parseTestCall(t, "minimal.toml", minimalCall)}
	for _, p := range noticeCallPaths {
		c, err := LoadCallFile(p)
		if err != nil {
			t.Fatal(err)
		}
		calls = append(calls, c)
	}
	for _, c := range calls {
		text := rulesText(c)
		if m := unstated.FindString(text); m != "" {
			t.Errorf("%s: rules print %q:\n%s", c.Source, m, text)
		}
		for _, r := range Rules(c) {
			if strings.TrimSpace(r.Summary) == "" {
				t.Errorf("%s: rule %s has no summary", c.Source, r.ID)
			}
		}
	}
	min := calls[2]
	listed := map[string]bool{}
	for _, r := range Rules(min) {
		listed[r.ID] = true
	}
	for _, id := range []string{RuleEligibility, RuleCitySAT, RuleGraduateTraining, RuleJointEncouraged, RuleJointLead,
		RuleAnnualInspection, RuleEvaluation, RulePriority, RuleParticipants, RuleParticipantsMax, RulePapers, RuleWindow,
		RuleVenue, RuleFundingFixed, RuleFundingVenue, RuleFundingRange, RuleBudgetProvincial, RuleForm,
		RuleConfidential, RuleDeadline, RuleDeadlinePassed, RuleApplyDate, RulePosted, RuleQuotaCategory, RuleQuotaTotal,
		RuleAfterDates, RuleReportDue, RuleSummaryDue, RuleReportTitle, RuleReportLength, RuleReportPhotos, RuleReportCaption,
		RuleResultsIncomplete, RuleResultsRank, RuleAccountsLineOver, RuleAccountsTotalOver, RuleAccountsSources,
		RuleAccountsOverGrant, RuleAccountsUnspent} {
		if listed[id] {
			t.Errorf("minimal call lists %s, whose fact it does not state", id)
		}
	}
	for _, id := range []string{RuleRequired, RuleCategory, RuleDatesMissing, RuleUSCC} {
		if !listed[id] {
			t.Errorf("minimal call should list the form's own rule %s", id)
		}
	}
	// The budget's and the agenda's rules belong to their blocks: listed,
	// citing where the form has them, only when the call's form has them.
	for _, id := range []string{RuleBudgetLines, RuleBudgetLinesSum, RuleBudgetSourcesSum, RuleAgenda, RuleAgendaDates} {
		if listed[id] {
			t.Errorf("minimal call, whose form has no budget nor agenda, lists %s", id)
		}
	}
	withBudget := parseTestCall(t, "budget.toml", strings.Replace(minimalCall, "[[categories]]", `  [[documents.sections]]
  block = "budget"
  title = "三、经费预算"
[[categories]]`, 1))
	for _, r := range Rules(withBudget) {
		listed[r.ID] = true
		if r.ID == RuleBudgetLinesSum && r.Clause != "申报书 第三部分" {
			t.Errorf("budget rule cites %q, want where the form has it (申报书 第三部分)", r.Clause)
		}
	}
	if !listed[RuleBudgetLinesSum] {
		t.Errorf("a call whose form has a budget should list %s", RuleBudgetLinesSum)
	}
}

// A draft of the minimal call: no finding of an unstated fact, no empty
// citation, no amount asked.
func TestMinimalCallChecksOnlyTheForm(t *testing.T) {
	c := parseTestCall(t, "minimal.toml", minimalCall)
	d := NewDraft(c, "one")
	if d.Project.RequestedAmount != 0 || d.Budget.Provincial != 0 {
		t.Errorf("no stated amount, yet the new draft requests %d", d.Project.RequestedAmount)
	}
	s := sample(t, "annual")
	s.Category, s.CallYear = "one", 2026
	s.Parts = nil
	s.Project.RequestedAmount = 0
	s.Budget = Budget{Lines: []BudgetLine{{Item: "会议费", Amount: 5000}}, Total: 5000, SelfRaised: 5000}
	s.Joint = append(s.Joint, Joint{Name: "某单位", Type: "some_type"})
	s.Applicant.AnnualInspection, s.Applicant.Evaluation = false, false
	s.Selection = &Selection{Selected: true, ActualEnd: s.Project.EndDate}
	fs := record(Check(c, s, Options{Today: NewDate(2030, 1, 1), Printable: func(rune) bool { return true }}))
	for _, f := range fs {
		if f.Severity != Info {
			t.Errorf("false %s %s: %s", f.Severity, f.Rule, f.Message)
		}
		if unstated.MatchString(f.Message) {
			t.Errorf("%s: %s", f.Rule, f.Message)
		}
	}
	if g := DueGroups(c, s); len(g) != 0 {
		t.Errorf("no after-event duty stated, yet due: %+v", g)
	}
}

// A rule stated without a clause number cites none; with one, it cites it.
func TestClauseOnlyWhenStated(t *testing.T) {
	c := parseTestCall(t, "window.toml", minimalCall+`window_start = 2026-05-01
window_end = 2026-10-31
window_text = "2026年5-10月"
min_participants = 50
`)
	d := sample(t, "annual")
	d.Category, d.Parts = "one", nil
	d.Project.StartDate, d.Project.EndDate = NewDate(2026, 11, 2), NewDate(2026, 11, 3)
	d.Project.Participants = 10
	fs := record(Check(c, d, Options{}))
	for _, id := range []string{RuleWindow, RuleParticipants} {
		f := find(fs, id)
		if f == nil {
			t.Fatalf("%s did not fire: %v", id, fs)
		}
		if strings.Contains(f.Message, "通知") {
			t.Errorf("%s cites a clause the call does not give: %s", id, f.Message)
		}
	}
	for _, r := range Rules(c) {
		if r.ID == RuleWindow && (r.Clause != "" || !strings.Contains(r.Summary, "2026年5-10月")) {
			t.Errorf("window rule: %+v", r)
		}
	}
}

// [overrides."<id>"] sets a rule's severity, clause, summary and message as the
// notice words it: "每单位原则上申报1项" is a warning.
func TestRuleOverride(t *testing.T) {
	c := parseTestCall(t, "soft.toml", `
year = 2026
max_per_category_per_unit = 1
max_total_per_unit = 1
[clauses]
submission = "三、4"
[overrides."quota.total"]
severity = "warning"
summary = "每单位原则上申报1项"
[overrides."scale.participants"]
severity = "info"
clause = "二（一）"
message = "参会人数一般不少于50人（通知 {clause}）。"
[[documents]]
id = "application"
title = "申报书"
  [[documents.sections]]
  block = "applicant"
  title = "一、申报单位"
  [[documents.sections]]
  block = "project"
  title = "二、项目"
[[categories]]
id = "one"
name = "唯一类别"
short_name = "唯一类别"
min_participants = 50
`)
	r, ok := RuleByID(c, RuleQuotaTotal)
	if !ok || r.Severity != Warning || r.Summary != "每单位原则上申报1项" || r.Clause != "三、4" {
		t.Errorf("quota rule: %+v", r)
	}
	a, b := sample(t, "annual"), sample(t, "forum")
	a.Category, b.Category = "one", "one"
	b.Applicant.Name = a.Applicant.Name
	across := CheckAcross(c, []NamedDraft{{Name: "a", Draft: a}, {Name: "b", Draft: b}})
	var total *Finding
	for _, f := range record(across[0]) {
		if f.Rule == RuleQuotaTotal {
			total = &f
		}
	}
	if total == nil || total.Severity != Warning || !strings.Contains(total.Message, "（通知 三、4）") {
		t.Errorf("total quota across drafts: %+v", across[0])
	}
	a.Project.Participants = 10
	f := find(record(Check(c, a, Options{})), RuleParticipants)
	if f == nil || f.Severity != Info || f.Message != "参会人数一般不少于50人（通知 二（一））。" {
		t.Errorf("participants: %+v", f)
	}
	for _, bad := range []string{`[overrides."no.such_rule"]` + "\nseverity = \"warning\"", `[overrides."quota.total"]` + "\nseverity = \"soft\""} {
		if _, err := ParseCall("bad.toml", []byte(minimalCall+"\n"+bad)); err == nil || !strings.Contains(err.Error(), "[overrides.") {
			t.Errorf("%s: want a Chinese error naming the table, got %v", bad, err)
		}
	}
}

// typesCall has applicant types with duties under other IDs than 2024's.
const typesCall = `
year = 2026
joint_lead_required = true
joint_lead_clause = "三（四）"
[society_requirements]
evaluation_year = 2025
clause = "三（二）"
[[honours]]
id = "star"
name = "明星学会"
[[documents]]
id = "application"
title = "申报书"
  [[documents.sections]]
  block = "applicant"
  title = "一、申报单位"
  [[documents.sections]]
  block = "project"
  title = "二、项目"
[applicant_types]
society = { name = "学会", annual_inspection = true, evaluation = true, honours = true }
college = { name = "高校科协", graduate_training = true, clause = "三（三）" }
district = { name = "区科协", joint_only = true }
[[categories]]
id = "one"
name = "唯一类别"
short_name = "唯一类别"
eligible = ["society", "college"]
eligible_clause = "一（一）"
joint_encouraged = true
joint_with = ["district"]
`

// What each applicant type must have is the call's data, whatever its ID.
func TestApplicantTypesAsData(t *testing.T) {
	c := parseTestCall(t, "types.toml", typesCall)
	if got := applicantIDs(c); got != "society college district" {
		t.Errorf("types in file order: %s", got)
	}
	d := sample(t, "annual")
	d.Category, d.Parts, d.CallYear = "one", nil, 2026
	d.Joint = nil
	d.Applicant.Type = "society"
	d.Applicant.AnnualInspection, d.Applicant.Evaluation = false, false
	d.Applicant.Honours = []string{"star"}
	fs := record(Check(c, d, Options{}))
	for _, id := range []string{RuleAnnualInspection, RuleEvaluation, RulePriority, RuleJointEncouraged} {
		if find(fs, id) == nil {
			t.Errorf("%s did not fire for a society: %v", id, fs)
		}
	}
	if f := find(fs, RuleEvaluation); f != nil && (!strings.Contains(f.Message, "2025年度") || !strings.Contains(f.Message, "三（二）")) {
		t.Errorf("evaluation: %s", f.Message)
	}
	if f := find(fs, RuleJointEncouraged); f != nil && !strings.Contains(f.Message, "区科协") {
		t.Errorf("joint partners: %s", f.Message)
	}
	d.Applicant.Type = "college"
	d.Applicant.GraduateTraining = false
	fs = record(Check(c, d, Options{}))
	if find(fs, RuleAnnualInspection) != nil || find(fs, RuleEvaluation) != nil {
		t.Errorf("a college has no inspection: %v", fs)
	}
	if f := find(fs, RuleGraduateTraining); f == nil || !strings.Contains(f.Message, "三（三）") {
		t.Errorf("graduate training of a college: %+v", f)
	}
	d.Applicant.Type = "district"
	if f := find(record(Check(c, d, Options{})), RuleCitySAT); f == nil || !strings.Contains(f.Message, "区科协不能作为申报单位") {
		t.Errorf("joint only: %+v", f)
	}
	// A lead unit for a joint application (三（四）).
	d.Applicant.Type = "society"
	d.Joint = []Joint{{Name: "某区科协", Type: "district"}}
	if f := find(record(Check(c, d, Options{})), RuleJointLead); f == nil || f.Field != "lead_unit" || !strings.Contains(f.Message, "三（四）") {
		t.Errorf("lead unit missing: %+v", f)
	}
	d.LeadUnit = "另一个单位"
	if f := find(record(Check(c, d, Options{})), RuleJointLead); f == nil || !strings.Contains(f.Message, "另一个单位") {
		t.Errorf("lead unit not among the units: %+v", f)
	}
	for _, lead := range []string{d.Applicant.Name, " 某区科协 "} {
		d.LeadUnit = lead
		if f := find(record(Check(c, d, Options{})), RuleJointLead); f != nil {
			t.Errorf("lead %q: %s", lead, f.Message)
		}
	}
	// An old-style map names types, and behaviour not declared is refused
	// rather than guessed from an ID.
	if _, err := ParseCall("old.toml", []byte(minimalCall+"\n[society_requirements]\nannual_inspection = true\n[applicant_types]\nprovincial_society = \"省级学会\"\n")); err == nil || !strings.Contains(err.Error(), "annual_inspection") {
		t.Errorf("inspection asked of no type: %v", err)
	}
	if _, err := ParseCall("old.toml", []byte(minimalCall+"\n[society_requirements]\nevaluation_year = 2025\n[applicant_types]\nprovincial_society = \"省级学会\"\n")); err == nil || !strings.Contains(err.Error(), "evaluation = true") {
		t.Errorf("evaluation asked of no type: %v", err)
	}
	if c, err := ParseCall("old.toml", []byte(minimalCall+"\n[applicant_types]\nprovincial_society = \"省级学会\"\ncity_sat = \"市科协\"\n")); err != nil || c.ApplicantTypeName("city_sat") != "市科协" || c.JointOnly("city_sat") || c.NeedsAnnualInspection("provincial_society") {
		t.Errorf("an old-style map is read, with no behaviour guessed from the IDs: %v", err)
	}
	if _, err := ParseCall("bad.toml", []byte(minimalCall+"\n[applicant_types]\nx = { name = \"某类\", joint = true }\n")); err == nil || !strings.Contains(err.Error(), "joint") {
		t.Errorf("unknown key of a type: %v", err)
	}
}

func applicantIDs(c *Call) string {
	ids := make([]string, len(c.Types))
	for i, t := range c.Types {
		ids[i] = t.ID
	}
	return strings.Join(ids, " ")
}

// Carrying a draft into a call without its joint applicant's type lists the
// joint applicant, and the applicant's own type.
func TestCarryListsMissingTypes(t *testing.T) {
	c := parseTestCall(t, "types.toml", typesCall)
	old := sample(t, "annual")
	old.Category = "one"
	old.Joint = []Joint{{Name: "长春市科学技术协会", Type: TypeCitySAT}}
	d, fs := Carry(Default(), c, old, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Options{})
	record(fs)
	var joint, own bool
	for _, f := range fs {
		joint = joint || f.Rule == RuleCarryDropped && f.Field == "joint_applicants[0].type" && strings.Contains(f.Message, "长春市科学技术协会")
		own = own || f.Rule == RuleCarryDropped && f.Field == "applicant.type"
	}
	if !joint || !own {
		t.Errorf("carry findings (joint %v, own type %v): %v", joint, own, fs)
	}
	if d.Joint[0].Type != "" || d.Joint[0].Name != "长春市科学技术协会" {
		t.Errorf("joint applicant kept with its type cleared: %+v", d.Joint)
	}
}

// After-event duties exactly as declared: a month ("一月内"), no report
// limits unless stated, no material the call does not list.
func TestAfterEventInMonths(t *testing.T) {
	c := parseTestCall(t, "month.toml", minimalCall+`
[[after_event]]
months = 1
within_text = "一月内"
items = [{ kind = "summary", name = "活动总结" }]
`)
	d := sample(t, "annual")
	d.Category, d.Parts = "one", nil
	d.Selection = &Selection{Selected: true, ActualEnd: NewDate(2026, 1, 31)}
	g := DueGroups(c, d)
	if len(g) != 1 || g[0].Due != NewDate(2026, 2, 28) || g[0].Within != "一月内" || g[0].Rule != RuleSummaryDue {
		t.Fatalf("due groups: %+v", g)
	}
	f := find(record(Check(c, d, Options{Today: NewDate(2026, 3, 2)})), RuleSummaryDue)
	if f == nil || f.Severity != Warning || !strings.Contains(f.Message, "项目结束后一月内") || strings.Contains(f.Message, "通知") {
		t.Errorf("overdue summary: %+v", f)
	}
	text := rulesText(c)
	for _, id := range []string{RuleReportDue, RuleReportLength, RuleReportPhotos, RuleResultsRank, RuleAccountsSources} {
		if strings.Contains(text, id) {
			t.Errorf("lists %s, which the call does not ask:\n%s", id, text)
		}
	}
	if !strings.Contains(text, "项目完成后一月内报送活动总结") {
		t.Errorf("summary rule:\n%s", text)
	}
	// A report the call does not ask is not checked, whatever the draft holds.
	d.Reports = &AfterReports{Info: InfoReport{Text: strings.Repeat("字", 5000)}, Results: []ResultRow{{Rank: 1}}}
	for _, f := range record(Check(c, d, Options{})) {
		if strings.HasPrefix(f.Rule, "after.report") || strings.HasPrefix(f.Rule, "after.results") {
			t.Errorf("unasked material checked: %s", f.Message)
		}
	}
	if _, err := ParseCall("both.toml", []byte(minimalCall+"\n[[after_event]]\ndays = 3\nmonths = 1\nitems = [{ kind = \"summary\", name = \"总结\" }]\n")); err == nil {
		t.Error("days and months together should be refused")
	}
}

// The Rule JSON of `shenbao rules --json` keeps its shape.
func TestRulesJSONShape(t *testing.T) {
	b, err := json.Marshal(Rules(parseTestCall(t, "minimal.toml", minimalCall))[0])
	if err != nil || !strings.Contains(string(b), `"id"`) || !strings.Contains(string(b), `"clause"`) {
		t.Errorf("%s %v", b, err)
	}
}

// Every `validate` struct tag of the Draft is compiled into draftRules: a
// tag on a field the compiler does not reach (behind a pointer, in a map)
// would silently not be checked.
func TestEveryDraftTagCompiled(t *testing.T) {
	var tagged func(reflect.Type, map[reflect.Type]bool) int
	tagged = func(typ reflect.Type, seen map[reflect.Type]bool) int {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return 0
		}
		seen[typ] = true
		n := 0
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if tag := f.Tag.Get("validate"); tag != "" && tag != "dive" {
				n++
			}
			n += tagged(f.Type, seen)
		}
		return n
	}
	var count func([]fieldRule) int
	count = func(rs []fieldRule) int {
		n := 0
		for _, r := range rs {
			if r.elem != nil {
				n += count(r.elem)
			} else {
				n++
			}
		}
		return n
	}
	if want, got := tagged(reflect.TypeOf(Draft{}), map[reflect.Type]bool{}), count(draftRules); got != want || got == 0 {
		t.Errorf("%d tagged fields, %d compiled", want, got)
	}
}
