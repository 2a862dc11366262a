package forms

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms/usererr"
)

// TestReadOnlyDraftStaysReadOnly (issue 20, 6): a read-only (0444) draft
// was replaced by a save on Linux; the save is refused in Chinese and the
// file is as it was.
func TestReadOnlyDraftStaysReadOnly(t *testing.T) {
	p := saved(t, t.TempDir(), sample(t, "forum"))
	if err := os.Chmod(p, 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(p)
	d := sample(t, "forum")
	d.Project.Name = "改过"
	err := Save(p, d, saveTime)
	if usererr.CodeOf(err) != usererr.ReadOnly || !strings.Contains(err.Error(), "只读") || !strings.Contains(err.Error(), filepath.Base(p)) {
		t.Errorf("save of a read-only draft: %v", err)
	}
	if after, _ := os.ReadFile(p); string(after) != string(before) {
		t.Error("the read-only draft was replaced")
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o444 {
		t.Errorf("mode %o", st.Mode().Perm())
	}
}

// TestBackupLinkNotWrittenThrough (issue 20, 7): a .bak that is a link made
// every save write the old draft into the link's target.
func TestBackupLinkNotWrittenThrough(t *testing.T) {
	dir := t.TempDir()
	p := saved(t, dir, sample(t, "forum"))
	victim := filepath.Join(t.TempDir(), "victim.txt")
	_ = os.WriteFile(victim, []byte("precious"), 0o644)
	_ = os.Remove(p + BackupSuffix)
	if err := os.Symlink(victim, p+BackupSuffix); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for range 2 {
		if err := Save(p, sample(t, "forum"), saveTime); err != nil {
			t.Fatal(err)
		}
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Errorf("the link's target now holds %d bytes", len(b))
	}
	if _, err := Load(p + BackupSuffix); err != nil {
		t.Errorf("the backup is not a draft: %v", err)
	}
}
