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
	cst := style{size: 9, align: layout.Center}
	var caption []Line
	if im.Caption != "" {
		caption = e.wrapStyle(im.Caption, e.right-e.left, cst)
	}
	capH := 0.0
	if len(caption) > 0 {
		capH = 2 + float64(len(caption))*cst.size*e.o.LineSpacing
	}
	if full := e.bot - e.top - capH; h > full {
		w, h = w*full/h, full
	}
	if e.y+h+capH > e.bot && !e.atTop() {
		// Shrink to fit below what is on the page, when allowed; else
		// start a new page with picture and caption.
		if room := e.bot - e.y - capH; im.MinScale > 0 && room >= h*im.MinScale {
			w, h = w*room/h, room
		} else {
			e.newPage()
		}
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
	for _, l := range caption {
		e.textStyled(l, e.left, e.right, e.y, cst)
		e.y += cst.size * e.o.LineSpacing
	}
	if len(caption) > 0 {
		e.y += 3
	}
}
