//go:build windows

package atomicfile

import "syscall"

// hide sets the hidden attribute on a temporary file: on Windows a leading
// dot does not hide a file from Explorer.
func hide(name string) { setAttributes(name, syscall.FILE_ATTRIBUTE_HIDDEN) }

// unhide clears it before the rename, since the file keeps its attributes
// under its new name.
func unhide(name string) { setAttributes(name, syscall.FILE_ATTRIBUTE_NORMAL) }

func setAttributes(name string, attr uint32) {
	if p, err := syscall.UTF16PtrFromString(name); err == nil {
		_ = syscall.SetFileAttributes(p, attr)
	}
}
