package widgets

import (
	"image/color"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// WheelNotch is how far Fyne's desktop driver moves for one notch of a
// mouse wheel outside macOS (its scrollSpeed).
const WheelNotch = 25

// wheelLines is how many lines of text one notch scrolls.
const wheelLines = 3

// wheelOverlay lies over a scrolled form and takes the mouse wheel
// wherever the pointer is: over an entry too, whose own inner scroller
// would otherwise swallow it. It takes nothing else (taps, drags, hover
// go to the widgets under it).
type wheelOverlay struct {
	widget.BaseWidget
	target *container.Scroll
}

// NewWheelScroll is s with the overlay on top.
func NewWheelScroll(s *container.Scroll) fyne.CanvasObject {
	o := &wheelOverlay{target: s}
	o.ExtendBaseWidget(o)
	return container.NewStack(s, o)
}

// wheelFactor scales one notch to about three lines of text. macOS sends
// fine-grained trackpad deltas: those are kept as they are.
func wheelFactor() float32 {
	if runtime.GOOS == "darwin" {
		return 1
	}
	line := theme.TextSize() + 2*theme.InnerPadding()
	return wheelLines * line / WheelNotch
}

// Scrolled forwards the wheel to the form, about three lines a notch.
func (o *wheelOverlay) Scrolled(ev *fyne.ScrollEvent) {
	k := wheelFactor()
	e := *ev
	e.Scrolled = fyne.NewDelta(ev.Scrolled.DX*k, ev.Scrolled.DY*k)
	o.target.Scrolled(&e)
}

// MinSize is nothing: the overlay takes the size of the form.
func (o *wheelOverlay) MinSize() fyne.Size { return fyne.Size{} }

// CreateRenderer draws nothing: the overlay only takes the wheel.
func (o *wheelOverlay) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}
