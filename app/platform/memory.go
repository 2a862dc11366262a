package platform

import (
	"os"
	"runtime/debug"
	"sync"
	"time"
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
// import decodes a 12-megapixel picture (7 MB at half size, then the
// scaled picture, see aftercare.Prepare) on top of some 40 MB of live heap;
// the window's live heap otherwise stays at 25–55 MB. With 96 MiB the
// session's peak resident memory was 240–241 MB with Fyne 2.8.1, with
// 80 MiB 226–227 MB. Since the session's peak moved from the photo import
// to the typing and the exports (session 7: the C heap trimmed, Fyne's
// cache shortened, the export's collector target), 72 MiB gives 191–194 MB
// against 199–200 MB with 80 MiB, at the cost of more collections while
// typing fast: the scripted walk, 300 characters a box typed ten a frame,
// takes 41–45 s instead of 37–43 s (docs/window.md, “A whole session”). It
// is soft: a program whose live data outgrows it collects more often (the
// runtime caps the collector at half the CPU), nothing fails.
const memoryLimit = 72 << 20

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
	trimCHeap()
}

// cHeapTrimEvery is how often the window gives back the C heap's free pages
// (KeepCHeapTrimmed).
const cHeapTrimEvery = 5 * time.Second

// KeepCHeapTrimmed gives back, every cHeapTrimEvery on a goroutine of its
// own, the pages the C heap has freed but still holds, where the C library
// can (glibc's malloc_trim, Linux): the renderer under the window draws
// every text typed into a texture of its own, freed when the text changes,
// and without this the freed pages stay resident (docs/window.md, “A whole
// session”). Elsewhere it does nothing. Call once at start.
func KeepCHeapTrimmed() {
	if !canTrimCHeap {
		return
	}
	go func() {
		for range time.Tick(cHeapTrimEvery) {
			trimCHeap()
		}
	}()
}

// exportGCPercent is the collector target while a document export runs
// (BeginExport … EndExport): an export makes its documents in some 20 MB
// of short-lived memory on top of 25–35 MB of live heap, and with the
// window's gcPercent the heap may hold half the live data again in
// garbage at its peak; with this, a tenth.
const exportGCPercent = 10

// exports counts the exports running; exportMu guards it.
var (
	exportMu sync.Mutex
	exports  int
)

// BeginExport gives back the heap the collector has freed (ReturnFreed)
// and, until the matching EndExport, keeps the collector's target at
// exportGCPercent, unless the user set GOGC.
func BeginExport() {
	exportMu.Lock()
	exports++
	if exports == 1 && os.Getenv("GOGC") == "" {
		debug.SetGCPercent(exportGCPercent)
	}
	exportMu.Unlock()
	ReturnFreed()
}

// EndExport ends what BeginExport began: when no other export runs it puts
// the collector's target back to gcPercent, and it gives back the heap the
// export freed.
func EndExport() {
	exportMu.Lock()
	exports--
	if exports == 0 && os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	exportMu.Unlock()
	ReturnFreed()
}
