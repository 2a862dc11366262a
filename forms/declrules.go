package forms

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Declared rules: the rules a notice states over the form's data, written in
// the call file as [[rules]] (docs/call-format.md, “声明的规则”), plus the
// call's total quota across categories and its category groups and codes.
//
// A rule names a field by its path in the draft file ("project.city",
// "experts", "experts[].unit", "parts.intl.foreign_experts", "part.lead_unit")
// and states what its value must be with a few keys (required, one_of,
// contains_any, min, max, count_min, share_min, where, age_at…), optionally
// only when another field's value is so (when). The rules are compiled when
// the call is read: every path is resolved to an accessor into the Draft,
// every key checked against the field's kind, every placeholder of the
// messages known; a rule naming a field that does not exist is refused with
// the file, the line and a Chinese reason. Checking a draft then reads
// values through the accessors: nothing is parsed per check.
//
// This file: the call file's keys and their compilation. The paths and
// their accessors: declrules_paths.go. Checking a draft: declrules_eval.go.
// The rule family that Check and `shenbao rules` call: rules_declared.go.

// CallRules is what a call file declares besides its fields: its rules over
// the form's data, its total quota across categories, its category groups.
// It is embedded in Call.
type CallRules struct {
	RuleDecls      []RuleDecl      `toml:"rules"`
	TotalQuota     *TotalQuota     `toml:"total_quota"`
	CategoryGroups []CategoryGroup `toml:"category_groups"`

	declared []*declRule // RuleDecls compiled
}

// TotalQuota is how many projects the call selects across all its
// categories ("择优资助40个左右"): information, never an error — the
// selection is the funder's, not the applicant's.
type TotalQuota struct {
	Count       int    `toml:"count"`
	Approximate bool   `toml:"approximate"` // "左右": about this many
	Clause      string `toml:"clause"`
}

// Text is the total quota in words: "约40项" or "40项".
func (q *TotalQuota) Text() string {
	if q.Approximate {
		return fmt.Sprintf("约%d项", q.Count)
	}
	return fmt.Sprintf("%d项", q.Count)
}

// CategoryGroup is a group of categories with a code of its own: the
// Shanghai call's annual conference (项目编号 2023-1) has the sub-items 2023-1-1 to
// 2023-1-3, each a category with group = the group's ID.
type CategoryGroup struct {
	ID     string `toml:"id"`
	Code   string `toml:"code"`
	Name   string `toml:"name"`
	Clause string `toml:"clause"`
}

// CategoryCode is a category's group and item code (项目编号), embedded in
// Category.
type CategoryCode struct {
	Group string `toml:"group"` // a [[category_groups]] id
	Code  string `toml:"code"`  // 项目编号: "2023-1-1"
}

// Group returns the category group with the given ID, or nil.
func (c *Call) Group(id string) *CategoryGroup {
	for i := range c.CategoryGroups {
		if c.CategoryGroups[i].ID == id {
			return &c.CategoryGroups[i]
		}
	}
	return nil
}

// CategoryTitle is a category's name as printed, with its group's name
// before it and its code after it when the call gives them:
// <group name>·综合分论坛（项目编号：2023-1-1）. name is the
// category's name as the caller prints it (with a venue, say).
func (c *Call) CategoryTitle(cat *Category, name string) string {
	name = c.groupedName(cat, name)
	if cat.Code != "" {
		name += "（项目编号：" + cat.Code + "）"
	}
	return name
}

// groupedName is a category's name with its group's name before it.
func (c *Call) groupedName(cat *Category, name string) string {
	if g := c.Group(cat.Group); g != nil && !strings.HasPrefix(name, g.Name) {
		return g.Name + "·" + name
	}
	return name
}

// CondDecl is what a rule states about one field's value (or, in where, a
// table column's): the keys of a [[rules]] entry and of its when and where.
type CondDecl struct {
	Field        string    `toml:"field"`
	Column       string    `toml:"column"` // where only
	Required     bool      `toml:"required"`
	Equals       any       `toml:"equals"`
	OneOf        []string  `toml:"one_of"`
	NoneOf       []string  `toml:"none_of"`
	ContainsAny  []string  `toml:"contains_any"`
	ContainsNone []string  `toml:"contains_none"`
	Min          any       `toml:"min"`    // a number, a date, or a field path
	Max          any       `toml:"max"`    // a number, a date, or a field path
	AgeAt        any       `toml:"age_at"` // a date, or a field path
	CountMin     *int      `toml:"count_min"`
	CountMax     *int      `toml:"count_max"`
	ShareMin     *float64  `toml:"share_min"`
	ShareMax     *float64  `toml:"share_max"`
	Where        *CondDecl `toml:"where"`
}

// RuleDecl is one [[rules]] entry of the call file.
type RuleDecl struct {
	ID         string    `toml:"id"`
	Severity   Severity  `toml:"severity"`
	Clause     string    `toml:"clause"`
	Summary    string    `toml:"summary"`
	Message    string    `toml:"message"`
	Categories []string  `toml:"categories"` // category or group IDs; empty: every category
	When       *CondDecl `toml:"when"`
	CondDecl
}

// vtype is the type of a value a rule reads.
type vtype uint8

const (
	vNone vtype = iota
	vText
	vNum
	vBool
	vDate
	vList  // ticked items, a list of texts
	vTable // rows
)

func (t vtype) name() string {
	return [...]string{"", "文字", "数字", "是/否", "日期", "多项列表", "表格"}[t]
}

// dval is one value read from a draft.
type dval struct {
	t    vtype
	s    string
	n    float64 // a number; a list's or a table's count
	b    bool
	d    Date
	list []string
}

// empty reports whether a text or a date is not filled in (a number, a
// yes/no, a list or a table is always a value: 0, no, none).
func (v dval) empty() bool {
	switch v.t {
	case vText:
		for _, r := range v.s {
			if !unicode.IsSpace(r) {
				return false
			}
		}
		return true
	case vDate:
		return v.d.IsZero()
	case vNone:
		return true
	}
	return false
}

// filled is what `required` asks: a text or date filled in, a number not
// 0, a yes/no ticked, a list or table not empty.
func (v dval) filled() bool {
	switch v.t {
	case vNum, vList, vTable:
		return v.n != 0
	case vBool:
		return v.b
	}
	return !v.empty()
}

// text is the value as a message quotes it.
func (v dval) text() string {
	switch v.t {
	case vText:
		return Shorten(strings.TrimSpace(v.s), 40)
	case vNum:
		return fmtNum(v.n)
	case vBool:
		if v.b {
			return "是"
		}
		return "否"
	case vDate:
		if v.d.IsZero() {
			return ""
		}
		return v.d.Chinese()
	case vList:
		return Shorten(strings.Join(v.list, "、"), 40)
	case vTable:
		return fmtNum(v.n) + "行"
	}
	return ""
}

func fmtNum(n float64) string {
	if n == math.Trunc(n) && math.Abs(n) < 1e15 {
		return strconv.FormatInt(int64(n), 10)
	}
	return strconv.FormatFloat(n, 'f', -1, 64)
}

func pct(x float64) string { return fmtNum(math.Round(x*1000)/10) + "%" }

// fieldRef is a field path compiled to an accessor into the draft.
type fieldRef struct {
	path  string // as written in the call file
	label string // the field's Chinese name (for summaries)
	t     vtype
	// get reads the value (a table: its row count).
	get func(d *Draft) dval
	// tables: the rows, read once per check of a table, and the columns.
	rows func(d *Draft) rowset
	cols map[string]*colRef
	// each is the column of a path "table[].column": the rule applies to
	// every row's cell.
	each *colRef
	// at is the path a finding names (a category's part: "parts.<cat>…").
	at func(d *Draft) string
	// cats are the categories whose part the path reads (nil: the common
	// parts of the form, every category has them).
	cats []string
}

// colRef is a table's column.
type colRef struct {
	key, label string
	t          vtype
	get        func(rs rowset, row int) dval
}

// rowset is a table's rows in a draft: a category part's values, or a
// slice of the common parts' structs.
type rowset struct {
	n    int
	vals []Values      // a declared table
	rv   reflect.Value // a table of the common parts (a slice of structs)
}

// ---------------------------------------------------------------------------
// Compiling a CondDecl.

// condCtx is what compiling a CondDecl needs: the call, and in a where the
// table whose rows it reads.
type condCtx struct {
	c     *Call
	table *fieldRef // where: the table whose column it reads
}

// compileCond compiles a CondDecl. It returns the key the problem is at and
// the problem in Chinese.
func (x condCtx) compileCond(cd *CondDecl, inWhere bool) (*cond, string, string) {
	c := &cond{countMin: -1, countMax: -1, shareMin: -1, shareMax: -1}
	switch {
	case inWhere:
		if cd.Field != "" {
			return nil, "field", "where 中写 column（表格的列），不写 field"
		}
		if cd.Column == "" {
			return nil, "where", "where 须写 column（表格的哪一列）"
		}
		col := x.table.cols[cd.Column]
		if col == nil {
			return nil, "column", fmt.Sprintf("where 的 column “%s” 不是表格 “%s” 的列：可用的列有 %s", cd.Column, x.table.path, colKeys(x.table))
		}
		c.cell, c.t = col.get, col.t
	default:
		if cd.Column != "" {
			return nil, "column", "column 只能写在 where 中；要检查表格每一行的某一列，请写 field = \"表格[].列\""
		}
		if cd.Field == "" {
			return nil, "field", "缺少 field（检查哪个字段）"
		}
		ref, p := x.c.resolveField(cd.Field)
		if p != "" {
			return nil, "field", p
		}
		c.field, c.t, c.rows = ref, ref.t, ref.rows
		if ref.each != nil {
			c.cell = ref.each.get
		} else {
			c.get = ref.get
		}
	}
	t := c.t
	kindProblem := func(key, allowed string) (*cond, string, string) {
		shown := key
		switch key {
		case "count_min", "count_max":
			shown = "count_min/count_max"
		case "share_min", "share_max":
			shown = "share_min/share_max"
		}
		return nil, key, fmt.Sprintf("%s 只能用于%s，“%s” 是%s", shown, allowed, x.subject(cd), t.name())
	}
	c.required = cd.Required
	if cd.Equals != nil {
		if t == vList || t == vTable {
			return kindProblem("equals", "文字、数字、是/否或日期")
		}
		v, ok := literal(cd.Equals, t)
		if !ok {
			return nil, "equals", fmt.Sprintf("equals 的值须是%s，因为 “%s” 是%s", t.name(), x.subject(cd), t.name())
		}
		c.equals = &v
	}
	for _, l := range []struct {
		key  string
		list []string
		dst  *[]string
	}{{"one_of", cd.OneOf, &c.oneOf}, {"none_of", cd.NoneOf, &c.noneOf}, {"contains_any", cd.ContainsAny, &c.containsAny}, {"contains_none", cd.ContainsNone, &c.contNone}} {
		if l.list == nil {
			continue
		}
		if t != vText {
			return kindProblem(l.key, "文字")
		}
		if len(l.list) == 0 {
			return nil, l.key, l.key + " 是空的：请列出至少一个值"
		}
		*l.dst = l.list
	}
	if cd.AgeAt != nil {
		if t != vDate {
			return kindProblem("age_at", "日期（如出生日期）")
		}
		b, p := x.compileBound(cd.AgeAt, vDate, "age_at")
		if p != "" {
			return nil, "age_at", p
		}
		c.ageAt = b
	}
	cmpType := t
	if c.ageAt != nil {
		cmpType = vNum
	}
	for _, m := range []struct {
		key string
		raw any
		dst **bound
	}{{"min", cd.Min, &c.min}, {"max", cd.Max, &c.max}} {
		if m.raw == nil {
			continue
		}
		if cmpType != vNum && cmpType != vDate {
			return kindProblem(m.key, "数字或日期")
		}
		b, p := x.compileBound(m.raw, cmpType, m.key)
		if p != "" {
			return nil, m.key, p
		}
		*m.dst = b
	}
	if cd.CountMin != nil || cd.CountMax != nil {
		if t != vTable && t != vList {
			return kindProblem(which(cd.CountMin != nil, "count_min", "count_max"), "表格或多项列表")
		}
		if cd.CountMin != nil {
			c.countMin = *cd.CountMin
		}
		if cd.CountMax != nil {
			c.countMax = *cd.CountMax
		}
		if cd.CountMin != nil && *cd.CountMin < 0 || cd.CountMax != nil && *cd.CountMax < 0 || c.countMax >= 0 && c.countMax < c.countMin {
			return nil, which(cd.CountMin != nil, "count_min", "count_max"), "count_min/count_max 须为0或正整数，且 count_max 不小于 count_min"
		}
	}
	if cd.ShareMin != nil || cd.ShareMax != nil {
		if t != vTable {
			return kindProblem(which(cd.ShareMin != nil, "share_min", "share_max"), "表格")
		}
		if cd.Where == nil {
			return nil, which(cd.ShareMin != nil, "share_min", "share_max"), "share_min/share_max 是符合 where 条件的行所占的比例，须同时写 where"
		}
		for _, s := range []struct {
			p   *float64
			dst *float64
		}{{cd.ShareMin, &c.shareMin}, {cd.ShareMax, &c.shareMax}} {
			if s.p == nil {
				continue
			}
			if *s.p < 0 || *s.p > 1 {
				return nil, which(s.p == cd.ShareMin, "share_min", "share_max"), "share_min/share_max 须在0到1之间（50% 写作 0.5）"
			}
			*s.dst = *s.p
		}
	}
	if cd.Where != nil {
		if inWhere {
			return nil, "where", "where 中不能再写 where"
		}
		if t != vTable || c.field.each != nil {
			return kindProblem("where", "表格（按行计数或算比例）")
		}
		w, _, p := condCtx{c: x.c, table: c.field}.compileCond(cd.Where, true)
		if p != "" {
			return nil, "where", "where：" + p
		}
		if w.t == vTable || w.t == vList {
			return nil, "where", "where 的列不能是表格或多项列表"
		}
		c.where = w
		if c.countMin < 0 && c.countMax < 0 && c.shareMin < 0 && c.shareMax < 0 {
			return nil, "where", "写了 where，还须写 count_min、count_max、share_min 或 share_max（符合条件的行至少/至多几行、占多少比例）"
		}
	}
	if !c.required && c.equals == nil && c.oneOf == nil && c.noneOf == nil && c.containsAny == nil && c.contNone == nil &&
		c.min == nil && c.max == nil && c.countMin < 0 && c.countMax < 0 && c.shareMin < 0 && c.shareMax < 0 {
		return nil, "field", "没有写要检查什么：请写 required、equals、one_of、none_of、contains_any、contains_none、min、max、count_min、count_max、share_min 或 share_max 中的至少一项"
	}
	return c, "", ""
}

// which is the key a problem is at: a when given, else b.
func which(given bool, a, b string) string {
	if given {
		return a
	}
	return b
}

// subject names what a CondDecl reads, for messages.
func (x condCtx) subject(cd *CondDecl) string {
	if cd.Column != "" && x.table != nil {
		return x.table.path + " 的列 " + cd.Column
	}
	return cd.Field
}

// literal reads a TOML value as a value of type t.
func literal(raw any, t vtype) (dval, bool) {
	switch x := raw.(type) {
	case string:
		return dval{t: vText, s: strings.TrimSpace(x)}, t == vText
	case bool:
		return dval{t: vBool, b: x}, t == vBool
	case int64:
		return dval{t: vNum, n: float64(x)}, t == vNum
	case float64:
		return dval{t: vNum, n: x}, t == vNum
	case time.Time:
		return dval{t: vDate, d: DateOf(x)}, t == vDate
	}
	return dval{}, false
}

// compileBound reads a limit: a literal of type t, or a path (a string) to
// a field of type t.
func (x condCtx) compileBound(raw any, t vtype, key string) (*bound, string) {
	if s, ok := raw.(string); ok {
		if strings.TrimSpace(s) == "" {
			return nil, key + " 是空的：请写数字、日期，或加引号的字段路径"
		}
		ref, p := x.c.resolveField(s)
		if p != "" {
			return nil, key + " 写的是字段路径，但" + p
		}
		if ref.each != nil || ref.t != t {
			return nil, fmt.Sprintf("%s 指向的 “%s” 是%s，这里要的是%s", key, s, ref.t.name(), t.name())
		}
		return &bound{ref: ref}, ""
	}
	v, ok := literal(raw, t)
	if !ok {
		what := "数字"
		if t == vDate {
			what = "日期（如 2022-12-31）"
		}
		return nil, fmt.Sprintf("%s 须是%s，或一个%s字段的路径（加引号）", key, what, t.name())
	}
	return &bound{lit: v}, ""
}

// ---------------------------------------------------------------------------
// Messages: a rule's summary and message with placeholders, parsed once.

type tseg struct {
	lit, ph string
}

type tmpl []tseg

var placeholderRe = regexp.MustCompile(`\{([a-z_]+)\}`)

// Placeholders of a declared rule's message; the summary may use those
// that do not depend on a draft.
var (
	msgPlaceholders = []string{"label", "clause", "value", "n", "total", "share", "row", "age",
		"min", "max", "count_min", "count_max", "share_min", "share_max", "list", "age_at",
		"name", "short_name", "code"}
	draftPlaceholders = []string{"value", "n", "total", "share", "row", "age", "name", "short_name", "code"}
)

// parseTmpl splits a text at its placeholders; it returns the first
// placeholder it does not know (or may not use).
func parseTmpl(s string, allowed, refused []string) (tmpl, string) {
	var t tmpl
	last := 0
	for _, m := range placeholderRe.FindAllStringSubmatchIndex(s, -1) {
		name := s[m[2]:m[3]]
		if !contains(allowed, name) || contains(refused, name) {
			return nil, name
		}
		t = append(t, tseg{lit: s[last:m[0]]}, tseg{ph: name})
		last = m[1]
	}
	return append(t, tseg{lit: s[last:]}), ""
}

func (t tmpl) render(val func(string) string) string {
	var b strings.Builder
	for _, s := range t {
		if s.ph != "" {
			b.WriteString(val(s.ph))
		} else {
			b.WriteString(s.lit)
		}
	}
	return b.String()
}

// ---------------------------------------------------------------------------
// A compiled rule.

type declRule struct {
	id               string
	sev              Severity
	clause           string
	summary, message tmpl
	cats             []string // the categories it applies to (nil: all)
	when, test       *cond
}

var ruleIDRe = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$`)

// compileDeclared compiles the call's [[rules]], [[category_groups]], the
// categories' groups and codes, and its total_quota. data is the file, for
// the line of a problem.
func (c *Call) compileDeclared(name string, data []byte) error {
	if err := c.compileGroups(name, data); err != nil {
		return err
	}
	if q := c.TotalQuota; q != nil && (q.Count < 1 || strings.TrimSpace(q.Clause) == "") {
		return &CallError{File: name, Line: lineInBlock(data, "[total_quota]", 0, "count"), Problem: "[total_quota] 须有 count（合计资助项数，至少为1）和 clause（通知条款）"}
	}
	if err := c.compileSectionConds(name, data); err != nil {
		return err
	}
	c.declared = c.declared[:0]
	seen := map[string]bool{}
	for i := range c.RuleDecls {
		rd := &c.RuleDecls[i]
		r, key, p := c.compileRule(rd, seen)
		if p != "" {
			return &CallError{File: name, Line: lineInBlock(data, "[[rules]]", i, key), Problem: fmt.Sprintf("第%d条规则（%s）%s", i+1, rd.ID, p)}
		}
		seen[r.id] = true
		c.declared = append(c.declared, r)
	}
	return nil
}

// compileSectionConds compiles the when of each [[documents.sections]]; a
// sub-part (level 2) inherits its part's.
func (c *Call) compileSectionConds(name string, data []byte) error {
	n := -1 // the section's index among all [[documents.sections]]
	for i := range c.Documents {
		var part []*cond
		for j := range c.Documents[i].Sections {
			n++
			s := &c.Documents[i].Sections[j]
			s.conds = nil
			if s.LevelOf() == 2 {
				s.conds = append(s.conds, part...)
			}
			if s.When != nil {
				w, key, p := condCtx{c: c}.compileCond(s.When, false)
				if p == "" && w.field.each != nil {
					p = "when 不能检查表格的每一行：请用 count_min 和 where（如 “至少有一行……”）"
				}
				if p != "" {
					if key == "" {
						key = "when"
					}
					return &CallError{File: name, Line: lineInBlock(data, "[[documents.sections]]", n, "when"),
						Problem: fmt.Sprintf("第%d份申报材料（%s）的第%d部分（%s）的 when（%s）：%s", i+1, c.Documents[i].ID, j+1, firstNonEmptyStr(s.Block, s.Key, s.Title), key, p)}
				}
				s.conds = append(s.conds, w)
			}
			if s.LevelOf() == 1 {
				part = s.conds
			}
		}
	}
	return nil
}

func (c *Call) compileGroups(name string, data []byte) error {
	seen := map[string]bool{}
	for i, g := range c.CategoryGroups {
		bad := func(key, p string) error {
			return &CallError{File: name, Line: lineInBlock(data, "[[category_groups]]", i, key), Problem: fmt.Sprintf("第%d个 [[category_groups]]（%s）%s", i+1, g.ID, p)}
		}
		switch {
		case !keyRe.MatchString(g.ID):
			return bad("id", "的 id 须为小写英文字母、数字和下划线")
		case c.Category(g.ID) != nil || seen[g.ID]:
			return bad("id", "的 id 与另一个类别或类别组重复")
		case g.Name == "":
			return bad("name", "缺少 name（名称）")
		}
		seen[g.ID] = true
		if g.Code != "" {
			if seen["code:"+g.Code] {
				return bad("code", "的项目编号 “"+g.Code+"” 重复")
			}
			seen["code:"+g.Code] = true
		}
	}
	for i := range c.Categories {
		cat := &c.Categories[i]
		bad := func(key, p string) error {
			return &CallError{File: name, Line: lineInBlock(data, "[[categories]]", i, key), Problem: fmt.Sprintf("第%d个类别（%s）%s", i+1, cat.ID, p)}
		}
		if cat.Group != "" {
			g := c.Group(cat.Group)
			if g == nil {
				return bad("group", "的 group “"+cat.Group+"” 不在 [[category_groups]] 中")
			}
			if g.Code != "" && cat.Code != "" && !strings.HasPrefix(cat.Code, g.Code) {
				return bad("code", "的项目编号 “"+cat.Code+"” 不在其类别组 “"+g.Name+"” 的编号 “"+g.Code+"” 之下")
			}
		}
		if cat.Code != "" {
			if seen["code:"+cat.Code] {
				return bad("code", "的项目编号 “"+cat.Code+"” 与另一个类别或类别组重复")
			}
			seen["code:"+cat.Code] = true
		}
	}
	return nil
}

// RuleProblem is why a declared rule cannot stand in this call — its
// field not in any category's part, a category or group not in the call,
// its ID taken — in the words the loader uses; "" when it compiles. A
// rule carried from another call is checked with it before it is written.
func (c *Call) RuleProblem(rd RuleDecl) string {
	if _, key, p := c.compileRule(&rd, map[string]bool{}); p != "" {
		return "（" + key + "）" + p
	}
	return ""
}

func (c *Call) compileRule(rd *RuleDecl, seen map[string]bool) (*declRule, string, string) {
	r := &declRule{id: rd.ID, sev: rd.Severity, clause: strings.TrimSpace(rd.Clause)}
	switch {
	case !ruleIDRe.MatchString(rd.ID):
		return nil, "id", "的 id 须为小写英文字母、数字和下划线，用点分段（如 “place.hubei”）"
	case seen[rd.ID]:
		return nil, "id", "的 id 与前面的规则重复"
	}
	if _, static := ruleByID[rd.ID]; static {
		return nil, "id", "的 id “" + rd.ID + "” 与程序内置的规则编号重复"
	}
	for i := range c.Categories {
		for _, pr := range c.Categories[i].PartRules(c) {
			if pr.ID == rd.ID {
				return nil, "id", "的 id “" + rd.ID + "” 与类别 " + c.Categories[i].ID + " 专项内容中的规则编号重复"
			}
		}
	}
	switch rd.Severity {
	case "":
		r.sev = Error
	case Error, Warning, Info:
	default:
		return nil, "severity", "的 severity 须为 error、warning 或 info"
	}
	if r.clause == "" {
		return nil, "clause", "缺少 clause（通知条款，如 “三（三）”）"
	}
	if strings.TrimSpace(rd.Summary) == "" || strings.TrimSpace(rd.Message) == "" {
		return nil, "summary", "须有 summary（规则一览中的一句话）和 message（不符合时的提示：说明哪里不对、该怎么改，并引用通知条款）"
	}
	var bad string
	if r.summary, bad = parseTmpl(rd.Summary, msgPlaceholders, draftPlaceholders); bad != "" {
		return nil, "summary", "的 summary 中的 {" + bad + "} 不能用：summary 不针对某份申报书，可用 " + placeholderList(msgPlaceholders, draftPlaceholders)
	}
	if r.message, bad = parseTmpl(rd.Message, msgPlaceholders, nil); bad != "" {
		return nil, "message", "的 message 中的 {" + bad + "} 不认识：可用 " + placeholderList(msgPlaceholders, nil)
	}
	x := condCtx{c: c}
	test, key, p := x.compileCond(&rd.CondDecl, false)
	if p != "" {
		return nil, key, "：" + p
	}
	r.test = test
	cats := test.cats()
	if cats != nil && len(cats) == 0 {
		return nil, "field", "：field 和 min/max/age_at 读的是不同类别的专项内容，没有哪个类别同时有这两项"
	}
	if rd.When != nil {
		w, _, p := x.compileCond(rd.When, false)
		if p != "" {
			return nil, "when", "的 when：" + p
		}
		if w.field.each != nil {
			return nil, "when", "的 when 不能检查表格的每一行：请用 count_min 和 where（如 “至少有一行……”）"
		}
		r.when = w
		cats = intersectCats(cats, w.cats())
		if cats != nil && len(cats) == 0 {
			return nil, "when", "的 when 和 field 读的是不同类别的专项内容，没有哪个类别同时有这两项"
		}
	}
	if len(rd.Categories) > 0 {
		var listed []string
		for _, id := range rd.Categories {
			switch {
			case c.Category(id) != nil:
				listed = append(listed, id)
			case c.Group(id) != nil:
				for i := range c.Categories {
					if c.Categories[i].Group == id {
						listed = append(listed, c.Categories[i].ID)
					}
				}
			default:
				return nil, "categories", "的 categories 中 “" + id + "” 不是类别或类别组的 id"
			}
		}
		cats = intersectCats(cats, listed)
		if len(cats) == 0 {
			return nil, "categories", "的 categories 中没有哪个类别有规则检查的专项内容字段"
		}
	}
	r.cats = cats
	return r, "", ""
}

// cats are the categories whose parts a condition reads — its field's and
// its limits' (nil: only the common parts, every category has them).
func (c *cond) cats() []string {
	cats := c.field.cats
	for _, b := range []*bound{c.min, c.max, c.ageAt} {
		if b != nil && b.ref != nil {
			cats = intersectCats(cats, b.ref.cats)
		}
	}
	return cats
}

// intersectCats intersects two category scopes (nil: every category).
func intersectCats(a, b []string) []string {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	out := []string{}
	for _, x := range a {
		if contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func placeholderList(all, refused []string) string {
	var out []string
	for _, p := range all {
		if !contains(refused, p) {
			out = append(out, "{"+p+"}")
		}
	}
	return strings.Join(out, " ")
}

// lineInBlock is the line of key in the i-th block of a header
// ("[[rules]]"), or the header's line when the key is not written there
// (0 when the file has no such block: inline arrays, say).
func lineInBlock(data []byte, header string, i int, key string) int {
	lines := strings.Split(string(data), "\n")
	n, start := -1, -1
	for ln, l := range lines {
		if strings.TrimSpace(stripComment(l)) == header {
			n++
			if n == i {
				start = ln
				break
			}
		}
	}
	if start < 0 {
		return 0
	}
	name := strings.Trim(header, "[]")
	for ln := start + 1; ln < len(lines); ln++ {
		l := strings.TrimSpace(lines[ln])
		if strings.HasPrefix(l, "[") && !strings.HasPrefix(strings.Trim(l, "["), name+".") {
			break // the next block
		}
		if k, _, ok := strings.Cut(l, "="); ok && strings.TrimSpace(k) == key {
			return ln + 1
		}
	}
	return start + 1
}

func stripComment(l string) string {
	if i := strings.Index(l, "#"); i >= 0 && !strings.ContainsAny(l[:i], `"'`) {
		return l[:i]
	}
	return l
}
