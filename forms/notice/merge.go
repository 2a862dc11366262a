package notice

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"shenbao/forms"
)

// keyDef is a fact looked for: its key in the call file, its label, whether
// it is listed as 未识别 when missing (core), and its group: the keys of a
// group are read together, so when the notice states one of them the
// others are not taken from the base (a quota "6项" this year does not keep
// last year's quota_min).
type keyDef struct {
	key, label string
	core       bool
	group      string
}

var callKeys = []keyDef{
	{"year", "年度", true, ""},
	{"title", "项目名称", true, ""},
	{"notice_title", "通知标题", true, ""},
	{"issuer", "发文单位", true, ""},
	{"issuer_short", "发文单位简称", false, ""},
	{"deadline", "申报截止时间", true, ""},
	{"posted_must_arrive", "邮寄须截止前寄达", true, ""},
	{"announcement_by", "入选名单公布日期", true, ""},
	{"announcement_where", "入选名单公布位置", true, ""},
	{"max_per_category_per_unit", "每单位同类限报", true, ""},
	{"max_total_per_unit", "每单位总计限报", true, ""},
	{"paper_copies", "纸质件份数", true, ""},
	{"priority_years", "优先支持的年度", false, "priority"},
	{"honours", "优先支持的荣誉", false, "priority"},
	{"society_requirements.annual_inspection", "学会须年检合格", false, ""},
	{"society_requirements.evaluation_year", "学会评价年度", false, ""},
	{"society_requirements.clause", "学会要求条款", false, ""},
	{"joint_lead_required", "联合申报须注明牵头单位", false, "lead"},
	{"joint_lead_clause", "牵头单位条款", false, "lead"},
	{"contact.department", "联系部门", true, ""},
	{"contact.person", "联系人", true, ""},
	{"contact.phone", "联系电话", true, ""},
	{"contact.email", "邮箱", true, ""},
	{"contact.address", "地址", true, ""},
	{"contact.office", "办公室", false, ""},
	{"clauses.submission", "限报与报送条款", true, ""},
	{"clauses.after_event", "会后材料条款", true, ""},
	{"clauses.confidential", "保密条款", true, ""},
	{"clauses.deadline", "截止时间条款", true, ""},
}

var catKeys = []keyDef{
	{"name", "名称", true, "name"},
	{"clause", "条款", true, "name"},
	{"edition", "届次", false, "name"},
	{"quota", "项目数量", true, "quota"},
	{"quota_min", "项目数量下限", false, "quota"},
	{"quota_text", "项目数量（文字）", false, "quota"},
	{"funding_kind", "资助方式", true, "funding"},
	{"funding", "经费额度", false, "funding"},
	{"funding_min", "经费下限", false, "funding"},
	{"funding_max", "经费上限", false, "funding"},
	{"venues", "赛场及经费", false, "funding"},
	{"winners_support", "获奖者参加学术交流活动经费", false, "funding"},
	{"winners_venue", "获奖者经费所属赛场", false, "funding"},
	{"eligible", "申报范围", true, "eligible"},
	{"eligible_clause", "申报范围条款", false, "eligible"},
	{"graduate_training_required", "须有研究生培养资格的申报单位", false, "eligible"},
	{"joint_encouraged", "鼓励联合申报", false, "eligible"},
	{"min_participants", "参会人数下限", false, "scale"},
	{"max_participants", "参会人数上限", false, "scale"},
	{"min_papers", "论文数下限", false, "scale"},
	{"scale_clause", "规模条款", false, "scale"},
	{"window_start", "完成时间起", true, "window"},
	{"window_end", "完成时间止", true, "window"},
	{"window_text", "完成时间", false, "window"},
	{"window_clause", "完成时间条款", false, "window"},
	{"window_preferred", "完成时间仅为优先", false, "window"},
	{"forms_allowed", "活动形式", false, "forms"},
	{"theme", "主题", false, "theme"},
}

// field is the struct field of v with the given dotted path of toml tags.
func field(v reflect.Value, path string) reflect.Value {
	for _, name := range strings.Split(path, ".") {
		for v.Kind() == reflect.Pointer {
			v = v.Elem()
		}
		t := v.Type()
		found := false
		for i := 0; i < t.NumField(); i++ {
			if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ","); tag == name {
				v, found = v.Field(i), true
				break
			}
		}
		if !found {
			panic("notice: no call key " + path)
		}
	}
	return v
}

// show writes a value of the call as a fact's text.
func show(v reflect.Value) string {
	switch x := v.Interface().(type) {
	case time.Time:
		return ymd(x)
	case bool:
		if x {
			return "是"
		}
		return "否"
	case []string:
		return strings.Join(x, "、")
	case []forms.Venue:
		var s []string
		for _, ve := range x {
			s = append(s, fmt.Sprintf("%s%d元", ve.Name, ve.Funding))
		}
		return strings.Join(s, "，")
	case []forms.Honour:
		var s []string
		for _, h := range x {
			s = append(s, h.Name)
		}
		return strings.Join(s, "、")
	}
	return fmt.Sprint(v.Interface())
}

// merge fills what the notice does not state from the base (marked so),
// lists the rest as 未识别, takes the form's parts from the filler, and
// orders the facts.
func (r *reader) merge() {
	c := r.p.Call
	var facts []Fact
	add := func(f *Fact) { facts = append(facts, *f) }
	groupFound := func(prefix string, defs []keyDef, group string) bool {
		for _, k := range defs {
			if k.group == group && r.found[prefix+k.key] != nil {
				return true
			}
		}
		return false
	}
	for _, k := range callKeys {
		if f := r.found[k.key]; f != nil {
			add(f)
			continue
		}
		if r.base != nil && (k.group == "" || !groupFound("", callKeys, k.group)) {
			if bv := field(reflect.ValueOf(r.base), k.key); !bv.IsZero() {
				field(reflect.ValueOf(c), k.key).Set(bv)
				add(&Fact{Key: k.key, Label: k.label, Value: show(bv), Status: FromBase})
				continue
			}
		}
		if k.core {
			add(&Fact{Key: k.key, Label: k.label, Status: Unrecognized})
		}
	}
	// The duties after the event.
	if len(c.AfterEvent) == 0 {
		if r.base != nil && len(r.base.AfterEvent) > 0 {
			c.AfterEvent = append([]forms.AfterEvent(nil), r.base.AfterEvent...)
			for i, ae := range c.AfterEvent {
				var names []string
				for _, it := range ae.Items {
					names = append(names, it.Name)
				}
				add(&Fact{Key: fmt.Sprintf("after_event.%d", i), Label: "会后" + ae.Within() + "报送",
					Value: ae.Within() + "：" + strings.Join(names, "；"), Status: FromBase})
			}
		} else {
			add(&Fact{Key: "after_event", Label: "会后报送的材料", Status: Unrecognized})
		}
	}
	for _, key := range r.order {
		if strings.HasPrefix(key, "after_event.") || key == "total_quota" || key == "rules.place" || key == "documents.title" || strings.HasPrefix(key, "category_groups.") {
			add(r.found[key])
		}
	}
	if c.ApplicantTypes == nil {
		c.ApplicantTypes = map[string]string{}
		for k, v := range r.filler.ApplicantTypes {
			c.ApplicantTypes[k] = v
		}
	}
	// The categories.
	for ci := range c.Categories {
		cat := &c.Categories[ci]
		prefix := "categories." + cat.ID + "."
		b := r.matched[ci]
		for _, k := range catKeys {
			label := cat.Name + " " + k.label
			if f := r.found[prefix+k.key]; f != nil {
				add(f)
				continue
			}
			if groupFound(prefix, catKeys, k.group) {
				continue
			}
			if b != nil {
				if bv := field(reflect.ValueOf(b), k.key); !bv.IsZero() {
					field(reflect.ValueOf(cat), k.key).Set(bv)
					add(&Fact{Key: prefix + k.key, Label: label, Value: show(bv), Status: FromBase})
					continue
				}
			}
			if k.core {
				add(&Fact{Key: prefix + k.key, Label: label, Status: Unrecognized})
			}
		}
		if f := r.found[prefix+"code"]; f != nil {
			add(f)
		}
		// The winners' support goes with the venue it went with last year.
		if b != nil && cat.WinnersSupport > 0 && cat.WinnersVenue == "" && b.WinnersVenue != "" && cat.Venue(b.WinnersVenue) != nil {
			cat.WinnersVenue = b.WinnersVenue
			add(&Fact{Key: prefix + "winners_venue", Label: cat.Name + " 获奖者经费所属赛场", Value: b.WinnersVenue, Status: FromBase})
		}
		// The form: the part, its required content and short name follow
		// the filler's category of the same name.
		if fl := r.fillCat[ci]; fl != nil {
			cat.ShortName = fl.ShortName
			cat.RequiredContent = append([]string(nil), fl.RequiredContent...)
			cat.Part = copyPart(fl, cat.ID, cat.Clause)
			r.p.partFrom[cat.ID] = fl.ID
			if cat.WinnersVenue == "" && cat.WinnersSupport > 0 && fl.WinnersVenue != "" && cat.Venue(fl.WinnersVenue) != nil {
				cat.WinnersVenue = fl.WinnersVenue
			}
		}
		if cat.ShortName == "" {
			cat.ShortName = shortName(editionRe.ReplaceAllString(cat.Name, ""))
		}
	}
	if r.base != nil {
		for _, bc := range r.base.Categories {
			if !r.matchedBase(bc.ID) {
				r.p.Removed = append(r.p.Removed, bc.Name)
			}
		}
	}
	for _, key := range r.order {
		if strings.HasPrefix(key, "soft.") {
			add(r.found[key])
		}
	}
	for i := range facts {
		if facts[i].Status != Found {
			facts[i].Index = -1
		}
	}
	r.p.Facts = facts
	if c.TotalQuota == nil && r.base != nil && r.base.TotalQuota != nil {
		tq := *r.base.TotalQuota
		c.TotalQuota = &tq
		r.p.Facts = append(r.p.Facts, Fact{Key: "total_quota", Label: "各类别合计资助数量", Value: r.base.TotalQuota.Text(), Status: FromBase, Index: -1})
	}
	r.p.base, r.p.baseCats = r.base, map[string]*forms.Category{}
	for ci, b := range r.matched {
		if b != nil {
			r.p.baseCats[c.Categories[ci].ID] = b
		}
	}
	r.p.carryGroups()
	for _, s := range r.n.sentences {
		r.p.Sentences = append(r.p.Sentences, Sentence{Text: s.text, Clause: s.clause})
	}
	r.p.settle()
}

// societyFits drops the society requirements no applicant type carries
// (the loader refuses them), saying which it dropped.
func societyFits(c *forms.Call) (inspection, evaluation bool) {
	if c.Society.AnnualInspection && !c.AsksAnnualInspection() {
		c.Society.AnnualInspection, inspection = false, true
	}
	if c.Society.EvaluationYear > 0 && !c.AsksEvaluation() {
		c.Society.EvaluationYear, evaluation = 0, true
	}
	if !c.Society.AnnualInspection && c.Society.EvaluationYear == 0 && !c.AsksHonours() {
		c.Society.Clause = ""
	}
	return inspection, evaluation
}

// settle makes the proposed call what its file will be: the applicant
// types with their duties, no society requirement no type carries (noted
// on its fact), the soft words' overrides and the declared rules.
func (p *Proposal) settle() {
	c := p.Call
	c.Types = p.types()
	ins, eval := societyFits(c)
	if ins {
		if f := p.Fact("society_requirements.annual_inspection"); f != nil {
			f.Note = "通知没有写明哪类申报单位须年检合格，未写入文件：请在 [applicant_types] 中给相应类型加 annual_inspection = true"
		}
	}
	if eval {
		if f := p.Fact("society_requirements.evaluation_year"); f != nil {
			f.Note = "通知没有写明哪类申报单位须参加学会评价，未写入文件：请在 [applicant_types] 中给相应类型加 evaluation = true，并写 evaluation_year"
		}
	}
	for i := range c.CategoryGroups {
		g := &c.CategoryGroups[i]
		for _, cat := range c.Categories {
			if cat.Group == g.ID && cat.Code != "" && g.Code != "" && !strings.HasPrefix(cat.Code, g.Code) {
				g.Code = "" // the items' codes do not share it: none is better than a wrong one
			}
		}
	}
	c.Rules, _ = p.overrides()
	p.carryRules()
}

func (r *reader) matchedBase(id string) bool {
	for _, b := range r.matched {
		if b != nil && b.ID == id {
			return true
		}
	}
	return false
}

// copyPart is a copy of a category's part for another: its clauses follow
// the category's clause (last year's 一（四）4(2) is this year's 一（三）4(2)
// when the category moved) and its rule IDs the category's ID
// (content.basic.convener → content.salon.convener when the salon takes the
// part of basic).
func copyPart(from *forms.Category, toID, toClause string) forms.PartDecl {
	p := from.Part
	re := func(fd *forms.FieldDecl) {
		if from.Clause != "" && toClause != "" && strings.HasPrefix(fd.Clause, from.Clause) {
			fd.Clause = toClause + strings.TrimPrefix(fd.Clause, from.Clause)
		}
		if old := "content." + from.ID + "."; from.ID != toID && strings.HasPrefix(fd.Rule, old) {
			fd.Rule = "content." + toID + "." + strings.TrimPrefix(fd.Rule, old)
		}
	}
	out := forms.PartDecl{Title: p.Title, Fields: make([]forms.FieldDecl, len(p.Fields))}
	for i, fd := range p.Fields {
		re(&fd)
		fd.Columns = append([]forms.FieldDecl(nil), fd.Columns...)
		for j := range fd.Columns {
			re(&fd.Columns[j])
		}
		out.Fields[i] = fd
	}
	return out
}

// shortName is a name made fit to be a category's short name, which names
// files: at most 20 characters, none the file systems refuse, not starting
// with a dot or a space.
func shortName(name string) string {
	return forms.ShortNameFrom(name)
}
