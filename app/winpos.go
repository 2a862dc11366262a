package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"shenbao/app/platform"
)

// The window's position. Fyne 2.8 can ask the system for one before the
// window shows (desktop.Window.RequestPosition) but tells a program none,
// so the position is read from the system itself (package platform: on
// Windows and on X11; under Wayland and on macOS it is left to the system).

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
	workArea(x, y int, at bool) (platform.Rect, bool)
}

// systemPositions is the system's answer, from package platform.
type systemPositions struct{}

func (systemPositions) position(w fyne.Window) (x, y int, ok bool) {
	return platform.WindowPosition(w)
}

func (systemPositions) onScreen(x, y int) bool { return platform.OnScreen(x, y) }

func (systemPositions) workArea(x, y int, at bool) (platform.Rect, bool) {
	return platform.WorkArea(x, y, at)
}

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
