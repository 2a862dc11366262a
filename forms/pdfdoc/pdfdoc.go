// Package pdfdoc renders layout documents as print-ready PDF with gopdf: A4
// portrait, a wider left margin for binding, the bundled fonts embedded as
// subsets, Chinese line breaking, tables whose header rows repeat when they
// continue on a new page, keep-together blocks, "第 x 页 共 y 页" and the
// fingerprint at the foot of every page.
//
// gopdf silently drops a character its font lacks. This package never lets
// that happen: every run of text is set in the first bundled font
// (forms/fonts.Chain) that has each of its characters, and a character no
// bundled font has is printed as a visible "□" (the checks in forms report
// such characters as findings before export).
package pdfdoc

import (
	"compress/zlib"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/signintech/gopdf"

	"shenbao/forms"
	"shenbao/forms/fonts"
	"shenbao/forms/layout"
)

// Points per millimetre.
const mm = 72 / 25.4

// Options are the page geometry and type sizes. The zero value of a field
// means its default (DefaultOptions).
type Options struct {
	// Margins in millimetres. The left margin is wider for binding.
	MarginLeft, MarginRight, MarginTop, MarginBottom float64
	// BodySize is the size of body and table text in points (10.5, 五号).
	BodySize float64
	// LineSpacing is the line height as a multiple of the font size.
	LineSpacing float64
	// Created is the creation date written into the PDF's metadata; the
	// zero time leaves it out (so that the same input gives the same bytes).
	Created time.Time
}

// DefaultOptions are A4 with 28 mm left and 20 mm other margins, 10.5 pt
// body text at 1.5 line spacing.
func DefaultOptions() Options {
	return Options{MarginLeft: 28, MarginRight: 20, MarginTop: 20, MarginBottom: 20, BodySize: 10.5, LineSpacing: 1.5}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	for _, p := range []struct{ v, def *float64 }{
		{&o.MarginLeft, &d.MarginLeft}, {&o.MarginRight, &d.MarginRight}, {&o.MarginTop, &d.MarginTop},
		{&o.MarginBottom, &d.MarginBottom}, {&o.BodySize, &d.BodySize}, {&o.LineSpacing, &d.LineSpacing},
	} {
		if *p.v <= 0 {
			*p.v = *p.def
		}
	}
	return o
}

// Document renders doc as PDF with the default options.
func Document(w io.Writer, doc *layout.Document) error {
	return Write(w, doc, Options{})
}

// Application renders the application form of a draft (layout.Application).
func Application(w io.Writer, call *forms.Call, d *forms.Draft, generated time.Time) error {
	return Write(w, layout.Application(call, d, generated), Options{})
}

// Write renders doc as PDF with the given options.
func Write(w io.Writer, doc *layout.Document, opts Options) error {
	opts = opts.withDefaults()
	if _, err := loadFonts(); err != nil {
		return err
	}
	e := &engine{o: opts, used: map[string]bool{}}
	e.gp = &gopdf.GoPdf{}
	e.init()
	e.newPage()
	e.flow(doc.Blocks)
	return e.render(w, doc)
}

// The bundled fonts as gopdf parsed them, shared by all documents until
// ReleaseFonts; fontMu guards container. chain and families are read once
// (namesOnce) and never change.
var (
	namesOnce sync.Once
	chain     []*fonts.Font
	chainErr  error
	fontMu    sync.Mutex
	container *gopdf.FontContainer
	// widths caches the advance of a character at 1 pt, per font name,
	// measured in measurer; widthMu guards both. The widths stay valid
	// after ReleaseFonts (the fonts do not change); the measurer does not.
	widthMu  sync.Mutex
	widths   = map[string]map[rune]float64{}
	measurer *gopdf.GoPdf
)

// loadFonts parses the bundled fonts for gopdf unless they are parsed
// already, and returns them.
func loadFonts() (*gopdf.FontContainer, error) {
	namesOnce.Do(readNames)
	if chainErr != nil {
		return nil, chainErr
	}
	fontMu.Lock()
	defer fontMu.Unlock()
	if container != nil {
		return container, nil
	}
	c := newContainer()
	for _, f := range faces() {
		if err := c.AddTTFFontData(family(f), f.Bytes); err != nil {
			return nil, fmt.Errorf("内置字体 %s 无法用于PDF：%w", f.File, err)
		}
	}
	container = c
	return c, nil
}

// readNames reads the chain of fonts and names their faces, once.
func readNames() {
	chain, chainErr = fonts.Chain()
	if chainErr != nil {
		return
	}
	for _, f := range faces() {
		name := family(f)
		families[f] = name
		widths[name] = map[rune]float64{}
	}
}

// ReleaseFonts lets go of the parsed fonts (about 7 MB of character maps,
// glyph locations and widths for the four faces, held by the shared
// container and the measuring PDF); the next document parses them again
// (about 20 ms, BenchmarkFontParse). On Linux it also takes the pages of
// the embedded fonts that documents read out of the resident set
// (dropPages; about 10 MB after an application). A document being written
// meanwhile keeps what it uses and reads again what it needs. The window
// calls it when an export has finished: it writes documents seldom, and
// the memory is better spent on the steps in between (docs/window.md, “A
// whole session”).
func ReleaseFonts() {
	fontMu.Lock()
	container = nil
	fontMu.Unlock()
	widthMu.Lock()
	measurer = nil
	widthMu.Unlock()
	namesOnce.Do(readNames)
	for _, f := range faces() {
		dropPages(f.Bytes)
	}
}

// faces is every face of the chain: each font and its bold face.
func faces() []*fonts.Font {
	var out []*fonts.Font
	for _, f := range chain {
		out = append(out, f)
		if f.Bold != nil {
			out = append(out, f.Bold)
		}
	}
	return out
}

// families holds family(f) for each bundled font.
var families = map[*fonts.Font]string{}

// family is the name a bundled font has inside the PDF: a subset tag (six
// capital letters and "+", which readers such as pdffonts recognise as "an
// embedded subset") and the font's file name without extension.
func family(f *fonts.Font) string {
	if s, ok := families[f]; ok {
		return s
	}
	tag := "SHB" + strings.ToUpper(f.Name)
	if f.Bold == nil && strings.HasSuffix(f.Name, "bold") {
		tag = "SHBBLD"
	}
	for len(tag) < 6 {
		tag += "A"
	}
	return tag[:6] + "+" + strings.ReplaceAll(strings.TrimSuffix(f.File, ".ttf"), "_", "-")
}

// newPDF starts a PDF with the faces it uses (all of them when used is
// nil): a face added to a gopdf document is embedded even when unused.
func newPDF(used map[string]bool) (*gopdf.GoPdf, error) {
	gp := &gopdf.GoPdf{}
	return gp, startPDF(gp, used)
}

// startPDF starts gp as a new A4 document with the faces it uses.
func startPDF(gp *gopdf.GoPdf, used map[string]bool) error {
	c, err := loadFonts()
	if err != nil {
		return err
	}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	gp.SetCompressLevel(compressLevel)
	gp.SetFontFileMade(fontFileMade)
	for _, f := range faces() {
		if used != nil && !used[family(f)] {
			continue
		}
		if err := gp.AddTTFFontFromFontContainer(family(f), c); err != nil {
			return fmt.Errorf("内置字体 %s 无法用于PDF：%w", f.File, err)
		}
	}
	return nil
}

// fontFileMade is called with a face's bytes when a PDF's subset of it is
// made. A face's glyphs are read only then, a page for nearly every
// character printed: the pages leave the resident set at once (dropPages),
// not at the end of the export, so that a document's peak holds one face's
// pages, not all the faces of all the documents of an export (the window's
// session: the after-selection export's peak 198 → 194 MB). A variable for
// the tests.
var fontFileMade = dropFace

// dropFace drops the pages of b when b is one of the chain's embedded
// faces, and leaves any other bytes alone: gopdf calls the hook for every
// font a document uses, and dropping the pages of memory the program
// allocated would zero it.
func dropFace(b []byte) {
	if len(b) == 0 {
		return
	}
	for _, f := range faces() {
		if len(f.Bytes) == len(b) && &f.Bytes[0] == &b[0] {
			dropPages(b)
			return
		}
	}
}

// compressLevel is the zlib level of the PDF's streams, the font subsets'
// included (forms/third_party/gopdf lets SetCompressLevel reach them). Most of a
// PDF is the two serif subsets, mostly their loca and hmtx tables, which
// keep an entry for each of the face's 30,920 glyphs: zlib's default level
// spent ~70 % of a document's time on them (docs/documents.md).
const compressLevel = zlib.BestSpeed

// Placeholder is printed for a character no bundled font has.
const Placeholder = '□'

// fontFor returns the name of the face that prints r (the bold face of its
// font when bold is set), and the character to print (the placeholder when
// no font has r).
func fontFor(r rune, bold bool) (string, rune) {
	if f := fonts.For(r); f != nil {
		return family(f.Face(bold)), r
	}
	if f := fonts.For(Placeholder); f != nil {
		return family(f.Face(bold)), Placeholder
	}
	return family(chain[len(chain)-1]), '?'
}

// printable maps a character to what is printed: tabs and other controls
// become a space, a character no font has becomes the placeholder.
func printable(r rune, bold bool) (string, rune) {
	if r < 0x20 || r == 0x7F {
		r = ' '
	}
	return fontFor(r, bold)
}

// boxed are characters the serif draws narrower than the em box Chinese
// text gives them: the 间隔号 "·" (U+00B7, a Latin middle dot 0.33 em wide in
// Noto Serif SC) is printed centred in a full em, as GB/T 15834 sets it.
func boxed(r rune) bool { return r == '·' }

// Advance is the width of r at 1 pt as this package prints it, from the
// fonts' metrics (fonts.Width) without parsing them for PDF: what another
// writer uses to break lines where the PDF breaks them.
func Advance(r rune, bold bool) float64 {
	if r < 0x20 || r == 0x7F {
		r = ' '
	}
	w := fonts.Width(r, bold)
	if fonts.For(r) == nil {
		w = fonts.Width(Placeholder, bold)
	}
	if boxed(r) && w < 1 {
		return 1
	}
	return w
}

// PageNumber is the text at the foot of page n of total.
func PageNumber(n, total int) string {
	return fmt.Sprintf("第 %d 页 共 %d 页", n, total)
}

// run is a piece of a line set in one font.
type run struct {
	font string
	text string
	w    float64 // width at 1 pt
	dx   float64 // blank before the text at 1 pt (a boxed character)
	n    int     // characters
}

type engine struct {
	gp *gopdf.GoPdf
	o  Options

	pageW, pageH          float64
	left, right, top, bot float64
	bodySize, lineH       float64
	pages                 [][]func() error
	covers                map[int]bool    // pages that are cover pages (no footer)
	used                  map[string]bool // faces the pages print in
	y                     float64
	measuring             bool                  // laying out on an endless page to measure
	moved                 map[layout.Block]bool // Pagination.MovedToNewPage, when wanted
	// trace, when set (by tests), is told every text as it is broken into
	// lines: what it is (Kind), its text, the lines and the width.
	trace func(Traced)
}

// Kinds of traced text.
const (
	KindLabel      = "label"       // a label cell
	KindCell       = "cell"        // a value cell
	KindHeading    = "heading"     // a heading
	KindParagraph  = "paragraph"   // body text
	KindCoverTitle = "cover-title" // a title line of a cover
	KindCoverValue = "cover-value" // a cover field's value
)

// Traced is one text as the writer broke it into lines.
type Traced struct {
	Kind  string
	Text  string
	Lines []Line
	Size  float64 // type size
	Width float64 // the width it was set in, points
}

func (e *engine) traced(kind, text string, lines []Line, size, width float64) {
	if e.trace != nil && !e.measuring && text != "" {
		e.trace(Traced{Kind: kind, Text: text, Lines: lines, Size: size, Width: width})
	}
}

// Trace lays doc out as Write does and returns every text with the lines it
// was broken into, in order (tests check the typesetting on this model
// rather than on text read back from the PDF).
func Trace(doc *layout.Document) ([]Traced, error) {
	if _, err := loadFonts(); err != nil {
		return nil, err
	}
	var out []Traced
	e := &engine{o: Options{}.withDefaults(), used: map[string]bool{}, gp: &gopdf.GoPdf{}}
	e.trace = func(t Traced) { out = append(out, t) }
	e.init()
	e.newPage()
	e.flow(doc.Blocks)
	return out, nil
}

// Pagination is how Write breaks a document into pages, for another writer
// to follow: the number of pages (covers included) and the blocks of
// doc.Blocks that Write moved to a new page to keep the group after them
// with them (layout.KeepTogether.WithPrevious).
type Pagination struct {
	Pages int
	// MovedToNewPage holds the top-level blocks started on a new page to
	// stay with the group that follows them.
	MovedToNewPage map[layout.Block]bool
}

// Paginate lays doc out as Write does, without writing it.
func Paginate(doc *layout.Document) (Pagination, error) {
	if _, err := loadFonts(); err != nil {
		return Pagination{}, err
	}
	e := &engine{o: Options{}.withDefaults(), used: map[string]bool{}, gp: &gopdf.GoPdf{}, moved: map[layout.Block]bool{}}
	e.init()
	e.newPage()
	e.flow(doc.Blocks)
	n := len(e.pages)
	for n > 1 && len(e.pages[n-1]) == 0 {
		n--
	}
	return Pagination{Pages: n, MovedToNewPage: e.moved}, nil
}

func (e *engine) init() {
	e.pageW, e.pageH = gopdf.PageSizeA4.W, gopdf.PageSizeA4.H
	e.left = e.o.MarginLeft * mm
	e.right = e.pageW - e.o.MarginRight*mm
	e.top = e.o.MarginTop * mm
	e.bot = e.pageH - e.o.MarginBottom*mm
	e.bodySize = e.o.BodySize
	e.lineH = e.bodySize * e.o.LineSpacing
	e.covers = map[int]bool{}
}

func (e *engine) newPage() {
	e.pages = append(e.pages, nil)
	e.y = e.top
}

func (e *engine) atTop() bool { return e.y <= e.top+0.01 }

func (e *engine) avail() float64 { return e.bot - e.y }

func (e *engine) draw(f func() error) {
	if e.measuring {
		return
	}
	e.pages[len(e.pages)-1] = append(e.pages[len(e.pages)-1], f)
}

// width is the advance of r (as printed in the regular face) at 1 pt.
func (e *engine) width(r rune) float64 { return e.widthIn(r, false) }

// widthIn is the advance of r at 1 pt in the regular or the bold face.
func (e *engine) widthIn(r rune, bold bool) float64 {
	name, pr := printable(r, bold)
	w := e.glyphWidth(name, pr)
	if boxed(pr) && w < 1 {
		return 1
	}
	return w
}

// glyphWidth is the advance of character pr in face name at 1 pt.
func (e *engine) glyphWidth(name string, pr rune) float64 {
	widthMu.Lock()
	defer widthMu.Unlock()
	if w, ok := widths[name][pr]; ok {
		return w
	}
	if measurer == nil {
		// A PDF of its own for measuring, so that the documents' font
		// subsets hold only what they print, in the order they print it.
		var err error
		if measurer, err = newPDF(nil); err != nil {
			return 0
		}
	}
	w := 0.0
	if err := measurer.SetFont(name, "", 1000); err == nil {
		if m, err := measurer.MeasureTextWidth(string(pr)); err == nil {
			w = m / 1000
		}
	}
	widths[name][pr] = w
	return w
}

// runs splits a line into runs by font; a boxed character is a run of its
// own, centred in its em.
func (e *engine) runs(line string, bold bool) []run {
	var out []run
	var cur []rune
	curFont := ""
	w := 0.0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, run{font: curFont, text: string(cur), w: w, n: len(cur)})
		}
		cur, w = cur[:0], 0
	}
	for _, r := range line {
		name, pr := printable(r, bold)
		if e.used != nil {
			e.used[name] = true
		}
		if boxed(pr) {
			flush()
			gw := e.glyphWidth(name, pr)
			box := e.widthIn(r, bold)
			out = append(out, run{font: name, text: string(pr), w: box, dx: (box - gw) / 2, n: 1})
			curFont = ""
			continue
		}
		if name != curFont {
			flush()
			curFont = name
		}
		cur = append(cur, pr)
		w += e.glyphWidth(name, pr)
	}
	flush()
	return out
}

// wrapStyle is WrapLines in a style's face and size.
func (e *engine) wrapStyle(s string, max float64, st style) []Line {
	return WrapLines(s, max, func(r rune) float64 { return e.widthIn(r, st.bold) * st.size })
}

// style is how a line of text is set.
type style struct {
	size  float64
	bold  bool
	gray  float64 // 0 black, 1 white
	align layout.Align
	// justify spreads a line that is not the last of its paragraph over
	// the whole width (两端对齐), when align is Left.
	justify bool
}

// stretchable marks the gaps of a line that justification may widen: gap
// i lies after rs[i]. Extra space goes only where a Chinese character (or
// full-width punctuation) meets another character, and after a space
// between words: never between the letters of a Latin word or the digits of
// a number ("0431-85261499", "800V", "Session"), which would be read as
// letter-spaced. The spaces that indent a paragraph do not stretch. It
// returns the marks and how many gaps are stretchable.
func stretchable(rs []rune) ([]bool, int) {
	gaps := make([]bool, len(rs))
	n := 0
	lead := 0
	for lead < len(rs) && unicode.IsSpace(rs[lead]) {
		lead++
	}
	for i := lead; i < len(rs)-1; i++ {
		a, b := rs[i], rs[i+1]
		if ideographic(a) && !unicode.IsSpace(a) || ideographic(b) && !unicode.IsSpace(b) || a == ' ' && b != ' ' {
			gaps[i] = true
			n++
		}
	}
	return gaps, n
}

// maxSpread is the most space justification adds at one gap, in ems: a
// line broken early before a long word, or with few gaps that may stretch,
// stays ragged instead.
const maxSpread = 0.25

// text draws one line with its top at y, aligned within [x0, x1].
func (e *engine) text(line string, x0, x1, y, size float64, align layout.Align, gray float64) {
	e.textStyled(Line{Text: line, Last: true}, x0, x1, y, style{size: size, align: align, gray: gray})
}

// piece is a part of a line drawn in one font with one character spacing.
type piece struct {
	font  string
	text  string
	x     float64 // from the line's start, points
	dx    float64 // blank before the text, points (a boxed character)
	space float64 // character spacing, points
}

// textStyled draws one line in a style with its top at y within [x0, x1].
func (e *engine) textStyled(l Line, x0, x1, y float64, st style) {
	line := strings.TrimRightFunc(l.Text, unicode.IsSpace)
	if line == "" {
		return
	}
	if l.Hyphen {
		line += "-"
	}
	size := st.size
	rs := e.runs(line, st.bold)
	total := 0.0
	n := 0
	for _, r := range rs {
		total += r.w * size
		n += r.n
	}
	x := x0
	spread := 0.0
	var gaps []bool
	switch st.align {
	case layout.Center:
		x = x0 + (x1-x0-total)/2
	case layout.Right:
		x = x1 - total
	default:
		if st.justify && !l.Last && n > 1 && total < x1-x0 {
			var k int
			gaps, k = stretchable([]rune(line))
			if k > 0 {
				if sp := (x1 - x0 - total) / float64(k); sp <= maxSpread*size {
					spread = sp
				}
			}
		}
	}
	// The pieces: one per run, or when justified, one per stretch of
	// characters whose gaps all stretch or all do not.
	var ps []piece
	off := 0.0
	if spread == 0 {
		for _, r := range rs {
			ps = append(ps, piece{font: r.font, text: r.text, x: off, dx: r.dx * size})
			off += r.w * size
		}
	} else {
		k := 0 // index of the character in the line
		for _, r := range rs {
			if r.dx != 0 || r.n == 1 {
				sp := 0.0
				if gaps[k] {
					sp = spread
				}
				ps = append(ps, piece{font: r.font, text: r.text, x: off, dx: r.dx * size, space: sp})
				off += r.w*size + sp
				k++
				continue
			}
			cs := []rune(r.text)
			for i := 0; i < len(cs); {
				j := i
				w := 0.0
				for j < len(cs) && gaps[k+j] == gaps[k+i] {
					w += e.glyphWidth(r.font, cs[j]) * size
					j++
				}
				sp := 0.0
				if gaps[k+i] {
					sp = spread
				}
				ps = append(ps, piece{font: r.font, text: string(cs[i:j]), x: off, space: sp})
				off += w + sp*float64(j-i)
				i = j
			}
			k += len(cs)
		}
	}
	lh := size * e.o.LineSpacing
	base := y + (lh-size)/2 + size*0.88
	gray := st.gray
	e.draw(func() error {
		gp := e.gp
		gp.SetTextColor(uint8(gray*255), uint8(gray*255), uint8(gray*255))
		cur := 0.0
		for _, p := range ps {
			if p.space != cur {
				if err := gp.SetCharSpacing(p.space); err != nil {
					return err
				}
				cur = p.space
			}
			if err := gp.SetFont(p.font, "", size); err != nil {
				return err
			}
			gp.SetXY(x+p.x+p.dx, base)
			if err := gp.Text(p.text); err != nil {
				return err
			}
		}
		if cur != 0 {
			return gp.SetCharSpacing(0)
		}
		return nil
	})
}

func (e *engine) block(b layout.Block) {
	switch b := b.(type) {
	case *layout.Cover:
		e.cover(b)
	case *layout.Heading:
		e.heading(b)
	case *layout.Paragraph:
		e.paragraph(b)
	case *layout.Table:
		e.table(b)
	case *layout.KeepTogether:
		e.keepTogether(b)
	case *layout.PageBreak:
		if !e.atTop() {
			e.newPage()
		}
	case *layout.Image:
		e.image(b)
	case *layout.Spacer:
		if !e.atTop() {
			e.y += b.MM * mm
			if e.y > e.bot {
				e.newPage()
			}
		}
	}
}

// flow lays out blocks in order. Headings and the table that follows them
// move together to the next page when they are short (at most a third of a
// page), so that a heading is never parted from its table and a short table
// (the funding sources, a committee) is never split.
func (e *engine) flow(bs []layout.Block) {
	e.flowGrouped(bs, !e.measuring)
}

// flowGrouped is flow; group false lays blocks out one by one (inside a
// group already kept together, and when measuring).
func (e *engine) flowGrouped(bs []layout.Block, group bool) {
	for i := 0; i < len(bs); i++ {
		if i+1 < len(bs) && !e.measuring && !e.atTop() {
			// A group kept with its previous block: when this block fits
			// here but the two together do not, both start the next page.
			if k, ok := bs[i+1].(*layout.KeepTogether); ok && k.WithPrevious {
				h1 := e.measure(bs[i : i+1])
				if h2 := e.measure(bs[i : i+2]); h1 <= e.avail() && h2 > e.avail() && h2 <= e.bot-e.top {
					e.newPage()
					if e.moved != nil {
						e.moved[bs[i]] = true
					}
				}
			}
		}
		j := i
		for j < len(bs) {
			if _, ok := bs[j].(*layout.Heading); !ok {
				break
			}
			j++
		}
		if j < len(bs) && group {
			if _, ok := bs[j].(*layout.Table); ok {
				group := bs[i : j+1]
				if e.measure(group) <= (e.bot-e.top)/3 {
					e.keepTogether(&layout.KeepTogether{Blocks: group})
					i = j
					continue
				}
			}
		}
		e.block(bs[i])
	}
}

// measure is the height blocks take when laid out on an endless page.
func (e *engine) measure(bs []layout.Block) float64 {
	m := &engine{gp: e.gp, o: e.o, measuring: true}
	m.init()
	m.bot = math.Inf(1)
	m.newPage()
	m.flow(bs)
	return m.y - m.top
}

func (e *engine) keepTogether(k *layout.KeepTogether) {
	if !e.measuring {
		if h := e.measure(k.Blocks); h > e.avail() && !e.atTop() {
			e.newPage()
		}
	}
	e.flowGrouped(k.Blocks, false)
}

func (e *engine) headingSize(level int) float64 {
	if level <= 1 {
		return 14
	}
	return 12
}

func (e *engine) heading(h *layout.Heading) {
	st := style{size: e.headingSize(h.Level), bold: true}
	before := 10.0
	if h.Level > 1 {
		before = 4
	}
	lines := e.wrapStyle(h.Text, e.right-e.left, st)
	e.traced(KindHeading, h.Text, lines, st.size, e.right-e.left)
	lh := st.size * e.o.LineSpacing
	need := before + float64(len(lines))*lh + 3*e.lineH + 6 // keep with the next lines
	if need > e.avail() && !e.atTop() {
		e.newPage()
	}
	if !e.atTop() {
		e.y += before
	}
	for _, l := range lines {
		e.textStyled(l, e.left, e.right, e.y, st)
		e.y += lh
	}
	e.y += 2
}

func (e *engine) paragraph(p *layout.Paragraph) {
	st := style{size: p.Size, align: p.Align, justify: true, bold: p.Bold}
	if st.size <= 0 {
		st.size = e.bodySize
	}
	lh := st.size * e.o.LineSpacing
	lines := e.wrapStyle(p.Text, e.right-e.left, st)
	e.traced(KindParagraph, p.Text, lines, st.size, e.right-e.left)
	for _, l := range lines {
		if e.y+lh > e.bot {
			e.newPage()
		}
		e.textStyled(l, e.left, e.right, e.y, st)
		e.y += lh
	}
	e.y += 3
}

// Cover type sizes in points: titles 二号 and 小初, fields and the bottom
// line 四号 (labels bold).
const (
	coverTitleSize = 22.0
	coverMainSize  = 36.0
	coverFieldSize = 14.0
)

// coverField is a cover field laid out: its value's lines and the room it
// takes.
type coverField struct {
	f     layout.Field
	lines []Line
	h     float64 // height without seal room
	seal  float64 // room above and below the value for a seal
}

// cover lays out a cover page: it starts and ends a page, and carries no
// footer. When long values would push the fields into the bottom line, the
// blank space between the titles and the fields shrinks first.
func (e *engine) cover(c *layout.Cover) {
	if !e.atTop() {
		e.newPage()
	}
	e.covers[len(e.pages)-1] = true
	w := e.right - e.left
	gp := e.gp
	if c.NumberBox != "" {
		st := style{size: e.bodySize}
		bw, bh := 38*mm, 8*mm
		bx, by := e.right-bw, e.top
		label := c.NumberBox + "："
		lw := 0.0
		for _, r := range label {
			lw += e.width(r) * st.size
		}
		e.textStyled(Line{Text: label, Last: true}, bx-lw-2, bx-2, by+(bh-e.lineH)/2, st)
		e.draw(func() error {
			gp.SetLineWidth(0.6)
			gp.SetStrokeColor(0, 0, 0)
			gp.SetLineType("solid")
			gp.RectFromUpperLeftWithStyle(bx, by, bw, bh, "D")
			return nil
		})
	}
	// Titles.
	type tline struct {
		l    Line
		st   style
		gapB float64 // space before
	}
	var titles []tline
	for i, t := range c.Title {
		st := style{size: coverTitleSize, bold: true, align: layout.Center}
		gap := 0.0
		if i == len(c.Title)-1 && len(c.Title) > 1 {
			st.size = coverMainSize
			gap = 10 * mm
		}
		tl := e.wrapStyle(t, w, st)
		e.traced(KindCoverTitle, t, tl, st.size, w)
		for j, l := range tl {
			g := 0.0
			if j == 0 {
				g = gap
			}
			titles = append(titles, tline{l, st, g})
		}
	}
	// Fields.
	fs := style{size: coverFieldSize, align: layout.Center}
	lh := fs.size * 1.5
	step := lh + 4
	labelX0, labelX1 := e.left+4*mm, e.left+54*mm
	valueX0, valueX1 := labelX1+2*mm, e.right-4*mm
	var fields []coverField
	fieldsH := 0.0
	for _, f := range c.Fields {
		cf := coverField{f: f, lines: WrapCover(f.Value, valueX1-valueX0, func(r rune) float64 { return e.width(r) * fs.size })}
		e.traced(KindCoverValue, f.Value, cf.lines, fs.size, valueX1-valueX0)
		cf.h = float64(len(cf.lines)) * step
		if f.SealMM > 0 {
			cf.seal = math.Max(0, (f.SealMM*mm-cf.h)/2)
		}
		fields = append(fields, cf)
		fieldsH += cf.h + 2*cf.seal
	}
	bottomH := 0.0
	bst := style{size: coverFieldSize, align: layout.Center}
	var bottom []Line
	for _, b := range c.Bottom {
		bottom = append(bottom, e.wrapStyle(b, w, bst)...)
	}
	bottomH = float64(len(bottom)) * bst.size * 1.6
	titleH := 0.0
	for _, t := range titles {
		titleH += t.gapB + t.st.size*1.6
	}
	// Vertical budget: top gap, titles, gap, fields, bottom line.
	topGap, midGap, minGap := 24*mm, 26*mm, 6*mm
	free := (e.bot - 8*mm) - e.top - titleH - fieldsH - bottomH
	if over := topGap + midGap + minGap - free; over > 0 {
		// Shrink the gaps, the middle first, to no less than 6 mm each.
		cut := math.Min(over, midGap-minGap)
		midGap -= cut
		over -= cut
		topGap = math.Max(minGap, topGap-over)
	}
	e.y = e.top + topGap
	for _, t := range titles {
		e.y += t.gapB
		e.textStyled(t.l, e.left, e.right, e.y, t.st)
		e.y += t.st.size * 1.6
	}
	e.y += midGap
	for _, cf := range fields {
		e.y += cf.seal
		ls := style{size: coverFieldSize, bold: true, align: layout.Right}
		e.textStyled(Line{Text: cf.f.Label + "：", Last: true}, labelX0, labelX1, e.y, ls)
		if len(cf.lines) == 0 {
			cf.lines = []Line{{Last: true}}
		}
		for _, l := range cf.lines {
			e.textStyled(l, valueX0, valueX1, e.y, fs)
			uy := e.y + lh
			e.draw(func() error {
				gp.SetLineWidth(0.6)
				gp.SetStrokeColor(0, 0, 0)
				gp.SetLineType("solid")
				gp.Line(valueX0, uy, valueX1, uy)
				return nil
			})
			e.y += step
		}
		e.y += cf.seal
	}
	if len(bottom) > 0 {
		y := math.Max(e.bot-bottomH-8*mm, e.y+minGap)
		for _, l := range bottom {
			e.textStyled(l, e.left, e.right, y, bst)
			y += bst.size * 1.6
		}
	}
	e.newPage()
}

func newContainer() *gopdf.FontContainer { return &gopdf.FontContainer{} }
