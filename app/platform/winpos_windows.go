package platform

import (
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

var (
	winposUser32         = windows.NewLazySystemDLL("user32.dll")
	procClientToScreen   = winposUser32.NewProc("ClientToScreen")
	procMonitorFromPoint = winposUser32.NewProc("MonitorFromPoint")
	procGetMonitorInfo   = winposUser32.NewProc("GetMonitorInfoW")
)

// windowPosition reads the position of the window's client area in screen
// pixels, the coordinates GLFW's SetPos (behind RequestPosition) takes.
func windowPosition(w fyne.Window) (x, y int, ok bool) {
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
func onScreen(x, y int) bool {
	// POINT is passed by value: on amd64 its two int32s in one register.
	pt := uintptr(uint32(int32(x))) | uintptr(uint32(int32(y)))<<32
	r, _, _ := procMonitorFromPoint.Call(pt, 0)
	return r != 0
}

// workArea is the work area (the screen without the task bar) of the
// monitor holding the point, or of the primary monitor
// (MONITOR_DEFAULTTOPRIMARY, 1), from GetMonitorInfoW.
func workArea(x, y int, at bool) (Rect, bool) {
	if !at {
		x, y = 0, 0 // the primary monitor's top left corner
	}
	pt := uintptr(uint32(int32(x))) | uintptr(uint32(int32(y)))<<32
	mon, _, _ := procMonitorFromPoint.Call(pt, 1)
	if mon == 0 {
		return Rect{}, false
	}
	var mi struct {
		Size          uint32
		Monitor, Work struct{ Left, Top, Right, Bottom int32 }
		Flags         uint32
	}
	mi.Size = uint32(unsafe.Sizeof(mi))
	if r, _, _ := procGetMonitorInfo.Call(mon, uintptr(unsafe.Pointer(&mi))); r == 0 {
		return Rect{}, false
	}
	w := mi.Work
	return Rect{int(w.Left), int(w.Top), int(w.Right - w.Left), int(w.Bottom - w.Top)}, true
}
