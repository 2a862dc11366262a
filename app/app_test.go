package app

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/widgets"
	"shenbao/forms"
	"shenbao/forms/submission"
)

// today is the clock of the tests: two days before the 2024 deadline.
var today = time.Date(2024, 4, 10, 9, 30, 0, 0, time.UTC)

// newTestUI opens the window on a test app with the program's theme and an
// empty drafts folder.
func newTestUI(t *testing.T) (*ui, string) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	dir := t.TempDir()
	a.Preferences().SetString(prefDraftsDir, dir)
	return newTestUIOn(t, a, dir), dir
}

func newTestUIOn(t *testing.T, a fyne.App, dir string) *ui {
	t.Helper()
	w := a.NewWindow("申报助手")
	u := newUI(a, w, forms.Default(), func() time.Time { return today })
	u.autosaveDelay = time.Hour // tests write the autosave explicitly
	u.checkDelay = time.Hour    // and commit typed values explicitly
	w.Resize(fyne.NewSize(1200, 800))
	u.showStart()
	t.Cleanup(func() {
		if u.form != nil {
			u.form.stopAutosave()
		}
	})
	return u
}

// openSample opens the sample of a category through the picker, as a
// newcomer does.
func openSample(t *testing.T, u *ui, category string) *formScreen {
	t.Helper()
	u.showPicker(true)
	for i, c := range u.call.Categories {
		if c.ID == category {
			u.picker.cats.Select(i)
		}
	}
	test.Tap(u.picker.sampleBtn)
	if u.form == nil || u.form.d.Category != category {
		t.Fatalf("sample %s not opened", category)
	}
	return u.form
}

// openSampleDraft saves the sample of a category as a draft of the drafts
// folder, as a secretary's own filled-in draft, and opens it.
func openSampleDraft(t *testing.T, u *ui, category string) *formScreen {
	t.Helper()
	d, err := forms.Sample(u.call, category)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(u.draftsDir(), category+forms.DraftExt)
	if err := forms.Save(path, d, u.now()); err != nil {
		t.Fatal(err)
	}
	u.openDraft(path)
	if u.form == nil || u.form.d.Category != category {
		t.Fatalf("draft %s not opened", category)
	}
	return u.form
}

func entry(t *testing.T, f *formScreen, path string) *widget.Entry {
	t.Helper()
	fl := f.fields[path]
	if fl == nil {
		t.Fatalf("no field %s", path)
	}
	e, ok := fl.focus.(*widgets.Entry)
	if !ok {
		t.Fatalf("field %s is a %T, not an entry", path, fl.focus)
	}
	return &e.Entry
}

// commitField is what leaving a field does: its value is checked.
func commitField(t *testing.T, f *formScreen, path string) {
	t.Helper()
	fl := f.fields[path]
	if fl == nil {
		t.Fatalf("no field %s", path)
	}
	f.commit(fl)
}

func msgOf(f *formScreen, path string) string {
	return f.fields[path].msg.Text
}

func TestThemeBundlesCJKFont(t *testing.T) {
	th := newTheme()
	if th.Font(fyne.TextStyle{}) != cjkFont || th.Font(fyne.TextStyle{Bold: true}) != cjkFont {
		t.Error("proportional text does not use the bundled CJK font")
	}
	if th.Font(fyne.TextStyle{Monospace: true}) == cjkFont {
		t.Error("monospace text should keep Fyne's monospace font")
	}
	if len(cjkFont.Content()) < 1_000_000 {
		t.Errorf("CJK font resource is only %d bytes", len(cjkFont.Content()))
	}
}

func TestSampleOpensWithoutErrors(t *testing.T) {
	for _, c := range forms.Default().Categories {
		t.Run(c.ID, func(t *testing.T) {
			u, dir := newTestUI(t)
			f := openSample(t, u, c.ID)
			errs, _ := countFindings(f.findings)
			if errs != 0 {
				t.Errorf("sample %s shows %d errors: %v", c.ID, errs, f.findings)
			}
			if !strings.Contains(f.panel.counts.Text, "0 个错误") && !strings.Contains(f.panel.counts.Text, "没有错误") {
				t.Errorf("panel counts %q", f.panel.counts.Text)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("opening a sample wrote %d files into the drafts folder", len(entries))
			}
			if !u.isSample(f.path) || !strings.Contains(f.title.Text, "示例") {
				t.Errorf("sample not marked: path %s, title %q", f.path, f.title.Text)
			}
			if f.dirty {
				t.Error("a freshly opened sample is marked unsaved")
			}
		})
	}
}

func TestTypeChineseIntoBoundEntry(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "forum")
	e := entry(t, f, "applicant.name")
	before := len(f.panel.rows)

	e.SetText("")
	if got := msgOf(f, "applicant.name"); got != "" {
		t.Errorf("message %q while the field is being edited", got)
	}
	commitField(t, f, "applicant.name")
	if got := msgOf(f, "applicant.name"); !strings.Contains(got, "请填写") {
		t.Fatalf("empty unit name: message %q", got)
	}
	if len(f.panel.rows) != before+1 || !strings.Contains(f.panel.counts.Text, "1 个错误") {
		t.Fatalf("panel after clearing: %d rows, %q", len(f.panel.rows), f.panel.counts.Text)
	}

	u.win.Canvas().Focus(e)
	test.Type(e, "吉林省化学会")
	commitField(t, f, "applicant.name")
	if e.Text != "吉林省化学会" || f.d.Applicant.Name != "吉林省化学会" {
		t.Fatalf("typed 吉林省化学会, entry %q, draft %q", e.Text, f.d.Applicant.Name)
	}
	if got := msgOf(f, "applicant.name"); got != "" {
		t.Errorf("message still shown: %q", got)
	}
	if len(f.panel.rows) != before {
		t.Errorf("panel has %d rows, want %d", len(f.panel.rows), before)
	}
	// A long committed phrase, as an input method delivers it.
	long := "坚持科技创新引领，推动新质生产力形成——吉林省研究生学术交流"
	s := entry(t, f, "project.theme")
	s.SetText("")
	u.win.Canvas().Focus(s)
	test.Type(s, long)
	if f.d.Project.Theme != long {
		t.Errorf("theme arrived as %q", f.d.Project.Theme)
	}
	if !f.dirty || !strings.Contains(u.win.Title(), "*") {
		t.Error("typing did not mark the draft unsaved")
	}
}

func TestFieldMessageAndFindingFocus(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "forum")
	p := entry(t, f, "project.participants")
	p.SetText("30")
	if f.d.Project.Participants != 30 {
		t.Fatalf("participants = %d", f.d.Project.Participants)
	}
	if got := msgOf(f, "project.participants"); got != "" {
		t.Errorf("message %q before the number is committed", got)
	}
	commitField(t, f, "project.participants")
	if got := msgOf(f, "project.participants"); !strings.Contains(got, "50人以上") {
		t.Errorf("participants message %q", got)
	}
	if !strings.Contains(f.panel.counts.Text, "1 个错误") {
		t.Errorf("counts %q", f.panel.counts.Text)
	}
	// A cell of a table.
	name := entry(t, f, "experts[1].name")
	name.SetText("")
	commitField(t, f, "experts[1].name")
	var row, cell *findingRow
	for _, r := range f.panel.rows {
		switch r.finding.Field {
		case "project.participants":
			row = r
		case "experts[1].name":
			cell = r
		}
	}
	if row == nil || cell == nil {
		t.Fatalf("findings panel lacks the participants or the expert finding: %v", f.findings)
	}
	u.win.Canvas().Focus(entry(t, f, "applicant.name"))
	test.Tap(row)
	if u.win.Canvas().Focused() != f.fields["project.participants"].focus {
		t.Errorf("tapping the finding focused %T, want the participants entry", u.win.Canvas().Focused())
	}
	test.Tap(cell)
	if u.win.Canvas().Focused() != f.fields["experts[1].name"].focus {
		t.Errorf("tapping the expert finding focused %T", u.win.Canvas().Focused())
	}
	if f.scroll.Offset.Y <= 0 {
		t.Errorf("form not scrolled to the experts table (offset %v)", f.scroll.Offset)
	}
	// A number that is not a number says so and keeps the draft's value.
	p.SetText("三十")
	commitField(t, f, "project.participants")
	if got := msgOf(f, "project.participants"); !strings.Contains(got, "数字") || f.d.Project.Participants != 30 {
		t.Errorf("non-numeric input: message %q, value %d", got, f.d.Project.Participants)
	}
	p.SetText("６０") // full-width digits
	if f.d.Project.Participants != 60 {
		t.Errorf("full-width 60 read as %d", f.d.Project.Participants)
	}
}

func TestAmountShowsCapital(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "intl")
	e := entry(t, f, "budget.total")
	e.SetText("45050")
	if f.d.Budget.Total != 45050 {
		t.Fatalf("total %d", f.d.Budget.Total)
	}
	commitField(t, f, "budget.total")
	found := false
	for _, o := range test.LaidOutObjects(f.content) {
		if l, ok := o.(*widgets.Label); ok && l.Text == "人民币大写：肆万伍仟零伍拾元整" {
			found = true
		}
	}
	if !found {
		t.Error("人民币大写 of 45050 not shown")
	}
	if got := msgOf(f, "budget.total"); !strings.Contains(got, "相差") {
		t.Errorf("budget total message %q", got)
	}
}

func TestTableAddRemoveRows(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "forum")
	tb := f.tables["budget.lines"]
	n := len(f.d.Budget.Lines)
	test.Tap(tb.addBtn)
	if len(f.d.Budget.Lines) != n+1 || f.fields["budget.lines["+itoa(n)+"].item"] == nil {
		t.Fatalf("add row: %d lines", len(f.d.Budget.Lines))
	}
	if got := msgOf(f, "budget.lines["+itoa(n)+"].item"); got != "待填" {
		t.Errorf("new empty row message %q, want 待填 until the cell is left", got)
	}
	commitField(t, f, "budget.lines["+itoa(n)+"].item")
	if got := msgOf(f, "budget.lines["+itoa(n)+"].item"); !strings.Contains(got, "请填写") {
		t.Errorf("left empty row message %q", got)
	}
	test.Tap(tb.delBtns[n])
	if len(f.d.Budget.Lines) != n || f.fields["budget.lines["+itoa(n)+"].item"] != nil {
		t.Errorf("remove row: %d lines", len(f.d.Budget.Lines))
	}
	// Typing into a row after a rebuild still reaches the draft.
	e := entry(t, f, "budget.lines[0].item")
	e.SetText("")
	test.Type(e, "会议费（含资料）")
	if f.d.Budget.Lines[0].Item != "会议费（含资料）" {
		t.Errorf("row item %q", f.d.Budget.Lines[0].Item)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestSaveAndReopen(t *testing.T) {
	u, dir := newTestUI(t)
	f := openSampleDraft(t, u, "forum")
	path := f.path
	e := entry(t, f, "project.place")
	e.SetText("")
	test.Type(e, "东北师范大学净月校区")
	if err := f.autosaveNow(); err != nil {
		t.Fatal(err)
	}
	u.onSave() // what Ctrl+S runs
	if f.dirty {
		t.Fatal("still unsaved after save")
	}
	if _, err := os.Stat(path + AutosaveSuffix); !os.IsNotExist(err) {
		t.Errorf("autosave side file left after save: %v", err)
	}
	raw, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(raw), "东北师范大学净月校区") {
		t.Fatalf("file content lacks the typed text (err %v)", err)
	}
	u.showStart()
	var row *draftRow
	for _, r := range u.start.rows {
		if r.info.Path == path {
			row = r
		}
	}
	if row == nil {
		t.Fatalf("saved draft not listed in %s", dir)
	}
	test.Tap(row.open)
	if u.form == nil || entry(t, u.form, "project.place").Text != "东北师范大学净月校区" {
		t.Error("reopened draft lacks the saved text")
	}
}

func TestRecoveryAfterCrash(t *testing.T) {
	for _, answer := range []string{"恢复", "不恢复"} {
		t.Run(answer, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(newTheme())
			dir := t.TempDir()
			a.Preferences().SetString(prefDraftsDir, dir)
			u := newTestUIOn(t, a, dir)
			f := openSampleDraft(t, u, "basic")
			path := f.path
			e := entry(t, f, "project.name")
			e.SetText("")
			test.Type(e, "偏微分方程前沿论坛（恢复测试）")
			if err := f.autosaveNow(); err != nil {
				t.Fatal(err)
			}
			// The program dies here: no save, no close. The autosave is newer.
			old := time.Now().Add(-time.Hour)
			if err := os.Chtimes(path, old, old); err != nil {
				t.Fatal(err)
			}
			f.stopAutosave()

			u2 := newTestUIOn(t, a, dir)
			u2.offerRecovery()
			if u2.prompt == nil || u2.prompt.title != "恢复未保存的修改？" {
				t.Fatalf("no recovery prompt at start (prompt %+v)", u2.prompt)
			}
			if !strings.Contains(u2.prompt.message, "自动保存") || !strings.Contains(u2.prompt.message, time.Now().Local().Format("2006年1月2日")) {
				t.Errorf("prompt does not give the time: %q", u2.prompt.message)
			}
			test.Tap(u2.prompt.buttons[answer])
			if u2.form == nil {
				t.Fatal("no form after answering")
			}
			got := entry(t, u2.form, "project.name").Text
			saved, err := forms.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			if saved.Project.Name == "偏微分方程前沿论坛（恢复测试）" {
				t.Error("the draft file was changed before the user saved")
			}
			if answer == "恢复" {
				if got != "偏微分方程前沿论坛（恢复测试）" || !u2.form.dirty {
					t.Errorf("recovered form shows %q (dirty %v)", got, u2.form.dirty)
				}
				if _, err := os.Stat(path + AutosaveSuffix); err != nil {
					t.Errorf("autosave gone before the user saved: %v", err)
				}
			} else {
				if got != saved.Project.Name {
					t.Errorf("form shows %q, want the saved %q", got, saved.Project.Name)
				}
				moved, _ := filepath.Glob(filepath.Join(dir, trashFolderName, "*"+AutosaveSuffix))
				if len(moved) != 1 {
					t.Fatalf("declined autosave not kept in the trash folder: %v", moved)
				}
				if d, err := forms.Load(moved[0]); err != nil || d.Project.Name != "偏微分方程前沿论坛（恢复测试）" {
					t.Errorf("trash copy unreadable or wrong: %v", err)
				}
			}
		})
	}
}

func TestCloseWithUnsavedAsks(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "speech")
	u.prompt = nil
	e := entry(t, f, "project.place")
	e.SetText("")
	test.Type(e, "吉林农业大学报告厅")
	u.onCloseRequest()
	if u.prompt == nil || u.prompt.title != "保存修改？" {
		t.Fatalf("closing with unsaved changes did not ask (prompt %+v)", u.prompt)
	}
	if _, err := os.Stat(f.path + AutosaveSuffix); err != nil {
		t.Errorf("changes not written to the autosave before asking: %v", err)
	}
	test.Tap(u.prompt.buttons["取消"])
	if u.form != f || !f.dirty {
		t.Fatal("cancel left the draft")
	}
	// Quitting from the menu asks too.
	var quit *fyne.MenuItem
	for _, it := range u.win.MainMenu().Items[0].Items {
		if it.IsQuit {
			quit = it
		}
	}
	u.prompt = nil
	if quit == nil || quit.Action == nil {
		t.Fatal("no quit item of our own in the menu")
	}
	quit.Action()
	if u.prompt == nil || u.prompt.title != "保存修改？" {
		t.Fatal("quitting from the menu did not ask")
	}
	test.Tap(u.prompt.buttons["取消"])
	u.onCloseRequest()
	test.Tap(u.prompt.buttons["保存"])
	d, err := forms.Load(f.path)
	if err != nil || d.Project.Place != "吉林农业大学报告厅" {
		t.Errorf("save on close: %v %q", err, d.Project.Place)
	}
	// Without changes closing does not ask.
	u2, _ := newTestUI(t)
	openSampleDraft(t, u2, "speech")
	u2.prompt = nil
	u2.onCloseRequest()
	if u2.prompt != nil {
		t.Errorf("closing a saved draft asked %q", u2.prompt.title)
	}
}

// A save that fails keeps the text in the window and says why in Chinese.
// The tests run as root, which ignores permission bits, so the unwritable
// place is a path whose parent folder is a regular file.
func TestFailedSaveKeepsText(t *testing.T) {
	u, dir := newTestUI(t)
	f := openSampleDraft(t, u, "forum")
	blocker := filepath.Join(dir, "不是文件夹")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	f.path = filepath.Join(blocker, "申报书"+forms.DraftExt)
	e := entry(t, f, "project.summary")
	e.SetText("")
	test.Type(e, "这段文字不能丢失。")
	u.onSave()
	if u.prompt == nil || u.prompt.title != "保存失败" || !strings.Contains(u.prompt.message, "窗口中的内容没有丢失") {
		t.Fatalf("failed save prompt: %+v", u.prompt)
	}
	if e.Text != "这段文字不能丢失。" || f.d.Project.Summary != "这段文字不能丢失。" || !f.dirty {
		t.Errorf("after a failed save: entry %q, draft %q, dirty %v", e.Text, f.d.Project.Summary, f.dirty)
	}
}

func TestStartScreenDuplicateDelete(t *testing.T) {
	u, dir := newTestUI(t)
	openSampleDraft(t, u, "forum")
	u.showStart()
	waitChecks(t, u)
	if len(u.start.rows) != 1 {
		t.Fatalf("%d rows", len(u.start.rows))
	}
	r := u.start.rows[0]
	if !strings.Contains(r.title.Text, "研究生论坛") || !strings.Contains(r.detail.Text, "吉林省化学会") || !strings.Contains(r.detail.Text, "没有发现问题") {
		t.Errorf("row: %q / %q", r.title.Text, r.detail.Text)
	}
	if !strings.Contains(r.detail.Text, "还有 12 天截止") {
		t.Errorf("no deadline countdown in %q", r.detail.Text)
	}
	test.Tap(r.dup)
	if len(u.start.rows) != 2 {
		t.Fatalf("after duplicate: %d rows", len(u.start.rows))
	}
	waitChecks(t, u)
	// Two forum drafts of one unit break the per-category quota (二、2).
	for _, r := range u.start.rows {
		if !r.info.Checked || r.info.Errors == 0 {
			t.Errorf("%s: quota error not counted", r.info.Path)
		}
	}
	victim := u.start.rows[0].info.Path
	test.Tap(u.start.rows[0].del)
	if u.prompt == nil || !strings.Contains(u.prompt.message, trashFolderName) {
		t.Fatalf("delete did not ask: %+v", u.prompt)
	}
	if _, err := os.Stat(victim); err != nil {
		t.Fatal("deleted before confirming")
	}
	test.Tap(u.prompt.buttons["删除"])
	if _, err := os.Stat(victim); !os.IsNotExist(err) {
		t.Error("still in the drafts folder")
	}
	moved, _ := filepath.Glob(filepath.Join(dir, trashFolderName, "*"+filepath.Base(victim)))
	if len(moved) != 1 || len(u.start.rows) != 1 {
		t.Errorf("trash %v, rows %d", moved, len(u.start.rows))
	}
}

func TestPickerRulesAndNew(t *testing.T) {
	u, dir := newTestUI(t)
	test.Tap(u.start.newBtn)
	p := u.picker
	for i, c := range u.call.Categories {
		if c.ID == "speech" {
			p.cats.Select(i)
		}
	}
	if got := p.ruleText["资助额度"].Text; !strings.Contains(got, "决赛") || !strings.Contains(got, "60,000") {
		t.Errorf("speech funding %q", got)
	}
	if got := p.ruleText["完成时间"].Text; !strings.Contains(got, "2024年9-11月") {
		t.Errorf("window %q", got)
	}
	test.Tap(p.createBtn)
	if u.form == nil || u.form.d.Category != "speech" {
		t.Fatal("new draft not opened")
	}
	if _, ok := u.form.fields["venue"]; !ok {
		t.Error("speech form lacks the venue select")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"+forms.DraftExt))
	if len(files) != 1 {
		t.Errorf("new draft not saved in the folder: %v", files)
	}
	errs, _ := countFindings(u.form.findings)
	if errs == 0 {
		t.Error("an empty draft shows no errors")
	}
}

func TestTabOrderFollowsForm(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "forum")
	c := u.win.Canvas()
	f.jump("applicant.name")
	c.FocusNext()
	if c.Focused() != f.fields["applicant.type"].focus {
		t.Errorf("after 单位名称 the focus went to %T", c.Focused())
	}
	c.FocusNext()
	if c.Focused() != f.fields["applicant.credit_code"].focus {
		t.Errorf("after 单位类型 the focus went to %T", c.Focused())
	}
}

func TestReviewEditLink(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "annual")
	test.Tap(f.reviewBtn)
	if u.review == nil {
		t.Fatal("no review page")
	}
	found := false
	for _, o := range test.LaidOutObjects(u.review.content) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "叁万元整") {
			found = true
		}
	}
	if !found {
		t.Error("review lacks the amount in capitals")
	}
	test.Tap(u.review.edit["budget"])
	if u.review != nil || u.win.Content() != f.content {
		t.Fatal("edit link did not return to the form")
	}
	if u.win.Canvas().Focused() != f.tables["budget.lines"].addBtn && u.win.Canvas().Focused() == nil {
		t.Errorf("edit link focused nothing")
	}
}

func TestCopyUnitFromOtherDraft(t *testing.T) {
	u, _ := newTestUI(t)
	openSampleDraft(t, u, "forum")
	f := openSampleDraft(t, u, "annual")
	test.Tap(f.copyUnitBtn)
	if f.copyUnitSelect == nil || !strings.Contains(f.copyUnitSelect.Selected, "吉林省化学会") {
		t.Fatalf("copy dialog offers %v", f.copyUnitSelect)
	}
	test.Tap(u.prompt.buttons["复制"])
	if f.d.Applicant.Name != "吉林省化学会" || entry(t, f, "applicant.credit_code").Text != "52220000MJ1234567M" {
		t.Errorf("after copy: %q / %q", f.d.Applicant.Name, entry(t, f, "applicant.credit_code").Text)
	}
	if !f.dirty {
		t.Error("copy did not mark the draft unsaved")
	}
}

func TestExportWithErrorsAsksFirst(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "forum")
	entry(t, f, "applicant.email").SetText("not-an-email")
	u.onExport()
	if u.prompt == nil || u.prompt.title != "申报书还有错误" || !strings.Contains(u.prompt.message, "电子邮箱") {
		t.Fatalf("export with errors: %+v", u.prompt)
	}
	test.Tap(u.prompt.buttons["返回修改"])
	if u.win.Canvas().Focused() != f.fields["applicant.email"].focus {
		t.Error("返回修改 did not focus the first error")
	}
	// Confirming exports anyway.
	called := false
	buildPackage = func(string, *forms.Call, *forms.Draft, time.Time, submission.Progress) (*submission.Result, error) {
		called = true
		return nil, &submission.Error{Message: "磁盘已满（测试）"}
	}
	defer func() { buildPackage = defaultBuildPackage }()
	done := make(chan struct{})
	f.onExportDone = func() { close(done) }
	u.onExport()
	test.Tap(u.prompt.buttons["仍然导出"])
	<-done
	if !called || u.prompt.title != "导出失败" || !strings.Contains(u.prompt.message, "磁盘已满") {
		t.Errorf("export after confirming: called %v, prompt %+v", called, u.prompt)
	}
}

// BenchmarkKeystroke is the per-keystroke path: one typed character through
// the data binding, the full check of the draft and the quota check, and
// the update of the messages and the panel.
// benchForm opens the forum sample for the benchmarks.
func benchForm(b *testing.B) (*formScreen, *widgets.Entry) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(newTheme())
	dir := b.TempDir()
	a.Preferences().SetString(prefDraftsDir, dir)
	w := a.NewWindow("申报助手")
	u := newUI(a, w, forms.Default(), func() time.Time { return today })
	u.autosaveDelay = time.Hour
	u.checkDelay = time.Hour
	w.Resize(fyne.NewSize(1200, 800))
	u.openSample(&u.call.Categories[1])
	f := u.form
	b.Cleanup(f.stopAutosave)
	e := f.fields["project.summary"].focus.(*widgets.Entry)
	f.jump("project.summary")
	return f, e
}

// BenchmarkKeystroke is one typed character: the data binding, the draft,
// the counter, autosave and check timers (the check itself waits for the
// field to be left or a pause).
func BenchmarkKeystroke(b *testing.B) {
	f, e := benchForm(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			e.TypedRune('字')
		} else {
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		}
	}
	b.StopTimer()
	if f.editSeq < int64(b.N) {
		b.Fatalf("%d keystrokes reached the draft only %d times", b.N, f.editSeq)
	}
}

// BenchmarkCommit is one typed character and the check when the field is
// left: forms.Check, forms.CheckAcross, the messages, the panel and the
// steps.
func BenchmarkCommit(b *testing.B) {
	f, e := benchForm(b)
	fl := f.fields["project.summary"]
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			e.TypedRune('字')
		} else {
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		}
		f.commit(fl)
	}
}

// Export runs in the background with a progress bar and ends with a dialog
// that offers to open the folder; typing goes on meanwhile.
func TestExportSample(t *testing.T) {
	u, dir := newTestUI(t)
	f := openSampleDraft(t, u, "forum")
	done := make(chan struct{})
	f.onExportDone = func() { close(done) }
	u.onExport() // what Ctrl+E runs: no errors, so no confirmation
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("export did not finish")
	}
	if u.prompt == nil || u.prompt.title != "导出完成" || u.prompt.buttons["打开文件夹"] == nil {
		t.Fatalf("after export: %+v", u.prompt)
	}
	if f.exported == nil || !strings.HasPrefix(f.exported.Dir, filepath.Join(dir, exportFolderName)) {
		t.Fatalf("exported to %+v", f.exported)
	}
	for _, p := range f.exported.Files {
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("exported file %s: %v", p, err)
		}
	}
	if f.exportBox.Visible() || f.exportBtn.Disabled() {
		t.Error("progress still shown after the export")
	}
}

// The timer writes the autosave side file shortly after the last change,
// leaving the draft file alone.
func TestAutosaveAfterChange(t *testing.T) {
	u, _ := newTestUI(t)
	u.autosaveDelay = 50 * time.Millisecond
	f := openSampleDraft(t, u, "forum")
	before, err := os.ReadFile(f.path)
	if err != nil {
		t.Fatal(err)
	}
	e := entry(t, f, "project.city")
	e.SetText("")
	test.Type(e, "吉林市")
	deadline := time.Now().Add(10 * time.Second)
	for {
		if d, err := forms.Load(f.path + AutosaveSuffix); err == nil && d.Project.City == "吉林市" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no autosave with the typed text after 10 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	after, _ := os.ReadFile(f.path)
	if string(after) != string(before) {
		t.Error("autosave changed the draft file")
	}
}
