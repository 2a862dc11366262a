package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/widgets"
	"shenbao/forms"
)

// What the real window (Fyne's GLFW driver) does with the keyboard, for
// the tests: a typed character goes to the focused widget
// (window.processCharInput); Tab and Shift+Tab move the focus unless the
// focused widget accepts tabs, which then gets the Tab as a typed key
// (window.capturesTab). test.TypeOnCanvas would hand the characters to the
// canvas's own handler instead, which the form does not use.

// typeKeys types s into whatever has the keyboard.
func typeKeys(t *testing.T, c fyne.Canvas, s string) {
	t.Helper()
	f := c.Focused()
	if f == nil {
		t.Fatalf("typing %q with nothing focused", s)
	}
	for _, r := range s {
		c.Focused().TypedRune(r)
	}
}

// pressTab is Tab (Shift+Tab with back) as the window handles it.
func pressTab(c fyne.Canvas, back bool) {
	if tb, ok := c.Focused().(fyne.Tabbable); ok && tb.AcceptsTab() {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	if back {
		c.FocusPrevious()
	} else {
		c.FocusNext()
	}
}

// tabTo presses Tab until the field of path has the keyboard.
func tabTo(t *testing.T, f *formScreen, path string) {
	t.Helper()
	c := f.u.win.Canvas()
	want := f.fields[path].focus
	for i := 0; i < 80; i++ {
		if c.Focused() == want {
			return
		}
		pressTab(c, false)
	}
	t.Fatalf("80 Tabs did not reach %s (at %T)", path, c.Focused())
}

// openStep opens a step as the user does, from the steps list; the
// cursor goes to its first field.
func openStep(t *testing.T, f *formScreen, id string) {
	t.Helper()
	f.steps.list.Select(stepIndex(t, f, id))
	if f.sections[f.steps.cur].id != id {
		t.Fatalf("step %s not opened", id)
	}
}

// A number box of a blank draft is empty (待填), not "0": Tab into it and
// type 30, and 30 is what the draft and its autosave hold (the box held
// "0" with the cursor before it, and 30 became 300).
func TestNumberBoxTypedAfterTab(t *testing.T) {
	u, _ := newTestUI(t)
	f := newBlank(t, u, "forum")
	c := u.win.Canvas()
	openStep(t, f, "project")
	p := f.fields["project.participants"].focus.(*widgets.Entry)
	if p.Text != "" || p.PlaceHolder != "待填" {
		t.Errorf("an untouched number box holds %q, placeholder %q; want empty, 待填", p.Text, p.PlaceHolder)
	}
	tabTo(t, f, "project.participants")
	typeKeys(t, c, "30")
	pressTab(c, false)
	tabTo(t, f, "project.papers")
	typeKeys(t, c, "10")
	if f.d.Project.Participants != 30 || f.d.Project.Papers != 10 {
		t.Errorf("typed 30 and 10 after Tab: the draft holds %d participants, %d papers", f.d.Project.Participants, f.d.Project.Papers)
	}
	// Back with Shift+Tab, type again: the box's value is replaced.
	pressTab(c, true)
	for c.Focused() != p {
		pressTab(c, true)
	}
	typeKeys(t, c, "45")
	if f.d.Project.Participants != 45 || p.Text != "45" {
		t.Errorf("typed 45 over 30: box %q, draft %d", p.Text, f.d.Project.Participants)
	}
	if err := f.autosaveNow(); err != nil {
		t.Fatal(err)
	}
	saved, err := forms.Load(f.path + AutosaveSuffix)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Project.Participants != 45 || saved.Project.Papers != 10 {
		t.Errorf("the autosave holds %d participants, %d papers; want 45, 10", saved.Project.Participants, saved.Project.Papers)
	}
}

// Every way to an amount box replaces what it holds: a finding's link, a
// click on its shown digits, a new budget line's amount reached with Tab,
// the 决算表's spent amount after its item.
func TestAmountBoxesReplaceWhateverTheWay(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "forum")
	c := u.win.Canvas()
	// A finding's link.
	f.jump("project.requested_amount")
	typeKeys(t, c, "8000")
	if f.d.Project.RequestedAmount != 8000 {
		t.Errorf("typed 8000 after the link: %d", f.d.Project.RequestedAmount)
	}
	// A click on the shown digits of a box that holds a number.
	f.jump("budget.lines")
	total := f.fields["budget.total"].focus.(*widgets.Entry)
	c.Unfocus()
	relayout(f)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(total)
	if m := click(t, c, fyne.NewPos(innerRight(total)-2, pos.Y+total.Size().Height/2)); m != total {
		t.Fatalf("the click went to %T", m)
	}
	typeKeys(t, c, "60000")
	if f.d.Budget.Total != 60000 {
		t.Errorf("typed 60000 after a click on the total: %d", f.d.Budget.Total)
	}
	// A new budget line: 添加一行 puts the cursor in its item, Tab goes to
	// its amount, empty.
	tb := f.tables["budget.lines"]
	test.Tap(tb.addBtn)
	n := len(f.d.Budget.Lines) - 1
	amount := f.fields["budget.lines["+itoa(n)+"].amount"].focus.(*widgets.Entry)
	if amount.Text != "" {
		t.Errorf("a new line's amount holds %q", amount.Text)
	}
	typeKeys(t, c, "会议费")
	pressTab(c, false)
	if c.Focused() != amount {
		t.Fatalf("Tab from the item went to %T", c.Focused())
	}
	typeKeys(t, c, "8000")
	if got := f.d.Budget.Lines[n].Amount; got != 8000 {
		t.Errorf("typed 8000 into a new line's amount: %d", got)
	}

	// 决算表: the spent amounts are empty until typed, and replace too.
	f.onAfter()
	if f.after == nil {
		t.Fatal("no after-selection screen")
	}
	s := f.after.s
	s.tabs.SelectIndex(len(s.tabs.Items) - 1)
	acc := s.accounts
	if len(acc.spent) == 0 {
		t.Fatal("no lines in the 决算表")
	}
	for i, e := range acc.spent {
		if e.Text != "" || e.PlaceHolder != "待填" {
			t.Errorf("spent %d of an untouched 决算表: %q, placeholder %q", i, e.Text, e.PlaceHolder)
		}
	}
	item := acc.rows.Objects[0].(*fyne.Container).Objects[0].(*widgets.Entry)
	ip := fyne.CurrentApp().Driver().AbsolutePositionForObject(item)
	click(t, c, ip.Add(fyne.NewPos(8, item.Size().Height/2)))
	if c.Focused() != item {
		t.Fatalf("the click on the first item focused %T", c.Focused())
	}
	pressTab(c, false)
	if c.Focused() != acc.spent[0] {
		t.Fatalf("Tab from the item went to %T", c.Focused())
	}
	typeKeys(t, c, "8000")
	if got := f.d.Reports.Accounts.Lines[0].Spent; got != 8000 {
		t.Errorf("typed 8000 into the 决算表: spent %d", got)
	}
	pressTab(c, true)
	pressTab(c, false)
	typeKeys(t, c, "7500")
	if got := f.d.Reports.Accounts.Lines[0].Spent; got != 7500 {
		t.Errorf("typed 7500 over 8000 in the 决算表: spent %d", got)
	}
}

// Tab and Shift+Tab leave a multi-line box, as every other field: no tab
// character is typed into it (the draft saved "…优先。\t").
func TestTabLeavesMultiLineBox(t *testing.T) {
	u, _ := newTestUI(t)
	f := newBlank(t, u, "forum")
	c := u.win.Canvas()
	openStep(t, f, "project")
	tabTo(t, f, "project.summary")
	typeKeys(t, c, "优先。")
	pressTab(c, false)
	if f.d.Project.Summary != "优先。" {
		t.Errorf("after Tab the summary is %q", f.d.Project.Summary)
	}
	if next := f.fields["project.requested_amount"].focus; c.Focused() != next {
		t.Errorf("Tab from 项目简介 went to %T, want 申请资助", c.Focused())
	}
	pressTab(c, true)
	if c.Focused() != f.fields["project.summary"].focus {
		t.Fatalf("Shift+Tab did not come back to 项目简介 (%T)", c.Focused())
	}
	pressTab(c, true)
	if c.Focused() == f.fields["project.summary"].focus || strings.Contains(f.d.Project.Summary, "\t") {
		t.Errorf("Shift+Tab stayed in 项目简介; summary %q", f.d.Project.Summary)
	}
	// A key event Tab that reaches the box all the same moves on too.
	f.jump("project.summary")
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if strings.Contains(f.d.Project.Summary, "\t") || c.Focused() == f.fields["project.summary"].focus {
		t.Errorf("a Tab key event typed into the box: %q", f.d.Project.Summary)
	}
	// Enter still starts a new line.
	f.jump("project.summary")
	e := f.fields["project.summary"].focus.(*widgets.Entry)
	e.CursorColumn = len([]rune(e.Text))
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !strings.Contains(f.d.Project.Summary, "\n") {
		t.Errorf("Enter in 项目简介 made %q", f.d.Project.Summary)
	}
}

// visibleIn tells whether o lies wholly inside the scroller's view.
func visibleIn(s *container.Scroll, o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y
	view := d.AbsolutePositionForObject(s).Y
	return top >= view-1 && top+o.Size().Height <= view+s.Size().Height+1
}

// Whichever way a field gets the keyboard, it is in view: Tab through the
// whole of step 一 in a short window (办公电话 and what follows are below
// the fold), Shift+Tab back up, a finding's link, and Tab through an
// after-selection tab.
func TestFocusedFieldAlwaysInView(t *testing.T) {
	u, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(1024, 560))
	f := newBlank(t, u, "forum")
	c := u.win.Canvas()
	openStep(t, f, "applicant")
	relayout(f)
	check := func(how string) {
		t.Helper()
		o, ok := c.Focused().(fyne.CanvasObject)
		if !ok {
			t.Fatalf("%s: nothing focused", how)
		}
		if !visibleIn(f.scroll, o) {
			t.Errorf("%s: the focused %T is out of view (offset %.0f)", how, o, f.scroll.Offset.Y)
		}
	}
	seen := map[string]bool{}
	for i := 0; i < 40 && !seen["applicant.email"]; i++ {
		pressTab(c, false)
		for _, fl := range f.order {
			if fl.focus == c.Focused() {
				seen[fl.path] = true
				check("Tab to " + fl.path)
			}
		}
	}
	if !seen["applicant.phone"] || !seen["applicant.email"] {
		t.Fatalf("Tab did not reach 办公电话 and 电子邮箱: %v", seen)
	}
	if f.scroll.Offset.Y <= 0 {
		t.Error("the form never scrolled: the window is not short enough for this test")
	}
	for i := 0; i < 12; i++ {
		pressTab(c, true)
		check("Shift+Tab")
	}
	f.jump("applicant.email")
	check("a finding's link")

	// The after-selection tabs scroll the same way.
	f.onAfter()
	s := f.after.s
	for i, it := range s.tabs.Items {
		if it.Text == "总结与综述" {
			s.tabs.SelectIndex(i)
		}
	}
	scroll := s.tabs.Selected().Content.(*fyne.Container).Objects[0].(*container.Scroll)
	first := s.summary.summary
	click(t, c, fyne.CurrentApp().Driver().AbsolutePositionForObject(first).Add(fyne.NewPos(8, 8)))
	if c.Focused() != first {
		t.Fatalf("the click focused %T", c.Focused())
	}
	for i, want := range []fyne.Focusable{s.summary.proceedings, s.summary.review} {
		pressTab(c, false)
		if c.Focused() != want {
			t.Fatalf("Tab %d in 总结与综述 went to %T", i+1, c.Focused())
		}
		if !visibleIn(scroll, want.(fyne.CanvasObject)) {
			t.Errorf("Tab %d in 总结与综述: the focused %T is out of view (offset %.0f)", i+1, want, scroll.Offset.Y)
		}
	}
	if scroll.Offset.Y <= 0 {
		t.Error("总结与综述 never scrolled: the window is not short enough for this test")
	}
}

// What is said under a field is what the panel counts and what export
// stops at, with the same severity: an agenda row's date typed as no date
// shows a red “…没有30日” under the row, and the panel counts that error
// (it said 0 个错误 and only warned that a row had no date) and export
// asks first.
func TestUnreadableDateCountedAsError(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "forum")
	c := u.win.Canvas()
	errsBefore, _ := countFindings(f.findings)
	openStep(t, f, "agenda")
	date := f.fields["agenda[0].date"]
	tabTo(t, f, "agenda[0].date")
	typeKeys(t, c, "2024年2月30日")
	pressTab(c, false)
	if !strings.Contains(date.msg.Text, "错误") || !strings.Contains(date.msg.Text, "30日") {
		t.Fatalf("under the row: %q", date.msg.Text)
	}
	errs, _ := countFindings(f.findings)
	if errs != errsBefore+1 || !strings.Contains(f.panel.counts.Text, fmt.Sprintf("%d 个错误", errs)) {
		t.Errorf("the panel counts %q (%d errors, %d before)", f.panel.counts.Text, errs, errsBefore)
	}
	shown := false
	for _, r := range f.panel.rows {
		if r.finding.Field == "agenda[0].date" {
			shown = true
			if r.finding.Severity != forms.Error || !strings.Contains(r.Text, "30日") {
				t.Errorf("the panel says %q (%v)", r.Text, r.finding.Severity)
			}
		}
	}
	if !shown {
		t.Error("the panel does not list the row's date")
	}
	// Every message line's severity is one the panel has for its field.
	for _, fl := range f.order {
		if fl.msg == nil || fl.msg.Text == "" || fl.msg.Text == "待填" {
			continue
		}
		found := false
		for _, fd := range f.findings {
			if r := f.resolve(fd.Field); r != nil && r.msg == fl.msg && strings.HasPrefix(fl.msg.Text, severityPrefix(fd.Severity)) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s says %q, which the panel does not count", fl.path, fl.msg.Text)
		}
	}
	f.onExport()
	if u.prompt == nil || u.prompt.title != "申报书还有错误" || !strings.Contains(u.prompt.message, "30日") {
		t.Fatalf("export did not stop at the date: %+v", u.prompt)
	}
	u.prompt.dialog.Hide()
}

// A table's date cell shows its whole date (it read “2024年5月20E” at
// 100 %, “2024年6F” at 125 %): at the default window of 100 % and of 125 %
// (what Fyne draws at 1.3), and at 1024 px.
func TestAgendaDatesShownWhole(t *testing.T) {
	for _, size := range []fyne.Size{fitLaptop(1), fitLaptop(fyneScale(1.25)), fyne.NewSize(1024, 700)} {
		t.Run(fmt.Sprintf("%.0fx%.0f", size.Width, size.Height), func(t *testing.T) {
			u, _ := newTestUI(t)
			u.win.Resize(size)
			f := openSampleDraft(t, u, "forum")
			openStep(t, f, "agenda")
			relayout(f)
			rows := 0
			for i := 0; ; i++ {
				fl := f.fields[fmt.Sprintf("agenda[%d].date", i)]
				if fl == nil {
					break
				}
				rows++
				e := fl.focus.(*widgets.Entry)
				th := e.Theme()
				for _, text := range []string{e.Text, "2024年12月30日"} {
					need := fyne.MeasureText(text, th.Size(theme.SizeNameText), e.TextStyle).Width
					room := e.Size().Width - 2*th.Size(theme.SizeNameInnerPadding)
					if need > room {
						t.Errorf("row %d: %q needs %.0f px, the box shows %.0f", i+1, text, need, room)
					}
				}
			}
			if rows == 0 {
				t.Fatal("the sample has no agenda")
			}
			// The headings stay over their columns.
			tb := f.tables["agenda"]
			d := fyne.CurrentApp().Driver()
			cell := f.fields["agenda[0].time"].focus.(*widgets.Entry)
			if hx, cx := d.AbsolutePositionForObject(tb.heads[1]).X, d.AbsolutePositionForObject(cell).X; hx < cx-1 || hx > cx+1 {
				t.Errorf("the heading 时间 starts at %.0f, its column at %.0f", hx, cx)
			}
		})
	}
}

// stepShown tells whether the steps list shows the current step's name
// wholly inside the list.
func stepShown(t *testing.T, f *formScreen) bool {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	name := stepName(f.sections[f.steps.cur].title)
	top := d.AbsolutePositionForObject(f.steps.list).Y
	bottom := top + f.steps.list.Size().Height
	shown := false
	eachObject(f.steps.list, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == name && l.Visible() {
			y := d.AbsolutePositionForObject(l).Y
			if y >= top-1 && y+l.Size().Height <= bottom+1 {
				shown = true
			}
		}
	})
	return shown
}

// The steps list keeps the current step in view: as a draft opens in a
// window of the default size at 125 % (the list then shows 4½ of its
// steps; it opened scrolled by one step, the current one hidden), and
// when the last steps are opened.
func TestStepsListShowsTheCurrentStep(t *testing.T) {
	u, _ := newTestUI(t)
	u.win.Resize(fitLaptop(fyneScale(1.25)))
	f := newBlank(t, u, "forum")
	if !stepShown(t, f) {
		t.Errorf("the draft opened with its step %q out of the list's view", stepName(f.sections[f.steps.cur].title))
	}
	for i := range f.sections {
		f.steps.move(1)
		if !stepShown(t, f) {
			t.Errorf("after 下一步 %d, the step %q is out of the list's view", i+1, stepName(f.sections[f.steps.cur].title))
		}
	}
	for range f.sections {
		f.steps.move(-1)
		if !stepShown(t, f) {
			t.Errorf("after 上一步, the step %q is out of the list's view", stepName(f.sections[f.steps.cur].title))
		}
	}
}

// A table's 添加一行 reached with Tab is in view (Space would press it).
func TestFocusedButtonInView(t *testing.T) {
	u, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(1024, 560))
	f := openSampleDraft(t, u, "forum")
	c := u.win.Canvas()
	openStep(t, f, "agenda")
	relayout(f)
	add := f.tables["experts"].addBtn
	for i := 0; i < 200 && c.Focused() != add; i++ {
		pressTab(c, false)
		if o, ok := c.Focused().(fyne.CanvasObject); ok && !visibleIn(f.scroll, o) {
			var path string
			for _, fl := range f.order {
				if fl.focus == c.Focused() {
					path = fl.path
				}
			}
			t.Errorf("Tab %d: the focused %T %s is out of view", i+1, o, path)
		}
	}
	if c.Focused() != add {
		t.Fatal("Tab never reached the experts' 添加一行")
	}
	if f.scroll.Offset.Y <= 0 {
		t.Error("the agenda step never scrolled: the window is not short enough for this test")
	}
}

// A finding on the after-selection screens opens its tab with the field
// it names focused and in view.
func TestAfterFindingFocusesItsField(t *testing.T) {
	u, _ := newTestUI(t)
	u.win.Resize(fyne.NewSize(1024, 420))
	f := openSampleDraft(t, u, "speech")
	f.d.Selection = &forms.Selection{Selected: true}
	fa := f.d.EnsureReports()
	fa.Accounts = forms.NewFinalAccounts(f.d)
	fa.Accounts.Lines[0].Spent = 1000
	fa.Accounts.Provincial = f.d.Project.RequestedAmount + 5000 // more than granted: an error
	f.changed()
	var row *findingRow
	for _, r := range f.panel.rows {
		if r.finding.Field == "reports.accounts.provincial" {
			row = r
		}
	}
	if row == nil || !row.target {
		t.Fatalf("no linked finding on the 决算表's provincial money: %v", f.findings)
	}
	test.Tap(row)
	if f.after == nil || f.after.s.tabs.Selected().Text != "决算表" {
		t.Fatal("the finding did not open 决算表")
	}
	box := f.after.s.accounts.provincial
	if u.win.Canvas().Focused() != box {
		t.Fatalf("the finding focused %T, not the provincial money", u.win.Canvas().Focused())
	}
	scroll := f.after.s.tabs.Selected().Content.(*fyne.Container).Objects[0].(*container.Scroll)
	if !visibleIn(scroll, box) {
		t.Errorf("the provincial money is out of view (offset %.0f)", scroll.Offset.Y)
	}
	if scroll.Offset.Y <= 0 {
		t.Error("the 决算表 did not scroll: the window is not short enough for this test")
	}
}

// Switching to another program and back while typing in an amount box
// keeps what was typed: the window getting the keyboard back is not the
// user reaching the box, so nothing is selected and typing goes on.
func TestWindowBackKeepsTheTypingGoing(t *testing.T) {
	u, _ := newTestUI(t)
	f := newBlank(t, u, "forum")
	c := u.win.Canvas()
	openStep(t, f, "project")
	tabTo(t, f, "project.participants")
	typeKeys(t, c, "3")
	lc, ok := u.app.Lifecycle().(interface {
		OnEnteredForeground() func()
		OnExitedForeground() func()
	})
	if !ok || lc.OnEnteredForeground() == nil {
		t.Fatal("the program does not listen for the window getting the keyboard back")
	}
	box := c.Focused()
	box.FocusLost() // what Fyne does as the window loses the keyboard
	lc.OnExitedForeground()()
	lc.OnEnteredForeground()() // and as it gets it back
	box.FocusGained()
	typeKeys(t, c, "0")
	if f.d.Project.Participants != 30 {
		t.Errorf("typed 3, left the window, came back, typed 0: %d", f.d.Project.Participants)
	}
}

// A table's text cell shows its whole value: a long agenda item wraps and
// the cell grows, every line of it drawn inside the box (a one-line box
// showed its start or its end), at 100 % and 125 %.
func TestLongCellShownWhole(t *testing.T) {
	long := "开幕式暨主旨报告：新材料与绿色化工的前沿进展与展望"
	for _, size := range []fyne.Size{fitLaptop(1), fitLaptop(fyneScale(1.25))} {
		t.Run(fmt.Sprintf("%.0fx%.0f", size.Width, size.Height), func(t *testing.T) {
			u, _ := newTestUI(t)
			u.win.Resize(size)
			f := openSampleDraft(t, u, "forum")
			c := u.win.Canvas()
			openStep(t, f, "agenda")
			tabTo(t, f, "agenda[0].item")
			e := f.fields["agenda[0].item"].focus.(*widgets.Entry)
			e.SetText("")
			typeKeys(t, c, long)
			c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter commits, no new line
			pressTab(c, false)
			relayout(f)
			relayout(f)
			if f.d.Agenda[0].Item != long {
				t.Fatalf("the item is %q", f.d.Agenda[0].Item)
			}
			d := fyne.CurrentApp().Driver()
			top, left := d.AbsolutePositionForObject(e).Y, d.AbsolutePositionForObject(e).X
			bottom, right := top+e.Size().Height, left+e.Size().Width
			var shown strings.Builder
			eachObject(e, func(o fyne.CanvasObject) {
				tx, ok := o.(*canvas.Text)
				if !ok || tx.Text == "" || !tx.Visible() || tx.Text == e.PlaceHolder {
					return
				}
				p := d.AbsolutePositionForObject(tx)
				if y := p.Y; y < top-1 || y+tx.Size().Height > bottom+1 {
					t.Errorf("the line %q is drawn at y %.0f–%.0f, outside the box %.0f–%.0f", tx.Text, y, y+tx.Size().Height, top, bottom)
				}
				if w := tx.MinSize().Width; p.X < left-1 || p.X+w > right+1 {
					t.Errorf("the line %q is drawn at x %.0f–%.0f, outside the box %.0f–%.0f", tx.Text, p.X, p.X+w, left, right)
				}
				shown.WriteString(tx.Text)
			})
			if shown.String() != long {
				t.Errorf("the cell draws %q, want the whole %q", shown.String(), long)
			}
		})
	}
}

// TestFindingsBreakLikeChinese: at the widths of a 1366×768 screen at
// 125 % and smaller, no line of a finding in the panel starts with “、”,
// “，”, “。” or “）” (the joint applicants' hint ended a line on “4(1)”
// and started the next with “）。”).
func TestFindingsBreakLikeChinese(t *testing.T) {
	u, _ := newTestUI(t)
	f := newBlank(t, u, "forum")
	rows, broken := 0, 0
	pad := 2 * theme.InnerPadding()
	for _, w := range []float32{1366 / 1.3, 1024, 900} {
		u.win.Resize(fyne.NewSize(w, 600))
		for _, r := range f.panel.rows {
			rows++
			lines := r.Lines()
			if len(lines) > 1 {
				broken++
			}
			for i, l := range lines {
				// Each line fits, so Fyne adds no break of its own.
				if lw := fyne.MeasureText(l, theme.TextSize(), r.TextStyle).Width; lw > r.Size().Width-pad {
					t.Errorf("window %v wide: line %q is %v wide in a %v label", w, l, lw, r.Size().Width)
				}
				if rs := []rune(l); i > 0 && len(rs) > 0 && strings.ContainsRune("、，。）；：", rs[0]) {
					t.Errorf("window %v wide: a finding's line %d starts with %q: %q", w, i, rs[0], r.Text)
				}
			}
		}
	}
	if rows == 0 || broken == 0 {
		t.Fatalf("%d findings in the panel of a blank draft, %d broken into lines", rows, broken)
	}
}
