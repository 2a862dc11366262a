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

// TestBreakLines: no line starts with “、” or “）” or ends with “（”, each
// line fits, Latin words stay whole, and the text is kept (issue 18, 8:
// messages wrapped by Fyne started lines with “、” and “）”).
func TestBreakLines(t *testing.T) {
	measure := func(s string) float32 { // a wide character 2, others 1
		w := float32(0)
		for _, r := range s {
			if wide(r) {
				w += 2
			} else {
				w++
			}
		}
		return w
	}
	texts := []string{
		"请填写项目主题、举办地点、参会人数（不少于50人）和论文集（论文不少于30篇）。",
		"邀请专家Smith-Williamson教授、Hans Müller教授作报告（Session 1）；会期2天。",
		"金额（元）：30000，即人民币大写叁万元整。\n第二段：联合申报单位（鼓励）、协办单位。",
	}
	broke := 0
	for _, text := range texts {
		for avail := float32(8); avail <= 90; avail++ {
			got := BreakLines(text, avail, measure)
			if strings.ReplaceAll(strings.ReplaceAll(got, "\n", ""), " ", "") != strings.ReplaceAll(strings.ReplaceAll(text, "\n", ""), " ", "") {
				t.Fatalf("width %v: the text changed: %q", avail, got)
			}
			lines := strings.Split(got, "\n")
			if len(lines) > strings.Count(text, "\n")+1 {
				broke++
			}
			for i, l := range lines {
				rs := []rune(l)
				if len(rs) == 0 {
					continue
				}
				if i > 0 && strings.ContainsRune(noStart, rs[0]) {
					t.Errorf("width %v: line %d starts with %q: %q", avail, i, rs[0], l)
				}
				if strings.ContainsRune(noEnd, rs[len(rs)-1]) {
					t.Errorf("width %v: line %d ends with %q: %q", avail, i, rs[len(rs)-1], l)
				}
				if measure(l) > avail && len(rs) > 2 {
					t.Errorf("width %v: line %q is %v wide", avail, l, measure(l))
				}
				if strings.HasSuffix(l, "Smith-") || strings.HasPrefix(l, "illiamson") || strings.HasSuffix(l, "Mül") {
					if avail >= 20 {
						t.Errorf("width %v: a Latin word cut: %q", avail, l)
					}
				}
			}
		}
	}
	if broke == 0 {
		t.Fatal("no width broke any text: the test proves nothing")
	}
}

// TestLabelBreaksAtItsWidth: a wrapped label's lines follow its width in
// the real theme, and its Text stays as set.
func TestLabelBreaksAtItsWidth(t *testing.T) {
	test.NewTempApp(t)
	text := "请填写项目主题、举办地点、参会人数（不少于50人）、论文集（论文不少于30篇）、日程安排、邀请专家。"
	l := NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	for w := float32(80); w <= 400; w += 13 {
		l.Resize(fyne.NewSize(w, 200))
		if l.Text != text {
			t.Fatalf("Text changed to %q", l.Text)
		}
		for i, line := range strings.Split(l.seg.Text, "\n") {
			if rs := []rune(line); i > 0 && len(rs) > 0 && strings.ContainsRune(noStart, rs[0]) {
				t.Errorf("width %v: line %d starts with %q", w, i, rs[0])
			}
		}
	}
	if !strings.Contains(l.seg.Text, "\n") {
		t.Error("a narrow label got no line breaks")
	}
}
