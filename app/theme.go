package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"shenbao/assets"
)

// cjkFont is the window's bundled CJK font (assets.UIFont, a subset of the
// documents' Droid Sans Fallback) as a Fyne resource. Package assets holds
// the bytes only, so that it stays free of GUI imports.
var cjkFont = fyne.NewStaticResource(assets.UIFontName, assets.UIFont)

// appTheme is Fyne's default theme with the bundled CJK font for all
// proportional text, so Chinese renders on a machine with no Chinese font.
// The CJK font has no Latin letters or digits: for those, Fyne falls back
// glyph by glyph to its own bundled font.
type appTheme struct {
	fyne.Theme
}

// newTheme returns the program's theme.
func newTheme() fyne.Theme { return &appTheme{Theme: theme.DefaultTheme()} }

// Font returns the CJK font except for monospace and symbol text.
func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return t.Theme.Font(s)
	}
	return cjkFont
}

// Color keeps the default colours.
func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, v)
}
