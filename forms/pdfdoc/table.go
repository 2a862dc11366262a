package pdfdoc

import (
	"io"
	"math"
	"strings"
	"unicode"

	"github.com/signintech/gopdf"

	"shenbao/forms/layout"
)

// Cell padding in points.
const (
	padX = 4.0
	padY = 3.5
)

// cellBox is a laid-out cell: where it is and its lines.
type cellBox struct {
	x0, x1 float64
	label  bool
	align  layout.Align
	size   float64 // type size of the text lines
	lines  []Line  // text lines
	foot   []Line  // foot lines (right-aligned, at the bottom)
	boxes  int     // boxes instead of text (layout.Cell.Boxes)
	text   string  // the characters in the boxes
}

// Label sizes tried, largest first, to set a label on one line: 五号 down
// to 小五 (9 pt), as printed forms shrink a long label rather than wrap it.
var labelSizes = []float64{10.5, 10, 9.5, 9}

// LabelSize is the size a label is set in within a width (points), given
// the advance of each character at 1 pt and the body size: the body size
// when it fits one line, else the largest of labelSizes that fits; a label
// too long even at 9 pt is set at the body size and wraps.
func LabelSize(text string, inner float64, width func(rune) float64, body float64) float64 {
	if strings.Contains(text, "\n") {
		return body
	}
	w := 0.0
	for _, r := range text {
		w += width(r)
	}
	if w*body <= inner {
		return body
	}
	for _, s := range labelSizes {
		if s <= body && w*s <= inner {
			return s
		}
	}
	return body
}

func (e *engine) labelSize(text string, inner float64) float64 {
	return LabelSize(text, inner, e.width, e.bodySize)
}

// CellSize is the size a cell's text is set in within a width (points),
// given the advance of each character at 1 pt and the body size: a label or
// a one-line value as LabelSize; a short value of Latin words (a foreign
// name, "Hans Müller") that does not fit one line is set smaller (down to
// 9 pt) when that keeps it whole; a value with a word longer than the width
// (a long hyphen-less name, an address of digits) is set smaller until the
// word fits, and is hyphenated only when it does not fit even at 9 pt.
func CellSize(c layout.Cell, inner float64, width func(rune) float64, body float64) float64 {
	if c.Label || c.OneLine {
		return LabelSize(c.Text, inner, width, body)
	}
	if c.Text == "" || strings.Contains(c.Text, "\n") {
		return body
	}
	rs := []rune(c.Text)
	if !hasHan(rs) && strings.Count(c.Text, " ") <= 2 {
		if s := LabelSize(c.Text, inner, width, body); s < body {
			return s
		}
	}
	// The widest piece of the text between two allowed breaks.
	longest, w := 0.0, 0.0
	for i, r := range rs {
		if i > 0 && validBreak(rs, i) {
			w = 0
		}
		if !unicode.IsSpace(r) {
			w += width(r)
		}
		longest = max(longest, w)
	}
	if longest*body <= inner {
		return body
	}
	for _, s := range labelSizes {
		if s <= body && longest*s <= inner {
			return s
		}
	}
	return labelSizes[len(labelSizes)-1]
}

// hasHan reports whether rs holds a Chinese character.
func hasHan(rs []rune) bool {
	for _, r := range rs {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// content is the number of lines the cell needs: its text, then (when there
// are foot lines) a blank line and the foot lines.
func (c *cellBox) content() int {
	n := len(c.lines)
	if len(c.foot) > 0 {
		n += 1 + len(c.foot)
	}
	return n
}

// rowBox is a laid-out row.
type rowBox struct {
	cells []*cellBox
	minH  float64
}

func (e *engine) layoutRow(t *layout.Table, r layout.Row, xs []float64) *rowBox {
	rb := &rowBox{minH: r.MinHeightMM * mm}
	col := 0
	for _, c := range r.Cells {
		span := c.SpanOf()
		if col >= len(xs)-1 {
			break
		}
		end := col + span
		if end > len(xs)-1 {
			end = len(xs) - 1
		}
		cb := &cellBox{x0: xs[col], x1: xs[end], label: c.Label, align: c.Align, boxes: c.Boxes, text: c.Text}
		if c.Label {
			cb.align = layout.Center
		}
		inner := cb.x1 - cb.x0 - 2*padX
		cb.size = CellSize(c, inner, e.width, e.bodySize)
		cb.lines = e.wrapStyle(c.Text, inner, style{size: cb.size})
		if c.Text == "" || c.Boxes > 0 {
			cb.lines = nil
		}
		kind := KindCell
		if c.Label {
			kind = KindLabel
		}
		e.traced(kind, c.Text, cb.lines, cb.size, inner)
		for _, f := range c.Foot {
			cb.foot = append(cb.foot, e.wrapStyle(f, inner, style{size: e.bodySize})...)
		}
		rb.cells = append(rb.cells, cb)
		col = end
	}
	// Columns no cell covers still get ruled.
	if col < len(xs)-1 {
		rb.cells = append(rb.cells, &cellBox{x0: xs[col], x1: xs[len(xs)-1]})
	}
	return rb
}

func (rb *rowBox) lines() int {
	n := 1
	for _, c := range rb.cells {
		if k := c.content(); k > n {
			n = k
		}
	}
	return n
}

func (e *engine) rowHeight(rb *rowBox) float64 {
	h := 2*padY + float64(rb.lines())*e.lineH
	if rb.minH > h {
		h = rb.minH
	}
	return h
}

func (e *engine) table(t *layout.Table) {
	n := len(t.Widths)
	if n == 0 {
		return
	}
	sum := 0.0
	for _, w := range t.Widths {
		sum += w
	}
	right := e.right
	if t.WidthMM > 0 {
		right = math.Min(e.right, e.left+t.WidthMM*mm)
	}
	if t.Size > 0 {
		// The table's rows are measured and drawn in its own size.
		body, lh := e.bodySize, e.lineH
		e.bodySize, e.lineH = t.Size, t.Size*e.o.LineSpacing
		defer func() { e.bodySize, e.lineH = body, lh }()
	}
	xs := make([]float64, n+1)
	xs[0] = e.left
	for i, w := range t.Widths {
		xs[i+1] = xs[i] + (right-e.left)*w/sum
	}
	xs[n] = right
	var header []*rowBox
	headerH := 0.0
	for _, r := range t.Header {
		rb := e.layoutRow(t, r, xs)
		header = append(header, rb)
		headerH += e.rowHeight(rb)
	}
	drawHeader := func() {
		for _, rb := range header {
			h := e.rowHeight(rb)
			e.drawRow(rb, 0, rb.lines(), h, true)
			e.y += h
		}
	}
	var rows []*rowBox
	for _, r := range t.Rows {
		rows = append(rows, e.layoutRow(t, r, xs))
	}
	// Start on a new page unless the header and the first row (or at least
	// two lines of it) fit.
	first := 2*padY + 2*e.lineH
	if len(rows) > 0 && e.rowHeight(rows[0]) < first {
		first = e.rowHeight(rows[0])
	}
	if headerH+first > e.avail() && !e.atTop() {
		e.newPage()
	}
	if t.Frame && !e.measuring {
		total := headerH
		for _, rb := range rows {
			total += e.rowHeight(rb)
		}
		if total > e.avail() && !e.atTop() {
			e.newPage()
		}
		// The cut line, 3 mm outside the table's rules.
		x0, x1, y0, y1 := xs[0]-3*mm, xs[n]+3*mm, e.y-3*mm, e.y+total+3*mm
		gp := e.gp
		e.draw(func() error {
			gp.SetLineWidth(0.5)
			gp.SetStrokeColor(0, 0, 0)
			gp.SetLineType("dashed")
			gp.RectFromUpperLeftWithStyle(x0, y0, x1-x0, y1-y0, "D")
			gp.SetLineType("solid")
			return nil
		})
		e.text("✂", x0-2*mm, x0+4*mm, y0-e.lineH/2, 9, layout.Left, 0)
	}
	drawHeader()
	pageH := e.bot - e.top
	for _, rb := range rows {
		h := e.rowHeight(rb)
		if h <= e.avail() {
			e.drawRow(rb, 0, rb.lines(), h, true)
			e.y += h
			continue
		}
		// A short row moves whole to the next page; a long one is split,
		// filling this page first.
		if h <= pageH/3 || e.avail() < 2*padY+2*e.lineH {
			e.newPage()
			drawHeader()
			if h <= e.avail() {
				e.drawRow(rb, 0, rb.lines(), h, true)
				e.y += h
				continue
			}
		}
		from, total := 0, rb.lines()
		for from < total {
			k := int((e.avail() - 2*padY) / e.lineH)
			if k < 1 {
				e.newPage()
				drawHeader()
				continue
			}
			to := from + k
			whole := from == 0 && to >= total
			if to >= total {
				to = total
			}
			segH := 2*padY + float64(to-from)*e.lineH
			if to == total && rb.minH > segH && rb.minH <= e.avail() {
				segH = rb.minH
			}
			e.drawRow(rb, from, to, segH, whole)
			e.y += segH
			from = to
			if from < total {
				e.newPage()
				drawHeader()
			}
		}
	}
	e.y += 4
}

// drawRow draws content lines [from, to) of a row in a band of height h at
// e.y. whole is true when the row is drawn in one piece: then label cells
// are centred vertically and foot lines sit at the bottom.
func (e *engine) drawRow(rb *rowBox, from, to int, h float64, whole bool) {
	y0 := e.y
	gp := e.gp
	for _, c := range rb.cells {
		if c.label {
			x0, x1 := c.x0, c.x1
			e.draw(func() error {
				gp.SetFillColor(235, 235, 235)
				gp.RectFromUpperLeftWithStyle(x0, y0, x1-x0, h, "F")
				return nil
			})
		}
	}
	for _, c := range rb.cells {
		if c.boxes > 0 {
			e.drawBoxes(c, y0, h)
		}
	}
	for _, c := range rb.cells {
		x0, x1 := c.x0+padX, c.x1-padX
		st := style{size: c.size, align: c.align, justify: true}
		foot := style{size: e.bodySize, align: layout.Right}
		if whole {
			top := y0 + padY
			if c.label || (len(c.foot) == 0 && len(c.lines) == 1) {
				// Labels and one-line cells sit in the middle of the row.
				top = y0 + (h-float64(len(c.lines))*e.lineH)/2
			}
			for i, l := range c.lines {
				e.lineIn(l, x0, x1, top+float64(i)*e.lineH, st)
			}
			fy := y0 + h - padY - float64(len(c.foot))*e.lineH
			for i, l := range c.foot {
				e.lineIn(l, x0, x1, fy+float64(i)*e.lineH, foot)
			}
			continue
		}
		if c.label && from > 0 && c.text != "" {
			// A row continued from the page before: its label again, marked
			// as continued ("项目简介（续）"), so the column is not blank.
			text := strings.ReplaceAll(c.text, "\n", "") + "（续）"
			size := e.labelSize(text, x1-x0)
			for i, l := range e.wrapStyle(text, x1-x0, style{size: size}) {
				e.lineIn(l, x0, x1, y0+padY+float64(i)*e.lineH, style{size: size, align: layout.Center})
			}
			continue
		}
		for i := from; i < to; i++ {
			y := y0 + padY + float64(i-from)*e.lineH
			switch {
			case i < len(c.lines):
				e.lineIn(c.lines[i], x0, x1, y, st)
			case i > len(c.lines) && i-len(c.lines)-1 < len(c.foot):
				e.lineIn(c.foot[i-len(c.lines)-1], x0, x1, y, foot)
			}
		}
	}
	e.draw(func() error {
		gp.SetLineWidth(0.6)
		gp.SetStrokeColor(0, 0, 0)
		gp.SetLineType("solid")
		for _, c := range rb.cells {
			gp.RectFromUpperLeftWithStyle(c.x0, y0, c.x1-c.x0, h, "D")
		}
		return nil
	})
}

// drawBoxes draws a cell's boxes, vertically centred, with one character of
// its text centred in each.
func (e *engine) drawBoxes(c *cellBox, y0, h float64) {
	side := layout.BoxMM * mm
	gap := 1.5 * mm
	by := y0 + (h-side)/2
	rs := []rune(c.text)
	gp := e.gp
	for i := 0; i < c.boxes; i++ {
		bx := c.x0 + padX + float64(i)*(side+gap)
		e.draw(func() error {
			gp.SetLineWidth(0.8)
			gp.SetStrokeColor(0, 0, 0)
			gp.SetLineType("solid")
			gp.RectFromUpperLeftWithStyle(bx, by, side, side, "D")
			return nil
		})
		if i < len(rs) {
			st := style{size: 14, align: layout.Center}
			e.textStyled(Line{Text: string(rs[i]), Last: true}, bx, bx+side, by+(side-14*e.o.LineSpacing)/2, st)
		}
	}
}

// lineIn draws a line of a cell in a band one body line high at y: a line
// set smaller than the body is centred in the band.
func (e *engine) lineIn(l Line, x0, x1, y float64, st style) {
	if st.size != e.bodySize {
		y += (e.lineH - st.size*e.o.LineSpacing) / 2
	}
	e.textStyled(l, x0, x1, y, st)
}

// FooterSize is the type size of the fingerprint in the footer, points.
const FooterSize = 6.5

// render draws the pages with their footers and writes the PDF.
func (e *engine) render(w io.Writer, doc *layout.Document) error {
	// Drop a trailing empty page (a cover or page break at the end).
	for len(e.pages) > 1 && len(e.pages[len(e.pages)-1]) == 0 {
		e.pages = e.pages[:len(e.pages)-1]
	}
	// The footers' faces count as used too: lay them out once first.
	for _, t := range []string{PageNumber(1, 1), doc.Footer} {
		e.runs(t, false)
	}
	gp := e.gp
	if err := startPDF(gp, e.used); err != nil {
		return err
	}
	info := gopdf.PdfInfo{Title: doc.Title, Creator: "申报助手", Producer: "申报助手 (gopdf)"}
	if !e.o.Created.IsZero() {
		info.CreationDate = e.o.Created
	}
	gp.SetInfo(info)
	total := len(e.pages)
	pages := e.pages
	for i, ops := range pages {
		gp.AddPage()
		for _, op := range ops {
			if err := op(); err != nil {
				return err
			}
		}
		if e.covers[i] {
			continue
		}
		// The footer, in the bottom margin: the page number centred, the
		// fingerprint small and grey at the right of the same line (it
		// matches the paper to the e-mailed file, and needs no more room
		// on an official form).
		e.pages = [][]func() error{nil}
		y := e.bot + 5*mm
		if !doc.NoPageNumbers {
			e.text(PageNumber(i+1, total), e.left, e.right, y, 9, layout.Center, 0)
		}
		if doc.Footer != "" {
			e.text(doc.Footer, e.left, e.right, y+(9-FooterSize)*e.o.LineSpacing/2, FooterSize, layout.Right, 0.45)
		}
		for _, op := range e.pages[0] {
			if err := op(); err != nil {
				return err
			}
		}
		gp.SetTextColor(0, 0, 0)
	}
	_, err := gp.WriteTo(w)
	return err
}
