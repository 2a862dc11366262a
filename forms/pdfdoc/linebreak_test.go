package pdfdoc

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
)

// unit is a width function: every character 1 wide, so max is the number of
// characters a line holds.
func unit(rune) float64 { return 1 }

func TestWrapKeepsPunctuationRules(t *testing.T) {
	cases := []struct {
		text  string
		max   float64
		lines []string
	}{
		// "，" would start line 2: the character before it moves down too.
		{"一二三四，五六", 4, []string{"一二三", "四，五六"}},
		// "。”" both closing: both stay with their character.
		{"甲乙丙丁。”戊", 4, []string{"甲乙丙", "丁。”戊"}},
		// "（" must not end a line.
		{"甲乙丙（丁）", 4, []string{"甲乙丙", "（丁）"}},
		// "《" must not end a line.
		{"一二三《四五》", 4, []string{"一二三", "《四五》"}},
		// Latin words break at spaces, not inside.
		{"ab cd efg", 5, []string{"ab cd", "efg"}},
		// An e-mail address is not cut while a break before it exists.
		{"邮箱xuehui2024@example.com", 10, []string{"邮箱", "xuehui2024", "@example.", "com"}},
		// No line of one or two characters at the end of a paragraph when
		// the line before can give some up.
		{"一二三四五六七八九十甲", 5, []string{"一二三四五", "六七八", "九十甲"}},
		{"一二三四五六七八九十甲乙", 5, []string{"一二三四五", "六七八九", "十甲乙"}},
		{"甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌", 10, []string{"甲乙丙丁戊己庚辛壬癸", "子丑寅卯辰巳午未", "申酉戌"}},
		// Too narrow to help: left as it is.
		{"一二三四五六七八九", 4, []string{"一二三四", "五六七八", "九"}},
		// A two-line paragraph too: "所" alone is avoided.
		{"中国科学院长春光学精密机械与物理研究所", 18, []string{"中国科学院长春光学精密机械与物理", "研究所"}},
		// A hard line break.
		{"甲\n乙", 10, []string{"甲", "乙"}},
	}
	for _, c := range cases {
		got := Wrap(c.text, c.max, unit)
		if strings.Join(got, "|") != strings.Join(c.lines, "|") {
			t.Errorf("Wrap(%q, %v) = %q, want %q", c.text, c.max, got, c.lines)
		}
	}
}

// On random Chinese text dense with punctuation, no line starts with closing
// punctuation, no line ends with opening punctuation (unless it is the end
// of the text), no line is wider than allowed except by hanging closing
// punctuation, and no character is lost.
func TestWrapRandom(t *testing.T) {
	pool := []rune("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动，。、；：？！）》」』”’（《「『“‘ab1 ")
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 3000; n++ {
		rs := make([]rune, 1+rng.Intn(120))
		for i := range rs {
			rs[i] = pool[rng.Intn(len(pool))]
		}
		text := string(rs)
		max := float64(2 + rng.Intn(20))
		lines := Wrap(text, max, unit)
		for i, l := range lines {
			lr := []rune(l)
			if len(lr) == 0 {
				continue
			}
			if i > 0 && NoStart(lr[0]) && !allNoStart(lines[:i]) {
				t.Fatalf("line %d of %q (max %v) starts with %q: %q", i, text, max, lr[0], lines)
			}
			if i < len(lines)-1 && NoEnd(lr[len(lr)-1]) && !allNoEnd(lr) {
				t.Fatalf("line %d of %q (max %v) ends with %q: %q", i, text, max, lr[len(lr)-1], lines)
			}
			if w := float64(len([]rune(strings.TrimRightFunc(l, func(r rune) bool { return NoStart(r) || unicode.IsSpace(r) })))); w > max {
				t.Fatalf("line %d of %q is %v wide, max %v: %q", i, text, w, max, lines)
			}
		}
		if squeeze(strings.Join(lines, "")) != squeeze(text) {
			t.Fatalf("characters lost: %q → %q", text, lines)
		}
	}
}

// allNoStart: a line can only start with closing punctuation when everything
// before it is closing punctuation too (the text began with it).
func allNoStart(lines []string) bool {
	for _, l := range lines {
		for _, r := range l {
			if !NoStart(r) && !unicode.IsSpace(r) {
				return false
			}
		}
	}
	return true
}

func allNoEnd(rs []rune) bool {
	for _, r := range rs {
		if !NoEnd(r) && !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// FuzzWrap: whatever the text and width, Wrap loses no character and
// starts no line with closing punctuation (except where the text begins
// with it).
func FuzzWrap(f *testing.F) {
	f.Add("一二三四，五六", 4.0)
	f.Add("ab cd 《efg》。”", 3.0)
	f.Fuzz(func(t *testing.T, text string, max float64) {
		if max < 1 || max > 200 || len(text) > 2000 {
			return
		}
		lines := Wrap(text, max, unit)
		var want []string
		for _, p := range strings.Split(text, "\n") {
			want = append(want, squeeze(p))
		}
		if squeeze(strings.Join(lines, "")) != squeeze(strings.Join(want, "")) {
			t.Fatalf("characters lost: %q → %q", text, lines)
		}
		// The cover's wrapping (brackets kept whole) loses nothing either,
		// and no line is wider than allowed unless a single character is.
		var cover []string
		for _, l := range WrapCover(text, max, unit) {
			cover = append(cover, l.Text)
			if w := len([]rune(l.Text)); float64(w) > max && !strings.ContainsAny(l.Text, noStart+" ") {
				t.Fatalf("cover line %q wider than %v: %q", l.Text, max, cover)
			}
		}
		if squeeze(strings.Join(cover, "")) != squeeze(strings.Join(want, "")) {
			t.Fatalf("cover: characters lost: %q → %q", text, cover)
		}
		for i, l := range lines {
			r := []rune(l)
			if i > 0 && len(r) > 0 && NoStart(r[0]) && !allNoStart(lines[:i]) && !strings.Contains(text, "\n") {
				t.Fatalf("line %d starts with %q: %q", i, r[0], lines)
			}
		}
	})
}

// CarriedLastLine tells where the last line starts when Wrap carried
// characters down to it, and -1 when the lines fill as they come.
func TestCarriedLastLine(t *testing.T) {
	cases := []struct {
		text string
		max  float64
		at   int
	}{
		{"一二三四五六七八九十甲", 5, 8},           // 一二三四五 / 六七八 / 九十甲
		{"中国科学院长春光学精密机械与物理研究所", 18, 16}, // …与物理 / 研究所
		{"一二三四五六七八九十", 5, -1},           // two full lines
		{"一二三四五六七八九", 4, -1},            // too narrow to help
		{"一二三", 5, -1},                  // one line
		{"ab cd efg hi", 6, -1},
	}
	for _, c := range cases {
		at := CarriedLastLine(c.text, c.max, unit)
		if at != c.at {
			t.Errorf("CarriedLastLine(%q, %g) = %d, want %d", c.text, c.max, at, c.at)
			continue
		}
		if at < 0 {
			continue
		}
		ls := Wrap(c.text, c.max, unit)
		if last := ls[len(ls)-1]; string([]rune(c.text)[at:]) != last {
			t.Errorf("%q: the last line %q does not start at %d", c.text, last, at)
		}
	}
}
