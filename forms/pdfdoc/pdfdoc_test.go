package pdfdoc

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
	"shenbao/forms/fonts"
	"shenbao/forms/internal/doctest"
	"shenbao/forms/layout"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// generated is the pinned clock of the tests.
var generated = time.Date(2024, 4, 10, 15, 4, 0, 0, time.UTC)

func render(t testing.TB, doc *layout.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Document(&buf, doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sample(t testing.TB, cat string) (*forms.Call, *forms.Draft) {
	t.Helper()
	call := forms.Default()
	d, err := forms.Sample(call, cat)
	if err != nil {
		t.Fatal(err)
	}
	return call, d
}

func samplePDF(t testing.TB, cat string) []byte {
	t.Helper()
	call, d := sample(t, cat)
	var buf bytes.Buffer
	if err := Application(&buf, call, d, generated); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var pageNumberLine = regexp.MustCompile(`^第 \d+ 页 共 \d+ 页$`)

// body leaves out what is repeated on every page (page number, fingerprint)
// and the given lines (repeated table headers), so that a text split by a
// page break reads on.
func body(text string, repeated ...string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.Trim(l, "\f")
		if pageNumberLine.MatchString(l) || strings.HasPrefix(l, "文档指纹") {
			continue
		}
		skip := false
		for _, r := range repeated {
			skip = skip || l == r
		}
		if !skip {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

var a4 = regexp.MustCompile(`^595(\.\d+)? x 84[12](\.\d+)? pts`)

// For every category's sample: every value the user typed is in the text
// pdftotext reads back, the fonts are embedded subsets, the page is A4, every
// page carries its number and the fingerprint.
func TestSamples(t *testing.T) {
	call := forms.Default()
	for _, cat := range call.Categories {
		t.Run(cat.ID, func(t *testing.T) {
			call, d := sample(t, cat.ID)
			pdf := samplePDF(t, cat.ID)
			text := doctest.PDFText(t, pdf)
			if miss := doctest.Missing(body(text), layout.PrintedTexts(call, d)); len(miss) > 0 {
				t.Errorf("not in the PDF: %s", strings.Join(miss, "; "))
			}
			for _, want := range []string{"项目申报书", "申报单位（公章）", "吉林省科学技术协会 制", "申报单位意见", "省科协审核意见", "负责人（签字）", forms.Capital(d.Budget.Total)} {
				if !strings.Contains(doctest.Squeeze(text), doctest.Squeeze(want)) {
					t.Errorf("%q is not in the PDF", want)
				}
			}
			info := doctest.PDFInfo(t, pdf)
			if !a4.MatchString(info["Page size"]) {
				t.Errorf("page size %q, want A4", info["Page size"])
			}
			if !strings.Contains(info["Title"], d.Project.Name) {
				t.Errorf("metadata title %q lacks the project name", info["Title"])
			}
			fs := doctest.PDFFonts(t, pdf)
			faces := map[string]bool{}
			for _, f := range fs {
				faces[f.Name] = true
			}
			// The serif body face and the bold heading face are embedded.
			for _, want := range []string{"SHBSER+NotoSerifSC-400Regular", "SHBBLD+NotoSerifSC-700Bold"} {
				if !faces[want] {
					t.Errorf("pdffonts lacks %s: %v", want, faces)
				}
			}
			for _, f := range fs {
				if !f.Embedded || !f.Subset || !f.HasToUnicode {
					t.Errorf("font %s: embedded %v, subset %v, ToUnicode %v; want all yes", f.Name, f.Embedded, f.Subset, f.HasToUnicode)
				}
			}
			pages := strings.Split(strings.TrimSuffix(text, "\f"), "\f")
			fp := doctest.Squeeze(forms.Fingerprint(d, generated))
			// The cover carries neither page number nor fingerprint; every
			// other page both, counted with the cover ("共 N 页" is the
			// number of sheets).
			for i, p := range pages {
				num := doctest.Squeeze(PageNumber(i+1, len(pages)))
				if i == 0 {
					if strings.Contains(doctest.Squeeze(p), "页共") || strings.Contains(doctest.Squeeze(p), fp) {
						t.Errorf("the cover carries a page number or the fingerprint:\n%s", p)
					}
					continue
				}
				if !strings.Contains(doctest.Squeeze(p), num) {
					t.Errorf("page %d lacks %q", i+1, PageNumber(i+1, len(pages)))
				}
				if !strings.Contains(doctest.Squeeze(p), fp) {
					t.Errorf("page %d lacks the fingerprint", i+1)
				}
			}
			// The opinion block is whole on one page (the joint applicants'
			// blocks, "联合申报单位意见", may be on the next).
			for _, p := range pages {
				sq := doctest.Squeeze(p)
				if strings.Contains(strings.ReplaceAll(sq, "联合申报单位意见", ""), "申报单位意见") && !strings.Contains(sq, doctest.Squeeze(d.Opinions.Applicant)) {
					t.Error("the applicant's opinion is split from its label")
				}
			}
		})
	}
}

// A 50,000-character project summary flows over several pages and nothing
// is cut: its last sentence is printed, and no printed line starts with
// closing punctuation.
func TestLongSummaryFlows(t *testing.T) {
	call, d := sample(t, "basic")
	var b strings.Builder
	for i := 0; b.Len() < 3*50000; i++ {
		b.WriteString("本项目围绕偏微分方程理论及其在工程计算中的应用开展学术交流，邀请国内外专家作报告（含“特邀报告”与专题研讨），")
		b.WriteString("形成会议论文摘要集。")
	}
	last := "最后一句：全部内容到此为止，一字不缺。"
	d.Project.Summary = string([]rune(b.String())[:50000-len([]rune(last))]) + last
	var buf bytes.Buffer
	if err := Application(&buf, call, d, generated); err != nil {
		t.Fatal(err)
	}
	text := doctest.PDFText(t, buf.Bytes())
	sq := doctest.Squeeze(body(text))
	if !strings.Contains(sq, doctest.Squeeze(last)) {
		t.Error("the last sentence of the summary is missing")
	}
	if n := strings.Count(sq, "形成会议论文摘要集。"); n < 400 {
		t.Errorf("only %d repetitions of the summary's sentence printed", n)
	}
	pages := strings.Count(strings.TrimSuffix(text, "\f"), "\f") + 1
	if pages <= 5 {
		t.Errorf("%d pages, want more than 5", pages)
	}
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if r := []rune(l); len(r) > 0 && NoStart(r[0]) {
			t.Errorf("line %d starts with closing punctuation: %q", i, l)
		}
	}
	if !strings.Contains(sq, doctest.Squeeze(d.Opinions.Applicant)) {
		t.Error("what follows the long summary is missing")
	}
}

// A table row taller than a page is split, and every page it continues on
// starts with the table's header row again.
func TestSplitRowRepeatsHeader(t *testing.T) {
	long := strings.Repeat("这一行很长，跨越好几页。", 800)
	doc := &layout.Document{Blocks: []layout.Block{
		&layout.Paragraph{Text: "表前文字"},
		&layout.Table{
			Widths: []float64{1, 3},
			Header: []layout.Row{{Cells: []layout.Cell{{Text: "表头甲", Label: true}, {Text: "表头乙", Label: true}}}},
			Rows:   []layout.Row{{Cells: []layout.Cell{{Text: "第一行"}, {Text: long + "尾句"}}}},
		},
	}}
	text := doctest.PDFText(t, render(t, doc))
	pages := strings.Split(strings.TrimSuffix(text, "\f"), "\f")
	if len(pages) < 3 {
		t.Fatalf("%d pages, want the row to continue over at least 3", len(pages))
	}
	for i, p := range pages {
		if !strings.Contains(p, "表头甲") || !strings.Contains(p, "表头乙") {
			t.Errorf("page %d lacks the repeated header row", i+1)
		}
	}
	if got := strings.Count(doctest.Squeeze(body(text, "表头甲 表头乙")), "跨越好几页。"); got != 800 {
		t.Errorf("%d of 800 sentences printed", got)
	}
	if !strings.Contains(pages[len(pages)-1], "尾句") {
		t.Error("the end of the row is not on the last page")
	}
}

// A keep-together group that does not fit below the text already on a page
// moves whole to the next page.
func TestKeepTogetherMovesWhole(t *testing.T) {
	filler := strings.Repeat("填充文字，", 380) // most of a page
	group := &layout.KeepTogether{Blocks: []layout.Block{
		&layout.Heading{Text: "组标题", Level: 1},
		&layout.Table{Widths: []float64{1, 4}, Rows: []layout.Row{{MinHeightMM: 60, Cells: []layout.Cell{{Text: "组内标签", Label: true}, {Text: "组内文字", Foot: []string{"组内签字"}}}}}},
	}}
	doc := &layout.Document{Blocks: []layout.Block{&layout.Paragraph{Text: filler}, group}}
	text := doctest.PDFText(t, render(t, doc))
	pages := strings.Split(strings.TrimSuffix(text, "\f"), "\f")
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2", len(pages))
	}
	for _, w := range []string{"组标题", "组内标签", "组内文字", "组内签字"} {
		if !strings.Contains(pages[1], w) {
			t.Errorf("%q is not on page 2 with the rest of its group", w)
		}
		if strings.Contains(pages[0], w) {
			t.Errorf("%q was left on page 1", w)
		}
	}
}

// A character no bundled font has is printed as a visible placeholder, not
// dropped; Latin and CJK in one line both print.
func TestUnprintableCharacterShowsPlaceholder(t *testing.T) {
	var missing rune
	for _, r := range []rune{0x2A6D6, 0x30000, 0xE000, 0x1F600} {
		if fonts.For(r) == nil {
			missing = r
			break
		}
	}
	if missing == 0 {
		t.Fatal("found no character that no bundled font has")
	}
	doc := &layout.Document{Blocks: []layout.Block{&layout.Paragraph{Text: "前" + string(missing) + "后 Hans Müller 2024"}}}
	text := doctest.Squeeze(doctest.PDFText(t, render(t, doc)))
	if !strings.Contains(text, "前"+string(Placeholder)+"后HansMüller2024") {
		t.Errorf("got %q, want the placeholder between 前 and 后 and the Latin text", text)
	}
}

// The same draft and clock give the same PDF bytes.
func TestDeterministic(t *testing.T) {
	a, b := samplePDF(t, "forum"), samplePDF(t, "forum")
	if !bytes.Equal(a, b) {
		t.Error("two renderings of the same draft differ")
	}
}

// The text of the annual sample, as pdftotext reads it, matches the golden
// file (go test ./forms/pdfdoc -update rewrites it after a deliberate change).
func TestGolden(t *testing.T) {
	for _, cat := range []string{"annual", "intl"} {
		got := doctest.PDFText(t, samplePDF(t, cat))
		path := filepath.Join("testdata", cat+".golden")
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./forms/pdfdoc -update to create it)", err)
		}
		if got != string(want) {
			t.Errorf("%s: pdftotext output differs from %s (run with -update after a deliberate change)\n--- got ---\n%s", cat, path, got)
		}
	}
}

func BenchmarkApplicationPDF(b *testing.B) {
	call, d := sample(b, "annual")
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := Application(&buf, call, d, generated); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/1024, "KB/pdf")
}

// BenchmarkFontParse is what parsing the bundled fonts for gopdf costs (paid
// once per process: the parsed fonts are shared by all documents).
func BenchmarkFontParse(b *testing.B) {
	if _, err := loadFonts(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for _, f := range faces() {
			if err := newContainer().AddTTFFontData(f.Name, f.Bytes); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// A new draft of every category, nothing filled in, renders without error.
func TestEmptyDrafts(t *testing.T) {
	call := forms.Default()
	for _, cat := range call.Categories {
		d := forms.NewDraft(call, cat.ID)
		var buf bytes.Buffer
		if err := Application(&buf, call, d, generated); err != nil {
			t.Errorf("%s: %v", cat.ID, err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
			t.Errorf("%s: not a PDF", cat.ID)
		}
	}
}
