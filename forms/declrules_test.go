package forms

import (
	"errors"
	"strings"
	"testing"
)

// hubeiCall is a test call after the Hubei notice's excerpt
// (湖北省科协 2022年度重点学术活动项目): its total quota (二 “择优资助40个左右”),
// its place rule (三（三） “须在湖北省境内举办”) and its lead unit rule
// (三（四） “两个以上单位联合申报的项目须注明牵头单位”). The deadline, the
// contact and the windows are not in the excerpt: the call format still
// requires them, so they are placeholders here.
const hubeiCall = `
year = 2022
title = "2022年度湖北省科协重点学术活动项目"
issuer = "湖北省科学技术协会"
deadline = 2022-04-15
max_per_category_per_unit = 1
max_total_per_unit = 1

[contact]
email = "test@example.com"
address = "测试地址"

[clauses]
submission = "三（四）"
after_event = "三"
confidential = "三"
deadline = "三"

[total_quota]
count = 40
approximate = true
clause = "二"

[[documents]]
id = "application"
title = "申报书"
  [[documents.sections]]
  block = "applicant"
  title = "一、申报单位"
  [[documents.sections]]
  block = "project"
  title = "二、项目"
  [[documents.sections]]
  block = "part"
  title = "三、专项内容"
  [[documents.sections]]
  block = "agenda"
  title = "四、日程"
  [[documents.sections]]
  block = "experts"
  title = "五、专家"
  [[documents.sections]]
  block = "budget"
  title = "六、经费"

[[categories]]
id = "salon"
name = "新观点新学说学术沙龙"
short_name = "学术沙龙"
clause = "二（一）"
quota = 10
funding_kind = "fixed"
funding = 20000
eligible = ["provincial_society", "university_sat"]
eligible_clause = "三（一）"
window_start = 2022-01-01
window_end = 2022-12-31
  [categories.part]
  [[categories.part.fields]]
  key = "lead_unit"
  label = "牵头单位"
  kind = "text"
  [[categories.part.fields]]
  key = "matching_funds"
  label = "有配套资金"
  kind = "yesno"
  [[categories.part.fields]]
  key = "docs"
  label = "附件"
  kind = "checklist"
  items = ["主题申请表", "召集人推荐表"]
  [[categories.part.fields]]
  key = "speakers"
  label = "报告人"
  kind = "table"
  columns = [
    { key = "name", label = "姓名", kind = "text" },
    { key = "birth_date", label = "出生日期", kind = "date" },
    { key = "country", label = "国家", kind = "text" },
  ]

[[categories]]
id = "young"
name = "青年科学家论坛"
short_name = "青年论坛"
clause = "二（二）"
quota = 10
funding_kind = "fixed"
funding = 30000
eligible = ["provincial_society", "university_sat"]
eligible_clause = "三（一）"
window_start = 2022-01-01
window_end = 2022-12-31
  [categories.part]
  [[categories.part.fields]]
  key = "lead_unit"
  label = "牵头单位"
  kind = "text"
  [[categories.part.fields]]
  key = "registered"
  label = "成立日期"
  kind = "date"

[applicant_types]
provincial_society = "省级学会"
university_sat = "高校科协"
`

// hubeiRules are the two rules of the Hubei notice the call format could not
// state before.
const hubeiRules = `
[[rules]]
id = "place.hubei"
severity = "error"
clause = "三（三）"
summary = "项目须在湖北省境内举办"
message = "举办城市须在湖北省境内，现在填的是“{value}”：请改为省内城市（通知 {clause}）。"
field = "project.city"
contains_any = ["湖北", "武汉", "黄石", "十堰", "宜昌", "襄阳", "鄂州", "荆门", "孝感", "荆州", "黄冈", "咸宁", "随州", "恩施", "仙桃", "潜江", "天门", "神农架"]

[[rules]]
id = "joint.lead"
clause = "三（四）"
summary = "两个以上单位联合申报的项目须注明牵头单位"
message = "本项目有联合申报单位，须注明牵头单位：请填写“{label}”（通知 {clause}）。"
when = { field = "joint_applicants", count_min = 1 }
field = "part.lead_unit"
required = true
`

func parseHubeiCall(t testing.TB, extra string) *Call {
	t.Helper()
	c, err := ParseCall("hubei.toml", []byte(hubeiCall+extra))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// hubeiDraft is a complete draft of the test call: the 2024 annual sample's
// common parts, in Wuhan, with no joint applicant.
func hubeiDraft(t testing.TB, category string) *Draft {
	t.Helper()
	d := sample(t, "annual")
	d.Category, d.CallYear = category, 2022
	d.Parts = map[string]Values{category: {}}
	d.Project.City = "武汉市"
	d.Joint = nil
	return d
}

func ruleFindings(c *Call, d *Draft, rule string) []Finding {
	var out []Finding
	for _, f := range Check(c, d, Options{}) {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func TestDeclaredRulesHubei(t *testing.T) {
	c := parseHubeiCall(t, hubeiRules)
	d := hubeiDraft(t, "salon")
	if fs := ruleFindings(c, d, "place.hubei"); len(fs) != 0 {
		t.Fatalf("武汉市 is in Hubei: %v", fs)
	}
	d.Project.City = "北京市"
	fs := ruleFindings(c, d, "place.hubei")
	if len(fs) != 1 || fs[0].Field != "project.city" || fs[0].Severity != Error ||
		fs[0].Message != "举办城市须在湖北省境内，现在填的是“北京市”：请改为省内城市（通知 三（三））。" {
		t.Fatalf("place.hubei on 北京市: %+v", fs)
	}
	d.Project.City = ""
	if fs := ruleFindings(c, d, "place.hubei"); len(fs) != 0 {
		t.Fatalf("an empty city is the required rule's, not the place rule's: %v", fs)
	}

	for _, cat := range []string{"salon", "young"} {
		d := hubeiDraft(t, cat)
		if fs := ruleFindings(c, d, "joint.lead"); len(fs) != 0 {
			t.Fatalf("no joint applicant, no lead unit needed: %v", fs)
		}
		d.Joint = []Joint{{Name: "武汉市科协", Type: "city_sat"}}
		fs := ruleFindings(c, d, "joint.lead")
		if len(fs) != 1 || fs[0].Field != "parts."+cat+".lead_unit" ||
			fs[0].Message != "本项目有联合申报单位，须注明牵头单位：请填写“牵头单位”（通知 三（四））。" {
			t.Fatalf("%s: joint.lead with a joint applicant and no lead unit: %+v", cat, fs)
		}
		d.Part().SetText("lead_unit", "湖北省计算机学会")
		if fs := ruleFindings(c, d, "joint.lead"); len(fs) != 0 {
			t.Fatalf("%s: lead unit named: %v", cat, fs)
		}
	}

	var listed []string
	for _, r := range Rules(c) {
		listed = append(listed, r.ID+" "+r.Clause+" "+r.Summary)
	}
	all := strings.Join(listed, "\n")
	for _, want := range []string{"place.hubei 三（三） 项目须在湖北省境内举办", "joint.lead 三（四） 两个以上单位联合申报的项目须注明牵头单位", "quota.call_total 二 各类别合计资助约40项"} {
		if !strings.Contains(all, want) {
			t.Errorf("rules do not list %q:\n%s", want, all)
		}
	}
	if r, ok := RuleByID(c, "joint.lead"); !ok || r.Severity != Error {
		t.Errorf("RuleByID(joint.lead) = %+v, %v", r, ok)
	}
}

func TestTotalQuotaIsInfo(t *testing.T) {
	c := parseHubeiCall(t, "")
	d := hubeiDraft(t, "salon")
	fs := record(ruleFindings(c, d, RuleTotalQuota))
	if len(fs) != 1 || fs[0].Severity != Info || fs[0].Message != "本通知各类别合计资助约40项（通知 二）。" {
		t.Fatalf("total quota: %+v", fs)
	}
	exact := parseHubeiCall(t, "")
	exact.TotalQuota.Approximate = false
	if got := exact.TotalQuota.Text(); got != "40项" {
		t.Errorf("exact quota: %q", got)
	}
	for _, r := range Rules(Default()) {
		if r.ID == RuleTotalQuota || r.ID == RuleCategoryCode {
			t.Errorf("the 2024 call states no total quota and no codes, yet rules list %s: %+v", r.ID, r)
		}
	}
	if fs := ruleFindings(Default(), sample(t, "forum"), RuleTotalQuota); len(fs) != 0 {
		t.Errorf("2024 call: %v", fs)
	}
}

// TestDeclaredRuleKinds runs every kind of declared rule on a pass and a
// fail case: the finding's field, severity, and a Chinese message citing
// the clause with its placeholders filled.
func TestDeclaredRuleKinds(t *testing.T) {
	type tc struct {
		name  string
		rule  string // the keys after id, clause, summary
		msg   string // message template
		set   func(d *Draft)
		fail  []string // expected finding fields; nil: passes
		wantM string   // the first finding's message (when fail)
	}
	speakers := func(rows ...Values) func(d *Draft) {
		return func(d *Draft) { d.Part().SetRows("speakers", rows) }
	}
	row := func(name, birth, country string) Values {
		r := Values{}
		r.SetText("name", name)
		if birth != "" {
			b, _ := ParseDate(birth)
			r.SetDate("birth_date", b)
		}
		r.SetText("country", country)
		return r
	}
	cases := []tc{
		{name: "required text fails", rule: `field = "project.supporters"` + "\nrequired = true", msg: "请填写{label}（通知 {clause}）。",
			set: func(d *Draft) { d.Project.Supporters = " " }, fail: []string{"project.supporters"}, wantM: "请填写支持单位（通知 测试条款）。"},
		{name: "required text passes", rule: `field = "project.supporters"` + "\nrequired = true", msg: "请填写{label}（通知 {clause}）。",
			set: func(d *Draft) { d.Project.Supporters = "某学会" }},
		{name: "equals yes/no fails", rule: `field = "confidential"` + "\nequals = false", msg: "{label}须为否，现在是{value}（通知 {clause}）。",
			set: func(d *Draft) { d.Confidential = true }, fail: []string{"confidential"}, wantM: "涉密情况须为否，现在是是（通知 测试条款）。"},
		{name: "one_of fails", rule: `field = "project.form"` + "\none_of = [\"线下\", \"线上线下结合\"]", msg: "{label}须为{list}之一，现在是“{value}”（通知 {clause}）。",
			set: func(d *Draft) { d.Project.Form = "线上" }, fail: []string{"project.form"}, wantM: "活动形式须为线下、线上线下结合之一，现在是“线上”（通知 测试条款）。"},
		{name: "one_of passes", rule: `field = "project.form"` + "\none_of = [\"线下\"]", msg: "x（通知 {clause}）",
			set: func(d *Draft) { d.Project.Form = " 线下 " }},
		{name: "none_of fails", rule: `field = "applicant.type"` + "\nnone_of = [\"university_sat\"]", msg: "{value}不能申报（通知 {clause}）。",
			set: func(d *Draft) { d.Applicant.Type = "university_sat" }, fail: []string{"applicant.type"}, wantM: "university_sat不能申报（通知 测试条款）。"},
		{name: "contains_none fails", rule: `field = "project.name"` + "\ncontains_none = [\"国际\"]", msg: "{label}不得含“{list}”（通知 {clause}）。",
			set: func(d *Draft) { d.Project.Name = "国际研讨会" }, fail: []string{"project.name"}, wantM: "项目名称不得含“国际”（通知 测试条款）。"},
		{name: "number max fails", rule: `field = "project.requested_amount"` + "\nmax = 30000", msg: "{label}一般不超过{max}元，现在是{value}元（通知 {clause}）。",
			set: func(d *Draft) { d.Project.RequestedAmount = 30001 }, fail: []string{"project.requested_amount"}, wantM: "申请湖北省科学技术协会资助一般不超过30000元，现在是30001元（通知 测试条款）。"},
		{name: "number max passes at the limit", rule: `field = "project.requested_amount"` + "\nmax = 30000", msg: "x（通知 {clause}）",
			set: func(d *Draft) { d.Project.RequestedAmount = 30000 }},
		{name: "amount against the budget fails", rule: `field = "project.requested_amount"` + "\nmax = \"budget.total\"", msg: "{label}{value}元超过{max}元（通知 {clause}）。",
			set: func(d *Draft) { d.Project.RequestedAmount, d.Budget.Total = 50000, 40000 }, fail: []string{"project.requested_amount"}, wantM: "申请湖北省科学技术协会资助50000元超过40000元（通知 测试条款）。"},
		{name: "a number 0 is compared", rule: `field = "budget.self_raised"` + "\nmin = 1", msg: "须有{label}（通知 {clause}）。",
			set: func(d *Draft) { d.Budget.SelfRaised = 0 }, fail: []string{"budget.self_raised"}, wantM: "须有自筹经费（通知 测试条款）。"},
		{name: "date min fails", rule: `field = "project.start_date"` + "\nmin = 2022-05-01\nmax = 2022-06-30", msg: "{label}{value}不在{min}至{max}之间（通知 {clause}）。",
			set: func(d *Draft) { d.Project.StartDate = NewDate(2022, 4, 30) }, fail: []string{"project.start_date"}, wantM: "开始日期2022年4月30日不在2022年5月1日至2022年6月30日之间（通知 测试条款）。"},
		{name: "date equals fails", rule: `field = "project.start_date"` + "\nequals = 2022-05-01", msg: "{label}须为2022年5月1日（通知 {clause}）。",
			set: func(d *Draft) { d.Project.StartDate = NewDate(2022, 5, 2) }, fail: []string{"project.start_date"}, wantM: "开始日期须为2022年5月1日（通知 测试条款）。"},
		{name: "date equals passes", rule: `field = "project.start_date"` + "\nequals = 2022-05-01", msg: "x（通知 {clause}）",
			set: func(d *Draft) { d.Project.StartDate, _ = ParseDate("2022-05-01") }},
		{name: "date against another date passes", rule: `field = "project.end_date"` + "\nmin = \"project.start_date\"", msg: "x（通知 {clause}）",
			set: func(d *Draft) { d.Project.StartDate, d.Project.EndDate = NewDate(2022, 5, 1), NewDate(2022, 5, 1) }},
		{name: "an empty date is not compared", rule: `field = "project.start_date"` + "\nmin = 2022-05-01", msg: "x（通知 {clause}）",
			set: func(d *Draft) { d.Project.StartDate = Date{} }},
		{name: "count_min of a table fails", rule: `field = "experts"` + "\ncount_min = 3", msg: "{label}至少{count_min}位，现在{n}位（通知 {clause}）。",
			set: func(d *Draft) { d.Experts = d.Experts[:1] }, fail: []string{"experts"}, wantM: "邀请专家至少3位，现在1位（通知 测试条款）。"},
		{name: "count_max of a table fails", rule: `field = "joint_applicants"` + "\ncount_max = 1", msg: "{label}至多{count_max}个（通知 {clause}）。",
			set: func(d *Draft) { d.Joint = []Joint{{Name: "a"}, {Name: "b"}} }, fail: []string{"joint_applicants"}, wantM: "联合申报单位至多1个（通知 测试条款）。"},
		{name: "required checklist fails", rule: `field = "parts.salon.docs"` + "\ncount_min = 2", msg: "{label}须勾选{count_min}项，现在{n}项（通知 {clause}）。",
			set: func(d *Draft) { d.Part().SetList("docs", []string{"主题申请表"}) }, fail: []string{"parts.salon.docs"}, wantM: "附件须勾选2项，现在1项（通知 测试条款）。"},
		{name: "at least one row where fails", rule: `field = "parts.salon.speakers"` + "\nwhere = { column = \"country\", none_of = [\"中国\"] }\ncount_min = 1", msg: "{label}中至少须有{count_min}位国外专家（所在国家不是{list}），现在{n}位（通知 {clause}）。",
			set: speakers(row("甲", "", "中国"), row("乙", "", "")), fail: []string{"parts.salon.speakers"}, wantM: "报告人中至少须有1位国外专家（所在国家不是中国），现在0位（通知 测试条款）。"},
		{name: "at least one row where passes", rule: `field = "parts.salon.speakers"` + "\nwhere = { column = \"country\", none_of = [\"中国\"] }\ncount_min = 1", msg: "x（通知 {clause}）",
			set: speakers(row("甲", "", "中国"), row("Smith", "", "英国"))},
		{name: "share of young experts fails", rule: `field = "parts.salon.speakers"` + "\nseverity = \"warning\"\nwhere = { column = \"birth_date\", age_at = 2022-12-31, max = 45 }\nshare_min = 0.5",
			msg:  "{label}以{max}岁及以下为主（截至{age_at}），现在{n}/{total}位，占{share}，须不低于{share_min}（通知 {clause}）。",
			set:  speakers(row("甲", "1960-01-01", ""), row("乙", "1970-05-05", ""), row("丙", "1980-05-05", "")),
			fail: []string{"parts.salon.speakers"}, wantM: "报告人以45岁及以下为主（截至2022年12月31日），现在1/3位，占33.3%，须不低于50%（通知 测试条款）。"},
		{name: "share of young experts passes at the birthday", rule: `field = "parts.salon.speakers"` + "\nwhere = { column = \"birth_date\", age_at = 2022-12-31, max = 45 }\nshare_min = 0.5", msg: "x（通知 {clause}）",
			set: speakers(row("甲", "1970-01-01", ""), row("乙", "1977-12-31", ""))},
		{name: "share: an empty table passes", rule: `field = "parts.salon.speakers"` + "\nwhere = { column = \"birth_date\", age_at = 2022-12-31, max = 45 }\nshare_min = 0.5", msg: "x（通知 {clause}）",
			set: speakers()},
		{name: "every row's cell fails per row", rule: `field = "parts.salon.speakers[].birth_date"` + "\nrequired = true", msg: "请填写{label}（第{row}行，通知 {clause}）。",
			set:  speakers(row("甲", "1970-01-01", ""), row("乙", "", ""), row("丙", "", "")),
			fail: []string{"parts.salon.speakers[1].birth_date", "parts.salon.speakers[2].birth_date"}, wantM: "请填写报告人第2行的出生日期（第2行，通知 测试条款）。"},
		{name: "age of every row fails", rule: `field = "parts.salon.speakers[].birth_date"` + "\nage_at = 2022-12-31\nmax = 45", msg: "{label}：{age}岁，超过{max}岁（通知 {clause}）。",
			set:  speakers(row("甲", "1976-12-31", "")),
			fail: []string{"parts.salon.speakers[0].birth_date"}, wantM: "报告人第1行的出生日期：46岁，超过45岁（通知 测试条款）。"},
		{name: "common table's column per row fails", rule: `field = "experts[].title"` + "\nrequired = true", msg: "请填写{label}（通知 {clause}）。",
			set: func(d *Draft) { d.Experts[1].Title = "" }, fail: []string{"experts[1].title"}, wantM: "请填写邀请专家第2行的职称/职务（通知 测试条款）。"},
		{name: "when a box is ticked, a budget line fails", rule: `when = { field = "parts.salon.matching_funds", equals = true }` + "\nfield = \"budget.self_raised\"\nmin = 1", msg: "勾选了“有配套资金”，{label}却是{value}元（通知 {clause}）。",
			set: func(d *Draft) { d.Part().SetBool("matching_funds", true); d.Budget.SelfRaised = 0 }, fail: []string{"budget.self_raised"}, wantM: "勾选了“有配套资金”，自筹经费却是0元（通知 测试条款）。"},
		{name: "when a box is not ticked, nothing", rule: `when = { field = "parts.salon.matching_funds", equals = true }` + "\nfield = \"budget.self_raised\"\nmin = 1", msg: "x（通知 {clause}）",
			set: func(d *Draft) { d.Budget.SelfRaised = 0 }},
		{name: "when a row holds, a field is required", rule: `when = { field = "parts.salon.speakers", where = { column = "country", none_of = ["中国"] }, count_min = 1 }` + "\nfield = \"project.co_organisers\"\nrequired = true", msg: "邀请了国外专家，请填写{label}（通知 {clause}）。",
			set: func(d *Draft) { speakers(row("Smith", "", "英国"))(d); d.Project.CoOrganisers = "" }, fail: []string{"project.co_organisers"}, wantM: "邀请了国外专家，请填写协办单位（通知 测试条款）。"},
		{name: "when no row holds, nothing", rule: `when = { field = "parts.salon.speakers", where = { column = "country", none_of = ["中国"] }, count_min = 1 }` + "\nfield = \"project.co_organisers\"\nrequired = true", msg: "x（通知 {clause}）",
			set: func(d *Draft) { speakers(row("甲", "", "中国"))(d); d.Project.CoOrganisers = "" }},
		{name: "categories scope: another category is not checked", rule: `categories = ["young"]` + "\nfield = \"project.supporters\"\nrequired = true", msg: "x（通知 {clause}）",
			set: func(d *Draft) { d.Project.Supporters = "" }},
		{name: "category placeholders", rule: `categories = ["salon"]` + "\nfield = \"project.supporters\"\nrequired = true", msg: "“{name}”（{short_name}）须填写{label}（通知 {clause}）。",
			set: func(d *Draft) { d.Project.Supporters = "" }, fail: []string{"project.supporters"}, wantM: "“新观点新学说学术沙龙”（学术沙龙）须填写支持单位（通知 测试条款）。"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			call := parseHubeiCall(t, "\n[[rules]]\nid = \"test.rule\"\nclause = \"测试条款\"\nsummary = \"测试\"\nmessage = \""+c.msg+"\"\n"+c.rule+"\n")
			d := hubeiDraft(t, "salon")
			c.set(d)
			fs := ruleFindings(call, d, "test.rule")
			var fields []string
			for _, f := range fs {
				fields = append(fields, f.Field)
				if !hasHan(f.Message) || !strings.Contains(f.Message, "测试条款") {
					t.Errorf("message not Chinese or not citing the clause: %q", f.Message)
				}
			}
			if strings.Join(fields, " ") != strings.Join(c.fail, " ") {
				t.Fatalf("findings on %v, want %v: %+v", fields, c.fail, fs)
			}
			if len(fs) > 0 && fs[0].Message != c.wantM {
				t.Errorf("message\n got %q\nwant %q", fs[0].Message, c.wantM)
			}
			if len(fs) > 0 && strings.Contains(c.rule, "warning") != (fs[0].Severity == Warning) {
				t.Errorf("severity %s", fs[0].Severity)
			}
		})
	}
}

// lineOfText is the 1-based line of the first line containing s.
func lineOfText(t *testing.T, text, s string) int {
	t.Helper()
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	t.Fatalf("%q not in the file", s)
	return 0
}

// TestDeclaredRulesRefused: a rule naming a field that does not exist, or
// asking what its field cannot be, is refused when the call is read, with
// the file, the line of the key and the reason in Chinese.
func TestDeclaredRulesRefused(t *testing.T) {
	head := "\n[[rules]]\nid = \"test.rule\"\nclause = \"三\"\nsummary = \"测试\"\nmessage = \"测试（通知 {clause}）\"\n"
	cases := []struct {
		name, rule, lineOf, want string
	}{
		{"unknown field", `field = "project.cty"` + "\nrequired = true", `field = "project.cty"`, "字段 “project.cty” 不存在：是不是 “project.city”？"},
		{"unknown part field", `field = "parts.salon.lead"` + "\nrequired = true", `field = "parts.salon.lead"`, "类别 “salon” 的专项内容没有可检查的字段 “lead”：是不是 “parts.salon.lead_unit”？"},
		{"unknown category in a path", `field = "parts.forum.topic"` + "\nrequired = true", `field = "parts.forum.topic"`, "类别 “forum” 不在 [[categories]] 中"},
		{"part key no category declares", `field = "part.venue_size"` + "\nrequired = true", `field = "part.venue_size"`, "没有哪个类别的专项内容声明了字段 “venue_size”"},
		{"unknown column", `field = "experts[].age"` + "\nrequired = true", `field = "experts[].age"`, "表格 “experts” 没有列 “age”：可用的列有 name、title、topic、unit"},
		{"unknown where column", `field = "parts.salon.speakers"` + "\nwhere = { column = \"birth\", max = 45 }\ncount_min = 1", `where = {`, "where 的 column “birth” 不是表格 “parts.salon.speakers” 的列：可用的列有 birth_date、country、name"},
		{"unknown when field", `when = { field = "joint", count_min = 1 }` + "\nfield = \"project.city\"\nrequired = true", `when = {`, "的 when：字段 “joint” 不存在"},
		{"bound field unknown", `field = "project.requested_amount"` + "\nmax = \"budget.totl\"", `max = "budget.totl"`, "max 写的是字段路径，但字段 “budget.totl” 不存在：是不是 “budget.total”？"},
		{"contains_any on a number", `field = "project.participants"` + "\ncontains_any = [\"湖北\"]", `contains_any`, "contains_any 只能用于文字，“project.participants” 是数字"},
		{"min on a text", `field = "project.city"` + "\nmin = 3", `min = 3`, "min 只能用于数字或日期，“project.city” 是文字"},
		{"date limit on a number", `field = "project.participants"` + "\nmin = 2022-01-01", `min = 2022`, "min 须是数字，或一个数字字段的路径（加引号）"},
		{"bound of another type", `field = "project.participants"` + "\nmax = \"project.start_date\"", `max = "project.start_date"`, "max 指向的 “project.start_date” 是日期，这里要的是数字"},
		{"age_at on a text", `field = "project.city"` + "\nage_at = 2022-12-31\nmax = 45", `age_at`, "age_at 只能用于日期（如出生日期）"},
		{"share without where", `field = "experts"` + "\nshare_min = 0.5", `share_min`, "share_min/share_max 是符合 where 条件的行所占的比例，须同时写 where"},
		{"share out of range", `field = "parts.salon.speakers"` + "\nwhere = { column = \"country\", one_of = [\"中国\"] }\nshare_min = 50", `share_min`, "share_min/share_max 须在0到1之间"},
		{"where without a count", `field = "parts.salon.speakers"` + "\nwhere = { column = \"country\", one_of = [\"中国\"] }", `where = {`, "写了 where，还须写 count_min"},
		{"limits from two categories' parts", `field = "parts.salon.speakers[].birth_date"` + "\nmax = \"parts.young.registered\"", `field = "parts.salon.speakers[]`, "field 和 min/max/age_at 读的是不同类别的专项内容"},
		{"count on a text", `field = "project.city"` + "\ncount_min = 1", `count_min`, "count_min/count_max 只能用于表格或多项列表"},
		{"nothing to check", `field = "project.city"`, `field = "project.city"`, "没有写要检查什么"},
		{"column outside where", `column = "name"` + "\nrequired = true", `column = "name"`, "column 只能写在 where 中"},
		{"unknown section", `field = "sections.lead.unit"` + "\nrequired = true", `field = "sections.lead.unit"`, "没有 key = \"lead\" 的部分"},
		{"table path with []", `field = "experts[]"` + "\nrequired = true", `field = "experts[]"`, "以 [] 结尾"},
		{"unknown category", `categories = ["forum"]` + "\nfield = \"project.city\"\nrequired = true", `categories = [`, "categories 中 “forum” 不是类别或类别组的 id"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := hubeiCall + head + c.rule + "\n"
			_, err := ParseCall("hubei.toml", []byte(text))
			var ce *CallError
			if !errors.As(err, &ce) {
				t.Fatalf("not refused: %v", err)
			}
			if ce.File != "hubei.toml" || !strings.Contains(ce.Problem, "第1条规则（test.rule）") || !strings.Contains(ce.Problem, c.want) {
				t.Fatalf("problem %q, want %q", ce.Error(), c.want)
			}
			if want := lineOfText(t, text, c.lineOf); ce.Line != want {
				t.Errorf("line %d, want %d (%s)", ce.Line, want, ce.Error())
			}
		})
	}

	// keys of the rule itself
	for _, c := range []struct{ name, text, lineOf, want string }{
		{"placeholder in a message", "\n[[rules]]\nid = \"test.rule\"\nclause = \"三\"\nsummary = \"测试\"\nmessage = \"{valeu}（通知 {clause}）\"\nfield = \"project.city\"\nrequired = true\n", "message =", "的 message 中的 {valeu} 不认识"},
		{"draft placeholder in a summary", "\n[[rules]]\nid = \"test.rule\"\nclause = \"三\"\nsummary = \"现在{value}\"\nmessage = \"x\"\nfield = \"project.city\"\nrequired = true\n", "summary =", "的 summary 中的 {value} 不能用"},
		{"no clause", "\n[[rules]]\nid = \"test.rule\"\nsummary = \"s\"\nmessage = \"m\"\nfield = \"project.city\"\nrequired = true\n", "[[rules]]", "缺少 clause"},
		{"no message", "\n[[rules]]\nid = \"test.rule\"\nclause = \"三\"\nsummary = \"s\"\nfield = \"project.city\"\nrequired = true\n", "summary =", "须有 summary"},
		{"builtin id", "\n[[rules]]\nid = \"time.window\"\nclause = \"三\"\nsummary = \"s\"\nmessage = \"m\"\nfield = \"project.city\"\nrequired = true\n", "id = \"time.window\"", "与程序内置的规则编号重复"},
		{"bad id", "\n[[rules]]\nid = \"Place\"\nclause = \"三\"\nsummary = \"s\"\nmessage = \"m\"\nfield = \"project.city\"\nrequired = true\n", "id = \"Place\"", "的 id 须为小写英文字母"},
		{"repeated id", hubeiRules + "\n[[rules]]\nid = \"place.hubei\"\nclause = \"三\"\nsummary = \"s\"\nmessage = \"m\"\nfield = \"project.city\"\nrequired = true\n", "id = \"place.hubei\"\nclause = \"三\"", "第3条规则（place.hubei）的 id 与前面的规则重复"},
		{"bad severity", "\n[[rules]]\nid = \"test.rule\"\nseverity = \"fatal\"\nclause = \"三\"\nsummary = \"s\"\nmessage = \"m\"\nfield = \"project.city\"\nrequired = true\n", "severity", "severity 须为 error、warning 或 info"},
		{"unknown key", "\n[[rules]]\nid = \"test.rule\"\nclause = \"三\"\nsummary = \"s\"\nmessage = \"m\"\nfield = \"project.city\"\nrequried = true\n", "requried", "未知的项目 “rules.requried”"},
		{"total quota without a clause", "\n[total_quota]\ncount = 40\n", "count = 40", "[total_quota] 须有 count"},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := strings.Replace(hubeiCall, "[total_quota]\ncount = 40\napproximate = true\nclause = \"二\"\n", "", 1) + c.text
			_, err := ParseCall("hubei.toml", []byte(text))
			var ce *CallError
			if !errors.As(err, &ce) || !strings.Contains(ce.Problem, c.want) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
			line := strings.Count(text[:strings.Index(text, c.lineOf)], "\n") + 1
			if ce.Line != line {
				t.Errorf("line %d, want %d (%s)", ce.Line, line, ce.Error())
			}
		})
	}
}

// shanghaiGroups is the Shanghai notice's 学术年会 (项目编号 2023-1) with its
// sub-items 2023-1-1 … 2023-1-3, and the 青年科技论坛 (2023-2) on its own.
const shanghaiGroups = `
[[category_groups]]
id = "annual2023"
code = "2023-1"
name = "上海市科协2023学术（创新）年会"
clause = "二（一）"
`

func shanghaiCall(t testing.TB, edit func(string) string) (*Call, error) {
	t.Helper()
	text := hubeiCall + shanghaiGroups
	text = strings.Replace(text, "id = \"salon\"\n", "id = \"salon\"\ngroup = \"annual2023\"\ncode = \"2023-1-1\"\n", 1)
	text = strings.Replace(text, "id = \"young\"\n", "id = \"young\"\ncode = \"2023-2\"\n", 1)
	if edit != nil {
		text = edit(text)
	}
	return ParseCall("shanghai.toml", []byte(text))
}

func TestCategoryGroupsAndCodes(t *testing.T) {
	c, err := shanghaiCall(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	cat := c.Category("salon")
	if got := c.CategoryTitle(cat, cat.Name); got != "上海市科协2023学术（创新）年会·新观点新学说学术沙龙（项目编号：2023-1-1）" {
		t.Errorf("CategoryTitle = %q", got)
	}
	if got := c.CategoryTitle(c.Category("young"), "青年科学家论坛"); got != "青年科学家论坛（项目编号：2023-2）" {
		t.Errorf("CategoryTitle without a group = %q", got)
	}
	r, ok := RuleByID(c, RuleCategoryCode)
	if !ok || r.Summary != "项目编号：2023-1 上海市科协2023学术（创新）年会：2023-1-1 新观点新学说学术沙龙；2023-2 青年科学家论坛" || r.Clause != "二（一）、二（二）" {
		t.Errorf("rules list the codes as %+v", r)
	}
	fs := record(ruleFindings(c, hubeiDraft(t, "salon"), RuleCategoryCode))
	if len(fs) != 1 || fs[0].Severity != Info || fs[0].Message != "本项目的项目编号为2023-1-1（上海市科协2023学术（创新）年会·新观点新学说学术沙龙，通知 二（一））。" {
		t.Errorf("code finding: %+v", fs)
	}
	// a rule for the group applies to its categories only
	c2, err := shanghaiCall(t, func(s string) string {
		return s + "\n[[rules]]\nid = \"annual.window\"\ncategories = [\"annual2023\"]\nclause = \"二（一）\"\nsummary = \"年会5~6月举办\"\nmessage = \"年会于2023年5~6月举办，{label}{value}不在其中（通知 {clause}）。\"\nfield = \"project.start_date\"\nmin = 2023-05-01\nmax = 2023-06-30\n"
	})
	if err != nil {
		t.Fatal(err)
	}
	for cat, want := range map[string]int{"salon": 1, "young": 0} {
		d := hubeiDraft(t, cat)
		d.Project.StartDate = NewDate(2023, 9, 1)
		if fs := ruleFindings(c2, d, "annual.window"); len(fs) != want {
			t.Errorf("%s: %d findings, want %d: %v", cat, len(fs), want, fs)
		}
	}

	for _, bad := range []struct{ name, from, to, lineOf, want string }{
		{"unknown group", "group = \"annual2023\"", "group = \"annual\"", "group = \"annual\"", "第1个类别（salon）的 group “annual” 不在 [[category_groups]] 中"},
		{"code outside its group", "code = \"2023-1-1\"", "code = \"2023-2-1\"", "code = \"2023-2-1\"", "的项目编号 “2023-2-1” 不在其类别组 “上海市科协2023学术（创新）年会” 的编号 “2023-1” 之下"},
		{"repeated code", "code = \"2023-2\"", "code = \"2023-1-1\"", "code = \"2023-1-1\"\nname = \"青年", "第2个类别（young）的项目编号 “2023-1-1” 与另一个类别或类别组重复"},
		{"group id of a category", "id = \"annual2023\"", "id = \"young\"", "id = \"young\"\ncode = \"2023-1\"", "第1个 [[category_groups]]（young）的 id 与另一个类别或类别组重复"},
	} {
		var text string
		_, err := shanghaiCall(t, func(s string) string { text = strings.Replace(s, bad.from, bad.to, 1); return text })
		var ce *CallError
		if !errors.As(err, &ce) || !strings.Contains(ce.Problem, bad.want) {
			t.Errorf("%s: got %v, want %q", bad.name, err, bad.want)
			continue
		}
		if line := strings.Count(text[:strings.Index(text, bad.lineOf)], "\n") + 1; ce.Line != line {
			t.Errorf("%s: line %d, want %d (%s)", bad.name, ce.Line, line, ce.Error())
		}
	}
}

// BenchmarkDeclaredRules is the cost of a call's declared rules on a full
// draft: the two Hubei rules, a share of young speakers by birth date, an
// amount against the budget, a conditional budget line, a per-row
// requirement and a foreign-speaker count (7 rules).
func BenchmarkDeclaredRules(b *testing.B) {
	c := parseHubeiCall(b, hubeiRules+`
[[rules]]
id = "speakers.young"
severity = "warning"
clause = "三"
summary = "报告人以45岁及以下为主"
message = "报告人以45岁及以下为主，现在占{share}（通知 {clause}）。"
field = "parts.salon.speakers"
where = { column = "birth_date", age_at = 2022-12-31, max = 45 }
share_min = 0.5
[[rules]]
id = "amount.budget"
clause = "二"
summary = "申请金额不超过预算总额"
message = "申请金额{value}元超过预算总额{max}元（通知 {clause}）。"
field = "project.requested_amount"
max = "budget.total"
[[rules]]
id = "matching.self"
clause = "二"
summary = "有配套资金须列自筹"
message = "有配套资金，自筹经费却是{value}元（通知 {clause}）。"
when = { field = "parts.salon.matching_funds", equals = true }
field = "budget.self_raised"
min = 1
[[rules]]
id = "speakers.birth"
clause = "三"
summary = "报告人须填出生日期"
message = "请填写{label}（通知 {clause}）。"
field = "parts.salon.speakers[].birth_date"
required = true
[[rules]]
id = "speakers.foreign"
clause = "三"
summary = "至少一位国外报告人"
message = "至少须有一位国外报告人（通知 {clause}）。"
field = "parts.salon.speakers"
where = { column = "country", none_of = ["中国"] }
count_min = 1
`)
	d := hubeiDraft(b, "salon")
	d.Joint = []Joint{{Name: "武汉市科协"}}
	d.Part().SetText("lead_unit", "湖北省计算机学会")
	d.Part().SetBool("matching_funds", true)
	var rows []Values
	for i, birth := range []string{"1970-03-01", "1980-06-30", "1985-01-01", "1990-12-31", "1975-07-07", "1988-08-08"} {
		r := Values{}
		r.SetText("name", "专家"+string(rune('甲'+i)))
		bd, _ := ParseDate(birth)
		r.SetDate("birth_date", bd)
		r.SetText("country", []string{"中国", "英国"}[i%2])
		rows = append(rows, r)
	}
	d.Part().SetRows("speakers", rows)
	if fs := declaredFindings(c, d); len(fs) != 0 || len(c.declared) != 7 {
		b.Fatalf("the benchmark's draft should pass all %d rules: %v", len(c.declared), fs)
	}
	bare := parseHubeiCall(b, "")
	b.Run("rules", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			declaredFindings(c, d)
		}
	})
	// the whole check of the same draft, with and without the 7 rules
	b.Run("check", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Check(c, d, Options{})
		}
	})
	b.Run("check-without-rules", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Check(bare, d, Options{})
		}
	})
}

// FuzzDeclaredRule reads a [[rules]] entry made of a field path, a key and
// a value, and requires that reading the call never panics, that a refusal
// is a CallError in Chinese, and that an accepted rule checks a draft
// without panicking, every finding its own with a Chinese message.
func FuzzDeclaredRule(f *testing.F) {
	f.Add("project.city", "contains_any", `["武汉"]`, "北京市")
	f.Add("parts.salon.speakers", "count_min", `1`, "")
	f.Add("parts.salon.speakers[].birth_date", "age_at", `2022-12-31`+"\nmax = 45", "1950-01-01")
	f.Add("experts[].unit", "required", `true`, " ")
	f.Add("project.requested_amount", "max", `"budget.total"`, "")
	f.Add("part.lead_unit", "one_of", `["甲"]`, "乙")
	f.Add("", "min", `""`, "")
	f.Fuzz(func(t *testing.T, field, key, value, text string) {
		rule := "\n[[rules]]\nid = \"fuzz.rule\"\nclause = \"三\"\nsummary = \"测试\"\nmessage = \"{label}：{value}（通知 {clause}）\"\nfield = \"" + strings.ReplaceAll(field, `"`, "") + "\"\n" + key + " = " + value + "\n"
		c, err := ParseCall("fuzz.toml", []byte(hubeiCall+rule))
		if err != nil {
			var ce *CallError
			if !errors.As(err, &ce) || !hasHan(ce.Problem) {
				t.Fatalf("refusal not a CallError in Chinese: %v", err)
			}
			return
		}
		d := hubeiDraft(t, "salon")
		d.Project.City = text
		d.Experts[0].Unit = text
		bd, _ := ParseDateLoose(text)
		r := Values{}
		r.SetDate("birth_date", bd)
		d.Part().SetRows("speakers", []Values{r, {}})
		d.Part().SetText("lead_unit", text)
		for _, f := range declaredFindings(c, d) {
			if f.Rule != "fuzz.rule" || !hasHan(f.Message) || !strings.Contains(f.Message, "（通知 三）") {
				t.Fatalf("finding %+v", f)
			}
		}
	})
}
