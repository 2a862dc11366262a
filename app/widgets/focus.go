package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Reveal is called with an input that has gained the keyboard, whichever
// way (Tab, Shift+Tab, a click, a finding's link): the window scrolls it
// into view. The window sets it; nothing by default.
var Reveal = func(fyne.CanvasObject) {}

// WindowReturning tells whether the window has just got the keyboard back
// from another program: Fyne then tells the field that had the cursor it
// has it again, which is not the user reaching it, so an Entry keeps its
// selection as it was. The window sets it; false by default.
var WindowReturning = func() bool { return false }

// shiftHeld tells whether Shift is held, where the driver tells.
func shiftHeld() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

// Select is a select that shows itself when it gets the keyboard.
type Select struct{ widget.Select }

// NewSelect returns a Select of the options.
func NewSelect(options []string) *Select {
	s := &Select{}
	s.Options = options
	s.ExtendBaseWidget(s)
	return s
}

// FocusGained scrolls the select into view.
func (s *Select) FocusGained() {
	s.Select.FocusGained()
	Reveal(s)
}

// Check is a check box that shows itself when it gets the keyboard.
type Check struct{ widget.Check }

// NewCheck returns a Check with its text.
func NewCheck(text string) *Check {
	c := &Check{}
	c.Text = text
	c.ExtendBaseWidget(c)
	return c
}

// FocusGained scrolls the check box into view.
func (c *Check) FocusGained() {
	c.Check.FocusGained()
	Reveal(c)
}

// NewCheckOn is NewCheck with its OnChanged.
func NewCheckOn(text string, changed func(bool)) *Check {
	c := NewCheck(text)
	c.OnChanged = changed
	return c
}

// NewSelectOn is NewSelect with its OnChanged.
func NewSelectOn(options []string, changed func(string)) *Select {
	s := NewSelect(options)
	s.OnChanged = changed
	return s
}

// Button is a button that shows itself when it gets the keyboard (a
// table's 添加一行 and 🗑, a date's calendar: Space presses a focused
// button, which must not happen out of sight).
type Button struct{ widget.Button }

// NewButton returns a Button with its label, its icon (nil: none) and
// what a tap does.
func NewButton(label string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// FocusGained scrolls the button into view.
func (b *Button) FocusGained() {
	b.Button.FocusGained()
	Reveal(b)
}
