//go:build windows || darwin

package platform

import (
	"errors"
	"runtime"
	"strings"

	"github.com/sqweek/dialog"
)

// SystemDialog is the system's own file and folder dialog through
// github.com/sqweek/dialog: GetOpenFileName and the shell's folder browser
// on Windows, NSOpenPanel on macOS. Its title and the filter's name are in
// Chinese; its buttons are the system's, in the system's language.
var SystemDialog NativeDialog = sqweekDialog

func sqweekDialog(req FileRequest) (string, bool, error) {
	// The dialog runs a modal loop of the thread it is called on.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var (
		p   string
		err error
	)
	if req.Folder {
		b := dialog.Directory().Title(req.Title)
		if req.Dir != "" {
			b = b.SetStartDir(req.Dir)
		}
		p, err = b.Browse()
	} else {
		b := dialog.File().Title(req.Title)
		if len(req.Exts) > 0 {
			var exts []string
			for _, e := range req.Exts {
				exts = append(exts, strings.TrimPrefix(e, "."))
			}
			b = b.Filter(req.Kind+"（*."+strings.Join(exts, "、*.")+"）", exts...)
		}
		b = b.Filter("所有文件", "*")
		if req.Dir != "" {
			b = b.SetStartDir(req.Dir)
		}
		p, err = b.Load()
	}
	if errors.Is(err, dialog.ErrCancelled) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	return p, true, nil
}
