package jpeg

import (
	"bytes"
	stdjpeg "image/jpeg"
	"testing"
)

// FuzzDecodeScaled: no input makes the decoder panic at any scale; what
// image/jpeg decodes, the copy decodes to the same bounds at full size and
// to the divided bounds at 1/2, 1/4 and 1/8; what image/jpeg refuses, the
// copy refuses too.
func FuzzDecodeScaled(f *testing.F) {
	for _, b := range testFiles(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		cfg, err := stdjpeg.DecodeConfig(bytes.NewReader(b))
		if err != nil || cfg.Width*cfg.Height > 1e6 {
			return
		}
		want, wantErr := stdjpeg.Decode(bytes.NewReader(b))
		for shift := uint(0); shift <= 3; shift++ {
			got, err := DecodeScaled(bytes.NewReader(b), shift)
			if (err != nil) != (wantErr != nil) {
				t.Fatalf("1/%d: error %v, image/jpeg's %v", 1<<shift, err, wantErr)
			}
			if err != nil {
				continue
			}
			k := 1 << shift
			wb := want.Bounds()
			if gb := got.Bounds(); gb.Dx() != (wb.Dx()+k-1)/k || gb.Dy() != (wb.Dy()+k-1)/k {
				t.Fatalf("1/%d: bounds %v, image/jpeg's %v", k, gb, wb)
			}
		}
	})
}
