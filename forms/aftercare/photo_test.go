package aftercare

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/image/draw"

	"shenbao/forms"
)

// synthetic draws a picture with structure (gradients and a grid), so that
// JPEG encoding and scaling do real work.
func synthetic(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			i := img.PixOffset(x, y)
			img.Pix[i] = uint8(x * 255 / w)
			img.Pix[i+1] = uint8(y * 255 / h)
			if (x/64+y/64)%2 == 0 {
				img.Pix[i+2] = 200
			}
			img.Pix[i+3] = 255
		}
	}
	return img
}

func encodeJPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withOrientation inserts an EXIF APP1 segment with the given orientation
// right after the JPEG's SOI marker.
func withOrientation(t testing.TB, jpg []byte, o uint16) []byte {
	t.Helper()
	var tiff bytes.Buffer
	tiff.WriteString("MM\x00\x2a")
	_ = binary.Write(&tiff, binary.BigEndian, uint32(8)) // IFD0 offset
	_ = binary.Write(&tiff, binary.BigEndian, uint16(1)) // one entry
	_ = binary.Write(&tiff, binary.BigEndian, uint16(0x0112))
	_ = binary.Write(&tiff, binary.BigEndian, uint16(3)) // SHORT
	_ = binary.Write(&tiff, binary.BigEndian, uint32(1))
	_ = binary.Write(&tiff, binary.BigEndian, o)
	_ = binary.Write(&tiff, binary.BigEndian, uint16(0))
	_ = binary.Write(&tiff, binary.BigEndian, uint32(0)) // no next IFD
	payload := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	out = append(out, payload...)
	return append(out, jpg[2:]...)
}

// pngChunk is one PNG chunk with its CRC.
func pngChunk(typ string, data []byte) []byte {
	var b bytes.Buffer
	_ = binary.Write(&b, binary.BigEndian, uint32(len(data)))
	b.WriteString(typ)
	b.Write(data)
	_ = binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	return b.Bytes()
}

// bombPNG is a valid PNG header claiming w×h pixels with a tiny IDAT.
func bombPNG(w, h uint32) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	out := append([]byte{}, magicPNG...)
	out = append(out, pngChunk("IHDR", ihdr)...)
	out = append(out, pngChunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})...)
	return append(out, pngChunk("IEND", nil)...)
}

func refusedWith(t *testing.T, err error, cause error, words ...string) {
	t.Helper()
	var pe *PhotoError
	if !errors.As(err, &pe) {
		t.Fatalf("want a *PhotoError, got %T %v", err, err)
	}
	if !errors.Is(err, cause) {
		t.Errorf("cause: want %v, got %v", cause, pe.Err)
	}
	for _, w := range words {
		if !strings.Contains(pe.Message, w) {
			t.Errorf("message %q lacks %q", pe.Message, w)
		}
	}
}

func TestRefusesTextRenamedAsJPEG(t *testing.T) {
	_, err := Prepare("活动照片.jpg", []byte("这是一份会议通知，不是照片。\n"))
	refusedWith(t, err, ErrNotImage, "活动照片.jpg", "不是JPEG或PNG", "文字")
}

func TestRefusesOtherFormats(t *testing.T) {
	heic := append([]byte{0, 0, 0, 0x18}, []byte("ftypheic\x00\x00\x00\x00")...)
	for name, data := range map[string][]byte{
		"a.jpg":  heic,
		"b.png":  []byte("GIF89a\x01\x00\x01\x00"),
		"c.jpeg": []byte("%PDF-1.7\n"),
		"d.jpg":  nil,
	} {
		_, err := Prepare(name, data)
		refusedWith(t, err, ErrNotImage, name)
	}
	_, err := Prepare("x.jpg", heic)
	refusedWith(t, err, ErrNotImage, "HEIC", "兼容性最佳")
}

func TestRefusesTruncatedJPEG(t *testing.T) {
	full := encodeJPEG(t, synthetic(400, 300))
	// Cut in the middle of the picture data: the header reads, the pixels
	// do not.
	_, err := Prepare("cut.jpg", full[:len(full)/2])
	refusedWith(t, err, ErrTruncated, "cut.jpg", "不完整")
	// Cut inside the header.
	_, err = Prepare("cut2.jpg", full[:40])
	refusedWith(t, err, ErrTruncated, "cut2.jpg", "损坏")
}

func TestRefusesDecompressionBomb(t *testing.T) {
	data := bombPNG(30000, 30000)
	if len(data) > 100 {
		t.Fatalf("the bomb should be tiny, is %d bytes", len(data))
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Prepare("bomb.png", data)
	runtime.ReadMemStats(&after)
	refusedWith(t, err, ErrTooLarge, "30000×30000", "5000万像素")
	// Refused from the header alone: nothing near 30000×30000×4 bytes
	// (3.6 GB) was allocated.
	if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
		t.Errorf("refusing the bomb allocated %d bytes", got)
	}
	// Just under the limit in pixels but each side absurd is refused too.
	_, err = Prepare("wide.png", bombPNG(1_000_000, 60))
	refusedWith(t, err, ErrTooLarge)
}

func TestRefusesHugeFile(t *testing.T) {
	data := make([]byte, MaxFileBytes+1)
	copy(data, magicJPEG)
	_, err := Prepare("big.jpg", data)
	refusedWith(t, err, ErrFileSize, "MB")
}

func TestAcceptsCMYKJPEG(t *testing.T) {
	// testdata/cmyk.jpg: 48×32, red at the top blending to blue at the
	// bottom, written in CMYK by ImageMagick (Adobe APP14 marker).
	data, err := os.ReadFile(filepath.Join("testdata", "cmyk.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	if img, _ := jpeg.Decode(bytes.NewReader(data)); img.ColorModel() != color.CMYKModel {
		t.Fatalf("fixture is not CMYK: %T", img)
	}
	p, err := Prepare("cmyk.jpg", data)
	if err != nil {
		t.Fatalf("CMYK JPEG refused: %v", err)
	}
	out, err := jpeg.Decode(bytes.NewReader(p.JPEG))
	if err != nil {
		t.Fatal(err)
	}
	if out.ColorModel() == color.CMYKModel {
		t.Fatal("stored photo is still CMYK")
	}
	top := color.RGBAModel.Convert(out.At(24, 1)).(color.RGBA)
	bottom := color.RGBAModel.Convert(out.At(24, 30)).(color.RGBA)
	if top.R < 180 || top.B > 80 {
		t.Errorf("top should be red, is %v", top)
	}
	if bottom.B < 180 || bottom.R > 80 {
		t.Errorf("bottom should be blue, is %v", bottom)
	}
}

func TestScalesDownLargePhotos(t *testing.T) {
	for _, tc := range []struct{ w, h, ww, wh int }{
		{3000, 1000, 2000, 667},
		{1000, 4000, 500, 2000},
		{2000, 1500, 2000, 1500}, // not scaled
		{640, 480, 640, 480},
	} {
		p, err := Prepare("p.jpg", encodeJPEG(t, synthetic(tc.w, tc.h)))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(p.JPEG))
		if err != nil {
			t.Fatal(err)
		}
		if cfg.Width != tc.ww || cfg.Height != tc.wh || p.Width != tc.ww || p.Height != tc.wh {
			t.Errorf("%d×%d stored as %d×%d (reported %d×%d), want %d×%d", tc.w, tc.h, cfg.Width, cfg.Height, p.Width, p.Height, tc.ww, tc.wh)
		}
		if p.SourceWidth != tc.w || p.SourceHeight != tc.h {
			t.Errorf("source size %d×%d", p.SourceWidth, p.SourceHeight)
		}
	}
}

// marked is a w×h white picture with a red block at its top-left corner.
func marked(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for y := 0; y < h/4; y++ {
		for x := 0; x < w/4; x++ {
			i := img.PixOffset(x, y)
			img.Pix[i+1], img.Pix[i+2] = 0, 0
		}
	}
	return img
}

func isRed(c color.Color) bool {
	r := color.RGBAModel.Convert(c).(color.RGBA)
	return r.R > 200 && r.G < 60 && r.B < 60
}

func TestRespectsEXIFOrientation(t *testing.T) {
	src := encodeJPEG(t, marked(80, 40))
	// Where the red corner must be seen, per orientation, in the stored
	// picture (w×h after rotation).
	for _, tc := range []struct {
		o          uint16
		w, h, x, y int
	}{
		{1, 80, 40, 2, 2},
		{2, 80, 40, 77, 2},
		{3, 80, 40, 77, 37},
		{4, 80, 40, 2, 37},
		{5, 40, 80, 2, 2},
		{6, 40, 80, 37, 2}, // the usual portrait photo from a phone
		{7, 40, 80, 37, 77},
		{8, 40, 80, 2, 77},
	} {
		p, err := Prepare("o.jpg", withOrientation(t, src, tc.o))
		if err != nil {
			t.Fatal(err)
		}
		img, err := jpeg.Decode(bytes.NewReader(p.JPEG))
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != tc.w || b.Dy() != tc.h {
			t.Errorf("orientation %d: %d×%d, want %d×%d", tc.o, b.Dx(), b.Dy(), tc.w, tc.h)
			continue
		}
		if !isRed(img.At(tc.x, tc.y)) {
			t.Errorf("orientation %d: red corner not at (%d,%d): %v", tc.o, tc.x, tc.y, img.At(tc.x, tc.y))
		}
		if p.SourceWidth != tc.w {
			t.Errorf("orientation %d: source width %d", tc.o, p.SourceWidth)
		}
	}
	// A broken EXIF block does not refuse the photo.
	bad := withOrientation(t, src, 6)
	copy(bad[12:16], "XXXX") // break the TIFF header
	if _, err := Prepare("bad-exif.jpg", bad); err != nil {
		t.Errorf("broken EXIF refused the photo: %v", err)
	}
}

func TestTransparentPNGOnWhite(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 10, 10))
	img.SetNRGBA(0, 0, color.NRGBA{0, 0, 255, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	p, err := Prepare("logo.png", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	out, _ := jpeg.Decode(bytes.NewReader(p.JPEG))
	c := color.RGBAModel.Convert(out.At(8, 8)).(color.RGBA)
	if c.R < 240 || c.G < 240 || c.B < 240 {
		t.Errorf("transparent area should be white, is %v", c)
	}
}

func TestImportStoresNextToDraft(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "年会分会场.shenbao.json")
	src := filepath.Join(dir, "IMG_0001.JPG")
	if err := os.WriteFile(src, encodeJPEG(t, synthetic(2400, 1800)), 0o644); err != nil {
		t.Fatal(err)
	}
	ph, err := ImportPhoto(draft, src)
	if err != nil {
		t.Fatal(err)
	}
	if FilesDir(draft) != filepath.Join(dir, "年会分会场.files") {
		t.Errorf("files dir %s", FilesDir(draft))
	}
	if !strings.HasPrefix(ph.File, "photo-") || !strings.HasSuffix(ph.File, ".jpg") || strings.ContainsRune(ph.File, os.PathSeparator) {
		t.Errorf("file name %q", ph.File)
	}
	if ph.Width != 2000 || ph.Height != 1500 || ph.Original != "IMG_0001.JPG" {
		t.Errorf("photo %+v", ph)
	}
	b, err := ReadPhoto(draft, ph)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := jpeg.DecodeConfig(bytes.NewReader(b)); err != nil {
		t.Fatal(err)
	}
	// The same photo again: same file, nothing new in the folder.
	ph2, err := ImportPhoto(draft, src)
	if err != nil || ph2.File != ph.File {
		t.Fatalf("re-import: %+v %v", ph2, err)
	}
	entries, _ := os.ReadDir(FilesDir(draft))
	if len(entries) != 1 {
		t.Errorf("files folder has %d entries", len(entries))
	}
	// A draft copied without its folder: a clear message.
	_, err = ReadPhoto(filepath.Join(dir, "copy.shenbao.json"), ph)
	refusedWith(t, err, os.ErrNotExist, "copy.files", "一起复制")
	// A missing source file.
	_, err = ImportPhoto(draft, filepath.Join(dir, "none.jpg"))
	refusedWith(t, err, os.ErrNotExist, "none.jpg")
}

func TestPhotoFilesStayInFolder(t *testing.T) {
	// A hand-edited draft naming "../x.jpg" cannot read outside the folder.
	p := PhotoPath(filepath.Join("d", "a.shenbao.json"), forms.Photo{File: "../../etc/x.jpg"})
	if filepath.Dir(p) != filepath.Join("d", "a.files") {
		t.Errorf("path escapes the files folder: %s", p)
	}
}

func TestScalingKeepsColours(t *testing.T) {
	orange := color.RGBA{230, 120, 30, 255}
	uniform := func(w, h int) *image.RGBA {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		for i := 0; i < len(img.Pix); i += 4 {
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = orange.R, orange.G, orange.B, 255
		}
		return img
	}
	var pngData bytes.Buffer
	if err := png.Encode(&pngData, uniform(4500, 700)); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"jpeg": encodeJPEG(t, uniform(4500, 700)), // YCbCr box path, then bilinear
		"png":  pngData.Bytes(),                   // RGBA box path
	} {
		p, err := Prepare("u."+name, data)
		if err != nil {
			t.Fatal(err)
		}
		out, _ := jpeg.Decode(bytes.NewReader(p.JPEG))
		if b := out.Bounds(); b.Dx() != 2000 || b.Dy() != 311 {
			t.Errorf("%s: size %v", name, b)
		}
		for _, pt := range []image.Point{{0, 0}, {1000, 150}, {1999, 310}} {
			c := color.RGBAModel.Convert(out.At(pt.X, pt.Y)).(color.RGBA)
			if d := absDiff(c.R, orange.R) + absDiff(c.G, orange.G) + absDiff(c.B, orange.B); d > 12 {
				t.Errorf("%s: pixel %v is %v, want about %v", name, pt, c, orange)
			}
		}
	}
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

func TestBandedScalingHasNoSeams(t *testing.T) {
	src := synthetic(3001, 2003)
	got := scaleDown(src, MaxLongSide, 1)
	// 3001/2000 < 2: no box step, only the banded resampling; it must
	// equal one Scale call over the whole picture.
	want := image.NewRGBA(got.Bounds())
	Scaler.Scale(want, want.Bounds(), src, src.Bounds(), draw.Src, nil)
	if !bytes.Equal(got.Pix, want.Pix) {
		t.Error("banded scaling differs from scaling in one piece")
	}
}

// toYCbCr is img as a decoded 4:2:0 JPEG would hold it.
func toYCbCr(img *image.RGBA) *image.YCbCr {
	b := img.Bounds()
	y := image.NewYCbCr(b, image.YCbCrSubsampleRatio420)
	for py := b.Min.Y; py < b.Max.Y; py++ {
		for px := b.Min.X; px < b.Max.X; px++ {
			c := img.RGBAAt(px, py)
			yy, cb, cr := color.RGBToYCbCr(c.R, c.G, c.B)
			y.Y[y.YOffset(px, py)] = yy
			ci := y.COffset(px, py)
			y.Cb[ci], y.Cr[ci] = cb, cr
		}
	}
	return y
}

// TestTurnedWhileScaling turns large pictures in the step that writes the
// stored picture: the exact box path (4000×2000, by 2) from a decoded JPEG
// and from RGBA, and the box-then-resample path (4100×2050) from both.
func TestTurnedWhileScaling(t *testing.T) {
	for _, size := range []image.Point{{4000, 2000}, {4100, 2050}, {2400, 1200}} {
		rgba := marked(size.X, size.Y)
		for name, src := range map[string]image.Image{"rgba": rgba, "ycbcr": toYCbCr(rgba)} {
			for _, tc := range []struct {
				o          int
				w, h, x, y int
			}{
				{1, 2000, 1000, 5, 5},
				{2, 2000, 1000, 1994, 5},
				{3, 2000, 1000, 1994, 994},
				{4, 2000, 1000, 5, 994},
				{5, 1000, 2000, 5, 5},
				{6, 1000, 2000, 994, 5},
				{7, 1000, 2000, 994, 1994},
				{8, 1000, 2000, 5, 1994},
			} {
				got := scaleDown(src, MaxLongSide, tc.o)
				if b := got.Bounds(); b.Dx() != tc.w || b.Dy() != tc.h {
					t.Errorf("%v %s orientation %d: %d×%d, want %d×%d", size, name, tc.o, b.Dx(), b.Dy(), tc.w, tc.h)
					continue
				}
				if !isRed(got.At(tc.x, tc.y)) {
					t.Errorf("%v %s orientation %d: red corner not at (%d,%d): %v", size, name, tc.o, tc.x, tc.y, got.At(tc.x, tc.y))
				}
				// The opposite corner stays white.
				if c := got.RGBAAt(tc.w-1-tc.x, tc.h-1-tc.y); c.R < 240 || c.G < 240 || c.B < 240 {
					t.Errorf("%v %s orientation %d: far corner %v, want white", size, name, tc.o, c)
				}
			}
		}
	}
}

// TestTurnedScalingMatchesScaleThenTurn: turning while resampling gives the
// picture that scaling first and turning after gives (the way it was done
// before, with a full copy), within rounding, and banding adds no seams.
func TestTurnedScalingMatchesScaleThenTurn(t *testing.T) {
	src := synthetic(3001, 2003)
	flat := scaleDown(src, MaxLongSide, 1)
	for o := 2; o <= 8; o++ {
		got := scaleDown(src, MaxLongSide, o)
		want := orientImage(flat, o)
		if got.Bounds() != want.Bounds() {
			t.Fatalf("orientation %d: %v, want %v", o, got.Bounds(), want.Bounds())
		}
		worst := 0
		for i := range got.Pix {
			worst = max(worst, absDiff(got.Pix[i], want.Pix[i]))
		}
		if worst > 2 {
			t.Errorf("orientation %d: differs by up to %d levels from scaling, then turning", o, worst)
		}
	}
}

func TestTransparentLargePNGOnWhite(t *testing.T) {
	// 4100×60, the left half opaque blue and the right half transparent:
	// the box path composes each row on white before averaging.
	img := image.NewNRGBA(image.Rect(0, 0, 4100, 60))
	for y := 0; y < 60; y++ {
		for x := 0; x < 2050; x++ {
			img.SetNRGBA(x, y, color.NRGBA{0, 0, 255, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	p, err := Prepare("wide.png", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	out, _ := jpeg.Decode(bytes.NewReader(p.JPEG))
	if c := color.RGBAModel.Convert(out.At(1800, 15)).(color.RGBA); c.R < 240 || c.G < 240 || c.B < 240 {
		t.Errorf("transparent area should be white, is %v", c)
	}
	if c := color.RGBAModel.Convert(out.At(200, 15)).(color.RGBA); c.B < 200 || c.R > 40 {
		t.Errorf("opaque area should be blue, is %v", c)
	}
}

// A JPEG is decoded at 1/2^s for the largest power of two 2^s ≤ 8 that
// divides the whole factor of scaleDown's exact box step, so that the box
// by that factor is still done in full.
func TestJPEGShift(t *testing.T) {
	for _, tc := range []struct {
		w, h int
		want uint
	}{
		{4000, 3000, 1}, {3000, 4000, 1}, {4001, 3001, 1}, {4032, 3024, 1},
		{3999, 2999, 0}, {3998, 3000, 0}, // factor 1: resampled only
		{2000, 1500, 0}, {1000, 800, 0}, {1, 1, 0},
		{6000, 4000, 0}, {7999, 5999, 0}, // factor 3: decoded whole, boxed by 3
		{8000, 6000, 2}, {12000, 9000, 1}, {16000, 12000, 3}, {20000, 15000, 1}, // factor 10
		{30000, 1000, 1}, // factor 14
	} {
		if got := jpegShift(tc.w, tc.h, MaxLongSide); got != tc.want {
			t.Errorf("jpegShift(%d×%d) = %d, want %d", tc.w, tc.h, got, tc.want)
		}
	}
}

// Decoded at half size, a JPEG gives the picture that decoding it whole and
// shrinking it gave (within the rounding of means of means and of chroma
// taken at the smaller size), the same size, as shot and turned: 4000×3000
// (box by 2, stored as decoded), 4001×3001 (the partial last column and row
// dropped as the box drops them), 4032×3024 (box by 2, then resampled).
func TestScaledDecodeMatchesFullDecode(t *testing.T) {
	for _, tc := range []struct{ w, h, o int }{{4000, 3000, 1}, {4000, 3000, 6}, {4001, 3001, 1}, {4032, 3024, 1}} {
		data := encodeJPEG(t, synthetic(tc.w, tc.h))
		full, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		want := scaleDown(full, MaxLongSide, tc.o)
		got, err := decodeScaled("jpeg", data, tc.w, tc.h, tc.o, jpegShift(tc.w, tc.h, MaxLongSide))
		if err != nil {
			t.Fatal(err)
		}
		if got.Bounds() != want.Bounds() {
			t.Fatalf("%+v: %v, want %v", tc, got.Bounds(), want.Bounds())
		}
		if _, isYCbCr := got.(*image.YCbCr); isYCbCr != (tc.o == 1 && tc.w != 4032) {
			t.Errorf("%+v: stored as %T", tc, got)
		}
		b := want.Bounds()
		var sum, n, worst int
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				g := color.RGBAModel.Convert(got.At(x, y)).(color.RGBA)
				w := want.RGBAAt(x, y)
				for _, d := range []int{absDiff(g.R, w.R), absDiff(g.G, w.G), absDiff(g.B, w.B)} {
					sum += d
					worst = max(worst, d)
					n++
				}
			}
		}
		if mean := float64(sum) / float64(n); mean > 1.0 || worst > 40 {
			t.Errorf("%+v: differs from the full decode by %.2f levels on average, %d at worst", tc, mean, worst)
		}
	}
}

// Small enough to keep its size, a picture is turned a row at a time: the
// same pixels as copying it and turning the copy, for RGBA, decoded JPEG
// samples and a transparent PNG (on white).
func TestCopyTurnedIsCopyThenTurn(t *testing.T) {
	rgba := synthetic(300, 200)
	clear := image.NewNRGBA(rgba.Bounds())
	copy(clear.Pix, rgba.Pix)
	for i := 3; i < len(clear.Pix); i += 16 {
		clear.Pix[i] = 0
	}
	for name, src := range map[string]image.Image{"rgba": rgba, "ycbcr": toYCbCr(rgba), "transparent": clear} {
		flat := scaleDown(src, MaxLongSide, 1)
		for o := 2; o <= 8; o++ {
			got, want := scaleDown(src, MaxLongSide, o), orientImage(flat, o)
			if got.Bounds() != want.Bounds() || !bytes.Equal(got.Pix, want.Pix) {
				t.Errorf("%s orientation %d: differs from copying, then turning", name, o)
			}
		}
	}
}
