package app

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
	"shenbao/forms/submission"
)

// formScreen is one open draft: the guided form of its category, the
// findings panel, saving and autosave.
type formScreen struct {
	u       *ui
	path    string
	d       *forms.Draft
	cat     *forms.Category
	content fyne.CanvasObject
	// relevant are the sections asked only when their when holds, shown
	// or hidden as the draft changes (refreshRelevant).
	relevant []relevantBox

	scroll *container.Scroll
	body   *fyne.Container

	sections []*section
	curStep  int // the section being built, then the step shown
	steps    *stepNav
	fields   map[string]*field
	order    []*field
	msgs     map[*textLabel]bool
	tables   map[string]*rowsTable
	dates    []*dateBox
	bindings int

	// touched are the fields the user has left once; checkAll is set by
	// 检查全部 and by export: until then an empty field's findings are
	// "待填", not errors.
	touched    map[string]bool
	lastCommit commitMark // to take back a commit made by leaving the window
	checkAll   bool
	checkTimer *time.Timer
	pending    int         // findings shown as 待填
	stepCounts []stepState // per step, from the last check

	panel    *findingsPanel
	findings []forms.Finding
	others   []forms.NamedDraft // the other drafts of the folder (quota check)
	opts     forms.Options

	title, state                *widget.Label
	backBtn, saveBtn, reviewBtn *widget.Button
	exportBtn, copyUnitBtn      *widget.Button
	afterBtn                    *widget.Button
	after                       *afterView // the after-selection screen, while shown
	budgetSum                   *textLabel
	exporting                   bool
	exportProgress              *widget.ProgressBar
	exportStep                  *widget.Label
	exportBox                   *fyne.Container
	exported                    *submission.Result
	onExportDone                func() // tests wait for the export
	copyUnitSelect              *widget.Select
	templateBtn                 *widget.Button // a sample's 以此为模板新建
	templateName                *widget.Entry  // its question's unit name
	sample                      bool           // an opened sample, not a draft
	split                       *container.Split

	readOnly     bool          // a draft of a call the program does not have
	readOnlyNote *widget.Label // says why

	dirty     bool
	editSeq   int64      // counts changes
	savedSeq  int64      // editSeq at the last successful save
	ioMu      sync.Mutex // serialises writes of the draft and its side file
	savedMu   sync.Mutex // guards savedSeq
	timer     *time.Timer
	autosaved time.Time

	diskGuard *forms.Guard // one writer per draft: what the file was when opened (form_save.go)
}

func newFormScreen(u *ui, path string, d *forms.Draft) *formScreen {
	d.EnsurePart()
	d.EnsureSections(u.call)
	f := &formScreen{u: u, path: path, d: d, cat: u.call.Category(d.Category),
		fields: map[string]*field{}, msgs: map[*textLabel]bool{}, tables: map[string]*rowsTable{}, touched: map[string]bool{}}
	f.opts = checkOptions(u.now())
	f.sample = u.isSample(path)
	if !f.sample {
		f.others = quotaPeers(u.draftsDir(), path)
	}
	f.body = container.NewVBox()
	f.build()
	f.curStep = 0
	// The unit's name is the secretary's own: its hint names no unit (the
	// samples' units would read as a suggestion).
	if fl := f.fields["applicant.name"]; fl != nil {
		if e, ok := fl.focus.(*commitEntry); ok {
			e.SetPlaceHolder("与公章上的名称一致")
		}
	}
	f.scroll = container.NewVScroll(container.NewPadded(f.body))
	f.panel = newFindingsPanel(f)
	f.steps = newStepNav(f)

	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{})
	f.title.Truncation = fyne.TextTruncateEllipsis
	f.state = widget.NewLabel("")
	f.state.Truncation = fyne.TextTruncateEllipsis
	f.backBtn = widget.NewButtonWithIcon("草稿列表", theme.NavigateBackIcon(), func() { u.leaveForm(u.showStart) })
	f.saveBtn = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), f.onSave)
	f.reviewBtn = widget.NewButtonWithIcon("审阅全文", theme.VisibilityIcon(), f.onReview)
	f.exportBtn = widget.NewButtonWithIcon("导出申报材料", theme.UploadIcon(), f.onExport)
	f.afterBtn = widget.NewButtonWithIcon("入选与会后材料", theme.HistoryIcon(), f.onAfter)
	f.exportProgress = widget.NewProgressBar()
	f.exportStep = widget.NewLabel("")
	f.exportBox = container.NewBorder(nil, nil, f.exportStep, nil, f.exportProgress)
	f.exportBox.Hide()
	right := container.NewHBox(f.saveBtn, f.reviewBtn, f.exportBtn, f.afterBtn)
	if f.sample {
		// A sample is read and tried, never saved as the secretary's own:
		// it becomes a draft only through 以此为模板新建.
		f.templateBtn = widget.NewButtonWithIcon("以此为模板新建…", theme.ContentAddIcon(), f.onTemplate)
		f.templateBtn.Importance = widget.HighImportance
		right = container.NewHBox(f.templateBtn, f.reviewBtn, f.exportBtn, f.afterBtn)
	}
	bar := container.NewBorder(nil, nil, f.backBtn, right, f.title)
	f.split = container.NewHSplit(newWheelScroll(f.scroll), f.panel.content)
	f.split.Offset = u.splitOffset()
	bottom := container.NewBorder(nil, nil, f.steps.buttons, nil, f.state)
	f.content = container.NewBorder(container.NewVBox(bar, f.exportBox, widget.NewSeparator()),
		container.NewVBox(widget.NewSeparator(), bottom), f.steps.content, nil, f.split)
	f.recheck()
	f.refreshState()
	f.showStep(0)
	return f
}

// build lays out the form: the cover step when a document the call
// declares has a cover (category, the cover's date, whether the
// application is confidential), then the sections the call declares, in
// the order of its documents. A part (level 1) is a step; its sub-parts
// (level 2) follow in the same step. A built-in block shows the inputs the
// call asks, labelled as it declares; a section of the call's own shows its
// declared fields like the category's part. A block declared in two
// documents is asked once, where it first appears. With no cover, the
// category heads the first step and the confidentiality is asked in the
// applicant's.
func (f *formScreen) build() {
	d, cat, call := f.d, f.cat, f.u.call
	catName := d.Category
	if cat != nil {
		catName = cat.Name
	}
	catMsg := newMsg()
	var head *section
	if cover := call.Cover(); cover != nil {
		head = f.newSection("cover", "封面　项目类别："+catName)
		f.register(&field{path: "category", obj: head.box, msg: catMsg, reload: func() {}})
		head.box.Add(catMsg)
		if cover.Asks("apply_date") {
			f.date(head, "cover.apply_date", call.Expand(cover.Label("apply_date", call.FieldLabel("cover.apply_date")), cat), &d.Cover.ApplyDate)
		}
		f.confidential(head)
	}

	built := map[string]bool{}
	for i := range f.u.call.Documents {
		doc := &f.u.call.Documents[i]
		ids := forms.StepIDs(doc)
		var cur *section
		for j := range doc.Sections {
			sd := &doc.Sections[j]
			if id := sd.ID(); id != "" {
				if built[id] {
					continue
				}
				built[id] = true
			}
			if sd.Block == forms.BlockPart && (cat == nil || len(cat.Part.Fields) == 0) {
				continue // nothing to ask
			}
			if sd.LevelOf() == 1 || cur == nil {
				cur = f.newSection(ids[j], f.formTitle(sd))
				f.buildSection(cur, sd)
				if sd.Conditional() {
					// the step stays, its inputs shown only when it applies
					inner := container.NewVBox(cur.box.Objects[1:]...)
					note := widget.NewLabel("根据已填写的内容，本部分无需填写。")
					cur.box.Objects = []fyne.CanvasObject{cur.box.Objects[0], note, inner}
					f.relevant = append(f.relevant, relevantBox{sd: sd, box: inner, note: note})
				}
				continue
			}
			sub := &section{id: cur.id, box: cur.box}
			if sd.Conditional() {
				sub.box = container.NewVBox()
				cur.box.Add(sub.box)
				f.relevant = append(f.relevant, relevantBox{sd: sd, box: sub.box})
			}
			f.buildSection(sub, sd)
			if cur.first == "" {
				cur.first = sub.first
			}
		}
	}
	if head != nil || len(f.sections) == 0 {
		return
	}
	saved := f.curStep
	defer func() { f.curStep = saved }()
	f.curStep = 0
	first := f.sections[0]
	first.box.Objects = append([]fyne.CanvasObject{first.box.Objects[0], widget.NewLabel("项目类别：" + catName), catMsg}, first.box.Objects[1:]...)
	f.register(&field{path: "category", obj: first.box, msg: catMsg, reload: func() {}})
	for i, s := range f.sections {
		if s.id == forms.BlockApplicant {
			f.curStep = i
			f.confidential(grid(s))
		}
	}
}

// confidential asks whether the application is confidential, when the
// applicant's block asks it (its key confidential), with its note.
func (f *formScreen) confidential(s *section) {
	call := f.u.call
	a := call.BlockSection(forms.BlockApplicant)
	if a == nil || !a.Asks("confidential") {
		return
	}
	f.check(s, "confidential", call.BlockLabel(a, "confidential", f.cat), "申报内容涉及保密（不通过互联网报送）", &f.d.Confidential)
	f.text(s, "confidential_note", call.FieldLabel("confidential_note"), &f.d.ConfidentialNote, "涉密时说明涉及哪些内容")
}

// relevantBox is a section asked only when its when holds: its inputs,
// and for a part the note shown in their place.
type relevantBox struct {
	sd   *forms.SectionDecl
	box  fyne.CanvasObject
	note fyne.CanvasObject // nil for a sub-part
}

// refreshRelevant shows the inputs of the sections that apply to the draft
// as it is now, and hides the others (their fields have no findings:
// forms.Check does not check them).
func (f *formScreen) refreshRelevant() {
	for _, r := range f.relevant {
		on := r.sd.Relevant(f.d)
		if on != r.box.Visible() {
			if on {
				r.box.Show()
			} else {
				r.box.Hide()
			}
		}
		if r.note != nil && on == r.note.Visible() {
			if on {
				r.note.Hide()
			} else {
				r.note.Show()
			}
		}
	}
}

// formTitle is the title of the window's step a part starts: declared
// (form_title), or "第一部分　…" made from a printed "一、…".
func (f *formScreen) formTitle(sd *forms.SectionDecl) string {
	call := f.u.call
	t := sd.FormTitle
	if t == "" {
		t = sd.Title
		if num, rest, ok := strings.Cut(t, "、"); ok && num != "" && strings.Trim(num, "一二三四五六七八九十") == "" {
			t = "第" + num + "部分　" + rest
		}
	}
	if f.cat == nil {
		t = strings.ReplaceAll(t, "{part_title}", f.d.Category)
	}
	return call.Expand(t, f.cat)
}

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
		func(i int, msg *textLabel) []fyne.CanvasObject {
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
			v.Objects = append([]fyne.CanvasObject{v.Objects[0], newSecondaryLabel(hint)}, v.Objects[1:]...)
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
	cell func(i int, pre string, msg *textLabel) fyne.CanvasObject
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
		func(i int, msg *textLabel) []fyne.CanvasObject {
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
		{"date", func(i int, pre string, msg *textLabel) fyne.CanvasObject {
			return f.cellDate(pre+"date", &d.Agenda[i].Date, msg)
		}},
		{"time", func(i int, pre string, msg *textLabel) fyne.CanvasObject {
			return f.cellText(pre+"time", &d.Agenda[i].Time, msg, "09:00-11:30")
		}},
		{"item", func(i int, pre string, msg *textLabel) fyne.CanvasObject {
			return f.cellText(pre+"item", &d.Agenda[i].Item, msg, "内容")
		}},
		{"speaker", func(i int, pre string, msg *textLabel) fyne.CanvasObject {
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
		{"name", func(i int, pre string, msg *textLabel) fyne.CanvasObject {
			return f.cellText(pre+"name", &d.Experts[i].Name, msg, "姓名")
		}},
		{"unit", func(i int, pre string, msg *textLabel) fyne.CanvasObject {
			return f.cellText(pre+"unit", &d.Experts[i].Unit, msg, "单位")
		}},
		{"title", func(i int, pre string, msg *textLabel) fyne.CanvasObject {
			return f.cellText(pre+"title", &d.Experts[i].Title, msg, "职称")
		}},
		{"topic", func(i int, pre string, msg *textLabel) fyne.CanvasObject {
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
			{"lines.item", func(i int, pre string, msg *textLabel) fyne.CanvasObject {
				return f.cellText(pre+"item", &b.Lines[i].Item, msg, "如 会议费")
			}},
			{"lines.amount", func(i int, pre string, msg *textLabel) fyne.CanvasObject {
				return f.cellAmount(pre+"amount", &b.Lines[i].Amount, msg)
			}},
			{"lines.basis", func(i int, pre string, msg *textLabel) fyne.CanvasObject {
				return f.cellText(pre+"basis", &b.Lines[i].Basis, msg, "测算依据")
			}},
		},
			func() int { return len(b.Lines) },
			func() { b.Lines = append(b.Lines, forms.BudgetLine{}) },
			func(i int) { b.Lines = append(b.Lines[:i], b.Lines[i+1:]...) })
		f.budgetSum = newSecondaryLabel("")
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
	f.addRow(s, label, fl, g)
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

// changed is called after every committed edit (a choice, a check box, a
// table row, a date, a value the user left): the draft is re-checked, only
// the messages and the findings panel are updated, and autosave is
// scheduled.
func (f *formScreen) changed() {
	f.edited()
	f.recheck()
}

// edited records a change of the draft without checking it yet (a
// keystroke): autosave is scheduled, and so is a check after a short pause.
func (f *formScreen) edited() {
	f.editSeq++
	f.markDirty()
	f.scheduleAutosave()
	f.scheduleCheck()
}

// checkDelay is the pause in typing after which the typed value is checked.
const checkDelay = 800 * time.Millisecond

// scheduleCheck (re)starts the timer of the check after a pause in typing.
func (f *formScreen) scheduleCheck() {
	if f.checkTimer != nil {
		f.checkTimer.Stop()
	}
	f.checkTimer = time.AfterFunc(f.u.checkDelay, func() { onUI("check after a pause", f.recheck) })
}

// commit is called when the user leaves a field: it is checked now, and
// its findings are no longer "待填".
func (f *formScreen) commit(fl *field) {
	mark := commitMark{path: fl.path, wasTouched: f.touched[fl.path]}
	f.touched[fl.path] = true
	if f.checkTimer != nil {
		f.checkTimer.Stop()
	}
	f.recheck()
	// Timed when the commit is done, on the real clock (the form's own may
	// be pinned): what windowLeft measures is only the gap between two
	// calls of one event.
	mark.at = time.Now()
	f.lastCommit = mark
}

// commitMark is the last commit: which field, whether it had been left
// before, and when.
type commitMark struct {
	path       string
	wasTouched bool
	at         time.Time
}

// windowLeft is called when the window loses the keyboard to another
// program. Fyne tells the focused entry first, as if the user had left the
// field, and then the program, in the same event: a commit made just before
// is taken back, so that a field still empty stays 待填 instead of showing
// its message. The entry keeps the focus; leaving it later commits.
func (f *formScreen) windowLeft() {
	m := f.lastCommit
	f.lastCommit = commitMark{}
	if m.path == "" || m.wasTouched || time.Since(m.at) > windowLeftWithin {
		return
	}
	delete(f.touched, m.path)
	f.recheck()
}

// windowLeftWithin is how soon after a commit the window's losing the
// keyboard means that commit came from it: both are one event, a fraction
// of a millisecond apart. A person leaving a field and switching programs
// (Tab, then Alt+Tab) takes longer; a click that leaves a field and opens
// the system's file dialog might not, and then that field is only 待填
// again.
const windowLeftWithin = 50 * time.Millisecond

// onCheckAll shows every finding as it is, empty fields included, and goes
// to the first that needs a change.
func (f *formScreen) onCheckAll() {
	f.checkAll = true
	f.recheck()
	for _, fd := range f.findings {
		if fd.Severity == forms.Error && f.resolve(fd.Field) != nil {
			f.jump(fd.Field)
			return
		}
	}
}

// isPending reports whether a finding is only "待填": its field is still
// empty and the user has neither left it nor asked for a full check.
func (f *formScreen) isPending(fd forms.Finding) bool {
	if f.checkAll || fd.Severity == forms.Info || fd.Field == "" {
		return false
	}
	if fd.Rule == forms.RuleAgendaDates {
		return f.onlyFreshUndated()
	}
	fl := f.resolve(fd.Field)
	if fl == nil || fl.empty == nil || f.touched[fl.path] || fl.local != "" {
		return false
	}
	return fl.empty()
}

// onlyFreshUndated tells whether every agenda row without a date is a
// row just added that nothing has been typed into nor left: its missing
// date is still to fill in (待填), not a warning the moment 添加一行 is
// pressed.
func (f *formScreen) onlyFreshUndated() bool {
	t := f.tables["agenda"]
	if t == nil {
		return false
	}
	fresh := 0
	for i, it := range f.d.Agenda {
		if !it.Date.IsZero() {
			continue
		}
		if !t.fresh(i) {
			return false
		}
		fresh++
	}
	return fresh > 0
}

// recheck runs the call's checks and the quota check across the folder's
// drafts, and updates the messages and the panel.
func (f *formScreen) recheck() {
	fs := forms.Check(f.u.call, f.d, f.opts)
	all := append(f.others[:len(f.others):len(f.others)], forms.NamedDraft{Name: f.path, Draft: f.d})
	fs = append(fs, forms.CheckAcross(f.u.call, all)[len(all)-1]...)
	fs = f.withUnreadable(fs)
	forms.SortFindings(fs)
	f.findings = fs
	f.refreshRelevant()
	before := f.stepCounts
	f.refreshMessages()
	f.panel.refreshFindings(fs)
	f.refreshBudgetSum()
	if f.steps != nil && !slices.Equal(before, f.stepCounts) {
		f.steps.refresh()
	}
	if f.title != nil {
		f.refreshState() // the draft's name follows its project and unit
	}
}

// ruleUnreadable is the rule of a typed text the window cannot read as
// its field's kind (“2024年2月没有30日”, “请只填写阿拉伯数字”): the draft
// holds no value for it, and the field says why (field.local).
const ruleUnreadable = "input.unreadable"

// withUnreadable makes each field's own problem with its typed text a
// finding, an error, so that what is said under a field is what the panel
// counts and what export stops at, with the same severity: the call's
// findings on such a field, which its message line does not show (the
// text is said first), are left out.
func (f *formScreen) withUnreadable(fs []forms.Finding) []forms.Finding {
	var local []*field
	for _, fl := range f.order {
		if fl.local != "" && fl.msg != nil {
			local = append(local, fl)
		}
	}
	if len(local) == 0 {
		return fs
	}
	out := make([]forms.Finding, 0, len(fs)+len(local))
	for _, fd := range fs {
		if fd.Field != "" {
			if fl := f.resolve(fd.Field); fl != nil && fl.local != "" {
				continue
			}
		}
		out = append(out, fd)
	}
	for _, fl := range local {
		out = append(out, forms.Finding{Rule: ruleUnreadable, Field: fl.path, Severity: forms.Error, Message: fl.local})
	}
	return out
}

// resolve finds the field a finding's path belongs to: the field itself, or
// the nearest enclosing one ("budget.lines[2]" → the budget table).
func (f *formScreen) resolve(path string) *field {
	for p := path; p != ""; {
		if fl, ok := f.fields[p]; ok {
			return fl
		}
		switch {
		case strings.HasSuffix(p, "]"):
			p = p[:strings.LastIndexByte(p, '[')]
		case strings.Contains(p, "."):
			p = p[:strings.LastIndexByte(p, '.')]
		default:
			p = ""
		}
	}
	return nil
}

// severityPrefix is how a finding's severity is written in the window.
func severityPrefix(s forms.Severity) string {
	switch s {
	case forms.Error:
		return "错误："
	case forms.Warning:
		return "警告："
	}
	return "提示："
}

// refreshMessages writes each field's findings on its message line,
// touching only the labels whose text changes, and counts per step what
// needs a change and what is still to be filled in.
func (f *formScreen) refreshMessages() {
	texts := map[*textLabel][]string{}
	worst := map[*textLabel]forms.Severity{}
	rank := map[forms.Severity]int{forms.Error: 3, forms.Warning: 2, forms.Info: 1}
	add := func(l *textLabel, s forms.Severity, msg string) {
		for _, t := range texts[l] {
			if t == msg {
				return
			}
		}
		texts[l] = append(texts[l], msg)
		if rank[s] > rank[worst[l]] {
			worst[l] = s
		}
	}
	todo := map[*textLabel]bool{}
	f.pending = 0
	counts := make([]stepState, len(f.sections))
	seen := map[*field]bool{}
	count := func(fl *field, pending bool) {
		if fl.step < 0 || fl.step >= len(counts) || seen[fl] {
			return
		}
		seen[fl] = true
		if pending {
			counts[fl.step].pending++
		} else {
			counts[fl.step].problems++
		}
	}
	defer func() { f.stepCounts = counts }()
	for _, fl := range f.order {
		if fl.empty != nil && !fl.empty() && fl.step >= 0 && fl.step < len(counts) {
			counts[fl.step].filled++
		}
	}
	for _, fl := range f.order {
		if fl.local != "" && fl.msg != nil {
			add(fl.msg, forms.Error, "错误："+fl.local)
			count(fl, false)
		}
	}
	for _, fd := range f.findings {
		if fd.Field == "" {
			continue
		}
		fl := f.resolve(fd.Field)
		if fl == nil || fl.msg == nil {
			continue
		}
		if fl.local != "" {
			continue // the text itself is not readable: that is said first
		}
		if f.isPending(fd) {
			f.pending++
			todo[fl.msg] = true
			count(fl, true)
			continue
		}
		add(fl.msg, fd.Severity, severityPrefix(fd.Severity)+fd.Message)
		if fd.Severity != forms.Info {
			count(fl, false)
		}
	}
	for l := range f.msgs {
		text := joinMessages(texts[l])
		imp := severityImportance(worst[l])
		if text == "" && todo[l] {
			text, imp = "待填", widget.LowImportance
		}
		if l.Text == text && l.Importance == imp {
			continue
		}
		l.Importance = imp
		l.SetText(text)
	}
}

// joinMessages writes a field's messages on its one line, each but the
// last without its full stop, joined by "；" (never "。；").
func joinMessages(ms []string) string {
	var b strings.Builder
	for i, m := range ms {
		if i < len(ms)-1 {
			m = strings.TrimRight(m, "。 ")
			b.WriteString(m)
			b.WriteString("；")
			continue
		}
		b.WriteString(m)
	}
	return b.String()
}

// severityImportance is the one colour of each severity, everywhere in the
// window: errors red, warnings orange, information plain; "待填" is
// LowImportance, grey (colorNameSecondary: the messages are textLabels).
func severityImportance(s forms.Severity) widget.Importance {
	switch s {
	case forms.Error:
		return widget.DangerImportance
	case forms.Warning:
		return widget.WarningImportance
	case forms.Info:
		return widget.MediumImportance
	}
	return widget.LowImportance
}

// refreshBudgetSum shows the sum of the budget lines under the table.
func (f *formScreen) refreshBudgetSum() {
	if f.budgetSum == nil {
		return
	}
	var sum int64
	for _, l := range f.d.Budget.Lines {
		sum += l.Amount
	}
	text := fmt.Sprintf("明细合计 %s 元（%s）", forms.Thousands(sum), forms.Capital(sum))
	if f.budgetSum.Text != text {
		f.budgetSum.SetText(text)
	}
}

// jump brings a finding's field into view and focuses it.
func (f *formScreen) jump(path string) bool {
	fl := f.resolve(path)
	if fl == nil {
		return f.jumpAfter(path)
	}
	if f.u.review != nil {
		f.u.review = nil
		f.u.setContent(f.content)
	}
	if f.after != nil {
		f.closeAfter()
	}
	if fl.step != f.steps.cur {
		f.showStep(fl.step)
	}
	f.scrollTo(fl.obj)
	if fl.focus != nil {
		f.u.win.Canvas().Focus(fl.focus)
	}
	return true
}

// afterTab is the after-selection tab a finding's path belongs to, or "".
func (f *formScreen) afterTab(path string) string {
	switch {
	case strings.HasPrefix(path, "selection."):
		return "入选与报送期限"
	case strings.HasPrefix(path, "reports.info_report"):
		return "信息报道稿"
	case strings.HasPrefix(path, "reports.results") && f.d.Category == "speech":
		return "分赛场成绩"
	case strings.HasPrefix(path, "reports.summary"), strings.HasPrefix(path, "reports.review"), strings.HasPrefix(path, "reports.proceedings"):
		return "总结与综述"
	case strings.HasPrefix(path, "reports.accounts"):
		return "决算表"
	}
	return ""
}

// jumpAfter opens the after-selection screen at the tab of a finding.
func (f *formScreen) jumpAfter(path string) bool {
	tab := f.afterTab(path)
	if tab == "" {
		return false
	}
	if f.after == nil {
		f.onAfter()
	}
	if f.after == nil {
		return false // it could not be saved first; the user was told
	}
	for _, it := range f.after.s.tabs.Items {
		if it.Text == tab {
			f.after.s.tabs.Select(it)
		}
	}
	// The field itself, in view (revealFocused), as on the form.
	if o := f.after.s.focusFor(path); o != nil {
		f.u.win.Canvas().Focus(o)
	}
	return true
}

// hasTarget reports whether a finding's path leads somewhere in the window.
func (f *formScreen) hasTarget(path string) bool {
	return path != "" && (f.resolve(path) != nil || f.afterTab(path) != "")
}

// scrollTo scrolls the form so that o is near the top.
func (f *formScreen) scrollTo(o fyne.CanvasObject) {
	drv := f.u.app.Driver()
	pos := drv.AbsolutePositionForObject(o)
	base := drv.AbsolutePositionForObject(f.scroll.Content)
	y := pos.Y - base.Y - 48
	max := f.scroll.Content.MinSize().Height - f.scroll.Size().Height
	if y > max {
		y = max
	}
	if y < 0 {
		y = 0
	}
	f.scroll.Offset = fyne.NewPos(0, y)
	f.scroll.Refresh()
}

// focusFirst puts the cursor in the first field of the step shown.
func (f *formScreen) focusFirst() {
	for _, fl := range f.order {
		if fl.step != f.steps.cur {
			continue
		}
		if e, ok := fl.focus.(*commitEntry); ok && e.Visible() {
			f.u.win.Canvas().Focus(e)
			return
		}
	}
}

// onCopyUnit copies the applicant's information from another draft.
func (f *formScreen) onCopyUnit() {
	var opts []string
	src := map[string]*forms.Draft{}
	for _, o := range otherDrafts(f.u.draftsDir(), f.path) {
		if o.Draft.Applicant.Name == "" {
			continue
		}
		k := o.Draft.Applicant.Name + "（" + displayName(o.Name) + "）"
		opts = append(opts, k)
		src[k] = o.Draft
	}
	if len(opts) == 0 {
		f.u.ask("复制单位信息", "草稿文件夹中没有其他填了单位信息的申报书。", choice{label: "确定", important: true})
		return
	}
	sel := widget.NewSelect(opts, nil)
	sel.SetSelectedIndex(0)
	f.copyUnitSelect = sel
	f.u.askWith("复制单位信息", "从哪一份申报书复制“申报单位基本情况”（名称、类型、信用代码、地址、联系人等）？当前填写的单位信息会被替换。", sel,
		choice{label: "复制", important: true, fn: func() { f.copyUnitFrom(src[sel.Selected]) }},
		choice{label: "取消"})
}

// copyUnitFrom replaces the applicant's information with another draft's.
func (f *formScreen) copyUnitFrom(o *forms.Draft) {
	if o == nil {
		return
	}
	a := o.Applicant
	a.Honours = append([]string(nil), o.Applicant.Honours...)
	f.d.Applicant = a
	for _, fl := range f.order {
		if strings.HasPrefix(fl.path, "applicant.") && fl.reload != nil {
			fl.reload()
		}
	}
	f.changed()
}
