package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"shenbao/app/platform"
	"shenbao/app/widgets"
)

// maxScreenWidth is the widest any screen may need, in logical px: a
// 1024-wide screen, or 1366 at 125 %, less the window's frame.
const maxScreenWidth = 1000

// maxScreenHeight is the tallest, for 768 at 125 % (614) less a taskbar
// and a title bar.
const maxScreenHeight = 540

// screens opens every screen of the window in turn and reports each one's
// content: start, picker, the form of every category, its review, and the
// after-selection screen with each of its tabs.
func screens(t *testing.T, u *ui, visit func(name string, o fyne.CanvasObject)) {
	t.Helper()
	u.showStart()
	visit("start", u.start.content)
	u.showPicker(false)
	visit("picker", u.picker.content)
	u.showPicker(true)
	visit("picker (sample)", u.picker.content)
	for _, c := range u.call.Categories {
		f := openSampleDraft(t, u, c.ID)
		for i := range f.sections {
			f.showStep(i)
			visit("form "+c.ID+" step "+stepName(f.sections[i].title), f.content)
		}
		f.onReview()
		visit("review "+c.ID, u.review.content)
		f.u.review = nil
		f.onAfter()
		for _, tab := range f.after.s.tabs.Items {
			f.after.s.tabs.Select(tab)
			visit("after "+c.ID+" "+tab.Text, f.after.content)
		}
		f.closeAfter()
		f.dirty = false
		u.showStart()
	}
	u.openSample(&u.call.Categories[0])
	visit("sample form", u.form.content)
}

func TestEveryScreenFits(t *testing.T) {
	u, _ := newTestUI(t)
	// At the smallest window: a wrapped label's height follows its width.
	u.win.Resize(fyne.NewSize(1024, 700))
	screens(t, u, func(name string, o fyne.CanvasObject) {
		m := o.MinSize()
		if m.Width > maxScreenWidth || m.Height > maxScreenHeight {
			t.Errorf("%s: minimum size %.0f×%.0f, want at most %d×%d", name, m.Width, m.Height, maxScreenWidth, maxScreenHeight)
		}
	})
}

func TestWindowSizeAndDividerRemembered(t *testing.T) {
	u, _ := newTestUI(t)
	if s := u.initialSize(); s.Width > laptopWidth || s.Height > laptopHeight || s.Width < minWidth || s.Height < minHeight {
		t.Errorf("first start opens at %v, not within a 1366×768 laptop", s)
	}
	f := openSampleDraft(t, u, "forum")
	if f.split.Offset != 0.66 {
		t.Errorf("divider starts at %v", f.split.Offset)
	}
	f.split.SetOffset(0.55)
	u.win.Resize(fyne.NewSize(1100, 650))
	u.rememberWindow()
	u.showStart()
	f = openSampleDraft(t, u, "annual")
	if f.split.Offset != 0.55 {
		t.Errorf("divider reopens at %v, want 0.55", f.split.Offset)
	}
	if s := u.initialSize(); s != fyne.NewSize(1100, 650) {
		t.Errorf("next start opens at %v, want the last size 1100×650", s)
	}
}

func TestWheelScrollsFormOverAnEntry(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "forum")
	f.showStep(2) // 二、项目基本情况: longer than the window
	u.win.Resize(fyne.NewSize(1100, 600))
	e := f.fields["project.theme"].focus.(*widgets.Entry)
	pos := u.app.Driver().AbsolutePositionForObject(e).Add(fyne.NewPos(10, 10))
	test.Scroll(u.win.Canvas(), pos, 0, -widgets.WheelNotch)
	got := f.scroll.Offset.Y
	line := theme.TextSize() + 2*theme.InnerPadding()
	if got < 2.5*line || got > 3.5*line {
		t.Errorf("one notch over an entry scrolled the form by %.0f px, want about three lines (%.0f)", got, 3*line)
	}
	// Over a multi-line entry too.
	l := f.fields["project.summary"].focus.(*widgets.Entry)
	f.jump("project.summary")
	before := f.scroll.Offset.Y
	pos = u.app.Driver().AbsolutePositionForObject(l).Add(fyne.NewPos(10, 10))
	test.Scroll(u.win.Canvas(), pos, 0, widgets.WheelNotch)
	if f.scroll.Offset.Y >= before {
		t.Errorf("wheel up over the summary: offset %.0f → %.0f", before, f.scroll.Offset.Y)
	}
}

func TestDefaultSizeFitsALaptopAtEveryScale(t *testing.T) {
	for _, s := range []float32{1, 1.1, 1.25, 1.5, 2} {
		got := fitLaptop(fyneScale(s))
		phys := got.Width * fyneScale(s)
		if phys > 1366 || got.Height*fyneScale(s) > 768 || got.Width < 600 {
			t.Errorf("scale %v: %v logical, %.0f px wide", s, got, phys)
		}
	}
	if fyneScale(1.25) != 1.3 {
		t.Errorf("Fyne draws 1.25 at %v", fyneScale(1.25))
	}
}

// fakePositions is a system that tells the window's position; placedWindow
// records the position asked for.
type fakePositions struct {
	x, y    int
	ok      bool
	offside bool          // the remembered point is on no screen
	screen  platform.Rect // the work area it tells (none when empty)
}

func (f fakePositions) position(fyne.Window) (int, int, bool) { return f.x, f.y, f.ok }
func (f fakePositions) onScreen(int, int) bool                { return !f.offside }
func (f fakePositions) workArea(int, int, bool) (platform.Rect, bool) {
	return f.screen, f.screen.W > 0
}

type placedWindow struct {
	fyne.Window
	x, y   int
	placed bool
}

func (w *placedWindow) RequestPosition(x, y int) { w.x, w.y, w.placed = x, y, true }

func TestWindowPositionRemembered(t *testing.T) {
	u, _ := newTestUI(t)
	win := &placedWindow{Window: u.win}
	u.win = win
	u.positions = fakePositions{}
	u.restorePosition()
	if win.placed {
		t.Errorf("first start asks for a position (%d, %d)", win.x, win.y)
	}
	u.rememberWindow() // a system that tells no position: nothing kept
	u.restorePosition()
	if win.placed {
		t.Error("a position is asked for though none was told")
	}

	u.positions = fakePositions{x: 240, y: -30, ok: true}
	u.rememberWindow()
	u.restorePosition()
	if !win.placed || win.x != 240 || win.y != -30 {
		t.Errorf("next start asks for (%d, %d) placed=%v, want the last position (240, -30)", win.x, win.y, win.placed)
	}

	win.placed = false
	u.positions = fakePositions{offside: true}
	u.restorePosition()
	if win.placed {
		t.Error("a position on no screen (a monitor unplugged) is asked for")
	}
}

// The first start fits the screen it opens on, whatever its size (a
// 1024×700 screen opened 1200×680, its buttons off-screen), and a size
// remembered on a bigger screen is fitted to the smaller one; the frame's
// title bar and borders fit too. Where the system tells no screen size the
// default stays.
func TestFirstStartFitsTheScreen(t *testing.T) {
	u, _ := newTestUI(t)
	fits := func(s fyne.Size, scale float32, w, h int) bool {
		return (s.Width+frameWidth)*scale <= float32(w)+0.5 && (s.Height+frameHeight)*scale <= float32(h)+0.5
	}
	for _, sc := range []struct {
		w, h  int
		scale float32
	}{{1024, 700, 1}, {1024, 700, 1.3}, {1366, 768, 1}, {1366, 768, 1.3}, {1280, 720, 1.5}, {800, 600, 1}} {
		u.positions = fakePositions{screen: platform.Rect{W: sc.w, H: sc.h}}
		got := u.fitScreen(fitLaptop(sc.scale), sc.scale)
		if !fits(got, sc.scale, sc.w, sc.h) {
			t.Errorf("a %d×%d screen at %v: the window opens %v logical", sc.w, sc.h, sc.scale, got)
		}
		if sc.w >= 1366 && got != fitLaptop(sc.scale) {
			t.Errorf("a %d×%d screen at %v: %v, want the laptop default %v", sc.w, sc.h, sc.scale, got, fitLaptop(sc.scale))
		}
	}
	u.positions = fakePositions{screen: platform.Rect{W: 1024, H: 700}}
	if got := u.initialSize(); !fits(got, 1, 1024, 700) {
		t.Errorf("first start on a 1024×700 screen: %v", got)
	}
	// A size remembered on a big screen, then a smaller one.
	p := u.app.Preferences()
	p.SetFloat(prefWindowWidth, 1800)
	p.SetFloat(prefWindowHeight, 1000)
	u.positions = fakePositions{screen: platform.Rect{W: 1366, H: 728}}
	if got := u.initialSize(); !fits(got, 1, 1366, 728) || got.Width < 1300 {
		t.Errorf("1800×1000 remembered, a 1366×728 work area: %v", got)
	}
	u.win.Resize(fyne.NewSize(1800, 1000))
	u.fitToScale()
	if got := u.win.Canvas().Size(); !fits(got, u.win.Canvas().Scale(), 1366, 728) {
		t.Errorf("once shown, the remembered 1800×1000 window is %v on a 1366×728 work area", got)
	}
	// A remembered size that fits is kept, and so is everything where the
	// system tells no screen.
	p.SetFloat(prefWindowWidth, 1000)
	p.SetFloat(prefWindowHeight, 600)
	if got := u.initialSize(); got != fyne.NewSize(1000, 600) {
		t.Errorf("1000×600 remembered on a 1366×728 screen opens %v", got)
	}
	u.positions = fakePositions{}
	p.SetFloat(prefWindowWidth, 0)
	if got := u.initialSize(); got != fitLaptop(1) {
		t.Errorf("no screen told: %v, want %v", got, fitLaptop(1))
	}
}

// Closing writes the window's size, position and divider as one change of
// the preferences, so Fyne saves them in one write: set one by one, all
// but the first were left to a deferred save that never came once the
// program ended (the window reopened at (0,0) in 1 of 6 scripted walks).
func TestWindowRememberedInOneWrite(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "forum")
	f.split.SetOffset(0.55)
	u.win.Resize(fyne.NewSize(1100, 650))
	changes := 0
	u.app.Preferences().AddChangeListener(func() { changes++ })
	u.rememberWindow()
	if changes != 1 {
		t.Errorf("closing changed the preferences %d times, want once", changes)
	}
	p := u.app.Preferences()
	if p.Float(prefWindowWidth) != 1100 || p.Float(prefWindowHeight) != 650 || p.Float(prefSplitOffset) != 0.55 {
		t.Errorf("remembered %v×%v, divider %v", p.Float(prefWindowWidth), p.Float(prefWindowHeight), p.Float(prefSplitOffset))
	}
}
