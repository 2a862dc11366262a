package layout

// Image is a JPEG picture printed centred at a given width, its height
// following the picture's proportions (never taller than MaxHeightMM, when
// set), with its caption (if any) centred below it on the same page. It is
// used for the information report's photos.
type Image struct {
	JPEG        []byte  // baseline or progressive JPEG, RGB or greyscale
	PixelWidth  int     // the picture's size in pixels, for its proportions
	PixelHeight int     //
	WidthMM     float64 // printed width; 0 is the text width
	MaxHeightMM float64 // 0 is no limit besides the page
	// Caption is printed below the picture (9 pt), never parted from it.
	Caption string
	// MinScale, when > 0, lets the PDF shrink the picture down to this
	// share of its size so that it and its caption fit below what is
	// already on the page, instead of moving to the next page alone.
	MinScale float64
}

func (*Image) block() {}

// SizeMM is the printed size of the image within a text width, both in
// millimetres.
func (im *Image) SizeMM(textWidthMM float64) (w, h float64) {
	w = im.WidthMM
	if w <= 0 || w > textWidthMM {
		w = textWidthMM
	}
	if im.PixelWidth <= 0 || im.PixelHeight <= 0 {
		return w, w * 3 / 4
	}
	h = w * float64(im.PixelHeight) / float64(im.PixelWidth)
	if im.MaxHeightMM > 0 && h > im.MaxHeightMM {
		h = im.MaxHeightMM
		w = h * float64(im.PixelWidth) / float64(im.PixelHeight)
	}
	return w, h
}
