package forms

import (
	"fmt"
)

// The rules on handing the application in: the deadline and the cover's
// date, the paper copies, confidential content, the per-unit quotas
// (across drafts: quota.go), characters that cannot be printed. Each
// applies only where the call states its fact.

func hasDeadline(c *Call) bool { return !c.Deadline.IsZero() }

// contactName is whom the messages send the user to.
func contactName(c *Call) string {
	switch {
	case c.Contact.Department != "":
		return c.Contact.Department
	case c.Contact.Person != "":
		return c.Contact.Person
	}
	return "受理部门"
}

var ruleConfidential = ruleDef{
	id: RuleConfidential, sev: Info, stated: func(c *Call) bool { return c.Clauses.Confidential != "" },
	clause: clauseOf(confidentialClause), summary: fixed("涉及保密内容须事先告知，不得通过互联网传送"),
	check: checkConfidential, noCategory: true,
}

func checkConfidential(r *run) {
	if r.d.Confidential && r.call.Clauses.Confidential != "" {
		r.report("confidential", "已声明涉及保密内容：申报书不得通过互联网传送，请事先告知"+contactName(r.call)+"，以纸质件报送，不生成电子邮件"+r.cite(r.call.Clauses.Confidential)+"。")
	}
}

// daysToDeadline is the days left until the deadline, and whether the
// deadline findings apply at all: not without a date or a deadline, and not
// once the draft is selected (the due dates of the reports take their
// place).
func daysToDeadline(r *run) (left int, dl Date, ok bool) {
	if r.opts.Today.IsZero() || r.d.IsSelected() || r.call.Deadline.IsZero() {
		return 0, Date{}, false
	}
	dl = DateOf(r.call.Deadline)
	return r.opts.Today.DaysUntil(dl), dl, true
}

var ruleDeadline = ruleDef{
	id: RuleDeadline, sev: Info, stated: hasDeadline, clause: clauseOf(deadlineClause),
	summary: func(c *Call) string { return "申报截止时间为" + DateOf(c.Deadline).Chinese() },
	check:   checkDeadline, noCategory: true,
}

func checkDeadline(r *run) {
	left, dl, ok := daysToDeadline(r)
	switch {
	case !ok || left < 0:
	case left == 0:
		r.report("", fmt.Sprintf("今天（%s）是申报截止日%s。", dl.Chinese(), r.cite(r.call.Clauses.Deadline)))
	default:
		r.report("", fmt.Sprintf("距申报截止（%s）还有%d天%s。", dl.Chinese(), left, r.cite(r.call.Clauses.Deadline)))
	}
}

var ruleDeadlinePassed = ruleDef{
	id: RuleDeadlinePassed, sev: Warning, stated: hasDeadline, clause: clauseOf(deadlineClause), summary: fixed("申报截止时间已过"),
	check: checkDeadlinePassed, noCategory: true,
}

func checkDeadlinePassed(r *run) {
	if left, dl, ok := daysToDeadline(r); ok && left < 0 {
		who := contactName(r.call)
		if r.call.Contact.Phone != "" {
			who += "（" + r.call.Contact.Phone + "）"
		}
		r.report("", fmt.Sprintf("申报截止时间%s已过%d天；草稿仍可编辑和导出，逾期报送须先与%s联系%s。", dl.Chinese(), -left, who, r.cite(r.call.Clauses.Deadline)))
	}
}

var ruleApplyDate = ruleDef{
	id: RuleApplyDate, sev: Error, stated: hasDeadline, clause: clauseOf(deadlineClause),
	summary: func(c *Call) string {
		return "封面的申报日期不能晚于申报截止时间" + DateOf(c.Deadline).Chinese()
	},
	check: checkApplyDate,
}

func checkApplyDate(r *run) {
	if r.call.Deadline.IsZero() {
		return
	}
	if ad, dl := r.d.Cover.ApplyDate, DateOf(r.call.Deadline); !ad.IsZero() && ad.After(dl) && !r.d.IsSelected() {
		r.report("cover.apply_date", fmt.Sprintf("封面的申报日期%s晚于申报截止时间%s：申报日期应为报送之日，须在截止时间之前；如确已逾期，请先与%s联系%s。", ad.Chinese(), dl.Chinese(), contactName(r.call), r.cite(r.call.Clauses.Deadline)))
	}
}

func postsCopies(c *Call) bool { return c.PostedMustArrive && c.PaperCopies > 0 && hasDeadline(c) }

var rulePosted = ruleDef{
	id: RulePosted, sev: Info, stated: postsCopies, clause: clauseOf(Clauses.Posted),
	summary: func(c *Call) string {
		return fmt.Sprintf("纸质件%d份须在截止日%s前寄达或送达", c.PaperCopies, DateOf(c.Deadline).Chinese())
	},
	check: checkPosted, noCategory: true,
}

func checkPosted(r *run) {
	if left, dl, ok := daysToDeadline(r); ok && left >= 0 && postsCopies(r.call) {
		to := r.call.Contact.Office
		if to == "" {
			to = contactName(r.call)
		}
		r.report("", fmt.Sprintf("纸质件%d份（加盖公章）须在%s前寄达或送达%s；邮寄请预留路上时间%s。", r.call.PaperCopies, dl.Chinese(), to, r.cite(r.call.Clauses.Posted())))
	}
}

// The per-unit quotas are checked across drafts (CheckAcross, quota.go),
// with the severity and clause the call gives them ("每单位原则上申报1项"
// is a warning).
var ruleQuotaCategory = ruleDef{
	id: RuleQuotaCategory, sev: Error, stated: func(c *Call) bool { return c.MaxPerCategory > 0 },
	clause: clauseOf(submissionClause),
	summary: func(c *Call) string {
		return fmt.Sprintf("每个单位在同类项目中只能申报%d项", c.MaxPerCategory)
	},
	across: checkQuotaCategory,
}

func checkQuotaCategory(a *acrossRun) {
	call, drafts := a.call, a.drafts
	perCat := map[string][]int{}
	var cats []string
	for _, i := range a.unit {
		c := drafts[i].Draft.Category
		if perCat[c] == nil {
			cats = append(cats, c)
		}
		perCat[c] = append(perCat[c], i)
	}
	for _, catID := range cats {
		same := perCat[catID]
		if len(same) <= call.MaxPerCategory {
			continue
		}
		catName := catID
		if c := call.Category(catID); c != nil {
			catName = c.Name
		}
		for _, i := range same {
			a.report(i, "category", fmt.Sprintf("本单位在“%s”类别中有%d份申报（另见：%s），每个单位在同类项目中只能申报%d项：请只保留其中%d份%s。",
				catName, len(same), others(drafts, same, i), call.MaxPerCategory, call.MaxPerCategory, cite(a.rule.Clause)))
		}
	}
}

var ruleQuotaTotal = ruleDef{
	id: RuleQuotaTotal, sev: Error, stated: func(c *Call) bool { return c.MaxTotal > 0 },
	clause:  clauseOf(submissionClause),
	summary: func(c *Call) string { return fmt.Sprintf("每个单位申报总计不超过%d项", c.MaxTotal) },
	across:  checkQuotaTotal,
}

func checkQuotaTotal(a *acrossRun) {
	call, idx := a.call, a.unit
	if len(idx) <= call.MaxTotal {
		return
	}
	for _, i := range idx {
		a.report(i, "applicant.name", fmt.Sprintf("本单位共有%d份申报（另见：%s），每个单位总计不超过%d项：请撤下多出的%d份%s。",
			len(idx), others(a.drafts, idx, i), call.MaxTotal, len(idx)-call.MaxTotal, cite(a.rule.Clause)))
	}
}

var ruleGlyph = ruleDef{
	id: RuleGlyph, sev: Error, clause: clauseOf(submissionClause), summary: fixed("申报书中的每个字都须能印在纸质件上"),
	check: checkGlyph, noCategory: true,
}

func checkGlyph(r *run) {
	if r.opts.Printable != nil {
		r.addAll(glyphFindings(r.call, r.d, r.opts.Printable))
	}
}
