package forms

import (
	"strings"
	"testing"
)

func named(name string, d *Draft) NamedDraft { return NamedDraft{Name: name, Draft: d} }

func TestUnitKeyFoldsWidthAndSpaces(t *testing.T) {
	same := []string{"吉林省化学会", " 吉林省化学会 ", "吉林省 化学会", "吉林省\u3000化学会", "吉林省化学会\t"}
	for _, s := range same {
		if UnitKey(s) != UnitKey(same[0]) {
			t.Errorf("%q and %q should be the same unit", s, same[0])
		}
	}
	if UnitKey("ＡＢＣ学会") != UnitKey("abc学会") {
		t.Error("full-width and half-width letters should fold, case-insensitively")
	}
	if UnitKey("吉林省化学会") == UnitKey("吉林省化工学会") {
		t.Error("different units must differ")
	}
}

func TestQuotaPerCategory(t *testing.T) {
	call := Default()
	a, b := sample(t, "forum"), sample(t, "forum")
	b.Applicant.Name = "吉林省　化学会 " // full-width space, trailing space
	b.Project.Name = "第二个论坛"
	got := CheckAcross(call, []NamedDraft{named("a.shenbao.json", a), named("dir/b.shenbao.json", b)})
	for i, other := range []string{"b.shenbao.json《第二个论坛》", "a.shenbao.json《"} {
		fs := record(got[i])
		f := find(fs, RuleQuotaCategory)
		if f == nil || !strings.Contains(f.Message, other) || !strings.Contains(f.Message, "二、2") {
			t.Errorf("draft %d: want a per-category finding naming %q, got %v", i, other, fs)
		}
		if find(fs, RuleQuotaTotal) != nil {
			t.Errorf("two drafts are within the total of 2")
		}
	}
}

func TestQuotaTotal(t *testing.T) {
	call := Default()
	unit := "吉林省化学会"
	var ds []NamedDraft
	for _, c := range []string{"forum", "annual", "basic"} {
		d := sample(t, c)
		d.Applicant.Name = unit
		ds = append(ds, named(c+".shenbao.json", d))
	}
	got := CheckAcross(call, ds[:2])
	if len(got) != 0 {
		t.Errorf("two categories for one unit are allowed, got %v", got)
	}
	got = CheckAcross(call, ds)
	for i := range ds {
		f := find(record(got[i]), RuleQuotaTotal)
		if f == nil || !strings.Contains(f.Message, "共有3份") || !strings.Contains(f.Message, "撤下多出的1份") {
			t.Errorf("draft %d: want a total finding, got %v", i, got[i])
		}
		if find(got[i], RuleQuotaCategory) != nil {
			t.Errorf("draft %d: no category is repeated", i)
		}
	}
	// Different units, nameless drafts and nil drafts are left alone.
	other := sample(t, "forum")
	nameless := sample(t, "forum")
	nameless.Applicant.Name = "  "
	nameless2 := sample(t, "forum")
	nameless2.Applicant.Name = ""
	if got := CheckAcross(call, []NamedDraft{named("x", other), named("y", nameless), named("z", nameless2), {Name: "nil"}}); len(got) != 0 {
		t.Errorf("no quota finding expected, got %v", got)
	}
}

func BenchmarkQuota1000(b *testing.B) {
	call := Default()
	var ds []NamedDraft
	cats := []string{"annual", "forum", "speech", "basic", "intl"}
	for i := 0; i < 1000; i++ {
		d := sample(b, cats[i%5])
		d.Applicant.Name = "单位" + string(rune('甲'+i%400))
		ds = append(ds, named("d.shenbao.json", d))
	}
	b.ResetTimer()
	for b.Loop() {
		CheckAcross(call, ds)
	}
}
