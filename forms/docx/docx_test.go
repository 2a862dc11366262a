package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
	"shenbao/forms/internal/doctest"
	"shenbao/forms/layout"
	"shenbao/forms/pdfdoc"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var generated = time.Date(2024, 4, 10, 15, 4, 0, 0, time.UTC)

func sampleDocx(t testing.TB, cat string) (*forms.Call, *forms.Draft, []byte) {
	t.Helper()
	call := forms.Default()
	d, err := forms.Sample(call, cat)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Application(&buf, call, d, generated); err != nil {
		t.Fatal(err)
	}
	return call, d, buf.Bytes()
}

// parts reads every part of a .docx, failing on a bad zip or a part that is
// not well-formed XML.
func parts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	out := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
			}
		}
		out[f.Name] = string(b)
	}
	for _, p := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/footer1.xml", "docProps/core.xml"} {
		if _, ok := out[p]; !ok {
			t.Errorf("part %s missing", p)
		}
	}
	return out
}

// xmlRun is a w:r element with the properties the test looks at.
type xmlRun struct {
	Fonts *struct {
		EastAsia string `xml:"eastAsia,attr"`
		ASCII    string `xml:"ascii,attr"`
		HAnsi    string `xml:"hAnsi,attr"`
	} `xml:"rPr>rFonts"`
	Text []string `xml:"t"`
}

// xmlPara is a w:p element: its style and runs.
type xmlPara struct {
	Style *struct {
		Val string `xml:"val,attr"`
	} `xml:"pPr>pStyle"`
	Runs []xmlRun `xml:"r"`
}

// parasOf collects every w:p of a part.
func parasOf(t *testing.T, part string) []xmlPara {
	t.Helper()
	var out []xmlPara
	dec := xml.NewDecoder(strings.NewReader(part))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "p" {
			var p xmlPara
			if err := dec.DecodeElement(&p, &se); err != nil {
				t.Fatal(err)
			}
			out = append(out, p)
		}
	}
}

// styleFonts is the East Asian font each paragraph style of styles.xml
// names, by style ID.
func styleFonts(t *testing.T, part string) map[string]string {
	t.Helper()
	var doc struct {
		Styles []struct {
			ID    string `xml:"styleId,attr"`
			Fonts *struct {
				EastAsia string `xml:"eastAsia,attr"`
				ASCII    string `xml:"ascii,attr"`
			} `xml:"rPr>rFonts"`
		} `xml:"style"`
	}
	if err := xml.Unmarshal([]byte(part), &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, s := range doc.Styles {
		if s.Fonts != nil && s.Fonts.ASCII != "" {
			out[s.ID] = s.Fonts.EastAsia
		}
	}
	return out
}

// The .docx is a valid package: East Asian (and Latin) fonts named on every
// run, or by the paragraph style the run is in, A4 with the PDF's margins,
// spans and repeating header rows, the footer with PAGE and NUMPAGES fields
// and the fingerprint, the title.
func TestPackage(t *testing.T) {
	_, d, data := sampleDocx(t, "annual")
	ps := parts(t, data)
	doc := ps["word/document.xml"]
	fonts := styleFonts(t, ps["word/styles.xml"])
	for _, part := range []string{"word/document.xml", "word/footer1.xml"} {
		n := 0
		for _, p := range parasOf(t, ps[part]) {
			for i, r := range p.Runs {
				n++
				if p.Style != nil && (r.Fonts == nil || r.Fonts.EastAsia == "") {
					// The style names the fonts.
					if f, ok := fonts[p.Style.Val]; !ok || f != BodyFontEastAsia {
						t.Errorf("%s run %d (%q) in style %q: the style names eastAsia font %q", part, i, r.Text, p.Style.Val, f)
					}
					continue
				}
				if r.Fonts == nil || r.Fonts.EastAsia == "" || r.Fonts.ASCII == "" || r.Fonts.HAnsi == "" {
					t.Errorf("%s run %d (%q) has no eastAsia/ascii/hAnsi font and no style", part, i, r.Text)
				} else if r.Fonts.EastAsia != BodyFontEastAsia {
					t.Errorf("%s run %d: eastAsia font %q", part, i, r.Fonts.EastAsia)
				}
			}
		}
		if n < 50 && part == "word/document.xml" {
			t.Fatalf("%s has only %d runs", part, n)
		}
	}
	for _, want := range []string{
		`<w:pgSz w:w="11906" w:h="16838"/>`,
		`w:left="1587"`, `w:right="1134"`,
		`<w:gridSpan w:val="3"/>`, `<w:tblHeader/>`, `<w:cantSplit/>`,
		`w:eastAsia="宋体"`, `<w:pStyle w:val="Heading1"/>`, `<w:pStyle w:val="TableText"/>`,
		`<w:footerReference w:type="default" r:id="rIdFooter1"/>`,
		// The cover has its own, empty footer: no page number, no fingerprint.
		`<w:footerReference w:type="first" r:id="rIdFooter2"/>`, `<w:titlePg/>`,
		// Lines exactly as high as the PDF's; centred cells (justified
		// body text is the style's: TestStyles).
		`w:line="315" w:lineRule="exact"`, `<w:vAlign w:val="center"/>`,
		// No extra space between Chinese and Latin text, no compressed punctuation.
		`<w:autoSpaceDE w:val="0"/>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if strings.Contains(ps["word/footer2.xml"], "PAGE") || strings.Contains(ps["word/footer2.xml"], "文档指纹") {
		t.Error("the cover's footer is not empty")
	}
	if !strings.Contains(ps["word/settings.xml"], `w:characterSpacingControl w:val="doNotCompress"`) {
		t.Error("settings.xml lets Word compress punctuation (the PDF does not)")
	}
	foot := ps["word/footer1.xml"]
	for _, want := range []string{"> PAGE <", "> NUMPAGES <", `w:fldCharType="begin"`, forms.Fingerprint(d, generated)} {
		if !strings.Contains(foot, want) {
			t.Errorf("footer lacks %q", want)
		}
	}
	if !strings.Contains(ps["docProps/core.xml"], d.Project.Name) {
		t.Error("the title in docProps/core.xml lacks the project name")
	}
}

var tag = regexp.MustCompile(`<[^>]*>`)

// plain is the text of document.xml, paragraph by paragraph.
func plain(doc string) string {
	doc = strings.ReplaceAll(doc, "</w:p>", "\n")
	doc = strings.ReplaceAll(doc, "<w:br/>", "\n")
	s := tag.ReplaceAllString(doc, "")
	r := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&#34;", `"`, "&#39;", "'", "&#xA;", "\n", "&#x9;", "\t")
	return r.Replace(s)
}

// The .docx holds the layout's texts in the layout's order, as the PDF does.
func TestSameContentAndOrderAsLayout(t *testing.T) {
	call, d, data := sampleDocx(t, "speech")
	text := doctest.Squeeze(plain(parts(t, data)["word/document.xml"]))
	at := 0
	for _, s := range layout.Application(call, d, generated).Texts() {
		s = doctest.Squeeze(s)
		if s == "" {
			continue
		}
		i := strings.Index(text[at:], s)
		if i < 0 {
			t.Fatalf("%q is missing or out of order in document.xml (after byte %d)", s, at)
		}
		at += i + len(s)
	}
}

// For every category's sample, LibreOffice opens the .docx (no repair: the
// conversion succeeds) and its text holds every value the user typed.
func TestSamplesInLibreOffice(t *testing.T) {
	t.Parallel()
	call := forms.Default()
	docs := map[string][]byte{}
	drafts := map[string]*forms.Draft{}
	for _, cat := range call.Categories {
		_, d, data := sampleDocx(t, cat.ID)
		docs[cat.ID], drafts[cat.ID] = data, d
	}
	texts := doctest.DocxTexts(t, docs)
	for id, text := range texts {
		if miss := doctest.Missing(text, layout.PrintedTexts(call, drafts[id])); len(miss) > 0 {
			t.Errorf("%s: not in LibreOffice's text: %s", id, strings.Join(miss, "; "))
		}
		for _, want := range []string{"项目申报书", "申报单位（公章）", "省科协审核意见", forms.Capital(drafts[id].Budget.Total)} {
			if !strings.Contains(doctest.Squeeze(text), doctest.Squeeze(want)) {
				t.Errorf("%s: %q not in LibreOffice's text", id, want)
			}
		}
	}
}

// LibreOffice lays the .docx out on A4 and prints the page numbers and the
// fingerprint in the footer; a long text flows over pages and is all there.
func TestLibreOfficePDF(t *testing.T) {
	t.Parallel()
	call := forms.Default()
	d, err := forms.Sample(call, "intl")
	if err != nil {
		t.Fatal(err)
	}
	// A 50,000-character summary flows over many pages in Word too.
	last := "最后一句：全部内容到此为止，一字不缺。"
	d.Project.Summary = strings.Repeat("邀请国外知名院士、专家作特邀报告（含“主旨报告”），开展交流研讨。", 50000/32) + last
	var buf bytes.Buffer
	if err := Application(&buf, call, d, generated); err != nil {
		t.Fatal(err)
	}
	pdf := doctest.DocxToPDF(t, buf.Bytes())
	info := doctest.PDFInfo(t, pdf)
	if !regexp.MustCompile(`^595(\.\d+)? x 84[12](\.\d+)? pts`).MatchString(info["Page size"]) {
		t.Errorf("LibreOffice's page size %q, want A4", info["Page size"])
	}
	text := doctest.Squeeze(doctest.PDFText(t, pdf))
	n := info["Pages"]
	if pages, _ := strconv.Atoi(n); pages <= 5 {
		t.Errorf("LibreOffice lays the long summary out on %s pages, want more than 5", n)
	}
	for _, want := range []string{"第2页共" + n + "页", "第" + n + "页共" + n + "页", doctest.Squeeze(forms.Fingerprint(d, generated)), "HansMüller", doctest.Squeeze(last)} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice's PDF lacks %q", want)
		}
	}
}

// The text of document.xml for the annual sample matches the golden file
// (go test ./forms/docx -update rewrites it after a deliberate change).
func TestGolden(t *testing.T) {
	_, _, data := sampleDocx(t, "annual")
	got := plain(parts(t, data)["word/document.xml"])
	path := filepath.Join("testdata", "annual.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./forms/docx -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("document.xml text differs from %s (run with -update after a deliberate change)\n--- got ---\n%s", path, got)
	}
}

// Characters XML cannot hold do not break the file.
func TestControlCharacters(t *testing.T) {
	doc := &layout.Document{Title: "a\x01b", Blocks: []layout.Block{&layout.Paragraph{Text: "前\x00\x0b后 <&>"}}}
	var buf bytes.Buffer
	if err := Document(&buf, doc); err != nil {
		t.Fatal(err)
	}
	ps := parts(t, buf.Bytes())
	if !strings.Contains(plain(ps["word/document.xml"]), "<&>") {
		t.Error("escaped text lost")
	}
}

func BenchmarkApplicationDocx(b *testing.B) {
	call := forms.Default()
	d, _ := forms.Sample(call, "annual")
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := Application(&buf, call, d, generated); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/1024, "KB/docx")
}

// A new draft of every category, nothing filled in, gives a valid package.
func TestEmptyDrafts(t *testing.T) {
	call := forms.Default()
	for _, cat := range call.Categories {
		var buf bytes.Buffer
		if err := Application(&buf, call, forms.NewDraft(call, cat.ID), generated); err != nil {
			t.Fatalf("%s: %v", cat.ID, err)
		}
		parts(t, buf.Bytes())
	}
}

// docStyle is a paragraph style of styles.xml as the test reads it.
type docStyle struct {
	ID   string `xml:"styleId,attr"`
	Name struct {
		Val string `xml:"val,attr"`
	} `xml:"name"`
	Bold *struct{} `xml:"rPr>b"`
	Font *struct {
		EastAsia string `xml:"eastAsia,attr"`
		ASCII    string `xml:"ascii,attr"`
	} `xml:"rPr>rFonts"`
	Size *struct {
		Val int `xml:"val,attr"`
	} `xml:"rPr>sz"`
	Jc *struct {
		Val string `xml:"val,attr"`
	} `xml:"pPr>jc"`
}

// The .docx is a Word document a secretary can restyle: headings in the
// built-in heading styles (标题 1, 标题 2: bold, in the serif), body text in
// Normal (正文, justified), table text in 表格文字 (left-aligned); the runs
// in them carry no font, so changing a style changes the text. The footer's
// NUMPAGES holds the PDF's page count (a reader that does not update
// fields shows it), and so does docProps/app.xml.
func TestStyles(t *testing.T) {
	for _, cat := range []string{"annual", "intl"} {
		call, d, data := sampleDocx(t, cat)
		ps := parts(t, data)
		var sx struct {
			Styles []docStyle `xml:"style"`
		}
		if err := xml.Unmarshal([]byte(ps["word/styles.xml"]), &sx); err != nil {
			t.Fatal(err)
		}
		byID := map[string]docStyle{}
		for _, s := range sx.Styles {
			byID[s.ID] = s
		}
		for id, want := range map[string]struct {
			name  string
			bold  bool
			size  int
			align string
		}{
			"Normal":    {"Normal", false, 21, "both"},
			"Heading1":  {"heading 1", true, 28, "both"},
			"Heading2":  {"heading 2", true, 24, "both"},
			"TableText": {"表格文字", false, 21, "left"},
		} {
			s, ok := byID[id]
			switch {
			case !ok:
				t.Errorf("%s: no style %s", cat, id)
			case s.Name.Val != want.name || (s.Bold != nil) != want.bold || s.Size == nil || s.Size.Val != want.size || s.Jc == nil || s.Jc.Val != want.align:
				t.Errorf("%s: style %s = %+v, want %+v", cat, id, s, want)
			case s.Font == nil || s.Font.EastAsia != BodyFontEastAsia || s.Font.ASCII != LatinFont:
				t.Errorf("%s: style %s is not in the serif (%+v)", cat, id, s.Font)
			}
		}
		counts := map[string]int{}
		for _, p := range parasOf(t, ps["word/document.xml"]) {
			if p.Style == nil {
				continue
			}
			counts[p.Style.Val]++
			for _, r := range p.Runs {
				if r.Fonts != nil {
					t.Errorf("%s: a run in style %s names its own font (%q)", cat, p.Style.Val, r.Text)
				}
			}
		}
		if counts["Heading1"] < 5 || counts["TableText"] < 20 {
			t.Errorf("%s: paragraphs per style %v: headings or table text not styled", cat, counts)
		}
		if strings.Contains(ps["word/document.xml"], `<w:jc w:val="both"/>`) {
			t.Errorf("%s: a paragraph is justified by hand rather than by its style", cat)
		}
		// NUMPAGES cached as the PDF's page count.
		var pdf bytes.Buffer
		if err := pdfdoc.Application(&pdf, call, d, generated); err != nil {
			t.Fatal(err)
		}
		n := len(doctest.Pages(t, pdf.Bytes()))
		num := regexp.MustCompile(`NUMPAGES </w:instrText></w:r><w:r>.*?<w:t>(\d+)</w:t>`).FindStringSubmatch(ps["word/footer1.xml"])
		if num == nil || num[1] != strconv.Itoa(n) {
			t.Errorf("%s: NUMPAGES cached as %v, the PDF has %d pages", cat, num, n)
		}
		if !strings.Contains(ps["docProps/app.xml"], "<Pages>"+strconv.Itoa(n)+"</Pages>") {
			t.Errorf("%s: docProps/app.xml lacks <Pages>%d</Pages>", cat, n)
		}
	}
}
