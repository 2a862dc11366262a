package app

import (
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"shenbao/app/platform"
)

// Every choice of a file or a folder in the window goes through chooseIn:
// the system's own dialog on Windows and macOS (platform.SystemDialog,
// with github.com/sqweek/dialog), Fyne's dialog on Linux and in tests.

// choosing is set while a system dialog is open: it does not stop the
// clicks in the window behind it, and a second one is not opened.
var choosing atomic.Bool

// chooseFile asks the user of the window for a file or a folder and calls
// fn with its path, on the UI goroutine; nothing when cancelled.
func (u *ui) chooseFile(req platform.FileRequest, fn func(path string)) {
	chooseIn(u.win, u.native, req, fn)
}

// chooseIn is chooseFile for a window and its system dialog (nil: Fyne's).
// The system's dialog is modal and waits: it runs on its own goroutine,
// so the window goes on drawing meanwhile. The returned channel is closed
// once the system's dialog has been answered and handled (at once for
// Fyne's, which calls fn later).
func chooseIn(win fyne.Window, native platform.NativeDialog, req platform.FileRequest, fn func(path string)) <-chan struct{} {
	done := make(chan struct{})
	if native == nil {
		fyneChooser(win, req, fn)
		close(done)
		return done
	}
	if !choosing.CompareAndSwap(false, true) {
		close(done)
		return done
	}
	go func() {
		defer close(done)
		p, ok, err := native(req)
		choosing.Store(false)
		onUIWait("file dialog: chosen", func() {
			switch {
			case err != nil:
				fyneChooser(win, req, fn)
			case ok && p != "":
				fn(p)
			}
		})
	}()
	return done
}

// fyneChooser is Fyne's file or folder dialog for req, in Chinese.
func fyneChooser(win fyne.Window, req platform.FileRequest, fn func(path string)) {
	var d *dialog.FileDialog
	if req.Folder {
		d = dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err != nil || l == nil {
				return
			}
			fn(l.Path())
		}, win)
	} else {
		d = dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			p := r.URI().Path()
			r.Close()
			fn(p)
		}, win)
		if len(req.Exts) > 0 {
			d.SetFilter(storage.NewExtensionFileFilter(withUpper(req.Exts)))
		}
	}
	if req.Title != "" {
		d.SetTitleText(req.Title)
	}
	if req.Folder {
		d.SetConfirmText("选择文件夹")
	} else {
		d.SetConfirmText("打开")
	}
	d.SetDismissText("取消")
	if req.Dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(req.Dir)); err == nil {
			d.SetLocation(l)
		}
	}
	// Fyne 2.8's FileDialog sizes itself from its window, which exists
	// only once shown: Resize before Show dereferences nil.
	d.Show()
	d.Resize(fyne.NewSize(900, 600))
}

// withUpper adds the upper-case form of each extension (Fyne's filter
// tells case apart; cameras write .JPG).
func withUpper(exts []string) []string {
	out := append([]string{}, exts...)
	for _, e := range exts {
		if u := strings.ToUpper(e); u != e {
			out = append(out, u)
		}
	}
	return out
}
