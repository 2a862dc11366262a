package pdfdoc

import (
	"os"
	"syscall"
	"unsafe"
)

// dropPages takes the whole memory pages inside b out of the process's
// resident set (madvise MADV_DONTNEED). b must be bytes of the executable
// file that are only ever read, as the embedded fonts are: the program
// never writes to them, so a page dropped is read again from the file, the
// same bytes, when next used, and meanwhile stays in the system's page
// cache like any file read. Reading a font's glyphs for a PDF touches a
// page for nearly every character printed (about 5 MB of each serif face
// for an application), and those pages otherwise stay resident for the
// rest of the session.
func dropPages(b []byte) {
	if len(b) == 0 {
		return
	}
	page := uintptr(os.Getpagesize())
	off := int((page - uintptr(unsafe.Pointer(&b[0]))%page) % page)
	if off >= len(b) {
		return
	}
	n := (len(b) - off) &^ int(page-1)
	if n == 0 {
		return
	}
	_ = syscall.Madvise(b[off:off+n], syscall.MADV_DONTNEED)
}
