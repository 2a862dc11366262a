package platform

import (
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// The background goroutine runs niced on a thread of its own, the caller's
// thread keeps its priority, and the niced thread ends with the goroutine
// (no other goroutine is ever scheduled on it). On the main thread, free
// in a test binary, nothing is lowered.
func TestGoBackgroundLowersItsThreadOnly(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	own := unix.Gettid()
	before, err := threadNice(own)
	if err != nil {
		t.Fatal(err)
	}
	type seen struct{ tid, nice int }
	run := func() seen {
		got := make(chan seen)
		GoBackground(func() {
			tid := unix.Gettid()
			n, err := threadNice(tid)
			if err != nil {
				t.Error(err)
			}
			got <- seen{tid, n}
		})
		return <-got
	}
	s := run()
	for i := 0; s.tid == os.Getpid() && i < 100; i++ {
		if s.nice != before {
			t.Fatalf("the main thread was lowered to %d", s.nice)
		}
		s = run()
	}
	if s.tid == os.Getpid() {
		t.Skip("the background work always landed on the main thread")
	}
	if want := min(19, before+backgroundNice); s.nice != want {
		t.Errorf("background thread's nice value %d, want %d (caller's %d)", s.nice, want, before)
	}
	if s.tid == own {
		t.Fatal("the background work ran on the caller's thread")
	}
	if after, _ := threadNice(own); after != before {
		t.Errorf("caller's nice value %d after, was %d", after, before)
	}
	task := "/proc/self/task/" + strconv.Itoa(s.tid)
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if _, err := os.Stat(task); os.IsNotExist(err) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the niced thread %d is still there after its goroutine ended", s.tid)
		}
	}
}
