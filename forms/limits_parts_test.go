package forms

import (
	"strings"
	"testing"
)

// The limits hold inside the categories' parts too: a part's text and a
// part's table.
func TestLimitsInsideParts(t *testing.T) {
	d := sample(t, "forum")
	if err := CheckLimits(d); err != nil {
		t.Fatal(err)
	}
	d.Part().SetText("call_for_papers", strings.Repeat("征", MaxFieldChars+1))
	if err := CheckLimits(d); err == nil || !strings.Contains(err.Error(), "论文征集") && !strings.Contains(err.Error(), "parts.forum.call_for_papers") {
		t.Errorf("a part's over-long text: %v", err)
	}
	d = sample(t, "forum")
	rows := make([]Values, MaxRows+1)
	for i := range rows {
		rows[i] = Values{}
	}
	d.Part().SetRows("review_committee", rows)
	if err := CheckLimits(d); err == nil || !strings.Contains(err.Error(), "parts.forum.review_committee") {
		t.Errorf("a part's table over the row limit: %v", err)
	}
}
