package platform

import (
	"os"
	"time"
	_ "unsafe" // go:linkname
)

// fyneCacheDuration is Fyne's cache duration (fyne.io/fyne/v2/internal/cache's
// ValidDuration, one minute unless FYNE_CACHE says otherwise): how long after
// it was last drawn or used Fyne keeps a widget's renderer, a measured string
// and the texture of a text drawn. Fyne reads FYNE_CACHE once, before main,
// and offers no other way to set it; this name links to its variable, which
// Fyne reads each time it marks something used. If a Fyne version renamed
// it, the program would still build (the name would then be a variable of
// its own, set and never read, the cache back at a minute):
// TestFyneCacheDurationLinked fails then, as it reads Fyne's default
// through the name and sees Fyne drop a renderer after the duration.
//
//go:linkname fyneCacheDuration fyne.io/fyne/v2/internal/cache.ValidDuration
var fyneCacheDuration time.Duration

// windowCacheDuration is the window's Fyne cache duration. Fyne keeps the
// texture of every text drawn for its cache duration after its last draw,
// keyed by the text: typing a sentence a character at a time leaves one
// texture per state of the line (in the renderer's C heap) and one measured
// string per state (in Go's heap), all kept for a minute by default. A
// scripted session typing 300 characters into each long box peaked 8–10 MB
// lower with 10 s (docs/window.md, “A whole session”). What expires is made
// again when next shown (a step's renderers, in milliseconds).
const windowCacheDuration = 10 * time.Second

// ShortenFyneCache sets Fyne's cache duration to windowCacheDuration unless
// the user set FYNE_CACHE. Call once at start, before the window is shown.
func ShortenFyneCache() {
	if os.Getenv("FYNE_CACHE") == "" {
		fyneCacheDuration = windowCacheDuration
	}
}
