package pdfdoc

import (
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"shenbao/forms/internal/doctest"
	"shenbao/forms/layout"
)

// A paragraph indented with two ideographic spaces keeps its indent on its
// first line: the line does not break inside the indent or right after it.
func TestWrapKeepsParagraphIndent(t *testing.T) {
	cases := []struct {
		text  string
		max   float64
		lines []string
	}{
		{"　　甲乙丙丁戊己", 4, []string{"　　甲乙", "丙丁戊己"}},
		// A Latin word longer than what is left after the indent is cut
		// after the indent, not moved to the next line leaving the indent
		// alone on an empty line; each cut line ends with a hyphen (not in
		// Wrap's text: WrapLines' Line.Hyphen), which takes a character's
		// room.
		{"　　abcdefghij", 4, []string{"　　a", "bcd", "efg", "hij"}},
		{"　　abc def", 6, []string{"　　abc", "def"}},
		// An opening quote stays with the character after it.
		{"　　“甲乙丙丁", 4, []string{"　　“甲", "乙丙丁"}},
		// Each paragraph is indented; wrapped lines are not.
		{"　　甲乙丙丁戊\n　　己庚辛壬癸", 4, []string{"　　甲乙", "丙丁戊", "　　己庚", "辛壬癸"}},
		// ASCII spaces typed as an indent are kept the same way.
		{"  abcdef", 4, []string{"  a", "bc", "def"}},
		// A column narrower than the indent and one character: the indent
		// gives way, nothing is lost.
		{"　　甲乙", 2, []string{"", "甲乙"}},
	}
	for _, c := range cases {
		got := Wrap(c.text, c.max, unit)
		if strings.Join(got, "|") != strings.Join(c.lines, "|") {
			t.Errorf("Wrap(%q, %v) = %q, want %q", c.text, c.max, got, c.lines)
		}
	}

	// Random indented paragraphs of Chinese, Latin words and punctuation:
	// the first line starts with the whole indent and then text, and no
	// wrapped line starts with an ideographic space.
	pool := []rune("的一是在不了有和人这中大为上个国我以要他时来，。、；：？！）》”（《“ab1 ")
	rng := rand.New(rand.NewSource(2))
	for n := 0; n < 2000; n++ {
		rs := make([]rune, 1+rng.Intn(80))
		for i := range rs {
			rs[i] = pool[rng.Intn(len(pool))]
		}
		body := strings.TrimLeftFunc(string(rs), unicode.IsSpace)
		if body == "" {
			continue
		}
		text := "　　" + body
		max := float64(3 + rng.Intn(30))
		lines := Wrap(text, max, unit)
		first := []rune(lines[0])
		if len(first) < 3 || string(first[:2]) != "　　" || unicode.IsSpace(first[2]) {
			t.Fatalf("Wrap(%q, %v): first line %q lost the indent", text, max, lines[0])
		}
		for i, l := range lines[1:] {
			if strings.HasPrefix(l, "　") {
				t.Fatalf("Wrap(%q, %v): wrapped line %d starts with U+3000: %q", text, max, i+1, lines)
			}
		}
		if squeeze(strings.Join(lines, "")) != squeeze(text) {
			t.Fatalf("characters lost: %q → %q", text, lines)
		}
	}
}

// In the PDF, pdftotext -layout shows each indented paragraph's first line
// further right than its wrapped lines, also when the paragraph starts
// with a Latin word or a URL.
func TestPDFKeepsParagraphIndent(t *testing.T) {
	paras := []string{
		strings.Repeat("本次分赛场共有十二名研究生登台演讲，评委现场点评。", 4),
		"https://example.org/2024/academic-exchange-projects/information-report-of-the-sub-venue-" + strings.Repeat("甲乙丙丁", 12),
		"Fyne是一个用Go编写的跨平台图形界面工具包，" + strings.Repeat("戊己庚辛", 15),
	}
	var blocks []layout.Block
	for _, p := range paras {
		blocks = append(blocks, &layout.Paragraph{Text: "　　" + p})
	}
	pdf := render(t, &layout.Document{Title: "缩进", Blocks: blocks})
	file := filepath.Join(t.TempDir(), "indent.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(doctest.Tool(t, "pdftotext"), "-layout", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(out), "\n")
	lead := func(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }
	for _, p := range paras {
		head := string([]rune(p)[:6])
		found := false
		for i, l := range lines {
			if !strings.HasPrefix(strings.TrimLeft(l, " "), head) {
				continue
			}
			found = true
			if i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) == "" {
				t.Fatalf("paragraph %q did not wrap:\n%s", head, out)
			}
			if lead(l) < 2 || lead(lines[i+1]) != 0 {
				t.Errorf("paragraph %q: first line indented %d, next line %d:\n%s", head, lead(l), lead(lines[i+1]), out)
			}
		}
		if !found {
			t.Errorf("paragraph %q does not start a line (indent lost or line empty):\n%s", head, out)
		}
	}
}
