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
	must(registerPartValidations(v))
	v.RegisterStructValidationCtx(draftRules, Draft{})
	return v
}

// Check runs every rule of the call on one draft and returns its findings,
// errors first, then warnings, then info; within a severity in form order.
func Check(call *Call, d *Draft, opts Options) []Finding {
	// Only the part of the draft's own category is checked: a user who
	// switched category keeps the other part's values, unchecked.
	c := *d
	c.Parts = nil
	if p := d.Parts[d.Category]; p != nil {
		c.Parts = map[string]Values{d.Category: p}
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
			out = append(out, toFinding(call, fe))
		}
	} else if err != nil {
		out = append(out, Finding{Rule: RuleRequired, Severity: Error, Message: "草稿无法检查：" + err.Error()})
	}
	if env.cat != nil {
		out = append(out, partFindings(call, env.cat, &c)...)
	}
	out = append(out, timeFindings(call, &c, opts)...)
	out = append(out, afterFindings(call, &c, opts)...)
	if opts.Printable != nil {
		out = append(out, glyphFindings(call, &c, opts.Printable)...)
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
func toFinding(call *Call, fe validator.FieldError) Finding {
	path := strings.TrimPrefix(fe.Namespace(), "Draft.")
	if r, ok := ruleByID[fe.Tag()]; ok {
		return Finding{Rule: r.id, Field: path, Severity: r.sev, Message: fe.Param()}
	}
	label := call.FieldLabel(path)
	val := Shorten(fmt.Sprint(fe.Value()), 40)
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
	if ad, dl := d.Cover.ApplyDate, DateOf(call.Deadline); !ad.IsZero() && ad.After(dl) && !d.IsSelected() {
		report(sl, RuleApplyDate, "cover.apply_date", fmt.Sprintf("封面的申报日期%s晚于申报截止时间%s：申报日期应为报送之日，须在截止时间之前；如确已逾期，请先与%s联系（通知 二、5）。", ad.Chinese(), dl.Chinese(), call.Contact.Department))
	}
	if d.Confidential {
		report(sl, RuleConfidential, "confidential", "已声明涉及保密内容：申报书不得通过互联网传送，请事先告知省科协学会学术部，以纸质件报送，不生成电子邮件（通知 二、4）。")
	}
}

func eligibilityRules(sl validator.StructLevel, call *Call, cat *Category, d *Draft) {
	a := &d.Applicant
	switch {
	case a.Type == "":
		// field.required reports it
	case a.Type == TypeCitySAT:
		report(sl, RuleCitySAT, "applicant.type", fmt.Sprintf("%s不能作为申报单位，只能作为联合申报单位：请由%s申报，并把本科协填入“联合申报单位”（通知 %s）。", call.ApplicantTypeName(TypeCitySAT), typeNames(call, cat.Eligible), cat.EligibleClause))
	case !cat.IsEligible(a.Type):
		report(sl, RuleEligibility, "applicant.type", fmt.Sprintf("%s不在“%s”的申报范围内，本类别只能由%s申报（通知 %s）。", call.ApplicantTypeName(a.Type), cat.Name, typeNames(call, cat.Eligible), cat.EligibleClause))
	case cat.NeedsGraduateTraining(a.Type) && !a.GraduateTraining:
		report(sl, RuleGraduateTraining, "applicant.graduate_training", fmt.Sprintf("“%s”由%s申报时，须有研究生培养资格：请确认并勾选“本单位有研究生培养资格”，没有这项资格的%s不能申报（通知 %s）。", cat.Name, typeNames(call, cat.GraduateTrainingRequired), call.ApplicantTypeName(a.Type), cat.EligibleClause))
	}
	if a.Type == TypeProvincialSociety {
		if call.Society.AnnualInspection && !a.AnnualInspection {
			report(sl, RuleAnnualInspection, "applicant.annual_inspection_passed", fmt.Sprintf("申报的省级学会须年检合格：请确认并勾选“年检合格”，未通过年检的学会不能申报（通知 %s）。", call.Society.Clause))
		}
		if call.Society.EvaluationYear > 0 && !a.Evaluation {
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
	if cat.MaxParticipants > 0 && d.Project.Participants > cat.MaxParticipants {
		report(sl, RuleParticipantsMax, "project.participants", fmt.Sprintf("参会人员不超过%d人，现在填的是%d人：请把预计参会人数改为不超过%d人（通知 %s）。", cat.MaxParticipants, d.Project.Participants, cat.MaxParticipants, cat.ScaleClause))
	}
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
		sum += l.Amount
	}
	if len(b.Lines) > 0 && sum != b.Total {
		report(sl, RuleBudgetLinesSum, "budget.total", fmt.Sprintf("支出明细合计%s元，预算总额填的是%s元，相差%s元：请核对明细或把总额改为%s元（申报书 第五部分）。", Thousands(sum), Thousands(b.Total), Thousands(abs(sum-b.Total)), Thousands(sum)))
	}
	src := b.Provincial + b.SelfRaised + b.Other
	if src != b.Total {
		report(sl, RuleBudgetSourcesSum, "budget.self_raised", fmt.Sprintf("经费来源合计%s元（省科协资助%s元＋自筹%s元＋其他%s元），与预算总额%s元不符，相差%s元：请调整自筹或其他经费（申报书 第五部分）。", Thousands(src), Thousands(b.Provincial), Thousands(b.SelfRaised), Thousands(b.Other), Thousands(b.Total), Thousands(abs(src-b.Total))))
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
	if s, e := d.Project.StartDate, d.Project.EndDate; !s.IsZero() && e.After(s) {
		undated := 0
		for _, a := range d.Agenda {
			if a.Date.IsZero() {
				undated++
			}
		}
		if undated > 0 {
			report(sl, RuleAgendaDates, "agenda", fmt.Sprintf("活动从%s到%s共%d天，日程安排中有%d项没有写日期：请为每一项填写日期，评审据此了解每天的安排（申报书 第四部分）。", s.Chinese(), e.Chinese(), s.DaysUntil(e)+1, undated))
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
