//go:build !windows && (!linux || android) && !freebsd && !netbsd && !openbsd

package app

import "fyne.io/fyne/v2"

// systemPositions: on macOS (which would need Objective-C through cgo) and
// other systems without X11 the program does not read the window's
// position, so nothing is remembered and nothing is restored.
type systemPositions struct{}

func (systemPositions) position(fyne.Window) (int, int, bool) { return 0, 0, false }

func (systemPositions) onScreen(int, int) bool { return true }

func (systemPositions) workArea(int, int, bool) (rect, bool) { return rect{}, false }
