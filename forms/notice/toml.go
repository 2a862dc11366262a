package notice

import (
	"bytes"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"shenbao/forms"
)

// TOML writes the proposal as a call file that forms.ParseCall accepts.
// It writes what the notice states (or, with a base, what the base states,
// marked 取自基础通知) and nothing else: a fact the notice does not state
// is left out, with a comment line saying so (未识别), as the format allows.
// Only what the loader cannot do without is filled in and marked: the year
// and a category's name when the notice gives none, and the application's
// form ([[documents]]), taken from the base or the newest shipped call.
// Each value's comment says where it comes from: the notice's clause and
// words, the base call, or 未识别.
func (p *Proposal) TOML() []byte {
	c := p.withPlaceholders()
	w := &tomlWriter{p: p}
	w.line("# %d年度申报通知数据文件（草案）：由 shenbao notice 从通知生成，请逐项核对。", c.Year)
	if p.Base != "" {
		w.line("# 基础通知：%s（通知未重述的内容取自它，注释为“取自基础通知”）。", p.Base)
	} else {
		w.line("# 没有基础通知：申报书的格式（[[documents]]）和各类别的专项内容（第三部分）取自%s，请按本年通知核对。", baseName(p.Filler))
	}
	w.line("# 注释写明每项的出处：通知条款和原文、取自基础通知，或“未识别”（通知中没有找到，没有写入：不写的事项程序不检查）。")
	if n := p.Count(Found); n > 0 {
		w.line("# 通知原文 %d 项，已校正 %d 项，取自基础通知 %d 项，未识别 %d 项。", n, p.Count(Edited), p.Count(FromBase), p.Count(Unrecognized))
	}
	soft := false
	for _, f := range p.Facts {
		switch {
		case strings.HasPrefix(f.Key, "soft."):
			if !soft {
				w.line("# 软性要求（“原则上”“一般”宜为警告，“优先”“鼓励”宜为提示，而非错误；能对应到规则的已写入 [overrides]）：")
				soft = true
			}
			w.line("#   通知 %s “%s”：%s", f.Clause, clip(f.Sentence, 40), f.Severity.SeverityName())
		case f.Note != "" && f.Clause == "":
			w.line("# 注意（%s）：%s；%s", f.Label, f.Value, f.Note)
		case f.Note != "":
			w.line("# 注意（%s，通知 %s）：%s；%s", f.Label, f.Clause, f.Value, f.Note)
		}
	}
	for _, name := range p.Removed {
		w.line("# 基础通知的类别“%s”本年通知中没有，已删去。", name)
	}
	for _, s := range p.NotCarried {
		w.line("# %s。", s)
	}
	w.blank()
	for _, k := range []string{"year", "title", "notice_title", "issuer", "issuer_short", "deadline", "posted_must_arrive",
		"announcement_by", "announcement_where", "max_per_category_per_unit", "max_total_per_unit",
		"paper_copies", "priority_years", "joint_lead_required", "joint_lead_clause"} {
		w.key(c, k, k, k == "year")
	}
	w.table(c, "[contact]", "contact.", []string{"department", "person", "phone", "email", "address", "office"})
	w.table(c, "[clauses]", "clauses.", []string{"submission", "after_event", "confidential", "deadline", "categories"})
	if !reflect.ValueOf(c.Society).IsZero() {
		w.section("[society_requirements]")
		for _, k := range []string{"annual_inspection", "evaluation_year", "clause"} {
			w.key(c, "society_requirements."+k, k, false)
		}
	}
	if tq := c.TotalQuota; tq != nil {
		w.section("[total_quota]" + w.comment("total_quota"))
		w.kv("count", tq.Count, "")
		if tq.Approximate {
			w.kv("approximate", true, "“左右”：约数")
		}
		if tq.Clause != "" {
			w.kv("clause", tq.Clause, "")
		}
	}
	overrides, from := p.overrides()
	for _, id := range sortedOverrides(overrides) {
		o := overrides[id]
		w.section(fmt.Sprintf("[overrides.%s]  # %s", quote(id), from[id]))
		for _, kv := range [][2]string{{"severity", string(o.Severity)}, {"clause", o.Clause}, {"summary", o.Summary}, {"message", o.Message}} {
			if kv[1] != "" {
				w.kv(kv[0], kv[1], "")
			}
		}
	}
	for _, h := range c.Honours {
		w.section("[[honours]]" + w.comment("honours"))
		w.kv("id", h.ID, "")
		w.kv("name", h.Name, "")
	}
	for i, ae := range c.AfterEvent {
		w.section("[[after_event]]" + w.comment(fmt.Sprintf("after_event.%d", i)))
		if ae.Months > 0 {
			w.kv("months", ae.Months, "")
		} else {
			w.kv("days", ae.Days, "")
		}
		if ae.WithinText != "" {
			w.kv("within_text", ae.WithinText, "")
		}
		var items []string
		for _, it := range ae.Items {
			items = append(items, "  "+inline(reflect.ValueOf(it))+",")
		}
		w.line("items = [\n%s\n]", strings.Join(items, "\n"))
		for _, k := range []struct {
			k string
			v int
		}{{"report_max_chars", ae.ReportMaxChars}, {"photos_min", ae.PhotosMin}, {"photos_max", ae.PhotosMax}} {
			if k.v != 0 {
				w.kv(k.k, k.v, "")
			}
		}
	}
	if len(c.AfterEvent) == 0 && p.Fact("after_event") != nil {
		w.blank()
		w.line("# 未识别：会后报送的材料（[[after_event]]）通知中没有找到，没有写入")
	}
	for _, g := range c.CategoryGroups {
		pre := "category_groups." + g.ID + "."
		w.section("[[category_groups]]")
		w.kv("id", g.ID, "")
		if g.Code != "" {
			w.kv("code", g.Code, w.comment(pre+"code"))
		}
		w.kv("name", g.Name, w.comment(pre+"name"))
		if g.Clause != "" {
			w.kv("clause", g.Clause, "")
		}
	}
	for i := range c.Categories {
		w.category(&c.Categories[i])
	}
	for _, rd := range c.RuleDecls {
		w.rule(rd)
	}
	w.section("[applicant_types]                # 申报单位类型，及通知对各类型的要求")
	for _, t := range c.Types {
		w.line("%s = %s%s", bareKey(t.ID), typeValue(t), commentOf(p.typeSource(t)))
	}
	if p.base == nil {
		var rest []string
		for _, t := range p.Filler.Types {
			if c.ApplicantType(t.ID) == nil {
				rest = append(rest, "#   "+t.ID+" = "+typeValue(forms.ApplicantType{ID: t.ID, Name: t.Name}))
			}
		}
		if len(rest) > 0 {
			w.line("# %s的其他申报单位类型（本通知未提及，没有写入；需要时去掉行首的 # 号）：", baseName(p.Filler))
			w.line("%s", strings.Join(rest, "\n"))
		}
	}
	w.documents(c)
	return w.buf.Bytes()
}

// rule writes one [[rules]] entry: the notice's own (the place), commented
// with its sentence, or one carried from the base, marked so; every key
// the rule sets, in the order of the format.
func (w *tomlWriter) rule(rd forms.RuleDecl) {
	from, own := w.p.ruleFrom[rd.ID], rd.ID == "place.region" && w.p.place != nil
	switch {
	case own && from != "":
		w.section("[[rules]]" + w.comment("rules.place") + "；" + from)
	case own:
		w.section("[[rules]]" + w.comment("rules.place"))
	default:
		w.section("[[rules]]" + commentOf(from))
	}
	w.kv("id", rd.ID, "")
	if rd.Severity != "" {
		w.kv("severity", string(rd.Severity), "")
	}
	w.kv("clause", rd.Clause, "")
	w.kv("summary", rd.Summary, "")
	w.kv("message", rd.Message, "")
	if len(rd.Categories) > 0 {
		w.kv("categories", rd.Categories, "")
	}
	if rd.When != nil {
		w.line("when = %s", inline(reflect.ValueOf(*rd.When)))
	}
	rv, rt := reflect.ValueOf(rd.CondDecl), reflect.TypeOf(rd.CondDecl)
	for i := 0; i < rt.NumField(); i++ {
		tag, _, _ := strings.Cut(rt.Field(i).Tag.Get("toml"), ",")
		if tag == "" || rv.Field(i).IsZero() {
			continue
		}
		comment := ""
		if own && tag == "contains_any" && from == "" {
			comment = "只写通知所说的地区名；城市名不含地区名的，请按需要补充"
		}
		w.kv(tag, rv.Field(i).Interface(), comment)
	}
}

// table writes a table of scalar keys, when any of them is set; the
// unrecognized ones as comments.
func (w *tomlWriter) table(c *forms.Call, header, prefix string, keys []string) {
	set := false
	for _, k := range keys {
		if !field(reflect.ValueOf(c), prefix+k).IsZero() {
			set = true
		}
	}
	if !set {
		var missing []string
		for _, k := range keys {
			if f := w.p.Fact(prefix + k); f != nil && f.Status == Unrecognized {
				missing = append(missing, f.Label)
			}
		}
		if len(missing) > 0 {
			w.blank()
			w.line("# 未识别：%s（%s）通知中没有找到，没有写入", header, strings.Join(missing, "、"))
		}
		return
	}
	w.section(header)
	for _, k := range keys {
		w.key(c, prefix+k, k, false)
	}
}

func sortedOverrides(m map[string]forms.RuleOverride) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func commentOf(s string) string {
	if s == "" {
		return ""
	}
	return "  # " + s
}

// typeValue is an applicant type as the call file writes it: its name, or
// an inline table with its duties.
func typeValue(t forms.ApplicantType) string {
	if !t.AnnualInspection && !t.Evaluation && !t.Honours && !t.GraduateTraining && !t.JointOnly && t.Clause == "" {
		return quote(t.Name)
	}
	parts := []string{"name = " + quote(t.Name)}
	for _, f := range []struct {
		k  string
		on bool
	}{{"annual_inspection", t.AnnualInspection}, {"evaluation", t.Evaluation}, {"honours", t.Honours}, {"graduate_training", t.GraduateTraining}, {"joint_only", t.JointOnly}} {
		if f.on {
			parts = append(parts, f.k+" = true")
		}
	}
	if t.Clause != "" {
		parts = append(parts, "clause = "+quote(t.Clause))
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

// bareKey is a TOML key: bare when it can be, quoted else.
func bareKey(k string) string {
	if k == "" {
		return `""`
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return quote(k)
		}
	}
	return k
}

// documents writes the application's form: the base's [[documents]] (or
// the newest shipped call's), the first document titled as the notice
// names its form, its paper copies the notice's.
func (w *tomlWriter) documents(c *forms.Call) {
	docs := w.p.Filler.Documents
	w.blank()
	if w.p.base != nil {
		w.line("# 申报材料（[[documents]]）：取自基础通知 %s，请对照本年通知的附件核对。", w.p.Base)
	} else {
		w.line("# 申报材料（[[documents]]）：通知没有给出表格的结构，取自%s，请对照本年通知的附件核对。", baseName(w.p.Filler))
	}
	for i, d := range docs {
		w.section("[[documents]]")
		rv, rt := reflect.ValueOf(d), reflect.TypeOf(d)
		for j := 0; j < rt.NumField(); j++ {
			tag, _, _ := strings.Cut(rt.Field(j).Tag.Get("toml"), ",")
			if tag == "" || tag == "-" || tag == "sections" || !rt.Field(j).IsExported() {
				continue
			}
			fv := rv.Field(j)
			comment := ""
			switch {
			case i == 0 && tag == "title" && w.p.formTitle != "":
				fv, comment = reflect.ValueOf(w.p.formTitle), w.comment("documents.title")
			case i == 0 && tag == "copies":
				// The first document's copies are the call's paper copies.
				fv = reflect.ValueOf(c.PaperCopies)
			}
			if fv.IsZero() {
				continue
			}
			w.line("%s = %s%s", tag, value(fv), comment)
		}
		for _, sec := range d.Sections {
			w.blank()
			w.line("  [[documents.sections]]")
			rv, rt := reflect.ValueOf(sec), reflect.TypeOf(sec)
			for j := 0; j < rt.NumField(); j++ {
				tag, _, _ := strings.Cut(rt.Field(j).Tag.Get("toml"), ",")
				if tag == "" || tag == "-" || !rt.Field(j).IsExported() || rv.Field(j).IsZero() {
					continue
				}
				if rv.Field(j).Kind() == reflect.Slice && rv.Field(j).Type().Elem().Kind() == reflect.Struct {
					var rows []string
					for k := 0; k < rv.Field(j).Len(); k++ {
						rows = append(rows, "    "+inline(rv.Field(j).Index(k))+",")
					}
					w.line("  %s = [\n%s\n  ]", tag, strings.Join(rows, "\n"))
					continue
				}
				w.line("  %s = %s", tag, value(rv.Field(j)))
			}
		}
	}
}

// withPlaceholders is a copy of the proposed call with what the loader
// cannot do without filled in (the year, a category's name), each fill
// recorded in p.placeholders.
func (p *Proposal) withPlaceholders() *forms.Call {
	c := *p.Call
	c.Categories = append([]forms.Category(nil), p.Call.Categories...)
	c.Types = p.types()
	ph := map[string]string{}
	if c.Year == 0 {
		c.Year, ph["year"] = p.Filler.Year, "通知中没有年度：暂取"+baseName(p.Filler)+"的年度，请按通知改正"
	}
	societyFits(&c)
	if c.MaxTotal > 0 && c.MaxPerCategory > c.MaxTotal {
		c.MaxPerCategory, ph["max_per_category_per_unit"] = 0, "同类限报大于总计限报，没有写入：请按通知改正"
	}
	for i := range c.Categories {
		cat := &c.Categories[i]
		pre := "categories." + cat.ID + "."
		if cat.Name == "" {
			cat.Name, ph[pre+"name"] = "类别"+cat.Clause, "通知中没有类别名称，请按通知填写"
		}
		if cat.WindowStart.IsZero() != cat.WindowEnd.IsZero() || cat.WindowEnd.Before(cat.WindowStart) {
			cat.WindowStart, cat.WindowEnd = time.Time{}, time.Time{}
			ph[pre+"window_start"] = "完成时间只有一头或先后颠倒，没有写入：请把起止日期都按通知填上"
		}
		if cat.QuotaMin > cat.Quota {
			cat.QuotaMin, ph[pre+"quota_min"] = 0, "项目数量下限大于上限，没有写入：请按通知改正"
		}
	}
	p.placeholders = ph
	return &c
}

type tomlWriter struct {
	p   *Proposal
	buf bytes.Buffer
}

func (w *tomlWriter) line(format string, a ...any) {
	fmt.Fprintf(&w.buf, format, a...)
	w.buf.WriteByte('\n')
}

func (w *tomlWriter) blank() { w.buf.WriteByte('\n') }

func (w *tomlWriter) section(h string) {
	w.blank()
	w.line("%s", h)
}

// comment is the comment for a key: where its value comes from.
func (w *tomlWriter) comment(key string) string {
	if ph, ok := w.p.placeholders[key]; ok {
		return "  # 未识别：" + ph
	}
	f := w.p.Fact(key)
	if f == nil {
		return ""
	}
	switch f.Status {
	case FromBase:
		return "  # 取自基础通知"
	case Unrecognized:
		return "  # 未识别"
	case Edited:
		if f.Clause == "" {
			return "  # 已校正"
		}
		return "  # 已校正（通知 " + f.Clause + "：" + clip(f.Text, 30) + "）"
	}
	s := "  # 通知"
	if f.Clause != "" {
		s += " " + f.Clause
	}
	s += "：" + clip(f.Text, 40)
	if f.Soft != "" {
		s += "（“" + f.Soft + "”：宜为" + f.Severity.SeverityName() + "）"
	}
	return s
}

func clip(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// key writes one key of the call (or of a category) with its comment;
// zero values are left out unless required.
func (w *tomlWriter) key(v any, path, name string, required bool) {
	fv := field(reflect.ValueOf(v), strings.TrimPrefix(path, "categories."))
	if fv.IsZero() && !required {
		w.missing(path, name)
		return
	}
	w.kv(name, fv.Interface(), w.comment(path))
}

// missing writes a comment line for a fact the notice does not state.
func (w *tomlWriter) missing(key, name string) {
	if ph, ok := w.p.placeholders[key]; ok {
		w.line("# %s：%s", name, ph)
		return
	}
	if f := w.p.Fact(key); f != nil && f.Status == Unrecognized {
		w.line("# %s：未识别（%s，通知中没有找到，没有写入）", name, f.Label)
	}
}

func (w *tomlWriter) kv(k string, v any, comment string) {
	if comment != "" && !strings.HasPrefix(comment, "  #") {
		comment = "  # " + comment
	}
	w.line("%s = %s%s", k, value(reflect.ValueOf(v)), comment)
}

// category writes one [[categories]] with its venues and part.
func (w *tomlWriter) category(cat *forms.Category) {
	w.section("[[categories]]")
	pre := "categories." + cat.ID + "."
	w.kv("id", cat.ID, "")
	if cat.Group != "" {
		w.kv("group", cat.Group, "")
	}
	if cat.Code != "" {
		w.kv("code", cat.Code, w.comment(pre+"code"))
	}
	for _, k := range catKeys {
		switch k.key {
		case "venues":
			continue
		case "name":
			w.keyCat(cat, pre, "edition", false)
			w.keyCat(cat, pre, "name", true)
			w.kv("short_name", cat.ShortName, "")
			continue
		case "edition":
			continue
		}
		w.keyCat(cat, pre, k.key, false)
	}
	if len(cat.RequiredContent) > 0 {
		w.kv("required_content", cat.RequiredContent, "表格要求的内容："+w.partSource(cat))
	}
	for _, v := range cat.Venues {
		w.line("  [[categories.venues]]")
		w.line("  id = %s", value(reflect.ValueOf(v.ID)))
		w.line("  name = %s", value(reflect.ValueOf(v.Name)))
		w.line("  funding = %d", v.Funding)
	}
	if cat.Part.Title != "" || len(cat.Part.Fields) > 0 {
		w.blank()
		w.line("  [categories.part]                # 专项内容（第三部分）：%s，请按本年通知核对", w.partSource(cat))
		if cat.Part.Title != "" {
			w.line("  title = %s", value(reflect.ValueOf(cat.Part.Title)))
		}
		for _, fd := range cat.Part.Fields {
			w.line("  [[categories.part.fields]]")
			rv := reflect.ValueOf(fd)
			rt := rv.Type()
			for i := 0; i < rt.NumField(); i++ {
				tag := rt.Field(i).Tag.Get("toml")
				if tag == "" || !rt.Field(i).IsExported() || rv.Field(i).IsZero() {
					continue
				}
				if tag == "columns" {
					var cols []string
					for j := 0; j < rv.Field(i).Len(); j++ {
						cols = append(cols, "    "+inline(rv.Field(i).Index(j))+",")
					}
					w.line("  columns = [\n%s\n  ]", strings.Join(cols, "\n"))
					continue
				}
				w.line("  %s = %s", tag, value(rv.Field(i)))
			}
		}
	}
}

// partSource says where a category's part of the form comes from.
func (w *tomlWriter) partSource(cat *forms.Category) string {
	if fc := w.p.Filler.Category(w.p.PartFrom(cat.ID)); fc != nil {
		return "取自" + baseName(w.p.Filler) + "的类别“" + fc.Name + "”"
	}
	return "取自" + baseName(w.p.Filler)
}

func (w *tomlWriter) keyCat(cat *forms.Category, pre, k string, required bool) {
	fv := field(reflect.ValueOf(cat), k)
	if fv.IsZero() && !required {
		w.missing(pre+k, k)
		return
	}
	w.kv(k, fv.Interface(), w.comment(pre+k))
}

// value is a TOML literal: strings quoted, dates as dates, lists, and
// structs as inline tables.
func value(v reflect.Value) string {
	if t, ok := v.Interface().(time.Time); ok {
		return t.Format("2006-01-02")
	}
	switch v.Kind() {
	case reflect.Interface:
		return value(v.Elem())
	case reflect.Pointer:
		if v.IsNil() {
			return `""`
		}
		return value(v.Elem())
	case reflect.String:
		return quote(v.String())
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int64, reflect.Int32:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Float64, reflect.Float32:
		s := strconv.FormatFloat(v.Float(), 'f', -1, 64)
		if !strings.ContainsAny(s, ".eE") {
			s += ".0"
		}
		return s
	case reflect.Slice:
		var parts []string
		for i := 0; i < v.Len(); i++ {
			parts = append(parts, value(v.Index(i)))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case reflect.Struct:
		return inline(v)
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		var parts []string
		for _, k := range keys {
			parts = append(parts, bareKey(k.String())+" = "+value(v.MapIndex(k)))
		}
		return "{ " + strings.Join(parts, ", ") + " }"
	}
	return quote(fmt.Sprint(v.Interface()))
}

// inline is a struct as an inline table, zero fields left out.
func inline(v reflect.Value) string {
	t := v.Type()
	var parts []string
	for i := 0; i < t.NumField(); i++ {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
		if tag == "" || tag == "-" || !t.Field(i).IsExported() || v.Field(i).IsZero() {
			continue
		}
		parts = append(parts, tag+" = "+value(v.Field(i)))
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

// quote is a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
