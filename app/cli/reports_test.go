package cli

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"shenbao/forms"
	"shenbao/forms/aftercare"
	"shenbao/forms/submission"
)

// afterEvent is the clock of the reports tests: the day after the speech
// sample's sub-venue (18 October 2024), so both due dates are ahead.
var afterEvent = time.Date(2024, 10, 19, 10, 0, 0, 0, time.Local)

func runAt(t *testing.T, now time.Time, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = Run(args, Env{Stdout: &o, Stderr: &e, Now: func() time.Time { return now }})
	return code, o.String(), e.String()
}

// testPhoto writes a w×h JPEG with a colour gradient (tone varies it, so
// each photo has its own content and is stored once each).
func testPhoto(t *testing.T, w, h int, tone uint8) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), tone, uint8(y * 255 / h), 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), fmt.Sprintf("DSC_%03d.JPG", tone))
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// typedSentence is text a user typed into the information report; the PDF
// must carry it.
const typedSentence = "本次分赛场共有十二名研究生登台演讲，评委现场点评。"

// selectedWithPhotos writes the selected speech sample with `shenbao
// sample --selected`, then adds three photos and a typed sentence as the
// window would.
func selectedWithPhotos(t *testing.T, dir string) string {
	t.Helper()
	file := filepath.Join(dir, "演讲比赛"+forms.DraftExt)
	code, out, errOut := runAt(t, afterEvent, "sample", "speech", "--selected", "-o", file)
	if code != ExitOK || !strings.Contains(out, "须附1-3张照片") {
		t.Fatalf("sample --selected: %d\n%s%s", code, out, errOut)
	}
	d, err := forms.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	if !d.IsSelected() || d.Reports == nil || d.Reports.Accounts == nil {
		t.Fatal("sample --selected is not selected with its reports filled")
	}
	// Without photos the information report breaks the 1-3 photos rule:
	// exported all the same, exit 1.
	code, out, errOut = runAt(t, afterEvent, "reports", file, "--out", t.TempDir())
	if code != ExitFindings || !strings.Contains(out, "照片") || !strings.Contains(errOut, "仍已导出") {
		t.Errorf("reports without photos: exit %d\n%s%s", code, out, errOut)
	}
	for i, tone := range []uint8{40, 120, 200} {
		p, err := aftercare.ImportPhoto(file, testPhoto(t, 900+100*i, 600, tone))
		if err != nil {
			t.Fatal(err)
		}
		p.Caption = fmt.Sprintf("分赛场现场%d", i+1)
		d.Reports.Info.Photos = append(d.Reports.Info.Photos, p)
	}
	d.Reports.Info.Text += "\n" + typedSentence
	if err := forms.Save(file, d, afterEvent); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestReportsSelectedSample carries a selected speech-competition sample
// with three photos through `shenbao reports`: every document as PDF and
// DOCX and the calendar are written, the report's PDF holds the typed text
// and the three photos, and the calendar's events fall on the due dates.
func TestReportsSelectedSample(t *testing.T) {
	dir := t.TempDir()
	file := selectedWithPhotos(t, dir)
	out := filepath.Join(t.TempDir(), "会后")
	code, stdout, stderr := runAt(t, afterEvent, "reports", file, "--out", out)
	if code != ExitOK || stderr != "" {
		t.Fatalf("reports: exit %d\n%s\n%s", code, stdout, stderr)
	}
	d, _ := forms.Load(file)
	base := submission.SafeName(d.Project.Name, 40)
	var want []string
	for _, kind := range aftercare.ReportKinds {
		want = append(want, base+"-"+aftercare.ReportName(kind)+".pdf", base+"-"+aftercare.ReportName(kind)+".docx")
	}
	want = append(want, base+"-报送日程.ics")
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
		if fi, _ := e.Info(); fi.Size() == 0 {
			t.Errorf("%s is empty", e.Name())
		}
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("files written:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, name := range want {
		if !strings.Contains(stdout, "  "+name+"\n") {
			t.Errorf("output does not list %s:\n%s", name, stdout)
		}
	}
	if !strings.Contains(stdout, "0个错误") || !strings.Contains(stdout, out) {
		t.Errorf("output:\n%s", stdout)
	}

	report := filepath.Join(out, base+"-信息报道稿.pdf")
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", report, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v (CI installs poppler-utils: make deps-test)", err)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	for _, s := range []string{typedSentence, d.Reports.Info.Title, "分赛场现场3"} {
		if !strings.Contains(flat, s) {
			t.Errorf("the report's PDF lacks %q:\n%s", s, text)
		}
	}
	imgs, err := exec.Command("pdfimages", "-list", report).Output()
	if err != nil {
		t.Fatalf("pdfimages: %v", err)
	}
	if n := strings.Count(string(imgs), " image "); n != 3 {
		t.Errorf("the report's PDF holds %d images, want 3:\n%s", n, imgs)
	}
	if text, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join(out, base+"-演讲比赛分赛场成绩.pdf"), "-").Output(); err != nil || !strings.Contains(string(text), "张敏") {
		t.Errorf("results PDF: %v", err)
	}

	// The calendar, read by golang-ical: one all-day event per due date.
	f, err := os.Open(filepath.Join(out, base+"-报送日程.ics"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cal, err := ics.ParseCalendar(f)
	if err != nil {
		t.Fatal(err)
	}
	var starts []string
	for _, ev := range cal.Events() {
		p := ev.GetProperty(ics.ComponentPropertyDtStart)
		if p == nil {
			t.Fatal("event without DTSTART")
		}
		if v := p.ICalParameters["VALUE"]; len(v) != 1 || v[0] != "DATE" {
			t.Errorf("DTSTART %v is not all-day", p.ICalParameters)
		}
		starts = append(starts, p.Value)
	}
	sort.Strings(starts)
	if fmt.Sprint(starts) != "[20241021 20241028]" {
		t.Errorf("due dates in the calendar %v, want [20241021 20241028] (end 10-18 + 3 and + 10 days)", starts)
	}

	// Without --out: the window's folder, 报送材料/<单位-类别-项目>-会后材料
	// beside the draft.
	d, err = forms.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	def := filepath.Join(dir, "报送材料", submission.BaseName(forms.Default(), d)+"-会后材料")
	if code, stdout, _ := runAt(t, afterEvent, "reports", file); code != ExitOK || !strings.Contains(stdout, def) {
		t.Errorf("default folder: exit %d, want %s\n%s", code, def, stdout)
	}
	if left, _ := os.ReadDir(def); len(left) != len(want) {
		t.Errorf("default folder holds %d files, want %d", len(left), len(want))
	}
}

func TestReportsRefusals(t *testing.T) {
	dir := t.TempDir()
	file := selectedWithPhotos(t, dir)

	// Not selected: nothing to export, a Chinese way forward, exit 2.
	plain := filepath.Join(dir, "plain"+forms.DraftExt)
	if code, _, e := runAt(t, afterEvent, "sample", "forum", "-o", plain); code != ExitOK {
		t.Fatal(e)
	}
	out := t.TempDir()
	if code, _, stderr := runAt(t, afterEvent, "reports", plain, "--out", out); code != ExitUnread || !strings.Contains(stderr, "尚未标记入选") || !strings.Contains(stderr, "--selected") {
		t.Errorf("unselected: exit %d, %q", code, stderr)
	}
	if left, _ := os.ReadDir(out); len(left) != 0 {
		t.Error("unselected draft left files")
	}

	// Unreadable draft and usage mistakes.
	for _, args := range [][]string{
		{"reports", filepath.Join(dir, "missing"+forms.DraftExt)},
		{"reports"},
		{"reports", file, file},
		{"reports", "--nope", file},
	} {
		if code, _, stderr := runAt(t, afterEvent, args...); code != ExitUnread || stderr == "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
	if code, stdout, _ := runAt(t, afterEvent, "reports", "-h"); code != ExitOK || !strings.Contains(stdout, "退出码") {
		t.Errorf("reports -h: %d", code)
	}

	// An output folder that cannot be made.
	if code, _, stderr := runAt(t, afterEvent, "reports", file, "--out", filepath.Join(file, "sub")); code != ExitUnread || !strings.Contains(stderr, "无法创建文件夹") {
		t.Errorf("unwritable output: exit %d, %q", code, stderr)
	}

	// The draft copied without its photo folder: told which folder to bring.
	moved := filepath.Join(t.TempDir(), filepath.Base(file))
	raw, _ := os.ReadFile(file)
	if err := os.WriteFile(moved, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runAt(t, afterEvent, "reports", moved, "--out", t.TempDir()); code != ExitUnread || !strings.Contains(stderr, "找不到照片文件") || !strings.Contains(stderr, ".files") {
		t.Errorf("photos missing: exit %d, %q", code, stderr)
	}

	// Overdue reports are warnings, not errors: still exit 0, and said.
	late := afterEvent.AddDate(0, 0, 5)
	if code, stdout, _ := runAt(t, late, "reports", file, "--out", t.TempDir()); code != ExitOK || !strings.Contains(stdout, "已逾期") {
		t.Errorf("overdue: exit %d\n%s", code, stdout)
	}
}
