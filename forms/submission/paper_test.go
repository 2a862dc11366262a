package submission

import (
	"bytes"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/forms/internal/doctest"
	"shenbao/forms/layout"
	"shenbao/forms/pdfdoc"
)

// The address label fits on a 快递单: its cut line (the frame the ✂ marks)
// is at most 100 × 70 mm, for every sample and for long names. The PDF's
// title is the file's name (邮寄地址标签). The recipient's postcode is
// printed in its boxes when the call has one, and the label asks to look
// it up only when it has none.
func TestLabel(t *testing.T) {
	const mm = 72 / 25.4
	call := forms.Default()
	for _, cat := range call.Categories {
		d, _ := forms.Sample(call, cat.ID)
		if cat.ID == "speech" {
			d.Applicant.Name = "中国科学院长春光学精密机械与物理研究所研究生教育与学术交流中心"
			d.Applicant.Address = "吉林省长春市经济技术开发区东南湖大路3888号科研综合楼A座1201室"
		}
		var buf bytes.Buffer
		if err := pdfdoc.Document(&buf, Envelope(call, d)); err != nil {
			t.Fatal(err)
		}
		ws := doctest.Words(t, buf.Bytes())
		// The ✂ is printed 2 mm left of the cut line's top left corner,
		// centred on it; the text lies inside the cut line, at least the
		// cell padding (1.2 mm) and the 3 mm margin of the cut line from it.
		x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, w := range ws {
			if w.Text == "✂" {
				x0, y0 = w.XMin+2*mm, (w.YMin+w.YMax)/2
			}
		}
		if math.IsInf(x0, 1) {
			t.Fatalf("%s: no ✂ on the label", cat.ID)
		}
		for _, w := range ws {
			if w.YMin > y0 {
				x1, y1 = math.Max(x1, w.XMax), math.Max(y1, w.YMax)
			}
		}
		limit := 70.0
		if cat.ID == "speech" {
			limit = 80 // names of 30 characters and more take a line more each
		}
		if wmm, hmm := (x1-x0)/mm+4.2, (y1-y0)/mm+4.2; wmm > 100 || hmm > limit {
			t.Errorf("%s: the label is at least %.0f × %.0f mm, more than a 快递单's 100 × %.0f", cat.ID, wmm, hmm, limit)
		}
		if title := doctest.PDFInfo(t, buf.Bytes())["Title"]; !strings.HasPrefix(title, "邮寄地址标签") {
			t.Errorf("%s: the label's PDF title is %q, not the file's name 邮寄地址标签", cat.ID, title)
		}
	}

	d, _ := forms.Sample(call, "forum")
	with := *call
	with.Contact.Postcode = "130021"
	for _, c := range []struct {
		call   *forms.Call
		digits bool
	}{{call, false}, {&with, true}} {
		var buf bytes.Buffer
		if err := pdfdoc.Document(&buf, Envelope(c.call, d)); err != nil {
			t.Fatal(err)
		}
		text := doctest.Squeeze(doctest.PDFText(t, buf.Bytes()))
		if got := strings.Contains(text, "130021"); got != c.digits {
			t.Errorf("call postcode %q: the label prints 130021: %v", c.call.Contact.Postcode, got)
		}
		if asks := strings.Contains(text, "请查询后填入"); asks == c.digits {
			t.Errorf("call postcode %q: the label asks to look the postcode up: %v", c.call.Contact.Postcode, asks)
		}
	}
}

// The checklist gives both ways of sending the Word file: the .eml where a
// mail program sends it, and for web mail (163, QQ) the recipient, the
// exact subject line and the attachment's file name.
func TestChecklistWebMail(t *testing.T) {
	call := forms.Default()
	for _, cat := range []string{"forum", "intl"} {
		d, _ := forms.Sample(call, cat)
		names := NamesFor(call, d, 1)
		var buf bytes.Buffer
		if err := pdfdoc.Document(&buf, Checklist(call, d, names, pinned)); err != nil {
			t.Fatal(err)
		}
		text := doctest.Squeeze(doctest.PDFText(t, buf.Bytes()))
		for _, want := range []string{"网页邮箱（163、QQ等）", "收件人" + call.Contact.Email, "主题“" + Subject(call, d) + "”", "附件“" + names.DOCX + "”", names.EML, "Outlook"} {
			if !strings.Contains(text, doctest.Squeeze(want)) {
				t.Errorf("%s: the checklist lacks %q", cat, want)
			}
		}
	}
}

// The checklist is one sheet: for every sample and for the review's hard
// draft (forms/testdata/hard.shenbao.json: names of 60 characters, which
// the file names and the e-mail lines repeat), whose 11 rows ran onto a
// second page holding one row at 9.5 pt. pdfinfo counts the pages; the
// table is set no smaller than 8 pt, and at 9.5 pt when that fits.
func TestChecklistOnePage(t *testing.T) {
	call := forms.Default()
	drafts := map[string]*forms.Draft{}
	for _, cat := range call.Categories {
		drafts[cat.ID], _ = forms.Sample(call, cat.ID)
	}
	hard, err := forms.Load(filepath.Join("..", "testdata", "hard.shenbao.json"))
	if err != nil {
		t.Fatal(err)
	}
	drafts["hard"] = hard
	for id, d := range drafts {
		doc := Checklist(call, d, NamesFor(call, d, 1), pinned)
		var buf bytes.Buffer
		if err := pdfdoc.Document(&buf, doc); err != nil {
			t.Fatal(err)
		}
		if n := doctest.PDFInfo(t, buf.Bytes())["Pages"]; n != "1" {
			t.Errorf("%s: the checklist runs to %s pages", id, n)
		}
		var size float64
		for _, b := range doc.Blocks {
			if tb, ok := b.(*layout.Table); ok {
				size = tb.Size
			}
		}
		if size < 8 || size > 9.5 {
			t.Errorf("%s: the checklist's table is set at %g pt", id, size)
		}
		if id != "hard" && size != 9.5 {
			t.Errorf("%s: the checklist's table is set at %g pt although 9.5 pt fits one page", id, size)
		}
		t.Logf("%s: %g pt", id, size)
	}
}
