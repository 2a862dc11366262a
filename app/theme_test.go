package app

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

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

func TestThemeLightUntilTheSystemSays(t *testing.T) {
	th := newTheme()
	dark := th.Color(theme.ColorNameBackground, theme.VariantDark)
	th.light.Store(true)
	if got := th.Color(theme.ColorNameBackground, theme.VariantDark); got == dark || got != th.Color(theme.ColorNameBackground, theme.VariantLight) {
		t.Errorf("with no word from the system the background is %v, want the light one", got)
	}
	th.light.Store(false)
	if got := th.Color(theme.ColorNameBackground, theme.VariantDark); got != dark {
		t.Errorf("the system's dark setting is not followed: %v", got)
	}
}
