package platform

import "runtime"

// GoBackground runs fn in a goroutine of its own, on an OS thread of its
// own whose scheduling priority is lowered (Linux, Windows; see
// lowerThreadPriority): work the user waits for without watching it, such
// as the photo import's decoding and scaling, then loses the CPU to the
// window's thread and to the renderer's when they want it, instead of
// sharing it evenly. The goroutine ends still locked to its thread, so Go
// ends the thread with it and no other goroutine ever runs at the lowered
// priority (on Linux an unprivileged process could not raise it back).
// Go's own workers (the garbage collector's background marking) run on
// other threads at the usual priority.
//
// The process's main thread is never lowered: a goroutine that ends locked
// to it does not end the thread but parks it for good. In the program the
// window's loop holds it (Fyne's driver locks it from init); in tests it
// is free, and fn then runs there at the usual priority, unlocked.
func GoBackground(fn func()) {
	go func() {
		runtime.LockOSThread()
		if !lowerThreadPriority() {
			runtime.UnlockOSThread()
		}
		fn()
	}()
}

// backgroundNice is how much lower than the window's thread the
// background thread runs, in Unix nice steps (Windows: one step,
// THREAD_PRIORITY_BELOW_NORMAL).
const backgroundNice = 10
