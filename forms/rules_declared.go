package forms

import (
	"fmt"
	"strings"
)

// The family of rules the call file declares: its [[rules]] over the
// form's data (compiled by declrules.go when the call is read), the total
// quota across categories, and the categories' codes (项目编号).

// Rule IDs of this family that the program knows; the [[rules]] bring
// their own.
const (
	RuleTotalQuota   = "quota.call_total"
	RuleCategoryCode = "category.code"
)

// declaredFindings runs the call's [[rules]] on a draft, in the file's order.
func declaredFindings(call *Call, d *Draft) []Finding {
	var out []Finding
	for _, r := range call.declared {
		out = r.check(call, d, out)
	}
	return out
}

// declaredRules are the call's [[rules]] as `shenbao rules` lists them.
func declaredRules(call *Call) []Rule {
	out := make([]Rule, len(call.declared))
	for i, r := range call.declared {
		out[i] = r.rule(call)
	}
	return out
}

// declaredRule is the call's [[rules]] entry with this ID.
func declaredRule(call *Call, id string) (Rule, bool) {
	for _, r := range call.declared {
		if r.id == id {
			return r.rule(call), true
		}
	}
	return Rule{}, false
}

func totalQuotaClause(c *Call) string {
	if c.TotalQuota == nil {
		return ""
	}
	return c.TotalQuota.Clause
}

func totalQuotaSummary(c *Call) string {
	if c.TotalQuota == nil {
		return ""
	}
	return "各类别合计资助" + c.TotalQuota.Text()
}

// checkTotalQuota states the call's total quota: information, never an
// error.
func checkTotalQuota(r *run) {
	if q := r.call.TotalQuota; q != nil {
		r.report("category", fmt.Sprintf("本通知各类别合计资助%s（通知 %s）。", q.Text(), q.Clause))
	}
}

func hasCode(cat *Category) bool { return cat.Code != "" }

func categoryClause(cat *Category) string { return cat.Clause }

// codeSummary lists the categories' codes, each group with its items:
// "2023-1 <group name>：2023-1-1 综合分论坛、2023-1-2 …；2023-2 青年科技论坛".
func codeSummary(c *Call) string {
	var parts []string
	done := map[string]bool{}
	for i := range c.Categories {
		cat := &c.Categories[i]
		if cat.Code == "" && cat.Group == "" {
			continue
		}
		g := c.Group(cat.Group)
		if g == nil {
			parts = append(parts, strings.TrimSpace(cat.Code+" "+cat.Name))
			continue
		}
		if done[g.ID] {
			continue
		}
		done[g.ID] = true
		var items []string
		for j := range c.Categories {
			if sub := &c.Categories[j]; sub.Group == g.ID {
				items = append(items, strings.TrimSpace(sub.Code+" "+sub.Name))
			}
		}
		parts = append(parts, strings.TrimSpace(g.Code+" "+g.Name)+"："+strings.Join(items, "、"))
	}
	if len(parts) == 0 {
		return ""
	}
	return "项目编号：" + strings.Join(parts, "；")
}

// checkCategoryCode states the draft's project code.
func checkCategoryCode(r *run) {
	if cat := r.cat; cat.Code != "" {
		r.report("category", fmt.Sprintf("本项目的项目编号为%s（%s，通知 %s）。", cat.Code, r.call.groupedName(cat, cat.Name), cat.Clause))
	}
}

// ruleTotalQuota states the call's total quota across categories
// ([total_quota]): information on every draft, never an error.
var ruleTotalQuota = ruleDef{
	id: RuleTotalQuota, sev: Info,
	stated:     func(c *Call) bool { return c.TotalQuota != nil },
	clause:     totalQuotaClause,
	summary:    totalQuotaSummary,
	check:      checkTotalQuota,
	noCategory: true,
}

// ruleCategoryCode states a category's code (项目编号) on its drafts.
var ruleCategoryCode = ruleDef{
	id: RuleCategoryCode, sev: Info,
	stated:  anyCat(hasCode),
	clause:  catClauses(hasCode, categoryClause),
	summary: codeSummary,
	check:   checkCategoryCode,
}
