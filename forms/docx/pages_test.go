package docx

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/forms/internal/doctest"
	"shenbao/forms/pdfdoc"
)

// continued is the label the PDF repeats at the top of a row continued
// from the page before ("项目简介（续）"); Word cannot repeat it.
var continued = regexp.MustCompile(`^[^（）]{1,12}（续）`)

// pageStart is the first characters of a page's text (white space
// removed, and a continued row's repeated label), what tells where a page
// break fell.
func pageStart(page string, n int) string {
	rs := []rune(continued.ReplaceAllString(doctest.Squeeze(page), ""))
	return string(rs[:min(n, len(rs))])
}

// With the serif faces installed (doctest maps 宋体, 黑体, Times New Roman
// and Arial to them, as a machine with the faces would), LibreOffice breaks
// the pages of every sample's .docx where the PDF does: as many pages, each
// starting with the same words. With SHENBAO_DUMP set to a folder, both
// PDFs of every sample are written there (docs/pages is made from them).
func TestPagesMatchPDF(t *testing.T) {
	t.Parallel()
	call := forms.Default()
	docs := map[string][]byte{}
	pdfs := map[string][]byte{}
	for _, cat := range call.Categories {
		_, d, data := sampleDocx(t, cat.ID)
		docs[cat.ID] = data
		var buf bytes.Buffer
		if err := pdfdoc.Application(&buf, call, d, generated); err != nil {
			t.Fatal(err)
		}
		pdfs[cat.ID] = buf.Bytes()
	}
	// And a draft with long names everywhere (the cover's bottom line must
	// not collide with its fields, nor the .docx run a page longer).
	d, _ := forms.Sample(call, "speech")
	d.Applicant.Name = "中国科学院长春光学精密机械与物理研究所研究生教育与学术交流中心"
	d.Applicant.Address = "吉林省长春市经济技术开发区东南湖大路3888号科研综合楼A座1201室"
	d.Project.Name = "第十五届吉林省研究生科技论文演讲比赛（工科分赛场）暨光学工程与智能制造青年学术论坛"
	d.Project.Organisers = "主办：吉林省科学技术协会；承办：中国科学院长春光学精密机械与物理研究所、吉林大学仪器科学与电气工程学院"
	d.Joint = []forms.Joint{{Name: "长白山保护开发区管理委员会科学技术协会", Type: "city_sat"}, {Name: "延边朝鲜族自治州科学技术协会", Type: "city_sat"}}
	for i := range d.Experts {
		d.Experts[i].Unit = "中国第一汽车集团有限公司研发总院智能网联开发院"
	}
	var db, pb bytes.Buffer
	if err := Application(&db, call, d, generated); err != nil {
		t.Fatal(err)
	}
	if err := pdfdoc.Application(&pb, call, d, generated); err != nil {
		t.Fatal(err)
	}
	docs["long-names"], pdfs["long-names"] = db.Bytes(), pb.Bytes()
	// And the review's hard draft (forms/testdata/hard.shenbao.json):
	// 60-character names, a 2,000-character summary, 30 agenda rows of
	// mixed Chinese and Latin.
	hard, err := forms.Load(filepath.Join("..", "testdata", "hard.shenbao.json"))
	if err != nil {
		t.Fatal(err)
	}
	var hdb, hpb bytes.Buffer
	if err := Application(&hdb, call, hard, generated); err != nil {
		t.Fatal(err)
	}
	if err := pdfdoc.Application(&hpb, call, hard, generated); err != nil {
		t.Fatal(err)
	}
	docs["hard"], pdfs["hard"] = hdb.Bytes(), hpb.Bytes()
	lo := doctest.DocxToPDFs(t, docs)
	dump := os.Getenv("SHENBAO_DUMP")
	for id, pdf := range pdfs {
		if dump != "" {
			_ = os.WriteFile(filepath.Join(dump, id+".pdf"), pdf, 0o644)
			_ = os.WriteFile(filepath.Join(dump, id+"-docx.pdf"), lo[id], 0o644)
			_ = os.WriteFile(filepath.Join(dump, id+".docx"), docs[id], 0o644)
		}
		want, got := doctest.Pages(t, pdf), doctest.Pages(t, lo[id])
		if len(got) != len(want) {
			t.Errorf("%s: LibreOffice lays the .docx out on %d pages, the PDF has %d", id, len(got), len(want))
		}
		// The hard draft: LibreOffice sets a little space between Chinese
		// and Latin text or digits whatever the paragraph says (the PDF and
		// Word set none), so its 2,000 characters of mixed summary take a
		// few lines more and the row splits lower: the pages after it may
		// start a few lines apart, two of them at most, same page count.
		differ := 0
		for i := 0; i < min(len(got), len(want)); i++ {
			w, g := pageStart(want[i], 8), pageStart(got[i], 8)
			if w == g {
				continue
			}
			differ++
			if id == "hard" && differ <= 2 {
				t.Logf("%s: page %d starts with %q in LibreOffice, %q in the PDF", id, i+1, g, w)
				continue
			}
			t.Errorf("%s: page %d starts with %q in LibreOffice, %q in the PDF", id, i+1, g, w)
		}
		if len(got) > 1 && strings.Contains(doctest.Squeeze(got[0]), "页共") {
			t.Errorf("%s: LibreOffice prints a page number on the cover", id)
		}
	}
}
