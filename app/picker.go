package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
)

// pickerScreen chooses the category of a new draft (or of the sample to
// open) and shows that category's rules at a glance.
type pickerScreen struct {
	u       *ui
	content fyne.CanvasObject
	sample  bool

	cats     *widget.List
	selected *forms.Category
	heading  *widget.Label
	rules    *widget.Form
	ruleText map[string]*widget.Label

	createBtn, sampleBtn, backBtn *widget.Button
}

// ruleRows are the headings of the rules card, in order.
var ruleRows = []string{"立项数量", "资助额度", "完成时间", "申报单位", "规模要求", "必备内容", "每个单位"}

func newPickerScreen(u *ui, sample bool) *pickerScreen {
	p := &pickerScreen{u: u, sample: sample, ruleText: map[string]*widget.Label{}}
	call := u.call
	p.cats = widget.NewList(
		func() int { return len(call.Categories) },
		func() fyne.CanvasObject {
			return widget.NewLabel(longestName(call))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := call.Categories[i]
			o.(*widget.Label).SetText(c.Name)
		})
	p.cats.OnSelected = func(i widget.ListItemID) { p.onSelect(&call.Categories[i]) }
	p.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{})
	p.heading.SizeName = theme.SizeNameSubHeadingText
	p.heading.Truncation = fyne.TextTruncateEllipsis
	p.rules = widget.NewForm()
	for _, r := range ruleRows {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapBreak
		p.ruleText[r] = l
		p.rules.Append(r, l)
	}
	p.createBtn = widget.NewButtonWithIcon("新建空白申报书", theme.ContentAddIcon(), p.onCreate)
	p.sampleBtn = widget.NewButtonWithIcon("打开这一类的示例", theme.DocumentIcon(), p.onSample)
	if sample {
		p.sampleBtn.Importance = widget.HighImportance
	} else {
		p.createBtn.Importance = widget.HighImportance
	}
	p.backBtn = widget.NewButtonWithIcon("返回草稿列表", theme.NavigateBackIcon(), u.showStart)
	intro := "选择项目类别："
	if sample {
		intro = "选择要看的示例的类别（示例按通知要求填写完整，可以直接改成自己的申报书）："
	}
	introLabel := widget.NewLabel(intro)
	introLabel.Wrapping = fyne.TextWrapBreak
	left := container.NewBorder(introLabel, nil, nil, nil, p.cats)
	right := container.NewBorder(p.heading, container.NewHBox(p.createBtn, p.sampleBtn), nil, nil, container.NewVScroll(p.rules))
	split := container.NewHSplit(left, container.NewPadded(right))
	split.Offset = 0.36
	p.content = container.NewBorder(container.NewHBox(p.backBtn), nil, nil, nil, split)
	p.cats.Select(0)
	return p
}

// onSelect shows a category's rules.
func (p *pickerScreen) onSelect(c *forms.Category) {
	p.selected = c
	call := p.u.call
	heading := c.Name
	if c.Clause != "" {
		heading += "（通知 " + c.Clause + "）"
	}
	p.heading.SetText(heading)
	win := "通知未规定"
	if c.HasWindow() {
		win = fmt.Sprintf("%s（%s至%s）", c.WindowText, forms.DateOf(c.WindowStart).Chinese(), forms.DateOf(c.WindowEnd).Chinese())
		if c.WindowPreferred {
			win += "期间的活动优先考虑"
		}
	}
	types := make([]string, len(c.Eligible))
	for i, t := range c.Eligible {
		types[i] = call.ApplicantTypeName(t)
		if c.NeedsGraduateTraining(t) && !strings.Contains(types[i], "研究生培养资格") {
			types[i] += "（须有研究生培养资格）"
		}
	}
	elig := strings.Join(types, "、")
	if len(types) == 0 {
		elig = "通知未限定"
	}
	if c.JointEncouraged {
		partners := c.JointWithText
		if names := strings.Join(typeNamesOf(call, c.JointWith), "、"); names != "" {
			partners = names
		}
		elig += "；鼓励与" + partners + "联合申报"
	}
	var scale []string
	if c.MinParticipants > 0 {
		scale = append(scale, fmt.Sprintf("参会人员%d人以上", c.MinParticipants))
	}
	if c.MinPapers > 0 {
		scale = append(scale, fmt.Sprintf("征集论文%d篇以上", c.MinPapers))
	}
	if c.MaxParticipants > 0 {
		scale = append(scale, fmt.Sprintf("不超过%d人", c.MaxParticipants))
	}
	for i := range c.Part.Fields {
		fd := &c.Part.Fields[i]
		switch {
		case fd.Kind == forms.KindTable && fd.Count > 0:
			scale = append(scale, fmt.Sprintf("%s%d名", fd.Label, fd.Count))
		case fd.Kind == forms.KindTable && fd.Min != nil && *fd.Min > 0:
			scale = append(scale, fmt.Sprintf("%s至少%d名", fd.Label, *fd.Min))
		}
	}
	if len(c.FormsAllowed) > 0 {
		scale = append(scale, "形式："+strings.Join(c.FormsAllowed, "、"))
	}
	if len(scale) == 0 {
		scale = append(scale, "按通知要求")
	}
	funding := c.FundingText()
	if funding == "" {
		funding = "通知未规定（不申请资助金额）"
	}
	if c.WinnersSupport > 0 {
		funding += fmt.Sprintf("（决赛另有%s元获奖者交流经费由%s统筹，不由申报单位申请）", forms.Thousands(c.WinnersSupport), call.Funder())
	}
	content := "—"
	if len(c.RequiredContent) > 0 {
		content = "· " + strings.Join(c.RequiredContent, "\n· ")
	}
	set := func(k, v string) { p.ruleText[k].SetText(v) }
	quota := c.QuotaText()
	if quota == "" {
		quota = "通知未规定"
	}
	set("立项数量", quota)
	set("资助额度", funding)
	set("完成时间", win)
	set("申报单位", elig)
	set("规模要求", strings.Join(scale, "；"))
	set("必备内容", content)
	set("每个单位", perUnitText(call))
	p.rules.Refresh()
}

// onCreate makes an empty draft of the chosen category, saves it at once in
// the drafts folder (so it is never only in memory) and opens it.
func (p *pickerScreen) onCreate() {
	u := p.u
	if p.selected == nil {
		return
	}
	d := forms.NewDraft(u.call, p.selected.ID)
	d.Cover.ApplyDate = applyDateToday(u.call, u.now())
	path := newDraftPath(u.draftsDir(), p.selected, u.now())
	if err := forms.Save(path, d, u.now()); err != nil {
		u.showError("无法创建申报书", err)
		return
	}
	u.showForm(path, d, false)
}

// onSample opens the sample of the chosen category from the program: it is
// written afresh into the program's own folder (never the drafts folder,
// so it counts in no quota), marked 示例, and becomes a draft of the
// secretary's only through 以此为模板新建.
func (p *pickerScreen) onSample() {
	u := p.u
	if p.selected == nil {
		return
	}
	u.leaveForm(func() { u.openSample(p.selected) })
}

// longestName is the longest category name of a call: the list's rows are
// sized for it.
func longestName(call *forms.Call) string {
	n := ""
	for _, c := range call.Categories {
		if len([]rune(c.Name)) > len([]rune(n)) {
			n = c.Name
		}
	}
	return n
}

// applyDateToday is the 申报日期 a new draft starts with: today, while the
// call is open. After its deadline the program fills in nothing (待填)
// rather than a date of its own that its check calls wrong, red, in a
// draft nobody has typed into yet.
func applyDateToday(call *forms.Call, now time.Time) forms.Date {
	today := forms.DateOf(now)
	if !call.Deadline.IsZero() && today.After(forms.DateOf(call.Deadline)) {
		return forms.Date{}
	}
	return today
}

// typeNamesOf are the names of applicant type IDs.
func typeNamesOf(call *forms.Call, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = call.ApplicantTypeName(id)
	}
	return out
}

// perUnitText is the call's per-unit limits as the picker states them.
func perUnitText(call *forms.Call) string {
	var parts []string
	clause := ""
	if call.MaxPerCategory > 0 {
		r, _ := forms.RuleByID(call, forms.RuleQuotaCategory)
		parts, clause = append(parts, fmt.Sprintf("同类项目限报%d项", call.MaxPerCategory)), r.Clause
	}
	if call.MaxTotal > 0 {
		r, _ := forms.RuleByID(call, forms.RuleQuotaTotal)
		if call.MaxPerCategory > 0 {
			parts = append(parts, fmt.Sprintf("各类合计不超过%d项", call.MaxTotal))
		} else {
			parts = append(parts, r.Summary)
		}
		clause = r.Clause
	}
	if len(parts) == 0 {
		return "通知未限定"
	}
	text := strings.Join(parts, "，")
	if clause != "" {
		text += "（通知 " + clause + "）"
	}
	return text
}
