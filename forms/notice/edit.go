package notice

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"shenbao/forms"
)

// target is the call field a fact's key names, or an invalid value when
// the fact is not one field (after_event.N, soft.N, total_quota).
func (p *Proposal) target(key string) (reflect.Value, *forms.Category) {
	if rest, ok := strings.CutPrefix(key, "categories."); ok {
		id, name, ok := strings.Cut(rest, ".")
		cat := p.Call.Category(id)
		if !ok || cat == nil || !isKey(catKeys, name) {
			return reflect.Value{}, nil
		}
		return field(reflect.ValueOf(cat), name), cat
	}
	if !isKey(callKeys, key) {
		return reflect.Value{}, nil
	}
	return field(reflect.ValueOf(p.Call), key), nil
}

func isKey(defs []keyDef, k string) bool {
	for _, d := range defs {
		if d.key == k {
			return true
		}
	}
	return false
}

var quotaWordsRe = regexp.MustCompile(`^(不限|若干|(\d{1,4})\s*(?:个|项)?\s*左右)$`)

var numberRe = regexp.MustCompile(`^\s*(\d[\d,，]*)\s*(?:项|份|人|篇|元|年)?\s*$`)

// Set corrects a fact: the text is the value as the user types it
// (“2025-05-09”, “6”, “是”, names joined with 、). The fact is then
// 已校正. Facts that are not one value of the call (the duties after the
// event, the venues, the honours, soft words) are corrected in the file.
func (p *Proposal) Set(key, text string) error {
	f := p.Fact(key)
	v, cat := p.target(key)
	if f == nil || !v.IsValid() {
		return fmt.Errorf("“%s”不能在这里修改，请在生成的文件中修改", key)
	}
	text = strings.TrimSpace(text)
	if cat != nil && strings.HasSuffix(key, ".quota") {
		// “不限”, “40个左右”: the words are kept as the notice has them.
		if m := quotaWordsRe.FindStringSubmatch(text); m != nil {
			cat.Quota, cat.QuotaMin, cat.QuotaWords = atoi(m[2]), 0, text
			f.Value, f.Status, f.Note = text, Edited, ""
			return nil
		}
		cat.QuotaWords = ""
	}
	switch x := v.Interface().(type) {
	case time.Time:
		d, err := forms.ParseDateLoose(text)
		if err != nil || d.IsZero() && text != "" {
			return fmt.Errorf("%s：“%s”不是日期，请写作 年-月-日，如 2025-05-09", f.Label, text)
		}
		v.Set(reflect.ValueOf(d.Time()))
	case bool:
		switch text {
		case "是", "true", "有", "须":
			v.SetBool(true)
		case "否", "false", "无", "不", "":
			v.SetBool(false)
		default:
			return fmt.Errorf("%s：请填“是”或“否”", f.Label)
		}
	case []string:
		var list []string
		for _, s := range listSepRe.Split(text, -1) {
			if s = trimLine(s); s != "" {
				list = append(list, s)
			}
		}
		if strings.HasSuffix(key, ".eligible") || strings.HasSuffix(key, ".graduate_training_required") {
			for i, n := range list {
				list[i] = p.typeID(n)
			}
		}
		v.Set(reflect.ValueOf(list))
	case string:
		v.SetString(text)
	case int, int64:
		n := int64(0)
		if text != "" {
			m := numberRe.FindStringSubmatch(text)
			if m == nil {
				return fmt.Errorf("%s：“%s”不是整数", f.Label, text)
			}
			n, _ = strconv.ParseInt(strings.NewReplacer(",", "", "，", "").Replace(m[1]), 10, 64)
		}
		v.SetInt(n)
	default:
		_ = x
		return fmt.Errorf("%s不能在这里修改，请在生成的文件中修改", f.Label)
	}
	if cat != nil && strings.HasSuffix(key, ".funding") && cat.FundingKind == "" {
		cat.FundingKind = forms.FundingFixed
	}
	f.Value, f.Status, f.Note = p.display(key, v), Edited, ""
	return nil
}

// typeID is the applicant type named n, added when new.
func (p *Proposal) typeID(n string) string {
	for _, k := range sortedKeys(p.Call.ApplicantTypes) {
		if p.Call.ApplicantTypes[k] == n || k == n {
			return k
		}
	}
	for i := 1; ; i++ {
		id := fmt.Sprintf("applicant_%d", i)
		if _, ok := p.Call.ApplicantTypes[id]; !ok {
			p.Call.ApplicantTypes[id] = n
			return id
		}
	}
}

// display is a value as a fact shows it: applicant types by name.
func (p *Proposal) display(key string, v reflect.Value) string {
	if ids, ok := v.Interface().([]string); ok && (strings.HasSuffix(key, ".eligible") || strings.HasSuffix(key, ".graduate_training_required")) {
		names := make([]string, len(ids))
		for i, id := range ids {
			names[i] = p.Call.ApplicantTypeName(id)
		}
		return strings.Join(names, "、")
	}
	return show(v)
}

// Value is the current value of a fact as the user would type it back
// into Set ("" for a fact not set).
func (p *Proposal) Value(key string) string {
	v, _ := p.target(key)
	if !v.IsValid() {
		if f := p.Fact(key); f != nil {
			return f.Value
		}
		return ""
	}
	if v.IsZero() {
		return ""
	}
	return p.display(key, v)
}

// Editable reports whether Set can change a fact.
func (p *Proposal) Editable(key string) bool {
	v, _ := p.target(key)
	if !v.IsValid() {
		return false
	}
	switch v.Interface().(type) {
	case time.Time, bool, []string, string, int, int64:
		return true
	}
	return false
}

// Changes lists what the proposal changes from the base call, the way
// carrying a draft into a new call lists it: “申报截止时间：2024-04-22 →
// 2025-05-09”, new and removed categories. Nil without a base.
func (p *Proposal) Changes() []string {
	if p.base == nil {
		return nil
	}
	var out []string
	for _, k := range callKeys {
		was, now := show(field(reflect.ValueOf(p.base), k.key)), show(field(reflect.ValueOf(p.Call), k.key))
		if was != now {
			out = append(out, fmt.Sprintf("%s：%s → %s", k.label, orNone(was), orNone(now)))
		}
	}
	for i := range p.Call.Categories {
		cat := &p.Call.Categories[i]
		b := p.baseCats[cat.ID]
		if b == nil {
			out = append(out, "新增类别："+cat.Name)
			continue
		}
		for _, k := range catKeys {
			if k.key == "clause" && cat.Clause == b.Clause {
				continue
			}
			was, now := displayIn(p.base, b, k.key), displayIn(p.Call, cat, k.key)
			if was != now {
				out = append(out, fmt.Sprintf("%s %s：%s → %s", cat.Name, k.label, orNone(was), orNone(now)))
			}
		}
	}
	for _, name := range p.Removed {
		out = append(out, "取消类别："+name)
	}
	out = append(out, p.NotCarried...)
	return out
}

func displayIn(c *forms.Call, cat *forms.Category, key string) string {
	v := field(reflect.ValueOf(cat), key)
	if ids, ok := v.Interface().([]string); ok && (key == "eligible" || key == "graduate_training_required") {
		names := make([]string, len(ids))
		for i, id := range ids {
			names[i] = c.ApplicantTypeName(id)
		}
		return strings.Join(names, "、")
	}
	if v.IsZero() {
		return ""
	}
	return show(v)
}

func orNone(s string) string {
	if s == "" || s == "0" || s == "否" || s == "0001-01-01" {
		if s == "否" {
			return s
		}
		return "（无）"
	}
	return s
}

// PartFrom is the ID of the filler's category whose part of the form (第三部分)
// a category takes ("" for none).
func (p *Proposal) PartFrom(catID string) string { return p.partFrom[catID] }

// UsePart gives a category the part of the form, the required content and
// the short name of one of the filler's categories (fromID "": no part of
// its own). The part's clauses and rule IDs follow the category.
func (p *Proposal) UsePart(catID, fromID string) error {
	cat := p.Call.Category(catID)
	if cat == nil {
		return fmt.Errorf("没有类别 %s", catID)
	}
	if fromID == "" {
		cat.Part, cat.RequiredContent = forms.PartDecl{}, nil
		delete(p.partFrom, catID)
		p.carryRules()
		return nil
	}
	fc := p.Filler.Category(fromID)
	if fc == nil {
		return fmt.Errorf("%s中没有类别 %s", baseName(p.Filler), fromID)
	}
	cat.Part = copyPart(fc, cat.ID, cat.Clause)
	cat.RequiredContent = append([]string(nil), fc.RequiredContent...)
	p.partFrom[catID] = fromID
	p.carryRules()
	return nil
}
