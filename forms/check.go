package forms

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/go-playground/validator/v10"
)

// Options are the inputs of a check besides the call and the draft.
type Options struct {
	// Today is the date the deadline is counted from; zero skips the
	// deadline findings.
	Today Date
	// Printable reports whether a character can be printed with the
	// program's bundled fonts; nil skips that check. The document writers
	// provide it (see package forms/fonts).
	Printable func(rune) bool
}

// checkEnv travels through the validator's context to the struct-level rules.
type checkEnv struct {
	call *Call
	cat  *Category
	opts Options
}

type envKey struct{}

var validate = newValidator()

func newValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	str := func(ok func(string) bool) validator.Func {
		return func(fl validator.FieldLevel) bool { return ok(fl.Field().String()) }
	}
	must(v.RegisterValidation("uscc", str(ValidUSCC)))
	must(v.RegisterValidation("cnmobile", str(ValidMobile)))
	must(v.RegisterValidation("cnphone", str(ValidPhone)))
	must(v.RegisterValidation("cnemail", str(ValidEmail)))
	must(v.RegisterValidation("postcode", str(ValidPostcode)))
	v.RegisterStructValidationCtx(draftRules, Draft{})
	return v
}

// Check runs every rule of the call on one draft and returns its findings,
// errors first, then warnings, then info; within a severity in form order.
func Check(call *Call, d *Draft, opts Options) []Finding {
	// Only the part of the draft's own category is checked: a user who
	// switched category keeps the other part's text, unchecked.
	c := *d
	c.AnnualMeeting, c.Forum, c.Speech, c.Basic, c.International = nil, nil, nil, nil, nil
	switch d.Category {
	case "annual":
		c.AnnualMeeting = d.AnnualMeeting
	case "forum":
		c.Forum = d.Forum
	case "speech":
		c.Speech = d.Speech
	case "basic":
		c.Basic = d.Basic
	case "intl":
		c.International = d.International
	}
	c.EnsurePart()
	env := &checkEnv{call: call, cat: call.Category(d.Category), opts: opts}
	ctx := context.WithValue(context.Background(), envKey{}, env)
	var out []Finding
	err := validate.StructCtx(ctx, &c)
	var verrs validator.ValidationErrors
	if errors.As(err, &verrs) {
		out = make([]Finding, 0, len(verrs))
		for _, fe := range verrs {
			out = append(out, toFinding(fe))
		}
	} else if err != nil {
		out = append(out, Finding{Rule: RuleRequired, Severity: Error, Message: "草稿无法检查：" + err.Error()})
	}
	out = append(out, timeFindings(call, &c, opts)...)
	out = append(out, afterFindings(call, &c, opts)...)
	if opts.Printable != nil {
		out = append(out, glyphFindings(&c, opts.Printable)...)
	}
	SortFindings(out)
	return out
}

// SortFindings orders findings by severity (errors first); the order within
// a severity is kept.
func SortFindings(fs []Finding) {
	rank := map[Severity]int{Error: 0, Warning: 1, Info: 2}
	sort.SliceStable(fs, func(i, j int) bool { return rank[fs[i].Severity] < rank[fs[j].Severity] })
}

// toFinding turns a validator error into a finding. Struct-level rules put
// the rule ID in the tag and the Chinese message in the param.
func toFinding(fe validator.FieldError) Finding {
	path := strings.TrimPrefix(fe.Namespace(), "Draft.")
	if r, ok := ruleByID[fe.Tag()]; ok {
		return Finding{Rule: r.ID, Field: path, Severity: r.Severity, Message: fe.Param()}
	}
	label := FieldLabel(path)
	val := fmt.Sprint(fe.Value())
	fw := ""
	if hasFullWidth(val) {
		fw = "（其中有全角字符，请切换到半角输入）"
	}
	switch fe.Tag() {
	case "uscc":
		msg := fmt.Sprintf("统一社会信用代码 “%s” 无效%s：应为18位数字或大写字母（不含I、O、Z、S、V）", val, fw)
		if len(val) == 18 {
			if c, ok := USCCCheckChar(val[:17]); ok {
				msg = fmt.Sprintf("统一社会信用代码 “%s” 的校验码（第18位）应为 %c，请核对营业执照或登记证书", val, c)
			}
		} else if fw == "" {
			msg += fmt.Sprintf("，现在是%d位", len([]rune(val)))
		}
		return Finding{Rule: RuleUSCC, Field: path, Severity: Error, Message: msg + "（GB 32100-2015）。"}
	case "cnmobile":
		return Finding{Rule: RulePhone, Field: path, Severity: Error, Message: fmt.Sprintf("%s “%s” 不是有效的手机号码%s：应为以1开头的11位数字。", label, val, fw)}
	case "cnphone":
		return Finding{Rule: RulePhone, Field: path, Severity: Error, Message: fmt.Sprintf("%s “%s” 格式不对%s：手机为11位数字，固定电话写作 区号-号码，如 0431-85261411。", label, val, fw)}
	case "cnemail":
		return Finding{Rule: RuleEmail, Field: path, Severity: Error, Message: fmt.Sprintf("%s “%s” 格式不对%s：应形如 name@example.com。", label, val, fw)}
	case "postcode":
		return Finding{Rule: RulePostcode, Field: path, Severity: Error, Message: fmt.Sprintf("邮政编码 “%s” 应为6位数字%s。", val, fw)}
	case "gte", "min":
		return Finding{Rule: RuleAmount, Field: path, Severity: Error, Message: fmt.Sprintf("%s 不能为负数，请填写0或正数。", label)}
	}
	return Finding{Rule: RuleRequired, Field: path, Severity: Error, Message: fmt.Sprintf("请填写“%s”。", label)}
}

// report adds a finding from a struct-level rule.
func report(sl validator.StructLevel, rule, field, msg string) {
	sl.ReportError(nil, field, field, rule, msg)
}

// draftRules holds every rule of the call that depends on the category. It
// is registered with the validator as the Draft's struct-level validation.
func draftRules(ctx context.Context, sl validator.StructLevel) {
	env, _ := ctx.Value(envKey{}).(*checkEnv)
	if env == nil {
		return
	}
	d := sl.Current().Addr().Interface().(*Draft)
	call, cat := env.call, env.cat
	if d.CallYear != 0 && d.CallYear != call.Year {
		report(sl, RuleCallYear, "call_year", fmt.Sprintf("此草稿属于%d年度，当前申报通知是%d年度；请核对类别、日期和金额是否符合%d年度通知。", d.CallYear, call.Year, call.Year))
	}
	if cat == nil {
		names := make([]string, len(call.Categories))
		for i, c := range call.Categories {
			names[i] = c.Name
		}
		report(sl, RuleCategory, "category", fmt.Sprintf("项目类别 “%s” 不在%d年度通知中，请从以下类别中选择：%s（通知 一）。", d.Category, call.Year, strings.Join(names, "、")))
		return
	}
	eligibilityRules(sl, call, cat, d)
	scaleRules(sl, cat, d)
	windowRules(sl, cat, d)
	fundingRules(sl, cat, d)
	budgetRules(sl, d)
	contentRules(sl, cat, d)
	if d.Confidential {
		report(sl, RuleConfidential, "confidential", "已声明涉及保密内容：申报书不得通过互联网传送，请事先告知省科协学会学术部，以纸质件报送，不生成电子邮件（通知 二、4）。")
	}
}

func eligibilityRules(sl validator.StructLevel, call *Call, cat *Category, d *Draft) {
	a := &d.Applicant
	typeNames := func(ids []string) string {
		n := make([]string, len(ids))
		for i, id := range ids {
			n[i] = call.ApplicantTypeName(id)
		}
		return strings.Join(n, "、")
	}
	switch {
	case a.Type == "":
		// field.required reports it
	case a.Type == TypeCitySAT:
		report(sl, RuleCitySAT, "applicant.type", fmt.Sprintf("%s不能作为申报单位，只能作为联合申报单位：请由%s申报，并把本科协填入“联合申报单位”（通知 %s）。", call.ApplicantTypeName(TypeCitySAT), typeNames(cat.Eligible), cat.EligibleClause))
	case !cat.IsEligible(a.Type):
		report(sl, RuleEligibility, "applicant.type", fmt.Sprintf("%s不在“%s”的申报范围内，本类别只能由%s申报（通知 %s）。", call.ApplicantTypeName(a.Type), cat.Name, typeNames(cat.Eligible), cat.EligibleClause))
	case cat.NeedsGraduateTraining(a.Type) && !a.GraduateTraining:
		report(sl, RuleGraduateTraining, "applicant.graduate_training", fmt.Sprintf("“%s”须由有研究生培养资格的省内高校申报：请确认并勾选“有研究生培养资格”，否则不能申报（通知 %s）。", cat.Name, cat.EligibleClause))
	}
	if a.Type == TypeProvincialSociety {
		if call.Society.AnnualInspection && !a.AnnualInspection {
			report(sl, RuleAnnualInspection, "applicant.annual_inspection_passed", fmt.Sprintf("申报的省级学会须年检合格：请确认并勾选“年检合格”，未通过年检的学会不能申报（通知 %s）。", call.Society.Clause))
		}
		if call.Society.EvaluationYear > 0 && !a.Evaluation2023 {
			report(sl, RuleEvaluation, "applicant.evaluation_taken", fmt.Sprintf("申报的省级学会须按规定参加省科协%d年度学会评价：请确认并勾选，未参加评价的学会不能申报（通知 %s）。", call.Society.EvaluationYear, call.Society.Clause))
		}
		if len(a.Honours) > 0 {
			hs := make([]string, len(a.Honours))
			for i, h := range a.Honours {
				hs[i] = call.HonourName(h)
			}
			report(sl, RulePriority, "applicant.honours", fmt.Sprintf("已获%s年度%s，属优先支持范围（通知 %s）。", call.PriorityYears, strings.Join(hs, "、"), call.Society.Clause))
		}
	}
	if cat.JointEncouraged && len(d.Joint) == 0 && a.Type != TypeCitySAT {
		report(sl, RuleJointEncouraged, "joint_applicants", fmt.Sprintf("本类别鼓励与地方科协（市（州）、长白山开发区、梅河口市科协）联合申报（通知 %s）。", cat.EligibleClause))
	}
}

func scaleRules(sl validator.StructLevel, cat *Category, d *Draft) {
	if cat.MinParticipants > 0 && d.Project.Participants < cat.MinParticipants {
		report(sl, RuleParticipants, "project.participants", fmt.Sprintf("参会人员须在%d人以上，现在填的是%d人：请把预计参会人数改为不少于%d人（通知 %s）。", cat.MinParticipants, d.Project.Participants, cat.MinParticipants, cat.ScaleClause))
	}
	if cat.MinPapers > 0 && d.Project.Papers < cat.MinPapers {
		report(sl, RulePapers, "project.papers", fmt.Sprintf("须按专题征集论文%d篇以上，现在填的是%d篇：请把征集论文数改为不少于%d篇（通知 %s）。", cat.MinPapers, d.Project.Papers, cat.MinPapers, cat.ScaleClause))
	}
}

func windowRules(sl validator.StructLevel, cat *Category, d *Draft) {
	s, e := d.Project.StartDate, d.Project.EndDate
	ws, we := DateOf(cat.WindowStart), DateOf(cat.WindowEnd)
	win := fmt.Sprintf("%s至%s", ws.Chinese(), we.Chinese())
	if s.IsZero() {
		report(sl, RuleDatesMissing, "project.start_date", fmt.Sprintf("请填写项目开始日期，须在%s之间（通知 %s）。", win, cat.WindowClause))
	}
	if e.IsZero() {
		report(sl, RuleDatesMissing, "project.end_date", fmt.Sprintf("请填写项目结束日期，须在%s之间（通知 %s）。", win, cat.WindowClause))
	}
	if !s.IsZero() && !e.IsZero() && s.After(e) {
		report(sl, RuleDateOrder, "project.end_date", fmt.Sprintf("结束日期%s早于开始日期%s，请改正（通知 %s）。", e.Chinese(), s.Chinese(), cat.WindowClause))
	}
	if !s.IsZero() && (s.Before(ws) || s.After(we)) {
		report(sl, RuleWindow, "project.start_date", fmt.Sprintf("开始日期%s不在项目完成时间%s（%s）内，请改到这段时间之内（通知 %s）。", s.Chinese(), cat.WindowText, win, cat.WindowClause))
	}
	if !e.IsZero() && (e.After(we) || e.Before(ws)) {
		report(sl, RuleWindow, "project.end_date", fmt.Sprintf("结束日期%s不在项目完成时间%s（%s）内，项目须在%s前完成（通知 %s）。", e.Chinese(), cat.WindowText, win, we.Chinese(), cat.WindowClause))
	}
}

func fundingRules(sl validator.StructLevel, cat *Category, d *Draft) {
	req := d.Project.RequestedAmount
	const f = "project.requested_amount"
	switch cat.FundingKind {
	case FundingFixed:
		if req != cat.Funding {
			report(sl, RuleFundingFixed, f, fmt.Sprintf("“%s”的经费额度为%s元/项（%s），申请金额现为%s元，请改为%s元（通知 %s3）。", cat.Name, Thousands(cat.Funding), Capital(cat.Funding), Thousands(req), Thousands(cat.Funding), cat.Clause))
		}
	case FundingVenue:
		v := cat.Venue(d.Venue)
		if v == nil {
			names := make([]string, len(cat.Venues))
			for i, v := range cat.Venues {
				names[i] = v.Name
			}
			report(sl, RuleVenue, "venue", fmt.Sprintf("请选择承办的赛场：%s（通知 %s1、3）。", strings.Join(names, "、"), cat.Clause))
			return
		}
		if req != v.Funding {
			msg := fmt.Sprintf("%s的经费额度为%s元（%s），申请金额现为%s元，请改为%s元（通知 %s3）。", v.Name, Thousands(v.Funding), Capital(v.Funding), Thousands(req), Thousands(v.Funding), cat.Clause)
			if d.Venue == "final" && cat.WinnersSupport > 0 && req == v.Funding+cat.WinnersSupport {
				msg = fmt.Sprintf("决赛申请%s元即可：另外的%s元获奖者参加学术交流活动经费由省科协统筹，不由申报单位申请（通知 %s3）。", Thousands(v.Funding), Thousands(cat.WinnersSupport), cat.Clause)
			}
			report(sl, RuleFundingVenue, f, msg)
		}
	case FundingRange:
		if req < cat.FundingMin || req > cat.FundingMax {
			report(sl, RuleFundingRange, f, fmt.Sprintf("“%s”的经费额度为%s至%s元/项，申请金额现为%s元，请改到这个范围内（通知 %s3）。", cat.Name, Thousands(cat.FundingMin), Thousands(cat.FundingMax), Thousands(req), cat.Clause))
		}
	}
}

func budgetRules(sl validator.StructLevel, d *Draft) {
	b := &d.Budget
	if len(b.Lines) == 0 {
		report(sl, RuleBudgetLines, "budget.lines", "请列出经费支出明细（如会议费、场地费、专家咨询费、差旅费、资料印刷费），每项写明金额（申报书 第五部分）。")
	}
	var sum int64
	for _, l := range b.Lines {
		sum, _ = SumAmounts(sum, l.Amount)
	}
	if len(b.Lines) > 0 && sum != b.Total {
		report(sl, RuleBudgetLinesSum, "budget.total", fmt.Sprintf("支出明细合计%s元，预算总额填的是%s元，相差%s元：请核对明细或把总额改为%s元（申报书 第五部分）。", Thousands(sum), Thousands(b.Total), Thousands(abs(DiffAmounts(sum, b.Total))), Thousands(sum)))
	}
	src, _ := SumAmounts(b.Provincial, b.SelfRaised, b.Other)
	if src != b.Total {
		report(sl, RuleBudgetSourcesSum, "budget.self_raised", fmt.Sprintf("经费来源合计%s元（省科协资助%s元＋自筹%s元＋其他%s元），与预算总额%s元不符，相差%s元：请调整自筹或其他经费（申报书 第五部分）。", Thousands(src), Thousands(b.Provincial), Thousands(b.SelfRaised), Thousands(b.Other), Thousands(b.Total), Thousands(abs(DiffAmounts(src, b.Total)))))
	}
	if b.Provincial != d.Project.RequestedAmount {
		report(sl, RuleBudgetProvincial, "budget.provincial", fmt.Sprintf("预算中的省科协资助%s元与申请金额%s元不一致，请改为相同金额（申报书 第五部分）。", Thousands(b.Provincial), Thousands(d.Project.RequestedAmount)))
	}
	for _, v := range []struct {
		path string
		n    int64
	}{{"budget.provincial", b.Provincial}, {"budget.self_raised", b.SelfRaised}, {"budget.other", b.Other}, {"project.requested_amount", d.Project.RequestedAmount}} {
		if v.n < 0 {
			report(sl, RuleAmount, v.path, fmt.Sprintf("%s不能为负数，请填写0或正数（申报书 第五部分）。", FieldLabel(v.path)))
		}
	}
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

func contentRules(sl validator.StructLevel, cat *Category, d *Draft) {
	if len(cat.FormsAllowed) > 0 && d.Project.Form != "" && !contains(cat.FormsAllowed, d.Project.Form) {
		report(sl, RuleForm, "project.form", fmt.Sprintf("活动形式“%s”不在本类别要求的形式内，请选择%s（通知 %s）。", d.Project.Form, strings.Join(cat.FormsAllowed, "、"), cat.ScaleClause))
	}
	if len(d.Agenda) == 0 {
		report(sl, RuleAgenda, "agenda", "请填写日程安排（日期、时间、内容、报告人），评审时据此了解活动安排（申报书 第四部分）。")
	}
	switch cat.ID {
	case "annual":
		p := d.AnnualMeeting
		if len(cat.FocusAreas) > 0 && !contains(cat.FocusAreas, p.FocusArea) {
			report(sl, RuleAnnualFocus, "annual_meeting.focus_area", fmt.Sprintf("请选择分会场聚焦的领域：%s之一，并说明与年会主题“%s”的关联（通知 %s1）。", quoteJoin(cat.FocusAreas), cat.Theme, cat.Clause))
		}
		if len(p.ExpertGroup) == 0 {
			report(sl, RuleAnnualExperts, "annual_meeting.expert_group", fmt.Sprintf("会前须组成专家组开展产业发展调研、座谈研讨：请至少填写1名专家组成员（通知 %s）。", cat.ScaleClause))
		}
		if strings.TrimSpace(p.ResearchPlan) == "" {
			report(sl, RuleAnnualPlan, "annual_meeting.research_plan", fmt.Sprintf("请填写会前专家组的产业发展调研、座谈研讨计划（时间、地点、对象）（通知 %s）。", cat.ScaleClause))
		}
		if p.ExpectedOutput != "调研报告" && p.ExpectedOutput != "专家建议" {
			report(sl, RuleAnnualOutput, "annual_meeting.expected_output", fmt.Sprintf("请选择会前调研的成果形式：调研报告或专家建议（通知 %s）。", cat.ScaleClause))
		}
	case "forum":
		p := d.Forum
		if len(p.ReviewCommittee) == 0 {
			report(sl, RuleForumCommittee, "forum.review_committee", fmt.Sprintf("须按专题组成评审委员会对论文进行评审：请填写评审委员会成员（通知 %s）。", cat.ScaleClause))
		}
		if !p.OnePaperRule {
			report(sl, RuleForumOnePaper, "forum.one_paper_per_student", fmt.Sprintf("征集办法须写明：研究生以第一作者身份限投1篇论文，不限是否发表；请确认并勾选（通知 %s）。", cat.ScaleClause))
		}
		if !p.AuthorsFirst {
			report(sl, RuleForumAuthorsFirst, "forum.authors_first", fmt.Sprintf("参加论坛代表以提交论文作者优先；请确认并勾选（通知 %s）。", cat.ScaleClause))
		}
	case "speech":
		p := d.Speech
		if len(p.JudgingCommittee) == 0 {
			report(sl, RuleSpeechCommittee, "speech.judging_committee", fmt.Sprintf("承办分赛场须成立评委会组织评选：请填写评委会成员（通知 %s4(2)）。", cat.Clause))
		}
		if !p.MaterialsPPT || !p.MaterialsPaper {
			report(sl, RuleSpeechMaterials, "speech.materials_ppt", fmt.Sprintf("参赛者须提交演讲提纲PPT和演讲依据论文等材料；请确认两项都已要求（通知 %s4(2)）。", cat.Clause))
		}
	case "basic":
		p := d.Basic
		if n := len(p.Conveners); n != cat.Conveners && cat.Conveners > 0 {
			report(sl, RuleBasicConvener, "basic.conveners", fmt.Sprintf("须设学术召集人%d名（由学科带头人或行业领军人担任），现在填了%d名，请改为%d名（通知 %s）。", cat.Conveners, n, cat.Conveners, cat.ScaleClause))
		}
		if len(cat.DisciplineKinds) > 0 && !contains(cat.DisciplineKinds, p.DisciplineKind) {
			report(sl, RuleBasicKind, "basic.discipline_kind", fmt.Sprintf("请选择学科类型：%s（通知 %s1）。", strings.Join(cat.DisciplineKinds, "、"), cat.Clause))
		}
	case "intl":
		p := d.International
		if len(p.ForeignExperts) < cat.MinForeignExperts {
			report(sl, RuleIntlForeign, "international.foreign_experts", fmt.Sprintf("须邀请国外知名院士、专家作报告：请至少填写%d名国外专家（姓名、国家、机构、职称、报告题目）（通知 %s）。", cat.MinForeignExperts, cat.ContentClause))
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func quoteJoin(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = "“" + s + "”"
	}
	return strings.Join(q, "")
}

// timeFindings are the findings that depend on today's date.
func timeFindings(call *Call, d *Draft, opts Options) []Finding {
	if opts.Today.IsZero() || d.IsSelected() {
		// once selected, the application deadline is history; the due
		// dates of the reports take its place (afterFindings)
		return nil
	}
	dl := DateOf(call.Deadline)
	left := opts.Today.DaysUntil(dl)
	var out []Finding
	if left < 0 {
		out = append(out, Finding{Rule: RuleDeadlinePassed, Field: "", Severity: Warning, Message: fmt.Sprintf("申报截止时间%s已过%d天；草稿仍可编辑和导出，逾期报送须先与省科协学会学术部（%s）联系（通知 二、5）。", dl.Chinese(), -left, call.Contact.Phone)})
		return out
	}
	if left == 0 {
		out = append(out, Finding{Rule: RuleDeadline, Severity: Info, Message: fmt.Sprintf("今天（%s）是申报截止日（通知 二、5）。", dl.Chinese())})
	} else {
		out = append(out, Finding{Rule: RuleDeadline, Severity: Info, Message: fmt.Sprintf("距申报截止（%s）还有%d天（通知 二、5）。", dl.Chinese(), left)})
	}
	if call.PostedMustArrive {
		out = append(out, Finding{Rule: RulePosted, Severity: Info, Message: fmt.Sprintf("纸质件%d份（加盖公章）须在%s前寄达或送达%s；邮寄请预留路上时间（通知 二、2、二、5）。", call.PaperCopies, dl.Chinese(), call.Contact.Office)})
	}
	return out
}
