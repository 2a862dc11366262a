//go:build !linux && !windows

package platform

// lowerThreadPriority does nothing here and says so. On macOS a thread's
// priority (its quality-of-service class, pthread_set_qos_class_self_np)
// is reachable only through cgo; setpriority there applies to the whole
// process.
func lowerThreadPriority() bool { return false }
