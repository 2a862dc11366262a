package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = Run(args, Env{Stdout: &o, Stderr: &e, Now: func() time.Time { return time.Date(2024, 4, 10, 10, 0, 0, 0, time.Local) }})
	return code, o.String(), e.String()
}

func writeSample(t *testing.T, dir, cat string) string {
	t.Helper()
	p := filepath.Join(dir, cat+forms.DraftExt)
	if code, _, errOut := run(t, "sample", cat, "-o", p); code != 0 {
		t.Fatalf("sample %s: %d %s", cat, code, errOut)
	}
	return p
}

func TestSampleListAndWrite(t *testing.T) {
	code, out, _ := run(t, "sample")
	if code != 0 || strings.Fields(out)[0] != "annual" || len(strings.Fields(out)) != 5 {
		t.Fatalf("sample list: %d %q", code, out)
	}
	dir := t.TempDir()
	var files []string
	for _, c := range strings.Fields(out) {
		files = append(files, writeSample(t, dir, c))
	}
	code, out, errOut := run(t, append([]string{"check"}, files...)...)
	if code != ExitOK || errOut != "" || strings.Count(out, "0个错误") != 5 {
		t.Errorf("check of all samples: %d\n%s\n%s", code, out, errOut)
	}
	if code, _, errOut := run(t, "sample", "nope"); code != ExitUnread || !strings.Contains(errOut, "没有类别") {
		t.Errorf("unknown sample: %d %s", code, errOut)
	}
	code, out, _ = run(t, "sample", "basic")
	if code != 0 || !json.Valid([]byte(out)) || !strings.Contains(out, "吉林省数学会") {
		t.Errorf("sample to stdout: %d %.80s", code, out)
	}
}

func TestCheckExitCodesAndJSON(t *testing.T) {
	dir := t.TempDir()
	good := writeSample(t, dir, "annual")
	d, _ := forms.Load(good)
	d.Project.Participants = 150
	bad := filepath.Join(dir, "bad"+forms.DraftExt)
	if err := forms.Save(bad, d, time.Now()); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken"+forms.DraftExt)
	_ = os.WriteFile(broken, []byte(`{"schema_version": 1, "cat`), 0o644)

	if code, _, _ := run(t, "check", good); code != ExitOK {
		t.Errorf("good draft: exit %d", code)
	}
	code, out, _ := run(t, "check", "--json", "--today", "2024-04-10", bad)
	if code != ExitFindings {
		t.Errorf("bad draft: exit %d", code)
	}
	var list []JSONFinding
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("--json output is not JSON: %v\n%s", err, out)
	}
	var hit bool
	for _, f := range list {
		if f.File == bad && f.Rule == forms.RuleParticipants && f.Field == "project.participants" && f.Severity == forms.Error && strings.Contains(f.Message, "200人以上") {
			hit = true
		}
	}
	if !hit {
		t.Errorf("no participants finding in %s", out)
	}
	// flags after the files work too, and a broken file gives exit 2 with a Chinese message
	code, _, errOut := run(t, "check", good, broken, "--json")
	if code != ExitUnread || !strings.Contains(errOut, "已损坏或不完整") {
		t.Errorf("broken draft: exit %d, %s", code, errOut)
	}
	before, _ := os.ReadFile(broken)
	if string(before) != `{"schema_version": 1, "cat` {
		t.Error("check changed a broken file")
	}
	if code, _, errOut := run(t, "check", "--today", "22/04/2024", good); code != ExitUnread || !strings.Contains(errOut, "--today") {
		t.Errorf("bad --today: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "check"); code != ExitUnread || !strings.Contains(errOut, "请给出") {
		t.Errorf("no files: %d %s", code, errOut)
	}
	// deadline findings follow --today
	_, out, _ = run(t, "check", "--today", "2024-04-23", good)
	if !strings.Contains(out, "已过1天") {
		t.Errorf("deadline passed not reported: %s", out)
	}
}

func TestCheckAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	a := writeSample(t, dir, "forum")
	d, _ := forms.Load(a)
	d.Project.Name = "另一个论坛"
	b := filepath.Join(dir, "second"+forms.DraftExt)
	_ = forms.Save(b, d, time.Now())
	code, out, _ := run(t, "check", "--json", a, b)
	if code != ExitFindings || !strings.Contains(out, forms.RuleQuotaCategory) || !strings.Contains(out, "second.shenbao.json《另一个论坛》") {
		t.Errorf("quota across files: %d %s", code, out)
	}
}

func TestRules(t *testing.T) {
	code, out, _ := run(t, "rules")
	if code != 0 {
		t.Fatal(code)
	}
	for _, r := range forms.Rules(forms.Default()) {
		if !strings.Contains(out, r.ID) || !strings.Contains(out, r.Summary) {
			t.Errorf("rules output lacks %s", r.ID)
		}
	}
	code, out, _ = run(t, "rules", "--json")
	var rules []forms.Rule
	if code != 0 || json.Unmarshal([]byte(out), &rules) != nil || len(rules) != len(forms.Rules(forms.Default())) || rules[0].Clause == "" {
		t.Errorf("rules --json: %d %.100s", code, out)
	}
}

func TestUsageAndCallFile(t *testing.T) {
	if code, _, errOut := run(t, "frobnicate"); code != ExitUnread || !strings.Contains(errOut, "未知命令") {
		t.Errorf("unknown command: %d %s", code, errOut)
	}
	if code, out, _ := run(t, "help"); code != 0 || !strings.Contains(out, "shenbao check") {
		t.Errorf("help: %d %s", code, out)
	}
	bad := filepath.Join(t.TempDir(), "2025.toml")
	_ = os.WriteFile(bad, []byte("year = = 2025\n"), 0o644)
	if code, _, errOut := run(t, "--call", bad, "sample"); code != ExitUnread || !strings.Contains(errOut, "2025.toml") || !strings.Contains(errOut, "第1行") {
		t.Errorf("bad call file: %d %s", code, errOut)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := run(t, "version")
	if code != 0 || !strings.Contains(out, "申报助手") || !strings.Contains(out, "2024年度") {
		t.Errorf("version: %d %q", code, out)
	}
}

// TestUnprintableCharacterIsAFinding uses the real bundled fonts: a character
// none of them has (CJK Extension B) must be reported before export, on its
// field, instead of vanishing from the PDF.
func TestUnprintableCharacterIsAFinding(t *testing.T) {
	dir := t.TempDir()
	p := writeSample(t, dir, "annual")
	d, _ := forms.Load(p)
	d.Experts[0].Name = "张\U00020BB7明" // 𠮷, not in Droid Sans Fallback nor DejaVu Sans
	if err := forms.Save(p, d, time.Now()); err != nil {
		t.Fatal(err)
	}
	code, out, _ := run(t, "check", "--json", p)
	if code != ExitFindings || !strings.Contains(out, forms.RuleGlyph) || !strings.Contains(out, `"field": "experts[0].name"`) || !strings.Contains(out, "U+20BB7") {
		t.Errorf("want an unprintable-character finding on experts[0].name, got %d %s", code, out)
	}
}
