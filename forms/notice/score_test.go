package notice

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"shenbao/forms"
)

// pointFacts are the facts of issue 17's point 1 in a call, one entry a
// fact, as canonical text: categories (by position: the notice's order)
// with clause, name, edition, quota, amounts, scale, window, who may apply;
// the deadline, per-unit limits, paper copies, contacts, the duties after
// the event, and the soft words the call holds (joint applications
// encouraged, the honours given priority).
func pointFacts(c *forms.Call) map[string]string {
	m := map[string]string{}
	set := func(k, v string) {
		if v != "" && v != "0" && v != "false" && v != "0001-01-01" {
			m[k] = v
		}
	}
	d := func(t interface{ Format(string) string }) string { return t.Format("2006-01-02") }
	set("year", fmt.Sprint(c.Year))
	set("title", c.Title)
	set("notice_title", c.NoticeTitle)
	set("issuer", c.Issuer)
	set("issuer_short", c.IssuerShort)
	set("deadline", d(c.Deadline))
	set("posted_must_arrive", fmt.Sprint(c.PostedMustArrive))
	set("announcement_by", d(c.AnnouncementBy))
	set("announcement_where", c.AnnouncementWhere)
	set("max_per_category_per_unit", fmt.Sprint(c.MaxPerCategory))
	set("max_total_per_unit", fmt.Sprint(c.MaxTotal))
	set("paper_copies", fmt.Sprint(c.PaperCopies))
	set("priority_years", c.PriorityYears)
	var honours []string
	for _, h := range c.Honours {
		honours = append(honours, h.Name)
	}
	set("honours", strings.Join(honours, "、"))
	set("society.annual_inspection", fmt.Sprint(c.Society.AnnualInspection))
	set("society.evaluation_year", fmt.Sprint(c.Society.EvaluationYear))
	set("society.clause", c.Society.Clause)
	ct := c.Contact
	for k, v := range map[string]string{"department": ct.Department, "person": ct.Person, "phone": ct.Phone, "email": ct.Email, "address": ct.Address, "office": ct.Office} {
		set("contact."+k, v)
	}
	cl := c.Clauses
	for k, v := range map[string]string{"submission": cl.Submission, "after_event": cl.AfterEvent, "confidential": cl.Confidential, "deadline": cl.Deadline} {
		set("clauses."+k, v)
	}
	set("categories", fmt.Sprint(len(c.Categories)))
	for i, ae := range c.AfterEvent {
		k := fmt.Sprintf("after_event.%d.", i)
		set(k+"days", fmt.Sprint(ae.Days))
		for j, it := range ae.Items {
			var cats, venues []string
			for _, id := range it.Categories {
				if cat := c.Category(id); cat != nil {
					cats = append(cats, cat.Name)
					for _, v := range it.Venues {
						if ve := cat.Venue(v); ve != nil {
							venues = append(venues, ve.Name)
						}
					}
				}
			}
			set(fmt.Sprintf("%sitem%d", k, j), fmt.Sprintf("%s %s %v %v", it.Kind, it.Name, cats, venues))
		}
		set(k+"report_max_chars", fmt.Sprint(ae.ReportMaxChars))
		set(k+"photos", fmt.Sprintf("%d-%d", ae.PhotosMin, ae.PhotosMax))
	}
	for i, cat := range c.Categories {
		k := fmt.Sprintf("cat%d.", i+1)
		set(k+"clause", cat.Clause)
		set(k+"name", cat.Name)
		set(k+"edition", cat.Edition)
		set(k+"quota", fmt.Sprintf("%d-%d", cat.QuotaMin, cat.Quota))
		switch cat.FundingKind {
		case forms.FundingVenue:
			var vs []string
			for _, v := range cat.Venues {
				vs = append(vs, fmt.Sprintf("%s:%d", v.Name, v.Funding))
			}
			set(k+"funding", "venue "+strings.Join(vs, ","))
		case forms.FundingRange:
			set(k+"funding", fmt.Sprintf("range %d-%d", cat.FundingMin, cat.FundingMax))
		default:
			set(k+"funding", fmt.Sprintf("%s %d", cat.FundingKind, cat.Funding))
		}
		set(k+"winners_support", fmt.Sprint(cat.WinnersSupport))
		var el []string
		for _, e := range cat.Eligible {
			el = append(el, c.ApplicantTypeName(e))
		}
		sort.Strings(el)
		set(k+"eligible", strings.Join(el, "、"))
		set(k+"eligible_clause", cat.EligibleClause)
		set(k+"joint_encouraged", fmt.Sprint(cat.JointEncouraged))
		set(k+"min_participants", fmt.Sprint(cat.MinParticipants))
		set(k+"max_participants", fmt.Sprint(cat.MaxParticipants))
		set(k+"min_papers", fmt.Sprint(cat.MinPapers))
		set(k+"scale_clause", cat.ScaleClause)
		set(k+"window", d(cat.WindowStart)+".."+d(cat.WindowEnd))
		set(k+"window_text", cat.WindowText)
		set(k+"window_clause", cat.WindowClause)
		set(k+"forms_allowed", strings.Join(cat.FormsAllowed, "、"))
		set(k+"theme", cat.Theme)
	}
	return m
}

// score compares a proposal's call with the expected one fact by fact: a
// fact counts when either side states it; it matches when both agree.
func score(t *testing.T, got, want *forms.Call) (float64, []string) {
	t.Helper()
	g, w := pointFacts(got), pointFacts(want)
	keys := map[string]bool{}
	for k := range g {
		keys[k] = true
	}
	for k := range w {
		keys[k] = true
	}
	var sorted []string
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	var misses []string
	for _, k := range sorted {
		if g[k] != w[k] {
			misses = append(misses, fmt.Sprintf("%s: 读出 %q，应为 %q", k, g[k], w[k]))
		}
	}
	return float64(len(sorted)-len(misses)) / float64(len(sorted)), misses
}

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func loadCall(t testing.TB, file string) *forms.Call {
	t.Helper()
	c, err := forms.LoadCallFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// checkLoads writes the proposal's TOML and reads it back with the loader.
func checkLoads(t *testing.T, p *Proposal) *forms.Call {
	t.Helper()
	b := p.TOML()
	c, err := forms.ParseCall("proposal.toml", b)
	if err != nil {
		t.Fatalf("the proposal's TOML does not load: %v\n%s", err, b)
	}
	return c
}

// TestScore2024NoBase: the 2024 notice alone against the shipped 2024 call.
func TestScore2024NoBase(t *testing.T) {
	p, err := Read(readTestdata(t, "notice-2024.txt"), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := loadCall(t, "../calls/2024/call.toml")
	s, misses := score(t, p.Call, want)
	t.Logf("2024年通知（无基础通知）：与 forms/calls/2024 一致 %.1f%%，不一致 %d 项", s*100, len(misses))
	for _, m := range misses {
		t.Log("  ", m)
	}
	if s < 0.90 {
		t.Errorf("score %.1f%% < 90%%", s*100)
	}
	loaded := checkLoads(t, p)
	if s2, _ := score(t, loaded, want); s2 < s {
		t.Errorf("the written TOML scores %.1f%%, less than the proposal's %.1f%%", s2*100, s*100)
	}
	if n := p.Count(FromBase); n != 0 {
		t.Errorf("%d facts from a base, without a base", n)
	}
}

// TestScore2025WithBase: the notice written for the 2025 test call, read
// with the 2024 call as base.
func TestScore2025WithBase(t *testing.T) {
	text := readTestdata(t, "../../testdata/call-2025/notice.txt")
	base := loadCall(t, "../calls/2024/call.toml")
	p, err := Read(text, base)
	if err != nil {
		t.Fatal(err)
	}
	want := loadCall(t, "../testdata/call-2025/call.toml")
	s, misses := score(t, p.Call, want)
	t.Logf("2025年测试通知（以2024年为基础）：与 forms/testdata/call-2025 一致 %.1f%%，不一致 %d 项", s*100, len(misses))
	for _, m := range misses {
		t.Log("  ", m)
	}
	if s < 0.95 {
		t.Errorf("score %.1f%% < 95%%", s*100)
	}
	loaded := checkLoads(t, p)
	if s2, _ := score(t, loaded, want); s2 < s {
		t.Errorf("the written TOML scores %.1f%%, less than the proposal's %.1f%%", s2*100, s*100)
	}
	if loaded.Category("salon") == nil {
		t.Errorf("the new category's ID is not salon (a word of its name): %v", loaded.Categories[len(loaded.Categories)-1].ID)
	}
	if got := strings.Join(p.Removed, ","); !strings.Contains(got, "演讲比赛") {
		t.Errorf("Removed = %q, want the speech competition (not in the 2025 notice)", got)
	}
	// The new category has no part in the base; the ones carried over keep
	// theirs, renumbered to the 2025 clauses.
	for _, cat := range loaded.Categories {
		wc := want.Category(cat.ID)
		if wc == nil {
			continue
		}
		for i, fd := range cat.Part.Fields {
			if fd.Clause != "" && !strings.HasPrefix(fd.Clause, cat.Clause) {
				t.Errorf("%s part field %d clause %q does not follow the category's clause %q", cat.ID, i, fd.Clause, cat.Clause)
			}
		}
	}
}
