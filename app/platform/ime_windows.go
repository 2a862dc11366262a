package platform

import (
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

// The input method's windows (composition and candidates) follow the
// caret through imm32, which every Windows (and Wine) has: Fyne's GLFW
// window handles no IME message, so without this the input method draws
// them at the window's top left corner (fyne-io/fyne#4546, #618).

var (
	imm32                       = windows.NewLazySystemDLL("imm32.dll")
	procImmGetContext           = imm32.NewProc("ImmGetContext")
	procImmReleaseContext       = imm32.NewProc("ImmReleaseContext")
	procImmSetCompositionWindow = imm32.NewProc("ImmSetCompositionWindow")
	procImmGetCompositionWindow = imm32.NewProc("ImmGetCompositionWindow")
	procImmSetCandidateWindow   = imm32.NewProc("ImmSetCandidateWindow")
	procImmGetCandidateWindow   = imm32.NewProc("ImmGetCandidateWindow")
)

// Styles of COMPOSITIONFORM and CANDIDATEFORM (imm.h).
const (
	cfsPoint        = 0x0002 // CFS_POINT: the composition starts at ptCurrentPos
	cfsCandidatePos = 0x0040 // CFS_CANDIDATEPOS: the candidate list's top left
	cfsExclude      = 0x0080 // CFS_EXCLUDE: the candidate list avoids rcArea
)

type point struct{ X, Y int32 }

type rect struct{ Left, Top, Right, Bottom int32 }

// compositionForm is imm.h's COMPOSITIONFORM.
type compositionForm struct {
	Style uint32
	Pos   point
	Area  rect
}

// candidateForm is imm.h's CANDIDATEFORM.
type candidateForm struct {
	Index uint32
	Style uint32
	Pos   point
	Area  rect
}

// IMESupported tells that SetIMEPosition does something on this system.
const IMESupported = true

// SetIMEPosition puts the input method's composition window at the caret
// of w's focused entry, whose top left is (x, y) and whose height is
// lineHeight, all in Fyne's canvas units from the canvas's top left, and
// its candidate list just below the caret's line (outside the caret's
// rectangle, CFS_EXCLUDE, so that it never covers the text being typed).
// It reports whether the input method took the position. It must be called
// on Fyne's UI goroutine (the window's thread owns its input context).
func SetIMEPosition(w fyne.Window, x, y, lineHeight float32) bool {
	c := w.Canvas()
	if c == nil {
		return false
	}
	// Canvas units to the window's client pixels (the canvas's scale and
	// the texture scale of the monitor, as Fyne draws them).
	px, py := c.PixelCoordinateForPosition(fyne.NewPos(x, y))
	_, bottom := c.PixelCoordinateForPosition(fyne.NewPos(x, y+lineHeight))
	if bottom <= py {
		bottom = py + 1
	}
	done := false
	withContext(w, func(hwnd, himc uintptr) {
		cf := compositionForm{Style: cfsPoint, Pos: point{int32(px), int32(py)}}
		r, _, _ := procImmSetCompositionWindow.Call(himc, uintptr(unsafe.Pointer(&cf)))
		done = r != 0
		// IMEs that ignore CFS_EXCLUDE take the candidate list's top
		// left from CFS_CANDIDATEPOS (list 1); the others, such as
		// Microsoft Pinyin, keep it off the caret's rectangle (list 0).
		below := candidateForm{Index: 1, Style: cfsCandidatePos, Pos: point{int32(px), int32(bottom)}}
		procImmSetCandidateWindow.Call(himc, uintptr(unsafe.Pointer(&below)))
		exclude := candidateForm{Style: cfsExclude, Pos: point{int32(px), int32(bottom)},
			Area: rect{int32(px), int32(py), int32(px) + 1, int32(bottom)}}
		procImmSetCandidateWindow.Call(himc, uintptr(unsafe.Pointer(&exclude)))
	})
	return done
}

// IMEPosition reads back where the input method draws the composition (in
// the window's client pixels): ok is false when the window has no input
// context or none was set.
func IMEPosition(w fyne.Window) (x, y int, ok bool) {
	withContext(w, func(hwnd, himc uintptr) {
		var cf compositionForm
		if r, _, _ := procImmGetCompositionWindow.Call(himc, uintptr(unsafe.Pointer(&cf))); r != 0 {
			x, y, ok = int(cf.Pos.X), int(cf.Pos.Y), true
		}
	})
	return x, y, ok
}

// IMECandidatePosition reads back list 0 of the candidate window: its
// position and, for CFS_EXCLUDE, the rectangle it avoids, in the window's
// client pixels.
func IMECandidatePosition(w fyne.Window) (x, y int, exclude [4]int, ok bool) {
	withContext(w, func(hwnd, himc uintptr) {
		var cf candidateForm
		if r, _, _ := procImmGetCandidateWindow.Call(himc, 0, uintptr(unsafe.Pointer(&cf))); r != 0 {
			x, y, ok = int(cf.Pos.X), int(cf.Pos.Y), true
			exclude = [4]int{int(cf.Area.Left), int(cf.Area.Top), int(cf.Area.Right), int(cf.Area.Bottom)}
		}
	})
	return x, y, exclude, ok
}

// withContext runs f with w's window handle and input context, and
// releases the context after; it does nothing when either is missing (a
// window not shown yet, an input method disabled for the window).
func withContext(w fyne.Window, f func(hwnd, himc uintptr)) {
	nw, isNative := w.(driver.NativeWindow)
	if !isNative || imm32.Load() != nil {
		return
	}
	nw.RunNative(func(ctx any) {
		wc, isWin := ctx.(driver.WindowsWindowContext)
		if !isWin || wc.HWND == 0 {
			return
		}
		himc, _, _ := procImmGetContext.Call(wc.HWND)
		if himc == 0 {
			return
		}
		defer procImmReleaseContext.Call(wc.HWND, himc)
		f(wc.HWND, himc)
	})
}
