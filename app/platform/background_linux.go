package platform

import "golang.org/x/sys/unix"

// lowerThreadPriority raises the calling thread's nice value by
// backgroundNice (at most 19) and reports whether it did; never on the
// main thread. On Linux a nice value belongs to a thread: PRIO_PROCESS
// with a thread ID sets that thread's alone.
func lowerThreadPriority() bool {
	tid := unix.Gettid()
	if tid == unix.Getpid() {
		return false
	}
	nice, err := threadNice(tid)
	if err != nil {
		return false
	}
	return unix.Setpriority(unix.PRIO_PROCESS, tid, min(19, nice+backgroundNice)) == nil
}

// threadNice is a thread's nice value (-20 … 19). The system call returns
// 20 - nice, which the C library turns back; golang.org/x/sys does not.
func threadNice(tid int) (int, error) {
	p, err := unix.Getpriority(unix.PRIO_PROCESS, tid)
	if err != nil {
		return 0, err
	}
	return 20 - p, nil
}
