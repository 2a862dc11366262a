package forms

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/go-playground/validator/v10"
	"github.com/go-playground/validator/v10/non-standard/validators"
)

// Field kinds a category's own part can declare (docs/call-format.md).
const (
	KindText      = "text"      // one line of text
	KindLong      = "long"      // a paragraph
	KindInt       = "int"       // a whole number
	KindYesNo     = "yesno"     // a check box
	KindDate      = "date"      // a calendar day
	KindChoice    = "choice"    // one of the listed options
	KindChecklist = "checklist" // items to tick (a list of required documents, say)
	KindTable     = "table"     // rows of the declared columns (people, foreign experts…)
	KindNote      = "note"      // printed text from the call, not filled in
)

// PartDecl is the declaration of a category's own part (第三部分) in the
// call file: its title and its fields, in form order. The form, the checks,
// the printed layout, the review page and `shenbao rules` all follow it.
type PartDecl struct {
	Title  string      `toml:"title"`
	Fields []FieldDecl `toml:"fields"`
}

// FieldDecl is one declared field of a category's part, or one column of a
// table field.
type FieldDecl struct {
	Key      string      `toml:"key"`
	Label    string      `toml:"label"`
	Kind     string      `toml:"kind"`
	Text     string      `toml:"text"`  // yes/no: the check box's text
	Hint     string      `toml:"hint"`  // the input's placeholder
	Value    string      `toml:"value"` // note: the printed text
	Unit     string      `toml:"unit"`  // whole number: 人, 篇…
	Required bool        `toml:"required"`
	Min      *int64      `toml:"min"`   // whole number: smallest value; table: fewest rows
	Max      *int64      `toml:"max"`   // whole number: largest value; table: most rows
	Count    int         `toml:"count"` // table: exactly this many rows
	Options  []string    `toml:"options"`
	Items    []string    `toml:"items"`
	NotIn    []string    `toml:"not_in"` // text: values that are not allowed
	Half     bool        `toml:"half"`   // printed beside the next half field
	Width    float64     `toml:"width"`  // column: share of the printed table's width
	Columns  []FieldDecl `toml:"columns"`
	Validate string      `toml:"validate"` // further go-playground/validator rules
	Rule     string      `toml:"rule"`
	Severity Severity    `toml:"severity"`
	Clause   string      `toml:"clause"`
	Summary  string      `toml:"summary"`
	Message  string      `toml:"message"`

	tag string // the validator rules compiled from the declaration
}

// partRules is a part compiled for the validator: the rules of each field
// (ValidateMap's rules), of each table's columns, and the option lists the
// rules refer to by key.
type partRules struct {
	fields map[string]any
	rows   map[string]map[string]any
	lists  map[string][]string
}

var keyRe = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// compile checks a category's part declaration and builds its validator
// rules. It returns a problem in Chinese, or "".
func (cat *Category) compile() string {
	p := &cat.Part
	cat.rules = &partRules{fields: map[string]any{}, rows: map[string]map[string]any{}, lists: map[string][]string{}}
	seen := map[string]bool{}
	for i := range p.Fields {
		fd := &p.Fields[i]
		if msg := fd.compile(cat.rules, "", seen); msg != "" {
			return fmt.Sprintf("[categories.part] 的第%d个字段（%s）%s", i+1, fd.Key, msg)
		}
		cat.rules.add(fd)
	}
	return ""
}

func (fd *FieldDecl) compile(r *partRules, table string, seen map[string]bool) string {
	if !keyRe.MatchString(fd.Key) {
		return "的 key 须为小写英文字母、数字和下划线"
	}
	if seen[table+fd.Key] {
		return "的 key 重复"
	}
	seen[table+fd.Key] = true
	if fd.Label == "" {
		return "缺少 label（名称）"
	}
	switch fd.Severity {
	case "":
		fd.Severity = Error
	case Error, Warning, Info:
	default:
		return "的 severity 须为 error、warning 或 info"
	}
	listKey := table + fd.Key
	var tags []string
	add := func(t ...string) { tags = append(tags, t...) }
	special := false // a constraint besides "required": needs a rule and a message
	switch fd.Kind {
	case KindText, KindLong:
		if fd.Required {
			add("notblank")
		}
		if len(fd.NotIn) > 0 {
			if !fd.Required {
				add("omitempty")
			}
			add("notinlist=" + listKey)
			r.lists[listKey] = fd.NotIn
			special = true
		}
	case KindChoice:
		if len(fd.Options) == 0 {
			return "是选择项，须有 options（可选的值）"
		}
		if fd.Required {
			add("required")
		} else {
			add("omitempty")
		}
		add("inlist=" + listKey)
		r.lists[listKey] = fd.Options
	case KindInt:
		if fd.Required {
			add("required")
		}
		if fd.Min != nil {
			add("min=" + strconv.FormatInt(*fd.Min, 10))
			special = true
		}
		if fd.Max != nil {
			add("max=" + strconv.FormatInt(*fd.Max, 10))
			special = true
		}
	case KindYesNo, KindChecklist:
		if fd.Kind == KindChecklist && len(fd.Items) == 0 {
			return "是勾选清单，须有 items（要勾选的各项）"
		}
		if fd.Required {
			add("eq=true")
		}
	case KindDate:
		if fd.Required {
			add("required")
		}
	case KindTable:
		if table != "" {
			return "：表格中不能再套表格"
		}
		if len(fd.Columns) == 0 {
			return "是表格，须有 columns（各列）"
		}
		for j := range fd.Columns {
			c := &fd.Columns[j]
			if c.Kind == KindTable || c.Kind == KindChecklist || c.Kind == KindNote || c.Kind == KindLong {
				return fmt.Sprintf("的第%d列（%s）的 kind 不能是 %s", j+1, c.Key, c.Kind)
			}
			if msg := c.compile(r, fd.Key+".", seen); msg != "" {
				return fmt.Sprintf("的第%d列（%s）%s", j+1, c.Key, msg)
			}
		}
		switch {
		case fd.Count > 0:
			add("len=" + strconv.Itoa(fd.Count))
			special = true
		case fd.Min != nil || fd.Max != nil:
			if fd.Min != nil {
				add("min=" + strconv.FormatInt(*fd.Min, 10))
			}
			if fd.Max != nil {
				add("max=" + strconv.FormatInt(*fd.Max, 10))
			}
			special = true
		case fd.Required:
			add("min=1")
		}
	case KindNote:
		if fd.Value == "" {
			return "是说明项，须有 value（印在申报书上的文字）"
		}
		return ""
	default:
		return "的 kind “" + fd.Kind + "” 不认识；可用：text、long、int、yesno、date、choice、checklist、table、note"
	}
	if fd.Validate != "" {
		if _, err := checkValidatorTag(fd.Validate); err != nil {
			return "的 validate 规则有误：" + err.Error()
		}
		add(fd.Validate)
		special = true
	}
	if special && (fd.Rule == "" || fd.Message == "") {
		return "有数量或取值限制，须同时给出 rule（规则编号）和 message（提示）"
	}
	if fd.Rule != "" {
		if fd.Message == "" {
			return "有 rule，须同时给出 message（提示）；通知有条款号的，写 clause"
		}
		if _, static := ruleByID[fd.Rule]; static {
			return "的 rule “" + fd.Rule + "” 与程序内置的规则编号重复"
		}
	}
	fd.tag = strings.Join(tags, ",")
	return ""
}

// checkValidatorTag reports whether a validator tag can be used on a text.
func checkValidatorTag(tag string) (ok bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	_ = validate.Var("", tag)
	return true, nil
}

// partCtxKey carries the option lists of the part being checked.
type partCtxKey struct{}

// registerPartValidations adds the validations the declared fields use.
func registerPartValidations(v *validator.Validate) error {
	if err := v.RegisterValidation("notblank", validators.NotBlank); err != nil {
		return err
	}
	list := func(fl validator.FieldLevel, ctx context.Context) []string {
		lists, _ := ctx.Value(partCtxKey{}).(map[string][]string)
		return lists[fl.Param()]
	}
	if err := v.RegisterValidationCtx("inlist", func(ctx context.Context, fl validator.FieldLevel) bool {
		return contains(list(fl, ctx), fl.Field().String())
	}); err != nil {
		return err
	}
	return v.RegisterValidationCtx("notinlist", func(ctx context.Context, fl validator.FieldLevel) bool {
		s := strings.TrimSpace(fl.Field().String())
		for _, x := range list(fl, ctx) {
			if strings.EqualFold(s, x) {
				return false
			}
		}
		return true
	})
}

// PartPath is the field path of a key of a category's part: "parts.forum.topic".
func PartPath(category, key string) string { return "parts." + category + "." + key }

// validationValue is what the validator sees of a field: the plain value,
// for a checklist whether every item is ticked.
func (fd *FieldDecl) validationValue(v Values) any {
	switch fd.Kind {
	case KindInt:
		return v.Int(fd.Key)
	case KindYesNo:
		return v.Bool(fd.Key)
	case KindDate:
		return v.Date(fd.Key).String()
	case KindChecklist:
		got := v.List(fd.Key)
		for _, it := range fd.Items {
			if !contains(got, it) {
				return false
			}
		}
		return true
	case KindTable:
		return v.Rows(fd.Key)
	}
	return v.Text(fd.Key)
}

// partFindings checks the draft's own part against its declaration.
func partFindings(call *Call, cat *Category, d *Draft) []Finding {
	if cat.rules == nil || len(cat.Part.Fields) == 0 {
		return nil
	}
	return fieldsFindings(call, cat, cat.Part.Fields, cat.rules, d.Parts[cat.ID], "parts."+cat.ID+".")
}

// finding is the finding of a field whose constraint failed.
func (fd *FieldDecl) finding(call *Call, cat *Category, path, label string, v Values) Finding {
	if fd.Rule == "" {
		msg := fd.Message
		if msg == "" {
			verb := "请填写"
			switch fd.Kind {
			case KindChoice:
				verb = "请选择"
			case KindYesNo, KindChecklist:
				verb = "请确认并勾选"
			case KindTable:
				verb = "请至少填写一行"
			}
			return Finding{Rule: RuleRequired, Field: path, Severity: Error, Message: fmt.Sprintf("%s“%s”。", verb, label)}
		}
		return Finding{Rule: RuleRequired, Field: path, Severity: Error, Message: fd.expand(call, cat, fd.Message, v)}
	}
	return Finding{Rule: fd.Rule, Field: path, Severity: fd.Severity, Message: fd.expand(call, cat, fd.Message, v)}
}

// expand fills a declared message or summary: {label} {clause} {min} {max}
// {count} {options} {items} {not_in} the field's own; {n} the number of rows
// or the value now; {value} the text now (shortened); {name} {short_name}
// {theme} {scale_clause} {category_clause} the category's.
func (fd *FieldDecl) expand(call *Call, cat *Category, s string, v Values) string {
	if !strings.Contains(s, "{") {
		return s
	}
	if cat == nil {
		cat = &Category{}
	}
	num := func(p *int64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatInt(*p, 10)
	}
	n := ""
	if v != nil {
		switch fd.Kind {
		case KindTable:
			n = strconv.Itoa(len(v.Rows(fd.Key)))
		case KindInt:
			n = strconv.FormatInt(v.Int(fd.Key), 10)
		case KindChecklist:
			n = strconv.Itoa(len(v.List(fd.Key)))
		}
	}
	val := ""
	if v != nil {
		val = Shorten(v.Text(fd.Key), 40)
	}
	if fd.Clause == "" {
		// no clause: a citation of it says nothing
		s = strings.NewReplacer("（通知 {clause}）", "", "（通知{clause}）", "", "通知 {clause}", "", "{clause}", "").Replace(s)
	}
	r := strings.NewReplacer(
		"{label}", fd.Label, "{clause}", fd.Clause, "{min}", num(fd.Min), "{max}", num(fd.Max),
		"{count}", strconv.Itoa(fd.Count), "{options}", strings.Join(fd.Options, "、"),
		"{items}", strings.Join(fd.Items, "、"), "{not_in}", strings.Join(fd.NotIn, "、"),
		"{n}", n, "{value}", val,
		"{name}", cat.Name, "{short_name}", cat.ShortName, "{theme}", cat.Theme,
		"{scale_clause}", cat.ScaleClause, "{category_clause}", cat.Clause,
		"{min_participants}", strconv.Itoa(cat.MinParticipants), "{max_participants}", strconv.Itoa(cat.MaxParticipants),
		"{min_papers}", strconv.Itoa(cat.MinPapers),
	)
	return r.Replace(s)
}

// Shorten cuts a text to at most n characters, marking the cut with "…".
func Shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}

// PartTitle is the title of a category's part: declared, or "<简称>专项内容".
func (cat *Category) PartTitle() string {
	if cat.Part.Title != "" {
		return cat.Part.Title
	}
	return cat.ShortName + "专项内容"
}

// PartField returns the declared field of the category's part, or nil.
func (cat *Category) PartField(key string) *FieldDecl {
	for i := range cat.Part.Fields {
		if cat.Part.Fields[i].Key == key {
			return &cat.Part.Fields[i]
		}
	}
	return nil
}

// Column returns the declared column of a table field, or nil.
func (fd *FieldDecl) Column(key string) *FieldDecl {
	for i := range fd.Columns {
		if fd.Columns[i].Key == key {
			return &fd.Columns[i]
		}
	}
	return nil
}

// NoteText is a note field's printed text, its placeholders filled.
func (cat *Category) NoteText(call *Call, fd *FieldDecl) string {
	return fd.expand(call, cat, fd.Value, nil)
}

// HintText is a field's placeholder, its placeholders filled.
func (cat *Category) HintText(call *Call, fd *FieldDecl) string {
	return fd.expand(call, cat, fd.Hint, nil)
}

// PartRules are the rules the category's declared fields carry.
func (cat *Category) PartRules(call *Call) []Rule {
	var out []Rule
	add := func(fd *FieldDecl) {
		if fd.Rule == "" {
			return
		}
		s := fd.Summary
		if s == "" {
			s = fd.Label
		}
		out = append(out, Rule{ID: fd.Rule, Severity: fd.Severity, Clause: fd.Clause, Summary: fd.expand(call, cat, s, nil)})
	}
	for i := range cat.Part.Fields {
		fd := &cat.Part.Fields[i]
		add(fd)
		for j := range fd.Columns {
			add(&fd.Columns[j])
		}
	}
	return out
}
