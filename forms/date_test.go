package forms

import (
	"strings"
	"testing"
	"time"
)

func TestParseDateLoose(t *testing.T) {
	want := NewDate(2024, time.May, 20)
	for _, in := range []string{
		"2024-05-20", "2024-5-20", "2024/5/20", "2024/05/20", "2024.5.20", "2024.05.20",
		"2024年5月20日", "2024年05月20日", "2024年5月20", "2024 年 5 月 20 日", "20240520",
		"２０２４－０５－２０", "２０２４年５月２０日", "２０２４０５２０", "２０２４／５／２０", "  2024-05-20  ",
	} {
		got, err := ParseDateLoose(in)
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		if got != want {
			t.Errorf("%q → %s, want %s", in, got, want)
		}
	}
	if d, err := ParseDateLoose("   "); err != nil || !d.IsZero() {
		t.Errorf("blank → %v, %v; want the zero date", d, err)
	}
}

func TestParseDateLooseErrors(t *testing.T) {
	for in, want := range map[string]string{
		"2024-02-30":  "2024年2月没有30日",
		"2023-02-29":  "2023年2月没有29日",
		"2024-04-31":  "2024年4月没有31日",
		"20240231":    "2024年2月没有31日",
		"2024-13-01":  "没有13月",
		"2024-00-10":  "没有0月",
		"2024-05-00":  "日应从1开始",
		"0024-05-20":  "年份 24 不对",
		"下周三":         "不是日期",
		"20/5/2024":   "不是日期",
		"2024-05":     "不是日期",
		"2024-05-20x": "不是日期",
	} {
		_, err := ParseDateLoose(in)
		if err == nil {
			t.Errorf("%q accepted", in)
			continue
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %q does not say %q", in, err, want)
		}
	}
	if d, err := ParseDateLoose("2024-02-29"); err != nil || d != NewDate(2024, time.February, 29) {
		t.Errorf("leap day: %v %v", d, err)
	}
}

func FuzzParseDateLoose(f *testing.F) {
	for _, s := range []string{"2024-05-20", "2024年5月20日", "20240520", "２０２４．５．２０", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDateLoose(s)
		if err != nil || d.IsZero() {
			return
		}
		// What was accepted reads back the same from its stored and shown forms.
		for _, again := range []string{d.String(), d.Chinese()} {
			if e, err := ParseDateLoose(again); err != nil || e != d {
				t.Fatalf("%q → %s, but %q → %v, %v", s, d, again, e, err)
			}
		}
	})
}
