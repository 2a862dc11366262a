package widgets

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Label is a widget.Label whose LowImportance is readable: it is drawn
// in ColorNameSecondary, where Fyne 2.8.1's Label uses its disabled colour
// (#e3e3e3 on white), meant for a control that cannot be used. It is for
// what the user reads but is not the form's own text: 人民币大写 under an
// amount, 明细合计, a character count, column headings, hints, and the
// messages under the inputs, whose "待填" is LowImportance
// (severityImportance). The other importances are Label's colours.
//
// It is Fyne's RichText with one segment, which is what a Label draws, so
// it looks and measures like a Label. Set its fields, then Refresh (or
// SetText), as for a Label.
type Label struct {
	widget.RichText
	Text       string
	Importance widget.Importance
	Alignment  fyne.TextAlign
	TextStyle  fyne.TextStyle
	SizeName   fyne.ThemeSizeName // "": the normal text size

	seg *widget.TextSegment
}

// NewLabel returns a label showing text.
func NewLabel(text string) *Label {
	l := &Label{Text: text, seg: &widget.TextSegment{}}
	l.Scroll = container.ScrollNone
	l.Segments = []widget.RichTextSegment{l.seg}
	l.ExtendBaseWidget(l)
	l.sync()
	return l
}

// NewSecondaryLabel is a label of secondary information (LowImportance).
func NewSecondaryLabel(text string) *Label {
	l := NewLabel(text)
	l.Importance = widget.LowImportance
	l.sync()
	return l
}

// CreateRenderer is RichText's, from the fields as they are set now.
func (l *Label) CreateRenderer() fyne.WidgetRenderer {
	l.sync()
	return l.RichText.CreateRenderer()
}

// Resize lays the label out at size, its lines broken for that width.
func (l *Label) Resize(size fyne.Size) {
	if size == l.Size() {
		return
	}
	l.RichText.Resize(size)
	if l.wraps() {
		l.Refresh()
	}
}

// wraps reports whether the label breaks its lines (at words or anywhere:
// either way BreakLines chooses the breaks, so that Fyne finds every line
// fitting and adds none).
func (l *Label) wraps() bool {
	return l.Wrapping == fyne.TextWrapWord || l.Wrapping == fyne.TextWrapBreak
}

// SetText shows text.
func (l *Label) SetText(text string) {
	l.Text = text
	l.Refresh()
}

// Refresh redraws the label from its fields.
func (l *Label) Refresh() {
	l.sync()
	l.RichText.Refresh()
}

// sync sets the segment from the fields, as Label does.
func (l *Label) sync() {
	size := l.SizeName
	if size == "" {
		size = theme.SizeNameText
	}
	if l.seg == nil { // a Label embedded in another widget, not made by NewLabel
		l.seg = &widget.TextSegment{}
		l.Scroll = container.ScrollNone
		l.Segments = []widget.RichTextSegment{l.seg}
	}
	l.seg.Text = l.Text
	if l.wraps() && l.Size().Width > 0 {
		th := l.Theme()
		avail := l.Size().Width - 2*th.Size(theme.SizeNameInnerPadding) - 1
		l.seg.Text = BreakLines(l.Text, avail, runeWidths(th.Font(l.TextStyle).Name(), th.Size(size), l.TextStyle))
	}
	l.seg.Style = widget.RichTextStyle{
		Alignment: l.Alignment,
		ColorName: importanceColor(l.Importance),
		Inline:    true,
		SizeName:  size,
		TextStyle: l.TextStyle,
	}
}

// importanceColor is the colour of text of an importance: Label's, except
// that LowImportance is ColorNameSecondary.
func importanceColor(i widget.Importance) fyne.ThemeColorName {
	switch i {
	case widget.LowImportance:
		return ColorNameSecondary
	case widget.HighImportance:
		return theme.ColorNamePrimary
	case widget.DangerImportance:
		return theme.ColorNameError
	case widget.WarningImportance:
		return theme.ColorNameWarning
	case widget.SuccessImportance:
		return theme.ColorNameSuccess
	}
	return theme.ColorNameForeground
}

// Lines are the label's lines as it breaks them at its width now (its
// Text split where it wraps), for tests and the review.
func (l *Label) Lines() []string {
	l.sync()
	return strings.Split(l.seg.Text, "\n")
}

// runeWidths measures a text as the sum of its characters' advances, each
// measured once per size and style: measuring every prefix of a line
// (what breaking a line needs) would fill Fyne's cache of measured strings
// with each of them on every keystroke (tens of MB over a session).
func runeWidths(font string, size float32, style fyne.TextStyle) func(string) float32 {
	key := widthKey{font, size, style}
	widthMu.Lock()
	m := widthCache[key]
	if m == nil {
		m = map[rune]float32{}
		widthCache[key] = m
	}
	widthMu.Unlock()
	return func(s string) float32 {
		w := float32(0)
		widthMu.Lock()
		defer widthMu.Unlock()
		for _, r := range s {
			a, ok := m[r]
			if !ok {
				a = fyne.MeasureText(string(r), size, style).Width
				m[r] = a
			}
			w += a
		}
		return w
	}
}

type widthKey struct {
	font  string // the theme's font's name
	size  float32
	style fyne.TextStyle
}

var (
	widthMu    sync.Mutex
	widthCache = map[widthKey]map[rune]float32{}
)
