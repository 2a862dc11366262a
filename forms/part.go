package forms

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
)

// Values are the values of a category's own part (Part 3 of the form), by
// the field keys its call declares ([categories.part] in the call file).
//
// In memory each value is held behind a pointer, so that the window can bind
// an input to it: *string (text, long text, choice), *int64 (whole number),
// *bool (yes/no), *Date (date), *[]string (ticked items of a checklist) and
// *[]Values (the rows of a table). In the draft file they are plain JSON
// values. The getters (Text, Int, …) never change the map; the Ptr
// accessors (TextPtr, …) create a missing value, and convert a value of
// another type, so they are for the window's form builder only.
type Values map[string]any

// UnmarshalJSON reads a part's JSON object: strings, whole numbers,
// booleans, arrays of strings and arrays of objects (table rows). Other
// values (fractions, nested objects, null) are kept as decoded, so that a
// file written by a later program loses nothing it does not understand.
func (v *Values) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return err
	}
	if m == nil {
		*v = nil
		return nil
	}
	out := make(Values, len(m))
	for k, x := range m {
		if p := boxValue(x); p != nil {
			out[k] = p
		}
	}
	*v = out
	return nil
}

// boxValue turns a decoded JSON value into the pointer form of Values.
func boxValue(x any) any {
	switch t := x.(type) {
	case string:
		return &t
	case bool:
		return &t
	case json.Number:
		if n, err := t.Int64(); err == nil {
			return &n
		}
		f, _ := t.Float64()
		return &f
	case []any:
		if len(t) == 0 {
			var s []string
			return &s
		}
		if _, ok := t[0].(map[string]any); ok {
			rows := make([]Values, 0, len(t))
			for _, r := range t {
				rm, ok := r.(map[string]any)
				if !ok {
					return x
				}
				row := make(Values, len(rm))
				for k, y := range rm {
					if p := boxValue(y); p != nil {
						row[k] = p
					}
				}
				rows = append(rows, row)
			}
			return &rows
		}
		list := make([]string, 0, len(t))
		for _, s := range t {
			str, ok := s.(string)
			if !ok {
				return x
			}
			list = append(list, str)
		}
		return &list
	case nil:
		return nil
	}
	return x
}

// MarshalJSON writes the part with its keys sorted and its values plain.
func (v Values) MarshalJSON() ([]byte, error) {
	keys := v.Keys()
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		buf.Write(kb)
		buf.WriteByte(':')
		vb, err := json.Marshal(v[k])
		if err != nil {
			return nil, err
		}
		buf.Write(vb)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// Keys are the part's keys, sorted.
func (v Values) Keys() []string {
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Has reports whether the part holds a value for key.
func (v Values) Has(key string) bool { _, ok := v[key]; return ok }

// Text is a text value ("" when absent; a number or yes/no as written).
func (v Values) Text(key string) string {
	switch t := v[key].(type) {
	case *string:
		return *t
	case *int64:
		return strconv.FormatInt(*t, 10)
	case *Date:
		return t.String()
	case *float64:
		return strconv.FormatFloat(*t, 'f', -1, 64)
	}
	return ""
}

// Int is a whole-number value (0 when absent or not a number).
func (v Values) Int(key string) int64 {
	switch t := v[key].(type) {
	case *int64:
		return *t
	case *string:
		n, _ := strconv.ParseInt(*t, 10, 64)
		return n
	}
	return 0
}

// Bool is a yes/no value (false when absent).
func (v Values) Bool(key string) bool {
	if t, ok := v[key].(*bool); ok {
		return *t
	}
	return false
}

// Date is a date value (the zero Date when absent or unreadable).
func (v Values) Date(key string) Date {
	switch t := v[key].(type) {
	case *Date:
		return *t
	case *string:
		d, _ := ParseDate(*t)
		return d
	}
	return Date{}
}

// List is the ticked items of a checklist (nil when absent).
func (v Values) List(key string) []string {
	if t, ok := v[key].(*[]string); ok {
		return *t
	}
	return nil
}

// Rows are the rows of a table (nil when absent).
func (v Values) Rows(key string) []Values {
	if t, ok := v[key].(*[]Values); ok {
		return *t
	}
	return nil
}

// TextPtr is the text value as a pointer the window binds to.
func (v Values) TextPtr(key string) *string {
	if p, ok := v[key].(*string); ok {
		return p
	}
	s := v.Text(key)
	v[key] = &s
	return &s
}

// IntPtr is the whole-number value as a pointer.
func (v Values) IntPtr(key string) *int64 {
	if p, ok := v[key].(*int64); ok {
		return p
	}
	n := v.Int(key)
	v[key] = &n
	return &n
}

// BoolPtr is the yes/no value as a pointer.
func (v Values) BoolPtr(key string) *bool {
	if p, ok := v[key].(*bool); ok {
		return p
	}
	var b bool
	v[key] = &b
	return &b
}

// DatePtr is the date value as a pointer.
func (v Values) DatePtr(key string) *Date {
	if p, ok := v[key].(*Date); ok {
		return p
	}
	d := v.Date(key)
	v[key] = &d
	return &d
}

// ListPtr is the checklist value as a pointer.
func (v Values) ListPtr(key string) *[]string {
	if p, ok := v[key].(*[]string); ok {
		return p
	}
	var l []string
	v[key] = &l
	return &l
}

// RowsPtr is the table value as a pointer.
func (v Values) RowsPtr(key string) *[]Values {
	if p, ok := v[key].(*[]Values); ok {
		return p
	}
	var r []Values
	v[key] = &r
	return &r
}

// SetText, SetInt, SetBool, SetDate, SetList and SetRows store a value.
func (v Values) SetText(key, s string)          { v[key] = &s }
func (v Values) SetInt(key string, n int64)     { v[key] = &n }
func (v Values) SetBool(key string, b bool)     { v[key] = &b }
func (v Values) SetDate(key string, d Date)     { v[key] = &d }
func (v Values) SetList(key string, l []string) { v[key] = &l }
func (v Values) SetRows(key string, r []Values) { v[key] = &r }

// Clone is a deep copy of the part.
func (v Values) Clone() Values {
	if v == nil {
		return nil
	}
	out := make(Values, len(v))
	for k, x := range v {
		switch t := x.(type) {
		case *string:
			s := *t
			out[k] = &s
		case *int64:
			n := *t
			out[k] = &n
		case *bool:
			b := *t
			out[k] = &b
		case *Date:
			d := *t
			out[k] = &d
		case *float64:
			f := *t
			out[k] = &f
		case *[]string:
			l := append([]string(nil), *t...)
			out[k] = &l
		case *[]Values:
			rows := make([]Values, len(*t))
			for i, r := range *t {
				rows[i] = r.Clone()
			}
			out[k] = &rows
		default:
			out[k] = x
		}
	}
	return out
}

// kindOf names the type of a stored value in Chinese, for carry-over
// findings ("文字", "数字", …).
func kindOf(x any) string {
	switch x.(type) {
	case *string:
		return "文字"
	case *int64, *float64:
		return "数字"
	case *bool:
		return "是/否"
	case *Date:
		return "日期"
	case *[]string:
		return "勾选项"
	case *[]Values:
		return "表格"
	}
	return fmt.Sprintf("%T", x)
}
