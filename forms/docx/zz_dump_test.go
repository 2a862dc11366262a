package docx

import (
	"bytes"
	"os"
	"testing"

	"shenbao/forms"
)

func TestZZDump(t *testing.T) {
	d, err := forms.Load("../testdata/hard.shenbao.json")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Application(&b, forms.Default(), d, generated); err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/paper-dump/hard.docx", b.Bytes(), 0o644)
}
