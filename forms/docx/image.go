package docx

import (
	"fmt"
	"strings"

	"shenbao/forms/layout"
)

// Namespaces of an inline picture (DrawingML).
const (
	nsWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
)

// emuPerMM is English Metric Units per millimetre.
const emuPerMM = 36000

// image writes a centred paragraph holding the JPEG as an inline picture of
// its printed size (layout.Image.SizeMM) and keeps the picture's bytes for
// the package (word/media/imageN.jpeg).
func (b *builder) image(im *layout.Image, keep bool) {
	b.media = append(b.media, im.JPEG)
	n := len(b.media)
	w, h := im.SizeMM(float64(textWidth) / 1440 * 25.4)
	cx, cy := int(w*emuPerMM), int(h*emuPerMM)
	pPr := para{align: "center", after: 60, keepNext: keep || im.Caption != ""}
	if b.pageBreak {
		pPr.breakBefore = true
		b.pageBreak = false
	}
	fmt.Fprintf(&b.buf, `<w:p>%s<w:r><w:drawing>`+
		`<wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="%s"><wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="图片 %d"/>`+
		`<a:graphic xmlns:a="%s"><a:graphicData uri="%s"><pic:pic xmlns:pic="%s">`+
		`<pic:nvPicPr><pic:cNvPr id="%d" name="image%d.jpeg"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="rIdImage%d"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
		`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
		pPr.pPr(runStyle{}), nsWP, cx, cy, n, n, nsA, nsPic, nsPic, n, n, n, cx, cy)
	if im.Caption != "" {
		b.p(im.Caption, para{align: "center", after: 60, line: exact(18), keepNext: keep}, runStyle{size: 18})
	}
}

// withMedia adds the pictures of the document to the package: their parts,
// their relationships and the JPEG content type. Without pictures the parts
// are returned unchanged.
func (b *builder) withMedia(parts []struct{ name, data string }) []struct{ name, data string } {
	if len(b.media) == 0 {
		return parts
	}
	var rels strings.Builder
	for i := range b.media {
		fmt.Fprintf(&rels, `<Relationship Id="rIdImage%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image%d.jpeg"/>`, i+1, i+1)
	}
	for i := range parts {
		switch parts[i].name {
		case "[Content_Types].xml":
			parts[i].data = strings.Replace(parts[i].data, "</Types>", `<Default Extension="jpeg" ContentType="image/jpeg"/></Types>`, 1)
		case "word/_rels/document.xml.rels":
			parts[i].data = strings.Replace(parts[i].data, "</Relationships>", rels.String()+"</Relationships>", 1)
		}
	}
	for i, m := range b.media {
		parts = append(parts, struct{ name, data string }{fmt.Sprintf("word/media/image%d.jpeg", i+1), string(m)})
	}
	return parts
}
