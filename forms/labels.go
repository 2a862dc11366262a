package forms

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// pathLabels name the fields of the common parts of the form (and of the
// after-selection reports) in Chinese, by field path with the row numbers
// taken out ("experts[].name"): the one table of the built-in blocks'
// default labels. The window's form, the findings and the print all name a
// block's field by Call.BlockLabel, which is the section's declared label
// (labels) or this one; the print may lengthen it with the call's facts
// (Call.PrintedLabel). The category's own part is labelled by the call's
// declaration (Call.FieldLabel).
var pathLabels = map[string]string{
	"category":          "项目类别",
	"venue":             "承办赛场",
	"call_year":         "所属年度",
	"confidential":      "涉密情况",
	"confidential_note": "保密说明",
	"cover":             "封面",
	"cover.apply_date":  "申报日期",

	"applicant":                          "申报单位",
	"applicant.name":                     "单位名称",
	"applicant.type":                     "单位类型",
	"applicant.credit_code":              "统一社会信用代码",
	"applicant.address":                  "通讯地址",
	"applicant.postcode":                 "邮政编码",
	"applicant.leader":                   "法定代表人（负责人）",
	"applicant.leader_title":             "负责人职务",
	"applicant.contact":                  "联系人",
	"applicant.contact_title":            "联系人职务",
	"applicant.mobile":                   "联系人手机",
	"applicant.phone":                    "办公电话",
	"applicant.email":                    "电子邮箱",
	"applicant.annual_inspection_passed": "年检合格",
	"applicant.evaluation_taken":         "学会评价",
	"applicant.graduate_training":        "具有研究生培养资格",
	"applicant.honours":                  "所获表彰",
	"applicant.honours[]":                "所获表彰",
	"joint_applicants":                   "联合申报单位",
	"joint_applicants[]":                 "联合申报单位",
	"joint_applicants[].name":            "单位名称",
	"joint_applicants[].type":            "单位类型",

	"project":                  "项目基本情况",
	"project.name":             "项目名称",
	"project.theme":            "项目主题",
	"project.start_date":       "开始日期",
	"project.end_date":         "结束日期",
	"project.city":             "举办城市",
	"project.place":            "举办地点",
	"project.form":             "活动形式",
	"project.participants":     "预计参会人数",
	"project.papers":           "征集论文数",
	"project.organisers":       "主办/承办单位",
	"project.co_organisers":    "协办单位",
	"project.supporters":       "支持单位",
	"project.summary":          "项目简介",
	"project.requested_amount": "申请{funder}资助",

	"agenda":                "日程安排",
	"agenda[]":              "日程安排",
	"agenda[].date":         "日期",
	"agenda[].time":         "时间",
	"agenda[].item":         "内容",
	"agenda[].speaker":      "报告人",
	"experts":               "邀请专家",
	"experts[]":             "邀请专家",
	"experts[].name":        "姓名",
	"experts[].unit":        "单位",
	"experts[].title":       "职称/职务",
	"experts[].topic":       "报告主题",
	"expected_results":      "预期成果",
	"publicity":             "宣传计划",
	"budget":                "经费预算",
	"budget.lines":          "支出预算",
	"budget.lines[]":        "支出预算",
	"budget.lines[].item":   "支出科目",
	"budget.lines[].amount": "金额（元）",
	"budget.lines[].basis":  "测算依据",
	"budget.total":          "预算总额",
	"budget.provincial":     "申请{funder}资助",
	"budget.self_raised":    "自筹经费",
	"budget.other":          "其他经费",
	"budget.other_note":     "其他经费来源",
	"opinions":              "申报单位意见",
	"opinions.applicant":    "申报单位意见",
	"opinions.signer":       "负责人",

	"selection":                "入选情况",
	"selection.selected":       "已入选",
	"selection.list_published": "名单公布日期",
	"selection.actual_start":   "实际开始日期",
	"selection.actual_end":     "实际结束日期",
	"selection.submitted":      "已报送的材料",

	"reports":                                 "会后材料",
	"reports.info_report":                     "信息报道稿",
	"reports.info_report.headline":            "信息报道稿标题",
	"reports.info_report.body":                "信息报道稿正文",
	"reports.info_report.author":              "撰稿人",
	"reports.info_report.photos":              "信息报道稿照片",
	"reports.info_report.photos[]":            "照片",
	"reports.info_report.photos[].caption":    "说明",
	"reports.info_report.photos[].file":       "文件",
	"reports.info_report.photos[].width":      "宽度",
	"reports.info_report.photos[].height":     "高度",
	"reports.info_report.photos[].original":   "原文件名",
	"reports.results":                         "演讲比赛分赛场成绩",
	"reports.results[]":                       "成绩",
	"reports.results[].contestant":            "姓名",
	"reports.results[].unit":                  "单位",
	"reports.results[].speech_title":          "演讲题目",
	"reports.results[].rank":                  "名次",
	"reports.results[].score":                 "得分",
	"reports.results[].award":                 "奖项",
	"reports.final_summary":                   "项目总结",
	"reports.views_review":                    "学术观点综述",
	"reports.proceedings":                     "论文汇编",
	"reports.accounts":                        "决算表",
	"reports.accounts.spent_lines":            "决算支出明细",
	"reports.accounts.spent_lines[]":          "决算支出",
	"reports.accounts.spent_lines[].expense":  "支出项目",
	"reports.accounts.spent_lines[].budgeted": "预算金额",
	"reports.accounts.spent_lines[].spent":    "实际支出",
	"reports.accounts.spent_lines[].note":     "说明",
	"reports.accounts.provincial":             "{funder}资助",
	"reports.accounts.self_raised":            "自筹经费",
	"reports.accounts.other":                  "其他经费",
	"reports.accounts.note":                   "决算说明",
}

// rowWords name a row of a table where "第n行" would not fit.
var rowWords = map[string]string{
	"reports.info_report.photos": "第%d张照片",
	"applicant.honours":          "第%d项荣誉",
}

var indexRe = regexp.MustCompile(`\[(\d+)\]`)

// withFunder puts the funder's name (Call.Funder) into a label that names
// it ("申请{funder}资助"); with no funder the label names the grant alone.
func withFunder(label, funder string) string {
	if !strings.Contains(label, "{funder}") {
		return label
	}
	if funder == "" {
		return strings.NewReplacer("申请{funder}资助", "申请资助金额", "{funder}资助", "资助经费", "{funder}", "").Replace(label)
	}
	return strings.ReplaceAll(label, "{funder}", funder)
}

// FieldLabel turns a field path of the common parts, such as
// "experts[1].name", into the Chinese label the user sees: "邀请专家第2行的姓名".
// Paths of a category's own part need the call: use Call.FieldLabel, which
// also names the funder.
func FieldLabel(path string) string { return withFunder(rawFieldLabel(path), "") }

func rawFieldLabel(path string) string {
	if l, ok := pathLabels[path]; ok {
		return l
	}
	idx := indexRe.FindAllStringSubmatch(path, -1)
	generic := indexRe.ReplaceAllString(path, "[]")
	if len(idx) > 0 {
		// "experts[1].name": the row's label, its number, the column's label
		last := strings.LastIndex(generic, "[]")
		table := generic[:last]
		n, _ := strconv.Atoi(idx[len(idx)-1][1])
		col := generic
		if w, ok := rowWords[table]; ok {
			row := fmt.Sprintf(w, n+1)
			if cl, ok := pathLabels[col]; ok && generic != table+"[]" {
				return row + "的" + cl
			}
			return row
		}
		tl, ok := pathLabels[table]
		if ok {
			if generic == table+"[]" {
				return fmt.Sprintf("%s第%d行", tl, n+1)
			}
			if cl, ok := pathLabels[col]; ok {
				return fmt.Sprintf("%s第%d行的%s", tl, n+1, cl)
			}
		}
	}
	if l, ok := pathLabels[generic]; ok {
		return l
	}
	// an unknown path: its known head, so a message never shows a raw key
	for p := generic; p != ""; {
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
		if l, ok := pathLabels[p]; ok {
			return l
		}
	}
	return "此项"
}

// FieldLabel is FieldLabel for any path of a draft of this call, the
// category's own part ("parts.forum.review_committee[0].name") included.
func (c *Call) FieldLabel(path string) string {
	if l, ok := c.declaredLabel(path); ok {
		l = c.Expand(l, nil)
		// a column of a row: "邀请专家第2行的专家姓名"
		if idx := indexRe.FindAllStringSubmatchIndex(path, -1); len(idx) > 0 {
			last := idx[len(idx)-1]
			n, _ := strconv.Atoi(path[last[2]:last[3]])
			if rest := path[last[1]:]; strings.HasPrefix(rest, ".") {
				return fmt.Sprintf("%s第%d行的%s", c.FieldLabel(path[:last[0]]), n+1, l)
			}
		}
		return l
	}
	if c != nil {
		if l, ok := c.sectionLabel(path); ok {
			return l
		}
	}
	if rest, ok := strings.CutPrefix(path, "parts."); ok && c != nil {
		catID, key, _ := strings.Cut(rest, ".")
		cat := c.Category(catID)
		if cat == nil {
			return "专项内容"
		}
		generic := indexRe.ReplaceAllString(key, "[]")
		name, col, _ := strings.Cut(generic, "[].")
		name = strings.TrimSuffix(name, "[]")
		fd := cat.PartField(name)
		if fd == nil {
			return cat.PartTitle()
		}
		idx := indexRe.FindStringSubmatch(key)
		if idx == nil {
			return fd.Label
		}
		n, _ := strconv.Atoi(idx[1])
		if c := fd.Column(col); c != nil {
			return fmt.Sprintf("%s第%d行的%s", fd.Label, n+1, c.Label)
		}
		return fmt.Sprintf("%s第%d行", fd.Label, n+1)
	}
	return withFunder(rawFieldLabel(path), c.Funder())
}

// KnownPath reports whether a path has a label of its own (not the
// fallback of an unknown path): the test that every rule's field is named.
func (c *Call) KnownPath(path string) bool {
	if strings.HasPrefix(path, "parts.") {
		l := c.FieldLabel(path)
		return l != "专项内容"
	}
	if strings.HasPrefix(path, "sections.") {
		return c.SectionFieldOf(path) != nil
	}
	return FieldLabel(path) != "此项"
}

// PartFieldOf is the declared field (or table column) a path of a
// category's part names, or nil.
func (c *Call) PartFieldOf(path string) *FieldDecl {
	rest, ok := strings.CutPrefix(path, "parts.")
	if !ok {
		return nil
	}
	catID, key, _ := strings.Cut(rest, ".")
	cat := c.Category(catID)
	if cat == nil {
		return nil
	}
	generic := indexRe.ReplaceAllString(key, "[]")
	name, col, _ := strings.Cut(generic, "[].")
	fd := cat.PartField(strings.TrimSuffix(name, "[]"))
	if fd != nil && col != "" {
		return fd.Column(col)
	}
	return fd
}

// BlockLabel is the label of a built-in block's field (its key in the call
// file: "leader_title", "lines.amount") as the window's form, the findings
// and the print name it: the section's declared label (labels), else the
// default of the one table (pathLabels), the call's placeholders filled
// ({funder}, and the category's with cat). The applicant's opinion is named
// by its opinion block (blocks, by = "applicant") unless relabelled.
func (c *Call) BlockLabel(s *SectionDecl, key string, cat *Category) string {
	if l, ok := s.Labels[key]; ok {
		return c.Expand(l, cat)
	}
	if l := s.opinionLabel(key); l != "" {
		return c.Expand(l, cat)
	}
	return withFunder(rawFieldLabel(fieldPath(s.Block, key)), c.Funder())
}

// opinionLabel is the label of the applicant's opinion block, the default
// label of the opinions' field "applicant" ("" for any other field).
func (s *SectionDecl) opinionLabel(key string) string {
	if s.Block != BlockOpinions || key != "applicant" {
		return ""
	}
	for _, b := range s.Blocks {
		if b.By == ByApplicant {
			return b.Label
		}
	}
	return ""
}

// PrintedLabel is a block's field's label as the print words it: the
// field's one label (BlockLabel), lengthened where the call's facts belong
// in it — the year of the evaluation before the yearly inspection and the
// evaluation (“2023年度年检合格”; the evaluation is one the unit took part in:
// “参加2023年度学会评价”),
// the years of the honours that give priority before them
// (“2021-2023年所获表彰”). A label that already says its year is printed as
// declared.
func (c *Call) PrintedLabel(s *SectionDecl, key string, cat *Category) string {
	l := c.BlockLabel(s, key, cat)
	switch fieldPath(s.Block, key) {
	case "applicant.annual_inspection_passed", "applicant.evaluation_taken":
		lead := ""
		if key == "evaluation_taken" {
			lead = "参加"
			l = strings.TrimPrefix(l, "参加")
		}
		if y := c.Society.EvaluationYear; y > 0 && !strings.Contains(l, "年度") {
			return fmt.Sprintf("%s%d年度%s", lead, y, l)
		}
		return lead + l
	case "applicant.honours":
		if c.PriorityYears != "" && !strings.Contains(l, c.PriorityYears) {
			return c.PriorityYears + "年" + l
		}
	}
	return l
}
