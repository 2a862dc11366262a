//go:build !windows

package usererr

import (
	"errors"
	"syscall"
)

// sysCode maps the POSIX error numbers of Linux and macOS.
func sysCode(err error) Code {
	var n syscall.Errno
	if !errors.As(err, &n) {
		return Unknown
	}
	switch n {
	case syscall.ENOSPC, syscall.EDQUOT:
		return DiskFull
	case syscall.EROFS:
		return ReadOnly
	case syscall.EACCES, syscall.EPERM:
		return Permission
	case syscall.ENAMETOOLONG:
		return NameTooLong
	case syscall.ETXTBSY, syscall.EBUSY:
		return InUse
	case syscall.EISDIR:
		return IsDir
	case syscall.ENOENT, syscall.ENOTDIR:
		return NotExist
	case syscall.EEXIST:
		return Exist
	case syscall.ELOOP:
		return LinkLoop
	}
	return Unknown
}
