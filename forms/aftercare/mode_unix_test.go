//go:build unix

package aftercare

import (
	"os"
	"syscall"
	"testing"

	"shenbao/forms"
)

// TestExportedFileMode: exported files get the ordinary permissions (0666
// less the umask: 0644 here), as the user's other files; they used to be
// 0600, the mode of a temporary file.
func TestExportedFileMode(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	d, draft := withPhotos(t)
	files, err := ExportAll(t.TempDir(), forms.Default(), d, draft, generated)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if st, _ := os.Stat(f.Path); st.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %o", f.Path, st.Mode().Perm())
		}
	}
}
