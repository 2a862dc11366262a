package aftercare

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"shenbao/forms"
	"shenbao/forms/docx"
	"shenbao/forms/layout"
	"shenbao/forms/pdfdoc"
	"shenbao/forms/usererr"
)

// Report documents, by the after-event item kind they are sent as.
var ReportKinds = []string{forms.ItemReport, forms.ItemResults, forms.ItemSummary, forms.ItemAccounts}

// ReportName is the Chinese name of a report document, used as its title
// and file name.
func ReportName(kind string) string {
	switch kind {
	case forms.ItemReport:
		return "信息报道稿"
	case forms.ItemResults:
		return "演讲比赛分赛场成绩"
	case forms.ItemSummary, forms.ItemReview:
		return "项目总结及学术观点综述"
	case forms.ItemAccounts:
		return "项目决算表"
	}
	return kind
}

// ReportTitle is a report document's title (and file name) as the call
// asks it of the draft: for the summary, with the review when the call asks
// both (2024: 项目总结及学术观点综述), else the one item's own name (“活动成果报告”).
func ReportTitle(call *forms.Call, d *forms.Draft, kind string) string {
	if kind == forms.ItemSummary || kind == forms.ItemReview {
		sum, rev := owedItem(call, d, forms.ItemSummary), owedItem(call, d, forms.ItemReview)
		switch {
		case sum != nil && rev == nil:
			return sum.Name
		case sum == nil && rev != nil:
			return rev.Name
		}
	}
	return ReportName(kind)
}

// owedItem is the draft's after-event item of a kind, nil when the call
// asks none of it.
func owedItem(call *forms.Call, d *forms.Draft, kind string) *forms.AfterItem {
	for _, ae := range call.AfterEvent {
		for _, it := range forms.AfterItemsFor(ae, d) {
			if it.Kind == kind {
				return &it
			}
		}
	}
	return nil
}

// PhotoLoader returns a stored photo's JPEG bytes.
type PhotoLoader func(forms.Photo) ([]byte, error)

// DraftPhotos loads photos from the files folder of the draft at draftPath.
func DraftPhotos(draftPath string) PhotoLoader {
	return func(p forms.Photo) ([]byte, error) { return ReadPhoto(draftPath, p) }
}

// Report builds the report document of a kind (ReportKinds) for a draft.
// photos is needed only for the information report.
func Report(kind string, call *forms.Call, d *forms.Draft, photos PhotoLoader, generated time.Time) (*layout.Document, error) {
	r := d.Reports
	if r == nil {
		r = &forms.AfterReports{}
	}
	var blocks []layout.Block
	var err error
	switch kind {
	case forms.ItemReport:
		blocks, err = infoBlocks(call, d, &r.Info, photos, generated)
	case forms.ItemResults:
		blocks = resultsBlocks(call, d, r.Results)
	case forms.ItemSummary, forms.ItemReview:
		blocks = summaryBlocks(call, d, r)
	case forms.ItemAccounts:
		blocks = accountsBlocks(call, d, r.Accounts)
	default:
		return nil, usererr.New(usererr.NotExist, "", nil, "没有“%s”这种会后材料", kind)
	}
	if err != nil {
		return nil, err
	}
	return &layout.Document{
		Title:  d.Project.Name + " " + ReportTitle(call, d, kind),
		Blocks: blocks,
		Footer: forms.Fingerprint(d, generated),
	}, nil
}

// WritePDF renders a report as PDF with the application's PDF writer.
func WritePDF(w io.Writer, kind string, call *forms.Call, d *forms.Draft, photos PhotoLoader, generated time.Time) error {
	doc, err := Report(kind, call, d, photos, generated)
	if err != nil {
		return err
	}
	return pdfdoc.Document(w, doc)
}

// WriteDOCX renders a report as a Word file with the application's writer.
func WriteDOCX(w io.Writer, kind string, call *forms.Call, d *forms.Draft, photos PhotoLoader, generated time.Time) error {
	doc, err := Report(kind, call, d, photos, generated)
	if err != nil {
		return err
	}
	return docx.Document(w, doc)
}

// title is a report's centred title lines.
func title(lines ...string) []layout.Block {
	var bs []layout.Block
	for i, l := range lines {
		size := 16.0
		if i > 0 {
			size = 12
		}
		bs = append(bs, &layout.Paragraph{Text: l, Align: layout.Center, Size: size, Bold: i == 0})
	}
	return append(bs, &layout.Spacer{MM: 4})
}

// projectTable is the table that opens every report: which project, which
// unit, when it was held.
func projectTable(call *forms.Call, d *forms.Draft) *layout.Table {
	start, end := d.Project.StartDate, d.Project.EndDate
	if s := d.Selection; s != nil && !s.ActualEnd.IsZero() {
		start, end = s.ActualStart, s.ActualEnd
	}
	when := start.Chinese()
	if end != start && !end.IsZero() {
		when += "至" + end.Chinese()
	}
	cat := layout.CategoryText(call, d)
	return &layout.Table{Widths: []float64{1, 3}, Rows: []layout.Row{
		{Cells: []layout.Cell{{Text: "项目名称", Label: true}, {Text: d.Project.Name}}},
		{Cells: []layout.Cell{{Text: "项目类别", Label: true}, {Text: cat}}},
		{Cells: []layout.Cell{{Text: "承办单位", Label: true}, {Text: d.Applicant.Name}}},
		{Cells: []layout.Cell{{Text: "举办时间", Label: true}, {Text: when}}},
		{Cells: []layout.Cell{{Text: "举办地点", Label: true}, {Text: strings.TrimSpace(d.Project.City + " " + d.Project.Place)}}},
	}}
}

// paragraphs splits a long text at line breaks into body paragraphs (empty
// lines dropped), each indented by two full-width spaces as Chinese prose is
// printed (the user's own leading spaces are replaced by it).
//
// A short line of its own numbered "一、" … "十、" (no sentence end) is
// the secretary's section heading: it prints as a heading, not indented.
func paragraphs(text string) []layout.Block {
	var bs []layout.Block
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if p = strings.TrimSpace(strings.Trim(p, "　")); p != "" {
			if sectionHeading(p) {
				bs = append(bs, &layout.Heading{Text: p, Level: 2})
				continue
			}
			bs = append(bs, &layout.Paragraph{Text: "　　" + p})
		}
	}
	return bs
}

// sectionHeading reports whether a line is a numbered section heading:
// "一、会议概况", "（二）主要成果".
func sectionHeading(p string) bool {
	rs := []rune(p)
	if len(rs) > 30 || strings.ContainsAny(p, "。；！？") {
		return false
	}
	i := 0
	if i < len(rs) && rs[i] == '（' {
		i++
	}
	j := i
	for j < len(rs) && strings.ContainsRune("一二三四五六七八九十", rs[j]) {
		j++
	}
	if j == i || j >= len(rs) {
		return false
	}
	if i == 1 {
		return rs[j] == '）' && j+1 < len(rs)
	}
	return rs[j] == '、' && j+1 < len(rs)
}

// PhotoWidthMM is the printed width of a landscape photo in the information
// report; portrait photos are limited to PhotoMaxHeightMM.
const (
	PhotoWidthMM     = 140
	PhotoMaxHeightMM = 120
)

func infoBlocks(call *forms.Call, d *forms.Draft, in *forms.InfoReport, photos PhotoLoader, generated time.Time) ([]layout.Block, error) {
	head := in.Title
	if strings.TrimSpace(head) == "" {
		head = d.Project.Name
	}
	bs := title(head)
	bs = append(bs, paragraphs(in.Text)...)
	// Who sends it, who wrote it (a line to write on when the form leaves
	// it blank), when: what an office that publishes the report asks for.
	// The character count is the form's check, not part of the report.
	author := oneLine(in.Author)
	if author == "" {
		author = layout.SignLine
	}
	bs = append(bs, &layout.Spacer{MM: 2}, &layout.Paragraph{Text: fmt.Sprintf("供稿单位：%s\n撰稿人：%s\n日期：%s",
		oneLine(d.Applicant.Name), author, forms.DateOf(generated).Chinese()), Align: layout.Right})
	for i, p := range in.Photos {
		if photos == nil {
			return nil, usererr.New(usererr.NotExist, "", nil, "导出信息报道稿需要照片文件")
		}
		data, err := photos(p)
		if err != nil {
			return nil, err
		}
		caption := fmt.Sprintf("图%d", i+1)
		if c := strings.TrimSpace(p.Caption); c != "" {
			caption += "　" + c
		}
		// A photo and its caption stay together; a photo that does not fit
		// below the text shrinks (to 60 %) rather than stand alone on a page.
		bs = append(bs, &layout.Spacer{MM: 4}, &layout.Image{JPEG: data, PixelWidth: p.Width, PixelHeight: p.Height,
			WidthMM: PhotoWidthMM, MaxHeightMM: PhotoMaxHeightMM, Caption: caption, MinScale: 0.6})
	}
	return bs, nil
}

// oneLine is a text on one line: line breaks become spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// scoreTexts prints scores with the same number of decimals, the most any
// of them has (at most 2): 93.25, 91.50, 88.00.
func scoreTexts(rows []forms.ResultRow) func(float64) string {
	dec := 0
	for _, r := range rows {
		s := forms.ScoreText(r.Score)
		if i := strings.IndexByte(s, '.'); i >= 0 {
			dec = max(dec, min(len(s)-i-1, 2))
		}
	}
	return func(v float64) string { return strconv.FormatFloat(v, 'f', dec, 64) }
}

// signBlock is the foot of a report an office signs and seals: the
// signers' lines, and room for a 42 mm seal over the date.
func signBlock(signers ...string) *layout.Table {
	var cells []layout.Cell
	for _, s := range signers {
		cells = append(cells, layout.Cell{Text: s + "：\n" + layout.SignLine})
	}
	cells = append(cells, layout.Cell{Text: "（承办单位公章）", Foot: []string{"年　　月　　日"}})
	ws := make([]float64, len(cells))
	for i := range ws {
		ws[i] = 1
	}
	return &layout.Table{Widths: ws, Rows: []layout.Row{{MinHeightMM: layout.SealMM + 6, Cells: cells}}}
}

func resultsBlocks(call *forms.Call, d *forms.Draft, rows []forms.ResultRow) []layout.Block {
	venue := layout.VenueText(call, d)
	bs := title(d.Project.Name, venue+"成绩")
	bs = append(bs, projectTable(call, d), &layout.Spacer{MM: 4})
	sorted := append([]forms.ResultRow(nil), rows...)
	score := scoreTexts(rows)
	forms.SortResults(sorted, forms.ByRank, false)
	t := &layout.Table{
		Widths: []float64{0.7, 1.1, 2.0, 1.6, 3.1, 1.2, 1.1},
		Header: []layout.Row{{Cells: []layout.Cell{{Text: "名次", Label: true}, {Text: "姓名", Label: true}, {Text: "单位", Label: true}, {Text: "学历层次", Label: true}, {Text: "演讲题目", Label: true}, {Text: "得分", Label: true}, {Text: "奖项", Label: true}}}},
	}
	for _, r := range sorted {
		rank := ""
		if r.Rank > 0 {
			rank = fmt.Sprint(r.Rank)
		}
		t.Rows = append(t.Rows, layout.Row{Cells: []layout.Cell{
			{Text: rank, Align: layout.Center}, {Text: r.Name, Align: layout.Center}, {Text: r.Unit}, {Text: r.Degree, Align: layout.Center},
			{Text: r.Title}, {Text: score(r.Score), Align: layout.Center}, {Text: r.Award, Align: layout.Center},
		}})
	}
	if len(t.Rows) == 0 {
		t.Rows = append(t.Rows, layout.Row{Cells: []layout.Cell{{Text: "（尚未填写成绩）", Span: 7, Align: layout.Center}}})
	}
	bs = append(bs, t, &layout.Paragraph{Text: fmt.Sprintf("参赛%d人。", len(rows))}, &layout.Spacer{MM: 4},
		&layout.KeepTogether{Blocks: []layout.Block{signBlock("评委会主任（签字）", "承办单位负责人（签字）")}})
	return bs
}

func summaryBlocks(call *forms.Call, d *forms.Draft, r *forms.AfterReports) []layout.Block {
	bs := title(d.Project.Name, ReportTitle(call, d, forms.ItemSummary))
	bs = append(bs, projectTable(call, d), &layout.Spacer{MM: 4})
	// The summary alone when the call asks no review (and the review
	// alone when it asks no summary): only what the call declares.
	sum, rev := owedItem(call, d, forms.ItemSummary), owedItem(call, d, forms.ItemReview)
	if sum != nil && rev == nil {
		return append(append(bs, textOrBlank(r.Summary)...), &layout.Spacer{MM: 6}, &layout.KeepTogether{Blocks: []layout.Block{signBlock("承办单位负责人（签字）", "填表人")}})
	}
	if sum == nil && rev != nil {
		return append(append(bs, textOrBlank(r.Review)...), &layout.Spacer{MM: 6}, &layout.KeepTogether{Blocks: []layout.Block{signBlock("承办单位负责人（签字）", "填表人")}})
	}
	// The program's two parts are 第一部分 and 第二部分, so that the
	// secretary's own 一、二、 headings inside them read as their sections.
	bs = append(bs, &layout.Heading{Text: "第一部分　项目总结", Level: 1})
	bs = append(bs, textOrBlank(r.Summary)...)
	h := "第二部分　与会人员学术观点综述"
	if r.Proceedings {
		h = "第二部分　论文汇编"
	}
	bs = append(bs, &layout.Heading{Text: h, Level: 1})
	bs = append(bs, textOrBlank(r.Review)...)
	// The summary is handed in signed and sealed, as the accounts are.
	bs = append(bs, &layout.Spacer{MM: 6}, &layout.KeepTogether{Blocks: []layout.Block{signBlock("承办单位负责人（签字）", "填表人")}})
	return bs
}

// textOrBlank is a typed text's paragraphs, or “（尚未填写）”.
func textOrBlank(text string) []layout.Block {
	if p := paragraphs(text); len(p) > 0 {
		return p
	}
	return []layout.Block{&layout.Paragraph{Text: "（尚未填写）"}}
}

func accountsBlocks(call *forms.Call, d *forms.Draft, fa *forms.FinalAccounts) []layout.Block {
	if fa == nil {
		fa = forms.NewFinalAccounts(d)
	}
	tot := fa.Totals(d)
	bs := title(d.Project.Name, "项目决算表")
	bs = append(bs, projectTable(call, d), &layout.Spacer{MM: 2},
		&layout.Paragraph{Text: fmt.Sprintf("批准%s：%s元（人民币大写：%s）　　　　单位：元", call.GrantName(), forms.Thousands(tot.Grant), forms.Capital(tot.Grant))},
		&layout.Spacer{MM: 2})
	t := &layout.Table{
		Widths: []float64{0.7, 2, 1.2, 1.2, 1.1, 1.1, 1.8},
		Header: []layout.Row{{Cells: []layout.Cell{{Text: "序号", Label: true}, {Text: "支出项目", Label: true}, {Text: "预算金额", Label: true}, {Text: "实际支出", Label: true}, {Text: "差额", Label: true}, {Text: "执行率", Label: true}, {Text: "说明", Label: true}}}},
	}
	for i, l := range fa.Lines {
		t.Rows = append(t.Rows, layout.Row{Cells: []layout.Cell{
			{Text: fmt.Sprint(i + 1), Align: layout.Center}, {Text: l.Item},
			{Text: forms.Thousands(l.Budgeted), Align: layout.Right}, {Text: forms.Thousands(l.Spent), Align: layout.Right},
			{Text: forms.SignedThousands(l.Difference()), Align: layout.Right}, {Text: forms.PercentText(l.Spent, l.Budgeted), Align: layout.Right},
			{Text: l.Note},
		}})
	}
	t.Rows = append(t.Rows, layout.Row{Cells: []layout.Cell{
		{Text: "合计", Label: true, Span: 2},
		{Text: forms.Thousands(tot.Budgeted), Align: layout.Right}, {Text: forms.Thousands(tot.Spent), Align: layout.Right},
		{Text: forms.SignedThousands(tot.Spent - tot.Budgeted), Align: layout.Right}, {Text: forms.PercentText(tot.Spent, tot.Budgeted), Align: layout.Right},
		{Text: ""},
	}})
	src := &layout.Table{
		Widths: []float64{2, 1.4, 3},
		Header: []layout.Row{{Cells: []layout.Cell{{Text: "经费来源", Label: true}, {Text: "实际金额", Label: true}, {Text: "说明", Label: true}}}},
		Rows: []layout.Row{
			{Cells: []layout.Cell{{Text: call.GrantName()}, {Text: forms.Thousands(fa.Provincial), Align: layout.Right}, {Text: grantNote(tot)}}},
			{Cells: []layout.Cell{{Text: "自筹经费"}, {Text: forms.Thousands(fa.SelfRaised), Align: layout.Right}, {Text: ""}}},
			{Cells: []layout.Cell{{Text: "其他经费"}, {Text: forms.Thousands(fa.Other), Align: layout.Right}, {Text: ""}}},
			{Cells: []layout.Cell{{Text: "合计", Label: true}, {Text: forms.Thousands(tot.Sources), Align: layout.Right}, {Text: sourcesNote(tot)}}},
		},
	}
	bs = append(bs, t, &layout.Spacer{MM: 4}, src)
	if n := strings.TrimSpace(fa.Note); n != "" {
		bs = append(bs, &layout.Spacer{MM: 2}, &layout.Paragraph{Text: "决算说明：" + n})
	}
	bs = append(bs, &layout.Spacer{MM: 6}, &layout.KeepTogether{Blocks: []layout.Block{signBlock("单位负责人（签字）", "财务负责人（签字）", "填表人")}})
	return bs
}

func grantNote(t forms.AccountTotals) string {
	switch {
	case t.GrantLeft > 0:
		return fmt.Sprintf("批准%s元，未列支%s元", forms.Thousands(t.Grant), forms.Thousands(t.GrantLeft))
	case t.GrantLeft < 0:
		return fmt.Sprintf("超过批准额%s元，请核对", forms.Thousands(-t.GrantLeft))
	}
	return "批准额已全部列支"
}

func sourcesNote(t forms.AccountTotals) string {
	if t.Sources != t.Spent {
		return fmt.Sprintf("与实际支出合计%s元不符", forms.Thousands(t.Spent))
	}
	return "与实际支出合计相符"
}
