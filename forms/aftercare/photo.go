package aftercare

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/rwcarlsen/goexif/exif"
	"golang.org/x/image/draw"
	"golang.org/x/image/math/f64"

	"shenbao/forms"
	"shenbao/forms/atomicfile"
	scaledjpeg "shenbao/forms/third_party/jpeg"
	"shenbao/forms/usererr"
)

// Limits of imported photos.
const (
	// MaxLongSide is the longest side of a stored photo in pixels; larger
	// photos are scaled down on import (a 2,000-pixel side prints sharply
	// across an A4 page at about 300 dpi).
	MaxLongSide = 2000
	// MaxPixels is the largest picture accepted (width × height). Its
	// dimensions are read before decoding, so a small file claiming a huge
	// picture (a decompression bomb) is refused without allocating it.
	MaxPixels = 50_000_000
	// MaxFileBytes is the largest file accepted.
	MaxFileBytes = 60 << 20
	// JPEGQuality is the quality photos are re-encoded with.
	JPEGQuality = 85
)

// Scaler is the resampling that finishes scaling a photo down, after an
// exact box average by the largest whole factor has left a factor below 2
// (see scaleDown). At that factor bilinear sampling does not visibly alias;
// ApproxBiLinear was measured (docs/after-selection.md) to be about twice as
// fast as CatmullRom and BiLinear, which allocate a float64 buffer of the
// whole intermediate picture (about 100 MB for a phone photo).
var Scaler draw.Interpolator = draw.ApproxBiLinear

// PhotoError is a photo refused on import, or a stored photo that cannot be
// used, with a Chinese sentence that says what is wrong and what to do.
// Nothing is stored. It is the program's one user-facing error type
// (usererr.Error); Path is the photo's file name.
type PhotoError = usererr.Error

// Causes of refusal, for errors.Is.
var (
	ErrNotImage  = errors.New("not a JPEG or PNG image")
	ErrTruncated = errors.New("image data truncated or corrupt")
	ErrTooLarge  = errors.New("image dimensions too large")
	ErrFileSize  = errors.New("file too large")
)

// Format sniffing by content: the first bytes of the file, never its name.
var (
	magicJPEG = []byte{0xFF, 0xD8, 0xFF}
	magicPNG  = []byte("\x89PNG\r\n\x1a\n")
)

// sniff names what the data is: "jpeg", "png", or a Chinese description of
// another kind of file.
func sniff(b []byte) (format, other string) {
	switch {
	case bytes.HasPrefix(b, magicJPEG):
		return "jpeg", ""
	case bytes.HasPrefix(b, magicPNG):
		return "png", ""
	case len(b) >= 12 && string(b[4:8]) == "ftyp" && strings.Contains("heic heix hevc mif1 msf1 heim heis avif", string(b[8:12])):
		return "", "HEIC/HEIF照片（苹果手机默认格式）：请在手机“设置-相机-格式”中选“兼容性最佳”后重新拍摄，或用“照片”应用导出为JPEG"
	case bytes.HasPrefix(b, []byte("GIF8")):
		return "", "GIF动图"
	case bytes.HasPrefix(b, []byte("BM")):
		return "", "BMP位图"
	case len(b) >= 12 && string(b[0:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return "", "WebP图片"
	case bytes.HasPrefix(b, []byte("II*\x00")), bytes.HasPrefix(b, []byte("MM\x00*")):
		return "", "TIFF图片"
	case bytes.HasPrefix(b, []byte("%PDF")):
		return "", "PDF文档"
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return "", "压缩包或Word/Excel文档"
	case len(b) == 0:
		return "", "空文件"
	}
	return "", "文字或其他类型的文件"
}

// Prepared is a photo ready to be stored: re-encoded JPEG bytes and the
// stored picture's size.
type Prepared struct {
	JPEG          []byte
	Width, Height int
	// SourceWidth and SourceHeight are the original picture's size, as
	// displayed (after EXIF orientation).
	SourceWidth, SourceHeight int
}

// Prepare checks a photo file's bytes and turns them into the stored form:
// JPEG or PNG only (by content), at most MaxPixels (checked before
// decoding), EXIF orientation applied, scaled down to MaxLongSide, composed
// on white where transparent, re-encoded as JPEG. name is the file's name,
// for messages only.
func Prepare(name string, data []byte) (*Prepared, error) {
	base := filepath.Base(name)
	refuse := func(cause error, format string, args ...any) error {
		return &PhotoError{Code: usererr.BadImage, Path: base, Err: cause, Message: fmt.Sprintf("照片 “%s” 无法导入：", base) + fmt.Sprintf(format, args...)}
	}
	if len(data) > MaxFileBytes {
		return nil, refuse(ErrFileSize, "文件有%.0f MB，超过%d MB。请先用看图软件另存为较小的JPEG。", float64(len(data))/(1<<20), MaxFileBytes>>20)
	}
	format, other := sniff(data)
	if format == "" {
		return nil, refuse(ErrNotImage, "它不是JPEG或PNG图片，而是%s（按文件内容判断，与扩展名无关）。请选择JPEG（.jpg）或PNG（.png）格式的照片。", other)
	}
	var (
		cfg image.Config
		err error
	)
	if format == "jpeg" {
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
	} else {
		cfg, err = png.DecodeConfig(bytes.NewReader(data))
	}
	if err != nil {
		return nil, refuse(fmt.Errorf("%w: %v", ErrTruncated, err), "图片文件已损坏或不完整（可能没有下载或复制完）。请重新从相机或手机导出这张照片。")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return nil, refuse(ErrTooLarge, "图片尺寸为%d×%d像素（约%.0f万像素），超过本程序接受的%d万像素。请先用看图软件缩小后再导入。", cfg.Width, cfg.Height, float64(cfg.Width)*float64(cfg.Height)/1e4, MaxPixels/10000)
	}
	shift, cost := planDecode(format, data, cfg)
	if cost > MaxImportBytes {
		kind := "这张"
		switch {
		case format == "jpeg" && isProgressive(data):
			kind = "这张渐进式JPEG"
		case format == "png" && pngInterlaced(data):
			kind = "这张隔行扫描的PNG"
		case format == "png":
			kind = "这张PNG"
		}
		return nil, refuse(ErrTooLarge, "%s图片（%d×%d像素）导入时约需%d MB内存，超过本程序为一张照片留出的%d MB。请先用看图软件把它另存为普通JPEG（或缩小尺寸）后再导入。", kind, cfg.Width, cfg.Height, cost>>20, MaxImportBytes>>20)
	}
	// What is needed of the file's bytes besides its pixels is taken
	// before decoding: nothing holds on to them while the picture is
	// scaled.
	orient := 1
	if format == "jpeg" {
		orient = exifOrientation(data)
	}
	outHint := len(data) / 2
	out, err := decodeScaled(format, data, cfg.Width, cfg.Height, orient, shift)
	if err != nil {
		return nil, refuse(fmt.Errorf("%w: %v", ErrTruncated, err), "图片数据不完整或已损坏（文件可能没有下载或复制完）。请重新从相机或手机导出这张照片。")
	}
	var buf bytes.Buffer
	buf.Grow(outHint)
	if err := jpeg.Encode(&buf, out, &jpeg.Options{Quality: JPEGQuality}); err != nil {
		return nil, refuse(err, "重新编码时出错（%v）。", err)
	}
	sw, sh := cfg.Width, cfg.Height
	if orient >= 5 {
		sw, sh = sh, sw
	}
	b := out.Bounds()
	return &Prepared{JPEG: buf.Bytes(), Width: b.Dx(), Height: b.Dy(), SourceWidth: sw, SourceHeight: sh}, nil
}

// exifOrientation reads the EXIF orientation tag (1–8) of a JPEG; 1 (as
// shot) when there is none or it cannot be read. A broken EXIF block never
// refuses a photo whose pixels decode.
func exifOrientation(data []byte) (o int) {
	defer func() {
		if recover() != nil {
			o = 1
		}
	}()
	block := exifBlock(data)
	if block == nil {
		return 1
	}
	x, err := exif.Decode(bytes.NewReader(block))
	if err != nil {
		return 1
	}
	tag, err := x.Get(exif.Orientation)
	if err != nil {
		return 1
	}
	v, err := tag.Int(0)
	if err != nil || v < 1 || v > 8 {
		return 1
	}
	return v
}

// exifBlock is the payload of a JPEG's EXIF segment (APP1 starting
// "Exif\x00\x00"), found by walking the segments before the picture data;
// nil when there is none. Handing only this to the EXIF reader spares it
// scanning a whole photo that has no EXIF (about 5 MB of allocations and
// 10 ms for a 12-megapixel one).
func exifBlock(data []byte) []byte {
	i := 2 // after SOI
	for i+4 <= len(data) {
		if data[i] != 0xFF {
			return nil
		}
		m := data[i+1]
		switch {
		case m == 0xFF: // fill byte
			i++
			continue
		case m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7): // no length
			i += 2
			continue
		case m == 0xDA || m == 0xD9: // start of scan, end of image
			return nil
		}
		n := int(data[i+2])<<8 | int(data[i+3])
		if n < 2 || i+2+n > len(data) {
			return nil
		}
		seg := data[i+4 : i+2+n]
		if m == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			return seg
		}
		i += 2 + n
	}
	return nil
}

// decodeScaled decodes a JPEG or PNG file of w×h pixels and returns the
// picture as it is stored: scaled down to MaxLongSide, turned by the EXIF
// orientation o, opaque. The shrinking is scaleTo's (an exact box average
// by the largest whole factor k, then resampling for what is left),
// and a JPEG does the first part of the box while it is decoded: at 1/2,
// 1/4 or 1/8 of its size (third_party/jpeg, each block of samples shrunk by
// its mean), by the largest power of two that divides k. So a 12-megapixel
// photo (k = 2) is never whole in memory: 4.5 MB of YCbCr samples instead of
// 18 MB; one whose k is odd (6000×4000: 3) is decoded whole as before. When
// the decoded JPEG already is the stored size and needs no turning, it is
// stored as decoded (a JPEG encoder takes YCbCr as it is); otherwise only
// the decoded picture and the stored one are ever whole in memory at once.
//
// shift is the scale to decode a JPEG at (planDecode: jpegShift's unless
// memory asks for a smaller one).
func decodeScaled(format string, data []byte, w, h, o int, shift uint) (image.Image, error) {
	var (
		img image.Image
		err error
	)
	if format == "jpeg" {
		img, err = scaledjpeg.DecodeScaled(bytes.NewReader(data), shift)
		if err == nil && shift > 0 {
			// Whole blocks only, as the box drops a partial last
			// column or row: the decoded one mixes in the JPEG's padding.
			img = crop(img, image.Rect(0, 0, w>>shift, h>>shift))
		}
	} else {
		img, err = png.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return nil, err
	}
	tw, th := fitSize(w, h, MaxLongSide)
	if b := img.Bounds(); format == "jpeg" && (o <= 1 || o > 8) && b.Dx() == tw && b.Dy() == th {
		switch img.(type) {
		case *image.YCbCr, *image.Gray:
			return img, nil // opaque, the stored size, as shot
		}
	}
	return scaleTo(img, tw, th, o), nil
}

// crop is the part r of a decoded JPEG (whose types all have SubImage).
func crop(img image.Image, r image.Rectangle) image.Image {
	if s, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	}); ok {
		return s.SubImage(r)
	}
	return img
}

// fitSize is the size of a w×h picture scaled down so that its longer side
// is at most max pixels (the size itself when it fits).
func fitSize(w, h, max int) (int, int) {
	if w > max || h > max {
		if w >= h {
			h = int((int64(h)*int64(max) + int64(w)/2) / int64(w))
			w = max
		} else {
			w = int((int64(w)*int64(max) + int64(h)/2) / int64(h))
			h = max
		}
		w, h = atLeast1(w), atLeast1(h)
	}
	return w, h
}

// jpegShift is the scale, as a shift (0 to 3), at which to decode a w×h
// JPEG that is stored at most max pixels on its long side: the largest
// power of two, up to 8, that divides the whole factor k = min(w/tw, h/th)
// by which scaleTo's box average shrinks it (tw×th the stored size).
// Decoding at 1/2^s and boxing by k/2^s then gives the box by k, so the
// stored picture is the one a full decode gives, to rounding.
func jpegShift(w, h, max int) uint {
	tw, th := fitSize(w, h, max)
	k := min(w/tw, h/th)
	s := uint(0)
	for s < 3 && k%(2<<s) == 0 {
		s++
	}
	return s
}

// scaleTo returns an opaque RGBA picture of img scaled to w×h (no larger
// than img) and turned by the EXIF orientation o (1 when as shot);
// transparent areas become white. CMYK and grey pictures are converted to
// RGB here. Shrinking is done in two steps: an exact box average by the
// largest whole factor (every source pixel counts once, so nothing
// aliases, and it is fast), read straight from the decoded picture a few
// rows at a time, then Scaler for the remaining factor, which is below 2.
// The turning is done by whichever step writes the result, so no full-size
// copy of the picture is ever made.
func scaleTo(img image.Image, w, h, o int) *image.RGBA {
	sb := img.Bounds()
	if o < 1 || o > 8 {
		o = 1
	}
	if k := min(sb.Dx()/w, sb.Dy()/h); k >= 2 {
		if sb.Dx()/k == w && sb.Dy()/k == h {
			return boxShrink(img, k, o)
		}
		return resample(boxShrink(img, k, 1), w, h, o)
	}
	if sb.Dx() == w && sb.Dy() == h {
		// Small enough already: an opaque copy, turned.
		op := draw.Src
		if !isOpaque(img) {
			op = draw.Over
		}
		if o != 1 {
			return copyTurned(img, op, o)
		}
		rgba := image.NewRGBA(image.Rect(0, 0, w, h))
		if op == draw.Over {
			draw.Draw(rgba, rgba.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
		}
		draw.Draw(rgba, rgba.Bounds(), img, sb.Min, op)
		return rgba
	}
	return resample(img, w, h, o)
}

// resample scales src to w×h with Scaler, turned by orientation o (the
// result is h×w for orientations 5–8), on white where src is transparent.
func resample(src image.Image, w, h, o int) *image.RGBA {
	sb := src.Bounds()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	op := draw.Src
	if !isOpaque(src) {
		draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
		op = draw.Over
	}
	run := func(band *image.RGBA) {
		if o == 1 {
			Scaler.Scale(band, dst.Bounds(), src, sb, op, nil)
			return
		}
		Scaler.Transform(band, orientAff(o, sb, w, h), src, sb, op, nil)
	}
	if _, ok := Scaler.(*draw.Kernel); ok {
		// A kernel scaler's first pass covers the whole source whatever
		// the clip: banding would repeat it.
		run(dst)
		return dst
	}
	// Each band of rows is scaled on its own CPU: the whole picture is
	// mapped and each band's sub-image clips the writes to its rows.
	parallelRows(dh, func(y0, y1 int) {
		run(dst.SubImage(image.Rect(0, y0, dw, y1)).(*image.RGBA))
	})
	return dst
}

// orientAff is the affine map from the source rectangle sb to a w×h
// picture turned by orientation o (the one orientXY applies to pixels).
func orientAff(o int, sb image.Rectangle, w, h int) f64.Aff3 {
	ax, ay := float64(w)/float64(sb.Dx()), float64(h)/float64(sb.Dy())
	// u = ax·x + cu and v = ay·y + cv are the scaled, unturned coordinates.
	cu, cv := -ax*float64(sb.Min.X), -ay*float64(sb.Min.Y)
	fw, fh := float64(w), float64(h)
	switch o {
	case 2: // (w-u, v)
		return f64.Aff3{-ax, 0, fw - cu, 0, ay, cv}
	case 3: // (w-u, h-v)
		return f64.Aff3{-ax, 0, fw - cu, 0, -ay, fh - cv}
	case 4: // (u, h-v)
		return f64.Aff3{ax, 0, cu, 0, -ay, fh - cv}
	case 5: // (v, u)
		return f64.Aff3{0, ay, cv, ax, 0, cu}
	case 6: // (h-v, u)
		return f64.Aff3{0, -ay, fh - cv, ax, 0, cu}
	case 7: // (h-v, w-u)
		return f64.Aff3{0, -ay, fh - cv, -ax, 0, fw - cu}
	case 8: // (v, w-u)
		return f64.Aff3{0, ay, cv, -ax, 0, fw - cu}
	}
	return f64.Aff3{ax, 0, cu, 0, ay, cv}
}

// boxShrink averages each k×k block of img into one pixel (the last
// partial row and column of blocks are dropped), on white where img is
// transparent, and writes the result turned by orientation o. A decoded
// JPEG is averaged in YCbCr (the conversion to RGB is affine, so the
// result is the same); any other picture is drawn into an opaque buffer
// one source row at a time. Bands of output rows run on their own CPUs.
func boxShrink(img image.Image, k, o int) *image.RGBA {
	sb := img.Bounds()
	sw, sh := sb.Dx()/k, sb.Dy()/k
	dw, dh := sw, sh
	if o >= 5 {
		dw, dh = sh, sw
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	n := uint32(k * k)
	ycc, isYCC := img.(*image.YCbCr)
	opaque := isOpaque(img)
	parallelRows(sh, func(y0, y1 int) {
		sums := make([]uint32, sw*3)
		var row *image.RGBA
		if !isYCC {
			row = image.NewRGBA(image.Rect(0, 0, sb.Dx(), 1))
		}
		for y := y0; y < y1; y++ {
			if isYCC {
				boxRowYCbCr(ycc, sums, y, k)
			} else {
				boxRowAny(img, opaque, row, sums, y, k)
			}
			for x := 0; x < sw; x++ {
				r, g, b := uint8((sums[x*3]+n/2)/n), uint8((sums[x*3+1]+n/2)/n), uint8((sums[x*3+2]+n/2)/n)
				if isYCC {
					r, g, b = color.YCbCrToRGB(r, g, b)
				}
				dx, dy := orientXY(o, x, y, sw, sh)
				i := dy*dst.Stride + dx*4
				dst.Pix[i], dst.Pix[i+1], dst.Pix[i+2], dst.Pix[i+3] = r, g, b, 255
			}
		}
	})
	return dst
}

// boxRowYCbCr sums the Y, Cb and Cr samples of the k×k blocks of output
// row y into sums (three per output pixel).
func boxRowYCbCr(src *image.YCbCr, sums []uint32, y, k int) {
	r := src.Rect
	sw := len(sums) / 3
	clear(sums)
	for dy := 0; dy < k; dy++ {
		sy := r.Min.Y + y*k + dy
		yrow := src.Y[(sy-r.Min.Y)*src.YStride:]
		for x := 0; x < sw; x++ {
			var yy, cb, cr uint32
			for dx := 0; dx < k; dx++ {
				sx := r.Min.X + x*k + dx
				yy += uint32(yrow[sx-r.Min.X])
				ci := src.COffset(sx, sy)
				cb += uint32(src.Cb[ci])
				cr += uint32(src.Cr[ci])
			}
			sums[x*3] += yy
			sums[x*3+1] += cb
			sums[x*3+2] += cr
		}
	}
}

// boxRowAny is boxRowYCbCr for any other picture: each of the k source
// rows is drawn into row (one row of RGBA, on white unless img is opaque)
// and its red, green and blue summed.
func boxRowAny(img image.Image, opaque bool, row *image.RGBA, sums []uint32, y, k int) {
	sb := img.Bounds()
	sw := len(sums) / 3
	clear(sums)
	for dy := 0; dy < k; dy++ {
		op := draw.Src
		if !opaque {
			for i := range row.Pix {
				row.Pix[i] = 255
			}
			op = draw.Over
		}
		draw.Draw(row, row.Rect, img, image.Pt(sb.Min.X, sb.Min.Y+y*k+dy), op)
		for x := 0; x < sw; x++ {
			p := row.Pix[x*k*4 : x*k*4+k*4]
			var r, g, b uint32
			for i := 0; i < len(p); i += 4 {
				r += uint32(p[i])
				g += uint32(p[i+1])
				b += uint32(p[i+2])
			}
			sums[x*3] += r
			sums[x*3+1] += g
			sums[x*3+2] += b
		}
	}
}

// parallelRows runs f over [0, rows) split into one band per CPU (at most
// 8), each band in its own goroutine, and waits for all.
func parallelRows(rows int, f func(y0, y1 int)) {
	bands := min(runtime.GOMAXPROCS(0), 8, rows)
	if bands <= 1 {
		f(0, rows)
		return
	}
	var wg sync.WaitGroup
	for i := 0; i < bands; i++ {
		y0, y1 := rows*i/bands, rows*(i+1)/bands
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(y0, y1)
		}()
	}
	wg.Wait()
}

func atLeast1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

func isOpaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}

// orientXY is where pixel (x, y) of a w×h picture stored with EXIF
// orientation o goes in the picture as it should be seen (orientation 1).
func orientXY(o, x, y, w, h int) (int, int) {
	switch o {
	case 2: // mirrored horizontally
		return w - 1 - x, y
	case 3: // rotated 180°
		return w - 1 - x, h - 1 - y
	case 4: // mirrored vertically
		return x, h - 1 - y
	case 5: // transposed
		return y, x
	case 6: // rotated 90° clockwise to view
		return h - 1 - y, x
	case 7: // transversed
		return h - 1 - y, w - 1 - x
	case 8: // rotated 90° counter-clockwise to view
		return y, w - 1 - x
	}
	return x, y
}

// copyTurned is an opaque RGBA copy of img (op draw.Over puts it on
// white), turned by orientation o (2–8), made a row at a time so that no
// unturned copy of the whole picture is made.
func copyTurned(img image.Image, op draw.Op, o int) *image.RGBA {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	row := image.NewRGBA(image.Rect(0, 0, w, 1))
	for y := 0; y < h; y++ {
		if op == draw.Over {
			draw.Draw(row, row.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
		}
		draw.Draw(row, row.Bounds(), img, image.Pt(b.Min.X, b.Min.Y+y), op)
		for x := 0; x < w; x++ {
			dx, dy := orientXY(o, x, y, w, h)
			di := dst.PixOffset(dx, dy)
			copy(dst.Pix[di:di+4], row.Pix[4*x:4*x+4])
		}
	}
	return dst
}

// FilesDir is the folder next to a draft file that holds its imported
// photos: "报告.shenbao.json" keeps them in "报告.files".
func FilesDir(draftPath string) string {
	return strings.TrimSuffix(draftPath, forms.DraftExt) + ".files"
}

// PhotoPath is the full path of a stored photo of a draft.
func PhotoPath(draftPath string, p forms.Photo) string {
	return filepath.Join(FilesDir(draftPath), filepath.Base(p.File))
}

// ImportPhoto reads a photo file, prepares it (see Prepare) and stores it in
// the draft's files folder under a name made from its content, so importing
// the same photo twice stores it once. The returned Photo (without caption)
// is what the draft keeps.
func ImportPhoto(draftPath, srcPath string) (forms.Photo, error) {
	base := filepath.Base(srcPath)
	if st, err := os.Stat(srcPath); err == nil && !st.Mode().IsRegular() {
		// a FIFO or device would block or never end
		return forms.Photo{}, &PhotoError{Code: usererr.NotOurs, Path: base, Err: ErrNotRegular, Message: fmt.Sprintf("照片 “%s” 无法导入：它%s，不是照片文件。请选择JPEG（.jpg）或PNG（.png）格式的照片。", base, fileKind(st.Mode()))}
	}
	f, err := os.Open(srcPath)
	if err != nil {
		return forms.Photo{}, &PhotoError{Code: usererr.NotExist, Path: base, Err: err, Message: fmt.Sprintf("无法读取照片 “%s”：文件不存在或没有读取权限。", base)}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return forms.Photo{}, &PhotoError{Code: usererr.Corrupt, Path: base, Err: err, Message: fmt.Sprintf("读取照片 “%s” 时出错，请把照片复制到本机硬盘后再导入。", base)}
	}
	p, err := Prepare(srcPath, data)
	if err != nil {
		return forms.Photo{}, err
	}
	return StorePrepared(draftPath, base, p)
}

// StorePrepared writes a prepared photo into the draft's files folder
// (atomically, with forms/atomicfile: a partly written file is never left
// under the final name).
func StorePrepared(draftPath, original string, p *Prepared) (forms.Photo, error) {
	sum := sha256.Sum256(p.JPEG)
	name := "photo-" + hex.EncodeToString(sum[:6]) + ".jpg"
	ph := forms.Photo{File: name, Width: p.Width, Height: p.Height, Original: original}
	dir := FilesDir(draftPath)
	fail := func(err error) (forms.Photo, error) {
		code, reason := usererr.Reason(err)
		return forms.Photo{}, &PhotoError{Code: code, Path: original, Err: err, Message: fmt.Sprintf("无法把照片保存到文件夹 “%s”（%s）：%s", filepath.Base(dir), reason, usererr.Advice(code))}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(err)
	}
	dst := filepath.Join(dir, name)
	if _, err := os.Stat(dst); err == nil {
		return ph, nil
	}
	if err := atomicfile.WriteFile(dst, p.JPEG, atomicfile.Options{}); err != nil {
		var ue *usererr.Error
		if errors.As(err, &ue) && ue.Err != nil {
			return fail(ue.Err)
		}
		return fail(err)
	}
	return ph, nil
}

// ReadPhoto returns a stored photo's JPEG bytes, read as carefully as an
// imported photo (readStored: a regular file, bounded, a JPEG of at most
// MaxStoredSide a side), with a Chinese message when the file is missing
// (e.g. the draft was copied without its files folder) or is not a whole
// JPEG picture (it used to reach the PDF writer and fail there with
// “image: unknown format”).
func ReadPhoto(draftPath string, p forms.Photo) ([]byte, error) {
	b, _, err := readStored(PhotoPath(draftPath, p))
	return b, err
}
