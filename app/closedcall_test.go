package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
)

// TestClosedCallSaysSo: on a day after the shipped call's deadline, the
// start screen says the call is closed and offers the ways forward; 新建
// asks before making a draft of a call nobody chose; a call made from this
// year's notice is used at once and its drafts have its categories.
func TestClosedCallSaysSo(t *testing.T) {
	u, dir := newTestUI(t)
	u.now = func() time.Time { return time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC) }
	u.showStart()
	b := u.start.closed
	if !b.box.Visible() {
		t.Fatal("the closed call's banner is hidden after the deadline")
	}
	for _, want := range []string{"2024年度的申报已于2024年4月22日截止", "不是您选的", "从通知正文", "导入"} {
		if !strings.Contains(b.text.Text, want) {
			t.Errorf("banner %q lacks %q", b.text.Text, want)
		}
	}
	if !strings.Contains(b.text.Text, "要申报2025年度的项目") {
		t.Errorf("banner %q does not ask for the 2025 call", b.text.Text)
	}
	// Closed in its own year: the next call is the next year's, not this one's.
	if got := closedText(u.call, time.Date(2024, 10, 24, 9, 0, 0, 0, time.UTC), true); !strings.Contains(got, "要申报2025年度的项目") {
		t.Errorf("closed in October 2024: %q", got)
	}
	if b.fromN.Text != "从通知正文生成…" || b.importBtn.Text != "导入申报通知文件…" {
		t.Errorf("banner buttons %q, %q", b.fromN.Text, b.importBtn.Text)
	}

	// 新建 asks first; 取消 makes nothing.
	test.Tap(u.start.newBtn)
	if u.picker != nil || u.prompt == nil || u.prompt.title != "2024年度的申报已截止" {
		t.Fatalf("新建 on a closed call nobody chose: picker %v, prompt %+v", u.picker != nil, u.prompt)
	}
	test.Tap(u.prompt.buttons["取消"])
	if u.picker != nil {
		t.Error("取消 opened the picker")
	}

	// This year's notice: a call file beside it, imported and used.
	src := filepath.Join(dir, "通知")
	_ = os.MkdirAll(src, 0o755)
	text, err := os.ReadFile("../forms/testdata/call-2025/notice.txt")
	if err != nil {
		t.Fatal(err)
	}
	noticePath := filepath.Join(src, "2025年通知.txt")
	_ = os.WriteFile(noticePath, text, 0o644)
	ns := u.callFromNotice(noticePath)
	if ns == nil || u.win.Content() != ns.content {
		t.Fatal("the notice is not shown beside its proposal")
	}
	// 原文 selects the fact's sentence and highlights its words.
	f := ns.p.Fact("categories.annual.quota")
	test.Tap(ns.rows[f.Key].src)
	if got := ns.highlighted(); got != "项目数量：5项" || !strings.Contains(ns.quote.String(), "一（一）2") {
		t.Errorf("highlighted %q in %q", got, ns.quote.String())
	}
	// A correction, typed into the form, goes into the file.
	ns.rows["deadline"].entry.SetText("2025-05-12")
	ns.rows["categories.annual.quota"].entry.SetText("很多")
	if out := ns.save(); out != "" || u.prompt == nil || !strings.Contains(u.prompt.message, "不是整数") {
		t.Fatalf("a wrong correction saved (%q) or not told: %+v", out, u.prompt)
	}
	ns.rows["categories.annual.quota"].entry.SetText("5")
	// The new salon takes the part of the form of last year's basic research.
	if got := ns.parts["salon"].Selected; got != noPart {
		t.Errorf("the salon's part comes from %q", got)
	}
	ns.parts["salon"].SetSelected(forms.Default().Category("basic").Name)
	out := ns.save()
	if want := filepath.Join(src, "2025年度申报通知", forms.CallFileName); out != want {
		t.Fatalf("call written to %q, want %q", out, want)
	}
	if u.call.Year != 2025 || u.call.Path == "" || u.call.Deadline.Format("2006-01-02") != "2025-05-12" {
		t.Fatalf("current call %d %q %v, want the corrected 2025 file", u.call.Year, u.call.Path, u.call.Deadline)
	}
	if u.prompt == nil || !strings.Contains(u.prompt.message, "未识别 0 项") || !strings.Contains(u.prompt.message, "已校正 1 项") || !strings.Contains(u.prompt.message, "演讲比赛") {
		t.Errorf("summary %+v", u.prompt)
	}
	if u.win.Content() != u.start.content || u.start.closed.box.Visible() {
		t.Error("not back on the start screen, or the banner still shows with an open call")
	}
	// A second reading never overwrites the first.
	if again := u.callFromNotice(noticePath).save(); again != filepath.Join(src, "2025年度申报通知-2", forms.CallFileName) {
		t.Errorf("second call folder %q", again)
	}
	test.Tap(u.start.newBtn)
	if u.picker == nil {
		t.Fatal("新建 with an open call did not open the picker")
	}
	var names []string
	for _, c := range u.call.Categories {
		names = append(names, c.Name)
	}
	if len(names) != 5 || !strings.Contains(strings.Join(names, "、"), "青年科技工作者学术沙龙") {
		t.Errorf("categories of the new call: %v", names)
	}
	if u.picker.cats.Length() != 5 {
		t.Errorf("the picker lists %d categories", u.picker.cats.Length())
	}
	// A new draft of the new category, made for that call.
	for i, c := range u.call.Categories {
		if c.ID == "salon" {
			u.picker.cats.Select(i)
		}
	}
	test.Tap(u.picker.createBtn)
	if u.form == nil || u.form.d.Category != "salon" || u.form.d.CallYear != 2025 {
		t.Fatalf("new draft of the salon not opened: %+v", u.form)
	}
	if fs := u.call.Category("salon").Part.Fields; len(fs) == 0 || fs[0].Key != "discipline" {
		t.Errorf("the salon's part: %+v", fs)
	}
}

// TestClosedCallStillUsable: 仍用…新建 makes the closed call the chosen one
// and opens the picker; the banner no longer says nobody chose it.
func TestClosedCallStillUsable(t *testing.T) {
	u, _ := newTestUI(t)
	u.now = func() time.Time { return time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) }
	u.showStart()
	test.Tap(u.start.newBtn)
	if u.prompt == nil {
		t.Fatal("no question on a closed call")
	}
	test.Tap(u.prompt.buttons["仍用2024年度通知新建"])
	if u.picker == nil {
		t.Fatal("仍用…新建 did not open the picker")
	}
	if got := u.app.Preferences().String(prefCurrentCall); got != "2024" {
		t.Errorf("current call preference %q, want 2024 (chosen)", got)
	}
	if strings.Contains(u.start.closed.text.Text, "不是您选的") {
		t.Errorf("banner after choosing: %q", u.start.closed.text.Text)
	}
	// Once chosen, 新建 does not ask again.
	u.showStart()
	u.prompt = nil
	test.Tap(u.start.newBtn)
	if u.prompt != nil {
		t.Errorf("asked again: %q", u.prompt.title)
	}
}

// TestOpenCallNoBanner: before the deadline nothing is said.
func TestOpenCallNoBanner(t *testing.T) {
	u, _ := newTestUI(t)
	if u.start.closed.box.Visible() {
		t.Errorf("banner before the deadline: %q", u.start.closed.text.Text)
	}
}

// TestPastedNotice: text pasted into the window is read the same way, and
// the call folder goes into the drafts folder.
func TestPastedNotice(t *testing.T) {
	u, dir := newTestUI(t)
	text, err := os.ReadFile("../forms/testdata/call-2025/notice.txt")
	if err != nil {
		t.Fatal(err)
	}
	box := u.pasteNotice()
	box.SetText(string(text))
	test.Tap(u.prompt.buttons["读取"])
	if u.win.Content() == u.start.content {
		t.Fatal("the pasted notice is not shown beside its proposal")
	}
	// Saving from the screen: its save button.
	var save *widget.Button
	eachObject(u.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "保存并使用" {
			save = b
		}
	})
	if save == nil {
		t.Fatal("no 保存并使用 button")
	}
	test.Tap(save)
	if u.call.Year != 2025 || u.call.Path != filepath.Join(dir, "申报通知", "2025年度申报通知", forms.CallFileName) {
		t.Errorf("current call %d %q", u.call.Year, u.call.Path)
	}
}
