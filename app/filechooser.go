package app

import (
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// fileRequest is what the user is asked to choose: a file of one kind, or
// a folder. Every choice of a file or a folder in the window goes through
// chooseIn: the system's own dialog on Windows and macOS
// (nativedialog_windows.go, nativedialog_darwin.go, with
// github.com/sqweek/dialog), Fyne's dialog on Linux and in tests.
type fileRequest struct {
	title  string   // the dialog's title, in Chinese
	kind   string   // what the files are, e.g. "申报书草稿"
	exts   []string // their extensions, with the dot; none: any file
	dir    string   // the folder it opens in; "" for the default
	folder bool     // a folder, not a file
}

// nativeDialog shows the system's dialog for req and waits for the user:
// the chosen path, or ok false when the dialog was cancelled; an error
// when it could not be shown (Fyne's dialog is shown instead). Nil where
// there is none (nativedialog_other.go); the window uses it, the tests
// never do (they build their ui without Run).
type nativeDialog func(req fileRequest) (path string, ok bool, err error)

// choosing is set while a system dialog is open: it does not stop the
// clicks in the window behind it, and a second one is not opened.
var choosing atomic.Bool

// chooseFile asks the user of the window for a file or a folder and calls
// fn with its path, on the UI goroutine; nothing when cancelled.
func (u *ui) chooseFile(req fileRequest, fn func(path string)) {
	chooseIn(u.win, u.native, req, fn)
}

// chooseIn is chooseFile for a window and its system dialog (nil: Fyne's).
// The system's dialog is modal and waits: it runs on its own goroutine,
// so the window goes on drawing meanwhile. The returned channel is closed
// once the system's dialog has been answered and handled (at once for
// Fyne's, which calls fn later).
func chooseIn(win fyne.Window, native nativeDialog, req fileRequest, fn func(path string)) <-chan struct{} {
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
func fyneChooser(win fyne.Window, req fileRequest, fn func(path string)) {
	var d *dialog.FileDialog
	if req.folder {
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
		if len(req.exts) > 0 {
			d.SetFilter(storage.NewExtensionFileFilter(withUpper(req.exts)))
		}
	}
	if req.title != "" {
		d.SetTitleText(req.title)
	}
	if req.folder {
		d.SetConfirmText("选择文件夹")
	} else {
		d.SetConfirmText("打开")
	}
	d.SetDismissText("取消")
	if req.dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(req.dir)); err == nil {
			d.SetLocation(l)
		}
	}
	// Shown first, then sized: Fyne 2.8.1's FileDialog.Resize reads the
	// dialog's window before it checks that there is one, and panics on a
	// dialog not shown yet.
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
