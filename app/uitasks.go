package app

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
)

// Work done in the background hands its results to the UI goroutine through
// onUI and onUIWait (fyne.Do and fyne.DoAndWait). While the session
// measurement runs (docs/window.md, “A whole session”) each such task is
// timed: how long the program itself holds the UI goroutine, apart from the
// time the renderer takes to draw frames. Otherwise they are fyne.Do and
// fyne.DoAndWait, nothing added.

// uiTasks is the log the tasks are timed into; nil when not measuring.
var uiTasks atomic.Pointer[taskLog]

// onUI runs fn on the UI goroutine, timed under name when measuring. Once
// the window is closing (quitting) it does nothing: Fyne 2.8 runs a task
// posted after its loop has stopped on the poster's goroutine (its "Error
// in Fyne call thread"), and a task posted while the loop drains its queue
// can be waited for for ever.
func onUI(name string, fn func()) {
	if quitting.Load() {
		return
	}
	fyne.Do(timedTask(name, fn))
}

// onUIWait is onUI waiting for fn to have run.
func onUIWait(name string, fn func()) {
	if quitting.Load() {
		return
	}
	fyne.DoAndWait(timedTask(name, fn))
}

// quitting is set, on the UI goroutine, just before the program closes
// its window or quits (ui.quit); a new window clears it (newUI).
var quitting atomic.Bool

func timedTask(name string, fn func()) func() {
	l := uiTasks.Load()
	if l == nil {
		return fn
	}
	return func() {
		s := time.Now()
		fn()
		l.add(name, time.Since(s))
	}
}

// taskLog collects durations by name.
type taskLog struct {
	mu sync.Mutex
	d  map[string][]time.Duration
}

func newTaskLog() *taskLog { return &taskLog{d: map[string][]time.Duration{}} }

func (l *taskLog) add(name string, d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.d[name] = append(l.d[name], d)
}

// take returns the durations collected under each name and starts afresh.
func (l *taskLog) take() map[string][]time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	d := l.d
	l.d = map[string][]time.Duration{}
	return d
}

// report is one line per name: how many, the longest and the total, the
// longest first.
func (l *taskLog) report() string {
	d := l.take()
	names := make([]string, 0, len(d))
	for n := range d {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int { return -cmp.Compare(slices.Max(d[a]), slices.Max(d[b])) })
	var sb strings.Builder
	for _, n := range names {
		var sum time.Duration
		for _, x := range d[n] {
			sum += x
		}
		fmt.Fprintf(&sb, "  %-34s ×%-3d longest %7.2f ms, total %7.2f ms\n", n, len(d[n]), ms(slices.Max(d[n])), ms(sum))
	}
	return sb.String()
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// summarise tells the waits of a latency probe (session.go): their count,
// median, 90th and 99th percentile, longest, and how many were over 100 ms.
func summarise(w []time.Duration) string {
	if len(w) == 0 {
		return "no samples"
	}
	slices.Sort(w)
	at := func(q float64) time.Duration { return w[min(len(w)-1, int(q*float64(len(w))))] }
	first, _ := slices.BinarySearch(w, 100*time.Millisecond+1) // the first over 100 ms
	over := len(w) - first
	return fmt.Sprintf("%d samples: median %.1f ms, p90 %.1f ms, p99 %.1f ms, longest %.1f ms; %d over 100 ms",
		len(w), ms(at(0.5)), ms(at(0.9)), ms(at(0.99)), ms(w[len(w)-1]), over)
}
