package notice

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"shenbao/forms"
)

// mini is a small notice with one category whose clauses are given.
func mini(clauses ...string) string {
	return "关于开展2026年度测试学术活动项目申报工作的通知\n\n各有关单位：\n一、项目类别\n（一）第三届测试论坛\n" +
		strings.Join(clauses, "\n") + "\n二、有关要求\n1. 项目申报截止时间为3月15日。\n"
}

func TestPatterns(t *testing.T) {
	for _, tc := range []struct {
		name, text, key, value, note string
		check                        func(*forms.Category) bool
	}{
		{"fixed quota", "2．项目数量：6项。", "quota", "6项", "", func(c *forms.Category) bool { return c.Quota == 6 && c.QuotaMin == 0 }},
		{"quota range", "2．项目数量：2-3项。", "quota", "2-3项", "", func(c *forms.Category) bool { return c.QuotaMin == 2 && c.Quota == 3 }},
		{"quota 不限", "2．项目数量：不限。", "quota", "不限", "不限", func(c *forms.Category) bool { return c.Quota == 0 && c.QuotaWords == "不限" }},
		{"quota about", "2．项目数量：40个左右。", "quota", "40个左右", "约数", func(c *forms.Category) bool { return c.Quota == 40 && c.QuotaWords == "40个左右" }},
		{"fixed amount", "3．经费额度：3万元/项。", "funding", "30000", "", func(c *forms.Category) bool { return c.FundingKind == forms.FundingFixed && c.Funding == 30000 }},
		{"amount range", "3．经费额度：3-4.5万元/项。", "funding_max", "45000", "", func(c *forms.Category) bool {
			return c.FundingKind == forms.FundingRange && c.FundingMin == 30000 && c.FundingMax == 45000
		}},
		{"amount per venue", "（1）申报范围：高校科协可以申报。比赛包括文科、理科2个分赛场和决赛。\n3．经费额度：分赛场各1万元/项，决赛5万元/项。", "venues", "文科分赛场10000元，理科分赛场10000元，决赛50000元", "",
			func(c *forms.Category) bool { return c.FundingKind == forms.FundingVenue && len(c.Venues) == 3 }},
		{"participants", "（2）规模：参会人员在200人以上。", "min_participants", "200", "", func(c *forms.Category) bool { return c.MinParticipants == 200 }},
		{"participants range", "（2）规模：参会人员20-40人。", "max_participants", "40", "", func(c *forms.Category) bool { return c.MinParticipants == 20 && c.MaxParticipants == 40 }},
		{"papers", "（2）征集论文30篇以上。", "min_papers", "30", "", func(c *forms.Category) bool { return c.MinPapers == 30 }},
		{"window months", "（3）项目完成时间：2026年8-10月。", "window_end", "2026-10-31", "", func(c *forms.Category) bool { return c.WindowText == "2026年8-10月" }},
		{"window whole year", "（3）执行时间：全年。", "window_start", "2026-01-01", "", func(c *forms.Category) bool { return ymd(c.WindowEnd) == "2026-12-31" }},
		{"window days", "（3）项目完成时间：2026年5月15日-11月15日。", "window_start", "2026-05-15", "", func(c *forms.Category) bool { return ymd(c.WindowEnd) == "2026-11-15" }},
		{"eligible, new type", "（1）申报范围：各省级学会、民办非企业单位可以申报。", "eligible", "省级学会、民办非企业单位", "", func(c *forms.Category) bool {
			return len(c.Eligible) == 2 && c.Eligible[0] == "provincial_society" && strings.HasPrefix(c.Eligible[1], "applicant_")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Read(mini(tc.text), nil)
			if err != nil {
				t.Fatal(err)
			}
			cat := &p.Call.Categories[0]
			f := p.Fact("categories." + cat.ID + "." + tc.key)
			if f == nil || f.Status != Found || f.Value != tc.value {
				t.Fatalf("fact %s = %+v, want %q found", tc.key, f, tc.value)
			}
			if !strings.Contains(f.Sentence, f.Text) || f.Clause == "" {
				t.Errorf("fact %s: sentence %q, words %q, clause %q", tc.key, f.Sentence, f.Text, f.Clause)
			}
			if tc.note != "" && !strings.Contains(f.Note, tc.note) {
				t.Errorf("note %q, want it to mention %q", f.Note, tc.note)
			}
			if !tc.check(cat) {
				t.Errorf("category %+v", cat)
			}
			checkLoads(t, p)
		})
	}
}

func TestDeadlineAndSoftWords(t *testing.T) {
	p, err := Read(mini("2．项目数量：3项。", "（1）申报范围：省级学会可以申报。鼓励与地方科协联合申报。")+"2. 每单位原则上申报1项。\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if f := p.Fact("deadline"); f == nil || f.Value != "2026-03-15" || f.Clause != "二、1" {
		t.Errorf("deadline fact %+v, want 2026-03-15 (the notice's year) from 二、1", f)
	}
	f := p.Fact("max_total_per_unit")
	if f == nil || f.Value != "1项" || f.Soft != "原则上" || f.Severity != forms.Warning {
		t.Errorf("per-unit fact %+v, want 1项, soft 原则上 → warning", f)
	}
	cat := p.Call.Categories[0]
	if j := p.Fact("categories." + cat.ID + ".joint_encouraged"); j == nil || j.Soft != "鼓励" || j.Severity != forms.Info {
		t.Errorf("joint fact %+v, want soft 鼓励 → info", j)
	}
	if !strings.Contains(string(p.TOML()), "原则上") {
		t.Error("the TOML does not mention the soft rule 原则上")
	}
}

// TestUnrecognizedAndBase: a notice without contacts leaves them unset
// and 未识别; with a base, they are the base's, marked so.
func TestUnrecognizedAndBase(t *testing.T) {
	text := readTestdata(t, "../../testdata/call-2025/notice.txt")
	cut := strings.Index(text, "四、联系方式")
	if cut < 0 {
		t.Fatal("no contact section in the 2025 notice")
	}
	text = text[:cut]
	p, err := Read(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f := p.Fact("contact.person"); f == nil || f.Status != Unrecognized || p.Call.Contact.Person != "" {
		t.Errorf("without a base: contact.person %+v, person %q; want 未识别 and unset", f, p.Call.Contact.Person)
	}
	b := string(p.TOML())
	// Nothing is made up for what the notice does not state: no contact
	// is written, and the file says the contact was not found.
	if strings.Contains(b, `email = "`) || strings.Contains(b, "[contact]\n") || !strings.Contains(b, "# 未识别：[contact]") {
		t.Errorf("the TOML should leave the contact out and say it was not found:\n%s", b)
	}
	checkLoads(t, p)

	base := loadCall(t, "../calls/2024/call.toml")
	p, err = Read(text, base)
	if err != nil {
		t.Fatal(err)
	}
	f := p.Fact("contact.person")
	if f == nil || f.Status != FromBase || f.Value != base.Contact.Person || p.Call.Contact.Person != base.Contact.Person {
		t.Errorf("with a base: contact.person %+v, want %q from the base", f, base.Contact.Person)
	}
	if !strings.Contains(string(p.TOML()), "# 取自基础通知") {
		t.Error("the TOML does not mark the base's facts")
	}
	// What the notice restates is the notice's, not the base's.
	if f := p.Fact("deadline"); f == nil || f.Status != Found || f.Value != "2025-05-09" {
		t.Errorf("deadline %+v, want 2025-05-09 from the notice", f)
	}
}

func TestNoCategory(t *testing.T) {
	if _, err := Read("各单位：请于4月22日前报送。", nil); err == nil || !strings.Contains(err.Error(), "没有找到项目类别") {
		t.Errorf("err = %v, want 没有找到项目类别", err)
	}
}

// docx builds a minimal .docx holding the text's lines as paragraphs.
func docx(t *testing.T, text string) []byte {
	t.Helper()
	var body strings.Builder
	for _, l := range strings.Split(text, "\n") {
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">`)
		var esc bytes.Buffer
		if err := xml.EscapeText(&esc, []byte(l)); err != nil {
			t.Fatal(err)
		}
		body.Write(esc.Bytes())
		body.WriteString(`</w:t></w:r></w:p>`)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	_, _ = w.Write([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDocx(t *testing.T) {
	text := readTestdata(t, "notice-2024.txt")
	dir := t.TempDir()
	file := filepath.Join(dir, "通知.docx")
	if err := os.WriteFile(file, docx(t, text), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := TextOf(file)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Read(got, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := loadCall(t, "../calls/2024/call.toml")
	if s, misses := score(t, p.Call, want); s < 0.90 {
		t.Errorf("from the .docx: %.1f%%, misses %v", s*100, misses)
	}
	// Unreadable files say why in Chinese.
	bad := filepath.Join(dir, "坏.docx")
	_ = os.WriteFile(bad, []byte("PK\x03\x04 not a zip"), 0o644)
	for _, f := range []string{bad, filepath.Join(dir, "没有.txt"), dir} {
		if _, err := TextOf(f); err == nil || !strings.Contains(err.Error(), "无法读取通知文件") {
			t.Errorf("TextOf(%s) = %v, want a Chinese error", f, err)
		}
	}
}

func TestGB18030(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().String("申报通知")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "通知.txt")
	_ = os.WriteFile(file, []byte(gb), 0o644)
	if got, err := TextOf(file); err != nil || got != "申报通知" {
		t.Errorf("TextOf(GB18030) = %q, %v; want 申报通知", got, err)
	}
}

// BenchmarkRead reads a notice of about 20,000 characters: the 2024 notice
// repeated (its categories numbered on), no base.
func BenchmarkRead(b *testing.B) {
	text := bigNotice(b, 20000)
	b.ReportMetric(float64(len([]rune(text))), "chars")
	b.ResetTimer()
	for b.Loop() {
		if _, err := Read(text, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// bigNotice is the 2024 notice with its categories repeated until the text
// has at least n characters.
func bigNotice(b testing.TB, n int) string {
	text := readTestdata(b, "notice-2024.txt")
	start, end := strings.Index(text, "（一）"), strings.Index(text, "二、有关要求")
	cats := text[start:end]
	var more strings.Builder
	for len([]rune(text))+len([]rune(more.String())) < n {
		more.WriteString(cats)
	}
	return text[:end] + more.String() + text[end:]
}

func TestBigNotice(t *testing.T) {
	text := bigNotice(t, 20000)
	p, err := Read(text, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Call.Categories) < 20 || p.Chars < 20000 {
		t.Errorf("%d categories from %d characters", len(p.Call.Categories), p.Chars)
	}
	checkLoads(t, p)
}

// TestSetAndChanges: a correction is 已校正 in the facts and the file, and
// the changes from the base are listed the way carry lists them.
func TestSetAndChanges(t *testing.T) {
	base := loadCall(t, "../calls/2024/call.toml")
	p, err := Read(readTestdata(t, "../../testdata/call-2025/notice.txt"), base)
	if err != nil {
		t.Fatal(err)
	}
	changes := strings.Join(p.Changes(), "\n")
	for _, want := range []string{"申报截止时间：2024-04-22 → 2025-05-09", "新增类别：第一届吉林省青年科技工作者学术沙龙", "取消类别：第十五届", "经费额度：30000 → 35000", "条款：一（四） → 一（三）"} {
		if !strings.Contains(changes, want) {
			t.Errorf("changes lack %q:\n%s", want, changes)
		}
	}
	for key, text := range map[string]string{
		"deadline":                    "2025/5/12",
		"max_total_per_unit":          "2项",
		"posted_must_arrive":          "否",
		"contact.person":              "王五",
		"categories.annual.quota":     "7",
		"categories.annual.eligible":  "省级学会、民办非企业单位",
		"categories.forum.window_end": "2025-10-31",
	} {
		if err := p.Set(key, text); err != nil {
			t.Errorf("Set(%s, %q): %v", key, text, err)
		}
		if f := p.Fact(key); f.Status != Edited {
			t.Errorf("%s status %s after Set", key, f.Status)
		}
	}
	if p.Value("categories.annual.eligible") != "省级学会、民办非企业单位" {
		t.Errorf("eligible shows %q", p.Value("categories.annual.eligible"))
	}
	for key, text := range map[string]string{"deadline": "五月", "categories.annual.quota": "很多", "after_event.0": "x", "posted_must_arrive": "也许"} {
		if err := p.Set(key, text); err == nil {
			t.Errorf("Set(%s, %q) accepted", key, text)
		}
	}
	c := checkLoads(t, p)
	if ymd(c.Deadline) != "2025-05-12" || c.MaxTotal != 2 || c.PostedMustArrive || c.Contact.Person != "王五" || c.Category("annual").Quota != 7 || ymd(c.Category("forum").WindowEnd) != "2025-10-31" {
		t.Errorf("corrections not in the file: %v %d %v %q", c.Deadline, c.MaxTotal, c.PostedMustArrive, c.Contact.Person)
	}
	if !strings.Contains(string(p.TOML()), "# 已校正（通知 三、5") {
		t.Error("the file does not mark the corrected deadline")
	}
}

// FuzzRead: whatever the text, Read either refuses it in Chinese or
// proposes a call whose file the loader accepts, every fact read with the
// words it came from in its sentence.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"notice-2024.txt", "hubei-2022-excerpt.txt", "shanghai-2023-excerpt.txt", "../../testdata/call-2025/notice.txt"} {
		f.Add(readTestdata(f, name))
	}
	for _, odd := range []string{"2．项目数量：0项。", "2．项目数量：3-2项。", "3．经费额度：5-3万元/项。", "3．经费额度：0万元/项。",
		"（3）项目完成时间：2024年13-14月。", "（3）项目完成时间：2024年10-8月。", "（3）项目完成时间：1999年2月30日-2月31日。",
		"（2）参会人员80-30人。", "二、1. 项目完成后0日内，需提交报道稿。", "3．经费额度：分赛场各万元/项"} {
		f.Add(mini(odd) + "2. 截止时间为2月30日。\n")
	}
	// A category name with characters a short name may not hold (CI's
	// fuzzing found U+0090 passed through to short_name).
	for _, name := range []string{"第\u0090届论坛", "\u202e测试论坛 ", "．.\u3000测试/论坛\u2028", "第三届\x00\xff测试论坛"} {
		f.Add("一、项目类别\n（一）" + name + "\n二、有关要求\n")
	}
	base := forms.Default()
	f.Fuzz(func(t *testing.T, text string) {
		for _, b := range []*forms.Call{nil, base} {
			p, err := Read(text, b)
			if err != nil {
				if !strings.Contains(err.Error(), "没有找到项目类别") {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if _, err := forms.ParseCall("fuzz.toml", p.TOML()); err != nil {
				t.Fatalf("the proposal does not load: %v\n%s", err, p.TOML())
			}
			for _, f := range p.Facts {
				if f.Status == Found && !strings.Contains(f.Sentence, f.Text) {
					t.Fatalf("%s: %q not in %q", f.Key, f.Text, f.Sentence)
				}
			}
		}
	})
}

// TestUsePart: a new category takes the part of one of last year's; its
// clauses and rule IDs follow it, and the file loads.
func TestUsePart(t *testing.T) {
	base := loadCall(t, "../calls/2024/call.toml")
	p, err := Read(readTestdata(t, "../../testdata/call-2025/notice.txt"), base)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.PartFrom("salon"); got != "" {
		t.Errorf("the new salon takes the part of %q", got)
	}
	if got := p.PartFrom("basic"); got != "basic" {
		t.Errorf("basic takes the part of %q", got)
	}
	if err := p.UsePart("salon", "basic"); err != nil {
		t.Fatal(err)
	}
	c := checkLoads(t, p)
	salon := c.Category("salon")
	if len(salon.Part.Fields) == 0 {
		t.Fatal("no part")
	}
	for _, fd := range salon.Part.Fields {
		if fd.Clause != "" && !strings.HasPrefix(fd.Clause, "一（五）") || fd.Rule != "" && !strings.HasPrefix(fd.Rule, "content.salon.") {
			t.Errorf("field %s: clause %q rule %q", fd.Key, fd.Clause, fd.Rule)
		}
	}
	if err := p.UsePart("salon", ""); err != nil || len(p.Call.Category("salon").Part.Fields) != 0 {
		t.Errorf("no part: %v", err)
	}
	if p.UsePart("salon", "nothing") == nil || p.UsePart("nothing", "basic") == nil {
		t.Error("unknown categories accepted")
	}
}
