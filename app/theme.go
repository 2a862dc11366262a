package app

import (
	"image/color"
	"os"
	"runtime"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"shenbao/app/widgets"
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
	// light is set while the system has not said which variant it uses:
	// the program is then light (Fyne alone would be dark).
	light atomic.Bool
}

// newTheme returns the program's theme.
func newTheme() *appTheme { return &appTheme{Theme: theme.DefaultTheme()} }

// Font returns the CJK font except for monospace and symbol text.
func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return t.Theme.Font(s)
	}
	return cjkFont
}

// Color keeps the default colours, light unless the system asks for dark,
// and adds colorNameSecondary.
func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.light.Load() {
		v = theme.VariantLight
	}
	if n == colorNameSecondary {
		if v == theme.VariantLight {
			return secondaryLight
		}
		n = theme.ColorNamePlaceHolder
	}
	return t.Theme.Color(n, v)
}

// colorNameSecondary is the colour of text the user reads but that is not
// the form's own: widgets.ColorNameSecondary, which the theme gives.
const colorNameSecondary = widgets.ColorNameSecondary

var secondaryLight = color.NRGBA{R: 0x6b, G: 0x6b, B: 0x6b, A: 0xff}

// secondaryTheme is the window's theme, except that Fyne's disabled
// foreground is colorNameSecondary (see secondary). It asks the app's
// current theme for everything, so it follows the variant.
type secondaryTheme struct{}

func (secondaryTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t secondaryTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	base := t.base()
	if n == theme.ColorNameDisabled {
		n = colorNameSecondary
		if _, ours := base.(*appTheme); !ours {
			n = theme.ColorNamePlaceHolder
		}
	}
	return base.Color(n, v)
}

func (t secondaryTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.base().Font(s) }
func (t secondaryTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }
func (t secondaryTheme) Size(n fyne.ThemeSizeName) float32       { return t.base().Size(n) }

// secondary shows o with what Fyne draws in its disabled colour in
// colorNameSecondary: for a read-only draft's selects and check boxes
// (readableChoices), whose disabled text is its values. Each use costs
// Fyne a reset of its text and icon caches, so it is not for the many
// labels of the form (widgets.Label is). Do not wrap a button, or a box
// holding one: disabled, it would look usable.
func secondary(o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewThemeOverride(o, secondaryTheme{})
}

// Size keeps the default sizes but for the blur behind a modal dialog,
// which is none: Fyne 2.8 blurs the whole window behind every dialog (two
// passes over a copy of the frame, 1.5 px), in every frame drawn while the
// dialog is open, such as each blink of a cursor under it. Under a
// software renderer (Mesa's llvmpipe under Xvfb, 2 cores) such a frame
// took 90–160 ms instead of 30–50 ms; the dimmed backdrop stays.
func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameModalBlurRadius {
		return 0
	}
	return t.Theme.Size(n)
}

// followSystemVariant applies the theme. Windows and macOS tell Fyne their
// light or dark setting before the window opens; on Linux Fyne asks the
// desktop portal later and, when nobody answers, stays dark. So on Linux
// the window is light until the desktop answers (Fyne then applies its
// settings again, and from then on its variant is the system's);
// FYNE_THEME still overrides.
func followSystemVariant(a fyne.App, t *appTheme) {
	unknown := os.Getenv("FYNE_THEME") == "" && runtime.GOOS != "windows" && runtime.GOOS != "darwin"
	t.light.Store(unknown)
	a.Settings().SetTheme(t)
	if !unknown {
		return
	}
	a.Settings().AddListener(func(s fyne.Settings) {
		if t.light.CompareAndSwap(true, false) {
			s.SetTheme(t)
		}
	})
}
