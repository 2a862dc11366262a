//go:build windows

package usererr

import (
	"errors"
	"syscall"
)

// sysCode maps the Windows error numbers (windowsCode) to the codes the
// POSIX numbers get on Linux and macOS.
func sysCode(err error) Code {
	var n syscall.Errno
	if !errors.As(err, &n) {
		return Unknown
	}
	return windowsCode(uintptr(n))
}
