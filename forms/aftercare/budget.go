package aftercare

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
)

// MaxImportBytes is the memory one photo import may hold at its peak: the
// file's bytes, what the decoder keeps (a progressive JPEG's coefficients,
// the decoded samples at the scale decoded, a PNG's whole picture and, when
// interlaced, its seven passes), and the scaled pictures. The window's
// target for a whole session is 200 MB. A photo whose estimate is over it
// is refused before decoding (docs/after-selection.md, “Memory”).
const MaxImportBytes = 100 << 20

// jpegFrame is what a JPEG's frame header (SOFn) says.
type jpegFrame struct {
	progressive bool
	w, h        int
	hv          [][2]int // each component's sampling factors
}

// readJPEGFrame finds the frame header by walking the segments before the
// picture data; ok is false when there is none (the decoder says why).
func readJPEGFrame(data []byte) (f jpegFrame, ok bool) {
	i := 2
	for i+4 <= len(data) {
		if data[i] != 0xFF {
			return f, false
		}
		m := data[i+1]
		switch {
		case m == 0xFF:
			i++
			continue
		case m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7):
			i += 2
			continue
		case m == 0xDA || m == 0xD9:
			return f, false
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return f, false
		}
		seg := data[i+4 : i+2+n]
		if m == 0xC0 || m == 0xC1 || m == 0xC2 {
			if len(seg) < 6 {
				return f, false
			}
			f.progressive = m == 0xC2
			f.h, f.w = int(binary.BigEndian.Uint16(seg[1:])), int(binary.BigEndian.Uint16(seg[3:]))
			nc := int(seg[5])
			if nc < 1 || nc > 4 || len(seg) < 6+3*nc {
				return f, false
			}
			for c := 0; c < nc; c++ {
				hv := seg[6+3*c+1]
				f.hv = append(f.hv, [2]int{max(1, int(hv>>4)), max(1, int(hv&15))})
			}
			return f, true
		}
		i += 2 + n
	}
	return f, false
}

// blocks is how many 8×8 blocks each component of the frame has, as the
// decoder allocates them (whole MCUs).
func (f jpegFrame) blocks() []int {
	h0, v0 := f.hv[0][0], f.hv[0][1]
	mxx, myy := (f.w+8*h0-1)/(8*h0), (f.h+8*v0-1)/(8*v0)
	out := make([]int, len(f.hv))
	for c, hv := range f.hv {
		out[c] = mxx * myy * hv[0] * hv[1]
	}
	return out
}

// importCost estimates the bytes an import of a w×h picture holds at its
// peak when a JPEG is decoded at 1/(1<<shift) of its size.
func importCost(format string, data []byte, cfg image.Config, shift uint) int64 {
	cost := int64(len(data))
	w, h := cfg.Width, cfg.Height
	sw, sh := w, h
	switch format {
	case "jpeg":
		f, ok := readJPEGFrame(data)
		if !ok {
			return cost + int64(w)*int64(h)*4
		}
		for _, n := range f.blocks() {
			if f.progressive {
				cost += int64(n) * 64 * 2 // int16 coefficients
			}
			cost += int64(n) * 64 >> (2 * shift) * 11 / 10 // samples, and 10% for the decoder's own
		}
		sw, sh = w>>shift, h>>shift
		if len(f.hv) == 4 {
			cost += int64(sw) * int64(sh) * 4 // converted to CMYK
		}
	case "png":
		pix := int64(w) * int64(h) * int64(pngBytesPerPixel(cfg.ColorModel))
		cost += pix * 11 / 10 // and 10% for the decoder's own
		if pngInterlaced(data) {
			cost += pix // the seven passes, each its own picture merged into the whole
		}
	}
	// the scaled pictures: a box average, resampled, re-encoded
	tw, th := fitSize(w, h, MaxLongSide)
	out := int64(tw) * int64(th) * 4
	if k := min(sw/tw, sh/th); k >= 2 && (sw/k != tw || sh/k != th) {
		cost += int64(sw/k) * int64(sh/k) * 4
	}
	// the re-encoded JPEG's buffer starts at half the file's size
	return cost + out + max(out/4, int64(len(data))/2)
}

// pngBytesPerPixel is what Go's PNG decoder holds a pixel in.
func pngBytesPerPixel(m color.Model) int {
	switch m {
	case color.GrayModel:
		return 1
	case color.Gray16Model:
		return 2
	case color.RGBA64Model, color.NRGBA64Model:
		return 8
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 4
}

// pngInterlaced reads the interlace method of a PNG's header.
func pngInterlaced(data []byte) bool {
	return len(data) > 28 && bytes.Equal(data[12:16], []byte("IHDR")) && data[28] == 1
}

// planDecode is the scale at which to decode a JPEG (jpegShift's, or a
// smaller one when that one's samples do not fit MaxImportBytes and the
// smaller still covers the stored size) and the import's estimated peak.
func planDecode(format string, data []byte, cfg image.Config) (uint, int64) {
	if format != "jpeg" {
		return 0, importCost(format, data, cfg, 0)
	}
	shift := jpegShift(cfg.Width, cfg.Height, MaxLongSide)
	cost := importCost(format, data, cfg, shift)
	tw, th := fitSize(cfg.Width, cfg.Height, MaxLongSide)
	for s := shift + 1; cost > MaxImportBytes && s <= 3 && cfg.Width>>s >= tw && cfg.Height>>s >= th; s++ {
		shift, cost = s, importCost(format, data, cfg, s)
	}
	return shift, cost
}

// isProgressive reports whether a JPEG is progressive.
func isProgressive(data []byte) bool {
	f, ok := readJPEGFrame(data)
	return ok && f.progressive
}

// jpegConfig is a JPEG's configuration (its size).
func jpegConfig(data []byte) (image.Config, error) {
	return jpeg.DecodeConfig(bytes.NewReader(data))
}
