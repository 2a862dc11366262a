package submission

import (
	"fmt"
	"strings"
	"time"

	"shenbao/forms"
	"shenbao/forms/layout"
	"shenbao/forms/pdfdoc"
)

// ruleSummary is the Chinese summary of a rule of package forms.
func ruleSummary(call *forms.Call, id string) string {
	if r, ok := forms.RuleByID(call, id); ok {
		return r.Summary
	}
	return ""
}

// Step is one line of the checklist: what to do, how, and the notice's
// clause that asks for it ("" when none does).
type Step struct {
	What   string
	Detail string
	Clause string
}

// Steps lists what the applicant must do with the package, every fact
// taken from the call: print, seal, sign, e-mail the Word file (or, for a
// confidential application, why not), post or deliver the paper copy so it
// arrives by the deadline, the confidentiality and quota rules, the
// announcement and the duties after the event. names gives the files the
// steps refer to.
func Steps(call *forms.Call, d *forms.Draft, names Names, generated time.Time) []Step {
	c := call.Contact
	dl := forms.DateOf(call.Deadline).Chinese()
	copies := paperCopies(call, names)
	signer := firstNonEmpty(strings.TrimSpace(d.Opinions.Signer), strings.TrimSpace(d.Applicant.Leader), "申报单位负责人")
	// The notice's clauses the checklist cites, from the call's [clauses]
	// as package forms cites them in its rules.
	cl := call.Clauses
	clauseSubmit, clauseAfterEvent, secret := cl.Submission, cl.AfterEvent, cl.Confidential

	var s []Step
	s = append(s, Step{"核对", fmt.Sprintf("纸质件与Word文件封面之后每页页脚的“%s”应一致（二者内容相同）。", forms.Fingerprint(d, generated)), ""})
	if paperStated(call) {
		s = append(s, Step{"打印", printStep(names, copies), clauseSubmit})
	} else {
		s = append(s, Step{"打印", fmt.Sprintf("用A4纸打印“%s”（通知没有规定纸质件份数的，按受理单位要求）。", names.PDF), ""})
	}
	seals := sealPlaces(call, d)
	s = append(s, Step{"盖章", "在" + seals.places() + "，加盖申报单位公章。", ""})
	// Signatures only where the call's form has an opinion block for them.
	var sign []string
	if seals.applicant != "" {
		sign = append(sign, fmt.Sprintf("由负责人（%s）在“%s”栏的“负责人（签字）”处签字，并填写年、月、日", signer, seals.applicant))
	}
	if len(d.Joint) > 0 && seals.joint != "" {
		var names []string
		for _, j := range d.Joint {
			names = append(names, oneLine(j.Name))
		}
		sign = append(sign, fmt.Sprintf("%s在“%s”栏签字、盖章", strings.Join(names, "、"), seals.joint))
	}
	if len(sign) > 0 {
		s = append(s, Step{"签字", strings.Join(sign, "；") + "。", ""})
	}
	if d.Confidential {
		why := "本申报书已声明涉及保密内容"
		if n := oneLine(d.ConfidentialNote); n != "" {
			why += "（" + n + "）"
		}
		s = append(s, Step{"不发电子邮件", fmt.Sprintf("%s。按通知%s，%s，因此本材料包没有生成电子邮件草稿，也不要把申报书通过电子邮件、网盘或聊天软件发送。请在报送前先告知%s（%s，电话 %s），电子版如何提交请按其要求办理，并报送纸质件。",
			why, secret, ruleSummary(call, forms.RuleConfidential), c.Department, c.Person, c.Phone), secret})
	} else if c.Email != "" {
		// Both ways: the draft where a mail program sends it as it is, and
		// by hand in web mail, everything to type given.
		files := mailFiles(names)
		mailLine := fmt.Sprintf("将Word文档%s发送至 %s（%s）。\n网页邮箱（163、QQ等）：收件人 %s，主题“%s”，附件%s。",
			files, c.Email, c.Department, c.Email, Subject(call, d), files)
		if names.EML != "" {
			mailLine += fmt.Sprintf("\n邮件程序：双击“%s”（已附该文档），Windows版Outlook打开即为待发邮件，核对后发送；Foxmail、Apple Mail等若打开为收到的邮件，请用“再次发送”或按网页邮箱办法发送。", names.EML)
		}
		s = append(s, Step{"发送电子版", mailLine, clauseSubmit})
	}
	if paperStated(call) {
		post := fmt.Sprintf("将盖章、签字后的纸质件%d份邮寄或送达：%s %s（收件人：%s，电话 %s）。", copies, c.Address, c.Office, c.Person, c.Phone)
		if !call.Deadline.IsZero() {
			post = strings.TrimSuffix(post, "。") + "。申报截止时间为" + dl
			if call.PostedMustArrive {
				post += "；邮寄须确保在此时间前寄达（以寄达为准，不是寄出日期），请预留路上时间"
			}
			post += "。"
		}
		post += fmt.Sprintf("信封地址可用“%s”。", names.Envelope)
		s = append(s, Step{"报送纸质件", post, cl.Posted()})
	}
	if !d.Confidential && secret != "" {
		s = append(s, Step{"保密", fmt.Sprintf("本申报书未声明涉及保密内容。如含保密内容，须事先告知%s，且不得通过互联网传送（请勾选“涉及保密内容”后重新导出）。", c.Department), secret})
	}
	switch {
	case call.MaxPerCategory > 0 && call.MaxTotal > 0 && call.Rules == nil:
		s = append(s, Step{"申报限额", fmt.Sprintf("每个单位在同类项目中只能申报%d项，总计不超过%d项。本单位如还申报其他类别，请核对总数。", call.MaxPerCategory, call.MaxTotal), clauseSubmit})
	case call.MaxPerCategory > 0 || call.MaxTotal > 0:
		var rules []string
		clause := ""
		for _, id := range []string{forms.RuleQuotaCategory, forms.RuleQuotaTotal} {
			if r, ok := forms.RuleByID(call, id); ok && (id == forms.RuleQuotaCategory && call.MaxPerCategory > 0 || id == forms.RuleQuotaTotal && call.MaxTotal > 0) {
				rules = append(rules, r.Summary)
				clause = r.Clause
			}
		}
		s = append(s, Step{"申报限额", strings.Join(rules, "；") + "。本单位如还申报其他类别，请核对总数。", clause})
	}
	if !call.AnnouncementBy.IsZero() {
		where := ""
		if call.AnnouncementWhere != "" {
			where = "在“" + call.AnnouncementWhere + "”"
		}
		s = append(s, Step{"结果公布", fmt.Sprintf("入选项目名单将于%s前%s公布；项目一经确定，务必如期完成。", forms.DateOf(call.AnnouncementBy).Chinese(), where), clauseAfterEvent})
	}
	// Only the duties of the draft's own category and venue (the speech
	// competition's sub-venue results are no other project's duty).
	for _, ae := range call.AfterEvent {
		items := forms.AfterItemsFor(ae, d)
		if len(items) == 0 {
			continue
		}
		names := make([]string, len(items))
		for i, it := range items {
			names[i] = it.Name
		}
		s = append(s, Step{"完成后" + ae.Within(), "项目完成后" + ae.Within() + "报送：" + strings.Join(names, "；") + "。", clauseAfterEvent})
	}
	return s
}

// Checklist is the 报送清单 as a document: the project, then a numbered
// table of the steps with a box to tick for each. The footer carries the
// application's fingerprint, so the sheet belongs to one export.
func Checklist(call *forms.Call, d *forms.Draft, names Names, generated time.Time) *layout.Document {
	doc := &layout.Document{Title: "报送清单 — " + oneLine(d.Project.Name), Footer: forms.Fingerprint(d, generated)}
	doc.Blocks = append(doc.Blocks,
		&layout.Heading{Text: "报送清单", Level: 1},
		&layout.Paragraph{Text: strings.Join([]string{
			"项目名称：" + oneLine(d.Project.Name),
			"申报单位：" + oneLine(d.Applicant.Name),
			"项目类别：" + categoryLong(call, d),
			deadlineLine(call),
			contactLine(call.Contact),
		}, "\n")},
	)
	if d.Confidential {
		doc.Blocks = append(doc.Blocks, &layout.Paragraph{Text: fmt.Sprintf("【涉及保密内容】本申报书已声明涉及保密内容：按通知%s，%s。本材料包不含电子邮件草稿，请只报送纸质件，并事先告知%s。",
			call.Clauses.Confidential, ruleSummary(call, forms.RuleConfidential), call.Contact.Department)})
	}
	// Set a little smaller than the body (9.5 pt, less when it must:
	// fitOnePage), so that a checklist with both ways of e-mailing still
	// fits one sheet.
	t := &layout.Table{
		Size:   checklistSizes[0],
		Widths: []float64{0.7, 2.0, 8.6, 0.7},
		Header: []layout.Row{{Cells: []layout.Cell{
			{Text: "序号", Label: true}, {Text: "事项", Label: true}, {Text: "要求", Label: true}, {Text: "完成", Label: true},
		}}},
	}
	for i, st := range Steps(call, d, names, generated) {
		text := st.Detail
		if st.Clause != "" {
			text += "（通知" + st.Clause + "）"
		}
		t.Rows = append(t.Rows, layout.Row{Cells: []layout.Cell{
			{Text: fmt.Sprint(i + 1), Align: layout.Center},
			{Text: st.What, Align: layout.Center},
			{Text: text},
			{Text: "□", Align: layout.Center},
		}})
	}
	doc.Blocks = append(doc.Blocks, t,
		&layout.Paragraph{Text: "本清单由申报助手按申报通知生成，仅供自查，不必报送。", Size: 9},
	)
	fitOnePage(doc, t)
	return doc
}

// checklistSizes are the sizes the checklist's table may be set in, in
// points, largest first: 9.5 pt, and down to 8 pt (a little larger than
// 六号) when long names and both ways of e-mailing would push its last rows
// onto a second sheet.
var checklistSizes = []float64{9.5, 9, 8.5, 8}

// fitOnePage sets the checklist's table t in the largest of checklistSizes
// at which the PDF's pagination puts doc on one page; at 9.5 pt when none
// does (the sheet then runs on, as large as it can be read).
func fitOnePage(doc *layout.Document, t *layout.Table) {
	for _, size := range checklistSizes {
		t.Size = size
		if pg, err := pdfdoc.Paginate(doc); err == nil && pg.Pages <= 1 {
			return
		}
	}
	t.Size = checklistSizes[0]
}

// deadlineLine is the checklist's line on the deadline, as the call states it.
func deadlineLine(call *forms.Call) string {
	if call.Deadline.IsZero() {
		return "申报截止：见申报通知"
	}
	if paperStated(call) {
		return "申报截止：" + forms.DateOf(call.Deadline).Chinese() + "（纸质件须在此前寄达或送达）"
	}
	return "申报截止：" + forms.DateOf(call.Deadline).Chinese()
}

// contactLine is the checklist's line on who receives the application:
// what the call gives of it.
func contactLine(c forms.Contact) string {
	if c.Department != "" && c.Person != "" && c.Phone != "" && c.Email != "" {
		return fmt.Sprintf("受理部门：%s，联系人 %s，电话 %s，邮箱 %s", c.Department, c.Person, c.Phone, c.Email)
	}
	var parts []string
	for _, p := range []struct{ label, v string }{{"受理部门：", c.Department}, {"联系人 ", c.Person}, {"电话 ", c.Phone}, {"邮箱 ", c.Email}} {
		if p.v != "" {
			parts = append(parts, p.label+p.v)
		}
	}
	if len(parts) == 0 {
		return "受理部门：见申报通知"
	}
	return strings.Join(parts, "，")
}

// categoryLong is the category's full name with the venue, if any.
func categoryLong(call *forms.Call, d *forms.Draft) string {
	cat := call.Category(d.Category)
	if cat == nil {
		return d.Category
	}
	if v := cat.Venue(d.Venue); v != nil {
		return cat.Name + "（" + v.Name + "）"
	}
	return cat.Name
}

// Envelope is the address label for the paper copy: one framed cut-out
// (a dashed cut line around one table, 100 mm wide and under 70 mm high
// for usual names, set at 9 pt: it fits on a 快递单) with the recipient as
// the call gives it (postcode in six boxes, left blank when the call has
// none; address and office, contact person, department and phone), the
// sender from the draft (postcode in six boxes, unit, contact person and
// mobile, address), and what the envelope holds; the date it must arrive
// by is printed above the cut line.
func Envelope(call *forms.Call, d *forms.Draft) *layout.Document {
	c := call.Contact
	a := &d.Applicant
	row := func(label, value string) layout.Row {
		return layout.Row{Cells: []layout.Cell{{Text: label, Label: true}, {Text: value}}}
	}
	postcode := func(label, code string) layout.Row {
		// Room for the 7 mm boxes and a little above and below.
		return layout.Row{Cells: []layout.Cell{{Text: label, Label: true}, {Text: code, Boxes: 6}}, MinHeightMM: layout.BoxMM + 1.4}
	}
	arrive := "送达"
	if call.PostedMustArrive {
		arrive = "寄达"
	}
	sender := oneLine(a.Name)
	if who := oneLine(a.Contact); who != "" {
		sender += "　" + who
	}
	if a.Mobile != "" {
		sender += " " + a.Mobile
	}
	label := &layout.Table{Widths: []float64{16, 78}, Frame: true, WidthMM: LabelWidthMM, Size: 9, Rows: []layout.Row{
		postcode("收件邮编", c.Postcode),
		row("收件地址", strings.TrimSpace(c.Address+" "+c.Office)),
		row("收件人", fmt.Sprintf("%s（%s）收　%s", c.Person, c.Department, c.Phone)),
		postcode("寄件邮编", a.Postcode),
		row("寄件人", sender),
		row("寄件地址", oneLine(a.Address)),
		{Cells: []layout.Cell{{Text: "内装：" + contents(call, d), Span: 2}}},
	}}
	note := "沿虚线剪下，贴在信封或快递单上。"
	if !call.Deadline.IsZero() {
		note += fmt.Sprintf("纸质件须于%s前%s。", forms.DateOf(call.Deadline).Chinese(), arrive)
	}
	if c.Postcode == "" {
		note += "收件人的邮政编码通知未载明，请查询后填入方格。"
	}
	return &layout.Document{
		Title:         "邮寄地址标签 — " + oneLine(d.Project.Name),
		NoPageNumbers: true,
		Blocks: []layout.Block{
			&layout.Heading{Text: "邮寄地址标签", Level: 1},
			&layout.Paragraph{Text: note, Size: 9},
			&layout.Spacer{MM: 4},
			label,
		},
	}
}

// paperStated reports whether the call states paper copies: its
// paper_copies or a declared document's copies.
func paperStated(call *forms.Call) bool {
	if call.PaperCopies > 0 {
		return true
	}
	for i := range call.Documents {
		if call.Documents[i].Copies > 0 {
			return true
		}
	}
	return false
}

// paperCopies is the number of sealed paper copies of the application
// (the first document): the call's paper_copies (which the rules and the
// e-mail cite), else the document's copies; at least one.
func paperCopies(call *forms.Call, names Names) int {
	if call.PaperCopies == 0 && len(names.Docs) > 0 && names.Docs[0].Copies > 0 {
		return names.Docs[0].Copies
	}
	return max(call.PaperCopies, 1)
}

// printStep says which files to print, how many copies each: the
// application alone, or every declared document that asks paper copies.
func printStep(names Names, copies int) string {
	if len(names.Extra()) == 0 {
		return fmt.Sprintf("用A4纸打印“%s”，共%d份。", names.PDF, copies)
	}
	var parts []string
	for i, x := range names.Docs {
		n := x.Copies
		if i == 0 {
			n = copies
		}
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s“%s”%d份", x.Title, x.PDF, n))
		}
	}
	return "用A4纸打印：" + strings.Join(parts, "；") + "。"
}

// mailFiles are the Word files that go by e-mail, quoted.
func mailFiles(names Names) string {
	if len(names.Extra()) == 0 {
		return "“" + names.DOCX + "”"
	}
	var fs []string
	for _, x := range names.Docs {
		if x.Email {
			fs = append(fs, "“"+x.DOCX+"”")
		}
	}
	if len(fs) == 0 {
		fs = append(fs, "“"+names.DOCX+"”")
	}
	return strings.Join(fs, "、")
}

// contents is what the envelope holds: each declared document with paper
// copies, and how many.
func contents(call *forms.Call, d *forms.Draft) string {
	names := NamesFor(call, d, 1)
	if len(names.Docs) == 0 {
		return fmt.Sprintf("项目申报书（纸质件%d份）", paperCopies(call, names))
	}
	var parts []string
	for i, x := range names.Docs {
		n := x.Copies
		if i == 0 {
			n = paperCopies(call, names)
		}
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s（纸质件%d份）", x.Title, n))
		}
	}
	return strings.Join(parts, "、")
}

// seals are where the applicant seals and signs, as the call declares its
// documents: the covers' seal fields and the opinion blocks.
type seals struct {
	where     []string // "封面“申报单位（公章）”处", "第六部分“申报单位意见”栏的“（公章）”处"
	applicant string   // the applicant's opinion block; "" when the call declares none
	joint     string   // the joint applicants' opinion block
}

func (s seals) places() string {
	switch len(s.where) {
	case 0:
		return "各份申报材料的盖章处"
	case 1:
		return s.where[0]
	}
	return strings.Join(s.where[:len(s.where)-1], "、") + "，以及" + s.where[len(s.where)-1]
}

func sealPlaces(call *forms.Call, d *forms.Draft) seals {
	cat := call.Category(d.Category)
	var out seals
	many := len(call.Documents) > 1
	for i := range call.Documents {
		doc := &call.Documents[i]
		in := ""
		if many {
			in = "“" + call.Expand(doc.Title, cat) + "”的"
		}
		if cv := doc.CoverDecl(); doc.Cover && cv.Asks("applicant") {
			out.where = append(out.where, fmt.Sprintf("%s封面“%s”处", in, call.Expand(cv.Label("applicant", "申报单位（公章）"), cat)))
		}
		for j := range doc.Sections {
			sec := &doc.Sections[j]
			if sec.Block != forms.BlockOpinions {
				continue
			}
			for _, o := range sec.Blocks {
				label := call.Expand(o.Label, cat)
				switch o.By {
				case forms.ByApplicant:
					out.applicant = label
					out.where = append(out.where, fmt.Sprintf("%s%s“%s”栏的“（公章）”处", in, partName(call.Expand(sec.Title, cat)), label))
				case forms.ByJoint:
					out.joint = label
				}
			}
		}
	}
	return out
}

// partName names a part by its printed title: "六、意见" is 第六部分.
func partName(title string) string {
	if num, _, ok := strings.Cut(title, "、"); ok && num != "" && strings.Trim(num, "一二三四五六七八九十") == "" {
		return "第" + num + "部分"
	}
	return "“" + title + "”部分"
}

// LabelWidthMM is the width of the address label's table: with its cut
// line 3 mm outside, 100 mm, the width of a thermal 快递单.
const LabelWidthMM = 94
