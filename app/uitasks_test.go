package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

func TestSummariseWaits(t *testing.T) {
	var w []time.Duration
	for i := 1; i <= 100; i++ {
		w = append(w, time.Duration(i)*time.Millisecond)
	}
	w = append(w, 250*time.Millisecond, 100*time.Millisecond)
	got := summarise(w)
	for _, want := range []string{"102 samples", "median 52.0 ms", "p99 100.0 ms", "longest 250.0 ms", "1 over 100 ms"} {
		if !strings.Contains(got, want) {
			t.Errorf("summary %q lacks %q", got, want)
		}
	}
	if got := summarise(nil); got != "no samples" {
		t.Errorf("no waits: %q", got)
	}
}

func TestTaskLogReportsLongestFirst(t *testing.T) {
	l := newTaskLog()
	l.add("b", 2*time.Millisecond)
	l.add("a", 30*time.Millisecond)
	l.add("b", 5*time.Millisecond)
	r := l.report()
	if strings.Index(r, "a ") > strings.Index(r, "b ") {
		t.Errorf("longest task not first:\n%s", r)
	}
	if !strings.Contains(r, "×2") || !strings.Contains(r, "total    7.00 ms") {
		t.Errorf("report:\n%s", r)
	}
	if l.report() != "" {
		t.Error("report does not start afresh")
	}
}

// TestOnUIIsTimedOnlyWhenMeasuring: the program's UI tasks are logged
// while the session measurement runs, and run untouched otherwise.
func TestOnUIIsTimedOnlyWhenMeasuring(t *testing.T) {
	ran := 0
	timedTask("x", func() { ran++ })()
	l := newTaskLog()
	uiTasks.Store(l)
	defer uiTasks.Store(nil)
	timedTask("photo import", func() { ran++ })()
	if ran != 2 {
		t.Fatalf("ran %d times", ran)
	}
	if d := l.take(); len(d["photo import"]) != 1 || len(d["x"]) != 0 {
		t.Errorf("logged %v", d)
	}
}

// Once the window closes (or the program quits), background work hands it
// nothing more and the draft's timers are stopped: Fyne 2.8 would run such
// a task on the poster's goroutine after its loop has stopped, or wait for
// it for ever while the loop drains. A new window takes tasks again.
func TestNothingReachesAClosedWindow(t *testing.T) {
	u, _ := newTestUI(t)
	f := newBlank(t, u, "forum")
	test.Type(entry(t, f, "applicant.name"), "吉林省测试学会")
	if f.timer == nil {
		t.Fatal("typing scheduled no autosave")
	}
	f.dirty = false // nothing to ask about: the window closes at once
	u.onCloseRequest()
	if !quitting.Load() {
		t.Fatal("closing the window did not stop the hand-over to it")
	}
	if f.timer.Stop() {
		t.Error("the autosave timer was still pending after the window closed")
	}
	ran := 0
	onUI("after close", func() { ran++ })
	onUIWait("after close, waited for", func() { ran++ })
	if ran != 0 {
		t.Errorf("%d tasks ran after the window closed", ran)
	}
	newTestUI(t)
	onUI("a new window", func() { ran++ })
	if ran != 1 {
		t.Error("a new window does not take tasks")
	}
}
