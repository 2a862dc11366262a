package app

import (
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

var (
	user32               = windows.NewLazySystemDLL("user32.dll")
	procClientToScreen   = user32.NewProc("ClientToScreen")
	procMonitorFromPoint = user32.NewProc("MonitorFromPoint")
)

// systemPositions reads the position of the window's client area in screen
// pixels, the coordinates GLFW's SetPos (behind RequestPosition) takes.
type systemPositions struct{}

func (systemPositions) position(w fyne.Window) (x, y int, ok bool) {
	nw, isNative := w.(driver.NativeWindow)
	if !isNative {
		return 0, 0, false
	}
	nw.RunNative(func(ctx any) {
		wc, isWin := ctx.(driver.WindowsWindowContext)
		if !isWin || wc.HWND == 0 {
			return
		}
		var pt struct{ X, Y int32 }
		if r, _, _ := procClientToScreen.Call(wc.HWND, uintptr(unsafe.Pointer(&pt))); r != 0 {
			x, y, ok = int(pt.X), int(pt.Y), true
		}
	})
	return x, y, ok
}

// onScreen: MonitorFromPoint with MONITOR_DEFAULTTONULL (0) finds no
// monitor for a point outside every screen.
func (systemPositions) onScreen(x, y int) bool {
	// POINT is passed by value: on amd64 its two int32s in one register.
	pt := uintptr(uint32(int32(x))) | uintptr(uint32(int32(y)))<<32
	r, _, _ := procMonitorFromPoint.Call(pt, 0)
	return r != 0
}
