package app

// The form's sections: what each step of the form holds (the applicant,
// the joint applicants, the project, the agenda, the experts, the budget,
// the honours), built from the category's declaration (forms.SectionDecl).

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/widgets"
	"shenbao/forms"
)

// grid is the label | input grid of a section, added to its box when a
// sub-part first needs one.
func grid(s *section) *section {
	if s.grid == nil {
		s.grid = containerForm()
		s.box.Add(s.grid)
	}
	return s
}

// buildSection adds one declared section's inputs to s.
func (f *formScreen) buildSection(s *section, sd *forms.SectionDecl) {
	lbl := func(key string) string { return f.u.call.BlockLabel(sd, key, f.cat) }
	switch sd.Block {
	case "":
		if sd.Key != "" {
			v := f.d.Sections[sd.Key]
			f.buildFields(grid(s), forms.SectionPath(sd.Key)+".", sd.Fields, v)
		}
	case forms.BlockApplicant:
		f.buildApplicant(grid(s), sd, lbl)
	case forms.BlockJoint:
		f.buildJoint(s, sd, lbl, f.u.call.FieldLabel("joint_applicants"))
	case forms.BlockProject:
		f.buildProject(grid(s), sd, lbl)
	case forms.BlockPart:
		f.buildCategoryPart(grid(s))
	case forms.BlockAgenda:
		f.buildAgenda(s, sd, lbl)
	case forms.BlockExperts:
		f.buildExperts(s, sd, lbl)
	case forms.BlockResults:
		d := f.d
		tail := &section{grid: containerForm()}
		s.box.Add(tail.grid)
		if sd.Asks("expected_results") {
			f.long(tail, "expected_results", lbl("expected_results"), &d.ExpectedResults, "报告、论文集、专家建议等")
		}
		if sd.Asks("publicity") {
			f.long(tail, "publicity", lbl("publicity"), &d.Publicity, "")
		}
		if s.first == "" {
			s.first = tail.first
		}
	case forms.BlockBudget:
		f.buildBudget(s, sd, lbl)
	case forms.BlockOpinions:
		asks := false
		for _, o := range sd.Blocks {
			asks = asks || o.By == forms.ByApplicant
		}
		if !asks {
			return
		}
		g := grid(s)
		if sd.Asks("applicant") {
			f.long(g, "opinions.applicant", lbl("applicant"), &f.d.Opinions.Applicant, "如 同意申报……")
		}
		if sd.Asks("signer") {
			f.text(g, "opinions.signer", lbl("signer"), &f.d.Opinions.Signer, "")
		}
	}
}

// buildApplicant is the applying unit's block (申报单位基本情况).
func (f *formScreen) buildApplicant(s *section, sd *forms.SectionDecl, lbl func(key string) string) {
	call, a := f.u.call, &f.d.Applicant
	f.copyUnitBtn = widget.NewButtonWithIcon("从其他申报书复制单位信息…", theme.ContentCopyIcon(), f.onCopyUnit)
	s.box.Objects = append(s.box.Objects[:1], append([]fyne.CanvasObject{container.NewHBox(f.copyUnitBtn)}, s.box.Objects[1:]...)...)
	texts := []struct {
		key  string
		ptr  *string
		hint string
	}{
		{"name", &a.Name, "与公章上的名称一致"},
		{"type", &a.Type, ""},
		{"credit_code", &a.CreditCode, "18位，见登记证书"},
		{"address", &a.Address, ""},
		{"postcode", &a.Postcode, "6位数字"},
		{"leader", &a.Leader, ""},
		{"leader_title", &a.LeaderTitle, "如 理事长"},
		{"contact", &a.Contact, ""},
		{"contact_title", &a.ContactTitle, "如 秘书长"},
		{"mobile", &a.Mobile, "11位手机号"},
		{"phone", &a.Phone, "如 0431-85261411"},
		{"email", &a.Email, "name@example.com"},
	}
	for _, t := range texts {
		if !sd.Asks(t.key) {
			continue
		}
		if t.key == "type" {
			f.choose(s, "applicant.type", lbl("type"), applicantTypes(call), t.ptr)
			continue
		}
		f.text(s, "applicant."+t.key, lbl(t.key), t.ptr, t.hint)
	}
	// Only what the call asks of some applicant type (callfacts.go).
	if sd.Asks("annual_inspection_passed") && call.AsksAnnualInspection() {
		// the box's text: the label as printed (with its year), and who must
		text := call.PrintedLabel(sd, "annual_inspection_passed", f.cat) + "（" + typesNeeding(call, call.NeedsAnnualInspection) + "必填）"
		f.check(s, "applicant.annual_inspection_passed", lbl("annual_inspection_passed"), text, &a.AnnualInspection)
	}
	if sd.Asks("evaluation_taken") && call.AsksEvaluation() {
		text := call.PrintedLabel(sd, "evaluation_taken", f.cat) + "（" + typesNeeding(call, call.NeedsEvaluation) + "必填）"
		f.check(s, "applicant.evaluation_taken", lbl("evaluation_taken"), text, &a.Evaluation)
	}
	if sd.Asks("graduate_training") && call.AsksGraduateTraining() {
		f.check(s, "applicant.graduate_training", lbl("graduate_training"), "本单位有研究生培养资格", &a.GraduateTraining)
	}
	if sd.Asks("honours") && call.AsksHonours() {
		f.honours(s, lbl("honours"))
	}
	if sd.Asks("joint_applicants") {
		f.buildJoint(s, nil, func(key string) string { return call.FieldLabel("joint_applicants[]." + key) }, lbl("joint_applicants"))
	}
}

// jointHint is what the draft's category says of a joint application
// (joint_encouraged, joint_with_text: “鼓励与地方科协联合申报”), shown under
// the joint applicants' label in the window: the label is the field's.
func jointHint(cat *forms.Category) string {
	if cat == nil || !cat.JointEncouraged || cat.JointWithText == "" {
		return ""
	}
	return "鼓励与" + cat.JointWithText + "联合申报"
}

// buildJoint is the table of joint applicants; sd is nil when it is a
// field of the applicant's block (then both columns are asked).
func (f *formScreen) buildJoint(s *section, sd *forms.SectionDecl, lbl func(key string) string, title string) {
	call, d := f.u.call, f.d
	asks := func(key string) bool { return sd == nil || sd.Asks(key) }
	var heads []string
	if asks("name") {
		heads = append(heads, lbl("name"))
	}
	if asks("type") {
		heads = append(heads, lbl("type"))
	}
	t := f.table(s, "joint_applicants", title, heads,
		func() int { return len(d.Joint) },
		func(i int, msg *widgets.Label) []fyne.CanvasObject {
			j := &d.Joint[i]
			pre := fmt.Sprintf("joint_applicants[%d].", i)
			var cells []fyne.CanvasObject
			if asks("name") {
				cells = append(cells, f.cellText(pre+"name", &j.Name, msg, "如 长春市科学技术协会"))
			}
			if asks("type") {
				cells = append(cells, f.cellSelect(pre+"type", applicantTypes(call), &j.Type, msg))
			}
			return cells
		},
		func() { d.Joint = append(d.Joint, forms.Joint{Type: firstOf(call.JointPartnerTypes())}) },
		func(i int) { d.Joint = append(d.Joint[:i], d.Joint[i+1:]...) })
	tableHint(s, t, jointHint(f.cat))
}

// tableHint shows a hint under a table's label (not in it: the label is
// the field's, as findings and the print name it); "" shows none.
func tableHint(s *section, t *rowsTable, hint string) {
	if hint == "" {
		return
	}
	for _, o := range s.box.Objects {
		if v, ok := o.(*fyne.Container); ok && len(v.Objects) > 1 && v.Objects[1] == fyne.CanvasObject(t.box) {
			v.Objects = append([]fyne.CanvasObject{v.Objects[0], widgets.NewSecondaryLabel(hint)}, v.Objects[1:]...)
		}
	}
}

// buildProject is the project's block (项目基本情况).
func (f *formScreen) buildProject(s *section, sd *forms.SectionDecl, lbl func(key string) string) {
	d, cat, p := f.d, f.cat, &f.d.Project
	if cat != nil && cat.FundingKind == forms.FundingVenue && sd.Asks("venue") {
		var vs []option
		for _, v := range cat.Venues {
			vs = append(vs, option{v.ID, fmt.Sprintf("%s（%s元）", v.Name, forms.Thousands(v.Funding))})
		}
		f.choose(s, "venue", lbl("venue"), vs, &d.Venue)
	}
	if sd.Asks("name") {
		f.text(s, "project.name", lbl("name"), &p.Name, "")
	}
	if sd.Asks("theme") {
		f.text(s, "project.theme", lbl("theme"), &p.Theme, "")
	}
	if sd.Asks("start_date") {
		f.date(s, "project.start_date", lbl("start_date"), &p.StartDate)
	}
	if sd.Asks("end_date") {
		f.date(s, "project.end_date", lbl("end_date"), &p.EndDate)
	}
	if sd.Asks("city") {
		f.text(s, "project.city", lbl("city"), &p.City, "如 长春市")
	}
	if sd.Asks("place") {
		f.text(s, "project.place", lbl("place"), &p.Place, "")
	}
	if sd.Asks("form") {
		if cat != nil && len(cat.FormsAllowed) > 0 {
			f.choose(s, "project.form", lbl("form"), plainOptions(cat.FormsAllowed...), &p.Form)
		} else {
			f.text(s, "project.form", lbl("form"), &p.Form, "")
		}
	}
	if sd.Asks("participants") {
		f.number(s, "project.participants", lbl("participants"), func() int64 { return int64(p.Participants) }, func(n int64) { p.Participants = int(n) }, false, "人")
	}
	if cat != nil && cat.MinPapers > 0 && sd.Asks("papers") {
		f.number(s, "project.papers", lbl("papers"), func() int64 { return int64(p.Papers) }, func(n int64) { p.Papers = int(n) }, false, "篇")
	}
	if sd.Asks("organisers") {
		f.text(s, "project.organisers", lbl("organisers"), &p.Organisers, "主办：…；承办：…")
	}
	if sd.Asks("co_organisers") {
		f.text(s, "project.co_organisers", lbl("co_organisers"), &p.CoOrganisers, "")
	}
	if sd.Asks("supporters") {
		f.text(s, "project.supporters", lbl("supporters"), &p.Supporters, "")
	}
	if sd.Asks("summary") {
		f.long(s, "project.summary", lbl("summary"), &p.Summary, "活动内容、规模、特色")
	}
	if sd.Asks("requested_amount") {
		f.number(s, "project.requested_amount", lbl("requested_amount"), func() int64 { return p.RequestedAmount }, func(n int64) { p.RequestedAmount = n }, true, "元")
	}
}

// tableColumn is one column of a block's editable table: its key in the
// call file (its header is the block's label, Call.BlockLabel) and its
// cell in row i.
type tableColumn struct {
	key  string
	cell func(i int, pre string, msg *widgets.Label) fyne.CanvasObject
}

// blockTable adds the editable table of a block with the columns the call
// asks.
func (f *formScreen) blockTable(s *section, sd *forms.SectionDecl, lbl func(key string) string, path, label string, cols []tableColumn, count func() int, add func(), remove func(int)) {
	var asked []tableColumn
	var heads []string
	for _, c := range cols {
		if sd.Asks(c.key) {
			asked = append(asked, c)
			heads = append(heads, lbl(c.key))
		}
	}
	f.table(s, path, label, heads, count,
		func(i int, msg *widgets.Label) []fyne.CanvasObject {
			pre := fmt.Sprintf("%s[%d].", path, i)
			cells := make([]fyne.CanvasObject, len(asked))
			for j, c := range asked {
				cells[j] = c.cell(i, pre, msg)
			}
			return cells
		}, add, remove)
}

func (f *formScreen) buildAgenda(s *section, sd *forms.SectionDecl, lbl func(key string) string) {
	d := f.d
	f.blockTable(s, sd, lbl, "agenda", f.u.call.FieldLabel("agenda"), []tableColumn{
		{"date", func(i int, pre string, msg *widgets.Label) fyne.CanvasObject {
			return f.cellDate(pre+"date", &d.Agenda[i].Date, msg)
		}},
		{"time", func(i int, pre string, msg *widgets.Label) fyne.CanvasObject {
			return f.cellText(pre+"time", &d.Agenda[i].Time, msg, "09:00-11:30")
		}},
		{"item", func(i int, pre string, msg *widgets.Label) fyne.CanvasObject {
			return f.cellText(pre+"item", &d.Agenda[i].Item, msg, "内容")
		}},
		{"speaker", func(i int, pre string, msg *widgets.Label) fyne.CanvasObject {
			return f.cellText(pre+"speaker", &d.Agenda[i].Speaker, msg, "报告人")
		}},
	},
		func() int { return len(d.Agenda) },
		func() { d.Agenda = append(d.Agenda, forms.AgendaItem{}) },
		func(i int) { d.Agenda = append(d.Agenda[:i], d.Agenda[i+1:]...) })
}

func (f *formScreen) buildExperts(s *section, sd *forms.SectionDecl, lbl func(key string) string) {
	d := f.d
	f.blockTable(s, sd, lbl, "experts", f.u.call.FieldLabel("experts"), []tableColumn{
		{"name", func(i int, pre string, msg *widgets.Label) fyne.CanvasObject {
			return f.cellText(pre+"name", &d.Experts[i].Name, msg, "姓名")
		}},
		{"unit", func(i int, pre string, msg *widgets.Label) fyne.CanvasObject {
			return f.cellText(pre+"unit", &d.Experts[i].Unit, msg, "单位")
		}},
		{"title", func(i int, pre string, msg *widgets.Label) fyne.CanvasObject {
			return f.cellText(pre+"title", &d.Experts[i].Title, msg, "职称")
		}},
		{"topic", func(i int, pre string, msg *widgets.Label) fyne.CanvasObject {
			return f.cellText(pre+"topic", &d.Experts[i].Topic, msg, "报告题目")
		}},
	},
		func() int { return len(d.Experts) },
		func() { d.Experts = append(d.Experts, forms.Expert{}) },
		func(i int) { d.Experts = append(d.Experts[:i], d.Experts[i+1:]...) })
}

// buildBudget is the budget's block: the expense lines with their sum in
// capitals, then the amounts.
func (f *formScreen) buildBudget(s *section, sd *forms.SectionDecl, lbl func(key string) string) {
	b := &f.d.Budget
	if sd.Asks("lines") {
		f.blockTable(s, sd, lbl, "budget.lines", lbl("lines"), []tableColumn{
			{"lines.item", func(i int, pre string, msg *widgets.Label) fyne.CanvasObject {
				return f.cellText(pre+"item", &b.Lines[i].Item, msg, "如 会议费")
			}},
			{"lines.amount", func(i int, pre string, msg *widgets.Label) fyne.CanvasObject {
				return f.cellAmount(pre+"amount", &b.Lines[i].Amount, msg)
			}},
			{"lines.basis", func(i int, pre string, msg *widgets.Label) fyne.CanvasObject {
				return f.cellText(pre+"basis", &b.Lines[i].Basis, msg, "测算依据")
			}},
		},
			func() int { return len(b.Lines) },
			func() { b.Lines = append(b.Lines, forms.BudgetLine{}) },
			func(i int) { b.Lines = append(b.Lines[:i], b.Lines[i+1:]...) })
		f.budgetSum = widgets.NewSecondaryLabel("")
		s.box.Add(f.budgetSum)
	}
	money := &section{grid: containerForm()}
	s.box.Add(money.grid)
	amounts := []struct {
		key string
		ptr *int64
	}{
		{"total", &b.Total},
		{"provincial", &b.Provincial},
		{"self_raised", &b.SelfRaised},
		{"other", &b.Other},
	}
	for _, a := range amounts {
		if !sd.Asks(a.key) {
			continue
		}
		p := a.ptr
		f.number(money, "budget."+a.key, lbl(a.key), func() int64 { return *p }, func(n int64) { *p = n }, true, "元")
	}
	if sd.Asks("other_note") {
		f.text(money, "budget.other_note", lbl("other_note"), &b.OtherNote, "")
	}
	if s.first == "" {
		s.first = money.first
	}
}

// containerForm is a label | input grid outside a section's own grid.
func containerForm() *fyne.Container {
	return container.New(layout.NewFormLayout())
}

// honours is the check group of the honours that give priority.
func (f *formScreen) honours(s *section, label string) {
	call, a := f.u.call, &f.d.Applicant
	var opts []string
	for _, h := range call.Honours {
		opts = append(opts, call.PriorityYears+"年度"+h.Name)
	}
	g := widget.NewCheckGroup(opts, nil)
	g.Horizontal = false // one per line: the row stays narrow
	fl := &field{path: "applicant.honours", obj: g, msg: newMsg()}
	set := func() {
		var sel []string
		for i, h := range call.Honours {
			for _, id := range a.Honours {
				if id == h.ID {
					sel = append(sel, opts[i])
				}
			}
		}
		g.SetSelected(sel)
	}
	set()
	fl.reload = set
	g.OnChanged = func(sel []string) {
		var ids []string
		for i, h := range call.Honours {
			for _, x := range sel {
				if x == opts[i] {
					ids = append(ids, h.ID)
				}
			}
		}
		if strings.Join(ids, ",") == strings.Join(a.Honours, ",") {
			return
		}
		a.Honours = ids
		f.changed()
	}
	f.register(fl)
	if hint := priorityHint(call); hint != "" {
		f.addRow(s, label, fl, container.NewVBox(widgets.NewSecondaryLabel(hint), g))
		return
	}
	f.addRow(s, label, fl, g)
}

// priorityHint says, above the honours, that they give priority and
// where the notice says so (“获得以下荣誉的单位优先支持（通知 二、1）”),
// from the call's priority rule; "" when the call states none.
func priorityHint(call *forms.Call) string {
	for _, r := range forms.Rules(call) {
		if r.ID == forms.RulePriority {
			if r.Clause == "" {
				return "获得以下荣誉的单位优先支持。"
			}
			return "获得以下荣誉的单位优先支持（通知 " + r.Clause + "）。"
		}
	}
	return ""
}

// applicantTypes are the call's applicant types in the call file's order.
func applicantTypes(call *forms.Call) []option {
	out := make([]option, len(call.Types))
	for i, t := range call.Types {
		out[i] = option{t.ID, t.Name}
	}
	return out
}

// typesNeeding names the applicant types with a duty ("省级学会").
func typesNeeding(call *forms.Call, needs func(string) bool) string {
	var n []string
	for _, t := range call.Types {
		if needs(t.ID) {
			n = append(n, t.Name)
		}
	}
	return strings.Join(n, "、")
}

func firstOf(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}
