package jpeg

import (
	"bytes"
	"image"
	stdjpeg "image/jpeg"
	"os"
	"path/filepath"
	"testing"
)

func testFiles(t testing.TB) map[string][]byte {
	t.Helper()
	names, err := filepath.Glob("testdata/*.jpeg")
	if err != nil || len(names) < 20 {
		t.Fatalf("testdata: %d files, %v", len(names), err)
	}
	files := map[string][]byte{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(n)] = b
	}
	return files
}

// Unscaled, the copy decodes every test picture (baseline and progressive,
// every subsampling, grey, RGB, CMYK, restart markers) exactly as Go's
// image/jpeg does.
func TestDecodeLikeStandardLibrary(t *testing.T) {
	for name, data := range testFiles(t) {
		want, err := stdjpeg.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: image/jpeg: %v", name, err)
		}
		for _, decode := range []func() (image.Image, error){
			func() (image.Image, error) { return Decode(bytes.NewReader(data)) },
			func() (image.Image, error) { return DecodeScaled(bytes.NewReader(data), 0) },
		} {
			got, err := decode()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if got.Bounds() != want.Bounds() {
				t.Fatalf("%s: bounds %v, image/jpeg %v", name, got.Bounds(), want.Bounds())
			}
			b := want.Bounds()
			for y := b.Min.Y; y < b.Max.Y; y++ {
				for x := b.Min.X; x < b.Max.X; x++ {
					if g, w := got.At(x, y), want.At(x, y); g != w {
						t.Fatalf("%s (%d,%d): %v, image/jpeg %v", name, x, y, g, w)
					}
				}
			}
		}
	}
}

// plane is one channel of a decoded picture, with the samples beyond its
// right and bottom edges that fill the last blocks.
type plane struct {
	pix    []byte
	stride int
	w, h   int // the visible samples
}

func planes(t *testing.T, m image.Image) []plane {
	t.Helper()
	switch m := m.(type) {
	case *image.Gray:
		return []plane{{m.Pix, m.Stride, m.Rect.Dx(), m.Rect.Dy()}}
	case *image.YCbCr:
		c := m.COffset(m.Rect.Max.X-1, m.Rect.Max.Y-1) - m.COffset(m.Rect.Min.X, m.Rect.Min.Y)
		cw, ch := c%m.CStride+1, c/m.CStride+1
		return []plane{
			{m.Y, m.YStride, m.Rect.Dx(), m.Rect.Dy()},
			{m.Cb, m.CStride, cw, ch},
			{m.Cr, m.CStride, cw, ch},
		}
	}
	return nil
}

// decoded returns the channels a decoder wrote, before any conversion to
// RGB or CMYK, with the samples beyond the picture's right and bottom edges
// that fill its last blocks.
func decoded(t *testing.T, data []byte, shift uint) (image.Image, []plane) {
	t.Helper()
	d := decoder{shift: shift}
	m, err := d.decode(bytes.NewReader(data), false)
	if err != nil {
		t.Fatalf("1/%d: %v", 1<<shift, err)
	}
	var p []plane
	if d.img1 != nil {
		p = planes(t, d.img1)
	} else {
		p = planes(t, d.img3)
	}
	if d.blackPix != nil {
		y := p[0]
		p = append(p, plane{d.blackPix, d.blackStride, y.w * d.comp[3].h / d.comp[0].h, y.h * d.comp[3].v / d.comp[0].v})
	}
	return m, p
}

// Scaled by 1/2, 1/4 and 1/8, every sample of every channel (grey, Y, Cb,
// Cr, or R, G, B, or C, M, Y, K, before conversion) is the rounded mean of
// the samples it stands for in the full-size decode, padding included at
// the edges; the picture's sides are the full ones divided and rounded up.
func TestDecodeScaledIsTheBlockMean(t *testing.T) {
	compared := 0
	for name, data := range testFiles(t) {
		full, fp := decoded(t, data, 0)
		for shift := uint(1); shift <= 3; shift++ {
			k := 1 << shift
			got, gp := decoded(t, data, shift)
			fb := full.Bounds()
			if want := image.Rect(0, 0, (fb.Dx()+k-1)/k, (fb.Dy()+k-1)/k); got.Bounds() != want {
				t.Fatalf("%s 1/%d: bounds %v, want %v", name, k, got.Bounds(), want)
			}
			if pub, err := DecodeScaled(bytes.NewReader(data), shift); err != nil || pub.Bounds() != got.Bounds() {
				t.Fatalf("%s: DecodeScaled(1/%d) = %v, %v", name, k, pub.Bounds(), err)
			}
			if len(fp) != len(gp) || len(fp) == 0 {
				t.Fatalf("%s 1/%d: %d channels, full size %d", name, k, len(gp), len(fp))
			}
			for c := range fp {
				f, g := fp[c], gp[c]
				for y := 0; y < g.h; y++ {
					for x := 0; x < g.w; x++ {
						sum := k * k / 2
						for dy := 0; dy < k; dy++ {
							for dx := 0; dx < k; dx++ {
								sum += int(f.pix[(y*k+dy)*f.stride+x*k+dx])
							}
						}
						if want, have := byte(sum>>(2*shift)), g.pix[y*g.stride+x]; have != want {
							t.Fatalf("%s 1/%d channel %d (%d,%d): %d, want the mean %d", name, k, c, x, y, have, want)
						}
						compared++
					}
				}
			}
		}
	}
	if compared < 100000 {
		t.Errorf("compared %d samples, want at least 100,000", compared)
	}
}

func TestDecodeScaledRefusesBelowAnEighth(t *testing.T) {
	data := testFiles(t)["video-001.jpeg"]
	if _, err := DecodeScaled(bytes.NewReader(data), 4); err == nil {
		t.Error("DecodeScaled(…, 4) = nil error, want a refusal")
	}
}
