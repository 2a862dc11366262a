package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/widgets"
	"shenbao/forms"
	"shenbao/forms/layout"
)

// formLabel is the label the window shows beside a field's input (or
// above a table): the label left of the box holding its message line, or
// the first line of a table's box; "" when the form has no such field.
func formLabel(f *formScreen, path string) string {
	fl := f.fields[path]
	if fl == nil || fl.msg == nil {
		return ""
	}
	msg := fyne.CanvasObject(fl.msg)
	parent := map[fyne.CanvasObject]*fyne.Container{}
	var holder *fyne.Container
	for _, s := range f.sections {
		eachObject(s.box, func(o fyne.CanvasObject) {
			c, ok := o.(*fyne.Container)
			if !ok {
				return
			}
			for _, k := range c.Objects {
				parent[k] = c
				if k == msg {
					holder = c
				}
			}
		})
	}
	if holder == nil {
		return ""
	}
	if l, ok := holder.Objects[0].(*widget.Label); ok && len(holder.Objects) > 2 {
		return l.Text // a table: its label, its rows, its button, its message
	}
	g := parent[holder]
	if g == nil {
		return ""
	}
	for i, o := range g.Objects {
		if o == fyne.CanvasObject(holder) && i > 0 {
			if l, ok := g.Objects[i-1].(*widget.Label); ok {
				return l.Text
			}
		}
	}
	return ""
}

// printedLabels are the label texts of a printed document but its cover:
// its label cells, its tables' headers and its headings.
func printedLabels(doc *layout.Document) []string {
	var out []string
	var walk func(bs []layout.Block)
	walk = func(bs []layout.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *layout.Heading:
				out = append(out, b.Text)
			case *layout.KeepTogether:
				walk(b.Blocks)
			case *layout.Table:
				for _, r := range b.Header {
					for _, c := range r.Cells {
						out = append(out, c.Text)
					}
				}
				for _, r := range b.Rows {
					for _, c := range r.Cells {
						if c.Label {
							out = append(out, c.Text)
						}
					}
				}
			}
		}
	}
	walk(doc.Blocks)
	return out
}

// notLabelledInPrint are the fields the print shows without a label of
// their own: the other sources' note under 其他经费, the signer who signs
// by hand under 负责人（签字）.
var notLabelledInPrint = map[string]bool{"budget.other_note": true, "opinions.signer": true}

// One label per field (issue 16): for every field of the 2024 call's
// declaration, in the draft of every category, the window's label is the
// label findings name it by, and the print names it by that label (or a
// longer wording of it: “2023年度年检合格” for 年检合格). Before, 年检 /
// 学会年检合格 / “2023年度年检合格”, 负责人职务 / 职务, 报告题目 / 报告主题… differed.
func TestOneLabelPerField(t *testing.T) {
	u, _ := newTestUI(t)
	call := u.call
	checked := map[string]bool{}
	for _, cat := range call.Categories {
		d, err := forms.Sample(call, cat.ID)
		if err != nil {
			t.Fatal(err)
		}
		// every row the print may leave out, printed
		d.Confidential = true
		d.Applicant.Type = "provincial_society" // the type the yearly inspection, the evaluation and the honours are asked of
		d.Applicant.GraduateTraining = true
		d.Project.CoOrganisers, d.Project.Supporters = "协办单位甲", "支持单位乙"
		if d.Project.Papers == 0 {
			d.Project.Papers = 10
		}
		if len(d.Joint) == 0 {
			d.Joint = []forms.Joint{{Name: "长春市科学技术协会", Type: "city_sat"}}
		}
		path := filepath.Join(u.draftsDir(), cat.ID+forms.DraftExt)
		if err := forms.Save(path, d, u.now()); err != nil {
			t.Fatal(err)
		}
		u.openDraft(path)
		f := u.form
		if f == nil || f.d.Category != cat.ID {
			t.Fatalf("%s: not opened", cat.ID)
		}
		printed := printedLabels(layout.Application(call, f.d, today))
		inPrint := func(l string) bool {
			for _, p := range printed {
				if strings.Contains(p, l) {
					return true
				}
			}
			return false
		}
		agree := func(path, form, print string) {
			checked[path] = true
			if find := call.FieldLabel(path); form != find {
				t.Errorf("%s %s: the window says %q, findings %q", cat.ID, path, form, find)
			}
			if print != "" && !inPrint(print) {
				t.Errorf("%s %s: the window says %q, the print has no label of it: %q", cat.ID, path, form, printed)
			}
		}
		for i := range call.Documents {
			for _, sd := range call.Documents[i].Sections {
				if sd.Block == forms.BlockPart {
					for _, fd := range cat.Part.Fields {
						p := "parts." + cat.ID + "." + fd.Key
						if l := formLabel(f, p); l != "" {
							agree(p, l, l)
						}
					}
					continue
				}
				for _, bf := range forms.BlockFields(sd.Block) {
					if !sd.Asks(bf.Key) || bf.Path == "category" {
						continue // not asked; the category is picked, not typed
					}
					table, col, isCol := strings.Cut(bf.Path, "[].")
					if !isCol {
						if l := formLabel(f, bf.Path); l != "" {
							print := l
							if notLabelledInPrint[bf.Path] {
								print = ""
							}
							agree(bf.Path, l, print)
						}
						continue
					}
					tb := f.tables[table]
					if tb == nil {
						continue
					}
					// the column's header: its place among the asked columns
					n := 0
					for _, o := range forms.BlockFields(sd.Block) {
						if ot, oc, ok := strings.Cut(o.Path, "[]."); ok && ot == table && sd.Asks(o.Key) {
							if oc == col {
								break
							}
							n++
						}
					}
					if n >= len(tb.headers) {
						t.Errorf("%s %s: no column header", cat.ID, bf.Path)
						continue
					}
					agree(fmt.Sprintf("%s[].%s", table, col), tb.headers[n], tb.headers[n])
				}
			}
		}
	}
	for _, p := range []string{"applicant.leader_title", "applicant.annual_inspection_passed", "applicant.evaluation_taken", "applicant.honours", "joint_applicants", "confidential", "experts[].topic", "budget.lines[].item", "budget.provincial"} {
		if !checked[p] {
			t.Errorf("%s was not compared", p)
		}
	}
}

// TestHonoursSayTheyGivePriority: the honours' row says they give
// priority and cites the notice (its label lost 「（优先支持）」 when the
// labels became one per field).
func TestHonoursSayTheyGivePriority(t *testing.T) {
	u, _ := newTestUI(t)
	f := openSampleDraft(t, u, "annual")
	want := priorityHint(u.call)
	if !strings.Contains(want, "优先支持") || !strings.Contains(want, "通知 二、1") {
		t.Fatalf("the 2024 call's priority hint: %q", want)
	}
	g := f.fields["applicant.honours"].obj
	found := false
	for _, o := range f.sections[f.fields["applicant.honours"].step].grid.Objects {
		if box, ok := o.(*fyne.Container); ok {
			if inner, ok := box.Objects[0].(*fyne.Container); ok && len(inner.Objects) == 2 && inner.Objects[1] == g {
				if l, ok := inner.Objects[0].(*widgets.Label); ok && l.Text == want {
					found = true
				}
			}
		}
	}
	if !found {
		t.Errorf("no %q above the honours", want)
	}
}
