package pdfdoc

import (
	"regexp"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/forms/internal/doctest"
	"shenbao/forms/layout"
)

// longNames is the annual sample with long names everywhere a secretary
// may type one: unit, project, address, joint applicants, experts.
func longNames(t testing.TB) (*forms.Call, *forms.Draft) {
	call, d := sample(t, "speech")
	d.Applicant.Name = "中国科学院长春光学精密机械与物理研究所研究生教育与学术交流中心"
	d.Applicant.Address = "吉林省长春市经济技术开发区东南湖大路3888号科研综合楼A座1201室"
	d.Project.Name = "第十五届吉林省研究生科技论文演讲比赛（工科分赛场）暨光学工程与智能制造青年学术论坛"
	d.Project.Organisers = "主办：吉林省科学技术协会；承办：中国科学院长春光学精密机械与物理研究所、吉林大学仪器科学与电气工程学院"
	d.Joint = []forms.Joint{{Name: "长白山保护开发区管理委员会科学技术协会", Type: "city_sat"}, {Name: "延边朝鲜族自治州科学技术协会", Type: "city_sat"}}
	for i := range d.Experts {
		d.Experts[i].Unit = "中国第一汽车集团有限公司研发总院智能网联开发院"
	}
	return call, d
}

// creditCode is the shape of a 统一社会信用代码.
var creditCode = regexp.MustCompile(`^[0-9A-Z]{18}$`)

// unit is a test case: a draft and its name.
type unitCase struct {
	name string
	doc  *layout.Document
}

func typesetCases(t *testing.T) []unitCase {
	call := forms.Default()
	var cs []unitCase
	for _, cat := range call.Categories {
		call, d := sample(t, cat.ID)
		cs = append(cs, unitCase{cat.ID, layout.Application(call, d, generated)})
	}
	call, d := longNames(t)
	cs = append(cs, unitCase{"long-names", layout.Application(call, d, generated)})
	return cs
}

// Every table cell, heading, paragraph and cover field of every sample and
// of a long-names draft, as the writer broke it into lines: no fixed label
// wraps; no text of several lines ends with a line of one or two
// characters; a cover value never breaks inside a bracket pair; every line
// fits its width.
func TestTypesetting(t *testing.T) {
	for _, c := range typesetCases(t) {
		tr, err := Trace(c.doc)
		if err != nil {
			t.Fatal(err)
		}
		counts := map[string]int{}
		for _, x := range tr {
			counts[x.Kind]++
			if x.Kind == KindLabel && len(x.Lines) > 1 && !strings.Contains(x.Text, "\n") {
				t.Errorf("%s: label %q wraps: %q", c.name, x.Text, lines(x))
			}
			// A 统一社会信用代码 is one word: never broken (Cell.OneLine).
			if x.Kind == KindCell && creditCode.MatchString(x.Text) && len(x.Lines) > 1 {
				t.Errorf("%s: credit code %q breaks: %q", c.name, x.Text, lines(x))
			}
			// A paragraph of several lines must not end with one or two
			// characters (each "\n" paragraph on its own).
			n := 0
			for i, l := range x.Lines {
				n++
				if !l.Last {
					continue
				}
				if n >= 2 && len([]rune(strings.TrimSpace(l.Text))) <= Short {
					t.Errorf("%s: %s %q ends with a lone %q: %q", c.name, x.Kind, x.Text, l.Text, lines(x)[i-n+1:i+1])
				}
				n = 0
			}
			if x.Kind == KindCoverValue {
				depth := 0
				for i, l := range x.Lines {
					for _, r := range l.Text {
						switch r {
						case '（':
							depth++
						case '）':
							depth--
						}
					}
					if depth > 0 && i < len(x.Lines)-1 && !l.Last {
						t.Errorf("%s: cover value %q breaks inside brackets: %q", c.name, x.Text, lines(x))
					}
				}
			}
		}
		for _, k := range []string{KindLabel, KindCell, KindHeading, KindCoverTitle, KindCoverValue} {
			if counts[k] == 0 {
				t.Errorf("%s: no %s traced", c.name, k)
			}
		}
	}
}

func lines(x Traced) []string {
	var out []string
	for _, l := range x.Lines {
		out = append(out, l.Text)
	}
	return out
}

// A spot check of the same in the PDF's text: pdftotext -layout keeps the
// lines of a table cell, so the labels read whole and the cover keeps
// "（农科分赛场）" on one line.
func TestTypesettingPDFText(t *testing.T) {
	pdf := samplePDF(t, "speech")
	text := doctest.PDFText(t, pdf)
	for _, want := range []string{"法定代表人（负责人）", "统一社会信用代码", "具有研究生培养资格", "（农科分赛场）", "参赛者推荐办法"} {
		found := false
		for _, l := range strings.Split(text, "\n") {
			if strings.Contains(doctest.Squeeze(l), want) {
				found = true
			}
		}
		if !found {
			t.Errorf("no line of the PDF's text holds %q whole", want)
		}
	}
}

// Advance (the fonts' metrics, what the Word writer breaks lines with) is
// the width the PDF measures with gopdf, for every face and kind of
// character, so both files break a text into the same lines.
func TestAdvanceMatchesPDF(t *testing.T) {
	if _, err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	e := &engine{}
	for _, bold := range []bool{false, true} {
		for _, r := range "吉林省科协ABCxyz0123456789，。“”（）—…·豈Č\u0001" {
			if a, w := Advance(r, bold), e.widthIn(r, bold); a-w > 1e-3 || w-a > 1e-3 {
				t.Errorf("%q bold %v: Advance %.4f, PDF %.4f", r, bold, a, w)
			}
		}
	}
}
