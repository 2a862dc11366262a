package forms

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// jointCallFile is the test call whose joint applicants are asked only
// when the applicant says it applies jointly (when on a section).
var jointCallFile = filepath.Join("testdata", "call-joint", CallFileName)

// findingOn is the first finding on a path with a rule, or nil.
func findingOn(fs []Finding, field, rule string) *Finding {
	for i := range fs {
		if fs[i].Field == field && (rule == "" || fs[i].Rule == rule) {
			return &fs[i]
		}
	}
	return nil
}

// A section with when is checked only when its condition holds: the joint
// applicants' required names and the rule on their number are not reported
// until the applicant ticks 联合申报, then they are.
func TestSectionWhenChecks(t *testing.T) {
	call, err := LoadCallFile(jointCallFile)
	if err != nil {
		t.Fatal(err)
	}
	joint := call.BlockSection(BlockJoint)
	if joint == nil || !joint.Conditional() {
		t.Fatal("the joint section is not conditional")
	}
	d := NewDraft(call, "activity")
	d.EnsureSections(call)
	d.Joint = []Joint{{Name: ""}} // a row left from before: not asked now
	if joint.Relevant(d) {
		t.Fatal("the joint section applies with 联合申报 not ticked")
	}
	fs := Check(call, d, Options{})
	for _, f := range fs {
		if strings.HasPrefix(f.Field, "joint_applicants") {
			t.Errorf("a finding on a section not asked: %+v", f)
		}
	}
	*d.Sections["partnership"].BoolPtr("jointly") = true
	if !joint.Relevant(d) {
		t.Fatal("the joint section does not apply with 联合申报 ticked")
	}
	fs = Check(call, d, Options{})
	if f := findingOn(fs, "joint_applicants[0].name", RuleRequired); f == nil || !strings.Contains(f.Message, "单位名称") {
		t.Errorf("the joint applicant's name is not required when asked: %v", fs)
	}
	d.Joint = nil
	fs = Check(call, d, Options{})
	if f := findingOn(fs, "joint_applicants", "joint.partners"); f == nil || !strings.Contains(f.Message, "至少一个单位") {
		t.Errorf("no joint applicant, jointly: %v", fs)
	}
}

// The loader refuses a when naming a field that does not exist, with the
// file, the line of the when and a Chinese reason; a section of the call's
// own is a field a when (and a rule) may name.
func TestSectionWhenLoaderErrors(t *testing.T) {
	raw, err := os.ReadFile(jointCallFile)
	if err != nil {
		t.Fatal(err)
	}
	src := string(raw)
	for _, c := range []struct{ name, old, new, want string }{
		{"unknown field of a section", `field = "sections.partnership.jointly", equals = true }` + "\n  required", `field = "sections.partnership.jointy", equals = true }` + "\n  required", "没有可检查的字段 “jointy”"},
		{"unknown section", `field = "sections.partnership.jointly", equals = true }` + "\n  required", `field = "sections.partner.jointly", equals = true }` + "\n  required", "没有 key = \"partner\" 的部分"},
		{"unknown common field", `field = "sections.partnership.jointly", equals = true }` + "\n  required", `field = "project.citty", equals = "长春" }` + "\n  required", "不存在"},
		{"wrong kind", `field = "sections.partnership.jointly", equals = true }` + "\n  required", `field = "sections.partnership.jointly", min = 1 }` + "\n  required", "min 只能用于数字或日期"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(src, c.old) {
				t.Fatalf("the test call has no %q", c.old)
			}
			bad := strings.Replace(src, c.old, c.new, 1)
			_, err := ParseCall("call.toml", []byte(bad))
			var ce *CallError
			if !errors.As(err, &ce) || !strings.Contains(ce.Problem, c.want) || !strings.Contains(ce.Problem, "when") {
				t.Fatalf("want a CallError with %q, got %v", c.want, err)
			}
			lines := strings.Split(bad, "\n")
			if ce.Line < 1 || ce.Line > len(lines) || !strings.HasPrefix(strings.TrimSpace(lines[ce.Line-1]), "when =") {
				t.Errorf("line %d, want the when's: %v", ce.Line, err)
			}
			if ce.File != "call.toml" || !strings.Contains(err.Error(), "call.toml") {
				t.Errorf("the error names no file: %v", err)
			}
		})
	}
}

// A joint block names its table in the call's own words (labels
// joint_applicants): the findings name it so; the table itself cannot be
// left out of the block that is its whole content.
func TestJointTableLabel(t *testing.T) {
	raw, err := os.ReadFile(jointCallFile)
	if err != nil {
		t.Fatal(err)
	}
	call, err := ParseCall("call.toml", raw)
	if err != nil {
		t.Fatal(err)
	}
	if l := call.FieldLabel("joint_applicants"); l != "合作单位" {
		t.Errorf("joint table labelled %q, want the call's 合作单位", l)
	}
	if l := call.FieldLabel("joint_applicants[0].name"); l != "合作单位第1行的合作单位名称" {
		t.Errorf("joint applicant's name labelled %q, want the call's words, 合作单位第1行的合作单位名称", l)
	}
	src := string(raw)
	old := `labels = { joint_applicants = "合作单位", name = "合作单位名称" }`
	if !strings.Contains(src, old) {
		t.Fatalf("the test call has no %q", old)
	}
	_, err = ParseCall("call.toml", []byte(strings.Replace(src, old, old+"\n  omit = [\"joint_applicants\"]", 1)))
	var ce *CallError
	if !errors.As(err, &ce) || !strings.Contains(ce.Problem, "表格本身") {
		t.Errorf("omit of the joint table itself: want a CallError saying why, got %v", err)
	}
}
