package app

import (
	"fmt"
	"slices"
	"sort"
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
}

func newFormScreen(u *ui, path string, d *forms.Draft) *formScreen {
	d.EnsurePart()
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

// build lays out the sections of the draft's category.
func (f *formScreen) build() {
	d, call, cat := f.d, f.u.call, f.cat
	catName := d.Category
	if cat != nil {
		catName = cat.Name
	}
	head := f.newSection("cover", "封面　项目类别："+catName)
	catMsg := newMsg()
	f.register(&field{path: "category", obj: head.box, msg: catMsg, reload: func() {}})
	head.box.Add(catMsg)
	f.date(head, "cover.apply_date", "申报日期", &d.Cover.ApplyDate)
	f.check(head, "confidential", "保密", "申报内容涉及保密（不通过互联网报送）", &d.Confidential)
	f.text(head, "confidential_note", "保密说明", &d.ConfidentialNote, "涉密时说明涉及哪些内容")

	// Part 1
	a := &d.Applicant
	s := f.newSection("applicant", "第一部分　申报单位基本情况")
	f.copyUnitBtn = widget.NewButtonWithIcon("从其他申报书复制单位信息…", theme.ContentCopyIcon(), f.onCopyUnit)
	s.box.Objects = append(s.box.Objects[:1], append([]fyne.CanvasObject{container.NewHBox(f.copyUnitBtn)}, s.box.Objects[1:]...)...)
	f.text(s, "applicant.name", "单位名称", &a.Name, "与公章上的名称一致")
	f.choose(s, "applicant.type", "单位类型", applicantTypes(call), &a.Type)
	f.text(s, "applicant.credit_code", "统一社会信用代码", &a.CreditCode, "18位，见登记证书")
	f.text(s, "applicant.address", "通讯地址", &a.Address, "")
	f.text(s, "applicant.postcode", "邮政编码", &a.Postcode, "6位数字")
	f.text(s, "applicant.leader", "法定代表人（负责人）", &a.Leader, "")
	f.text(s, "applicant.leader_title", "负责人职务", &a.LeaderTitle, "如 理事长")
	f.text(s, "applicant.contact", "联系人", &a.Contact, "")
	f.text(s, "applicant.contact_title", "联系人职务", &a.ContactTitle, "如 秘书长")
	f.text(s, "applicant.mobile", "联系人手机", &a.Mobile, "11位手机号")
	f.text(s, "applicant.phone", "办公电话", &a.Phone, "如 0431-85261411")
	f.text(s, "applicant.email", "电子邮箱", &a.Email, "name@example.com")
	f.check(s, "applicant.annual_inspection_passed", "年检", "学会年检合格（省级学会必填）", &a.AnnualInspection)
	f.check(s, "applicant.evaluation_taken", "学会评价", fmt.Sprintf("已参加%s%d年度学会评价（省级学会必填）", call.Funder(), call.Society.EvaluationYear), &a.Evaluation)
	f.check(s, "applicant.graduate_training", "研究生培养", "本单位有研究生培养资格", &a.GraduateTraining)
	f.honours(s)
	f.table(s, "joint_applicants", "联合申报单位（鼓励与地方科协联合申报）", []string{"单位名称", "单位类型"},
		func() int { return len(d.Joint) },
		func(i int, msg *textLabel) []fyne.CanvasObject {
			j := &d.Joint[i]
			pre := fmt.Sprintf("joint_applicants[%d].", i)
			return []fyne.CanvasObject{f.cellText(pre+"name", &j.Name, msg, "如 长春市科学技术协会"), f.cellSelect(pre+"type", applicantTypes(call), &j.Type, msg)}
		},
		func() { d.Joint = append(d.Joint, forms.Joint{Type: forms.TypeCitySAT}) },
		func(i int) { d.Joint = append(d.Joint[:i], d.Joint[i+1:]...) })

	// Part 2
	p := &d.Project
	s = f.newSection("project", "第二部分　项目基本情况")
	if cat != nil && cat.FundingKind == forms.FundingVenue {
		var vs []option
		for _, v := range cat.Venues {
			vs = append(vs, option{v.ID, fmt.Sprintf("%s（%s元）", v.Name, forms.Thousands(v.Funding))})
		}
		f.choose(s, "venue", "承办赛场", vs, &d.Venue)
	}
	f.text(s, "project.name", "项目名称", &p.Name, "")
	f.text(s, "project.theme", "主题", &p.Theme, "")
	f.date(s, "project.start_date", "开始日期", &p.StartDate)
	f.date(s, "project.end_date", "结束日期", &p.EndDate)
	f.text(s, "project.city", "举办城市", &p.City, "如 长春市")
	f.text(s, "project.place", "举办地点", &p.Place, "")
	if cat != nil && len(cat.FormsAllowed) > 0 {
		f.choose(s, "project.form", "活动形式", plainOptions(cat.FormsAllowed...), &p.Form)
	} else {
		f.text(s, "project.form", "活动形式", &p.Form, "")
	}
	f.number(s, "project.participants", "预计参会人数", func() int64 { return int64(p.Participants) }, func(n int64) { p.Participants = int(n) }, false, "人")
	if cat != nil && cat.MinPapers > 0 {
		f.number(s, "project.papers", "征集论文数", func() int64 { return int64(p.Papers) }, func(n int64) { p.Papers = int(n) }, false, "篇")
	}
	f.text(s, "project.organisers", "主办/承办单位", &p.Organisers, "主办：…；承办：…")
	f.text(s, "project.co_organisers", "协办单位", &p.CoOrganisers, "")
	f.text(s, "project.supporters", "支持单位", &p.Supporters, "")
	f.long(s, "project.summary", "项目简介", &p.Summary, "活动内容、规模、特色")
	f.number(s, "project.requested_amount", call.RequestLabel(), func() int64 { return p.RequestedAmount }, func(n int64) { p.RequestedAmount = n }, true, "元")

	f.buildCategoryPart()

	// Part 4
	s = f.newSection("agenda", "第四部分　日程安排、邀请专家和预期成果")
	f.table(s, "agenda", "日程安排", []string{"日期", "时间", "内容", "报告人"},
		func() int { return len(d.Agenda) },
		func(i int, msg *textLabel) []fyne.CanvasObject {
			it := &d.Agenda[i]
			pre := fmt.Sprintf("agenda[%d].", i)
			return []fyne.CanvasObject{f.cellDate(pre+"date", &it.Date, msg), f.cellText(pre+"time", &it.Time, msg, "09:00-11:30"), f.cellText(pre+"item", &it.Item, msg, "内容"), f.cellText(pre+"speaker", &it.Speaker, msg, "报告人")}
		},
		func() { d.Agenda = append(d.Agenda, forms.AgendaItem{}) },
		func(i int) { d.Agenda = append(d.Agenda[:i], d.Agenda[i+1:]...) })
	f.table(s, "experts", "邀请专家", []string{"姓名", "单位", "职称", "报告题目"},
		func() int { return len(d.Experts) },
		func(i int, msg *textLabel) []fyne.CanvasObject {
			e := &d.Experts[i]
			pre := fmt.Sprintf("experts[%d].", i)
			return []fyne.CanvasObject{f.cellText(pre+"name", &e.Name, msg, "姓名"), f.cellText(pre+"unit", &e.Unit, msg, "单位"), f.cellText(pre+"title", &e.Title, msg, "职称"), f.cellText(pre+"topic", &e.Topic, msg, "报告题目")}
		},
		func() { d.Experts = append(d.Experts, forms.Expert{}) },
		func(i int) { d.Experts = append(d.Experts[:i], d.Experts[i+1:]...) })
	tail := &section{grid: containerForm()}
	s.box.Add(tail.grid)
	tail.first = "expected_results"
	f.long(tail, "expected_results", "预期成果", &d.ExpectedResults, "报告、论文集、专家建议等")
	f.long(tail, "publicity", "宣传计划", &d.Publicity, "")

	// Part 5
	b := &d.Budget
	s = f.newSection("budget", "第五部分　经费预算（单位：元）")
	f.table(s, "budget.lines", "支出明细", []string{"支出项目", "金额（元）", "测算依据"},
		func() int { return len(b.Lines) },
		func(i int, msg *textLabel) []fyne.CanvasObject {
			l := &b.Lines[i]
			pre := fmt.Sprintf("budget.lines[%d].", i)
			return []fyne.CanvasObject{f.cellText(pre+"item", &l.Item, msg, "如 会议费"), f.cellAmount(pre+"amount", &l.Amount, msg), f.cellText(pre+"basis", &l.Basis, msg, "测算依据")}
		},
		func() { b.Lines = append(b.Lines, forms.BudgetLine{}) },
		func(i int) { b.Lines = append(b.Lines[:i], b.Lines[i+1:]...) })
	f.budgetSum = newSecondaryLabel("")
	s.box.Add(f.budgetSum)
	money := &section{grid: containerForm()}
	s.box.Add(money.grid)
	f.number(money, "budget.total", "预算总额", func() int64 { return b.Total }, func(n int64) { b.Total = n }, true, "元")
	f.number(money, "budget.provincial", call.GrantName(), func() int64 { return b.Provincial }, func(n int64) { b.Provincial = n }, true, "元")
	f.number(money, "budget.self_raised", "自筹经费", func() int64 { return b.SelfRaised }, func(n int64) { b.SelfRaised = n }, true, "元")
	f.number(money, "budget.other", "其他经费", func() int64 { return b.Other }, func(n int64) { b.Other = n }, true, "元")
	f.text(money, "budget.other_note", "其他经费来源", &b.OtherNote, "")

	// Part 6
	s = f.newSection("opinions", "第六部分　申报单位意见")
	f.long(s, "opinions.applicant", "申报单位意见", &d.Opinions.Applicant, "如 同意申报……")
	f.text(s, "opinions.signer", "负责人", &d.Opinions.Signer, "")
}

// containerForm is a label | input grid outside a section's own grid.
func containerForm() *fyne.Container {
	return container.New(layout.NewFormLayout())
}

// honours is the check group of the honours that give priority.
func (f *formScreen) honours(s *section) {
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
	f.addRow(s, "获得荣誉（优先支持）", fl, g)
}

// applicantTypes are the call's applicant types in a stable order.
func applicantTypes(call *forms.Call) []option {
	order := []string{forms.TypeProvincialSociety, forms.TypeUniversitySAT, forms.TypeEnterpriseSAT, forms.TypeResearchInstitute, forms.TypeUniversity, forms.TypeCitySAT}
	var out []option
	seen := map[string]bool{}
	for _, id := range order {
		if n, ok := call.ApplicantTypes[id]; ok {
			out = append(out, option{id, n})
			seen[id] = true
		}
	}
	var rest []string
	for id := range call.ApplicantTypes {
		if !seen[id] {
			rest = append(rest, id)
		}
	}
	sort.Strings(rest)
	for _, id := range rest {
		out = append(out, option{id, call.ApplicantTypes[id]})
	}
	return out
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
	fl := f.resolve(fd.Field)
	if fl == nil || fl.empty == nil || f.touched[fl.path] || fl.local != "" {
		return false
	}
	return fl.empty()
}

// recheck runs the call's checks and the quota check across the folder's
// drafts, and updates the messages and the panel.
func (f *formScreen) recheck() {
	fs := forms.Check(f.u.call, f.d, f.opts)
	all := append(f.others[:len(f.others):len(f.others)], forms.NamedDraft{Name: f.path, Draft: f.d})
	fs = append(fs, forms.CheckAcross(f.u.call, all)[len(all)-1]...)
	forms.SortFindings(fs)
	f.findings = fs
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
		text := strings.Join(texts[l], "；")
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
