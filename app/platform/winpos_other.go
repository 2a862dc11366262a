//go:build !windows && (!linux || android) && !freebsd && !netbsd && !openbsd

package platform

import "fyne.io/fyne/v2"

// On macOS (which would need Objective-C through cgo) and other systems
// without X11 the program does not read the window's position, so nothing
// is remembered and nothing is restored.

func windowPosition(fyne.Window) (int, int, bool) { return 0, 0, false }

func onScreen(int, int) bool { return true }

func workArea(int, int, bool) (Rect, bool) { return Rect{}, false }
