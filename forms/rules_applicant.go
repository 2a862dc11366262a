package forms

import (
	"fmt"
	"strings"
)

// The rules on the category and the applying unit: who may apply, what a
// unit of each type must have, joint applications. What each applicant
// type must have is the call's data ([applicant_types], callfacts.go).

var ruleCategory = ruleDef{
	id: RuleCategory, sev: Error, clause: clauseOf(categoriesClause),
	summary: func(c *Call) string {
		return fmt.Sprintf("项目类别须为本年度通知所设的%d个类别之一", len(c.Categories))
	},
	check: checkCategory, noCategory: true,
}

func checkCategory(r *run) {
	if r.cat != nil {
		return
	}
	names := make([]string, len(r.call.Categories))
	for i, c := range r.call.Categories {
		names[i] = c.Name
	}
	r.report("category", fmt.Sprintf("项目类别 “%s” 不在%d年度通知中，请从以下类别中选择：%s%s。", Shorten(r.d.Category, 20), r.call.Year, strings.Join(names, "、"), r.cite(r.call.Clauses.Categories)))
}

var ruleCallYear = ruleDef{
	id: RuleCallYear, sev: Warning, clause: fixed("通知"), summary: fixed("草稿所属年度须与当前申报通知一致"),
	check: checkCallYear, noCategory: true,
}

func checkCallYear(r *run) {
	if d, call := r.d, r.call; d.CallYear != 0 && d.CallYear != call.Year {
		r.report("call_year", fmt.Sprintf("此草稿属于%d年度，当前申报通知是%d年度；请核对类别、日期和金额是否符合%d年度通知。", d.CallYear, call.Year, call.Year))
	}
}

func hasEligible(cat *Category) bool { return len(cat.Eligible) > 0 }

var ruleEligibility = ruleDef{
	id: RuleEligibility, sev: Error, stated: anyCat(hasEligible),
	clause: catClauses(hasEligible, eligibleClause), summary: fixed("申报单位类型须在该类别的申报范围内"),
	check: checkEligibility,
}

func checkEligibility(r *run) {
	call, cat, t := r.call, r.cat, r.d.Applicant.Type
	if t != "" && !call.JointOnly(t) && hasEligible(cat) && !cat.IsEligible(t) {
		r.report("applicant.type", fmt.Sprintf("%s不在“%s”的申报范围内，本类别只能由%s申报%s。", Shorten(call.ApplicantTypeName(t), 20), cat.Name, typeNames(call, cat.Eligible), r.cite(cat.EligibleClause)))
	}
}

func isJointOnly(t *ApplicantType) bool { return t.JointOnly }

// ruleJointOnly: a type the call marks joint_only (a city SAT in 2024) may
// only be a joint applicant. Its clause is where the categories that
// encourage joint applications name their applicants.
var ruleJointOnly = ruleDef{
	id: RuleCitySAT, sev: Error,
	stated: func(c *Call) bool { return len(c.typesWith(isJointOnly)) > 0 },
	clause: catClauses(func(cat *Category) bool { return cat.JointEncouraged }, jointClause),
	summary: func(c *Call) string {
		return typeNames(c, c.typesWith(isJointOnly)) + "只能作为联合申报单位"
	},
	check: checkJointOnly,
}

func checkJointOnly(r *run) {
	call, cat, t := r.call, r.cat, r.d.Applicant.Type
	if call.JointOnly(t) {
		cl := cat.EligibleClause
		if cat.JointEncouraged {
			cl = jointClause(cat)
		}
		r.report("applicant.type", fmt.Sprintf("%s不能作为申报单位，只能作为联合申报单位：请由%s申报，并把本单位填入“联合申报单位”%s。", call.ApplicantTypeName(t), typeNames(call, cat.Eligible), r.cite(cl)))
	}
}

func needsGraduate(cat *Category) bool { return len(cat.GraduateTrainingRequired) > 0 }

var ruleGraduateTraining = ruleDef{
	id: RuleGraduateTraining, sev: Error,
	stated: func(c *Call) bool { return c.AsksGraduateTraining() },
	clause: catClauses(needsGraduate, eligibleClause),
	summary: func(c *Call) string {
		s := perCategory(c, needsGraduate, func(cat *Category) string {
			return "由" + typeNames(c, cat.GraduateTrainingRequired) + "申报时，须有研究生培养资格"
		})
		if all := c.typesWith(func(t *ApplicantType) bool { return t.GraduateTraining }); len(all) > 0 {
			if s != "" {
				s += "；"
			}
			s += typeNames(c, all) + "申报时，须有研究生培养资格"
		}
		return s
	},
	check: checkGraduateTraining,
}

func checkGraduateTraining(r *run) {
	call, cat, a := r.call, r.cat, &r.d.Applicant
	if a.GraduateTraining || a.Type == "" {
		return
	}
	switch {
	case cat.IsEligible(a.Type) && cat.NeedsGraduateTraining(a.Type):
		r.report("applicant.graduate_training", fmt.Sprintf("“%s”由%s申报时，须有研究生培养资格：请确认并勾选“本单位有研究生培养资格”，没有这项资格的%s不能申报%s。", cat.Name, typeNames(call, cat.GraduateTrainingRequired), call.ApplicantTypeName(a.Type), r.cite(cat.EligibleClause)))
	case call.typeFlag(a.Type, func(t *ApplicantType) bool { return t.GraduateTraining }):
		r.report("applicant.graduate_training", fmt.Sprintf("%s申报时须有研究生培养资格：请确认并勾选“本单位有研究生培养资格”%s。", call.ApplicantTypeName(a.Type), r.cite(call.typeClause(a.Type))))
	}
}

func encouragesJoint(cat *Category) bool { return cat.JointEncouraged }

// jointPartners is how a category names the partners it encourages.
func jointPartners(c *Call, cat *Category) string {
	names := typeNames(c, cat.JointWith)
	switch {
	case cat.JointWithText != "" && names != "":
		return cat.JointWithText + "（" + names + "）"
	case cat.JointWithText != "":
		return cat.JointWithText
	case names != "":
		return names
	}
	return "其他单位"
}

var ruleJointEncouraged = ruleDef{
	id: RuleJointEncouraged, sev: Info, stated: anyCat(encouragesJoint),
	clause: catClauses(encouragesJoint, jointClause),
	summary: func(c *Call) string {
		return perCategory(c, encouragesJoint, func(cat *Category) string {
			p := cat.JointWithText
			if p == "" {
				p = typeNames(c, cat.JointWith)
			}
			return "：鼓励与" + p + "联合申报"
		})
	},
	check: checkJointEncouraged,
}

func checkJointEncouraged(r *run) {
	if cat, d := r.cat, r.d; cat.JointEncouraged && len(d.Joint) == 0 && !r.call.JointOnly(d.Applicant.Type) {
		r.report("joint_applicants", fmt.Sprintf("本类别鼓励与%s联合申报%s。", jointPartners(r.call, cat), r.cite(jointClause(cat))))
	}
}

var ruleJointLead = ruleDef{
	id: RuleJointLead, sev: Error, stated: func(c *Call) bool { return c.JointLeadRequired },
	clause:  func(c *Call) string { return c.JointLeadClause },
	summary: fixed("两个以上单位联合申报的项目须注明牵头单位"),
	check:   checkJointLead,
}

func checkJointLead(r *run) {
	d := r.d
	if !r.call.JointLeadRequired || len(d.Joint) == 0 {
		return
	}
	lead := UnitKey(d.LeadUnit)
	if lead == "" {
		r.report("lead_unit", "联合申报的项目须注明牵头单位：请填写牵头单位（申报单位或联合申报单位之一）"+r.cite(r.call.JointLeadClause)+"。")
		return
	}
	if lead == UnitKey(d.Applicant.Name) {
		return
	}
	for _, j := range d.Joint {
		if lead == UnitKey(j.Name) {
			return
		}
	}
	r.report("lead_unit", fmt.Sprintf("牵头单位“%s”既不是申报单位，也不是联合申报单位：请填写其中之一的名称%s。", Shorten(d.LeadUnit, 30), r.cite(r.call.JointLeadClause)))
}

func isInspected(t *ApplicantType) bool { return t.AnnualInspection }
func isEvaluated(t *ApplicantType) bool { return t.Evaluation }

var ruleAnnualInspection = ruleDef{
	id: RuleAnnualInspection, sev: Error,
	stated:  func(c *Call) bool { return c.AsksAnnualInspection() },
	clause:  func(c *Call) string { return typeClauses(c, isInspected) },
	summary: func(c *Call) string { return "申报的" + typeNames(c, c.typesWith(isInspected)) + "须年检合格" },
	check:   checkAnnualInspection,
}

// typeClauses joins the clauses of the types with a behaviour.
func typeClauses(c *Call, has func(*ApplicantType) bool) string {
	var out []string
	for _, id := range c.typesWith(has) {
		if cl := c.typeClause(id); cl != "" && !contains(out, cl) {
			out = append(out, cl)
		}
	}
	return strings.Join(out, "、")
}

func checkAnnualInspection(r *run) {
	call, a := r.call, &r.d.Applicant
	if call.NeedsAnnualInspection(a.Type) && !a.AnnualInspection {
		r.report("applicant.annual_inspection_passed", fmt.Sprintf("申报的%s须年检合格：请确认并勾选“年检合格”，未通过年检的%s不能申报%s。", call.ApplicantTypeName(a.Type), call.ApplicantTypeName(a.Type), r.cite(call.typeClause(a.Type))))
	}
}

var ruleEvaluation = ruleDef{
	id: RuleEvaluation, sev: Error,
	stated: func(c *Call) bool { return c.AsksEvaluation() },
	clause: func(c *Call) string { return typeClauses(c, isEvaluated) },
	summary: func(c *Call) string {
		return fmt.Sprintf("申报的%s须按规定参加%s%d年度学会评价", typeNames(c, c.typesWith(isEvaluated)), c.Funder(), c.Society.EvaluationYear)
	},
	check: checkEvaluation,
}

func checkEvaluation(r *run) {
	call, a := r.call, &r.d.Applicant
	if call.NeedsEvaluation(a.Type) && !a.Evaluation {
		r.report("applicant.evaluation_taken", fmt.Sprintf("申报的%s须按规定参加%s%d年度学会评价：请确认并勾选，未参加评价的%s不能申报%s。", call.ApplicantTypeName(a.Type), call.Funder(), call.Society.EvaluationYear, call.ApplicantTypeName(a.Type), r.cite(call.typeClause(a.Type))))
	}
}

func claimsHonours(t *ApplicantType) bool { return t.Honours }

var rulePriority = ruleDef{
	id: RulePriority, sev: Info,
	stated: func(c *Call) bool { return c.AsksHonours() },
	clause: func(c *Call) string { return typeClauses(c, claimsHonours) },
	summary: func(c *Call) string {
		n := make([]string, len(c.Honours))
		for i, h := range c.Honours {
			n[i] = h.Name
		}
		years := ""
		if c.PriorityYears != "" {
			years = c.PriorityYears + "年度"
		}
		return years + strings.Join(n, "、") + "优先支持"
	},
	check: checkPriority,
}

func checkPriority(r *run) {
	call, a := r.call, &r.d.Applicant
	if !call.MayClaimHonours(a.Type) || len(a.Honours) == 0 {
		return
	}
	hs := make([]string, len(a.Honours))
	for i, h := range a.Honours {
		hs[i] = Shorten(call.HonourName(h), 20)
	}
	years := ""
	if call.PriorityYears != "" {
		years = call.PriorityYears + "年度"
	}
	r.report("applicant.honours", fmt.Sprintf("已获%s%s，属优先支持范围%s。", years, strings.Join(hs, "、"), r.cite(call.typeClause(a.Type))))
}
