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

// maxGlyphsQuoted is how many unprintable characters a finding lists.
const maxGlyphsQuoted = 10

// glyphFindings reports, per field, the characters no bundled font can print
// (the first maxGlyphsQuoted of them, and how many there are in all).
func glyphFindings(d *Draft, printable func(rune) bool) []Finding {
	var out []Finding
	WalkText(d, func(path, text string) {
		var bad []rune
		seen := map[rune]bool{}
		for _, r := range text {
			if seen[r] || unicode.IsSpace(r) || unicode.IsControl(r) || printable(r) {
				continue
			}
			seen[r] = true
			bad = append(bad, r)
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
		out = append(out, Finding{Rule: RuleGlyph, Field: path, Severity: Error, Message: fmt.Sprintf("%s中的 %s 无法用本程序的字体打印，导出的PDF会缺字：请改用常用字或同音/通用写法，生僻人名用字可在打印后手写补全（通知 二、2）。", FieldLabel(path), quoted)})
	})
	return out
}
