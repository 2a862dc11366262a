package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms/notice"
)

// noticeScreen shows a notice beside the call it proposes: the notice's
// sentences on the left, the facts on the right as a form, each with where
// it comes from; 原文 selects the fact's sentence and highlights its words.
// The secretary corrects what is wrong and saves: the call folder is
// written and imported.
type noticeScreen struct {
	u       *ui
	p       *notice.Proposal
	name    string // the notice's file name, or 粘贴的通知正文
	dir     string // where the call folder is written
	content fyne.CanvasObject

	sentences *widget.List
	quote     *widget.RichText // the selected sentence, the fact's words highlighted
	summary   *widget.Label
	rows      map[string]*noticeFactRow
	parts     map[string]*widget.Select // category ID → where its part of the form comes from
	saveBtn   *widget.Button
	cancelBtn *widget.Button
}

// noticeFactRow is one fact of the form.
type noticeFactRow struct {
	key   string
	entry *widget.Entry
	src   *widget.Button // 原文: select the fact's sentence
	was   string         // the value proposed, to tell a correction
}

// showNoticeText reads a notice's text with the current call as base and
// shows it beside its proposal; dir is where the call folder will go.
func (u *ui) showNoticeText(text, name, dir string) *noticeScreen {
	p, err := notice.Read(text, u.call)
	if err != nil {
		u.ask("无法从通知生成申报通知文件", name+"："+err.Error(), choice{label: "确定", important: true})
		return nil
	}
	s := newNoticeScreen(u, p, name, dir)
	u.setContent(s.content)
	return s
}

func newNoticeScreen(u *ui, p *notice.Proposal, name, dir string) *noticeScreen {
	s := &noticeScreen{u: u, p: p, name: name, dir: dir, rows: map[string]*noticeFactRow{}, parts: map[string]*widget.Select{}}
	title := widget.NewLabel(fmt.Sprintf("从通知生成%d年度的申报通知：%s", p.Call.Year, name))
	title.SizeName = theme.SizeNameSubHeadingText
	title.Truncation = fyne.TextTruncateEllipsis
	s.summary = widget.NewLabel(fmt.Sprintf("%d个类别；通知原文 %d 项，取自%d年度通知 %d 项（本年通知没有重述），未识别 %d 项。请对照左边的通知逐项核对，改正后点“保存并使用”。",
		len(p.Call.Categories), p.Count(notice.Found), p.Filler.Year, p.Count(notice.FromBase), p.Count(notice.Unrecognized)))
	s.summary.Wrapping = fyne.TextWrapBreak

	s.sentences = widget.NewList(func() int { return len(p.Sentences) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(p.Sentences[i].Clause + "　" + p.Sentences[i].Text)
		})
	s.quote = widget.NewRichText()
	s.quote.Wrapping = fyne.TextWrapBreak
	s.sentences.OnSelected = func(i widget.ListItemID) {
		if s.quote.String() == "" || !strings.Contains(s.quote.String(), p.Sentences[i].Text) {
			s.setQuote(p.Sentences[i].Clause, p.Sentences[i].Text, "")
		}
	}
	left := container.NewBorder(widget.NewLabelWithStyle("通知原文", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), s.quote, nil, nil, s.sentences)

	form := container.NewVBox()
	var items []*widget.FormItem
	group := ""
	flush := func() {
		if len(items) > 0 {
			form.Add(widget.NewForm(items...))
			items = nil
		}
	}
	for _, f := range p.Facts {
		if g := factGroup(f.Key); g != group {
			flush()
			group = g
			head := widget.NewLabelWithStyle(groupTitle(p, g), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			if p.Call.Category(g) != nil {
				form.Add(container.NewBorder(nil, nil, head, s.partSelect(g)))
			} else {
				form.Add(head)
			}
		}
		items = append(items, s.factItem(f))
	}
	flush()
	if ch := p.Changes(); len(ch) > 0 {
		l := widget.NewLabel(strings.Join(ch, "\n"))
		l.Wrapping = fyne.TextWrapBreak
		form.Add(widget.NewAccordion(widget.NewAccordionItem(fmt.Sprintf("与%d年度通知相比的变化（%d 处）", p.Filler.Year, len(ch)), l)))
	}
	s.saveBtn = widget.NewButtonWithIcon("保存并使用", theme.DocumentSaveIcon(), func() { s.save() })
	s.saveBtn.Importance = widget.HighImportance
	s.cancelBtn = widget.NewButton("取消", u.showStart)
	right := container.NewBorder(s.summary, container.NewHBox(s.saveBtn, s.cancelBtn), nil, nil, container.NewVScroll(form))
	split := container.NewHSplit(left, right)
	split.Offset = 0.42
	s.content = container.NewBorder(title, nil, nil, nil, split)
	return s
}

// noPart is the choice of no part of the form of its own.
const noPart = "（无专项内容）"

// partSelect chooses which of last year's categories a category takes its
// part of the form (第三部分) from.
func (s *noticeScreen) partSelect(catID string) fyne.CanvasObject {
	fl := s.p.Filler
	opts := []string{noPart}
	for _, c := range fl.Categories {
		opts = append(opts, c.Name)
	}
	sel := widget.NewSelect(opts, nil)
	sel.SetSelected(noPart)
	if fc := fl.Category(s.p.PartFrom(catID)); fc != nil {
		sel.SetSelected(fc.Name)
	}
	sel.OnChanged = func(name string) {
		id := ""
		for _, c := range fl.Categories {
			if c.Name == name {
				id = c.ID
			}
		}
		if err := s.p.UsePart(catID, id); err != nil {
			s.u.showError("无法改用该专项内容", err)
		}
	}
	s.parts[catID] = sel
	return container.NewHBox(widget.NewLabel("专项内容（第三部分）取自："), sel)
}

// factGroup is the part of the call a fact belongs to: a category, or the
// rules common to all.
func factGroup(key string) string {
	if rest, ok := strings.CutPrefix(key, "categories."); ok {
		id, _, _ := strings.Cut(rest, ".")
		return id
	}
	if strings.HasPrefix(key, "soft.") {
		return "soft"
	}
	return ""
}

func groupTitle(p *notice.Proposal, g string) string {
	switch g {
	case "":
		return "通用要求、截止时间和联系方式"
	case "soft":
		return "软性要求（原则上、优先、鼓励、一般：宜为警告或提示）"
	}
	if c := p.Call.Category(g); c != nil {
		return c.Clause + " " + c.Name
	}
	return g
}

// factItem is a fact as a form row: its value (editable when Set can
// change it), where it comes from as the hint, and 原文.
func (s *noticeScreen) factItem(f notice.Fact) *widget.FormItem {
	r := &noticeFactRow{key: f.Key, was: s.p.Value(f.Key)}
	r.entry = widget.NewEntry()
	r.entry.SetText(r.was)
	switch {
	case f.Status == notice.Unrecognized:
		r.entry.SetPlaceHolder("未识别：请按通知填写")
	case !s.p.Editable(f.Key):
		r.entry.SetText(f.Value)
		r.entry.Disable()
	}
	r.src = widget.NewButtonWithIcon("", theme.SearchIcon(), func() { s.showFact(f.Key) })
	if f.Sentence == "" {
		r.src.Disable()
	}
	s.rows[f.Key] = r
	label := f.Label
	if g := factGroup(f.Key); g != "" && g != "soft" {
		if c := s.p.Call.Category(g); c != nil {
			label = strings.TrimPrefix(label, c.Name+" ")
		}
	}
	return &widget.FormItem{Text: label, Widget: container.NewBorder(nil, nil, nil, r.src, r.entry), HintText: factHint(f)}
}

// factHint says where a fact comes from.
func factHint(f notice.Fact) string {
	switch f.Status {
	case notice.FromBase:
		return "取自基础通知：本年通知没有重述，请确认"
	case notice.Unrecognized:
		return "未识别：通知中没有找到，不写入文件（不写的事项程序不检查）；通知确有规定的请填上"
	}
	h := "通知 " + f.Clause + "：" + f.Text
	if f.Soft != "" {
		h += "（“" + f.Soft + "”：宜为" + f.Severity.SeverityName() + "）"
	}
	if f.Note != "" {
		h += "；" + f.Note
	}
	return h
}

// showFact selects the fact's sentence in the notice and highlights the
// words the value was read from.
func (s *noticeScreen) showFact(key string) {
	f := s.p.Fact(key)
	if f == nil {
		return
	}
	if f.Index >= 0 {
		s.setQuote(f.Clause, f.Sentence, f.Text)
		s.sentences.Select(f.Index)
		s.sentences.ScrollTo(f.Index)
		return
	}
	s.sentences.UnselectAll()
	s.setQuote(f.Clause, f.Sentence, f.Text)
}

// setQuote shows a sentence with its clause, the words highlighted.
func (s *noticeScreen) setQuote(clause, sentence, words string) {
	segs := []widget.RichTextSegment{&widget.TextSegment{Text: "通知 " + clause + "：", Style: widget.RichTextStyleStrong}}
	before, after, ok := strings.Cut(sentence, words)
	if words == "" || !ok {
		segs = append(segs, &widget.TextSegment{Text: sentence, Style: widget.RichTextStyleInline})
	} else {
		hl := widget.RichTextStyleStrong
		hl.ColorName = theme.ColorNamePrimary
		for _, seg := range []struct {
			text  string
			style widget.RichTextStyle
		}{{before, widget.RichTextStyleInline}, {words, hl}, {after, widget.RichTextStyleInline}} {
			if seg.text != "" {
				segs = append(segs, &widget.TextSegment{Text: seg.text, Style: seg.style})
			}
		}
	}
	s.quote.Segments = segs
	s.quote.Refresh()
}

// highlighted is the highlighted words of the quote ("" when none).
func (s *noticeScreen) highlighted() string {
	for _, seg := range s.quote.Segments {
		if t, ok := seg.(*widget.TextSegment); ok && t.Style.ColorName == theme.ColorNamePrimary {
			return t.Text
		}
	}
	return ""
}

// save applies the corrections, writes the call folder and imports it; it
// returns the file written ("" when something must be fixed first).
func (s *noticeScreen) save() string {
	var problems []string
	for _, f := range s.p.Facts {
		r := s.rows[f.Key]
		if r == nil || r.entry.Disabled() || r.entry.Text == r.was {
			continue
		}
		if err := s.p.Set(f.Key, r.entry.Text); err != nil {
			problems = append(problems, err.Error())
			continue
		}
		r.was = r.entry.Text
	}
	if len(problems) > 0 {
		s.u.ask("请先改正", strings.Join(problems, "\n"), choice{label: "确定", important: true})
		return ""
	}
	out, err := writeNewCallFolder(s.dir, s.p)
	if err != nil {
		s.u.ask("无法写出申报通知文件", err.Error()+"\n\n请把通知文件复制到可以写入的文件夹（如“文档”）后再试。", choice{label: "确定", important: true})
		return ""
	}
	if !s.u.importCallFile(out) {
		return out
	}
	s.u.showStart()
	s.u.ask("已生成申报通知文件", savedText(s.p, out), choice{label: "确定", important: true})
	return out
}

// savedText is what the window says once the call is saved and used.
func savedText(p *notice.Proposal, out string) string {
	var missing []string
	for _, f := range p.Facts {
		if f.Status == notice.Unrecognized {
			missing = append(missing, f.Label)
		}
	}
	msg := fmt.Sprintf("已生成%d年度的申报通知文件，并已改用它：\n%s\n\n%d个类别；通知原文 %d 项，已校正 %d 项，取自%d年度通知 %d 项，未识别 %d 项。",
		p.Call.Year, out, len(p.Call.Categories), p.Count(notice.Found), p.Count(notice.Edited), p.Filler.Year, p.Count(notice.FromBase), len(missing))
	if len(missing) > 0 {
		if len(missing) > 8 {
			missing = append(missing[:8], "…")
		}
		msg += "\n未识别：" + strings.Join(missing, "、") + "（没有写入文件，文件中已注明；通知确有规定的请补上）。"
	}
	if p.Base == "" {
		msg += fmt.Sprintf("\n申报书的格式和各类别的专项内容取自%d年度的内置通知，请对照通知的附件核对。", p.Filler.Year)
	}
	if len(p.Removed) > 0 {
		msg += "\n本年通知中没有的往年类别：" + strings.Join(p.Removed, "、") + "。"
	}
	if len(p.NotCarried) > 0 {
		msg += "\n基础通知中没有带入的规则或类别组：" + strings.Join(p.NotCarried, "；") + "。"
	}
	return msg + "\n\n每项的出处写在文件的注释里；这个文件夹可以直接发给同事导入。"
}

// onPasteNotice takes a notice's text pasted into a box (from a web page).
func (u *ui) onPasteNotice() { u.pasteNotice() }

// pasteNotice asks for the text and returns the box it is pasted into.
func (u *ui) pasteNotice() *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.SetPlaceHolder("在网页上全选通知正文、复制，粘贴到这里")
	e.SetMinRowsVisible(10)
	u.askWith("粘贴通知正文", "把今年申报通知的正文粘贴到下面（保留“一、”“（一）”“1．”等条款编号），然后点“读取”。", e,
		choice{label: "读取", important: true, fn: func() {
			u.showNoticeText(e.Text, "粘贴的通知正文", filepath.Join(u.draftsDir(), "申报通知"))
		}},
		choice{label: "取消"},
	)
	return e
}
