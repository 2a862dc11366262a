package notice

import (
	"reflect"
	"strings"
	"testing"

	"shenbao/forms"
)

// TestHubeiNewFormat: the Hubei excerpt's facts that only the new format
// holds — the total quota “40个左右”, “原则上” as a warning, the place rule,
// the lead unit, the inspection duty of the type the sentence names — are
// written, and nothing the excerpt does not state.
func TestHubeiNewFormat(t *testing.T) {
	p, err := Read(stripHeader(readTestdata(t, "hubei-2022-excerpt.txt")), nil)
	if err != nil {
		t.Fatal(err)
	}
	c := checkLoads(t, p)
	if tq := c.TotalQuota; tq == nil || tq.Count != 40 || !tq.Approximate || tq.Clause != "二" {
		t.Errorf("total quota %+v, want about 40 from 二", tq)
	}
	if o, ok := c.Rules["quota.total"]; !ok || o.Severity != forms.Warning || o.Clause != "三（四）" || o.Summary != "每单位原则上申报1项" {
		t.Errorf("quota.total override %+v, want a warning citing 三（四）", o)
	}
	if c.MaxTotal != 1 || c.MaxPerCategory != 0 {
		t.Errorf("per unit: total %d, per category %d; want 1 and none", c.MaxTotal, c.MaxPerCategory)
	}
	if len(c.RuleDecls) != 1 {
		t.Fatalf("declared rules %+v, want the place rule", c.RuleDecls)
	}
	rd := c.RuleDecls[0]
	if rd.Field != "project.city" || !reflect.DeepEqual(rd.ContainsAny, []string{"湖北"}) || rd.Clause != "三（三）" || !strings.Contains(rd.Message, "{clause}") {
		t.Errorf("place rule %+v: want project.city containing 湖北 only, citing 三（三）", rd)
	}
	if !c.JointLeadRequired || c.JointLeadClause != "三（四）" {
		t.Errorf("lead unit %v %q, want required by 三（四）", c.JointLeadRequired, c.JointLeadClause)
	}
	if f := p.Fact("joint_lead_required"); f == nil || f.Soft != "" {
		t.Errorf("lead unit fact %+v: 原则上 qualifies the quota, not the lead unit", f)
	}
	if len(c.Types) != 1 || c.Types[0].ID != "provincial_society" || !c.Types[0].AnnualInspection || c.Types[0].Evaluation || c.Types[0].Honours {
		t.Errorf("types %+v, want only 省级学会, with annual_inspection", c.Types)
	}
	if !c.Society.AnnualInspection || c.Society.EvaluationYear != 0 {
		t.Errorf("society %+v", c.Society)
	}
	// Nothing made up: no deadline, contact, clause, window, quota or
	// eligibility the excerpt does not state.
	if !c.Deadline.IsZero() || c.Contact != (forms.Contact{}) || c.Clauses.Deadline != "" || len(c.AfterEvent) != 0 || c.PaperCopies != 0 {
		t.Errorf("call-level facts made up: %v %+v %+v %d", c.Deadline, c.Contact, c.Clauses, c.PaperCopies)
	}
	for _, cat := range c.Categories {
		if cat.QuotaStated() || cat.HasWindow() || len(cat.Eligible) > 0 || cat.FundingKind != forms.FundingFixed {
			t.Errorf("%s: quota %d %q, window %v, eligible %v, funding %s: only the amount is stated", cat.Name, cat.Quota, cat.QuotaWords, cat.WindowStart, cat.Eligible, cat.FundingKind)
		}
	}
	if b := string(p.TOML()); strings.Contains(b, "暂填") || strings.Contains(b, "暂取") {
		t.Errorf("the file still fills in values:\n%s", b)
	}
}

// TestShanghaiNewFormat: item codes and the group over numbered items,
// 不限 as quota_text, a category with no amount, a preferred window and
// the form the notice names.
func TestShanghaiNewFormat(t *testing.T) {
	p, err := Read(stripHeader(readTestdata(t, "shanghai-2023-excerpt.txt")), nil)
	if err != nil {
		t.Fatal(err)
	}
	c := checkLoads(t, p)
	if len(c.CategoryGroups) != 1 {
		t.Fatalf("groups %+v, want the 年会 group", c.CategoryGroups)
	}
	g := c.CategoryGroups[0]
	if g.Code != "2023-1" || g.Name != "上海市科协2023学术(创新)年会" || g.Clause != "二（一）" {
		t.Errorf("group %+v", g)
	}
	codes := map[string]string{}
	for _, cat := range c.Categories {
		codes[cat.Name] = cat.Group + " " + cat.Code
	}
	for name, want := range map[string]string{"综合分论坛": g.ID + " 2023-1-1", "学会年会": g.ID + " 2023-1-2", "专题活动": g.ID + " 2023-1-3", "青年科技科坛": " 2023-2", "2023中国国际工业博览会科技论坛分论坛": " 2023-3"} {
		if codes[name] != want {
			t.Errorf("%s: group and code %q, want %q", name, codes[name], want)
		}
	}
	var topic *forms.Category
	for i := range c.Categories {
		if c.Categories[i].Name == "专题活动" {
			topic = &c.Categories[i]
		}
	}
	if topic == nil {
		t.Fatal("no 专题活动")
	}
	if topic.Quota != 0 || topic.QuotaWords != "不限" || topic.FundingStated() || !topic.WindowPreferred || ymd(topic.WindowEnd) != "2023-06-30" {
		t.Errorf("专题活动: quota %d %q, funding %q, window preferred %v to %v", topic.Quota, topic.QuotaWords, topic.FundingKind, topic.WindowPreferred, topic.WindowEnd)
	}
	if len(c.Documents) == 0 || c.Documents[0].Title != "2023年度上海市科协学术项目申报表" {
		t.Errorf("documents %+v, want the form the notice names", c.Documents)
	}
	b := string(p.TOML())
	if !strings.Contains(b, "取自内置的") || !strings.Contains(b, `title = "2023年度上海市科协学术项目申报表"  # 通知 四（二）`) {
		t.Errorf("the documents' source or the form's clause is not said:\n%s", b)
	}
}

// TestDutiesAndDocuments2024: without a base, the 2024 notice's duties go
// to the type its clause names (省级学会: 年检, 评价, honours), and the
// documents are the shipped call's, marked so.
func TestDutiesAndDocuments2024(t *testing.T) {
	p, err := Read(readTestdata(t, "notice-2024.txt"), nil)
	if err != nil {
		t.Fatal(err)
	}
	c := checkLoads(t, p)
	ps := c.ApplicantType("provincial_society")
	if ps == nil || !ps.AnnualInspection || !ps.Evaluation || !ps.Honours {
		t.Errorf("省级学会 %+v, want annual_inspection, evaluation and honours", ps)
	}
	for _, typ := range c.Types {
		if typ.ID != "provincial_society" && (typ.AnnualInspection || typ.Evaluation || typ.Honours || typ.JointOnly) {
			t.Errorf("type %+v has a duty the notice does not give it", typ)
		}
	}
	if !c.Society.AnnualInspection || c.Society.EvaluationYear != 2023 || c.Society.Clause != "二、1" {
		t.Errorf("society %+v", c.Society)
	}
	want := forms.Default()
	if len(c.Documents) != len(want.Documents) || !reflect.DeepEqual(c.Documents[0].Sections, want.Documents[0].Sections) {
		t.Errorf("documents differ from the shipped call's:\n%+v\n%+v", c.Documents, want.Documents)
	}
	if c.Documents[0].Copies != c.PaperCopies {
		t.Errorf("copies %d, paper copies %d", c.Documents[0].Copies, c.PaperCopies)
	}
}

// TestNothingFilledIn: a category stating only its quota has no amount,
// no window and no eligibility in the file; the call no contact, no
// per-unit limits, no clauses but the deadline's.
func TestNothingFilledIn(t *testing.T) {
	p, err := Read(mini("2．项目数量：3项。"), nil)
	if err != nil {
		t.Fatal(err)
	}
	c := checkLoads(t, p)
	cat := c.Categories[0]
	if cat.FundingStated() || cat.HasWindow() || len(cat.Eligible) > 0 || cat.Quota != 3 {
		t.Errorf("category %+v: only the quota is stated", cat)
	}
	if c.Contact != (forms.Contact{}) || c.MaxTotal != 0 || c.MaxPerCategory != 0 || len(c.Types) != 0 || len(c.Rules) != 0 {
		t.Errorf("call facts made up: %+v %d %d %+v %+v", c.Contact, c.MaxTotal, c.MaxPerCategory, c.Types, c.Rules)
	}
	if ymd(c.Deadline) != "2026-03-15" {
		t.Errorf("deadline %v", c.Deadline)
	}
}

// TestSetKeepsTheFileLoadable: corrections the loader would refuse on
// their own (half a window, 同类 over 总计, 年检 with no type) leave the
// value out and say so; 不限 and 左右 are quota words.
func TestSetKeepsTheFileLoadable(t *testing.T) {
	p, err := Read(mini("2．项目数量：3项。")+"2. 每单位限申报1项。\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	id := p.Call.Categories[0].ID
	for key, text := range map[string]string{
		"categories." + id + ".quota":            "不限",
		"categories." + id + ".window_start":     "2026-05-01",
		"max_per_category_per_unit":              "3",
		"society_requirements.annual_inspection": "是",
	} {
		if p.Fact(key) == nil {
			p.Facts = append(p.Facts, Fact{Key: key, Label: key, Status: Unrecognized, Index: -1})
		}
		if err := p.Set(key, text); err != nil {
			t.Fatalf("Set(%s, %q): %v", key, text, err)
		}
	}
	c := checkLoads(t, p)
	cat := c.Categories[0]
	if cat.QuotaWords != "不限" || cat.Quota != 0 || cat.HasWindow() || c.MaxPerCategory != 0 || c.MaxTotal != 1 || c.Society.AnnualInspection {
		t.Errorf("loaded: quota %d %q, window %v, per category %d, total %d, inspection %v", cat.Quota, cat.QuotaWords, cat.WindowStart, c.MaxPerCategory, c.MaxTotal, c.Society.AnnualInspection)
	}
	b := string(p.TOML())
	for _, want := range []string{"完成时间只有一头", "同类限报大于总计限报"} {
		if !strings.Contains(b, want) {
			t.Errorf("the file does not say %q:\n%s", want, b)
		}
	}
	if err := p.Set("categories."+id+".quota", "40个左右"); err != nil {
		t.Fatal(err)
	}
	if c := checkLoads(t, p); c.Categories[0].Quota != 40 || c.Categories[0].QuotaWords != "40个左右" {
		t.Errorf("quota %d %q after 40个左右", c.Categories[0].Quota, c.Categories[0].QuotaWords)
	}
}

// TestAfterEventMonths: “活动结束后一月内报送…” is a duty due in months,
// printed as the notice words it; “12月内” is a month, not a delay.
func TestAfterEventMonths(t *testing.T) {
	text := mini("2．项目数量：3项。") + "2. 活动结束后一月内报送项目总结。\n3. 项目须于12月内完成，5个工作日内提交信息报道稿。\n"
	p, err := Read(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := checkLoads(t, p)
	if len(c.AfterEvent) != 2 {
		t.Fatalf("after the event: %+v, want two duties", c.AfterEvent)
	}
	if ae := c.AfterEvent[0]; ae.Months != 1 || ae.Days != 0 || ae.WithinText != "一月内" || len(ae.Items) != 1 || ae.Items[0].Kind != forms.ItemSummary {
		t.Errorf("first duty %+v, want 项目总结 一月内 (months = 1)", ae)
	}
	if ae := c.AfterEvent[1]; ae.Days != 5 || ae.WithinText != "5个工作日内" || ae.Items[0].Kind != forms.ItemReport {
		t.Errorf("second duty %+v, want 信息报道稿 5个工作日内", ae)
	}
	checkNothingInvented(t, "mini", text, p)
}
