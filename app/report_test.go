package app

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/widgets"
	"shenbao/forms"
	"shenbao/forms/aftercare"
)

// afterToday is the clock of the after-selection tests: two days after the
// speech sample's sub-venue (18 October 2024).
var afterToday = time.Date(2024, 10, 20, 9, 0, 0, 0, time.UTC)

// newReportEnv opens a sample of a category, saved in a temporary folder,
// on a test app with the program's theme; edits are counted.
func newReportEnv(t *testing.T, category string, fill bool) (*reportEnv, *int) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	d, err := forms.Sample(forms.Default(), category)
	if err != nil {
		t.Fatal(err)
	}
	if fill {
		aftercare.FillSample(forms.Default(), d)
	}
	path := filepath.Join(t.TempDir(), "sample.shenbao.json")
	if err := forms.Save(path, d, afterToday); err != nil {
		t.Fatal(err)
	}
	edits := 0
	w := a.NewWindow("申报助手")
	w.Resize(fyne.NewSize(1100, 800))
	return &reportEnv{call: forms.Default(), d: d, draftPath: path, win: w, now: func() time.Time { return afterToday }, changed: func() { edits++ }}, &edits
}

func photoFile(t *testing.T, dir string, w, h int) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = uint8(i/4%w), 120, 200, 255
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "IMG.jpg")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSelectionScreenMarksSelectedAndCountsDown(t *testing.T) {
	env, edits := newReportEnv(t, "speech", false)
	s := newSelectionScreen(env)
	if len(s.dueRows) != 0 {
		t.Fatal("due rows before selection")
	}
	test.Tap(s.selected)
	if !env.d.IsSelected() || *edits == 0 {
		t.Fatal("tapping the check did not select the draft")
	}
	if s.actualEnd.Entry.Text != "2024年10月18日" {
		t.Errorf("actual end starts from the planned date, is %q", s.actualEnd.Entry.Text)
	}
	// Speech sub-venue: report and results in 3 days, three items in 10.
	if len(s.dueRows) != 5 {
		t.Fatalf("%d due rows", len(s.dueRows))
	}
	if got := s.dueRows[0].label.Text; !strings.Contains(got, "2024年10月21日前") || !strings.Contains(got, "还有1天") {
		t.Errorf("first row %q", got)
	}
	// The event really ended earlier: the report is overdue, in red.
	typeDate(s.actualEnd, "2024/10/15")
	if s.actualEnd.Entry.Text != "2024年10月15日" || env.d.Selection.ActualEnd.String() != "2024-10-15" {
		t.Errorf("typed 2024/10/15: shown %q, saved %s", s.actualEnd.Entry.Text, env.d.Selection.ActualEnd)
	}
	if got := s.dueRows[0].label; !strings.Contains(got.Text, "已逾期2天") || got.Importance != widget.DangerImportance {
		t.Errorf("overdue row %q (importance %v)", got.Text, got.Importance)
	}
	test.Tap(s.dueRows[0].submitted)
	if env.d.Selection.Submitted[forms.ItemReport] != forms.DateOf(afterToday) {
		t.Errorf("submitted %v", env.d.Selection.Submitted)
	}
	if got := s.dueRows[0].label.Text; !strings.Contains(got, "已于2024年10月20日报送") {
		t.Errorf("submitted row %q", got)
	}
	// A bad date says so, keeps the text, and is not saved as a date: what
	// is shown is what is saved.
	typeDate(s.actualEnd, "10月15日")
	if !s.dateMsg.Visible() || !strings.Contains(s.dateMsg.Text, "不是日期") || s.actualEnd.Entry.Text != "10月15日" || !env.d.Selection.ActualEnd.IsZero() {
		t.Errorf("bad date: %q, shown %q, end %s", s.dateMsg.Text, s.actualEnd.Entry.Text, env.d.Selection.ActualEnd)
	}
	typeDate(s.actualEnd, "2024-02-30")
	if !strings.Contains(s.dateMsg.Text, "2024年2月没有30日") {
		t.Errorf("2024-02-30: %q", s.dateMsg.Text)
	}
}

// typeDate types text into a date box and leaves it.
func typeDate(b *widgets.DateBox, text string) {
	b.Entry.SetText(text)
	b.Entry.FocusLost()
}

func TestInfoScreenCounterAndPhotos(t *testing.T) {
	env, _ := newReportEnv(t, "speech", true)
	s := newInfoScreen(env)
	s.body.SetText(strings.Repeat("字", 998) + "\n\n　　好 ")
	if s.counter.Text != "已写 999 字 / 限 1000 字（空格和换行不计）" || s.counter.Importance == widget.DangerImportance {
		t.Errorf("counter %q", s.counter.Text)
	}
	test.Type(s.body, "。。")
	if !strings.Contains(s.counter.Text, "超出 1 字") || s.counter.Importance != widget.DangerImportance {
		t.Errorf("over the limit: %q", s.counter.Text)
	}
	if env.d.Reports.Info.Text != s.body.Text {
		t.Error("text not in the draft")
	}
	test.Type(s.author, "李明")
	if env.d.Reports.Info.Author != "李明" {
		t.Errorf("撰稿人 %q not in the draft", env.d.Reports.Info.Author)
	}

	dir := t.TempDir()
	// A text file named .jpg is refused with the reason, nothing added.
	fake := filepath.Join(dir, "会场.jpg")
	_ = os.WriteFile(fake, []byte("不是照片"), 0o644)
	<-s.importPaths([]string{fake})
	if len(env.d.Reports.Info.Photos) != 0 || !s.photoMsg.Visible() || !strings.Contains(s.photoMsg.Text, "不是JPEG或PNG") {
		t.Fatalf("fake photo: %d photos, message %q", len(env.d.Reports.Info.Photos), s.photoMsg.Text)
	}
	// Three real photos; a fourth is refused and the button disabled.
	src := photoFile(t, dir, 2400, 1600)
	<-s.importPaths([]string{src, src, src})
	if n := len(env.d.Reports.Info.Photos); n != 3 || s.photoMsg.Visible() {
		t.Fatalf("%d photos, message %q", n, s.photoMsg.Text)
	}
	// The bar moved once per photo and the label said how many; an
	// endless bar would animate (and repaint the window) from its first
	// frame on, hidden or not.
	if s.busyBar.Value != 3 || s.busyBar.Max != 3 || !strings.Contains(s.busyLabel.Text, "共3张") || s.busy.Visible() {
		t.Errorf("progress: bar %v of %v, label %q, shown %v", s.busyBar.Value, s.busyBar.Max, s.busyLabel.Text, s.busy.Visible())
	}
	sawBar := false
	eachObject(s.content, func(o fyne.CanvasObject) {
		if _, endless := o.(*widget.ProgressBarInfinite); endless {
			t.Error("the photo screen has an endless progress bar")
		}
		sawBar = sawBar || o == s.busyBar
	})
	if !sawBar {
		t.Error("the walk did not reach the import's bar")
	}
	if ph := env.d.Reports.Info.Photos[0]; ph.Width != 2000 || ph.Height != 1333 {
		t.Errorf("stored size %dx%d", ph.Width, ph.Height)
	}
	if _, err := os.Stat(aftercare.PhotoPath(env.draftPath, env.d.Reports.Info.Photos[0])); err != nil {
		t.Errorf("photo not stored next to the draft: %v", err)
	}
	if !s.addBtn.Disabled() {
		t.Error("add button enabled with 3 photos")
	}
	<-s.importPaths([]string{src})
	if len(env.d.Reports.Info.Photos) != 3 || !strings.Contains(s.photoMsg.Text, "最多附3张") {
		t.Errorf("fourth photo: %q", s.photoMsg.Text)
	}
	test.Type(s.captions[1], "评委现场打分")
	if env.d.Reports.Info.Photos[1].Caption != "评委现场打分" {
		t.Errorf("caption %q", env.d.Reports.Info.Photos[1].Caption)
	}
	if !strings.Contains(s.findings.Text, "超过1000字") {
		t.Errorf("findings %q", s.findings.Text)
	}
}

func TestResultsScreenRanksFollowScores(t *testing.T) {
	env, _ := newReportEnv(t, "speech", true)
	s := newResultsScreen(env)
	if len(s.entries) != 4 || s.findings.Visible() {
		t.Fatalf("%d rows, findings %q", len(s.entries), s.findings.Text)
	}
	// 陈晨 (4th) now scores above everyone.
	s.entries[3][4].SetText("95")
	if !strings.Contains(s.findings.Text, "名次与得分不一致") {
		t.Fatalf("findings %q", s.findings.Text)
	}
	test.Tap(s.rankBtn)
	rows := env.d.Reports.Results
	if rows[0].Name != "陈晨" || rows[0].Rank != 1 || rows[1].Rank != 2 || s.findings.Visible() {
		t.Errorf("after ranking: %+v, findings %q", rows, s.findings.Text)
	}
	if s.entries[0][1].Text != "陈晨" {
		t.Errorf("rows not redrawn: %q", s.entries[0][1].Text)
	}
	s.sortBy.SetSelected("按姓名拼音")
	if env.d.Reports.Results[0].Name != "艾力" {
		t.Errorf("sorted by name: %s", env.d.Reports.Results[0].Name)
	}
	test.Tap(s.addBtn)
	if len(env.d.Reports.Results) != 5 || !strings.Contains(s.findings.Text, "第5行") {
		t.Errorf("new row: %d rows, findings %q", len(env.d.Reports.Results), s.findings.Text)
	}
}

func TestAccountsScreenTotalsAndGrant(t *testing.T) {
	env, _ := newReportEnv(t, "speech", false)
	env.d.Selection = &forms.Selection{Selected: true}
	s := newAccountsScreen(env)
	fa := env.d.Reports.Accounts
	if len(s.spent) != len(env.d.Budget.Lines) {
		t.Fatalf("%d lines for %d budget lines", len(s.spent), len(env.d.Budget.Lines))
	}
	for i, l := range fa.Lines {
		s.spent[i].SetText(forms.Thousands(l.Budgeted)) // typed with separators
	}
	s.spent[0].SetText("１０００") // full-width digits
	if fa.Lines[0].Spent != 1000 {
		t.Errorf("spent %d", fa.Lines[0].Spent)
	}
	tot := fa.Totals(env.d)
	if !strings.Contains(s.totals.Text, "实际支出合计 "+forms.Thousands(tot.Spent)+" 元") {
		t.Errorf("totals %q", s.totals.Text)
	}
	if s.diffs[0].Text != forms.SignedThousands(1000-fa.Lines[0].Budgeted) || s.pcts[1].Text != "100%" {
		t.Errorf("diff %q pct %q", s.diffs[0].Text, s.pcts[1].Text)
	}
	s.provincial.SetText("16000")
	if !strings.Contains(s.findings.Text, "超过批准的资助额") {
		t.Errorf("over the grant: %q", s.findings.Text)
	}
	s.spent[0].SetText(forms.Thousands(fa.Lines[0].Budgeted))
	tot = fa.Totals(env.d)
	s.provincial.SetText("15000")
	s.selfRaised.SetText(forms.Thousands(tot.Spent - 15000))
	if strings.Contains(s.findings.Text, "【错误】") {
		t.Errorf("balanced accounts: %q", s.findings.Text)
	}
}

func TestAfterScreenTabsAndExport(t *testing.T) {
	env, _ := newReportEnv(t, "annual", true)
	if s := newAfterScreen(env); len(s.tabs.Items) != 4 || s.results != nil {
		t.Errorf("annual: %d tabs", len(s.tabs.Items))
	}
	env, _ = newReportEnv(t, "speech", true)
	s := newAfterScreen(env)
	if len(s.tabs.Items) != 5 || s.tabs.Items[2].Text != "分赛场成绩" {
		t.Fatalf("speech: %d tabs", len(s.tabs.Items))
	}
	<-s.info.importPaths([]string{photoFile(t, t.TempDir(), 800, 600)})
	s.info.captions[0].SetText("开幕式")
	out := filepath.Join(t.TempDir(), "会后材料")
	<-s.exportTo(out)
	if len(s.exported) != 9 || !strings.Contains(s.status.Text, "已导出9个文件") {
		t.Fatalf("export: %d files, %q", len(s.exported), s.status.Text)
	}
	// Unselected: a message, no files.
	env.d.Selection.Selected = false
	<-s.exportTo(filepath.Join(t.TempDir(), "x"))
	if s.status.Importance != widget.DangerImportance || !strings.Contains(s.status.Text, "入选") {
		t.Errorf("unselected export: %q", s.status.Text)
	}
}

// TestReportScreenshots renders each tab of the after-selection screen with
// the program's theme (the CJK font) and checks that text was drawn. With
// SHENBAO_WRITE_SHOTS=1 it writes them to docs/screenshots/report-*.png.
func TestReportScreenshots(t *testing.T) {
	env, _ := newReportEnv(t, "speech", true)
	// The light variant, as the other screenshots: text is dark on light.
	fyne.CurrentApp().Settings().SetTheme(lightTheme{newTheme()})
	s := newAfterScreen(env)
	<-s.info.importPaths([]string{photoFile(t, t.TempDir(), 1600, 1200)})
	s.info.captions[0].SetText("开幕式现场")
	env.d.Reports.Results[3].Score = 95 // a rank against the score, to show the finding
	s.results.refreshRows()
	s.results.edited()
	env.win.SetContent(s.content)
	env.win.Resize(fyne.NewSize(1100, 760))
	for i, name := range []string{"selection", "info", "results", "summary", "accounts"} {
		s.tabs.SelectIndex(i)
		img := env.win.Canvas().Capture()
		// Text is drawn: dark pixels on the light background, but far
		// from a dark screen.
		if dark := darkShare(img); dark < 0.002 || dark > 0.5 {
			t.Errorf("%s: %.4f of the pixels are dark", name, dark)
		}
		if os.Getenv("SHENBAO_WRITE_SHOTS") == "1" {
			f, err := os.Create(filepath.Join("..", "docs", "screenshots", "report-"+name+".png"))
			if err != nil {
				t.Fatal(err)
			}
			if err := png.Encode(f, img); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
	}
}

// darkShare is the share of dark pixels (text) in an image.
func darkShare(img image.Image) float64 {
	b := img.Bounds()
	dark := 0
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			g := color.GrayModel.Convert(img.At(x, y)).(color.Gray)
			if g.Y < 100 {
				dark++
			}
		}
	}
	return float64(dark) / float64(b.Dx()*b.Dy()/4)
}

// lightTheme is the program's theme in its light variant whatever the
// system's.
type lightTheme struct{ fyne.Theme }

func (l lightTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return l.Theme.Color(n, theme.VariantLight)
}

func TestDueBadge(t *testing.T) {
	d, _ := forms.Sample(forms.Default(), "speech")
	call := forms.Default()
	if s, _ := dueBadge(call, d, forms.NewDate(2024, 10, 20)); s != "" {
		t.Errorf("unselected: %q", s)
	}
	aftercare.FillSample(forms.Default(), d) // ends 2024-10-18
	s, over := dueBadge(call, d, forms.NewDate(2024, 10, 20))
	if over || s != "已入选 · 1000字以内信息报道稿（附1-3张照片）等2项 2024年10月21日截止，还有1天" {
		t.Errorf("upcoming: %q %v", s, over)
	}
	s, over = dueBadge(call, d, forms.NewDate(2024, 10, 23))
	if !over || !strings.Contains(s, "已逾期2天") {
		t.Errorf("overdue: %q %v", s, over)
	}
	d.Selection.MarkSubmitted(forms.ItemReport, forms.NewDate(2024, 10, 20))
	d.Selection.MarkSubmitted(forms.ItemResults, forms.NewDate(2024, 10, 20))
	if s, over = dueBadge(call, d, forms.NewDate(2024, 10, 23)); over || !strings.Contains(s, "项目总结等3项 2024年10月28日截止，还有5天") {
		t.Errorf("next group: %q %v", s, over)
	}
	for _, k := range []string{forms.ItemSummary, forms.ItemReview, forms.ItemAccounts} {
		d.Selection.MarkSubmitted(k, forms.NewDate(2024, 10, 25))
	}
	if s, _ = dueBadge(call, d, forms.NewDate(2024, 11, 30)); s != "已入选 · 会后材料已全部报送" {
		t.Errorf("all submitted: %q", s)
	}
}

// The 决算表's amounts are the form's amount boxes: shown with separators,
// ending at their box's inner right edge, so a column lines up.
func TestAccountsAmountsRightAligned(t *testing.T) {
	env, _ := newReportEnv(t, "speech", false)
	env.d.Selection = &forms.Selection{Selected: true}
	s := newAccountsScreen(env)
	w := test.NewTempWindow(t, s.content)
	w.Resize(fyne.NewSize(1200, 800))
	s.spent[0].SetText("12345")
	if env.d.Reports.Accounts.Lines[0].Spent != 12345 {
		t.Fatalf("typed 12345, spent %d", env.d.Reports.Accounts.Lines[0].Spent)
	}
	s.provincial.SetText("15000")
	// The other boxes, empty while 0, given amounts of every width.
	for i, e := range s.spent[1:] {
		e.SetText(strconv.Itoa(7 * (i + 1) * 1000))
	}
	s.selfRaised.SetText("800")
	s.other.SetText("5")
	var ends []float32
	for i, e := range append(append([]*widgets.Entry{}, s.spent...), s.provincial, s.selfRaised, s.other) {
		r := amountShown(t, e)
		end := fyne.CurrentApp().Driver().AbsolutePositionForObject(r.text).X + r.text.Size().Width
		if !r.text.Visible() || end < innerRight(e)-1 || end > innerRight(e)+1 {
			t.Errorf("box %d: %q (visible %v) ends at %.1f, its inner right edge is %.1f", i, r.text.Text, r.text.Visible(), end, innerRight(e))
		}
		ends = append(ends, end)
	}
	if got := amountShown(t, s.spent[0]).text.Text; got != "12,345" {
		t.Errorf("spent shown as %q", got)
	}
	for i := 1; i < len(s.spent); i++ {
		if ends[i] != ends[0] {
			t.Errorf("the spent amounts end at %.1f and %.1f", ends[0], ends[i])
		}
	}
}
