package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
)

// tableHeads are the texts of every table's header cells in doc.
func tableHeads(doc *Document) map[string]bool {
	out := map[string]bool{}
	var walk func(bs []Block)
	walk = func(bs []Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *Table:
				for _, r := range b.Header {
					for _, c := range r.Cells {
						out[c.Text] = true
					}
				}
			case *KeepTogether:
				walk(b.Blocks)
			}
		}
	}
	walk(doc.Blocks)
	return out
}

// headings are the texts of a document's headings.
func headings(doc *Document) map[string]bool {
	out := map[string]bool{}
	var walk func(bs []Block)
	walk = func(bs []Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *Heading:
				out[b.Text] = true
			case *KeepTogether:
				walk(b.Blocks)
			}
		}
	}
	walk(doc.Blocks)
	return out
}

// A section with when is printed only when its condition holds: the test
// call's 三、合作单位 (its joint applicants, in its own words) only when 联合申报 is ticked; the call declares no
// cover, so none is printed.
func TestSectionWhenPrinted(t *testing.T) {
	call, err := forms.LoadCallFile(filepath.Join("..", "testdata", "call-joint", forms.CallFileName))
	if err != nil {
		t.Fatal(err)
	}
	d := forms.NewDraft(call, "activity")
	d.EnsureSections(call)
	d.Joint = []forms.Joint{{Name: "某市青年科技工作者协会", Type: "society"}}
	at := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
	doc := Application(call, d, at)
	if h := headings(doc); h["三、合作单位"] || !h["二、联合申报"] || !h["四、项目"] {
		t.Errorf("not jointly: headings %v", h)
	}
	for _, b := range doc.Blocks {
		if _, ok := b.(*Cover); ok {
			t.Error("a cover the call does not declare")
		}
	}
	if _, ok := PrintedTexts(call, d)["joint_applicants[0].name"]; ok {
		t.Error("a text of a section not asked is among the printed texts")
	}
	*d.Sections["partnership"].BoolPtr("jointly") = true
	doc = Application(call, d, at)
	if h := headings(doc); !h["三、合作单位"] {
		t.Errorf("jointly: headings %v", h)
	}
	// The call's own words for the joint table's column.
	if !tableHeads(doc)["合作单位名称"] {
		t.Errorf("jointly: the joint table's heads %v, want the call's 合作单位名称", tableHeads(doc))
	}
	if got := PrintedTexts(call, d)["joint_applicants[0].name"]; got != "某市青年科技工作者协会" {
		t.Errorf("jointly: the joint applicant's name printed as %q", got)
	}
}

// A cover's joint line prints the joint applicants only when their section
// applies, under the call's name for them.
func TestCoverJointFollowsWhen(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "call-joint", forms.CallFileName))
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(raw), "id = \"application\"\ntitle = \"申报书\"\n", "id = \"application\"\ntitle = \"申报书\"\ncover = true\n", 1)
	if src == string(raw) {
		t.Fatal("the test call's document header changed")
	}
	call, err := forms.ParseCall("call.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d := forms.NewDraft(call, "activity")
	d.EnsureSections(call)
	d.Joint = []forms.Joint{{Name: "某市青年科技工作者协会", Type: "society"}}
	at := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
	jointLine := func() (label, value string, ok bool) {
		for _, b := range Application(call, d, at).Blocks {
			if c, isCover := b.(*Cover); isCover {
				for _, f := range c.Fields {
					if strings.Contains(f.Label, "合作单位") || strings.Contains(f.Label, "联合申报单位") {
						return f.Label, f.Value, true
					}
				}
			}
		}
		return "", "", false
	}
	label, value, ok := jointLine()
	if !ok || label != "合作单位" {
		t.Fatalf("the cover's joint line: %q %v, want the call's 合作单位", label, ok)
	}
	if value != "" {
		t.Errorf("not jointly: the cover prints the joint applicants %q", value)
	}
	*d.Sections["partnership"].BoolPtr("jointly") = true
	if _, value, _ := jointLine(); value != "某市青年科技工作者协会" {
		t.Errorf("jointly: the cover's joint line %q", value)
	}
}
