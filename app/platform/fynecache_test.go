package platform

import (
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The linked name is Fyne's own cache duration: it holds Fyne's default
// (a minute) before it is set, and a renderer Fyne made is destroyed by
// Fyne's cache once the shortened duration has passed.
func TestFyneCacheDurationLinked(t *testing.T) {
	// Fyne read FYNE_CACHE before the test started, when the environment
	// the tests run in sets it.
	want := time.Minute
	if d, err := time.ParseDuration(os.Getenv("FYNE_CACHE")); err == nil {
		want = d
	}
	t.Setenv("FYNE_CACHE", "")
	old := fyneCacheDuration
	t.Cleanup(func() { fyneCacheDuration = old })
	if old != want {
		t.Fatalf("Fyne's cache duration reads %v before it is set, want %v (Fyne's default or the environment's FYNE_CACHE): the name no longer links to Fyne's variable", old, want)
	}
	ShortenFyneCache()
	if fyneCacheDuration != windowCacheDuration {
		t.Fatalf("cache duration %v after ShortenFyneCache, want %v", fyneCacheDuration, windowCacheDuration)
	}

	// Fyne itself honours it: a label's renderer, not drawn for longer
	// than the duration, is destroyed by the cache's clean-up (which the
	// test driver's capture runs) and made anew.
	test.NewTempApp(t)
	l := widget.NewLabel("申报")
	w := test.NewTempWindow(t, l)
	first := test.WidgetRenderer(l)
	fyneCacheDuration = time.Nanosecond
	// Fyne cleans at most every 10 s when the canvas was refreshed: wait
	// for it, up to a minute.
	deadline := time.Now().Add(time.Minute)
	for test.WidgetRenderer(l) == first {
		if time.Now().After(deadline) {
			t.Fatal("the label's renderer was not destroyed after the cache duration: Fyne does not read the linked variable")
		}
		w.Canvas().Content().Refresh()
		_ = w.Canvas().(software.WindowlessCanvas).Capture()
		time.Sleep(10 * time.Millisecond)
	}
}

// FYNE_CACHE, when the user set it, wins.
func TestFyneCacheUserSetting(t *testing.T) {
	t.Setenv("FYNE_CACHE", "30s")
	old := fyneCacheDuration
	t.Cleanup(func() { fyneCacheDuration = old })
	ShortenFyneCache()
	if fyneCacheDuration != old {
		t.Errorf("ShortenFyneCache changed the duration to %v although FYNE_CACHE is set", fyneCacheDuration)
	}
}
