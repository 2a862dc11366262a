package forms

import (
	"fmt"
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

// TestQuotaNamesOnlyTheCollidingDrafts: among 1,000 drafts of distinct
// units, none has a quota finding; three drafts of one more unit (two
// forums, one annual meeting) collide, and each finding names exactly the
// drafts it collides with: a forum's per-category finding the other forum,
// each total finding the unit's two other drafts, never one of the 1,000.
func TestQuotaNamesOnlyTheCollidingDrafts(t *testing.T) {
	call := Default()
	ds := quotaDrafts(t, 1000, 1000)
	if got := CheckAcross(call, ds); len(got) != 0 {
		t.Fatalf("1,000 drafts of distinct units: %d with findings, e.g. %v", len(got), got[0])
	}
	forum1, forum2, annual := sample(t, "forum"), sample(t, "forum"), sample(t, "annual")
	for _, d := range []*Draft{forum1, forum2, annual} {
		d.Applicant.Name = "撞车学会"
	}
	forum1.Project.Name, forum2.Project.Name, annual.Project.Name = "论坛甲", "论坛乙", "年会丙"
	ds = append(ds[:500:500], named("x/甲.shenbao.json", forum1))
	ds = append(ds, quotaDrafts(t, 1000, 1000)[500:]...)
	ds = append(ds, named("乙.shenbao.json", forum2), named("丙.shenbao.json", annual))
	got := CheckAcross(call, ds)
	ia, ib, ic := 500, len(ds)-2, len(ds)-1
	if len(got) != 3 || got[ia] == nil || got[ib] == nil || got[ic] == nil {
		t.Fatalf("want findings on the three drafts of one unit only, got them on %d drafts", len(got))
	}
	names := map[int]string{ia: "甲.shenbao.json《论坛甲》", ib: "乙.shenbao.json《论坛乙》", ic: "丙.shenbao.json《年会丙》"}
	// others lists what a finding on draft i must name, and only that.
	check := func(i int, rule string, want ...int) {
		t.Helper()
		f := find(got[i], rule)
		if f == nil {
			t.Errorf("draft %d: no %s finding in %v", i, rule, got[i])
			return
		}
		listed := f.Message[strings.Index(f.Message, "另见：")+len("另见：") : strings.Index(f.Message, "）")]
		var wantNames []string
		for _, j := range want {
			wantNames = append(wantNames, names[j])
		}
		if listed != strings.Join(wantNames, "、") {
			t.Errorf("draft %d, %s names %q, want %q", i, rule, listed, strings.Join(wantNames, "、"))
		}
		if strings.Contains(f.Message, "草稿") {
			t.Errorf("draft %d, %s names a draft of another unit: %s", i, rule, f.Message)
		}
	}
	check(ia, RuleQuotaCategory, ib)
	check(ib, RuleQuotaCategory, ia)
	if find(got[ic], RuleQuotaCategory) != nil {
		t.Errorf("the annual meeting is alone in its category: %v", got[ic])
	}
	check(ia, RuleQuotaTotal, ib, ic)
	check(ib, RuleQuotaTotal, ia, ic)
	check(ic, RuleQuotaTotal, ia, ib)
}

// TestQuotaFindingsStayShort: 1,000 drafts of one unit all collide; each
// finding names QuotaNamed of the others and counts the rest, so a
// message's length does not grow with the number of drafts (before: every
// finding named all 999 others, 208 MB of output in all).
func TestQuotaFindingsStayShort(t *testing.T) {
	call := Default()
	ds := quotaDrafts(t, 1000, 1)
	got := CheckAcross(call, ds)
	if len(got) != 1000 {
		t.Fatalf("%d of 1,000 drafts have findings", len(got))
	}
	total := 0
	for i, fs := range got {
		if len(fs) != 2 {
			t.Fatalf("draft %d: %d findings, want the category's and the total's", i, len(fs))
		}
		for _, f := range fs {
			total += len(f.Message)
			if n := strings.Count(f.Message, ".shenbao.json"); n != QuotaNamed {
				t.Errorf("draft %d, %s names %d drafts, want %d: %s", i, f.Rule, n, QuotaNamed, f.Message)
			}
			if len(f.Message) > 600 {
				t.Errorf("draft %d, %s: %d bytes", i, f.Rule, len(f.Message))
			}
		}
		if !strings.Contains(find(fs, RuleQuotaCategory).Message, "有200份申报") || !strings.Contains(find(fs, RuleQuotaCategory).Message, "等其他194份") {
			t.Errorf("draft %d: %s", i, find(fs, RuleQuotaCategory).Message)
		}
		if !strings.Contains(find(fs, RuleQuotaTotal).Message, "共有1000份") || !strings.Contains(find(fs, RuleQuotaTotal).Message, "等其他994份") {
			t.Errorf("draft %d: %s", i, find(fs, RuleQuotaTotal).Message)
		}
		if strings.Contains(find(fs, RuleQuotaTotal).Message, ds[i].Name) {
			t.Errorf("draft %d names itself: %s", i, find(fs, RuleQuotaTotal).Message)
		}
	}
	t.Logf("1,000 drafts of one unit: %d bytes of findings", total)
}

// quotaDrafts makes n drafts cycling through the five categories: all of
// one unit when units is 1 (the worst case: every draft collides with every
// other), else spread over that many units.
func quotaDrafts(tb testing.TB, n, units int) []NamedDraft {
	cats := []string{"annual", "forum", "speech", "basic", "intl"}
	protos := map[string]*Draft{}
	for _, c := range cats {
		protos[c] = sample(tb, c)
	}
	ds := make([]NamedDraft, 0, n)
	for i := range n {
		d := *protos[cats[i%5]]
		d.Applicant.Name = fmt.Sprintf("单位%d", i%units)
		d.Project.Name = fmt.Sprintf("项目%d", i)
		ds = append(ds, named(fmt.Sprintf("草稿%04d.shenbao.json", i), &d))
	}
	return ds
}

func benchmarkQuota(b *testing.B, n int) {
	call := Default()
	for _, units := range []int{1, 400} {
		b.Run(fmt.Sprintf("%dunits", units), func(b *testing.B) {
			ds := quotaDrafts(b, n, units)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				CheckAcross(call, ds)
			}
		})
	}
}

// BenchmarkQuota100, 1000, 2000: the quota check across that many drafts,
// all of one unit (every draft over both quotas) and spread over 400 units.
func BenchmarkQuota100(b *testing.B)  { benchmarkQuota(b, 100) }
func BenchmarkQuota1000(b *testing.B) { benchmarkQuota(b, 1000) }
func BenchmarkQuota2000(b *testing.B) { benchmarkQuota(b, 2000) }
