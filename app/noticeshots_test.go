package app

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// TestNoticeScreenshots writes the screenshots of docs/notice.md when
// NOTICE_SHOTS names a folder: the start screen of a closed call, and a
// notice beside its proposal with a fact's words highlighted.
func TestNoticeScreenshots(t *testing.T) {
	out := os.Getenv("NOTICE_SHOTS")
	if out == "" {
		t.Skip()
	}
	u, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(1366, 768))
	u.now = func() time.Time { return time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) }
	u.showStart()
	save := func(name string) {
		img := u.win.Canvas().Capture()
		if b := img.Bounds(); b.Dx() < 1300 || b.Dy() < 700 {
			t.Fatalf("%s: captured %v", name, b)
		}
		f, err := os.Create(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
	}
	save("notice-start.png")
	s := u.callFromNotice("../forms/testdata/call-2025/notice.txt")
	s.showFact("categories.annual.quota")
	if s.highlighted() == "" {
		t.Fatal("nothing highlighted")
	}
	save("notice-confirm.png")
}
