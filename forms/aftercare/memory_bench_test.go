package aftercare

import (
	"bytes"
	"errors"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// BenchmarkImportPeakMemory imports photos of the kinds that took hundreds
// of MB (issue 20, 8: progressive JPEG, interlaced and 16-bit PNG) and
// reports the import's peak heap above what was live before it (sampled
// with runtime/metrics every 50 µs, the collector set as the window sets
// it: GOGC 50, 80 MB soft limit), plus the file's bytes, which the import
// holds too ("peak-MB"); its estimate ("est-MB"); "refused" 1 when the
// estimate is over MaxImportBytes. The progressive and interlaced files are
// made with ImageMagick's convert (skipped without it). Run:
//
//	go test -run - -bench ImportPeakMemory -benchtime 1x ./forms/aftercare/
func BenchmarkImportPeakMemory(b *testing.B) {
	type photo struct {
		name    string
		w, h    int
		convert []string // ImageMagick options; nil: Go's baseline JPEG encoder
		ext     string
	}
	for _, p := range []photo{
		{"baseline-12MP", 4000, 3000, nil, ".jpg"},
		{"baseline-24MP-k3", 6000, 4000, nil, ".jpg"},
		{"progressive-12MP-420", 4000, 3000, []string{"-interlace", "JPEG", "-sampling-factor", "2x2"}, ".jpg"},
		{"progressive-12MP-444", 4000, 3000, []string{"-interlace", "JPEG", "-sampling-factor", "1x1"}, ".jpg"},
		{"progressive-20MP-420", 5472, 3648, []string{"-interlace", "JPEG", "-sampling-factor", "2x2"}, ".jpg"},
		{"progressive-24MP-444", 6000, 4000, []string{"-interlace", "JPEG", "-sampling-factor", "1x1"}, ".jpg"},
		{"cmyk-progressive-12MP", 4000, 3000, []string{"-colorspace", "CMYK", "-interlace", "JPEG"}, ".jpg"},
		{"png-interlaced-8bit-3000x2000", 3000, 2000, []string{"-interlace", "PNG", "-depth", "8"}, ".png"},
		{"png-interlaced-16bit-3000x2000", 3000, 2000, []string{"-interlace", "PNG", "-depth", "16", "-define", "png:bit-depth=16", "-define", "png:color-type=2"}, ".png"},
		{"png-interlaced-16bit-2000x1500", 2000, 1500, []string{"-interlace", "PNG", "-depth", "16", "-define", "png:bit-depth=16", "-define", "png:color-type=2"}, ".png"},
		{"png-8bit-4000x3000", 4000, 3000, []string{"-depth", "8"}, ".png"},
	} {
		b.Run(p.name, func(b *testing.B) {
			data := memoryTestPhoto(b, p.w, p.h, p.convert, p.ext)
			format, _ := sniff(data)
			var cfgErr error
			cfg, err := jpegConfig(data)
			if format == "png" {
				cfg, cfgErr = png.DecodeConfig(bytes.NewReader(data))
			} else {
				cfgErr = err
			}
			if cfgErr != nil {
				b.Fatal(cfgErr)
			}
			_, est := planDecode(format, data, cfg)
			defer debug.SetGCPercent(debug.SetGCPercent(50))
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(80 << 20))
			var peak uint64
			refused := 0.0
			for b.Loop() {
				var perr error
				pk := peakHeapDuring(func() { _, perr = Prepare("p"+p.ext, data) })
				peak = max(peak, pk)
				if perr != nil {
					if !errors.Is(perr, ErrTooLarge) {
						b.Fatal(perr)
					}
					refused = 1
				}
			}
			b.ReportMetric(float64(peak+uint64(len(data)))/(1<<20), "peak-MB")
			b.ReportMetric(float64(est)/(1<<20), "est-MB")
			b.ReportMetric(refused, "refused")
			b.ReportMetric(float64(len(data))/(1<<20), "file-MB")
		})
	}
}

// memoryTestPhoto is a photo-like w×h picture encoded by Go (baseline
// JPEG) or converted with ImageMagick's options, cached in the test cache
// folder of the run.
func memoryTestPhoto(b *testing.B, w, h int, opts []string, ext string) []byte {
	b.Helper()
	base := encodeJPEG(b, photoLike(w, h, 11))
	if opts == nil {
		return base
	}
	conv, err := exec.LookPath("convert")
	if err != nil {
		b.Skip("ImageMagick's convert is not installed")
	}
	dir := b.TempDir()
	in, out := filepath.Join(dir, "in.jpg"), filepath.Join(dir, "out"+ext)
	if err := os.WriteFile(in, base, 0o644); err != nil {
		b.Fatal(err)
	}
	args := append(append([]string{in}, opts...), out)
	if msg, err := exec.Command(conv, args...).CombinedOutput(); err != nil {
		b.Fatalf("convert %v: %v %s", args, err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// peakHeapDuring runs f and returns the largest heap (live objects and
// garbage not yet collected) it reached above the heap before it.
func peakHeapDuring(f func()) uint64 {
	runtime.GC()
	base := heapObjects()
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		var p uint64
		t := time.NewTicker(50 * time.Microsecond)
		defer t.Stop()
		for {
			if v := heapObjects(); v > p {
				p = v
			}
			select {
			case <-stop:
				done <- p
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(stop)
	p := <-done
	if p < base {
		return 0
	}
	return p - base
}

func heapObjects() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
