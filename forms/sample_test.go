package forms

import "testing"

var today = NewDate(2024, 4, 10)

func TestSamplesPassEveryCheck(t *testing.T) {
	call := Default()
	var all []NamedDraft
	for _, cat := range call.Categories {
		d, err := Sample(call, cat.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range Check(call, d, Options{Today: today}) {
			if f.Severity != Info {
				t.Errorf("%s: %s %s: %s", cat.ID, f.Rule, f.Field, f.Message)
			}
		}
		all = append(all, NamedDraft{Name: cat.ID + DraftExt, Draft: d})
	}
	if got := CheckAcross(call, all); len(got) != 0 {
		t.Errorf("samples break the quota: %v", got)
	}
	if _, err := Sample(call, "nope"); err == nil {
		t.Error("Sample of an unknown category gave no error")
	}
}
