package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"shenbao/forms"
	"shenbao/forms/aftercare"
	"shenbao/forms/submission"
)

func TestAfterExportIntoSubmissionFolder(t *testing.T) {
	u, dir := newTestUI(t)
	f := openSampleDraft(t, u, "speech")
	f.onAfter()
	s := f.after.s
	test.Tap(s.selection.selected)
	// Nothing written yet: the export asks first.
	test.Tap(s.exportBtn)
	if u.prompt == nil || !strings.Contains(u.prompt.message, "项目总结还没有写") || !strings.Contains(u.prompt.message, "决算表") {
		t.Fatalf("no warning before an empty export: %+v", u.prompt)
	}
	test.Tap(u.prompt.buttons["返回填写"])
	if s.tabs.Selected().Text != "总结与综述" {
		t.Errorf("返回填写 opened %q", s.tabs.Selected().Text)
	}
	// Filled in: straight to the files, in one subfolder of 报送材料.
	aftercare.FillSample(forms.Default(), f.d)
	u.prompt = nil
	done := s.onExport()
	if u.prompt != nil || done == nil {
		t.Fatalf("asked %+v for a filled report", u.prompt)
	}
	// Named as the package's folder is (unit-category-project), not after
	// the draft's file (issue 18, 8).
	want := filepath.Join(dir, exportFolderName, submission.BaseName(forms.Default(), f.d)+"-会后材料")
	if strings.Contains(filepath.Base(want), displayName(f.path)) || !strings.Contains(filepath.Base(want), f.d.Applicant.Name) {
		t.Errorf("the folder %q is named after the draft's file %q, or not after the unit %q", filepath.Base(want), displayName(f.path), f.d.Applicant.Name)
	}
	<-done
	if s.exportedDir != want || len(s.exported) == 0 {
		t.Fatalf("exported %d files to %s, want %s", len(s.exported), s.exportedDir, want)
	}
	for _, e := range s.exported {
		if filepath.Dir(e.Path) != want {
			t.Errorf("%s outside the subfolder", e.Path)
		}
	}
	if !s.openBtn.Visible() || !strings.Contains(s.status.Text, filepath.Base(want)) {
		t.Errorf("after export: 打开文件夹 shown %v, status %q", s.openBtn.Visible(), s.status.Text)
	}
	loose, _ := filepath.Glob(filepath.Join(dir, exportFolderName, "*.pdf"))
	if len(loose) != 0 {
		t.Errorf("loose files in 报送材料: %v", loose)
	}
	if !s.exportBtn.Disabled() && s.progress.Visible() {
		t.Error("progress still shown")
	}
}

func TestEmptyParts(t *testing.T) {
	d, _ := forms.Sample(forms.Default(), "forum")
	if got := emptyParts(d); len(got) != 2 {
		t.Errorf("no reports: %v", got)
	}
	aftercare.FillSample(forms.Default(), d)
	if got := emptyParts(d); len(got) != 0 {
		t.Errorf("filled: %v", got)
	}
	d.Reports.Summary = "  "
	if got := emptyParts(d); len(got) != 1 || !strings.Contains(got[0], "总结") {
		t.Errorf("blank summary: %v", got)
	}
}

func TestOpenFolderFailureShowsPath(t *testing.T) {
	u, _ := newTestUI(t)
	dir := filepath.Join(t.TempDir(), "报送材料")
	_ = os.MkdirAll(dir, 0o755)
	u.openURL = func(string) error { return os.ErrPermission }
	openFolder(u, dir)
	if u.prompt == nil || !strings.Contains(u.prompt.message, dir) || u.prompt.copyText != dir {
		t.Fatalf("failure to open the folder: %+v", u.prompt)
	}
}
