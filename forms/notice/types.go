package notice

import (
	"sort"
	"strings"
	"unicode/utf8"

	"shenbao/forms"
)

// types are the applicant types the proposed call writes, in the file's
// order (the base's or the filler's order, then the new ones): with a base,
// all the base's; without one, only those the notice names (in a
// category's 申报范围 or a duty's sentence). Each carries the duties the
// notice states for the types its sentence names (年检合格, 学会评价, the
// honours), else the base's.
func (p *Proposal) types() forms.ApplicantTypeList {
	c := p.Call
	used := map[string]bool{}
	for _, cat := range c.Categories {
		for _, list := range [][]string{cat.Eligible, cat.GraduateTrainingRequired, cat.JointWith} {
			for _, id := range list {
				used[id] = true
			}
		}
	}
	for _, list := range [][]string{p.duty.inspection, p.duty.evaluation, p.duty.honours} {
		for _, id := range list {
			used[id] = true
		}
	}
	var order []string
	seen := map[string]bool{}
	add := func(id string) {
		if _, ok := c.ApplicantTypes[id]; ok && !seen[id] {
			seen[id] = true
			order = append(order, id)
		}
	}
	if p.base != nil {
		for _, t := range p.base.Types {
			add(t.ID)
		}
	}
	for _, t := range p.Filler.Types {
		if used[t.ID] {
			add(t.ID)
		}
	}
	var rest []string
	for id := range c.ApplicantTypes {
		if used[id] && !seen[id] {
			rest = append(rest, id)
		}
	}
	sort.Strings(rest)
	for _, id := range rest {
		add(id)
	}
	out := make(forms.ApplicantTypeList, 0, len(order))
	for _, id := range order {
		t := forms.ApplicantType{ID: id, Name: c.ApplicantTypes[id]}
		if p.base != nil {
			if b := p.base.ApplicantType(id); b != nil {
				t = *b
				t.Name = c.ApplicantTypes[id]
			}
		}
		if p.duty.inspection != nil {
			t.AnnualInspection = contains(p.duty.inspection, id)
		}
		if p.duty.evaluation != nil {
			t.Evaluation = contains(p.duty.evaluation, id)
		}
		if p.duty.honours != nil {
			t.Honours = contains(p.duty.honours, id)
		}
		out = append(out, t)
	}
	return out
}

// typeSource says where a type's duties come from, for its comment.
func (p *Proposal) typeSource(t forms.ApplicantType) string {
	var from []string
	if t.AnnualInspection && p.duty.inspection != nil {
		from = append(from, p.factWords("society_requirements.annual_inspection", "须年检合格"))
	}
	if t.Evaluation && p.duty.evaluation != nil {
		from = append(from, p.factWords("society_requirements.evaluation_year", "参加学会评价"))
	}
	if t.Honours && p.duty.honours != nil {
		from = append(from, p.factWords("honours", "荣誉优先支持"))
	}
	s := strings.Join(from, "；")
	if p.base != nil && p.base.ApplicantType(t.ID) != nil {
		if s != "" {
			return s + "；其余取自基础通知"
		}
		return "取自基础通知"
	}
	if strings.HasPrefix(t.ID, "applicant_") {
		if s != "" {
			return "通知中出现的新申报单位类型；" + s
		}
		return "通知中出现的新申报单位类型"
	}
	return s
}

// factWords cites a fact's clause and words, what for.
func (p *Proposal) factWords(key, what string) string {
	f := p.Fact(key)
	if f == nil || f.Status != Found {
		return what
	}
	return what + "（通知 " + f.Clause + "：" + clip(f.Text, 20) + "）"
}

// softRules are the program's rules a call-wide fact is the fact of: a soft
// word in its sentence (原则上, 一般) makes the rule a warning.
var softRules = map[string]string{
	"max_total_per_unit":                     "quota.total",
	"max_per_category_per_unit":              "quota.per_category",
	"society_requirements.annual_inspection": "society.annual_inspection",
	"society_requirements.evaluation_year":   "society.evaluation",
}

// softCatRules are the rules of a category's fact: an override applies to
// every category, so it is written only when every category stating the
// fact states it with the same soft word.
var softCatRules = map[string]string{
	"min_participants": "scale.participants",
	"max_participants": "scale.participants_max",
	"min_papers":       "scale.papers",
}

// overrides are the [overrides."<rule-id>"] of the soft words (and, with
// a base, the base's for the rules the notice does not qualify), each with
// the fact it comes from.
func (p *Proposal) overrides() (map[string]forms.RuleOverride, map[string]string) {
	out, from := map[string]forms.RuleOverride{}, map[string]string{}
	if p.base != nil {
		for id, o := range p.base.Rules {
			out[id], from[id] = o, "取自基础通知"
		}
	}
	for key, id := range softRules {
		f := p.Fact(key)
		if f == nil || f.Status != Found || f.Soft == "" || f.Severity == "" {
			continue
		}
		o := forms.RuleOverride{Severity: f.Severity, Clause: f.Clause}
		// The rule's line in `shenbao rules`: the notice's own words
		// (“每单位原则上申报1项”), when they are short and hold no placeholder.
		if w := softScope(f.Sentence, f.Text); strings.Contains(w, f.Soft) && utf8.RuneCountInString(w) <= 40 && !strings.ContainsAny(w, "{}") {
			o.Summary = w
		}
		out[id] = o
		from[id] = "通知 " + f.Clause + "“" + f.Soft + "”：" + clip(f.Sentence, 30)
	}
	for k, id := range softCatRules {
		var sev forms.Severity
		var first *Fact
		uniform := true
		for _, cat := range p.Call.Categories {
			f := p.Fact("categories." + cat.ID + "." + k)
			if f == nil || f.Status != Found {
				continue
			}
			if first == nil {
				first, sev = f, f.Severity
			}
			if f.Severity != sev || f.Soft == "" {
				uniform = false
			}
		}
		if first != nil && uniform && sev != "" {
			out[id] = forms.RuleOverride{Severity: sev}
			from[id] = "通知 " + first.Clause + "“" + first.Soft + "”：" + clip(first.Sentence, 30)
		}
	}
	return out, from
}

// declared are the [[rules]] the notice states: the place of the events
// (“须在湖北省境内举办”: the city must name the region, as the notice
// words it; no list of cities is made up).
func (p *Proposal) declared() []forms.RuleDecl {
	if p.place == nil {
		return nil
	}
	pl := p.place
	return []forms.RuleDecl{{
		ID: "place.region", Clause: pl.clause,
		Summary:  "项目须在" + pl.words + "境内举办",
		Message:  "举办城市须在" + pl.words + "境内，现在填的是“{value}”：请写明" + pl.region + "的城市（如“" + pl.words + "××市”）（通知 {clause}）。",
		CondDecl: forms.CondDecl{Field: "project.city", ContainsAny: []string{pl.region}},
	}}
}
