package usererr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"
)

func TestReasonPOSIX(t *testing.T) {
	wrap := func(e error) error { return &fs.PathError{Op: "write", Path: "/x", Err: e} }
	for _, c := range []struct {
		err  error
		code Code
		want string
	}{
		{wrap(syscall.ENOSPC), DiskFull, "磁盘空间已满"},
		{wrap(syscall.EROFS), ReadOnly, "只读"},
		{wrap(syscall.EACCES), Permission, "没有权限"},
		{wrap(syscall.ENAMETOOLONG), NameTooLong, "太长"},
		{wrap(syscall.EISDIR), IsDir, "文件夹"},
		{fmt.Errorf("saving: %w", wrap(syscall.ENOENT)), NotExist, "不存在"},
		{fs.ErrExist, Exist, "已存在"},
		{errors.New("strange failure"), Unknown, "系统错误：strange failure"},
	} {
		code, reason := Reason(c.err)
		if code != c.code || !strings.Contains(reason, c.want) {
			t.Errorf("Reason(%v) = %s, %q; want %s, %q", c.err, code, reason, c.code, c.want)
		}
	}
	if _, err := os.ReadFile(filepath.Join(t.TempDir(), "missing")); CodeOf(&Error{Code: NotExist, Err: err}) != NotExist {
		t.Error("CodeOf")
	}
}

// TestWindowsCodes: the Windows error numbers get the codes, hence the
// messages, of their POSIX counterparts (ENOSPC, EROFS, EACCES, …).
func TestWindowsCodes(t *testing.T) {
	for n, want := range map[uintptr]Code{
		112: DiskFull, 39: DiskFull, 32: InUse, 33: InUse, 5: Permission, 206: NameTooLong, 19: ReadOnly, 2: NotExist, 3: NotExist, 183: Exist, 6: Unknown,
	} {
		if got := windowsCode(n); got != want {
			t.Errorf("windowsCode(%d) = %q, want %q", n, got, want)
		}
	}
	if reasons[windowsCode(112)] != "磁盘空间已满" {
		t.Error("ERROR_DISK_FULL should read 磁盘空间已满")
	}
}

func TestShorten(t *testing.T) {
	long := strings.Repeat("长", 100000)
	s := Shorten(long, 40)
	if utf8.RuneCountInString(s) != 41 || !strings.HasSuffix(s, "…") {
		t.Errorf("Shorten: %d characters: %q", utf8.RuneCountInString(s), s)
	}
	if Shorten("短文本", 40) != "短文本" || Shorten("a\nb\xffc", 40) != "a b\uFFFDc" || Shorten("abcd", 4) != "abcd" || Shorten("abcde", 4) != "abcd…" {
		t.Error("Shorten of short or odd texts")
	}
	if q := Quote(long); utf8.RuneCountInString(q) != QuoteLen+3 {
		t.Errorf("Quote: %q", q)
	}
}

func TestError(t *testing.T) {
	cause := syscall.ENOSPC
	e := New(DiskFull, "/a/b", cause, "保存失败：%s。", "磁盘空间已满")
	var err error = fmt.Errorf("ctx: %w", e)
	var ue *Error
	if !errors.As(err, &ue) || ue.Message != "保存失败：磁盘空间已满。" || !errors.Is(err, syscall.ENOSPC) || CodeOf(err) != DiskFull || e.Error() != e.Message {
		t.Errorf("Error does not wrap: %v", err)
	}
}
