package aftercare

import "image"

// The pictures the tests compare the import against: scaling a decoded
// picture whole (as the import did before it decoded JPEGs at reduced
// size), and turning a picture after scaling it.

// scaleDown is scaleTo to the stored size of img: its longer side at most
// max pixels.
func scaleDown(img image.Image, max, o int) *image.RGBA {
	sb := img.Bounds()
	w, h := fitSize(sb.Dx(), sb.Dy(), max)
	return scaleTo(img, w, h, o)
}

// orientImage turns a picture stored with EXIF orientation o into the
// picture as it should be seen (orientation 1).
func orientImage(src *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return src
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dx, dy := orientXY(o, x, y, w, h)
			si := src.PixOffset(b.Min.X+x, b.Min.Y+y)
			di := dst.PixOffset(dx, dy)
			copy(dst.Pix[di:di+4], src.Pix[si:si+4])
		}
	}
	return dst
}
