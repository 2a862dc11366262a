package layout

import (
	"strings"
	"testing"
	"time"

	"shenbao/forms"
)

var generated = time.Date(2024, 4, 10, 15, 4, 0, 0, time.UTC)

func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// Every text the user typed is in the document, in its printed form.
func TestApplicationHoldsEveryText(t *testing.T) {
	call := forms.Default()
	for _, cat := range call.Categories {
		d, err := forms.Sample(call, cat.ID)
		if err != nil {
			t.Fatal(err)
		}
		doc := Application(call, d, generated)
		all := squeeze(strings.Join(doc.Texts(), "\n"))
		n := 0
		forms.WalkText(d, func(path, text string) {
			n++
			want := squeeze(DisplayText(call, d, path, text))
			if !strings.Contains(all, want) {
				t.Errorf("%s: %s = %q is not in the document", cat.ID, path, want)
			}
		})
		if n < 30 {
			t.Errorf("%s: only %d texts walked", cat.ID, n)
		}
		if doc.Footer != forms.Fingerprint(d, generated) {
			t.Errorf("%s: footer %q", cat.ID, doc.Footer)
		}
		for _, want := range []string{"项目申报书", "申报单位（公章）", "吉林省科学技术协会 制", "省科协审核意见", "人民币大写", forms.Capital(d.Budget.Total)} {
			if !strings.Contains(all, squeeze(want)) {
				t.Errorf("%s: %q missing", cat.ID, want)
			}
		}
	}
}

// Only the category-specific part of the draft's own category is printed,
// even when a draft carries another category's part.
func TestApplicationOnlyOwnPart(t *testing.T) {
	call := forms.Default()
	d, _ := forms.Sample(call, "basic")
	d.Parts["forum"] = forms.Values{}
	d.Parts["forum"].SetText("topic", "不应出现的专题")
	all := strings.Join(Application(call, d, generated).Texts(), "")
	if strings.Contains(all, "不应出现的专题") {
		t.Error("the forum part of a basic-research draft is printed")
	}
	if !strings.Contains(all, d.Part().Text("discipline")) || d.Part().Text("discipline") == "" {
		t.Error("the basic part is missing")
	}
}

// The opinion blocks are kept whole and come last.
func TestOpinionsKeptTogether(t *testing.T) {
	call := forms.Default()
	d, _ := forms.Sample(call, "annual")
	doc := Application(call, d, generated)
	last := doc.Blocks[len(doc.Blocks)-2:]
	for i, b := range last {
		if _, ok := b.(*KeepTogether); !ok {
			t.Errorf("block %d from the end is %T, not a KeepTogether", 2-i, b)
		}
	}
	if _, ok := doc.Blocks[0].(*Cover); !ok {
		t.Errorf("first block is %T, not the cover", doc.Blocks[0])
	}
}

func TestMoney(t *testing.T) {
	if got := Money(30000); got != "30,000元（人民币大写：叁万元整）" {
		t.Errorf("Money(30000) = %q", got)
	}
}
