package platform

import "golang.org/x/sys/windows"

var procSetThreadPriority = windows.NewLazySystemDLL("kernel32.dll").NewProc("SetThreadPriority")

// threadPriorityBelowNormal is THREAD_PRIORITY_BELOW_NORMAL (winbase.h).
const threadPriorityBelowNormal = -1

// mainThread is the process's main thread: Go runs package initialisation
// there.
var mainThread = windows.GetCurrentThreadId()

// lowerThreadPriority sets the calling thread one step below normal and
// reports whether it did; never on the main thread.
func lowerThreadPriority() bool {
	if windows.GetCurrentThreadId() == mainThread || procSetThreadPriority.Find() != nil {
		return false
	}
	h, err := windows.GetCurrentThread()
	if err != nil {
		return false
	}
	prio := int32(threadPriorityBelowNormal)
	ok, _, _ := procSetThreadPriority.Call(uintptr(h), uintptr(prio))
	return ok != 0
}
