package forms

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Rule IDs of the carry-over of an earlier year's application into a new
// call (用往年申报书新建): what changed between the two calls.
const (
	RuleCarryCategory = "carry.category_removed"
	RuleCarryNewField = "carry.new_field"
	RuleCarryDropped  = "carry.field_removed"
	RuleCarryLimit    = "carry.limit_changed"
	RuleCarryReset    = "carry.reset"
)

// The carry-over's rules are reported by Carry, never by Check: each
// lists what changed between two calls.
var (
	ruleCarryCategory = ruleDef{id: RuleCarryCategory, sev: Error, clause: clauseOf(categoriesClause), summary: fixed("用往年申报书新建：新通知已取消该类别时，须重新选择类别"), enforced: "Carry"}
	ruleCarryNewField = ruleDef{id: RuleCarryNewField, sev: Info, clause: clauseOf(categoriesClause), summary: fixed("用往年申报书新建：列出新通知新增的专项内容"), enforced: "Carry"}
	ruleCarryDropped  = ruleDef{id: RuleCarryDropped, sev: Warning, clause: clauseOf(categoriesClause), summary: fixed("用往年申报书新建：列出不再需要或不能带入的往年内容"), enforced: "Carry"}
	ruleCarryLimit    = ruleDef{id: RuleCarryLimit, sev: Warning, clause: clauseOf(categoriesClause), summary: fixed("用往年申报书新建：列出新通知改变的数量、金额和可选项"), enforced: "Carry"}
	ruleCarryReset    = ruleDef{id: RuleCarryReset, sev: Warning, clause: clauseOf(categoriesClause), summary: fixed("用往年申报书新建：与年度有关的日期和声明须重新填写"), enforced: "Carry"}
)

// Carry makes a new draft for call from an earlier draft made for from (nil
// when that call is not available: the part's values are then carried by
// key). It copies what still applies — the unit, its contacts, the joint
// applicants, the project's texts, the agenda's items, the experts, the
// budget lines, the opinion — and leaves out what belongs to the old year:
// dates, the selection and the after-event reports, the declarations that
// name a year. The findings list what changed: a category the new call no
// longer has, new and removed fields, changed limits, reset values, and
// then every finding of the new call's check of the new draft (values that
// no longer fit).
func Carry(from, call *Call, old *Draft, now time.Time, opts Options) (*Draft, []Finding) {
	var out []Finding
	add := func(rule, field string, sev Severity, format string, a ...any) {
		out = append(out, Finding{Rule: rule, Field: field, Severity: sev, Message: fmt.Sprintf(format, a...)})
	}
	d := NewDraft(call, old.Category)
	d.CreatedAt, d.UpdatedAt = now, now
	cat := call.Category(old.Category)
	var oldCat *Category
	if from != nil {
		oldCat = from.Category(old.Category)
	}
	oldName := old.Category
	if oldCat != nil {
		oldName = oldCat.Name
	}
	if cat == nil {
		d.Category = ""
		add(RuleCarryCategory, "category", Error, "%d年度通知没有“%s”这一类别（本年度的类别：%s）：请选择一个类别，专项内容按新类别填写。", call.Year, oldName, categoryNames(call))
	}

	// Part 1: the unit. Declarations tied to a year are asked again.
	d.Applicant = old.Applicant
	d.Applicant.Honours = nil
	typ := old.Applicant.Type
	if typ != "" && call.ApplicantType(typ) == nil {
		d.Applicant.Type = ""
		add(RuleCarryDropped, "applicant.type", Warning, "%d年度通知没有“%s”这一申报单位类型：请重新选择（本年度的类型：%s）。", call.Year, oldTypeName(from, typ), typeNames(call, call.typesWith(func(*ApplicantType) bool { return true })))
	}
	if len(old.Applicant.Honours) > 0 {
		switch {
		case !call.AsksHonours():
			add(RuleCarryDropped, "applicant.honours", Info, "本年度通知没有优先支持的荣誉：往年勾选的荣誉没有带入。")
		case from == nil || from.PriorityYears != call.PriorityYears:
			add(RuleCarryReset, "applicant.honours", Warning, "优先支持的荣誉年度已改为%s年度：请重新勾选本单位在这些年度获得的荣誉%s。", call.PriorityYears, cite(call.typeClause(typ)))
		default:
			d.Applicant.Honours = append([]string(nil), old.Applicant.Honours...)
		}
	}
	if old.Applicant.Evaluation && (from == nil || from.Society.EvaluationYear != call.Society.EvaluationYear) {
		d.Applicant.Evaluation = false
		if call.AsksEvaluation() {
			add(RuleCarryReset, "applicant.evaluation_taken", Warning, "本年度要求参加%s%d年度学会评价：请确认后重新勾选%s。", call.Funder(), call.Society.EvaluationYear, cite(call.typeClause(typ)))
		}
	}
	if old.Applicant.AnnualInspection {
		d.Applicant.AnnualInspection = false
		if call.AsksAnnualInspection() {
			add(RuleCarryReset, "applicant.annual_inspection_passed", Warning, "年检合格须按本年度情况确认：请核对后重新勾选%s。", cite(call.typeClause(typ)))
		}
	}
	d.Joint = append([]Joint(nil), old.Joint...)
	for i, j := range d.Joint {
		if j.Type != "" && call.ApplicantType(j.Type) == nil {
			d.Joint[i].Type = ""
			add(RuleCarryDropped, fmt.Sprintf("joint_applicants[%d].type", i), Warning, "联合申报单位“%s”的类型“%s”在%d年度通知中没有：请重新选择它的类型，或确认本年度是否还能联合申报。", Shorten(j.Name, 30), oldTypeName(from, j.Type), call.Year)
		}
	}
	d.LeadUnit = old.LeadUnit
	d.Confidential, d.ConfidentialNote = old.Confidential, old.ConfidentialNote

	// Part 2: the project's texts; the dates and the amount follow the new call.
	p := old.Project
	p.StartDate, p.EndDate = Date{}, Date{}
	d.Project = p
	if !old.Project.StartDate.IsZero() && cat != nil {
		if cat.HasWindow() {
			add(RuleCarryReset, "project.start_date", Warning, "往年的举办日期（%s至%s）已清空：本年度“%s”须在%s内完成，请填写新的日期%s。", old.Project.StartDate.Chinese(), old.Project.EndDate.Chinese(), cat.Name, cat.WindowText, cite(cat.WindowClause))
		} else {
			add(RuleCarryReset, "project.start_date", Warning, "往年的举办日期（%s至%s）已清空：请填写本年度的举办日期。", old.Project.StartDate.Chinese(), old.Project.EndDate.Chinese())
		}
	}
	d.Venue = old.Venue
	if cat != nil {
		if len(cat.Venues) > 0 && cat.Venue(d.Venue) == nil {
			d.Venue = ""
		}
		want := cat.FundingFor(d.Venue)
		if cat.FundingKind == FundingRange && old.Project.RequestedAmount >= cat.FundingMin && old.Project.RequestedAmount <= cat.FundingMax {
			want = old.Project.RequestedAmount
		}
		if !cat.FundingStated() && old.Project.RequestedAmount != 0 {
			add(RuleCarryLimit, "project.requested_amount", Warning, "本年度通知没有规定“%s”的经费额度：往年的申请金额%s元没有带入，请按通知要求填写经费预算。", cat.Name, Thousands(old.Project.RequestedAmount))
			d.Project.RequestedAmount = 0
		}
		if old.Project.RequestedAmount != want && want > 0 {
			add(RuleCarryLimit, "project.requested_amount", Warning, "申请金额由%s元改为本年度的%s元（%s）：请相应调整经费预算%s。", Thousands(old.Project.RequestedAmount), Thousands(want), cat.FundingText(), cite(cat.FundingClause))
			d.Project.RequestedAmount = want
		}
		if len(cat.FormsAllowed) > 0 && !contains(cat.FormsAllowed, d.Project.Form) {
			add(RuleCarryLimit, "project.form", Warning, "往年的活动形式“%s”不在本年度允许的形式内：请从%s中选择%s。", Shorten(d.Project.Form, 20), strings.Join(cat.FormsAllowed, "、"), cite(cat.ScaleClause))
			d.Project.Form = cat.FormsAllowed[0]
		}
		if oldCat != nil {
			carryScale(oldCat, cat, add)
		}
	}

	// Part 4 and 5: items kept, dates cleared, amounts kept (the check
	// tells when they no longer add up).
	d.Agenda = make([]AgendaItem, len(old.Agenda))
	for i, a := range old.Agenda {
		a.Date = Date{}
		d.Agenda[i] = a
	}
	d.Experts = append([]Expert(nil), old.Experts...)
	d.ExpectedResults, d.Publicity = old.ExpectedResults, old.Publicity
	d.Budget = old.Budget
	d.Budget.Lines = append([]BudgetLine(nil), old.Budget.Lines...)
	d.Budget.Provincial = d.Project.RequestedAmount
	d.Opinions = old.Opinions

	// Part 3: the declared fields, by key.
	if cat != nil {
		d.Parts[cat.ID] = carryPart(oldCat, cat, old.Parts[old.Category], add)
	}
	// Other parts (another category's, or the part of a category the new
	// call no longer has) are kept as they were, unchecked: nothing typed
	// is lost.
	for id, v := range old.Parts {
		if cat == nil || id != cat.ID {
			d.Parts[id] = v.Clone()
		}
	}
	carrySections(from, call, old, d, add)
	fs := Check(call, d, opts)
	for _, f := range fs {
		if f.Severity == Info || cat == nil && f.Field == "category" {
			continue
		}
		out = append(out, f)
	}
	return d, out
}

// oldTypeName is an applicant type's name in the earlier call (its ID
// when that call is not available).
func oldTypeName(from *Call, id string) string {
	if from == nil {
		return id
	}
	return from.ApplicantTypeName(id)
}

func categoryNames(call *Call) string {
	n := make([]string, len(call.Categories))
	for i, c := range call.Categories {
		n[i] = c.Name
	}
	return strings.Join(n, "、")
}

// carryScale reports the category's changed thresholds and window.
func carryScale(old, cat *Category, add func(rule, field string, sev Severity, format string, a ...any)) {
	if old.MinParticipants != cat.MinParticipants && cat.MinParticipants > 0 {
		add(RuleCarryLimit, "project.participants", Info, "参会人数下限由%d人改为%d人%s。", old.MinParticipants, cat.MinParticipants, cite(cat.ScaleClause))
	}
	if old.MaxParticipants != cat.MaxParticipants && cat.MaxParticipants > 0 {
		add(RuleCarryLimit, "project.participants", Info, "本年度参会人数不超过%d人%s。", cat.MaxParticipants, cite(cat.ScaleClause))
	}
	if old.MinPapers != cat.MinPapers && cat.MinPapers > 0 {
		add(RuleCarryLimit, "project.papers", Info, "征集论文下限由%d篇改为%d篇%s。", old.MinPapers, cat.MinPapers, cite(cat.ScaleClause))
	}
}

// carryPart copies a part's values whose key the new declaration still has
// and whose type fits, and reports new fields, removed fields and changed
// limits.
func carryPart(oldCat, cat *Category, old Values, add func(rule, field string, sev Severity, format string, a ...any)) Values {
	v := Values{}
	for i := range cat.Part.Fields {
		fd := &cat.Part.Fields[i]
		path := PartPath(cat.ID, fd.Key)
		var ofd *FieldDecl
		if oldCat != nil {
			ofd = oldCat.PartField(fd.Key)
		}
		x, had := old[fd.Key]
		switch {
		case fd.Kind == KindNote:
			continue
		case oldCat != nil && ofd == nil:
			add(RuleCarryNewField, path, Info, "本年度新增“%s”：请填写。", fd.Label)
			continue
		case !had:
			continue
		case ofd != nil && ofd.Kind != fd.Kind:
			add(RuleCarryDropped, path, Warning, "“%s”的填写方式已改变（往年是%s）：往年的内容没有带入，请重新填写。", fd.Label, kindOf(x))
			continue
		}
		if carried := carryValue(fd, x); carried != nil {
			v[fd.Key] = carried
		} else {
			add(RuleCarryDropped, path, Warning, "往年“%s”的内容（%s）不能带入：请重新填写。", fd.Label, kindOf(x))
		}
		if ofd != nil {
			carryLimits(ofd, fd, path, add)
		}
	}
	if oldCat != nil {
		for i := range oldCat.Part.Fields {
			ofd := &oldCat.Part.Fields[i]
			if cat.PartField(ofd.Key) == nil && ofd.Kind != KindNote {
				if _, had := old[ofd.Key]; had {
					add(RuleCarryDropped, PartPath(cat.ID, ofd.Key), Info, "本年度不再需要“%s”：往年填写的内容没有带入。", ofd.Label)
				}
			}
		}
	}
	return v
}

// carryValue is a stored value re-typed for a declared field, or nil when
// it cannot be.
func carryValue(fd *FieldDecl, x any) any {
	tmp := Values{"v": x}
	switch fd.Kind {
	case KindText, KindLong, KindChoice:
		if _, ok := x.(*string); !ok {
			return nil
		}
		s := tmp.Text("v")
		return &s
	case KindInt:
		if _, ok := x.(*int64); !ok {
			return nil
		}
		n := tmp.Int("v")
		return &n
	case KindYesNo:
		if _, ok := x.(*bool); !ok {
			return nil
		}
		b := tmp.Bool("v")
		return &b
	case KindDate:
		d := tmp.Date("v")
		if d.IsZero() {
			return nil
		}
		return &d
	case KindChecklist:
		l, ok := x.(*[]string)
		if !ok {
			return nil
		}
		var kept []string
		for _, it := range *l {
			if contains(fd.Items, it) {
				kept = append(kept, it)
			}
		}
		return &kept
	case KindTable:
		rows, ok := x.(*[]Values)
		if !ok {
			return nil
		}
		out := make([]Values, len(*rows))
		for i, r := range *rows {
			nr := Values{}
			for j := range fd.Columns {
				c := &fd.Columns[j]
				if y, ok := r[c.Key]; ok {
					if cv := carryValue(c, y); cv != nil {
						nr[c.Key] = cv
					}
				}
			}
			out[i] = nr
		}
		return &out
	}
	return nil
}

// carryLimits reports a declared field's changed limits.
func carryLimits(old, fd *FieldDecl, path string, add func(rule, field string, sev Severity, format string, a ...any)) {
	num := func(p *int64) string {
		if p == nil {
			return "无"
		}
		return fmt.Sprint(*p)
	}
	switch {
	case old.Count != fd.Count:
		add(RuleCarryLimit, path, Info, "“%s”的人数要求由%d改为%d%s。", fd.Label, old.Count, fd.Count, cite(fd.Clause))
	case num(old.Min) != num(fd.Min) || num(old.Max) != num(fd.Max):
		add(RuleCarryLimit, path, Info, "“%s”的限制已改变：下限%s→%s，上限%s→%s%s。", fd.Label, num(old.Min), num(fd.Min), num(old.Max), num(fd.Max), cite(fd.Clause))
	}
	if strings.Join(old.Options, "、") != strings.Join(fd.Options, "、") && len(fd.Options) > 0 {
		add(RuleCarryLimit, path, Info, "“%s”的可选项已改为：%s。", fd.Label, strings.Join(fd.Options, "、"))
	}
	if strings.Join(old.Items, "、") != strings.Join(fd.Items, "、") && len(fd.Items) > 0 {
		add(RuleCarryLimit, path, Info, "“%s”须勾选的项目已改为：%s。", fd.Label, strings.Join(fd.Items, "、"))
	}
}

// carrySections copies the sections of the old call's own into the new
// draft by key, and lists what the new call's form does not place: a
// section it does not declare, a field of a section it declares no more,
// a value of a common part it no longer asks. Nothing is deleted: the
// values stay in the draft, unprinted and unchecked.
func carrySections(from, call *Call, old, d *Draft, add func(rule, field string, sev Severity, format string, a ...any)) {
	keys := make([]string, 0, len(old.Sections))
	for k := range old.Sections {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := old.Sections[k]
		if d.Sections == nil {
			d.Sections = map[string]Values{}
		}
		d.Sections[k] = v.Clone()
		title := k
		if from != nil {
			if s := from.Section(k); s != nil {
				title = from.Expand(s.Title, from.Category(old.Category))
			}
		}
		s := call.Section(k)
		if s == nil {
			if len(v) > 0 {
				add(RuleCarryDropped, SectionPath(k), Warning, "本年度申报书没有往年的“%s”部分：其内容保留在草稿中，但不打印、不检查。", title)
			}
			continue
		}
		for _, fk := range v.Keys() {
			if s.Field(fk) != nil {
				continue
			}
			label := fk
			if from != nil {
				if ofd := from.SectionFieldOf(SectionPath(k) + "." + fk); ofd != nil {
					label = ofd.Label
				}
			}
			add(RuleCarryDropped, SectionPath(k)+"."+fk, Warning, "本年度“%s”部分没有往年的“%s”一项：往年的内容保留在草稿中，但不打印。", call.Expand(s.Title, call.Category(d.Category)), label)
		}
	}
	seen := map[string]bool{}
	WalkText(old, func(p, text string) {
		g := indexRe.ReplaceAllString(p, "[]")
		if strings.TrimSpace(text) == "" || !call.omittedPath(g) {
			return
		}
		top := g
		for q := g; q != ""; {
			if call.omitted[q] {
				top = q
			}
			i := strings.LastIndexAny(q, ".[")
			if i < 0 {
				break
			}
			q = q[:i]
		}
		if seen[top] {
			return
		}
		seen[top] = true
		field, _, _ := strings.Cut(top, "[")
		add(RuleCarryDropped, field, Warning, "本年度申报书不再填写“%s”：往年的内容保留在草稿中，但不打印。", call.FieldLabel(top))
	})
}
