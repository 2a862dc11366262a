package forms

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
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
// Paths of the common parts of the form: worked out once from the Draft's
// JSON names, so that a path in a call file and a finding's field path are
// the same words the draft file uses.

type hop struct {
	index int
	ptr   bool // the field is a pointer: follow it (nil: no value)
}

type commonField struct {
	hops []hop
	t    vtype
	cols []commonCol // a table's columns, in struct order
}

type commonCol struct {
	key   string
	index int
	t     vtype
}

var dateGoType = reflect.TypeOf(Date{})

// goVType is the value type of a Go field, vNone when a rule cannot read it.
func goVType(t reflect.Type) vtype {
	switch {
	case t == dateGoType:
		return vDate
	case t.Kind() == reflect.String:
		return vText
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Int64, t.Kind() == reflect.Float64:
		return vNum
	case t.Kind() == reflect.Bool:
		return vBool
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		return vList
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct && t.Elem() != dateGoType:
		return vTable
	}
	return vNone
}

// commonFields are the paths of the Draft's common parts a rule may name.
var commonFields = sync.OnceValue(func() map[string]*commonField {
	out := map[string]*commonField{}
	var visit func(t reflect.Type, prefix string, hops []hop)
	visit = func(t reflect.Type, prefix string, hops []hop) {
		for _, f := range fieldsOf(t) {
			ft := t.Field(f.index).Type
			h := hop{index: f.index}
			if ft.Kind() == reflect.Pointer {
				h.ptr, ft = true, ft.Elem()
			}
			p := f.name
			if prefix != "" {
				p = prefix + "." + f.name
			}
			next := append(append([]hop(nil), hops...), h)
			vt := goVType(ft)
			switch {
			case vt == vTable:
				cf := &commonField{hops: next, t: vTable}
				for _, c := range fieldsOf(ft.Elem()) {
					if ct := goVType(ft.Elem().Field(c.index).Type); ct != vNone && ct != vTable && ct != vList {
						cf.cols = append(cf.cols, commonCol{c.name, c.index, ct})
					}
				}
				out[p] = cf
			case vt != vNone:
				out[p] = &commonField{hops: next, t: vt}
			case ft.Kind() == reflect.Struct && ft != reflect.TypeOf(time.Time{}):
				visit(ft, p, next)
			}
		}
	}
	visit(reflect.TypeOf(Draft{}), "", nil)
	return out
})

// reach follows hops from the draft; false when a pointer on the way is nil.
func reach(d *Draft, hops []hop) (reflect.Value, bool) {
	v := reflect.ValueOf(d).Elem()
	for _, h := range hops {
		v = v.Field(h.index)
		if h.ptr {
			if v.IsNil() {
				return v, false
			}
			v = v.Elem()
		}
	}
	return v, true
}

// goValue reads a Go value of type t. v must be addressable.
func goValue(v reflect.Value, t vtype) dval {
	switch t {
	case vText:
		return dval{t: t, s: v.String()}
	case vNum:
		if v.Kind() == reflect.Float64 {
			return dval{t: t, n: v.Float()}
		}
		return dval{t: t, n: float64(v.Int())}
	case vBool:
		return dval{t: t, b: v.Bool()}
	case vDate:
		return dval{t: t, d: *v.Addr().Interface().(*Date)}
	case vList:
		l := *v.Addr().Interface().(*[]string)
		return dval{t: t, n: float64(len(l)), list: l}
	case vTable:
		return dval{t: t, n: float64(v.Len())}
	}
	return dval{}
}

func commonRef(path, label string, cf *commonField) *fieldRef {
	hops, t := cf.hops, cf.t
	ref := &fieldRef{path: path, label: label, t: t, at: func(*Draft) string { return path }}
	ref.get = func(d *Draft) dval {
		v, ok := reach(d, hops)
		if !ok {
			return dval{t: t}
		}
		return goValue(v, t)
	}
	if t == vTable {
		ref.rows = func(d *Draft) rowset {
			v, ok := reach(d, hops)
			if !ok {
				return rowset{}
			}
			return rowset{n: v.Len(), rv: v}
		}
		ref.cols = map[string]*colRef{}
		for _, c := range cf.cols {
			ref.cols[c.key] = &colRef{key: c.key, label: label + "的" + FieldLabel(path+"[]."+c.key), t: c.t, get: func(rs rowset, row int) dval {
				if row >= rs.n {
					return dval{t: c.t}
				}
				return goValue(rs.rv.Index(row).Field(c.index), c.t)
			}}
		}
	}
	return ref
}

// ---------------------------------------------------------------------------
// Paths of a category's part (and, once drafts have them, of declared
// sections): values held in Values by the keys the call declares.

// declVType is the value type of a declared field's kind.
func declVType(kind string) vtype {
	switch kind {
	case KindText, KindLong, KindChoice:
		return vText
	case KindInt:
		return vNum
	case KindYesNo:
		return vBool
	case KindDate:
		return vDate
	case KindChecklist:
		return vList
	case KindTable:
		return vTable
	}
	return vNone
}

// valuesValue reads a declared value of type t from a part's values.
func valuesValue(v Values, key string, t vtype) dval {
	switch t {
	case vText:
		return dval{t: t, s: v.Text(key)}
	case vNum:
		if f, ok := v[key].(*float64); ok {
			return dval{t: t, n: *f}
		}
		return dval{t: t, n: float64(v.Int(key))}
	case vBool:
		return dval{t: t, b: v.Bool(key)}
	case vDate:
		return dval{t: t, d: v.Date(key)}
	case vList:
		l := v.List(key)
		return dval{t: t, n: float64(len(l)), list: l}
	case vTable:
		return dval{t: t, n: float64(len(v.Rows(key)))}
	}
	return dval{}
}

// valuesRef is the accessor of a declared field: vals finds the values that
// hold it in a draft, at the path findings name.
func valuesRef(path, label string, fd *FieldDecl, vals func(d *Draft) Values, at func(d *Draft) string) *fieldRef {
	key, t := fd.Key, declVType(fd.Kind)
	ref := &fieldRef{path: path, label: label, t: t, at: at}
	ref.get = func(d *Draft) dval { return valuesValue(vals(d), key, t) }
	if t == vTable {
		ref.rows = func(d *Draft) rowset {
			rows := vals(d).Rows(key)
			return rowset{n: len(rows), vals: rows}
		}
		ref.cols = map[string]*colRef{}
		for i := range fd.Columns {
			c := &fd.Columns[i]
			ck, ct := c.Key, declVType(c.Kind)
			if ct == vNone {
				continue
			}
			ref.cols[ck] = &colRef{key: ck, label: label + "的" + c.Label, t: ct, get: func(rs rowset, row int) dval {
				if row >= rs.n {
					return dval{t: ct}
				}
				return valuesValue(rs.vals[row], ck, ct)
			}}
		}
	}
	return ref
}

// resolveField compiles a field path of the call's drafts. It returns a
// problem in Chinese when the path names no field.
func (c *Call) resolveField(path string) (*fieldRef, string) {
	base, col, each := strings.Cut(path, "[].")
	if each && strings.Contains(col, "[]") {
		return nil, "“" + path + "” 有两层表格：规则只能检查一个表格的一列"
	}
	if !each && strings.HasSuffix(base, "[]") {
		return nil, "“" + path + "” 以 [] 结尾：要检查整个表格请写 “" + strings.TrimSuffix(base, "[]") + "”，要检查每一行的某一列请写 “" + strings.TrimSuffix(base, "[]") + "[].列名”"
	}
	ref, p := c.resolveBase(base)
	if p != "" {
		return nil, p
	}
	if !each {
		return ref, ""
	}
	if ref.t != vTable {
		return nil, "“" + base + "” 不是表格（是" + ref.t.name() + "），不能写 []"
	}
	cr := ref.cols[col]
	if cr == nil {
		return nil, fmt.Sprintf("表格 “%s” 没有列 “%s”：可用的列有 %s", base, col, colKeys(ref))
	}
	at := ref.at
	return &fieldRef{path: path, label: ref.label + "的" + strings.TrimPrefix(cr.label, ref.label+"的"), t: cr.t, rows: ref.rows, each: cr, at: at, cats: ref.cats,
		get: func(*Draft) dval { return dval{} }}, ""
}

func colKeys(ref *fieldRef) string {
	keys := make([]string, 0, len(ref.cols))
	for k := range ref.cols {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, "、")
}

func (c *Call) resolveBase(path string) (*fieldRef, string) {
	notFound := func(what string) (*fieldRef, string) {
		msg := what
		if s := c.nearestPath(path); s != "" {
			msg += "：是不是 “" + s + "”？"
		} else {
			msg += "：可用的字段见 docs/call-format.md 的“声明的规则”一节"
		}
		return nil, msg
	}
	head, rest, _ := strings.Cut(path, ".")
	switch head {
	case "parts":
		catID, key, _ := strings.Cut(rest, ".")
		cat := c.Category(catID)
		if cat == nil {
			return notFound("“" + path + "” 中的类别 “" + catID + "” 不在 [[categories]] 中")
		}
		fd := cat.PartField(key)
		if fd == nil || declVType(fd.Kind) == vNone {
			return notFound("类别 “" + catID + "” 的专项内容没有可检查的字段 “" + key + "”")
		}
		id := catID
		p := PartPath(catID, key)
		return withCats(valuesRef(path, fd.Label, fd, func(d *Draft) Values { return d.Parts[id] }, func(*Draft) string { return p }), id), ""
	case "part":
		// the draft's own category's part: every category that declares the key
		var fd *FieldDecl
		var cats []string
		for i := range c.Categories {
			f := c.Categories[i].PartField(rest)
			if f == nil || declVType(f.Kind) == vNone {
				continue
			}
			if fd != nil && declVType(f.Kind) != declVType(fd.Kind) {
				return nil, fmt.Sprintf("“%s”：类别 %s 和 %s 的专项内容都有 “%s”，但类型不同（%s、%s），请改用 parts.<类别>.%s 分别写规则", path, cats[0], c.Categories[i].ID, rest, declVType(fd.Kind).name(), declVType(f.Kind).name(), rest)
			}
			if fd == nil {
				fd = f
			}
			cats = append(cats, c.Categories[i].ID)
		}
		if fd == nil {
			return notFound("没有哪个类别的专项内容声明了字段 “" + rest + "”")
		}
		key := rest
		return withCats(valuesRef(path, fd.Label, fd, func(d *Draft) Values { return d.Parts[d.Category] }, func(d *Draft) string { return PartPath(d.Category, key) }), cats...), ""
	case "sections":
		return c.resolveSection(path, rest)
	}
	if cf := commonFields()[path]; cf != nil {
		return commonRef(path, c.FieldLabel(path), cf), ""
	}
	return notFound("字段 “" + path + "” 不存在")
}

func withCats(r *fieldRef, cats ...string) *fieldRef { r.cats = cats; return r }

// resolveSection is the hook for declared sections of the form
// (sections.<key>.<field>). Drafts do not hold sections yet; once Draft has
// `Sections map[string]Values` and the call declares each section's fields,
// this becomes:
//
//	fd := <the section's declared field>
//	return valuesRef(path, fd.Label, fd,
//		func(d *Draft) Values { return d.Sections[key] },
//		func(*Draft) string { return path }), ""
func (c *Call) resolveSection(path, _ string) (*fieldRef, string) {
	return nil, "“" + path + "”：本程序的申报书还没有可声明的 sections，请用通用部分的字段（如 project.city）或 parts.<类别>.<字段>"
}

// nearestPath is the known path closest to a mistyped one ("" when none
// is close).
func (c *Call) nearestPath(p string) string {
	var cands []string
	for k, cf := range commonFields() {
		cands = append(cands, k)
		for _, col := range cf.cols {
			cands = append(cands, k+"[]."+col.key)
		}
	}
	for i := range c.Categories {
		cat := &c.Categories[i]
		for j := range cat.Part.Fields {
			fd := &cat.Part.Fields[j]
			cands = append(cands, PartPath(cat.ID, fd.Key), "part."+fd.Key)
			for _, col := range fd.Columns {
				cands = append(cands, PartPath(cat.ID, fd.Key)+"[]."+col.Key)
			}
		}
	}
	sort.Strings(cands)
	best, bestD := "", 1<<30
	for _, k := range cands {
		if strings.HasPrefix(k, p) && (best == "" || len(k) < len(best) || !strings.HasPrefix(best, p)) {
			best, bestD = k, 0 // a path cut short
			continue
		}
		if d := editDistance(p, k); d < bestD {
			best, bestD = k, d
		}
	}
	if bestD > max(2, len([]rune(p))/3) {
		return ""
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// ---------------------------------------------------------------------------
// Compiled conditions.

// bound is a limit: a literal value or another field's value now.
type bound struct {
	lit dval
	ref *fieldRef
}

func (b *bound) value(d *Draft) dval {
	if b.ref != nil {
		return b.ref.get(d)
	}
	return b.lit
}

// words is the limit as a summary states it: the literal, or the other
// field's name.
func (b *bound) words() string {
	if b == nil {
		return ""
	}
	if b.ref != nil {
		return b.ref.label
	}
	return b.lit.text()
}

// cond is a compiled CondDecl: the value it reads and what it asks.
type cond struct {
	get   func(d *Draft) dval           // the field's value
	cell  func(rs rowset, row int) dval // or a column's: where, "table[].column"
	t     vtype
	rows  func(d *Draft) rowset // tables
	field *fieldRef             // rules and when; nil in where

	required                             bool
	equals                               *dval
	oneOf, noneOf, containsAny, contNone []string
	ageAt, min, max                      *bound
	countMin, countMax                   int     // -1: not given
	shareMin, shareMax                   float64 // -1: not given
	where                                *cond
}

// outcome of a condition on a value.
type outcome uint8

const (
	pass    outcome = iota
	fail            // the value is not as the rule asks
	unknown         // a text or date not filled in: nothing to compare
)

// result is what a condition found, for the messages.
type result struct {
	ok       outcome
	v        dval // the value (a table: its row count)
	age      int  // with age_at: the age
	n, total int  // tables and lists: matching rows (all rows without where), all rows
}

func (r result) share() float64 {
	if r.total == 0 {
		return 0
	}
	return float64(r.n) / float64(r.total)
}

// eval tests the condition on a draft; a condition on a column, on row
// row of rs.
func (c *cond) eval(d *Draft, rs rowset, row int) result {
	if c.t == vTable || c.t == vList {
		return c.evalRows(d)
	}
	var v dval
	if c.cell != nil {
		v = c.cell(rs, row)
	} else {
		v = c.get(d)
	}
	r := result{v: v}
	if c.required && !v.filled() {
		r.ok = fail
		return r
	}
	if v.empty() {
		r.ok = unknown
		return r
	}
	if c.equals != nil && !sameValue(v, *c.equals) {
		r.ok = fail
		return r
	}
	if v.t == vText {
		s := v.s
		if c.oneOf != nil || c.noneOf != nil {
			s = trimSpace(s)
		}
		if c.oneOf != nil && !containsFold(c.oneOf, s) || c.noneOf != nil && containsFold(c.noneOf, s) ||
			c.containsAny != nil && !containsAnyOf(s, c.containsAny) || c.contNone != nil && containsAnyOf(s, c.contNone) {
			r.ok = fail
		}
		return r
	}
	cmp := v
	if c.ageAt != nil {
		at := c.ageAt.value(d)
		if at.empty() {
			r.ok = unknown
			return r
		}
		r.age = ageAt(v.d, at.d)
		cmp = dval{t: vNum, n: float64(r.age)}
	}
	if c.min != nil {
		if lim := c.min.value(d); !lim.empty() && less(cmp, lim) {
			r.ok = fail
			return r
		}
	}
	if c.max != nil {
		if lim := c.max.value(d); !lim.empty() && less(lim, cmp) {
			r.ok = fail
		}
	}
	return r
}

// evalRows tests a table or a list: its rows (those where holds, with
// where) counted and shared.
func (c *cond) evalRows(d *Draft) result {
	r := result{}
	if c.t == vList {
		r.v = c.get(d)
		r.total = int(r.v.n)
		r.n = r.total
	} else {
		rs := c.rows(d)
		r.total = rs.n
		r.v = dval{t: vTable, n: float64(r.total)}
		r.n = r.total
		if c.where != nil {
			r.n = 0
			for i := 0; i < rs.n; i++ {
				if c.where.eval(d, rs, i).ok == pass {
					r.n++
				}
			}
		}
	}
	switch {
	case c.required && r.total == 0,
		c.countMin >= 0 && r.n < c.countMin,
		c.countMax >= 0 && r.n > c.countMax,
		c.shareMin >= 0 && r.total > 0 && r.share() < c.shareMin,
		c.shareMax >= 0 && r.total > 0 && r.share() > c.shareMax:
		r.ok = fail
	}
	return r
}

func sameValue(a, b dval) bool {
	switch a.t {
	case vText:
		return containsFold([]string{b.s}, trimSpace(a.s))
	case vNum:
		return a.n == b.n
	case vBool:
		return a.b == b.b
	case vDate:
		return !a.d.Before(b.d) && !a.d.After(b.d)
	}
	return false
}

// less compares two numbers or two dates.
func less(a, b dval) bool {
	if a.t == vDate {
		return a.d.Before(b.d)
	}
	return a.n < b.n
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if x == s || len(x) == len(s) && strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// trimSpace is strings.TrimSpace, quick for the usual text with no space
// at either end.
func trimSpace(s string) string {
	if s == "" {
		return s
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if !unicode.IsSpace(first) && !unicode.IsSpace(last) {
		return s
	}
	return strings.TrimSpace(s)
}

func containsAnyOf(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// ageAt is the age in whole years, on day at, of someone born on birth.
func ageAt(birth, at Date) int {
	by, bm, bd := birth.Time().Date()
	ay, am, ad := at.Time().Date()
	age := ay - by
	if am < bm || am == bm && ad < bd {
		age--
	}
	return age
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

// ---------------------------------------------------------------------------
// Checking and listing.

// applies reports whether the rule checks a draft of this category.
func (r *declRule) applies(d *Draft) bool {
	return r.cats == nil || contains(r.cats, d.Category)
}

// check adds the rule's findings on a draft.
func (r *declRule) check(call *Call, d *Draft, out []Finding) []Finding {
	if !r.applies(d) {
		return out
	}
	if r.when != nil && r.when.eval(d, rowset{}, 0).ok != pass {
		return out
	}
	t := r.test
	if t.field.each != nil {
		rs := t.rows(d)
		for i := 0; i < rs.n; i++ {
			if res := t.eval(d, rs, i); res.ok == fail {
				out = append(out, r.finding(call, d, res, i))
			}
		}
		return out
	}
	if res := t.eval(d, rowset{}, 0); res.ok == fail {
		out = append(out, r.finding(call, d, res, -1))
	}
	return out
}

func (r *declRule) finding(call *Call, d *Draft, res result, row int) Finding {
	path := r.test.field.at(d)
	if row >= 0 {
		path = fmt.Sprintf("%s[%d].%s", path, row, r.test.field.each.key)
	}
	msg := r.message.render(func(ph string) string { return r.placeholder(call, d, ph, res, row, path) })
	return Finding{Rule: r.id, Field: path, Severity: r.sev, Message: msg}
}

// placeholder fills one placeholder of a message (d nil: a summary).
func (r *declRule) placeholder(call *Call, d *Draft, ph string, res result, row int, path string) string {
	t := r.test
	lim := t
	if t.where != nil {
		lim = t.where // the limits of a counted table are its where's
	}
	bound := func(b, wb *bound) string {
		if b == nil && t.where != nil {
			b = wb
		}
		if b == nil {
			return ""
		}
		if d != nil && b.ref != nil {
			return b.ref.get(d).text()
		}
		return b.words()
	}
	intOr := func(n int) string {
		if n < 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	share := func(s float64) string {
		if s < 0 {
			return ""
		}
		return pct(s)
	}
	switch ph {
	case "label":
		if d != nil {
			return call.FieldLabel(path)
		}
		return t.field.label
	case "clause":
		return r.clause
	case "value":
		return res.v.text()
	case "n":
		if t.t == vTable || t.t == vList {
			return strconv.Itoa(res.n)
		}
		return res.v.text()
	case "total":
		return strconv.Itoa(res.total)
	case "share":
		return pct(res.share())
	case "row":
		return strconv.Itoa(row + 1)
	case "age":
		return strconv.Itoa(res.age)
	case "min":
		return bound(t.min, lim.min)
	case "max":
		return bound(t.max, lim.max)
	case "count_min":
		return intOr(t.countMin)
	case "count_max":
		return intOr(t.countMax)
	case "share_min":
		return share(t.shareMin)
	case "share_max":
		return share(t.shareMax)
	case "age_at":
		return bound(t.ageAt, lim.ageAt)
	case "list":
		for _, l := range [][]string{t.oneOf, t.noneOf, t.containsAny, t.contNone, lim.oneOf, lim.noneOf, lim.containsAny, lim.contNone} {
			if l != nil {
				return strings.Join(l, "、")
			}
		}
		return ""
	}
	if d == nil {
		return ""
	}
	cat := call.Category(d.Category)
	if cat == nil {
		return ""
	}
	switch ph {
	case "name":
		return cat.Name
	case "short_name":
		return cat.ShortName
	case "code":
		return cat.Code
	}
	return ""
}

// rule is the rule as `shenbao rules` lists it.
func (r *declRule) rule(call *Call) Rule {
	return Rule{ID: r.id, Severity: r.sev, Clause: r.clause, Summary: r.summary.render(func(ph string) string {
		return r.placeholder(call, nil, ph, result{}, -1, "")
	})}
}
