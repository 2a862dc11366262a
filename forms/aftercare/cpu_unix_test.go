//go:build unix

package aftercare

import "syscall"

// cpuTime is the CPU time (user + system) this process has used, in
// nanoseconds: on a busy machine it measures the work of a benchmark where
// wall time measures the queue.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
