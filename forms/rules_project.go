package forms

import (
	"fmt"
	"strings"
)

// The rules on the project: scale, dates and completion window, the form
// of activity, the agenda. Each applies only where the call states its
// fact (a minimum, a window, the allowed forms).

func hasMinParticipants(cat *Category) bool { return cat.MinParticipants > 0 }
func hasMaxParticipants(cat *Category) bool { return cat.MaxParticipants > 0 }
func hasMinPapers(cat *Category) bool       { return cat.MinPapers > 0 }
func hasForms(cat *Category) bool           { return len(cat.FormsAllowed) > 0 }

var ruleParticipants = ruleDef{
	id: RuleParticipants, sev: Error, stated: anyCat(hasMinParticipants),
	clause: catClauses(hasMinParticipants, scaleClause),
	summary: func(c *Call) string {
		return "参会人数不少于该类别的最低人数（" + perCategory(c, hasMinParticipants, func(cat *Category) string {
			return fmt.Sprintf("%d人", cat.MinParticipants)
		}) + "）"
	},
	check: checkParticipants,
}

func checkParticipants(r *run) {
	if cat, n := r.cat, r.d.Project.Participants; cat.MinParticipants > 0 && n < cat.MinParticipants {
		r.report("project.participants", fmt.Sprintf("参会人员须在%d人以上，现在填的是%d人：请把预计参会人数改为不少于%d人%s。", cat.MinParticipants, n, cat.MinParticipants, r.cite(cat.ScaleClause)))
	}
}

var ruleParticipantsMax = ruleDef{
	id: RuleParticipantsMax, sev: Error, stated: anyCat(hasMaxParticipants),
	clause: catClauses(hasMaxParticipants, scaleClause),
	summary: func(c *Call) string {
		return "参会人数不超过该类别的上限（" + perCategory(c, hasMaxParticipants, func(cat *Category) string {
			return fmt.Sprintf("%d人", cat.MaxParticipants)
		}) + "）"
	},
	check: checkParticipantsMax,
}

func checkParticipantsMax(r *run) {
	if cat, n := r.cat, r.d.Project.Participants; cat.MaxParticipants > 0 && n > cat.MaxParticipants {
		r.report("project.participants", fmt.Sprintf("参会人员不超过%d人，现在填的是%d人：请把预计参会人数改为不超过%d人%s。", cat.MaxParticipants, n, cat.MaxParticipants, r.cite(cat.ScaleClause)))
	}
}

var rulePapers = ruleDef{
	id: RulePapers, sev: Error, stated: anyCat(hasMinPapers),
	clause: catClauses(hasMinPapers, scaleClause),
	summary: func(c *Call) string {
		return perCategory(c, hasMinPapers, func(cat *Category) string {
			return fmt.Sprintf("须征集论文%d篇以上", cat.MinPapers)
		})
	},
	check: checkPapers,
}

func checkPapers(r *run) {
	if cat, n := r.cat, r.d.Project.Papers; cat.MinPapers > 0 && n < cat.MinPapers {
		r.report("project.papers", fmt.Sprintf("须按专题征集论文%d篇以上，现在填的是%d篇：请把征集论文数改为不少于%d篇%s。", cat.MinPapers, n, cat.MinPapers, r.cite(cat.ScaleClause)))
	}
}

// window is the category's completion window, as the messages write it.
func window(cat *Category) (ws, we Date, text string) {
	ws, we = DateOf(cat.WindowStart), DateOf(cat.WindowEnd)
	return ws, we, fmt.Sprintf("%s至%s", ws.Chinese(), we.Chinese())
}

func hasWindow(cat *Category) bool { return cat.HasWindow() }

// ruleDatesMissing: the form asks the dates of every project (the due
// dates after the event are counted from them); where the call states a
// window, the message gives it.
var ruleDatesMissing = ruleDef{
	id: RuleDatesMissing, sev: Error, clause: catClauses(hasWindow, windowClause), summary: fixed("须填写项目开始和结束日期"),
	check: checkDatesMissing,
}

func checkDatesMissing(r *run) {
	cat, p := r.cat, &r.d.Project
	if !p.StartDate.IsZero() && !p.EndDate.IsZero() {
		return
	}
	within := ""
	if cat.HasWindow() && !cat.WindowPreferred {
		_, _, win := window(cat)
		within = "，须在" + win + "之间"
	}
	if p.StartDate.IsZero() {
		r.report("project.start_date", "请填写项目开始日期"+within+r.cite(cat.WindowClause)+"。")
	}
	if p.EndDate.IsZero() {
		r.report("project.end_date", "请填写项目结束日期"+within+r.cite(cat.WindowClause)+"。")
	}
}

var ruleDateOrder = ruleDef{
	id: RuleDateOrder, sev: Error, clause: catClauses(hasWindow, windowClause), summary: fixed("开始日期不能晚于结束日期"),
	check: checkDateOrder,
}

func checkDateOrder(r *run) {
	if s, e := r.d.Project.StartDate, r.d.Project.EndDate; !s.IsZero() && !e.IsZero() && s.After(e) {
		r.report("project.end_date", fmt.Sprintf("结束日期%s早于开始日期%s，请改正%s。", e.Chinese(), s.Chinese(), r.cite(r.cat.WindowClause)))
	}
}

var ruleWindow = ruleDef{
	id: RuleWindow, sev: Error, stated: anyCat(hasWindow), clause: catClauses(hasWindow, windowClause),
	summary: func(c *Call) string {
		return "项目须在该类别的完成时间内举办（" + perCategory(c, hasWindow, func(cat *Category) string {
			if cat.WindowPreferred {
				return cat.WindowText + "期间的活动优先考虑"
			}
			return cat.WindowText
		}) + "）"
	},
	check: checkWindow,
}

func checkWindow(r *run) {
	cat := r.cat
	if !cat.HasWindow() {
		return
	}
	s, e := r.d.Project.StartDate, r.d.Project.EndDate
	ws, we := DateOf(cat.WindowStart), DateOf(cat.WindowEnd)
	sOut, eOut := !s.IsZero() && (s.Before(ws) || s.After(we)), !e.IsZero() && (e.After(we) || e.Before(ws))
	if !sOut && !eOut {
		return
	}
	_, _, win := window(cat)
	if cat.WindowPreferred {
		if !s.IsZero() && !e.IsZero() && (s.Before(ws) || e.After(we)) {
			r.reportAs(Info, "project.start_date", fmt.Sprintf("%s（%s）期间举办的活动优先考虑；本项目在%s至%s举办%s。", cat.WindowText, win, s.Chinese(), e.Chinese(), r.cite(cat.WindowClause)))
		}
		return
	}
	if sOut {
		r.report("project.start_date", fmt.Sprintf("开始日期%s不在项目完成时间%s（%s）内，请改到这段时间之内%s。", s.Chinese(), cat.WindowText, win, r.cite(cat.WindowClause)))
	}
	if eOut {
		r.report("project.end_date", fmt.Sprintf("结束日期%s不在项目完成时间%s（%s）内，项目须在%s前完成%s。", e.Chinese(), cat.WindowText, win, we.Chinese(), r.cite(cat.WindowClause)))
	}
}

var ruleForm = ruleDef{
	id: RuleForm, sev: Error, stated: anyCat(hasForms), clause: catClauses(hasForms, scaleClause),
	summary: func(c *Call) string {
		return "活动形式须为该类别允许的形式（" + perCategory(c, hasForms, func(cat *Category) string { return "：" + strings.Join(cat.FormsAllowed, "、") }) + "）"
	},
	check: checkForm,
}

func checkForm(r *run) {
	if cat, form := r.cat, r.d.Project.Form; len(cat.FormsAllowed) > 0 && form != "" && !contains(cat.FormsAllowed, form) {
		r.report("project.form", fmt.Sprintf("活动形式“%s”不在本类别要求的形式内，请选择%s%s。", Shorten(form, 20), strings.Join(cat.FormsAllowed, "、"), r.cite(cat.ScaleClause)))
	}
}

var ruleAgenda = ruleDef{
	id: RuleAgenda, sev: Warning, stated: declares(BlockAgenda), clause: formPart(BlockAgenda), summary: fixed("申报书应附日程安排"),
	check: checkAgenda,
}

func checkAgenda(r *run) {
	if len(r.d.Agenda) == 0 {
		r.report("agenda", "请填写日程安排（日期、时间、内容、报告人），评审时据此了解活动安排"+r.citeForm(BlockAgenda)+"。")
	}
}

var ruleAgendaDates = ruleDef{
	id: RuleAgendaDates, sev: Warning, stated: declares(BlockAgenda), clause: formPart(BlockAgenda), summary: fixed("跨多日举办的活动，日程安排须写明每项的日期"),
	check: checkAgendaDates,
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
		r.report("agenda", fmt.Sprintf("活动从%s到%s共%d天，日程安排中有%d项没有写日期：请为每一项填写日期，评审据此了解每天的安排%s。", s.Chinese(), e.Chinese(), s.DaysUntil(e)+1, undated, r.citeForm(BlockAgenda)))
	}
}
