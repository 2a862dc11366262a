package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
	"shenbao/forms/layout"
	"shenbao/forms/submission"
)

// testCall is the realistic call of another year (forms/testdata): every
// command follows it with no change to Go code.
const testCall = "../../forms/testdata/call-2025/" + forms.CallFileName

var applyDay2025 = time.Date(2025, 4, 28, 10, 0, 0, 0, time.Local)

func TestNextYearRules(t *testing.T) {
	code, out, errOut := runAt(t, applyDay2025, "--call", testCall, "rules")
	if code != ExitOK || errOut != "" {
		t.Fatalf("rules: %d %s", code, errOut)
	}
	if m := regexp.MustCompile(`2024年\d+月|4月22日|2023年度|2021-2023|200人|30,000元|1000字|演讲比赛`).FindString(out); m != "" {
		t.Errorf("rules of the 2025 call print the 2024 fact %q:\n%s", m, out)
	}
	for _, want := range []string{"2025年5月9日", "300人", "content.salon.hosts", "scale.participants_max", "青年学术沙龙80人"} {
		if !strings.Contains(out, want) {
			t.Errorf("rules lack %q", want)
		}
	}
}

// sample, check, export: every category of the 2025 call, the new one
// included, from its stored sample to the submission package.
func TestNextYearSampleCheckExport(t *testing.T) {
	call, err := forms.LoadCallFile(testCall)
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := runAt(t, applyDay2025, "--call", testCall, "sample")
	if code != ExitOK || strings.Join(strings.Fields(out), ",") != "annual,forum,basic,intl,salon" {
		t.Fatalf("sample list: %q", out)
	}
	dir := t.TempDir()
	var files []string
	for _, id := range strings.Fields(out) {
		p := filepath.Join(dir, id+forms.DraftExt)
		if code, _, e := runAt(t, applyDay2025, "--call", testCall, "sample", id, "-o", p); code != ExitOK {
			t.Fatalf("sample %s: %s", id, e)
		}
		files = append(files, p)
	}
	code, out, errOut := runAt(t, applyDay2025, append([]string{"--call", testCall, "check", "--today", "2025-04-28"}, files...)...)
	if code != ExitOK || strings.Count(out, "0个错误，0个警告") != 5 {
		t.Fatalf("check of the 2025 samples: %d\n%s\n%s", code, out, errOut)
	}
	for _, p := range files {
		outDir := t.TempDir()
		code, stdout, stderr := runAt(t, applyDay2025, "--call", testCall, "export", p, "--out", outDir)
		if code != ExitOK || stderr != "" {
			t.Fatalf("export %s: %d\n%s\n%s", p, code, stdout, stderr)
		}
		d, _ := forms.Load(p)
		names := submission.NamesFor(call, d, 1)
		pkg := filepath.Join(outDir, names.Dir)
		for _, name := range names.Files() {
			if fi, err := os.Stat(filepath.Join(pkg, name)); err != nil || fi.Size() == 0 {
				t.Errorf("%s: %v", name, err)
			}
		}
		app := pdfText(t, filepath.Join(pkg, names.PDF))
		for path, text := range layout.PrintedTexts(call, d) {
			if !strings.Contains(app, squeeze(text)) {
				t.Errorf("%s: %s %q not in the PDF", d.Category, path, text)
			}
		}
		cat := call.Category(d.Category)
		for _, want := range []string{call.Title, cat.Name, cat.PartTitle()} {
			if !strings.Contains(app, squeeze(want)) {
				t.Errorf("%s: PDF lacks %q", d.Category, want)
			}
		}
		if strings.Contains(app, "2024年度吉林省") || strings.Contains(app, "第十三届") || strings.Contains(app, "2024年4月") {
			t.Errorf("%s: the 2025 application prints 2024 facts", d.Category)
		}
		steps := pdfText(t, filepath.Join(pkg, names.Checklist))
		for _, want := range []string{"2025年5月9日", "xsjl2025@example.org", "5日内", "15日内", "1200字以内信息报道稿"} {
			if !strings.Contains(steps, squeeze(want)) {
				t.Errorf("%s: checklist lacks %q", d.Category, want)
			}
		}
		if d.Category == "salon" {
			for _, want := range []string{"青年学术沙龙专项内容", "其中青年科技工作者人数", "45人", "活动方案、参会青年科技工作者名单、经费预算明细", "梁宇", "2025年6月14日"} {
				if !strings.Contains(app, squeeze(want)) {
					t.Errorf("salon PDF lacks %q", want)
				}
			}
		}
	}
}

// carry: each 2024 sample into the 2025 call, headless.
func TestNextYearCarry(t *testing.T) {
	dir := t.TempDir()
	for _, cat := range forms.Default().Categories {
		old := writeSample(t, dir, cat.ID)
		code, out, errOut := runAt(t, applyDay2025, "carry", old, "--call", testCall)
		if code != ExitOK || errOut != "" {
			t.Fatalf("carry %s: %d %s", cat.ID, code, errOut)
		}
		newPath := forms.SiblingName(old, "-2025")
		d, err := forms.Load(newPath)
		if err != nil {
			t.Fatalf("%s: %v\n%s", cat.ID, err, out)
		}
		if d.CallYear != 2025 || !strings.Contains(out, newPath) {
			t.Errorf("%s: call year %d\n%s", cat.ID, d.CallYear, out)
		}
		switch cat.ID {
		case "speech":
			if !strings.Contains(out, "没有“第十五届吉林省研究生科技论文演讲比赛”这一类别") {
				t.Errorf("speech: removed category not said:\n%s", out)
			}
		case "annual":
			for _, want := range []string{"往年的举办日期", "参会人数下限由200人改为300人", "会前专家组", "35,000元"} {
				if !strings.Contains(out, want) {
					t.Errorf("annual: carry output lacks %q:\n%s", want, out)
				}
			}
		}
		// a second carry never overwrites the first
		if code, _, errOut := runAt(t, applyDay2025, "carry", old, "--call", testCall); code != ExitUnread || !strings.Contains(errOut, "已经存在") {
			t.Errorf("%s: second carry: %d %s", cat.ID, code, errOut)
		}
	}
	if code, _, errOut := runAt(t, applyDay2025, "carry"); code != ExitUnread || !strings.Contains(errOut, "往年的草稿") {
		t.Errorf("carry without a file: %d %s", code, errOut)
	}
}

func pdfText(t *testing.T, file string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v (CI installs poppler-utils: make deps-test)", file, err)
	}
	return squeeze(string(out))
}

func squeeze(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(s), ""), "-", "")
}
