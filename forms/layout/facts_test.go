package layout

import (
	"strings"
	"testing"
	"time"

	"shenbao/forms"
)

// The printed application of a call that asks the yearly inspection but
// names no evaluation year, nor years for honours, prints no zero year.
func TestApplicationOfACallStatingLess(t *testing.T) {
	call, err := forms.LoadCallFile("../testdata/call-hubei-2022/call.toml")
	if err != nil {
		t.Fatal(err)
	}
	d, err := forms.Sample(forms.Default(), "annual")
	if err != nil {
		t.Fatal(err)
	}
	d.Category, d.CallYear, d.Parts = "salon", call.Year, nil
	d.Applicant.Type = "provincial_society"
	d.Applicant.Honours = []string{"x"}
	text := strings.Join(Application(call, d, time.Date(2022, 4, 1, 0, 0, 0, 0, time.UTC)).Texts(), "\n")
	for _, bad := range []string{"0年度", "参加0", "学会评价", "\n年所获表彰"} {
		if strings.Contains(text, bad) {
			t.Errorf("prints %q", bad)
		}
	}
	// The inspection the call asks prints; honours, which the call's form
	// leaves out (omit), do not, even when a draft of another call has some.
	if !strings.Contains(text, "年检合格") || strings.Contains(text, "所获表彰") {
		t.Errorf("the inspection the call asks should print, the honours it does not ask should not:\n%s", text)
	}
}
