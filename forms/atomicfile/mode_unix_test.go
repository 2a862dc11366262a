//go:build unix

package atomicfile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestNewFileOrdinaryMode: a new file gets 0666 less the umask (it used to
// be 0600, the mode of os.CreateTemp).
func TestNewFileOrdinaryMode(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	p := filepath.Join(t.TempDir(), "new.pdf")
	if err := WriteFile(p, []byte("x"), Options{}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o644 {
		t.Errorf("new file mode %o, want 644", st.Mode().Perm())
	}
}
