package app

// The form's focus: a finding's link, Tab past a step's end and a step
// opened put the cursor in a field and scroll it into view.

import (
	"strings"

	"fyne.io/fyne/v2"

	"shenbao/app/widgets"
)

// jump brings a finding's field into view and focuses it.
func (f *formScreen) jump(path string) bool {
	fl := f.resolve(path)
	if fl == nil {
		return f.jumpAfter(path)
	}
	if f.u.review != nil {
		f.u.review = nil
		f.u.setContent(f.content)
	}
	if f.after != nil {
		f.closeAfter()
	}
	if fl.step != f.steps.cur {
		f.showStep(fl.step)
	}
	f.scrollTo(fl.obj)
	if fl.focus != nil {
		f.u.win.Canvas().Focus(fl.focus)
	}
	return true
}

// afterTab is the after-selection tab a finding's path belongs to, or "".
func (f *formScreen) afterTab(path string) string {
	switch {
	case strings.HasPrefix(path, "selection."):
		return "入选与报送期限"
	case strings.HasPrefix(path, "reports.info_report"):
		return "信息报道稿"
	case strings.HasPrefix(path, "reports.results") && f.d.Category == "speech":
		return "分赛场成绩"
	case strings.HasPrefix(path, "reports.summary"), strings.HasPrefix(path, "reports.review"), strings.HasPrefix(path, "reports.proceedings"):
		return "总结与综述"
	case strings.HasPrefix(path, "reports.accounts"):
		return "决算表"
	}
	return ""
}

// jumpAfter opens the after-selection screen at the tab of a finding.
func (f *formScreen) jumpAfter(path string) bool {
	tab := f.afterTab(path)
	if tab == "" {
		return false
	}
	if f.after == nil {
		f.onAfter()
	}
	if f.after == nil {
		return false // it could not be saved first; the user was told
	}
	for _, it := range f.after.s.tabs.Items {
		if it.Text == tab {
			f.after.s.tabs.Select(it)
		}
	}
	// The field itself, in view (revealFocused), as on the form.
	if o := f.after.s.focusFor(path); o != nil {
		f.u.win.Canvas().Focus(o)
	}
	return true
}

// hasTarget reports whether a finding's path leads somewhere in the window.
func (f *formScreen) hasTarget(path string) bool {
	return path != "" && (f.resolve(path) != nil || f.afterTab(path) != "")
}

// scrollTo scrolls the form so that o is near the top.
func (f *formScreen) scrollTo(o fyne.CanvasObject) {
	drv := f.u.app.Driver()
	pos := drv.AbsolutePositionForObject(o)
	base := drv.AbsolutePositionForObject(f.scroll.Content)
	y := pos.Y - base.Y - 48
	max := f.scroll.Content.MinSize().Height - f.scroll.Size().Height
	if y > max {
		y = max
	}
	if y < 0 {
		y = 0
	}
	f.scroll.Offset = fyne.NewPos(0, y)
	f.scroll.Refresh()
}

// focusFirst puts the cursor in the first field of the step shown.
func (f *formScreen) focusFirst() {
	for _, fl := range f.order {
		if fl.step != f.steps.cur {
			continue
		}
		if e, ok := fl.focus.(*widgets.Entry); ok && e.Visible() {
			f.u.win.Canvas().Focus(e)
			return
		}
	}
}
