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

// Application builds the printed application form (项目申报书) of a draft:
// the cover, then parts 1–6 as ruled tables, as in form-outline.md. Only the
// category-specific part of the draft's own category is printed. Every
// non-empty text of the draft (forms.WalkText) is printed, IDs chosen from
// lists as their Chinese names. generated is the time printed in the
// fingerprint at the foot of every page.
func Application(call *forms.Call, d *forms.Draft, generated time.Time) *Document {
	b := &appBuilder{call: call, d: d, cat: call.Category(d.Category)}
	b.cover()
	b.part1()
	b.part2()
	b.part3()
	b.part4()
	b.part5()
	b.part6()
	title := "项目申报书"
	if d.Project.Name != "" {
		title += "：" + d.Project.Name
	}
	return &Document{Title: title, Blocks: b.blocks, Footer: forms.Fingerprint(d, generated)}
}

type appBuilder struct {
	call   *forms.Call
	d      *forms.Draft
	cat    *forms.Category
	blocks []Block
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
	return s
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

func (b *appBuilder) cover() {
	d := b.d
	var joint []string
	for _, j := range d.Joint {
		joint = append(joint, j.Name)
	}
	phone := d.Applicant.Mobile
	if d.Applicant.Phone != "" {
		if phone != "" {
			phone += "；"
		}
		phone += d.Applicant.Phone
	}
	c := &Cover{
		NumberBox: "编号",
		Title:     []string{b.call.Title, "项目申报书"},
		Fields: []Field{
			{Label: "项目名称", Value: d.Project.Name},
			{Label: "项目类别", Value: CategoryText(b.call, d)},
			{Label: "申报单位（公章）", Value: d.Applicant.Name, SealMM: SealMM},
			{Label: "联合申报单位", Value: strings.Join(joint, "\n")},
			{Label: "联系人", Value: d.Applicant.Contact},
			{Label: "联系电话", Value: phone},
			{Label: "电子邮箱", Value: d.Applicant.Email},
			{Label: "申报日期", Value: d.Cover.ApplyDate.Chinese()},
		},
		Bottom: []string{b.call.Issuer + " 制"},
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

func (b *appBuilder) part1() {
	a := b.d.Applicant
	typeAndCode := kv("单位类型", b.call.ApplicantTypeName(a.Type), "统一社会信用代码", a.CreditCode)
	typeAndCode.Cells[3].OneLine = true
	rows := []Row{
		kv("单位名称", a.Name),
		typeAndCode,
		kv("通讯地址", a.Address, "邮政编码", a.Postcode),
		kv("法定代表人（负责人）", a.Leader, "职务", a.LeaderTitle),
		kv("联系人", a.Contact, "职务", a.ContactTitle),
		kv("联系人手机", a.Mobile, "办公电话", a.Phone),
		kv("电子邮箱", a.Email),
	}
	if a.Type == forms.TypeProvincialSociety {
		rows = append(rows, kv(fmt.Sprintf("%d年度年检合格", b.call.Society.EvaluationYear), YesNo(a.AnnualInspection),
			fmt.Sprintf("参加%d年度学会评价", b.call.Society.EvaluationYear), YesNo(a.Evaluation)))
	}
	if a.Type == forms.TypeUniversity || a.Type == forms.TypeUniversitySAT || a.GraduateTraining {
		rows = append(rows, kv("具有研究生培养资格", YesNo(a.GraduateTraining)))
	}
	if a.Type == forms.TypeProvincialSociety || len(a.Honours) > 0 {
		var hs []string
		for _, h := range a.Honours {
			hs = append(hs, b.call.HonourName(h))
		}
		v := "无"
		if len(hs) > 0 {
			v = strings.Join(hs, "、")
		}
		rows = append(rows, kv(b.call.PriorityYears+"年所获表彰", v))
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
		rows = append(rows, kv("联合申报单位", strings.Join(js, "\n")))
	}
	if b.d.Confidential || b.d.ConfidentialNote != "" {
		v := "本申报书含涉密内容，不通过互联网报送。"
		if !b.d.Confidential {
			v = "不含涉密内容。"
		}
		if b.d.ConfidentialNote != "" {
			v += "\n" + b.d.ConfidentialNote
		}
		rows = append(rows, kv("涉密情况", v))
	}
	b.add(&Heading{Text: "一、申报单位基本情况", Level: 1}, kvTable(rows...))
}

func (b *appBuilder) part2() {
	p := b.d.Project
	rows := []Row{
		kv("项目名称", p.Name),
		kv("项目类别", CategoryText(b.call, b.d)),
		kv("项目主题", p.Theme),
		kv("开始日期", p.StartDate.Chinese(), "结束日期", p.EndDate.Chinese()),
		kv("举办城市", p.City, "举办地点", p.Place),
		kv("活动形式", p.Form, "预计参会人数", count(p.Participants, "人")),
	}
	if p.Papers > 0 || b.cat != nil && b.cat.MinPapers > 0 {
		rows = append(rows, kv("征集论文数", count(p.Papers, "篇")))
	}
	rows = append(rows, kv("主办/承办单位", p.Organisers))
	if p.CoOrganisers != "" {
		rows = append(rows, kv("协办单位", p.CoOrganisers))
	}
	if p.Supporters != "" {
		rows = append(rows, kv("支持单位", p.Supporters))
	}
	rows = append(rows, kv(b.call.RequestLabel(), Money(p.RequestedAmount)), kv("项目简介", p.Summary))
	b.add(&Heading{Text: "二、项目基本情况", Level: 1}, kvTable(rows...))
}

func count(n int, unit string) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%d%s", n, unit)
}

// part3 is the category's own part, as its call declares it: the fields
// that are not tables as label/value rows (two half fields share a row),
// then each table under its own heading, in declaration order.
func (b *appBuilder) part3() {
	name := b.d.Category
	if b.cat != nil {
		name = b.cat.PartTitle()
	}
	b.add(&Heading{Text: "三、" + name, Level: 1})
	if b.cat == nil {
		return
	}
	for _, blk := range PartBlocks(b.call, b.cat, b.d) {
		b.add(blk)
	}
}

// PartBlocks lays out a draft's own part as its call declares it (the
// review page shows the same blocks).
func PartBlocks(call *forms.Call, cat *forms.Category, d *forms.Draft) []Block {
	v := d.Parts[cat.ID]
	var out []Block
	var rows []Row
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
	if len(cat.Venues) > 0 {
		rows = append(rows, kv("承办赛场", VenueText(call, d)))
	}
	for i := range cat.Part.Fields {
		fd := &cat.Part.Fields[i]
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

func (b *appBuilder) part4() {
	d := b.d
	b.add(&Heading{Text: "四、日程安排、邀请专家及预期成果", Level: 1}, &Heading{Text: "（一）日程安排", Level: 2})
	agenda := &Table{
		Widths: []float64{0.23, 0.16, 0.39, 0.22},
		Header: []Row{{Cells: []Cell{{Text: "日期", Label: true}, {Text: "时间", Label: true}, {Text: "内容", Label: true}, {Text: "报告人", Label: true}}}},
	}
	for _, a := range d.Agenda {
		agenda.Rows = append(agenda.Rows, Row{Cells: []Cell{{Text: a.Date.Chinese(), Align: Center}, {Text: a.Time, Align: Center}, {Text: a.Item}, {Text: a.Speaker}}})
	}
	if len(d.Agenda) == 0 {
		agenda.Rows = append(agenda.Rows, Row{Cells: []Cell{{Text: "（未填写）", Span: 4, Align: Center}}})
	}
	b.add(agenda, &Heading{Text: "（二）邀请专家", Level: 2})
	experts := &Table{
		Widths: []float64{0.08, 0.14, 0.34, 0.16, 0.28},
		Header: []Row{{Cells: []Cell{{Text: "序号", Label: true}, {Text: "姓名", Label: true}, {Text: "单位", Label: true}, {Text: "职称/职务", Label: true}, {Text: "报告主题", Label: true}}}},
	}
	for i, e := range d.Experts {
		experts.Rows = append(experts.Rows, Row{Cells: []Cell{{Text: fmt.Sprint(i + 1), Align: Center}, {Text: e.Name}, {Text: e.Unit}, {Text: e.Title}, {Text: e.Topic}}})
	}
	if len(d.Experts) == 0 {
		experts.Rows = append(experts.Rows, Row{Cells: []Cell{{Text: "（未填写）", Span: 5, Align: Center}}})
	}
	b.add(experts, &Heading{Text: "（三）预期成果与宣传", Level: 2},
		kvTable(kv("预期成果", d.ExpectedResults), kv("宣传计划", d.Publicity)))
}

func (b *appBuilder) part5() {
	bu := b.d.Budget
	t := &Table{
		Widths: []float64{0.08, 0.2, 0.17, 0.55},
		Header: []Row{{Cells: []Cell{{Text: "序号", Label: true}, {Text: "支出科目", Label: true}, {Text: "金额（元）", Label: true}, {Text: "测算依据", Label: true}}}},
	}
	for i, l := range bu.Lines {
		t.Rows = append(t.Rows, Row{Cells: []Cell{{Text: fmt.Sprint(i + 1), Align: Center}, {Text: l.Item}, {Text: forms.Thousands(l.Amount), Align: Right}, {Text: l.Basis}}})
	}
	t.Rows = append(t.Rows, Row{Cells: []Cell{{Text: "合计", Label: true, Span: 2}, {Text: forms.Thousands(bu.Total), Align: Right}, {Text: "人民币大写：" + forms.Capital(bu.Total)}}})
	other := Money(bu.Other)
	if bu.OtherNote != "" {
		other += "\n" + bu.OtherNote
	}
	b.add(&Heading{Text: "五、经费预算", Level: 1}, &Heading{Text: "（一）支出预算", Level: 2}, t,
		&Heading{Text: "（二）经费来源", Level: 2},
		kvTable(
			kv(b.call.RequestLabel(), Money(bu.Provincial)),
			kv("自筹经费", Money(bu.SelfRaised)),
			kv("其他经费", other),
			kv("预算总额", Money(bu.Total)),
		))
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

func (b *appBuilder) part6() {
	o := b.d.Opinions
	b.add(&KeepTogether{Blocks: []Block{
		&Heading{Text: "六、意见", Level: 1},
		opinion("申报单位意见", o.Applicant, opinionMM),
	}})
	// One block per joint applicant, with its own seal and date: the
	// applicant's name heads the block, the opinion is written by hand.
	for _, j := range b.d.Joint {
		b.add(&KeepTogether{WithPrevious: true, Blocks: []Block{
			&Spacer{MM: 3},
			opinion("联合申报单位意见", j.Name+"：", opinionMM-8),
		}})
	}
	b.add(&KeepTogether{WithPrevious: true, Blocks: []Block{
		&Spacer{MM: 3},
		opinion(b.call.Funder()+"审核意见", "", opinionMM-8),
	}})
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
	case strings.HasPrefix(path, "parts."):
		if fd := call.PartFieldOf(path); fd != nil && fd.Kind == forms.KindDate {
			if dt, err := forms.ParseDate(text); err == nil {
				return dt.Chinese()
			}
		}
	}
	return text
}

// PrintedTexts is every non-empty text of the draft (forms.WalkText) in the
// form the application prints it (DisplayText), by field path: what a test
// of a writer looks for in the document it wrote. The signer's name
// and the draft's id are not printed (NotPrinted).
func PrintedTexts(call *forms.Call, d *forms.Draft) map[string]string {
	out := map[string]string{}
	forms.WalkText(d, func(path, text string) {
		if !NotPrinted(path) {
			out[path] = DisplayText(call, d, path, text)
		}
	})
	return out
}

// NotPrinted reports whether the application leaves out a text of the draft
// on purpose: the draft's own id (the number is the receiving office's to
// assign) and the signer's name (written by hand on the signature line).
func NotPrinted(path string) bool { return path == "id" || path == "opinions.signer" }
