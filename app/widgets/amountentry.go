package widgets

import (
	"errors"
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/text/width"

	"shenbao/forms"
)

// NewAmountEntry returns the form's box for an amount or a count: a
// Entry whose number, while the box is not being edited, is shown
// right-aligned (with thousands separators: 30,000), so that a column of
// boxes of one width lines its digits up on the right edge like a printed
// budget table. While the box has the keyboard it is Fyne's entry as it is,
// left-aligned; the text typed and stored (e.Text, the draft) stays the
// plain number.
//
// Fyne 2.8.1's Entry has no text alignment, so the entry's renderer is
// wrapped (Entry.CreateRenderer): inside Fyne's own border it lays a
// rectangle of the box's colour, which hides the entry's left-aligned text
// and placeholder, and on it a right-aligned canvas.Text. Both are
// plain canvas objects, not widgets, so a click anywhere in the box still
// reaches the entry underneath (Fyne hands a click to the topmost widget
// under the pointer that takes it), the cursor going where the click falls
// in the entry's own left-aligned text (at its end for a click on the
// digits); Tab order,
// typing, OnChanged and onCommit are the entry's. They follow every
// refresh of the entry (focus, text, Disable, theme). A disabled box
// (a draft opened read-only) keeps its value readable, in
// ColorNameSecondary like every read-only box (readOnlyRenderer): Fyne's
// disabled text colour is nearly the box's own. A number too wide for its box with separators is shown without
// them; an empty box, or one whose text does not fit at all, shows the
// entry's own text and placeholder, as before.
//
// An amount box never changes what is typed: nothing is stored is shown
// empty, with 待填 as its placeholder (no "0" for the digits typed next to
// be put before), and the box selects its whole text whenever it gets the
// keyboard, so that typing 30 into it stores 30.
func NewAmountEntry() *Entry {
	e := &Entry{shown: shownAmount, selectOnFocus: true}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder(amountPlaceholder)
	return e
}

// amountPlaceholder is what an empty amount box shows.
const amountPlaceholder = "待填"

// AmountText is how a stored amount is written into its box: 0, what an
// untouched draft holds, is the empty box.
func AmountText(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

// shownAmount is what an amount box shows while it is not being edited:
// the number it stores, with thousands separators, or the text as typed
// when it is not a number the form accepts (its message says why).
func shownAmount(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if n, problem := ReadNumber(s); problem == "" {
		return forms.Thousands(n)
	}
	return s
}

// CreateRenderer is Fyne's entry renderer; for an amount box (shown set)
// with the right-aligned text over it, for any other box with its text
// over it while it is disabled (readOnlyRenderer).
func (e *Entry) CreateRenderer() fyne.WidgetRenderer {
	r := e.Entry.CreateRenderer()
	if e.shown == nil {
		return newReadOnlyRenderer(e, r)
	}
	a := &amountRenderer{WidgetRenderer: r, e: e,
		cover: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", color.Transparent)}
	a.sync()
	return a
}

// amountRenderer is the entry's own renderer with a cover and the aligned
// text drawn last, over it.
type amountRenderer struct {
	fyne.WidgetRenderer
	e       *Entry
	cover   *canvas.Rectangle
	text    *canvas.Text
	objects []fyne.CanvasObject // the entry's objects, then cover and text
	// want is what to show, best first: the number with separators, the
	// text as typed; none while the box is being edited.
	want []string
}

// Objects returns the entry's objects followed by the cover and the text.
func (r *amountRenderer) Objects() []fyne.CanvasObject {
	r.objects = over(r.objects, r.WidgetRenderer.Objects(), r.cover, r.text)
	return r.objects
}

// over is a wrapped renderer's objects: the inner renderer's (which Fyne
// may change, e.g. when an entry swaps its scroller), then extra, drawn
// over them; last is the list returned before, kept while the inner one
// has not changed.
func over(last, inner []fyne.CanvasObject, extra ...fyne.CanvasObject) []fyne.CanvasObject {
	same := len(last) == len(inner)+len(extra)
	for i := 0; same && i < len(inner); i++ {
		same = last[i] == inner[i]
	}
	if !same {
		last = append(append(last[:0], inner...), extra...)
	}
	return last
}

// Layout lays out the entry, then the cover and the text.
func (r *amountRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.place(size)
}

// Refresh refreshes the entry, then what is shown over it.
func (r *amountRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	r.sync()
}

// sync sets the shown text and colours from the entry's state.
func (r *amountRenderer) sync() {
	e := r.e
	th := e.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.want = r.want[:0]
	if !e.focused || e.Disabled() {
		if s := e.shown(e.Text); s != "" {
			r.want = append(r.want, s)
		}
		if s := strings.TrimSpace(e.Text); s != "" && (len(r.want) == 0 || s != r.want[0]) {
			r.want = append(r.want, s)
		}
	}
	col := th.Color(theme.ColorNameForeground, v)
	if e.Disabled() {
		col = th.Color(ColorNameSecondary, v)
	}
	r.text.Color = col
	r.text.TextSize, r.text.TextStyle = th.Size(theme.SizeNameText), e.TextStyle
	r.cover.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.place(e.Size())
	r.text.Refresh()
	r.cover.Refresh()
}

// place shows the first of want that fits, its right edge at the box's
// inner right edge and at the height of the entry's own text. Cover and
// text are hidden when there is nothing to show or nothing fits: the
// entry's own text shows then.
func (r *amountRenderer) place(size fyne.Size) {
	th := r.e.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	for _, s := range r.want {
		r.text.Text = s
		min := r.text.MinSize()
		if min.Width > size.Width-2*pad {
			continue
		}
		// Inside the border (drawn over the box's edge) and around the
		// entry's text, which starts one padding in.
		r.cover.Move(fyne.NewSquareOffsetPos(pad / 2))
		r.cover.Resize(size.Subtract(fyne.NewSquareSize(pad)))
		r.text.Move(fyne.NewPos(size.Width-pad-min.Width, pad))
		r.text.Resize(min)
		r.cover.Show()
		r.text.Show()
		return
	}
	r.text.Text = ""
	r.cover.Hide()
	r.text.Hide()
}

// ReadNumber reads a whole number typed with half- or full-width digits,
// with or without thousands separators and a trailing 元; a number beyond
// ±forms.MaxAmount (1亿) is not accepted. When s is not accepted it says
// why, in Chinese; an empty s is 0.
func ReadNumber(s string) (int64, string) {
	s = strings.TrimSpace(width.Fold.String(s))
	s = strings.NewReplacer(",", "", "，", "", " ", "").Replace(s)
	s = strings.TrimSuffix(s, "元")
	if s == "" {
		return 0, ""
	}
	n, err := strconv.ParseInt(s, 10, 64)
	switch {
	case errors.Is(err, strconv.ErrRange), err == nil && (n > forms.MaxAmount || n < -forms.MaxAmount):
		return 0, fmt.Sprintf("数字太大：最多可填 %s（1亿），请检查是否多输了几位，或粘贴了证件号码等其他号码。", forms.Thousands(forms.MaxAmount))
	case err != nil:
		return 0, "请只填写阿拉伯数字（如 30000），不要带单位或文字。"
	}
	return n, ""
}

// IsAmount tells whether the entry is an amount box (NewAmountEntry),
// whose number ends at its right edge: a table's heading over it is
// aligned there too.
func (e *Entry) IsAmount() bool { return e.shown != nil }
