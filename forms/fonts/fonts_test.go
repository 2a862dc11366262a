package fonts

import "testing"

func TestChainCoversChineseFormText(t *testing.T) {
	for _, s := range []string{"吉林省科学技术协会", "ABCxyz0123456789", "，。、；：？！“”（）《》【】—…", "１２３ＡＢＣ", "Müller", "堃喆镕"} {
		for _, r := range s {
			if !Printable(r) {
				t.Errorf("%q (U+%04X) in %q is not printable", r, r, s)
			}
		}
	}
}

func TestFontOrder(t *testing.T) {
	if f := For('吉'); f == nil || f.Name != "cjk" {
		t.Errorf("吉 should come from the CJK font, got %v", f)
	}
	if f := For('A'); f == nil || f.Name != "latin" {
		t.Errorf("A should come from the Latin font (Droid has none), got %v", f)
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
