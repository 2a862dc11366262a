// Package fonts knows which bundled font prints which character. The PDF
// writer uses it to choose a font for every run of text (gopdf silently
// drops a character its font lacks), and the checks use Printable to report,
// as a finding on its field, any character no bundled font can print.
package fonts

import (
	"fmt"
	"sync"

	"golang.org/x/image/font/sfnt"

	"shenbao/assets"
)

// Font is one bundled font with the set of characters it covers.
type Font struct {
	Name  string // a short name for the PDF writer, e.g. "cjk"
	File  string // file name inside assets/fonts
	Bytes []byte
	cover []uint64 // bit set over code points 0..maxRune
}

// maxRune bounds the coverage tables: the Basic Multilingual Plane and the
// Supplementary Ideographic Plane (CJK Extension B and later).
const maxRune = 0x2FFFF

// Has reports whether the font has a glyph for r.
func (f *Font) Has(r rune) bool {
	if r < 0 || r > maxRune {
		return false
	}
	return f.cover[r>>6]&(1<<(uint(r)&63)) != 0
}

var (
	once  sync.Once
	chain []*Font
	err   error
)

// Chain returns the bundled fonts in fallback order: the CJK font first
// (it is the body font of the documents), then the Latin font for what it
// lacks (letters, digits). It parses the fonts once.
func Chain() ([]*Font, error) {
	once.Do(func() {
		for _, f := range []*Font{
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

func (f *Font) load() error {
	p, e := sfnt.Parse(f.Bytes)
	if e != nil {
		return fmt.Errorf("内置字体 %s 无法读取：%w", f.File, e)
	}
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

// Printable reports whether some bundled font prints r. Spaces and line
// breaks count as printable. Pass it as forms.Options.Printable.
func Printable(r rune) bool {
	switch r {
	case ' ', '\n', '\r', '\t', 0x3000:
		return true
	}
	return For(r) != nil
}
