package forms

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// testCallPath is the realistic call of another year in testdata: editions
// +1, moved windows and deadline, changed thresholds and amounts, the speech
// competition removed and a youth salon added with its own part.
const testCallPath = "testdata/call-2025/" + CallFileName

func testCall(t testing.TB) *Call {
	t.Helper()
	c, err := LoadCallFile(testCallPath)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestTestCallLoads(t *testing.T) {
	c := testCall(t)
	if c.Year != 2025 || c.Category("speech") != nil || c.Category("salon") == nil {
		t.Fatalf("test call: year %d, categories %s", c.Year, categoryIDs(c))
	}
	if _, err := os.Stat("testdata/call-2025/samples"); err != nil {
		t.Fatal(err)
	}
}

// Every sample of the test call passes its call's check, alone and together
// (quotas across the five units).
func TestTestCallSamples(t *testing.T) {
	c := testCall(t)
	var all []NamedDraft
	for _, cat := range c.Categories {
		d, err := Sample(c, cat.ID)
		if err != nil {
			t.Fatalf("%s: %v", cat.ID, err)
		}
		fs := record(Check(c, d, Options{Today: d.Cover.ApplyDate, Printable: func(rune) bool { return true }}))
		if e, w := Count(fs); e > 0 || w > 0 {
			t.Errorf("%s: %d errors, %d warnings: %v", cat.ID, e, w, fs)
		}
		all = append(all, NamedDraft{Name: cat.ID, Draft: d})
	}
	for i, fs := range CheckAcross(c, all) {
		if len(fs) > 0 {
			t.Errorf("%s: across drafts: %v", all[i].Name, fs)
		}
	}
}

// The new category's own part is checked as the call declares it: a
// whole-number minimum, a checklist of required documents, a table with a
// minimum and a maximum, and the participant maximum of the category.
func TestTestCallNewCategory(t *testing.T) {
	c := testCall(t)
	fresh := func() *Draft {
		d, err := Sample(c, "salon")
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	fire := func(d *Draft, rule, field string) *Finding {
		t.Helper()
		for _, f := range record(Check(c, d, Options{})) {
			if f.Rule == rule && f.Field == field {
				return &f
			}
		}
		t.Errorf("%s did not fire on %s", rule, field)
		return nil
	}
	d := fresh()
	d.Part().SetInt("young_participants", 19)
	if f := fire(d, "content.salon.young_participants", "parts.salon.young_participants"); f != nil && !strings.Contains(f.Message, "不少于20人，现在填的是19人") {
		t.Errorf("message: %s", f.Message)
	}
	d = fresh()
	d.Part().SetList("documents", []string{"活动方案"})
	if f := fire(d, "content.salon.documents", "parts.salon.documents"); f != nil && !strings.Contains(f.Message, "参会青年科技工作者名单") {
		t.Errorf("message: %s", f.Message)
	}
	d = fresh()
	rows := d.Part().Rows("hosts")
	d.Part().SetRows("hosts", append(rows, rows[0].Clone()))
	if f := fire(d, "content.salon.hosts", "parts.salon.hosts"); f != nil && !strings.Contains(f.Message, "现在填了3名") {
		t.Errorf("message: %s", f.Message)
	}
	d.Part().SetRows("hosts", nil)
	fire(d, "content.salon.hosts", "parts.salon.hosts")
	d = fresh()
	d.Part().Rows("hosts")[1].SetText("title", " ")
	if f := fire(d, RuleRequired, "parts.salon.hosts[1].title"); f != nil && !strings.Contains(f.Message, "主持人第2行的职称") {
		t.Errorf("message: %s", f.Message)
	}
	d = fresh()
	d.Part().SetDate("first_session", Date{})
	fire(d, RuleRequired, "parts.salon.first_session")
	d = fresh()
	d.Project.Participants = 81
	fire(d, RuleParticipantsMax, "project.participants")
	d.Project.Participants = 29
	fire(d, RuleParticipants, "project.participants")
	d = fresh()
	d.Project.Form = "论坛"
	fire(d, RuleForm, "project.form")
}

// What `rules` states for the test call comes from the test call: none of
// the 2024 call's dates, thresholds or amounts.
func TestTestCallRulesStateItsOwnFacts(t *testing.T) {
	var text strings.Builder
	for _, r := range Rules(testCall(t)) {
		text.WriteString(r.Clause + " " + r.Summary + "\n")
	}
	s := text.String()
	if m := regexp.MustCompile(`2024年\d|202[34]-\d\d-\d\d`).FindString(s); m != "" {
		t.Errorf("rules of the test call state a 2024 date %q", m)
	}
	for _, old := range []string{"4月22日", "2023", "2021", "200人", "50人", "30篇", "30,000", "20,000", "45,000", "15,000元", "1000字", "1-3张", "3日内", "10日内", "只能申报1项，", "不超过2项", "演讲比赛"} {
		if strings.Contains(s, old) {
			t.Errorf("rules of the test call state %q:\n%s", old, s)
		}
	}
	for _, want := range []string{"2025年5月9日", "300人", "80人", "40篇", "35,000元", "1200字", "2-4张", "15日内", "不超过3项", "青年学术沙龙"} {
		if !strings.Contains(s, want) {
			t.Errorf("rules of the test call lack %q", want)
		}
	}
}

// Each 2024 sample carries into the test call: the unit, its contacts, the
// experts and the texts come along; what changed is listed; a removed
// category is said so and its part kept.
func TestCarryEachSampleIntoTheTestCall(t *testing.T) {
	c := testCall(t)
	now := time.Date(2025, 4, 20, 9, 0, 0, 0, time.UTC)
	for _, cat := range Default().Categories {
		old := sample(t, cat.ID)
		d, fs := Carry(Default(), c, old, now, Options{Today: DateOf(now)})
		record(fs)
		has := func(rule, field string) bool {
			for _, f := range fs {
				if f.Rule == rule && (field == "" || f.Field == field) {
					return true
				}
			}
			return false
		}
		if d.CallYear != c.Year || d.ID == old.ID || d.Applicant.Name != old.Applicant.Name || d.Applicant.Mobile != old.Applicant.Mobile ||
			len(d.Experts) != len(old.Experts) || d.Project.Summary != old.Project.Summary || d.Selection != nil || d.Reports != nil {
			t.Errorf("%s: carried draft %+v", cat.ID, d)
		}
		if !d.Project.StartDate.IsZero() || !d.Cover.ApplyDate.IsZero() {
			t.Errorf("%s: dates of the old year were kept", cat.ID)
		}
		if c.Category(cat.ID) == nil {
			if !has(RuleCarryCategory, "category") || d.Parts[cat.ID] == nil || len(d.Parts[cat.ID]) != len(old.Part()) {
				t.Errorf("%s: removed category: %v, parts %v", cat.ID, fs, d.Parts)
			}
			continue
		}
		if !has(RuleCarryReset, "project.start_date") || !has(RuleDatesMissing, "project.start_date") {
			t.Errorf("%s: the cleared dates are not listed: %v", cat.ID, fs)
		}
		// every declared value of the old part that the new call still
		// declares came along
		for _, k := range old.Part().Keys() {
			if c.Category(cat.ID).PartField(k) != nil && !d.Part().Has(k) {
				t.Errorf("%s: part value %s was not carried", cat.ID, k)
			}
		}
		switch cat.ID {
		case "annual":
			if !has(RuleCarryLimit, "parts.annual.expert_group") || !has("content.annual.expert_group", "parts.annual.expert_group") || !has(RuleParticipants, "project.participants") {
				t.Errorf("annual: changed limits not listed: %v", fs)
			}
			if d.Project.RequestedAmount != 35000 || !has(RuleCarryLimit, "project.requested_amount") {
				t.Errorf("annual: amount %d", d.Project.RequestedAmount)
			}
		case "basic":
			if !has(RuleCarryLimit, "parts.basic.conveners") || !has(RuleBasicConvener, "parts.basic.conveners") || !has(RuleCarryReset, "applicant.honours") || len(d.Applicant.Honours) != 0 {
				t.Errorf("basic: %v", fs)
			}
		case "intl":
			if d.Project.RequestedAmount != old.Project.RequestedAmount || has(RuleCarryLimit, "project.requested_amount") {
				t.Errorf("intl: an amount inside the new range is kept: %d", d.Project.RequestedAmount)
			}
		}
	}
	// a new field of a category and a removed one are listed
	old := sample(t, "annual")
	nc := *c
	nc.Categories = append([]Category(nil), c.Categories...)
	ann := &nc.Categories[0]
	ann.Part.Fields = append([]FieldDecl{{Key: "new_key", Label: "新的一项", Kind: KindText}}, ann.Part.Fields[1:]...)
	if p := ann.compile(); p != "" {
		t.Fatal(p)
	}
	_, fs := Carry(Default(), &nc, old, now, Options{})
	record(fs)
	var newF, dropF bool
	for _, f := range fs {
		newF = newF || f.Rule == RuleCarryNewField && f.Field == "parts.annual.new_key"
		dropF = dropF || f.Rule == RuleCarryDropped
	}
	if !newF {
		t.Errorf("new field not listed: %v", fs)
	}
	// the old value of a field whose kind changed is not carried as garbage
	fa := nc.Categories[0].PartField("focus_area")
	fa.Kind, fa.Rule, fa.Options, fa.Required = KindInt, "", nil, false
	if p := nc.Categories[0].compile(); p != "" {
		t.Fatal(p)
	}
	d, fs := Carry(Default(), &nc, old, now, Options{})
	record(fs)
	dropF = false
	for _, f := range fs {
		dropF = dropF || f.Rule == RuleCarryDropped && f.Field == "parts.annual.focus_area"
	}
	if !dropF || d.Part().Has("focus_area") {
		t.Errorf("changed kind: %v", fs)
	}
}

// Every v1 draft, the five v1 samples included, loads as v2 with its part
// intact, and the v1 samples still pass the check but for what the 2024 call
// now asks beyond them.
func TestMigrateV1Samples(t *testing.T) {
	for _, cat := range Default().Categories {
		path := "testdata/v1/" + cat.ID + DraftExt
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var v1 map[string]any
		if err := json.Unmarshal(raw, &v1); err != nil || v1["schema_version"] != float64(1) {
			t.Fatalf("%s is not a v1 file", path)
		}
		d, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		if d.SchemaVersion != SchemaVersion || d.Part() == nil {
			t.Fatalf("%s: version %d, part %v", path, d.SchemaVersion, d.Part())
		}
		oldKey := map[string]string{"annual": "annual_meeting", "forum": "forum", "speech": "speech", "basic": "basic", "intl": "international"}[cat.ID]
		oldPart := v1[oldKey].(map[string]any)
		for k, v := range oldPart {
			switch k {
			case "materials_ppt", "materials_paper":
				continue
			}
			got, _ := json.Marshal(d.Part()[k])
			want, _ := json.Marshal(v)
			if string(got) != string(want) {
				t.Errorf("%s: %s = %s, v1 had %s", cat.ID, k, got, want)
			}
		}
		if cat.ID == "speech" && strings.Join(d.Part().List("materials"), ",") != "演讲提纲PPT,演讲依据论文" {
			t.Errorf("speech materials: %v", d.Part().List("materials"))
		}
		for _, f := range record(Check(Default(), d, Options{})) {
			if f.Severity == Error {
				t.Errorf("%s: migrated v1 sample: %s %s", cat.ID, f.Rule, f.Message)
			}
		}
		// saved again, it is a v2 file without the v1 keys
		b, _ := Marshal(d)
		if strings.Contains(string(b), `"`+oldKey+`": {`) && oldKey != "forum" && oldKey != "speech" && oldKey != "basic" {
			t.Errorf("%s: v1 key %s written again", cat.ID, oldKey)
		}
		if !strings.Contains(string(b), `"parts"`) {
			t.Errorf("%s: no parts in the v2 file", cat.ID)
		}
	}
}

// BenchmarkLoadCallFile is the cost of reading a call file from disk: TOML,
// the checks of its content and the compilation of its parts' rules.
func BenchmarkLoadCallFile(b *testing.B) {
	for b.Loop() {
		if _, err := LoadCallFile(testCallPath); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckNewCategory checks the test call's new category, whose part
// is only a declaration.
func BenchmarkCheckNewCategory(b *testing.B) {
	c := testCall(b)
	d, err := Sample(c, "salon")
	if err != nil {
		b.Fatal(err)
	}
	opts := Options{Today: d.Cover.ApplyDate}
	b.ReportAllocs()
	for b.Loop() {
		Check(c, d, opts)
	}
}

// A renumbered notice: the test call puts its common rules under 三、, and
// every rule and every message cites the call's [clauses], never 二、2–二、5.
func TestTestCallCitesItsOwnClauses(t *testing.T) {
	c := testCall(t)
	old := regexp.MustCompile(`二、[1-5]`)
	for _, r := range Rules(c) {
		if m := old.FindString(r.Clause); m != "" {
			t.Errorf("rule %s cites %s", r.ID, r.Clause)
		}
	}
	cat := c.Categories[0].ID
	d, err := Sample(c, cat)
	if err != nil {
		t.Fatal(err)
	}
	d.Confidential = true
	late := DateOf(c.Deadline).AddDays(3)
	d.Cover.ApplyDate = late
	var msgs []string
	for _, f := range Check(c, d, Options{Today: late, Printable: func(rune) bool { return true }}) {
		msgs = append(msgs, f.Message)
	}
	for _, fs := range CheckAcross(c, []NamedDraft{{Name: "a", Draft: d}, {Name: "b", Draft: d}}) {
		for _, f := range fs {
			msgs = append(msgs, f.Message)
		}
	}
	sel := *d
	sel.Confidential = false
	sel.Selection = &Selection{Selected: true, ActualStart: d.Project.StartDate, ActualEnd: d.Project.EndDate}
	for _, f := range Check(c, &sel, Options{Today: d.Project.EndDate.AddDays(40), Printable: func(rune) bool { return true }}) {
		msgs = append(msgs, f.Message)
	}
	all := strings.Join(msgs, "\n")
	if m := old.FindString(all); m != "" {
		t.Errorf("a message cites %s:\n%s", m, all)
	}
	for _, want := range []string{"通知 三、2", "通知 三、3", "通知 三、4", "通知 三、5"} {
		if !strings.Contains(all, want) {
			t.Errorf("no message cites %q:\n%s", want, all)
		}
	}
}
