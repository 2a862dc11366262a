package forms

import (
	"fmt"
	"strconv"
	"strings"
)

// fieldLabels names each field path segment in Chinese, as printed on the form.
var fieldLabels = map[string]string{
	"category":          "项目类别",
	"venue":             "分赛场",
	"cover":             "封面",
	"apply_date":        "申报日期",
	"applicant":         "申报单位",
	"name":              "名称",
	"type":              "单位类型",
	"credit_code":       "统一社会信用代码",
	"address":           "通讯地址",
	"postcode":          "邮政编码",
	"leader":            "法定代表人（负责人）",
	"contact":           "联系人",
	"mobile":            "联系人手机",
	"phone":             "办公电话",
	"email":             "电子邮箱",
	"joint_applicants":  "联合申报单位",
	"project":           "项目",
	"theme":             "主题",
	"start_date":        "开始日期",
	"end_date":          "结束日期",
	"city":              "举办城市",
	"place":             "举办地点",
	"form":              "活动形式",
	"participants":      "参会人数",
	"papers":            "征集论文数",
	"organisers":        "主办/承办单位",
	"summary":           "项目简介",
	"requested_amount":  "申请省科协资助",
	"annual_meeting":    "年会分会场",
	"focus_area":        "对应领域",
	"theme_link":        "与年会主题的关联",
	"expert_group":      "会前专家组",
	"research_plan":     "调研、座谈研讨计划",
	"expected_output":   "预期成果（调研报告或专家建议）",
	"forum":             "研究生论坛",
	"topic":             "专题",
	"call_for_papers":   "论文征集办法",
	"review_committee":  "评审委员会",
	"speech":            "演讲比赛",
	"judging_committee": "评委会",
	"recruitment":       "参赛者推荐办法",
	"basic":             "基础研究",
	"conveners":         "学术召集人",
	"discipline":        "学科",
	"discipline_kind":   "学科类型",
	"invitation":        "邀请方式",
	"international":     "对外交流",
	"foreign_experts":   "国外专家",
	"country":           "国家",
	"institution":       "所在机构",
	"talk_title":        "报告题目",
	"future_topics":     "研讨的未来发展议题",
	"future":            "",
	"unit":              "单位",
	"title":             "职称/职务",
	"agenda":            "日程安排",
	"date":              "日期",
	"time":              "时间",
	"item":              "内容",
	"speaker":           "报告人",
	"experts":           "邀请专家",
	"expected_results":  "预期成果",
	"publicity":         "宣传计划",
	"budget":            "经费预算",
	"lines":             "支出明细",
	"amount":            "金额",
	"total":             "预算总额",
	"provincial":        "省科协资助",
	"self_raised":       "自筹经费",
	"other":             "其他经费",
	"opinions":          "意见",
}

// FieldLabel turns a field path such as "experts[1].name" into the Chinese
// label the user sees: "邀请专家 第2行 名称".
func FieldLabel(path string) string {
	var parts []string
	for _, seg := range strings.Split(path, ".") {
		idx := -1
		if i := strings.IndexByte(seg, '['); i >= 0 && strings.HasSuffix(seg, "]") {
			idx, _ = strconv.Atoi(seg[i+1 : len(seg)-1])
			seg = seg[:i]
		}
		l, ok := fieldLabels[seg]
		if !ok {
			l = seg
		}
		if l != "" {
			parts = append(parts, l)
		}
		if idx >= 0 {
			parts = append(parts, fmt.Sprintf("第%d行", idx+1))
		}
	}
	// "项目 名称" reads better as "项目名称"; keep the last two joined when the
	// first is a section name.
	return strings.Join(parts, " ")
}
