package forms

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

// sample returns a fresh valid sample of a category.
func sample(t testing.TB, category string) *Draft {
	t.Helper()
	d, err := Sample(Default(), category)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// checked runs the checks with today = 2024-04-10 and every font available.
func checked(d *Draft) []Finding {
	return record(Check(Default(), d, Options{Today: today, Printable: func(rune) bool { return true }}))
}

// fired collects every rule some test saw fire; TestMain then requires each
// registered rule to be among them, so no rule goes untested.
var fired = map[string]bool{}

func record(fs []Finding) []Finding {
	for _, f := range fs {
		fired[f.Rule] = true
	}
	return fs
}

func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" && flag.Lookup("test.fuzz").Value.String() == "" {
		var missing []string
		for _, r := range registry {
			if !fired[r.id] {
				missing = append(missing, r.id)
			}
		}
		for _, r := range Rules(Default()) {
			if !fired[r.ID] && !contains(missing, r.ID) {
				missing = append(missing, r.ID)
			}
		}
		if len(missing) > 0 {
			fmt.Printf("FAIL: these rules never fired in any test (give each a failing case, and call record() on the findings): %v\n", missing)
			code = 1
		}
	}
	os.Exit(code)
}

func find(fs []Finding, rule string) *Finding {
	for i := range fs {
		if fs[i].Rule == rule {
			return &fs[i]
		}
	}
	return nil
}

// expect asserts that rule fires (or not) on d, and when it fires, that the
// finding names the field and cites a clause of the notice in its message.
func expect(t *testing.T, d *Draft, rule string, fires bool, field string) {
	t.Helper()
	fs := checked(d)
	f := find(fs, rule)
	switch {
	case fires && f == nil:
		t.Errorf("rule %s did not fire; findings: %v", rule, fs)
	case !fires && f != nil:
		t.Errorf("rule %s fired: %s", rule, f.Message)
	case fires:
		if field != "" && f.Field != field {
			t.Errorf("rule %s on field %q, want %q", rule, f.Field, field)
		}
		r, _ := RuleByID(Default(), rule)
		if f.Severity != r.Severity {
			t.Errorf("rule %s severity %s, registry says %s", rule, f.Severity, r.Severity)
		}
		if !strings.Contains(f.Message, "（") || !hasHan(f.Message) {
			t.Errorf("rule %s message is not a Chinese sentence with a citation: %q", rule, f.Message)
		}
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

func TestParticipantsBoundaries(t *testing.T) {
	for _, tc := range []struct {
		cat  string
		n    int
		fire bool
	}{
		{"annual", 199, true}, {"annual", 200, false}, {"annual", 201, false}, {"annual", 0, true},
		{"forum", 49, true}, {"forum", 50, false},
		{"basic", 49, true}, {"basic", 50, false},
		{"speech", 1, false}, {"intl", 1, false}, // no minimum in the notice
	} {
		t.Run(fmt.Sprintf("%s/%d", tc.cat, tc.n), func(t *testing.T) {
			d := sample(t, tc.cat)
			d.Project.Participants = tc.n
			expect(t, d, RuleParticipants, tc.fire, "project.participants")
		})
	}
	d := sample(t, "annual")
	d.Project.Participants = 150
	if f := find(checked(d), RuleParticipants); f == nil || !strings.Contains(f.Message, "200人以上") || !strings.Contains(f.Message, "一（一）4(2)") || !strings.Contains(f.Message, "150") {
		t.Errorf("participants message should cite 200人以上 and 一（一）4(2) and the typed 150: %+v", f)
	}
}

func TestPapersBoundaries(t *testing.T) {
	for _, tc := range []struct {
		n    int
		fire bool
	}{{0, true}, {29, true}, {30, false}, {31, false}} {
		d := sample(t, "forum")
		d.Project.Papers = tc.n
		expect(t, d, RulePapers, tc.fire, "project.papers")
	}
	d := sample(t, "annual") // papers only count for the forum
	d.Project.Papers = 0
	expect(t, d, RulePapers, false, "")
}

func TestWindowEdges(t *testing.T) {
	call := Default()
	for _, cat := range call.Categories {
		ws, we := DateOf(cat.WindowStart), DateOf(cat.WindowEnd)
		for _, tc := range []struct {
			name       string
			start, end Date
			fire       bool
		}{
			{"first day", ws, ws, false},
			{"last day", we, we, false},
			{"whole window", ws, we, false},
			{"day before", ws.AddDays(-1), ws, true},
			{"day after", we, we.AddDays(1), true},
			{"start after window", we.AddDays(1), we.AddDays(2), true},
		} {
			t.Run(cat.ID+"/"+tc.name, func(t *testing.T) {
				d := sample(t, cat.ID)
				d.Project.StartDate, d.Project.EndDate = tc.start, tc.end
				expect(t, d, RuleWindow, tc.fire, "")
				expect(t, d, RuleDateOrder, false, "")
			})
		}
	}
	// the 2024 windows themselves
	want := map[string][2]string{
		"annual": {"2024-08-01", "2024-10-31"}, "forum": {"2024-05-01", "2024-10-31"},
		"speech": {"2024-09-01", "2024-11-30"}, "basic": {"2024-05-01", "2024-10-31"},
		"intl": {"2024-06-01", "2024-11-30"},
	}
	for id, w := range want {
		c := call.Category(id)
		if got := [2]string{DateOf(c.WindowStart).String(), DateOf(c.WindowEnd).String()}; got != w {
			t.Errorf("%s window %v, want %v", id, got, w)
		}
	}
}

func TestDateOrderAndMissing(t *testing.T) {
	d := sample(t, "annual")
	d.Project.StartDate, d.Project.EndDate = NewDate(2024, 9, 13), NewDate(2024, 9, 12)
	expect(t, d, RuleDateOrder, true, "project.end_date")
	d.Project.StartDate, d.Project.EndDate = NewDate(2024, 9, 12), NewDate(2024, 9, 12)
	expect(t, d, RuleDateOrder, false, "")
	d.Project.StartDate = Date{}
	expect(t, d, RuleDatesMissing, true, "project.start_date")
	d = sample(t, "annual")
	d.Project.EndDate = Date{}
	expect(t, d, RuleDatesMissing, true, "project.end_date")
}

func TestFunding(t *testing.T) {
	type tc struct {
		cat, venue string
		amount     int64
		rule       string
		fire       bool
	}
	cases := []tc{
		{"annual", "", 30000, RuleFundingFixed, false},
		{"annual", "", 29999, RuleFundingFixed, true},
		{"annual", "", 30001, RuleFundingFixed, true},
		{"forum", "", 20000, RuleFundingFixed, false},
		{"forum", "", 30000, RuleFundingFixed, true},
		{"basic", "", 40000, RuleFundingFixed, false},
		{"basic", "", 39999, RuleFundingFixed, true},
		{"intl", "", 29999, RuleFundingRange, true},
		{"intl", "", 30000, RuleFundingRange, false},
		{"intl", "", 45000, RuleFundingRange, false},
		{"intl", "", 45001, RuleFundingRange, true},
		{"speech", "final", 60000, RuleFundingVenue, false},
		{"speech", "final", 15000, RuleFundingVenue, true},
		{"speech", "final", 90000, RuleFundingVenue, true},
	}
	for _, v := range []string{"science", "engineering", "agriculture", "medicine"} {
		cases = append(cases, tc{"speech", v, 14999, RuleFundingVenue, true}, tc{"speech", v, 15000, RuleFundingVenue, false}, tc{"speech", v, 60000, RuleFundingVenue, true})
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s/%s/%d", c.cat, c.venue, c.amount), func(t *testing.T) {
			d := sample(t, c.cat)
			if c.venue != "" {
				d.Venue = c.venue
			}
			d.Project.RequestedAmount = c.amount
			d.Budget = sampleBudget(c.amount)
			expect(t, d, c.rule, c.fire, "project.requested_amount")
			expect(t, d, RuleBudgetProvincial, false, "")
		})
	}
	d := sample(t, "speech")
	d.Venue = "final"
	d.Project.RequestedAmount = 90000
	if f := find(checked(d), RuleFundingVenue); f == nil || !strings.Contains(f.Message, "省科协统筹") {
		t.Errorf("final + 30,000 winners' support should be explained: %+v", f)
	}
	d = sample(t, "speech")
	d.Venue = ""
	expect(t, d, RuleVenue, true, "venue")
	d.Venue = "nowhere"
	expect(t, d, RuleVenue, true, "venue")
}

func TestBudget(t *testing.T) {
	d := sample(t, "annual")
	d.Budget.Lines[0].Amount++
	expect(t, d, RuleBudgetLinesSum, true, "budget.total")
	expect(t, d, RuleBudgetSourcesSum, false, "")

	d = sample(t, "annual")
	d.Budget.SelfRaised--
	expect(t, d, RuleBudgetSourcesSum, true, "budget.self_raised")
	expect(t, d, RuleBudgetLinesSum, false, "")

	d = sample(t, "annual")
	d.Budget.Other = 1000
	d.Budget.SelfRaised -= 1000
	expect(t, d, RuleBudgetSourcesSum, false, "")

	d = sample(t, "annual")
	d.Budget.Provincial = 20000
	d.Budget.SelfRaised += 10000
	expect(t, d, RuleBudgetProvincial, true, "budget.provincial")
	expect(t, d, RuleBudgetSourcesSum, false, "")

	d = sample(t, "annual")
	d.Budget.Lines = nil
	expect(t, d, RuleBudgetLines, true, "budget.lines")
	expect(t, d, RuleBudgetLinesSum, false, "")

	d = sample(t, "annual")
	d.Budget.Lines[0].Amount = -5
	fs := checked(d)
	if f := find(fs, RuleAmount); f == nil || f.Field != "budget.lines[0].amount" {
		t.Errorf("negative budget line should be a %s finding on budget.lines[0].amount: %v", RuleAmount, fs)
	}
	d = sample(t, "annual")
	d.Budget.Other, d.Budget.SelfRaised = -100, d.Budget.SelfRaised+100
	expect(t, d, RuleAmount, true, "budget.other")
}

// eligibleTypes is the notice's 申报范围 per category, written out here
// independently of the data file.
var eligibleTypes = map[string][]string{
	"annual": {TypeProvincialSociety, TypeUniversitySAT, TypeEnterpriseSAT, TypeResearchInstitute},
	"forum":  {TypeProvincialSociety, TypeUniversity, TypeUniversitySAT, TypeResearchInstitute},
	"speech": {TypeProvincialSociety, TypeUniversitySAT},
	"basic":  {TypeProvincialSociety, TypeUniversitySAT, TypeResearchInstitute},
	"intl":   {TypeProvincialSociety, TypeUniversitySAT, TypeResearchInstitute},
}

func TestEveryApplicantTypeTimesCategory(t *testing.T) {
	types := []string{TypeProvincialSociety, TypeUniversitySAT, TypeEnterpriseSAT, TypeResearchInstitute, TypeUniversity, TypeCitySAT}
	for cat, ok := range eligibleTypes {
		for _, typ := range types {
			t.Run(cat+"/"+typ, func(t *testing.T) {
				d := sample(t, cat)
				d.Applicant.Type = typ
				d.Applicant.GraduateTraining = true
				d.Applicant.AnnualInspection, d.Applicant.Evaluation = true, true
				eligible := contains(ok, typ)
				expect(t, d, RuleEligibility, !eligible && typ != TypeCitySAT, "applicant.type")
				expect(t, d, RuleCitySAT, typ == TypeCitySAT, "applicant.type")
			})
		}
	}
}

func TestGraduateTraining(t *testing.T) {
	for _, typ := range []string{TypeUniversity, TypeUniversitySAT} {
		d := sample(t, "forum")
		d.Applicant.Type = typ
		d.Applicant.GraduateTraining = false
		expect(t, d, RuleGraduateTraining, true, "applicant.graduate_training")
		d.Applicant.GraduateTraining = true
		expect(t, d, RuleGraduateTraining, false, "")
	}
	d := sample(t, "forum") // a provincial society needs no such qualification
	d.Applicant.GraduateTraining = false
	expect(t, d, RuleGraduateTraining, false, "")
	d = sample(t, "speech") // only the forum asks for it
	d.Applicant.GraduateTraining = false
	expect(t, d, RuleGraduateTraining, false, "")
}

func TestProvincialSocietyConditions(t *testing.T) {
	d := sample(t, "annual")
	d.Applicant.AnnualInspection = false
	expect(t, d, RuleAnnualInspection, true, "applicant.annual_inspection_passed")
	d = sample(t, "annual")
	d.Applicant.Evaluation = false
	expect(t, d, RuleEvaluation, true, "applicant.evaluation_taken")
	// the same unchecked boxes mean nothing for a university SAT
	d = sample(t, "speech")
	d.Applicant.AnnualInspection, d.Applicant.Evaluation = false, false
	expect(t, d, RuleAnnualInspection, false, "")
	expect(t, d, RuleEvaluation, false, "")
}

func TestPriorityAndJoint(t *testing.T) {
	d := sample(t, "basic")
	expect(t, d, RulePriority, true, "applicant.honours")
	if f := find(checked(d), RulePriority); f == nil || !strings.Contains(f.Message, "学术工作先进集体") {
		t.Errorf("priority finding should name the honour: %+v", f)
	}
	d.Applicant.Honours = nil
	expect(t, d, RulePriority, false, "")

	d = sample(t, "annual")
	expect(t, d, RuleJointEncouraged, false, "")
	d.Joint = nil
	expect(t, d, RuleJointEncouraged, true, "joint_applicants")
	d = sample(t, "basic") // not encouraged there
	expect(t, d, RuleJointEncouraged, false, "")
}

func TestCategoryContent(t *testing.T) {
	mutate := []struct {
		cat, rule, field string
		change           func(*Draft)
	}{
		{"annual", RuleAnnualFocus, "parts.annual.focus_area", func(d *Draft) { d.Part().SetText("focus_area", "") }},
		{"annual", RuleAnnualExperts, "parts.annual.expert_group", func(d *Draft) { d.Part().SetRows("expert_group", nil) }},
		{"annual", RuleAnnualPlan, "parts.annual.research_plan", func(d *Draft) { d.Part().SetText("research_plan", "  ") }},
		{"annual", RuleAnnualOutput, "parts.annual.expected_output", func(d *Draft) { d.Part().SetText("expected_output", "论文集") }},
		{"annual", RuleForm, "project.form", func(d *Draft) { d.Project.Form = "培训班" }},
		{"basic", RuleForm, "project.form", func(d *Draft) { d.Project.Form = "专题讲座" }},
		{"forum", RuleForumCommittee, "parts.forum.review_committee", func(d *Draft) { d.Part().SetRows("review_committee", nil) }},
		{"forum", RuleForumOnePaper, "parts.forum.one_paper_per_student", func(d *Draft) { d.Part().SetBool("one_paper_per_student", false) }},
		{"forum", RuleForumAuthorsFirst, "parts.forum.authors_first", func(d *Draft) { d.Part().SetBool("authors_first", false) }},
		{"speech", RuleSpeechCommittee, "parts.speech.judging_committee", func(d *Draft) { d.Part().SetRows("judging_committee", nil) }},
		{"speech", RuleSpeechMaterials, "parts.speech.materials", func(d *Draft) { d.Part().SetList("materials", []string{"演讲提纲PPT"}) }},
		{"basic", RuleBasicConvener, "parts.basic.conveners", func(d *Draft) { d.Part().SetRows("conveners", nil) }},
		{"basic", RuleBasicConvener, "parts.basic.conveners", func(d *Draft) { r := d.Part().Rows("conveners"); d.Part().SetRows("conveners", append(r, r[0])) }},
		{"basic", RuleBasicKind, "parts.basic.discipline_kind", func(d *Draft) { d.Part().SetText("discipline_kind", "普通学科") }},
		{"intl", RuleIntlForeign, "parts.intl.foreign_experts", func(d *Draft) { d.Part().SetRows("foreign_experts", nil) }},
		{"annual", RuleAgenda, "agenda", func(d *Draft) { d.Agenda = nil }},
	}
	for _, m := range mutate {
		t.Run(m.rule+"/"+m.cat, func(t *testing.T) {
			d := sample(t, m.cat)
			expect(t, d, m.rule, false, "")
			m.change(d)
			expect(t, d, m.rule, true, m.field)
		})
	}
	// A part of another category is kept but not checked.
	d := sample(t, "annual")
	d.Parts["forum"] = Values{}
	expect(t, d, RuleForumCommittee, false, "")
	expect(t, d, RuleRequired, false, "")
}

func TestRequiredFields(t *testing.T) {
	for _, path := range []string{"applicant.name", "project.name", "project.city", "applicant.leader", "experts[1].name", "budget.lines[0].item", "parts.forum.topic", "parts.forum.review_committee[1].unit"} {
		t.Run(path, func(t *testing.T) {
			d := sample(t, "forum")
			switch path {
			case "applicant.name":
				d.Applicant.Name = ""
			case "project.name":
				d.Project.Name = ""
			case "project.city":
				d.Project.City = ""
			case "applicant.leader":
				d.Applicant.Leader = ""
			case "experts[1].name":
				d.Experts[1].Name = ""
			case "budget.lines[0].item":
				d.Budget.Lines[0].Item = ""
			case "parts.forum.topic":
				d.Part().SetText("topic", "")
			case "parts.forum.review_committee[1].unit":
				d.Part().Rows("review_committee")[1].SetText("unit", "")
			}
			fs := checked(d)
			var got *Finding
			for i := range fs {
				if fs[i].Rule == RuleRequired && fs[i].Field == path {
					got = &fs[i]
				}
			}
			if got == nil {
				t.Fatalf("no %s finding on %s: %v", RuleRequired, path, fs)
			}
			if !strings.Contains(got.Message, "请填写") || !strings.Contains(got.Message, Default().FieldLabel(path)) {
				t.Errorf("message %q should ask to fill in %q", got.Message, Default().FieldLabel(path))
			}
		})
	}
}

func TestFormatRules(t *testing.T) {
	cases := []struct {
		rule, field string
		set         func(*Applicant, string)
		good, bad   []string
	}{
		{RuleUSCC, "applicant.credit_code", func(a *Applicant, s string) { a.CreditCode = s },
			[]string{"91350100M000100Y43", "51220000MJ0012345U"},
			[]string{"91350100M000100Y44", "91350100M000100Y4", "91350100M000100Y431", "91350100I000100Y43", "９１３５０１００Ｍ０００１００Ｙ４３", "91350100m000100y43"}},
		{RulePhone, "applicant.mobile", func(a *Applicant, s string) { a.Mobile = s },
			[]string{"13904310001", "19912345678"},
			[]string{"1390431000", "23904310001", "139-0431-0001", "１３９０４３１０００１", "0431-85261411"}},
		{RulePhone, "applicant.phone", func(a *Applicant, s string) { a.Phone = s },
			[]string{"0431-85261411", "043185261411", "010-12345678-123", "13904310001", ""},
			[]string{"85261411", "0431-852614", "phone"}},
		{RuleEmail, "applicant.email", func(a *Applicant, s string) { a.Email = s },
			[]string{"kx1411@163.com", "li.xm+apply@jlu.edu.cn"},
			[]string{"kx1411163.com", "kx1411@163", "kx1411@163.com ", "李@163.com", "kx1411＠163.com"}},
		{RulePostcode, "applicant.postcode", func(a *Applicant, s string) { a.Postcode = s },
			[]string{"130022", ""},
			[]string{"13002", "1300222", "13002a"}},
	}
	for _, c := range cases {
		for _, s := range c.good {
			d := sample(t, "annual")
			c.set(&d.Applicant, s)
			if f := find(checked(d), c.rule); f != nil {
				t.Errorf("%s %q should pass, got %s", c.field, s, f.Message)
			}
		}
		for _, s := range c.bad {
			d := sample(t, "annual")
			c.set(&d.Applicant, s)
			f := find(checked(d), c.rule)
			if f == nil || f.Field != c.field {
				t.Errorf("%s %q should fail %s, got %+v", c.field, s, c.rule, f)
			}
		}
	}
	d := sample(t, "annual")
	d.Applicant.CreditCode = "91350100M000100Y44"
	if f := find(checked(d), RuleUSCC); f == nil || !strings.Contains(f.Message, "应为 3") {
		t.Errorf("the credit code message should give the right check character: %+v", f)
	}
	d.Applicant.CreditCode = "９１３５０１００Ｍ０００１００Ｙ４３"
	if f := find(checked(d), RuleUSCC); f == nil || !strings.Contains(f.Message, "全角") {
		t.Errorf("a full-width credit code should be explained: %+v", f)
	}
}

func TestUSCCCheckChar(t *testing.T) {
	// Published example codes and their check characters.
	for code, want := range map[string]byte{"91350100M000100Y4": '3', "51220000MJ0012345": 'U', "12220000412758931": '6'} {
		if c, ok := USCCCheckChar(code); !ok || c != want {
			t.Errorf("check char of %s = %c, want %c", code, c, want)
		}
	}
	if _, ok := USCCCheckChar("9135010OM000100Y4"); ok {
		t.Error("the letter O is not in the code's alphabet")
	}
}

func TestUnknownCategoryAndYear(t *testing.T) {
	d := sample(t, "annual")
	d.Category = "workshop"
	expect(t, d, RuleCategory, true, "category")
	d = sample(t, "annual")
	d.CallYear = 2023
	fs := checked(d)
	if f := find(fs, RuleCallYear); f == nil || f.Severity != Warning {
		t.Errorf("a 2023 draft should warn: %v", fs)
	}
}

func TestConfidential(t *testing.T) {
	d := sample(t, "annual")
	expect(t, d, RuleConfidential, false, "")
	d.Confidential = true
	expect(t, d, RuleConfidential, true, "confidential")
}

func TestDeadline(t *testing.T) {
	call := Default()
	d := sample(t, "annual")
	for _, tc := range []struct {
		today    Date
		rule     string
		contains string
	}{
		{NewDate(2024, 4, 10), RuleDeadline, "还有12天"},
		{NewDate(2024, 4, 21), RuleDeadline, "还有1天"},
		{NewDate(2024, 4, 22), RuleDeadline, "今天"},
		{NewDate(2024, 4, 23), RuleDeadlinePassed, "已过1天"},
		{NewDate(2026, 11, 28), RuleDeadlinePassed, "已过"},
	} {
		fs := record(Check(call, d, Options{Today: tc.today}))
		f := find(fs, tc.rule)
		if f == nil || !strings.Contains(f.Message, tc.contains) {
			t.Errorf("%s: want %s containing %q, got %v", tc.today, tc.rule, tc.contains, fs)
		}
		if tc.rule == RuleDeadlinePassed && f != nil && f.Severity != Warning {
			t.Errorf("a passed deadline is a warning, not %s", f.Severity)
		}
		posted := find(fs, RulePosted)
		if (tc.rule == RuleDeadline) != (posted != nil) {
			t.Errorf("%s: the posted-copy reminder should show exactly while the deadline is ahead", tc.today)
		}
		if posted != nil && !strings.Contains(posted.Message, "寄达") {
			t.Errorf("posted reminder should say the copy must arrive: %s", posted.Message)
		}
	}
	if fs := Check(call, d, Options{}); find(fs, RuleDeadline) != nil || find(fs, RuleDeadlinePassed) != nil {
		t.Error("without today there is no deadline finding")
	}
}

func TestGlyphFinding(t *testing.T) {
	d := sample(t, "annual")
	d.Experts[0].Name = "张\U00020000明"
	fs := record(Check(Default(), d, Options{Printable: func(r rune) bool { return r < 0x20000 }}))
	f := find(fs, RuleGlyph)
	if f == nil || f.Field != "experts[0].name" || !strings.Contains(f.Message, "U+20000") {
		t.Fatalf("want a glyph finding on experts[0].name naming U+20000, got %v", fs)
	}
	d.Experts[0].Name = "张明"
	if f := find(Check(Default(), d, Options{Printable: func(r rune) bool { return r < 0x20000 }}), RuleGlyph); f != nil {
		t.Errorf("no glyph finding expected, got %s", f.Message)
	}
}

// TestEveryRuleIsRegisteredOnce checks the registry itself; TestMain checks
// that every rule fires in some test.
func TestEveryRuleIsRegisteredOnce(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules(Default()) {
		if seen[r.ID] {
			t.Errorf("rule %s registered twice", r.ID)
		}
		seen[r.ID] = true
		if r.Summary == "" || r.Clause == "" || !hasHan(r.Summary) {
			t.Errorf("rule %s lacks a Chinese summary or a clause", r.ID)
		}
		if r.Severity != Error && r.Severity != Warning && r.Severity != Info {
			t.Errorf("rule %s has severity %q", r.ID, r.Severity)
		}
	}
}

func TestFindingsSortedBySeverity(t *testing.T) {
	d := sample(t, "annual")
	d.Project.Participants = 10
	d.Joint = nil
	d.Agenda = nil
	fs := checked(d)
	rank := map[Severity]int{Error: 0, Warning: 1, Info: 2}
	for i := 1; i < len(fs); i++ {
		if rank[fs[i-1].Severity] > rank[fs[i].Severity] {
			t.Fatalf("findings not sorted: %v", fs)
		}
	}
}

func TestNoApplicationDeadlineOnceSelected(t *testing.T) {
	d := sample(t, "annual")
	d.Selection = &Selection{Selected: true}
	fs := record(Check(Default(), d, Options{Today: NewDate(2024, 6, 1)}))
	if find(fs, RuleDeadlinePassed) != nil || find(fs, RuleDeadline) != nil || find(fs, RulePosted) != nil {
		t.Errorf("a selected draft should not be reminded of the application deadline: %v", fs)
	}
	d.Selection.Selected = false
	if f := find(Check(Default(), d, Options{Today: NewDate(2024, 6, 1)}), RuleDeadlinePassed); f == nil {
		t.Error("an unselected draft after the deadline should be warned")
	}
}

// sampleBudget spreads a budget over the usual lines: the provincial grant
// plus 20% self-raised funds.
func sampleBudget(grant int64) Budget {
	self := grant / 5
	total := grant + self
	lines := []BudgetLine{
		{Item: "会议费", Amount: total * 30 / 100, Basis: "会议用餐、资料"},
		{Item: "场地费", Amount: total * 20 / 100, Basis: "会场租用"},
		{Item: "专家咨询费", Amount: total * 25 / 100, Basis: "按省科协专家咨询费标准"},
		{Item: "差旅费", Amount: total * 15 / 100, Basis: "特邀专家往返交通"},
	}
	var sum int64
	for _, l := range lines {
		sum += l.Amount
	}
	lines = append(lines, BudgetLine{Item: "资料印刷费", Amount: total - sum, Basis: "会议手册印刷"})
	return Budget{Lines: lines, Total: total, Provincial: grant, SelfRaised: self}
}
