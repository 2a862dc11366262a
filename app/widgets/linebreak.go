package widgets

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// noStart are the characters a line may not start with and noEnd those it
// may not end with (the rules of Chinese typesetting, 避头尾): Fyne breaks
// Chinese text at any character, so a message could start a line with
// “、” or “）”.
const (
	noStart = "、，。．,.：；:;！？!?）)］]｝}》〉」』】〕〗〙〛”’…—％%·～~"
	noEnd   = "（(［[｛{《〈「『【〔〖〘〚“‘"
)

// maxBreakRunes bounds the text BreakLines works on (messages and hints
// are short); longer text is left to Fyne's own wrapping.
const maxBreakRunes = 600

// BreakLines puts a line break ("\n") into each paragraph of text where a
// line of at most avail wide (as measure measures) must end, breaking
// between Chinese characters or at spaces, never before a character of
// noStart nor after one of noEnd, a Latin word kept whole when it fits on
// a line. The text is otherwise kept: removing the added breaks (and the
// spaces they replace) gives it back. Lines already fit are left alone.
func BreakLines(text string, avail float32, measure func(string) float32) string {
	if avail <= 0 || utf8.RuneCountInString(text) > maxBreakRunes {
		return text
	}
	paras := strings.Split(text, "\n")
	for i, p := range paras {
		paras[i] = breakPara([]rune(p), avail, measure)
	}
	return strings.Join(paras, "\n")
}

func breakPara(rs []rune, avail float32, measure func(string) float32) string {
	var b strings.Builder
	start := 0
	for start < len(rs) {
		if measure(string(rs[start:])) <= avail {
			b.WriteString(string(rs[start:]))
			break
		}
		// The longest prefix that fits.
		fit := start + 1
		for fit < len(rs) && measure(string(rs[start:fit+1])) <= avail {
			fit++
		}
		// The last place at or before fit where a line may break.
		at := -1
		for p := fit; p > start; p-- {
			if canBreak(rs, p) {
				at = p
				break
			}
		}
		if at < 0 {
			at = fit // one unbreakable run longer than a line: cut it
		}
		b.WriteString(strings.TrimRightFunc(string(rs[start:at]), unicode.IsSpace))
		b.WriteByte('\n')
		start = at
		for start < len(rs) && rs[start] == ' ' {
			start++
		}
	}
	return b.String()
}

// canBreak reports whether a line may end before rs[p].
func canBreak(rs []rune, p int) bool {
	if p <= 0 || p >= len(rs) {
		return p > 0
	}
	a, b := rs[p-1], rs[p]
	if strings.ContainsRune(noStart, b) || strings.ContainsRune(noEnd, a) {
		return false
	}
	if a == ' ' {
		return true
	}
	if b == ' ' {
		return false // break after the space, not before it
	}
	return wide(a) || wide(b)
}

// wide reports whether r is a Chinese (or other East Asian wide)
// character, between which lines may break.
func wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}
