package app

import (
	"bytes"
	"errors"
	"log"
	"os"
	"strings"
	"testing"

	"shenbao/forms/usererr"
)

// TestErrorsShownAreLogged (issue 20, 11): what a person reads is the
// Chinese message; its code and cause, which the message does not show,
// go to the log. A failed save says the window keeps its content whatever
// the dialog's title (it used to be keyed on the title “保存失败”).
func TestErrorsShownAreLogged(t *testing.T) {
	u, _ := newTestUI(t)
	var buf bytes.Buffer
	log.SetOutput(&buf)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	cause := errors.New("write /x: no space left on device")
	u.showSaveError(usererr.New(usererr.DiskFull, "/x/d.shenbao.json", cause, "无法保存 “d.shenbao.json”：磁盘空间已满。"))
	if u.prompt.title != "保存失败" || !strings.HasSuffix(u.prompt.message, "窗口中的内容没有丢失。") || strings.Contains(u.prompt.message, "no space") {
		t.Errorf("prompt %q: %q", u.prompt.title, u.prompt.message)
	}
	if got := buf.String(); !strings.Contains(got, "disk_full") || !strings.Contains(got, "no space left on device") || !strings.Contains(got, "d.shenbao.json") {
		t.Errorf("log %q", got)
	}
	u.showError("保存失败", errors.New("别的错误。"))
	if strings.Contains(u.prompt.message, "窗口中的内容没有丢失") {
		t.Error("showError still keyed on the title")
	}
}
