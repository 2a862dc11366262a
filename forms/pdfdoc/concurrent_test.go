package pdfdoc

import (
	"bytes"
	"sync"
	"testing"
)

// Documents can be rendered from several goroutines at once (the parsed
// fonts are shared): each result is the same as a lone rendering.
func TestConcurrent(t *testing.T) {
	renderAlongside(t, samplePDF(t, "intl"), "a concurrent rendering differs", func() {})
}

// After ReleaseFonts the fonts are parsed again and a document is the same
// as before, byte for byte, also when the fonts are let go of while another
// document is being written.
func TestReleaseFonts(t *testing.T) {
	want := samplePDF(t, "intl")
	ReleaseFonts()
	if got := samplePDF(t, "intl"); !bytes.Equal(got, want) {
		t.Error("the PDF differs after ReleaseFonts")
	}
	renderAlongside(t, want, "a rendering differs when the fonts are released meanwhile", ReleaseFonts)
}

// renderAlongside renders the intl sample on 4 goroutines, calling between
// after starting each, and reports msg for any result other than want.
func renderAlongside(t *testing.T, want []byte, msg string, between func()) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := samplePDF(t, "intl"); !bytes.Equal(got, want) {
				errs <- msg
			}
		}()
		between()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
