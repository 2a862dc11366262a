package submission

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
	"shenbao/forms/layout"
)

// The checklist and the envelope state only what the call states: a call
// with no paper copies, per-unit limit, deadline or e-mail address gets no
// step about them, and never a zero or an empty citation.
func TestChecklistOfCallsStatingLess(t *testing.T) {
	zero := regexp.MustCompile(`(^|[^0-9])0(项|份|日内)|（通知）|（通知 ）|须于前`)
	for _, file := range []string{"../testdata/call-hubei-2022/call.toml", "../testdata/call-shanghai-2023/call.toml", "../testdata/call-third/call.toml"} {
		call, err := forms.LoadCallFile(file)
		if err != nil {
			t.Fatal(err)
		}
		d, err := forms.Sample(forms.Default(), "annual")
		if err != nil {
			t.Fatal(err)
		}
		d.Category, d.CallYear, d.Parts = call.Categories[0].ID, call.Year, nil
		now := time.Date(call.Year, 3, 1, 9, 0, 0, 0, time.UTC)
		names := NamesFor(call, d, 1)
		var text strings.Builder
		what := map[string]bool{}
		for _, st := range Steps(call, d, names, now) {
			text.WriteString(st.What + " " + st.Detail + "（通知" + st.Clause + "）\n")
			what[st.What] = true
		}
		for _, b := range Checklist(call, d, names, now).Blocks {
			if p, ok := b.(*layout.Paragraph); ok {
				text.WriteString(p.Text + "\n")
			}
		}
		out := strings.ReplaceAll(text.String(), "（通知）\n", "\n") // a step without a clause
		if m := zero.FindString(out); m != "" {
			t.Errorf("%s: checklist says %q:\n%s", file, m, out)
		}
		if !paperStated(call) && what["报送纸质件"] {
			t.Errorf("%s: no paper copies asked, yet a posting step", file)
		}
		if call.Contact.Email == "" && what["发送电子版"] {
			t.Errorf("%s: no e-mail address, yet an e-mail step", file)
		}
		if (call.MaxTotal > 0) != what["申报限额"] {
			t.Errorf("%s: per-unit limit step %v, limit %d", file, what["申报限额"], call.MaxTotal)
		}
	}
	// Hubei: “每单位原则上申报1项”, as the call's [rules] states it.
	call, err := forms.LoadCallFile("../testdata/call-hubei-2022/call.toml")
	if err != nil {
		t.Fatal(err)
	}
	d, _ := forms.Sample(forms.Default(), "annual")
	d.Category = "salon"
	found := false
	for _, st := range Steps(call, d, NamesFor(call, d, 1), time.Now()) {
		found = found || st.What == "申报限额" && strings.Contains(st.Detail, "每单位原则上申报1项") && st.Clause == "三（四）"
	}
	if !found {
		t.Error("the per-unit limit step should say 每单位原则上申报1项 (三（四）)")
	}
}
