package forms

import (
	"testing"
	"unicode/utf8"

	"shenbao/forms/fonts"
)

// FuzzCheck changes the fields the rules look at and requires that every
// finding is a registered rule with its registered severity and a Chinese
// message, and that the checker never panics.
func FuzzCheck(f *testing.F) {
	f.Add(uint8(0), 260, 0, int64(30000), 0, 1, "吉林省汽车工程学会", "provincial_society", "science", "51220000MJ0012345U")
	f.Add(uint8(1), 49, 29, int64(19999), -200, -300, "", "city_sat", "", "９１")
	f.Add(uint8(2), 0, 0, int64(60000), 100, 50, "  ", "university", "final", "")
	f.Add(uint8(4), 1<<30, -5, int64(-45001), 1<<20, -1<<20, "\xff\xfe", "x", "nowhere", "91350100M000100Y43")
	cats := []string{"annual", "forum", "speech", "basic", "intl", "bogus"}
	f.Fuzz(func(t *testing.T, cat uint8, participants, papers int, amount int64, startOff, endOff int, unit, typ, venue, code string) {
		c := cats[int(cat)%len(cats)]
		base := c
		if c == "bogus" {
			base = "annual"
		}
		d := sample(t, base)
		d.Category = c
		d.Project.Participants, d.Project.Papers, d.Project.RequestedAmount = participants, papers, amount
		startOff, endOff = startOff%100000, endOff%100000
		d.Project.StartDate = d.Project.StartDate.AddDays(startOff)
		d.Project.EndDate = d.Project.EndDate.AddDays(endOff)
		d.Applicant.Name, d.Applicant.Type, d.Venue, d.Applicant.CreditCode = unit, typ, venue, code
		fs := Check(Default(), d, Options{Today: today, Printable: func(r rune) bool { return r < 0x20000 }})
		for _, f := range fs {
			r, ok := RuleByID(Default(), f.Rule)
			if !ok {
				t.Fatalf("finding with unregistered rule %q", f.Rule)
			}
			if f.Severity != r.Severity {
				t.Fatalf("rule %s: severity %s, registered %s", f.Rule, f.Severity, r.Severity)
			}
			if f.Message == "" || !hasHan(f.Message) {
				t.Fatalf("rule %s: message %q is not Chinese", f.Rule, f.Message)
			}
			if !utf8.ValidString(f.Field) {
				t.Fatalf("field path %q is not valid UTF-8", f.Field)
			}
		}
		CheckAcross(Default(), []NamedDraft{{Name: "a", Draft: d}, {Name: "b", Draft: d}})
	})
}

func BenchmarkCheckFullDraft(b *testing.B) {
	call := Default()
	d := sample(b, "annual")
	opts := Options{Today: today}
	b.ReportAllocs()
	for b.Loop() {
		Check(call, d, opts)
	}
}

func BenchmarkCheckFullDraftWithFontCoverage(b *testing.B) {
	call := Default()
	d := sample(b, "intl")
	opts := Options{Today: today, Printable: fonts.Printable}
	fonts.Printable('a') // parse the fonts before timing
	b.ReportAllocs()
	for b.Loop() {
		Check(call, d, opts)
	}
}

func BenchmarkSave(b *testing.B) {
	d := sample(b, "forum")
	p := b.TempDir() + "/bench" + DraftExt
	for b.Loop() {
		if err := Save(p, d, saveTime); err != nil {
			b.Fatal(err)
		}
	}
}
