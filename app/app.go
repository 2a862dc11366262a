// Package app is the window of 申报助手: the drafts list, the guided form
// with live checks, autosave and recovery. It adds no rule of its own: it
// shows what package forms finds.
package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Run opens the main window and blocks until it is closed.
func Run(a fyne.App) {
	w := a.NewWindow("申报助手")
	w.SetContent(widget.NewLabel("申报助手"))
	w.ShowAndRun()
}
