package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
)

// reviewScreen is the whole application on one scrollable page, laid out
// in the order of the printed form, with an edit link per section.
type reviewScreen struct {
	f       *formScreen
	content fyne.CanvasObject
	edit    map[string]*widget.Button // section id → its edit link
	summary *widget.Label
}

// onReview shows the review page of the open draft.
func (f *formScreen) onReview() {
	r := newReviewScreen(f)
	f.u.review = r
	f.u.setContent(r.content)
}

func newReviewScreen(f *formScreen) *reviewScreen {
	r := &reviewScreen{f: f, edit: map[string]*widget.Button{}}
	d, call, cat := f.d, f.u.call, f.cat
	back := widget.NewButtonWithIcon("返回修改", theme.NavigateBackIcon(), func() {
		f.u.review = nil
		f.u.setContent(f.content)
	})
	export := widget.NewButtonWithIcon("导出申报材料", theme.UploadIcon(), f.onExport)
	errs, warns := countFindings(f.findings)
	r.summary = widget.NewLabel("检查结果：" + countsText(errs, warns) + "。导出前请逐项核对；点“修改”回到表单的对应部分。")
	r.summary.Wrapping = fyne.TextWrapBreak
	switch {
	case errs > 0:
		r.summary.Importance = widget.DangerImportance
	case warns > 0:
		r.summary.Importance = widget.WarningImportance
	}

	page := container.NewVBox()
	catName := d.Category
	if cat != nil {
		catName = cat.Name
	}
	title := widget.NewLabelWithStyle(fmt.Sprintf("%d年度吉林省科协国内外学术交流项目\n项目申报书", call.Year), fyne.TextAlignCenter, fyne.TextStyle{})
	title.SizeName = theme.SizeNameHeadingText
	page.Add(title)

	add := func(id, heading string, rows [][2]string, extra ...fyne.CanvasObject) {
		grid := container.New(layout.NewFormLayout())
		for _, row := range rows {
			k := widget.NewLabelWithStyle(row[0], fyne.TextAlignTrailing, fyne.TextStyle{})
			v := widget.NewLabel(orDash(row[1]))
			v.Wrapping = fyne.TextWrapBreak
			grid.Add(k)
			grid.Add(v)
		}
		edit := widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), func() { r.onEdit(id) })
		r.edit[id] = edit
		h := widget.NewLabelWithStyle(heading, fyne.TextAlignLeading, fyne.TextStyle{})
		h.SizeName = theme.SizeNameSubHeadingText
		box := container.NewVBox(container.NewBorder(nil, nil, nil, edit, h), grid)
		for _, e := range extra {
			box.Add(e)
		}
		page.Add(widget.NewCard("", "", box))
	}
	venue := ""
	if cat != nil {
		if v := cat.Venue(d.Venue); v != nil {
			venue = "（" + v.Name + "）"
		}
	}
	joint := make([]string, len(d.Joint))
	for i, j := range d.Joint {
		joint[i] = j.Name
	}
	a := &d.Applicant
	add("cover", "封面", [][2]string{
		{"项目名称", d.Project.Name}, {"项目类别", catName + venue}, {"申报单位（公章）", a.Name},
		{"联合申报单位", strings.Join(joint, "、")}, {"联系人", a.Contact}, {"联系电话", joinNonEmpty("　", a.Mobile, a.Phone)},
		{"电子邮箱", a.Email}, {"申报日期", d.Cover.ApplyDate.Chinese()},
	})
	hon := make([]string, len(a.Honours))
	for i, h := range a.Honours {
		hon[i] = call.HonourName(h)
	}
	add("applicant", "一、申报单位基本情况", [][2]string{
		{"单位名称", a.Name}, {"单位类型", call.ApplicantTypeName(a.Type)}, {"统一社会信用代码", a.CreditCode},
		{"通讯地址", joinNonEmpty("　邮编 ", a.Address, a.Postcode)}, {"法定代表人（负责人）", joinNonEmpty("　", a.Leader, a.LeaderTitle)},
		{"联系人", joinNonEmpty("　", a.Contact, a.ContactTitle)}, {"年检合格", yesNo(a.AnnualInspection)},
		{"参加学会评价", yesNo(a.Evaluation2023)}, {"获得荣誉", strings.Join(hon, "、")},
	})
	p := &d.Project
	add("project", "二、项目基本情况", [][2]string{
		{"项目名称", p.Name}, {"主题", p.Theme}, {"时间", joinNonEmpty(" 至 ", p.StartDate.Chinese(), p.EndDate.Chinese())},
		{"地点", joinNonEmpty(" ", p.City, p.Place)}, {"活动形式", p.Form}, {"预计规模", scaleText(p)},
		{"主办/承办", p.Organisers}, {"协办", p.CoOrganisers}, {"项目简介", p.Summary},
		{"申请省科协资助", moneyText(p.RequestedAmount)},
	})
	if cat != nil {
		add("part3", "三、"+cat.ShortName+"专项内容", part3Rows(d), part3Tables(d)...)
	}
	agenda := [][]string{}
	for _, it := range d.Agenda {
		agenda = append(agenda, []string{it.Date.Chinese(), it.Time, it.Item, it.Speaker})
	}
	experts := [][]string{}
	for _, e := range d.Experts {
		experts = append(experts, []string{e.Name, e.Unit, e.Title, e.Topic})
	}
	add("agenda", "四、日程安排、邀请专家和预期成果", [][2]string{{"预期成果", d.ExpectedResults}, {"宣传计划", d.Publicity}},
		reviewTable("日程安排", []string{"日期", "时间", "内容", "报告人"}, agenda),
		reviewTable("邀请专家", []string{"姓名", "单位", "职称", "报告题目"}, experts))
	b := &d.Budget
	lines := [][]string{}
	for _, l := range b.Lines {
		lines = append(lines, []string{l.Item, forms.Thousands(l.Amount), l.Basis})
	}
	add("budget", "五、经费预算", [][2]string{
		{"预算总额", moneyText(b.Total)}, {"省科协资助", moneyText(b.Provincial)}, {"自筹经费", moneyText(b.SelfRaised)},
		{"其他经费", moneyText(b.Other) + joinNonEmpty("", "", b.OtherNote)},
	}, reviewTable("支出明细（元）", []string{"支出项目", "金额", "测算依据"}, lines))
	add("opinions", "六、意见", [][2]string{
		{"申报单位意见", d.Opinions.Applicant}, {"负责人签字", d.Opinions.Signer}, {"", "（公章）　　年　月　日"},
		{"省科协审核意见", "（由省科协填写）"},
	})
	top := container.NewVBox(container.NewBorder(nil, nil, back, export, widget.NewLabelWithStyle("审阅全文（按打印的申报书排列）", fyne.TextAlignCenter, fyne.TextStyle{})), r.summary, widget.NewSeparator())
	r.content = container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewPadded(page)))
	return r
}

// onEdit goes back to the form at a section's first field.
func (r *reviewScreen) onEdit(id string) {
	f := r.f
	f.u.review = nil
	f.u.setContent(f.content)
	for _, s := range f.sections {
		if s.id == id {
			f.jump(s.first)
			return
		}
	}
}

func part3Rows(d *forms.Draft) [][2]string {
	switch d.Category {
	case "annual":
		p := d.AnnualMeeting
		return [][2]string{{"对应领域", p.FocusArea}, {"与年会主题的关联", p.ThemeLink}, {"会前调研计划", p.ResearchPlan}, {"调研成果形式", p.ExpectedOutput}}
	case "forum":
		p := d.Forum
		return [][2]string{{"论坛专题", p.Topic}, {"论文征集办法", p.CallForPapers}, {"第一作者限投1篇", yesNo(p.OnePaperRule)}, {"论文作者优先参会", yesNo(p.AuthorsFirst)}}
	case "speech":
		p := d.Speech
		return [][2]string{{"参赛者推荐办法", p.Recruitment}, {"提交演讲提纲PPT", yesNo(p.MaterialsPPT)}, {"提交演讲依据论文", yesNo(p.MaterialsPaper)}}
	case "basic":
		p := d.Basic
		return [][2]string{{"学科", p.Discipline}, {"学科类型", p.DisciplineKind}, {"邀请方式", p.Invitation}}
	case "intl":
		return [][2]string{{"研讨的未来发展议题", d.International.FutureTopics}}
	}
	return nil
}

func part3Tables(d *forms.Draft) []fyne.CanvasObject {
	people := func(title string, ps []forms.Person) fyne.CanvasObject {
		rows := [][]string{}
		for _, p := range ps {
			rows = append(rows, []string{p.Name, p.Unit, p.Title, p.Role})
		}
		return reviewTable(title, []string{"姓名", "单位", "职称/职务", "分工"}, rows)
	}
	switch d.Category {
	case "annual":
		return []fyne.CanvasObject{people("会前专家组", d.AnnualMeeting.ExpertGroup)}
	case "forum":
		return []fyne.CanvasObject{people("评审委员会", d.Forum.ReviewCommittee)}
	case "speech":
		return []fyne.CanvasObject{people("评委会", d.Speech.JudgingCommittee)}
	case "basic":
		return []fyne.CanvasObject{people("学术召集人", d.Basic.Conveners)}
	case "intl":
		rows := [][]string{}
		for _, e := range d.International.ForeignExperts {
			rows = append(rows, []string{e.Name, e.Country, e.Institution, e.Title, yesNo(e.Academician), e.TalkTitle})
		}
		return []fyne.CanvasObject{reviewTable("邀请的国外院士、专家", []string{"姓名", "国家", "机构", "职称", "院士", "报告题目"}, rows)}
	}
	return nil
}

// reviewTable is a read-only table with a header row.
func reviewTable(title string, headers []string, rows [][]string) fyne.CanvasObject {
	grid := container.NewGridWithColumns(len(headers))
	for _, h := range headers {
		grid.Add(widget.NewLabelWithStyle(h, fyne.TextAlignLeading, fyne.TextStyle{}))
	}
	for _, r := range rows {
		for _, c := range r {
			l := widget.NewLabel(orDash(c))
			l.Wrapping = fyne.TextWrapBreak
			grid.Add(l)
		}
	}
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{})
	if len(rows) == 0 {
		return container.NewVBox(head, widget.NewLabel("（未填写）"))
	}
	return container.NewVBox(head, grid)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

func moneyText(n int64) string {
	return fmt.Sprintf("%s 元（%s）", forms.Thousands(n), forms.Capital(n))
}

func scaleText(p *forms.Project) string {
	s := fmt.Sprintf("%d 人", p.Participants)
	if p.Papers > 0 {
		s += fmt.Sprintf("，征集论文 %d 篇", p.Papers)
	}
	return s
}
