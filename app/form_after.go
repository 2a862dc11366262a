package app

import (
	"errors"
	"io/fs"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// afterView is the after-selection screen (afterScreen, 入选与会后材料) of the open draft
// as the window shows it: a bar with the way back to the form, the draft's
// name and saved state, and the save button, above the report tabs. Edits
// go through the form's changed, so they are marked unsaved, autosaved and
// saved (Ctrl+S, the save button, the question on leaving) like the form's.
type afterView struct {
	s       *afterScreen
	content fyne.CanvasObject

	backBtn, saveBtn *widget.Button
	title, state     *widget.Label
}

// onAfter opens the after-selection screen of the draft. A draft with
// unsaved changes, or not yet written, is saved first: its photos are kept
// in a folder named after the draft file, and the reports then start from
// what is on disk. When that save fails the user is told why and the form
// stays.
func (f *formScreen) onAfter() {
	if f.readOnly {
		return
	}
	if _, err := os.Stat(f.path); f.dirty || errors.Is(err, fs.ErrNotExist) {
		if err := f.save(); err != nil {
			f.u.showSaveError(err)
			return
		}
	}
	u := f.u
	v := &afterView{}
	v.s = newAfterScreen(&reportEnv{call: u.call, d: f.d, draftPath: f.path, win: u.win, now: u.now, changed: f.changed,
		ask: u.ask, openFolder: func(dir string) { openFolder(u, dir) }, native: u.native})
	v.backBtn = widget.NewButtonWithIcon("返回申报书", theme.NavigateBackIcon(), f.closeAfter)
	v.saveBtn = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), f.onSave)
	v.title = widget.NewLabel("")
	v.title.Truncation = fyne.TextTruncateEllipsis
	v.state = widget.NewLabel("")
	bar := container.NewBorder(nil, nil, v.backBtn, container.NewHBox(v.state, v.saveBtn), v.title)
	v.content = container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, v.s.content)
	f.after = v
	u.review = nil
	f.refreshState()
	u.setContent(v.content)
}

// closeAfter goes back from the after-selection screen to the form.
func (f *formScreen) closeAfter() {
	f.after = nil
	f.u.setContent(f.content)
}

// refreshAfterState copies the form's title and saved state to the
// after-selection screen's bar, when it is open.
func (f *formScreen) refreshAfterState() {
	v := f.after
	if v == nil {
		return
	}
	if title := f.title.Text + "　·　入选与会后材料"; v.title.Text != title {
		v.title.SetText(title)
	}
	if v.state.Text != f.state.Text {
		v.state.SetText(f.state.Text)
	}
}
