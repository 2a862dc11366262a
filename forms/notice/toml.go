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
// Each value's comment says where it comes from: the notice's clause and
// words, the base call, or 未识别. A value the loader needs and the notice
// does not state is taken from the filler (the base, or the newest shipped
// call; for a new category: the whole year, every applicant type) and its
// comment says so: check those first. What the format cannot hold (不限,
// 左右, soft rules) is written as comments.
func (p *Proposal) TOML() []byte {
	c := p.withPlaceholders()
	w := &tomlWriter{p: p}
	w.line("# %d年度申报通知数据文件（草案）：由 shenbao notice 从通知生成，请逐项核对。", c.Year)
	if p.Base != "" {
		w.line("# 基础通知：%s（通知未重述的内容取自它，注释为“取自基础通知”）。", p.Base)
	} else {
		w.line("# 没有基础通知：各类别的专项内容（第三部分）取自%s，请按本年通知核对。", baseName(p.Filler))
	}
	w.line("# 注释写明每项的出处：通知条款和原文、取自基础通知，或“未识别”（通知中没有找到）。")
	if n := p.Count(Found); n > 0 {
		w.line("# 通知原文 %d 项，已校正 %d 项，取自基础通知 %d 项，未识别 %d 项。", n, p.Count(Edited), p.Count(FromBase), p.Count(Unrecognized))
	}
	soft := false
	for _, f := range p.Facts {
		switch {
		case strings.HasPrefix(f.Key, "soft."):
			if !soft {
				w.line("# 软性要求（“原则上”“一般”宜为警告，“优先”“鼓励”宜为提示，而非错误；现行格式只有类别专项字段能写 severity）：")
				soft = true
			}
			w.line("#   通知 %s “%s”：%s", f.Clause, clip(f.Sentence, 40), f.Severity.SeverityName())
		case f.Note != "":
			w.line("# 注意（%s，通知 %s）：%s；%s", f.Label, f.Clause, f.Value, f.Note)
		}
	}
	for _, name := range p.Removed {
		w.line("# 基础通知的类别“%s”本年通知中没有，已删去。", name)
	}
	w.blank()
	for _, k := range []string{"year", "title", "notice_title", "issuer", "issuer_short", "deadline", "posted_must_arrive",
		"announcement_by", "announcement_where", "max_per_category_per_unit", "max_total_per_unit",
		"paper_copies", "priority_years"} {
		w.key(c, k, k, k == "year" || k == "deadline" || strings.HasPrefix(k, "max_"))
	}
	w.section("[contact]")
	for _, k := range []string{"department", "person", "phone", "email", "address", "office"} {
		w.key(c, "contact."+k, k, k == "email" || k == "address")
	}
	w.section("[clauses]")
	for _, k := range []string{"submission", "after_event", "confidential", "deadline"} {
		w.key(c, "clauses."+k, k, true)
	}
	if !reflect.ValueOf(c.Society).IsZero() {
		w.section("[society_requirements]")
		for _, k := range []string{"annual_inspection", "evaluation_year", "clause"} {
			w.key(c, "society_requirements."+k, k, false)
		}
	}
	for _, h := range c.Honours {
		w.section("[[honours]]" + w.comment("honours"))
		w.kv("id", h.ID, "")
		w.kv("name", h.Name, "")
	}
	for i, ae := range c.AfterEvent {
		w.section("[[after_event]]" + w.comment(fmt.Sprintf("after_event.%d", i)))
		w.kv("days", ae.Days, "")
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
	for i := range c.Categories {
		w.category(&c.Categories[i])
	}
	w.section("[applicant_types]")
	for _, k := range sortedKeys(c.ApplicantTypes) {
		note := ""
		if strings.HasPrefix(k, "applicant_") {
			note = "通知中出现的新申报单位类型"
		}
		w.kv(k, c.ApplicantTypes[k], note)
	}
	return w.buf.Bytes()
}

// withPlaceholders is a copy of the proposed call with what the loader
// needs filled in, each fill recorded in p.placeholders.
func (p *Proposal) withPlaceholders() *forms.Call {
	c := *p.Call
	c.Categories = append([]forms.Category(nil), p.Call.Categories...)
	fl := p.Filler
	ph := map[string]string{}
	from := "暂取" + baseName(fl) + "的值，请核对"
	if c.Year == 0 {
		c.Year, ph["year"] = fl.Year, from
	}
	if c.Deadline.IsZero() {
		d := fl.Deadline
		c.Deadline = time.Date(c.Year, d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
		ph["deadline"] = fmt.Sprintf("暂按%s的月日填写，请按通知改正", baseName(fl))
	}
	if c.Contact.Email == "" {
		c.Contact.Email, ph["contact.email"] = fl.Contact.Email, from
	}
	if c.Contact.Address == "" {
		c.Contact.Address, ph["contact.address"] = fl.Contact.Address, from
	}
	if c.MaxPerCategory < 1 {
		c.MaxPerCategory, ph["max_per_category_per_unit"] = fl.MaxPerCategory, from
		if c.MaxTotal > 0 && c.MaxPerCategory > c.MaxTotal {
			c.MaxPerCategory, ph["max_per_category_per_unit"] = c.MaxTotal, "暂与总计限报相同，请核对"
		}
	}
	if c.MaxTotal < 1 {
		c.MaxTotal, ph["max_total_per_unit"] = fl.MaxTotal, from
	}
	for _, k := range []string{"submission", "after_event", "confidential", "deadline"} {
		v := field(reflect.ValueOf(&c), "clauses."+k)
		if v.String() == "" {
			v.SetString(field(reflect.ValueOf(fl), "clauses."+k).String())
			ph["clauses."+k] = from
		}
	}
	year := c.Year
	for i := range c.Categories {
		cat := &c.Categories[i]
		pre := "categories." + cat.ID + "."
		var fc *forms.Category
		if i < len(p.Call.Categories) {
			fc = matchCategory(cat.Name, fl.Categories, map[string]bool{})
		}
		if cat.Name == "" {
			cat.Name, ph[pre+"name"] = "类别"+cat.Clause, "通知中没有类别名称，请按通知填写"
		}
		if cat.WindowStart.IsZero() || cat.WindowEnd.IsZero() {
			cat.WindowStart, cat.WindowEnd = date(year, 1, 1), date(year, 12, 31)
			ph[pre+"window_start"], ph[pre+"window_end"] = "暂填全年，请按通知改正", "暂填全年，请按通知改正"
		}
		if len(cat.Eligible) == 0 {
			if fc != nil {
				cat.Eligible, ph[pre+"eligible"] = fc.Eligible, "暂取"+baseName(fl)+"同名类别的申报范围，请核对"
			} else {
				cat.Eligible, ph[pre+"eligible"] = sortedKeys(c.ApplicantTypes), "暂填全部申报单位类型，请按通知改正"
			}
		}
		if cat.FundingKind == "" {
			if fc != nil {
				cat.FundingKind, cat.Funding, cat.FundingMin, cat.FundingMax, cat.Venues = fc.FundingKind, fc.Funding, fc.FundingMin, fc.FundingMax, fc.Venues
				ph[pre+"funding_kind"] = "暂取" + baseName(fl) + "同名类别的经费额度，请核对"
			} else {
				cat.FundingKind, cat.Funding = forms.FundingFixed, 1
				ph[pre+"funding_kind"] = "通知未写经费额度：现行格式须写 funding，暂填1元，请改正（需允许“不写金额”的键）"
			}
		}
		if cat.Quota < 1 {
			if f := p.Fact(pre + "quota"); f != nil && f.Value == "不限" {
				cat.Quota, ph[pre+"quota"] = 999, "通知写“不限”：现行格式须有上限，暂填999（需增加表示“不限”的键）"
			} else if fc != nil {
				cat.Quota, cat.QuotaMin, ph[pre+"quota"] = fc.Quota, fc.QuotaMin, "暂取"+baseName(fl)+"同名类别的项目数量，请核对"
			} else {
				cat.Quota, ph[pre+"quota"] = 1, "暂填1，请改正"
			}
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
		return
	}
	w.kv(name, fv.Interface(), w.comment(path))
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
		w.keyCat(cat, pre, k.key, k.core)
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
			parts = append(parts, k.String()+" = "+value(v.MapIndex(k)))
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
