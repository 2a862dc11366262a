//go:build (linux && !android) || freebsd || netbsd || openbsd

package platform

import (
	"bufio"
	"bytes"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

func TestOnMonitor(t *testing.T) {
	// A 1366×768 laptop with a 1920×1080 monitor to its right, top-aligned.
	two := []Rect{{0, 0, 1366, 768}, {1366, 0, 1920, 1080}}
	for _, c := range []struct {
		name string
		ms   []Rect
		x, y int
		want bool
	}{
		{"top left corner", two, 0, 0, true},
		{"laptop's last pixel", two, 1365, 767, true},
		{"on the second monitor", two, 2000, 900, true},
		{"below the laptop, beside the taller monitor", two, 100, 900, false},
		{"right of the second monitor", two, 3286, 10, false},
		{"left of every monitor", two, -10, 10, false},
		{"second monitor unplugged", two[:1], 2000, 100, false},
		{"no monitor told", nil, 10, 10, false},
	} {
		if got := onMonitor(c.ms, c.x, c.y); got != c.want {
			t.Errorf("%s: onMonitor(%d, %d) = %v, want %v", c.name, c.x, c.y, got, c.want)
		}
	}
}

// startXvfb starts an X server of the test's own and returns its display.
// Xvfb is one of the test packages (make deps-test); without it the test
// is skipped, saying so.
func startXvfb(t *testing.T, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath("Xvfb")
	if err != nil {
		t.Skip("no Xvfb (make deps-test installs it): the X11 position code is not tried")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var stderr bytes.Buffer
	// -displayfd: the server takes a free display and writes its number.
	cmd := exec.Command(bin, append([]string{"-displayfd", "3", "-nolisten", "tcp"}, args...)...)
	cmd.ExtraFiles = []*os.File{w}
	cmd.Stderr = &stderr
	dieWithTest(cmd)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case n := <-line:
		if n == "" {
			t.Fatalf("Xvfb told no display: %s", stderr.String())
		}
		return ":" + n
	case <-time.After(20 * time.Second):
		t.Fatalf("Xvfb not ready after 20 s: %s", stderr.String())
	}
	return ""
}

// x11Window is a fyne.Window whose RunNative gives an X11 window, the way
// Fyne's GLFW driver does on X11 (or, wayland set, a Wayland surface).
type x11Window struct {
	fyne.Window
	handle  xproto.Window
	wayland bool
}

func (w x11Window) RunNative(f func(any)) {
	if w.wayland {
		f(driver.WaylandWindowContext{WaylandSurface: 1})
		return
	}
	f(driver.X11WindowContext{WindowHandle: uintptr(w.handle)})
}

// createWindow makes a mapped window at (x, y) in parent, as GLFW does
// (XCreateWindow on the root window).
func createWindow(t *testing.T, c *xgb.Conn, parent xproto.Window, x, y int16) xproto.Window {
	t.Helper()
	win, err := xproto.NewWindowId(c)
	if err != nil {
		t.Fatal(err)
	}
	s := xproto.Setup(c).DefaultScreen(c)
	if err := xproto.CreateWindowChecked(c, s.RootDepth, win, parent, x, y, 400, 300, 0,
		xproto.WindowClassInputOutput, s.RootVisual, 0, nil).Check(); err != nil {
		t.Fatal(err)
	}
	if err := xproto.MapWindowChecked(c, win).Check(); err != nil {
		t.Fatal(err)
	}
	return win
}

func TestX11PositionRoundTrip(t *testing.T) {
	disp := startXvfb(t, "-screen", "0", "1366x768x24")
	t.Setenv("DISPLAY", disp)
	c, err := xgb.NewConnDisplay(disp)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	root := xproto.Setup(c).DefaultScreen(c).Root
	want := func(w fyne.Window, wx, wy int, what string) {
		t.Helper()
		if x, y, ok := windowPosition(w); !ok || x != wx || y != wy {
			t.Errorf("%s: position (%d, %d) ok=%v, want (%d, %d)", what, x, y, ok, wx, wy)
		}
	}

	win := createWindow(t, c, root, 300, 200)
	want(x11Window{handle: win}, 300, 200, "created at (300, 200)")

	// RequestPosition is GLFW's SetPos: XMoveWindow, a ConfigureWindow of x and y.
	for _, p := range [][2]int{{-40, 30}, {1000, 500}, {0, 0}} {
		err := xproto.ConfigureWindowChecked(c, win, xproto.ConfigWindowX|xproto.ConfigWindowY,
			[]uint32{uint32(int32(p[0])), uint32(int32(p[1]))}).Check()
		if err != nil {
			t.Fatal(err)
		}
		want(x11Window{handle: win}, p[0], p[1], "moved")
	}

	// A window manager puts the window into its frame: the position is
	// still the window's own on the screen, not the frame's.
	frame := createWindow(t, c, root, 100, 50)
	if err := xproto.ReparentWindowChecked(c, win, frame, 6, 28).Check(); err != nil {
		t.Fatal(err)
	}
	want(x11Window{handle: win}, 106, 78, "in a frame at (100, 50), at (6, 28) in it")

	if _, _, ok := windowPosition(x11Window{handle: win, wayland: true}); ok {
		t.Error("a position is told under Wayland")
	}
	if _, _, ok := windowPosition(x11Window{handle: win + 1000}); ok {
		t.Error("a position is told for a window that does not exist")
	}

	for _, p := range []struct {
		x, y int
		want bool
	}{{0, 0, true}, {1365, 767, true}, {1366, 100, false}, {100, 768, false}, {-1, 0, false}} {
		if got := onScreen(p.x, p.y); got != p.want {
			t.Errorf("one 1366×768 screen: onScreen(%d, %d) = %v, want %v", p.x, p.y, got, p.want)
		}
	}
}

func TestX11Monitors(t *testing.T) {
	// Xinerama's screens, not the root window: Xvfb joins two screens into
	// one root window of 1366×768 (it can place them only at the origin,
	// and its RandR has one monitor, which cannot be split), and tells the
	// two screens apart.
	disp := startXvfb(t, "+xinerama", "-screen", "0", "1366x768x24", "-screen", "1", "1024x600x24")
	c, err := xgb.NewConnDisplay(disp)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ms, err := x11Monitors(c)
	want := []Rect{{0, 0, 1366, 768}, {0, 0, 1024, 600}}
	if err != nil || !slices.Equal(ms, want) {
		t.Errorf("monitors %v (%v), want %v", ms, err, want)
	}
}

func TestX11Unreachable(t *testing.T) {
	win := x11Window{handle: 0x200001}

	// A server that accepts the connection and never answers.
	sock := filepath.Join(t.TempDir(), "x")
	l, err := net.Listen("unix", sock+":0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()

	for _, d := range []string{"", ":" + "999", sock + ":0"} {
		t.Setenv("DISPLAY", d)
		start := time.Now()
		if _, _, ok := windowPosition(win); ok {
			t.Errorf("DISPLAY=%q: a position is told", d)
		}
		if onScreen(10, 10) {
			t.Errorf("DISPLAY=%q: a point is on a screen", d)
		}
		if took := time.Since(start); took > 3*x11Timeout {
			t.Errorf("DISPLAY=%q: closing waited %v for the X server", d, took)
		}
	}
}

// The work area the window fits at start: the screen (Xvfb of 1024×700,
// no window manager, so no _NET_WORKAREA), then a work area a window
// manager set without its 40 px panel at the bottom.
func TestX11WorkArea(t *testing.T) {
	// -noreset: the server would reset when the last client leaves, here
	// between two connections, and drop the work area set below.
	disp := startXvfb(t, "-noreset", "-screen", "0", "1024x700x24")
	t.Setenv("DISPLAY", disp)
	if got, ok := workArea(0, 0, false); !ok || got != (Rect{0, 0, 1024, 700}) {
		t.Errorf("work area %v (%v), want the 1024×700 screen", got, ok)
	}
	c, err := xgb.NewConnDisplay(disp)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	root := xproto.Setup(c).DefaultScreen(c).Root
	atom, err := xproto.InternAtom(c, false, uint16(len("_NET_WORKAREA")), "_NET_WORKAREA").Reply()
	if err != nil {
		t.Fatal(err)
	}
	data := make([]byte, 16)
	for i, v := range []uint32{0, 0, 1024, 660} {
		xgb.Put32(data[4*i:], v)
	}
	if err := xproto.ChangePropertyChecked(c, xproto.PropModeReplace, root, atom.Atom, xproto.AtomCardinal, 32, 4, data).Check(); err != nil {
		t.Fatal(err)
	}
	if got, ok := workArea(10, 10, true); !ok || got != (Rect{0, 0, 1024, 660}) {
		t.Errorf("work area %v (%v), want 1024×660 above the panel", got, ok)
	}
}
