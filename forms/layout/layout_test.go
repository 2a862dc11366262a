package layout

import (
	"os"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
)

var generated = time.Date(2024, 4, 10, 15, 4, 0, 0, time.UTC)

func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// Every text the user typed is in the document, in its printed form.
func TestApplicationHoldsEveryText(t *testing.T) {
	call := forms.Default()
	for _, cat := range call.Categories {
		d, err := forms.Sample(call, cat.ID)
		if err != nil {
			t.Fatal(err)
		}
		doc := Application(call, d, generated)
		all := squeeze(strings.Join(doc.Texts(), "\n"))
		n := 0
		forms.WalkText(d, func(path, text string) {
			n++
			if NotPrinted(path) {
				return
			}
			want := squeeze(DisplayText(call, d, path, text))
			if !strings.Contains(all, want) {
				t.Errorf("%s: %s = %q is not in the document", cat.ID, path, want)
			}
		})
		if n < 30 {
			t.Errorf("%s: only %d texts walked", cat.ID, n)
		}
		if doc.Footer != forms.Fingerprint(d, generated) {
			t.Errorf("%s: footer %q", cat.ID, doc.Footer)
		}
		for _, want := range []string{"项目申报书", "申报单位（公章）", "吉林省科学技术协会 制", "省科协审核意见", "人民币大写", forms.Capital(d.Budget.Total)} {
			if !strings.Contains(all, squeeze(want)) {
				t.Errorf("%s: %q missing", cat.ID, want)
			}
		}
	}
}

// Only the category-specific part of the draft's own category is printed,
// even when a draft carries another category's part.
func TestApplicationOnlyOwnPart(t *testing.T) {
	call := forms.Default()
	d, _ := forms.Sample(call, "basic")
	d.Parts["forum"] = forms.Values{}
	d.Parts["forum"].SetText("topic", "不应出现的专题")
	all := strings.Join(Application(call, d, generated).Texts(), "")
	if strings.Contains(all, "不应出现的专题") {
		t.Error("the forum part of a basic-research draft is printed")
	}
	if !strings.Contains(all, d.Part().Text("discipline")) || d.Part().Text("discipline") == "" {
		t.Error("the basic part is missing")
	}
}

// The opinion blocks are kept whole and come last.
func TestOpinionsKeptTogether(t *testing.T) {
	call := forms.Default()
	d, _ := forms.Sample(call, "annual")
	doc := Application(call, d, generated)
	last := doc.Blocks[len(doc.Blocks)-2:]
	for i, b := range last {
		if _, ok := b.(*KeepTogether); !ok {
			t.Errorf("block %d from the end is %T, not a KeepTogether", 2-i, b)
		}
	}
	if _, ok := doc.Blocks[0].(*Cover); !ok {
		t.Errorf("first block is %T, not the cover", doc.Blocks[0])
	}
}

func TestMoney(t *testing.T) {
	if got := Money(30000); got != "30,000元（人民币大写：叁万元整）" {
		t.Errorf("Money(30000) = %q", got)
	}
}

// The cover: no invented number (a blank box for the office), the seal's
// room around the applicant's name and no circle, joint applicants listed;
// the signature line is blank, whoever the signer is; every joint applicant
// has an opinion block of its own with seal and date, and prints its own
// kind of SAT.
func TestCoverSignaturesJoint(t *testing.T) {
	call := forms.Default()
	d, _ := forms.Sample(call, "annual")
	d.ID = "draft-id-123"
	d.Opinions.Signer = "王建国"
	d.Joint = []forms.Joint{{Name: "长春市科学技术协会", Type: "city_sat"}, {Name: "梅河口市科学技术协会", Type: "city_sat"}}
	doc := Application(call, d, generated)
	all := strings.Join(doc.Texts(), "\n")
	if strings.Contains(all, d.ID) || strings.Contains(all, "申报书编号") {
		t.Errorf("the draft's id or a 申报书编号 is printed")
	}
	if strings.Contains(all, "王建国") && !strings.Contains(d.Applicant.Leader+d.Applicant.Contact, "王建国") {
		t.Errorf("the signer's name is pre-printed")
	}
	c := doc.Blocks[0].(*Cover)
	if c.NumberBox == "" {
		t.Error("no blank number box for the office")
	}
	seal := false
	for _, f := range c.Fields {
		if f.SealMM > 0 {
			seal = true
			if f.Value != d.Applicant.Name || f.SealMM < 42 {
				t.Errorf("seal room on %q (%v mm), want the applicant's name, 42 mm", f.Label, f.SealMM)
			}
		}
	}
	if !seal {
		t.Error("no room for the seal on the cover")
	}
	if strings.Contains(all, "市（州）、长白山开发区、梅河口市科协") {
		t.Error("a joint applicant prints the call's list of types")
	}
	for _, want := range []string{"长春市科学技术协会（市（州）科协）", "梅河口市科学技术协会（梅河口市科协）"} {
		if !strings.Contains(all, want) {
			t.Errorf("%q missing", want)
		}
	}
	opinions := 0
	var walk func([]Block)
	walk = func(bs []Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *KeepTogether:
				walk(b.Blocks)
			case *Table:
				for _, r := range b.Rows {
					if len(r.Cells) == 2 && strings.HasSuffix(r.Cells[0].Text, "意见") {
						opinions++
						foot := strings.Join(r.Cells[1].Foot, "")
						for _, w := range []string{"负责人（签字）：" + SignLine, "（公章）", "年　　月　　日"} {
							if !strings.Contains(foot, w) {
								t.Errorf("%s: foot %q lacks %q", r.Cells[0].Text, foot, w)
							}
						}
						if r.MinHeightMM < 42 {
							t.Errorf("%s: %v mm high, less than a seal", r.Cells[0].Text, r.MinHeightMM)
						}
					}
				}
			}
		}
	}
	walk(doc.Blocks)
	if opinions != 4 { // applicant, two joint applicants, the provincial SAT
		t.Errorf("%d opinion blocks, want 4", opinions)
	}
}

// A draft's texts the call's declaration asks are printed, in the document
// that declares them; the ones it leaves out are not, and PrintedTexts does
// not claim them.
func TestDeclaredTextsPrinted(t *testing.T) {
	base := forms.Default()
	src, err := os.ReadFile("../calls/2024/" + forms.CallFileName)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), "block = \"project\"\n", "block = \"project\"\n  omit = [\"supporters\", \"theme\"]\n  labels = { place = \"活动地点\" }\n", 1) + `
  [[documents.sections]]
  key = "convener"
  title = "七、召集人情况"
  fields = [
    { key = "name", label = "召集人姓名", kind = "text" },
    { key = "born", label = "出生日期", kind = "date" },
  ]
`
	call, err := forms.ParseCall("x.toml", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	d, _ := forms.Sample(base, "intl")
	d.Project.Supporters = "不应印出的支持单位"
	d.EnsureSections(call)
	d.Sections["convener"].SetText("name", "王明远")
	d.Sections["convener"].SetDate("born", forms.NewDate(1975, 3, 2))
	d.Sections["gone"] = forms.Values{}
	d.Sections["gone"].SetText("x", "未声明的部分")
	all := squeeze(strings.Join(Application(call, d, generated).Texts(), "\n"))
	texts := PrintedTexts(call, d)
	for path, want := range texts {
		if !strings.Contains(all, squeeze(want)) {
			t.Errorf("%s = %q is not printed", path, want)
		}
	}
	if texts["sections.convener.name"] != "王明远" || !strings.Contains(all, "1975年3月2日") || !strings.Contains(all, "七、召集人情况") || !strings.Contains(all, "活动地点") {
		t.Errorf("the declared section or label is not printed: %v", texts)
	}
	for _, p := range []string{"project.supporters", "project.theme", "sections.gone.x"} {
		if _, ok := texts[p]; ok {
			t.Errorf("PrintedTexts claims %s, which the call does not ask", p)
		}
	}
	for _, not := range []string{"不应印出的支持单位", squeeze(d.Project.Theme), "未声明的部分", "项目主题", "举办地点"} {
		if strings.Contains(all, not) {
			t.Errorf("%q is printed", not)
		}
	}
}

// The joint applicants as a section of their own: a numbered table with the
// columns the call asks, under the call's labels.
func TestJointBlockPrinted(t *testing.T) {
	src, err := os.ReadFile("../calls/2024/" + forms.CallFileName)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), "block = \"applicant\"\n", "block = \"applicant\"\n  omit = [\"joint_applicants\"]\n", 1) + `
  [[documents.sections]]
  block = "joint"
  title = "七、合作单位"
  labels = { name = "合作单位名称" }
`
	call, err := forms.ParseCall("x.toml", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	d, _ := forms.Sample(forms.Default(), "annual")
	if len(d.Joint) == 0 {
		t.Fatal("the annual sample has no joint applicant")
	}
	doc := Application(call, d, generated)
	var table *Table
	for i, b := range doc.Blocks {
		if h, ok := b.(*Heading); ok && h.Text == "七、合作单位" && i+1 < len(doc.Blocks) {
			table, _ = doc.Blocks[i+1].(*Table)
		}
	}
	if table == nil || len(table.Header) != 1 || len(table.Rows) != len(d.Joint) {
		t.Fatalf("no table of joint applicants: %+v", table)
	}
	head := table.Header[0].Cells
	if len(head) != 3 || head[0].Text != "序号" || head[1].Text != "合作单位名称" || head[2].Text != "单位类型" {
		t.Errorf("header %+v", head)
	}
	if table.Rows[0].Cells[1].Text != d.Joint[0].Name || table.Rows[0].Cells[2].Text != JointTypeText(call, d.Joint[0]) {
		t.Errorf("row %+v", table.Rows[0].Cells)
	}
	// not also in part 1
	for _, b := range doc.Blocks {
		if tb, ok := b.(*Table); ok && tb != table {
			for _, r := range tb.Rows {
				if r.Cells[0].Text == "联合申报单位" {
					t.Error("the joint applicants are printed twice")
				}
			}
		}
	}
}
