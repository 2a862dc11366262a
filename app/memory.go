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

// tuneGC sets the collector target for the window, unless the user set
// GOGC in the environment.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}
