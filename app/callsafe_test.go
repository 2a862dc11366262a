package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"shenbao/forms"
)

// hostileCall writes the test call with one replacement and returns its path.
func hostileCall(t *testing.T, from, to string) string {
	t.Helper()
	data, err := os.ReadFile(testCallPath)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), from, to, 1)
	if s == string(data) {
		t.Fatalf("%q not in the test call", from)
	}
	p := filepath.Join(t.TempDir(), "call.toml")
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestWindowRefusesHostileCalls: a call whose short name climbs out of the
// folder, or whose rule panics on its field's value (issue 20, 1–2), is
// refused at import with its line, is not remembered, and the window keeps
// its call.
func TestWindowRefusesHostileCalls(t *testing.T) {
	for name, c := range map[string][2]string{
		"traversal":     {`short_name = "研究生论坛"`, `short_name = "/../../../../../tmp/我的申报书"`},
		"yesno max":     {`key = "one_paper_per_student"`, "key = \"one_paper_per_student\"\n  validate = \"max=10\""},
		"table endkeys": {`key = "review_committee"`, "key = \"review_committee\"\n  validate = \"omitempty,dive,keys,required,endkeys\""},
	} {
		t.Run(name, func(t *testing.T) {
			u, _ := newTestUI(t)
			p := hostileCall(t, c[0], c[1])
			if u.importCallFile(p) {
				t.Fatal("a hostile call file was imported")
			}
			if u.call != forms.Default() || !strings.Contains(u.prompt.message, "行") {
				t.Errorf("message %q, call %d", u.prompt.message, u.call.Year)
			}
			if strings.Contains(u.app.Preferences().String(prefImportedCalls), p) {
				t.Error("a refused file is remembered")
			}
		})
	}
}

// TestRememberedCallSetAside: a remembered call file that no longer loads
// (changed since, by hand or by e-mail) is set aside at start with a
// Chinese message, the window opens with the shipped call, and the file is
// no longer read at the next start.
func TestRememberedCallSetAside(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	dir := t.TempDir()
	a.Preferences().SetString(prefDraftsDir, dir)
	p := hostileCall(t, `key = "one_paper_per_student"`, "key = \"one_paper_per_student\"\n  validate = \"oneof=true\"")
	a.Preferences().SetString(prefImportedCalls, p)
	a.Preferences().SetString(prefCurrentCall, p)
	u := newTestUIOn(t, a, dir)
	if u.call != forms.Default() {
		t.Fatalf("call %v", u.call.Path)
	}
	u.tellCallProblems()
	if u.prompt == nil || u.prompt.title != "申报通知文件已搁置" || !strings.Contains(u.prompt.message, "call.toml") || !strings.Contains(u.prompt.message, "重新导入") {
		t.Fatalf("prompt %+v", u.prompt)
	}
	if got := a.Preferences().String(prefImportedCalls); got != "" {
		t.Errorf("the broken call is still remembered: %q", got)
	}
}

// TestNewDraftNamesArePlain: even a short name with separators (built in
// memory: the loader refuses it) names a file inside the drafts folder.
func TestNewDraftNamesArePlain(t *testing.T) {
	dir := t.TempDir()
	cat := &forms.Category{ShortName: "/../../x/我的申报书"}
	p := newDraftPath(dir, cat, time.Date(2024, 4, 10, 9, 0, 0, 0, time.UTC))
	if filepath.Dir(p) != dir || strings.Contains(filepath.Base(p), "/") {
		t.Errorf("new draft path %q is not in %q", p, dir)
	}
}
