package notice

import (
	"strings"
	"testing"
)

// stripHeader drops the archivist's "# …" lines before an excerpt: they
// describe where the copy comes from and are not the notice.
func stripHeader(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "# ") || l == "#" {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

func squeeze(s string) string { return spacesRe.ReplaceAllString(s, "") }

// checkNothingInvented: every fact read from the notice carries its
// sentence, the sentence is the notice's, and the sentence contains the
// words the value was read from.
func checkNothingInvented(t *testing.T, name, text string, p *Proposal) {
	t.Helper()
	whole := squeeze(text)
	for _, f := range p.Facts {
		if f.Status != Found {
			continue
		}
		if f.Sentence == "" || f.Text == "" {
			t.Errorf("%s: %s (%s = %q) has no source sentence or words", name, f.Label, f.Key, f.Value)
			continue
		}
		if !strings.Contains(whole, squeeze(f.Sentence)) {
			t.Errorf("%s: %s: sentence %q is not in the notice", name, f.Label, f.Sentence)
		}
		if !strings.Contains(f.Sentence, f.Text) {
			t.Errorf("%s: %s: sentence %q does not contain %q", name, f.Label, f.Sentence, f.Text)
		}
		if f.Clause == "" {
			t.Errorf("%s: %s has no clause", name, f.Label)
		}
	}
}

func TestNothingInvented(t *testing.T) {
	for _, name := range []string{"hubei-2022-excerpt.txt", "shanghai-2023-excerpt.txt", "notice-2024.txt", "../../testdata/call-2025/notice.txt"} {
		text := stripHeader(readTestdata(t, name))
		p, err := Read(text, nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkNothingInvented(t, name, text, p)
		var missing, found []string
		for _, f := range p.Facts {
			switch f.Status {
			case Unrecognized:
				missing = append(missing, f.Label)
			case Found:
				found = append(found, f.Label+"="+f.Value)
			}
		}
		t.Logf("%s: %d 项读出，%d 项未识别：%s", name, len(found), len(missing), strings.Join(missing, "、"))
		if testing.Verbose() {
			t.Logf("  读出：%s", strings.Join(found, "；"))
		}
		checkLoads(t, p)
	}
}
