package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	pdflayout "shenbao/forms/layout"

	"shenbao/app/widgets"
)

// reviewScreen is the whole application on one scrollable page, laid out
// in the order of the printed form, with an edit link per section.
type reviewScreen struct {
	f       *formScreen
	content fyne.CanvasObject
	edit    map[string]*widget.Button // section id → its edit link
	summary *widget.Label
	scroll  *container.Scroll
}

// onReview shows the review page of the open draft.
func (f *formScreen) onReview() {
	r := newReviewScreen(f)
	f.u.review = r
	f.u.setContent(r.content)
}

func newReviewScreen(f *formScreen) *reviewScreen {
	r := &reviewScreen{f: f, edit: map[string]*widget.Button{}}
	back := widget.NewButtonWithIcon("返回修改", theme.NavigateBackIcon(), func() {
		f.u.review = nil
		f.u.setContent(f.content)
	})
	export := widget.NewButtonWithIcon("导出申报材料", theme.UploadIcon(), f.onExport)
	errs, warns := countFindings(f.findings)
	r.summary = widget.NewLabel("检查结果：" + countsText(errs, warns) + "。导出前请逐项核对；点“修改”回到表单的对应部分。")
	r.summary.Wrapping = fyne.TextWrapBreak
	switch {
	case errs > 0:
		r.summary.Importance = widget.DangerImportance
	case warns > 0:
		r.summary.Importance = widget.WarningImportance
	}
	// The page shows the blocks the PDF prints, in the same order.
	page := container.NewVBox()
	var card *fyne.Container
	flush := func() {
		if card != nil {
			page.Add(widget.NewCard("", "", card))
			card = nil
		}
	}
	section := func(id, heading string) {
		flush()
		h := widget.NewLabelWithStyle(heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		h.SizeName = theme.SizeNameSubHeadingText
		h.Wrapping = fyne.TextWrapBreak
		var head fyne.CanvasObject = h
		if id != "" {
			edit := widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), func() { r.onEdit(id) })
			r.edit[id] = edit
			head = container.NewBorder(nil, nil, nil, edit, h)
		}
		card = container.NewVBox(head)
	}
	var walk func(bs []pdflayout.Block)
	walk = func(bs []pdflayout.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *pdflayout.Cover:
				section("cover", strings.Join(b.Title, "\n"))
				grid := container.New(layout.NewFormLayout())
				for _, fl := range b.Fields {
					grid.Add(widget.NewLabelWithStyle(fl.Label, fyne.TextAlignTrailing, fyne.TextStyle{}))
					grid.Add(reviewValue(fl.Value))
				}
				card.Add(grid)
			case *pdflayout.Heading:
				if b.Level == 1 {
					section(b.Step, b.Text)
					continue
				}
				if card == nil {
					section("", "")
				}
				card.Add(widget.NewLabelWithStyle(b.Text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
			case *pdflayout.Paragraph:
				if card == nil {
					section("", "")
				}
				card.Add(reviewValue(b.Text))
			case *pdflayout.Table:
				if card == nil {
					section("", "")
				}
				card.Add(reviewLayoutTable(b))
			case *pdflayout.KeepTogether:
				walk(b.Blocks)
			}
		}
	}
	for _, doc := range pdflayout.Documents(f.u.call, f.d, f.u.now()) {
		walk(doc.Blocks)
	}
	flush()
	top := container.NewVBox(container.NewBorder(nil, nil, back, export, widget.NewLabelWithStyle("审阅全文（与打印的申报书内容和顺序相同）", fyne.TextAlignCenter, fyne.TextStyle{})), r.summary, widget.NewSeparator())
	// The wheel scrolls about three lines a notch, as on the form (Fyne's
	// own step is 25 px).
	r.scroll = container.NewVScroll(container.NewPadded(page))
	r.content = container.NewBorder(top, nil, nil, nil, widgets.NewWheelScroll(r.scroll))
	return r
}

// onEdit goes back to the form at a section's first field.
func (r *reviewScreen) onEdit(id string) {
	f := r.f
	f.u.review = nil
	f.u.setContent(f.content)
	for _, s := range f.sections {
		if s.id == id {
			f.jump(s.first)
			return
		}
	}
}

// reviewValue is a printed value: wrapped, a dash when empty.
func reviewValue(s string) *widget.Label {
	l := widget.NewLabel(orDash(s))
	l.Wrapping = fyne.TextWrapBreak
	return l
}

// reviewLayoutTable shows a printed table: label cells in bold, each row's
// cells side by side in the printed columns' proportions.
func reviewLayoutTable(t *pdflayout.Table) fyne.CanvasObject {
	box := container.NewVBox()
	rowObj := func(row pdflayout.Row) fyne.CanvasObject {
		var cells []fyne.CanvasObject
		var weights []float32
		col := 0
		for _, c := range row.Cells {
			w := float32(0)
			for k := 0; k < c.SpanOf() && col < len(t.Widths); k++ {
				w += float32(t.Widths[col])
				col++
			}
			text := c.Text
			if len(c.Foot) > 0 {
				text = strings.TrimSpace(text + "\n" + strings.Join(c.Foot, "\n"))
			}
			var l *widget.Label
			if c.Label {
				l = widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
				l.Wrapping = fyne.TextWrapBreak
			} else {
				l = reviewValue(text)
			}
			cells = append(cells, l)
			weights = append(weights, w)
		}
		return container.New(&weightedColumns{weights: weights}, cells...)
	}
	for _, h := range t.Header {
		box.Add(rowObj(h))
	}
	for _, r := range t.Rows {
		box.Add(rowObj(r))
	}
	return box
}

// weightedColumns lays its objects side by side, widths in proportion to
// the weights (the printed table's column shares), heights the tallest.
type weightedColumns struct{ weights []float32 }

func (w *weightedColumns) total() float32 {
	var t float32
	for _, x := range w.weights {
		t += x
	}
	if t == 0 {
		t = 1
	}
	return t
}

func (w *weightedColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	avail := size.Width - pad*float32(len(objs)-1)
	x := float32(0)
	for i, o := range objs {
		cw := avail * w.weights[i] / w.total()
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(cw, size.Height))
		x += cw + pad
	}
}

func (w *weightedColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	// Wrapped labels take any width; the height is that of the tallest
	// cell at the width it gets in a 900 px wide page.
	var h float32
	for i, o := range objs {
		cw := 900 * w.weights[i] / w.total()
		if l, ok := o.(*widget.Label); ok {
			l.Resize(fyne.NewSize(cw, l.MinSize().Height))
		}
		if mh := o.MinSize().Height; mh > h {
			h = mh
		}
	}
	return fyne.NewSize(float32(len(objs))*20, h)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
