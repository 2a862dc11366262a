//go:build (linux && !android) || freebsd || netbsd || openbsd

package platform

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

// On X11 the program reads the window's position over a connection of
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

// x11Timeout bounds how long closing (or starting) waits for the X server.
// On a machine under load (the scripted walk beside two busy loops, load
// ~15 on 2 cores) a new connection and its three round trips took longer
// than the 500 ms this was, and the position was not kept.
const x11Timeout = 2 * time.Second

func windowPosition(w fyne.Window) (x, y int, ok bool) {
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
func onScreen(x, y int) bool {
	var ms []Rect
	err := withX(func(c *xgb.Conn) (err error) {
		ms, err = x11Monitors(c)
		return err
	})
	return err == nil && onMonitor(ms, x, y)
}

// workArea is the monitor holding the point (or the first, which X
// servers list first as the primary), cut to the desktop's work area
// (_NET_WORKAREA, which a window manager sets without its panels) where
// there is one.
func workArea(x, y int, at bool) (Rect, bool) {
	var ms []Rect
	var wa Rect
	err := withX(func(c *xgb.Conn) (err error) {
		if ms, err = x11Monitors(c); err != nil {
			return err
		}
		wa, _ = x11WorkArea(c)
		return nil
	})
	if err != nil || len(ms) == 0 {
		return Rect{}, false
	}
	m := ms[0]
	if at {
		for _, o := range ms {
			if onMonitor([]Rect{o}, x, y) {
				m = o
			}
		}
	}
	if wa.W > 0 && wa.H > 0 {
		if in := intersect(m, wa); in.W > 0 && in.H > 0 {
			m = in
		}
	}
	return m, true
}

// x11WorkArea is the first desktop's work area as the window manager sets
// it on the root window (_NET_WORKAREA), if it does.
func x11WorkArea(c *xgb.Conn) (Rect, bool) {
	root := xproto.Setup(c).DefaultScreen(c).Root
	atom, err := xproto.InternAtom(c, true, uint16(len("_NET_WORKAREA")), "_NET_WORKAREA").Reply()
	if err != nil || atom.Atom == 0 {
		return Rect{}, false
	}
	p, err := xproto.GetProperty(c, false, root, atom.Atom, xproto.AtomCardinal, 0, 4).Reply()
	if err != nil || p.Format != 32 || len(p.Value) < 16 {
		return Rect{}, false
	}
	v := func(i int) int { return int(int32(xgb.Get32(p.Value[4*i:]))) }
	return Rect{v(0), v(1), v(2), v(3)}, true
}

// intersect is the part two rectangles share.
func intersect(a, b Rect) Rect {
	x0, y0 := max(a.X, b.X), max(a.Y, b.Y)
	x1, y1 := min(a.X+a.W, b.X+b.W), min(a.Y+a.H, b.Y+b.H)
	if x1 <= x0 || y1 <= y0 {
		return Rect{}
	}
	return Rect{x0, y0, x1 - x0, y1 - y0}
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
func x11Monitors(c *xgb.Conn) ([]Rect, error) {
	if xinerama.Init(c) == nil {
		r, err := xinerama.QueryScreens(c).Reply()
		if err == nil && len(r.ScreenInfo) > 0 {
			ms := make([]Rect, len(r.ScreenInfo))
			for i, s := range r.ScreenInfo {
				ms[i] = Rect{int(s.XOrg), int(s.YOrg), int(s.Width), int(s.Height)}
			}
			return ms, nil
		}
	}
	s := xproto.Setup(c).DefaultScreen(c)
	return []Rect{{0, 0, int(s.WidthInPixels), int(s.HeightInPixels)}}, nil
}

// onMonitor tells whether the point is on one of the monitors.
func onMonitor(ms []Rect, x, y int) bool {
	for _, m := range ms {
		if x >= m.X && x < m.X+m.W && y >= m.Y && y < m.Y+m.H {
			return true
		}
	}
	return false
}
