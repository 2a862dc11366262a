package aftercare

import (
	"testing"

	"golang.org/x/image/draw"
)

// photo12MP is a 4000×3000 synthetic camera photo as JPEG (quality 90).
func photo12MP(b *testing.B) []byte {
	b.Helper()
	return encodeJPEG(b, synthetic(4000, 3000))
}

// BenchmarkPrepare12MP imports a 12-megapixel photo: sniff, read the
// header, decode, scale to 2000×1500, re-encode (target ≤ 500 ms).
func BenchmarkPrepare12MP(b *testing.B) {
	for _, s := range []struct {
		name string
		s    draw.Interpolator
	}{{"CatmullRom", draw.CatmullRom}, {"BiLinear", draw.BiLinear}, {"ApproxBiLinear", draw.ApproxBiLinear}} {
		b.Run(s.name, func(b *testing.B) {
			data := photo12MP(b)
			if testing.Short() {
				data = encodeJPEG(b, synthetic(4032, 3024))
			}
			old := Scaler
			Scaler = s.s
			defer func() { Scaler = old }()
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := Prepare("p.jpg", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
