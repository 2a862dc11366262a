package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
)

// findingsPanel lists the draft's findings with their counts; clicking one
// brings its field into view and focuses it.
type findingsPanel struct {
	f       *formScreen
	content fyne.CanvasObject
	counts  *widget.Label
	box     *fyne.Container
	rows    []*findingRow
	shown   []forms.Finding
}

func newFindingsPanel(f *formScreen) *findingsPanel {
	p := &findingsPanel{f: f}
	p.counts = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{})
	p.counts.Wrapping = fyne.TextWrapBreak
	hint := widget.NewLabel("点击一条，跳到要修改的地方。")
	p.box = container.NewVBox()
	p.content = container.NewBorder(container.NewVBox(p.counts, hint, widget.NewSeparator()), nil, nil, nil, container.NewVScroll(p.box))
	return p
}

// refreshFindings updates the panel when the findings changed.
func (p *findingsPanel) refreshFindings(fs []forms.Finding) {
	if sameFindings(fs, p.shown) {
		return
	}
	p.shown = append([]forms.Finding(nil), fs...)
	errs, warns := countFindings(fs)
	if errs == 0 && warns == 0 {
		p.counts.SetText("检查结果：没有错误和警告")
		p.counts.Importance = widget.SuccessImportance
	} else {
		p.counts.SetText(fmt.Sprintf("检查结果：%d 个错误，%d 个警告", errs, warns))
		p.counts.Importance = widget.DangerImportance
		if errs == 0 {
			p.counts.Importance = widget.WarningImportance
		}
	}
	p.counts.Refresh()
	p.rows = p.rows[:0]
	p.box.RemoveAll()
	for _, fd := range fs {
		r := newFindingRow(fd, p.f.jump)
		p.rows = append(p.rows, r)
		p.box.Add(r)
	}
	p.box.Refresh()
}

func sameFindings(a, b []forms.Finding) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// findingRow is one finding of the panel: a wrapped label that can be
// clicked.
type findingRow struct {
	widget.Label
	finding forms.Finding
	onTap   func(path string) bool
}

func newFindingRow(fd forms.Finding, onTap func(string) bool) *findingRow {
	r := &findingRow{finding: fd, onTap: onTap}
	r.ExtendBaseWidget(r)
	r.Wrapping = fyne.TextWrapBreak
	text := severityPrefix(fd.Severity)
	if fd.Field != "" {
		text += "【" + forms.FieldLabel(fd.Field) + "】"
	}
	r.Text = text + fd.Message
	switch fd.Severity {
	case forms.Error:
		r.Importance = widget.DangerImportance
	case forms.Warning:
		r.Importance = widget.WarningImportance
	default:
		r.Importance = widget.MediumImportance
	}
	return r
}

// Tapped jumps to the finding's field.
func (r *findingRow) Tapped(*fyne.PointEvent) {
	if r.finding.Field != "" {
		r.onTap(r.finding.Field)
	}
}

// Cursor shows a hand over findings that lead to a field.
func (r *findingRow) Cursor() desktop.Cursor {
	if r.finding.Field != "" {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}
