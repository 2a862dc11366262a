package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"shenbao/forms"
)

// TestSecondWriterTold (issue 20, 4): the draft open in the window is saved
// meanwhile by another window or a command; the window's save writes
// nothing over it, says so in Chinese, and saves its content as a copy on
// request; its autosave never replaces another window's.
func TestSecondWriterTold(t *testing.T) {
	u, dir := newTestUI(t)
	p := copySample(t, u.call, dir, "forum")
	u.openDraft(p)
	f := u.form
	if f == nil {
		t.Fatal("draft not opened")
	}
	other, _ := forms.Load(p)
	other.Project.Name = "另一个窗口保存的"
	if err := forms.Save(p, other, today); err != nil {
		t.Fatal(err)
	}
	f.d.Project.Name = "这个窗口的"
	f.markDirty()
	f.onSave()
	if u.prompt == nil || u.prompt.title != "草稿已在别处修改" || !strings.Contains(u.prompt.message, "另一个窗口或程序") {
		t.Fatalf("prompt %+v", u.prompt)
	}
	if got, _ := forms.Load(p); got.Project.Name != "另一个窗口保存的" {
		t.Fatalf("the other's save was replaced: %q", got.Project.Name)
	}
	// the autosave is refused too, and says why
	if err := f.autosaveNow(); !forms.IsConflict(err) {
		t.Errorf("autosave over a changed draft: %v", err)
	}
	test.Tap(u.prompt.buttons["保存为副本"])
	if f.path == p || filepath.Dir(f.path) != dir || f.dirty {
		t.Fatalf("copy: path %s, dirty %v", f.path, f.dirty)
	}
	if got, err := forms.Load(f.path); err != nil || got.Project.Name != "这个窗口的" {
		t.Fatalf("copy holds %v %v", got, err)
	}
	if got, _ := forms.Load(p); got.Project.Name != "另一个窗口保存的" {
		t.Errorf("the original changed: %q", got.Project.Name)
	}
	// later saves go to the copy
	f.d.Project.Name = "这个窗口的，又改了"
	f.markDirty()
	if err := f.save(); err != nil {
		t.Fatalf("save into the copy: %v", err)
	}
	if _, err := os.Stat(f.path + forms.BackupSuffix); err != nil {
		t.Errorf("no backup of the copy: %v", err)
	}
}
