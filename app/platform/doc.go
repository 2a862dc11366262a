// Package platform holds what the window needs from the operating system
// and nothing else: the window's position on screen, the input method's
// position at the caret, running in the background, native dialogs and
// the process's memory. Each function has one implementation per system
// (files ending in _windows.go, _linux.go, _other.go) and the window
// package calls it without knowing which.
package platform
