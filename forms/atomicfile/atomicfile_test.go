package atomicfile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shenbao/forms/usererr"
)

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestWriteNewAndReplace(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.json")
	if err := WriteFile(p, []byte("one"), Options{Backup: ".bak"}); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("two"), Options{Backup: ".bak"}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	bak, _ := os.ReadFile(p + ".bak")
	if string(got) != "two" || string(bak) != "one" {
		t.Errorf("file %q, backup %q", got, bak)
	}
	if es := entries(t, dir); len(es) != 2 {
		t.Errorf("temporary files left: %v", es)
	}
	if err := WriteFile(p, []byte("three"), Options{NoReplace: true}); usererr.CodeOf(err) != usererr.Exist {
		t.Errorf("NoReplace: %v", err)
	}
}

// TestKeepsMode: saving over a 0644 (or 0640) file keeps its mode, and the
// backup gets it too.
func TestKeepsMode(t *testing.T) {
	for _, mode := range []os.FileMode{0o644, 0o640, 0o664} {
		dir := t.TempDir()
		p := filepath.Join(dir, "d.json")
		if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		if err := WriteFile(p, []byte("new"), Options{Backup: ".bak"}); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{p, p + ".bak"} {
			if st, _ := os.Stat(f); st.Mode().Perm() != mode {
				t.Errorf("%s: mode %o, want %o", filepath.Base(f), st.Mode().Perm(), mode)
			}
		}
	}
}

// TestWritesThroughSymlink: with FollowLink (a draft opened through a
// link) the link stays a link and its target gets the new content (it used
// to be replaced by a file, the target left stale).
func TestWritesThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "d.json")
	_ = os.Mkdir(filepath.Dir(real), 0o755)
	if err := os.WriteFile(real, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("new"), Options{Backup: ".bak", FollowLink: true}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if b, _ := os.ReadFile(real); string(b) != "new" {
		t.Errorf("target holds %q", b)
	}
	if b, _ := os.ReadFile(real + ".bak"); string(b) != "old" {
		t.Errorf("backup next to the target holds %q", b)
	}
	dangling := filepath.Join(dir, "dangling.json")
	_ = os.Symlink(filepath.Join(dir, "nowhere", "x.json"), dangling)
	err := WriteFile(dangling, []byte("x"), Options{FollowLink: true})
	var ue *usererr.Error
	if !errors.As(err, &ue) || !strings.Contains(ue.Message, "符号链接") {
		t.Errorf("dangling link: %v", err)
	}
}

func TestDirectoryRefused(t *testing.T) {
	err := WriteFile(t.TempDir(), []byte("x"), Options{})
	if usererr.CodeOf(err) != usererr.IsDir || !strings.Contains(err.Error(), "文件夹") {
		t.Errorf("writing over a folder: %v", err)
	}
}

func TestInterruptedLeavesOldContent(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "d.json")
	_ = os.WriteFile(p, []byte("old"), 0o644)
	BeforeRename = func(string) error { return errors.New("power cut") }
	defer func() { BeforeRename = nil }()
	err := WriteFile(p, []byte("new"), Options{})
	if usererr.CodeOf(err) != usererr.Interrupted || !strings.Contains(err.Error(), "没有改动") || strings.Contains(err.Error(), "窗口") {
		t.Errorf("interrupted: %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("file now %q", b)
	}
	if es := entries(t, dir); len(es) != 1 {
		t.Errorf("left: %v", es)
	}
}

// TestStaleTempRemoved: temporary files of interrupted writes (a kill -9
// leaves them; 990 of 1,000 kills did) are removed by the next write into
// the folder or by CleanStale; young ones, possibly of a write going on, stay.
func TestStaleTempRemoved(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * StaleAge)
	mk := func(name string, mod time.Time) {
		p := filepath.Join(dir, name)
		_ = os.WriteFile(p, []byte("partial"), 0o600)
		_ = os.Chtimes(p, mod, mod)
	}
	mk(".d.json.tmp-0123456789ab", old)
	mk(".d.json.tmp-fresh0000000", time.Now())
	mk(".export-123.tmp", old)
	mk(".shenbao-zip-42", old)
	mk(".other.json.tmp-aaaaaaaaaaaa", old)
	mk("notes.txt", old)
	if err := WriteFile(filepath.Join(dir, "d.json"), []byte("x"), Options{}); err != nil {
		t.Fatal(err)
	}
	es := strings.Join(entries(t, dir), " ")
	if strings.Contains(es, ".d.json.tmp-0123456789ab") || !strings.Contains(es, ".d.json.tmp-fresh") || !strings.Contains(es, ".other.json.tmp-") {
		t.Errorf("after a save of d.json: %s", es)
	}
	if n := CleanStale(dir); n != 3 {
		t.Errorf("CleanStale removed %d, want 3", n)
	}
	es = strings.Join(entries(t, dir), " ")
	if es != ".d.json.tmp-fresh0000000 d.json notes.txt" {
		t.Errorf("after CleanStale: %s", es)
	}
}

func TestUnwritableFolder(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	_ = os.WriteFile(blocker, []byte("x"), 0o644)
	err := WriteFile(filepath.Join(blocker, "d.json"), []byte("x"), Options{})
	var ue *usererr.Error
	if !errors.As(err, &ue) || !strings.Contains(ue.Message, "无法在文件夹") || !bytes.Contains([]byte(ue.Message), []byte("d.json")) {
		t.Errorf("unwritable: %v", err)
	}
}

// TestLinksNotWrittenThrough (issue 20, 7): a link planted where a file or
// its backup goes is replaced by the file; its target is never written.
func TestLinksNotWrittenThrough(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(t.TempDir(), "victim.txt")
	if err := os.WriteFile(victim, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "d.json")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	// a .bak that is a link: every save wrote the old draft into its target
	if err := os.Symlink(victim, p+".bak"); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for _, opts := range []Options{{Backup: ".bak"}, {Backup: ".bak", FollowLink: true}} {
		if err := WriteFile(p, []byte("new"), opts); err != nil {
			t.Fatal(err)
		}
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Errorf("the backup link's target was written: %q", b)
	}
	if st, _ := os.Lstat(p + ".bak"); st == nil || !st.Mode().IsRegular() {
		t.Error("the backup is not a file of its own")
	}
	// a link named like an export: replaced, not written through
	rep := filepath.Join(dir, "报告.pdf")
	_ = os.Symlink(victim, rep)
	if err := WriteFile(rep, []byte("%PDF"), Options{}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "precious" {
		t.Errorf("the export link's target was written: %q", b)
	}
	if st, _ := os.Lstat(rep); !st.Mode().IsRegular() {
		t.Error("the export is still a link")
	}
}

// TestReadOnlyNotReplaced (issue 20, 6): a read-only (0444) file stays as
// it was, with a Chinese message saying so.
func TestReadOnlyNotReplaced(t *testing.T) {
	p := filepath.Join(t.TempDir(), "d.json")
	if err := os.WriteFile(p, []byte("old"), 0o444); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(p, []byte("new"), Options{Backup: ".bak", FollowLink: true})
	if usererr.CodeOf(err) != usererr.ReadOnly || !strings.Contains(err.Error(), "只读") || !strings.Contains(err.Error(), "d.json") {
		t.Errorf("read-only file: %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("read-only file now holds %q", b)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o444 {
		t.Errorf("mode now %o", st.Mode().Perm())
	}
}
