//go:build !windows

package platform

import "fyne.io/fyne/v2"

// IMESupported tells that SetIMEPosition does something on this system:
// only on Windows. Elsewhere the input method learns where the caret is
// from the toolkit (GLFW's XIM context on X11, its NSTextInputClient view
// on macOS), which GLFW 3.4 under Fyne 2.8 does not tell it; no system
// call a program makes changes that (docs/window.md, Keyboard).
const IMESupported = false

// SetIMEPosition does nothing here (see IMESupported).
func SetIMEPosition(w fyne.Window, x, y, lineHeight float32) bool { return false }

// IMEPosition reads nothing here.
func IMEPosition(w fyne.Window) (x, y int, ok bool) { return 0, 0, false }

// IMECandidatePosition reads nothing here.
func IMECandidatePosition(w fyne.Window) (x, y int, exclude [4]int, ok bool) {
	return 0, 0, exclude, false
}
