package forms

import (
	"strings"
	"testing"
)

// TestAutosaveOverLimitRecoverable (issue 20, 5): an autosave the program
// wrote with a field over MaxFieldChars loads for recovery, the problem
// returned; Load still refuses it as a draft.
func TestAutosaveOverLimitRecoverable(t *testing.T) {
	p := saved(t, t.TempDir(), sample(t, "forum"))
	g := NewGuard(p, autoSuffix)
	d := sample(t, "forum")
	d.Project.Name = strings.Repeat("字", MaxFieldChars+1)
	data, _ := Marshal(d)
	if err := g.Autosave(data, autoSuffix); err != nil {
		t.Fatal(err)
	}
	got, over, err := LoadAutosave(p + autoSuffix)
	if err != nil || got.Project.Name != d.Project.Name {
		t.Fatalf("recovery: %v", err)
	}
	if over == nil || !strings.Contains(over.Error(), "20,000") || !strings.Contains(over.Error(), "删减") {
		t.Errorf("over the limits: %v", over)
	}
	if _, err := Load(p + autoSuffix); err == nil {
		t.Error("Load took a draft over the limits")
	}
	if err := g.Autosave(make([]byte, MaxAutosaveSize+1), autoSuffix); err == nil || !strings.Contains(err.Error(), "没有自动备份") {
		t.Errorf("an autosave that could not be read back was written: %v", err)
	}
}
