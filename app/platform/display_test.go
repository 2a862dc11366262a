package platform

import (
	"runtime"
	"strings"
	"testing"
)

// With no display the window is not tried: a Chinese reason instead, which
// names what to do; with either kind of display, none.
func TestNoDisplay(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("Windows and macOS always have a display")
	}
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	msg := NoDisplay()
	if !strings.Contains(msg, "没有可用的图形显示") || !strings.Contains(msg, "shenbao help") {
		t.Errorf("no display: %q", msg)
	}
	t.Setenv("DISPLAY", ":0")
	if msg := NoDisplay(); msg != "" {
		t.Errorf("DISPLAY set: %q", msg)
	}
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "wayland-0")
	if msg := NoDisplay(); msg != "" {
		t.Errorf("WAYLAND_DISPLAY set: %q", msg)
	}
}
