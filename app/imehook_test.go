package app

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"shenbao/app/widgets"
)

// imeCall is one position given to the input method.
type imeCall struct{ x, y, h float32 }

// followRecorded makes u's window follow the caret as on Windows, with
// the input method replaced by a recorder.
func followRecorded(t *testing.T, u *ui) *[]imeCall {
	t.Helper()
	var calls []imeCall
	imeFollower = &imeFollow{win: u.win, set: func(w fyne.Window, x, y, h float32) bool {
		if w != u.win {
			t.Errorf("the input method of another window was told")
		}
		calls = append(calls, imeCall{x, y, h})
		return true
	}}
	t.Cleanup(func() { imeFollower = nil })
	return &calls
}

// The input method is told where the caret is when a field gets the
// keyboard and each time its caret moves: at its start inside the box,
// then four characters further right on the same line.
func TestIMEFollowsFocusAndCaret(t *testing.T) {
	u, _ := newTestUI(t)
	f := newBlank(t, u, "forum")
	calls := followRecorded(t, u)
	if !f.jump("project.theme") {
		t.Fatal("no jump to project.theme")
	}
	e := f.fields["project.theme"].focus.(*widgets.Entry)
	if len(*calls) == 0 {
		t.Fatal("the field got the keyboard; the input method was not told")
	}
	e.SetText("学术交流项目申报")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	n := len(*calls)
	start := (*calls)[n-1]
	box := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	if start.x < box.X || start.x > box.X+20 || start.y < box.Y || start.y+start.h > box.Y+e.Size().Height {
		t.Errorf("caret at the start told at (%.1f,%.1f) height %.1f; the box is at (%.1f,%.1f) size %v",
			start.x, start.y, start.h, box.X, box.Y, e.Size())
	}
	for range 4 {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if len(*calls) == n {
		t.Fatal("the caret moved four characters; the input method was not told")
	}
	moved := (*calls)[len(*calls)-1]
	want := fyne.MeasureText("学术交流", theme.TextSize(), fyne.TextStyle{}).Width
	if d := moved.x - start.x; math.Abs(float64(d-want)) > 2 || moved.y != start.y {
		t.Errorf("after four characters the caret moved by (%.1f,%.1f), want (%.1f,0)", d, moved.y-start.y, want)
	}

	// The form scrolled under a caret that did not move: the next check
	// tells the input method; a check with nothing changed tells nothing.
	before := f.scroll.Offset.Y
	f.scroll.ScrollToOffset(fyne.NewPos(0, before+30))
	if f.scroll.Offset.Y != before+30 {
		t.Fatalf("the form did not scroll: offset %.1f, then %.1f", before, f.scroll.Offset.Y)
	}
	n = len(*calls)
	imeFollower.place(false)
	if len(*calls) != n+1 || (*calls)[n].y != moved.y-30 {
		t.Fatalf("scrolled 30 up: told %v, want the caret at y %.1f", (*calls)[n:], moved.y-30)
	}
	imeFollower.place(false)
	if len(*calls) != n+1 {
		t.Errorf("nothing moved, yet the input method was told again: %v", (*calls)[n+1:])
	}
}

// A text longer than its box: Fyne scrolls it so that the caret stays in
// view, and so does the place told to the input method.
func TestIMECaretStaysInTheBox(t *testing.T) {
	u, _ := newTestUI(t)
	f := newBlank(t, u, "forum")
	calls := followRecorded(t, u)
	f.jump("project.theme")
	e := f.fields["project.theme"].focus.(*widgets.Entry)
	e.SetText(strings.Repeat("学术交流项目申报", 20))
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	if len(*calls) == 0 {
		t.Fatal("the input method was never told")
	}
	got := (*calls)[len(*calls)-1]
	box := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	if got.x > box.X+e.Size().Width || got.x < box.X+e.Size().Width/2 {
		t.Errorf("caret at the end of 160 characters told at x %.1f; the box spans %.1f–%.1f", got.x, box.X, box.X+e.Size().Width)
	}
}

// Without a window to follow (tests, Linux, macOS) a field's focus sets no
// cursor callback on it.
func TestIMENotFollowedOffWindows(t *testing.T) {
	u, _ := newTestUI(t)
	f := newBlank(t, u, "forum")
	imeFollower = nil
	f.jump("project.theme")
	if e := f.fields["project.theme"].focus.(*widgets.Entry); e.OnCursorChanged != nil {
		t.Error("an entry got a cursor callback with no input method to tell")
	}
}
