package app

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"shenbao/forms"
)

// TestOverLongNumberRefused: a 17-digit amount (an ID number pasted into
// 预算总额) used to panic the window in forms.Capital; a 20-digit one was
// called “not a number”. Both are refused with a message, the draft keeps
// its amount.
func TestOverLongNumberRefused(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSample(t, u, "annual")
	e := entry(t, f, "budget.total")
	for _, typed := range []string{"22010219900101123", "99999999999999999999", "100000001", "-２２０１０２１９９００１０１１２３"} {
		before := f.d.Budget.Total
		e.SetText(typed) // pasted
		fl := f.fields["budget.total"]
		if !strings.Contains(fl.local, "数字太大") || !strings.Contains(fl.local, "100,000,000") {
			t.Errorf("%s: message %q", typed, fl.local)
		}
		if f.d.Budget.Total != before {
			t.Errorf("%s: the draft took %d", typed, f.d.Budget.Total)
		}
		e.SetText("")
		test.Type(e, typed) // typed: the draft keeps the last acceptable prefix
		if f.d.Budget.Total > forms.MaxAmount || f.d.Budget.Total < -forms.MaxAmount || !strings.Contains(fl.local, "数字太大") {
			t.Errorf("%s typed: draft %d, message %q", typed, f.d.Budget.Total, fl.local)
		}
	}
	e.SetText("")
	test.Type(e, "100000000")
	if f.d.Budget.Total != forms.MaxAmount || f.fields["budget.total"].local != "" {
		t.Errorf("1亿 itself is accepted: %d %q", f.d.Budget.Total, f.fields["budget.total"].local)
	}
}

// TestGuardKeepsText: a panic in an input handler is recovered, the draft
// is written to the autosave side file and the user is told.
func TestGuardKeepsText(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSample(t, u, "forum")
	f.d.Project.Summary = "崩溃前输入的文字"
	u.prompt = nil
	f.guard("测试", func() { panic("boom") })
	if u.prompt == nil || u.prompt.title != "程序出错" || !strings.Contains(u.prompt.message, "窗口中的内容没有丢失") || !strings.Contains(u.prompt.message, AutosaveSuffix) {
		t.Fatalf("prompt after a panic: %+v", u.prompt)
	}
	data, err := os.ReadFile(f.path + AutosaveSuffix)
	if err != nil || !strings.Contains(string(data), "崩溃前输入的文字") {
		t.Errorf("autosave after a panic: %v", err)
	}
}
