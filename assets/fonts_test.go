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
// as the full TrueType font, for every ideograph U+4E00–9FA5 and a set of
// punctuation and full-width forms: the same advance and number of
// contours; every on-curve point of the CFF glyph within one font unit (the
// conversion's rounding) of an on-curve point of the TrueType one; and all
// but a few of the TrueType points kept (the conversion may drop a point
// that lies on a straight line).
func TestUIFontOutlines(t *testing.T) {
	if string(UIFont[:4]) != "OTTO" {
		t.Fatalf("UI font starts %q, want OTTO (CFF outlines)", UIFont[:4])
	}
	full := parse(t, CJKFontName, CJKFont)
	ui := parse(t, UIFontName, UIFont)
	if full.UnitsPerEm() != ui.UnitsPerEm() {
		t.Fatalf("units per em: UI %d, full %d", ui.UnitsPerEm(), full.UnitsPerEm())
	}
	ppem := fixed.I(int(full.UnitsPerEm())) // one unit = one pixel
	var buf sfnt.Buffer
	// points are a glyph's on-curve points, in whole font units.
	type point struct{ x, y int }
	load := func(f *sfnt.Font, r rune) (adv fixed.Int26_6, contours int, pts []point, ok bool) {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			return 0, 0, nil, false
		}
		if adv, err = f.GlyphAdvance(&buf, g, ppem, font.HintingNone); err != nil {
			t.Fatalf("%U advance: %v", r, err)
		}
		segs, err := f.LoadGlyph(&buf, g, ppem, nil)
		if err != nil {
			t.Fatalf("%U outline: %v", r, err)
		}
		for _, seg := range segs {
			if seg.Op == sfnt.SegmentOpMoveTo {
				contours++
			}
			n := map[sfnt.SegmentOp]int{sfnt.SegmentOpMoveTo: 0, sfnt.SegmentOpLineTo: 0, sfnt.SegmentOpQuadTo: 1, sfnt.SegmentOpCubeTo: 2}[seg.Op]
			p := seg.Args[n]
			pts = append(pts, point{p.X.Round(), p.Y.Round()})
		}
		return adv, contours, pts, true
	}
	// near reports whether every point of a is within one unit of one of b's.
	near := func(a, b []point) (missing int) {
		at := map[point]bool{}
		for _, p := range b {
			at[p] = true
		}
	next:
		for _, p := range a {
			for dx := -1; dx <= 1; dx++ {
				for dy := -1; dy <= 1; dy++ {
					if at[point{p.x + dx, p.y + dy}] {
						continue next
					}
				}
			}
			missing++
		}
		return missing
	}

	var runes []rune
	for r := rune(0x4E00); r <= 0x9FA5; r++ {
		runes = append(runes, r)
	}
	runes = append(runes, []rune("，。、；：？！“”（）《》【】—…０１２３４５６７８９ＡＺａｚ㈠㎡")...)
	compared, ttfPoints, dropped := 0, 0, 0
	for _, r := range runes {
		wantAdv, wantContours, want, ok := load(full, r)
		if !ok {
			continue
		}
		adv, contours, got, ok := load(ui, r)
		if !ok {
			t.Errorf("UI font lacks %U %c", r, r)
			continue
		}
		compared++
		if adv != wantAdv || contours != wantContours {
			t.Errorf("%U %c: advance %v, %d contours; full font %v, %d", r, r, adv, contours, wantAdv, wantContours)
		}
		if m := near(got, want); m > 0 {
			t.Errorf("%U %c: %d of the UI font's %d points are not within a unit of the full font's", r, r, m, len(got))
		}
		ttfPoints += len(want)
		dropped += near(want, got)
	}
	if compared < 20902 {
		t.Errorf("compared %d characters, want every ideograph (20,902) and more", compared)
	}
	if dropped*1000 > ttfPoints {
		t.Errorf("%d of the full font's %d points have no counterpart in the UI font (more than 1 in 1,000)", dropped, ttfPoints)
	}
}
