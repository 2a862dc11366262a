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

// twoDocCall is the 2024 call asking for two attachments instead of its
// 申报书: a theme application with a cover (adapted blocks), and a
// convener's recommendation form of the call's own, two paper copies, not
// e-mailed.
func twoDocCall(t *testing.T) *forms.Call {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "calls", "2024", forms.CallFileName))
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	s = s[:strings.Index(s, "\n[[documents]]")] + `
[[documents]]
id = "theme"
title = "附件1 主题申请表"
copies = 1
email = true
cover = true
footer_line = "{issuer} 制"
cover_omit = ["joint"]
  [[documents.sections]]
  block = "applicant"
  title = "一、申请单位"
  omit = ["honours", "annual_inspection_passed", "evaluation_taken", "graduate_training", "joint_applicants", "confidential"]
  labels = { name = "申请单位名称" }
  [[documents.sections]]
  block = "project"
  title = "二、主题"
  omit = ["requested_amount"]
  [[documents.sections]]
  block = "part"
  title = "三、{part_title}"
  [[documents.sections]]
  block = "opinions"
  title = "四、意见"
  blocks = [{ label = "申请单位意见", by = "applicant" }]

[[documents]]
id = "convener"
title = "附件2 召集人推荐表"
copies = 2
  [[documents.sections]]
  key = "convener"
  title = "召集人情况"
  fields = [
    { key = "name", label = "召集人姓名", kind = "text", required = true },
    { key = "born", label = "出生日期", kind = "date", half = true },
    { key = "title", label = "职称", kind = "text", half = true },
  ]
  [[documents.sections]]
  block = "opinions"
  title = "推荐意见"
  blocks = [{ label = "推荐单位意见", by = "other" }]
`
	c, err := forms.ParseCall("two.toml", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A call of two attachments prints two documents, each as declared, and
// the checklist, the label and the package follow them.
func TestTwoDeclaredDocuments(t *testing.T) {
	call := twoDocCall(t)
	d, err := forms.Sample(forms.EmbeddedCall(2024), "basic")
	if err != nil {
		t.Fatal(err)
	}
	d.EnsureSections(call)
	d.Sections["convener"].SetText("name", "王明远")
	d.Sections["convener"].SetDate("born", mustDate(t, "1975-03-02"))
	docs := layout.Documents(call, d, pinned)
	if len(docs) != 2 {
		t.Fatalf("%d documents", len(docs))
	}
	cv, ok := docs[0].Blocks[0].(*layout.Cover)
	if !ok || strings.Join(cv.Title, "|") != call.Title+"|附件1 主题申请表" || cv.NumberBox != "" || len(cv.Fields) != 7 {
		t.Fatalf("first document's cover: %+v", docs[0].Blocks[0])
	}
	one := strings.Join(docs[0].Texts(), "\n")
	for _, want := range []string{"一、申请单位", "申请单位名称", "三、基础研究专项内容", "申请单位意见", d.Applicant.Name} {
		if !strings.Contains(one, want) {
			t.Errorf("first document lacks %q", want)
		}
	}
	for _, not := range []string{"年检合格", "所获表彰", "申请省科协资助", "经费预算", "日程安排", "申报单位意见", "联合申报单位"} {
		if strings.Contains(one, not) {
			t.Errorf("first document prints %q, which the call does not ask", not)
		}
	}
	if _, ok := docs[1].Blocks[0].(*layout.Cover); ok {
		t.Error("the second document has a cover it does not declare")
	}
	two := strings.Join(docs[1].Texts(), "\n")
	for _, want := range []string{"召集人情况", "王明远", "1975年3月2日", "推荐单位意见", "（公章）"} {
		if !strings.Contains(two, want) {
			t.Errorf("second document lacks %q:\n%s", want, two)
		}
	}
	names := submission.NamesFor(call, d, 1)
	if len(names.Docs) != 2 || names.Docs[1].Copies != 2 || names.Docs[1].Email || !strings.HasPrefix(names.Docs[1].PDF, "附件2 召集人推荐表-") {
		t.Fatalf("names %+v", names.Docs)
	}
	var steps []string
	for _, s := range submission.Steps(call, d, names, pinned) {
		steps = append(steps, s.Detail)
	}
	text := strings.Join(steps, "\n")
	for _, want := range []string{"附件1 主题申请表“" + names.PDF + "”1份", "附件2 召集人推荐表“" + names.Docs[1].PDF + "”2份", "“附件1 主题申请表”的封面“申报单位（公章）”处", "在“申请单位意见”栏"} {
		if !strings.Contains(text, want) {
			t.Errorf("checklist lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, names.Docs[1].DOCX) {
		t.Errorf("the second document is not e-mailed:\n%s", text)
	}
	label := strings.Join(submission.Envelope(call, d).Texts(), "\n")
	if !strings.Contains(label, "附件1 主题申请表（纸质件1份）、附件2 召集人推荐表（纸质件2份）") {
		t.Errorf("label:\n%s", label)
	}
	res, err := submission.Build(t.TempDir(), call, d, pinned)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{names.Docs[1].PDF, names.Docs[1].DOCX} {
		b, err := os.ReadFile(res.Path(name))
		if err != nil || len(b) < 1000 {
			t.Errorf("%s: %v, %d bytes", name, err, len(b))
		}
	}
	attachments := func(res *submission.Result) int {
		b, err := os.ReadFile(res.Path(res.Names.EML))
		if err != nil {
			t.Fatal(err)
		}
		return strings.Count(string(b), "Content-Disposition: attachment")
	}
	if n := attachments(res); n != 1 {
		t.Errorf("e-mail draft has %d attachments, want the first document's only", n)
	}
	// the second document by e-mail too: attached, and the checklist says so
	call.Documents[1].Email = true
	names = submission.NamesFor(call, d, 1)
	mail := submission.Steps(call, d, names, pinned)
	if all := fmt.Sprint(mail); !strings.Contains(all, "“"+names.DOCX+"”、“"+names.Docs[1].DOCX+"”") {
		t.Errorf("checklist does not send both files:\n%s", all)
	}
	res, err = submission.Build(t.TempDir(), call, d, pinned)
	if err != nil {
		t.Fatal(err)
	}
	if n := attachments(res); n != 2 {
		t.Errorf("e-mail draft has %d attachments, want both documents'", n)
	}
}

func mustDate(t *testing.T, s string) forms.Date {
	t.Helper()
	d, err := forms.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
