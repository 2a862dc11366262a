package platform

import "fyne.io/fyne/v2"

// The window's position. Fyne 2.8 can ask the system for one before the
// window shows (desktop.Window.RequestPosition) but tells a program none,
// so the position is read from the system itself where that needs no cgo:
// on Windows (winpos_windows.go, user32) and on X11 (winpos_x11.go, the X
// protocol in Go). Under Wayland, which neither tells a position nor takes
// one, and on macOS (winpos_other.go) it is left to the system.

// Rect is a screen's rectangle in the system's pixels.
type Rect struct{ X, Y, W, H int }

// WindowPosition is the position of the window's content in the system's
// coordinates, the point desktop.Window.RequestPosition takes; ok is false
// where the system does not tell it (Wayland, macOS, no X server, a window
// that is not the system's).
func WindowPosition(w fyne.Window) (x, y int, ok bool) { return windowPosition(w) }

// OnScreen tells whether the point (x, y), in the system's pixels, is on
// one of the screens connected now (a second monitor may be gone). Where
// the system does not tell (macOS, Wayland) every point is.
func OnScreen(x, y int) bool { return onScreen(x, y) }

// WorkArea is the usable part (without task bars, where the system tells)
// of the screen holding the point (x, y), or of the main screen when at is
// false, in the system's pixels; ok is false where the system tells none.
func WorkArea(x, y int, at bool) (r Rect, ok bool) { return workArea(x, y, at) }
