package notice

import (
	"os"
	"slices"
	"strings"
	"testing"

	"shenbao/forms"
)

// baseWithRules is the 2024 call with two category groups and six
// declared rules added: over the common part, over the forum's part (one
// with when, where and a date), over the speech competition's part, over
// every category's expert group, and over a group.
func baseWithRules(t *testing.T) *forms.Call {
	t.Helper()
	b, err := os.ReadFile("../calls/2024/call.toml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for id, g := range map[string]string{"annual": "meetings", "forum": "meetings", "speech": "contests"} {
		old := "\nid = \"" + id + "\"\n"
		if strings.Count(s, old) != 1 {
			t.Fatalf("the 2024 call has %d lines %q", strings.Count(s, old), old)
		}
		s = strings.Replace(s, old, old+"group = \""+g+"\"\n", 1)
	}
	s += `
[[category_groups]]
id = "meetings"
code = "2024-1"
name = "学术会议"

[[category_groups]]
id = "contests"
name = "竞赛"

[[rules]]
id = "place.changchun"
severity = "warning"
clause = "三（一）"
summary = "项目宜在长春举办"
message = "举办城市宜为长春，现在填的是“{value}”（通知 {clause}）。"
field = "project.city"
contains_any = ["长春"]

[[rules]]
id = "forum.topic_given"
clause = "一（二）"
summary = "论坛须写明主题"
message = "请填写论坛主题（通知 {clause}）。"
field = "parts.forum.topic"
required = true

[[rules]]
id = "forum.chair_named"
severity = "warning"
clause = "一（二）4(3)"
summary = "五月以后举办的论坛，评审委员会宜写明主任"
message = "评审委员会中宜有一位主任（通知 {clause}）。"
field = "parts.forum.review_committee"
when = { field = "project.start_date", min = 2024-05-01 }
where = { column = "role", contains_any = ["主任"] }
count_min = 1

[[rules]]
id = "speech.recruitment_given"
clause = "一（三）"
summary = "演讲比赛须写明选手招募方式"
message = "请填写选手招募方式（通知 {clause}）。"
field = "parts.speech.recruitment"
required = true

[[rules]]
id = "experts.three"
clause = "一（一）"
summary = "专家组至少3人"
message = "专家组须至少3人，现在{n}人（通知 {clause}）。"
field = "part.expert_group"
count_min = 3

[[rules]]
id = "meetings.city"
clause = "一"
summary = "学术会议须写明举办城市"
message = "请填写举办城市（通知 {clause}）。"
field = "project.city"
required = true
categories = ["meetings"]
`
	c, err := forms.ParseCall("base-with-rules.toml", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestCarryRulesAndGroups: with a base that declares rules and groups, a
// notice that drops a category (the 2025 test notice has no speech
// competition) keeps the rules and the group over what it keeps, marked
// 取自基础通知, and lists the rest with the reason; the file loads.
func TestCarryRulesAndGroups(t *testing.T) {
	base := baseWithRules(t)
	p, err := Read(readTestdata(t, "../../testdata/call-2025/notice.txt"), base)
	if err != nil {
		t.Fatal(err)
	}
	if p.Call.Category("speech") != nil {
		t.Fatal("the 2025 notice has a speech competition: the test needs a dropped category")
	}
	c := checkLoads(t, p)
	var ids []string
	for _, rd := range c.RuleDecls {
		ids = append(ids, rd.ID)
	}
	want := []string{"place.changchun", "forum.topic_given", "forum.chair_named", "experts.three", "meetings.city"}
	if !slices.Equal(ids, want) {
		t.Errorf("rules carried %v, want %v", ids, want)
	}
	if rd := c.RuleDecls[2]; rd.When == nil || rd.Where == nil || rd.Where.Column != "role" || rd.CountMin == nil || *rd.CountMin != 1 {
		t.Errorf("forum.chair_named written without its when, where or count_min: %+v", rd)
	}
	if g := c.Group("meetings"); g == nil || g.Name != "学术会议" || g.Code != "" {
		t.Errorf("group meetings %+v: want carried, without last year's code 2024-1", g)
	}
	if c.Group("contests") != nil {
		t.Error("group contests carried: its only category, the speech competition, is not in the notice")
	}
	for _, id := range []string{"annual", "forum"} {
		if cat := c.Category(id); cat == nil || cat.Group != "meetings" {
			t.Errorf("category %s not in the carried group meetings: %+v", id, cat)
		}
	}
	if f := p.Fact("category_groups.meetings.name"); f == nil || f.Status != FromBase || !strings.Contains(f.Note, "2024-1") {
		t.Errorf("group fact %+v: want 取自基础通知, saying the code was not carried", f)
	}
	notCarried := strings.Join(p.NotCarried, "\n")
	for _, w := range []string{"规则 speech.recruitment_given", "类别组“竞赛”（contests）没有带入", "演讲比赛"} {
		if !strings.Contains(notCarried, w) {
			t.Errorf("NotCarried lacks %q:\n%s", w, notCarried)
		}
	}
	b := string(p.TOML())
	for _, w := range []string{"[[rules]]  # 取自基础通知；clause 是基础通知的条款，请按本年通知核对\nid = \"forum.topic_given\"", "name = \"学术会议\"  # 取自基础通知", "# 基础通知的规则 speech.recruitment_given"} {
		if !strings.Contains(b, w) {
			t.Errorf("the TOML lacks %q", w)
		}
	}
	if ch := strings.Join(p.Changes(), "\n"); !strings.Contains(ch, "speech.recruitment_given") {
		t.Errorf("Changes do not list the rule left out:\n%s", ch)
	}
	// The annual meeting without a part of its own: no category has an
	// expert group any more, the rule over it is left out, and the file
	// still loads.
	if err := p.UsePart("annual", ""); err != nil {
		t.Fatal(err)
	}
	c = checkLoads(t, p)
	for _, rd := range c.RuleDecls {
		if rd.ID == "experts.three" {
			t.Error("experts.three kept after the annual meeting lost its part")
		}
	}
	if !strings.Contains(strings.Join(p.NotCarried, "\n"), "规则 experts.three") {
		t.Errorf("NotCarried does not list experts.three:\n%s", strings.Join(p.NotCarried, "\n"))
	}
}

// TestCarryPlaceRestated: the Hubei call as base and its own notice, which
// states the place again (三（三）): the notice's rule stands, the base's
// city names are added to it (marked), and the base's rule is listed as not
// carried; the file loads.
func TestCarryPlaceRestated(t *testing.T) {
	base := loadCall(t, "../testdata/call-hubei-2022/call.toml")
	p, err := Read(stripHeader(readTestdata(t, "hubei-2022-excerpt.txt")), base)
	if err != nil {
		t.Fatal(err)
	}
	c := checkLoads(t, p)
	if len(c.RuleDecls) != 1 {
		t.Fatalf("rules %+v, want the notice's place rule only", c.RuleDecls)
	}
	rd := c.RuleDecls[0]
	if rd.Clause != "三（三）" || rd.ContainsAny[0] != "湖北" || !slices.Contains(rd.ContainsAny, "武汉") || !slices.Contains(rd.ContainsAny, "神农架") {
		t.Errorf("place rule %+v: want 湖北 first, the base's cities after", rd)
	}
	if nc := strings.Join(p.NotCarried, "\n"); !strings.Contains(nc, "place.hubei") || !strings.Contains(nc, "重新规定") {
		t.Errorf("NotCarried %q: want place.hubei, restated by the notice", nc)
	}
	if b := string(p.TOML()); !strings.Contains(b, "其余地名取自基础通知的规则 place.hubei") {
		t.Errorf("the TOML does not say where the cities come from:\n%s", b)
	}
	// Another region this year: the base's cities are not added.
	text := stripHeader(readTestdata(t, "hubei-2022-excerpt.txt"))
	if !strings.Contains(text, "湖北省境内") {
		t.Fatal("the excerpt no longer says 湖北省境内")
	}
	p, err = Read(strings.ReplaceAll(text, "湖北省境内", "湖南省境内"), base)
	if err != nil {
		t.Fatal(err)
	}
	c = checkLoads(t, p)
	if len(c.RuleDecls) != 1 || !slices.Equal(c.RuleDecls[0].ContainsAny, []string{"湖南"}) {
		t.Errorf("rules %+v, want the notice's 湖南 alone", c.RuleDecls)
	}
	if nc := strings.Join(p.NotCarried, "\n"); !strings.Contains(nc, "place.hubei") || !strings.Contains(nc, "举办地点与它不同") {
		t.Errorf("NotCarried %q: want place.hubei, another region", nc)
	}
}

// TestCarryFromTestCalls: each test call with declared rules or groups as
// the base of the 2024 notice: the proposal loads, and every base rule and
// group is either in it or listed in NotCarried.
func TestCarryFromTestCalls(t *testing.T) {
	text := readTestdata(t, "notice-2024.txt")
	for _, f := range []string{"../testdata/call-hubei-2022/call.toml", "../testdata/call-shanghai-2023/call.toml", "../testdata/call-third/call.toml", "../testdata/call-2025/call.toml"} {
		base := loadCall(t, f)
		p, err := Read(text, base)
		if err != nil {
			t.Fatal(err)
		}
		c := checkLoads(t, p)
		nc := strings.Join(p.NotCarried, "\n")
		for _, rd := range base.RuleDecls {
			if !slices.ContainsFunc(c.RuleDecls, func(r forms.RuleDecl) bool { return r.ID == rd.ID }) && !strings.Contains(nc, "规则 "+rd.ID) {
				t.Errorf("%s: rule %s neither carried nor listed", f, rd.ID)
			}
		}
		for _, g := range base.CategoryGroups {
			if c.Group(g.ID) == nil && !strings.Contains(nc, "（"+g.ID+"）") {
				t.Errorf("%s: group %s neither carried nor listed", f, g.ID)
			}
		}
		if strings.Contains(f, "hubei") && !strings.Contains(string(p.TOML()), "[[rules]]  # 取自基础通知；clause 是基础通知的条款，请按本年通知核对\nid = \"place.hubei\"") {
			t.Errorf("%s: the place rule (the 2024 notice states no place) not carried as 取自基础通知", f)
		}
		t.Logf("%s: %d rules, %d groups carried; not carried: %q", f, len(c.RuleDecls), len(c.CategoryGroups), p.NotCarried)
	}
}
