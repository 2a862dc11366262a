package cli

import (
	"os"
	"strings"
	"testing"

	"shenbao/forms"
)

// TestSampleDoesNotReplaceADraft (issue 20, 6): `sample forum -o 我的申报书`
// replaced her draft (twice, the text then in neither the draft nor the
// .bak); it is refused unless --force, and with --force the draft is in
// the .bak.
func TestSampleDoesNotReplaceADraft(t *testing.T) {
	dir := t.TempDir()
	p := writeSample(t, dir, "basic")
	d, err := forms.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	d.Project.Name = "她自己的项目"
	if err := forms.Save(p, d, d.UpdatedAt); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(p)
	for range 2 {
		code, _, stderr := run(t, "sample", "forum", "-o", p)
		if code != ExitUnread || !strings.Contains(stderr, "已经存在") || !strings.Contains(stderr, "--force") {
			t.Fatalf("sample over a draft: %d %q", code, stderr)
		}
	}
	if after, _ := os.ReadFile(p); string(after) != string(before) {
		t.Fatal("the draft was replaced")
	}
	if code, _, stderr := run(t, "sample", "forum", "-o", p, "--force"); code != ExitOK {
		t.Fatalf("--force: %d %s", code, stderr)
	}
	if bak, _ := os.ReadFile(p + forms.BackupSuffix); !strings.Contains(string(bak), "她自己的项目") {
		t.Error("with --force the draft is not in the backup")
	}
}
