package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The window's position. Fyne 2.8 can ask the system for one before the
// window shows (desktop.Window.RequestPosition) but tells a program none,
// so the position is read from the system itself where that needs no cgo:
// on Windows (winpos_windows.go, user32) and on X11 (winpos_x11.go, the X
// protocol in Go). Under Wayland, which neither tells a position nor takes
// one, and on macOS (winpos_other.go) it is left to the system as before.

// placer asks for a window's position: desktop.Window in the real window.
type placer interface{ RequestPosition(x, y int) }

var _ placer = desktop.Window(nil)

// positionReader tells a window's position in the system's coordinates and
// whether a point is on one of the screens; tests replace it.
type positionReader interface {
	position(w fyne.Window) (x, y int, ok bool)
	onScreen(x, y int) bool
	// workArea is the usable part (without task bars, where the system
	// tells) of the screen holding the point (x, y), or of the main
	// screen when at is false, in the system's pixels.
	workArea(x, y int, at bool) (rect, bool)
}

// rect is a screen's rectangle in the system's pixels.
type rect struct{ x, y, w, h int }

// restorePosition asks for the last position, when one was remembered and
// is still on a screen (a second monitor may be gone). Call before Show.
func (u *ui) restorePosition() {
	p := u.app.Preferences()
	if !p.Bool(prefWindowPlaced) {
		return
	}
	x, y := p.Int(prefWindowX), p.Int(prefWindowY)
	if !u.positions.onScreen(x, y) {
		return
	}
	if w, ok := u.win.(placer); ok {
		w.RequestPosition(x, y)
	}
}
