//go:build unix

package submission

import (
	"os"
	"syscall"
	"testing"
	"time"

	"shenbao/forms"
)

// TestPackageFileMode: the package's files and its .zip get the ordinary
// permissions (0666 less the umask); the .zip used to be 0600.
func TestPackageFileMode(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	d, err := forms.Sample(forms.Default(), "basic")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Build(t.TempDir(), forms.Default(), d, time.Date(2024, 4, 10, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range append(res.Files, res.Zip) {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != 0o644 {
			t.Errorf("%s: %v %v", p, st.Mode(), err)
		}
	}
	if st, _ := os.Stat(res.Dir); st.Mode().Perm() != 0o755 {
		t.Errorf("folder mode %o", st.Mode().Perm())
	}
}
