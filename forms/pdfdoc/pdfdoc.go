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
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
	"time"

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
	gp, err := newPDF()
	if err != nil {
		return err
	}
	e := &engine{gp: gp, o: opts}
	e.init()
	e.newPage()
	e.flow(doc.Blocks)
	return e.render(w, doc)
}

// fontContainer holds the bundled fonts parsed once for all documents.
var (
	parseOnce sync.Once
	container *gopdf.FontContainer
	chain     []*fonts.Font
	parseErr  error
	// widths caches the advance of a character at 1 pt, per font name,
	// measured in measurer; widthMu guards both.
	widthMu  sync.Mutex
	widths   = map[string]map[rune]float64{}
	measurer *gopdf.GoPdf
)

func loadFonts() error {
	parseOnce.Do(func() {
		chain, parseErr = fonts.Chain()
		if parseErr != nil {
			return
		}
		container = newContainer()
		for _, f := range chain {
			if err := container.AddTTFFontData(family(f), f.Bytes); err != nil {
				parseErr = fmt.Errorf("内置字体 %s 无法用于PDF：%w", f.File, err)
				return
			}
			name := family(f)
			families[f] = name
			widths[name] = map[rune]float64{}
		}
	})
	return parseErr
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
	for len(tag) < 6 {
		tag += "A"
	}
	return tag[:6] + "+" + strings.TrimSuffix(f.File, ".ttf")
}

func newPDF() (*gopdf.GoPdf, error) {
	if err := loadFonts(); err != nil {
		return nil, err
	}
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	for _, f := range chain {
		if err := gp.AddTTFFontFromFontContainer(family(f), container); err != nil {
			return nil, fmt.Errorf("内置字体 %s 无法用于PDF：%w", f.File, err)
		}
	}
	return gp, nil
}

// Placeholder is printed for a character no bundled font has.
const Placeholder = '□'

// fontFor returns the name of the font that prints r, and the character to
// print (the placeholder when no font has r).
func fontFor(r rune) (string, rune) {
	if f := fonts.For(r); f != nil {
		return family(f), r
	}
	if f := fonts.For(Placeholder); f != nil {
		return family(f), Placeholder
	}
	return family(chain[len(chain)-1]), '?'
}

// printable maps a character to what is printed: tabs and other controls
// become a space, a character no font has becomes the placeholder.
func printable(r rune) (string, rune) {
	if r < 0x20 || r == 0x7F {
		r = ' '
	}
	return fontFor(r)
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
}

type engine struct {
	gp *gopdf.GoPdf
	o  Options

	pageW, pageH          float64
	left, right, top, bot float64
	bodySize, lineH       float64
	pages                 [][]func() error
	y                     float64
	measuring             bool // laying out on an endless page to measure
}

func (e *engine) init() {
	e.pageW, e.pageH = gopdf.PageSizeA4.W, gopdf.PageSizeA4.H
	e.left = e.o.MarginLeft * mm
	e.right = e.pageW - e.o.MarginRight*mm
	e.top = e.o.MarginTop * mm
	e.bot = e.pageH - e.o.MarginBottom*mm
	e.bodySize = e.o.BodySize
	e.lineH = e.bodySize * e.o.LineSpacing
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

// width is the advance of r (as printed) at 1 pt.
func (e *engine) width(r rune) float64 {
	name, pr := printable(r)
	widthMu.Lock()
	defer widthMu.Unlock()
	if w, ok := widths[name][pr]; ok {
		return w
	}
	if measurer == nil {
		// A PDF of its own for measuring, so that the documents' font
		// subsets hold only what they print, in the order they print it.
		var err error
		if measurer, err = newPDF(); err != nil {
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

// runs splits a line into runs by font.
func (e *engine) runs(line string) []run {
	var out []run
	var cur []rune
	curFont := ""
	w := 0.0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, run{font: curFont, text: string(cur), w: w})
		}
		cur, w = cur[:0], 0
	}
	for _, r := range line {
		name, pr := printable(r)
		if name != curFont {
			flush()
			curFont = name
		}
		cur = append(cur, pr)
		w += e.width(r)
	}
	flush()
	return out
}

func (e *engine) wrap(s string, max, size float64) []string {
	return Wrap(s, max, func(r rune) float64 { return e.width(r) * size })
}

// text draws one line with its top at y, aligned within [x0, x1].
func (e *engine) text(line string, x0, x1, y, size float64, align layout.Align, gray float64) {
	if line == "" {
		return
	}
	rs := e.runs(line)
	total := 0.0
	for _, r := range rs {
		total += r.w * size
	}
	x := x0
	switch align {
	case layout.Center:
		x = x0 + (x1-x0-total)/2
	case layout.Right:
		x = x1 - total
	}
	lh := size * e.o.LineSpacing
	base := y + (lh-size)/2 + size*0.88
	gp := e.gp
	e.draw(func() error {
		gp.SetTextColor(uint8(gray*255), uint8(gray*255), uint8(gray*255))
		for _, r := range rs {
			if err := gp.SetFont(r.font, "", size); err != nil {
				return err
			}
			gp.SetXY(x, base)
			if err := gp.Text(r.text); err != nil {
				return err
			}
			x += r.w * size
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
	size := e.headingSize(h.Level)
	before := 10.0
	if h.Level > 1 {
		before = 4
	}
	lines := e.wrap(h.Text, e.right-e.left, size)
	lh := size * e.o.LineSpacing
	need := before + float64(len(lines))*lh + 3*e.lineH + 6 // keep with the next lines
	if need > e.avail() && !e.atTop() {
		e.newPage()
	}
	if !e.atTop() {
		e.y += before
	}
	for _, l := range lines {
		e.text(l, e.left, e.right, e.y, size, layout.Left, 0)
		e.y += lh
	}
	e.y += 2
}

func (e *engine) paragraph(p *layout.Paragraph) {
	size := p.Size
	if size <= 0 {
		size = e.bodySize
	}
	lh := size * e.o.LineSpacing
	for _, l := range e.wrap(p.Text, e.right-e.left, size) {
		if e.y+lh > e.bot {
			e.newPage()
		}
		e.text(l, e.left, e.right, e.y, size, p.Align, 0)
		e.y += lh
	}
	e.y += 3
}

// cover lays out a cover page: it starts and ends a page.
func (e *engine) cover(c *layout.Cover) {
	if !e.atTop() {
		e.newPage()
	}
	w := e.right - e.left
	e.y = e.top + 22*mm
	for i, t := range c.Title {
		size := 20.0
		if i == len(c.Title)-1 && len(c.Title) > 1 {
			size = 30
			e.y += 8 * mm
		}
		for _, l := range e.wrap(t, w, size) {
			e.text(l, e.left, e.right, e.y, size, layout.Center, 0)
			e.y += size * 1.6
		}
	}
	e.y += 22 * mm
	const size = 14
	lh := size * 1.5
	labelX0, labelX1 := e.left+6*mm, e.left+52*mm
	valueX0, valueX1 := labelX1+3*mm, e.right-6*mm
	gp := e.gp
	for _, f := range c.Fields {
		lines := e.wrap(f.Value, valueX1-valueX0, size)
		h := float64(len(lines))*(lh+4) + f.SealMM*mm
		if e.y+h > e.bot {
			e.newPage()
		}
		e.text(f.Label+"：", labelX0, labelX1, e.y, size, layout.Right, 0)
		for _, l := range lines {
			e.text(l, valueX0, valueX1, e.y, size, layout.Center, 0)
			uy := e.y + lh
			e.draw(func() error {
				gp.SetLineWidth(0.6)
				gp.SetStrokeColor(0, 0, 0)
				gp.SetLineType("solid")
				gp.Line(valueX0, uy, valueX1, uy)
				return nil
			})
			e.y += lh + 4
		}
		if f.SealMM > 0 {
			d := f.SealMM * mm
			cx, cy := (valueX0+valueX1)/2, e.y+d/2
			e.draw(func() error {
				gp.SetLineWidth(0.5)
				gp.SetStrokeColor(150, 150, 150)
				gp.SetLineType("dashed")
				gp.Oval(cx-d/2, cy-d/2, cx+d/2, cy+d/2)
				gp.SetLineType("solid")
				gp.SetStrokeColor(0, 0, 0)
				return nil
			})
			e.text("盖章处", valueX0, valueX1, cy-e.bodySize*e.o.LineSpacing/2, e.bodySize, layout.Center, 0.6)
			e.y += d
		}
	}
	if len(c.Bottom) > 0 {
		const bsize = 14
		blh := bsize * 1.6
		var lines []string
		for _, b := range c.Bottom {
			lines = append(lines, e.wrap(b, w, bsize)...)
		}
		h := float64(len(lines)) * blh
		if e.y+h > e.bot {
			e.newPage()
		}
		y := e.bot - h - 6*mm
		for i, l := range lines {
			size := float64(bsize)
			if i > 0 {
				size = 10
			}
			e.text(l, e.left, e.right, y, size, layout.Center, 0)
			y += blh
		}
	}
	e.newPage()
}

func newContainer() *gopdf.FontContainer { return &gopdf.FontContainer{} }
