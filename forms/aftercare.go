package forms

import (
	"fmt"
	"strings"
	"unicode"
)

// AfterReports are the materials a selected project sends after the event
// (Clauses.AfterEvent): the information report with photos, the speech competition's
// sub-venue results, the project summary, the review of the participants'
// academic views (or the proceedings) and the final accounts.
type AfterReports struct {
	Info    InfoReport  `json:"info_report"`
	Results []ResultRow `json:"results,omitempty"`
	// Summary is the project summary (项目总结).
	Summary string `json:"final_summary,omitempty"`
	// Review is the review of the participants' academic views (学术观点
	// 综述); when Proceedings is true the proceedings (论文汇编) are sent
	// instead and Review is a short description of them.
	Review      string         `json:"views_review,omitempty"`
	Proceedings bool           `json:"proceedings,omitempty"`
	Accounts    *FinalAccounts `json:"accounts,omitempty"`
}

// InfoReport is the information report (信息报道稿): a title, a text of at
// most the call's report_max_chars characters (counted by CountChars), the
// call's photos_min to photos_max photos and who wrote it (撰稿人; when blank
// the print leaves a line to write the name by hand).
type InfoReport struct {
	Title  string  `json:"headline"`
	Text   string  `json:"body"`
	Photos []Photo `json:"photos,omitempty"`
	Author string  `json:"author,omitempty"`
}

// Photo is a photo imported into the draft's files folder (see
// forms/aftercare.FilesDir): the draft holds only the file's name.
type Photo struct {
	// File is the name of the re-encoded JPEG inside the files folder,
	// e.g. "photo-3f2a9c0b1d4e.jpg".
	File    string `json:"file"`
	Caption string `json:"caption"`
	Width   int    `json:"width"`
	Height  int    `json:"height"`
	// Original is the name of the file the user chose (for display).
	Original string `json:"original,omitempty"`
}

// EnsureReports returns the draft's after-event reports, allocating them.
func (d *Draft) EnsureReports() *AfterReports {
	if d.Reports == nil {
		d.Reports = &AfterReports{}
	}
	return d.Reports
}

// CountChars counts the characters of a text the way the information
// report's limit ("1000字以内") is counted: every Chinese character, letter,
// digit and punctuation mark or symbol counts one, full-width or half-width
// alike; whitespace of any kind (spaces, the full-width space U+3000, tabs,
// line breaks) does not count, and neither do invisible characters
// (zero-width spaces, joiners, byte-order marks, other control and format
// characters) or combining marks, which belong to the letter before them.
func CountChars(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.In(r, unicode.Cc, unicode.Cf, unicode.Mn, unicode.Me) {
			continue
		}
		n++
	}
	return n
}

// ReportMaxChars is the call's limit of the information report's text (0
// when the call sets none).
func ReportMaxChars(call *Call) int {
	for _, ae := range call.AfterEvent {
		if ae.ReportMaxChars > 0 {
			return ae.ReportMaxChars
		}
	}
	return 0
}

// PhotoLimits are the call's least and most photos of the information
// report (0, 0 when the call sets none).
func PhotoLimits(call *Call) (min, max int) {
	for _, ae := range call.AfterEvent {
		if ae.PhotosMax > 0 {
			return ae.PhotosMin, ae.PhotosMax
		}
	}
	return 0, 0
}

// CharCounter is the text of a live counter, e.g. "已写 812 字 / 限 1000 字
// （空格和换行不计）" and whether the limit is exceeded.
func CharCounter(text string, limit int) (string, bool) {
	n := CountChars(text)
	if limit <= 0 {
		return fmt.Sprintf("已写 %d 字（空格和换行不计）", n), false
	}
	if n > limit {
		return fmt.Sprintf("已写 %d 字 / 限 %d 字，超出 %d 字（空格和换行不计）", n, limit, n-limit), true
	}
	return fmt.Sprintf("已写 %d 字 / 限 %d 字（空格和换行不计）", n, limit), false
}

// Rule IDs of the reports' own rules.
const (
	RuleReportTitle   = "after.report_title"
	RuleReportLength  = "after.report_length"
	RuleReportPhotos  = "after.report_photos"
	RuleReportCaption = "after.report_caption"
)

// reportFindings are the rules of the after-event reports of a selected
// draft, all of them (the registry runs each rule's own function:
// rules_after.go). An information report not yet begun (no title, text or
// photo) is reported only by its due date.
func reportFindings(call *Call, d *Draft) []Finding {
	r := d.Reports
	if r == nil {
		return nil
	}
	var out []Finding
	out = append(out, infoFindings(call, &r.Info)...)
	out = append(out, resultsFindings(call, r.Results)...)
	if fa := r.Accounts; fa != nil {
		out = append(out, accountsLineOver(call, d, fa)...)
		out = append(out, accountsTotalOver(call, d, fa)...)
		out = append(out, accountsSources(call, d, fa)...)
		out = append(out, accountsOverGrant(call, d, fa)...)
		out = append(out, accountsUnspent(call, d, fa)...)
	}
	return out
}

func infoFindings(call *Call, in *InfoReport) []Finding {
	var out []Finding
	out = append(out, infoTitle(call, in)...)
	out = append(out, infoLength(call, in)...)
	out = append(out, infoPhotos(call, in)...)
	return append(out, infoCaptions(in)...)
}

// begun reports whether the information report has been started.
func (in *InfoReport) begun() bool {
	return strings.TrimSpace(in.Title) != "" || strings.TrimSpace(in.Text) != "" || len(in.Photos) > 0
}

func infoTitle(call *Call, in *InfoReport) []Finding {
	if !in.begun() || strings.TrimSpace(in.Title) != "" {
		return nil
	}
	return []Finding{{Rule: RuleReportTitle, Field: "reports.info_report.headline", Severity: Warning, Message: "信息报道稿还没有标题：请写一个概括活动的标题" + cite(call.Clauses.AfterEvent) + "。"}}
}

func infoLength(call *Call, in *InfoReport) []Finding {
	if !in.begun() {
		return nil
	}
	limit := ReportMaxChars(call)
	switch n := CountChars(in.Text); {
	case n == 0:
		return []Finding{{Rule: RuleReportLength, Field: "reports.info_report.body", Severity: Warning, Message: "信息报道稿还没有正文" + cite(call.Clauses.AfterEvent) + "。"}}
	case limit > 0 && n > limit:
		cl := ""
		if call.Clauses.AfterEvent != "" {
			cl = "；通知 " + call.Clauses.AfterEvent
		}
		return []Finding{{Rule: RuleReportLength, Field: "reports.info_report.body", Severity: Error, Message: fmt.Sprintf("信息报道稿正文%d字，超过%d字的上限%d字，请删减（汉字、字母、数字、标点各计1字，空格和换行不计%s）。", n, limit, n-limit, cl)}}
	}
	return nil
}

func infoPhotos(call *Call, in *InfoReport) []Finding {
	if !in.begun() {
		return nil
	}
	pmin, pmax := PhotoLimits(call)
	switch p := len(in.Photos); {
	case pmax > 0 && p < pmin:
		return []Finding{{Rule: RuleReportPhotos, Field: "reports.info_report.photos", Severity: Error, Message: fmt.Sprintf("信息报道稿须附%s张照片，现在有%d张，请添加照片%s。", photoRange(pmin, pmax), p, cite(call.Clauses.AfterEvent))}}
	case pmax > 0 && p > pmax:
		return []Finding{{Rule: RuleReportPhotos, Field: "reports.info_report.photos", Severity: Error, Message: fmt.Sprintf("信息报道稿最多附%d张照片，现在有%d张，请删去%d张%s。", pmax, p, p-pmax, cite(call.Clauses.AfterEvent))}}
	}
	return nil
}

// photoRange is "1-3" or, when the notice gives one number, "3".
func photoRange(lo, hi int) string {
	if lo == hi {
		return fmt.Sprint(hi)
	}
	return fmt.Sprintf("%d-%d", lo, hi)
}

func infoCaptions(in *InfoReport) []Finding {
	if !in.begun() {
		return nil
	}
	var out []Finding
	for i, ph := range in.Photos {
		if strings.TrimSpace(ph.Caption) == "" {
			out = append(out, Finding{Rule: RuleReportCaption, Field: fmt.Sprintf("reports.info_report.photos[%d].caption", i), Severity: Warning, Message: fmt.Sprintf("第%d张照片还没有说明：请写明照片内容（如“开幕式现场”“专家作主题报告”）。", i+1)})
		}
	}
	return out
}
