package forms

import "sort"

// Severity of a finding.
type Severity string

// Severities, from blocking to informative.
const (
	Error   Severity = "error"   // must be fixed; export asks for confirmation
	Warning Severity = "warning" // should be looked at; export allowed
	Info    Severity = "info"    // good to know
)

// SeverityName is the Chinese word for a severity.
func (s Severity) SeverityName() string {
	switch s {
	case Error:
		return "错误"
	case Warning:
		return "警告"
	}
	return "提示"
}

// Rule is one rule of the call or of the form. Its ID is stable across
// versions: other tools and saved settings may refer to it.
type Rule struct {
	ID       string   `json:"id"`
	Severity Severity `json:"severity"`
	Clause   string   `json:"clause"`  // the notice's clause, or the form's part
	Summary  string   `json:"message"` // what the rule requires, in Chinese
}

// Finding is one result of a check: which rule, which field, how serious,
// and a Chinese sentence saying what to change, citing the clause.
type Finding struct {
	Rule     string   `json:"rule"`
	Field    string   `json:"field"` // field path as in the draft's JSON, e.g. "project.participants"
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

// Rule IDs. They are listed, with severity, clause and summary, by Rules().
const (
	RuleRequired          = "field.required"
	RuleCategory          = "category.known"
	RuleCallYear          = "draft.call_year"
	RuleEligibility       = "eligibility.type"
	RuleCitySAT           = "eligibility.city_sat_joint_only"
	RuleGraduateTraining  = "eligibility.graduate_training"
	RuleJointEncouraged   = "eligibility.joint_encouraged"
	RuleAnnualInspection  = "society.annual_inspection"
	RuleEvaluation        = "society.evaluation"
	RulePriority          = "priority.honours"
	RuleParticipants      = "scale.participants"
	RulePapers            = "scale.papers"
	RuleDatesMissing      = "time.dates_missing"
	RuleDateOrder         = "time.order"
	RuleWindow            = "time.window"
	RuleVenue             = "funding.venue_required"
	RuleFundingFixed      = "funding.fixed"
	RuleFundingVenue      = "funding.venue"
	RuleFundingRange      = "funding.range"
	RuleBudgetProvincial  = "budget.provincial_matches_request"
	RuleBudgetLines       = "budget.lines_missing"
	RuleBudgetLinesSum    = "budget.lines_sum"
	RuleBudgetSourcesSum  = "budget.sources_sum"
	RuleForm              = "content.form"
	RuleAnnualFocus       = "content.annual.focus_area"
	RuleAnnualExperts     = "content.annual.expert_group"
	RuleAnnualPlan        = "content.annual.research_plan"
	RuleAnnualOutput      = "content.annual.output"
	RuleForumCommittee    = "content.forum.review_committee"
	RuleForumOnePaper     = "content.forum.one_paper"
	RuleForumAuthorsFirst = "content.forum.authors_first"
	RuleSpeechCommittee   = "content.speech.judging_committee"
	RuleSpeechMaterials   = "content.speech.materials"
	RuleBasicConvener     = "content.basic.convener"
	RuleBasicKind         = "content.basic.discipline_kind"
	RuleIntlForeign       = "content.intl.foreign_expert"
	RuleAgenda            = "content.agenda"
	RuleUSCC              = "format.credit_code"
	RulePhone             = "format.phone"
	RuleEmail             = "format.email"
	RulePostcode          = "format.postcode"
	RuleAmount            = "format.amount"
	RuleConfidential      = "submission.confidential"
	RuleDeadline          = "deadline.days_left"
	RuleDeadlinePassed    = "deadline.passed"
	RulePosted            = "deadline.posted_arrival"
	RuleQuotaCategory     = "quota.per_category"
	RuleQuotaTotal        = "quota.total"
	RuleGlyph             = "print.unprintable_character"
)

var rules = []Rule{
	{RuleRequired, Error, "申报书", "申报书的必填项须填写"},
	{RuleCategory, Error, "一", "项目类别须为本年度通知所设的5个类别之一"},
	{RuleCallYear, Warning, "通知", "草稿所属年度须与当前申报通知一致"},
	{RuleEligibility, Error, "一（x）4(1)", "申报单位类型须在该类别的申报范围内"},
	{RuleCitySAT, Error, "一（一）4(1)、一（二）4(1)", "市（州）、长白山开发区、梅河口市科协只能作为联合申报单位"},
	{RuleGraduateTraining, Error, "一（二）4(1)", "研究生论坛由高校申报时，须有研究生培养资格"},
	{RuleJointEncouraged, Info, "一（一）4(1)、一（二）4(1)", "鼓励与地方科协联合申报"},
	{RuleAnnualInspection, Error, "二、1", "申报的省级学会须年检合格"},
	{RuleEvaluation, Error, "二、1", "申报的省级学会须按规定参加省科协2023年度学会评价"},
	{RulePriority, Info, "二、1", "2021-2023年度先进学会、学术工作先进集体、智库工作先进集体优先支持"},
	{RuleParticipants, Error, "一（x）4(2)", "参会人数不少于该类别的最低人数（年会分会场200人，研究生论坛、基础研究50人）"},
	{RulePapers, Error, "一（二）4(2)", "研究生论坛须征集论文30篇以上"},
	{RuleDatesMissing, Error, "一（x）4(3)", "须填写项目开始和结束日期"},
	{RuleDateOrder, Error, "一（x）4(3)", "开始日期不能晚于结束日期"},
	{RuleWindow, Error, "一（x）4(3)", "项目须在该类别的完成时间内举办"},
	{RuleVenue, Error, "一（三）1、3", "演讲比赛须选择承办的分赛场或决赛"},
	{RuleFundingFixed, Error, "一（x）3", "申请省科协资助须等于该类别的经费额度"},
	{RuleFundingVenue, Error, "一（三）3", "演讲比赛分赛场申请1.5万元，决赛申请6万元"},
	{RuleFundingRange, Error, "一（五）3", "高水平对外学术交流活动申请3万元至4.5万元"},
	{RuleBudgetProvincial, Error, "申报书 第五部分", "预算中的省科协资助须与申请金额一致"},
	{RuleBudgetLines, Error, "申报书 第五部分", "经费预算须列出支出明细"},
	{RuleBudgetLinesSum, Error, "申报书 第五部分", "支出明细之和须等于预算总额"},
	{RuleBudgetSourcesSum, Error, "申报书 第五部分", "省科协资助、自筹和其他经费之和须等于预算总额"},
	{RuleForm, Error, "一（x）4(2)", "活动形式须为该类别允许的形式"},
	{RuleAnnualFocus, Error, "一（一）1", "年会分会场须对应“四大集群”“六新产业”“四新设施”之一"},
	{RuleAnnualExperts, Error, "一（一）4(2)", "年会分会场会前须组成专家组"},
	{RuleAnnualPlan, Error, "一（一）4(2)", "年会分会场须有产业发展调研、座谈研讨计划"},
	{RuleAnnualOutput, Error, "一（一）4(2)", "年会分会场须形成调研报告或专家建议"},
	{RuleForumCommittee, Error, "一（二）4(2)", "研究生论坛须按专题组成评审委员会"},
	{RuleForumOnePaper, Warning, "一（二）4(2)", "研究生以第一作者身份限投1篇论文"},
	{RuleForumAuthorsFirst, Warning, "一（二）4(2)", "参加论坛代表以提交论文作者优先"},
	{RuleSpeechCommittee, Error, "一（三）4(2)", "承办演讲比赛须成立评委会"},
	{RuleSpeechMaterials, Warning, "一（三）4(2)", "参赛者须提交演讲提纲PPT和演讲依据论文"},
	{RuleBasicConvener, Error, "一（四）4(2)", "基础研究学术交流活动设学术召集人1名"},
	{RuleBasicKind, Error, "一（四）1", "须说明学科类型（重点、新兴、冷门、薄弱或交叉学科）"},
	{RuleIntlForeign, Error, "一（五）4(2)", "高水平对外学术交流活动须邀请至少1名国外院士或专家作报告"},
	{RuleAgenda, Warning, "申报书 第四部分", "申报书应附日程安排"},
	{RuleUSCC, Error, "GB 32100-2015", "统一社会信用代码须为18位且校验码正确"},
	{RulePhone, Error, "申报书", "电话号码格式须正确（手机11位，或区号-号码）"},
	{RuleEmail, Error, "申报书", "电子邮箱格式须正确"},
	{RulePostcode, Error, "申报书", "邮政编码须为6位数字"},
	{RuleAmount, Error, "申报书 第五部分", "金额不能为负数"},
	{RuleConfidential, Info, "二、4", "涉及保密内容须事先告知，不得通过互联网传送"},
	{RuleDeadline, Info, "二、5", "申报截止时间为4月22日"},
	{RuleDeadlinePassed, Warning, "二、5", "申报截止时间已过"},
	{RulePosted, Info, "二、2、二、5", "纸质件1份须在截止日前寄达或送达"},
	{RuleQuotaCategory, Error, "二、2", "每个单位在同类项目中只能申报1项"},
	{RuleQuotaTotal, Error, "二、2", "每个单位申报总计不超过2项"},
	{RuleGlyph, Error, "二、2", "申报书中的每个字都须能印在纸质件上"},
	{RuleAfterDates, Warning, "二、3", "入选项目须填写实际举办日期，据此计算会后材料的报送期限"},
	{RuleReportDue, Warning, "二、3", "项目完成后3日内报送信息报道稿（附1-3张照片）和演讲比赛分赛场成绩"},
	{RuleSummaryDue, Warning, "二、3", "项目完成后10日内报送项目总结、学术观点综述（或论文汇编）和决算表"},
	{RuleReportTitle, Warning, "二、3", "信息报道稿须有标题"},
	{RuleReportLength, Error, "二、3", "信息报道稿正文不超过1000字（空格和换行不计）"},
	{RuleReportPhotos, Error, "二、3", "信息报道稿附1-3张照片"},
	{RuleReportCaption, Warning, "二、3", "每张照片须有说明"},
	{RuleResultsIncomplete, Warning, "二、3", "演讲比赛分赛场成绩每行须有姓名、单位、演讲题目、名次和得分"},
	{RuleResultsRank, Warning, "二、3", "演讲比赛分赛场成绩的名次须与得分一致（得分高者名次靠前）"},
	{RuleAccountsLineOver, Warning, "二、3", "决算表各项支出不应超出预算，超支或预算外支出须说明原因"},
	{RuleAccountsTotalOver, Warning, "二、3", "决算表实际支出合计超出预算总额时须说明原因"},
	{RuleAccountsSources, Error, "二、3", "决算表经费来源合计须等于实际支出合计"},
	{RuleAccountsOverGrant, Error, "一（x）3、二、3", "决算表中省科协资助支出不能超过批准的资助额"},
	{RuleAccountsUnspent, Info, "二、3", "省科协资助未全部列支时提示核对"},
}

var ruleByID = func() map[string]Rule {
	m := make(map[string]Rule, len(rules))
	for _, r := range rules {
		m[r.ID] = r
	}
	return m
}()

// Rules lists every rule, sorted by ID.
func Rules() []Rule {
	out := append([]Rule(nil), rules...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// RuleByID returns a rule and whether it exists.
func RuleByID(id string) (Rule, bool) {
	r, ok := ruleByID[id]
	return r, ok
}

// Count returns the number of errors and warnings among findings.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return
}
