// Package layout is the writer-independent model of a printed document: a
// sequence of blocks (cover page, headings, paragraphs, ruled tables,
// keep-together groups, page breaks) that the PDF writer (forms/pdfdoc) and
// the Word writer (forms/docx) both render, so the two files carry the same
// content in the same order. Application builds the 项目申报书 from a draft;
// other documents (the submission checklist, the envelope page) are built by
// their own packages from the same blocks.
package layout

// Document is one printed document.
type Document struct {
	// Title is the document's metadata title (PDF Info /Title, docx core
	// properties); it is not printed by itself.
	Title string
	// Blocks are printed in order.
	Blocks []Block
	// Footer is printed at the foot of every page (the fingerprint that
	// matches the paper copy to the e-mailed file). Empty prints nothing.
	Footer string
	// NoPageNumbers leaves out "第 x 页 共 y 页" (e.g. an envelope label).
	NoPageNumbers bool
}

// Block is one element of a document: *Cover, *Heading, *Paragraph, *Table,
// *KeepTogether, *PageBreak, *Spacer or *Image.
type Block interface{ block() }

// Align is the horizontal alignment of a text.
type Align int

// Alignments.
const (
	Left Align = iota
	Center
	Right
)

// Cover is a cover page: title lines centred in large type (bold), a
// column of labelled fields (each value on an underline), and a line at the
// bottom of the page. A cover always fills its page: what follows starts on
// a new page. A cover page carries no page number and no footer (the pages
// after it are numbered from 2, as Word numbers them with a different first
// page, and "共 N 页" counts the cover).
type Cover struct {
	// NumberBox, when not empty, is the label of a blank ruled box at the
	// top right of the page for a number the receiving office assigns
	// ("编号"); nothing is printed in it.
	NumberBox string
	Title     []string
	Fields    []Field
	Bottom    []string // centred lines at the foot of the page, e.g. the issuer's name and "制"
}

// Field is one labelled line of a cover page. A value wraps on the cover
// without breaking inside a bracket pair (（…）) when another break fits.
type Field struct {
	Label string
	Value string
	// SealMM, when > 0, leaves blank room of this height centred on the
	// field's value, so that a round official seal (公章) of that diameter
	// stamped over the unit's name, as on real forms, covers no other field.
	// Nothing is drawn there.
	SealMM float64
}

// Heading is a section heading (Level 1 large, Level 2 smaller). Headings
// are printed in the bold face (the heading styles 标题 1 and 标题 2 in the
// .docx) and are never left alone at the foot of a page.
type Heading struct {
	Text  string
	Level int
	// Step, on a part's heading, names the window's step that edits it
	// (forms.StepIDs), for the review page's 修改 links; not printed.
	Step string
}

// Paragraph is body text; "\n" starts a new line. Left-aligned text of
// several lines is justified (两端对齐), its last line left-aligned.
type Paragraph struct {
	Text  string
	Align Align
	// Size is the font size in points; 0 is the body size (10.5 pt, 五号).
	Size float64
	// Bold sets the text in the heading face (a document's title lines).
	Bold bool
}

// Table is a ruled table. Widths are the columns' shares of the text
// width (they are normalised, so {1, 3} and {0.25, 0.75} are the same).
// Header rows are repeated at the top of every page the table continues on.
type Table struct {
	Widths []float64
	Header []Row
	Rows   []Row
	// Frame draws a dashed cut line around the table (a label to cut out);
	// such a table is kept on one page.
	Frame bool
	// WidthMM, when > 0, is the table's width in millimetres, from the left
	// margin (a label sized for a 快递单); 0 is the whole text width.
	WidthMM float64
	// Size, when > 0, is the type size of the table's text in points (its
	// lines and rows shrink with it); 0 is the body size. The PDF writer
	// sets it; the Word writer sets table text at the body size.
	Size float64
}

// Row is one table row.
type Row struct {
	Cells []Cell
	// MinHeightMM is the least height of the row in millimetres (a space
	// left for handwriting, a seal or a signature).
	MinHeightMM float64
}

// Cell is one cell of a row. A cell spanning several columns stands for all
// of them (the row has fewer cells than the table has columns). Text of
// several lines is justified (两端对齐) when Align is Left; a cell of one
// line is centred vertically in its row. A label that does not fit its
// column on one line at the body size is set smaller (down to 9 pt) rather
// than wrapped.
type Cell struct {
	Text  string // "\n" starts a new line
	Label bool   // a label cell: shaded, centred, the name of what is beside it
	Span  int    // columns covered; 0 or 1 is one column
	Align Align  // for value cells; label cells are always centred
	// OneLine: a value that must not break (a code, such as the 18
	// characters of a 统一社会信用代码), set on one line like a label, in a
	// smaller size (down to 9 pt) when the column is narrow.
	OneLine bool
	// Boxes, when > 0, prints that many square boxes (7 mm) at the left of
	// the cell instead of text, one character of Text in each: the six
	// boxes of a postcode on an envelope.
	Boxes int
	// Foot lines are printed right-aligned at the bottom of the cell, below
	// the text: "负责人（签字）：" SignLine, "（公章）", "年　月　日".
	Foot []string
}

// BoxMM is the side of a box of Cell.Boxes.
const BoxMM = 7.0

// SignLine is the blank line a signature is written on, as printed after
// "负责人（签字）：" in a foot line.
const SignLine = "________________"

// KeepTogether is a group of blocks printed on one page: when it does not
// fit below what is already on the page, it starts on the next page. (A
// group taller than a whole page is still printed, split.)
type KeepTogether struct {
	Blocks []Block
	// WithPrevious keeps the group on the same page as the block before it
	// (keep-with-previous): when the two do not fit below what is already
	// on the page but fit on a page, the block before moves to the next
	// page with it, so that a group (the last, blank opinion box) never
	// stands alone on a page.
	WithPrevious bool
}

// PageBreak starts a new page.
type PageBreak struct{}

// Spacer is vertical blank space in millimetres.
type Spacer struct {
	MM float64
}

func (*Cover) block()        {}
func (*Heading) block()      {}
func (*Paragraph) block()    {}
func (*Table) block()        {}
func (*KeepTogether) block() {}
func (*PageBreak) block()    {}
func (*Spacer) block()       {}

// SpanOf is the number of columns a cell covers (at least 1).
func (c Cell) SpanOf() int {
	if c.Span < 1 {
		return 1
	}
	return c.Span
}

// Texts returns every text of the document in order (titles, fields,
// paragraphs, cells, foot lines), for tests and for fingerprinting what a
// writer must print.
func (d *Document) Texts() []string {
	var out []string
	var walk func(bs []Block)
	walk = func(bs []Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *Cover:
				out = append(out, b.Title...)
				for _, f := range b.Fields {
					out = append(out, f.Label, f.Value)
				}
				out = append(out, b.Bottom...)
			case *Heading:
				out = append(out, b.Text)
			case *Paragraph:
				out = append(out, b.Text)
			case *Table:
				for _, rs := range [][]Row{b.Header, b.Rows} {
					for _, r := range rs {
						for _, c := range r.Cells {
							out = append(out, c.Text)
							out = append(out, c.Foot...)
						}
					}
				}
			case *KeepTogether:
				walk(b.Blocks)
			}
		}
	}
	walk(d.Blocks)
	return out
}
