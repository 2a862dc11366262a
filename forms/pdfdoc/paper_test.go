package pdfdoc

import (
	"bytes"
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
