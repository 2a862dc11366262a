package app

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/widgets"
	"shenbao/forms"
)

// Small things a finished program does (issue 18, points 6 and 8).

// Ticking 本项目已入选 fills the actual dates from the plan, and says so.
func TestSelectedFillsTheDatesAndSaysSo(t *testing.T) {
	env, _ := newReportEnv(t, "speech", false)
	s := newSelectionScreen(env)
	test.NewTempWindow(t, s.content)
	if s.actualStart.Entry.Text != "" || s.filled.Visible() {
		t.Fatalf("before: %q, note shown %v", s.actualStart.Entry.Text, s.filled.Visible())
	}
	test.Tap(s.selected)
	start := env.d.Project.StartDate.Chinese()
	if s.actualStart.Entry.Text != start {
		t.Fatalf("the actual start is %q, want the planned %s", s.actualStart.Entry.Text, start)
	}
	if !s.filled.Visible() || !strings.Contains(s.filled.Text, start) || !strings.Contains(s.filled.Text, "实际") {
		t.Errorf("filled in silently: note %q (shown %v)", s.filled.Text, s.filled.Visible())
	}
}

// A click into a date box that holds a date, and typing, replaces the
// date (it appended: “2024年4月10日2024-04-12”, two errors).
func TestClickIntoDateBoxAndTypeReplaces(t *testing.T) {
	u, _ := newTestUI(t)
	f := newBlank(t, u, "forum")
	c := u.win.Canvas()
	e := f.fields["cover.apply_date"].focus.(*widgets.Entry)
	if e.Text != forms.DateOf(today).Chinese() {
		t.Fatalf("申报日期 starts as %q", e.Text)
	}
	c.Unfocus()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	if m := click(t, c, pos.Add(fyne.NewPos(theme.InnerPadding()+4, e.Size().Height/2))); m != e {
		t.Fatalf("the click went to %T", m)
	}
	typeKeys(t, c, "2024-04-12")
	pressTab(c, false)
	if got := f.d.Cover.ApplyDate; got != forms.NewDate(2024, 4, 12) || e.Text != "2024年4月12日" {
		t.Errorf("typed 2024-04-12 after a click: box %q, draft %v", e.Text, got)
	}
	if got := msgOf(f, "cover.apply_date"); got != "" {
		t.Errorf("申报日期 says %q", got)
	}
}

// The 决算表's warning that asks for the 决算说明 goes once it is written.
func TestAccountsWarningGoesWhenExplained(t *testing.T) {
	env, _ := newReportEnv(t, "speech", false)
	env.d.Selection = &forms.Selection{Selected: true}
	s := newAccountsScreen(env)
	w := test.NewTempWindow(t, s.content)
	w.Resize(fyne.NewSize(1200, 800))
	fa := env.d.Reports.Accounts
	var over int64
	for i, e := range s.spent {
		e.SetText(forms.Thousands(fa.Lines[i].Budgeted + 1000))
		over += fa.Lines[i].Budgeted + 1000
	}
	s.provincial.SetText(forms.Thousands(min(over, env.d.Project.RequestedAmount)))
	s.selfRaised.SetText(forms.Thousands(over - min(over, env.d.Project.RequestedAmount)))
	if !strings.Contains(s.findings.Text, "【警告】") || !strings.Contains(s.findings.Text, "请在决算说明中写明原因") {
		t.Fatalf("spent over the budget, the 决算表 says %q", s.findings.Text)
	}
	test.Type(s.note, "参会人数超出预期，增加的支出由自筹经费承担。")
	if strings.Contains(s.findings.Text, "请在决算说明中写明原因") {
		t.Errorf("the 说明 is written, the 决算表 still says %q", s.findings.Text)
	}
	if !strings.Contains(s.findings.Text, "已写明原因") {
		t.Errorf("the 决算表 says %q", s.findings.Text)
	}
}

// A blank draft made after the call's deadline greets with no red error on
// a 申报日期 the program filled in itself, and its date boxes' examples are
// dates inside the call.
func TestBlankDraftAfterTheDeadline(t *testing.T) {
	u, _ := newTestUI(t)
	late := u.call.Deadline.AddDate(0, 5, 0)
	u.now = func() time.Time { return late }
	f := newBlank(t, u, "forum")
	for _, r := range f.panel.rows {
		if r.finding.Severity == forms.Error && !r.pending {
			t.Errorf("a blank draft shows the error %q", r.Text)
		}
	}
	if got := msgOf(f, "cover.apply_date"); strings.Contains(got, "错误") {
		t.Errorf("申报日期, which nobody typed, says %q", got)
	}
	deadline := forms.DateOf(u.call.Deadline)
	if ph := f.fields["cover.apply_date"].focus.(*widgets.Entry).PlaceHolder; !strings.Contains(ph, deadline.Chinese()) {
		t.Errorf("申报日期's example %q is not the deadline %s", ph, deadline.Chinese())
	}
	from, to := forms.DateOf(f.cat.WindowStart), forms.DateOf(f.cat.WindowEnd)
	for _, p := range []string{"project.start_date", "project.end_date"} {
		ph := f.fields[p].focus.(*widgets.Entry).PlaceHolder
		parts := strings.Fields(ph) // 如 2024年5月1日 或 2024-05-01
		if len(parts) != 4 {
			t.Fatalf("%s: placeholder %q", p, ph)
		}
		d, err := forms.ParseDateLoose(parts[3])
		if err != nil || d.Before(from) || d.After(to) {
			t.Errorf("%s: the example %q is outside the category's window %s–%s", p, ph, from.Chinese(), to.Chinese())
		}
	}
}

// A new agenda row does not warn before anything is typed into it: its
// missing date is 待填 until the row is left.
func TestNewAgendaRowDoesNotWarnYet(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "forum")
	c := u.win.Canvas()
	openStep(t, f, "agenda")
	_, warnsBefore := countFindings(visibleFindings(f))
	tb := f.tables["agenda"]
	test.Tap(tb.addBtn)
	n := len(f.d.Agenda) - 1
	if _, warns := countFindings(visibleFindings(f)); warns != warnsBefore {
		t.Errorf("添加一行: %d warnings, %d before (%q)", warns, warnsBefore, f.panel.counts.Text)
	}
	if got := f.fields["agenda"].msg.Text; strings.Contains(got, "警告") {
		t.Errorf("the agenda says %q as the row is added", got)
	}
	if c.Focused() != f.fields["agenda["+itoa(n)+"].date"].focus {
		t.Fatalf("the new row's date does not have the cursor (%T)", c.Focused())
	}
	pressTab(c, false) // left without a date
	if _, warns := countFindings(visibleFindings(f)); warns != warnsBefore+1 {
		t.Errorf("the new row left undated: %d warnings, want %d", warns, warnsBefore+1)
	}
}

// visibleFindings are the findings the panel shows as they are (not 待填).
func visibleFindings(f *formScreen) []forms.Finding {
	var out []forms.Finding
	for _, fd := range f.findings {
		if !f.isPending(fd) {
			out = append(out, fd)
		}
	}
	return out
}

// Two messages on one line are joined by “；”, never “。；”.
func TestMessagesJoinWithoutDoubleStops(t *testing.T) {
	if got := joinMessages([]string{"错误：请填写日期。", "警告：日期晚于结束日期。"}); got != "错误：请填写日期；警告：日期晚于结束日期。" {
		t.Errorf("joined %q", got)
	}
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "forum")
	f.d.Project.StartDate = forms.NewDate(2024, 12, 30)
	f.d.Project.EndDate = forms.NewDate(2024, 12, 29)
	f.fields["project.start_date"].reload()
	f.fields["project.end_date"].reload()
	f.checkAll = true
	f.recheck()
	for _, fl := range f.order {
		if fl.msg != nil && strings.Contains(fl.msg.Text, "。；") {
			t.Errorf("%s says %q", fl.path, fl.msg.Text)
		}
	}
}

// 打开文件夹's failure is said in Chinese, not as “exit status 3”.
func TestOpenFolderFailureInChinese(t *testing.T) {
	u, _ := newTestUI(t)
	dir := filepath.Join(t.TempDir(), "报送材料")
	exit3 := exec.Command("sh", "-c", "exit 3").Run()
	if exit3 == nil {
		t.Fatal("sh -c 'exit 3' succeeded")
	}
	for _, c := range []struct {
		err  error
		want string
	}{{exit3, "文件管理器"}, {exec.ErrNotFound, "xdg-open"}} {
		u.openURL = func(string) error { return c.err }
		openFolder(u, dir)
		if u.prompt == nil || !strings.Contains(u.prompt.message, c.want) || strings.Contains(u.prompt.message, "exit status") || strings.Contains(u.prompt.message, "executable") {
			t.Errorf("%v: the window says %+v", c.err, u.prompt)
		}
		u.prompt.dialog.Hide()
	}
}

// The review page scrolls about three lines per wheel notch, as the form
// does (it scrolled Fyne's 25 px).
func TestReviewWheelLikeTheForm(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "forum")
	u.win.Resize(fyne.NewSize(1100, 600))
	test.Tap(f.reviewBtn)
	r := u.review
	if r == nil {
		t.Fatal("no review")
	}
	pos := u.app.Driver().AbsolutePositionForObject(r.scroll).Add(fyne.NewPos(200, 200))
	test.Scroll(u.win.Canvas(), pos, 0, -widgets.WheelNotch)
	got := r.scroll.Offset.Y
	line := theme.TextSize() + 2*theme.InnerPadding()
	if got < 2.5*line || got > 3.5*line {
		t.Errorf("one notch scrolled the review by %.0f px, want about three lines (%.0f)", got, 3*line)
	}
}

// The date messages of 入选与报送期限, however many lines they take, end
// above the heading 会后须报送的材料 (they were drawn over it).
func TestSelectionMessagesAboveTheHeading(t *testing.T) {
	env, _ := newReportEnv(t, "speech", false)
	s := newSelectionScreen(env)
	w := test.NewTempWindow(t, s.content)
	w.Resize(fyne.NewSize(700, 900))
	test.Tap(s.selected)
	for _, b := range []*widgets.DateBox{s.listPublished, s.actualStart, s.actualEnd} {
		b.Entry.SetText("2024年2月30日")
		b.Commit()
	}
	var head *widget.Label
	for _, o := range s.content.(*fyne.Container).Objects {
		if l, ok := o.(*widget.Label); ok && l.Text == "会后须报送的材料" {
			head = l
		}
	}
	if head == nil {
		t.Fatal("no heading 会后须报送的材料")
	}
	d := fyne.CurrentApp().Driver()
	msg := d.AbsolutePositionForObject(s.dateMsg).Y + s.dateMsg.Size().Height
	if strings.Count(s.dateMsg.Text, "\n") < 2 || s.dateMsg.Size().Height < s.dateMsg.MinSize().Height-1 {
		t.Errorf("the messages (%q) are %.0f px high, they need %.0f", s.dateMsg.Text, s.dateMsg.Size().Height, s.dateMsg.MinSize().Height)
	}
	if top := d.AbsolutePositionForObject(head).Y; msg > top {
		t.Errorf("the messages end at %.0f, below the heading's top %.0f", msg, top)
	}
}
