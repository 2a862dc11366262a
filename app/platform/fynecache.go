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
// scripted session typing every text box of the form from empty peaked at
// 190–197 MB with 20 s (9 runs of 10; 210 MB in one) and 203 MB with a
// minute (docs/window.md, “A whole session”). What expires is made again when next shown (a step's
// renderers, a text's texture: milliseconds).
//
// Not below 10 s: while the window is idle Fyne walks its widgets to keep
// them cached whenever the last walk is older than 10 s + 60 s − the
// duration (glfw loop.go, markCacheAlive), that is every frame at 10 s;
// at 20 s every 10 s (CPU while idle: 2.5–2.9 s in 22 s at 20 s, 2.9–3.2 s
// at 10 s, under a software renderer). Fyne's clean-up runs at most every
// 10 s after a redraw and otherwise every half the duration it started with
// (30 s), whatever is set here.
const windowCacheDuration = 20 * time.Second

// ShortenFyneCache sets Fyne's cache duration to windowCacheDuration unless
// the user set FYNE_CACHE. Call once at start, before the window is shown.
func ShortenFyneCache() {
	if os.Getenv("FYNE_CACHE") == "" {
		fyneCacheDuration = windowCacheDuration
	}
}
