package submission_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/forms/aftercare"
	"shenbao/forms/docx"
	"shenbao/forms/layout"
	"shenbao/forms/pdfdoc"
	"shenbao/forms/submission"
)

var (
	golden = submission.Golden
	pinned = submission.Pinned
)

// goldenCalls are the calls whose samples' printed text is pinned: the
// shipped 2024 call and the realistic test call of another year.
func goldenCalls(t *testing.T) map[string]*forms.Call {
	t.Helper()
	c25, err := forms.LoadCallFile(filepath.Join("..", "testdata", "call-2025", forms.CallFileName))
	if err != nil {
		t.Fatal(err)
	}
	c24 := forms.EmbeddedCall(2024)
	if c24 == nil {
		t.Fatal("no embedded 2024 call")
	}
	return map[string]*forms.Call{"2024": c24, "2025": c25}
}

// dumpDoc writes a document's model as text, block by block: what every
// page prints, in order, with the tables' rows and cells (label cells in
// 【】, a cell's foot lines after "⏎"), independent of the writers' line
// breaking and pagination.
func dumpDoc(w io.Writer, doc *layout.Document) {
	fmt.Fprintf(w, "=== %s\n", doc.Title)
	var walk func(bs []layout.Block, ind string)
	walk = func(bs []layout.Block, ind string) {
		for _, b := range bs {
			switch b := b.(type) {
			case *layout.Cover:
				fmt.Fprintf(w, "%s[封面] 编号框=%q\n", ind, b.NumberBox)
				for _, l := range b.Title {
					fmt.Fprintf(w, "%s  标题 %s\n", ind, l)
				}
				for _, f := range b.Fields {
					seal := ""
					if f.SealMM > 0 {
						seal = fmt.Sprintf(" (公章 %gmm)", f.SealMM)
					}
					fmt.Fprintf(w, "%s  %s：%q%s\n", ind, f.Label, f.Value, seal)
				}
				for _, l := range b.Bottom {
					fmt.Fprintf(w, "%s  底部 %s\n", ind, l)
				}
			case *layout.Heading:
				fmt.Fprintf(w, "%s%s %s\n", ind, strings.Repeat("#", b.Level), b.Text)
			case *layout.Paragraph:
				fmt.Fprintf(w, "%s¶ %q\n", ind, b.Text)
			case *layout.Table:
				fmt.Fprintf(w, "%s[表 %v]\n", ind, b.Widths)
				for _, rs := range [][]layout.Row{b.Header, b.Rows} {
					for _, r := range rs {
						var cells []string
						for _, c := range r.Cells {
							s := fmt.Sprintf("%q", c.Text)
							if c.Label {
								s = "【" + c.Text + "】"
							}
							if c.SpanOf() > 1 {
								s += fmt.Sprintf("×%d", c.SpanOf())
							}
							if len(c.Foot) > 0 {
								s += "⏎" + strings.Join(c.Foot, "⏎")
							}
							cells = append(cells, s)
						}
						fmt.Fprintf(w, "%s  | %s |\n", ind, strings.Join(cells, " | "))
					}
				}
			case *layout.KeepTogether:
				fmt.Fprintf(w, "%s{\n", ind)
				walk(b.Blocks, ind+"  ")
				fmt.Fprintf(w, "%s}\n", ind)
			case *layout.PageBreak:
				fmt.Fprintf(w, "%s[分页]\n", ind)
			case *layout.Spacer:
			}
		}
	}
	walk(doc.Blocks, "")
	fmt.Fprintf(w, "页脚 %q\n", doc.Footer)
}

var (
	docxParaRe = regexp.MustCompile(`</w:p>`)
	docxTextRe = regexp.MustCompile(`<w:t(?: [^>]*)?>([^<]*)</w:t>`)
	docxTagRe  = regexp.MustCompile(`<[^>]+>`)
)

// docxText is the text of a .docx's body, a paragraph a line.
func docxText(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	x, _ := io.ReadAll(f)
	var out strings.Builder
	for _, p := range docxParaRe.Split(string(x), -1) {
		var line strings.Builder
		for _, m := range docxTextRe.FindAllStringSubmatch(p, -1) {
			line.WriteString(m[1])
		}
		if s := strings.TrimSpace(docxTagRe.ReplaceAllString(line.String(), "")); s != "" {
			out.WriteString(s)
			out.WriteByte('\n')
		}
	}
	return out.String()
}

// TestGoldenPrintedText pins, for every sample of the shipped 2024 call and
// of the 2025 test call, the text of every printed document as the layout
// model holds it: the application (项目申报书), the checklist, the envelope
// label and the after-event reports of the filled sample, and the text of
// the application's .docx. The clock is pinned. Run with -update to
// rewrite the files in testdata/printed after a meant change, and review
// the diff.
func TestGoldenPrintedText(t *testing.T) {
	for year, call := range goldenCalls(t) {
		for _, cat := range call.Categories {
			d, err := forms.Sample(call, cat.ID)
			if err != nil {
				t.Fatal(err)
			}
			base := filepath.Join("printed", year+"-"+cat.ID)
			var buf bytes.Buffer
			dumpDoc(&buf, layout.Application(call, d, pinned))
			golden(t, base+"-application.txt", buf.Bytes())

			buf.Reset()
			names := submission.NamesFor(call, d, 1)
			dumpDoc(&buf, submission.Checklist(call, d, names, pinned))
			dumpDoc(&buf, submission.Envelope(call, d))
			golden(t, base+"-checklist-label.txt", buf.Bytes())

			buf.Reset()
			if err := docx.Application(&buf, call, d, pinned); err != nil {
				t.Fatal(err)
			}
			golden(t, base+"-application-docx.txt", []byte(docxText(t, buf.Bytes())))

			buf.Reset()
			aftercare.FillSample(call, d)
			for _, kind := range aftercare.ReportKinds {
				if !forms.HasAfterItem(call, d, kind) {
					continue
				}
				doc, err := aftercare.Report(kind, call, d, nil, pinned)
				if err != nil {
					t.Fatal(err)
				}
				dumpDoc(&buf, doc)
			}
			golden(t, base+"-reports.txt", buf.Bytes())
		}
	}
}

// TestGoldenPDFPages pins the text of every page of one sample's printed
// application as read back from the PDF by pdftotext (pages separated by a
// form feed), where pdftotext is installed.
func TestGoldenPDFPages(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	call := forms.EmbeddedCall(2024)
	d, err := forms.Sample(call, "annual")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pdf := filepath.Join(dir, "a.pdf")
	var buf bytes.Buffer
	if err := pdfdoc.Application(&buf, call, d, pinned); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pdf, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimRight(string(out), "\f\n"), "\f")
	if len(pages) < 3 {
		t.Fatalf("%d pages read back, want the cover and the parts", len(pages))
	}
	var got strings.Builder
	for i, p := range pages {
		fmt.Fprintf(&got, "--- 第%d页\n%s\n", i+1, strings.TrimSpace(p))
	}
	golden(t, filepath.Join("printed", "2024-annual-application-pdf.txt"), []byte(got.String()))
}
