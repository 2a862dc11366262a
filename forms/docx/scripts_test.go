package docx

import (
	"strings"
	"testing"

	"shenbao/forms/pdfdoc"
)

// The zero-width separator goes only between a Chinese character and a
// Latin letter or digit, and only in a paragraph one of whose lines would
// not fit with LibreOffice's space between scripts; a paragraph with room
// to spare stays as typed.
func TestFitScripts(t *testing.T) {
	sep := string(ScriptSeparator)
	if got := separateScripts("邀请Smith-Williamson教授、Hans Müller教授；800V平台（Session 1）"); got !=
		"邀请"+sep+"Smith-Williamson"+sep+"教授、Hans Müller"+sep+"教授；800V"+sep+"平台（Session 1）" {
		t.Errorf("separateScripts: %q", got)
	}
	// Room to spare: nothing added.
	if got := fitScripts("2024年4月10日", textWidth, bodySize, false); got != "2024年4月10日" {
		t.Errorf("a short date got separators: %q", got)
	}
	// A label sized to fit its column on one line, with no room for two
	// fifths of an em: separated (研究生以第一作者限投1篇 wrapped its 篇).
	label := "研究生以第一作者限投1篇"
	inner := 0
	for _, r := range label {
		inner += int(width(false)(r)*float64(bodySize)/2*20 + 0.5)
	}
	if got := fitScripts(label, inner+10, bodySize, false); got != "研究生以第一作者限投"+sep+"1"+sep+"篇" {
		t.Errorf("a full label: %q", got)
	}
	if got := fitScripts(label, inner+200, bodySize, false); got != label {
		t.Errorf("a label with room: %q", got)
	}
	// Each paragraph on its own.
	long := strings.Repeat("围绕800V高压平台开展研讨", 10)
	if got := fitScripts("2024年\n"+long, textWidth/2, bodySize, false); !strings.HasPrefix(got, "2024年\n") || !strings.Contains(got, "围绕"+sep+"800V"+sep+"高压") {
		t.Errorf("paragraphs: %q", got)
	}
	if got := fitScripts(long, textWidth/2, bodySize, false); !strings.Contains(got, "围绕"+sep+"800V"+sep+"高压") {
		t.Errorf("a summary of full mixed lines got no separators: %q", got)
	}
}

// A cell's last line starts where the PDF starts it when the PDF carries
// characters down to avoid a lone last character ("…东南湖大路／3888号"),
// in every column width that makes it do so; the text is otherwise kept.
func TestCarryDown(t *testing.T) {
	addr := "吉林省长春市经济技术开发区东南湖大路3888号"
	carried := 0
	for inner := 1500; inner <= 5000; inner += 10 {
		got := carryDown(addr, inner, bodySize)
		if strings.ReplaceAll(got, "\n", "") != addr {
			t.Fatalf("inner %d: the text changed: %q", inner, got)
		}
		if !strings.Contains(got, "\n") {
			continue
		}
		carried++
		wf := width(false)
		ls := pdfdoc.Wrap(addr, float64(inner)/20, func(r rune) float64 { return wf(r) * float64(bodySize) / 2 })
		if last := got[strings.LastIndex(got, "\n")+1:]; last != ls[len(ls)-1] {
			t.Errorf("inner %d: the .docx's last line is %q, the PDF's %q", inner, last, ls[len(ls)-1])
		}
	}
	if carried == 0 {
		t.Error("no column width made the PDF carry characters down: the test tests nothing")
	}
	if got := carryDown("一二三", 2000, bodySize); got != "一二三" {
		t.Errorf("a short text got a break: %q", got)
	}
}

// Columns' edges are rounded: every span of columns is within a twip of
// its share of the width (truncating each column and giving the last what
// was left put the checklist's last column 2 twips, a column of five 2.5
// twips, off), and the columns sum to the width.
func TestGridEdges(t *testing.T) {
	for _, ws := range [][]float64{{0.245, 0.255, 0.24, 0.26}, {0.7, 2.0, 8.6, 0.7}, {0.08, 0.13, 0.27, 0.22, 0.3}, {16, 78}} {
		cols := gridIn(ws, textWidth)
		total, sum := 0.0, 0
		for i, c := range cols {
			total += ws[i]
			sum += c
		}
		if sum != textWidth {
			t.Fatalf("%v: columns sum to %d, not %d", ws, sum, textWidth)
		}
		for from := range ws {
			share, w := 0.0, 0
			for i := from; i < len(ws); i++ {
				share += ws[i]
				w += cols[i]
				if d := float64(w) - share/total*float64(textWidth); d > 1 || d < -1 {
					t.Errorf("%v: columns %d–%d are %d twips, %.1f by their share", ws, from, i, w, share/total*float64(textWidth))
				}
			}
		}
	}
}
