package submission

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"shenbao/forms"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; if the change is meant, run go test ./forms/submission -run Golden -update and review the diff.\ngot:\n%s", p, got)
	}
}

// TestGoldenEML pins the e-mail draft byte for byte (clock pinned, a fixed
// stand-in attachment so that the writers' output does not matter here).
func TestGoldenEML(t *testing.T) {
	call := forms.Default()
	d, _ := forms.Sample(call, "forum")
	var buf bytes.Buffer
	if err := WriteEML(&buf, NewMail(call, d, ApplicationName(call, d)+".docx", []byte("PK\x03\x04 stand-in for the .docx"), pinned)); err != nil {
		t.Fatal(err)
	}
	golden(t, "forum.eml", buf.Bytes())
}

// TestGoldenSteps pins the checklist's wording for a plain and a
// confidential draft.
func TestGoldenSteps(t *testing.T) {
	call := forms.Default()
	for _, confidential := range []bool{false, true} {
		d, _ := forms.Sample(call, "forum")
		d.Confidential = confidential
		name := "forum-steps.txt"
		if confidential {
			d.ConfidentialNote = "含未公开的催化剂配方"
			name = "forum-steps-confidential.txt"
		}
		var buf bytes.Buffer
		for i, s := range Steps(call, d, NamesFor(call, d, 1), pinned) {
			fmt.Fprintf(&buf, "%d. %s [%s]\n   %s\n", i+1, s.What, s.Clause, s.Detail)
		}
		golden(t, name, buf.Bytes())
	}
}
