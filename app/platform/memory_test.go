package platform

import (
	"runtime/debug"
	"testing"
)

// gcTarget reads the collector's target without changing it.
func gcTarget() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// An export keeps the collector at exportGCPercent until the last of the
// exports running ends, then puts the window's target back; GOGC, when the
// user set it, is left alone.
func TestExportTightensTheCollector(t *testing.T) {
	t.Setenv("GOGC", "")
	old := debug.SetGCPercent(gcPercent)
	t.Cleanup(func() { debug.SetGCPercent(old) })

	BeginExport()
	if got := gcTarget(); got != exportGCPercent {
		t.Fatalf("collector target %d during an export, want %d", got, exportGCPercent)
	}
	BeginExport() // the after-selection export while the package's runs
	EndExport()
	if got := gcTarget(); got != exportGCPercent {
		t.Fatalf("collector target %d while one export still runs, want %d", got, exportGCPercent)
	}
	EndExport()
	if got := gcTarget(); got != gcPercent {
		t.Fatalf("collector target %d after the exports, want the window's %d", got, gcPercent)
	}

	t.Setenv("GOGC", "200")
	debug.SetGCPercent(200)
	BeginExport()
	got := gcTarget()
	EndExport()
	if got != 200 || gcTarget() != 200 {
		t.Errorf("with GOGC=200 set by the user the target was %d during an export and %d after, want 200", got, gcTarget())
	}
}
