package platform

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
// import decodes a 12-megapixel picture (18 MB of samples, then the 12 MB
// scaled picture, see aftercare.Prepare) on top of some 40 MB of live
// heap; the window's live heap otherwise stays at 30–55 MB. With 96 MiB the
// session's peak resident memory was 240–241 MB with Fyne 2.8.1, with
// 80 MiB 226–227 MB, with 72 MiB no lower (225–226 MB: the import's own
// data is then the floor) and more collector CPU (docs/window.md, “A whole
// session”). It is soft: a program whose live data outgrows it collects
// more often, nothing fails.
const memoryLimit = 80 << 20

// TuneGC sets the collector target (gcPercent) and the soft memory limit
// (memoryLimit) for the window, unless the user set GOGC or GOMEMLIMIT in
// the environment. Call once at start.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}

// ReturnFreed collects and gives back to the system the heap the collector
// has freed but the runtime still holds (debug.FreeOSMemory): the garbage
// of typing and screens shown, or what a large piece of work such as an
// export left behind, so that the next piece of work starts from the live
// heap, not from the high-water mark.
func ReturnFreed() {
	debug.FreeOSMemory()
}
