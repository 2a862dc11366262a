package app

// The form's focus: a finding's link, Tab past a step's end and a step
// opened put the cursor in a field and scroll it into view.

import (
	"slices"
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

// markSeen marks the fields of the step shown that are on screen now
// (wholly or in part, within the form's scroller) as seen, and reports
// whether any was not before. A field hidden (a section that does not
// apply) counts as seen: there is nothing to look at. One walk of the
// step's widgets finds every field's place (it runs on every check).
func (f *formScreen) markSeen() bool {
	if f.steps == nil || f.scroll == nil || f.scroll.Size().Height <= 0 || f.steps.cur >= len(f.sections) {
		return false
	}
	want := map[fyne.CanvasObject][]*field{}
	for _, fl := range f.order {
		if !fl.seen && fl.step == f.steps.cur && fl.obj != nil {
			want[fl.obj] = append(want[fl.obj], fl)
		}
	}
	if len(want) == 0 {
		return false
	}
	drv := f.u.app.Driver()
	box := f.sections[f.steps.cur].box
	origin := drv.AbsolutePositionForObject(box).Y - drv.AbsolutePositionForObject(f.scroll.Content).Y
	top, bottom := f.scroll.Offset.Y, f.scroll.Offset.Y+f.scroll.Size().Height
	changed := false
	mark := func(o fyne.CanvasObject) {
		for _, fl := range want[o] {
			fl.seen, changed = true, true
		}
		delete(want, o)
	}
	var walk func(n fyne.CanvasObject, y float32, shown bool)
	walk = func(n fyne.CanvasObject, y float32, shown bool) {
		shown = shown && (n == box || n.Visible())
		if _, ok := want[n]; ok && (!shown || y+n.Size().Height > top && y < bottom) {
			mark(n)
		}
		if c, ok := n.(*fyne.Container); ok {
			for _, k := range c.Objects {
				walk(k, y+k.Position().Y, shown)
			}
		}
	}
	walk(box, origin, true)
	// A field inside a widget of its own (not reached through containers)
	// is placed by the driver.
	base := drv.AbsolutePositionForObject(f.scroll.Content).Y
	for o := range want {
		if y := drv.AbsolutePositionForObject(o).Y - base; o.Visible() && y+o.Size().Height > top && y < bottom {
			mark(o)
		}
	}
	return changed
}

// onSeen refreshes the steps' states when scrolling or a new step showed a
// field for the first time.
func (f *formScreen) onSeen() {
	if !f.markSeen() {
		return
	}
	before := f.stepCounts
	f.refreshMessages()
	if f.steps != nil && !slices.Equal(before, f.stepCounts) {
		f.steps.refresh()
	}
}

// seenLayout holds the form's scroller: each time it is laid out (the
// window shown, resized, a step shown) the fields then on screen are
// marked seen.
type seenLayout struct{ f *formScreen }

func (l seenLayout) MinSize(o []fyne.CanvasObject) fyne.Size { return o[0].MinSize() }

func (l seenLayout) Layout(o []fyne.CanvasObject, size fyne.Size) {
	o[0].Move(fyne.NewPos(0, 0))
	o[0].Resize(size)
	l.f.onSeen()
}
