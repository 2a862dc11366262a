package forms

import (
	"sort"
	"strings"
)

// Severity of a finding.
type Severity string

// Severities, from blocking to informative.
const (
	Error   Severity = "error"   // must be fixed; export asks for confirmation
	Warning Severity = "warning" // should be looked at; export allowed
	Info    Severity = "info"    // good to know
)

// SeverityName is the Chinese word for a severity.
func (s Severity) SeverityName() string {
	switch s {
	case Error:
		return "错误"
	case Warning:
		return "警告"
	}
	return "提示"
}

// Rule is one rule of the call or of the form. Its ID is stable across
// versions: other tools and saved settings may refer to it.
type Rule struct {
	ID       string   `json:"id"`
	Severity Severity `json:"severity"`
	Clause   string   `json:"clause"`  // the notice's clause, or the form's part
	Summary  string   `json:"message"` // what the rule requires, in Chinese
}

// Finding is one result of a check: which rule, which field, how serious,
// and a Chinese sentence saying what to change, citing the clause.
type Finding struct {
	Rule     string   `json:"rule"`
	Field    string   `json:"field"` // field path as in the draft's JSON, e.g. "project.participants"
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

// Rule IDs. They are listed, with severity, clause and summary, by Rules().
const (
	RuleRequired         = "field.required"
	RuleCategory         = "category.known"
	RuleCallYear         = "draft.call_year"
	RuleEligibility      = "eligibility.type"
	RuleCitySAT          = "eligibility.city_sat_joint_only"
	RuleGraduateTraining = "eligibility.graduate_training"
	RuleJointEncouraged  = "eligibility.joint_encouraged"
	RuleJointLead        = "eligibility.joint_lead_unit"
	RuleAnnualInspection = "society.annual_inspection"
	RuleEvaluation       = "society.evaluation"
	RulePriority         = "priority.honours"
	RuleParticipants     = "scale.participants"
	RulePapers           = "scale.papers"
	RuleDatesMissing     = "time.dates_missing"
	RuleDateOrder        = "time.order"
	RuleWindow           = "time.window"
	RuleVenue            = "funding.venue_required"
	RuleFundingFixed     = "funding.fixed"
	RuleFundingVenue     = "funding.venue"
	RuleFundingRange     = "funding.range"
	RuleBudgetProvincial = "budget.provincial_matches_request"
	RuleBudgetLines      = "budget.lines_missing"
	RuleBudgetLinesSum   = "budget.lines_sum"
	RuleBudgetSourcesSum = "budget.sources_sum"
	RuleParticipantsMax  = "scale.participants_max"
	RuleForm             = "content.form"
	RuleAgenda           = "content.agenda"
	RuleAgendaDates      = "content.agenda_dates"
	RuleApplyDate        = "deadline.apply_date"
	RuleUSCC             = "format.credit_code"
	RulePhone            = "format.phone"
	RuleEmail            = "format.email"
	RulePostcode         = "format.postcode"
	RuleAmount           = "format.amount"
	RuleConfidential     = "submission.confidential"
	RuleDeadline         = "deadline.days_left"
	RuleDeadlinePassed   = "deadline.passed"
	RulePosted           = "deadline.posted_arrival"
	RuleQuotaCategory    = "quota.per_category"
	RuleQuotaTotal       = "quota.total"
	RuleGlyph            = "print.unprintable_character"
)

// ruleDef is one rule of the registry: its stable ID and severity, its
// clause and summary computed from the call (so that `shenbao --call FILE
// rules` states that call's own facts), whether the call states the fact
// the rule checks at all, and its check. Each is declared beside its check,
// one file per family: rules_applicant.go, rules_project.go,
// rules_budget.go, rules_form.go, rules_submission.go, rules_after.go and
// carry.go. The rules of a category's own part are declared in the call
// file (schema.go). A call's [overrides."<id>"] table overrides the severity,
// clause, summary or message (callfacts.go).
type ruleDef struct {
	id  string
	sev Severity
	// stated reports whether the call states the fact the rule checks; a
	// rule whose fact the call does not state is not listed (nil: always).
	stated  func(*Call) bool
	clause  func(*Call) string
	summary func(*Call) string
	// check reports the rule's findings on one draft. It is nil for a
	// field constraint (a struct tag, checked by go-playground/validator and
	// turned into findings by toFinding), for a rule across drafts (across)
	// and where enforced says so.
	check func(*run)
	// across reports the rule's findings across the drafts of one unit
	// (CheckAcross).
	across func(*acrossRun)
	// tags are the validator tags (struct tags of the Draft) that are this
	// rule, and field the message of a value failing one of them.
	tags  []string
	field func(fieldError) string
	// enforced names where a rule without a check is enforced.
	enforced string
	// noCategory: the check runs also when the draft's category is not in
	// the call (the others need the category).
	noCategory bool
}

// registry is every rule of the program, in the order Check runs them
// (the order of findings of one severity).
var registry = []*ruleDef{
	&ruleRequired, &ruleCategory, &ruleCallYear,
	&ruleEligibility, &ruleJointOnly, &ruleGraduateTraining, &ruleJointEncouraged, &ruleJointLead,
	&ruleAnnualInspection, &ruleEvaluation, &rulePriority,
	&ruleParticipants, &ruleParticipantsMax, &rulePapers, &ruleDatesMissing, &ruleDateOrder, &ruleWindow,
	&ruleVenue, &ruleFundingFixed, &ruleFundingVenue, &ruleFundingRange,
	&ruleBudgetProvincial, &ruleBudgetLines, &ruleBudgetLinesSum, &ruleBudgetSourcesSum,
	&ruleForm, &ruleAgenda, &ruleAgendaDates,
	&ruleUSCC, &rulePhone, &ruleEmail, &rulePostcode, &ruleAmount, &ruleAmountCeiling,
	&ruleConfidential, &ruleDeadline, &ruleDeadlinePassed, &ruleApplyDate, &rulePosted,
	&ruleQuotaCategory, &ruleQuotaTotal, &ruleGlyph,
	&ruleTotalQuota, &ruleCategoryCode,
	&ruleAfterDates, &ruleReportDue, &ruleSummaryDue,
	&ruleReportTitle, &ruleReportLength, &ruleReportPhotos, &ruleReportCaption,
	&ruleResultsIncomplete, &ruleResultsRank,
	&ruleAccountsLineOver, &ruleAccountsTotalOver, &ruleAccountsSources, &ruleAccountsOverGrant, &ruleAccountsUnspent,
	&ruleCarryCategory, &ruleCarryNewField, &ruleCarryDropped, &ruleCarryLimit, &ruleCarryReset,
}

var ruleByID = func() map[string]*ruleDef {
	m := make(map[string]*ruleDef, len(registry))
	for _, r := range registry {
		if _, dup := m[r.id]; dup {
			panic("rule registered twice: " + r.id)
		}
		m[r.id] = r
	}
	return m
}()

// declares reports whether the call's documents declare a built-in block:
// a rule on its fields is not listed nor run for a call whose form has no
// such part.
func declares(block string) func(*Call) bool {
	return func(c *Call) bool { return c.BlockSection(block) != nil }
}

// both is stated when a and b are.
func both(a, b func(*Call) bool) func(*Call) bool {
	return func(c *Call) bool { return a(c) && b(c) }
}

// formPart is the clause of a rule of the form itself: where the call's
// documents put the block ("申报书 第五部分"), "" when they do not.
func formPart(block string) func(*Call) string {
	return func(c *Call) string { return c.PartName(block) }
}

// fixed is a clause or summary that does not depend on the call.
func fixed(s string) func(*Call) string { return func(*Call) string { return s } }

// anyCat reports whether some category of the call has a feature.
func anyCat(has func(*Category) bool) func(*Call) bool {
	return func(c *Call) bool {
		for i := range c.Categories {
			if has(&c.Categories[i]) {
				return true
			}
		}
		return false
	}
}

// catClauses joins, in category order and without repeats, a clause of the
// categories that have a feature ("" when none has it or none gives it).
func catClauses(has func(*Category) bool, clause func(*Category) string) func(*Call) string {
	return func(c *Call) string {
		var out []string
		for i := range c.Categories {
			cat := &c.Categories[i]
			if cl := clause(cat); has(cat) && cl != "" && !contains(out, cl) {
				out = append(out, cl)
			}
		}
		return strings.Join(out, "、")
	}
}

func eligibleClause(cat *Category) string { return cat.EligibleClause }
func scaleClause(cat *Category) string    { return cat.ScaleClause }
func windowClause(cat *Category) string   { return cat.WindowClause }

// perCategory joins a text of each category that has a feature, grouping
// categories with the same text: "年会分会场200人，研究生论坛、基础研究50人".
func perCategory(c *Call, has func(*Category) bool, text func(*Category) string) string {
	var texts []string
	names := map[string][]string{}
	for i := range c.Categories {
		cat := &c.Categories[i]
		if !has(cat) {
			continue
		}
		t := text(cat)
		if _, ok := names[t]; !ok {
			texts = append(texts, t)
		}
		names[t] = append(names[t], cat.ShortName)
	}
	parts := make([]string, len(texts))
	for i, t := range texts {
		parts[i] = strings.Join(names[t], "、") + t
	}
	return strings.Join(parts, "，")
}

func typeNames(c *Call, ids []string) string {
	n := make([]string, len(ids))
	for i, id := range ids {
		n[i] = c.ApplicantTypeName(id)
	}
	return strings.Join(n, "、")
}

// clauseOf is a rule's clause read from the call's [clauses].
func clauseOf(pick func(Clauses) string) func(*Call) string {
	return func(c *Call) string { return pick(c.Clauses) }
}

func submissionClause(cl Clauses) string   { return cl.Submission }
func confidentialClause(cl Clauses) string { return cl.Confidential }
func deadlineClause(cl Clauses) string     { return cl.Deadline }
func categoriesClause(cl Clauses) string   { return cl.Categories }
func afterClause(c *Call) string           { return c.Clauses.AfterEvent }

// rule is a registry entry as the call states it, its override applied.
func (r *ruleDef) rule(call *Call) Rule {
	out := Rule{ID: r.id, Severity: r.sev, Clause: r.clause(call), Summary: r.summary(call)}
	if o := call.override(r.id); o != nil {
		if o.Severity != "" {
			out.Severity = o.Severity
		}
		if o.Clause != "" {
			out.Clause = o.Clause
		}
		if o.Summary != "" {
			out.Summary = o.Summary
		}
	}
	return out
}

// Rules lists every rule of a call whose fact the call states, the rules
// its categories' parts declare included, with clause and summary stated
// from the call, sorted by ID.
func Rules(call *Call) []Rule {
	out := make([]Rule, 0, len(registry)+16)
	seen := map[string]bool{}
	for _, r := range registry {
		if r.stated != nil && !r.stated(call) {
			continue // the call does not state what the rule checks
		}
		out = append(out, r.rule(call))
		seen[r.id] = true
	}
	for i := range call.Categories {
		for _, r := range call.Categories[i].PartRules(call) {
			if !seen[r.ID] {
				out = append(out, r)
				seen[r.ID] = true
			}
		}
	}
	for _, r := range call.SectionRules() {
		if !seen[r.ID] {
			out = append(out, r)
			seen[r.ID] = true
		}
	}
	out = append(out, declaredRules(call)...) // IDs unique: checked when the call is read
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// RuleByID returns a rule of the call and whether it exists.
func RuleByID(call *Call, id string) (Rule, bool) {
	if r, ok := ruleByID[id]; ok {
		return r.rule(call), true
	}
	for i := range call.Categories {
		for _, r := range call.Categories[i].PartRules(call) {
			if r.ID == id {
				return r, true
			}
		}
	}
	for _, r := range call.SectionRules() {
		if r.ID == id {
			return r, true
		}
	}
	if r, ok := declaredRule(call, id); ok {
		return r, true
	}
	return Rule{}, false
}

// Count returns the number of errors and warnings among findings.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return
}
