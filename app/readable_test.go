package app

import (
	"image"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/widgets"
	"shenbao/forms"
)

// luminance is a colour's relative luminance (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrastRatio is the WCAG contrast ratio of two colours (1 to 21).
func contrastRatio(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// textContrast is the contrast ratio against bg of the pixel within r most
// unlike it: the text's own colour, where its strokes are solid. 1 when
// nothing is drawn there.
func textContrast(img image.Image, r image.Rectangle, bg color.Color) float64 {
	best := 1.0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			best = max(best, contrastRatio(img.At(x, y), bg))
		}
	}
	return best
}

// area is where o is drawn in its window.
func area(o fyne.CanvasObject) image.Rectangle {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return image.Rect(int(pos.X), int(pos.Y), int(pos.X+o.Size().Width), int(pos.Y+o.Size().Height))
}

// variants runs a test in the light and the dark variant of the program's
// theme, on the test window of newTestUI.
func variants(t *testing.T, run func(t *testing.T, u *ui, dir string, th *appTheme)) {
	for _, light := range []bool{true, false} {
		t.Run(map[bool]string{true: "light", false: "dark"}[light], func(t *testing.T) {
			u, dir := newTestUI(t)
			th := newTheme()
			th.light.Store(light)
			u.app.Settings().SetTheme(th)
			run(t, u, dir, th)
		})
	}
}

// readable is the contrast WCAG asks of small text: the 大写 is in the
// caption size.
const readable = 4.5

// The secondary lines of the budget step, the 人民币大写 under each amount
// and the 明细合计 under the table, are readable in both variants (Fyne's
// LowImportance, its disabled colour, had 1.3:1 light and 1.6:1 dark), and
// lighter than the amounts themselves.
func TestBudgetSecondaryLinesReadable(t *testing.T) {
	variants(t, func(t *testing.T, u *ui, _ string, th *appTheme) {
		f := openSampleDraft(t, u, "forum")
		f.showStep(f.fields["budget.total"].step)
		// 其他经费 is 0 in the sample, an empty box: given an amount, its
		// 大写 is compared with it too.
		f.fields["budget.other"].focus.(*widgets.Entry).SetText("2000")
		f.scroll.ScrollToBottom()
		v := u.app.Settings().ThemeVariant()
		bg := th.Color(theme.ColorNameBackground, v)
		img := u.win.Canvas().Capture()
		for _, p := range budgetTotals {
			fl := f.fields[p]
			if fl.capital == nil || fl.capital.Text == "" {
				t.Fatalf("%s has no 人民币大写", p)
			}
			got := textContrast(img, area(fl.capital), bg)
			if got < readable {
				t.Errorf("%s: %q drawn with a contrast of %.1f:1 (want at least %.1f:1)", p, fl.capital.Text, got, readable)
			}
			box := fl.focus.(*widgets.Entry)
			amount := textContrast(img, inner(box), th.Color(theme.ColorNameInputBackground, v))
			if got >= amount {
				t.Errorf("%s: the 大写 (%.1f:1) is not lighter than the amount (%.1f:1)", p, got, amount)
			}
		}
		f.scrollTo(f.budgetSum)
		img = u.win.Canvas().Capture()
		if got := textContrast(img, area(f.budgetSum), bg); got < readable {
			t.Errorf("%q drawn with a contrast of %.1f:1", f.budgetSum.Text, got)
		}
		// The headings of the table too; 金额（元） over the right edge of
		// the amounts.
		tb := f.tables["budget.lines"]
		if len(tb.heads) != 3 {
			t.Fatalf("%d headings", len(tb.heads))
		}
		f.scrollTo(tb.box)
		img = u.win.Canvas().Capture()
		for _, h := range tb.heads {
			if got := textContrast(img, area(h), bg); got < readable {
				t.Errorf("heading %q drawn with a contrast of %.1f:1", h.Text, got)
			}
		}
		amount := f.fields["budget.lines[0].amount"].focus.(*widgets.Entry)
		// Its last character, the full-width ）, inks the left part of
		// its width only: up to 8 px short.
		_, right, _ := ink(img, area(tb.heads[1]), bg)
		if d := float32(right+1) - innerRight(amount); d < -8 || d > 1 {
			t.Errorf("金额（元） ends %.0f px from the amounts' right edge", d)
		}
	})
}

// A draft opened read-only shows its values readable in both variants:
// text boxes, a multi-line box, an amount, a select, a check box (Fyne
// draws them disabled, with a contrast of about 1.2:1 light). Empty boxes
// show nothing that could be taken for a value, and disabled buttons still
// look disabled.
func TestReadOnlyValuesReadable(t *testing.T) {
	variants(t, func(t *testing.T, u *ui, dir string, th *appTheme) {
		f := openReadOnlyForum(t, u, dir)
		v := u.app.Settings().ThemeVariant()
		box := th.Color(theme.ColorNameInputBackground, v)
		for _, p := range []string{"applicant.name", "applicant.type", "confidential", "expected_results", "budget.total", "budget.lines[0].item"} {
			fl := f.fields[p]
			if fl == nil {
				t.Fatalf("no field %s", p)
			}
			if d, ok := fl.focus.(fyne.Disableable); !ok || !d.Disabled() {
				t.Errorf("%s is not disabled", p)
			}
			f.showStep(fl.step)
			f.scrollTo(fl.obj)
			img := u.win.Canvas().Capture()
			bg := box
			if p == "confidential" {
				bg = th.Color(theme.ColorNameBackground, v)
			}
			if got := textContrast(img, inner(fl.obj), bg); got < readable {
				t.Errorf("read-only %s drawn with a contrast of %.1f:1 (want at least %.1f:1)", p, got, readable)
			}
		}

		// The honours, a check group with no focus of its own, are
		// disabled too.
		if g, ok := f.fields["applicant.honours"].obj.(*widget.CheckGroup); !ok || !g.Disabled() {
			t.Error("the honours of a read-only draft can be ticked")
		}

		// An empty box: Fyne's faint placeholder, not a value.
		fl := f.fields["budget.other_note"]
		if e := fl.focus.(*widgets.Entry); e.Text != "" || e.PlaceHolder == "" {
			f.d.Budget.OtherNote = ""
			e.SetPlaceHolder("提示")
			e.SetText("")
		}
		f.showStep(fl.step)
		f.scrollTo(fl.obj)
		if got := textContrast(u.win.Canvas().Capture(), inner(fl.obj), box); got > 2 {
			t.Errorf("an empty read-only box shows something with a contrast of %.1f:1", got)
		}

		// 保存 is disabled and looks it.
		bg := th.Color(theme.ColorNameBackground, v)
		if got := textContrast(u.win.Canvas().Capture(), area(f.saveBtn), bg); !f.saveBtn.Disabled() || got > 2 {
			t.Errorf("保存 (disabled %v) drawn with a contrast of %.1f:1, as if it could be used", f.saveBtn.Disabled(), got)
		}
	})
}

// In a read-only draft no button of the form can change it: the tables'
// 添加一行 and 🗑 and the dates' calendars are disabled too.
func TestReadOnlyFormHasNoLiveButtons(t *testing.T) {
	u, dir := newTestUI(t)
	f := openReadOnlyForum(t, u, dir)
	buttons := 0
	eachObject(f.body, func(o fyne.CanvasObject) {
		b, ok := o.(*widget.Button)
		if fb, isFocus := o.(*widgets.Button); isFocus {
			b, ok = &fb.Button, true
		}
		if ok {
			buttons++
			if !b.Disabled() {
				t.Errorf("button %q enabled in a read-only draft", b.Text)
			}
		}
	})
	if buttons < 5 {
		t.Errorf("found %d buttons in the form, want the tables' and the dates' (at least 5)", buttons)
	}
}

// openReadOnlyForum opens the forum sample of the 2025 test call in u, a
// window with only the embedded calls: a draft the program has no call
// for, which opens read-only.
func openReadOnlyForum(t *testing.T, u *ui, dir string) *formScreen {
	t.Helper()
	next, err := forms.LoadCallFile(testCallPath)
	if err != nil {
		t.Fatal(err)
	}
	u.openDraft(copySample(t, next, dir, "forum"))
	f := u.form
	if f == nil || !f.readOnly {
		t.Fatal("the draft of another year's call is not read-only")
	}
	return f
}
