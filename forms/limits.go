package forms

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"unicode/utf8"

	"shenbao/forms/usererr"
)

// Limits of a draft file, documented in docs/draft-format.md, “限制
// (limits)”. They bound the time and memory of loading, checking and
// exporting whatever file is opened: a draft beyond them is refused when
// loaded and when saved, with a Chinese message naming the field.
const (
	// MaxFileSize is the largest draft file, in bytes (4 MiB; the samples
	// are 4 to 6 KB). It is checked before the file is read.
	MaxFileSize = 4 << 20
	// MaxFieldChars is the most characters one text field may hold
	// (about 13 printed pages).
	MaxFieldChars = 20000
	// MaxRows is the most rows of any table (experts, agenda, budget lines,
	// results, …).
	MaxRows = 500
	// MaxPhotos is the most photos a draft may list (the call asks for 1
	// to 3; a finding says so).
	MaxPhotos = 10
	// MaxCount is the largest count of people or papers (a meeting of a
	// million is already no meeting a call funds).
	MaxCount = 1_000_000
)

// CheckLimits returns a *StoreError naming the first field of d beyond the
// limits (MaxFieldChars, MaxRows, MaxPhotos), or nil. Load and Save call
// it; the window can call it before an export.
func CheckLimits(d *Draft) error {
	for _, c := range []struct {
		path string
		n    int
	}{{"project.participants", d.Project.Participants}, {"project.papers", d.Project.Papers}} {
		if c.n > MaxCount || c.n < -MaxCount {
			return &StoreError{Code: usererr.TooLarge, Message: fmt.Sprintf("“%s”（%s）是%s，超过了最多%s的限制", FieldName(c.path), c.path, Thousands(int64(c.n)), Thousands(MaxCount))}
		}
	}
	var found error
	limitWalk(reflect.ValueOf(d).Elem(), "", func(path string, n, limit int, rows bool) {
		if found != nil {
			return
		}
		label := FieldName(path)
		if rows {
			found = &StoreError{Code: usererr.TooLarge, Message: fmt.Sprintf("“%s”（%s）有%s行，超过了每个表格最多%s行的限制", label, path, Thousands(int64(n)), Thousands(int64(limit)))}
			return
		}
		found = &StoreError{Code: usererr.TooLarge, Message: fmt.Sprintf("“%s”（%s）有%s个字符，超过了每项最多%s个字符的限制", label, path, Thousands(int64(n)), Thousands(int64(limit)))}
	})
	return found
}

// limitWalk calls over for every string longer than MaxFieldChars and every
// slice longer than its limit, with the field path.
func limitWalk(v reflect.Value, path string, over func(path string, n, limit int, rows bool)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			limitWalk(v.Elem(), path, over)
		}
	case reflect.Struct:
		for _, f := range fieldsOf(v.Type()) { // the JSON fields, as WalkText walks them
			p := f.name
			if path != "" {
				p = path + "." + f.name
			}
			limitWalk(v.Field(f.index), p, over)
		}
	case reflect.Slice:
		limit := MaxRows
		if v.Type().Elem() == reflect.TypeOf(Photo{}) {
			limit = MaxPhotos
		}
		if v.Len() > limit {
			over(path, v.Len(), limit, true)
			return
		}
		for i := 0; i < v.Len(); i++ {
			limitWalk(v.Index(i), fmt.Sprintf("%s[%d]", path, i), over)
		}
	case reflect.Interface:
		if !v.IsNil() {
			limitWalk(v.Elem(), path, over)
		}
	case reflect.Map:
		// the categories' parts: by category, by field key
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			limitWalk(v.MapIndex(k), path+"."+k.String(), over)
		}
	case reflect.String:
		s := v.String()
		if len(s) > MaxFieldChars { // bytes ≥ characters: count only long ones
			if n := utf8.RuneCountInString(s); n > MaxFieldChars {
				over(path, n, MaxFieldChars, false)
			}
		}
	}
}

// FieldName is how a message names a field: its label (FieldLabel), or,
// for a path whose label needs the call (a category's own part) or is not
// known, the key the call file gives it — never the bare “此项”.
func FieldName(path string) string {
	if l := FieldLabel(path); l != "此项" {
		return l
	}
	if rest, ok := strings.CutPrefix(path, "parts."); ok {
		if _, key, ok := strings.Cut(rest, "."); ok {
			return "第三部分的 " + key
		}
	}
	return path
}
