package app

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"

	"shenbao/assets"
)

// Regular and bold text (Fyne's buttons are bold) both use the window's
// subset font; monospace and symbols keep Fyne's own.
func TestThemeFont(t *testing.T) {
	th := newTheme()
	for _, s := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Bold: true, Italic: true}} {
		r := th.Font(s)
		if r.Name() != assets.UIFontName || !bytes.Equal(r.Content(), assets.UIFont) {
			t.Errorf("Font(%+v) = %s, want the bundled UI font %s", s, r.Name(), assets.UIFontName)
		}
	}
	for _, s := range []fyne.TextStyle{{Monospace: true}, {Symbol: true}} {
		if r := th.Font(s); r.Name() == assets.UIFontName {
			t.Errorf("Font(%+v) = the CJK UI font, want Fyne's own", s)
		}
	}
}
