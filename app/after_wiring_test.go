package app

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
	"shenbao/forms/aftercare"
)

// menuItem finds an item of the window's 文件 menu by its label, or by its
// Ctrl+key shortcut when label is empty.
func menuItem(t *testing.T, u *ui, label string, key fyne.KeyName) *fyne.MenuItem {
	t.Helper()
	for _, it := range u.win.MainMenu().Items[0].Items {
		if label != "" && it.Label == label {
			return it
		}
		if sc, ok := it.Shortcut.(interface{ Key() fyne.KeyName }); ok && label == "" && sc.Key() == key {
			return it
		}
	}
	t.Fatalf("no menu item %q / %s", label, key)
	return nil
}

// TestAfterScreenFromForm carries a sample from the form to the
// after-selection screen and back: unsaved form changes are saved first,
// report edits are unsaved/autosaved/saved (Ctrl+S) like the form's, and
// leaving with unsaved report edits asks.
func TestAfterScreenFromForm(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "speech")
	e := entry(t, f, "project.place")
	e.SetText("")
	test.Type(e, "吉林农业大学报告厅")
	if !f.dirty {
		t.Fatal("typing did not mark the draft unsaved")
	}
	test.Tap(f.afterBtn)
	v := f.after
	if v == nil || u.win.Content() != v.content {
		t.Fatal("the button did not open the after-selection screen")
	}
	if f.dirty {
		t.Error("form changes not saved before the after-selection screen")
	}
	if d, err := forms.Load(f.path); err != nil || d.Project.Place != "吉林农业大学报告厅" {
		t.Fatalf("saved draft: %v %q", err, d.Project.Place)
	}
	if !strings.Contains(v.title.Text, "入选与会后材料") || v.state.Text != "已保存" {
		t.Errorf("bar: %q / %q", v.title.Text, v.state.Text)
	}

	// An edit in a report screen is an unsaved change of the draft.
	test.Tap(v.s.selection.selected)
	if !f.dirty || !strings.HasPrefix(u.win.Title(), "*") || v.state.Text != "有未保存的修改" {
		t.Fatalf("after selecting: dirty %v, title %q, state %q", f.dirty, u.win.Title(), v.state.Text)
	}
	if f.timer == nil {
		t.Error("no autosave scheduled after a report edit")
	}
	<-v.s.info.importPaths([]string{photoFile(t, t.TempDir(), 640, 480)})
	v.s.info.captions[0].SetText("开幕式现场")
	if err := f.autosaveNow(); err != nil {
		t.Fatal(err)
	}
	auto, err := forms.Load(f.path + AutosaveSuffix)
	if err != nil || !auto.IsSelected() || len(auto.Reports.Info.Photos) != 1 {
		t.Fatalf("autosave lacks the report edits: %v", err)
	}
	if !strings.Contains(v.state.Text, "已自动备份") {
		t.Errorf("state after autosave %q", v.state.Text)
	}

	// Ctrl+S saves from the report screens too.
	menuItem(t, u, "", fyne.KeyS).Action()
	if f.dirty || v.state.Text != "已保存" {
		t.Fatalf("Ctrl+S: dirty %v, state %q", f.dirty, v.state.Text)
	}
	d, err := forms.Load(f.path)
	if err != nil || !d.IsSelected() || len(d.Reports.Info.Photos) != 1 || d.Reports.Info.Photos[0].Caption != "开幕式现场" {
		t.Fatalf("saved draft lacks the report edits: %v", err)
	}
	if _, err := aftercare.ReadPhoto(f.path, d.Reports.Info.Photos[0]); err != nil {
		t.Errorf("photo not next to the draft: %v", err)
	}

	// Back to the form; the menu entry opens the screen again.
	test.Tap(v.backBtn)
	if f.after != nil || u.win.Content() != f.content {
		t.Fatal("back did not return to the form")
	}
	menuItem(t, u, "入选与会后材料", "").Action()
	if f.after == nil || u.win.Content() != f.after.content {
		t.Fatal("the menu entry did not open the after-selection screen")
	}
	if !f.after.s.selection.selected.Checked || f.after.s.info.captions[0].Text != "开幕式现场" {
		t.Error("the reopened screen does not show the draft's report data")
	}

	// Leaving with an unsaved report edit asks, and 保存 saves it.
	f.after.s.info.title.SetText("分赛场圆满结束")
	u.prompt = nil
	u.onCloseRequest()
	if u.prompt == nil || u.prompt.title != "保存修改？" {
		t.Fatalf("closing with an unsaved report edit did not ask (%+v)", u.prompt)
	}
	test.Tap(u.prompt.buttons["保存"])
	if d, err := forms.Load(f.path); err != nil || d.Reports.Info.Title != "分赛场圆满结束" {
		t.Errorf("save on close: %v", err)
	}
}

// TestAfterScreenSaveFails: when the draft cannot be saved first, the user
// is told why in Chinese and the form stays, with its text.
func TestAfterScreenSaveFails(t *testing.T) {
	u, dir := newTestUI(t)
	f := openSampleDraft(t, u, "annual")
	blocker := filepath.Join(dir, "不是文件夹")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	f.path = filepath.Join(blocker, "申报书"+forms.DraftExt)
	e := entry(t, f, "project.theme")
	e.SetText("")
	test.Type(e, "这段文字不能丢失")
	u.prompt = nil
	test.Tap(f.afterBtn)
	if u.prompt == nil || u.prompt.title != "保存失败" || !strings.Contains(u.prompt.message, "窗口中的内容没有丢失") {
		t.Fatalf("failed save prompt: %+v", u.prompt)
	}
	if f.after != nil || u.win.Content() != f.content || !f.dirty || f.d.Project.Theme != "这段文字不能丢失" {
		t.Errorf("after a failed save: screen %v, dirty %v, theme %q", f.after != nil, f.dirty, f.d.Project.Theme)
	}
}

// savedSelected writes a selected speech sample with photos into dir and
// returns its path.
func savedSelected(t *testing.T, dir, name string, photos int) string {
	t.Helper()
	d, err := forms.Sample(forms.Default(), "speech")
	if err != nil {
		t.Fatal(err)
	}
	aftercare.FillSample(forms.Default(), d) // ends 2024-10-18: report due 10-21, summary 10-28
	path := filepath.Join(dir, name+forms.DraftExt)
	for i := 0; i < photos; i++ {
		p, err := aftercare.ImportPhoto(path, photoFile(t, t.TempDir(), 300+10*i, 200))
		if err != nil {
			t.Fatal(err)
		}
		p.Caption = "图" + string(rune('一'+i))
		d.Reports.Info.Photos = append(d.Reports.Info.Photos, p)
	}
	if err := forms.Save(path, d, afterToday); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestDraftsListDueBadge: a selected draft's row counts down to its next
// report, in the theme's error colour once overdue; an unselected draft's
// row keeps the application deadline.
func TestDraftsListDueBadge(t *testing.T) {
	u, dir := newTestUI(t)
	savedSelected(t, dir, "入选项目", 0)
	plain, _ := forms.Sample(forms.Default(), "forum")
	if err := forms.Save(filepath.Join(dir, "论坛"+forms.DraftExt), plain, today); err != nil {
		t.Fatal(err)
	}
	row := func(name string) *draftRow {
		for _, r := range u.start.rows {
			if displayName(r.info.Path) == name {
				return r
			}
		}
		t.Fatalf("no row %s", name)
		return nil
	}
	for _, c := range []struct {
		now     time.Time
		want    string
		overdue bool
	}{
		{time.Date(2024, 10, 19, 9, 0, 0, 0, time.UTC), "2024年10月21日截止，还有2天", false},
		{time.Date(2024, 10, 24, 9, 0, 0, 0, time.UTC), "已逾期3天", true},
	} {
		u.now = func() time.Time { return c.now }
		u.showStart()
		waitChecks(t, u)
		r := row("入选项目")
		if !r.due.Visible() || !strings.Contains(r.due.Text, c.want) {
			t.Errorf("%s: due line %q (visible %v), want %q", c.now.Format("01-02"), r.due.Text, r.due.Visible(), c.want)
		}
		if r.box.Size().Height < r.box.MinSize().Height {
			t.Errorf("%s: the row with its due line gets %.0f px of the %.0f it needs", c.now.Format("01-02"), r.box.Size().Height, r.box.MinSize().Height)
		}
		if got := r.due.Importance == widget.DangerImportance; got != c.overdue {
			t.Errorf("%s: overdue colour %v, want %v", c.now.Format("01-02"), got, c.overdue)
		}
		if strings.Contains(r.detail.Text, "截止") {
			t.Errorf("selected row still counts down to the application deadline: %q", r.detail.Text)
		}
		if p := row("论坛"); p.due.Visible() || !strings.Contains(p.detail.Text, "已截止") {
			t.Errorf("unselected row: due %q, detail %q", p.due.Text, p.detail.Text)
		}
	}
}

// TestDuplicateAndDeleteKeepPhotos: 复制 copies a draft's photo folder with
// it, and 删除 moves the folder into the trash beside the draft, where the
// trashed draft still finds its photos.
func TestDuplicateAndDeleteKeepPhotos(t *testing.T) {
	u, dir := newTestUI(t)
	path := savedSelected(t, dir, "有照片", 3)
	u.showStart()
	if len(u.start.rows) != 1 {
		t.Fatalf("%d rows", len(u.start.rows))
	}
	test.Tap(u.start.rows[0].dup)
	if len(u.start.rows) != 2 {
		t.Fatalf("after duplicate: %d rows (prompt %+v)", len(u.start.rows), u.prompt)
	}
	var cp string
	for _, r := range u.start.rows {
		if r.info.Path != path {
			cp = r.info.Path
		}
	}
	readAll := func(draft string) [][]byte {
		t.Helper()
		d, err := forms.Load(draft)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Reports.Info.Photos) != 3 {
			t.Fatalf("%s: %d photos", draft, len(d.Reports.Info.Photos))
		}
		var out [][]byte
		for _, p := range d.Reports.Info.Photos {
			b, err := aftercare.ReadPhoto(draft, p)
			if err != nil {
				t.Fatalf("%s: %v", filepath.Base(draft), err)
			}
			out = append(out, b)
		}
		return out
	}
	orig, copied := readAll(path), readAll(cp)
	for i := range orig {
		if !bytes.Equal(orig[i], copied[i]) {
			t.Errorf("photo %d differs in the copy", i)
		}
	}

	// Delete the original: its folder goes to the trash with it, the copy
	// keeps its own.
	for _, r := range u.start.rows {
		if r.info.Path == path {
			test.Tap(r.del)
		}
	}
	if !strings.Contains(u.prompt.message, "和它的照片文件夹") {
		t.Errorf("the question does not mention the photos: %q", u.prompt.message)
	}
	test.Tap(u.prompt.buttons["删除"])
	if _, err := os.Stat(aftercare.FilesDir(path)); !os.IsNotExist(err) {
		t.Errorf("photo folder left in the drafts folder: %v", err)
	}
	moved, _ := filepath.Glob(filepath.Join(dir, trashFolderName, "*"+filepath.Base(path)))
	if len(moved) != 1 {
		t.Fatalf("trash: %v", moved)
	}
	trashed := readAll(moved[0])
	for i := range orig {
		if !bytes.Equal(orig[i], trashed[i]) {
			t.Errorf("photo %d differs in the trash", i)
		}
	}
	readAll(cp)
	if len(u.start.rows) != 1 {
		t.Errorf("%d rows after delete", len(u.start.rows))
	}
}

// TestSelectedSampleThroughAllReports is issue 6's "done when" in the
// window: the speech sample opened as a newcomer does, taken from its form
// to 入选与会后材料, every report typed in through its screen, saved with
// Ctrl+S, and every document exported and read back.
func TestSelectedSampleThroughAllReports(t *testing.T) {
	u, _ := newTestUI(t)
	u.now = func() time.Time { return afterToday } // 2024-10-20, the event ended 10-18
	f := openSampleDraft(t, u, "speech")
	test.Tap(f.afterBtn)
	s := f.after.s

	test.Tap(s.selection.selected)
	typeDate(s.selection.listPublished, "2024-04-28")

	s.tabs.SelectIndex(1)
	s.info.title.SetText("第十五届吉林省研究生科技论文演讲比赛农科分赛场举行")
	s.info.body.SetText("　　10月18日，分赛场在吉林农业大学举行，十二名研究生登台演讲。\n　　评委现场点评，评出一等奖两名。")
	for i := 0; i < 3; i++ {
		<-s.info.importPaths([]string{photoFile(t, t.TempDir(), 800+40*i, 600)})
	}
	for i, c := range s.info.captions {
		c.SetText([]string{"开幕式", "选手演讲", "颁奖合影"}[i])
	}

	s.tabs.SelectIndex(2)
	test.Tap(s.results.addBtn)
	for j, v := range []string{"1", "刘思远", "吉林农业大学", "寒地水稻育种的分子标记辅助选择", "94.5"} {
		s.results.entries[0][j].SetText(v)
	}

	s.tabs.SelectIndex(3)
	s.summary.summary.SetText("一、基本情况\n分赛场按申报书的日程完成，参赛十二人。")
	s.summary.review.SetText("与会专家认为，寒地农业的种质创新需要长期稳定的投入。")

	s.tabs.SelectIndex(4)
	fa := f.d.Reports.Accounts
	var spent int64
	for i, l := range fa.Lines {
		s.accounts.spent[i].SetText(forms.Thousands(l.Budgeted))
		spent += l.Budgeted
	}
	grant := min(f.d.Project.RequestedAmount, spent)
	s.accounts.provincial.SetText(strconv.FormatInt(grant, 10))
	s.accounts.selfRaised.SetText(strconv.FormatInt(spent-grant, 10))
	s.accounts.note.SetText("各项支出按预算执行。")

	if !f.dirty {
		t.Fatal("report edits did not mark the draft unsaved")
	}
	menuItem(t, u, "", fyne.KeyS).Action()
	saved, err := forms.Load(f.path)
	if err != nil || f.dirty {
		t.Fatalf("Ctrl+S: %v, dirty %v", err, f.dirty)
	}
	for _, fd := range forms.Check(u.call, saved, forms.Options{Today: forms.DateOf(afterToday)}) {
		if strings.HasPrefix(fd.Rule, "after.") && fd.Severity == forms.Error {
			t.Errorf("after-event error in the saved draft: %s", fd.Message)
		}
	}
	if len(saved.Reports.Results) != 1 || saved.Reports.Results[0].Name != "刘思远" || len(saved.Reports.Info.Photos) != 3 {
		t.Fatalf("saved draft: %d results, %d photos", len(saved.Reports.Results), len(saved.Reports.Info.Photos))
	}

	out := filepath.Join(t.TempDir(), "会后材料")
	<-s.exportTo(out)
	if len(s.exported) != 9 {
		t.Fatalf("exported %d files: %q", len(s.exported), s.status.Text)
	}
	want := map[string][]string{
		forms.ItemReport:   {"十二名研究生登台演讲", "颁奖合影"},
		forms.ItemResults:  {"刘思远", "寒地水稻育种"},
		forms.ItemSummary:  {"参赛十二人", "种质创新"},
		forms.ItemAccounts: {forms.Thousands(spent), "各项支出按预算执行"},
	}
	for _, e := range s.exported {
		if !strings.HasSuffix(e.Path, ".pdf") {
			continue
		}
		raw, err := exec.Command("pdftotext", "-enc", "UTF-8", e.Path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v (CI installs poppler-utils: make deps-test)", err)
		}
		text := strings.Join(strings.Fields(string(raw)), "")
		for _, w := range want[e.Kind] {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q", filepath.Base(e.Path), w)
			}
		}
		delete(want, e.Kind)
	}
	if len(want) != 0 {
		t.Errorf("no PDF of %v", want)
	}
}
