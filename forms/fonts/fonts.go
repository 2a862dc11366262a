// Package fonts knows which bundled font prints which character. The PDF
// writer uses it to choose a font for every run of text (gopdf silently
// drops a character its font lacks), and the checks use Printable to report,
// as a finding on its field, any character no bundled font can print.
//
// The chain is Noto Serif SC (the Song body face, with its Bold for
// headings), then Droid Sans Fallback for the few CJK characters the serif
// lacks, then DejaVu Sans. Reading the chain parses only the fonts' character
// maps (about 10 ms for the three, once per process); the PDF writer parses
// the outlines itself, and only when it makes a document.
package fonts

import (
	"fmt"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"shenbao/assets"
)

// Font is one bundled font with the set of characters it covers.
type Font struct {
	Name  string // a short name for the PDF writer, e.g. "cjk"
	File  string // file name inside assets/fonts
	Bytes []byte
	// Bold is the font's bold face (nil when it has none): it covers the
	// same characters, so a heading prints what body text prints.
	Bold  *Font
	cover []uint64 // bit set over code points 0..maxRune
	sf    *sfnt.Font
	upem  float64
	mu    sync.Mutex
	buf   sfnt.Buffer
	adv   map[rune]float64
	// lazy is for a bold face: its character map is read on first use
	// (Printable needs only the regular face's, so the window never reads
	// the bold one).
	isLazy  bool
	lazy    sync.Once
	lazyErr error
}

// ensure reads a bold face's character map on first use.
func (f *Font) ensure() {
	if f.isLazy {
		f.lazy.Do(func() { f.lazyErr = f.load() })
	}
}

// maxRune bounds the coverage tables: the Basic Multilingual Plane and the
// Supplementary Ideographic Plane (CJK Extension B and later).
const maxRune = 0x2FFFF

// Has reports whether the font has a glyph for r.
func (f *Font) Has(r rune) bool {
	f.ensure()
	if f.cover == nil || r < 0 || r > maxRune {
		return false
	}
	return f.cover[r>>6]&(1<<(uint(r)&63)) != 0
}

var (
	once  sync.Once
	chain []*Font
	err   error
)

// Chain returns the bundled fonts in fallback order: the serif first (the
// body face of the documents: CJK, Latin, digits, punctuation), then the
// sans CJK font for what it lacks, then the Latin font. It parses the
// character maps once.
func Chain() ([]*Font, error) {
	once.Do(func() {
		serif := &Font{Name: "serif", File: assets.SerifFontName, Bytes: assets.SerifFont,
			Bold: &Font{Name: "serifbold", File: assets.SerifBoldFontName, Bytes: assets.SerifBoldFont, isLazy: true}}
		for _, f := range []*Font{
			serif,
			{Name: "cjk", File: assets.CJKFontName, Bytes: assets.CJKFont},
			{Name: "latin", File: assets.LatinFontName, Bytes: assets.LatinFont},
		} {
			if e := f.load(); e != nil {
				err = e
				return
			}
			chain = append(chain, f)
		}
	})
	return chain, err
}

// Face is f, or its bold face when bold is true and f has one.
func (f *Font) Face(bold bool) *Font {
	if bold && f.Bold != nil {
		return f.Bold
	}
	return f
}

func (f *Font) load() error {
	p, e := sfnt.Parse(f.Bytes)
	if e != nil {
		return fmt.Errorf("内置字体 %s 无法读取：%w", f.File, e)
	}
	f.sf, f.upem, f.adv = p, float64(p.UnitsPerEm()), map[rune]float64{}
	f.cover = make([]uint64, maxRune/64+1)
	var buf sfnt.Buffer
	for r := rune(0x20); r <= maxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF { // surrogates
			continue
		}
		if g, e := p.GlyphIndex(&buf, r); e == nil && g != 0 {
			f.cover[r>>6] |= 1 << (uint(r) & 63)
		}
	}
	return nil
}

// For returns the first font of the chain that has r, or nil when none has.
func For(r rune) *Font {
	c, e := Chain()
	if e != nil {
		return nil
	}
	for _, f := range c {
		if f.Has(r) {
			return f
		}
	}
	return nil
}

// Advance is the advance width of r in f at 1 pt (an em is 1), from the
// font's metrics; 0 when f lacks r.
func (f *Font) Advance(r rune) float64 {
	if !f.Has(r) || f.sf == nil {
		return 0
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if w, ok := f.adv[r]; ok {
		return w
	}
	w := 0.0
	if g, err := f.sf.GlyphIndex(&f.buf, r); err == nil {
		if a, err := f.sf.GlyphAdvance(&f.buf, g, fixed.I(int(f.upem)), font.HintingNone); err == nil {
			w = float64(a) / 64 / f.upem
		}
	}
	f.adv[r] = w
	return w
}

// Width is the advance of r at 1 pt as the documents print it: in the first
// font of the chain that has it (its bold face when bold), 0 when none has.
func Width(r rune, bold bool) float64 {
	if f := For(r); f != nil {
		return f.Face(bold).Advance(r)
	}
	return 0
}

// Printable reports whether some bundled font prints r. Spaces and line
// breaks count as printable. Pass it as forms.Options.Printable.
func Printable(r rune) bool {
	switch r {
	case ' ', '\n', '\r', '\t', 0x3000:
		return true
	}
	return For(r) != nil
}
