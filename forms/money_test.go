package forms

import "testing"

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
