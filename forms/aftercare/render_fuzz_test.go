package aftercare

import (
	"bytes"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
	"shenbao/forms/docx"
	"shenbao/forms/layout"
	"shenbao/forms/pdfdoc"
	"shenbao/forms/submission"
)

// hostile are strings that have broken text handling elsewhere: invalid
// UTF-8, controls, combining marks, bidi overrides, characters no bundled
// font has, XML and path metacharacters, very long words.
var hostile = []string{
	"", " ", "\x00\x01\x7f", "\xff\xfe\xc3", "a\u0301\u0302\u0303", "\u202eabc\u202c", "𠀀𪚥🀄️",
	"<w:t>&amp;</w:t>]]>", "../../../etc/passwd", "C:\\CON\\AUX", "\r\n\r\n\t\t",
	strings.Repeat("长", 300), strings.Repeat("W", 400), "（）「」。，、",
}

// extreme are amounts at and beyond every limit an int64 has.
var extreme = []int64{0, -1, 1, forms.MaxAmount, forms.MaxAmount + 1, 1e16, -1e16, math.MaxInt64, math.MinInt64, math.MinInt64 + 1}

// fuzzDraft puts s and n into many fields of a complete selected sample.
func fuzzDraft(tb testing.TB, cat string, s string, n int64, pick uint8) *forms.Draft {
	d, err := forms.Sample(forms.Default(), cat)
	if err != nil {
		tb.Fatal(err)
	}
	FillSample(forms.Default(), d)
	if pick&1 != 0 {
		d.Project.Name, d.Applicant.Name = s, s
	}
	if pick&2 != 0 {
		d.Project.Summary, d.Project.Theme, d.Opinions.Applicant = s, s, s
	}
	if pick&4 != 0 && len(d.Experts) > 0 {
		d.Experts[0].Name, d.Experts[0].Title = s, s
	}
	if pick&8 != 0 {
		d.Reports.Info.Title, d.Reports.Info.Text, d.Reports.Summary, d.Reports.Review = s, s, s, s
		d.Reports.Accounts.Lines[0].Item, d.Reports.Accounts.Note = s, s
	}
	if pick&16 != 0 {
		d.Budget.Lines[0].Item, d.Budget.Lines[0].Basis = s, s
		d.Confidential, d.ConfidentialNote = true, s
	}
	d.Project.RequestedAmount = n
	d.Budget.Total, d.Budget.Provincial = n, n
	d.Budget.Lines[0].Amount = n
	d.Reports.Accounts.Lines[0].Spent = n
	d.Reports.Accounts.Lines[len(d.Reports.Accounts.Lines)-1].Budgeted = n
	d.Reports.Accounts.Provincial = n
	if pick&32 != 0 {
		d.Project.Participants, d.Project.Papers = int(n), int(n)
	}
	return d
}

var fuzzGenerated = time.Date(2024, 4, 10, 9, 30, 0, 0, time.UTC)

// documentCount is the number of documents layout builds.
var documentCount = 3 + len(ReportKinds)

// layout builds document i (0 ≤ i < documentCount) of d: the application,
// the checklist and envelope label of the submission package, then the
// after-event reports. It returns nil for the information report when the
// draft's photos cannot be loaded (an error, not a crash).
func layoutOf(t testing.TB, d *forms.Draft, i int) *layout.Document {
	call := forms.Default()
	switch i {
	case 0:
		return layout.Application(call, d, fuzzGenerated)
	case 1:
		return submission.Checklist(call, d, submission.NamesFor(call, d, 0), fuzzGenerated)
	case 2:
		return submission.Envelope(call, d)
	}
	kind := ReportKinds[i-3]
	noPhotos := func(forms.Photo) ([]byte, error) { return nil, io.ErrUnexpectedEOF }
	doc, err := Report(kind, call, d, noPhotos, fuzzGenerated)
	if err != nil {
		if kind == forms.ItemReport && len(d.Reports.Info.Photos) > 0 {
			return nil
		}
		t.Fatalf("%s: %v", kind, err)
	}
	return doc
}

// layouts builds every document the program writes for d.
func layouts(t testing.TB, d *forms.Draft) []*layout.Document {
	var docs []*layout.Document
	for i := range documentCount {
		if doc := layoutOf(t, d, i); doc != nil {
			docs = append(docs, doc)
		}
	}
	return docs
}

// render writes doc as a Word file, and as PDF when withPDF.
func render(t testing.TB, doc *layout.Document, withPDF bool) {
	var buf bytes.Buffer
	if err := docx.Document(&buf, doc); err != nil {
		t.Fatalf("docx %s: %v", doc.Title, err)
	}
	if buf.Len() == 0 {
		t.Fatalf("docx %s: empty", doc.Title)
	}
	if withPDF {
		buf.Reset()
		if err := pdfdoc.Document(&buf, doc); err != nil {
			t.Fatalf("pdf %s: %v", doc.Title, err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
			t.Fatalf("pdf %s: not a PDF", doc.Title)
		}
	}
}

// renderAll renders every document of d as Word file, and as PDF when
// withPDF.
func renderAll(t testing.TB, d *forms.Draft, withPDF bool) {
	for _, doc := range layouts(t, d) {
		render(t, doc, withPDF)
	}
}

// TestRenderExtremes renders every document with every extreme amount and
// every hostile string, PDFs included: no panic, and every writer returns a
// document. An amount of 10¹⁶ used to panic in forms.Capital.
func TestRenderExtremes(t *testing.T) {
	for i, n := range extreme {
		s := hostile[i%len(hostile)]
		renderAll(t, fuzzDraft(t, []string{"annual", "forum", "speech", "basic", "intl"}[i%5], s, n, 0xff), i < 3 || n == 1e16 || n == math.MinInt64)
	}
	for i, s := range hostile {
		renderAll(t, fuzzDraft(t, "speech", s, extreme[i%len(extreme)], uint8(i)|8), false)
	}
}

// FuzzDocuments puts arbitrary text and amounts into the fields of a
// selected sample and builds one of its documents, chosen by the input, as
// the layout the writers print (where amounts and texts are formatted: an
// amount of 10¹⁶ used to panic in forms.Capital there). About 0.1 ms per
// input, so it runs at over 1,000 inputs per second (docs/benchmarks.md).
func FuzzDocuments(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, cat uint8, s string, n int64, pick uint8, which uint16) {
		d := fuzzDraft(t, fuzzCats[int(cat)%len(fuzzCats)], s, n, pick)
		layoutOf(t, d, int(which)%documentCount)
	})
}

// FuzzWriters is FuzzDocuments with the document also written as a Word
// file and as PDF. The writers take about 4 and 26 ms per document (zip
// compression, font subsets embedded per PDF), so this target runs at tens
// of inputs per second, not thousands.
func FuzzWriters(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, cat uint8, s string, n int64, pick uint8, which uint16) {
		d := fuzzDraft(t, fuzzCats[int(cat)%len(fuzzCats)], s, n, pick)
		if doc := layoutOf(t, d, int(which)%documentCount); doc != nil {
			render(t, doc, true)
		}
	})
}

var fuzzCats = []string{"annual", "forum", "speech", "basic", "intl"}

func addSeeds(f *testing.F) {
	for i, s := range hostile {
		f.Add(uint8(i), s, extreme[i%len(extreme)], uint8(i*37), uint16(i*13))
	}
}
