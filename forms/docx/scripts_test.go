package docx

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"shenbao/forms/pdfdoc"
)

// The .docx holds the text as typed: no zero-width or other invisible
// character is added to make LibreOffice fit a line (a separator between
// scripts did, for LibreOffice's space between Chinese and Latin; Word's
// Find and a copy into another system would then not match the text).
func TestNoInvisibleCharacters(t *testing.T) {
	docs, _, _ := printed(t)
	for id, doc := range docs {
		zr, err := zip.NewReader(bytes.NewReader(doc), int64(len(doc)))
		if err != nil {
			t.Fatal(err)
		}
		var x string
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			x += string(b)
		}
		for _, r := range []rune{'\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'} {
			if strings.ContainsRune(x, r) {
				t.Errorf("%s: the .docx holds the invisible character U+%04X", id, r)
			}
		}
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
