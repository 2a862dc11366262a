package app

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/data/binding"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/widgets"
	"shenbao/forms"
)

// field is one input of the form, by the path findings use for it
// ("applicant.name", "budget.lines[2].amount").
type field struct {
	path  string
	focus fyne.Focusable    // what a click on a finding focuses (nil: scroll only)
	obj   fyne.CanvasObject // what is scrolled into view
	msg   *widgets.Label    // where its findings are written (shared by a table row)
	// local is a problem the widget itself finds (a number that is not a
	// number); it is shown with the findings.
	local  string
	reload func() // sets the widget from the draft
	// empty reports whether the input holds nothing yet: its findings are
	// "待填" (to fill in) until the user has left it once or asked for a
	// full check.
	empty func() bool
	step  int // index of the section (step) it belongs to
	// seen: the field has been on screen in this window (markSeen); an
	// empty field never seen keeps its step from saying 已完成.
	seen bool
	// capital is the amount in Chinese capitals (人民币大写) under an
	// amount's box, if it has one.
	capital *widgets.Label
}

// section is one part of the form, as printed.
type section struct {
	id, title string
	grid      *fyne.Container // label | input rows
	box       *fyne.Container
	first     string // path of its first field (the review's edit link)
}

// newSection starts a part of the form.
func (f *formScreen) newSection(id, title string) *section {
	s := &section{id: id, title: title, grid: container.New(layout.NewFormLayout())}
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{})
	head.SizeName = theme.SizeNameSubHeadingText
	head.Wrapping = fyne.TextWrapBreak
	s.box = container.NewVBox(head, s.grid)
	f.sections = append(f.sections, s)
	f.curStep = len(f.sections) - 1
	// Each section is a step: only the current one is shown (steps.go).
	if f.curStep > 0 {
		s.box.Hide()
	}
	f.body.Add(s.box)
	return s
}

// newMsg is the message line under an input. Its one line is always
// there, empty or not, so a message appearing never moves the fields below
// (and the field under the pointer); a longer message is cut with "…" and
// reads whole in the findings panel. A widgets.Label, so that "待填"
// (LowImportance) is readable.
func newMsg() *widgets.Label {
	l := widgets.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// register adds a field to the form's index.
func (f *formScreen) register(fl *field) *field {
	fl.step = f.curStep
	if _, dup := f.fields[fl.path]; !dup {
		f.order = append(f.order, fl)
	} else {
		for i, o := range f.order {
			if o.path == fl.path {
				f.order[i] = fl
			}
		}
	}
	f.fields[fl.path] = fl
	if fl.msg != nil {
		f.msgs[fl.msg] = true
	}
	return fl
}

// unregisterPrefix drops the fields of a table before it is rebuilt.
func (f *formScreen) unregisterPrefix(prefix string) {
	keep := f.order[:0]
	for _, fl := range f.order {
		if strings.HasPrefix(fl.path, prefix) {
			delete(f.fields, fl.path)
			delete(f.msgs, fl.msg)
			continue
		}
		keep = append(keep, fl)
	}
	f.order = keep
}

// addRow puts a labelled input with its message into a section.
func (f *formScreen) addRow(s *section, label string, fl *field, input fyne.CanvasObject) {
	if s.first == "" {
		s.first = fl.path
	}
	l := widget.NewLabel(label)
	s.grid.Add(l)
	s.grid.Add(container.NewVBox(input, fl.msg))
}

// boundEmpty tells whether a bound text field is empty, by the draft's
// string: the entry itself gets the text a moment later (Fyne hands a
// binding's value to its widget through the UI goroutine's queue), so just
// after a draft opens every bound entry still reads empty, and the first
// check would take the draft's wrong values for fields still to fill in
// (待填) instead of showing what is wrong with them.
func boundEmpty(ptr *string) bool { return strings.TrimSpace(*ptr) == "" }

// bindEntry binds an entry to a string of the draft; every committed change
// re-checks the draft.
func (f *formScreen) bindEntry(e *widget.Entry, ptr *string) func() {
	b := binding.BindString(ptr)
	e.Bind(b)
	// The form's own messages say what is wrong; no tick from the binding.
	e.Validator = nil
	last := *ptr
	b.AddListener(binding.NewDataListener(func() {
		v, _ := b.Get()
		if v == last {
			return
		}
		last = v
		// The draft follows every keystroke (autosave); the check waits
		// for the value to be committed or for a pause.
		f.guard("输入", f.edited)
	}))
	f.bindings++
	return func() { _ = b.Reload() }
}

// text adds a one-line text input.
func (f *formScreen) text(s *section, path, label string, ptr *string, hint string) *widget.Entry {
	e := widgets.NewEntry()
	e.SetPlaceHolder(hint)
	fl := &field{path: path, focus: e, obj: e, msg: newMsg(), empty: func() bool { return boundEmpty(ptr) }}
	fl.reload = f.bindEntry(&e.Entry, ptr)
	e.OnCommit = func() { f.commit(fl) }
	f.register(fl)
	f.addRow(s, label, fl, e)
	return &e.Entry
}

// long adds a multi-line text input with a character counter.
func (f *formScreen) long(s *section, path, label string, ptr *string, hint string) *widget.Entry {
	e := widgets.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapBreak
	e.SetMinRowsVisible(4)
	e.SetPlaceHolder(hint)
	count := widgets.NewSecondaryLabel("")
	count.Alignment = fyne.TextAlignTrailing
	setCount := func(s string) {
		count.SetText(fmt.Sprintf("已输入 %d 字", utf8.RuneCountInString(strings.TrimSpace(s))))
	}
	setCount(*ptr)
	fl := &field{path: path, focus: e, obj: e, msg: newMsg(), empty: func() bool { return boundEmpty(ptr) }}
	fl.reload = f.bindEntry(&e.Entry, ptr)
	e.OnCommit = func() { f.commit(fl) }
	e.OnChanged = setCount
	f.register(fl)
	f.addRow(s, label, fl, container.NewVBox(e, count))
	return &e.Entry
}

// parseNumber reads a whole number typed with half- or full-width digits,
// with or without thousands separators; a number beyond ±forms.MaxAmount
// (1亿) is not accepted (widgets.ReadNumber says why).
func parseNumber(s string) (int64, bool) {
	n, problem := widgets.ReadNumber(s)
	return n, problem == ""
}

// number adds an input for a whole number; withCapital also shows the
// amount in Chinese capitals (人民币大写).
func (f *formScreen) number(s *section, path, label string, get func() int64, set func(int64), withCapital bool, unit string) *widget.Entry {
	e, fl, extra := f.numberField(path, get, set, withCapital, unit)
	f.register(fl)
	f.addRow(s, label, fl, extra)
	return &e.Entry
}

func (f *formScreen) numberField(path string, get func() int64, set func(int64), withCapital bool, unit string) (*widgets.Entry, *field, fyne.CanvasObject) {
	e := widgets.NewAmountEntry()
	fl := &field{path: path, focus: e, obj: e, msg: newMsg(), empty: func() bool { n, ok := parseNumber(e.Text); return ok && n == 0 }}
	capital := widgets.NewSecondaryLabel("")
	capital.SizeName = theme.SizeNameCaptionText
	capital.Truncation = fyne.TextTruncateEllipsis
	show := func(n int64) {
		if withCapital {
			capital.SetText("人民币大写：" + forms.Capital(n))
		}
	}
	fl.reload = func() {
		if n, ok := parseNumber(e.Text); !ok || n != get() {
			e.SetText(widgets.AmountText(get()))
		}
		show(get())
	}
	e.SetText(widgets.AmountText(get()))
	show(get())
	// Every keystroke updates the draft and the 大写; whether the number
	// is acceptable is said when it is committed (or after a pause).
	e.OnChanged = func(s string) {
		f.guard(forms.FieldLabel(path), func() {
			n, problem := widgets.ReadNumber(s)
			if problem != "" {
				fl.local = problem
				f.scheduleCheck()
				return
			}
			fl.local = ""
			show(n)
			if n == get() {
				f.scheduleCheck()
				return
			}
			set(n)
			f.edited()
		})
	}
	e.OnCommit = func() { f.commit(fl) }
	var obj fyne.CanvasObject = e
	if unit != "" || withCapital {
		// The unit beside the box, the 大写 under it: boxes of one column
		// keep one right edge whatever the amount.
		obj = container.NewBorder(nil, nil, nil, widget.NewLabel(unit), e)
		if withCapital {
			obj = container.NewVBox(obj, capital)
			fl.capital = capital
		}
	}
	return e, fl, obj
}

// date adds a date input (widgets.DateBox): typed as secretaries type dates, or
// picked in the calendar, shown as 2025年5月20日.
func (f *formScreen) date(s *section, path, label string, ptr *forms.Date) *widgets.DateBox {
	b, fl := f.dateField(path, ptr)
	f.register(fl)
	f.addRow(s, label, fl, b.Content)
	return b
}

func (f *formScreen) dateField(path string, ptr *forms.Date) (*widgets.DateBox, *field) {
	fl := &field{path: path}
	b := widgets.NewDateBox(*ptr, func() forms.Date { return f.defaultMonth(path) }, func(d forms.Date, problem string) {
		fl.local = problem
		f.touched[fl.path] = true
		if d == *ptr {
			f.recheck()
			return
		}
		*ptr = d
		f.changed()
	})
	b.OnLeave = func() { f.commit(fl) }
	fl.focus, fl.obj, fl.msg = b.Entry, b.Content, newMsg()
	fl.empty = func() bool { return strings.TrimSpace(b.Entry.Text) == "" }
	fl.reload = func() { b.SetDate(*ptr) }
	f.dates = append(f.dates, b)
	return b, fl
}

// defaultMonth is where an empty date's calendar opens: the project's
// start for the project's and the agenda's dates (or the first month the
// category allows), today for the others.
func (f *formScreen) defaultMonth(path string) forms.Date {
	if path == "cover.apply_date" || f.cat == nil {
		// Today, or the deadline once it has passed: an example date
		// inside the call.
		today := forms.DateOf(f.u.now())
		if dl := f.u.call.Deadline; !dl.IsZero() && today.After(forms.DateOf(dl)) {
			return forms.DateOf(dl)
		}
		return today
	}
	if !f.d.Project.StartDate.IsZero() {
		return f.d.Project.StartDate
	}
	if !f.cat.WindowStart.IsZero() {
		return forms.DateOf(f.cat.WindowStart)
	}
	return forms.DateOf(f.u.now())
}

// option is one choice of a select: the stored ID and the shown name.
type option struct{ id, name string }

func names(opts []option) []string {
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = o.name
	}
	return out
}

// plainOptions are options whose ID is their name.
func plainOptions(list ...string) []option {
	out := make([]option, len(list))
	for i, s := range list {
		out[i] = option{s, s}
	}
	return out
}

// choice adds a select over fixed options.
func (f *formScreen) choose(s *section, path, label string, opts []option, ptr *string) *widget.Select {
	sel, fl := f.selectField(path, opts, ptr)
	f.register(fl)
	f.addRow(s, label, fl, fl.obj)
	return sel
}

func (f *formScreen) selectField(path string, opts []option, ptr *string) (*widget.Select, *field) {
	fs := widgets.NewSelect(names(opts))
	sel := &fs.Select
	sel.PlaceHolder = "（请选择）"
	fl := &field{path: path, focus: fs, obj: fs, msg: newMsg(), empty: func() bool { return sel.Selected == "" }}
	set := func() {
		for _, o := range opts {
			if o.id == *ptr {
				sel.SetSelected(o.name)
				return
			}
		}
		sel.ClearSelected()
	}
	set()
	fl.reload = set
	sel.OnChanged = func(name string) {
		for _, o := range opts {
			if o.name == name && o.id != *ptr {
				*ptr = o.id
				f.touched[fl.path] = true
				f.changed()
				return
			}
		}
	}
	return sel, fl
}

// check adds a check box.
func (f *formScreen) check(s *section, path, label, text string, ptr *bool) *widget.Check {
	c, fl := f.checkField(path, text, ptr)
	f.register(fl)
	f.addRow(s, label, fl, fl.obj)
	return c
}

func (f *formScreen) checkField(path, text string, ptr *bool) (*widget.Check, *field) {
	fc := widgets.NewCheck(text)
	c := &fc.Check
	c.SetChecked(*ptr)
	fl := &field{path: path, focus: fc, obj: fc, msg: newMsg(), empty: func() bool { return !c.Checked }}
	fl.reload = func() { c.SetChecked(*ptr) }
	c.OnChanged = func(b bool) {
		if b == *ptr {
			return
		}
		*ptr = b
		f.touched[fl.path] = true
		f.changed()
	}
	return c, fl
}
