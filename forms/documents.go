package forms

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// The application as the call declares it: the documents the applicant
// hands in ([[documents]]), each a sequence of sections
// ([[documents.sections]]). A section is a built-in block of the common
// parts of such forms, adapted by the call (which of its fields are asked,
// their labels, which are required), or a section of the call's own with
// declared fields, stored in the draft under sections.<key>. The window's
// form, the checks, the print and the review follow the declaration
// (docs/call-format.md).

// Built-in blocks a section may include by name.
const (
	BlockApplicant = "applicant" // 申报单位基本情况 (applicant.*)
	BlockJoint     = "joint"     // 联合申报单位, as a section of its own (joint_applicants)
	BlockProject   = "project"   // 项目基本情况 (project.*)
	BlockPart      = "part"      // the category's own part ([categories.part])
	BlockAgenda    = "agenda"    // 日程安排 (agenda)
	BlockExperts   = "experts"   // 邀请专家 (experts)
	BlockResults   = "results"   // 预期成果与宣传 (expected_results, publicity)
	BlockBudget    = "budget"    // 经费预算 (budget.*), with its sums and 大写
	BlockOpinions  = "opinions"  // 意见 with the seal blocks (opinions.*)
	blockCover     = "cover"     // the cover page: adapted by cover_omit / cover_labels
)

// Opinion blocks' authors (OpinionDecl.By).
const (
	ByApplicant = "applicant" // the applicant's opinion as typed in the form, signed and sealed
	ByJoint     = "joint"     // one block per joint applicant, headed by its name
	ByFunder    = "funder"    // printed blank: the funder's own (审核意见)
	ByOther     = "other"     // printed blank: another unit's (推荐单位意见…)
)

// DocumentDecl is one document the applicant hands in (一份申报书, 附件1…).
type DocumentDecl struct {
	ID     string `toml:"id"`
	Title  string `toml:"title"`  // on the cover under the call's title, and in the checklist
	Copies int    `toml:"copies"` // sealed paper copies to post (0: none asked)
	Email  bool   `toml:"email"`  // the Word file goes by e-mail
	Cover  bool   `toml:"cover"`  // print a cover page
	// NumberBox is the label of the blank box at the cover's top right for
	// the number the receiving office assigns ("编号"); "" prints none.
	NumberBox string `toml:"number_box"`
	// FooterLine is printed at the foot of the cover ("{issuer} 制").
	FooterLine  string            `toml:"footer_line"`
	CoverOmit   []string          `toml:"cover_omit"`
	CoverLabels map[string]string `toml:"cover_labels"`

	Sections []SectionDecl `toml:"sections"`

	cover SectionDecl // the cover as an adapted block
}

// SectionDecl is one section of a document: a built-in block (Block) or a
// section of the call's own (Key, Fields), or, with neither, a heading
// that groups the sections after it (they have level = 2).
type SectionDecl struct {
	Block string `toml:"block"`
	Key   string `toml:"key"`
	Title string `toml:"title"`
	// FormTitle is the title of the window's step this section starts
	// (level-1 sections); by default "第一部分　…" made from Title.
	FormTitle string            `toml:"form_title"`
	Level     int               `toml:"level"` // 1 (a part; the default) or 2 (a sub-part)
	Omit      []string          `toml:"omit"`
	Labels    map[string]string `toml:"labels"`
	Required  []string          `toml:"required"`
	Optional  []string          `toml:"optional"`
	Fields    []FieldDecl       `toml:"fields"`
	Blocks    []OpinionDecl     `toml:"blocks"` // opinions: the blocks to sign and seal
	// When makes the section conditional (XLSForm's relevant): it is
	// asked, checked and printed only when this holds of the draft, in
	// the syntax of a declared rule's when ({ field = "…", equals = true }).
	// A sub-part is conditional on its part's when too.
	When *CondDecl `toml:"when"`

	rules *partRules // a section of its own, compiled for the validator
	conds []*cond    // When and its part's, compiled (declrules.go)
}

// OpinionDecl is one opinion block of the opinions section.
type OpinionDecl struct {
	Label string `toml:"label"`
	By    string `toml:"by"`
}

// BlockField is one field of a built-in block: its key in the call file
// (omit, labels, required, optional) and its path in the draft.
type BlockField struct {
	Key  string
	Path string
}

// blockFields are the fields of each built-in block, in form order.
var blockFields = map[string][]BlockField{
	blockCover: {
		{"project_name", "project.name"}, {"category", "category"}, {"applicant", "applicant.name"},
		{"joint", "joint_applicants"}, {"contact", "applicant.contact"}, {"phone", "applicant.mobile"},
		{"email", "applicant.email"}, {"apply_date", "cover.apply_date"},
	},
	BlockApplicant: {
		{"name", "applicant.name"}, {"type", "applicant.type"}, {"credit_code", "applicant.credit_code"},
		{"address", "applicant.address"}, {"postcode", "applicant.postcode"}, {"leader", "applicant.leader"},
		{"leader_title", "applicant.leader_title"}, {"contact", "applicant.contact"},
		{"contact_title", "applicant.contact_title"}, {"mobile", "applicant.mobile"}, {"phone", "applicant.phone"},
		{"email", "applicant.email"}, {"annual_inspection_passed", "applicant.annual_inspection_passed"},
		{"evaluation_taken", "applicant.evaluation_taken"}, {"graduate_training", "applicant.graduate_training"},
		{"honours", "applicant.honours"}, {"joint_applicants", "joint_applicants"}, {"confidential", "confidential"},
	},
	BlockJoint: {{"joint_applicants", "joint_applicants"}, {"name", "joint_applicants[].name"}, {"type", "joint_applicants[].type"}},
	BlockProject: {
		{"name", "project.name"}, {"category", "category"}, {"venue", "venue"}, {"theme", "project.theme"},
		{"start_date", "project.start_date"}, {"end_date", "project.end_date"}, {"city", "project.city"},
		{"place", "project.place"}, {"form", "project.form"}, {"participants", "project.participants"},
		{"papers", "project.papers"}, {"organisers", "project.organisers"}, {"co_organisers", "project.co_organisers"},
		{"supporters", "project.supporters"}, {"requested_amount", "project.requested_amount"},
		{"summary", "project.summary"},
	},
	BlockPart: nil,
	BlockAgenda: {
		{"date", "agenda[].date"}, {"time", "agenda[].time"}, {"item", "agenda[].item"}, {"speaker", "agenda[].speaker"},
	},
	BlockExperts: {
		{"name", "experts[].name"}, {"unit", "experts[].unit"}, {"title", "experts[].title"}, {"topic", "experts[].topic"},
	},
	BlockResults: {{"expected_results", "expected_results"}, {"publicity", "publicity"}},
	BlockBudget: {
		{"lines", "budget.lines"}, {"lines.item", "budget.lines[].item"}, {"lines.amount", "budget.lines[].amount"},
		{"lines.basis", "budget.lines[].basis"}, {"total", "budget.total"}, {"provincial", "budget.provincial"},
		{"self_raised", "budget.self_raised"}, {"other", "budget.other"}, {"other_note", "budget.other_note"},
	},
	BlockOpinions: {{"applicant", "opinions.applicant"}, {"signer", "opinions.signer"}},
}

// blockNames are the built-in blocks in the order the docs list them.
var blockNames = []string{BlockApplicant, BlockJoint, BlockProject, BlockPart, BlockAgenda, BlockExperts, BlockResults, BlockBudget, BlockOpinions}

// BlockFields are the fields of a built-in block (nil for an unknown one).
func BlockFields(block string) []BlockField { return blockFields[block] }

// fieldPath is the draft path of a block's field key, or "".
func fieldPath(block, key string) string {
	for _, f := range blockFields[block] {
		if f.Key == key {
			return f.Path
		}
	}
	return ""
}

// Asks reports whether the section asks (and prints) a field of its block.
func (s *SectionDecl) Asks(key string) bool { return !contains(s.Omit, key) }

// Label is the declared label of a block's field, or def.
func (s *SectionDecl) Label(key, def string) string {
	if l, ok := s.Labels[key]; ok {
		return l
	}
	return def
}

// ID is the section's stable name: its block, or sections.<key> for a
// section of its own ("" for a heading).
func (s *SectionDecl) ID() string {
	switch {
	case s.Block != "":
		return s.Block
	case s.Key != "":
		return SectionPath(s.Key)
	}
	return ""
}

// LevelOf is the section's level: 1 unless declared 2.
func (s *SectionDecl) LevelOf() int {
	if s.Level == 2 {
		return 2
	}
	return 1
}

// Field returns the declared field of a section of its own, or nil.
func (s *SectionDecl) Field(key string) *FieldDecl {
	for i := range s.Fields {
		if s.Fields[i].Key == key {
			return &s.Fields[i]
		}
	}
	return nil
}

// CoverDecl is the document's cover as an adapted block.
func (doc *DocumentDecl) CoverDecl() *SectionDecl { return &doc.cover }

// Cover is the cover of the first document that prints one (cover = true),
// as an adapted block, or nil when no document has a cover: then the
// window asks no cover step and the cover's date is not asked.
func (c *Call) Cover() *SectionDecl {
	for i := range c.Documents {
		if c.Documents[i].Cover {
			return &c.Documents[i].cover
		}
	}
	return nil
}

// SectionPath is the path of a declared section's values: "sections.<key>".
func SectionPath(key string) string { return "sections." + key }

// Section returns the declared section of its own with the key, or nil.
func (c *Call) Section(key string) *SectionDecl {
	for i := range c.Documents {
		for j := range c.Documents[i].Sections {
			if s := &c.Documents[i].Sections[j]; s.Key == key {
				return s
			}
		}
	}
	return nil
}

// BlockSection returns the first section that includes a built-in block,
// or nil when no document does.
func (c *Call) BlockSection(block string) *SectionDecl {
	for i := range c.Documents {
		for j := range c.Documents[i].Sections {
			if s := &c.Documents[i].Sections[j]; s.Block == block {
				return s
			}
		}
	}
	return nil
}

// Expand fills a title of the call file: {issuer} {issuer_short} {year}
// {title} the call's, {funder} its short name or else its full one; {name} {short_name} {part_title} {clause} the
// category's (empty without one).
func (c *Call) Expand(s string, cat *Category) string {
	if !strings.Contains(s, "{") {
		return s
	}
	pairs := []string{"{issuer}", c.Issuer, "{issuer_short}", c.IssuerShort, "{funder}", c.Funder(), "{year}", fmt.Sprint(c.Year), "{title}", c.Title}
	if cat != nil {
		pairs = append(pairs, "{name}", cat.Name, "{short_name}", cat.ShortName, "{part_title}", cat.PartTitle(), "{clause}", cat.Clause)
	} else {
		pairs = append(pairs, "{name}", "", "{short_name}", "", "{part_title}", "", "{clause}", "")
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// declaredLabel is the label the call's declaration gives a field path of
// a built-in block ("budget.lines[2].amount" by "budget.lines[].amount"),
// and whether it gives one.
func (c *Call) declaredLabel(path string) (string, bool) {
	if c == nil || len(c.labelByPath) == 0 {
		return "", false
	}
	l, ok := c.labelByPath[indexRe.ReplaceAllString(path, "[]")]
	return l, ok
}

// documentsProblem checks the declaration and indexes it; it returns a
// problem in Chinese and a hint to find its line (the n-th section header
// or a quoted value), or "".
func (c *Call) documentsProblem() (string, lineHint) {
	if len(c.Documents) == 0 {
		return "没有声明申报材料（[[documents]]）：请写明申报单位要报送的每份材料及其各部分（docs/call-format.md “申报材料”）", lineHint{}
	}
	c.labelByPath = map[string]string{}
	c.omitted, c.optional, c.required = map[string]bool{}, map[string]bool{}, map[string]string{}
	docIDs, keys := map[string]bool{}, map[string]bool{}
	n := -1 // the section's index among all [[documents.sections]]
	parts := false
	for i := range c.Documents {
		doc := &c.Documents[i]
		where := fmt.Sprintf("第%d份申报材料（%s）", i+1, doc.ID)
		at := lineHint{doc: i}
		if !keyRe.MatchString(doc.ID) {
			return where + "的 id 须为小写英文字母、数字和下划线", at
		}
		if docIDs[doc.ID] {
			return where + "的 id 重复", at
		}
		docIDs[doc.ID] = true
		if strings.TrimSpace(doc.Title) == "" {
			return where + "缺少 title（材料名称，如 “项目申报书”）", at
		}
		if doc.Copies < 0 {
			return where + "的 copies（纸质件份数）不能为负数", at
		}
		if i == 0 && c.PaperCopies > 0 && doc.Copies != c.PaperCopies {
			return fmt.Sprintf("%s的 copies（%d份）与 paper_copies（%d份）不一致：两处都是申报书纸质件的份数", where, doc.Copies, c.PaperCopies), lineHint{doc: i, value: "copies"}
		}
		if len(doc.Sections) == 0 {
			return where + "没有任何 [[documents.sections]]（各部分）", at
		}
		doc.cover = SectionDecl{Block: blockCover, Omit: doc.CoverOmit, Labels: doc.CoverLabels}
		if p, v := doc.cover.checkKeys(); p != "" {
			return where + "的 cover_" + p, lineHint{doc: i, value: v}
		}
		for j := range doc.Sections {
			n++
			s := &doc.Sections[j]
			at := lineHint{doc: i, section: n + 1}
			sw := fmt.Sprintf("%s的第%d部分（%s）", where, j+1, firstNonEmptyStr(s.Block, s.Key, s.Title))
			if p, v := c.sectionProblem(s, keys); p != "" {
				at.value = v
				return sw + p, at
			}
			if s.Block == BlockPart {
				parts = true
			}
			c.indexSection(s)
		}
	}
	c.omitUndeclared()
	if !parts {
		for _, cat := range c.Categories {
			if len(cat.Part.Fields) > 0 {
				return fmt.Sprintf("类别“%s”声明了专项内容（[categories.part]），但申报材料中没有 block = \"part\" 的部分：请在申报书中加入这一部分", cat.ID), lineHint{}
			}
		}
	}
	return "", lineHint{}
}

func firstNonEmptyStr(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// sectionProblem checks one section; it returns the problem and the value
// it concerns (to find its line).
func (c *Call) sectionProblem(s *SectionDecl, keys map[string]bool) (string, string) {
	if s.Level != 0 && s.Level != 1 && s.Level != 2 {
		return "的 level 须为1或2", ""
	}
	switch {
	case s.Block != "" && s.Key != "":
		return "同时有 block 和 key：一个部分要么是内置部分（block），要么是自定义部分（key 和 fields）", s.Key
	case s.Block != "":
		if _, ok := blockFields[s.Block]; !ok {
			return "的 block “" + s.Block + "” 不认识；可用：" + strings.Join(blockNames, "、"), s.Block
		}
		if len(s.Fields) > 0 {
			return "是内置部分，不能有 fields：要增加字段，请另写一个自定义部分（key 和 fields）", s.Block
		}
		if p, v := s.checkKeys(); p != "" {
			return "的 " + p, v
		}
		if s.Block == BlockOpinions {
			if len(s.Blocks) == 0 {
				return "是意见栏，须有 blocks（各意见栏，如 { label = \"申报单位意见\", by = \"applicant\" }）", s.Block
			}
			for _, b := range s.Blocks {
				if strings.TrimSpace(b.Label) == "" {
					return "的 blocks 中有一栏缺少 label（栏名）", b.By
				}
				if !contains([]string{ByApplicant, ByJoint, ByFunder, ByOther}, b.By) {
					return "的 blocks 中 “" + b.Label + "” 的 by “" + b.By + "” 不认识；可用：applicant（申报单位填写）、joint（每个联合申报单位一栏）、funder（受理单位审核，空白）、other（其他单位，空白）", b.By
				}
			}
		} else if len(s.Blocks) > 0 {
			return "不是意见栏（opinions），不能有 blocks", s.Block
		}
		if s.Block == BlockJoint {
			if contains(s.Omit, "joint_applicants") {
				return "的 omit 中有 “joint_applicants”：这是联合申报单位的表格本身；不问联合申报单位时，请不要声明这一部分", "joint_applicants"
			}
			if a := c.BlockSection(BlockApplicant); a != nil && a.Asks("joint_applicants") {
				return "与申报单位部分（applicant）中的联合申报单位重复：请在 applicant 的 omit 中加上 \"joint_applicants\"", s.Block
			}
		}
	case s.Key != "":
		if !keyRe.MatchString(s.Key) {
			return "的 key 须为小写英文字母、数字和下划线", s.Key
		}
		if keys[s.Key] {
			return "的 key “" + s.Key + "” 重复", s.Key
		}
		keys[s.Key] = true
		if strings.TrimSpace(s.Title) == "" {
			return "缺少 title（标题）", s.Key
		}
		if len(s.Fields) == 0 {
			return "没有 fields（字段）", s.Key
		}
		if len(s.Omit)+len(s.Labels)+len(s.Required)+len(s.Optional)+len(s.Blocks) > 0 {
			return "是自定义部分：omit、labels、required、optional、blocks 只用于内置部分；请直接在 fields 中写 label 和 required", s.Key
		}
		s.rules = &partRules{fields: map[string]any{}, rows: map[string]map[string]any{}, lists: map[string][]string{}}
		seen := map[string]bool{}
		for i := range s.Fields {
			fd := &s.Fields[i]
			if msg := fd.compile(s.rules, "", seen); msg != "" {
				return fmt.Sprintf("的第%d个字段（%s）%s", i+1, fd.Key, msg), fd.Key
			}
			s.rules.add(fd)
		}
	default:
		if strings.TrimSpace(s.Title) == "" {
			return "既没有 block 也没有 key，也没有 title：请写明内置部分（block）、自定义部分（key、fields）或分组标题（title）", ""
		}
		if len(s.Fields)+len(s.Omit)+len(s.Labels)+len(s.Required)+len(s.Optional)+len(s.Blocks) > 0 {
			return "只是分组标题（没有 block 或 key），不能有 fields、omit、labels、required、optional 或 blocks", s.Title
		}
	}
	return "", ""
}

// checkKeys checks that omit, labels, required and optional name fields
// of the block, each once.
func (s *SectionDecl) checkKeys() (string, string) {
	known := make([]string, 0, len(blockFields[s.Block]))
	for _, f := range blockFields[s.Block] {
		known = append(known, f.Key)
	}
	avail := "；可用：" + strings.Join(known, "、")
	if len(known) == 0 {
		avail = "；这一部分没有可调整的字段"
	}
	for _, l := range []struct {
		name string
		keys []string
	}{{"omit", s.Omit}, {"required", s.Required}, {"optional", s.Optional}} {
		seen := map[string]bool{}
		for _, k := range l.keys {
			if !contains(known, k) {
				return fmt.Sprintf("%s 中 “%s” 不是 %s 部分的字段%s", l.name, k, s.Block, avail), k
			}
			if seen[k] {
				return fmt.Sprintf("%s 中 “%s” 重复", l.name, k), k
			}
			seen[k] = true
		}
	}
	for k, v := range s.Labels {
		if !contains(known, k) {
			return fmt.Sprintf("labels 中 “%s” 不是 %s 部分的字段%s", k, s.Block, avail), k
		}
		if strings.TrimSpace(v) == "" {
			return fmt.Sprintf("labels 中 “%s” 的名称为空", k), k
		}
	}
	for _, k := range s.Required {
		if contains(s.Optional, k) {
			return fmt.Sprintf("required 与 optional 都有 “%s”", k), k
		}
		if contains(s.Omit, k) {
			return fmt.Sprintf("omit 与 required 都有 “%s”：不填写的字段不能是必填项", k), k
		}
	}
	return "", ""
}

// indexSection records a block's adaptations by draft path, for the
// labels of findings and for Check.
func (c *Call) indexSection(s *SectionDecl) {
	if s.Block == "" {
		return
	}
	for k, l := range s.Labels {
		if p := fieldPath(s.Block, k); p != "" {
			c.labelByPath[p] = l
		}
	}
	if _, ok := s.Labels["applicant"]; !ok {
		if l := s.opinionLabel("applicant"); l != "" {
			c.labelByPath["opinions.applicant"] = l
		}
	}
	for _, k := range s.Omit {
		c.omitted[fieldPath(s.Block, k)] = true
	}
	for _, k := range s.Optional {
		c.optional[fieldPath(s.Block, k)] = true
	}
	for _, k := range s.Required {
		c.required[fieldPath(s.Block, k)] = s.Label(k, "")
	}
}

// add records a compiled field's validator rules.
func (r *partRules) add(fd *FieldDecl) {
	if fd.tag != "" {
		r.fields[fd.Key] = fd.tag
	}
	if fd.Kind == KindTable {
		rows := map[string]any{}
		for j := range fd.Columns {
			if c := &fd.Columns[j]; c.tag != "" {
				rows[c.Key] = c.tag
			}
		}
		r.rows[fd.Key] = rows
	}
}

// lineHint locates a problem of the declaration in the file: the document
// (0-based), the section (1-based among all [[documents.sections]], 0 for
// none) and a value quoted on the line.
type lineHint struct {
	doc, section int
	value        string
}

// line finds the hint's line in the file's text.
func (h lineHint) line(data []byte) int {
	lines := strings.Split(string(data), "\n")
	start := -1
	count := 0
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if h.section > 0 && t == "[[documents.sections]]" {
			count++
			if count == h.section {
				start = i
				break
			}
		}
		if h.section == 0 && t == "[[documents]]" {
			if count == h.doc {
				start = i
				break
			}
			count++
		}
	}
	if start < 0 {
		return 0
	}
	if h.value != "" {
		for i := start + 1; i < len(lines); i++ {
			t := strings.TrimSpace(lines[i])
			if t == "[[documents.sections]]" || t == "[[documents]]" {
				break // the next section: the value is not in this one
			}
			if strings.Contains(lines[i], `"`+h.value+`"`) || strings.Contains(lines[i], h.value+" =") || strings.Contains(lines[i], h.value+"=") {
				return i + 1
			}
		}
	}
	return start + 1
}

// adaptFindings applies the declaration to a draft's findings: a field the
// call does not ask has no finding; a field it makes optional no
// "required" finding; a field it makes required one when empty (each row's
// cell, for a column of a table).
func (c *Call) adaptFindings(d *Draft, fs []Finding) []Finding {
	if len(c.omitted)+len(c.optional)+len(c.required) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		g := indexRe.ReplaceAllString(f.Field, "[]")
		if c.omittedPath(g) || f.Rule == RuleRequired && c.optional[g] {
			continue
		}
		out = append(out, f)
	}
	paths := make([]string, 0, len(c.required))
	for p := range c.required {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	have := map[string]bool{}
	for _, f := range out {
		if f.Rule == RuleRequired {
			have[f.Field] = true
		}
	}
	for _, p := range paths {
		l := c.required[p]
		table, col, isCol := strings.Cut(p, "[].")
		if !isCol {
			if blockEmpty(d, p) && !have[p] {
				if l == "" {
					l = c.FieldLabel(p)
				}
				out = append(out, Finding{Rule: RuleRequired, Field: p, Severity: Error, Message: fmt.Sprintf("请填写“%s”。", l)})
			}
			continue
		}
		for i := 0; i < rowsOf(d, table); i++ {
			cell := fmt.Sprintf("%s[%d].%s", table, i, col)
			if blockEmpty(d, cell) && !have[cell] {
				out = append(out, Finding{Rule: RuleRequired, Field: cell, Severity: Error, Message: fmt.Sprintf("请填写“%s”。", c.FieldLabel(cell))})
			}
		}
	}
	return out
}

// omittedPath reports whether a generic path is, or is under, a field the
// call does not ask.
func (c *Call) omittedPath(g string) bool {
	for p := g; p != ""; {
		if c.omitted[p] {
			return true
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return false
}

// rowsOf is the number of rows of a built-in block's table.
func rowsOf(d *Draft, table string) int {
	switch table {
	case "agenda":
		return len(d.Agenda)
	case "experts":
		return len(d.Experts)
	case "budget.lines":
		return len(d.Budget.Lines)
	case "joint_applicants":
		return len(d.Joint)
	}
	return 0
}

// blockEmpty reports whether a field of a built-in block is empty at a
// path ("applicant.postcode", "agenda[2].date"): a text blank, a number 0,
// a yes/no not ticked, a date or a list not filled in.
func blockEmpty(d *Draft, path string) bool {
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }
	if table, rest, ok := strings.Cut(path, "["); ok {
		var i int
		var col string
		if n, _ := fmt.Sscanf(rest, "%d]", &i); n != 1 || i < 0 || i >= rowsOf(d, table) {
			return true
		}
		_, col, _ = strings.Cut(rest, "].")
		switch table {
		case "agenda":
			a := d.Agenda[i]
			switch col {
			case "date":
				return a.Date.IsZero()
			case "time":
				return blank(a.Time)
			case "item":
				return blank(a.Item)
			case "speaker":
				return blank(a.Speaker)
			}
		case "experts":
			e := d.Experts[i]
			return blank(map[string]string{"name": e.Name, "unit": e.Unit, "title": e.Title, "topic": e.Topic}[col])
		case "budget.lines":
			l := d.Budget.Lines[i]
			switch col {
			case "amount":
				return l.Amount == 0
			case "item":
				return blank(l.Item)
			case "basis":
				return blank(l.Basis)
			}
		case "joint_applicants":
			j := d.Joint[i]
			return blank(map[string]string{"name": j.Name, "type": j.Type}[col])
		}
		return true
	}
	a, p, b := &d.Applicant, &d.Project, &d.Budget
	switch path {
	case "applicant.annual_inspection_passed":
		return !a.AnnualInspection
	case "applicant.evaluation_taken":
		return !a.Evaluation
	case "applicant.graduate_training":
		return !a.GraduateTraining
	case "confidential":
		return !d.Confidential
	case "applicant.honours":
		return len(a.Honours) == 0
	case "joint_applicants":
		return len(d.Joint) == 0
	case "cover.apply_date":
		return d.Cover.ApplyDate.IsZero()
	case "project.start_date":
		return p.StartDate.IsZero()
	case "project.end_date":
		return p.EndDate.IsZero()
	case "project.participants":
		return p.Participants == 0
	case "project.papers":
		return p.Papers == 0
	case "project.requested_amount":
		return p.RequestedAmount == 0
	case "budget.lines":
		return len(b.Lines) == 0
	case "budget.total":
		return b.Total == 0
	case "budget.provincial":
		return b.Provincial == 0
	case "budget.self_raised":
		return b.SelfRaised == 0
	case "budget.other":
		return b.Other == 0
	}
	empty := true
	WalkText(d, func(q, text string) {
		if q == path && !blank(text) {
			empty = false
		}
	})
	return empty
}

// sectionFindings checks the draft's declared sections of their own.
func sectionFindings(call *Call, cat *Category, d *Draft) []Finding {
	var out []Finding
	for i := range call.Documents {
		for j := range call.Documents[i].Sections {
			s := &call.Documents[i].Sections[j]
			if s.Key == "" || s.rules == nil {
				continue
			}
			out = append(out, fieldsFindings(call, cat, s.Fields, s.rules, d.Sections[s.Key], SectionPath(s.Key)+".")...)
		}
	}
	return out
}

// fieldsFindings checks values against declared fields compiled into rules;
// paths are prefix + key.
func fieldsFindings(call *Call, cat *Category, fields []FieldDecl, rules *partRules, v Values, prefix string) []Finding {
	ctx := context.WithValue(context.Background(), partCtxKey{}, rules.lists)
	data := make(map[string]any, len(fields))
	for i := range fields {
		if fd := &fields[i]; fd.tag != "" {
			data[fd.Key] = fd.validationValue(v)
		}
	}
	errs := validate.ValidateMapCtx(ctx, data, rules.fields)
	var out []Finding
	for i := range fields {
		fd := &fields[i]
		path := prefix + fd.Key
		if _, bad := errs[fd.Key]; bad {
			out = append(out, fd.finding(call, cat, path, fd.Label, v))
		}
		if fd.Kind != KindTable || len(rules.rows[fd.Key]) == 0 {
			continue
		}
		for r, row := range v.Rows(fd.Key) {
			rd := make(map[string]any, len(fd.Columns))
			for j := range fd.Columns {
				if c := &fd.Columns[j]; c.tag != "" {
					rd[c.Key] = c.validationValue(row)
				}
			}
			rerrs := validate.ValidateMapCtx(ctx, rd, rules.rows[fd.Key])
			for j := range fd.Columns {
				c := &fd.Columns[j]
				if _, bad := rerrs[c.Key]; bad {
					p := fmt.Sprintf("%s[%d].%s", path, r, c.Key)
					out = append(out, c.finding(call, cat, p, fmt.Sprintf("%s第%d行的%s", fd.Label, r+1, c.Label), row))
				}
			}
		}
	}
	return out
}

// sectionLabel is the label of a path of a declared section
// ("sections.convener.people[0].name"), and whether the path is one.
func (c *Call) sectionLabel(path string) (string, bool) {
	rest, ok := strings.CutPrefix(path, "sections.")
	if !ok {
		return "", false
	}
	key, fkey, _ := strings.Cut(rest, ".")
	s := c.Section(key)
	if s == nil {
		return "此项", true
	}
	generic := indexRe.ReplaceAllString(fkey, "[]")
	name, col, _ := strings.Cut(generic, "[].")
	fd := s.Field(strings.TrimSuffix(name, "[]"))
	if fd == nil {
		return c.Expand(s.Title, nil), true
	}
	idx := indexRe.FindStringSubmatch(fkey)
	if idx == nil {
		return fd.Label, true
	}
	if cd := fd.Column(col); cd != nil {
		return fmt.Sprintf("%s第%s行的%s", fd.Label, rowNumber(idx[1]), cd.Label), true
	}
	return fmt.Sprintf("%s第%s行", fd.Label, rowNumber(idx[1])), true
}

var digitsRe = regexp.MustCompile(`^\d+$`)

// rowNumber is a 0-based row index as the 1-based number people read.
func rowNumber(s string) string {
	if !digitsRe.MatchString(s) {
		return s
	}
	n := 0
	fmt.Sscan(s, &n)
	return fmt.Sprint(n + 1)
}

// SectionFieldOf is the declared field (or table column) a path of a
// declared section names, or nil.
func (c *Call) SectionFieldOf(path string) *FieldDecl {
	rest, ok := strings.CutPrefix(path, "sections.")
	if !ok {
		return nil
	}
	key, fkey, _ := strings.Cut(rest, ".")
	s := c.Section(key)
	if s == nil {
		return nil
	}
	generic := indexRe.ReplaceAllString(fkey, "[]")
	name, col, _ := strings.Cut(generic, "[].")
	fd := s.Field(strings.TrimSuffix(name, "[]"))
	if fd != nil && col != "" {
		return fd.Column(col)
	}
	return fd
}

// EnsureSections allocates the values of every declared section of the
// call, leaving existing ones untouched.
func (d *Draft) EnsureSections(call *Call) {
	for i := range call.Documents {
		for _, s := range call.Documents[i].Sections {
			if s.Key == "" {
				continue
			}
			if d.Sections == nil {
				d.Sections = map[string]Values{}
			}
			if d.Sections[s.Key] == nil {
				d.Sections[s.Key] = Values{}
			}
		}
	}
}

// StepIDs names, for each section of a document, the window's step that
// edits it: a part (level 1) starts a step named after its block ("part3"
// for the category's part, the form's name of old) or sections.<key>; a
// heading of its own is named after the first sub-part under it; a
// sub-part (level 2) belongs to the step before it.
func StepIDs(doc *DocumentDecl) []string {
	ids := make([]string, len(doc.Sections))
	cur := ""
	for i := range doc.Sections {
		s := &doc.Sections[i]
		if s.LevelOf() == 1 {
			cur = s.stepID()
			if cur == "" {
				for j := i + 1; j < len(doc.Sections) && doc.Sections[j].LevelOf() == 2; j++ {
					if cur = doc.Sections[j].stepID(); cur != "" {
						break
					}
				}
			}
		}
		ids[i] = cur
	}
	return ids
}

func (s *SectionDecl) stepID() string {
	if s.Block == BlockPart {
		return "part3"
	}
	return s.ID()
}

// Asked reports whether the call's declaration asks (and prints) the value
// at a draft path: not a field its blocks leave out, not a section it does
// not declare.
func (c *Call) Asked(path string) bool {
	if strings.HasPrefix(path, "sections.") {
		return c.SectionFieldOf(path) != nil
	}
	return !c.omittedPath(indexRe.ReplaceAllString(path, "[]"))
}

// AskedOf is Asked for one draft: a value of a section the draft is not
// asked (its when does not hold) is not asked either.
func (c *Call) AskedOf(d *Draft) func(path string) bool {
	skip := c.irrelevantPaths(d)
	return func(path string) bool {
		return c.Asked(path) && (skip == nil || !underAny(indexRe.ReplaceAllString(path, "[]"), skip))
	}
}

// blockPaths are the draft paths a built-in block holds: what is not asked
// when no document declares the block.
var blockPaths = map[string][]string{
	BlockApplicant: {"applicant"},
	BlockJoint:     {"joint_applicants"},
	BlockProject:   {"project", "venue"},
	BlockAgenda:    {"agenda"},
	BlockExperts:   {"experts"},
	BlockResults:   {"expected_results", "publicity"},
	BlockBudget:    {"budget"},
	BlockOpinions:  {"opinions"},
}

// omitUndeclared marks as not asked the fields of the blocks no document
// declares (the joint applicants when neither the joint block nor the
// applicant's block asks them; the applicant's opinion when no opinion
// block is the applicant's; the cover's date when no cover prints it), so
// that no rule reports on them.
func (c *Call) omitUndeclared() {
	// The cover's date: asked (and checked against the deadline) when a
	// cover prints it, under the cover's label.
	if cv := c.Cover(); cv == nil || !cv.Asks("apply_date") {
		c.omitted["cover.apply_date"] = true
	} else if l, ok := cv.Labels["apply_date"]; ok {
		c.labelByPath["cover.apply_date"] = l
	}
	if c.BlockSection(BlockJoint) != nil {
		// asked in a section of their own: the applicant's block leaves
		// them out (omit "joint_applicants"), the call does not
		delete(c.omitted, "joint_applicants")
	}
	for block, paths := range blockPaths {
		if c.BlockSection(block) != nil {
			continue
		}
		if block == BlockJoint {
			if a := c.BlockSection(BlockApplicant); a != nil && a.Asks("joint_applicants") {
				continue
			}
		}
		for _, p := range paths {
			c.omitted[p] = true
		}
	}
	if op := c.BlockSection(BlockOpinions); op != nil {
		asks := false
		for _, b := range op.Blocks {
			asks = asks || b.By == ByApplicant
		}
		if !asks {
			c.omitted["opinions"] = true
		}
	}
}

// PartName names where a built-in block is in the documents, as a rule's
// clause cites it: "申报书 第五部分" for a part titled "五、…" of the
// document 项目申报书 ("申报书" is how the notices call it), the document and
// the part's title otherwise; "" when no document declares the block.
func (c *Call) PartName(block string) string {
	for i := range c.Documents {
		doc := &c.Documents[i]
		head := ""
		for j := range doc.Sections {
			s := &doc.Sections[j]
			if s.LevelOf() == 1 {
				head = s.Title
			}
			if s.Block != block {
				continue
			}
			title := strings.TrimPrefix(doc.Title, "项目")
			if num, _, ok := strings.Cut(head, "、"); ok && num != "" && strings.Trim(num, "一二三四五六七八九十") == "" {
				return title + " 第" + num + "部分"
			}
			return title + "“" + c.Expand(s.Title, nil) + "”"
		}
	}
	return ""
}

// SectionRules are the rules the fields of the call's own sections carry.
func (c *Call) SectionRules() []Rule {
	var out []Rule
	add := func(fd *FieldDecl) {
		if fd.Rule == "" {
			return
		}
		s := fd.Summary
		if s == "" {
			s = fd.Label
		}
		out = append(out, Rule{ID: fd.Rule, Severity: fd.Severity, Clause: fd.Clause, Summary: fd.expand(c, nil, s, nil)})
	}
	for i := range c.Documents {
		for j := range c.Documents[i].Sections {
			s := &c.Documents[i].Sections[j]
			for k := range s.Fields {
				fd := &s.Fields[k]
				add(fd)
				for m := range fd.Columns {
					add(&fd.Columns[m])
				}
			}
		}
	}
	return out
}

// Conditional reports whether the section is asked only when its when (or
// its part's) holds.
func (s *SectionDecl) Conditional() bool { return len(s.conds) > 0 }

// Relevant reports whether the section is asked of the draft: it has no
// when, or its when (and its part's) holds. A section that is not relevant
// is not asked in the window, not checked and not printed.
func (s *SectionDecl) Relevant(d *Draft) bool {
	for _, w := range s.conds {
		if w.eval(d, rowset{}, 0).ok != pass {
			return false
		}
	}
	return true
}

// paths are the generic draft paths a section holds: its block's asked
// fields (and the block's own paths), the category's part, or
// sections.<key>.
func (s *SectionDecl) paths() []string {
	switch {
	case s.Block == BlockPart:
		return []string{"parts"}
	case s.Block != "":
		out := append([]string(nil), blockPaths[s.Block]...)
		for _, f := range blockFields[s.Block] {
			if s.Asks(f.Key) {
				out = append(out, f.Path)
			}
		}
		return out
	case s.Key != "":
		return []string{SectionPath(s.Key)}
	}
	return nil
}

// irrelevantPaths are the generic paths of the sections the draft is not
// asked (Relevant), or nil.
func (c *Call) irrelevantPaths(d *Draft) map[string]bool {
	var out map[string]bool
	for i := range c.Documents {
		for j := range c.Documents[i].Sections {
			s := &c.Documents[i].Sections[j]
			if !s.Conditional() || s.Relevant(d) {
				continue
			}
			if out == nil {
				out = map[string]bool{}
			}
			for _, p := range s.paths() {
				out[p] = true
			}
		}
	}
	return out
}

// dropIrrelevant leaves out the findings on fields of the sections the
// draft is not asked.
func (c *Call) dropIrrelevant(d *Draft, fs []Finding) []Finding {
	skip := c.irrelevantPaths(d)
	if skip == nil {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if !underAny(indexRe.ReplaceAllString(f.Field, "[]"), skip) {
			out = append(out, f)
		}
	}
	return out
}

// underAny reports whether a generic path is, or is under, one of paths.
func underAny(g string, paths map[string]bool) bool {
	for p := g; p != ""; {
		if paths[p] {
			return true
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return false
}
