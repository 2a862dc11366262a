package aftercare

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
)

// TestExportNeverReplaces (issue 20, 6–7): a second export writes a new set
// named " (2)"; a report she edited and a link named like a report (to a
// file elsewhere) are left as they were.
func TestExportNeverReplaces(t *testing.T) {
	d, draft := withPhotos(t)
	dir := t.TempDir()
	first, err := ExportAll(dir, forms.Default(), d, draft, generated)
	if err != nil {
		t.Fatal(err)
	}
	edited := first[1].Path // a .docx
	if err := os.WriteFile(edited, []byte("她改过的文件"), 0o644); err != nil {
		t.Fatal(err)
	}
	second, err := ExportAll(dir, forms.Default(), d, draft, generated)
	if err != nil {
		t.Fatal(err)
	}
	if len(second) != len(first) {
		t.Fatalf("%d files, then %d", len(first), len(second))
	}
	for i, e := range second {
		if e.Path == first[i].Path || !strings.Contains(filepath.Base(e.Path), " (2)") {
			t.Errorf("second export wrote %s (first %s)", e.Path, first[i].Path)
		}
	}
	if b, _ := os.ReadFile(edited); string(b) != "她改过的文件" {
		t.Errorf("the edited report was replaced")
	}
	// a link named like the next set's PDF
	victim := filepath.Join(t.TempDir(), "victim")
	_ = os.WriteFile(victim, []byte("precious"), 0o644)
	third := strings.Replace(second[0].Path, " (2)", " (3)", 1)
	if err := os.Symlink(victim, third); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	got, err := ExportAll(dir, forms.Default(), d, draft, generated)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Error("a link's target was written")
	}
	if !strings.Contains(got[0].Path, " (4)") {
		t.Errorf("third export wrote %s", got[0].Path)
	}
}
