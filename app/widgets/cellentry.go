package widgets

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// CellMaxRows is how many lines a table's text cell grows to.
const CellMaxRows = 8

// NewCellEntry is a table's text cell: a box that wraps its text and grows,
// up to CellMaxRows lines, to show all of it (a long agenda item was cut at
// its start or its end in a one-line box). Enter commits it; Tab leaves it.
func NewCellEntry() *Entry {
	e := &Entry{grow: true, rows: 1}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapBreak
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(1)
	e.OnChanged = func(string) { e.fitRows(e.Size().Width) }
	return e
}

// Resize lays the entry out; a growing cell fits its lines to the width.
func (e *Entry) Resize(s fyne.Size) {
	e.Entry.Resize(s)
	if e.grow {
		e.fitRows(s.Width)
	}
}

// fitRows sets how many lines a growing cell shows: as many as its text
// takes at this width (measured whole, then broken anywhere, as
// TextWrapBreak breaks Chinese), from 1 to CellMaxRows.
func (e *Entry) fitRows(width float32) {
	if width <= 0 {
		return
	}
	th := e.Theme()
	room := width - 2*th.Size(theme.SizeNameInnerPadding) - 2*th.Size(theme.SizeNameInputBorder)
	rows := 1
	if text := strings.TrimSpace(e.Text); text != "" && room > 0 {
		w := fyne.MeasureText(text, th.Size(theme.SizeNameText), e.TextStyle).Width
		// A line broken at a character leaves up to one character's room
		// unused: count a little less room than there is.
		rows = int(math.Ceil(float64(w / (room * 0.9))))
	}
	rows = min(max(rows, 1), CellMaxRows)
	if rows != e.rows {
		e.rows = rows
		e.SetMinRowsVisible(rows)
	}
}
