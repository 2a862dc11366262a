package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

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
	out := u.callFromNotice(noticePath)
	if want := filepath.Join(src, "2025年度申报通知", forms.CallFileName); out != want {
		t.Fatalf("call written to %q, want %q", out, want)
	}
	if u.call.Year != 2025 || u.call.Path == "" {
		t.Fatalf("current call %d %q, want the 2025 file", u.call.Year, u.call.Path)
	}
	if u.prompt == nil || !strings.Contains(u.prompt.message, "未识别 0 项") || !strings.Contains(u.prompt.message, "演讲比赛") {
		t.Errorf("summary %+v", u.prompt)
	}
	if u.start.closed.box.Visible() {
		t.Error("the banner still shows with an open call")
	}
	// A second reading never overwrites the first.
	if again := u.callFromNotice(noticePath); again != filepath.Join(src, "2025年度申报通知-2", forms.CallFileName) {
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
