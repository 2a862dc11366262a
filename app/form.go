package app

import (
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/widgets"
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
	msgs     map[*widgets.Label]bool
	tables   map[string]*rowsTable
	dates    []*widgets.DateBox
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
	budgetSum                   *widgets.Label
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
		fields: map[string]*field{}, msgs: map[*widgets.Label]bool{}, tables: map[string]*rowsTable{}, touched: map[string]bool{}}
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
		if e, ok := fl.focus.(*widgets.Entry); ok {
			e.SetPlaceHolder("与公章上的名称一致")
		}
	}
	f.scroll = container.NewVScroll(container.NewPadded(f.body))
	f.scroll.OnScrolled = func(fyne.Position) { f.onSeen() }
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
	f.split = container.NewHSplit(container.New(seenLayout{f}, widgets.NewWheelScroll(f.scroll)), f.panel.content)
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
