//go:build (linux && !android) || freebsd || netbsd || openbsd

package app

import (
	"errors"
	"fmt"
	"io"
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xinerama"
	"github.com/jezek/xgb/xproto"
)

// systemPositions on X11 reads the window's position over a connection of
// its own to the X server (jezek/xgb, the X protocol in Go, no cgo), opened
// only when needed (at close, and at start when a position was remembered)
// and closed at once. The position is what GLFW's glfwGetWindowPos tells
// on X11: the window's (0, 0) translated to the root window, the point its
// SetPos (behind RequestPosition) moves the window to with XMoveWindow;
// GLFW asks for StaticGravity, so a window manager places the window's
// content, not its frame, there and the two round-trip.
//
// Under Wayland RunNative gives a WaylandWindowContext: a Wayland client
// can neither read nor set its position, so nothing is remembered. When the
// X server cannot be reached (no DISPLAY), answers with an error or is slow
// (x11Timeout), nothing is remembered or restored either.
type systemPositions struct{}

// x11Timeout bounds how long closing (or starting) waits for the X server.
const x11Timeout = 500 * time.Millisecond

func (systemPositions) position(w fyne.Window) (x, y int, ok bool) {
	nw, isNative := w.(driver.NativeWindow)
	if !isNative {
		return 0, 0, false
	}
	var win xproto.Window
	nw.RunNative(func(ctx any) {
		if wc, isX := ctx.(driver.X11WindowContext); isX {
			win = xproto.Window(wc.WindowHandle)
		}
	})
	if win == 0 {
		return 0, 0, false
	}
	// After a timeout f may still run: its results are read only when it
	// has finished.
	var px, py int
	if err := withX(func(c *xgb.Conn) (err error) {
		px, py, err = x11Position(c, win)
		return err
	}); err != nil {
		return 0, 0, false
	}
	return px, py, true
}

// onScreen: the point is on one of the monitors the X server reports now.
func (systemPositions) onScreen(x, y int) bool {
	var ms []rect
	err := withX(func(c *xgb.Conn) (err error) {
		ms, err = x11Monitors(c)
		return err
	})
	return err == nil && onMonitor(ms, x, y)
}

var errXSlow = errors.New("no answer from the X server in time")

// xgb logs to stderr (a missing Xauthority entry, a lost connection); the
// program only gives up remembering then, so it says nothing.
func init() { xgb.Logger = log.New(io.Discard, "", 0) }

// withX runs f on a new connection to the X server of $DISPLAY and closes
// it; it gives up after x11Timeout and turns a panic into an error.
func withX(f func(*xgb.Conn) error) error {
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("xgb: %v", r)
			}
		}()
		c, err := xgb.NewConn()
		if err != nil {
			done <- err
			return
		}
		defer c.Close()
		done <- f(c)
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(x11Timeout):
		return errXSlow
	}
}

// x11Position is the window's (0, 0) on its root window, as glfwGetWindowPos.
func x11Position(c *xgb.Conn, win xproto.Window) (x, y int, err error) {
	g, err := xproto.GetGeometry(c, xproto.Drawable(win)).Reply()
	if err != nil {
		return 0, 0, err
	}
	t, err := xproto.TranslateCoordinates(c, win, g.Root, 0, 0).Reply()
	if err != nil {
		return 0, 0, err
	}
	return int(t.DstX), int(t.DstY), nil
}

// x11Monitors are the monitors' rectangles on the default screen's root
// window: Xinerama's screens (which a RandR server reports from its
// monitors), or the whole root window where the server has no Xinerama.
func x11Monitors(c *xgb.Conn) ([]rect, error) {
	if xinerama.Init(c) == nil {
		r, err := xinerama.QueryScreens(c).Reply()
		if err == nil && len(r.ScreenInfo) > 0 {
			ms := make([]rect, len(r.ScreenInfo))
			for i, s := range r.ScreenInfo {
				ms[i] = rect{int(s.XOrg), int(s.YOrg), int(s.Width), int(s.Height)}
			}
			return ms, nil
		}
	}
	s := xproto.Setup(c).DefaultScreen(c)
	return []rect{{0, 0, int(s.WidthInPixels), int(s.HeightInPixels)}}, nil
}

// rect is a monitor's rectangle in the root window's pixels.
type rect struct{ x, y, w, h int }

// onMonitor tells whether the point is on one of the monitors.
func onMonitor(ms []rect, x, y int) bool {
	for _, m := range ms {
		if x >= m.x && x < m.x+m.w && y >= m.y && y < m.y+m.h {
			return true
		}
	}
	return false
}
