package forms

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"
)

// WalkText calls fn for every non-empty text the user typed into the draft,
// with its field path ("experts[1].name"). IDs, codes chosen from lists and
// dates are included too, since they are printed.
func WalkText(d *Draft, fn func(path, text string)) {
	walk(reflect.ValueOf(d).Elem(), "", fn)
}

func walk(v reflect.Value, path string, fn func(path, text string)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walk(v.Elem(), path, fn)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(Date{}) {
			return
		}
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			p := name
			if path != "" {
				p = path + "." + name
			}
			walk(v.Field(i), p, fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case reflect.String:
		if s := v.String(); s != "" {
			fn(path, s)
		}
	}
}

// glyphFindings reports, per field, the characters no bundled font can print.
func glyphFindings(d *Draft, printable func(rune) bool) []Finding {
	var out []Finding
	WalkText(d, func(path, text string) {
		var bad []rune
		for _, r := range text {
			if unicode.IsSpace(r) || unicode.IsControl(r) || printable(r) {
				continue
			}
			if !containsRune(bad, r) {
				bad = append(bad, r)
			}
		}
		if len(bad) == 0 {
			return
		}
		list := make([]string, len(bad))
		for i, r := range bad {
			list[i] = fmt.Sprintf("“%c”(U+%04X)", r, r)
		}
		out = append(out, Finding{Rule: RuleGlyph, Field: path, Severity: Error, Message: fmt.Sprintf("%s中的 %s 无法用本程序的字体打印，导出的PDF会缺字：请改用常用字或同音/通用写法，生僻人名用字可在打印后手写补全（通知 二、2）。", FieldLabel(path), strings.Join(list, "、"))})
	})
	return out
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
