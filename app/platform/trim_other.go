//go:build !linux || !cgo

package platform

// canTrimCHeap tells that trimCHeap may give pages back.
const canTrimCHeap = false

// trimCHeap does nothing where the C library offers no way to give back its
// free pages; it reports false.
func trimCHeap() bool { return false }
