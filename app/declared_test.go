package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
)

// adaptedCall is the 2024 call whose declaration leaves out the postcode,
// the honours and the supporters, relabels the leader, asks the joint
// applicants in a section of their own (names only), and adds a section of
// its own (a convener, with a table of team members).
func adaptedCall(t *testing.T) *forms.Call {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "forms", "calls", "2024", forms.CallFileName))
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	for old, new := range map[string]string{
		"block = \"applicant\"\n":    "block = \"applicant\"\n  omit = [\"postcode\", \"honours\", \"joint_applicants\"]\n",
		"labels = { leader_title = ": "labels = { leader = \"单位负责人\", leader_title = ",
		"block = \"project\"\n":      "block = \"project\"\n  omit = [\"supporters\"]\n",
	} {
		if !strings.Contains(s, old) {
			t.Fatalf("the 2024 call has no %q", old)
		}
		s = strings.Replace(s, old, new, 1)
	}
	s += `
  [[documents.sections]]
  block = "joint"
  title = "七、合作单位"
  labels = { name = "合作单位名称" }
  omit = ["type"]

  [[documents.sections]]
  key = "convener"
  title = "八、召集人情况"
  fields = [
    { key = "name", label = "召集人姓名", kind = "text", required = true },
    { key = "team", label = "团队成员", kind = "table", columns = [
      { key = "name", label = "姓名", kind = "text", required = true },
    ] },
  ]
`
	c, err := forms.ParseCall("adapted.toml", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// labelsOf are the texts of the labels under o.
func labelsOf(o fyne.CanvasObject) string {
	var out []string
	eachObject(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	})
	return strings.Join(out, "|")
}

// The window's form follows the call's declaration: a field the call
// leaves out is not asked (nor required), a relabelled field shows the
// call's label, and a section of the call's own is a step whose inputs are
// checked, stored under sections.<key>, shown in the review and saved.
func TestFormFollowsTheDeclaration(t *testing.T) {
	u, dir := newTestUI(t)
	u.call = adaptedCall(t)
	d, err := forms.Sample(forms.Default(), "basic")
	if err != nil {
		t.Fatal(err)
	}
	d.Applicant.Postcode = "12" // wrong, but not asked
	path := filepath.Join(dir, "basic"+forms.DraftExt)
	if err := forms.Save(path, d, today); err != nil {
		t.Fatal(err)
	}
	u.openDraft(path)
	f := u.form
	if f == nil || f.readOnly {
		t.Fatal("draft not opened for editing")
	}
	for _, p := range []string{"applicant.postcode", "applicant.honours", "project.supporters"} {
		if f.fields[p] != nil {
			t.Errorf("%s is asked, the call leaves it out", p)
		}
	}
	for _, fd := range f.findings {
		if fd.Field == "applicant.postcode" {
			t.Errorf("a field left out has a finding: %v", fd)
		}
	}
	var names []string
	var applicant, convener *section
	for _, s := range f.sections {
		names = append(names, stepName(s.title))
		switch s.id {
		case "applicant":
			applicant = s
		case "sections.convener":
			convener = s
		}
	}
	if applicant == nil || convener == nil || names[len(names)-1] != "八、召集人情况" || names[len(names)-2] != "七、合作单位" {
		t.Fatalf("steps %v", names)
	}
	if l := labelsOf(applicant.box); !strings.Contains(l, "单位负责人") || strings.Contains(l, "法定代表人（负责人）") {
		t.Errorf("the leader's label is not the call's: %s", l)
	}
	if fl := f.fields["joint_applicants"]; fl == nil || f.sections[fl.step].id != "joint" {
		t.Error("the joint applicants are not in their own step")
	}
	// the columns' headers are the call's (shown above the rows)
	if h := strings.Join(f.tables["joint_applicants"].headers, "|"); h != "合作单位名称" {
		t.Errorf("the joint applicants' columns: %s", h)
	}
	if l := labelsOf(f.sections[len(f.sections)-2].box); strings.Contains(l, "单位类型") {
		t.Errorf("the joint applicants' type is asked: %s", l)
	}
	if l := labelsOf(applicant.box); strings.Contains(l, "联合申报单位") {
		t.Errorf("the joint applicants are asked twice: %s", l)
	}
	if fl := f.fields["sections.convener.team"]; fl == nil || fl.step != len(f.sections)-1 {
		t.Fatal("the declared table is not in its step")
	}
	var got forms.Finding
	for _, fd := range f.findings {
		if fd.Field == "sections.convener.name" {
			got = fd
		}
	}
	if got.Rule != forms.RuleRequired || !strings.Contains(got.Message, "召集人姓名") {
		t.Fatalf("the declared required field: %v", got)
	}
	entry(t, f, "sections.convener.name").SetText("王明远")
	commitField(t, f, "sections.convener.name")
	if v := f.d.Sections["convener"].Text("name"); v != "王明远" {
		t.Fatalf("typed value not in the draft: %q", v)
	}
	for _, fd := range f.findings {
		if fd.Field == "sections.convener.name" {
			t.Errorf("still a finding once filled: %v", fd)
		}
	}
	test.Tap(f.reviewBtn)
	if u.review == nil || u.review.edit["sections.convener"] == nil {
		t.Fatal("no 修改 link for the declared section")
	}
	if l := labelsOf(u.review.content); !strings.Contains(l, "八、召集人情况") || !strings.Contains(l, "王明远") {
		t.Errorf("review lacks the declared section")
	}
	test.Tap(u.review.edit["sections.convener"])
	if f.steps.cur != len(f.sections)-1 || !convener.box.Visible() {
		t.Errorf("修改 went to step %d", f.steps.cur)
	}
	f.onSave()
	back, err := forms.Load(path)
	if err != nil || back.Sections["convener"].Text("name") != "王明远" {
		t.Fatalf("saved draft: %v %v", err, back.Sections)
	}
}
