package forms

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// ApplicantType is one type of unit the call names ([applicant_types]),
// with what the notice asks of units of this type. A call file writes a
// type either as its name alone (`university_sat = "高校科协"`: no
// particular duty) or as a table:
//
//	[applicant_types.provincial_society]
//	name = "省级学会"
//	annual_inspection = true   # must have passed the yearly inspection
//	evaluation = true          # must have taken part in the evaluation of [society_requirements] evaluation_year
//	honours = true             # may claim the honours that give priority ([[honours]])
//	graduate_training = true   # must hold the qualification to train graduate students (every category)
//	joint_only = true          # may only be a joint applicant, never the applicant
//	clause = "二、1"            # where the notice states these duties (default: [society_requirements] clause)
//
// The program knows no type ID: every behaviour comes from these keys.
type ApplicantType struct {
	ID               string
	Name             string
	AnnualInspection bool
	Evaluation       bool
	Honours          bool
	GraduateTraining bool
	JointOnly        bool
	Clause           string
}

// applicantTypeKeys are the keys a type's table may have.
var applicantTypeKeys = []string{"name", "annual_inspection", "evaluation", "honours", "graduate_training", "joint_only", "clause"}

// ApplicantTypeList is the call's [applicant_types] in the file's order.
type ApplicantTypeList []ApplicantType

// UnmarshalTOML reads [applicant_types]: each key a type ID, each value a
// name or a table (see ApplicantType). Keys come in the decoder's order;
// ParseCall puts them in the file's order afterwards.
func (l *ApplicantTypeList) UnmarshalTOML(v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("[applicant_types] 须是一张表：类型ID = \"名称\"")
	}
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make(ApplicantTypeList, 0, len(m))
	for _, id := range ids {
		t := ApplicantType{ID: id}
		switch x := m[id].(type) {
		case string:
			t.Name = x
		case map[string]any:
			for k, val := range x {
				if !contains(applicantTypeKeys, k) {
					return fmt.Errorf("[applicant_types.%s] 中有未知的项目 “%s”（可用：%s）", id, k, strings.Join(applicantTypeKeys, "、"))
				}
				var ok bool
				switch k {
				case "name":
					t.Name, ok = val.(string)
				case "clause":
					t.Clause, ok = val.(string)
				case "annual_inspection":
					t.AnnualInspection, ok = val.(bool)
				case "evaluation":
					t.Evaluation, ok = val.(bool)
				case "honours":
					t.Honours, ok = val.(bool)
				case "graduate_training":
					t.GraduateTraining, ok = val.(bool)
				case "joint_only":
					t.JointOnly, ok = val.(bool)
				}
				if !ok {
					return fmt.Errorf("[applicant_types.%s] 的 %s 类型不对", id, k)
				}
			}
		default:
			return fmt.Errorf("[applicant_types] 的 %s 须是名称（字符串）或一张表", id)
		}
		if strings.TrimSpace(t.Name) == "" {
			return fmt.Errorf("[applicant_types] 的 %s 缺少名称（name）", id)
		}
		out = append(out, t)
	}
	*l = out
	return nil
}

// orderTypes puts the types in the order the file lists them (keys, the
// decoder's metadata in file order).
func (l ApplicantTypeList) orderTypes(keys []toml.Key) {
	pos := map[string]int{}
	for i, k := range keys {
		if len(k) == 2 && k[0] == "applicant_types" {
			if _, ok := pos[k[1]]; !ok {
				pos[k[1]] = i
			}
		}
	}
	sort.SliceStable(l, func(i, j int) bool { return pos[l[i].ID] < pos[l[j].ID] })
}

// AddMonths is the same day n months later, or the month's last day when
// it has no such day ("一月内" from 1月31日 is 2月28日 or 29日).
func (d Date) AddMonths(n int) Date {
	t := d.t
	y, m := t.Year(), t.Month()+time.Month(n)
	first := time.Date(y, m, 1, 0, 0, 0, 0, t.Location())
	day := min(t.Day(), daysIn(first.Year(), first.Month()))
	return Date{time.Date(first.Year(), first.Month(), day, 0, 0, 0, 0, t.Location())}
}

// ApplicantType returns the type with an ID, or nil when the call has none.
func (c *Call) ApplicantType(id string) *ApplicantType {
	for i := range c.Types {
		if c.Types[i].ID == id {
			return &c.Types[i]
		}
	}
	return nil
}

// typesWith are the IDs of the types with a behaviour, in the file's order.
func (c *Call) typesWith(has func(*ApplicantType) bool) []string {
	var out []string
	for i := range c.Types {
		if has(&c.Types[i]) {
			out = append(out, c.Types[i].ID)
		}
	}
	return out
}

// typeFlag reports whether the type of an ID has a behaviour.
func (c *Call) typeFlag(id string, has func(*ApplicantType) bool) bool {
	t := c.ApplicantType(id)
	return t != nil && has(t)
}

// NeedsAnnualInspection reports whether units of a type must have passed
// the yearly inspection (年检).
func (c *Call) NeedsAnnualInspection(typ string) bool {
	return c.typeFlag(typ, func(t *ApplicantType) bool { return t.AnnualInspection })
}

// NeedsEvaluation reports whether units of a type must have taken part in
// the evaluation of the year the call names (学会评价).
func (c *Call) NeedsEvaluation(typ string) bool {
	return c.Society.EvaluationYear > 0 && c.typeFlag(typ, func(t *ApplicantType) bool { return t.Evaluation })
}

// MayClaimHonours reports whether units of a type may claim the honours
// that give priority.
func (c *Call) MayClaimHonours(typ string) bool {
	return len(c.Honours) > 0 && c.typeFlag(typ, func(t *ApplicantType) bool { return t.Honours })
}

// JointOnly reports whether units of a type may only be joint applicants.
func (c *Call) JointOnly(typ string) bool {
	return c.typeFlag(typ, func(t *ApplicantType) bool { return t.JointOnly })
}

// typeClause is where the notice states a type's duties.
func (c *Call) typeClause(typ string) string {
	if t := c.ApplicantType(typ); t != nil && t.Clause != "" {
		return t.Clause
	}
	return c.Society.Clause
}

// AsksAnnualInspection, AsksEvaluation, AsksGraduateTraining and
// AsksHonours report whether the form asks the question at all: some type
// of the call (or, for the qualification, some category) has the duty.
func (c *Call) AsksAnnualInspection() bool {
	return len(c.typesWith(func(t *ApplicantType) bool { return t.AnnualInspection })) > 0
}

// AsksEvaluation: see AsksAnnualInspection.
func (c *Call) AsksEvaluation() bool {
	return c.Society.EvaluationYear > 0 && len(c.typesWith(func(t *ApplicantType) bool { return t.Evaluation })) > 0
}

// AsksHonours: see AsksAnnualInspection.
func (c *Call) AsksHonours() bool {
	return len(c.Honours) > 0 && len(c.typesWith(func(t *ApplicantType) bool { return t.Honours })) > 0
}

// AsksGraduateTraining: see AsksAnnualInspection.
func (c *Call) AsksGraduateTraining() bool {
	if len(c.typesWith(func(t *ApplicantType) bool { return t.GraduateTraining })) > 0 {
		return true
	}
	for i := range c.Categories {
		if len(c.Categories[i].GraduateTrainingRequired) > 0 {
			return true
		}
	}
	return false
}

// JointPartnerTypes are the types a joint applicant is usually of: the
// partners the categories encourage (joint_with), else every type; the
// window offers the first as a new joint applicant's type.
func (c *Call) JointPartnerTypes() []string {
	var out []string
	for i := range c.Categories {
		for _, t := range c.Categories[i].JointWith {
			if !contains(out, t) {
				out = append(out, t)
			}
		}
	}
	if len(out) == 0 {
		for i := range c.Types {
			out = append(out, c.Types[i].ID)
		}
	}
	return out
}

// RuleOverride is a call's [overrides."<rule-id>"] table: the severity, the
// clause, the summary or the message of one of the program's rules as the
// notice states it ("每单位原则上申报1项" is a warning, not an error).
type RuleOverride struct {
	// Severity: "error", "warning" or "info".
	Severity Severity `toml:"severity"`
	// Clause replaces the clause the rule would cite.
	Clause string `toml:"clause"`
	// Summary replaces the one line `shenbao rules` prints.
	Summary string `toml:"summary"`
	// Message replaces the text of the rule's findings; {clause} is the
	// clause.
	Message string `toml:"message"`
}

// override is the call's override of a rule, or nil.
func (c *Call) override(id string) *RuleOverride {
	if len(c.Rules) == 0 {
		return nil
	}
	if o, ok := c.Rules[id]; ok {
		return &o
	}
	return nil
}

// rulesProblem checks the call's [rules] tables.
func (c *Call) rulesProblem() string {
	ids := make([]string, 0, len(c.Rules))
	for id := range c.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		o := c.Rules[id]
		if _, ok := ruleByID[id]; !ok {
			return fmt.Sprintf("[overrides.\"%s\"]：没有这条规则（shenbao rules 列出全部规则ID；专项内容的规则在其字段中写 severity、clause）", id)
		}
		switch o.Severity {
		case "", Error, Warning, Info:
		default:
			return fmt.Sprintf("[overrides.\"%s\"] 的 severity 须为 error、warning 或 info", id)
		}
	}
	return ""
}

// Cite is the citation of a clause as messages end with it, "（通知 二、2）",
// or "" when the call gives no clause.
func Cite(clause string) string { return cite(clause) }

// cite is the citation a message ends with, "（通知 二、2）", or nothing
// when the call gives no clause for the rule.
func cite(clause string) string {
	if clause == "" {
		return ""
	}
	return "（通知 " + clause + "）"
}

// QuotaStated reports whether the notice states how many projects of the
// category it selects (a number, a range, or a text such as "不限").
func (cat *Category) QuotaStated() bool { return cat.Quota > 0 || cat.QuotaWords != "" }

// FundingStated reports whether the notice states an amount for the
// category; without one the application requests none and no funding rule
// applies.
func (cat *Category) FundingStated() bool { return cat.FundingKind != "" }

// HasWindow reports whether the notice states the category's completion
// window.
func (cat *Category) HasWindow() bool { return !cat.WindowStart.IsZero() }

// fundingClause is where the notice states the category's amount.
func fundingClause(cat *Category) string { return cat.FundingClause }

// venueClause is where the notice states the category's venues.
func venueClause(cat *Category) string { return cat.VenueClause }

// jointClause is where the notice encourages joint applications.
func jointClause(cat *Category) string {
	if cat.JointClause != "" {
		return cat.JointClause
	}
	return cat.EligibleClause
}

// Within is how the notice words an after-event deadline: its within_text,
// else "3日内" or "1个月内".
func (ae AfterEvent) Within() string {
	switch {
	case ae.WithinText != "":
		return ae.WithinText
	case ae.Months > 0:
		return fmt.Sprintf("%d个月内", ae.Months)
	}
	return fmt.Sprintf("%d日内", ae.Days)
}

// DueAfter is the due date of the group for an event that ended on end.
func (ae AfterEvent) DueAfter(end Date) Date {
	if ae.Months > 0 {
		return end.AddMonths(ae.Months)
	}
	return end.AddDays(ae.Days)
}

// AsksAfter reports whether the call asks any item of a kind after the
// event (of any project).
func (c *Call) AsksAfter(kind string) bool {
	for _, ae := range c.AfterEvent {
		for _, it := range ae.Items {
			if it.Kind == kind {
				return true
			}
		}
	}
	return false
}
