package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/data/binding"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/width"

	"shenbao/forms"
)

// field is one input of the form, by the path findings use for it
// ("applicant.name", "budget.lines[2].amount").
type field struct {
	path  string
	focus fyne.Focusable    // what a click on a finding focuses (nil: scroll only)
	obj   fyne.CanvasObject // what is scrolled into view
	msg   *widget.Label     // where its findings are written (shared by a table row)
	// local is a problem the widget itself finds (a number that is not a
	// number); it is shown with the findings.
	local  string
	reload func() // sets the widget from the draft
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
	s.box = container.NewVBox(head, s.grid)
	f.sections = append(f.sections, s)
	f.body.Add(s.box)
	f.body.Add(widget.NewSeparator())
	return s
}

// newMsg is a message label under an input, hidden while empty.
func newMsg() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapBreak // Chinese has no spaces to wrap at
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

// register adds a field to the form's index.
func (f *formScreen) register(fl *field) *field {
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
		f.guard("输入", f.changed)
	}))
	f.bindings++
	return func() { _ = b.Reload() }
}

// text adds a one-line text input.
func (f *formScreen) text(s *section, path, label string, ptr *string, hint string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(hint)
	fl := &field{path: path, focus: e, obj: e, msg: newMsg()}
	fl.reload = f.bindEntry(e, ptr)
	f.register(fl)
	f.addRow(s, label, fl, e)
	return e
}

// long adds a multi-line text input with a character counter.
func (f *formScreen) long(s *section, path, label string, ptr *string, hint string) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapBreak
	e.SetMinRowsVisible(4)
	e.SetPlaceHolder(hint)
	count := widget.NewLabel("")
	count.Importance = widget.LowImportance
	count.Alignment = fyne.TextAlignTrailing
	setCount := func(s string) {
		count.SetText(fmt.Sprintf("已输入 %d 字", utf8.RuneCountInString(strings.TrimSpace(s))))
	}
	setCount(*ptr)
	fl := &field{path: path, focus: e, obj: e, msg: newMsg()}
	fl.reload = f.bindEntry(e, ptr)
	e.OnChanged = setCount
	f.register(fl)
	f.addRow(s, label, fl, container.NewVBox(e, count))
	return e
}

// parseNumber reads a whole number typed with half- or full-width digits,
// with or without thousands separators; a number beyond ±forms.MaxAmount
// (1亿) is not accepted (readNumber says why).
func parseNumber(s string) (int64, bool) {
	n, problem := readNumber(s)
	return n, problem == ""
}

// readNumber is parseNumber with the reason, in Chinese, when s is not
// accepted.
func readNumber(s string) (int64, string) {
	s = strings.TrimSpace(width.Fold.String(s))
	s = strings.NewReplacer(",", "", "，", "", " ", "").Replace(s)
	s = strings.TrimSuffix(s, "元")
	if s == "" {
		return 0, ""
	}
	n, err := strconv.ParseInt(s, 10, 64)
	switch {
	case errors.Is(err, strconv.ErrRange), err == nil && (n > forms.MaxAmount || n < -forms.MaxAmount):
		return 0, fmt.Sprintf("数字太大：最多可填 %s（1亿），请检查是否多输了几位，或粘贴了证件号码等其他号码。", forms.Thousands(forms.MaxAmount))
	case err != nil:
		return 0, "请只填写数字（如 30000），不要带单位或文字。"
	}
	return n, ""
}

// number adds an input for a whole number; withCapital also shows the
// amount in Chinese capitals (人民币大写).
func (f *formScreen) number(s *section, path, label string, get func() int64, set func(int64), withCapital bool, unit string) *widget.Entry {
	e, fl, extra := f.numberField(path, get, set, withCapital, unit)
	f.register(fl)
	f.addRow(s, label, fl, extra)
	return e
}

func (f *formScreen) numberField(path string, get func() int64, set func(int64), withCapital bool, unit string) (*widget.Entry, *field, fyne.CanvasObject) {
	e := widget.NewEntry()
	fl := &field{path: path, focus: e, obj: e, msg: newMsg()}
	capital := widget.NewLabel("")
	capital.Importance = widget.LowImportance
	show := func(n int64) {
		if withCapital {
			capital.SetText("人民币大写：" + forms.Capital(n))
		}
	}
	fl.reload = func() {
		if n, ok := parseNumber(e.Text); !ok || n != get() {
			e.SetText(strconv.FormatInt(get(), 10))
		}
		show(get())
	}
	e.SetText(strconv.FormatInt(get(), 10))
	show(get())
	e.OnChanged = func(s string) {
		f.guard(forms.FieldLabel(path), func() {
			n, problem := readNumber(s)
			if problem != "" {
				fl.local = problem
				f.recheck()
				return
			}
			fl.local = ""
			show(n)
			if n == get() {
				f.recheck()
				return
			}
			set(n)
			f.changed()
		})
	}
	var obj fyne.CanvasObject = e
	if unit != "" || withCapital {
		right := container.NewHBox(widget.NewLabel(unit))
		if withCapital {
			right.Add(capital)
		}
		obj = container.NewBorder(nil, nil, nil, right, e)
	}
	return e, fl, obj
}

// date adds a date picker. The typed form follows the system's region
// (Fyne's DateEntry), so the date is repeated in Chinese next to it.
func (f *formScreen) date(s *section, path, label string, ptr *forms.Date) *widget.DateEntry {
	e, fl, obj := f.dateField(path, ptr)
	f.register(fl)
	f.addRow(s, label, fl, obj)
	return e
}

func (f *formScreen) dateField(path string, ptr *forms.Date) (*widget.DateEntry, *field, fyne.CanvasObject) {
	e := widget.NewDateEntry()
	fl := &field{path: path, focus: e, obj: e, msg: newMsg()}
	shown := widget.NewLabel(ptr.Chinese())
	shown.Importance = widget.LowImportance
	set := func() {
		if ptr.IsZero() {
			e.SetDate(nil)
		} else {
			t := ptr.Time()
			e.SetDate(&t)
		}
		shown.SetText(ptr.Chinese())
	}
	set()
	fl.reload = set
	e.OnChanged = func(t *time.Time) {
		f.guard(forms.FieldLabel(path), func() {
			var d forms.Date
			if t != nil {
				d = forms.DateOf(*t)
				fl.local = ""
			} else if strings.TrimSpace(e.Text) != "" {
				fl.local = "日期无法识别：请点右边的日历按钮选择日期。"
				f.recheck()
				return
			} else {
				fl.local = ""
			}
			shown.SetText(d.Chinese())
			if d == *ptr {
				f.recheck()
				return
			}
			*ptr = d
			f.changed()
		})
	}
	return e, fl, container.NewBorder(nil, nil, nil, shown, e)
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
	f.addRow(s, label, fl, sel)
	return sel
}

func (f *formScreen) selectField(path string, opts []option, ptr *string) (*widget.Select, *field) {
	sel := widget.NewSelect(names(opts), nil)
	sel.PlaceHolder = "（请选择）"
	fl := &field{path: path, focus: sel, obj: sel, msg: newMsg()}
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
	f.addRow(s, label, fl, c)
	return c
}

func (f *formScreen) checkField(path, text string, ptr *bool) (*widget.Check, *field) {
	c := widget.NewCheck(text, nil)
	c.SetChecked(*ptr)
	fl := &field{path: path, focus: c, obj: c, msg: newMsg()}
	fl.reload = func() { c.SetChecked(*ptr) }
	c.OnChanged = func(b bool) {
		if b == *ptr {
			return
		}
		*ptr = b
		f.changed()
	}
	return c, fl
}
