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
	capGroups = []string{"", "万", "亿", "万亿"}
)

// Capital writes a whole number of yuan in Chinese financial capitals as
// printed on budgets (人民币大写): 30000 → "叁万元整", 45050 → "肆万伍仟零伍拾元整".
func Capital(yuan int64) string {
	if yuan == 0 {
		return "零元整"
	}
	prefix := ""
	if yuan < 0 {
		prefix = "负"
		yuan = -yuan
	}
	// Split into groups of four digits, least significant first.
	var groups []int64
	for n := yuan; n > 0; n /= 10000 {
		groups = append(groups, n%10000)
	}
	var b strings.Builder
	zero := false // a zero is pending between non-zero digits
	for gi := len(groups) - 1; gi >= 0; gi-- {
		g := groups[gi]
		if g == 0 {
			zero = b.Len() > 0
			continue
		}
		if b.Len() > 0 && g < 1000 {
			zero = true
		}
		for di := 3; di >= 0; di-- {
			d := (g / pow10(di)) % 10
			if d == 0 {
				if b.Len() > 0 {
					zero = true
				}
				continue
			}
			if zero {
				b.WriteRune('零')
				zero = false
			}
			b.WriteRune(capDigits[d])
			b.WriteString(capUnits[di])
		}
		b.WriteString(capGroups[gi])
		zero = false
		if g%10 == 0 {
			zero = true
		}
	}
	return prefix + b.String() + "元整"
}

func pow10(n int) int64 {
	p := int64(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}
