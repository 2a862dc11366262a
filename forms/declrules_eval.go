package forms

// Checking a draft with the declared rules (declrules.go): conditions on
// values, findings and their messages.

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

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
