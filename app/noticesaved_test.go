package app

import (
	"os"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/forms/notice"
)

// TestSavedTextListsNotCarried: the dialog after 「保存并使用」 names the
// base call's rules and groups that were left out, as `shenbao notice` and
// the changes list do.
func TestSavedTextListsNotCarried(t *testing.T) {
	text, err := os.ReadFile("../forms/testdata/call-2025/notice.txt")
	if err != nil {
		t.Fatal(err)
	}
	p, err := notice.Read(string(text), forms.Default())
	if err != nil {
		t.Fatal(err)
	}
	if got := savedText(p, "x/call.toml"); strings.Contains(got, "没有带入") {
		t.Errorf("nothing left out, yet the dialog says so: %q", got)
	}
	p.NotCarried = append(p.NotCarried, "规则 speech-place 没有带入：它的类别演讲比赛本年通知中都没有")
	if got := savedText(p, "x/call.toml"); !strings.Contains(got, "没有带入的规则或类别组：规则 speech-place 没有带入") {
		t.Errorf("the dialog does not list what was left out: %q", got)
	}
}
