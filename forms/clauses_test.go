package forms

import (
	"strings"
	"testing"
)

// 一（二）4(1): the graduate forum is open to provincial societies and to the
// province's universities and research institutes that hold the
// qualification to train graduate students (有研究生培养资格的省内高校、科研院所).
func TestGraduateTrainingOfTheForum(t *testing.T) {
	for _, typ := range []string{TypeUniversity, TypeUniversitySAT, TypeResearchInstitute} {
		d := sample(t, "forum")
		d.Applicant.Type = typ
		d.Applicant.GraduateTraining = true
		expect(t, d, RuleGraduateTraining, false, "")
		expect(t, d, RuleEligibility, false, "")
		d.Applicant.GraduateTraining = false
		expect(t, d, RuleGraduateTraining, true, "applicant.graduate_training")
		if f := find(checked(d), RuleGraduateTraining); f == nil || !strings.Contains(f.Message, "一（二）4(1)") || !strings.Contains(f.Message, Default().ApplicantTypeName(typ)) {
			t.Errorf("%s: message should name the type and cite the clause: %+v", typ, f)
		}
	}
	// a provincial society needs no such qualification
	d := sample(t, "forum")
	d.Applicant.GraduateTraining = false
	expect(t, d, RuleGraduateTraining, false, "")
	// nor does a research institute applying for another category
	d = sample(t, "intl")
	d.Applicant.GraduateTraining = false
	expect(t, d, RuleGraduateTraining, false, "")
}

// 一（五）4(2): the experts invited to an international exchange are foreign
// (国外知名院士、专家): a Chinese expert does not count.
func TestForeignExpertIsForeign(t *testing.T) {
	d := sample(t, "intl")
	expect(t, d, RuleIntlCountry, false, "")
	rows := d.Part().Rows("foreign_experts")
	for _, c := range []string{"中国", " 中国 ", "china", "中华人民共和国"} {
		rows[1].SetText("country", c)
		expect(t, d, RuleIntlCountry, true, "parts.intl.foreign_experts[1].country")
	}
	if f := find(checked(d), RuleIntlCountry); f == nil || !strings.Contains(f.Message, "一（五）4(2)") || !strings.Contains(f.Message, "国外") {
		t.Errorf("message: %+v", f)
	}
	// with the Chinese expert removed, one foreign expert still satisfies the minimum
	d.Part().SetRows("foreign_experts", rows[:1])
	expect(t, d, RuleIntlCountry, false, "")
	expect(t, d, RuleIntlForeign, false, "")
	rows[0].SetText("country", "中国")
	expect(t, d, RuleIntlCountry, true, "parts.intl.foreign_experts[0].country")
}

// 二、5 with the cover's 申报日期: the application is dated on or before the
// deadline.
func TestApplyDateBeforeDeadline(t *testing.T) {
	d := sample(t, "annual")
	dl := DateOf(Default().Deadline)
	d.Cover.ApplyDate = dl
	expect(t, d, RuleApplyDate, false, "")
	d.Cover.ApplyDate = dl.AddDays(1)
	expect(t, d, RuleApplyDate, true, "cover.apply_date")
	if f := find(checked(d), RuleApplyDate); f == nil || !strings.Contains(f.Message, dl.Chinese()) || !strings.Contains(f.Message, "二、5") {
		t.Errorf("message: %+v", f)
	}
	d.Cover.ApplyDate = Date{}
	expect(t, d, RuleApplyDate, false, "")
}

// A participant maximum, where a call sets one, is checked like the minimum.
func TestParticipantsMaximum(t *testing.T) {
	call := *Default()
	call.Categories = append([]Category(nil), call.Categories...)
	call.Categories[0].MaxParticipants = 300
	d := sample(t, call.Categories[0].ID)
	d.Project.Participants = 300
	if f := find(record(Check(&call, d, Options{})), RuleParticipantsMax); f != nil {
		t.Errorf("300 of at most 300: %s", f.Message)
	}
	d.Project.Participants = 301
	f := find(record(Check(&call, d, Options{})), RuleParticipantsMax)
	if f == nil || f.Field != "project.participants" || !strings.Contains(f.Message, "300人") {
		t.Errorf("301 of at most 300: %+v", f)
	}
	found := false
	for _, r := range Rules(&call) {
		found = found || r.ID == RuleParticipantsMax && strings.Contains(r.Summary, "300人")
	}
	if !found {
		t.Error("the rule list should state the maximum")
	}
	for _, r := range Rules(Default()) {
		if r.ID == RuleParticipantsMax {
			t.Error("a call without a maximum should not list the rule")
		}
	}
}

// A multi-day event's agenda says on which day each item is.
func TestAgendaDatesOfAMultiDayEvent(t *testing.T) {
	d := sample(t, "basic") // three days
	expect(t, d, RuleAgendaDates, false, "")
	d.Agenda[2].Date = Date{}
	expect(t, d, RuleAgendaDates, true, "agenda")
	if f := find(checked(d), RuleAgendaDates); f == nil || !strings.Contains(f.Message, "共3天") || !strings.Contains(f.Message, "1项") {
		t.Errorf("message: %+v", f)
	}
	d = sample(t, "speech") // one day: dates may be left out
	for i := range d.Agenda {
		d.Agenda[i].Date = Date{}
	}
	expect(t, d, RuleAgendaDates, false, "")
}
