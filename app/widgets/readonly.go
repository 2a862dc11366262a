package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// readOnlyRenderer draws a text box of the form (an Entry that is not
// an amount box) as Fyne does, and, while it is disabled (a draft opened
// read-only), its text over it in ColorNameSecondary: Fyne 2.8.1 draws a
// disabled entry's text in its disabled colour, #e3e3e3 on the box's
// #f3f3f3 in the light theme, which cannot be read. Fyne's disabled colour
// cannot simply be changed in the theme: it is also what says a button,
// a box's border or a placeholder is disabled.
//
// Over the entry, inside its border, lies a rectangle of the box's colour
// (hiding Fyne's faint text and placeholder) and on it a RichText with the
// entry's text where the entry draws it: one line cut with "…", or wrapped
// over the box's rows, scrolling when longer, like the entry. An empty box
// shows Fyne's own (faint) placeholder, so a hint is never taken for a
// value. An enabled box is Fyne's entry as it is.
type readOnlyRenderer struct {
	fyne.WidgetRenderer
	e       *Entry
	cover   *canvas.Rectangle
	text    *widget.RichText
	seg     *widget.TextSegment
	objects []fyne.CanvasObject
}

func newReadOnlyRenderer(e *Entry, r fyne.WidgetRenderer) *readOnlyRenderer {
	seg := &widget.TextSegment{Style: widget.RichTextStyle{ColorName: ColorNameSecondary, Inline: true}}
	text := widget.NewRichText(seg)
	if e.MultiLine {
		text.Scroll = container.ScrollVerticalOnly
	} else {
		text.Truncation = fyne.TextTruncateEllipsis
	}
	ro := &readOnlyRenderer{WidgetRenderer: r, e: e, cover: canvas.NewRectangle(color.Transparent), text: text, seg: seg}
	ro.sync()
	return ro
}

// Objects returns the entry's objects followed by the cover and the text.
func (r *readOnlyRenderer) Objects() []fyne.CanvasObject {
	r.objects = over(r.objects, r.WidgetRenderer.Objects(), r.cover, r.text)
	return r.objects
}

// Layout lays out the entry, then the cover and the text.
func (r *readOnlyRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.place(size)
}

// Refresh refreshes the entry, then the text over it.
func (r *readOnlyRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	r.sync()
}

// sync shows the text over the entry while it is disabled and not empty.
func (r *readOnlyRenderer) sync() {
	e := r.e
	if !e.Disabled() || e.Text == "" {
		r.cover.Hide()
		r.text.Hide()
		return
	}
	r.cover.FillColor = e.Theme().Color(theme.ColorNameInputBackground, fyne.CurrentApp().Settings().ThemeVariant())
	if r.seg.Text != e.Text || r.seg.Style.TextStyle != e.TextStyle || r.text.Wrapping != e.Wrapping {
		r.seg.Text, r.seg.Style.TextStyle = e.Text, e.TextStyle
		if e.MultiLine {
			r.text.Wrapping = e.Wrapping
		}
	}
	r.place(e.Size())
	r.cover.Show()
	r.text.Show()
	r.cover.Refresh()
	r.text.Refresh()
}

// place puts the cover inside the entry's border and the text where the
// entry draws its own (the RichText pads it as the entry does).
func (r *readOnlyRenderer) place(size fyne.Size) {
	pad := r.e.Theme().Size(theme.SizeNameInnerPadding)
	r.cover.Move(fyne.NewSquareOffsetPos(pad / 2))
	r.cover.Resize(size.Subtract(fyne.NewSquareSize(pad)))
	r.text.Move(fyne.Position{})
	r.text.Resize(size)
}
