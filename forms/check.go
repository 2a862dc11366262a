package forms

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/go-playground/validator/v10"
)

// Options are the inputs of a check besides the call and the draft.
type Options struct {
	// Today is the date the deadline is counted from; zero skips the
	// deadline findings.
	Today Date
	// Printable reports whether a character can be printed with the
	// program's bundled fonts; nil skips that check. The document writers
	// provide it (see package forms/fonts).
	Printable func(rune) bool
}

// run is one check of one draft: what every rule's check reads, and where
// it reports. Check runs each rule's check in turn with rule set to that
// rule (and over to the call's override of it, if any).
type run struct {
	call *Call
	cat  *Category // nil when the draft's category is not in the call
	d    *Draft
	opts Options
	rule *ruleDef
	over *RuleOverride
	out  []Finding
}

// report adds a finding of the rule being checked, with its severity.
func (r *run) report(field, msg string) { r.reportAs(r.rule.sev, field, msg) }

// reportAs adds a finding of the rule being checked with another severity
// (a reminder that becomes a warning once overdue, say). The call's
// override of the rule, if any, sets the severity of its findings of the
// rule's own severity and replaces the message.
func (r *run) reportAs(sev Severity, field, msg string) {
	if o := r.over; o != nil {
		if o.Severity != "" && sev == r.rule.sev {
			sev = o.Severity
		}
		if o.Message != "" {
			cl := o.Clause
			if cl == "" {
				cl = r.rule.clause(r.call)
			}
			msg = strings.ReplaceAll(o.Message, "{clause}", cl)
		}
	}
	r.out = append(r.out, Finding{Rule: r.rule.id, Field: field, Severity: sev, Message: msg})
}

// cite is the citation of a clause the rule's message ends with:
// "（通知 二、2）", the call's override of the clause, or nothing when there
// is no clause.
func (r *run) cite(clause string) string {
	if r.over != nil && r.over.Clause != "" {
		clause = r.over.Clause
	}
	return cite(clause)
}

// citeForm is the citation of a rule of the form itself: where the call's
// documents put the block, "（申报书 第五部分）", or the clause the call's
// [overrides] give the rule; "" when neither is known.
func (r *run) citeForm(block string) string {
	part := r.call.PartName(block)
	if r.over != nil && r.over.Clause != "" {
		part = r.over.Clause
	}
	if part == "" {
		return ""
	}
	return "（" + part + "）"
}

// addAll adds findings a function made for the rule being checked.
func (r *run) addAll(fs []Finding) {
	for _, f := range fs {
		r.reportAs(f.Severity, f.Field, f.Message)
	}
}

var validate = newValidator()

func newValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	str := func(ok func(string) bool) validator.Func {
		return func(fl validator.FieldLevel) bool { return ok(fl.Field().String()) }
	}
	must(v.RegisterValidation("uscc", str(ValidUSCC)))
	must(v.RegisterValidation("cnmobile", str(ValidMobile)))
	must(v.RegisterValidation("cnphone", str(ValidPhone)))
	must(v.RegisterValidation("cnemail", str(ValidEmail)))
	must(v.RegisterValidation("postcode", str(ValidPostcode)))
	must(registerPartValidations(v))
	return v
}

// Check runs every rule of the call on one draft and returns its findings,
// errors first, then warnings, then info; within a severity in form order.
// The fields' own constraints are go-playground/validator's: the struct tags
// of the common parts, and the rules compiled from the call's declaration of
// the category's part (ValidateMap). Every other rule is the registry's
// (rules.go): Check runs each rule's check in the registry's order.
func Check(call *Call, d *Draft, opts Options) []Finding {
	// Only the part of the draft's own category is checked: a user who
	// switched category keeps the other part's values, unchecked.
	c := *d
	c.Parts = nil
	if p := d.Parts[d.Category]; p != nil {
		c.Parts = map[string]Values{d.Category: p}
	}
	c.EnsurePart()
	r := &run{call: call, cat: call.Category(d.Category), d: &c, opts: opts}
	out := fieldFindings(call, reflect.ValueOf(&c).Elem(), draftRules, "", -1, make([]Finding, 0, 16))
	for _, e := range registry {
		if e.check == nil || r.cat == nil && !e.noCategory {
			continue
		}
		r.rule, r.over = e, call.override(e.id)
		e.check(r)
	}
	out = append(out, r.out...)
	if r.cat != nil {
		out = append(out, partFindings(call, r.cat, &c)...)
	}
	out = append(out, sectionFindings(call, r.cat, &c)...)
	out = append(out, declaredFindings(call, &c)...) // the call file's [[rules]] (rules_declared.go)
	out = call.adaptFindings(&c, out)
	out = call.dropIrrelevant(&c, out) // the sections the draft is not asked ([[documents.sections]] when)
	SortFindings(out)
	return out
}

func asValidationErrors(err error, verrs *validator.ValidationErrors) bool {
	return errors.As(err, verrs)
}

// SortFindings orders findings by severity (errors first); the order within
// a severity is kept.
func SortFindings(fs []Finding) {
	rank := map[Severity]int{Error: 0, Warning: 1, Info: 2}
	sort.SliceStable(fs, func(i, j int) bool { return rank[fs[i].Severity] < rank[fs[j].Severity] })
}

// toFinding turns a validator error (a field constraint) into a finding of
// the rule that declares the failed tag (ruleDef.tags), its message made by
// the rule's field function; a tag no rule declares is a required field.
func toFinding(call *Call, path string, fe validator.FieldError) Finding {
	r := ruleByTag[fe.Tag()]
	if r == nil || r.field == nil {
		return requiredFinding(call, path)
	}
	val := Shorten(fmt.Sprint(fe.Value()), 40)
	fw := ""
	if hasFullWidth(val) {
		fw = "（其中有全角字符，请切换到半角输入）"
	}
	return Finding{Rule: r.id, Field: path, Severity: r.sev, Message: r.field(fieldError{label: call.FieldLabel(path), value: val, fullWidth: fw, tag: fe.Tag()})}
}

// fieldError is what a field rule's message says of a failed value: the
// field's label, its value (shortened) and a note when it has full-width
// characters.
type fieldError struct {
	label, value, fullWidth, tag string
}

// ruleByTag is the rule of each validator tag, from the rules' tags.
var ruleByTag = func() map[string]*ruleDef {
	m := map[string]*ruleDef{}
	for _, r := range registry {
		for _, t := range r.tags {
			m[t] = r
		}
	}
	return m
}()

// requiredFinding is the finding of a required field left empty.
func requiredFinding(call *Call, path string) Finding {
	return Finding{Rule: RuleRequired, Field: path, Severity: Error, Message: fmt.Sprintf("请填写%s。", call.FieldLabel(path))}
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
