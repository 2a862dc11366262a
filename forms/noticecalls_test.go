package forms

import (
	"strings"
	"testing"
	"time"
)

// noticeCallPaths are the test calls modelled on the two real notices in
// the notices folder the project keeps (Hubei 2022, Shanghai 2023), and a
// third, made-up call: one category, no stated amount, a duty due “一月内”.
var noticeCallPaths = []string{
	"testdata/call-hubei-2022/" + CallFileName,
	"testdata/call-shanghai-2023/" + CallFileName,
	"testdata/call-third/" + CallFileName,
}

func noticeCall(t testing.TB, i int) *Call {
	t.Helper()
	c, err := LoadCallFile(noticeCallPaths[i])
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// fitDraft is a complete draft of a category of a call: the 2024 sample's
// texts, people and budget lines, with the category's own type, dates,
// amount and scale.
func fitDraft(t testing.TB, c *Call, cat *Category) *Draft {
	t.Helper()
	d, err := Sample(Default(), "annual")
	if err != nil {
		t.Fatal(err)
	}
	d.CallYear, d.Category, d.Venue, d.Parts = c.Year, cat.ID, "", nil
	d.Joint = nil
	d.Applicant.Honours = nil
	if len(cat.Eligible) > 0 {
		d.Applicant.Type = cat.Eligible[0]
	}
	start := NewDate(c.Year, 6, 10)
	if cat.HasWindow() {
		start = DateOf(cat.WindowStart).AddDays(9)
	}
	d.Project.StartDate, d.Project.EndDate = start, start.AddDays(1)
	for i := range d.Agenda {
		d.Agenda[i].Date = start
	}
	if len(cat.FormsAllowed) > 0 {
		d.Project.Form = cat.FormsAllowed[0]
	}
	d.Project.Participants = max(cat.MinParticipants, 60)
	d.Project.RequestedAmount = cat.FundingFor("")
	lines := []BudgetLine{{Item: "会议费", Amount: 30000}, {Item: "专家咨询费", Amount: 20000}}
	if cat.FundingStated() && d.Project.RequestedAmount > 50000 {
		lines = append(lines, BudgetLine{Item: "场地费", Amount: d.Project.RequestedAmount - 50000})
	}
	var total int64
	for _, l := range lines {
		total += l.Amount
	}
	d.Budget = Budget{Lines: lines, Total: total, Provincial: d.Project.RequestedAmount, SelfRaised: total - d.Project.RequestedAmount}
	d.Cover.ApplyDate = NewDate(c.Year, 3, 20)
	// A city where the call's place rule wants it (湖北省境内).
	for _, r := range c.RuleDecls {
		if r.Field == "project.city" && len(r.ContainsAny) > 0 {
			d.Project.City = r.ContainsAny[min(1, len(r.ContainsAny)-1)] + "市"
		}
	}
	// The sections a call declares of its own, each field given a value
	// of its kind.
	d.Sections = nil
	for i := range c.Documents {
		for _, sd := range c.Documents[i].Sections {
			if sd.Key == "" {
				continue
			}
			if d.Sections == nil {
				d.Sections = map[string]Values{}
			}
			v := Values{}
			for _, fd := range sd.Fields {
				switch fd.Kind {
				case KindText, KindLong:
					*v.TextPtr(fd.Key) = fd.Label + "（示例）"
				case KindDate:
					born := NewDate(c.Year-40, 5, 1)
					v[fd.Key] = &born
				}
			}
			d.Sections[sd.Key] = v
		}
	}
	return d
}

// Each call loads, and a complete draft of each of its categories checks
// with no error and no warning: nothing the notice does not say is asked.
func TestNoticeCalls(t *testing.T) {
	for i := range noticeCallPaths {
		c := noticeCall(t, i)
		for j := range c.Categories {
			cat := &c.Categories[j]
			d := fitDraft(t, c, cat)
			fs := record(Check(c, d, Options{Today: d.Cover.ApplyDate, Printable: func(rune) bool { return true }}))
			if e, w := Count(fs); e > 0 || w > 0 {
				t.Errorf("%s %s: %d errors, %d warnings: %v", c.Source, cat.ID, e, w, fs)
			}
			for _, f := range fs {
				if unstated.MatchString(f.Message) {
					t.Errorf("%s %s: %s", c.Source, f.Rule, f.Message)
				}
			}
		}
	}
}

// 湖北 2022: “每单位原则上申报1项” is a warning across drafts; a joint
// application names its lead unit (三（四）); a provincial society has
// passed the yearly inspection (三（二）); the amount is the type's.
func TestNoticeCallHubei(t *testing.T) {
	c := noticeCall(t, 0)
	if c.TotalQuota == nil || c.TotalQuota.Count != 40 || c.TotalQuota.Text() != "约40项" || !c.Deadline.IsZero() || c.Contact.Email != "" {
		t.Errorf("facts: %+v", c)
	}
	a, b := fitDraft(t, c, c.Category("salon")), fitDraft(t, c, c.Category("cross"))
	b.Applicant.Name = a.Applicant.Name
	across := CheckAcross(c, []NamedDraft{{Name: "a.shenbao.json", Draft: a}, {Name: "b.shenbao.json", Draft: b}})
	if fs := record(across[0]); len(fs) != 1 || fs[0].Rule != RuleQuotaTotal || fs[0].Severity != Warning || !strings.Contains(fs[0].Message, "三（四）") {
		t.Errorf("two applications of one unit: %+v", fs)
	}
	a.Joint = []Joint{{Name: "武汉市某学会", Type: "provincial_society"}}
	if f := find(record(Check(c, a, Options{})), RuleJointLead); f == nil || f.Severity != Error {
		t.Errorf("joint without a lead unit: %+v", f)
	}
	a.LeadUnit = a.Applicant.Name
	a.Applicant.AnnualInspection = false
	fs := record(Check(c, a, Options{}))
	if f := find(fs, RuleAnnualInspection); f == nil || !strings.Contains(f.Message, "三（二）") {
		t.Errorf("inspection: %+v", f)
	}
	a.Project.RequestedAmount = 30000
	if f := find(record(Check(c, a, Options{})), RuleFundingFixed); f == nil || !strings.Contains(f.Message, "20,000") || !strings.Contains(f.Message, "二（一）") {
		t.Errorf("amount: %+v", f)
	}
}

// 上海 2023: a quota “不限” and no amount for 专题活动 (the application
// requests none), its window a preference (an info outside it), and an
// advised partner that is no applicant type.
func TestNoticeCallShanghai(t *testing.T) {
	c := noticeCall(t, 1)
	topical := c.Category("topical")
	if topical.QuotaText() != "不限" || topical.FundingStated() || topical.FundingText() != "" {
		t.Errorf("专题活动: quota %q, funding %q", topical.QuotaText(), topical.FundingText())
	}
	d := fitDraft(t, c, topical)
	if d.Project.RequestedAmount != 0 {
		t.Errorf("requests %d", d.Project.RequestedAmount)
	}
	d.Project.StartDate, d.Project.EndDate = NewDate(2023, 9, 1), NewDate(2023, 9, 2)
	fs := record(Check(c, d, Options{}))
	f := find(fs, RuleWindow)
	if f == nil || f.Severity != Info || !strings.Contains(f.Message, "优先考虑") {
		t.Errorf("preferred window: %+v", f)
	}
	if e, w := Count(fs); e+w > 0 {
		t.Errorf("outside the preferred window: %v", fs)
	}
	j := fitDraft(t, c, c.Category("journal_forum"))
	if f := find(record(Check(c, j, Options{})), RuleJointEncouraged); f == nil || f.Severity != Info || !strings.Contains(f.Message, "相关期刊中心") {
		t.Errorf("advised partner: %+v", f)
	}
	y := fitDraft(t, c, c.Category("sub_forum"))
	y.Applicant.Type = "university_sat"
	if f := find(record(Check(c, y, Options{})), RuleEligibility); f == nil || !strings.Contains(f.Message, "学会、民非、区科协") {
		t.Errorf("eligibility: %+v", f)
	}
}

// The third call: one category, no amount, its duty due one month after the
// event; nothing after the event but that duty.
func TestNoticeCallThird(t *testing.T) {
	c := noticeCall(t, 2)
	d := fitDraft(t, c, &c.Categories[0])
	d.Selection = &Selection{Selected: true, ActualEnd: NewDate(2026, 8, 31)}
	g := DueGroups(c, d)
	if len(g) != 1 || g[0].Due != NewDate(2026, 9, 30) || g[0].Items[0].Name != "活动成果报告" {
		t.Errorf("due: %+v", g)
	}
	f := find(record(Check(c, d, Options{Today: NewDate(2026, 9, 20)})), RuleSummaryDue)
	if f == nil || !strings.Contains(f.Message, "一月内") || !strings.Contains(f.Message, "（通知 四）") {
		t.Errorf("countdown: %+v", f)
	}
	old := sample(t, "annual")
	old.Category = "salon"
	nd, fs := Carry(Default(), c, old, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Options{})
	record(fs)
	if nd.Project.RequestedAmount != 0 {
		t.Errorf("carried amount %d into a call with none", nd.Project.RequestedAmount)
	}
	var dropped bool
	for _, f := range fs {
		dropped = dropped || f.Rule == RuleCarryLimit && f.Field == "project.requested_amount"
		if unstated.MatchString(f.Message) {
			t.Errorf("%s: %s", f.Rule, f.Message)
		}
	}
	if !dropped {
		t.Errorf("carry should say the amount was not carried: %v", fs)
	}
}
