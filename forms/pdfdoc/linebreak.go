package pdfdoc

import (
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
	if !canBreak(rs[b-1], rs[b]) {
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

// Wrap breaks text into lines no wider than max, given the width of each
// character. "\n" ends a line. Spaces at the start of a wrapped line (not
// of a paragraph) are dropped; spaces at the end of a line may overhang.
// The spaces that begin a paragraph are its indent (usually two ideographic
// spaces, U+3000): the first line never breaks inside the indent or right
// after it, which would leave an empty line and start the text unindented,
// unless the indent and one character are wider than the line itself.
// When no allowed break fits (a Latin word longer than the line), the word
// is cut, but a line still never starts with closing punctuation: the
// punctuation then hangs into the margin.
func Wrap(text string, max float64, width func(rune) float64) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, wrapPara([]rune(strings.TrimRight(para, "\r")), max, width)...)
	}
	return out
}

func wrapPara(rs []rune, max float64, width func(rune) float64) []string {
	if len(rs) == 0 {
		return []string{""}
	}
	indent := paraIndent(rs, max, width)
	var lines []string
	start := 0
	for start < len(rs) {
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
			for b := i; b > lo; b-- {
				if validBreak(rs, b) {
					end = b
					break
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
		lines = append(lines, strings.TrimRightFunc(string(rs[start:end]), unicode.IsSpace))
		start = end
		for start < len(rs) && rs[start] == ' ' {
			start++
		}
	}
	return lines
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
