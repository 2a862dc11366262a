// Package docx renders layout documents as Word files (.docx, Office Open
// XML WordprocessingML) with the same content, in the same order, as the PDF
// of forms/pdfdoc: A4 with the same margins, paragraph styles a secretary can
// restyle (正文, 标题 1 and 标题 2 in bold, 表格文字 left-aligned), the serif
// named as Word on a Chinese Windows has it (宋体 and Times New Roman; bold
// where the PDF is bold), merged cells where the layout spans columns, table
// header rows that repeat on each page, keep-together groups, and a footer
// with "第 x 页 共 y 页" (PAGE and NUMPAGES fields, NUMPAGES holding the PDF's
// page count until Word updates it) and the fingerprint.
//
// The parts are written by hand with archive/zip and encoding/xml: the two
// Go libraries available (gomutex/godocx, fumiama/go-docx) can set East
// Asian fonts and spans, but neither creates a footer part with PAGE and
// NUMPAGES fields, and fumiama/go-docx has no repeating header rows or
// cantSplit rows; what this package needs of WordprocessingML is small and
// fixed (docs/documents.md).
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"shenbao/forms"
	"shenbao/forms/layout"
	"shenbao/forms/pdfdoc"
)

// Fonts named in the styles and on every run outside them: the faces Word
// on a Chinese Windows has. The PDF's Noto Serif SC stands for 宋体 (SimSun)
// and Times New Roman, its Bold for their bold (docs/documents.md).
const (
	BodyFontEastAsia = "宋体"
	LatinFont        = "Times New Roman"
)

// Page geometry in twentieths of a point (twips): A4, 28 mm left margin for
// binding, 20 mm elsewhere, as the PDF.
const (
	pageW        = 11906
	pageH        = 16838
	marginLeft   = 1587
	marginRight  = 1134
	marginTop    = 1134
	marginBottom = 1134
	footerDist   = 567
	textWidth    = pageW - marginLeft - marginRight
	bodySize     = 21 // half-points: 10.5 pt (五号)
)

// Application writes the application form of a draft (layout.Application).
// zipTime is the time stamp of every part of the package: fixed, so the
// same document gives the same bytes (the DOS epoch, the earliest a zip
// can hold).
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

func Application(w io.Writer, call *forms.Call, d *forms.Draft, generated time.Time) error {
	return Document(w, layout.Application(call, d, generated))
}

// Document writes doc as a .docx file.
func Document(w io.Writer, doc *layout.Document) error {
	// The PDF's pagination, which the .docx follows: its page count is what
	// the footer's NUMPAGES shows until the fields are updated (a previewer
	// that does not update fields shows it), and a block the PDF moves to a
	// new page to keep the group after it company starts a page here too.
	pg, err := pdfdoc.Paginate(doc)
	if err != nil {
		return err
	}
	pages := pg.Pages
	b := &builder{moved: pg.MovedToNewPage}
	b.blocks(doc.Blocks, false)
	body := b.buf.String()

	var out bytes.Buffer
	z := zip.NewWriter(&out)
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", coreProps(doc.Title)},
		{"docProps/app.xml", appProps(pages)},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/document.xml", documentXML(body, b.hasCover)},
		{"word/styles.xml", stylesXML()},
		{"word/settings.xml", settingsXML},
		{"word/footer1.xml", footerXML(doc, pages, b.hasCover)},
		{"word/footer2.xml", emptyFooter},
	}
	parts = b.withMedia(parts)
	for _, p := range parts {
		fw, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(fw, p.data); err != nil {
			return err
		}
	}
	if err := z.Close(); err != nil {
		return err
	}
	_, err = w.Write(out.Bytes())
	return err
}

// esc escapes text for XML; characters XML cannot hold become U+FFFD.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func twips(mm float64) int { return int(math.Round(mm / 25.4 * 1440)) }

// runStyle is the formatting of a run.
type runStyle struct {
	heading bool   // bold, as the PDF's headings (Noto Serif SC Bold)
	size    int    // half-points; 0 is the body size (or the style's)
	color   string // hex RGB, "" is automatic
	// in is the paragraph style the run is in ("" for none): a run in a
	// style carries only what differs from it, so that restyling the
	// style (its font, size, weight) restyles the text.
	in string
}

func (s runStyle) rPr() string {
	if st, ok := styles[s.in]; ok {
		var b strings.Builder
		if s.heading && !st.bold {
			b.WriteString("<w:b/><w:bCs/>")
		}
		if s.color != "" {
			fmt.Fprintf(&b, `<w:color w:val="%s"/>`, s.color)
		}
		if s.size != 0 && s.size != st.size {
			fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, s.size, s.size)
		}
		if b.Len() == 0 {
			return ""
		}
		return "<w:rPr>" + b.String() + "</w:rPr>"
	}
	size := s.size
	if size == 0 {
		size = bodySize
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s" w:hint="eastAsia"/>`, LatinFont, LatinFont, BodyFontEastAsia, LatinFont)
	if s.heading {
		b.WriteString("<w:b/><w:bCs/>")
	}
	if s.color != "" {
		fmt.Fprintf(&b, `<w:color w:val="%s"/>`, s.color)
	}
	fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>`, size, size)
	return b.String()
}

// paraStyle is a paragraph style of styles.xml, as the writer needs to know
// it: what a paragraph in it need not repeat.
type paraStyle struct {
	id, name            string
	size                int // half-points
	bold                bool
	before, after, line int // twips; line exact
	align               string
	keepNext            bool
	outline             int // outline level + 1; 0 for body text
	basedOn, next       string
}

// The paragraph styles: Word's built-in Normal (正文 in a Chinese Word) and
// headings 1 and 2 (标题 1, 标题 2: the navigation pane and a table of
// contents find them), and 表格文字 for the text of table cells,
// left-aligned so that Latin words in a narrow column are not spread apart.
// A secretary restyles the whole document by changing these.
var styles = map[string]paraStyle{
	"Normal":    {id: "Normal", name: "Normal", size: bodySize, after: 60, line: exact(bodySize), align: "both"},
	"Heading1":  {id: "Heading1", name: "heading 1", size: 28, bold: true, before: 200, after: 40, line: exact(28), align: "both", keepNext: true, outline: 1, basedOn: "Normal", next: "Normal"},
	"Heading2":  {id: "Heading2", name: "heading 2", size: 24, bold: true, before: 80, after: 40, line: exact(24), align: "both", keepNext: true, outline: 2, basedOn: "Normal", next: "Normal"},
	"TableText": {id: "TableText", name: "表格文字", size: bodySize, line: lineTwips, align: "left", basedOn: "Normal", next: "TableText"},
}

// runs writes text as runs; "\n" becomes a line break.
func runs(text string, s runStyle) string {
	var b strings.Builder
	rpr := s.rPr()
	for i, line := range strings.Split(text, "\n") {
		b.WriteString("<w:r>" + rpr)
		if i > 0 {
			b.WriteString("<w:br/>")
		}
		if line != "" {
			fmt.Fprintf(&b, `<w:t xml:space="preserve">%s</w:t>`, esc(line))
		}
		b.WriteString("</w:r>")
	}
	return b.String()
}

func jc(a layout.Align) string {
	switch a {
	case layout.Center:
		return "center"
	case layout.Right:
		return "right"
	}
	return "both"
}

// para is a paragraph's properties.
type para struct {
	style       string // paragraph style ID (styles); "" for none
	align       string // w:jc; "" is the style's
	before      int    // spacing before, twips
	after       int    // spacing after, twips
	line        int    // exact line height in twips; 0 is 1.5 lines
	keepNext    bool
	breakBefore bool
}

// exact is the line height, in twips, of text of a size in half-points: 1.5
// times the size, exactly, as the PDF sets every line (Word's "1.5 lines"
// would be 1.5 times the font's own line height, taller for this face).
func exact(halfPts int) int { return halfPts * 15 }

func (p para) pPr(style runStyle) string {
	if st, ok := styles[p.style]; ok {
		return p.styledPPr(st, style)
	}
	var b strings.Builder
	b.WriteString("<w:pPr>")
	if p.keepNext {
		b.WriteString("<w:keepNext/>")
	}
	b.WriteString("<w:keepLines/>")
	if p.breakBefore {
		b.WriteString("<w:pageBreakBefore/>")
	}
	// No extra space between Chinese and Latin text or digits (the PDF
	// adds none): autoSpaceDE/DN off.
	b.WriteString(`<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>`)
	if p.line > 0 {
		fmt.Fprintf(&b, `<w:spacing w:before="%d" w:after="%d" w:line="%d" w:lineRule="exact"/>`, p.before, p.after, p.line)
	} else {
		fmt.Fprintf(&b, `<w:spacing w:before="%d" w:after="%d" w:line="360" w:lineRule="auto"/>`, p.before, p.after)
	}
	if p.align != "" {
		fmt.Fprintf(&b, `<w:jc w:val="%s"/>`, p.align)
	}
	b.WriteString(style.rPr())
	b.WriteString("</w:pPr>")
	return b.String()
}

// styledPPr is the properties of a paragraph in a style: the style, and
// only what differs from it.
func (p para) styledPPr(st paraStyle, rs runStyle) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<w:pPr><w:pStyle w:val="%s"/>`, st.id)
	if p.keepNext && !st.keepNext {
		b.WriteString("<w:keepNext/>")
	}
	if p.breakBefore {
		b.WriteString("<w:pageBreakBefore/>")
	}
	// Repeated from the style: LibreOffice reads the spacing between
	// Chinese and Latin text only from the paragraph itself.
	b.WriteString(`<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>`)
	line := p.line
	if line == 0 {
		line = st.line
	}
	if p.before != st.before || p.after != st.after || line != st.line {
		fmt.Fprintf(&b, `<w:spacing w:before="%d" w:after="%d" w:line="%d" w:lineRule="exact"/>`, p.before, p.after, line)
	}
	if p.align != "" && p.align != st.align {
		fmt.Fprintf(&b, `<w:jc w:val="%s"/>`, p.align)
	}
	rs.in = st.id
	b.WriteString(rs.rPr())
	b.WriteString("</w:pPr>")
	return b.String()
}

type builder struct {
	hasCover  bool // the document has a cover page: no footer on page 1
	buf       strings.Builder
	pageBreak bool     // the next paragraph starts a new page
	media     [][]byte // pictures, stored as word/media/imageN.jpeg (image.go)
	// moved holds the blocks that start a new page, as in the PDF
	// (pdfdoc.Pagination.MovedToNewPage).
	moved map[layout.Block]bool
}

func (b *builder) p(text string, p para, s runStyle) {
	if b.pageBreak {
		// At the top of a page, as in the PDF, no space before.
		p.breakBefore = true
		p.before = 0
		b.pageBreak = false
	}
	size := s.size
	if size == 0 {
		size = bodySize
	}
	b.buf.WriteString(paras(text, p, s))
}

// paras writes text as paragraphs. A justified text's lines ("\n") are
// paragraphs of their own: Word and LibreOffice stretch a line that ends in
// a line break (w:br) across the width, the PDF leaves it as it is. Only
// the first keeps the space before, only the last the space after.
func paras(text string, p para, s runStyle) string {
	s.in = p.style
	align := p.align
	if align == "" {
		align = styles[p.style].align
	}
	if align != "both" || !strings.Contains(text, "\n") {
		return "<w:p>" + p.pPr(s) + runs(text, s) + "</w:p>"
	}
	var b strings.Builder
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		q := p
		if i > 0 {
			q.before, q.breakBefore = 0, false
		}
		if i < len(lines)-1 {
			q.after = 0
		}
		b.WriteString("<w:p>" + q.pPr(s) + runs(l, s) + "</w:p>")
	}
	return b.String()
}

func (b *builder) blocks(bs []layout.Block, keep bool) {
	for _, bl := range bs {
		if b.moved[bl] && b.buf.Len() > 0 {
			b.pageBreak = true
		}
		switch bl := bl.(type) {
		case *layout.Cover:
			b.cover(bl)
		case *layout.Heading:
			// As the PDF: 14 pt (12 pt) with 10 pt (4 pt) before, 2 pt after.
			size, before := 28, 200
			if bl.Level > 1 {
				size, before = 24, 80
			}
			style := "Heading1"
			if bl.Level > 1 {
				style = "Heading2"
			}
			b.p(bl.Text, para{style: style, before: before, after: 40, line: exact(size), keepNext: true}, runStyle{heading: true, size: size})
		case *layout.Paragraph:
			size := bodySize
			if bl.Size > 0 {
				size = int(math.Round(bl.Size * 2))
			}
			b.p(bl.Text, para{style: "Normal", align: jc(bl.Align), after: 60, line: exact(size), keepNext: keep}, runStyle{size: size, heading: bl.Bold})
		case *layout.Table:
			b.table(bl, keep)
		case *layout.KeepTogether:
			b.blocks(bl.Blocks, true)
		case *layout.PageBreak:
			b.pageBreak = true
		case *layout.Image:
			b.image(bl, keep)
		case *layout.Spacer:
			h := twips(bl.MM)
			if h < 20 {
				h = 20
			}
			b.p("", para{line: h, keepNext: keep}, runStyle{size: 2})
		}
	}
}

// A table's pending page break needs a paragraph to hold it.
func (b *builder) flushBreak() {
	if b.pageBreak {
		b.p("", para{line: 20}, runStyle{size: 2})
	}
}

const borders = `<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>`

const noBorders = `<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`

// grid turns column shares into twips summing to the text width.
func grid(widths []float64) []int {
	return gridIn(widths, textWidth)
}

// gridIn turns column shares into twips summing to total. The columns'
// edges are rounded, not their widths, so that every column and every span
// of columns is within a twip of the PDF's (truncating each width and
// giving the last column what was left made a value cell in the last
// columns up to a few twips wider than the PDF's: LibreOffice fitted a
// character more on its lines).
func gridIn(widths []float64, total int) []int {
	sum := 0.0
	for _, w := range widths {
		sum += w
	}
	out := make([]int, len(widths))
	cum, edge := 0.0, 0
	for i, w := range widths {
		cum += w
		next := int(math.Round(float64(total) * cum / sum))
		out[i] = next - edge
		edge = next
	}
	return out
}

func (b *builder) tableStart(cols []int, tblBorders string) {
	b.flushBreak()
	w := 0
	for _, c := range cols {
		w += c
	}
	fmt.Fprintf(&b.buf, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/>%s<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="%d" w:type="dxa"/><w:left w:w="%d" w:type="dxa"/><w:bottom w:w="%d" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`, w, tblBorders, cellPadY, cellPadX, cellPadY, cellPadX)
	for _, c := range cols {
		fmt.Fprintf(&b.buf, `<w:gridCol w:w="%d"/>`, c)
	}
	b.buf.WriteString("</w:tblGrid>")
}

// textHeight is the height of the text area in twips.
const textHeight = pageH - marginTop - marginBottom

// rowEst is a row's height in twips, with its cells' lines counted as the
// PDF breaks them.
func rowEst(r layout.Row, cols []int) int {
	h := twips(r.MinHeightMM)
	col := 0
	for _, c := range r.Cells {
		if col >= len(cols) {
			break
		}
		w := 0
		for _, x := range cols[col:min(col+c.SpanOf(), len(cols))] {
			w += x
		}
		col += c.SpanOf()
		h = max(h, 2*cellPadY+cellLines(c, w)*lineTwips)
	}
	return h
}

// cellLines is the number of body lines a cell takes in a column w twips
// wide: its text, and with foot lines a blank line and the foot lines.
func cellLines(c layout.Cell, w int) int {
	inner := w - 2*cellPadX
	n := 0
	if c.Text != "" {
		n = textLines(c.Text, inner, labelSize(c, inner), false)
	}
	if len(c.Foot) > 0 {
		n++
		for _, f := range c.Foot {
			n += textLines(f, inner, bodySize, false)
		}
	}
	return max(n, 1)
}

// table writes a ruled table. A row estimated at most a third of a page
// high does not split; a table that short in all is kept on one page with
// what precedes it (its heading), as in the PDF.
func (b *builder) table(t *layout.Table, keep bool) {
	if len(t.Widths) == 0 {
		return
	}
	cols := grid(t.Widths)
	if t.WidthMM > 0 {
		cols = gridIn(t.Widths, min(textWidth, twips(t.WidthMM)))
	}
	total := 0
	for _, rs := range [][]layout.Row{t.Header, t.Rows} {
		for _, r := range rs {
			total += rowEst(r, cols)
		}
	}
	short := total <= textHeight/3 || t.Frame
	tb := borders
	if t.Frame {
		// A label to cut out: dashed outer rules, kept on one page.
		tb = strings.NewReplacer(`<w:top w:val="single"`, `<w:top w:val="dashed"`, `<w:left w:val="single"`, `<w:left w:val="dashed"`,
			`<w:bottom w:val="single"`, `<w:bottom w:val="dashed"`, `<w:right w:val="single"`, `<w:right w:val="dashed"`).Replace(borders)
	}
	b.tableStart(cols, tb)
	for _, r := range t.Header {
		b.row(r, cols, true, true, keep || short || len(t.Rows) > 0)
	}
	for i, r := range t.Rows {
		b.row(r, cols, false, keep || rowEst(r, cols) <= textHeight/3, keep || (short && i < len(t.Rows)-1))
	}
	b.buf.WriteString("</w:tbl>")
	// Word needs a paragraph between two tables, or it joins them; it also
	// spaces the tables apart like the PDF.
	b.p("", para{line: 80, keepNext: keep}, runStyle{size: 2})
}

// row writes a table row; cantSplit keeps it on one page, keepNext keeps it
// with the next row.
func (b *builder) row(r layout.Row, cols []int, header, cantSplit, keepNext bool) {
	b.buf.WriteString("<w:tr><w:trPr>")
	if cantSplit {
		b.buf.WriteString("<w:cantSplit/>")
	}
	if r.MinHeightMM > 0 {
		fmt.Fprintf(&b.buf, `<w:trHeight w:val="%d" w:hRule="atLeast"/>`, twips(r.MinHeightMM))
	}
	if header {
		b.buf.WriteString("<w:tblHeader/>")
	}
	b.buf.WriteString("</w:trPr>")
	keep := keepNext
	col := 0
	for _, c := range r.Cells {
		if col >= len(cols) {
			break
		}
		span := c.SpanOf()
		if col+span > len(cols) {
			span = len(cols) - col
		}
		w := 0
		for _, x := range cols[col : col+span] {
			w += x
		}
		b.cell(c, w, span, keep, twips(r.MinHeightMM))
		col += span
	}
	if col < len(cols) { // columns no cell covers
		w := 0
		for _, x := range cols[col:] {
			w += x
		}
		b.cell(layout.Cell{}, w, len(cols)-col, keep, 0)
	}
	b.buf.WriteString("</w:tr>")
}

// Heights and paddings in twips: a body line (10.5 pt at 1.5), the cell
// padding of the PDF (3.5 pt top and bottom, 4 pt left and right).
const (
	lineTwips = 315
	cellPadY  = 64 // 3.5 pt less the 0.25 pt each half of a rule adds to a row
	cellPadX  = 80
)

// width is the advance of r at 1 pt in the print faces.
func width(bold bool) func(rune) float64 {
	return func(r rune) float64 { return pdfdoc.Advance(r, bold) }
}

// textLines is the number of lines text of a size (half-points) takes in a
// width (twips), broken as the PDF breaks it (pdfdoc.WrapLines with the
// same faces' metrics).
func textLines(text string, w, size int, bold bool) int {
	pt := float64(size) / 2
	wf := width(bold)
	return len(pdfdoc.WrapLines(text, float64(w)/20, func(r rune) float64 { return wf(r) * pt }))
}

// carryDown breaks the line of a cell's text (in a column inner twips wide,
// set at size half-points) where the PDF breaks it to avoid a last line of
// one or two characters ("…东南湖大路／3888号", not "…大路3888／号"):
// Word and LibreOffice fill each line and would leave them alone. The cell
// is left-aligned (表格文字), so the line ending in the break is not
// stretched.
func carryDown(text string, inner, size int) string {
	pt := float64(size) / 2
	wf := width(false)
	ps := strings.Split(text, "\n")
	for i, p := range ps {
		at := pdfdoc.CarriedLastLine(p, float64(inner)/20, func(r rune) float64 { return wf(r) * pt })
		if at > 0 {
			rs := []rune(p)
			ps[i] = strings.TrimRight(string(rs[:at]), " ") + "\n" + string(rs[at:])
		}
	}
	return strings.Join(ps, "\n")
}

// labelSize is the size (half-points) a cell is set in within an inner
// width (twips): the PDF's choice (pdfdoc.CellSize) — a label or a value
// kept on one line (Cell.OneLine) shrunk to fit one line, a value shrunk
// so that its longest word fits; other value cells are at the body size.
func labelSize(c layout.Cell, inner int) int {
	return int(math.Round(pdfdoc.CellSize(c, float64(inner)/20, width(false), float64(bodySize)/2) * 2))
}

func (b *builder) cell(c layout.Cell, w, span int, keep bool, minH int) {
	fmt.Fprintf(&b.buf, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, w)
	if span > 1 {
		fmt.Fprintf(&b.buf, `<w:gridSpan w:val="%d"/>`, span)
	}
	align := jc(c.Align)
	inner := w - 2*cellPadX
	size := labelSize(c, inner)
	lines := 0
	if c.Text != "" {
		lines = textLines(c.Text, inner, size, false)
	}
	if c.Label {
		align = "center"
		b.buf.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="EBEBEB"/>`)
	}
	if c.Label || (len(c.Foot) == 0 && lines <= 1) {
		// Labels and one-line cells sit in the middle of the row, as in the PDF.
		b.buf.WriteString(`<w:vAlign w:val="center"/>`)
	}
	b.buf.WriteString("</w:tcPr>")
	if c.Boxes > 0 {
		b.boxes(c)
		b.buf.WriteString("</w:tc>")
		return
	}
	if !c.Label && align == "both" {
		// Cell text is left-aligned (表格文字): a narrow column justified
		// spreads the words of a Latin name apart.
		align = "left"
	}
	cp := para{style: "TableText", align: align, line: lineTwips, keepNext: keep}
	st := runStyle{size: size}
	if size == bodySize {
		st.size = 0
	}
	b.buf.WriteString(paras(carryDown(c.Text, inner, size), cp, st))
	if len(c.Foot) > 0 {
		fp := para{style: "TableText", align: "right", line: lineTwips, keepNext: keep}
		// The blank line before the foot lines grows so that they sit at
		// the bottom of a row with a least height, as in the PDF.
		gap := para{keepNext: keep, line: lineTwips}
		used := 2*cellPadY + cellLines(c, w)*lineTwips
		if extra := minH - used; extra > 0 {
			gap.line += extra
		}
		b.buf.WriteString("<w:p>" + gap.pPr(runStyle{}) + "</w:p>")
		for _, f := range c.Foot {
			b.buf.WriteString("<w:p>" + fp.pPr(runStyle{}) + runs(f, runStyle{in: fp.style}) + "</w:p>")
		}
	}
	b.buf.WriteString("</w:tc>")
}

// boxes writes a cell's boxes as a nested table of square cells with one
// character of the text in each, and the paragraph a cell must end with.
func (b *builder) boxes(c layout.Cell) {
	side, gap := twips(layout.BoxMM), twips(1.5)
	rs := []rune(c.Text)
	box := `<w:tcBorders><w:top w:val="single" w:sz="6" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="6" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:tcBorders>`
	none := `<w:tcBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/></w:tcBorders>`
	fmt.Fprintf(&b.buf, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/>%s<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`, c.Boxes*(side+gap), noBorders)
	for i := 0; i < c.Boxes; i++ {
		fmt.Fprintf(&b.buf, `<w:gridCol w:w="%d"/><w:gridCol w:w="%d"/>`, side, gap)
	}
	fmt.Fprintf(&b.buf, `</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="%d" w:hRule="exact"/></w:trPr>`, side)
	st := runStyle{size: 28}
	for i := 0; i < c.Boxes; i++ {
		ch := ""
		if i < len(rs) {
			ch = string(rs[i])
		}
		fmt.Fprintf(&b.buf, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s<w:vAlign w:val="center"/></w:tcPr><w:p>%s%s</w:p></w:tc>`, side, box, para{align: "center", line: 28 * 15}.pPr(st), runs(ch, st))
		fmt.Fprintf(&b.buf, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s</w:tcPr><w:p>%s</w:p></w:tc>`, gap, none, para{line: 20}.pPr(runStyle{size: 2}))
	}
	b.buf.WriteString(`</w:tr></w:tbl><w:p>` + para{line: 20}.pPr(runStyle{size: 2}) + `</w:p>`)
}

// cover writes the cover page as the PDF lays it out (pdfdoc's cover):
// the blank number box at the top right, the titles, a borderless table of
// labelled fields with one row per line of a value (broken where the PDF
// breaks it, each on its underline), room for the seal around the unit's
// name, and the bottom line near the foot of the page, the blank space
// above the fields shrinking first when long values need the room. What
// follows starts on a new page. The cover has no footer (titlePg).
func (b *builder) cover(c *layout.Cover) {
	if b.buf.Len() > 0 {
		b.pageBreak = true
	}
	b.hasCover = true
	used := 0 // twips from the top margin
	if c.NumberBox != "" {
		b.flushBreak()
		bw, bh := twips(38), twips(8)
		lw := twips(14)
		fmt.Fprintf(&b.buf, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="right"/>%s<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="%d"/><w:gridCol w:w="%d"/></w:tblGrid>`, lw+bw, noBorders, lw, bw)
		fmt.Fprintf(&b.buf, `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="%d" w:hRule="exact"/></w:trPr>`, bh)
		fmt.Fprintf(&b.buf, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p>%s%s</w:p></w:tc>`, lw, para{align: "right", line: lineTwips}.pPr(runStyle{}), runs(c.NumberBox+"：", runStyle{}))
		fmt.Fprintf(&b.buf, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:tcBorders><w:top w:val="single" w:sz="6" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="6" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:tcBorders></w:tcPr><w:p>%s</w:p></w:tc></w:tr></w:tbl>`, bw, para{line: lineTwips}.pPr(runStyle{}))
		used += bh
	}
	textW := textWidth
	// Titles: 22 pt, the last 36 pt after 10 mm, lines 1.6 times the size.
	type tline struct {
		text       string
		size, gapB int // half-points, twips
	}
	var titles []tline
	titleH := 0
	for i, t := range c.Title {
		size, gap := coverTitle, 0
		if i == len(c.Title)-1 && len(c.Title) > 1 {
			size, gap = coverMain, twips(10)
		}
		n := textLines(t, textW, size, true)
		titles = append(titles, tline{text: t, size: size, gapB: gap})
		titleH += gap + n*size*16
	}
	// Fields: label column 54 mm (from 4 mm), value from 56 mm to 4 mm
	// before the right margin.
	cols := []int{twips(54), textW - twips(54) - twips(4), twips(4)}
	valueW := cols[1] - twips(2)
	step := coverField*15 + 80 // 14 pt at 1.5 plus 4 pt, twips
	type fline struct {
		label string
		lines []string
		seal  int
	}
	var fields []fline
	fieldsH := 0
	for _, f := range c.Fields {
		var ls []string
		for _, l := range pdfdoc.WrapCover(f.Value, float64(valueW)/20, func(r rune) float64 { return pdfdoc.Advance(r, false) * float64(coverField) / 2 }) {
			ls = append(ls, l.Text)
		}
		if len(ls) == 0 {
			ls = []string{""}
		}
		fl := fline{label: f.Label, lines: ls}
		h := len(ls) * step
		if f.SealMM > 0 {
			fl.seal = max(0, (twips(f.SealMM)-h)/2)
		}
		fields = append(fields, fl)
		fieldsH += h + 2*fl.seal
	}
	bottomN := 0
	for _, l := range c.Bottom {
		bottomN += textLines(l, textW, coverField, false)
	}
	bottomH := bottomN * coverField * 16
	topGap, midGap, minGap := twips(24), twips(26), twips(6)
	free := textHeight - twips(8) - titleH - fieldsH - bottomH
	if over := topGap + midGap + minGap - free; over > 0 {
		cut := min(over, midGap-minGap)
		midGap -= cut
		over -= cut
		topGap = max(minGap, topGap-over)
	}
	// The number box sits in the top gap, as in the PDF.
	topGap = max(0, topGap-used)
	for i, t := range titles {
		before := t.gapB
		if i == 0 {
			before += topGap
		}
		b.p(t.text, para{align: "center", before: before, line: t.size * 16}, runStyle{heading: true, size: t.size})
		used += before + textLines(t.text, textW, t.size, true)*t.size*16
	}
	b.p("", para{line: max(midGap, 20)}, runStyle{size: 2})
	used += max(midGap, 20)
	b.tableStart(cols, noBorders)
	under := `<w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:tcBorders>`
	s := runStyle{size: coverField}
	spacer := func(h int) {
		fmt.Fprintf(&b.buf, `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="%d" w:hRule="exact"/></w:trPr>`, h)
		for _, w := range cols {
			fmt.Fprintf(&b.buf, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr><w:p>%s</w:p></w:tc>`, w, para{line: 20}.pPr(runStyle{size: 2}))
		}
		b.buf.WriteString("</w:tr>")
		used += h
	}
	for _, f := range fields {
		if f.seal > 0 {
			spacer(f.seal)
		}
		for i, l := range f.lines {
			label := ""
			if i == 0 {
				label = f.label + "："
			}
			fmt.Fprintf(&b.buf, `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="%d" w:hRule="exact"/></w:trPr>`, step)
			fmt.Fprintf(&b.buf, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="top"/></w:tcPr><w:p>%s%s</w:p></w:tc>`,
				cols[0], para{align: "right", line: coverField * 15}.pPr(runStyle{heading: true, size: coverField}), runs(label, runStyle{heading: true, size: coverField}))
			fmt.Fprintf(&b.buf, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s<w:vAlign w:val="top"/></w:tcPr><w:p>%s%s</w:p></w:tc>`,
				cols[1], under, para{align: "center", line: coverField * 15}.pPr(s), runs(l, s))
			fmt.Fprintf(&b.buf, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr><w:p>%s</w:p></w:tc></w:tr>`, cols[2], para{line: 20}.pPr(runStyle{size: 2}))
			used += step
		}
		if f.seal > 0 {
			spacer(f.seal)
		}
	}
	b.buf.WriteString("</w:tbl>")
	// The bottom line 8 mm above the foot of the text area, or 6 mm below
	// the fields when they reach that far.
	before := max(textHeight-bottomH-twips(8)-used, minGap)
	for i, l := range c.Bottom {
		p := para{align: "center", line: coverField * 16, keepNext: i < len(c.Bottom)-1}
		if i == 0 {
			p.before = before
		}
		b.p(l, p, runStyle{size: coverField})
	}
	b.pageBreak = true
}

// Cover type sizes in half-points, as the PDF's: titles 22 pt and 36 pt,
// fields and the bottom line 14 pt.
const (
	coverTitle = 44
	coverMain  = 72
	coverField = 28
)

// emptyFooter is the first page's footer of a document with a cover: the
// cover carries no page number and no fingerprint.
const emptyFooter = xml.Header + `<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p/></w:ftr>`

// documentXML is the main part; with a cover, the first page has its own
// (empty) footer and the numbering still counts it.
func documentXML(body string, cover bool) string {
	first := ""
	if cover {
		first = `<w:footerReference w:type="first" r:id="rIdFooter2"/>`
	}
	title := ""
	if cover {
		title = "<w:titlePg/>"
	}
	return xml.Header + `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` +
		body +
		fmt.Sprintf(`<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/>%s<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/><w:cols w:space="425"/>%s<w:docGrid w:linePitch="312"/></w:sectPr>`,
			first, pageW, pageH, marginTop, marginRight, marginBottom, marginLeft, footerDist, title) +
		`</w:body></w:document>`
}

// footerXML is the footer of the numbered pages. Its PAGE and NUMPAGES
// fields are marked dirty (Word updates them on opening); their cached
// values, what a reader that does not update fields shows, are the first
// numbered page and the PDF's page count.
func footerXML(doc *layout.Document, pages int, cover bool) string {
	var b strings.Builder
	b.WriteString(xml.Header + `<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	s := runStyle{size: 18}
	if !doc.NoPageNumbers {
		field := func(instr string, cached int) string {
			r := s.rPr()
			return `<w:r>` + r + `<w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r>` + r + `<w:instrText xml:space="preserve"> ` + instr + ` </w:instrText></w:r><w:r>` + r +
				`<w:fldChar w:fldCharType="separate"/></w:r><w:r>` + r + fmt.Sprintf(`<w:t>%d</w:t>`, cached) + `</w:r><w:r>` + r + `<w:fldChar w:fldCharType="end"/></w:r>`
		}
		first := 1
		if cover {
			first = 2
		}
		// One line, as the PDF's: the page number at a centre tab, the
		// fingerprint small and grey at a right tab.
		tab := "<w:r>" + s.rPr() + "<w:tab/></w:r>"
		fp := ""
		if doc.Footer != "" {
			fs := runStyle{size: int(pdfdoc.FooterSize * 2), color: "737373"}
			fp = tab + runs(doc.Footer, fs)
		}
		tabs := fmt.Sprintf(`<w:tabs><w:tab w:val="center" w:pos="%d"/><w:tab w:val="right" w:pos="%d"/></w:tabs>`, textWidth/2, textWidth)
		ppr := strings.Replace(para{align: "left", line: 260}.pPr(s), "<w:autoSpaceDE", tabs+"<w:autoSpaceDE", 1)
		b.WriteString("<w:p>" + ppr + tab + runs("第 ", s) + field("PAGE", min(first, pages)) + runs(" 页 共 ", s) + field("NUMPAGES", pages) + runs(" 页", s) + fp + "</w:p>")
	} else if doc.Footer != "" {
		fs := runStyle{size: int(pdfdoc.FooterSize * 2), color: "737373"}
		b.WriteString("<w:p>" + para{align: "right", line: 260}.pPr(fs) + runs(doc.Footer, fs) + "</w:p>")
	}
	if doc.NoPageNumbers && doc.Footer == "" {
		b.WriteString("<w:p/>")
	}
	b.WriteString("</w:ftr>")
	return b.String()
}

func coreProps(title string) string {
	return xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(title) + `</dc:title><dc:creator>申报助手</dc:creator></cp:coreProperties>`
}

const contentTypes = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const rootRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const documentRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`<Relationship Id="rIdFooter2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>` +
	`</Relationships>`

// appProps is the extended properties part, with the page count.
func appProps(pages int) string {
	return xml.Header + fmt.Sprintf(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>申报助手</Application><Pages>%d</Pages></Properties>`, pages)
}

const settingsXML = xml.Header + `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>`

// stylesXML is the styles part: the document defaults in the body fonts
// (so that even text a reader adds later is 宋体), the paragraph styles
// (styles) and the table style Word expects.
func stylesXML() string {
	var b strings.Builder
	b.WriteString(xml.Header + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="` + LatinFont + `" w:hAnsi="` + LatinFont + `" w:eastAsia="` + BodyFontEastAsia + `" w:cs="` + LatinFont + `"/><w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	for _, id := range []string{"Normal", "Heading1", "Heading2", "TableText"} {
		st := styles[id]
		def := ""
		if id == "Normal" {
			def = ` w:default="1"`
		}
		fmt.Fprintf(&b, `<w:style w:type="paragraph"%s w:styleId="%s"><w:name w:val="%s"/>`, def, st.id, st.name)
		if st.basedOn != "" {
			fmt.Fprintf(&b, `<w:basedOn w:val="%s"/>`, st.basedOn)
		}
		if st.next != "" {
			fmt.Fprintf(&b, `<w:next w:val="%s"/>`, st.next)
		}
		b.WriteString(`<w:qFormat/><w:pPr>`)
		if st.keepNext {
			b.WriteString("<w:keepNext/>")
		}
		b.WriteString(`<w:keepLines/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>`)
		fmt.Fprintf(&b, `<w:spacing w:before="%d" w:after="%d" w:line="%d" w:lineRule="exact"/><w:jc w:val="%s"/>`, st.before, st.after, st.line, st.align)
		if st.outline > 0 {
			fmt.Fprintf(&b, `<w:outlineLvl w:val="%d"/>`, st.outline-1)
		}
		fmt.Fprintf(&b, `</w:pPr><w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s" w:hint="eastAsia"/>`, LatinFont, LatinFont, BodyFontEastAsia, LatinFont)
		if st.bold {
			b.WriteString("<w:b/><w:bCs/>")
		}
		fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`, st.size, st.size)
	}
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`</w:styles>`)
	return b.String()
}
