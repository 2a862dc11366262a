package app

import (
	"os"
	"runtime/debug"
)

// gcPercent is the window's garbage-collector target: the heap may grow to
// 1.5× the live data between collections instead of Go's default 2×. At
// start the text stack parses the CJK font and leaves much garbage, and
// this keeps the peak memory of a start with the sample open about 15 MB
// lower, with no measurable cost to the keystroke path (docs/window.md,
// “Figures”).
const gcPercent = 50

// memoryLimit is the window's soft limit of the Go runtime's memory: near
// it the collector runs before the heap grows instead of after. A photo
// import decodes a 12-megapixel picture (about 30 MB at once, see
// aftercare.Prepare) on top of some 55 MB of live heap; with the limit the
// session's peak resident memory was 231–234 MB instead of 242–248 MB, with
// no difference in the steps' times (docs/window.md, “A whole session”).
// It is soft: a program whose live data outgrows it collects more often,
// nothing fails.
const memoryLimit = 96 << 20

// tuneGC sets the collector target and the memory limit for the window,
// unless the user set GOGC or GOMEMLIMIT in the environment.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
