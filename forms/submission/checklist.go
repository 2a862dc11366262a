package submission

import (
	"fmt"
	"strings"
	"time"

	"shenbao/forms"
	"shenbao/forms/layout"
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
	copies := max(call.PaperCopies, 1)
	signer := firstNonEmpty(strings.TrimSpace(d.Opinions.Signer), strings.TrimSpace(d.Applicant.Leader), "申报单位负责人")
	// The notice's clauses the checklist cites, from the call's [clauses]
	// as package forms cites them in its rules.
	cl := call.Clauses
	clauseSubmit, clauseAfterEvent, secret := cl.Submission, cl.AfterEvent, cl.Confidential

	var s []Step
	s = append(s, Step{"核对", fmt.Sprintf("纸质件与Word文件封面之后每页页脚的“%s”应一致（二者内容相同）。", forms.Fingerprint(d, generated)), ""})
	s = append(s, Step{"打印", fmt.Sprintf("用A4纸打印“%s”，共%d份。", names.PDF, copies), clauseSubmit})
	s = append(s, Step{"盖章", "在封面“申报单位（公章）”处，以及第六部分“申报单位意见”栏的“（公章）”处，加盖申报单位公章。", ""})
	sign := fmt.Sprintf("由负责人（%s）在“申报单位意见”栏的“负责人（签字）”处签字，并填写年、月、日", signer)
	if len(d.Joint) > 0 {
		var names []string
		for _, j := range d.Joint {
			names = append(names, oneLine(j.Name))
		}
		sign += fmt.Sprintf("；%s在“联合申报单位意见”栏签字、盖章", strings.Join(names, "、"))
	}
	s = append(s, Step{"签字", sign + "。", ""})
	if d.Confidential {
		why := "本申报书已声明涉及保密内容"
		if n := oneLine(d.ConfidentialNote); n != "" {
			why += "（" + n + "）"
		}
		s = append(s, Step{"不发电子邮件", fmt.Sprintf("%s。按通知%s，%s，因此本材料包没有生成电子邮件草稿，也不要把申报书通过电子邮件、网盘或聊天软件发送。请在报送前先告知%s（%s，电话 %s），电子版如何提交请按其要求办理，并报送纸质件。",
			why, secret, ruleSummary(call, forms.RuleConfidential), c.Department, c.Person, c.Phone), secret})
	} else {
		// Both ways: the draft where a mail program sends it as it is, and
		// by hand in web mail, everything to type given.
		mailLine := fmt.Sprintf("将Word文档“%s”发送至 %s（%s）。\n网页邮箱（163、QQ等）：收件人 %s，主题“%s”，附件“%s”。",
			names.DOCX, c.Email, c.Department, c.Email, Subject(call, d), names.DOCX)
		if names.EML != "" {
			mailLine += fmt.Sprintf("\n邮件程序：双击“%s”（已附该文档），Windows版Outlook打开即为待发邮件，核对后发送；Foxmail、Apple Mail等若打开为收到的邮件，请用“再次发送”或按网页邮箱办法发送。", names.EML)
		}
		s = append(s, Step{"发送电子版", mailLine, clauseSubmit})
	}
	post := fmt.Sprintf("将盖章、签字后的纸质件%d份邮寄或送达：%s %s（收件人：%s，电话 %s）。申报截止时间为%s", copies, c.Address, c.Office, c.Person, c.Phone, dl)
	if call.PostedMustArrive {
		post += "；邮寄须确保在此时间前寄达（以寄达为准，不是寄出日期），请预留路上时间"
	}
	post += fmt.Sprintf("。信封地址可用“%s”。", names.Envelope)
	s = append(s, Step{"报送纸质件", post, cl.Posted()})
	if !d.Confidential {
		s = append(s, Step{"保密", fmt.Sprintf("本申报书未声明涉及保密内容。如含保密内容，须事先告知%s，且不得通过互联网传送（请勾选“涉及保密内容”后重新导出）。", c.Department), secret})
	}
	s = append(s, Step{"申报限额", fmt.Sprintf("每个单位在同类项目中只能申报%d项，总计不超过%d项。本单位如还申报其他类别，请核对总数。", call.MaxPerCategory, call.MaxTotal), clauseSubmit})
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
		s = append(s, Step{fmt.Sprintf("完成后%d日内", ae.Days), "项目完成后" + fmt.Sprint(ae.Days) + "日内报送：" + strings.Join(names, "；") + "。", clauseAfterEvent})
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
			"申报截止：" + forms.DateOf(call.Deadline).Chinese() + "（纸质件须在此前寄达或送达）",
			fmt.Sprintf("受理部门：%s，联系人 %s，电话 %s，邮箱 %s", call.Contact.Department, call.Contact.Person, call.Contact.Phone, call.Contact.Email),
		}, "\n")},
	)
	if d.Confidential {
		doc.Blocks = append(doc.Blocks, &layout.Paragraph{Text: fmt.Sprintf("【涉及保密内容】本申报书已声明涉及保密内容：按通知%s，%s。本材料包不含电子邮件草稿，请只报送纸质件，并事先告知%s。",
			call.Clauses.Confidential, ruleSummary(call, forms.RuleConfidential), call.Contact.Department)})
	}
	// Set a little smaller than the body (9.5 pt), so that a checklist
	// with both ways of e-mailing still fits one sheet.
	t := &layout.Table{
		Size:   9.5,
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
	return doc
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
	copies := max(call.PaperCopies, 1)
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
		{Cells: []layout.Cell{{Text: fmt.Sprintf("内装：项目申报书（纸质件%d份）", copies), Span: 2}}},
	}}
	note := fmt.Sprintf("沿虚线剪下，贴在信封或快递单上。纸质件须于%s前%s。", forms.DateOf(call.Deadline).Chinese(), arrive)
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

// LabelWidthMM is the width of the address label's table: with its cut
// line 3 mm outside, 100 mm, the width of a thermal 快递单.
const LabelWidthMM = 94
