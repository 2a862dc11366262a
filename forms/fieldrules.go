package forms

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/go-playground/validator/v10"
)

// fieldRule is one field of the Draft with a `validate` struct tag, as
// compiled once from the Draft's type: where the field is, its JSON path,
// and its tag, or, for a slice tagged `dive`, the rules of its elements.
type fieldRule struct {
	index []int
	path  string
	tag   string
	elem  []fieldRule // dive: the element struct's rules
}

// draftRules are the Draft's field constraints. Check validates each
// tagged field by itself (validator's Var, its tag parsed once and cached by
// validator): validating the whole Draft with Struct copied every nested
// struct into an interface to look for validator.Valuer, which was most of
// a check's time.
var draftRules = compileFieldRules(reflect.TypeOf(Draft{}), nil)

func compileFieldRules(t reflect.Type, index []int) []fieldRule {
	var out []fieldRule
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		idx := append(append([]int(nil), index...), i)
		tag := f.Tag.Get("validate")
		switch {
		case tag == "dive" && f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Struct:
			out = append(out, fieldRule{index: idx, path: name, elem: prefixed(compileFieldRules(f.Type.Elem(), nil), "")})
		case tag != "":
			out = append(out, fieldRule{index: idx, path: name, tag: tag})
		case f.Type.Kind() == reflect.Struct && f.Type != reflect.TypeOf(Date{}):
			out = append(out, prefixed(compileFieldRules(f.Type, idx), name+".")...)
		}
	}
	return out
}

func prefixed(rs []fieldRule, prefix string) []fieldRule {
	for i := range rs {
		rs[i].path = prefix + rs[i].path
	}
	return rs
}

// fieldFindings are the findings of the field constraints of v (a Draft,
// or row of a dived slice: then its path is list[row].field).
func fieldFindings(call *Call, v reflect.Value, rules []fieldRule, list string, row int, out []Finding) []Finding {
	for i := range rules {
		fr := &rules[i]
		fv := v.FieldByIndex(fr.index)
		if fr.elem != nil {
			for j := 0; j < fv.Len(); j++ {
				out = fieldFindings(call, fv.Index(j), fr.elem, fr.path, j, out)
			}
			continue
		}
		// An empty value fails "required" and passes "omitempty": no need
		// to ask the validator; nor for a filled value with only "required".
		empty := fv.IsZero()
		required := strings.HasPrefix(fr.tag, "required")
		switch {
		case empty && required:
			out = append(out, requiredFinding(call, rowPath(list, row, fr.path)))
			continue
		case empty && strings.HasPrefix(fr.tag, "omitempty"), !empty && fr.tag == "required":
			continue
		}
		var x any
		switch fv.Kind() {
		case reflect.String:
			x = fv.String()
		case reflect.Int, reflect.Int64:
			x = fv.Int()
		default:
			x = fv.Interface()
		}
		err := validate.Var(x, fr.tag)
		if err == nil {
			continue
		}
		path := rowPath(list, row, fr.path)
		var verrs validator.ValidationErrors
		if asValidationErrors(err, &verrs) {
			for _, fe := range verrs {
				out = append(out, toFinding(call, path, fe))
			}
		} else {
			out = append(out, Finding{Rule: RuleRequired, Field: path, Severity: Error, Message: "草稿无法检查：" + err.Error()})
		}
	}
	return out
}

// rowPath is a field's path, in a row of a list when row >= 0.
func rowPath(list string, row int, path string) string {
	if row < 0 {
		return path
	}
	return list + "[" + strconv.Itoa(row) + "]." + path
}
