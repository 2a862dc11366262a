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

// CheckAcross applies the rules across drafts (the per-unit quotas of the
// call) to a set of drafts: each registry rule with an across check runs
// once per unit that has two or more drafts. It returns the findings for
// each draft by index; drafts with no unit name are skipped. A finding
// names the drafts it collides with (the unit's other drafts of the
// category, or of all categories for the total), QuotaNamed of them at
// most, and counts the rest: time and output are linear in the number of
// drafts.
func CheckAcross(call *Call, drafts []NamedDraft) map[int][]Finding {
	byUnit := map[string][]int{}
	var units []string
	for i, nd := range drafts {
		if nd.Draft == nil {
			continue
		}
		k := UnitKey(nd.Draft.Applicant.Name)
		if k == "" {
			continue
		}
		if byUnit[k] == nil {
			units = append(units, k)
		}
		byUnit[k] = append(byUnit[k], i)
	}
	out := map[int][]Finding{}
	for _, e := range registry {
		if e.across == nil || e.stated != nil && !e.stated(call) {
			continue
		}
		a := &acrossRun{call: call, rule: e.rule(call), over: call.override(e.id), drafts: drafts, out: out}
		for _, k := range units {
			if a.unit = byUnit[k]; len(a.unit) >= 2 {
				e.across(a)
			}
		}
	}
	return out
}

// acrossRun is one rule checked across the drafts of one unit.
type acrossRun struct {
	call   *Call
	rule   Rule // as the call states it, its override applied
	over   *RuleOverride
	drafts []NamedDraft
	unit   []int // the indexes of the unit's drafts
	out    map[int][]Finding
}

// report adds a finding of the rule to draft i; the call's override may
// replace the message.
func (a *acrossRun) report(i int, field, msg string) {
	if a.over != nil && a.over.Message != "" {
		msg = strings.ReplaceAll(a.over.Message, "{clause}", a.rule.Clause)
	}
	a.out[i] = append(a.out[i], Finding{Rule: a.rule.ID, Field: field, Severity: a.rule.Severity, Message: msg})
}

// QuotaNamed is how many of the other drafts a quota finding names at
// most; the rest it counts ("等其他12份"), so a finding stays one readable
// sentence and the check stays linear in the number of drafts however many
// of them one unit has (before, every finding named all the unit's other
// drafts: 1,000 drafts of one unit took 390 ms and 211 MB).
const QuotaNamed = 5

// others names the drafts in idx other than self: the first QuotaNamed of
// them, then how many more ("等其他12份").
func others(drafts []NamedDraft, idx []int, self int) string {
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
		if named > 0 {
			b.WriteString("、")
		}
		b.WriteString(filepath.Base(drafts[i].Name))
		if p := drafts[i].Draft.Project.Name; p != "" {
			b.WriteString("《" + p + "》")
		}
		named++
	}
	return b.String()
}
