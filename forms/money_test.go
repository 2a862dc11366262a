package forms

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestCapital(t *testing.T) {
	for n, want := range map[int64]string{
		0: "零元整", 1: "壹元整", 10: "壹拾元整", 15000: "壹万伍仟元整", 20000: "贰万元整", 30000: "叁万元整",
		36000: "叁万陆仟元整", 40000: "肆万元整", 45000: "肆万伍仟元整", 45050: "肆万伍仟零伍拾元整", 60000: "陆万元整",
		100000: "壹拾万元整", 1005: "壹仟零伍元整", 10001: "壹万零壹元整", 100100: "壹拾万零壹佰元整",
		120000000: "壹亿贰仟万元整", 100000001: "壹亿零壹元整", -300: "负叁佰元整",
	} {
		if got := Capital(n); got != want {
			t.Errorf("Capital(%d) = %s, want %s", n, got, want)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 45000: "45,000", 1234567: "1,234,567", -15000: "-15,000"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %s, want %s", n, got, want)
		}
	}
}

func TestDate(t *testing.T) {
	d, err := ParseDate("2024-08-01")
	if err != nil || d.Chinese() != "2024年8月1日" || d.AddDays(-1).String() != "2024-07-31" {
		t.Errorf("date %v %v", d, err)
	}
	if _, err := ParseDate("2024/08/01"); err == nil {
		t.Error("2024/08/01 should be refused with the expected format")
	}
	if z, _ := ParseDate(""); !z.IsZero() || z.String() != "" || z.Chinese() != "" {
		t.Error("empty date should be zero")
	}
	if n := NewDate(2024, 4, 10).DaysUntil(NewDate(2024, 4, 22)); n != 12 {
		t.Errorf("DaysUntil = %d", n)
	}
}

// TestCapitalEveryInt64 covers the amounts the draft can hold beyond the
// usual range: 10¹², 10¹⁶ and more (up to 19 digits), and math.MinInt64,
// whose magnitude has no int64.
func TestCapitalEveryInt64(t *testing.T) {
	for n, want := range map[int64]string{
		1_0000_0000_0000:        "壹万亿元整",
		1_2345_6789_0123:        "壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万零壹佰贰拾叁元整",
		1_0000_0001_0000:        "壹万亿零壹万元整",
		1_0000_0000_0000_0000:   "壹亿亿元整",
		1_0000_0000_0000_0005:   "壹亿亿零伍元整",
		220_1021_9900_0101_1234: "贰佰贰拾亿零壹仟零贰拾壹万玖仟玖佰亿零壹佰零壹万壹仟贰佰叁拾肆元整",
		101000:                  "壹拾万零壹仟元整",
		math.MaxInt64:           "玖佰贰拾贰亿叁仟叁佰柒拾贰万零叁佰陆拾捌亿伍仟肆佰柒拾柒万伍仟捌佰零柒元整",
		math.MinInt64:           "负玖佰贰拾贰亿叁仟叁佰柒拾贰万零叁佰陆拾捌亿伍仟肆佰柒拾柒万伍仟捌佰零捌元整",
		-1_0000_0000_0000_0000:  "负壹亿亿元整",
	} {
		if got := Capital(n); got != want {
			t.Errorf("Capital(%d) = %s, want %s", n, got, want)
		}
	}
}

// TestCapitalReadsBack reads Capital's output back with an independent
// parser for many int64 values of every length and requires the same
// number and well-formed zeros (never 零零, never a leading or trailing 零).
func TestCapitalReadsBack(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	values := []int64{math.MaxInt64, math.MinInt64, math.MinInt64 + 1, 1e16, 1e16 - 1, 1e12, 1e8, 1e4}
	for range 20000 {
		digits := 1 + r.IntN(19)
		v := r.Int64N(math.MaxInt64)
		for range 19 - digits {
			v /= 10
		}
		if r.IntN(4) == 0 { // sprinkle zeros
			v = v / 1000 * 1000
		}
		if r.IntN(3) == 0 {
			v = -v
		}
		values = append(values, v)
	}
	for _, v := range values {
		s := Capital(v)
		body, ok := strings.CutSuffix(s, "元整")
		if !ok {
			t.Fatalf("Capital(%d) = %s: no 元整", v, s)
		}
		neg := strings.HasPrefix(body, "负")
		body = strings.TrimPrefix(body, "负")
		if v != 0 && (strings.Contains(body, "零零") || strings.HasPrefix(body, "零") || strings.HasSuffix(body, "零")) {
			t.Fatalf("Capital(%d) = %s: misplaced 零", v, s)
		}
		got := readCapital(t, body)
		want := uint64(v)
		if v < 0 {
			want = uint64(-(v + 1)) + 1
		}
		if got != want || neg != (v < 0) {
			t.Fatalf("Capital(%d) = %s reads back as %d (negative %v)", v, s, got, neg)
		}
	}
}

// readCapital parses a capital amount without sign and 元整: the part before
// the last 亿 counts 10⁸ times, then the same with 万, then digits and units.
func readCapital(t *testing.T, s string) uint64 {
	if i := strings.LastIndex(s, "亿"); i >= 0 {
		return readCapital(t, s[:i])*1e8 + readCapital(t, s[i+len("亿"):])
	}
	if i := strings.LastIndex(s, "万"); i >= 0 {
		return readCapital(t, s[:i])*1e4 + readCapital(t, s[i+len("万"):])
	}
	var n, digit uint64
	for _, r := range s {
		switch {
		case r == '零':
		case strings.ContainsRune("壹贰叁肆伍陆柒捌玖", r):
			digit = uint64(strings.IndexRune("零壹贰叁肆伍陆柒捌玖", r) / len("零"))
		case r == '拾' || r == '佰' || r == '仟':
			n += digit * map[rune]uint64{'拾': 10, '佰': 100, '仟': 1000}[r]
			digit = 0
		default:
			t.Fatalf("unexpected %q in %s", r, s)
		}
	}
	return n + digit
}
