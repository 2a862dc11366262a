package app

import (
	"bytes"
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	gotext "github.com/go-text/typesetting/font"

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

// BenchmarkUIFontParse measures what Fyne's text stack (go-text) allocates
// and keeps when it loads the window's font, which it does once per text
// style (regular and bold): `go test -bench UIFontParse -benchmem ./app`.
// It reports the heap still live after a parse as live-MB.
func BenchmarkUIFontParse(b *testing.B) {
	var live uint64
	for b.Loop() {
		b.StopTimer() // the collections are not the parse's time
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		b.StartTimer()
		f, err := gotext.ParseTTF(bytes.NewReader(cjkFont.Content()))
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&after)
		live = after.HeapAlloc - before.HeapAlloc
		runtime.KeepAlive(f)
		b.StartTimer()
	}
	b.ReportMetric(float64(live)/1e6, "live-MB")
}

// A modal dialog dims the window behind it without blurring it (each
// frame under a dialog would otherwise blur the whole window twice); the
// other sizes are Fyne's.
func TestModalDialogIsNotBlurred(t *testing.T) {
	th := newTheme()
	if got := th.Size(theme.SizeNameModalBlurRadius); got != 0 {
		t.Errorf("modal blur radius %v, want 0", got)
	}
	if got, want := th.Size(theme.SizeNamePadding), theme.DefaultTheme().Size(theme.SizeNamePadding); got != want {
		t.Errorf("padding %v, want Fyne's %v", got, want)
	}
	u, _ := newTestUI(t)
	u.ask("导出完成", "已保存。", choice{label: "关闭"})
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	var blurs []*canvas.Blur
	eachObject(top, func(o fyne.CanvasObject) {
		if b, ok := o.(*canvas.Blur); ok {
			blurs = append(blurs, b)
		}
	})
	if len(blurs) == 0 {
		t.Fatal("found no backdrop blur in the dialog's overlay; has Fyne changed how it draws one?")
	}
	for _, b := range blurs {
		if b.Radius != 0 {
			t.Errorf("the dialog's backdrop is blurred by %v px", b.Radius)
		}
	}
}
