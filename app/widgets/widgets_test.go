package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"shenbao/forms"
)

// A number typed as secretaries type it is read; anything else says why,
// in Chinese.
func TestReadNumber(t *testing.T) {
	for _, c := range []struct {
		in      string
		want    int64
		problem string // a word of the reason; "" when accepted
	}{
		{"", 0, ""},
		{"30", 30, ""},
		{" 30,000 ", 30000, ""},
		{"３０，０００元", 30000, ""},
		{"-500", -500, ""},
		{"三十", 0, "阿拉伯数字"},
		{"30人", 0, "阿拉伯数字"},
		{"220102199001011234", 0, "数字太大"},
	} {
		n, problem := ReadNumber(c.in)
		if n != c.want || (c.problem == "") != (problem == "") || !strings.Contains(problem, c.problem) {
			t.Errorf("ReadNumber(%q) = %d, %q; want %d and a reason with %q", c.in, n, problem, c.want, c.problem)
		}
	}
}

// An entry commits when it is left and on Enter in one line, never on a
// keystroke; Tab is not typed into a multi-line entry.
func TestEntryCommitsWhenLeft(t *testing.T) {
	test.NewTempApp(t)
	commits := 0
	e := NewEntry()
	e.OnCommit = func() { commits++ }
	w := test.NewTempWindow(t, e)
	w.Canvas().Focus(e)
	test.Type(e, "30")
	if commits != 0 {
		t.Errorf("typing committed %d times", commits)
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if commits != 1 {
		t.Errorf("Enter: %d commits, want 1", commits)
	}
	w.Canvas().Unfocus()
	if commits != 2 || e.Focused() {
		t.Errorf("leaving: %d commits (want 2), still focused %v", commits, e.Focused())
	}
	m := NewMultiLineEntry()
	if m.AcceptsTab() {
		t.Error("a multi-line entry takes Tab as a character")
	}
}

// A date box reads the ways a date is typed, shows it in Chinese, and
// keeps text that is no date, saying why.
func TestDateBoxCommit(t *testing.T) {
	test.NewTempApp(t)
	var got forms.Date
	var why string
	b := NewDateBox(forms.Date{}, nil, func(d forms.Date, problem string) { got, why = d, problem })
	test.NewTempWindow(t, b.Content)
	b.Entry.SetText("2024-05-20")
	b.Commit()
	if want := forms.NewDate(2024, 5, 20); got != want || why != "" || b.Entry.Text != want.Chinese() {
		t.Errorf("2024-05-20: committed %s (%q), shown %q", got, why, b.Entry.Text)
	}
	b.Entry.SetText("2024年2月30日")
	b.Commit()
	if !got.IsZero() || why == "" || b.Entry.Text != "2024年2月30日" {
		t.Errorf("2024年2月30日: committed %s (%q), shown %q", got, why, b.Entry.Text)
	}
}

// A table's text cell grows with its text, up to CellMaxRows lines.
func TestCellEntryGrows(t *testing.T) {
	test.NewTempApp(t)
	e := NewCellEntry()
	w := test.NewTempWindow(t, e)
	w.Resize(fyne.NewSize(200, 600))
	e.Resize(fyne.NewSize(160, e.MinSize().Height))
	one := e.MinSize().Height
	e.SetText(strings.Repeat("学术交流", 6))
	e.Resize(fyne.NewSize(160, e.MinSize().Height))
	if e.rows < 2 || e.MinSize().Height <= one {
		t.Errorf("24 characters in 160 px: %d lines, %.0f px high (one line %.0f)", e.rows, e.MinSize().Height, one)
	}
	e.SetText(strings.Repeat("学术交流", 200))
	e.Resize(fyne.NewSize(160, e.MinSize().Height))
	if e.rows != CellMaxRows {
		t.Errorf("a long text: %d lines, want %d", e.rows, CellMaxRows)
	}
}
