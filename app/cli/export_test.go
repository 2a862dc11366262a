package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
	"shenbao/forms/submission"
)

// TestExportEverySample: `shenbao export` on every category's sample,
// written by `shenbao sample`, writes all parts of the package and exits 0.
func TestExportEverySample(t *testing.T) {
	call := forms.Default()
	dir := t.TempDir()
	for _, cat := range call.Categories {
		t.Run(cat.ID, func(t *testing.T) {
			file := writeSample(t, dir, cat.ID)
			out := t.TempDir()
			code, stdout, stderr := run(t, "export", file, "--out", out)
			if code != ExitOK || stderr != "" {
				t.Fatalf("export %s: exit %d\n%s\n%s", cat.ID, code, stdout, stderr)
			}
			d, err := forms.Load(file)
			if err != nil {
				t.Fatal(err)
			}
			names := submission.NamesFor(call, d, 1)
			pkg := filepath.Join(out, names.Dir)
			if !strings.Contains(stdout, pkg) || !strings.Contains(stdout, filepath.Join(out, names.Zip)) || !strings.Contains(stdout, "0个错误") {
				t.Errorf("output does not name the folder, the zip and the findings:\n%s", stdout)
			}
			files := names.Files()
			if len(files) != 5 {
				t.Fatalf("sample %s expects %d files", cat.ID, len(files))
			}
			for _, name := range files {
				fi, err := os.Stat(filepath.Join(pkg, name))
				if err != nil || fi.Size() == 0 {
					t.Errorf("%s: %v", name, err)
				}
				if !strings.Contains(stdout, name) {
					t.Errorf("output does not list %s", name)
				}
			}
			if fi, err := os.Stat(filepath.Join(out, names.Zip)); err != nil || fi.Size() == 0 {
				t.Errorf("zip: %v", err)
			}
		})
	}
}

func TestExportExitCodes(t *testing.T) {
	dir := t.TempDir()
	good := writeSample(t, dir, "annual")

	// Default --out: the 报送材料 folder beside the draft, as the window's.
	code, stdout, _ := run(t, "export", good)
	if code != ExitOK || !strings.Contains(stdout, filepath.Join(dir, "报送材料", "吉林省汽车工程学会-年会分会场")) {
		t.Errorf("export without --out: %d\n%s", code, stdout)
	}
	if zips, _ := filepath.Glob(filepath.Join(dir, "报送材料", "吉林省汽车工程学会-年会分会场*.zip")); len(zips) != 1 {
		t.Errorf("export without --out: %d zips in 报送材料, want 1", len(zips))
	}

	// A draft with an error is exported all the same, with exit 1 and the
	// error on the screen.
	d, _ := forms.Load(good)
	d.Project.Participants = 150
	bad := filepath.Join(dir, "bad"+forms.DraftExt)
	if err := forms.Save(bad, d, time.Now()); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	code, stdout, stderr := run(t, "export", "--out", out, bad)
	if code != ExitFindings {
		t.Errorf("draft with an error: exit %d, want %d", code, ExitFindings)
	}
	if !strings.Contains(stdout, "1个错误") || !strings.Contains(stdout, "参会人数") || !strings.Contains(stderr, "仍已导出") {
		t.Errorf("the error is not shown clearly:\n%s\n%s", stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, submission.NamesFor(forms.Default(), d, 1).Zip)); err != nil {
		t.Errorf("draft with an error was not exported: %v", err)
	}

	// Unreadable files: missing, broken JSON, not a draft.
	broken := filepath.Join(dir, "broken"+forms.DraftExt)
	if err := os.WriteFile(broken, []byte(`{"schema_version": 1, "applicant": {`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{filepath.Join(dir, "missing"+forms.DraftExt), broken, dir} {
		out := t.TempDir()
		code, _, stderr := run(t, "export", f, "--out", out)
		if code != ExitUnread || !strings.Contains(stderr, "草稿文件") {
			t.Errorf("export %s: exit %d, stderr %q", f, code, stderr)
		}
		if left, _ := os.ReadDir(out); len(left) != 0 {
			t.Errorf("unreadable draft left files in the output folder")
		}
	}

	// Usage mistakes.
	for _, args := range [][]string{{"export"}, {"export", good, good}, {"export", "--nope", good}} {
		if code, _, stderr := run(t, args...); code != ExitUnread || !strings.Contains(stderr, "用法") {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
	if code, stdout, _ := run(t, "export", "-h"); code != ExitOK || !strings.Contains(stdout, "退出码") {
		t.Errorf("export -h: exit %d\n%s", code, stdout)
	}

	// An output folder that cannot be made: exit 2 and a Chinese reason.
	if code, _, stderr := run(t, "export", good, "--out", filepath.Join(good, "sub")); code != ExitUnread || !strings.Contains(stderr, "无法建立文件夹") {
		t.Errorf("unwritable output: exit %d, %q", code, stderr)
	}
}

func TestExportConfidential(t *testing.T) {
	dir := t.TempDir()
	file := writeSample(t, dir, "basic")
	d, _ := forms.Load(file)
	d.Confidential = true
	if err := forms.Save(file, d, time.Now()); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	code, stdout, stderr := run(t, "export", file, "--out", out)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if strings.Contains(stdout, ".eml") || !strings.Contains(stdout, "未生成邮件草稿") {
		t.Errorf("confidential export output:\n%s", stdout)
	}
	pkg := filepath.Join(out, submission.NamesFor(forms.Default(), d, 1).Dir)
	entries, err := os.ReadDir(pkg)
	if err != nil || len(entries) != 4 {
		t.Errorf("confidential package holds %d files (%v)", len(entries), err)
	}
}
