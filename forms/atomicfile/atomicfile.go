// Package atomicfile is the program's one way of writing a file: the data
// goes to a temporary file in the same folder, is synced to disk, and is
// renamed over the file's name, and the folder is synced, so that the name
// holds either the old or the new content after a crash or power cut,
// never a mix. Drafts, autosaves, photos, exported reports and the
// submission package's .zip are all written with WriteFile.
//
// It also keeps what the user set up: an existing file keeps its
// permissions, a read-only file is not replaced (usererr.ReadOnly), a new
// file gets the ordinary permissions (0666 less the umask). A symbolic link
// is replaced by the file, its target left alone, unless FollowLink asks
// for it to be written through (a draft the user opened through a link):
// a link planted where a backup or an export goes never leads a write
// elsewhere. Temporary files start with a dot and are hidden on Windows;
// those left by an interrupted write are removed by the next write into
// the folder, or by CleanStale when the folder is opened.
//
// Failures are *usererr.Error with a Chinese message naming the file and
// the reason (disk full, read-only, open in another program, …).
package atomicfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"shenbao/forms/usererr"
)

// Options change how WriteFile writes.
type Options struct {
	// Backup, when not empty, is a suffix: the file's current content is
	// first written (atomically too) to its name plus Backup, if KeepBackup
	// accepts it (nil accepts any non-empty content).
	Backup     string
	KeepBackup func(old []byte) bool
	// Perm is the permission of a new file before the umask; 0 is 0666.
	// An existing file keeps its own.
	Perm fs.FileMode
	// NoReplace refuses to replace an existing file (usererr.Exist).
	NoReplace bool
	// FollowLink writes through a symbolic link at path to its target (the
	// link stays a link); otherwise the link itself is replaced. A backup
	// is never written through a link.
	FollowLink bool
	// exactPerm gives a new file exactly Perm (the backup of a file gets
	// the file's mode).
	exactPerm bool
}

// StaleAge is how old a temporary file must be to count as left behind by
// an interrupted write (a write takes milliseconds; a younger one may
// belong to a write still going on).
const StaleAge = time.Minute

// errUnsupported is what Chmod returns where it cannot work.
var errUnsupported = errors.ErrUnsupported

// tempMark is in the name of every temporary file: ".<name>.tmp-<random>".
const tempMark = ".tmp-"

// BeforeRename, when set (by tests only), is called with the temporary
// file's name after it is written and synced and before it replaces the
// file; an error from it aborts the write as a crash there would.
var BeforeRename func(tmp string) error

// WriteFile writes data to path atomically. On failure the file at path is
// as it was and no temporary file is left.
func WriteFile(path string, data []byte, opts Options) error {
	target := path
	if opts.FollowLink {
		t, err := resolve(path)
		if err != nil {
			return err
		}
		target = t
	}
	dir, base := filepath.Dir(target), filepath.Base(target)
	st, err := os.Lstat(target)
	if err == nil && st.Mode()&fs.ModeSymlink != 0 {
		// a link not followed: replaced like a new file
		if opts.NoReplace {
			err = nil
		} else {
			st, err = nil, fs.ErrNotExist
		}
	}
	kept := ""
	if err == nil {
		kept = "原有的文件没有改动；"
	}
	fail := func(err error, what string) error {
		code, reason := usererr.Reason(err)
		return &usererr.Error{Code: code, Path: path, Err: err, Message: fmt.Sprintf("无法保存 “%s”：%s（%s）。%s%s", filepath.Base(path), what, reason, kept, usererr.Advice(code))}
	}
	perm, keepMode := opts.Perm, false
	if perm == 0 {
		perm = 0o666
	}
	switch {
	case err == nil && st.IsDir():
		return &usererr.Error{Code: usererr.IsDir, Path: path, Message: fmt.Sprintf("无法保存 “%s”：这个名字是一个文件夹。请换一个文件名。", filepath.Base(path))}
	case err == nil && opts.NoReplace:
		return fail(fs.ErrExist, "同名文件已存在")
	case err == nil && !opts.exactPerm && st.Mode().Perm()&0o200 == 0:
		return &usererr.Error{Code: usererr.ReadOnly, Path: path, Err: fs.ErrPermission, Message: fmt.Sprintf("没有保存 “%s”：这个文件是只读的（文件属性设为只读），程序不替换只读的文件。原有的文件没有改动；如需修改，请先在文件属性中取消“只读”，或另存为一个新文件。", filepath.Base(path))}
	case err == nil:
		perm, keepMode = st.Mode().Perm(), true
	case opts.exactPerm:
		keepMode = true
	}
	// Any other failure to Stat is met again, and reported, when the
	// temporary file is created.
	removeStale(dir, func(name string) bool { return strings.HasPrefix(name, "."+base+tempMark) })

	tmp, tmpName, err := create(dir, base, perm)
	if err != nil {
		return fail(err, "无法在文件夹 "+dir+" 中写入")
	}
	defer os.Remove(tmpName) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fail(err, "写入出错")
	}
	if keepMode {
		// Chmod is not subject to the umask: the file keeps exactly its mode.
		if err := tmp.Chmod(perm); err != nil && !errors.Is(err, errUnsupported) {
			tmp.Close()
			return fail(err, "无法设置文件权限")
		}
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fail(err, "写入磁盘出错")
	}
	if err := tmp.Close(); err != nil {
		return fail(err, "写入磁盘出错")
	}
	if BeforeRename != nil {
		if err := BeforeRename(tmpName); err != nil {
			if code, _ := usererr.Reason(err); code != usererr.Unknown {
				return fail(err, "写入磁盘出错") // a simulated system failure
			}
			return &usererr.Error{Code: usererr.Interrupted, Path: path, Err: err, Message: fmt.Sprintf("无法保存 “%s”：写入被中断。%s请重试。", filepath.Base(path), kept)}
		}
	}
	if opts.Backup != "" && st != nil && st.Mode().IsRegular() {
		if old, err := os.ReadFile(target); err == nil && len(old) > 0 && (opts.KeepBackup == nil || opts.KeepBackup(old)) {
			if err := WriteFile(target+opts.Backup, old, Options{Perm: perm, exactPerm: true}); err != nil {
				return err
			}
		}
	}
	if opts.NoReplace {
		if _, err := os.Lstat(target); err == nil {
			return fail(fs.ErrExist, "同名文件已存在")
		}
	}
	unhide(tmpName)
	if err := os.Rename(tmpName, target); err != nil {
		return fail(err, "无法替换原文件")
	}
	syncDir(dir)
	return nil
}

// resolve follows symbolic links to the file they name, so that a write
// replaces the target and the link stays; a link to nothing is refused.
func resolve(path string) (string, error) {
	st, err := os.Lstat(path)
	if err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", &usererr.Error{Code: usererr.NotExist, Path: path, Err: err, Message: fmt.Sprintf("无法保存 “%s”：它是一个快捷方式（符号链接），指向的文件不存在。请另存为一个普通文件，或修复这个链接。", filepath.Base(path))}
	}
	return target, nil
}

// create makes a new temporary file in dir for base, hidden.
func create(dir, base string, perm fs.FileMode) (*os.File, string, error) {
	for range 10 {
		var r [6]byte
		_, _ = rand.Read(r[:])
		name := filepath.Join(dir, "."+base+tempMark+hex.EncodeToString(r[:]))
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, "", err
		}
		hide(name)
		return f, name, nil
	}
	return nil, "", fs.ErrExist
}

// IsTemp reports whether a file name is one of the temporary files of
// WriteFile, or of the versions before it (".export-*.tmp",
// ".photo-*.tmp", ".shenbao-zip-*").
func IsTemp(name string) bool {
	if !strings.HasPrefix(name, ".") {
		return false
	}
	return strings.Contains(name, tempMark) ||
		(strings.HasPrefix(name, ".export-") || strings.HasPrefix(name, ".photo-")) && strings.HasSuffix(name, ".tmp") ||
		strings.HasPrefix(name, ".shenbao-zip-")
}

// CleanStale removes the temporary files in dir left by interrupted writes
// (IsTemp, older than StaleAge) and returns how many it removed. The window
// calls it when it opens a folder.
func CleanStale(dir string) int {
	return removeStale(dir, IsTemp)
}

func removeStale(dir string, match func(name string) bool) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	n := 0
	cutoff := time.Now().Add(-StaleAge)
	for _, e := range entries {
		if !e.Type().IsRegular() || !match(e.Name()) {
			continue
		}
		if info, err := e.Info(); err == nil && info.ModTime().Before(cutoff) {
			if os.Remove(filepath.Join(dir, e.Name())) == nil {
				n++
			}
		}
	}
	return n
}

// syncDir makes the rename durable where the system allows it (not on
// Windows, where NTFS journals the rename itself).
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		_ = f.Sync()
		f.Close()
	}
}
