package aftercare

import (
	"bytes"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// FuzzPrepare feeds arbitrary bytes to the photo import: it must return a
// photo or a *PhotoError, never panic, and never accept a picture above the
// limits.
func FuzzPrepare(f *testing.F) {
	small := synthetic(40, 30)
	var pngData bytes.Buffer
	_ = png.Encode(&pngData, small)
	f.Add(encodeJPEG(f, small))
	f.Add(pngData.Bytes())
	f.Add(bombPNG(30000, 30000))
	if cmyk, err := os.ReadFile(filepath.Join("testdata", "cmyk.jpg")); err == nil {
		f.Add(cmyk)
	}
	f.Add([]byte("not an image"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Prepare("f.jpg", data)
		if err != nil {
			var pe *PhotoError
			if !errors.As(err, &pe) || pe.Message == "" {
				t.Fatalf("error is not a PhotoError with a message: %v", err)
			}
			return
		}
		if p.Width > MaxLongSide || p.Height > MaxLongSide || p.Width < 1 || p.Height < 1 {
			t.Fatalf("stored %dx%d", p.Width, p.Height)
		}
	})
}
