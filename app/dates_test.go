package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"shenbao/app/widgets"
	"shenbao/forms"
)

// dateOf is the form's date box of a field.
func dateOf(t *testing.T, f *formScreen, path string) *widgets.DateBox {
	t.Helper()
	fl := f.fields[path]
	if fl == nil {
		t.Fatalf("no field %s", path)
	}
	for _, b := range f.dates {
		if b.Entry == fl.focus {
			return b
		}
	}
	t.Fatalf("field %s is no date box", path)
	return nil
}

func TestFormDateAcceptsTheWaysSecretariesType(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "forum")
	b := dateOf(t, f, "project.start_date")
	for _, typed := range []string{"2024-05-20", "2024/5/20", "2024.5.20", "2024年5月20日", "20240520", "２０２４－０５－２０"} {
		typeDate(b, "")
		typeDate(b, typed)
		if got := f.d.Project.StartDate; got != forms.NewDate(2024, time.May, 20) {
			t.Errorf("%q saved as %s", typed, got)
		}
		if b.Entry.Text != "2024年5月20日" {
			t.Errorf("%q shown as %q", typed, b.Entry.Text)
		}
		if got := msgOf(f, "project.start_date"); strings.Contains(got, "日期") && strings.Contains(got, "错误") {
			t.Errorf("%q: message %q", typed, got)
		}
	}
	// A day the month lacks: said in Chinese, text kept, nothing saved.
	typeDate(b, "2024-02-30")
	if got := msgOf(f, "project.start_date"); !strings.Contains(got, "2024年2月没有30日") {
		t.Errorf("2024-02-30: message %q", got)
	}
	if b.Entry.Text != "2024-02-30" || !f.d.Project.StartDate.IsZero() {
		t.Errorf("2024-02-30: shown %q, saved %s", b.Entry.Text, f.d.Project.StartDate)
	}
	typeDate(b, "下个月")
	if got := msgOf(f, "project.start_date"); !strings.Contains(got, "不是日期") {
		t.Errorf("unparsable: message %q", got)
	}
	// Saved and reopened, the draft holds what was last shown.
	typeDate(b, "2024/6/21")
	if err := f.save(); err != nil {
		t.Fatal(err)
	}
	d, err := forms.Load(f.path)
	if err != nil || d.Project.StartDate.String() != "2024-06-21" {
		t.Fatalf("saved start date %v (%v)", d.Project.StartDate, err)
	}
}

func TestCalendarInChinese(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "forum")
	f.jump("project.start_date")
	b := dateOf(t, f, "project.start_date")
	want := f.d.Project.StartDate
	test.Tap(b.Btn)
	c := b.Cal
	if c == nil || !c.Visible() {
		t.Fatal("calendar did not open")
	}
	if head := fmtMonth(want); c.Heading.Text != head {
		t.Errorf("calendar opens on %q, want the field's month %q", c.Heading.Text, head)
	}
	if b := c.DayBtns[want.Time().Day()]; b == nil || b.Importance == 0 {
		t.Error("the field's day is not marked")
	}
	// Esc closes it without a change.
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Visible() || f.d.Project.StartDate != want {
		t.Errorf("after Esc: open %v, date %s", c.Visible(), f.d.Project.StartDate)
	}
	// Next month, day 3: saved and shown.
	test.Tap(b.Btn)
	test.Tap(b.Cal.NextBtn)
	next := want.Time().AddDate(0, 1, 0)
	test.Tap(b.Cal.DayBtns[3])
	got := forms.NewDate(next.Year(), next.Month(), 3)
	if f.d.Project.StartDate != got || b.Entry.Text != got.Chinese() {
		t.Errorf("picked %s: saved %s, shown %q", got, f.d.Project.StartDate, b.Entry.Text)
	}
	// An empty date opens on the first month the category allows.
	typeDate(b, "")
	test.Tap(b.Btn)
	if head := fmtMonth(forms.DateOf(f.cat.WindowStart)); b.Cal.Heading.Text != head {
		t.Errorf("empty date: calendar on %q, want %q", b.Cal.Heading.Text, head)
	}
	b.Cal.Close()
}

func fmtMonth(d forms.Date) string {
	return strings.SplitAfter(d.Chinese(), "月")[0]
}
