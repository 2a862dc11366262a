package app

import (
	"strings"
	"testing"
	"time"
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
