package pdfdoc

import (
	"github.com/signintech/gopdf"

	"shenbao/forms/layout"
)

// image places a JPEG centred at its printed size (layout.Image.SizeMM);
// a picture that does not fit below what is on the page starts a new page,
// and one taller than a whole page is shrunk to fit it. gopdf embeds the
// JPEG bytes as they are (DCTDecode), so the PDF grows by the file's size.
func (e *engine) image(im *layout.Image) {
	w, h := im.SizeMM((e.right - e.left) / mm)
	w, h = w*mm, h*mm
	if full := e.bot - e.top; h > full {
		w, h = w*full/h, full
	}
	if e.y+h > e.bot && !e.atTop() {
		e.newPage()
	}
	x, y := e.left+(e.right-e.left-w)/2, e.y
	data := im.JPEG
	e.draw(func() error {
		holder, err := gopdf.ImageHolderByBytes(data)
		if err != nil {
			return err
		}
		return e.gp.ImageByHolder(holder, x, y, &gopdf.Rect{W: w, H: h})
	})
	e.y += h + 2
}
