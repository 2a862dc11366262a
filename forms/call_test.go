package forms

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCall2024Numbers checks every number and date of the embedded 2024
// call against the notice, written out here by hand from the notice's text.
func TestCall2024Numbers(t *testing.T) {
	c := Default()
	if c.Year != 2024 || DateOf(c.Deadline) != NewDate(2024, 4, 22) || !c.PostedMustArrive || DateOf(c.AnnouncementBy) != NewDate(2024, 4, 30) {
		t.Errorf("year/deadline/announcement: %d %v %v %v", c.Year, c.Deadline, c.PostedMustArrive, c.AnnouncementBy)
	}
	if c.MaxPerCategory != 1 || c.MaxTotal != 2 || c.PaperCopies != 1 {
		t.Errorf("quotas %d/%d, copies %d", c.MaxPerCategory, c.MaxTotal, c.PaperCopies)
	}
	if c.Contact != (Contact{Department: "吉林省科协学会学术部", Person: "徐萌", Phone: "0431-85261411", Email: "kx1411@163.com",
		Address: "吉林省长春市朝阳区人民大街6255号", Office: "吉林省科学技术协会学会学术部（606办公室）"}) {
		t.Errorf("contact %+v", c.Contact)
	}
	if !c.Society.AnnualInspection || c.Society.EvaluationYear != 2023 || c.PriorityYears != "2021-2023" || len(c.Honours) != 3 {
		t.Errorf("society requirements %+v %s %v", c.Society, c.PriorityYears, c.Honours)
	}
	if len(c.AfterEvent) != 2 || c.AfterEvent[0].Days != 3 || c.AfterEvent[0].ReportMaxChars != 1000 || c.AfterEvent[0].PhotosMin != 1 || c.AfterEvent[0].PhotosMax != 3 || c.AfterEvent[1].Days != 10 {
		t.Errorf("after-event obligations %+v", c.AfterEvent)
	}
	type want struct {
		name                  string
		quotaMin, quota       int
		kind                  string
		funding, fmin, fmax   int64
		minPart, minPapers    int
		start, end            Date
		eligible              []string
		conveners, foreigners int
	}
	wants := map[string]want{
		"annual": {"第十三届吉林省科协年会分会场", 0, 6, FundingFixed, 30000, 0, 0, 200, 0, NewDate(2024, 8, 1), NewDate(2024, 10, 31), eligibleTypes["annual"], 0, 0},
		"forum":  {"第十一届吉林省科协研究生论坛", 0, 14, FundingFixed, 20000, 0, 0, 50, 30, NewDate(2024, 5, 1), NewDate(2024, 10, 31), eligibleTypes["forum"], 0, 0},
		"speech": {"第十五届吉林省研究生科技论文演讲比赛", 0, 5, FundingVenue, 0, 0, 0, 0, 0, NewDate(2024, 9, 1), NewDate(2024, 11, 30), eligibleTypes["speech"], 0, 0},
		"basic":  {"基础研究学术交流活动", 0, 4, FundingFixed, 40000, 0, 0, 50, 0, NewDate(2024, 5, 1), NewDate(2024, 10, 31), eligibleTypes["basic"], 1, 0},
		"intl":   {"高水平对外学术交流活动", 2, 3, FundingRange, 0, 30000, 45000, 0, 0, NewDate(2024, 6, 1), NewDate(2024, 11, 30), eligibleTypes["intl"], 0, 1},
	}
	if len(c.Categories) != 5 {
		t.Fatalf("%d categories, want 5", len(c.Categories))
	}
	for id, w := range wants {
		cat := c.Category(id)
		if cat == nil {
			t.Fatalf("no category %s", id)
		}
		got := want{cat.Name, cat.QuotaMin, cat.Quota, cat.FundingKind, cat.Funding, cat.FundingMin, cat.FundingMax, cat.MinParticipants, cat.MinPapers,
			DateOf(cat.WindowStart), DateOf(cat.WindowEnd), cat.Eligible, partCount(cat, "conveners"), partMin(cat, "foreign_experts")}
		if got.name != w.name || got.quotaMin != w.quotaMin || got.quota != w.quota || got.kind != w.kind || got.funding != w.funding ||
			got.fmin != w.fmin || got.fmax != w.fmax || got.minPart != w.minPart || got.minPapers != w.minPapers ||
			got.start != w.start || got.end != w.end || strings.Join(got.eligible, ",") != strings.Join(w.eligible, ",") ||
			got.conveners != w.conveners || got.foreigners != w.foreigners {
			t.Errorf("%s:\n got %+v\nwant %+v", id, got, w)
		}
		if cat.Clause == "" || cat.WindowClause == "" || cat.EligibleClause == "" || len(cat.RequiredContent) == 0 {
			t.Errorf("%s lacks clauses or required content", id)
		}
	}
	sp := c.Category("speech")
	venues := map[string]int64{}
	for _, v := range sp.Venues {
		venues[v.ID] = v.Funding
	}
	if len(venues) != 5 || venues["science"] != 15000 || venues["engineering"] != 15000 || venues["agriculture"] != 15000 || venues["medicine"] != 15000 || venues["final"] != 60000 || sp.WinnersSupport != 30000 {
		t.Errorf("speech venues %v, winners %d", venues, sp.WinnersSupport)
	}
	if a := c.Category("annual"); a.Theme != "坚持科技创新引领  推动新质生产力形成" || strings.Join(a.PartField("focus_area").Options, ",") != "四大集群,六新产业,四新设施" || !a.JointEncouraged {
		t.Errorf("annual theme/focus %q %v", a.Theme, a.PartField("focus_area").Options)
	}
	if f := c.Category("forum"); strings.Join(f.GraduateTrainingRequired, ",") != "university,university_sat,research_institute" || !f.JointEncouraged {
		t.Errorf("forum graduate training %v", f.GraduateTrainingRequired)
	}
	if got := sp.FundingText(); !strings.Contains(got, "决赛60,000元") || !strings.Contains(got, "理科分赛场15,000元") {
		t.Errorf("speech funding text %q", got)
	}
	if got := c.Category("intl").FundingText(); got != "30,000–45,000元/项" {
		t.Errorf("intl funding text %q", got)
	}
	if got := c.Category("intl").QuotaText(); got != "2-3项" {
		t.Errorf("intl quota text %q", got)
	}
}

func TestParseCallErrors(t *testing.T) {
	good := string(mustRead(defaultCallFile))
	cases := []struct {
		name, data string
		line       int
		want       string
	}{
		{"syntax", strings.Replace(good, "quota = 6", "quota = = 6", 1), lineContaining(good, "quota = 6"), "格式错误"},
		{"unknown key", strings.Replace(good, "quota = 14", "quota = 14\nqouta = 3", 1), lineContaining(good, "quota = 14") + 1, "qouta"},
		{"wrong type", strings.Replace(good, "min_participants = 200", `min_participants = "二百"`, 1), lineContaining(good, "min_participants = 200"), "格式错误"},
		{"window reversed", strings.Replace(good, "window_end = 2024-10-31\nwindow_text = \"2024年8-10月\"", "window_end = 2024-07-31\nwindow_text = \"2024年8-10月\"", 1), lineContaining(good, "[[categories]]"), "先后颠倒"},
		{"range reversed", strings.Replace(good, "funding_max = 45000", "funding_max = 25000", 1), lineNth(good, "[[categories]]", 5), "funding_min/funding_max"},
		{"bad eligible", strings.Replace(good, `eligible = ["provincial_society", "university_sat"]`, `eligible = ["provincial_society", "club"]`, 1), lineNth(good, "[[categories]]", 3), "club"},
		// A call without a deadline or a clause is no error (issue 16: every
		// call-level fact is optional): TestOptionalFactsNotListed.
		{"window half", strings.Replace(good, "window_end = 2024-10-31\nwindow_text = \"2024年8-10月\"", "window_text = \"2024年8-10月\"", 1), lineContaining(good, "[[categories]]"), "只写了一个"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseCall("2025.toml", []byte(c.data))
			var ce *CallError
			if !errors.As(err, &ce) {
				t.Fatalf("want CallError, got %v", err)
			}
			if ce.File != "2025.toml" || !strings.Contains(ce.Error(), c.want) || !strings.Contains(ce.Error(), "2025.toml") {
				t.Errorf("error %q should name the file and contain %q", ce.Error(), c.want)
			}
			if c.line > 0 && ce.Line != c.line {
				t.Errorf("line %d, want %d (%s)", ce.Line, c.line, ce.Error())
			}
			if c.line > 0 && !strings.Contains(ce.Error(), "行") {
				t.Errorf("message should name the line: %s", ce.Error())
			}
		})
	}
}

func lineContaining(s, sub string) int { return lineNth(s, sub, 1) }

func lineNth(s, sub string, n int) int {
	for i, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			n--
			if n == 0 {
				return i + 1
			}
		}
	}
	return -1
}

func TestLoadCallFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "2025.toml")
	data := strings.ReplaceAll(string(mustRead(defaultCallFile)), "year = 2024", "year = 2025")
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := LoadCallFile(p)
	if err != nil || c.Year != 2025 {
		t.Fatalf("load another year's call: %v", err)
	}
	if _, err := LoadCallFile(filepath.Join(dir, "none.toml")); err == nil || !strings.Contains(err.Error(), "none.toml") {
		t.Errorf("missing call file: %v", err)
	}
}

func FuzzParseCall(f *testing.F) {
	f.Add(mustRead(defaultCallFile))
	f.Add([]byte("year = 2024\n[[categories]]\nid = \"x\"\n"))
	// rules that panicked on their field's value (issue 20)
	src := string(mustRead(defaultCallFile))
	for _, r := range []string{"max=10", "oneof=true", "omitempty,dive"} {
		f.Add([]byte(strings.Replace(src, `key = "one_paper_per_student"`, `key = "one_paper_per_student"`+"\n  validate = \""+r+"\"", 1)))
	}
	f.Add([]byte(strings.Replace(src, `key = "review_committee"`, `key = "review_committee"`+"\n  validate = \"omitempty,dive,keys,required,endkeys\"", 1)))
	samples := map[string]*Draft{}
	for _, id := range []string{"annual", "forum", "speech", "basic", "intl"} {
		samples[id] = sample(f, id)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseCall("fuzz.toml", data)
		if err != nil {
			var ce *CallError
			if !errors.As(err, &ce) || ce.Problem == "" {
				t.Fatalf("not a CallError: %v", err)
			}
			return
		}
		// an accepted call must be usable: every category yields a sample
		// that can be checked without panicking
		for _, cat := range c.Categories {
			d := NewDraft(c, cat.ID)
			Check(c, d, Options{Today: today})
			// a complete draft, with values of every declared field's
			// kind, checked against the call: no rule may panic
			for _, rows := range []int{2} { // NewDraft above has none
				base := "annual"
				if _, ok := samples[cat.ID]; ok {
					base = cat.ID
				}
				d, err := Unmarshal("sample", mustMarshalDraft(t, samples[base]))
				if err != nil {
					t.Fatal(err)
				}
				d.Category, d.CallYear = cat.ID, c.Year
				d.Parts[cat.ID] = trialValues(cat.Part.Fields, rows)
				Check(c, d, Options{Today: today})
			}
		}
	})
}

// defaultCallFile is the embedded call file of the tests' call.
const defaultCallFile = "calls/2024/" + CallFileName

// partCount is the exact row count a category's table field declares.
func partCount(cat *Category, key string) int {
	if fd := cat.PartField(key); fd != nil {
		return fd.Count
	}
	return 0
}

// partMin is the minimum a category's field declares.
func partMin(cat *Category, key string) int {
	if fd := cat.PartField(key); fd != nil && fd.Min != nil {
		return int(*fd.Min)
	}
	return 0
}

// mustMarshalDraft encodes a draft (for a copy the test may change).
func mustMarshalDraft(t testing.TB, d *Draft) []byte {
	t.Helper()
	b, err := Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
