package pdfdoc

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/forms/internal/doctest"
	"shenbao/forms/layout"
)

// hardDraft is the hard draft of the typesetting review
// (forms/testdata/hard.shenbao.json): names of 60 characters and more, a
// 2,000-character summary, 30 agenda rows mixing Chinese, Latin words,
// hyphenated names and digits, rare characters.
func hardDraft(t testing.TB) (*forms.Call, *forms.Draft) {
	t.Helper()
	d, err := forms.Load(filepath.Join("..", "testdata", "hard.shenbao.json"))
	if err != nil {
		t.Fatal(err)
	}
	return forms.Default(), d
}

// paperCases are the documents the review read: every sample and the hard
// draft.
func paperCases(t *testing.T) []unitCase {
	call := forms.Default()
	var cs []unitCase
	for _, cat := range call.Categories {
		call, d := sample(t, cat.ID)
		cs = append(cs, unitCase{cat.ID, layout.Application(call, d, generated)})
	}
	call, d := hardDraft(t)
	cs = append(cs, unitCase{"hard", layout.Application(call, d, generated)})
	return cs
}

// asciiWord reports whether s is one Latin letter or digit.
func asciiChar(s string) bool {
	if len(s) != 1 {
		return false
	}
	c := s[0]
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// LetterSpaced finds runs of three or more single Latin letters or digits
// read as words of their own on one line: a word letter-spaced by
// justification (pdftotext starts a new word at a gap wider than a small
// part of the type size).
func letterSpaced(ws []doctest.Word) []string {
	var out []string
	for i := 0; i < len(ws); {
		j := i
		for j < len(ws) && asciiChar(ws[j].Text) && ws[j].Page == ws[i].Page && abs(ws[j].YMin-ws[i].YMin) < 1 {
			j++
		}
		if j-i >= 3 {
			var s []string
			for _, w := range ws[i:j] {
				s = append(s, w.Text)
			}
			out = append(out, strings.Join(s, " "))
		}
		if j == i {
			j++
		}
		i = j
	}
	return out
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// Justification never spreads a Latin word or a number letter by letter:
// in every sample and the hard draft, pdftotext reads each Latin word and
// number whole (extra space goes only where a Chinese character meets
// another character, or the line is set ragged).
func TestJustifyKeepsLatinWhole(t *testing.T) {
	for _, c := range paperCases(t) {
		var buf bytes.Buffer
		if err := Document(&buf, c.doc); err != nil {
			t.Fatal(err)
		}
		if bad := letterSpaced(doctest.Words(t, buf.Bytes())); len(bad) > 0 {
			t.Errorf("%s: %d letter-spaced Latin or digit runs, e.g. %q", c.name, len(bad), bad[:min(3, len(bad))])
		}
	}
}

// brokenWords lists the places where the lines of a traced text cut a
// Latin word between two letters without a hyphen.
func brokenWords(x Traced) []string {
	var out []string
	for i := 0; i+1 < len(x.Lines); i++ {
		if x.Lines[i].Last || x.Lines[i].Hyphen {
			continue
		}
		a, b := []rune(x.Lines[i].Text), []rune(strings.TrimLeft(x.Lines[i+1].Text, " "))
		if len(a) == 0 || len(b) == 0 || !latin(a[len(a)-1]) || !latin(b[0]) {
			continue
		}
		tail, head := string(a[max(0, len(a)-4):]), string(b[:min(4, len(b))])
		if strings.Contains(x.Text, tail+head) && !strings.Contains(x.Text, tail+" "+head) {
			out = append(out, tail+"／"+head)
		}
	}
	return out
}

// A Latin word is broken only at a space or after a hyphen, or cut with a
// hyphen when it does not fit its column on its own; in every sample and
// the hard draft (its "Smith-Williamson" in the agenda's narrow column).
func TestLatinWordsNotCut(t *testing.T) {
	for _, c := range paperCases(t) {
		tr, err := Trace(c.doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range tr {
			if bad := brokenWords(x); len(bad) > 0 {
				t.Errorf("%s: %s %q cut without a hyphen at %q", c.name, x.Kind, x.Text, bad)
			}
		}
	}
	// The line breaker: at the hyphen, then with a hyphen added.
	for _, c := range []struct {
		text  string
		max   float64
		lines []string
	}{
		{"Smith-Williamson", 12, []string{"Smith-", "Williamson"}},
		{"Williamson", 6, []string{"Willi-", "amson"}},
		{"0431-85261499", 8, []string{"0431-852", "61499"}},
	} {
		var got []string
		for _, l := range WrapLines(c.text, c.max, unit) {
			if l.Hyphen {
				l.Text += "-"
			}
			got = append(got, l.Text)
		}
		if strings.Join(got, "|") != strings.Join(c.lines, "|") {
			t.Errorf("Wrap(%q, %v) = %q, want %q", c.text, c.max, got, c.lines)
		}
	}
}

// A foreign name in a narrow column is set a little smaller rather than
// broken ("Hans Müller" in the intl sample's 姓名 column), and a word
// longer than its column is set smaller until it fits.
func TestCellSizeKeepsWordsWhole(t *testing.T) {
	w := func(rune) float64 { return 0.5 }
	if s := CellSize(layout.Cell{Text: "Hans Müller"}, 11*0.5*10, w, 10.5); s != 10 {
		t.Errorf("Hans Müller in 55 pt: size %v, want 10", s)
	}
	if s := CellSize(layout.Cell{Text: "项目 Williamson"}, 10*0.5*9.5, w, 10.5); s != 9.5 {
		t.Errorf("a 10-letter word in 47.5 pt: size %v, want 9.5", s)
	}
	if s := CellSize(layout.Cell{Text: "项目名称很长很长很长"}, 20, w, 10.5); s != 10.5 {
		t.Errorf("Chinese text: size %v, want the body size", s)
	}
}

// The last opinion block (the funder's review, printed blank) never stands
// alone on a page: it shares its page with the opinion block before it, in
// every sample and the hard draft, and with one, two or three joint
// applicants.
func TestOpinionBlocksKeptTogether(t *testing.T) {
	cases := paperCases(t)
	for _, n := range []int{0, 1, 2, 3} {
		call, d := sample(t, "forum")
		d.Joint = nil
		for i := 0; i < n; i++ {
			d.Joint = append(d.Joint, forms.Joint{Name: "长春市科学技术协会", Type: "city_sat"})
		}
		for extra := 0; extra < 6; extra++ {
			d2 := *d
			d2.Agenda = append([]forms.AgendaItem(nil), d.Agenda...)
			for i := 0; i < extra*3; i++ {
				d2.Agenda = append(d2.Agenda, d.Agenda[0])
			}
			cases = append(cases, unitCase{fmt.Sprintf("forum-joint%d-agenda+%d", n, extra*3), layout.Application(call, &d2, generated)})
		}
	}
	for _, c := range cases {
		var buf bytes.Buffer
		if err := Document(&buf, c.doc); err != nil {
			t.Fatal(err)
		}
		pages := doctest.Pages(t, buf.Bytes())
		for i, p := range pages {
			p = doctest.Squeeze(p)
			if strings.Contains(p, "审核意见") && !strings.Contains(strings.ReplaceAll(p, "审核意见", ""), "意见") {
				t.Errorf("%s: page %d of %d holds the review box alone:\n%s", c.name, i+1, len(pages), p)
			}
		}
	}
}

// A long summary continued on the next page prints its label there again,
// marked continued: "项目简介（续）", not a blank label column.
func TestContinuedRowLabel(t *testing.T) {
	call, d := hardDraft(t)
	var buf bytes.Buffer
	if err := Application(&buf, call, d, generated); err != nil {
		t.Fatal(err)
	}
	pages := doctest.Pages(t, buf.Bytes())
	first, cont := -1, -1
	for i, p := range pages {
		sq := doctest.Squeeze(p)
		if first < 0 && strings.Contains(sq, "项目简介") {
			first = i
		}
		if cont < 0 && strings.Contains(sq, "项目简介（续）") {
			cont = i
		}
	}
	if first < 0 || cont != first+1 {
		t.Errorf("the summary's label is on page %d, 项目简介（续） on page %d; want it on the next page", first+1, cont+1)
	}
}

// The fingerprint is small, in the footer margin, on the page number's
// line: no line of its own on an official form.
func TestFingerprintInFooterLine(t *testing.T) {
	call, d := sample(t, "forum")
	var buf bytes.Buffer
	if err := Application(&buf, call, d, generated); err != nil {
		t.Fatal(err)
	}
	ws := doctest.Words(t, buf.Bytes())
	var num, fp *doctest.Word
	for i, w := range ws {
		if w.Page != 2 {
			continue
		}
		if w.Text == "第" && num == nil {
			num = &ws[i]
		}
		if w.Text == "文档指纹" {
			fp = &ws[i]
		}
	}
	if num == nil || fp == nil {
		t.Fatalf("page 2: no page number or no fingerprint")
	}
	numMid, fpMid := (num.YMin+num.YMax)/2, (fp.YMin+fp.YMax)/2
	if abs(numMid-fpMid) > 1.5 {
		t.Errorf("the fingerprint is on a line of its own (%.1f pt from the page number's)", fpMid-numMid)
	}
	if h, nh := fp.YMax-fp.YMin, num.YMax-num.YMin; h > 0.8*nh {
		t.Errorf("the fingerprint is %.1f pt high, the page number %.1f: not small", h, nh)
	}
	if fp.YMin < 842-20*72/25.4 {
		t.Errorf("the fingerprint is above the bottom margin")
	}
}

// A cover value of several lines breaks at phrase boundaries (after
// punctuation or a dash, before a bracket, at a space) or at the end of a
// word of a name, never inside a word such as "寒地" or "分赛场", and its
// first line is not a short one (at least half the longest). In every
// sample and the hard draft.
func TestCoverValuesBreakAtPhrases(t *testing.T) {
	for _, c := range paperCases(t) {
		tr, err := Trace(c.doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range tr {
			if x.Kind != KindCoverValue || len(x.Lines) < 2 {
				continue
			}
			rs := []rune(x.Text)
			pos := 0
			longest := 0
			for i, l := range x.Lines {
				n := len([]rune(l.Text))
				longest = max(longest, n)
				pos += n
				for pos < len(rs) && rs[pos] == ' ' {
					pos++
				}
				if i < len(x.Lines)-1 && !phraseBreak(rs, pos) && !wordEnd(rs, pos) {
					t.Errorf("%s: cover value %q breaks inside a word: %q", c.name, x.Text, lines(x))
				}
			}
			if first := len([]rune(x.Lines[0].Text)); 2*first < longest {
				t.Errorf("%s: cover value %q starts with a short line: %q", c.name, x.Text, lines(x))
			}
		}
	}
	// The review's two cases, in the cover's width (about 19 characters).
	w := func(rune) float64 { return 1 }
	for _, c := range []struct{ text, bad string }{
		{"第十五届吉林省研究生科技论文演讲比赛农科分赛场", "农科|分赛场"},
		{"第十三届年会暨分会场——寒地智慧农业装备与智能网联新能源汽车产业集群协同创新高峰论坛", "寒|地"},
	} {
		var ls []string
		for _, l := range WrapCover(c.text, 19, w) {
			ls = append(ls, l.Text)
		}
		if joined := strings.Join(ls, "|"); strings.Contains(joined, c.bad) {
			t.Errorf("WrapCover(%q) = %q, breaks at %q", c.text, ls, c.bad)
		}
	}
}

// A character beyond the Basic Multilingual Plane (a rare character of a
// name, 𬭚 U+2CB5A) is read back as itself: the font's ToUnicode map
// writes it as a UTF-16 surrogate pair, so the PDF's text can be searched
// and copied.
func TestRareCharacterReadsBack(t *testing.T) {
	doc := &layout.Document{Blocks: []layout.Block{&layout.Paragraph{Text: "彭𬭚、赵昇"}}}
	text := doctest.Squeeze(doctest.PDFText(t, render(t, doc)))
	for _, want := range []string{"彭𬭚", "赵昇"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text %q lacks %q", text, want)
		}
	}
}
