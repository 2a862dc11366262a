package widgets

import (
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
)

// Entry is an entry that says when the user leaves it (focus lost or
// Enter): the form checks a typed value then, not at every keystroke.
type Entry struct {
	widget.Entry
	// OnCommit is called when the user leaves the entry (focus lost, or
	// Enter in a one-line entry or a table's cell).
	OnCommit func()

	// shown, when set, makes it an amount box (NewAmountEntry): while it
	// does not have the keyboard it shows shown(Text), right-aligned.
	shown   func(text string) string
	focused bool // it has the keyboard
	// selectOnFocus: gaining the keyboard, whichever way (Tab, a click, a
	// finding's link, a step opened), selects the whole text, so that
	// what is typed next replaces it (amount and date boxes: typing 30
	// into a box holding 2024年5月20日 or 8000 is never appended to it).
	selectOnFocus bool
	// grow makes it a table's text cell (NewCellEntry): it wraps its text
	// and grows to show all of it, up to CellMaxRows lines.
	grow bool
	rows int // the lines it shows, while grow
}

// NewEntry returns a one-line Entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry returns a multi-line Entry that wraps its text at
// words; Enter starts a new line, Tab leaves it.
func NewMultiLineEntry() *Entry {
	e := &Entry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// FocusGained notes the focus before the entry redraws, selects the
// whole text of a box that replaces on typing, and shows the entry.
func (e *Entry) FocusGained() {
	was := e.focused
	e.focused = true
	e.Entry.FocusGained()
	if was {
		return // test.Type tells an entry again; the selection stays as typed
	}
	if e.selectOnFocus && !WindowReturning() {
		e.selectAll()
	}
	Reveal(e)
}

// Focused tells whether the entry has the keyboard, as it last heard.
func (e *Entry) Focused() bool { return e.focused }

// selectAll selects the whole text (Fyne's Ctrl+A).
func (e *Entry) selectAll() {
	e.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// MouseDown: the click that gives a replacing box the keyboard selects its
// whole text (Fyne's entry would put the cursor where the click falls, and
// the digits typed next would be added to the number); a click in a box
// that already has the keyboard places the cursor as usual.
func (e *Entry) MouseDown(m *desktop.MouseEvent) {
	was := e.focused
	e.Entry.MouseDown(m)
	if !was && e.focused && e.selectOnFocus && m.Button == desktop.MouseButtonPrimary {
		e.selectAll()
	}
}

// AcceptsTab is false: Tab and Shift+Tab leave a multi-line box too (the
// form's order, docs/window.md), instead of typing a tab character into
// it. Enter starts a new line.
func (e *Entry) AcceptsTab() bool { return false }

// FocusLost commits the value.
func (e *Entry) FocusLost() {
	e.focused = false
	e.Entry.FocusLost()
	if e.OnCommit != nil {
		e.OnCommit()
	}
}

// TypedKey commits on Enter in a one-line entry. A Tab that reaches it
// (the window hands it over only to an entry that accepts tabs, which this
// one does not) moves the focus instead of being typed.
func (e *Entry) TypedKey(k *fyne.KeyEvent) {
	if e.grow && (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) {
		// A cell is one value: Enter commits it, as in a one-line box.
		if e.OnCommit != nil {
			e.OnCommit()
		}
		return
	}
	if k.Name == fyne.KeyTab {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			if shiftHeld() {
				c.FocusPrevious()
			} else {
				c.FocusNext()
			}
		}
		return
	}
	e.Entry.TypedKey(k)
	if !e.MultiLine && (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && e.OnCommit != nil {
		e.OnCommit()
	}
}

// DateBox is the program's one date input (form and after-selection
// screens): it accepts every way forms.ParseDateLoose reads, shows the date
// as 2025年5月20日 once committed, keeps text it cannot read (and says why),
// and has a calendar in Chinese that opens on the field's date, or on a
// default month, and closes with Esc.
type DateBox struct {
	// Entry is the text box, Btn the button that opens the calendar,
	// Content both, to lay out.
	Entry   *Entry
	Btn     *Button
	Content fyne.CanvasObject
	value   forms.Date
	// problem is why the text is not a date ("" when it is one or empty).
	problem string

	// defaultMonth is where the calendar opens for an empty field.
	defaultMonth func() forms.Date
	// OnCommit is called after every commit with the new value; the value
	// is the zero Date while the text is empty or not a date.
	OnCommit func(d forms.Date, problem string)

	Cal *Calendar // the calendar, once opened
	// OnLeave is called after the text is committed on leaving the entry,
	// except when the calendar takes the keyboard.
	OnLeave func()
	opening bool
}

// NewDateBox returns a date box showing v. defaultMonth, when not nil,
// is where the calendar opens while the box is empty (and the example in
// its placeholder); onCommit is told every committed change.
func NewDateBox(v forms.Date, defaultMonth func() forms.Date, onCommit func(forms.Date, string)) *DateBox {
	b := &DateBox{value: v, defaultMonth: defaultMonth, OnCommit: onCommit}
	b.Entry = NewEntry()
	// Clicking or tabbing into a date and typing replaces it (a date the
	// program filled in, or one typed before), never appends to it.
	b.Entry.selectOnFocus = true
	// The example is a date the field could hold: where its calendar
	// opens (inside the call's window for the project's dates), else today.
	ex := forms.DateOf(time.Now())
	if defaultMonth != nil {
		if d := defaultMonth(); !d.IsZero() {
			ex = d
		}
	}
	b.Entry.SetPlaceHolder("如 " + ex.Chinese() + " 或 " + ex.String())
	b.Entry.SetText(v.Chinese())
	b.Entry.OnCommit = func() {
		if b.opening || (b.Cal != nil && b.Cal.Visible()) {
			return
		}
		b.Commit()
		if b.OnLeave != nil {
			b.OnLeave()
		}
	}
	b.Btn = NewButton("", theme.CalendarIcon(), b.OpenCalendar)
	b.Content = container.NewBorder(nil, nil, nil, b.Btn, b.Entry)
	return b
}

// Commit reads the typed text: a date shown as 2025年5月20日, or why it
// is not one; OnCommit is told when either changed.
func (b *DateBox) Commit() {
	d, err := forms.ParseDateLoose(b.Entry.Text)
	problem := ""
	if err != nil {
		problem = err.Error()
		d = forms.Date{}
	} else if shown := d.Chinese(); b.Entry.Text != shown {
		b.Entry.SetText(shown)
	}
	if d == b.value && problem == b.problem {
		return
	}
	b.value, b.problem = d, problem
	if b.OnCommit != nil {
		b.OnCommit(d, problem)
	}
}

// SetDate shows a date from the draft (no commit).
func (b *DateBox) SetDate(d forms.Date) {
	b.value, b.problem = d, ""
	if b.Entry.Text != d.Chinese() {
		b.Entry.SetText(d.Chinese())
	}
}

// pick sets the date chosen in the calendar and commits it.
func (b *DateBox) pick(d forms.Date) {
	b.Entry.SetText(d.Chinese())
	b.Commit()
}

// OpenCalendar opens the calendar on the box's date, or on its default
// month when it has none.
func (b *DateBox) OpenCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(b.Entry)
	if c == nil {
		return
	}
	month := b.value
	if month.IsZero() {
		if d, err := forms.ParseDateLoose(b.Entry.Text); err == nil && !d.IsZero() {
			month = d
		} else if b.defaultMonth != nil {
			month = b.defaultMonth()
		}
	}
	if month.IsZero() {
		month = forms.DateOf(time.Now())
	}
	b.Cal = newCalendar(c, month, b.value, func(d forms.Date) {
		b.pick(d)
	})
	// While the calendar is open, the entry losing the keyboard to it is
	// not the user leaving the field.
	b.opening = true
	b.Cal.show(b.Content)
	b.opening = false
}

// Calendar is a month of days in Chinese (2025年5月, 一 … 日) in a
// pop-up; a day closes it with that day, Esc or a tap outside without one.
type Calendar struct {
	canvas   fyne.Canvas
	pop      *widget.PopUp
	year     int
	month    time.Month
	selected forms.Date
	onPick   func(forms.Date)

	// Heading is the month shown (2025年5月), DayBtns its days by number,
	// NextBtn the button to the next month.
	Heading          *widget.Label
	days             *fyne.Container
	DayBtns          map[int]*widget.Button
	prevBtn, NextBtn *widget.Button
	oldKey           func(*fyne.KeyEvent)
}

var weekdayNames = []string{"一", "二", "三", "四", "五", "六", "日"}

func newCalendar(c fyne.Canvas, month, selected forms.Date, onPick func(forms.Date)) *Calendar {
	p := &Calendar{canvas: c, year: month.Time().Year(), month: month.Time().Month(), selected: selected, onPick: onPick}
	p.Heading = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	p.prevBtn = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { p.step(-1) })
	p.NextBtn = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { p.step(1) })
	p.days = container.NewGridWithColumns(7)
	head := container.NewBorder(nil, nil, p.prevBtn, p.NextBtn, p.Heading)
	week := container.NewGridWithColumns(7)
	for _, n := range weekdayNames {
		week.Add(widget.NewLabelWithStyle(n, fyne.TextAlignCenter, fyne.TextStyle{}))
	}
	hint := NewSecondaryLabel("按 Esc 关闭")
	// Padded: since Fyne 2.8 a pop-up adds no padding of its own, and the
	// arrows and days would touch its edge.
	p.pop = widget.NewPopUp(container.NewPadded(container.NewVBox(head, week, p.days, hint)), c)

	p.refresh()
	return p
}

// show opens the calendar under o and takes the keyboard for Esc.
func (p *Calendar) show(o fyne.CanvasObject) {
	p.canvas.Unfocus()
	p.oldKey = p.canvas.OnTypedKey()
	p.canvas.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if !p.pop.Visible() {
			p.release()
			if p.oldKey != nil {
				p.oldKey(k)
			}
			return
		}
		if k.Name == fyne.KeyEscape {
			p.Close()
		}
	})
	p.pop.ShowAtRelativePosition(fyne.NewPos(0, o.Size().Height), o)
}

func (p *Calendar) release() { p.canvas.SetOnTypedKey(p.oldKey) }

// Close closes the calendar without a date.
func (p *Calendar) Close() {
	p.pop.Hide()
	p.release()
}

// Visible reports whether the calendar is open.
func (p *Calendar) Visible() bool { return p.pop.Visible() }

// step moves the calendar by n months.
func (p *Calendar) step(n int) {
	t := time.Date(p.year, p.month+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	p.year, p.month = t.Year(), t.Month()
	p.refresh()
}

func (p *Calendar) refresh() {
	p.Heading.SetText(fmt.Sprintf("%d年%d月", p.year, int(p.month)))
	p.days.RemoveAll()
	p.DayBtns = map[int]*widget.Button{}
	first := time.Date(p.year, p.month, 1, 0, 0, 0, 0, time.UTC)
	lead := (int(first.Weekday()) + 6) % 7 // Monday first
	for i := 0; i < lead; i++ {
		p.days.Add(widget.NewLabel(""))
	}
	for d := 1; d <= first.AddDate(0, 1, -1).Day(); d++ {
		day := forms.NewDate(p.year, p.month, d)
		b := widget.NewButton(strconv.Itoa(d), func() {
			p.Close()
			p.onPick(day)
		})
		if day == p.selected {
			b.Importance = widget.HighImportance
		}
		p.DayBtns[d] = b
		p.days.Add(b)
	}
	p.days.Refresh()
}
