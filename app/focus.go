package app

import (
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// Focus she can see: whichever way a field gets the keyboard (Tab,
// Shift+Tab, a click, a finding's link, a step opened), the scrolled
// screen it is on (the form, an after-selection tab) scrolls it into view,
// so that what she types next never goes into a field out of sight. Fyne
// tells a program of no focus change (its Tab moves the focus inside the
// driver), so each focusable input of the form tells it: the inputs of
// package widgets (Entry, Select, Check, Button) call widgets.Reveal, which
// is revealFocused, from their FocusGained.

// revealMargin is the room kept above and below a revealed field: its
// label's line above, its message line below.
const revealMargin = 40

// revealFocused scrolls every vertical scroller of o's window that holds o
// so that o is in view, moving as little as it can: nothing when o is
// already wholly visible.
func revealFocused(o fyne.CanvasObject) {
	imeFocused(o) // the input method's windows go to its caret (imehook.go)
	if windowReturning() {
		return // the window got the keyboard back: it scrolls nowhere new
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil {
		return
	}
	var scrolls []*container.Scroll
	var contentTops []float32 // each scroller's content top, on the walk's axis
	var at float32            // o's top, found
	var walk func(n fyne.CanvasObject, y float32) bool
	walk = func(n fyne.CanvasObject, y float32) bool {
		if n == nil || !n.Visible() {
			return false
		}
		if n == o {
			at = y
			return true
		}
		var kids []fyne.CanvasObject
		switch t := n.(type) {
		case *fyne.Container:
			kids = t.Objects
		case *container.Scroll:
			// Fyne lays a scroller's content at minus its offset.
			top := y - t.Offset.Y
			scrolls, contentTops = append(scrolls, t), append(contentTops, top)
			if walk(t.Content, top) {
				return true
			}
			scrolls, contentTops = scrolls[:len(scrolls)-1], contentTops[:len(contentTops)-1]
			return false
		case *container.Split:
			kids = []fyne.CanvasObject{t.Leading, t.Trailing}
		case *container.AppTabs:
			if sel := t.Selected(); sel != nil {
				kids = []fyne.CanvasObject{sel.Content}
			}
		}
		for _, k := range kids {
			if walk(k, y+k.Position().Y) {
				return true
			}
		}
		return false
	}
	root := c.Content()
	if root == nil || !walk(root, root.Position().Y) {
		return
	}
	// Innermost first: an inner scroller shows o, then the outer ones show
	// the inner where o now is.
	for i := len(scrolls) - 1; i >= 0; i-- {
		s := scrolls[i]
		if s.Direction == container.ScrollHorizontalOnly {
			continue
		}
		before := s.Offset.Y
		scrollToShow(s, at-contentTops[i], o.Size().Height)
		at -= s.Offset.Y - before
	}
}

// scrollToShow moves s the least that shows the span [top, top+h) of its
// content with revealMargin around it; a span taller than the view shows
// its top.
func scrollToShow(s *container.Scroll, top, h float32) {
	view := s.Size().Height
	if view <= 0 {
		return
	}
	y := s.Offset.Y
	switch {
	case top-revealMargin < y || h+2*revealMargin > view:
		y = top - revealMargin
	case top+h+revealMargin > y+view:
		y = top + h + revealMargin - view
	default:
		return
	}
	if max := s.Content.Size().Height - view; y > max {
		y = max
	}
	if y < 0 {
		y = 0
	}
	if y == s.Offset.Y {
		return
	}
	s.Offset = fyne.NewPos(s.Offset.X, y)
	s.Refresh()
}

// windowReturnedAt is when the window last got the keyboard back from
// another program (UnixNano); the ui sets it (newUI). Fyne then tells the
// field that had the cursor it has it again: that is not the user
// reaching the field, so its text is not selected (what she was typing
// stays as it was) and nothing scrolls.
var windowReturnedAt atomic.Int64

// windowReturning: the window got the keyboard back in this very event.
func windowReturning() bool {
	t := windowReturnedAt.Load()
	return t != 0 && time.Since(time.Unix(0, t)) < windowLeftWithin
}
