// Command icongen draws the application icon, assets/icon.png: the character
// 申 in white, made bold, on a rounded blue square. It uses the bundled Droid
// Sans Fallback font, so the icon can be redrawn on any machine:
//
//	go run ./assets/icongen -o assets/icon.png
//
// The output is deterministic: the same font and code give the same bytes.
package main

import (
	"flag"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"log"
	"math"
	"os"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

const (
	glyph = '申'
	// Geometry as fractions of the icon's side.
	margin = 0.04 // transparent border around the square
	corner = 0.20 // corner radius of the square
)

// Tunable geometry, also as fractions of the side.
var (
	glyphHeight = 0.74  // height of the glyph's ink
	bold        = 0.020 // radius by which strokes are thickened
)

var (
	blueTop    = color.NRGBA{0x35, 0x7A, 0xE8, 0xFF}
	blueBottom = color.NRGBA{0x1A, 0x4C, 0xB4, 0xFF}
)

func main() {
	out := flag.String("o", "assets/icon.png", "output PNG")
	size := flag.Int("size", 1024, "side in pixels")
	flag.Float64Var(&glyphHeight, "height", glyphHeight, "glyph ink height as a fraction of the side")
	flag.Float64Var(&bold, "bold", bold, "stroke thickening as a fraction of the side")
	fontPath := flag.String("font", "assets/fonts/DroidSansFallbackFull.ttf", "TrueType font with the glyph")
	flag.Parse()

	fontBytes, err := os.ReadFile(*fontPath)
	if err != nil {
		log.Fatal(err)
	}
	f, err := sfnt.Parse(fontBytes)
	if err != nil {
		log.Fatal(err)
	}
	img := draw1(f, *size)

	w, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(w, img); err != nil {
		log.Fatal(err)
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
}

// draw1 renders the icon at side s.
func draw1(f *sfnt.Font, s int) *image.NRGBA {
	fs := float32(s)
	img := image.NewNRGBA(image.Rect(0, 0, s, s))

	// The rounded square as a coverage mask, filled with a vertical gradient.
	sq := vector.NewRasterizer(s, s)
	roundedRect(sq, fs*margin, fs*margin, fs*(1-margin), fs*(1-margin), fs*corner)
	sqMask := image.NewAlpha(image.Rect(0, 0, s, s))
	sq.Draw(sqMask, sqMask.Bounds(), image.Opaque, image.Point{})
	for y := 0; y < s; y++ {
		t := float64(y) / float64(s-1)
		c := color.NRGBA{
			R: lerp(blueTop.R, blueBottom.R, t),
			G: lerp(blueTop.G, blueBottom.G, t),
			B: lerp(blueTop.B, blueBottom.B, t),
		}
		for x := 0; x < s; x++ {
			c.A = sqMask.AlphaAt(x, y).A
			img.SetNRGBA(x, y, c)
		}
	}

	// The glyph's outline, scaled so its ink is glyphHeight of the side and
	// centred on the square.
	var buf sfnt.Buffer
	idx, err := f.GlyphIndex(&buf, glyph)
	if err != nil || idx == 0 {
		log.Fatalf("font has no glyph for %q", glyph)
	}
	const ppem = 1024 // load at a fixed size, scale ourselves
	segs, err := f.LoadGlyph(&buf, idx, fixed.I(ppem), nil)
	if err != nil {
		log.Fatal(err)
	}
	b := segs.Bounds()
	minX, minY := fix(b.Min.X), fix(b.Min.Y)
	gw, gh := fix(b.Max.X)-minX, fix(b.Max.Y)-minY
	scale := fs * float32(glyphHeight) / gh
	offX := (fs-gw*scale)/2 - minX*scale
	offY := (fs-gh*scale)/2 - minY*scale
	pt := func(p fixed.Point26_6) (float32, float32) {
		return fix(p.X)*scale + offX, fix(p.Y)*scale + offY
	}
	gr := vector.NewRasterizer(s, s)
	for _, seg := range segs {
		switch seg.Op {
		case sfnt.SegmentOpMoveTo:
			gr.MoveTo(pt(seg.Args[0]))
		case sfnt.SegmentOpLineTo:
			gr.LineTo(pt(seg.Args[0]))
		case sfnt.SegmentOpQuadTo:
			x1, y1 := pt(seg.Args[0])
			x2, y2 := pt(seg.Args[1])
			gr.QuadTo(x1, y1, x2, y2)
		case sfnt.SegmentOpCubeTo:
			x1, y1 := pt(seg.Args[0])
			x2, y2 := pt(seg.Args[1])
			x3, y3 := pt(seg.Args[2])
			gr.CubeTo(x1, y1, x2, y2, x3, y3)
		}
	}
	gr.ClosePath()
	glyphMask := image.NewAlpha(image.Rect(0, 0, s, s))
	gr.Draw(glyphMask, glyphMask.Bounds(), image.Opaque, image.Point{})

	// Droid Sans has no bold face: thicken the strokes by a disc dilation so
	// the character survives being shrunk to 16 pixels.
	glyphMask = dilate(glyphMask, int(math.Round(float64(fs)*bold)))
	draw.DrawMask(img, img.Bounds(), image.White, image.Point{}, glyphMask, image.Point{}, draw.Over)
	return img
}

// roundedRect adds a rectangle with circular corners of radius r to z.
func roundedRect(z *vector.Rasterizer, x0, y0, x1, y1, r float32) {
	const k = 0.5523 // cubic Bézier approximation of a quarter circle
	z.MoveTo(x0+r, y0)
	z.LineTo(x1-r, y0)
	z.CubeTo(x1-r+k*r, y0, x1, y0+r-k*r, x1, y0+r)
	z.LineTo(x1, y1-r)
	z.CubeTo(x1, y1-r+k*r, x1-r+k*r, y1, x1-r, y1)
	z.LineTo(x0+r, y1)
	z.CubeTo(x0+r-k*r, y1, x0, y1-r+k*r, x0, y1-r)
	z.LineTo(x0, y0+r)
	z.CubeTo(x0, y0+r-k*r, x0+r-k*r, y0, x0+r, y0)
	z.ClosePath()
}

// dilate returns m with every pixel replaced by the maximum over a disc of
// radius r around it (a morphological dilation), computed as one horizontal
// running maximum per disc row.
func dilate(m *image.Alpha, r int) *image.Alpha {
	if r <= 0 {
		return m
	}
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	out := image.NewAlpha(b)
	rowMax := make([]uint8, w)
	for dy := -r; dy <= r; dy++ {
		half := int(math.Sqrt(float64(r*r - dy*dy)))
		for y := 0; y < h; y++ {
			sy := y + dy
			if sy < 0 || sy >= h {
				continue
			}
			src := m.Pix[sy*m.Stride : sy*m.Stride+w]
			horizontalMax(rowMax, src, half)
			dst := out.Pix[y*out.Stride : y*out.Stride+w]
			for x, v := range rowMax {
				if v > dst[x] {
					dst[x] = v
				}
			}
		}
	}
	return out
}

// horizontalMax sets dst[x] to the maximum of src[x-half..x+half].
func horizontalMax(dst, src []uint8, half int) {
	for x := range dst {
		var v uint8
		for i := max(0, x-half); i <= min(len(src)-1, x+half); i++ {
			if src[i] > v {
				v = src[i]
			}
		}
		dst[x] = v
	}
}

func fix(v fixed.Int26_6) float32 { return float32(v) / 64 }

func lerp(a, b uint8, t float64) uint8 {
	return uint8(math.Round(float64(a) + (float64(b)-float64(a))*t))
}
