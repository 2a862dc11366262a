package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"shenbao/forms"
)

// docs/fields-2024.md is `shenbao fields` for the shipped call: the
// documentation of the categories' parts follows their declaration, and
// this test fails when one changes without the other (regenerate with
// `go run . fields > docs/fields-2024.md`).
func TestFieldsDocIsGenerated(t *testing.T) {
	var b bytes.Buffer
	WriteFields(&b, forms.Default())
	doc, err := os.ReadFile("../../docs/fields-2024.md")
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(doc) {
		t.Errorf("docs/fields-2024.md is not what `shenbao fields` prints; regenerate it")
	}
	// every declared field of every category is in it
	for _, cat := range forms.Default().Categories {
		for _, fd := range cat.Part.Fields {
			if !strings.Contains(b.String(), "`"+fd.Key+"`") {
				t.Errorf("%s.%s missing", cat.ID, fd.Key)
			}
		}
	}
	code, out, _ := runAt(t, applyDay2025, "--call", testCall, "fields")
	if code != ExitOK || !strings.Contains(out, "第一届吉林省青年科技工作者学术沙龙") || !strings.Contains(out, "`hosts[].title`") || !strings.Contains(out, "至多2") {
		t.Errorf("fields of the test call: %d\n%s", code, out)
	}
}
