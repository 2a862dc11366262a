package app

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/platform"
	"shenbao/forms"
)

// reportEnv is what the after-selection screens (report_*.go) need from the
// window: the call, the open draft and where it is saved (its photos live
// next to it), the window for dialogs, the clock, and changed, called after
// every edit (the form marks the draft dirty, autosaves and re-checks).
type reportEnv struct {
	call      *forms.Call
	d         *forms.Draft
	draftPath string
	win       fyne.Window
	now       func() time.Time
	changed   func()
	// ask shows a question (nil in tests of a screen alone: no question);
	// openFolder shows a folder in the file manager.
	ask        func(title, message string, choices ...choice) *prompt
	openFolder func(dir string)
	// native is the window's system file dialog (nil: Fyne's).
	native platform.NativeDialog
}

// edited reports an edit to the window.
func (e *reportEnv) edited() {
	if e.changed != nil {
		e.changed()
	}
}

// today is the date the due dates count from.
func (e *reportEnv) today() forms.Date { return forms.DateOf(e.now()) }

// findingsFor returns the messages of the draft's findings whose rule starts
// with one of the prefixes, one per line, errors first.
func (e *reportEnv) findingsFor(prefixes ...string) string {
	var lines []string
	for _, f := range forms.Check(e.call, e.d, forms.Options{Today: e.today()}) {
		for _, p := range prefixes {
			if strings.HasPrefix(f.Rule, p) {
				lines = append(lines, "【"+f.Severity.SeverityName()+"】"+f.Message)
				break
			}
		}
	}
	return strings.Join(lines, "\n")
}

// newNote is a wrapped label for findings and hints.
func newNote() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// setNote shows text in a note, hidden when empty, in the colour of its
// worst severity (the same colours as the form's).
func setNote(l *widget.Label, text string) {
	l.SetText(text)
	switch {
	case text == "":
		l.Hide()
		return
	case strings.Contains(text, "【错误】"):
		l.Importance = severityImportance(forms.Error)
	case strings.Contains(text, "【警告】"):
		l.Importance = severityImportance(forms.Warning)
	default:
		l.Importance = severityImportance(forms.Info)
	}
	l.Show()
	l.Refresh()
}
