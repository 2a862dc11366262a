package layout

import (
	"fmt"
	"strings"
	"time"

	"shenbao/forms"
)

// SealMM is the diameter of a round official seal (公章): the cover leaves
// this much room around the applicant's name, and each opinion block room
// for a seal beside its signature line.
const SealMM = 42

// Column widths of the labelled tables: label, value, label, value. The
// label columns hold the longest fixed labels ("法定代表人（负责人）",
// "参加2023年度学会评价") on one line, set at 9–10.5 pt as the writers fit them.
var kvWidths = []float64{0.245, 0.255, 0.24, 0.26}

// Application builds the printed application (项目申报书) of a draft: the
// first document its call declares (Documents).
func Application(call *forms.Call, d *forms.Draft, generated time.Time) *Document {
	if len(call.Documents) == 0 { // not a call the loader accepts
		return &Document{Title: "项目申报书", Footer: forms.Fingerprint(d, generated)}
	}
	return DocumentOf(call, &call.Documents[0], d, generated)
}

// Documents builds every document the call declares for a draft, in order
// (one 申报书, or 附件1, 附件2 …).
func Documents(call *forms.Call, d *forms.Draft, generated time.Time) []*Document {
	out := make([]*Document, len(call.Documents))
	for i := range call.Documents {
		out[i] = DocumentOf(call, &call.Documents[i], d, generated)
	}
	return out
}

// DocumentOf builds one declared document of a draft: its cover, then its
// sections in declared order, each built-in block adapted as the call
// declares (fields left out, relabelled), each section of the call's own
// from its declared fields, as in form-outline.md. Only the
// category-specific part of the draft's own category is printed. Every
// non-empty text of the draft the call asks (forms.WalkText) is printed, IDs
// chosen from lists as their Chinese names. generated is the time printed
// in the fingerprint at the foot of every page.
func DocumentOf(call *forms.Call, doc *forms.DocumentDecl, d *forms.Draft, generated time.Time) *Document {
	b := &appBuilder{call: call, d: d, cat: call.Category(d.Category), doc: doc}
	if doc.Cover {
		b.cover()
	}
	ids := forms.StepIDs(doc)
	for i := range doc.Sections {
		if s := &doc.Sections[i]; s.Relevant(d) { // a section the draft is not asked is not printed
			b.section(s, ids[i])
		}
	}
	title := doc.Title
	if d.Project.Name != "" {
		title += "：" + d.Project.Name
	}
	return &Document{Title: title, Blocks: b.blocks, Footer: forms.Fingerprint(d, generated)}
}

type appBuilder struct {
	call   *forms.Call
	d      *forms.Draft
	cat    *forms.Category
	doc    *forms.DocumentDecl
	blocks []Block
}

// section adds one declared section: its heading (carrying the window's
// step it edits, for the review's 修改 links) and its content.
func (b *appBuilder) section(s *forms.SectionDecl, step string) {
	title := s.Title
	if b.cat == nil {
		title = strings.ReplaceAll(title, "{part_title}", b.d.Category)
	}
	h := &Heading{Text: b.call.Expand(title, b.cat), Level: s.LevelOf()}
	if h.Level == 1 {
		h.Step = step
	}
	switch s.Block {
	case "":
		if s.Key != "" {
			b.add(h)
			b.add(FieldsBlocks(b.call, b.cat, s.Fields, b.d.Sections[s.Key], nil)...)
			return
		}
		b.add(h)
	case forms.BlockApplicant:
		b.applicant(h, s)
	case forms.BlockJoint:
		b.joint(h, s)
	case forms.BlockProject:
		b.project(h, s)
	case forms.BlockPart:
		b.add(h)
		if b.cat != nil {
			b.add(PartBlocks(b.call, b.cat, b.d)...)
		}
	case forms.BlockAgenda:
		b.agenda(h, s)
	case forms.BlockExperts:
		b.experts(h, s)
	case forms.BlockResults:
		b.results(h, s)
	case forms.BlockBudget:
		b.budget(h, s)
	case forms.BlockOpinions:
		b.opinions(h, s)
	}
}

// label is a block's field's printed label: its one label (the call's, or
// the default of forms' table), worded for print (Call.PrintedLabel).
func (b *appBuilder) label(s *forms.SectionDecl, key string) string {
	return b.call.PrintedLabel(s, key, b.cat)
}

func (b *appBuilder) add(bs ...Block) { b.blocks = append(b.blocks, bs...) }

// CategoryText is the category as printed: its name, and for the speech
// competition the venue: "第十五届吉林省研究生科技论文演讲比赛（农科分赛场）".
func CategoryText(call *forms.Call, d *forms.Draft) string {
	cat := call.Category(d.Category)
	if cat == nil {
		return d.Category
	}
	s := cat.Name
	if d.Venue != "" {
		s += "（" + VenueText(call, d) + "）"
	}
	return call.CategoryTitle(cat, s) // a group's name before it, its 项目编号 after it
}

// VenueText is the name of the draft's venue (the ID when the call does not
// know it), or "".
func VenueText(call *forms.Call, d *forms.Draft) string {
	if d.Venue == "" {
		return ""
	}
	if cat := call.Category(d.Category); cat != nil {
		if v := cat.Venue(d.Venue); v != nil {
			return v.Name
		}
	}
	return d.Venue
}

// Money is an amount as printed on the form: "30,000元（人民币大写：叁万元整）".
func Money(yuan int64) string {
	return fmt.Sprintf("%s元（人民币大写：%s）", forms.Thousands(yuan), forms.Capital(yuan))
}

// YesNo prints a yes/no answer.
func YesNo(v bool) string {
	if v {
		return "是"
	}
	return "否"
}

// item is one labelled value of a block: its key in the call file (for
// omit and labels: its label is the block's, Call.PrintedLabel; a cover
// line's usual label is label) and its printed value.
type item struct {
	key, label, value string
	oneLine           bool
	sealMM            float64
}

// row lays out the items the section asks as one row of label/value
// pairs (a single one spans the row); false when it asks none.
func (b *appBuilder) row(s *forms.SectionDecl, its ...item) (Row, bool) {
	var pairs []string
	var one []bool
	for _, it := range its {
		if !s.Asks(it.key) {
			continue
		}
		pairs = append(pairs, b.label(s, it.key), it.value)
		one = append(one, it.oneLine)
	}
	if len(pairs) == 0 {
		return Row{}, false
	}
	r := kv(pairs...)
	for i, o := range one {
		if o {
			r.Cells[2*i+1].OneLine = true
		}
	}
	return r, true
}

// rows adds the rows of items to a table, one row a group.
func (b *appBuilder) rows(s *forms.SectionDecl, groups ...[]item) []Row {
	var out []Row
	for _, g := range groups {
		if r, ok := b.row(s, g...); ok {
			out = append(out, r)
		}
	}
	return out
}

func (b *appBuilder) cover() {
	d := b.d
	s := b.doc.CoverDecl()
	// The joint applicants, when the draft is asked them: not when their
	// section does not apply (its when does not hold).
	var joint []string
	if b.call.AskedOf(d)("joint_applicants") {
		for _, j := range d.Joint {
			joint = append(joint, j.Name)
		}
	}
	phone := d.Applicant.Mobile
	if d.Applicant.Phone != "" {
		if phone != "" {
			phone += "；"
		}
		phone += d.Applicant.Phone
	}
	c := &Cover{
		NumberBox: b.doc.NumberBox,
		Title:     []string{b.call.Title, b.call.Expand(b.doc.Title, b.cat)},
	}
	for _, it := range []item{
		{key: "project_name", label: "项目名称", value: d.Project.Name},
		{key: "category", label: "项目类别", value: CategoryText(b.call, d)},
		{key: "applicant", label: "申报单位（公章）", value: d.Applicant.Name, sealMM: SealMM},
		{key: "joint", label: b.call.FieldLabel("joint_applicants"), value: strings.Join(joint, "\n")},
		{key: "contact", label: "联系人", value: d.Applicant.Contact},
		{key: "phone", label: "联系电话", value: phone},
		{key: "email", label: "电子邮箱", value: d.Applicant.Email},
		{key: "apply_date", label: "申报日期", value: d.Cover.ApplyDate.Chinese()},
	} {
		if s.Asks(it.key) {
			c.Fields = append(c.Fields, Field{Label: b.call.Expand(s.Label(it.key, it.label), b.cat), Value: it.value, SealMM: it.sealMM})
		}
	}
	if b.doc.FooterLine != "" {
		c.Bottom = []string{b.call.Expand(b.doc.FooterLine, b.cat)}
	}
	// No 申报书编号: the number is the receiving office's to assign (the
	// blank NumberBox); the draft's own id is not printed (NotPrinted).
	b.add(c)
}

// kv builds a row of label/value pairs: each pair is a label cell and a value
// cell; a single pair's value spans the rest of the four columns.
func kv(pairs ...string) Row {
	var r Row
	for i := 0; i+1 < len(pairs); i += 2 {
		r.Cells = append(r.Cells, Cell{Text: pairs[i], Label: true}, Cell{Text: pairs[i+1]})
	}
	if len(pairs) == 2 {
		r.Cells[1].Span = 3
	}
	return r
}

func kvTable(rows ...Row) *Table { return &Table{Widths: kvWidths, Rows: rows} }

func (b *appBuilder) applicant(h *Heading, s *forms.SectionDecl) {
	a := b.d.Applicant
	rows := b.rows(s,
		[]item{{key: "name", value: a.Name}},
		[]item{{key: "type", value: b.call.ApplicantTypeName(a.Type)}, {key: "credit_code", value: a.CreditCode, oneLine: true}},
		[]item{{key: "address", value: a.Address}, {key: "postcode", value: a.Postcode}},
		[]item{{key: "leader", value: a.Leader}, {key: "leader_title", value: a.LeaderTitle}},
		[]item{{key: "contact", value: a.Contact}, {key: "contact_title", value: a.ContactTitle}},
		[]item{{key: "mobile", value: a.Mobile}, {key: "phone", value: a.Phone}},
		[]item{{key: "email", value: a.Email}},
	)
	// The yearly inspection and the evaluation, as far as the call asks
	// them of this type (the 2024 form prints both with the evaluation's
	// year: Call.PrintedLabel).
	var duty []item
	if y := b.call.Society.EvaluationYear; b.call.NeedsAnnualInspection(a.Type) || b.call.NeedsEvaluation(a.Type) {
		if b.call.NeedsAnnualInspection(a.Type) || y > 0 {
			duty = append(duty, item{key: "annual_inspection_passed", value: YesNo(a.AnnualInspection)})
		}
		if b.call.NeedsEvaluation(a.Type) {
			duty = append(duty, item{key: "evaluation_taken", value: YesNo(a.Evaluation)})
		}
	}
	if len(duty) > 0 {
		rows = append(rows, b.rows(s, duty)...)
	}
	if a.GraduateTraining || b.cat != nil && b.cat.NeedsGraduateTraining(a.Type) {
		rows = append(rows, b.rows(s, []item{{key: "graduate_training", value: YesNo(a.GraduateTraining)}})...)
	}
	if b.call.MayClaimHonours(a.Type) || len(a.Honours) > 0 {
		var hs []string
		for _, h := range a.Honours {
			hs = append(hs, b.call.HonourName(h))
		}
		v := "无"
		if len(hs) > 0 {
			v = strings.Join(hs, "、")
		}
		rows = append(rows, b.rows(s, []item{{key: "honours", value: v}})...)
	}
	if len(b.d.Joint) > 0 {
		var js []string
		for _, j := range b.d.Joint {
			s := j.Name
			if t := JointTypeText(b.call, j); t != "" {
				s += "（" + t + "）"
			}
			js = append(js, s)
		}
		rows = append(rows, b.rows(s, []item{{key: "joint_applicants", value: strings.Join(js, "\n")}})...)
	}
	if b.d.Confidential || b.d.ConfidentialNote != "" {
		v := "本申报书含涉密内容，不通过互联网报送。"
		if !b.d.Confidential {
			v = "不含涉密内容。"
		}
		if b.d.ConfidentialNote != "" {
			v += "\n" + b.d.ConfidentialNote
		}
		rows = append(rows, b.rows(s, []item{{key: "confidential", value: v}})...)
	}
	b.add(h, kvTable(rows...))
}

// joint is the joint applicants as a section of their own: a numbered
// table of their names and types.
func (b *appBuilder) joint(h *Heading, s *forms.SectionDecl) {
	var cols []column
	if s.Asks("name") {
		cols = append(cols, column{b.label(s, "name"), 0.6, Left, func(i int) string { return b.d.Joint[i].Name }})
	}
	if s.Asks("type") {
		cols = append(cols, column{b.label(s, "type"), 0.33, Center, func(i int) string { return JointTypeText(b.call, b.d.Joint[i]) }})
	}
	b.add(h, listTable(0.07, cols, len(b.d.Joint)))
}

// column is one column of a block's table: header, width, alignment and
// the text of row i.
type column struct {
	head  string
	width float64
	align Align
	text  func(i int) string
}

// listTable is a table of n rows of the columns, with a number column of
// width num first when num > 0; "（未填写）" when there are no rows.
func listTable(num float64, cols []column, n int) *Table {
	t := &Table{}
	var head Row
	if num > 0 {
		t.Widths = append(t.Widths, num)
		head.Cells = append(head.Cells, Cell{Text: "序号", Label: true})
	}
	for _, c := range cols {
		t.Widths = append(t.Widths, c.width)
		head.Cells = append(head.Cells, Cell{Text: c.head, Label: true})
	}
	t.Header = []Row{head}
	for i := 0; i < n; i++ {
		var r Row
		if num > 0 {
			r.Cells = append(r.Cells, Cell{Text: fmt.Sprint(i + 1), Align: Center})
		}
		for _, c := range cols {
			r.Cells = append(r.Cells, Cell{Text: c.text(i), Align: c.align})
		}
		t.Rows = append(t.Rows, r)
	}
	if n == 0 {
		t.Rows = append(t.Rows, Row{Cells: []Cell{{Text: "（未填写）", Span: len(t.Widths), Align: Center}}})
	}
	return t
}

func (b *appBuilder) project(h *Heading, s *forms.SectionDecl) {
	p := b.d.Project
	rows := b.rows(s,
		[]item{{key: "name", value: p.Name}},
		[]item{{key: "category", value: CategoryText(b.call, b.d)}},
		[]item{{key: "theme", value: p.Theme}},
		[]item{{key: "start_date", value: p.StartDate.Chinese()}, {key: "end_date", value: p.EndDate.Chinese()}},
		[]item{{key: "city", value: p.City}, {key: "place", value: p.Place}},
		[]item{{key: "form", value: p.Form}, {key: "participants", value: count(p.Participants, "人")}},
	)
	if p.Papers > 0 || b.cat != nil && b.cat.MinPapers > 0 {
		rows = append(rows, b.rows(s, []item{{key: "papers", value: count(p.Papers, "篇")}})...)
	}
	rows = append(rows, b.rows(s, []item{{key: "organisers", value: p.Organisers}})...)
	if p.CoOrganisers != "" {
		rows = append(rows, b.rows(s, []item{{key: "co_organisers", value: p.CoOrganisers}})...)
	}
	if p.Supporters != "" {
		rows = append(rows, b.rows(s, []item{{key: "supporters", value: p.Supporters}})...)
	}
	rows = append(rows, b.rows(s,
		[]item{{key: "requested_amount", value: Money(p.RequestedAmount)}},
		[]item{{key: "summary", value: p.Summary}},
	)...)
	b.add(h, kvTable(rows...))
}

func count(n int, unit string) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%d%s", n, unit)
}

// PartBlocks lays out a draft's own part as its call declares it (the
// review page shows the same blocks): for a category with venues the
// venue first, then the declared fields (FieldsBlocks).
func PartBlocks(call *forms.Call, cat *forms.Category, d *forms.Draft) []Block {
	var first []Row
	if len(cat.Venues) > 0 {
		label := forms.FieldLabel("venue")
		if s := call.BlockSection(forms.BlockProject); s != nil {
			label = call.BlockLabel(s, "venue", cat)
		}
		first = append(first, kv(label, VenueText(call, d)))
	}
	return FieldsBlocks(call, cat, cat.Part.Fields, d.Parts[cat.ID], first)
}

// FieldsBlocks lays out declared fields and their values: the fields that
// are not tables as label/value rows (two half fields share a row), after
// the rows first, then each table under its own heading, in declaration
// order. cat fills the placeholders of notes (nil when none).
func FieldsBlocks(call *forms.Call, cat *forms.Category, fields []forms.FieldDecl, v forms.Values, first []Row) []Block {
	var out []Block
	rows := first
	var half []string
	flushHalf := func() {
		if len(half) > 0 {
			rows = append(rows, kv(half...))
			half = nil
		}
	}
	flushRows := func() {
		flushHalf()
		if len(rows) > 0 {
			out = append(out, kvTable(rows...))
			rows = nil
		}
	}
	for i := range fields {
		fd := &fields[i]
		if fd.Kind == forms.KindTable {
			flushRows()
			out = append(out, &Heading{Text: fd.Label, Level: 2}, rowsTable(fd, v.Rows(fd.Key)))
			continue
		}
		text := FieldText(call, cat, fd, v)
		if fd.Half {
			half = append(half, fd.Label, text)
			if len(half) == 4 {
				flushHalf()
			}
			continue
		}
		flushHalf()
		rows = append(rows, kv(fd.Label, text))
	}
	flushRows()
	return out
}

// FieldText is a declared field's value as printed: a date in Chinese, a
// yes/no as 是/否, a checklist as its ticked items.
func FieldText(call *forms.Call, cat *forms.Category, fd *forms.FieldDecl, v forms.Values) string {
	switch fd.Kind {
	case forms.KindNote:
		return cat.NoteText(call, fd)
	case forms.KindYesNo:
		return YesNo(v.Bool(fd.Key))
	case forms.KindDate:
		return v.Date(fd.Key).Chinese()
	case forms.KindInt:
		if !v.Has(fd.Key) {
			return ""
		}
		return fmt.Sprintf("%d%s", v.Int(fd.Key), fd.Unit)
	case forms.KindChecklist:
		got := v.List(fd.Key)
		var yes, no []string
		for _, it := range fd.Items {
			if containsString(got, it) {
				yes = append(yes, it)
			} else {
				no = append(no, it)
			}
		}
		s := strings.Join(yes, "、")
		if len(no) > 0 && len(yes) > 0 {
			s += "（未要求：" + strings.Join(no, "、") + "）"
		} else if len(no) > 0 {
			s = "未要求：" + strings.Join(no, "、")
		}
		return s
	}
	return v.Text(fd.Key)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// rowsTable is a declared table: a number column, then the declared columns.
func rowsTable(fd *forms.FieldDecl, rows []forms.Values) *Table {
	t := &Table{Widths: []float64{0.07}}
	head := Row{Cells: []Cell{{Text: "序号", Label: true}}}
	rest := 0.93
	for _, c := range fd.Columns {
		w := c.Width
		if w <= 0 {
			w = rest / float64(len(fd.Columns))
		}
		t.Widths = append(t.Widths, w)
		head.Cells = append(head.Cells, Cell{Text: c.Label, Label: true})
	}
	t.Header = []Row{head}
	for i, r := range rows {
		row := Row{Cells: []Cell{{Text: fmt.Sprint(i + 1), Align: Center}}}
		for j := range fd.Columns {
			c := &fd.Columns[j]
			cell := Cell{Text: columnText(c, r)}
			if c.Kind == forms.KindYesNo || c.Kind == forms.KindDate || c.Kind == forms.KindInt {
				cell.Align = Center
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	if len(rows) == 0 {
		t.Rows = append(t.Rows, Row{Cells: []Cell{{Text: "（未填写）", Span: len(fd.Columns) + 1, Align: Center}}})
	}
	return t
}

func columnText(c *forms.FieldDecl, r forms.Values) string {
	switch c.Kind {
	case forms.KindYesNo:
		return YesNo(r.Bool(c.Key))
	case forms.KindDate:
		return r.Date(c.Key).Chinese()
	case forms.KindInt:
		if !r.Has(c.Key) {
			return ""
		}
		return fmt.Sprint(r.Int(c.Key))
	}
	return r.Text(c.Key)
}

func (b *appBuilder) agenda(h *Heading, s *forms.SectionDecl) {
	a := b.d.Agenda
	cols := b.asked(s, []keyedColumn{
		{"date", column{"日期", 0.23, Center, func(i int) string { return a[i].Date.Chinese() }}},
		{"time", column{"时间", 0.16, Center, func(i int) string { return a[i].Time }}},
		{"item", column{"内容", 0.39, Left, func(i int) string { return a[i].Item }}},
		{"speaker", column{"报告人", 0.22, Left, func(i int) string { return a[i].Speaker }}},
	})
	b.add(h, listTable(0, cols, len(a)))
}

func (b *appBuilder) experts(h *Heading, s *forms.SectionDecl) {
	e := b.d.Experts
	cols := b.asked(s, []keyedColumn{
		{"name", column{"姓名", 0.14, Left, func(i int) string { return e[i].Name }}},
		{"unit", column{"单位", 0.34, Left, func(i int) string { return e[i].Unit }}},
		{"title", column{"职称/职务", 0.16, Left, func(i int) string { return e[i].Title }}},
		{"topic", column{"报告主题", 0.28, Left, func(i int) string { return e[i].Topic }}},
	})
	b.add(h, listTable(0.08, cols, len(e)))
}

// keyedColumn is a column of a block's table with the key the declaration
// names it by.
type keyedColumn struct {
	key string
	col column
}

// asked are the columns the section asks, headed by their declared labels.
func (b *appBuilder) asked(s *forms.SectionDecl, all []keyedColumn) []column {
	var cols []column
	for _, c := range all {
		if s.Asks(c.key) {
			c.col.head = b.label(s, c.key)
			cols = append(cols, c.col)
		}
	}
	return cols
}

func (b *appBuilder) results(h *Heading, s *forms.SectionDecl) {
	d := b.d
	b.add(h, kvTable(b.rows(s,
		[]item{{key: "expected_results", value: d.ExpectedResults}},
		[]item{{key: "publicity", value: d.Publicity}},
	)...))
}

// budget is the expenses table with its total in figures and in capitals
// (人民币大写), then the sources of the money.
func (b *appBuilder) budget(h *Heading, s *forms.SectionDecl) {
	bu := b.d.Budget
	b.add(h)
	sub := 1
	if s.Asks("lines") {
		var cols []column
		for _, c := range []struct {
			key string
			col column
		}{
			{"lines.item", column{"支出科目", 0.2, Left, func(i int) string { return bu.Lines[i].Item }}},
			{"lines.amount", column{"金额（元）", 0.17, Right, func(i int) string { return forms.Thousands(bu.Lines[i].Amount) }}},
			{"lines.basis", column{"测算依据", 0.55, Left, func(i int) string { return bu.Lines[i].Basis }}},
		} {
			if s.Asks(c.key) {
				c.col.head = b.label(s, c.key)
				cols = append(cols, c.col)
			}
		}
		t := listTable(0.08, cols, len(bu.Lines))
		if len(bu.Lines) == 0 {
			t.Rows = nil
		}
		if s.Asks("total") {
			// 合计 under the first columns, the sum under the amounts, the
			// capitals in what is left
			before := 1
			for _, c := range cols {
				if c.head == b.label(s, "lines.amount") {
					break
				}
				before++
			}
			total := Row{Cells: []Cell{{Text: "合计", Label: true, Span: before}, {Text: forms.Thousands(bu.Total), Align: Right}}}
			if rest := len(t.Widths) - before - 1; rest > 0 {
				total.Cells = append(total.Cells, Cell{Text: "人民币大写：" + forms.Capital(bu.Total), Span: rest})
			}
			t.Rows = append(t.Rows, total)
		}
		b.add(&Heading{Text: subNumber(sub) + b.label(s, "lines"), Level: 2}, t)
		sub++
	}
	other := Money(bu.Other)
	if bu.OtherNote != "" && s.Asks("other_note") {
		other += "\n" + bu.OtherNote
	}
	rows := b.rows(s,
		[]item{{key: "provincial", value: Money(bu.Provincial)}},
		[]item{{key: "self_raised", value: Money(bu.SelfRaised)}},
		[]item{{key: "other", value: other}},
		[]item{{key: "total", value: Money(bu.Total)}},
	)
	if len(rows) > 0 {
		b.add(&Heading{Text: subNumber(sub) + "经费来源", Level: 2}, kvTable(rows...))
	}
}

// subNumber numbers a block's sub-parts: （一）, （二）…
func subNumber(n int) string {
	nums := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	if n < 1 || n > len(nums) {
		return fmt.Sprintf("（%d）", n)
	}
	return "（" + nums[n-1] + "）"
}

// SignFoot is the foot of an opinion block: a blank line to sign on (the
// signer's name is not printed: the signature is the signer's), the seal's
// place and the date to fill in by hand.
func SignFoot() []string {
	return []string{"负责人（签字）：" + SignLine, "（公章）", "年　　月　　日"}
}

// opinionMM is the least height of an opinion block: room for a few lines
// of opinion above a 42 mm seal stamped over the signature and date lines.
const opinionMM = 58

// opinion is one opinion block (申报单位意见, 联合申报单位意见, 省科协审核意见).
func opinion(label, text string, minMM float64) *Table {
	return &Table{Widths: []float64{0.2, 0.8}, Rows: []Row{{
		MinHeightMM: minMM,
		Cells: []Cell{
			{Text: label, Label: true},
			{Text: text, Foot: SignFoot()},
		},
	}}}
}

// opinions are the declared opinion blocks, each kept whole on a page,
// the section's heading with the first: the applicant's with the opinion
// typed in the form, one per joint applicant headed by its name, and the
// blank ones (the funder's 审核意见, another unit's) to fill in by hand.
func (b *appBuilder) opinions(h *Heading, s *forms.SectionDecl) {
	first := true
	put := func(label, text string) {
		if first {
			b.add(&KeepTogether{Blocks: []Block{h, opinion(label, text, opinionMM)}})
			first = false
			return
		}
		// Each later block goes with the one before it to a new page
		// rather than leave a blank opinion box alone on the last page.
		b.add(&KeepTogether{WithPrevious: true, Blocks: []Block{&Spacer{MM: 3}, opinion(label, text, opinionMM-8)}})
	}
	for _, o := range s.Blocks {
		label := b.call.Expand(o.Label, b.cat)
		switch o.By {
		case forms.ByApplicant:
			put(label, b.d.Opinions.Applicant)
		case forms.ByJoint:
			// One block per joint applicant, with its own seal and date:
			// the applicant's name heads the block, the opinion is
			// written by hand.
			for _, j := range b.d.Joint {
				put(label, j.Name+"：")
			}
		default:
			put(label, "")
		}
	}
	if first {
		b.add(h)
	}
}

// JointTypeText is the kind of a joint applicant as printed after its name.
// The call names one applicant type for the city and prefecture SATs, 梅河口
// and 长白山 ("市（州）、长白山开发区、梅河口市科协"); a joint applicant of that
// type prints the one that is its own, read from its name.
func JointTypeText(call *forms.Call, j forms.Joint) string {
	if j.Type == "" {
		return ""
	}
	name := call.ApplicantTypeName(j.Type)
	if !strings.Contains(name, "、") {
		return name
	}
	switch {
	case strings.Contains(j.Name, "长白山"):
		return "长白山开发区科协"
	case strings.Contains(j.Name, "梅河口"):
		return "梅河口市科协"
	case strings.Contains(name, "市（州）") && (strings.Contains(j.Name, "市") || strings.Contains(j.Name, "州")):
		return "市（州）科协"
	}
	return name
}

// DisplayText is how a text of the draft, as forms.WalkText reports it with
// its field path, is printed in the application: IDs chosen from lists
// (category, venue, applicant types, honours) as their Chinese names, every
// other text as typed.
func DisplayText(call *forms.Call, d *forms.Draft, path, text string) string {
	switch {
	case path == "category":
		if cat := call.Category(text); cat != nil {
			return cat.Name
		}
	case path == "venue":
		return VenueText(call, d)
	case path == "applicant.type":
		return call.ApplicantTypeName(text)
	case strings.HasPrefix(path, "joint_applicants[") && strings.HasSuffix(path, "].type"):
		var i int
		if _, err := fmt.Sscanf(path, "joint_applicants[%d].type", &i); err == nil && i >= 0 && i < len(d.Joint) {
			return JointTypeText(call, d.Joint[i])
		}
		return call.ApplicantTypeName(text)
	case strings.HasPrefix(path, "applicant.honours["):
		return call.HonourName(text)
	case strings.HasPrefix(path, "parts."), strings.HasPrefix(path, "sections."):
		fd := call.PartFieldOf(path)
		if fd == nil {
			fd = call.SectionFieldOf(path)
		}
		if fd != nil && fd.Kind == forms.KindDate {
			if dt, err := forms.ParseDate(text); err == nil {
				return dt.Chinese()
			}
		}
	}
	return text
}

// PrintedTexts is every non-empty text of the draft (forms.WalkText) that
// the call asks of it (Call.AskedOf), in the form the application prints it (DisplayText), by
// field path: what a test of a writer looks for in the documents it wrote. The signer's name
// and the draft's id are not printed (NotPrinted).
func PrintedTexts(call *forms.Call, d *forms.Draft) map[string]string {
	out := map[string]string{}
	asked := call.AskedOf(d)
	forms.WalkText(d, func(path, text string) {
		if !NotPrinted(path) && asked(path) {
			out[path] = DisplayText(call, d, path, text)
		}
	})
	return out
}

// NotPrinted reports whether the application leaves out a text of the draft
// on purpose: the draft's own id (the number is the receiving office's to
// assign) and the signer's name (written by hand on the signature line).
func NotPrinted(path string) bool { return path == "id" || path == "opinions.signer" }
