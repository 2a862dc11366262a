package aftercare

import (
	"bytes"
	"image"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/image/draw"

	"shenbao/forms"
)

// BenchmarkPrepare12MP imports a 12-megapixel photo: sniff, read the
// header, decode, scale to 2000×1500, re-encode (target ≤ 500 ms).
func BenchmarkPrepare12MP(b *testing.B) {
	for _, s := range []struct {
		name string
		s    draw.Interpolator
	}{{"CatmullRom", draw.CatmullRom}, {"BiLinear", draw.BiLinear}, {"ApproxBiLinear", draw.ApproxBiLinear}} {
		b.Run(s.name, func(b *testing.B) {
			data := encodeJPEG(b, photoLike(4000, 3000, 7))
			if testing.Short() {
				// a phone's 4032×3024: box by 2, then bilinear to 2000
				data = encodeJPEG(b, photoLike(4032, 3024, 7))
			}
			old := Scaler
			Scaler = s.s
			defer func() { Scaler = old }()
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			b.ResetTimer()
			cpu := cpuTime()
			for i := 0; i < b.N; i++ {
				if _, err := Prepare("p.jpg", data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
		})
	}
}

// BenchmarkPreparePhonePortrait imports a phone's portrait photo: 4032×3024
// stored sideways with EXIF orientation 6, so it is boxed by 2, resampled
// and turned to 1500×2000 (the turning is done by the resampling, with no
// copy of its own). Run with -benchmem: B/op is what one import allocates.
func BenchmarkPreparePhonePortrait(b *testing.B) {
	data := withOrientation(b, encodeJPEG(b, photoLike(4032, 3024, 7)), 6)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		p, err := Prepare("p.jpg", data)
		if err != nil {
			b.Fatal(err)
		}
		if p.Width != 1500 || p.Height != 2000 {
			b.Fatalf("stored %d×%d", p.Width, p.Height)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
}

// photoLike is a synthetic picture with the fine detail of a real photo
// (gradients, edges and sensor-like noise), so that its JPEG is about as
// large as a camera's: about 2.5 bits per pixel at quality 90.
func photoLike(w, h int, seed uint32) *image.RGBA {
	img := synthetic(w, h)
	s := seed | 1
	for i := 0; i < len(img.Pix); i += 4 {
		// xorshift32 noise, ±24 levels
		s ^= s << 13
		s ^= s >> 17
		s ^= s << 5
		n := int(s%49) - 24
		for c := 0; c < 3; c++ {
			v := int(img.Pix[i+c]) + n
			img.Pix[i+c] = uint8(max(0, min(255, v)))
		}
	}
	return img
}

// BenchmarkExportReport3Photos renders the information report with three
// imported photos (2000 px, from 12-megapixel originals) as PDF and as
// DOCX (targets: ≤ 300 ms, PDF ≤ 2 MB). The photos are read from the
// draft's files folder on every export, as the program does.
func BenchmarkExportReport3Photos(b *testing.B) {
	d := selectedSample(b, "speech", forms.NewDate(2024, 10, 18))
	dir := b.TempDir()
	draft := filepath.Join(dir, "d.shenbao.json")
	for i := 0; i < 3; i++ {
		src := filepath.Join(dir, "src.jpg")
		if err := os.WriteFile(src, encodeJPEG(b, photoLike(4000, 3000, uint32(i+1))), 0o644); err != nil {
			b.Fatal(err)
		}
		ph, err := ImportPhoto(draft, src)
		if err != nil {
			b.Fatal(err)
		}
		ph.Caption = "照片"
		d.Reports.Info.Photos = append(d.Reports.Info.Photos, ph)
	}
	for _, w := range []struct {
		name  string
		write func(io.Writer, string, *forms.Call, *forms.Draft, PhotoLoader, time.Time) error
	}{{"PDF", WritePDF}, {"DOCX", WriteDOCX}} {
		b.Run(w.name, func(b *testing.B) {
			var size int
			cpu := cpuTime()
			for i := 0; i < b.N; i++ {
				var buf bytes.Buffer
				if err := w.write(&buf, forms.ItemReport, forms.Default(), d, DraftPhotos(draft), generated); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size)/(1<<20), "MB/file")
			b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
		})
	}
}
