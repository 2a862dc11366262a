package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/widgets"
	"shenbao/forms"
)

// findingsPanel lists the draft's findings with their counts; clicking one
// brings its field into view and focuses it.
type findingsPanel struct {
	f       *formScreen
	content fyne.CanvasObject
	counts  *widgets.Label
	box     *fyne.Container
	rows    []*findingRow
	shown   []forms.Finding
	todo    int // how many of shown are 待填
}

func newFindingsPanel(f *formScreen) *findingsPanel {
	p := &findingsPanel{f: f}
	p.counts = widgets.NewLabel("")
	p.counts.Wrapping = fyne.TextWrapBreak
	hint := widgets.NewLabel("点击一条，跳到要修改的地方。“待填”的项在离开该项或点“检查全部”后才检查。")
	hint.Wrapping = fyne.TextWrapBreak
	p.box = container.NewVBox()
	// The counts and the hint scroll with the findings: wrapped labels
	// outside a scroller would make the window grow when the panel is
	// narrow (a wrapped label's height follows its width).
	p.content = container.NewVScroll(container.NewVBox(p.counts, hint, widget.NewSeparator(), p.box))
	return p
}

// refreshFindings updates the panel when the findings changed. Findings
// still "待填" (an empty field the user has not left yet) come last, in
// the neutral colour.
func (p *findingsPanel) refreshFindings(fs []forms.Finding) {
	var now, todo []forms.Finding
	for _, fd := range fs {
		if p.f.isPending(fd) {
			todo = append(todo, fd)
		} else {
			now = append(now, fd)
		}
	}
	shown := append(append([]forms.Finding(nil), now...), todo...)
	if sameFindings(shown, p.shown) && len(todo) == p.todo {
		return
	}
	p.shown, p.todo = shown, len(todo)
	errs, warns := countFindings(now)
	rest := ""
	if len(todo) > 0 {
		rest = fmt.Sprintf("；%d 项待填", len(todo))
	}
	if errs == 0 && warns == 0 {
		p.counts.SetText("检查结果：没有错误和警告" + rest)
		p.counts.Importance = widget.SuccessImportance
		if len(todo) > 0 {
			p.counts.Importance = widget.MediumImportance
		}
	} else {
		p.counts.SetText(fmt.Sprintf("检查结果：%d 个错误，%d 个警告%s", errs, warns, rest))
		p.counts.Importance = severityImportance(forms.Error)
		if errs == 0 {
			p.counts.Importance = severityImportance(forms.Warning)
		}
	}
	p.counts.Refresh()
	p.rows = p.rows[:0]
	p.box.RemoveAll()
	for i, fd := range shown {
		target := p.f.hasTarget(fd.Field)
		r := newFindingRow(p.f.u.call.FieldLabel(fd.Field), fd, i >= len(now), target, p.f.jump)
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

// findingRow is one finding of the panel: a wrapped label that, when its
// field is on the form, can be clicked to go there.
type findingRow struct {
	widgets.Label
	finding forms.Finding
	pending bool // shown as 待填
	target  bool // its field is on the form
	onTap   func(path string) bool
}

func newFindingRow(label string, fd forms.Finding, pending, target bool, onTap func(string) bool) *findingRow {
	r := &findingRow{finding: fd, pending: pending, target: target, onTap: onTap}
	r.ExtendBaseWidget(r)
	r.Wrapping = fyne.TextWrapBreak
	text := severityPrefix(fd.Severity)
	if pending {
		text = "待填："
	}
	if fd.Field != "" {
		text += "【" + label + "】"
	}
	r.Text = text + fd.Message
	r.Importance = severityImportance(fd.Severity)
	if pending {
		r.Importance = widget.MediumImportance
	}
	return r
}

// Tapped jumps to the finding's field.
func (r *findingRow) Tapped(*fyne.PointEvent) {
	if r.target {
		r.onTap(r.finding.Field)
	}
}

// Cursor shows a hand only over findings that lead to a field.
func (r *findingRow) Cursor() desktop.Cursor {
	if r.target {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}
