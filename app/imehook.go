package app

import (
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/platform"
	"shenbao/app/widgets"
	"shenbao/forms"
)

// Chinese input on Windows: the input method draws what is being composed
// (the pinyin) and the list of candidate characters in windows of its own,
// where the program tells it the caret is (platform.SetIMEPosition); Fyne
// tells it nothing, so they stood at the window's top left corner. The
// window tells it whenever an entry gets the keyboard (revealFocused calls
// imeFocused) and whenever its caret moves (the entry's OnCursorChanged),
// and a check every imeRecheck catches the rest: the form scrolled under
// the caret, the window resized, an entry focused that is not the form's.
// Elsewhere platform.IMESupported is false and nothing runs.

// imeRecheck is how often the window compares the caret's place with the
// one the input method was given.
const imeRecheck = 200 * time.Millisecond

// imeProbeEnv names a file: the window then opens a sample draft, puts the
// caret in a known entry, reads the position back from the input method
// and writes it there, then quits (the Wine test, make wine-ime).
const imeProbeEnv = "SHENBAO_IME_PROBE"

// imeFollower is the window whose input method follows the caret; nil in
// tests and where the system has no such call.
var imeFollower *imeFollow

type imeFollow struct {
	win fyne.Window
	// set tells the input method (platform.SetIMEPosition; tests record).
	set func(w fyne.Window, x, y, lineHeight float32) bool
	// last is the caret given to the input method, in canvas units.
	last  fyne.Position
	lastH float32
}

// followIME makes the input method's windows follow the caret of u's
// window (Run calls it once).
func (u *ui) followIME() {
	if !platform.IMESupported {
		return
	}
	imeFollower = &imeFollow{win: u.win, set: platform.SetIMEPosition}
	go func() {
		t := time.NewTicker(imeRecheck)
		defer t.Stop()
		for range t.C {
			if quitting.Load() {
				return
			}
			onUI("ime: caret", func() { imeFollower.place(false) })
		}
	}()
	if p := os.Getenv(imeProbeEnv); p != "" {
		go u.imeProbe(p)
	}
}

// imeFocused is told of every focus a form's field gets (revealFocused):
// an entry's caret moves are followed from then on.
func imeFocused(o fyne.CanvasObject) {
	f := imeFollower
	if f == nil {
		return
	}
	if e := entryOf(o); e != nil && e.OnCursorChanged == nil {
		e.OnCursorChanged = func() { f.place(false) }
	}
	f.place(true)
}

// entryOf is the Fyne entry a focusable object is, or nil.
func entryOf(o fyne.CanvasObject) *widget.Entry {
	switch t := o.(type) {
	case *widget.Entry:
		return t
	case *widgets.Entry:
		return &t.Entry
	}
	return nil
}

// place gives the input method the caret of the focused entry when it
// moved since last time (always, with force).
func (f *imeFollow) place(force bool) {
	o, _ := f.win.Canvas().Focused().(fyne.CanvasObject)
	e := entryOf(o)
	if e == nil {
		return
	}
	at, h, ok := caretOf(f.win.Canvas(), o, e)
	if !ok || (!force && at == f.last && h == f.lastH) {
		return
	}
	if f.set(f.win, at.X, at.Y, h) {
		f.last, f.lastH = at, h
	}
}

// caretOf is where the caret of entry e (the focused object o, which is e
// or embeds it) is drawn on canvas c, and its height, in canvas units.
// Fyne tells the caret's place inside the entry's text (CursorPosition)
// but not how far a text longer than the box is scrolled: the caret is
// then kept inside the box, where Fyne keeps it in view.
func caretOf(c fyne.Canvas, o fyne.CanvasObject, e *widget.Entry) (fyne.Position, float32, bool) {
	if c == nil || !o.Visible() || o.Size().Width <= 0 {
		return fyne.Position{}, 0, false
	}
	th := e.Theme()
	innerPad := th.Size(theme.SizeNameInnerPadding)
	border := th.Size(theme.SizeNameInputBorder)
	h := fyne.MeasureText("申", th.Size(theme.SizeNameText), e.TextStyle).Height
	var lead float32 // Fyne's entry puts its text after its icon
	if e.Icon != nil {
		lead = th.Size(theme.SizeNameInlineIcon) + th.Size(theme.SizeNameLineSpacing)
	}
	box := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	size := o.Size()
	in := e.CursorPosition()
	x := imeClamp(box.X+lead+in.X, box.X, box.X+size.Width-innerPad)
	y := imeClamp(box.Y+border+in.Y, box.Y, box.Y+size.Height-h)
	// A field scrolled partly out of sight: the caret stays in the window.
	cs := c.Size()
	x = imeClamp(x, 0, cs.Width-innerPad)
	y = imeClamp(y, 0, cs.Height-h)
	return fyne.NewPos(x, y), h, true
}

func imeClamp(v, lo, hi float32) float32 {
	if v > hi {
		v = hi
	}
	if v < lo {
		v = lo
	}
	return v
}

// imeProbeText is typed into the probed entry; the caret is put after its
// imeProbeColumn-th character.
const (
	imeProbeText   = "学术交流项目申报"
	imeProbeColumn = 4
)

// imeProbe is the Wine test's side in the window (imeProbeEnv): it opens a
// sample draft, focuses its project name, types a known text and puts the
// caret at its start, then after its 4th character. After each, it reads
// back from the input method where the composition goes and writes it
// with where the caret is drawn, in the window's client pixels, found its
// own way (the entry's place times the canvas's scale), and the client
// area's place on screen and the caret's colour, so that the script can
// also find the caret on a screenshot. Lines:
//
//	caret COL ime X Y expected X Y candidate X Y exclude L T R B
//	client X Y scale S lineheight H colour RRGGBB
func (u *ui) imeProbe(out string) {
	fail := func(msg string) {
		_ = os.WriteFile(out, []byte("error "+msg+"\n"), 0o644)
		onUI("ime probe: quit", func() { u.quit(u.app.Quit) })
	}
	// The window shown: it has a size and a place on screen.
	if !imeWaitUI(60*time.Second, func() bool {
		_, _, ok := u.positions.position(u.win)
		return ok && u.win.Canvas().Size().Width > 0
	}) {
		fail("the window did not open within 60 s")
		return
	}
	var e *widgets.Entry
	onUIWait("ime probe: open a draft", func() {
		cat := u.call.Categories[0]
		d, err := forms.Sample(u.call, cat.ID)
		if err != nil {
			return
		}
		p := filepath.Join(filepath.Dir(out), "ime-probe.shenbao.json")
		if forms.Save(p, d, u.now()) != nil {
			return
		}
		u.openDraft(p)
		if u.form != nil {
			if fl := u.form.fields["project.theme"]; fl != nil {
				e, _ = fl.focus.(*widgets.Entry)
				u.form.showStep(fl.step)
			}
		}
	})
	if e == nil {
		fail("no draft with a project name opened")
		return
	}
	// Its step shown and laid out: the box is in the window's tree.
	if !imeWaitUI(30*time.Second, func() bool {
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
		return e.Size().Width > 0 && (at.X > 0 || at.Y > 0)
	}) {
		fail("the project name's box was not shown within 30 s")
		return
	}
	var lines []string
	step := func(col int, move func()) {
		onUIWait("ime probe: caret", func() {
			move()
			c := u.win.Canvas()
			th := e.Theme()
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e).
				Add(fyne.NewPos(0, th.Size(theme.SizeNameInputBorder))).Add(e.CursorPosition())
			if c.Focused() != fyne.Focusable(e) {
				lines = append(lines, fmt.Sprintf("error caret %d: the project name's box does not have the keyboard", col))
				return
			}
			s := c.Scale()
			ix, iy, ok := platform.IMEPosition(u.win)
			cx, cy, cex, cok := platform.IMECandidatePosition(u.win)
			if !ok || !cok {
				lines = append(lines, fmt.Sprintf("error caret %d: the input method has no position (composition %v, candidates %v)", col, ok, cok))
				return
			}
			lines = append(lines, fmt.Sprintf("caret %d ime %d %d expected %d %d candidate %d %d exclude %d %d %d %d",
				col, ix, iy, int(pos.X*s+0.5), int(pos.Y*s+0.5), cx, cy, cex[0], cex[1], cex[2], cex[3]))
		})
	}
	step(0, func() {
		u.win.Canvas().Focus(e)
		e.SetText(imeProbeText)
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	})
	step(imeProbeColumn, func() {
		for range imeProbeColumn {
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
		}
	})
	onUIWait("ime probe: window", func() {
		x, y, _ := u.positions.position(u.win)
		th := e.Theme()
		r, g, b, _ := th.Color(theme.ColorNamePrimary, fyne.CurrentApp().Settings().ThemeVariant()).RGBA()
		h := fyne.MeasureText("申", th.Size(theme.SizeNameText), e.TextStyle).Height
		lines = append(lines, fmt.Sprintf("client %d %d scale %.2f lineheight %d colour %s",
			x, y, u.win.Canvas().Scale(), int(h*u.win.Canvas().Scale()+0.5), hexColour(color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff})))
	})
	tmp := out + ".tmp"
	body := ""
	for _, l := range lines {
		body += l + "\n"
	}
	if os.WriteFile(tmp, []byte(body), 0o644) != nil || os.Rename(tmp, out) != nil {
		fail("cannot write " + out)
		return
	}
	// The caret stays where it is until the script has its screenshot:
	// it removes the file to let the window quit.
	imeWaitFor(120*time.Second, func() bool { _, err := os.Stat(out); return err != nil })
	onUI("ime probe: quit", func() { u.quit(u.app.Quit) })
}

func hexColour(c color.RGBA) string { return fmt.Sprintf("%02x%02x%02x", c.R, c.G, c.B) }

// imeWaitUI asks cond on the UI goroutine every 50 ms until it holds or the
// time is up.
func imeWaitUI(limit time.Duration, cond func() bool) bool {
	return imeWaitFor(limit, func() bool {
		ok := false
		onUIWait("ime probe: wait", func() { ok = cond() })
		return ok
	})
}

func imeWaitFor(limit time.Duration, cond func() bool) bool {
	end := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(end) {
			return false
		}
		time.Sleep(50 * time.Millisecond)
	}
	return true
}
