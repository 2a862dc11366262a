package forms

// What a call file may not do (docs/call-format.md, “会被拒绝的内容”): a
// call file travels by e-mail, so it is untrusted input. Before decoding,
// its size and the depth of its brackets and braces are bounded (the TOML
// decoder takes minutes and gigabytes on 20,000 nested inline tables);
// after decoding, the names that reach file names are checked, the counts
// are bounded, and every declared field's validate rule is tried against
// values of its field's kind, a panic of the validator becoming a problem
// of the file.

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"shenbao/forms/usererr"
)

// Bounds of a call file. The 2024 call has 5 categories, at most 20 fields
// a part, 6 columns a table, nesting depth 3.
const (
	maxCallDepth      = 16   // brackets and braces open at once
	maxCallKeyDots    = 8    // dots in one dotted key or table header
	maxCallCategories = 64   // [[categories]]
	maxPartFields     = 200  // fields of one part
	maxTableColumns   = 40   // columns of one table
	maxCallList       = 1000 // options, items, not_in, venues, eligible …
	maxTableRows      = 1000 // a table's count, min or max rows
	maxShortNameRunes = 20   // short_name: used in file names
)

// idRe is what a category's or a venue's id may be: it is stored in every
// draft and names the category's sample file.
var idRe = regexp.MustCompile(`^[a-z][a-z0-9_]{0,31}$`)

// checkCallBytes bounds a call file's bytes before they are decoded: its
// size, how deep its brackets and braces nest, how many dots a key has.
// Strings and comments are skipped as TOML defines them.
func checkCallBytes(name string, data []byte) error {
	if len(data) > maxCallFileSize {
		return &CallError{File: name, Problem: fmt.Sprintf("文件有 %d 字节，申报通知数据文件不会超过 %d 字节：请确认选的是申报通知数据文件（.toml）", len(data), maxCallFileSize)}
	}
	depth, line, dots := 0, 1, 0
	afterEq := false // on this line, past the key's "=" (dots are in values)
	for i := 0; i < len(data); i++ {
		switch ch := data[i]; ch {
		case '\n':
			line++
			dots, afterEq = 0, false
		case '#':
			for i < len(data) && data[i] != '\n' {
				i++
			}
			i--
		case '"', '\'':
			end, nl := skipTOMLString(data, i)
			line += nl
			i = end
		case '[', '{':
			depth++
			if ch == '{' {
				afterEq = false // keys of an inline table
			}
			if depth > maxCallDepth {
				return &CallError{File: name, Line: line, Problem: fmt.Sprintf("方括号或花括号嵌套超过%d层：申报通知数据文件不需要这样深的嵌套，程序没有读这个文件（以免耗尽内存）。请确认选的是申报通知数据文件", maxCallDepth)}
			}
		case ']', '}':
			depth = max(0, depth-1)
		case '=':
			afterEq = true
		case ',':
			if depth > 0 {
				afterEq = false // next key of an inline table
			}
		case '.':
			if !afterEq {
				if dots++; dots > maxCallKeyDots {
					return &CallError{File: name, Line: line, Problem: fmt.Sprintf("一个项目名中有%d个以上的“.”：申报通知数据文件不需要这样深的层次，程序没有读这个文件", maxCallKeyDots)}
				}
			}
		}
	}
	return nil
}

// skipTOMLString returns the index of the last byte of the string starting
// at data[i] (a quote), and how many line breaks it spans.
func skipTOMLString(data []byte, i int) (end, lines int) {
	q := data[i]
	delim := []byte{q}
	if i+2 < len(data) && data[i+1] == q && data[i+2] == q {
		delim = []byte{q, q, q}
	}
	j := i + len(delim)
	for j < len(data) {
		c := data[j]
		switch {
		case c == '\\' && q == '"':
			if j+1 < len(data) && data[j+1] == '\n' {
				lines++
			}
			j += 2
			continue
		case c == '\n':
			lines++
			if len(delim) == 1 {
				return j - 1, lines - 1 // an unterminated one-line string: the decoder says so
			}
		case c == q && strings.HasPrefix(string(data[j:min(len(data), j+len(delim))]), string(delim)):
			end := j + len(delim) - 1
			for len(delim) == 3 && end+1 < len(data) && data[end+1] == q {
				end++ // """a"""" ends with a quote in the string
			}
			return end, lines
		}
		j++
	}
	return len(data) - 1, lines
}

// safetyProblem is the first problem of a decoded call that the semantic
// checks (problem) do not look for: names used in file names, counts, and
// rules that fail on values of their field's kind. It returns the problem
// and its line, or "".
func (c *Call) safetyProblem(data []byte) (string, int) {
	if len(c.Categories) > maxCallCategories {
		return fmt.Sprintf("有%d个 [[categories]]，最多%d个", len(c.Categories), maxCallCategories), lineOfCategory(data, maxCallCategories)
	}
	for i := range c.Categories {
		cat := &c.Categories[i]
		where := fmt.Sprintf("第%d个类别（%s）", i+1, Shorten(cat.ID, 32))
		line := lineOfCategory(data, i)
		if !idRe.MatchString(cat.ID) {
			return where + "的 id 须为小写英文字母开头、由小写英文字母、数字和下划线组成（至多32个），例如 “forum”：它写入每份草稿，也用于示例文件名", line
		}
		if p := shortNameProblem(cat.ShortName); p != "" {
			return where + "的 short_name（简称）" + p, lineOfValue(data, "short_name", cat.ShortName, line)
		}
		for _, v := range cat.Venues {
			if !idRe.MatchString(v.ID) {
				return where + "的赛场 id “" + Shorten(v.ID, 32) + "” 须为小写英文字母开头、由小写英文字母、数字和下划线组成（至多32个）", lineOfValue(data, "id", v.ID, line)
			}
		}
		for _, l := range [][]string{cat.Eligible, cat.GraduateTrainingRequired, cat.FormsAllowed, cat.RequiredContent} {
			if len(l) > maxCallList {
				return fmt.Sprintf("%s的列表有%d项，最多%d项", where, len(l), maxCallList), line
			}
		}
		if len(cat.Venues) > maxCallList {
			return fmt.Sprintf("%s有%d个赛场，最多%d个", where, len(cat.Venues), maxCallList), line
		}
		if p, key := cat.partBoundsProblem(); p != "" {
			return where + p, lineOfValue(data, "key", key, line)
		}
		if p, fd := cat.tryRules(c); p != "" {
			return where + p, lineOfValue(data, "validate", fd.Validate, lineOfValue(data, "key", fd.Key, line))
		}
	}
	return "", 0
}

// shortNameProblem says what is wrong with a category's short name, or "".
// It goes into the names of new drafts and samples, so it must be a plain
// name: no path separator, nothing Windows forbids, no control or
// invisible character, not "." or "..".
func shortNameProblem(s string) string {
	if !utf8.ValidString(s) {
		return "含有无效的字符"
	}
	if utf8.RuneCountInString(s) > maxShortNameRunes {
		return fmt.Sprintf("有%d个字，最多%d个：简称会用作文件名的一部分", utf8.RuneCountInString(s), maxShortNameRunes)
	}
	for _, r := range s {
		if bannedInShortName(r) {
			return fmt.Sprintf("含有 %s：简称会用作文件名的一部分，不能含有 / \\ : * ? \" < > | 、控制字符或不可见的字符。请改为如 “研究生论坛” 这样的简称", runeName(r))
		}
	}
	if strings.HasPrefix(s, ".") || strings.TrimSpace(s) != s {
		return "不能以 “.” 或空格开头，也不能以空格结尾：简称会用作文件名的一部分"
	}
	return ""
}

// ShortNameFrom makes a short name the loader accepts out of any text
// (a category's name read from a notice): it drops what shortNameProblem
// refuses (path and Windows characters, control and invisible characters),
// leading dots and spaces, trailing spaces, and keeps at most
// maxShortNameRunes characters. The result may be empty.
func ShortNameFrom(name string) string {
	name = strings.ToValidUTF8(name, "")
	name = strings.Map(func(r rune) rune {
		if bannedInShortName(r) {
			return -1
		}
		return r
	}, name)
	name = strings.TrimLeftFunc(name, func(r rune) bool { return r == '.' || unicode.IsSpace(r) })
	if rs := []rune(name); len(rs) > maxShortNameRunes {
		name = string(rs[:maxShortNameRunes])
	}
	return strings.TrimRightFunc(name, unicode.IsSpace)
}

// bannedInShortName: the characters a short name may not hold.
func bannedInShortName(r rune) bool {
	return strings.ContainsRune(`/\:*?"<>|`, r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Zl, r) || unicode.Is(unicode.Zp, r)
}

// runeName shows a character in a message: itself in quotes when it is
// visible, its code (U+202E) when not.
func runeName(r rune) string {
	if unicode.IsGraphic(r) && !unicode.Is(unicode.Cf, r) {
		return "“" + string(r) + "”"
	}
	return fmt.Sprintf("不可见的字符 U+%04X", r)
}

// partBoundsProblem bounds the sizes of a category's part; it returns the
// problem and the key of the field concerned.
func (cat *Category) partBoundsProblem() (string, string) {
	fields := cat.Part.Fields
	if len(fields) > maxPartFields {
		return fmt.Sprintf("的 [categories.part] 有%d个字段，最多%d个", len(fields), maxPartFields), ""
	}
	var check func(fd *FieldDecl) string
	check = func(fd *FieldDecl) string {
		for _, l := range [][]string{fd.Options, fd.Items, fd.NotIn} {
			if len(l) > maxCallList {
				return fmt.Sprintf("的字段（%s）的列表有%d项，最多%d项", fd.Key, len(l), maxCallList)
			}
		}
		if len(fd.Columns) > maxTableColumns {
			return fmt.Sprintf("的表格（%s）有%d列，最多%d列", fd.Key, len(fd.Columns), maxTableColumns)
		}
		if fd.Kind == KindTable {
			for _, n := range []*int64{fd.Min, fd.Max} {
				if n != nil && (*n < 0 || *n > maxTableRows) {
					return fmt.Sprintf("的表格（%s）的 min/max（行数）须在0到%d之间", fd.Key, maxTableRows)
				}
			}
			if fd.Count < 0 || fd.Count > maxTableRows {
				return fmt.Sprintf("的表格（%s）的 count（行数）须在0到%d之间", fd.Key, maxTableRows)
			}
		}
		for j := range fd.Columns {
			if p := check(&fd.Columns[j]); p != "" {
				return p
			}
		}
		return ""
	}
	for i := range fields {
		if p := check(&fields[i]); p != "" {
			return p, fields[i].Key
		}
	}
	return "", ""
}

// tryRules checks every declared field of the category, as the checks of a
// draft will, with values of its field's kind: nothing, a typical value,
// and for a table rows with every column filled. The go-playground
// validator panics on a rule that does not fit the value's type ("max=10"
// on a yes/no field, "dive" on a text); such a panic becomes the problem
// returned, with the field concerned.
func (cat *Category) tryRules(c *Call) (problem string, field *FieldDecl) {
	if cat.rules == nil {
		return "", nil
	}
	ctx := context.WithValue(context.Background(), partCtxKey{}, cat.rules.lists)
	samples := []Values{{}, trialValues(cat.Part.Fields, 2), trialValues(cat.Part.Fields, 1)}
	for i := range cat.Part.Fields {
		fd := &cat.Part.Fields[i]
		for _, v := range samples {
			if fd.tag != "" {
				if err := tryTag(ctx, fd.Key, fd.tag, fd.validationValue(v)); err != "" {
					return fieldRuleProblem(fd, "", err), fd
				}
			}
			for j := range fd.Columns {
				col := &fd.Columns[j]
				if col.tag == "" {
					continue
				}
				for _, row := range append(v.Rows(fd.Key), Values{}) {
					if err := tryTag(ctx, col.Key, col.tag, col.validationValue(row)); err != "" {
						return fieldRuleProblem(fd, col.Key, err), col
					}
				}
			}
		}
	}
	// The whole part, as Check runs it.
	for _, v := range samples {
		d := &Draft{Category: cat.ID, Parts: map[string]Values{cat.ID: v}}
		if err := recoverText(func() { partFindings(c, cat, d) }); err != "" {
			return "的专项内容无法检查（" + err + "）：请检查各字段的 validate 规则", &FieldDecl{}
		}
	}
	return "", nil
}

// fieldRuleProblem is the problem of a rule that failed on a value.
func fieldRuleProblem(fd *FieldDecl, column, err string) string {
	what := "字段（" + fd.Key + "）"
	if column != "" {
		what = "表格（" + fd.Key + "）的列（" + column + "）"
	}
	return fmt.Sprintf("的 [categories.part] 中%s的规则不能用于%s的值（%s）：请改正或删去它的 validate 规则 “%s”", what, kindName(fd.Kind, column), Shorten(err, 80), Shorten(fd.Validate, 60))
}

// kindName names a field kind in Chinese.
func kindName(kind, column string) string {
	if column != "" {
		return "这一列"
	}
	switch kind {
	case KindYesNo:
		return "勾选项（是/否）"
	case KindChecklist:
		return "勾选清单（是否全部勾选）"
	case KindTable:
		return "表格（各行）"
	case KindInt:
		return "整数"
	case KindDate:
		return "日期"
	}
	return "文字"
}

// tryTag validates one value against one tag, a panic turned into its text.
func tryTag(ctx context.Context, key, tag string, v any) string {
	return recoverText(func() {
		_ = validate.ValidateMapCtx(ctx, map[string]any{key: v}, map[string]any{key: tag})
	})
}

// recoverText runs f and returns the text of its panic, or "".
func recoverText(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
			if msg == "" {
				msg = "panic"
			}
		}
	}()
	f()
	return ""
}

// trialValues are values for every declared field: a typical one of its
// kind, tables with rows rows.
func trialValues(fields []FieldDecl, rows int) Values {
	v := Values{}
	for i := range fields {
		fd := &fields[i]
		switch fd.Kind {
		case KindText, KindLong:
			s := "示例文字"
			v[fd.Key] = &s
		case KindChoice:
			s := ""
			if len(fd.Options) > 0 {
				s = fd.Options[0]
			}
			v[fd.Key] = &s
		case KindInt:
			n := int64(5)
			if fd.Min != nil {
				n = *fd.Min
			}
			v[fd.Key] = &n
		case KindYesNo:
			b := true
			v[fd.Key] = &b
		case KindDate:
			d := NewDate(2000, 5, 1)
			v[fd.Key] = &d
		case KindChecklist:
			l := append([]string(nil), fd.Items...)
			v[fd.Key] = &l
		case KindTable:
			rs := make([]Values, rows)
			for r := range rs {
				rs[r] = trialValues(fd.Columns, rows)
			}
			v[fd.Key] = &rs
		}
	}
	return v
}

// lineOfValue is the first line from line def on (or from the start)
// where key is given the value (as written, without escapes); else the
// first line from def on that gives key; else def.
func lineOfValue(data []byte, key, value string, def int) int {
	lines := strings.Split(string(data), "\n")
	find := func(match func(val string) bool) int {
		for _, start := range []int{max(def-1, 0), 0} {
			for n := start; n < len(lines); n++ {
				k, val, ok := strings.Cut(lines[n], "=")
				if ok && strings.TrimSpace(k) == key && match(val) {
					return n + 1
				}
			}
		}
		return 0
	}
	if value != "" {
		if n := find(func(val string) bool { return strings.Contains(val, value) }); n > 0 {
			return n
		}
	}
	if n := find(func(string) bool { return true }); n > 0 && value != "" {
		return n
	}
	return def
}

// recoverCallPanic turns a panic while reading a call file into a
// CallError, so that no call file can stop the program.
func recoverCallPanic(name string, err *error) {
	if r := recover(); r != nil {
		*err = &CallError{File: name, Problem: fmt.Sprintf("程序无法读取这个文件（%s）。请确认选的是申报通知数据文件，或把它发给程序的维护者", Shorten(fmt.Sprint(r), 80))}
	}
}

// As lets a CallError be read as the program's one user-facing error type:
// errors.As(err, &ue) with ue a *usererr.Error gives its code
// (usererr.BadCall), the file, and the same Chinese message, so the window
// and the tools show and log it like any other.
func (e *CallError) As(target any) bool {
	if t, ok := target.(**usererr.Error); ok {
		*t = &usererr.Error{Code: usererr.BadCall, Path: e.File, Message: e.Error()}
		return true
	}
	return false
}
