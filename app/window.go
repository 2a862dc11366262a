package app

import (
	"math"

	"fyne.io/fyne/v2"
)

// The window opens at its last size, or at a size that fits a 1366×768
// laptop at the user's scale: 1200×680 logical px at 100 %, smaller at
// 125 % and above. Fyne 2.8 gives a program neither the screen's size nor
// the window's position; the position is remembered where the system tells
// it (winpos.go, package platform).
const (
	defaultWidth, defaultHeight = 1200, 680
	// usable physical px of a 1366×768 screen under a taskbar and a title bar
	laptopWidth, laptopHeight = 1340, 690
	minWidth, minHeight       = 800, 500
)

// Room for the window's frame around its content, in logical px: the
// size asked for is the content's, and the title bar and borders come on
// top of it.
const frameWidth, frameHeight = 16, 40

// initialSize is the window's size at start: the last size, or the
// default, either made to fit the screen it opens on where the system
// tells its size (a 1024×700 screen, a smaller screen than last time).
func (u *ui) initialSize() fyne.Size {
	scale := fyneScale(u.app.Settings().Scale())
	p := u.app.Preferences()
	w := float32(p.FloatWithFallback(prefWindowWidth, 0))
	h := float32(p.FloatWithFallback(prefWindowHeight, 0))
	if w >= minWidth && h >= minHeight {
		return u.fitScreen(fyne.NewSize(w, h), scale)
	}
	return u.fitScreen(fitLaptop(scale), scale)
}

// fitScreen shrinks a size (logical px at scale) to the work area of the
// screen the window opens on: the one of its remembered position, else
// the main one. Where the system tells no screen size, s is kept.
func (u *ui) fitScreen(s fyne.Size, scale float32) fyne.Size {
	if scale <= 0 {
		scale = 1
	}
	p := u.app.Preferences()
	placed := p.Bool(prefWindowPlaced)
	a, ok := u.positions.workArea(p.Int(prefWindowX), p.Int(prefWindowY), placed)
	if !ok || a.W <= 0 || a.H <= 0 {
		return s
	}
	w := float32(a.W)/scale - frameWidth
	h := float32(a.H)/scale - frameHeight
	return fyne.NewSize(max(min(s.Width, w), 1), max(min(s.Height, h), 1))
}

// fitLaptop is the default size at a scale: 1200×680, or what fits a
// 1366×768 laptop at that scale.
func fitLaptop(scale float32) fyne.Size {
	if scale <= 0 {
		scale = 1
	}
	return fyne.NewSize(min(defaultWidth, laptopWidth/scale), min(defaultHeight, laptopHeight/scale))
}

// fyneScale is a user scale as Fyne applies it: rounded to a tenth
// (FYNE_SCALE=1.25 draws at 1.3).
func fyneScale(s float32) float32 {
	return float32(math.Round(float64(s)*10)) / 10
}

// fitToScale shrinks a window that opened at the default size once the
// real scale is known (the user's scale times the monitor's, e.g. Windows
// at 125 %), so it fits a 1366×768 laptop, and any window, a remembered
// size too, to the screen it is on at that scale.
func (u *ui) fitToScale() {
	if u.sizeFixed {
		return
	}
	scale := u.win.Canvas().Scale()
	cur := u.win.Canvas().Size()
	want := cur
	if u.app.Preferences().FloatWithFallback(prefWindowWidth, 0) < minWidth {
		want = fitLaptop(scale)
	}
	want = u.fitScreen(want, scale)
	if cur.Width > want.Width+1 || cur.Height > want.Height+1 {
		u.win.Resize(fyne.NewSize(min(cur.Width, want.Width), min(cur.Height, want.Height)))
	}
}

// rememberWindow keeps the window's size, position and the form's divider
// for the next start, in one write of the preferences: Fyne saves the file
// on the first change and defers any change made within 100 ms of it to a
// save that does not happen once the program is ending, so values set one
// by one on closing were lost (seen: only windowX kept, the window
// reopened at (0,0), in about 1 of 6 scripted walks under load).
func (u *ui) rememberWindow() {
	vals := map[string]any{}
	if x, y, ok := u.positions.position(u.win); ok {
		vals[prefWindowX], vals[prefWindowY], vals[prefWindowPlaced] = x, y, true
	}
	if s := u.win.Canvas().Size(); s.Width >= minWidth && s.Height >= minHeight {
		vals[prefWindowWidth], vals[prefWindowHeight] = float64(s.Width), float64(s.Height)
	}
	if u.form != nil && u.form.split != nil {
		if o := u.form.split.Offset; o > 0.2 && o < 0.9 {
			vals[prefSplitOffset] = o
		}
	}
	writePreferences(u.app.Preferences(), vals)
}

// writePreferences sets the values (int, float64 or bool, as Fyne's own
// setters store them) with one change, so one save, where the preferences
// allow it (the app's do), else one by one.
func writePreferences(p fyne.Preferences, vals map[string]any) {
	if len(vals) == 0 {
		return
	}
	if w, ok := p.(interface{ WriteValues(func(map[string]any)) }); ok {
		w.WriteValues(func(m map[string]any) {
			for k, v := range vals {
				m[k] = v
			}
		})
		return
	}
	for k, v := range vals {
		switch v := v.(type) {
		case int:
			p.SetInt(k, v)
		case float64:
			p.SetFloat(k, v)
		case bool:
			p.SetBool(k, v)
		}
	}
}

// rememberSplit keeps the form's divider position.
func (u *ui) rememberSplit() {
	if u.form != nil && u.form.split != nil {
		if o := u.form.split.Offset; o > 0.2 && o < 0.9 {
			u.app.Preferences().SetFloat(prefSplitOffset, o)
		}
	}
}

// splitOffset is the form's divider position, as last left.
func (u *ui) splitOffset() float64 {
	o := u.app.Preferences().FloatWithFallback(prefSplitOffset, 0.66)
	if o <= 0.2 || o >= 0.9 {
		return 0.66
	}
	return o
}
