package forms

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func TestCountChars(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"吉林省科协", 5},
		{"2024年第十三届年会", 11},                       // digits count one each
		{"AI 与 GPT-4", 8},                         // spaces not counted; letters, digits, hyphen are
		{"会议圆满成功！", 7},                            // full-width punctuation counts
		{"“新质生产力”，（一）", 11},                       // quotes and brackets count
		{"第一段。\n\n第二段。", 8},                       // line breaks not counted
		{"　　首行缩进两格。", 7},                          // full-width spaces (U+3000) not counted
		{"a\tb\r\nc", 3},                          // tabs and CRLF
		{"零\u200b宽\ufeff字", 3},                    // zero-width space and BOM not counted
		{"e\u0301", 1},                            // combining accent belongs to its letter
		{"¥1,000.50元", 10},                        // symbols count
		{"😀", 1},                                  // one emoji is one character
		{strings.Repeat("字", 1000) + " \n", 1000}, // the limit exactly
	} {
		if got := CountChars(tc.in); got != tc.want {
			t.Errorf("CountChars(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestCharCounter(t *testing.T) {
	s, over := CharCounter("十个字的一句话，好。", 1000)
	if over || s != "已写 10 字 / 限 1000 字（空格和换行不计）" {
		t.Errorf("%q %v", s, over)
	}
	s, over = CharCounter(strings.Repeat("字", 1003), 1000)
	if !over || !strings.Contains(s, "超出 3 字") {
		t.Errorf("%q %v", s, over)
	}
	if s, _ := CharCounter("a b", 0); s != "已写 2 字（空格和换行不计）" {
		t.Errorf("%q", s)
	}
}

func TestCallLimits(t *testing.T) {
	if n := ReportMaxChars(Default()); n != 1000 {
		t.Errorf("report max %d", n)
	}
	if lo, hi := PhotoLimits(Default()); lo != 1 || hi != 3 {
		t.Errorf("photos %d-%d", lo, hi)
	}
}

func TestInfoReportFindings(t *testing.T) {
	d := selectedSample(t, "annual", NewDate(2024, 9, 20))
	check := func() []Finding { return Check(Default(), d, Options{}) }
	// Not begun: nothing but (with a date) the due finding.
	d.EnsureReports()
	for _, r := range []string{RuleReportTitle, RuleReportLength, RuleReportPhotos, RuleReportCaption} {
		if f := afterRule(check(), r); len(f) != 0 {
			t.Errorf("empty report: %+v", f)
		}
	}
	in := &d.Reports.Info
	in.Text = strings.Repeat("会", 999) + "\n\n　　" + "议"
	fs := check()
	if f := afterRule(fs, RuleReportTitle); len(f) != 1 || f[0].Field != "reports.info_report.headline" {
		t.Errorf("title: %+v", f)
	}
	if f := afterRule(fs, RuleReportLength); len(f) != 0 {
		t.Errorf("1000 characters are allowed: %+v", f)
	}
	if f := afterRule(fs, RuleReportPhotos); len(f) != 1 || f[0].Severity != Error || !strings.Contains(f[0].Message, "1-3张") {
		t.Errorf("no photo: %+v", f)
	}
	in.Text += "。"
	if f := afterRule(check(), RuleReportLength); len(f) != 1 || f[0].Severity != Error || !strings.Contains(f[0].Message, "1001字") {
		t.Errorf("1001 characters: %+v", f)
	}
	in.Title = "第十三届吉林省科协年会汽车分会场在长春召开"
	in.Text = "正文。"
	in.Photos = []Photo{{File: "photo-a.jpg", Caption: "开幕式"}, {File: "photo-b.jpg"}, {File: "photo-c.jpg", Caption: "合影"}, {File: "photo-d.jpg", Caption: "会场"}}
	fs = check()
	if f := afterRule(fs, RuleReportPhotos); len(f) != 1 || !strings.Contains(f[0].Message, "删去1张") {
		t.Errorf("four photos: %+v", f)
	}
	if f := afterRule(fs, RuleReportCaption); len(f) != 1 || f[0].Field != "reports.info_report.photos[1].caption" || FieldLabel(f[0].Field) != "第2张照片的说明" {
		t.Errorf("caption: %+v %q", f, FieldLabel(f[0].Field))
	}
	in.Photos = in.Photos[:3]
	in.Photos[1].Caption = "主题报告"
	fs = check()
	for _, r := range []string{RuleReportTitle, RuleReportLength, RuleReportPhotos, RuleReportCaption} {
		if f := afterRule(fs, r); len(f) != 0 {
			t.Errorf("complete report: %+v", f)
		}
	}
	// An unprintable character in the report is found like anywhere else.
	in.Text = "正文\U000F0001。"
	fs = Check(Default(), d, Options{Printable: func(r rune) bool { return r < 0xF0000 }})
	if f := afterRule(fs, RuleGlyph); len(f) != 1 || f[0].Field != "reports.info_report.body" {
		t.Errorf("glyph: %+v", f)
	}
}

// Every field of a draft, after-selection reports included, has a Chinese
// label of its own: no finding shows a raw key. The walk goes over the
// stored JSON of each sample with every optional part filled.
func TestEveryPathHasALabel(t *testing.T) {
	call := Default()
	for _, cat := range call.Categories {
		d, err := Sample(call, cat.ID)
		if err != nil {
			t.Fatal(err)
		}
		d.Selection = &Selection{Selected: true, ListPublished: NewDate(2024, 4, 29), ActualStart: d.Project.StartDate, ActualEnd: d.Project.EndDate, Submitted: map[string]Date{"report": d.Project.EndDate}}
		r := d.EnsureReports()
		r.Info = InfoReport{Title: "标题", Text: "正文", Photos: []Photo{{File: "a.jpg", Caption: "说明", Width: 10, Height: 10, Original: "a.jpg"}}}
		r.Results = []ResultRow{{Rank: 1, Name: "甲", Unit: "乙", Title: "丙", Score: 90, Award: "一等奖"}}
		r.Summary, r.Review, r.Proceedings = "总结", "综述", true
		r.Accounts = NewFinalAccounts(d)
		r.Accounts.Note = "说明"
		r.Accounts.Lines[0].Note = "说明"
		d.Joint = []Joint{{Name: "长春市科学技术协会", Type: TypeCitySAT}}
		d.Applicant.Honours = []string{"academic_work"}
		d.Project.CoOrganisers, d.Project.Supporters, d.Budget.OtherNote, d.ConfidentialNote = "x", "x", "x", "x"
		b, err := Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var m any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		skip := map[string]bool{"schema_version": true, "id": true, "created_at": true, "updated_at": true}
		var walk func(path string, v any)
		walk = func(path string, v any) {
			switch t := v.(type) {
			case map[string]any:
				for k, x := range t {
					p := k
					if path != "" {
						p = path + "." + k
					}
					if path == "" && skip[k] || path == "selection.submitted" {
						continue
					}
					walk(p, x)
				}
				return
			case []any:
				for i, x := range t {
					walk(fmt.Sprintf("%s[%d]", path, i), x)
				}
				return
			}
			if !call.KnownPath(path) {
				t.Errorf("%s: field %s has no Chinese label (reads %q)", cat.ID, path, call.FieldLabel(path))
			}
			if l := call.FieldLabel(path); strings.ContainsAny(l, "abcdefghijklmnopqrstuvwxyz_") {
				t.Errorf("%s: label of %s is %q", cat.ID, path, l)
			}
		}
		walk("", m)
	}
}
