//go:build !windows

package atomicfile

// A leading dot hides the temporary files on Linux and macOS.
func hide(string)   {}
func unhide(string) {}
