package app

import (
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"shenbao/app/widgets"
)

// ink is the horizontal extent of the pixels of r that stand out from the
// box's background bg (text), and how far the most distinct one is from it
// (sum of the channel differences, 0–765).
func ink(img image.Image, r image.Rectangle, bg color.Color) (left, right, contrast int) {
	br, bgc, bb, _ := bg.RGBA()
	left, right = -1, -1
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			pr, pg, pb, _ := img.At(x, y).RGBA()
			d := absDiff(pr, br) + absDiff(pg, bgc) + absDiff(pb, bb)
			if d > 40 {
				if left < 0 || x < left {
					left = x
				}
				if x > right {
					right = x
				}
			}
			contrast = max(contrast, d)
		}
	}
	return left, right, contrast
}

func absDiff(a, b uint32) int {
	if a > b {
		return int(a-b) >> 8
	}
	return int(b-a) >> 8
}

// inner is the part of an entry's box inside its border, where its text is
// drawn (half the inner padding in).
func inner(o fyne.CanvasObject) image.Rectangle {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	in := theme.InnerPadding() / 2
	return image.Rect(int(pos.X+in), int(pos.Y+in), int(pos.X+o.Size().Width-in), int(pos.Y+o.Size().Height-in))
}

// innerRight is the x of the box's inner right edge, where right-aligned
// text ends (one inner padding in, as the entry's text starts on the left).
func innerRight(o fyne.CanvasObject) float32 {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return pos.X + o.Size().Width - theme.InnerPadding()
}

// amountView is what an amount box draws over Fyne's entry: the cover
// hiding the entry's own text, and the number, right-aligned.
type amountView struct {
	cover *canvas.Rectangle
	text  *canvas.Text
}

// amountShown is what an amount box draws over the entry: its renderer's
// last two objects (widgets.Entry's amount renderer draws the cover and
// the text last, over the entry's).
func amountShown(t *testing.T, e *widgets.Entry) amountView {
	t.Helper()
	objs := test.WidgetRenderer(e).Objects()
	if !e.IsAmount() || len(objs) < 2 {
		t.Fatalf("the box is drawn by %T, not as an amount", test.WidgetRenderer(e))
	}
	cover, isRect := objs[len(objs)-2].(*canvas.Rectangle)
	text, isText := objs[len(objs)-1].(*canvas.Text)
	if !isRect || !isText {
		t.Fatalf("the amount box draws %T and %T last, not its cover and its number", objs[len(objs)-2], objs[len(objs)-1])
	}
	return amountView{cover, text}
}

// A short and a long number in two boxes of one width end at the same
// right edge, the box's inner right edge, in the light and the dark
// variant; disabled (a read-only draft) they stay there and readable.
func TestAmountRightAligned(t *testing.T) {
	for _, light := range []bool{true, false} {
		name := map[bool]string{true: "light", false: "dark"}[light]
		t.Run(name, func(t *testing.T) {
			a := test.NewTempApp(t)
			th := newTheme()
			th.light.Store(light)
			a.Settings().SetTheme(th)
			bg := th.Color(theme.ColorNameInputBackground, a.Settings().ThemeVariant())
			short, long := widgets.NewAmountEntry(), widgets.NewAmountEntry()
			short.SetText("5")
			long.SetText("12345678")
			w := test.NewTempWindow(t, container.NewVBox(short, long))
			w.Resize(fyne.NewSize(320, 160))
			check := func(state string, minContrast int) {
				img := w.Canvas().Capture()
				var lefts [2]int
				for i, e := range []*widgets.Entry{short, long} {
					l, r, c := ink(img, inner(e), bg)
					if r < 0 {
						t.Fatalf("%s: %q: nothing drawn in the box", state, e.Text)
					}
					if d := float32(r+1) - innerRight(e); d < -3 || d > 1 {
						t.Errorf("%s: %q ends at x=%d, %.0f px from the box's inner right edge %.0f", state, e.Text, r+1, d, innerRight(e))
					}
					if c < minContrast {
						t.Errorf("%s: %q drawn with a contrast of %d (want at least %d)", state, e.Text, c, minContrast)
					}
					lefts[i] = l
				}
				if lefts[0]-lefts[1] < 40 {
					t.Errorf("%s: 5 starts at x=%d, 12,345,678 at x=%d: not right-aligned", state, lefts[0], lefts[1])
				}
			}
			check("enabled", 300)
			if got := amountShown(t, long).text.Text; got != "12,345,678" {
				t.Errorf("shown %q, want 12,345,678", got)
			}
			if long.Text != "12345678" {
				t.Errorf("the entry's text became %q", long.Text)
			}
			short.Disable()
			long.Disable()
			// Fyne's own disabled text would have a contrast of 48 (light)
			// or 75 (dark) on the box: not readable.
			check("disabled", 200)
		})
	}
}

// A number too wide for its box with separators is shown without them; one
// that does not fit at all, and an empty box, are the entry's own.
func TestAmountTooWideOrEmpty(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	e := widgets.NewAmountEntry()
	w := test.NewTempWindow(t, e)
	w.Resize(fyne.NewSize(300, 60))
	r := amountShown(t, e)
	e.SetText("")
	if r.text.Visible() || r.cover.Visible() {
		t.Error("an empty box covers its placeholder")
	}
	e.SetText("0")
	if !r.text.Visible() || r.text.Text != "0" {
		t.Errorf("0 shown as %q (visible %v)", r.text.Text, r.text.Visible())
	}
	// Find a width where 12345678 fits and 12,345,678 does not.
	plain := fyne.MeasureText("12345678", theme.TextSize(), fyne.TextStyle{}).Width
	sep := fyne.MeasureText("12,345,678", theme.TextSize(), fyne.TextStyle{}).Width
	pad := 2 * theme.InnerPadding()
	e.SetText("12345678")
	e.Resize(fyne.NewSize(pad+(plain+sep)/2, e.MinSize().Height))
	if !r.text.Visible() || r.text.Text != "12345678" {
		t.Errorf("in a narrow box shown %q (visible %v), want 12345678", r.text.Text, r.text.Visible())
	}
	e.Resize(fyne.NewSize(pad+plain/2, e.MinSize().Height))
	if r.text.Visible() || r.cover.Visible() {
		t.Errorf("a number that does not fit is still covered (%q)", r.text.Text)
	}
}

// Focused, the box is the entry, left-aligned, editing as before; left, it
// shows the aligned number again, committed once.
func TestAmountFocusShowsEditableText(t *testing.T) {
	a := test.NewTempApp(t)
	th := newTheme()
	th.light.Store(true)
	a.Settings().SetTheme(th)
	bg := th.Color(theme.ColorNameInputBackground, theme.VariantLight)
	e := widgets.NewAmountEntry()
	commits, changes := 0, 0
	e.OnCommit = func() { commits++ }
	e.OnChanged = func(string) { changes++ }
	e.SetText("30000")
	w := test.NewTempWindow(t, container.NewVBox(e))
	w.Resize(fyne.NewSize(320, 80))
	r := amountShown(t, e)
	if !r.text.Visible() || r.text.Text != "30,000" {
		t.Fatalf("unfocused box shows %q (visible %v)", r.text.Text, r.text.Visible())
	}
	_, right, _ := ink(w.Canvas().Capture(), inner(e), bg)
	if d := float32(right+1) - innerRight(e); d < -3 || d > 1 {
		t.Errorf("30,000 ends %.0f px from the inner right edge", d)
	}

	w.Canvas().Focus(e)
	if r.text.Visible() || r.cover.Visible() {
		t.Fatal("the focused box still shows the aligned text")
	}
	left, right, _ := ink(w.Canvas().Capture(), inner(e), bg)
	start := fyne.CurrentApp().Driver().AbsolutePositionForObject(e).X + theme.InnerPadding()
	if d := float32(left) - start; d < -1 || d > 3 || float32(right) > innerRight(e)-40 {
		t.Errorf("focused, the text spans x=%d–%d; want the entry's own, from %.0f", left, right, start)
	}
	// Focused, the whole number is selected: what is typed replaces it
	// (Fyne's entry alone has its cursor at the start, and 5 made 530000).
	if e.SelectedText() != "30000" {
		t.Errorf("focused, the selection is %q, want the whole 30000", e.SelectedText())
	}
	test.Type(e, "5")
	if e.Text != "5" || changes != 2 {
		t.Errorf("typing 5: text %q, %d OnChanged calls", e.Text, changes)
	}
	test.Type(e, "30000")
	if e.Text != "530000" {
		t.Errorf("typing on: text %q, want 530000", e.Text)
	}
	if r.text.Visible() {
		t.Error("the aligned text came back while typing")
	}

	w.Canvas().Unfocus()
	if !r.text.Visible() || r.text.Text != "530,000" || commits != 1 {
		t.Errorf("after leaving: shows %q (visible %v), %d commits", r.text.Text, r.text.Visible(), commits)
	}
	if e.Text != "530000" {
		t.Errorf("leaving changed the text to %q", e.Text)
	}
}

// mouseAt is what the window does with a click: the topmost mouse-aware
// object under pos (the last one met walking the tree, as Fyne's driver
// does) and the point within it.
func mouseAt(o fyne.CanvasObject, origin, pos fyne.Position) (desktop.Mouseable, fyne.Position) {
	if !o.Visible() {
		return nil, fyne.Position{}
	}
	p := origin.Add(o.Position())
	s := o.Size()
	if pos.X < p.X || pos.Y < p.Y || pos.X >= p.X+s.Width || pos.Y >= p.Y+s.Height {
		return nil, fyne.Position{}
	}
	var found desktop.Mouseable
	var at fyne.Position
	if m, ok := o.(desktop.Mouseable); ok {
		found, at = m, pos.Subtract(p)
	}
	var kids []fyne.CanvasObject
	switch c := o.(type) {
	case *fyne.Container:
		kids = c.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(c).Objects()
	}
	for _, k := range kids {
		if m, a := mouseAt(k, p, pos); m != nil {
			found, at = m, a
		}
	}
	return found, at
}

// click presses and releases the mouse at a point of the window.
func click(t *testing.T, c fyne.Canvas, pos fyne.Position) desktop.Mouseable {
	t.Helper()
	m, at := mouseAt(c.Content(), fyne.Position{}, pos)
	if m == nil {
		t.Fatalf("nothing takes a click at %v", pos)
	}
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at, AbsolutePosition: pos}, Button: desktop.MouseButtonPrimary}
	m.MouseDown(ev)
	m.MouseUp(ev)
	return m
}

// budgetTotals are the form's column of totals.
var budgetTotals = []string{"budget.total", "budget.provincial", "budget.self_raised", "budget.other"}

// In the form's 经费预算: the totals end at one right edge; a click on the
// shown digits reaches the entry and puts the cursor there; typing changes
// the draft; Tab goes on to the next box.
func TestAmountBoxesInTheForm(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "forum")
	f.showStep(f.fields["budget.total"].step)
	c := u.win.Canvas()
	box := func(p string) *widgets.Entry { return f.fields[p].focus.(*widgets.Entry) }
	// 其他经费 is 0 in the sample: an empty box (待填); given a value, it
	// lines up with the others.
	if e := box("budget.other"); e.Text != "" || f.d.Budget.Other != 0 || amountShown(t, e).cover.Visible() {
		t.Errorf("其他经费 0 shows %q (draft %d)", e.Text, f.d.Budget.Other)
	}
	box("budget.other").SetText("2000")
	for _, p := range budgetTotals {
		r := amountShown(t, box(p))
		end := fyne.CurrentApp().Driver().AbsolutePositionForObject(r.text).X + r.text.Size().Width
		if !r.text.Visible() || end < innerRight(box(p))-1 || end > innerRight(box(p))+1 {
			t.Errorf("%s: %q (visible %v) ends at %.1f, the box's inner right edge is %.1f", p, r.text.Text, r.text.Visible(), end, innerRight(box(p)))
		}
	}

	e := box("budget.total")
	before := f.d.Budget.Total
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	digits := fyne.NewPos(innerRight(e)-2, pos.Y+e.Size().Height/2)
	if m := click(t, c, digits); m != e {
		t.Fatalf("a click on the shown amount went to %T", m)
	}
	if c.Focused() != e || e.CursorColumn != len(e.Text) {
		t.Fatalf("after the click: focused %T, cursor at %d of %q", c.Focused(), e.CursorColumn, e.Text)
	}
	// The click that focuses the box selects its number: typing replaces it.
	if e.SelectedText() != e.Text {
		t.Errorf("after the click %q of %q is selected", e.SelectedText(), e.Text)
	}
	test.Type(e, "5")
	if want := before*10 + 5; f.d.Budget.Total != 5 {
		t.Errorf("typing 5 after a click on %d: the draft's total is %d, want 5 (not %d)", before, f.d.Budget.Total, want)
	}
	test.Type(e, "0000")
	c.FocusNext()
	if c.Focused() != box("budget.provincial") {
		t.Errorf("Tab from 预算总额 went to %T", c.Focused())
	}
	if r := amountShown(t, e); !r.text.Visible() || r.text.Text != "50,000" {
		t.Errorf("after Tab the total shows %q", r.text.Text)
	}
	// A click in a box that has the keyboard already puts the cursor where
	// it falls: at the left, at the start.
	pos = fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	digits = fyne.NewPos(innerRight(e)-2, pos.Y+e.Size().Height/2)
	click(t, c, digits)
	click(t, c, fyne.NewPos(pos.X+theme.InnerPadding(), digits.Y))
	if c.Focused() != e || e.CursorColumn != 0 || e.SelectedText() != "" {
		t.Errorf("a second click at the left: focused %T, cursor at %d, %q selected", c.Focused(), e.CursorColumn, e.SelectedText())
	}
}

// A draft opened read-only shows its amounts aligned, disabled.
func TestAmountBoxesReadOnly(t *testing.T) {
	u, dir := newTestUI(t)
	f := openReadOnlyForum(t, u, dir)
	f.showStep(f.fields["budget.total"].step)
	box := func(p string) *widgets.Entry { return f.fields[p].focus.(*widgets.Entry) }
	for _, p := range budgetTotals {
		r := amountShown(t, box(p))
		end := fyne.CurrentApp().Driver().AbsolutePositionForObject(r.text).X + r.text.Size().Width
		if box(p).Text == "" {
			// 0 in the draft: an empty box, disabled, nothing drawn over it.
			if !box(p).Disabled() || r.text.Visible() || r.cover.Visible() {
				t.Errorf("read-only %s, 0: disabled %v, %q visible %v", p, box(p).Disabled(), r.text.Text, r.text.Visible())
			}
			continue
		}
		if !box(p).Disabled() || !r.text.Visible() || end < innerRight(box(p))-1 || end > innerRight(box(p))+1 {
			t.Errorf("read-only %s: disabled %v, %q visible %v, ends at %.1f of %.1f", p, box(p).Disabled(), r.text.Text, r.text.Visible(), end, innerRight(box(p)))
		}
	}
}
