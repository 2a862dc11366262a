package fonts

import "testing"

func TestChainCoversChineseFormText(t *testing.T) {
	for _, s := range []string{"吉林省科学技术协会", "ABCxyz0123456789", "，。、；：？！“”（）《》【】—…·", "１２３ＡＢＣ", "Müller", "堃喆镕", "䶮"} {
		for _, r := range s {
			if !Printable(r) {
				t.Errorf("%q (U+%04X) in %q is not printable", r, r, s)
			}
		}
	}
}

// The body face prints Chinese, Latin, digits and the CJK punctuation (so
// quotes, dashes and ellipses are the serif's full-width forms, not
// DejaVu's); Droid Sans Fallback only what the serif lacks; DejaVu the rest.
func TestFontOrder(t *testing.T) {
	for _, r := range "吉A1“”—…·，（《䶮" {
		if f := For(r); f == nil || f.Name != "serif" {
			t.Errorf("%q should come from the serif, got %s", r, name(f))
		}
	}
	if f := For('\uF900'); f == nil || f.Name != "cjk" { // 豈, a compatibility ideograph
		t.Errorf("U+F900 should come from Droid Sans Fallback, got %s", name(f))
	}
	if f := For('Ω'); f == nil { // Greek: serif or DejaVu, but printable
		t.Errorf("Ω not printable")
	}
	if f := For('Č'); f == nil || f.Name != "latin" { // Latin Extended-A: not in the CJK fonts
		t.Errorf("Č should come from DejaVu Sans, got %s", name(f))
	}
}

// A heading prints in the bold face: it must cover what the regular face
// covers, or the preflight (Printable) would pass a heading's character
// that then prints from another font.
func TestBoldCoversRegular(t *testing.T) {
	c, err := Chain()
	if err != nil {
		t.Fatal(err)
	}
	serif := c[0]
	if serif.Bold == nil {
		t.Fatal("the serif has no bold face")
	}
	n := 0
	for r := rune(0); r <= maxRune; r++ {
		if serif.Has(r) != serif.Bold.Has(r) {
			t.Errorf("U+%04X: regular %v, bold %v", r, serif.Has(r), serif.Bold.Has(r))
		}
		if serif.Has(r) {
			n++
		}
	}
	if n < 30000 {
		t.Errorf("serif covers %d code points, want ≥ 30,000", n)
	}
	if serif.Face(true) != serif.Bold || serif.Face(false) != serif || c[1].Face(true) != c[1] {
		t.Error("Face picks the wrong face")
	}
}

func TestUnprintable(t *testing.T) {
	// U+20000 (CJK Extension B) and U+1F9C0 (cheese emoji) are in no bundled font.
	for _, r := range []rune{0x20000, 0x2A6D6, 0x1F9C0, 0xE000} {
		if Printable(r) {
			t.Errorf("U+%04X reported printable", r)
		}
	}
}

// BenchmarkCoverage is what Chain costs once per process, font by font
// (the character map of each font scanned over the BMP and plane 2).
func BenchmarkCoverage(b *testing.B) {
	c, err := Chain()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for _, f := range append(c, c[0].Bold) {
			g := &Font{Name: f.Name, File: f.File, Bytes: f.Bytes}
			if err := g.load(); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func name(f *Font) string {
	if f == nil {
		return "none"
	}
	return f.Name
}

// The window checks every field with Printable: that reads the regular
// faces' character maps only; the bold face's is read on first use (when a
// document is made).
func TestBoldReadOnFirstUse(t *testing.T) {
	c, err := Chain()
	if err != nil {
		t.Fatal(err)
	}
	if !c[0].Bold.isLazy {
		t.Fatal("Chain reads the bold face with the others")
	}
	f := &Font{Name: "b", File: c[0].Bold.File, Bytes: c[0].Bold.Bytes, isLazy: true}
	if f.cover != nil {
		t.Fatal("read before use")
	}
	if !f.Has('吉') || f.cover == nil || f.Advance('吉') != 1 {
		t.Errorf("the lazy face does not work on first use: has %v, advance %v", f.Has('吉'), f.Advance('吉'))
	}
}
