// Package widgets holds the window's own input widgets, each usable without
// the form: the text entry that says when the user leaves it (Entry), the
// amount box that shows its number right-aligned, the date box with its
// Chinese calendar, a table's growing text cell, a read-only box whose text
// can be read, a label that wraps Chinese text (Label) and a scroller that
// moves a wheel notch by three lines. What they need of the window (scroll
// the focused widget into view, tell whether the window has just got the
// keyboard back) the window hands them in Reveal and WindowReturning.
package widgets
