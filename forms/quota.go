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

// CheckAcross applies the per-unit quotas of the call to a set of
// drafts: at most MaxPerCategory per category and MaxTotal in all for one
// unit. It returns the findings for each draft by index; drafts with no
// unit name are skipped. Every finding names the other drafts involved.
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
	perCatRule, totalRule := ruleQuotaCategory.rule(call), ruleQuotaTotal.rule(call)
	message := func(rule Rule, msg string) string {
		if o := call.override(rule.ID); o != nil && o.Message != "" {
			return strings.ReplaceAll(o.Message, "{clause}", rule.Clause)
		}
		return msg
	}
	for _, idx := range byUnit {
		if len(idx) < 2 {
			continue
		}
		perCat := map[string][]int{}
		for _, i := range idx {
			perCat[drafts[i].Draft.Category] = append(perCat[drafts[i].Draft.Category], i)
		}
		for catID, same := range perCat {
			if call.MaxPerCategory == 0 || len(same) <= call.MaxPerCategory {
				continue
			}
			catName := catID
			if c := call.Category(catID); c != nil {
				catName = c.Name
			}
			for _, i := range same {
				out[i] = append(out[i], Finding{Rule: RuleQuotaCategory, Field: "category", Severity: perCatRule.Severity,
					Message: message(perCatRule, fmt.Sprintf("本单位在“%s”类别中有%d份申报（另见：%s），每个单位在同类项目中只能申报%d项：请只保留其中%d份%s。",
						catName, len(same), others(drafts, same, i), call.MaxPerCategory, call.MaxPerCategory, cite(perCatRule.Clause)))})
			}
		}
		if call.MaxTotal > 0 && len(idx) > call.MaxTotal {
			for _, i := range idx {
				out[i] = append(out[i], Finding{Rule: RuleQuotaTotal, Field: "applicant.name", Severity: totalRule.Severity,
					Message: message(totalRule, fmt.Sprintf("本单位共有%d份申报（另见：%s），每个单位总计不超过%d项：请撤下多出的%d份%s。",
						len(idx), others(drafts, idx, i), call.MaxTotal, len(idx)-call.MaxTotal, cite(totalRule.Clause)))})
			}
		}
	}
	return out
}

// others lists the names of the drafts in idx other than self.
func others(drafts []NamedDraft, idx []int, self int) string {
	var names []string
	for _, i := range idx {
		if i == self {
			continue
		}
		n := filepath.Base(drafts[i].Name)
		if p := drafts[i].Draft.Project.Name; p != "" {
			n += "《" + p + "》"
		}
		names = append(names, n)
	}
	return strings.Join(names, "、")
}
