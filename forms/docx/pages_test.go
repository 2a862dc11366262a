package docx

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/forms/internal/doctest"
	"shenbao/forms/pdfdoc"
)

// pageStart is the first characters of a page's text (white space
// removed), what tells where a page break fell.
func pageStart(page string, n int) string {
	rs := []rune(doctest.Squeeze(page))
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
		for i := 0; i < min(len(got), len(want)); i++ {
			w, g := pageStart(want[i], 8), pageStart(got[i], 8)
			if w != g {
				t.Errorf("%s: page %d starts with %q in LibreOffice, %q in the PDF", id, i+1, g, w)
			}
		}
		if len(got) > 1 && strings.Contains(doctest.Squeeze(got[0]), "页共") {
			t.Errorf("%s: LibreOffice prints a page number on the cover", id)
		}
	}
}
