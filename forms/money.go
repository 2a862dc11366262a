package forms

import (
	"strconv"
	"strings"
)

// Thousands formats a whole number of yuan with thousands separators: 30,000.
func Thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

var (
	capDigits = []rune("零壹贰叁肆伍陆柒捌玖")
	capUnits  = []string{"", "拾", "佰", "仟"}
)

// Capital writes a whole number of yuan in Chinese financial capitals as
// printed on budgets (人民币大写): 30000 → "叁万元整", 45050 → "肆万伍仟零伍拾元整".
// It is correct for every int64: groups of four digits are named 万 and 亿,
// and above 亿 the names repeat as in 壹万亿 (10¹²) and 壹亿亿 (10¹⁶).
func Capital(yuan int64) string {
	if yuan == 0 {
		return "零元整"
	}
	prefix := ""
	// The magnitude as uint64, so that math.MinInt64 has one too.
	u := uint64(yuan)
	if yuan < 0 {
		prefix = "负"
		u = uint64(-(yuan + 1)) + 1
	}
	var b strings.Builder
	b.WriteString(prefix)
	capital(&b, u)
	b.WriteString("元整")
	return b.String()
}

// capital writes n > 0 without leading zero: below 10⁴ digit by digit, else
// as the part above 10⁸ (or 10⁴) followed by 亿 (or 万) and the rest. A 零
// marks zeros between the two parts, as in 壹拾万零壹佰 and 壹亿零壹.
func capital(b *strings.Builder, n uint64) {
	var unit uint64
	var name string
	switch {
	case n >= 1e8:
		unit, name = 1e8, "亿"
	case n >= 1e4:
		unit, name = 1e4, "万"
	default:
		started, zero := false, false
		for di := 3; di >= 0; di-- {
			d := (n / pow10u(di)) % 10
			if d == 0 {
				zero = started
				continue
			}
			started = true
			if zero {
				b.WriteRune('零')
				zero = false
			}
			b.WriteRune(capDigits[d])
			b.WriteString(capUnits[di])
		}
		return
	}
	hi, lo := n/unit, n%unit
	capital(b, hi)
	b.WriteString(name)
	if lo == 0 {
		return
	}
	if lo < unit/10 || hi%10 == 0 {
		b.WriteRune('零')
	}
	capital(b, lo)
}

func pow10u(n int) uint64 {
	p := uint64(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}
