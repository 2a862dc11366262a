package app

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/platform"
)

// hasLabel reports whether a label with text is somewhere under o.
func hasLabel(t *testing.T, o fyne.CanvasObject, text string) bool {
	switch v := o.(type) {
	case *widget.Label:
		return v.Text == text
	case *fyne.Container:
		for _, c := range v.Objects {
			if hasLabel(t, c, text) {
				return true
			}
		}
	case fyne.Widget:
		return hasLabel(t, container.NewWithoutLayout(test.TempWidgetRenderer(t, v).Objects()...), text)
	}
	return false
}

// TestChooseFileWithTheSystemDialog: what the system's dialog answers is
// handed on — a path, nothing when cancelled, Fyne's dialog (titled in
// Chinese) when the system's could not be shown — and without one (Linux,
// tests) Fyne's dialog is shown at once.
func TestChooseFileWithTheSystemDialog(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("申报助手")
	w.Resize(fyne.NewSize(1000, 700))
	req := platform.FileRequest{Title: "添加照片", Kind: "照片（JPEG、PNG）", Exts: []string{".jpg"}, Dir: t.TempDir()}
	answer := func(p string, ok bool, err error) platform.NativeDialog {
		return func(got platform.FileRequest) (string, bool, error) {
			if got.Title != req.Title || got.Dir != req.Dir || len(got.Exts) != 1 {
				t.Errorf("the system dialog was asked for %+v", got)
			}
			return p, ok, err
		}
	}
	var chosen []string
	pick := func(p string) { chosen = append(chosen, p) }

	<-chooseIn(w, answer("/照片/IMG_0001.JPG", true, nil), req, pick)
	if len(chosen) != 1 || chosen[0] != "/照片/IMG_0001.JPG" {
		t.Errorf("chosen %q", chosen)
	}
	<-chooseIn(w, answer("", false, nil), req, pick)
	if len(chosen) != 1 || w.Canvas().Overlays().Top() != nil {
		t.Errorf("a cancelled dialog chose %q, or showed another dialog", chosen)
	}
	<-chooseIn(w, answer("", false, errors.New("no dialog")), req, pick)
	top := w.Canvas().Overlays().Top()
	if top == nil || !hasLabel(t, top, "添加照片") {
		t.Fatal("no Fyne dialog titled 添加照片 after the system's failed")
	}
	top.Hide()
	w.Canvas().Overlays().Remove(top)

	<-chooseIn(w, nil, platform.FileRequest{Title: "选择存放申报书的文件夹", Folder: true}, pick)
	if top := w.Canvas().Overlays().Top(); top == nil || !hasLabel(t, top, "选择存放申报书的文件夹") {
		t.Error("no Fyne folder dialog with its Chinese title")
	}
	if len(chosen) != 1 {
		t.Errorf("chosen %q", chosen)
	}
}

func TestWithUpper(t *testing.T) {
	got := withUpper([]string{".jpg", ".png"})
	if len(got) != 4 || got[2] != ".JPG" || got[3] != ".PNG" {
		t.Errorf("%q", got)
	}
}
