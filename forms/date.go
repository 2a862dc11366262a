package forms

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"shenbao/forms/usererr"
)

// Date is a calendar day without time zone, stored as "YYYY-MM-DD"; the zero
// Date is "not filled in" and is stored as "".
type Date struct {
	t time.Time
}

const dateLayout = "2006-01-02"

// NewDate returns the date y-m-d.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate reads "YYYY-MM-DD"; an empty string gives the zero Date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return Date{}, dateError(s)
	}
	return Date{t}, nil
}

// DateError is a date that cannot be read: its value and why, in Chinese.
type DateError struct {
	Value  string
	Reason string
}

func (e *DateError) Error() string { return e.Reason }

// dateError says what is wrong with s: a day the month does not have
// (“2025年2月没有30日”), a month past 12, or the format, quoting s
// shortened.
func dateError(s string) error {
	var y, m, d int
	if len(s) == len(dateLayout) && s[4] == '-' && s[7] == '-' {
		if n, err := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d); err == nil && n == 3 && y > 0 {
			switch {
			case m < 1 || m > 12:
				return &DateError{Value: s, Reason: fmt.Sprintf("日期 “%s” 有误：没有%d月，月份应为1到12", s, m)}
			case d < 1:
				return &DateError{Value: s, Reason: fmt.Sprintf("日期 “%s” 有误：日应从1日起", s)}
			case d > daysIn(y, time.Month(m)):
				return &DateError{Value: s, Reason: fmt.Sprintf("日期 “%s” 有误：%d年%d月没有%d日（这个月只有%d天）", s, y, m, d, daysIn(y, time.Month(m)))}
			}
		}
	}
	return &DateError{Value: s, Reason: fmt.Sprintf("日期 %s 的格式应为 年-月-日，例如今天是 %s", usererr.Quote(s), time.Now().Format(dateLayout))}
}

// daysIn is the number of days of month m of year y.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether the date is not filled in.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time is midnight UTC of the date.
func (d Date) Time() time.Time { return d.t }

// String is "YYYY-MM-DD", or "" for the zero Date.
func (d Date) String() string {
	if d.t.IsZero() {
		return ""
	}
	return d.t.Format(dateLayout)
}

// Chinese is "2025年8月15日", or "" for the zero Date.
func (d Date) Chinese() string {
	if d.t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.t.Year(), int(d.t.Month()), d.t.Day())
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// AddDays returns the date n days later.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// DaysUntil is the number of days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int {
	return int(e.t.Sub(d.t).Hours() / 24)
}

// MarshalJSON writes "YYYY-MM-DD" or "".
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads "YYYY-MM-DD" or "".
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return &DateError{Value: usererr.Shorten(string(b), 40), Reason: "日期须为 “年-月-日” 形式的文字，例如 \"" + time.Now().Format(dateLayout) + "\""}
	}
	p, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// ParseDateLoose reads a date the ways people type one: 2025-05-20,
// 2025/5/20, 2025.5.20, 2025年5月20日, 20250520, with half- or full-width
// digits and separators and surrounding spaces. An empty text gives the
// zero Date. A day the month does not have is refused with a sentence that
// says so ("2025年2月没有30日"); text that is no date at all says that.
func ParseDateLoose(s string) (Date, error) {
	s = strings.TrimSpace(foldWidth(s))
	if s == "" {
		return Date{}, nil
	}
	var parts []string
	switch {
	case looseCompact.MatchString(s):
		parts = []string{s[:4], s[4:6], s[6:8]}
	default:
		m := looseSeparated.FindStringSubmatch(s)
		if m == nil {
			t := time.Now()
			return Date{}, fmt.Errorf("“%s” 不是日期：请写成 %s、%d/%d/%d 或 %s", s, t.Format(dateLayout), t.Year(), int(t.Month()), t.Day(), DateOf(t).Chinese())
		}
		parts = m[1:4]
	}
	y, _ := strconv.Atoi(parts[0])
	mo, _ := strconv.Atoi(parts[1])
	d, _ := strconv.Atoi(parts[2])
	if y < 1900 || y > 2999 {
		return Date{}, fmt.Errorf("年份 %d 不对：请写四位年份，如 %d", y, time.Now().Year())
	}
	if mo < 1 || mo > 12 {
		return Date{}, fmt.Errorf("没有%d月：月份应为1到12", mo)
	}
	if d < 1 {
		return Date{}, fmt.Errorf("日期 “%s” 的日应从1开始", s)
	}
	if last := daysIn(y, time.Month(mo)); d > last {
		return Date{}, fmt.Errorf("%d年%d月没有%d日（这个月只有%d天）", y, mo, d, last)
	}
	return NewDate(y, time.Month(mo), d), nil
}

var (
	looseCompact   = regexp.MustCompile(`^\d{8}$`)
	looseSeparated = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$`)
)

// foldWidth turns full-width digits and the full-width separators people
// type with a Chinese input method (－／．) into their ASCII forms.
func foldWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '－' || r == '—' || r == '–':
			return '-'
		case r == '／':
			return '/'
		case r == '．' || r == '。':
			return '.'
		case r == '\u3000':
			return ' '
		}
		return r
	}, s)
}
