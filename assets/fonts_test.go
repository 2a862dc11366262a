package assets

import (
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// cover returns the code points in [lo, hi] that font maps to a glyph.
func cover(t *testing.T, f *sfnt.Font, lo, hi rune) map[rune]bool {
	t.Helper()
	var buf sfnt.Buffer
	m := map[rune]bool{}
	for r := lo; r <= hi; r++ {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil {
			t.Fatalf("GlyphIndex(%U): %v", r, err)
		}
		if g != 0 {
			m[r] = true
		}
	}
	return m
}

func parse(t *testing.T, name string, b []byte) *sfnt.Font {
	t.Helper()
	f, err := sfnt.Parse(b)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f
}

// The window's font keeps everything the issue asks of the UI font that the
// full font has: all CJK Unified Ideographs, CJK punctuation, full-width
// forms; and the Kana, enclosed/compatibility CJK and small forms that
// make-ui-subset.sh promises. It must be the smaller font (fewer glyphs to
// parse at start).
func TestUIFontCoverage(t *testing.T) {
	full := parse(t, CJKFontName, CJKFont)
	ui := parse(t, UIFontName, UIFont)

	blocks := []struct {
		name   string
		lo, hi rune
		min    int // code points the UI font must have at least
	}{
		{"CJK Unified Ideographs", 0x4E00, 0x9FFF, 20902}, // U+4E00–9FA5 in full
		{"CJK Symbols and Punctuation", 0x3000, 0x303F, 30},
		{"Kana", 0x3040, 0x30FF, 150},
		{"enclosed CJK and CJK compatibility", 0x3200, 0x33FF, 100},
		{"CJK compatibility and small forms", 0xFE30, 0xFE6F, 40},
		{"full-width ASCII", 0xFF01, 0xFF5E, 94},
		{"half- and full-width forms", 0xFF00, 0xFFEF, 150},
	}
	for _, b := range blocks {
		want := cover(t, full, b.lo, b.hi)
		got := cover(t, ui, b.lo, b.hi)
		missing := 0
		for r := range want {
			if !got[r] {
				if missing < 10 {
					t.Errorf("%s: UI font lacks %U %c, which the full font has", b.name, r, r)
				}
				missing++
			}
		}
		if missing > 0 {
			t.Errorf("%s: UI font lacks %d characters of the full font", b.name, missing)
		}
		if len(got) < b.min {
			t.Errorf("%s: UI font has %d characters, want at least %d", b.name, len(got), b.min)
		}
	}
	// Every ideograph of the GB 2312 / 通用规范汉字表 range U+4E00–9FA5.
	got := cover(t, ui, 0x4E00, 0x9FA5)
	if len(got) != 0x9FA5-0x4E00+1 {
		t.Errorf("UI font has %d of the %d ideographs U+4E00–9FA5", len(got), 0x9FA5-0x4E00+1)
	}

	// What the subset drops on purpose (docs/window.md says so): Ext-A.
	if n := len(cover(t, ui, 0x3400, 0x4DBF)); n != 0 {
		t.Errorf("UI font has %d Ext-A characters; make-ui-subset.sh drops them (update docs/window.md if that changes)", n)
	}
	if ng, nf := ui.NumGlyphs(), full.NumGlyphs(); ng >= nf*3/4 {
		t.Errorf("UI font has %d glyphs, full font %d: the subset should save at least a quarter", ng, nf)
	}
}

// The UI font's outlines are CFF (go-text keeps those as bytes instead of
// parsing every glyph at load: make-ui-subset.sh) and draw the same glyphs
// as the full TrueType font: per character the same advance, the same
// number of contours, and the same on-curve extremes to within the one unit
// the CFF conversion rounds to.
func TestUIFontOutlines(t *testing.T) {
	if string(UIFont[:4]) != "OTTO" {
		t.Fatalf("UI font starts %q, want OTTO (CFF outlines)", UIFont[:4])
	}
	full := parse(t, CJKFontName, CJKFont)
	ui := parse(t, UIFontName, UIFont)
	if full.UnitsPerEm() != ui.UnitsPerEm() {
		t.Fatalf("units per em: UI %d, full %d", ui.UnitsPerEm(), full.UnitsPerEm())
	}
	ppem := fixed.I(int(full.UnitsPerEm()))

	type shape struct {
		advance                fixed.Int26_6
		contours               int
		minX, minY, maxX, maxY fixed.Int26_6
	}
	load := func(f *sfnt.Font, r rune) (shape, bool) {
		var buf sfnt.Buffer
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			return shape{}, false
		}
		adv, err := f.GlyphAdvance(&buf, g, ppem, font.HintingNone)
		if err != nil {
			t.Fatalf("%U advance: %v", r, err)
		}
		segs, err := f.LoadGlyph(&buf, g, ppem, nil)
		if err != nil {
			t.Fatalf("%U outline: %v", r, err)
		}
		s := shape{advance: adv, minX: 1 << 30, minY: 1 << 30, maxX: -1 << 30, maxY: -1 << 30}
		for _, seg := range segs {
			if seg.Op == sfnt.SegmentOpMoveTo {
				s.contours++
			}
			n := map[sfnt.SegmentOp]int{sfnt.SegmentOpMoveTo: 0, sfnt.SegmentOpLineTo: 0, sfnt.SegmentOpQuadTo: 1, sfnt.SegmentOpCubeTo: 2}[seg.Op]
			p := seg.Args[n] // the segment's end point, on the curve
			s.minX, s.maxX = min(s.minX, p.X), max(s.maxX, p.X)
			s.minY, s.maxY = min(s.minY, p.Y), max(s.maxY, p.Y)
		}
		return s, true
	}
	near := func(a, b fixed.Int26_6) bool { d := a - b; return d >= -fixed.I(1) && d <= fixed.I(1) }

	var runes []rune
	for r := rune(0x4E00); r <= 0x9FA5; r += 37 {
		runes = append(runes, r)
	}
	runes = append(runes, []rune("申报书，。、；：？！“”（）《》【】—…０１２３４５６７８９ＡＺａｚ㈠㎡")...)
	compared := 0
	for _, r := range runes {
		want, ok := load(full, r)
		if !ok {
			continue
		}
		got, ok := load(ui, r)
		if !ok {
			t.Errorf("UI font lacks %U %c", r, r)
			continue
		}
		compared++
		if got.advance != want.advance || got.contours != want.contours ||
			!near(got.minX, want.minX) || !near(got.minY, want.minY) || !near(got.maxX, want.maxX) || !near(got.maxY, want.maxY) {
			t.Errorf("%U %c: UI font %+v, full font %+v", r, r, got, want)
		}
	}
	if compared < 500 {
		t.Errorf("compared %d characters, want at least 500", compared)
	}
}
