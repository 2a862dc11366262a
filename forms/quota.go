package forms

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// NamedDraft is a draft with the name (usually the file path) that findings
// across drafts use to refer to it.
type NamedDraft struct {
	Name  string
	Draft *Draft
}

// UnitKey normalises a unit name for comparison: full-width and half-width
// forms folded, spaces of any kind removed, letters lower-cased. "吉林省 计算机学会"
// and "吉林省计算机学会 " are the same unit.
func UnitKey(name string) string {
	folded := width.Fold.String(name)
	var b strings.Builder
	b.Grow(len(folded))
	for _, r := range folded {
		if unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// QuotaNamed is how many of the other drafts a quota finding names at
// most; the rest it counts ("等其他12份"), so a finding stays one readable
// sentence and the check stays linear in the number of drafts however many
// of them one unit has.
const QuotaNamed = 5

// CheckAcross applies the per-unit quotas of the call to a set of
// drafts: at most MaxPerCategory per category and MaxTotal in all for one
// unit. It returns the findings for each draft by index; drafts with no
// unit name are skipped. A finding names the drafts it collides with (the
// unit's other drafts of the category, or of all categories for the
// total), QuotaNamed of them at most, and counts the rest. Time and output
// are linear in the number of drafts.
func CheckAcross(call *Call, drafts []NamedDraft) map[int][]Finding {
	byUnit := map[string][]int{}
	for i, nd := range drafts {
		if nd.Draft == nil {
			continue
		}
		k := UnitKey(nd.Draft.Applicant.Name)
		if k == "" {
			continue
		}
		byUnit[k] = append(byUnit[k], i)
	}
	out := map[int][]Finding{}
	labels := make([]string, len(drafts)) // filled as findings name them
	for _, idx := range byUnit {
		if len(idx) < 2 {
			continue
		}
		perCat := map[string][]int{}
		for _, i := range idx {
			perCat[drafts[i].Draft.Category] = append(perCat[drafts[i].Draft.Category], i)
		}
		for catID, same := range perCat {
			if len(same) <= call.MaxPerCategory {
				continue
			}
			catName := catID
			if c := call.Category(catID); c != nil {
				catName = c.Name
			}
			for _, i := range same {
				out[i] = append(out[i], Finding{Rule: RuleQuotaCategory, Field: "category", Severity: Error,
					Message: fmt.Sprintf("本单位在“%s”类别中有%d份申报（另见：%s），每个单位在同类项目中只能申报%d项：请只保留其中%d份（通知 %s）。",
						catName, len(same), others(drafts, labels, same, i), call.MaxPerCategory, call.MaxPerCategory, call.Clauses.Submission)})
			}
		}
		if len(idx) > call.MaxTotal {
			for _, i := range idx {
				out[i] = append(out[i], Finding{Rule: RuleQuotaTotal, Field: "applicant.name", Severity: Error,
					Message: fmt.Sprintf("本单位共有%d份申报（另见：%s），每个单位总计不超过%d项：请撤下多出的%d份（通知 %s）。",
						len(idx), others(drafts, labels, idx, i), call.MaxTotal, len(idx)-call.MaxTotal, call.Clauses.Submission)})
			}
		}
	}
	return out
}

// others names the drafts in idx other than self: the first QuotaNamed of
// them, then how many more ("等其他12份"). labels caches each draft's name
// (its file name and project) by index.
func others(drafts []NamedDraft, labels []string, idx []int, self int) string {
	var b strings.Builder
	named := 0
	for _, i := range idx {
		if i == self {
			continue
		}
		if named == QuotaNamed {
			fmt.Fprintf(&b, "等其他%d份", len(idx)-1-named)
			break
		}
		if labels[i] == "" {
			labels[i] = filepath.Base(drafts[i].Name)
			if p := drafts[i].Draft.Project.Name; p != "" {
				labels[i] += "《" + p + "》"
			}
		}
		if named > 0 {
			b.WriteString("、")
		}
		b.WriteString(labels[i])
		named++
	}
	return b.String()
}
