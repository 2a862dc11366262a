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

// run is one check of one draft: what every rule's check reads, and where
// it reports. The registry (rules.go) runs each rule's check in turn with
// rule set to that rule.
type run struct {
	call *Call
	cat  *Category // nil when the draft's category is not in the call
	d    *Draft
	opts Options
	rule *ruleDef
	out  []Finding
}

// report adds a finding of the rule being checked, with its severity.
func (r *run) report(field, msg string) { r.reportAs(r.rule.sev, field, msg) }

// reportAs adds a finding of the rule being checked with another severity
// (a reminder that becomes a warning once overdue, say).
func (r *run) reportAs(sev Severity, field, msg string) {
	r.out = append(r.out, Finding{Rule: r.rule.id, Field: field, Severity: sev, Message: msg})
}

// add adds findings some other function made, keeping only the rule's own.
func (r *run) add(fs []Finding) {
	for _, f := range fs {
		if f.Rule == r.rule.id {
			r.out = append(r.out, f)
		}
	}
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
	v.RegisterStructValidationCtx(runRegistry, Draft{})
	return v
}

// Check runs every rule of the call on one draft and returns its findings,
// errors first, then warnings, then info; within a severity in form order.
// The fields' own constraints are go-playground/validator's: the struct tags
// of the common parts, and the rules compiled from the call's declaration of
// the category's part (ValidateMap). The call's other rules are the
// registry's (rules.go), run as the Draft's struct-level validation.
func Check(call *Call, d *Draft, opts Options) []Finding {
	// Only the part of the draft's own category is checked: a user who
	// switched category keeps the other part's values, unchecked.
	c := *d
	c.Parts = nil
	if p := d.Parts[d.Category]; p != nil {
		c.Parts = map[string]Values{d.Category: p}
	}
	c.EnsurePart()
	r := &run{call: call, cat: call.Category(d.Category), d: &c, opts: opts}
	ctx := context.WithValue(context.Background(), envKey{}, r)
	var out []Finding
	err := validate.StructCtx(ctx, &c)
	var verrs validator.ValidationErrors
	if errors.As(err, &verrs) {
		out = make([]Finding, 0, len(verrs)+len(r.out))
		for _, fe := range verrs {
			out = append(out, toFinding(call, fe))
		}
	} else if err != nil {
		out = append(out, Finding{Rule: RuleRequired, Severity: Error, Message: "草稿无法检查：" + err.Error()})
	}
	out = append(out, r.out...)
	if r.cat != nil {
		out = append(out, partFindings(call, r.cat, &c)...)
	}
	out = append(out, declaredFindings(call, &c)...) // the call file's [[rules]] (rules_declared.go)
	SortFindings(out)
	return out
}

// runRegistry is the Draft's struct-level validation: every rule of the
// registry that has a check, in the registry's order.
func runRegistry(ctx context.Context, _ validator.StructLevel) {
	r, _ := ctx.Value(envKey{}).(*run)
	if r == nil {
		return
	}
	for i := range registry {
		e := &registry[i]
		if e.check == nil || r.cat == nil && !e.noCategory {
			continue
		}
		r.rule = e
		e.check(r)
	}
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
	return Finding{Rule: RuleRequired, Field: path, Severity: Error, Message: fmt.Sprintf("请填写%s。", label)}
}

// The checks of the application's rules, one function a rule, in the
// registry's order (rules.go names each with its rule).

func checkCallYear(r *run) {
	if d, call := r.d, r.call; d.CallYear != 0 && d.CallYear != call.Year {
		r.report("call_year", fmt.Sprintf("此草稿属于%d年度，当前申报通知是%d年度；请核对类别、日期和金额是否符合%d年度通知。", d.CallYear, call.Year, call.Year))
	}
}

func checkCategory(r *run) {
	if r.cat != nil {
		return
	}
	names := make([]string, len(r.call.Categories))
	for i, c := range r.call.Categories {
		names[i] = c.Name
	}
	r.report("category", fmt.Sprintf("项目类别 “%s” 不在%d年度通知中，请从以下类别中选择：%s（通知 一）。", Shorten(r.d.Category, 20), r.call.Year, strings.Join(names, "、")))
}

func checkCitySAT(r *run) {
	call, cat := r.call, r.cat
	if r.d.Applicant.Type == TypeCitySAT {
		r.report("applicant.type", fmt.Sprintf("%s不能作为申报单位，只能作为联合申报单位：请由%s申报，并把本科协填入“联合申报单位”（通知 %s）。", call.ApplicantTypeName(TypeCitySAT), typeNames(call, cat.Eligible), cat.EligibleClause))
	}
}

func checkEligibility(r *run) {
	call, cat, t := r.call, r.cat, r.d.Applicant.Type
	if t != "" && t != TypeCitySAT && !cat.IsEligible(t) {
		r.report("applicant.type", fmt.Sprintf("%s不在“%s”的申报范围内，本类别只能由%s申报（通知 %s）。", Shorten(call.ApplicantTypeName(t), 20), cat.Name, typeNames(call, cat.Eligible), cat.EligibleClause))
	}
}

func checkGraduateTraining(r *run) {
	call, cat, a := r.call, r.cat, &r.d.Applicant
	if cat.IsEligible(a.Type) && cat.NeedsGraduateTraining(a.Type) && !a.GraduateTraining {
		r.report("applicant.graduate_training", fmt.Sprintf("“%s”由%s申报时，须有研究生培养资格：请确认并勾选“本单位有研究生培养资格”，没有这项资格的%s不能申报（通知 %s）。", cat.Name, typeNames(call, cat.GraduateTrainingRequired), call.ApplicantTypeName(a.Type), cat.EligibleClause))
	}
}

func checkAnnualInspection(r *run) {
	call, a := r.call, &r.d.Applicant
	if a.Type == TypeProvincialSociety && call.Society.AnnualInspection && !a.AnnualInspection {
		r.report("applicant.annual_inspection_passed", fmt.Sprintf("申报的省级学会须年检合格：请确认并勾选“年检合格”，未通过年检的学会不能申报（通知 %s）。", call.Society.Clause))
	}
}

func checkEvaluation(r *run) {
	call, a := r.call, &r.d.Applicant
	if a.Type == TypeProvincialSociety && call.Society.EvaluationYear > 0 && !a.Evaluation {
		r.report("applicant.evaluation_taken", fmt.Sprintf("申报的省级学会须按规定参加省科协%d年度学会评价：请确认并勾选，未参加评价的学会不能申报（通知 %s）。", call.Society.EvaluationYear, call.Society.Clause))
	}
}

func checkPriority(r *run) {
	call, a := r.call, &r.d.Applicant
	if a.Type != TypeProvincialSociety || len(a.Honours) == 0 {
		return
	}
	hs := make([]string, len(a.Honours))
	for i, h := range a.Honours {
		hs[i] = Shorten(call.HonourName(h), 20)
	}
	r.report("applicant.honours", fmt.Sprintf("已获%s年度%s，属优先支持范围（通知 %s）。", call.PriorityYears, strings.Join(hs, "、"), call.Society.Clause))
}

func checkJointEncouraged(r *run) {
	if cat, d := r.cat, r.d; cat.JointEncouraged && len(d.Joint) == 0 && d.Applicant.Type != TypeCitySAT {
		r.report("joint_applicants", fmt.Sprintf("本类别鼓励与地方科协（%s）联合申报（通知 %s）。", r.call.ApplicantTypeName(TypeCitySAT), cat.EligibleClause))
	}
}

func checkParticipantsMax(r *run) {
	if cat, n := r.cat, r.d.Project.Participants; cat.MaxParticipants > 0 && n > cat.MaxParticipants {
		r.report("project.participants", fmt.Sprintf("参会人员不超过%d人，现在填的是%d人：请把预计参会人数改为不超过%d人（通知 %s）。", cat.MaxParticipants, n, cat.MaxParticipants, cat.ScaleClause))
	}
}

func checkParticipants(r *run) {
	if cat, n := r.cat, r.d.Project.Participants; cat.MinParticipants > 0 && n < cat.MinParticipants {
		r.report("project.participants", fmt.Sprintf("参会人员须在%d人以上，现在填的是%d人：请把预计参会人数改为不少于%d人（通知 %s）。", cat.MinParticipants, n, cat.MinParticipants, cat.ScaleClause))
	}
}

func checkPapers(r *run) {
	if cat, n := r.cat, r.d.Project.Papers; cat.MinPapers > 0 && n < cat.MinPapers {
		r.report("project.papers", fmt.Sprintf("须按专题征集论文%d篇以上，现在填的是%d篇：请把征集论文数改为不少于%d篇（通知 %s）。", cat.MinPapers, n, cat.MinPapers, cat.ScaleClause))
	}
}

// window is the category's completion window, as the messages write it.
func window(cat *Category) (ws, we Date, text string) {
	ws, we = DateOf(cat.WindowStart), DateOf(cat.WindowEnd)
	return ws, we, fmt.Sprintf("%s至%s", ws.Chinese(), we.Chinese())
}

func checkDatesMissing(r *run) {
	cat, p := r.cat, &r.d.Project
	_, _, win := window(cat)
	if p.StartDate.IsZero() {
		r.report("project.start_date", fmt.Sprintf("请填写项目开始日期，须在%s之间（通知 %s）。", win, cat.WindowClause))
	}
	if p.EndDate.IsZero() {
		r.report("project.end_date", fmt.Sprintf("请填写项目结束日期，须在%s之间（通知 %s）。", win, cat.WindowClause))
	}
}

func checkDateOrder(r *run) {
	if s, e := r.d.Project.StartDate, r.d.Project.EndDate; !s.IsZero() && !e.IsZero() && s.After(e) {
		r.report("project.end_date", fmt.Sprintf("结束日期%s早于开始日期%s，请改正（通知 %s）。", e.Chinese(), s.Chinese(), r.cat.WindowClause))
	}
}

func checkWindow(r *run) {
	cat := r.cat
	s, e := r.d.Project.StartDate, r.d.Project.EndDate
	ws, we, win := window(cat)
	if !s.IsZero() && (s.Before(ws) || s.After(we)) {
		r.report("project.start_date", fmt.Sprintf("开始日期%s不在项目完成时间%s（%s）内，请改到这段时间之内（通知 %s）。", s.Chinese(), cat.WindowText, win, cat.WindowClause))
	}
	if !e.IsZero() && (e.After(we) || e.Before(ws)) {
		r.report("project.end_date", fmt.Sprintf("结束日期%s不在项目完成时间%s（%s）内，项目须在%s前完成（通知 %s）。", e.Chinese(), cat.WindowText, win, we.Chinese(), cat.WindowClause))
	}
}

func checkVenue(r *run) {
	cat := r.cat
	if cat.FundingKind != FundingVenue || cat.Venue(r.d.Venue) != nil {
		return
	}
	names := make([]string, len(cat.Venues))
	for i, v := range cat.Venues {
		names[i] = v.Name
	}
	r.report("venue", fmt.Sprintf("请选择承办的赛场：%s（通知 %s1、3）。", strings.Join(names, "、"), cat.Clause))
}

func checkFundingFixed(r *run) {
	if cat, req := r.cat, r.d.Project.RequestedAmount; cat.FundingKind == FundingFixed && req != cat.Funding {
		r.report("project.requested_amount", fmt.Sprintf("“%s”的经费额度为%s元/项（%s），申请金额现为%s元，请改为%s元（通知 %s3）。", cat.Name, Thousands(cat.Funding), Capital(cat.Funding), Thousands(req), Thousands(cat.Funding), cat.Clause))
	}
}

func checkFundingVenue(r *run) {
	cat, d := r.cat, r.d
	req := d.Project.RequestedAmount
	v := cat.Venue(d.Venue)
	if cat.FundingKind != FundingVenue || v == nil || req == v.Funding {
		return
	}
	msg := fmt.Sprintf("%s的经费额度为%s元（%s），申请金额现为%s元，请改为%s元（通知 %s3）。", v.Name, Thousands(v.Funding), Capital(v.Funding), Thousands(req), Thousands(v.Funding), cat.Clause)
	if cat.WinnersSupport > 0 && v.ID == cat.WinnersVenue && req == v.Funding+cat.WinnersSupport {
		msg = fmt.Sprintf("%s申请%s元即可：另外的%s元获奖者参加学术交流活动经费由省科协统筹，不由申报单位申请（通知 %s3）。", v.Name, Thousands(v.Funding), Thousands(cat.WinnersSupport), cat.Clause)
	}
	r.report("project.requested_amount", msg)
}

func checkFundingRange(r *run) {
	if cat, req := r.cat, r.d.Project.RequestedAmount; cat.FundingKind == FundingRange && (req < cat.FundingMin || req > cat.FundingMax) {
		r.report("project.requested_amount", fmt.Sprintf("“%s”的经费额度为%s至%s元/项，申请金额现为%s元，请改到这个范围内（通知 %s3）。", cat.Name, Thousands(cat.FundingMin), Thousands(cat.FundingMax), Thousands(req), cat.Clause))
	}
}

func checkBudgetProvincial(r *run) {
	if b, req := &r.d.Budget, r.d.Project.RequestedAmount; b.Provincial != req {
		r.report("budget.provincial", fmt.Sprintf("预算中的省科协资助%s元与申请金额%s元不一致，请改为相同金额（申报书 第五部分）。", Thousands(b.Provincial), Thousands(req)))
	}
}

func checkBudgetLines(r *run) {
	if len(r.d.Budget.Lines) == 0 {
		r.report("budget.lines", "请列出经费支出明细（如会议费、场地费、专家咨询费、差旅费、资料印刷费），每项写明金额（申报书 第五部分）。")
	}
}

func checkBudgetLinesSum(r *run) {
	b := &r.d.Budget
	if len(b.Lines) == 0 {
		return
	}
	var sum int64
	for _, l := range b.Lines {
		sum, _ = SumAmounts(sum, l.Amount)
	}
	if sum != b.Total {
		r.report("budget.total", fmt.Sprintf("支出明细合计%s元，预算总额填的是%s元，相差%s元：请核对明细或把总额改为%s元（申报书 第五部分）。", Thousands(sum), Thousands(b.Total), Thousands(abs(DiffAmounts(sum, b.Total))), Thousands(sum)))
	}
}

func checkBudgetSourcesSum(r *run) {
	b := &r.d.Budget
	if src, _ := SumAmounts(b.Provincial, b.SelfRaised, b.Other); src != b.Total {
		r.report("budget.self_raised", fmt.Sprintf("经费来源合计%s元（省科协资助%s元＋自筹%s元＋其他%s元），与预算总额%s元不符，相差%s元：请调整自筹或其他经费（申报书 第五部分）。", Thousands(src), Thousands(b.Provincial), Thousands(b.SelfRaised), Thousands(b.Other), Thousands(b.Total), Thousands(abs(DiffAmounts(src, b.Total)))))
	}
}

// checkAmount is the negative amounts of the budget and of the final
// accounts (a budget line's own negative amount is its struct tag's).
func checkAmount(r *run) {
	d := r.d
	b := &d.Budget
	for _, v := range []struct {
		path string
		n    int64
	}{{"budget.provincial", b.Provincial}, {"budget.self_raised", b.SelfRaised}, {"budget.other", b.Other}, {"project.requested_amount", d.Project.RequestedAmount}} {
		if v.n < 0 {
			r.report(v.path, fmt.Sprintf("%s不能为负数，请填写0或正数（申报书 第五部分）。", FieldLabel(v.path)))
		}
	}
	if d.IsSelected() && d.Reports != nil && d.Reports.Accounts != nil {
		r.add(accountsFindings(d, d.Reports.Accounts))
	}
}

func checkForm(r *run) {
	if cat, form := r.cat, r.d.Project.Form; len(cat.FormsAllowed) > 0 && form != "" && !contains(cat.FormsAllowed, form) {
		r.report("project.form", fmt.Sprintf("活动形式“%s”不在本类别要求的形式内，请选择%s（通知 %s）。", Shorten(form, 20), strings.Join(cat.FormsAllowed, "、"), cat.ScaleClause))
	}
}

func checkAgenda(r *run) {
	if len(r.d.Agenda) == 0 {
		r.report("agenda", "请填写日程安排（日期、时间、内容、报告人），评审时据此了解活动安排（申报书 第四部分）。")
	}
}

func checkAgendaDates(r *run) {
	d := r.d
	s, e := d.Project.StartDate, d.Project.EndDate
	if s.IsZero() || !e.After(s) {
		return
	}
	undated := 0
	for _, a := range d.Agenda {
		if a.Date.IsZero() {
			undated++
		}
	}
	if undated > 0 {
		r.report("agenda", fmt.Sprintf("活动从%s到%s共%d天，日程安排中有%d项没有写日期：请为每一项填写日期，评审据此了解每天的安排（申报书 第四部分）。", s.Chinese(), e.Chinese(), s.DaysUntil(e)+1, undated))
	}
}

func checkApplyDate(r *run) {
	if ad, dl := r.d.Cover.ApplyDate, DateOf(r.call.Deadline); !ad.IsZero() && ad.After(dl) && !r.d.IsSelected() {
		r.report("cover.apply_date", fmt.Sprintf("封面的申报日期%s晚于申报截止时间%s：申报日期应为报送之日，须在截止时间之前；如确已逾期，请先与%s联系（通知 %s）。", ad.Chinese(), dl.Chinese(), r.call.Contact.Department, r.call.Clauses.Deadline))
	}
}

func checkConfidential(r *run) {
	if r.d.Confidential {
		r.report("confidential", "已声明涉及保密内容：申报书不得通过互联网传送，请事先告知省科协学会学术部，以纸质件报送，不生成电子邮件（通知 "+r.call.Clauses.Confidential+"）。")
	}
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// daysToDeadline is the days left until the deadline, and whether the
// deadline findings apply at all: not without a date, and not once the
// draft is selected (the due dates of the reports take their place).
func daysToDeadline(r *run) (left int, dl Date, ok bool) {
	if r.opts.Today.IsZero() || r.d.IsSelected() {
		return 0, Date{}, false
	}
	dl = DateOf(r.call.Deadline)
	return r.opts.Today.DaysUntil(dl), dl, true
}

func checkDeadline(r *run) {
	left, dl, ok := daysToDeadline(r)
	switch {
	case !ok || left < 0:
	case left == 0:
		r.report("", fmt.Sprintf("今天（%s）是申报截止日（通知 %s）。", dl.Chinese(), r.call.Clauses.Deadline))
	default:
		r.report("", fmt.Sprintf("距申报截止（%s）还有%d天（通知 %s）。", dl.Chinese(), left, r.call.Clauses.Deadline))
	}
}

func checkDeadlinePassed(r *run) {
	if left, dl, ok := daysToDeadline(r); ok && left < 0 {
		r.report("", fmt.Sprintf("申报截止时间%s已过%d天；草稿仍可编辑和导出，逾期报送须先与%s（%s）联系（通知 %s）。", dl.Chinese(), -left, r.call.Contact.Department, r.call.Contact.Phone, r.call.Clauses.Deadline))
	}
}

func checkPosted(r *run) {
	if left, dl, ok := daysToDeadline(r); ok && left >= 0 && r.call.PostedMustArrive {
		r.report("", fmt.Sprintf("纸质件%d份（加盖公章）须在%s前寄达或送达%s；邮寄请预留路上时间（通知 %s）。", r.call.PaperCopies, dl.Chinese(), r.call.Contact.Office, r.call.Clauses.Posted()))
	}
}

func checkGlyph(r *run) {
	if r.opts.Printable != nil {
		r.out = append(r.out, glyphFindings(r.call, r.d, r.opts.Printable)...)
	}
}
