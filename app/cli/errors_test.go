package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"shenbao/forms"
	"shenbao/forms/atomicfile"
)

// TestReportsDiskFull: a full disk during `reports` used to be blamed on
// “文件正在Word或PDF阅读器中打开” (the cause only in English), and the
// files already written, which are complete, were called 不完整.
func TestReportsDiskFull(t *testing.T) {
	dir := t.TempDir()
	file := selectedWithPhotos(t, dir)
	out := t.TempDir()
	n := 0
	atomicfile.BeforeRename = func(string) error {
		n++
		if n > 3 {
			return &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}
		}
		return nil
	}
	defer func() { atomicfile.BeforeRename = nil }()
	code, _, stderr := runAt(t, afterEvent, "reports", file, "--out", out)
	if code != ExitUnread || !strings.Contains(stderr, "磁盘空间已满") || strings.Contains(stderr, "Word或PDF阅读器中打开") || strings.Contains(stderr, "no space") {
		t.Errorf("full disk: exit %d, %q", code, stderr)
	}
	if strings.Contains(stderr, "不完整") || !strings.Contains(stderr, "3个文件是完整的") {
		t.Errorf("the written files are complete: %q", stderr)
	}
	files, _ := os.ReadDir(out)
	if len(files) != 3 {
		t.Errorf("%d files in the folder, want the 3 complete ones: %v", len(files), files)
	}
}

// TestSampleIntoUnwritableFolder: `sample -o` used to say
// 窗口中的内容没有丢失, though there is no window.
func TestSampleIntoUnwritableFolder(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	_ = os.WriteFile(blocker, []byte("x"), 0o644)
	code, _, stderr := run(t, "sample", "forum", "-o", filepath.Join(blocker, "x"+forms.DraftExt))
	if code == ExitOK || strings.Contains(stderr, "窗口") || !strings.Contains(stderr, "无法保存") {
		t.Errorf("exit %d, %q", code, stderr)
	}
}

// TestCheckDirectory: a folder given as the draft used to say
// “系统错误：read …: is a directory”.
func TestCheckDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "草稿"+forms.DraftExt)
	_ = os.Mkdir(dir, 0o755)
	code, _, stderr := run(t, "check", dir)
	if code != ExitUnread || !strings.Contains(stderr, "是一个文件夹") || strings.Contains(stderr, "is a directory") {
		t.Errorf("exit %d, %q", code, stderr)
	}
}

// TestCauseOnlyWhenAsked: a failure shows the Chinese message alone; with
// SHENBAO_DEBUG=1 its code, file and system cause follow (issue 20: the
// command line did not log causes anywhere).
func TestCauseOnlyWhenAsked(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	_ = os.WriteFile(blocker, []byte("x"), 0o644)
	target := filepath.Join(blocker, "x"+forms.DraftExt)
	_, _, plain := run(t, "sample", "forum", "-o", target)
	if !strings.Contains(plain, "无法保存") || strings.Contains(plain, "原因：") || strings.Contains(plain, "not a directory") {
		t.Errorf("without %s: %q", DebugEnv, plain)
	}
	t.Setenv(DebugEnv, "1")
	_, _, debug := run(t, "sample", "forum", "-o", target)
	if !strings.HasPrefix(debug, strings.TrimSpace(plain)) || !strings.Contains(debug, "原因：") || !strings.Contains(debug, "not a directory") || !strings.Contains(debug, blocker) {
		t.Errorf("with %s=1: %q", DebugEnv, debug)
	}
}
