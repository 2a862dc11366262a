package app

import (
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"shenbao/forms"
)

// TestRecoveryOverTheFieldLimit (issue 20, 5): 20,001 characters typed
// were autosaved but the autosave could never be loaded, so after a crash
// nothing was offered. It is offered, recovered whole, and the window says
// the field must be shortened before saving.
func TestRecoveryOverTheFieldLimit(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	dir := t.TempDir()
	a.Preferences().SetString(prefDraftsDir, dir)
	u := newTestUIOn(t, a, dir)
	f := openSampleDraft(t, u, "basic")
	path := f.path
	long := strings.Repeat("长", forms.MaxFieldChars+1)
	f.d.Project.Name = long
	f.markDirty()
	if err := f.autosaveNow(); err != nil {
		t.Fatalf("autosave of an over-long field: %v", err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	f.stopAutosave()

	u2 := newTestUIOn(t, a, dir)
	u2.offerRecovery()
	if u2.prompt == nil || u2.prompt.title != "恢复未保存的修改？" {
		t.Fatalf("no recovery prompt (prompt %+v)", u2.prompt)
	}
	test.Tap(u2.prompt.buttons["恢复"])
	if u2.form == nil || u2.form.d.Project.Name != long {
		t.Fatal("the over-long text was not recovered")
	}
	if u2.prompt.title != "已恢复，保存前请删减" || !strings.Contains(u2.prompt.message, "20,000") {
		t.Errorf("prompt %q: %q", u2.prompt.title, u2.prompt.message)
	}
	if err := u2.form.save(); err == nil || !strings.Contains(err.Error(), "删减") {
		t.Errorf("save of the over-long draft: %v", err)
	}
	if _, err := os.Stat(path + AutosaveSuffix); err != nil {
		t.Errorf("the autosave is gone before a save succeeded: %v", err)
	}
}
