package pdfdoc

import (
	"encoding/binary"
	"os"
	"slices"
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
	page := uintptr(os.Getpagesize())
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
	return n * int(page) / 1024
}

// Writing a PDF reads several MB of the serif faces' glyphs when it makes
// their subsets; each face's pages leave the resident set as soon as its
// subset is made, ReleaseFonts leaves none either, and the next PDF is the
// same.
func TestReleaseFontsDropsPages(t *testing.T) {
	serif := func() int { return residentKB(t, assets.SerifFont) + residentKB(t, assets.SerifBoldFont) }
	var atSubset []int
	fontFileMade = func(b []byte) {
		atSubset = append(atSubset, residentKB(t, b))
		dropFace(b)
	}
	t.Cleanup(func() { fontFileMade = dropFace })
	want := samplePDF(t, "annual")
	after := serif()
	ReleaseFonts()
	released := serif()
	t.Logf("face resident when its subset was made: %v kB; serif faces resident after the PDF: %d kB, after ReleaseFonts: %d kB", atSubset, after, released)
	if len(atSubset) == 0 || slices.Max(atSubset) < 1024 {
		t.Fatalf("the faces held %v kB when their subsets were made: the test no longer sees the pages a PDF reads", atSubset)
	}
	if after > 64 {
		t.Errorf("%d kB of the serif faces still resident after the PDF was written", after)
	}
	if released > 64 {
		t.Errorf("%d kB of the serif faces still resident after ReleaseFonts", released)
	}
	if got := samplePDF(t, "annual"); string(got) != string(want) {
		t.Error("the PDF differs after its fonts' pages were dropped")
	}
}

// The hook gopdf calls for every font a document uses drops only the
// pages of the embedded faces: bytes the program allocated (a copy of a
// face here) keep their contents, which dropping their pages would zero.
func TestDropFaceLeavesOtherBytes(t *testing.T) {
	namesOnce.Do(readNames)
	c := slices.Clone(assets.SerifFont)
	dropFace(c)
	if string(c) != string(assets.SerifFont) {
		t.Fatal("a heap copy of a face changed when the hook was called with it: its pages were dropped")
	}
	if residentKB(t, c) < len(c)/1024-8 {
		t.Errorf("the copy is %d kB resident of %d kB after the hook", residentKB(t, c), len(c)/1024)
	}
}
