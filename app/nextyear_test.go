package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
	pdflayout "shenbao/forms/layout"
)

// testCallPath is the realistic call of another year (forms/testdata).
var testCallPath, _ = filepath.Abs("../forms/testdata/call-2025/" + forms.CallFileName)

// copySample writes a call's sample draft into the drafts folder.
func copySample(t *testing.T, call *forms.Call, dir, category string) string {
	t.Helper()
	d, err := forms.Sample(call, category)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, category+forms.DraftExt)
	if err := forms.Save(p, d, today); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestWindowImportsACallAndRemembersIt(t *testing.T) {
	u, dir := newTestUI(t)
	if !u.importCallFile(testCallPath) {
		t.Fatalf("import refused: %s", u.prompt.message)
	}
	if u.call.Year != 2025 || len(u.calls) != len(forms.EmbeddedCalls())+1 {
		t.Fatalf("current call %d, %d calls", u.call.Year, len(u.calls))
	}
	if !strings.Contains(u.app.Preferences().String(prefImportedCalls), testCallPath) {
		t.Error("the imported file is not remembered")
	}
	if u.callSelect == nil || !strings.Contains(u.callSelect.Selected, "2025年度") {
		t.Errorf("start screen shows %v", u.callSelect)
	}
	// the picker offers the new call's categories, the new one included
	u.showPicker(false)
	var ids []string
	for _, c := range u.call.Categories {
		ids = append(ids, c.ID)
	}
	if strings.Join(ids, ",") != "annual,forum,basic,intl,salon" {
		t.Errorf("picker categories %v", ids)
	}
	// a new window on the same preferences starts with the same call
	u2 := newTestUIOn(t, u.app, dir)
	if u2.call.Year != 2025 {
		t.Errorf("after restart the call is %d", u2.call.Year)
	}
	// choosing the embedded call again
	u2.callSelect.SetSelectedIndex(0)
	if u2.call != forms.Default() {
		t.Errorf("chosen call %d", u2.call.Year)
	}
}

func TestWindowRefusesABadCallFile(t *testing.T) {
	u, _ := newTestUI(t)
	bad := filepath.Join(t.TempDir(), "坏的通知.toml")
	data, _ := os.ReadFile(testCallPath)
	data = []byte(strings.Replace(string(data), "quota = 5", "quota = = 5", 1))
	if err := os.WriteFile(bad, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if u.importCallFile(bad) {
		t.Fatal("a broken call file was imported")
	}
	if u.call != forms.Default() || !strings.Contains(u.prompt.message, "坏的通知.toml") || !strings.Contains(u.prompt.message, "行") || !strings.Contains(u.prompt.message, "仍使用原来的申报通知") {
		t.Errorf("message %q, call %d", u.prompt.message, u.call.Year)
	}
	if strings.Contains(u.app.Preferences().String(prefImportedCalls), bad) {
		t.Error("a refused file is remembered")
	}
}

// The new category's form is built from its declaration: each declared
// field has its input, the checks follow it, the review shows it.
func TestNewCategoryForm(t *testing.T) {
	u, dir := newTestUI(t)
	if !u.importCallFile(testCallPath) {
		t.Fatal(u.prompt.message)
	}
	p := copySample(t, u.call, dir, "salon")
	u.openDraft(p)
	f := u.form
	if f == nil || f.cat.ID != "salon" {
		t.Fatal("salon sample not opened")
	}
	for _, key := range []string{"salon_topic", "young_participants", "first_session", "documents", "hosts", "hosts[1].title"} {
		if f.fields["parts.salon."+key] == nil {
			t.Errorf("no input for %s", key)
		}
	}
	if e, _ := countFindings(f.findings); e != 0 {
		t.Fatalf("the sample has errors in the window: %v", f.findings)
	}
	n := entry(t, f, "parts.salon.young_participants")
	n.SetText("19")
	commitField(t, f, "parts.salon.young_participants")
	var hit bool
	for _, fd := range f.findings {
		hit = hit || fd.Rule == "content.salon.young_participants"
	}
	if !hit || f.d.Part().Int("young_participants") != 19 {
		t.Errorf("typing 19 young participants: %v", f.findings)
	}
	g := f.fields["parts.salon.documents"].obj.(*widget.CheckGroup)
	g.SetSelected([]string{"活动方案"})
	if got := f.d.Part().List("documents"); len(got) != 1 || got[0] != "活动方案" {
		t.Errorf("checklist stored %v", got)
	}
	test.Tap(f.saveBtn)
	d, err := forms.Load(p)
	if err != nil || d.Part().Int("young_participants") != 19 || len(d.Part().List("documents")) != 1 {
		t.Errorf("saved part %v (%v)", d.Part(), err)
	}
}

// A draft opens with the call it was made for, even when another call is
// the current one.
func TestDraftOpensWithItsCall(t *testing.T) {
	u, dir := newTestUI(t)
	if !u.importCallFile(testCallPath) {
		t.Fatal(u.prompt.message)
	}
	next := u.call
	p2025 := copySample(t, next, dir, "salon")
	p2024 := copySample(t, forms.Default(), dir, "speech")
	u.useCall(forms.Default())
	u.openDraft(p2025)
	if u.call != next || u.form.cat == nil || u.form.cat.ID != "salon" {
		t.Fatalf("2025 draft opened with the %d call", u.call.Year)
	}
	u.leaveForm(u.showStart)
	u.openDraft(p2024)
	if u.call.Year != 2024 || u.form.cat == nil || u.form.cat.ID != "speech" || u.form.readOnly {
		t.Errorf("2024 draft opened with the %d call", u.call.Year)
	}
}

// A draft whose call the program does not have says so and opens read-only:
// nothing can be typed, saving says why, the file stays as it was.
func TestDraftOfAnUnknownCallIsReadOnly(t *testing.T) {
	u, dir := newTestUI(t)
	next, err := forms.LoadCallFile(testCallPath)
	if err != nil {
		t.Fatal(err)
	}
	p := copySample(t, next, dir, "forum")
	before, _ := os.ReadFile(p)
	u.openDraft(p)
	f := u.form
	if f == nil || !f.readOnly || !strings.Contains(f.readOnlyNote.Text, "2025年度") || !strings.Contains(f.readOnlyNote.Text, "只读") {
		t.Fatalf("not read-only: %+v", f)
	}
	e := entry(t, f, "project.name")
	if !e.Disabled() || !f.saveBtn.Disabled() || !f.exportBtn.Disabled() {
		t.Error("inputs or buttons still enabled")
	}
	u.onSave()
	if u.prompt == nil || !strings.Contains(u.prompt.message, "只读") {
		t.Error("Ctrl+S on a read-only draft says nothing")
	}
	after, _ := os.ReadFile(p)
	if string(after) != string(before) {
		t.Error("a read-only draft was written")
	}
}

// The review page shows the printed form's parts in the print's order, with
// a 修改 link on each that lands on its section.
func TestReviewFollowsThePrint(t *testing.T) {
	u, dir := newTestUI(t)
	p := copySample(t, u.call, dir, "annual")
	u.openDraft(p)
	f := u.form
	test.Tap(f.reviewBtn)
	var headings []string
	for _, o := range test.LaidOutObjects(u.review.content) {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold && l.SizeName != "" {
			headings = append(headings, l.Text)
		}
	}
	var printed []string
	for _, b := range pdflayout.Application(u.call, f.d, today).Blocks {
		if h, ok := b.(*pdflayout.Heading); ok && h.Level == 1 {
			printed = append(printed, h.Text)
		}
		if k, ok := b.(*pdflayout.KeepTogether); ok {
			for _, b := range k.Blocks {
				if h, ok := b.(*pdflayout.Heading); ok && h.Level == 1 {
					printed = append(printed, h.Text)
				}
			}
		}
	}
	if strings.Join(headings[1:], "|") != strings.Join(printed, "|") {
		t.Errorf("review parts\n%v\nprint parts\n%v", headings, printed)
	}
	for _, id := range []string{"applicant", "project", "part3", "agenda", "budget", "opinions"} {
		if u.review.edit[id] == nil {
			t.Errorf("no 修改 link for %s", id)
		}
	}
	test.Tap(u.review.edit["agenda"])
	if u.review != nil || u.win.Content() != f.content {
		t.Fatal("修改 did not return to the form")
	}
	focused := u.win.Canvas().Focused()
	if fl := f.fields["agenda"]; fl == nil || focused != fl.focus {
		t.Errorf("修改 on Part 4 focused %v", focused)
	}
}

// 用往年申报书新建: last year's application becomes a draft of the current
// call, saved in the drafts folder and opened; the old file is untouched and
// the changes are listed.
func TestCarryInTheWindow(t *testing.T) {
	u, dir := newTestUI(t)
	old := copySample(t, forms.Default(), dir, "basic")
	before, _ := os.ReadFile(old)
	if !u.importCallFile(testCallPath) {
		t.Fatal(u.prompt.message)
	}
	if !u.carryFrom(old) {
		t.Fatal(u.prompt.message)
	}
	f := u.form
	if f == nil || f.d.CallYear != 2025 || f.path == old || filepath.Dir(f.path) != dir || f.readOnly {
		t.Fatalf("carried draft %+v", f)
	}
	if got := entry(t, f, "applicant.name").Text; got != "吉林省数学会" {
		t.Errorf("unit name %q", got)
	}
	for _, want := range []string{"2024年度", "2025年度", "学术召集人", "往年的举办日期"} {
		if !strings.Contains(u.prompt.message, want) {
			t.Errorf("carry message lacks %q:\n%s", want, u.prompt.message)
		}
	}
	if d, err := forms.Load(f.path); err != nil || d.CallYear != 2025 || d.ID == "sample-basic" {
		t.Errorf("saved carried draft: %v", err)
	}
	after, _ := os.ReadFile(old)
	if string(after) != string(before) {
		t.Error("the old draft was changed")
	}
}

// Every screen of each test call's categories — the 2025 call's, the new
// one included, and the calls of other offices (Hubei 2022, Shanghai 2023,
// the third call with two attachments) — fits the smallest window as the
// embedded call's do: each category's sample opens in the form, every step
// shows with the title the call declares, and the review shows the printed
// form's parts.
func TestEveryScreenFitsWithAnotherCall(t *testing.T) {
	abs := func(dir string) string {
		p, _ := filepath.Abs(filepath.Join("..", "forms", "testdata", dir, forms.CallFileName))
		return p
	}
	for _, tc := range []struct {
		path   string
		visit  string   // a screen that must have been visited
		steps  []string // every category's steps after the cover, as the call declares them
		review []string // the review's parts
	}{
		{path: testCallPath, visit: "review salon"},
		{path: abs("call-hubei-2022"), visit: "review cross",
			steps:  []string{"第一部分　申报单位", "第二部分　项目"},
			review: []string{"一、申报单位", "二、项目"}},
		{path: abs("call-shanghai-2023"), visit: "review journal_forum",
			steps:  []string{"第一部分　申报单位", "第二部分　项目"},
			review: []string{"一、申报单位", "二、项目"}},
		{path: abs("call-third"), visit: "review salon",
			steps:  []string{"第一部分　申请单位", "第二部分　沙龙主题", "第三部分　意见", "召集人情况"},
			review: []string{"一、申请单位", "二、沙龙主题", "三、意见", "召集人情况", "推荐意见"}},
	} {
		t.Run(filepath.Base(filepath.Dir(tc.path)), func(t *testing.T) {
			u, _ := newTestUI(t)
			if !u.importCallFile(tc.path) {
				t.Fatal(u.prompt.message)
			}
			u.win.Resize(fyne.NewSize(1024, 700))
			seen := map[string]bool{}
			screens(t, u, func(name string, o fyne.CanvasObject) {
				seen[name] = true
				if m := o.MinSize(); m.Width > maxScreenWidth || m.Height > maxScreenHeight {
					t.Errorf("%s: minimum size %.0f×%.0f, want at most %d×%d", name, m.Width, m.Height, maxScreenWidth, maxScreenHeight)
				}
			})
			if !seen[tc.visit] {
				t.Errorf("the call's screens were not visited: %v", seen)
			}
			if tc.steps == nil {
				return
			}
			for _, c := range u.call.Categories {
				f := openSampleDraft(t, u, c.ID)
				// a cover step when, and only when, a document has a cover
				var titles []string
				steps := f.sections
				if u.call.Cover() != nil {
					if !strings.HasPrefix(steps[0].title, "封面") {
						t.Errorf("%s: the first step is %q, want the cover", c.ID, steps[0].title)
					}
					steps = steps[1:]
				}
				for _, s := range steps {
					titles = append(titles, s.title)
				}
				if strings.Join(titles, "|") != strings.Join(tc.steps, "|") {
					t.Errorf("%s: steps %q, want %q (after the cover when the call declares one)", c.ID, titles, tc.steps)
				}
				if e, w := countFindings(f.findings); e+w != 0 {
					t.Errorf("%s: the sample has findings in the window: %v", c.ID, f.findings)
				}
				f.onReview()
				if u.review == nil {
					t.Fatalf("%s: no review", c.ID)
				}
				var headings []string
				for _, o := range test.LaidOutObjects(u.review.content) {
					if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold && l.SizeName != "" {
						headings = append(headings, l.Text)
					}
				}
				if len(headings) > 0 && len(headings) == len(tc.review)+1 {
					headings = headings[1:] // the cover's title, for a document with a cover
				}
				if strings.Join(headings, "|") != strings.Join(tc.review, "|") {
					t.Errorf("%s: review parts %q, want %q", c.ID, headings, tc.review)
				}
				u.review = nil
				f.dirty = false
				u.showStart()
			}
		})
	}
}
