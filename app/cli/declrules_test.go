package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
)

// A call file's declared rules, total quota and codes reach `rules` and
// `check` with no change to Go code.
func TestDeclaredRulesCommands(t *testing.T) {
	data, err := os.ReadFile(testCall)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "id = \"forum\"\n", "id = \"forum\"\ncode = \"2025-2\"\n", 1) + `
[total_quota]
count = 40
approximate = true
clause = "二"

[[rules]]
id = "place.province"
clause = "三（三）"
summary = "项目须在本省境内举办"
message = "举办城市须在本省境内，现在填的是“{value}”：请改为省内城市（通知 {clause}）。"
field = "project.city"
contains_any = ["哈尔滨"]
`
	dir := t.TempDir()
	callFile := filepath.Join(dir, forms.CallFileName)
	if err := os.WriteFile(callFile, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runAt(t, applyDay2025, "--call", callFile, "rules")
	if code != ExitOK || errOut != "" {
		t.Fatalf("rules: %d %s", code, errOut)
	}
	for _, want := range []string{"place.province", "三（三）", "项目须在本省境内举办", "quota.call_total", "各类别合计资助约40项", "category.code", "项目编号：2025-2 "} {
		if !strings.Contains(out, want) {
			t.Errorf("rules lack %q:\n%s", want, out)
		}
	}
	draft := filepath.Join(dir, "forum"+forms.DraftExt)
	if code, _, e := runAt(t, applyDay2025, "--call", testCall, "sample", "forum", "-o", draft); code != ExitOK {
		t.Fatalf("sample: %s", e)
	}
	code, out, _ = runAt(t, applyDay2025, "--call", callFile, "check", "--today", "2025-04-28", draft)
	if code != ExitFindings || !strings.Contains(out, "举办城市须在本省境内，现在填的是“长春市”：请改为省内城市（通知 三（三））。") ||
		!strings.Contains(out, "本通知各类别合计资助约40项（通知 二）。") || !strings.Contains(out, "本项目的项目编号为2025-2") {
		t.Errorf("check with the declared rule: %d\n%s", code, out)
	}
}
