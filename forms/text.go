package forms

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// WalkText calls fn for every non-empty text the user typed into the draft,
// with its field path ("experts[1].name"). IDs, codes chosen from lists and
// dates are included too, since they are printed.
func WalkText(d *Draft, fn func(path, text string)) {
	walk(reflect.ValueOf(d).Elem(), "", fn)
}

// jsonField is an exported struct field with its JSON name.
type jsonField struct {
	index int
	name  string
}

// jsonFields are a struct type's fields by JSON name, worked out once per
// type (the walk runs on every check).
var jsonFields sync.Map // reflect.Type → []jsonField

func fieldsOf(t reflect.Type) []jsonField {
	if fs, ok := jsonFields.Load(t); ok {
		return fs.([]jsonField)
	}
	var fs []jsonField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		fs = append(fs, jsonField{i, name})
	}
	jsonFields.Store(t, fs)
	return fs
}

var dateType = reflect.TypeOf(Date{})

func walk(v reflect.Value, path string, fn func(path, text string)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walk(v.Elem(), path, fn)
		}
	case reflect.Struct:
		t := v.Type()
		if t == dateType {
			return
		}
		for _, f := range fieldsOf(t) {
			p := f.name
			if path != "" {
				p = path + "." + f.name
			}
			walk(v.Field(f.index), p, fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walk(v.Index(i), path+"["+strconv.Itoa(i)+"]", fn)
		}
	case reflect.String:
		if s := v.String(); s != "" {
			fn(path, s)
		}
	case reflect.Map:
		if parts, ok := v.Interface().(map[string]Values); ok {
			for _, cat := range sortedKeys(parts) {
				walkValues(parts[cat], path+"."+cat, fn)
			}
		}
	}
}

// maxGlyphsQuoted is how many unprintable characters a finding lists.
const maxGlyphsQuoted = 10

// glyphFindings reports, per field, the characters no bundled font can print
// (the first maxGlyphsQuoted of them, and how many there are in all).
func glyphFindings(call *Call, d *Draft, printable func(rune) bool) []Finding {
	var out []Finding
	WalkText(d, func(path, text string) {
		var bad []rune
		var seen map[rune]bool // made at the first unprintable character
		for _, r := range text {
			if r < 0x80 && r >= 0x20 || seen[r] || unicode.IsSpace(r) || unicode.IsControl(r) || printable(r) {
				continue
			}
			if seen == nil {
				seen = map[rune]bool{}
			}
			seen[r] = true
			bad = append(bad, r)
		}
		if hidden := hiddenChars(text); len(hidden) > 0 {
			out = append(out, Finding{Rule: RuleGlyph, Field: path, Severity: Error, Message: fmt.Sprintf("%s中含有看不见的控制字符 %s：它们印不出来，有的还会把文字的显示顺序倒过来，或混进邮件和文件名。请删去这一项中的这些字符（可清空后重新输入）（通知 %s）。", call.FieldLabel(path), strings.Join(hidden, "、"), call.Clauses.Submission)})
		}
		if len(bad) == 0 {
			return
		}
		list := make([]string, 0, maxGlyphsQuoted)
		for _, r := range bad[:min(len(bad), maxGlyphsQuoted)] {
			list = append(list, fmt.Sprintf("“%c”(U+%04X)", r, r))
		}
		quoted := strings.Join(list, "、")
		if len(bad) > maxGlyphsQuoted {
			quoted += fmt.Sprintf("等%d个字符", len(bad))
		}
		out = append(out, Finding{Rule: RuleGlyph, Field: path, Severity: Error, Message: fmt.Sprintf("%s中的 %s 无法用本程序的字体打印，导出的PDF会缺字：请改用常用字或同音/通用写法，生僻人名用字可在打印后手写补全%s。", call.FieldLabel(path), quoted, cite(call.Clauses.Submission))})
	})
	return out
}

// walkValues reports the texts of a category's part, keys in order.
func walkValues(v Values, path string, fn func(path, text string)) {
	for _, k := range v.Keys() {
		p := path + "." + k
		switch t := v[k].(type) {
		case *string:
			if *t != "" {
				fn(p, *t)
			}
		case *[]string:
			for i, s := range *t {
				if s != "" {
					fn(fmt.Sprintf("%s[%d]", p, i), s)
				}
			}
		case *[]Values:
			for i, r := range *t {
				walkValues(r, fmt.Sprintf("%s[%d]", p, i), fn)
			}
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// hiddenChars lists, by code, the control characters in a text (line
// breaks and tabs aside) and the invisible ones that change how text reads
// (bidirectional overrides such as U+202E, zero-width characters, the
// byte-order mark): they print as nothing, and an override reverses what
// the reader sees. At most maxGlyphsQuoted are listed.
func hiddenChars(text string) []string {
	var out []string
	var seen map[rune]bool
	for _, r := range text {
		if r >= 0x20 && r < 0x7f || r == '\n' || r == '\t' || r == '\r' || seen[r] {
			continue
		}
		if !unicode.IsControl(r) && !unicode.Is(unicode.Cf, r) && r != 0x2028 && r != 0x2029 {
			continue
		}
		if seen == nil {
			seen = map[rune]bool{}
		}
		seen[r] = true
		if len(out) < maxGlyphsQuoted {
			out = append(out, fmt.Sprintf("U+%04X%s", r, controlName(r)))
		}
	}
	return out
}

// controlName names the control characters people meet.
func controlName(r rune) string {
	switch r {
	case 0:
		return "（空字符NUL）"
	case 0x1b:
		return "（ESC）"
	case 0x202e:
		return "（从右到左覆盖）"
	case 0x202d:
		return "（从左到右覆盖）"
	case 0x200b:
		return "（零宽空格）"
	case 0xfeff:
		return "（BOM）"
	}
	return ""
}
