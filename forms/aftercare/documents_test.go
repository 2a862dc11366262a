package aftercare

import (
	"archive/zip"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
	"shenbao/forms/internal/doctest"
)

var generated = time.Date(2024, 10, 25, 9, 0, 0, 0, time.UTC)

// withPhotos is the selected speech sample with three photos (landscape,
// portrait, wide) imported next to a draft in a temporary folder.
func withPhotos(t testing.TB) (*forms.Draft, string) {
	t.Helper()
	d := selectedSample(t, "speech", forms.NewDate(2024, 10, 18))
	dir := t.TempDir()
	draft := filepath.Join(dir, "d.shenbao.json")
	for i, sz := range [][2]int{{4000, 3000}, {3000, 4000}, {2400, 1200}} {
		src := filepath.Join(dir, "src.jpg")
		if err := os.WriteFile(src, encodeJPEG(t, synthetic(sz[0], sz[1])), 0o644); err != nil {
			t.Fatal(err)
		}
		ph, err := ImportPhoto(draft, src)
		if err != nil {
			t.Fatal(err)
		}
		ph.Caption = []string{"开幕式现场", "评委现场打分", "参赛选手合影"}[i]
		d.Reports.Info.Photos = append(d.Reports.Info.Photos, ph)
	}
	return d, draft
}

// wants are the values each report must print.
func wants(d *forms.Draft) map[string]map[string]string {
	r := d.Reports
	fa := r.Accounts
	tot := fa.Totals(d)
	w := map[string]map[string]string{
		forms.ItemReport: {
			"title":   r.Info.Title,
			"body":    strings.Split(r.Info.Text, "\n")[0],
			"count":   "正文" + strconv.Itoa(forms.CountChars(r.Info.Text)) + "字",
			"caption": "图2　评委现场打分",
			"unit":    d.Applicant.Name,
		},
		forms.ItemResults: {
			"project": d.Project.Name,
			"venue":   "农科分赛场成绩",
			"first":   "张敏",
			"score":   "93.25",
			"title":   "黑土地保护性耕作的土壤微生物机制",
			"award":   "三等奖",
		},
		forms.ItemSummary: {
			"summary": "活动按申报书确定的日程完成",
			"review":  "学科交叉是原始创新的重要来源",
			"heading": "二、与会人员学术观点综述",
		},
		forms.ItemAccounts: {
			"grant":    "批准省科协资助：15,000元（壹万伍仟元整）",
			"line":     fa.Lines[0].Item,
			"spent":    forms.Thousands(fa.Lines[0].Spent),
			"diff":     forms.SignedThousands(fa.Lines[0].Difference()),
			"total":    forms.Thousands(tot.Spent),
			"selfRais": forms.Thousands(fa.SelfRaised),
			"note":     fa.Note,
			"seal":     "（承办单位公章）",
		},
	}
	return w
}

func pdfImages(t *testing.T, pdf []byte) int {
	t.Helper()
	p := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(p, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(doctest.Tool(t, "pdfimages"), "-list", p).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return len(lines) - 2 // two header lines
}

func TestReportsPDF(t *testing.T) {
	d, draft := withPhotos(t)
	photos := DraftPhotos(draft)
	if fs := forms.Check(forms.Default(), d, forms.Options{}); hasAfterFinding(fs) {
		t.Fatalf("the filled sample has findings: %+v", fs)
	}
	for kind, want := range wants(d) {
		var b bytes.Buffer
		if err := WritePDF(&b, kind, forms.Default(), d, photos, generated); err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		text := doctest.PDFText(t, b.Bytes())
		if m := doctest.Missing(text, want); len(m) > 0 {
			t.Errorf("%s PDF lacks %v\n%s", kind, m, text)
		}
		if !strings.Contains(text, forms.Fingerprint(d, generated)[:len("文档指纹 ")+9]) {
			t.Errorf("%s PDF lacks the fingerprint", kind)
		}
		if info := doctest.PDFInfo(t, b.Bytes()); !strings.Contains(info["Page size"], "(A4)") {
			t.Errorf("%s: page size %q", kind, info["Page size"])
		}
		n := pdfImages(t, b.Bytes())
		if kind == forms.ItemReport && n != 3 {
			t.Errorf("information report PDF has %d images, want 3", n)
		}
		if kind != forms.ItemReport && n != 0 {
			t.Errorf("%s PDF has %d images", kind, n)
		}
	}
}

func hasAfterFinding(fs []forms.Finding) bool {
	for _, f := range fs {
		if strings.HasPrefix(f.Rule, "after.") && f.Severity != forms.Info {
			return true
		}
	}
	return false
}

func TestReportsDOCX(t *testing.T) {
	d, draft := withPhotos(t)
	photos := DraftPhotos(draft)
	docs := map[string][]byte{}
	for _, kind := range ReportKinds {
		var b bytes.Buffer
		if err := WriteDOCX(&b, kind, forms.Default(), d, photos, generated); err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		docs[kind] = b.Bytes()
	}
	// The pictures are in the package, with their relationships and type.
	z, err := zip.NewReader(bytes.NewReader(docs[forms.ItemReport]), int64(len(docs[forms.ItemReport])))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range z.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		_, _ = b.ReadFrom(rc)
		rc.Close()
		files[f.Name] = b.String()
	}
	for i := 1; i <= 3; i++ {
		name := "word/media/image" + strconv.Itoa(i) + ".jpeg"
		if !strings.HasPrefix(files[name], "\xff\xd8\xff") {
			t.Errorf("%s missing or not a JPEG", name)
		}
		if !strings.Contains(files["word/_rels/document.xml.rels"], `Target="media/image`+strconv.Itoa(i)+`.jpeg"`) {
			t.Errorf("no relationship for image %d", i)
		}
	}
	if !strings.Contains(files["[Content_Types].xml"], `Extension="jpeg"`) {
		t.Error("no JPEG content type")
	}
	// LibreOffice reads every value back.
	texts := doctest.DocxTexts(t, docs)
	for kind, want := range wants(d) {
		if m := doctest.Missing(texts[kind], want); len(m) > 0 {
			t.Errorf("%s DOCX (LibreOffice text) lacks %v", kind, m)
		}
	}
	// And shows the three photos.
	if n := pdfImages(t, doctest.DocxToPDF(t, docs[forms.ItemReport])); n != 3 {
		t.Errorf("LibreOffice's PDF of the information report has %d images, want 3", n)
	}
}

func TestReportPhotoMissing(t *testing.T) {
	d, _ := withPhotos(t)
	_, err := Report(forms.ItemReport, forms.Default(), d, DraftPhotos(filepath.Join(t.TempDir(), "moved.shenbao.json")), generated)
	refusedWith(t, err, os.ErrNotExist, "moved.files")
}

func TestUnknownReport(t *testing.T) {
	d := selectedSample(t, "annual", forms.NewDate(2024, 9, 1))
	if _, err := Report("invoice", forms.Default(), d, nil, generated); err == nil {
		t.Error("unknown kind accepted")
	}
	// An annual sample's reports render without photos or results.
	for _, k := range []string{forms.ItemResults, forms.ItemSummary, forms.ItemAccounts} {
		if _, err := Report(k, forms.Default(), d, nil, generated); err != nil {
			t.Errorf("%s: %v", k, err)
		}
	}
}

func TestExportAll(t *testing.T) {
	d, draft := withPhotos(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "导出")
	files, err := ExportAll(out, forms.Default(), d, draft, generated)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 9 {
		t.Fatalf("%d files: %+v", len(files), files)
	}
	for _, f := range files {
		st, err := os.Stat(f.Path)
		if err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f.Path, err)
		}
		if !strings.HasPrefix(filepath.Base(f.Path), "第十五届吉林省研究生科技论文演讲比赛农科分赛场-") {
			t.Errorf("name %s", filepath.Base(f.Path))
		}
	}
	if files[8].Kind != CalendarKind || !strings.HasSuffix(files[8].Path, "-报送日程.ics") {
		t.Errorf("calendar %+v", files[8])
	}
	if left, _ := filepath.Glob(filepath.Join(out, ".export-*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	// The annual sample has no results; an unselected draft exports nothing.
	a := selectedSample(t, "annual", forms.NewDate(2024, 9, 20))
	files, err = ExportAll(filepath.Join(dir, "a"), forms.Default(), a, filepath.Join(dir, "a.shenbao.json"), generated)
	if err != nil || len(files) != 7 {
		t.Fatalf("annual: %d files, %v", len(files), err)
	}
	a.Selection.Selected = false
	if _, err := ExportAll(filepath.Join(dir, "b"), forms.Default(), a, "", generated); err == nil || !strings.Contains(err.Error(), "入选") {
		t.Errorf("unselected: %v", err)
	}
}
