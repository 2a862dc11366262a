package forms

import (
	"os"
	"strings"
	"testing"
	"time"

	"shenbao/forms/usererr"
)

const autoSuffix = ".autosave"

// TestTwoWritersOneDraft replays issue 20, 4 with two writers in one
// process: A saved "AAA", B saved "BBB" with no warning; A typed more and
// autosaved; B's next save deleted A's autosave; A was killed and its text
// was nowhere. Now B is told in Chinese, writes nothing, and A's text stays
// on disk (its save, then its autosave).
func TestTwoWritersOneDraft(t *testing.T) {
	p := saved(t, t.TempDir(), sample(t, "forum"))
	a, b := NewGuard(p, autoSuffix), NewGuard(p, autoSuffix)
	da, db := sample(t, "forum"), sample(t, "forum")
	da.Project.Name, db.Project.Name = "AAA", "BBB"
	if err := a.Save(da, saveTime, autoSuffix); err != nil {
		t.Fatal(err)
	}
	err := b.Save(db, saveTime.Add(time.Minute), autoSuffix)
	if usererr.CodeOf(err) != usererr.Conflict || !IsConflict(err) || !strings.Contains(err.Error(), "另一个窗口") || !strings.Contains(err.Error(), "保存为副本") {
		t.Fatalf("second writer's save: %v", err)
	}
	if got, _ := Load(p); got.Project.Name != "AAA" {
		t.Fatalf("draft holds %q after B's refused save", got.Project.Name)
	}
	// A types more; its autosave is written
	da.Project.Name = "AAA and more"
	data, _ := Marshal(da)
	if err := a.Autosave(data, autoSuffix); err != nil {
		t.Fatal(err)
	}
	// B tries again, and autosaves: neither touches A's files
	if err := b.Save(db, saveTime.Add(2*time.Minute), autoSuffix); !IsConflict(err) {
		t.Fatalf("B's second save: %v", err)
	}
	bdata, _ := Marshal(db)
	if err := b.Autosave(bdata, autoSuffix); !IsConflict(err) {
		t.Fatalf("B's autosave: %v", err)
	}
	// A is killed here: its text is on disk
	if got, err := Load(p + autoSuffix); err != nil || got.Project.Name != "AAA and more" {
		t.Fatalf("A's autosave: %v %v", got, err)
	}
	if got, _ := Load(p); got.Project.Name != "AAA" {
		t.Errorf("draft holds %q", got.Project.Name)
	}
	// B saves a copy instead and goes on there
	cp := SiblingName(p, "（副本）")
	if err := SaveNew(cp, db, saveTime); err != nil {
		t.Fatal(err)
	}
	b.Adopt(cp)
	if err := b.Save(db, saveTime.Add(3*time.Minute), autoSuffix); err != nil {
		t.Errorf("B's save into its copy: %v", err)
	}
	// A's own save removes only its own autosave
	if err := a.Save(da, saveTime.Add(4*time.Minute), autoSuffix); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p + autoSuffix); !os.IsNotExist(err) {
		t.Error("A's save left its own autosave")
	}
}

// TestGuardAutosaveOfAnotherWindowKept: two windows that both only
// autosave do not overwrite each other's side file; a save leaves the
// other's side file alone.
func TestGuardAutosaveOfAnotherWindowKept(t *testing.T) {
	p := saved(t, t.TempDir(), sample(t, "forum"))
	a, b := NewGuard(p, autoSuffix), NewGuard(p, autoSuffix)
	da := sample(t, "forum")
	da.Project.Name = "A的修改"
	data, _ := Marshal(da)
	if err := a.Autosave(data, autoSuffix); err != nil {
		t.Fatal(err)
	}
	if err := b.Autosave([]byte("{}"), autoSuffix); !IsConflict(err) {
		t.Fatalf("B overwrote A's autosave: %v", err)
	}
	if err := b.Save(sample(t, "forum"), saveTime, autoSuffix); err != nil {
		t.Fatal(err)
	}
	if got, err := Load(p + autoSuffix); err != nil || got.Project.Name != "A的修改" {
		t.Errorf("B's save removed A's autosave: %v", err)
	}
	// a touched but unchanged file is no conflict
	c := NewGuard(p, autoSuffix)
	later := time.Now().Add(time.Hour)
	_ = os.Chtimes(p, later, later)
	if err := c.Check(); err != nil {
		t.Errorf("touched file: %v", err)
	}
}
