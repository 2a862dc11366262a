//go:build !linux

package pdfdoc

// dropPages does nothing here; see pages_linux.go.
func dropPages([]byte) {}
