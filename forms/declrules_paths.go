package forms

// Field paths of declared rules (declrules.go), compiled to accessors
// into the draft.

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"
)

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

// resolveSection compiles a path of a section of the call's own
// (sections.<key>.<field>): its values are the draft's Sections[key].
func (c *Call) resolveSection(path, rest string) (*fieldRef, string) {
	key, fkey, _ := strings.Cut(rest, ".")
	s := c.Section(key)
	if s == nil {
		return nil, "“" + path + "”：申报材料中没有 key = \"" + key + "\" 的部分（[[documents.sections]]）"
	}
	fd := s.Field(fkey)
	if fd == nil || declVType(fd.Kind) == vNone {
		return nil, "“" + path + "”：部分 “" + key + "” 没有可检查的字段 “" + fkey + "”"
	}
	return valuesRef(path, fd.Label, fd, func(d *Draft) Values { return d.Sections[key] }, func(*Draft) string { return path }), ""
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
