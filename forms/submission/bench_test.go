package submission

import (
	"bytes"
	"io"
	"path/filepath"
	"strconv"
	"testing"

	"shenbao/forms"
)

// BenchmarkBuild measures one whole package of the forum sample: both
// application documents, checklist, envelope, e-mail, folder and zip.
func BenchmarkBuild(b *testing.B) {
	call := forms.Default()
	d, _ := forms.Sample(call, "forum")
	dir := b.TempDir()
	if _, err := Build(filepath.Join(dir, "warm"), call, d, pinned); err != nil { // fonts parsed once
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Build(filepath.Join(dir, strconv.Itoa(i)), call, d, pinned); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPackagingOnly measures what this package adds to the writers:
// the e-mail and the zip of already rendered documents.
func BenchmarkPackagingOnly(b *testing.B) {
	call := forms.Default()
	d, _ := forms.Sample(call, "forum")
	res, err := Build(b.TempDir(), call, d, pinned)
	if err != nil {
		b.Fatal(err)
	}
	var files []File
	for _, p := range res.Files {
		files = append(files, File{Name: filepath.Base(p), Data: mustRead(b, p)})
	}
	docx := mustRead(b, res.Path(res.Names.DOCX))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var eml bytes.Buffer
		if err := WriteEML(&eml, NewMail(call, d, res.Names.DOCX, docx, pinned)); err != nil {
			b.Fatal(err)
		}
		if err := WriteZip(io.Discard, res.Names.Dir, files, pinned); err != nil {
			b.Fatal(err)
		}
	}
}
