package app

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"shenbao/app/widgets"
	"shenbao/forms"
)

// A section with when (the test call call-joint: 三、联合申报单位 only when
// 联合申报 is ticked) is asked in the window only when it applies, and the
// call, whose document has no cover, shows no cover step.
func TestSectionWhenInWindow(t *testing.T) {
	u, _ := newTestUI(t)
	p, err := filepath.Abs(filepath.Join("..", "forms", "testdata", "call-joint", forms.CallFileName))
	if err != nil {
		t.Fatal(err)
	}
	if !u.importCallFile(p) {
		t.Fatal(u.prompt.message)
	}
	f := newBlank(t, u, "activity")
	if f.sections[0].id == "cover" || f.fields["cover.apply_date"] != nil {
		t.Errorf("a cover step the call does not declare: first step %q", f.sections[0].title)
	}
	if fl := f.fields["category"]; fl == nil || fl.step != 0 {
		t.Error("the category's findings have no place in the first step")
	}
	if fl := f.fields["confidential"]; fl == nil || f.sections[fl.step].id != forms.BlockApplicant {
		t.Error("the confidentiality is not asked in the applicant's step")
	}
	if len(f.relevant) != 1 || f.fields["joint_applicants"] == nil {
		t.Fatalf("the conditional joint section: %d boxes", len(f.relevant))
	}
	r := f.relevant[0]
	jointFinding := func() bool {
		for _, fd := range f.findings {
			if fd.Rule == "joint.partners" {
				return true
			}
		}
		return false
	}
	if r.box.Visible() || !r.note.Visible() || jointFinding() {
		t.Fatalf("not jointly: joint inputs shown %v, note shown %v, joint finding %v", r.box.Visible(), r.note.Visible(), jointFinding())
	}
	c, _ := f.fields["sections.partnership.jointly"].obj.(*widgets.Check)
	if c == nil {
		t.Fatal("no 联合申报 box")
	}
	c.SetChecked(true)
	// The call names the joint applicants in its own words (labels of the
	// joint block): the table's title, its column, and the findings' name.
	if l := u.call.FieldLabel("joint_applicants"); l != "合作单位" {
		t.Errorf("the joint table's label is %q, want the call's 合作单位", l)
	}
	if texts := "|" + labelsOf(r.box) + "|"; !strings.Contains(texts, "|合作单位|") || strings.Contains(texts, "联合申报单位") {
		t.Errorf("the joint table's title is not the call's 合作单位: %s", texts)
	}
	if !r.box.Visible() || r.note.Visible() || !jointFinding() {
		t.Errorf("jointly: joint inputs shown %v, note shown %v, joint finding %v", r.box.Visible(), r.note.Visible(), jointFinding())
	}
	jt := f.tables["joint_applicants"]
	jt.onAdd()
	if len(jt.heads) == 0 || !slices.Contains(jt.headers, "合作单位名称") {
		t.Errorf("a row added: the joint table's columns %v (%d shown), want the call's 合作单位名称", jt.headers, len(jt.heads))
	}
	f.d.Joint = nil
	jt.rebuild()
	f.recheck()
	c.SetChecked(false)
	if r.box.Visible() || jointFinding() {
		t.Errorf("unticked again: joint inputs shown %v, joint finding %v", r.box.Visible(), jointFinding())
	}
}
