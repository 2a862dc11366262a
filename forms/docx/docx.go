// Package docx renders layout documents as Word files (.docx, Office Open
// XML WordprocessingML) with the same content, in the same order, as the PDF
// of forms/pdfdoc: A4 with the same margins, East Asian fonts named on every
// run (宋体 for body text, 黑体 for headings, as found on a Chinese Windows),
// merged cells where the layout spans columns, table header rows that repeat
// on each page, keep-together groups, and a footer with "第 x 页 共 y 页"
// (PAGE and NUMPAGES fields) and the fingerprint.
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
)

// Fonts named on every run.
const (
	BodyFontEastAsia    = "宋体"
	HeadingFontEastAsia = "黑体"
	LatinFont           = "Times New Roman"
	HeadingLatinFont    = "Arial"
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
func Application(w io.Writer, call *forms.Call, d *forms.Draft, generated time.Time) error {
	return Document(w, layout.Application(call, d, generated))
}

// Document writes doc as a .docx file.
func Document(w io.Writer, doc *layout.Document) error {
	b := &builder{}
	b.blocks(doc.Blocks, false)
	body := b.buf.String()

	var out bytes.Buffer
	z := zip.NewWriter(&out)
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", coreProps(doc.Title)},
		{"docProps/app.xml", appProps},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/document.xml", documentXML(body)},
		{"word/styles.xml", stylesXML},
		{"word/settings.xml", settingsXML},
		{"word/footer1.xml", footerXML(doc)},
	}
	parts = b.withMedia(parts)
	for _, p := range parts {
		fw, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
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
	_, err := w.Write(out.Bytes())
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
	heading bool
	size    int    // half-points; 0 is the body size
	color   string // hex RGB, "" is automatic
}

func (s runStyle) rPr() string {
	ea, latin := BodyFontEastAsia, LatinFont
	if s.heading {
		ea, latin = HeadingFontEastAsia, HeadingLatinFont
	}
	size := s.size
	if size == 0 {
		size = bodySize
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s" w:hint="eastAsia"/>`, latin, latin, ea, latin)
	if s.color != "" {
		fmt.Fprintf(&b, `<w:color w:val="%s"/>`, s.color)
	}
	fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>`, size, size)
	return b.String()
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
	align       string // w:jc
	before      int    // spacing before, twips
	after       int    // spacing after, twips
	line        int    // exact line height in twips; 0 is 1.5 lines
	keepNext    bool
	breakBefore bool
}

func (p para) pPr(style runStyle) string {
	var b strings.Builder
	b.WriteString("<w:pPr>")
	if p.keepNext {
		b.WriteString("<w:keepNext/>")
	}
	b.WriteString("<w:keepLines/>")
	if p.breakBefore {
		b.WriteString("<w:pageBreakBefore/>")
	}
	b.WriteString(`<w:snapToGrid w:val="0"/>`)
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

type builder struct {
	buf       strings.Builder
	pageBreak bool     // the next paragraph starts a new page
	media     [][]byte // pictures, stored as word/media/imageN.jpeg (image.go)
}

func (b *builder) p(text string, p para, s runStyle) {
	if b.pageBreak {
		p.breakBefore = true
		b.pageBreak = false
	}
	b.buf.WriteString("<w:p>" + p.pPr(s) + runs(text, s) + "</w:p>")
}

func (b *builder) blocks(bs []layout.Block, keep bool) {
	for _, bl := range bs {
		switch bl := bl.(type) {
		case *layout.Cover:
			b.cover(bl)
		case *layout.Heading:
			size, before := 28, 240
			if bl.Level > 1 {
				size, before = 24, 80
			}
			b.p(bl.Text, para{before: before, after: 60, keepNext: true}, runStyle{heading: true, size: size})
		case *layout.Paragraph:
			size := 0
			if bl.Size > 0 {
				size = int(math.Round(bl.Size * 2))
			}
			b.p(bl.Text, para{align: jc(bl.Align), after: 60, keepNext: keep}, runStyle{size: size})
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
	sum := 0.0
	for _, w := range widths {
		sum += w
	}
	out := make([]int, len(widths))
	used := 0
	for i, w := range widths {
		out[i] = int(float64(textWidth) * w / sum)
		used += out[i]
	}
	out[len(out)-1] += textWidth - used
	return out
}

func (b *builder) tableStart(cols []int, tblBorders string) {
	b.flushBreak()
	fmt.Fprintf(&b.buf, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/>%s<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`, textWidth, tblBorders)
	for _, c := range cols {
		fmt.Fprintf(&b.buf, `<w:gridCol w:w="%d"/>`, c)
	}
	b.buf.WriteString("</w:tblGrid>")
}

// textHeight is the height of the text area in twips.
const textHeight = pageH - marginTop - marginBottom

// rowEst estimates a row's height in twips.
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
		ch := estLines(c.Text, w-170)*lineTwips + paraTwips
		if len(c.Foot) > 0 {
			ch += (1 + len(c.Foot)) * lineTwips
		}
		h = max(h, ch)
	}
	return h
}

// table writes a ruled table. A row estimated at most a third of a page
// high does not split; a table that short in all is kept on one page with
// what precedes it (its heading), as in the PDF.
func (b *builder) table(t *layout.Table, keep bool) {
	if len(t.Widths) == 0 {
		return
	}
	cols := grid(t.Widths)
	total := 0
	for _, rs := range [][]layout.Row{t.Header, t.Rows} {
		for _, r := range rs {
			total += rowEst(r, cols)
		}
	}
	short := total <= textHeight/3
	b.tableStart(cols, borders)
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

// Estimated heights in twips, at 10.5 pt and 1.5 line spacing.
const (
	lineTwips = 420
	paraTwips = 80 // spacing before and after a cell paragraph
)

// estLines estimates how many lines text takes in a width (twips): a CJK
// character is one body-size em wide, other characters half.
func estLines(text string, width int) int {
	return estLinesAt(text, width, bodySize)
}

// estLinesAt is estLines at a size in half-points.
func estLinesAt(text string, width, size int) int {
	per := float64(width) / float64(size*10) // ems per line
	n := 0
	for _, para := range strings.Split(text, "\n") {
		ems := 0.0
		for _, r := range para {
			if r < 0x2E80 {
				ems += 0.5
			} else {
				ems++
			}
		}
		n += int(math.Max(1, math.Ceil(ems/per)))
	}
	return n
}

func (b *builder) cell(c layout.Cell, w, span int, keep bool, minH int) {
	fmt.Fprintf(&b.buf, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, w)
	if span > 1 {
		fmt.Fprintf(&b.buf, `<w:gridSpan w:val="%d"/>`, span)
	}
	align := jc(c.Align)
	if c.Label {
		align = "center"
		b.buf.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="EBEBEB"/><w:vAlign w:val="center"/>`)
	}
	b.buf.WriteString("</w:tcPr>")
	if align == "both" {
		align = "left"
	}
	cp := para{align: align, before: 40, after: 40, keepNext: keep}
	b.buf.WriteString("<w:p>" + cp.pPr(runStyle{}) + runs(c.Text, runStyle{}) + "</w:p>")
	if len(c.Foot) > 0 {
		fp := para{align: "right", keepNext: keep}
		// The blank line before the foot lines grows so that they sit at
		// the bottom of a row with a least height, as in the PDF.
		gap := para{keepNext: keep, line: lineTwips}
		used := estLines(c.Text, w-170)*lineTwips + paraTwips + (1+len(c.Foot))*lineTwips
		if extra := minH - used - 60; extra > 0 {
			gap.before = extra
		}
		b.buf.WriteString("<w:p>" + gap.pPr(runStyle{}) + "</w:p>")
		for _, f := range c.Foot {
			b.buf.WriteString("<w:p>" + fp.pPr(runStyle{}) + runs(f, runStyle{}) + "</w:p>")
		}
	}
	b.buf.WriteString("</w:tc>")
}

// cover writes the cover page: titles, a borderless two-column table of
// labelled fields with underlined values, the seal area and the bottom
// lines; what follows starts on a new page.
func (b *builder) cover(c *layout.Cover) {
	if b.buf.Len() > 0 {
		b.pageBreak = true
	}
	for i, t := range c.Title {
		size, before := 40, 0
		if i == 0 {
			before = twips(22)
		}
		if i == len(c.Title)-1 && len(c.Title) > 1 {
			size, before = 60, twips(8)
		}
		b.p(t, para{align: "center", before: before, after: 120}, runStyle{heading: true, size: size})
	}
	b.p("", para{line: twips(18)}, runStyle{size: 2})
	cols := []int{twips(52), textWidth - twips(52) - twips(6), twips(6)}
	b.tableStart(cols, noBorders)
	under := `<w:tcBorders><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:tcBorders>`
	s := runStyle{size: 28}
	for _, f := range c.Fields {
		b.buf.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="560" w:hRule="atLeast"/></w:trPr>`)
		fmt.Fprintf(&b.buf, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="bottom"/></w:tcPr><w:p>%s%s</w:p></w:tc>`,
			cols[0], para{align: "right", before: 60}.pPr(s), runs(f.Label+"：", s))
		fmt.Fprintf(&b.buf, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s<w:vAlign w:val="bottom"/></w:tcPr><w:p>%s%s</w:p></w:tc>`,
			cols[1], under, para{align: "center", before: 60}.pPr(s), runs(f.Value, s))
		fmt.Fprintf(&b.buf, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr><w:p>%s</w:p></w:tc></w:tr>`, cols[2], para{}.pPr(s))
		if f.SealMM > 0 {
			grey := runStyle{color: "999999"}
			fmt.Fprintf(&b.buf, `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="%d" w:hRule="exact"/></w:trPr>`, twips(f.SealMM))
			fmt.Fprintf(&b.buf, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr><w:p>%s</w:p></w:tc>`, cols[0], para{}.pPr(s))
			fmt.Fprintf(&b.buf, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p>%s%s</w:p></w:tc>`, cols[1], para{align: "center"}.pPr(grey), runs("盖章处", grey))
			fmt.Fprintf(&b.buf, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr><w:p>%s</w:p></w:tc></w:tr>`, cols[2], para{}.pPr(s))
		}
	}
	b.buf.WriteString("</w:tbl>")
	// The bottom lines sit near the foot of the page: the space before them
	// shrinks by what long field values take in extra lines.
	before := twips(30)
	for _, f := range c.Fields {
		before -= (estLinesAt(f.Value, cols[1]-170, 28) - 1) * 560
	}
	for i, l := range c.Bottom {
		size, p := 28, para{align: "center", keepNext: i < len(c.Bottom)-1}
		if i == 0 {
			p.before = max(before, 0)
		} else {
			size = 20
		}
		b.p(l, p, runStyle{size: size})
	}
	b.pageBreak = true
}

func documentXML(body string) string {
	return xml.Header + `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` +
		body +
		fmt.Sprintf(`<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/><w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:linePitch="312"/></w:sectPr>`,
			pageW, pageH, marginTop, marginRight, marginBottom, marginLeft, footerDist) +
		`</w:body></w:document>`
}

func footerXML(doc *layout.Document) string {
	var b strings.Builder
	b.WriteString(xml.Header + `<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	s := runStyle{size: 18}
	pp := para{align: "center", line: 260}
	if !doc.NoPageNumbers {
		field := func(instr string) string {
			r := s.rPr()
			return `<w:r>` + r + `<w:fldChar w:fldCharType="begin"/></w:r><w:r>` + r + `<w:instrText xml:space="preserve"> ` + instr + ` </w:instrText></w:r><w:r>` + r +
				`<w:fldChar w:fldCharType="separate"/></w:r><w:r>` + r + `<w:t>1</w:t></w:r><w:r>` + r + `<w:fldChar w:fldCharType="end"/></w:r>`
		}
		b.WriteString("<w:p>" + pp.pPr(s) + runs("第 ", s) + field("PAGE") + runs(" 页 共 ", s) + field("NUMPAGES") + runs(" 页", s) + "</w:p>")
	}
	if doc.Footer != "" {
		fs := runStyle{size: 16, color: "595959"}
		b.WriteString("<w:p>" + pp.pPr(fs) + runs(doc.Footer, fs) + "</w:p>")
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
	`</Relationships>`

const appProps = xml.Header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>申报助手</Application></Properties>`

const settingsXML = xml.Header + `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>`

// stylesXML sets the document defaults to the body fonts, so that even text
// a reader adds later is 宋体.
const stylesXML = xml.Header + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="` + LatinFont + `" w:hAnsi="` + LatinFont + `" w:eastAsia="` + BodyFontEastAsia + `" w:cs="` + LatinFont + `"/><w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`</w:styles>`
