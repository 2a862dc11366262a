package forms

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"shenbao/forms/usererr"
)

// TestBackupNamedOnlyWhenItExists (issue 20, 10): every unreadable draft
// was told "请打开同一文件夹中的备份 X.bak" even when there was none.
func TestBackupNamedOnlyWhenItExists(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "坏"+DraftExt)
	if err := os.WriteFile(p, []byte(`{"schema_version": 2, "project": {`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(p)
	if err == nil || strings.Contains(err.Error(), "请打开同一文件夹中的备份") || !strings.Contains(err.Error(), "没有它的备份") {
		t.Errorf("no backup: %v", err)
	}
	good, _ := Marshal(sample(t, "forum"))
	if err := os.WriteFile(p+BackupSuffix, good, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(p)
	if err == nil || !strings.Contains(err.Error(), "请打开同一文件夹中的备份 坏"+DraftExt+BackupSuffix) {
		t.Errorf("with a backup: %v", err)
	}
}

// TestMessagesSayWhatHappened: a symbolic-link loop is told in Chinese,
// not in the system's English; a file without read permission is not
// called read-only.
func TestMessagesSayWhatHappened(t *testing.T) {
	dir := t.TempDir()
	loop := filepath.Join(dir, "环"+DraftExt)
	if err := os.Symlink(loop, loop); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	_, err := Load(loop)
	if err == nil || !strings.Contains(err.Error(), "绕回了自己") || strings.Contains(err.Error(), "too many") {
		t.Errorf("link loop: %v", err)
	}
	if _, r := usererr.Reason(&os.PathError{Op: "open", Path: "x", Err: syscall.EACCES}); strings.Contains(r, "只读") {
		t.Errorf("permission denied is told %q", r)
	}
	p := saved(t, dir, sample(t, "forum"))
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(p, 0o644)
	if f, err := os.Open(p); err == nil {
		f.Close()
		t.Skip("running as a user who reads any file")
	}
	_, err = Load(p)
	if err == nil || strings.Contains(err.Error(), "只读") || !strings.Contains(err.Error(), "权限") {
		t.Errorf("mode 000: %v", err)
	}
}

// TestControlCharactersFound: NUL, ESC and the right-to-left override in a
// text field raised no finding (and reached the e-mail's From name).
func TestControlCharactersFound(t *testing.T) {
	for _, c := range []string{"\x00", "\x1b[31m", "\u202e", "\u200b"} {
		d := sample(t, "forum")
		d.Applicant.Name += c + "学会"
		found := false
		for _, f := range checked(d) {
			if f.Field == "applicant.name" && f.Rule == RuleGlyph && strings.Contains(f.Message, "控制字符") && strings.Contains(f.Message, "U+") {
				found = true
			}
		}
		if !found {
			t.Errorf("%q in the unit's name: no finding", c)
		}
	}
	if fs := checked(sample(t, "forum")); len(fs) > 0 {
		for _, f := range fs {
			if strings.Contains(f.Message, "控制字符") {
				t.Errorf("the sample has a control-character finding: %s", f.Message)
			}
		}
	}
}

// TestCountsBounded: 9,223,372,036,854,775,807 participants passed.
func TestCountsBounded(t *testing.T) {
	b, _ := Marshal(sample(t, "annual"))
	s := strings.Replace(string(b), `"participants": 260`, `"participants": 9223372036854775807`, 1)
	if s == string(b) {
		t.Fatal("sample changed: fix the test")
	}
	_, err := Unmarshal("x"+DraftExt, []byte(s))
	if err == nil || !strings.Contains(err.Error(), "预计参会人数") || !strings.Contains(err.Error(), "1,000,000") {
		t.Errorf("huge participant count: %v", err)
	}
	if FieldName("parts.forum.topic") == "此项" || FieldName("nowhere.x") == "此项" {
		t.Error("a field named 此项")
	}
}
