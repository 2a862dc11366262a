package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// eachObject calls visit for o and for every object under it: a
// container's objects and a widget's rendered objects, depth first.
func eachObject(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch o := o.(type) {
	case *fyne.Container:
		for _, k := range o.Objects {
			eachObject(k, visit)
		}
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(o).Objects() {
			eachObject(k, visit)
		}
	}
}
