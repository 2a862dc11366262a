package app

import (
	"testing"

	"shenbao/app/widgets"
)

// Changing screens takes the cursor out of the field it was in: Fyne
// alone would leave the entry believing it has the focus, its cursor
// blinking (and redrawing the window) out of sight and shown again when
// the form comes back, though typing goes nowhere. An empty field the
// cursor was in stays 待填.
func TestChangingScreensUnfocusesTheField(t *testing.T) {
	for _, to := range []struct {
		name string
		open func(f *formScreen)
		back func(f *formScreen)
	}{
		{"入选与会后材料", (*formScreen).onAfter, (*formScreen).closeAfter},
		{"审阅", (*formScreen).onReview, func(f *formScreen) { f.u.setContent(f.content) }},
	} {
		t.Run(to.name, func(t *testing.T) {
			u, _ := newTestUI(t)
			f := newBlank(t, u, "forum")
			if !f.jump("applicant.name") {
				t.Fatal("no jump to applicant.name")
			}
			e := f.fields["applicant.name"].focus.(*widgets.Entry)
			if !e.Focused() || u.win.Canvas().Focused() != e {
				t.Fatal("the jump did not put the cursor in the field")
			}
			to.open(f)
			if u.win.Content() == f.content {
				t.Fatalf("%s did not open", to.name)
			}
			if e.Focused() {
				t.Errorf("after opening %s the form's entry still believes it has the cursor", to.name)
			}
			to.back(f)
			if e.Focused() || u.win.Canvas().Focused() != nil {
				t.Errorf("back on the form: entry focused %v, canvas focus %v", e.Focused(), u.win.Canvas().Focused())
			}
			if got := msgOf(f, "applicant.name"); got != "待填" {
				t.Errorf("the empty field the cursor was in: %q, want 待填", got)
			}
		})
	}
}
