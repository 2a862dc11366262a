package pdfdoc

import (
	"encoding/binary"
	"os"
	"testing"
	"unsafe"

	"shenbao/assets"
)

// residentKB is how much of b is in the process's resident set, read from
// /proc/self/pagemap (bit 63 of each page's entry: present).
func residentKB(t *testing.T, b []byte) int {
	t.Helper()
	f, err := os.Open("/proc/self/pagemap")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	const page = 4096
	first := uintptr(unsafe.Pointer(&b[0])) / page
	last := (uintptr(unsafe.Pointer(&b[0])) + uintptr(len(b)) - 1) / page
	entries := make([]byte, 8*(last-first+1))
	if _, err := f.ReadAt(entries, int64(first*8)); err != nil {
		t.Skip(err)
	}
	n := 0
	for i := 0; i < len(entries); i += 8 {
		if binary.LittleEndian.Uint64(entries[i:])>>63 == 1 {
			n++
		}
	}
	return n * page / 1024
}

// Writing a PDF reads several MB of the serif faces' glyphs; ReleaseFonts
// takes those pages out of the resident set, and the next PDF is the same.
func TestReleaseFontsDropsPages(t *testing.T) {
	want := samplePDF(t, "annual")
	before := residentKB(t, assets.SerifFont) + residentKB(t, assets.SerifBoldFont)
	ReleaseFonts()
	after := residentKB(t, assets.SerifFont) + residentKB(t, assets.SerifBoldFont)
	t.Logf("serif faces resident: %d kB after a PDF, %d kB after ReleaseFonts", before, after)
	if before < 2048 {
		t.Fatalf("a PDF left only %d kB of the serif faces resident: the test no longer sees the pages it reads", before)
	}
	if after > 64 {
		t.Errorf("%d kB of the serif faces still resident after ReleaseFonts", after)
	}
	if got := samplePDF(t, "annual"); string(got) != string(want) {
		t.Error("the PDF differs after its fonts' pages were dropped")
	}
}
