//go:build !windows

package app

import "fyne.io/fyne/v2"

// systemPositions: outside Windows the program cannot read the window's
// position without cgo (X11) or at all (Wayland, which also ignores a
// requested one), so nothing is remembered and nothing is restored.
type systemPositions struct{}

func (systemPositions) position(fyne.Window) (int, int, bool) { return 0, 0, false }

func (systemPositions) onScreen(int, int) bool { return true }
