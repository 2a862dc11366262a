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
	"shenbao/forms/layout"
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
			"caption": "图2　评委现场打分",
			"unit":    "供稿单位：" + d.Applicant.Name,
			"author":  "撰稿人：",
			"date":    "日期：" + forms.DateOf(generated).Chinese(),
		},
		forms.ItemResults: {
			"project": d.Project.Name,
			"venue":   "农科分赛场成绩",
			"first":   "张敏",
			"score":   "93.25",
			"title":   "黑土地保护性耕作的土壤微生物机制",
			"award":   "三等奖",
			"sign":    "评委会主任（签字）",
			"seal":    "（承办单位公章）",
			"date":    "年　　月　　日",
		},
		forms.ItemSummary: {
			"summary": "活动按申报书确定的日程完成",
			"review":  "学科交叉是原始创新的重要来源",
			"heading": "第二部分　与会人员学术观点综述",
			"sign":    "承办单位负责人（签字）",
			"seal":    "（承办单位公章）",
			"date":    "年　　月　　日",
		},
		forms.ItemAccounts: {
			"grant":    "批准省科协资助：15,000元（人民币大写：壹万伍仟元整）",
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
		faces := map[string]bool{}
		for _, f := range doctest.PDFFonts(t, b.Bytes()) {
			faces[f.Name] = f.Embedded
		}
		if !faces["SHBSER+NotoSerifSC-400Regular"] || !faces["SHBBLD+NotoSerifSC-700Bold"] {
			t.Errorf("%s PDF: the serif body and bold heading faces are not both embedded: %v", kind, faces)
		}
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

// What an office reads: the information report carries no internal
// counter but 供稿单位 / 撰稿人 / 日期, every photo has its caption and no
// portrait photo stands alone on a page; results print every score with the
// same decimals and end with signatures, a seal and a date; the signature
// blocks of results and accounts have room for a 42 mm seal; the summary's
// own 一、 headings sit inside the program's 第一部分, not beside an 一、.
func TestReportsAsAnOfficeReadsThem(t *testing.T) {
	d, draft := withPhotos(t)
	call := forms.Default()
	photos := DraftPhotos(draft)
	var b bytes.Buffer
	if err := WritePDF(&b, forms.ItemReport, call, d, photos, generated); err != nil {
		t.Fatal(err)
	}
	text := doctest.PDFText(t, b.Bytes())
	if strings.Contains(text, "空格和换行不计") || strings.Contains(doctest.Squeeze(text), "正文"+strconv.Itoa(forms.CountChars(d.Reports.Info.Text))+"字") {
		t.Error("the information report prints the form's character count")
	}
	p := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(doctest.Tool(t, "pdfimages"), "-list", p).Output()
	if err != nil {
		t.Fatal(err)
	}
	perPage := map[int][][2]int{}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n")[2:] {
		f := strings.Fields(l)
		pg, _ := strconv.Atoi(f[0])
		w, _ := strconv.Atoi(f[3])
		h, _ := strconv.Atoi(f[4])
		perPage[pg] = append(perPage[pg], [2]int{w, h})
	}
	pages := doctest.Pages(t, b.Bytes())
	for pg, ims := range perPage {
		if len(ims) == 1 && ims[0][1] > ims[0][0] {
			body := doctest.Squeeze(pages[pg-1])
			if !strings.Contains(body, doctest.Squeeze(strings.Split(d.Reports.Info.Text, "\n")[0])[:6]) && len(perPage) > 1 {
				t.Errorf("page %d holds a portrait photo alone", pg)
			}
		}
	}
	for i, ph := range d.Reports.Info.Photos {
		cap := "图" + strconv.Itoa(i+1) + "　" + ph.Caption
		for pg, pt := range pages {
			if strings.Contains(doctest.Squeeze(pt), doctest.Squeeze(cap)) && len(perPage[pg+1]) == 0 {
				t.Errorf("caption %q is on page %d, without its photo", cap, pg+1)
			}
		}
	}

	res, err := Report(forms.ItemResults, call, d, nil, generated)
	if err != nil {
		t.Fatal(err)
	}
	decimals := map[int]bool{}
	seals := 0
	var check func([]layout.Block)
	check = func(bs []layout.Block) {
		for _, bl := range bs {
			switch bl := bl.(type) {
			case *layout.KeepTogether:
				check(bl.Blocks)
			case *layout.Table:
				col := -1
				for _, h := range bl.Header {
					for i, c := range h.Cells {
						if c.Text == "得分" {
							col = i
						}
					}
				}
				for _, r := range bl.Rows {
					if col >= 0 && col < len(r.Cells) {
						s := r.Cells[col].Text
						n := 0
						if i := strings.IndexByte(s, '.'); i >= 0 {
							n = len(s) - i - 1
						}
						decimals[n] = true
					}
					for _, c := range r.Cells {
						if strings.Contains(c.Text, "公章") && r.MinHeightMM >= layout.SealMM && strings.Contains(strings.Join(c.Foot, ""), "年") {
							seals++
						}
					}
				}
			}
		}
	}
	check(res.Blocks)
	if len(decimals) != 1 {
		t.Errorf("scores printed with %d different numbers of decimals", len(decimals))
	}
	acc, err := Report(forms.ItemAccounts, call, d, nil, generated)
	if err != nil {
		t.Fatal(err)
	}
	check(acc.Blocks)
	if seals != 2 {
		t.Errorf("%d seal blocks of at least %v mm with a date in results and accounts, want 2", seals, layout.SealMM)
	}

	d.Reports.Summary = "一、基本情况\n活动如期举行。\n二、主要成效\n取得成效。"
	sum, err := Report(forms.ItemSummary, call, d, nil, generated)
	if err != nil {
		t.Fatal(err)
	}
	var level1, level2 []string
	for _, bl := range sum.Blocks {
		if h, ok := bl.(*layout.Heading); ok {
			if h.Level == 1 {
				level1 = append(level1, h.Text)
			} else {
				level2 = append(level2, h.Text)
			}
		}
	}
	for _, h := range level1 {
		if strings.HasPrefix(h, "一、") || strings.HasPrefix(h, "二、") {
			t.Errorf("the program's heading %q uses the numbering of the secretary's own sections", h)
		}
	}
	if strings.Join(level2, "|") != "一、基本情况|二、主要成效" {
		t.Errorf("the summary's own sections print as %q, want headings inside the program's part", level2)
	}
}

// 撰稿人 prints the name the form holds, or a line to write it on.
func TestInfoReportAuthor(t *testing.T) {
	d, draft := withPhotos(t)
	call := forms.Default()
	for _, tc := range []struct{ author, want string }{
		{"", "撰稿人：" + layout.SignLine},
		{"  李明\n ", "撰稿人：李明"},
	} {
		d.Reports.Info.Author = tc.author
		var b bytes.Buffer
		if err := WritePDF(&b, forms.ItemReport, call, d, DraftPhotos(draft), generated); err != nil {
			t.Fatal(err)
		}
		if text := doctest.Squeeze(doctest.PDFText(t, b.Bytes())); !strings.Contains(text, doctest.Squeeze(tc.want)) {
			t.Errorf("author %q: no %q in the report", tc.author, tc.want)
		}
	}
}
