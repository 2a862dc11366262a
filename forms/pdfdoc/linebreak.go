package pdfdoc

import (
	"math"
	"strings"
	"unicode"
)

// Line breaking for Chinese text mixed with Latin words, after the usual
// rules of Chinese typesetting (禁则, GB/T 15834 and JLREQ): a line never
// starts with closing punctuation and never ends with opening punctuation;
// Chinese characters break anywhere else; a Latin word, number, e-mail
// address or URL breaks only at spaces unless it is longer than a line.

// noStart holds the characters a line must not start with: closing
// brackets and quotes, pause and stop marks, and the like.
const noStart = "，。、；：？！）》」』”’〉】〕〗〙〛｝］｠〞〟…‥·・–—～ー％‰℃°′″" +
	",.;:?!)]}%" + "﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻"

// noEnd holds the characters a line must not end with: opening brackets and
// quotes.
const noEnd = "（《「『“‘〈【〔〖〘〚｛［｟〝([{" + "﹙﹛﹝￥＄£¥$"

// NoStart reports whether r must not begin a line.
func NoStart(r rune) bool { return strings.ContainsRune(noStart, r) }

// NoEnd reports whether r must not end a line.
func NoEnd(r rune) bool { return strings.ContainsRune(noEnd, r) }

// ideographic reports whether a line may break on either side of r as far
// as words go: Han characters, kana, hangul, CJK and full-width punctuation.
func ideographic(r rune) bool {
	switch {
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return true
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF, r >= 0xFE10 && r <= 0xFE6F:
		return true
	case r >= 0x2010 && r <= 0x206F: // general punctuation: “”‘’…—
		return true
	case r >= 0x2460 && r <= 0x27BF: // circled numbers, boxes, dingbats
		return true
	}
	return false
}

// canBreak reports whether a line may break between a and b.
func canBreak(a, b rune) bool {
	if NoStart(b) || NoEnd(a) {
		return false
	}
	if unicode.IsSpace(a) || unicode.IsSpace(b) {
		return true
	}
	return ideographic(a) || ideographic(b)
}

// validBreak reports whether a line may end before rs[b]: the break is
// allowed between its neighbours and, looking past spaces (which vanish at
// a break), the next line does not start with closing punctuation and this
// one does not end with opening punctuation.
func validBreak(rs []rune, b int) bool {
	if !canBreak(rs[b-1], rs[b]) && !afterHyphen(rs, b) {
		return false
	}
	j := b
	for j < len(rs) && unicode.IsSpace(rs[j]) {
		j++
	}
	if j < len(rs) && NoStart(rs[j]) {
		return false
	}
	k := b - 1
	for k >= 0 && unicode.IsSpace(rs[k]) {
		k--
	}
	return k < 0 || !NoEnd(rs[k])
}

// latin reports whether r is a letter of a word set in Latin script (or
// Greek, Cyrillic): a word of such letters is hyphenated when it is cut.
func latin(r rune) bool {
	return unicode.IsLetter(r) && r < 0x2000
}

// afterHyphen reports whether a line may end before rs[b] because rs[b-1]
// is a hyphen between two letters ("Smith-|Williamson"); a hyphen between
// digits (a telephone number, a time span) does not break.
func afterHyphen(rs []rune, b int) bool {
	return b >= 2 && (rs[b-1] == '-' || rs[b-1] == '\u2010') && latin(rs[b-2]) && latin(rs[b])
}

// Wrap breaks text into lines no wider than max, given the width of each
// character. "\n" ends a line. Spaces at the start of a wrapped line (not
// of a paragraph) are dropped; spaces at the end of a line may overhang.
// The spaces that begin a paragraph are its indent (usually two ideographic
// spaces, U+3000): the first line never breaks inside the indent or right
// after it, which would leave an empty line and start the text unindented,
// unless the indent and one character are wider than the line itself.
// A Latin word breaks at its spaces and after a hyphen between letters.
// When no allowed break fits (a word longer than the line), the word is cut,
// with a hyphen at the end of the line where it is cut between two letters,
// but a line still never starts with closing punctuation: the punctuation
// then hangs into the margin.
//
// A paragraph of several lines does not end with a line of one or two
// characters when breaking its last-but-one line earlier avoids it (Short).
// Wrap returns the characters of each line; WrapLines tells which lines end
// with a hyphen added.
func Wrap(text string, max float64, width func(rune) float64) []string {
	var out []string
	for _, l := range WrapLines(text, max, width) {
		out = append(out, l.Text)
	}
	return out
}

// Line is one line of wrapped text.
type Line struct {
	Text string
	// Last is true for the last line of a paragraph (before a "\n" or at
	// the end of the text): a justified text leaves it unjustified.
	Last bool
	// Hyphen is true when the line ends inside a word cut between two
	// letters: a hyphen, not part of Text, is printed after it.
	Hyphen bool
}

// hyphenMark ends a line cut inside a word while lines are broken; WrapLines
// and WrapCover turn it into Line.Hyphen.
const hyphenMark = '\uFFFF'

// newLine is a Line of a broken line, its hyphen mark read.
func newLine(s string, last bool) Line {
	t, hy := strings.CutSuffix(s, string(hyphenMark))
	return Line{Text: t, Last: last, Hyphen: hy}
}

// Short is the most characters a paragraph's last line may hold and still
// count as left alone (a 孤字 or 孤行): Wrap avoids such a line when it can.
const Short = 2

// WrapLines is Wrap, telling which lines end a paragraph.
func WrapLines(text string, max float64, width func(rune) float64) []Line {
	var out []Line
	for _, para := range strings.Split(text, "\n") {
		ls := wrapPara([]rune(strings.TrimRight(para, "\r")), max, width)
		for i, l := range ls {
			out = append(out, newLine(l, i == len(ls)-1))
		}
	}
	return out
}

func wrapPara(rs []rune, max float64, width func(rune) float64) []string {
	lines, _ := wrapParaCarried(rs, max, width)
	return lines
}

// CarriedLastLine tells where, as an index into the runes of a paragraph
// (text without "\n"), its last line starts when WrapLines carries
// characters of the line before down to it to avoid a short last line
// (Short), earlier than a breaker filling each line would start it; -1
// when it starts where such a breaker starts it. A writer whose reader
// breaks lines by filling them (Word, LibreOffice) breaks the line there
// itself to set the paragraph as the PDF does.
func CarriedLastLine(para string, max float64, width func(rune) float64) int {
	_, at := wrapParaCarried([]rune(para), max, width)
	return at
}

// wrapParaCarried is wrapPara, with where its last line starts when
// characters were carried down to it (-1 otherwise).
func wrapParaCarried(rs []rune, max float64, width func(rune) float64) ([]string, int) {
	if len(rs) == 0 {
		return []string{""}, -1
	}
	indent := paraIndent(rs, max, width)
	lines, starts := breakLines(rs, 0, indent, func(int) float64 { return max }, width)
	n := len(lines)
	if n < 2 || len([]rune(lines[n-1])) > Short {
		return lines, -1
	}
	// The last line is one or two characters: carry more of the line
	// before it down, one character at a time, while that line keeps at
	// least as many as the last one gets.
	from := starts[n-2]
	prev := []rune(lines[n-2])
	for k := 1; k <= 4 && len(prev)-k >= 3; k++ {
		first := 0.0
		for _, r := range prev[:len(prev)-k] {
			first += width(r)
		}
		first += 1e-9
		sub, at := breakLines(rs, from, indent, func(i int) float64 {
			if i == 0 {
				return first
			}
			return max
		}, width)
		if len(sub) == 2 && len([]rune(sub[1])) > Short && len([]rune(sub[0])) >= len([]rune(sub[1])) {
			return append(lines[:n-2:n-2], sub...), at[1]
		}
		if len(sub) > 2 {
			break
		}
	}
	return lines, -1
}

// breakLines breaks rs[from:] into lines, line i no wider than maxFor(i);
// it returns the lines and where each starts in rs. indent is the number of
// leading spaces of the paragraph that stay with its first character.
func breakLines(rs []rune, from, indent int, maxFor func(int) float64, width func(rune) float64) (lines []string, starts []int) {
	return breakAvoiding(rs, from, indent, maxFor, width, nil)
}

// breakAvoiding is breakLines, breaking before rs[b] with avoid[b] set only
// when no other allowed break fits (avoid may be nil).
func breakAvoiding(rs []rune, from, indent int, maxFor func(int) float64, width func(rune) float64, avoid []bool) (lines []string, starts []int) {
	start := from
	for start < len(rs) {
		max := maxFor(len(lines))
		lo := start // the earliest place this line may end
		if lo < indent {
			lo = indent
		}
		w := 0.0
		end := len(rs) // where this line ends (exclusive)
		for i := start; i < len(rs); i++ {
			w += width(rs[i])
			if w <= max || unicode.IsSpace(rs[i]) || i == start {
				continue
			}
			// rs[i] does not fit: break at the last allowed place.
			end = -1
			for pass := 0; pass < 2 && end < 0; pass++ {
				for b := i; b > lo; b-- {
					if validBreak(rs, b) && (pass == 1 || avoid == nil || !avoid[b]) {
						end = b
						break
					}
				}
			}
			if end < 0 {
				// No allowed break: cut at i, letting closing punctuation hang.
				end = i
				for end < len(rs) {
					j := end
					for j < len(rs) && unicode.IsSpace(rs[j]) {
						j++
					}
					if j == len(rs) || !NoStart(rs[j]) {
						break
					}
					end = j + 1
				}
				for end-1 > lo && NoEnd(rs[end-1]) {
					end--
				}
			}
			break
		}
		line := strings.TrimRightFunc(string(rs[start:end]), unicode.IsSpace)
		if end > start+1 && end < len(rs) && latin(rs[end-1]) && latin(rs[end]) {
			// A word cut between two letters: hyphenate, giving up letters
			// to the next line until the hyphen fits.
			hw := width('-')
			w := 0.0
			for _, r := range rs[start:end] {
				w += width(r)
			}
			for end > start+2 && w+hw > max && latin(rs[end-2]) {
				end--
				w -= width(rs[end])
			}
			line = string(rs[start:end]) + string(hyphenMark)
		}
		lines = append(lines, line)
		starts = append(starts, start)
		start = end
		for start < len(rs) && rs[start] == ' ' {
			start++
		}
	}
	return lines, starts
}

// paraIndent is the number of spaces that indent a paragraph, when they and
// the character after them fit on a line; 0 otherwise (no indent, a
// paragraph of spaces only, or a column narrower than the indent).
func paraIndent(rs []rune, max float64, width func(rune) float64) int {
	n := 0
	for n < len(rs) && unicode.IsSpace(rs[n]) {
		n++
	}
	if n == 0 || n == len(rs) {
		return 0
	}
	w := 0.0
	for _, r := range rs[:n+1] {
		w += width(r)
	}
	if w > max {
		return 0
	}
	return n
}

// WrapCover wraps a cover field's value: as WrapLines, but not inside a
// bracket pair (（农科分赛场）) when a break outside one fits, and without a
// last line of one or two characters when the line before can give some up.
func WrapCover(text string, max float64, width func(rune) float64) []Line {
	var out []Line
	for _, para := range strings.Split(text, "\n") {
		rs := []rune(para)
		if len(rs) == 0 {
			out = append(out, Line{Last: true})
			continue
		}
		avoid := make([]bool, len(rs)+1)
		depth := 0
		for i, r := range rs {
			switch r {
			case '（', '(', '《', '【', '〔', '“', '「':
				depth++
			case '）', ')', '》', '】', '〕', '”', '」':
				if depth > 0 {
					depth--
				}
			}
			avoid[i+1] = depth > 0
		}
		ls, _ := breakAvoiding(rs, 0, 0, func(int) float64 { return max }, width, avoid)
		if n := len(ls); n >= 2 && len([]rune(ls[n-1])) <= Short {
			if alt := wrapPara(rs, max, width); len(alt) == n && len([]rune(alt[n-1])) > Short && !cutsBracket(rs, alt, avoid) {
				ls = alt
			}
		}
		if n := len(ls); n >= 2 {
			// As many lines (or one more when that spares a break inside a
			// word), broken at phrase boundaries or at least at the end of
			// a word of a name ("…届", "…比赛", "…研究所", before "与")
			// as far as they allow, balanced.
			pen := func(b int) int {
				switch {
				case avoid[b]:
					return -1
				case phraseBreak(rs, b):
					return 0
				case wordEnd(rs, b):
					return 1
				}
				return 4
			}
			bal, cost := balanced(rs, n, max, width, pen)
			if more, c := balanced(rs, n+1, max, width, pen); more != nil && (bal == nil || c+2 <= cost) {
				bal = more
			}
			if bal != nil {
				ls = bal
			}
		}
		for i, l := range ls {
			out = append(out, newLine(l, i == len(ls)-1))
		}
	}
	return out
}

// cutsBracket reports whether lines (the wrapping of rs) break inside a
// bracket pair.
func cutsBracket(rs []rune, lines []string, avoid []bool) bool {
	pos := 0
	for i, l := range lines {
		pos += len([]rune(l))
		for pos < len(rs) && rs[pos] == ' ' {
			pos++
		}
		if i < len(lines)-1 && pos < len(avoid) && avoid[pos] {
			return true
		}
	}
	return false
}

// phraseBreak reports whether a line may end before rs[b] at a phrase
// boundary of a title or a name: after a pause or closing punctuation,
// before an opening bracket or quote, after a dash (——), at a space, or
// before 暨 ("…大会暨…论坛": "and at the same time").
func phraseBreak(rs []rune, b int) bool {
	if !validBreak(rs, b) {
		return false
	}
	a, c := rs[b-1], rs[b]
	switch {
	case unicode.IsSpace(a) || unicode.IsSpace(c):
		return true
	case strings.ContainsRune("，、；：。！？）》」』”】〕,;:)", a):
		return true
	case strings.ContainsRune("（《「『“【〔(", c):
		return true
	case (a == '—' || a == '–' || a == '-') && c != a:
		return true
	case c == '暨':
		return true
	}
	return false
}

// wordEnd reports whether rs[b-1] likely ends a word of a Chinese title or
// name: a character that closes the names of events, bodies and places
// (届 会 赛 坛 场 院 所 校 部 处 室 局 厅 心 省 市 县 区) or a common noun
// (汽车 网联 装备 技术 集群), or rs[b] is a
// conjunction that starts the next phrase (与 和 及). No dictionary: a
// cheap guess that beats breaking at any character.
func wordEnd(rs []rune, b int) bool {
	if !validBreak(rs, b) {
		return false
	}
	if strings.ContainsRune("与和及", rs[b]) {
		return true
	}
	if !strings.ContainsRune("届会赛坛场院所校部处室局厅心省市县区车联备术群", rs[b-1]) {
		return false
	}
	// Not inside 会场, 赛场, 学会会员 and the like: the next character does
	// not continue the same word.
	return !strings.ContainsRune("场员长议址区内外", rs[b])
}

// balanced breaks rs into exactly n lines no wider than max, at the
// allowed breaks pen does not rule out (pen < 0), with the least total
// penalty pen, then the widest line as narrow as it can be and the lines as
// even as they can be; the first line is at least half as wide as the
// widest (no short first line), and no line holds Short characters or
// fewer. It returns the lines and their total penalty, or nil when no such
// breaking exists.
func balanced(rs []rune, n int, max float64, width func(rune) float64, pen func(int) int) ([]string, int) {
	var ends []int
	var pens []int
	for b := 1; b < len(rs); b++ {
		if p := pen(b); p >= 0 && validBreak(rs, b) {
			ends = append(ends, b)
			pens = append(pens, p)
		}
	}
	ends = append(ends, len(rs))
	pens = append(pens, 0)
	starts := func(e int) int { // where the line after a break at e starts
		for e < len(rs) && rs[e] == ' ' {
			e++
		}
		return e
	}
	// Prefix sums of widths, for the width of any line in O(1).
	sum := make([]float64, len(rs)+1)
	for i, r := range rs {
		sum[i+1] = sum[i] + width(r)
	}
	lineW := func(from, to int) (float64, int) {
		for to > from && unicode.IsSpace(rs[to-1]) {
			to--
		}
		return sum[to] - sum[from], to - from
	}
	type cost struct {
		pen       int
		worst, sq float64
		prev      int
		ok        bool
	}
	better := func(a, b cost) bool {
		switch {
		case !b.ok:
			return true
		case a.pen != b.pen:
			return a.pen < b.pen
		case math.Abs(a.worst-b.worst) > 1e-9:
			return a.worst < b.worst
		}
		return a.sq < b.sq
	}
	var best []string
	var bestCost cost
	// Each possible first line, then the best breaking of the rest.
	for j0 := 0; j0 < len(ends)-1 || (n == 1 && j0 == 0); j0++ {
		w0, c0 := lineW(0, ends[j0])
		if w0 > max+1e-9 || c0 <= Short {
			continue
		}
		dp := make([][]cost, n)
		for k := range dp {
			dp[k] = make([]cost, len(ends))
		}
		dp[0][j0] = cost{pen: pens[j0], worst: w0, sq: (max - w0) * (max - w0), prev: -1, ok: true}
		for k := 1; k < n; k++ {
			for j := j0 + 1; j < len(ends); j++ {
				for i := j0; i < j; i++ {
					p := dp[k-1][i]
					if !p.ok {
						continue
					}
					w, c := lineW(starts(ends[i]), ends[j])
					if w > max+1e-9 || c <= Short {
						continue
					}
					cand := cost{pen: p.pen + pens[j], worst: math.Max(p.worst, w), sq: p.sq + (max-w)*(max-w), prev: i, ok: true}
					if better(cand, dp[k][j]) {
						dp[k][j] = cand
					}
				}
			}
		}
		last := dp[n-1][len(ends)-1]
		if !last.ok || 2*w0 < last.worst-1e-9 || !better(last, bestCost) {
			continue
		}
		bestCost = last
		best = make([]string, n)
		j := len(ends) - 1
		for k := n - 1; k >= 0; k-- {
			from := 0
			if p := dp[k][j].prev; p >= 0 {
				from = starts(ends[p])
			}
			best[k] = strings.TrimRightFunc(string(rs[from:ends[j]]), unicode.IsSpace)
			j = dp[k][j].prev
		}
	}
	return best, bestCost.pen
}
