"""ttf2cff.py IN.ttf OUT.otf: the same font with its TrueType outlines
(glyf) turned into CFF outlines: each quadratic curve becomes the cubic
curve that draws it, its points rounded to whole font units (so within one
unit of the original; a point on a straight line may be dropped). Used by
make-ui-subset.sh; see there why.

Needs fontTools. The output is not subroutinized; make-ui-subset.sh runs
cffsubr on it afterwards.
"""
import sys

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont

src, dst = sys.argv[1], sys.argv[2]
font = TTFont(src, recalcTimestamp=False)
glyphs = font.getGlyphSet()
hmtx = font["hmtx"]
charstrings = {}
for name in font.getGlyphOrder():
    pen = T2CharStringPen(hmtx[name][0], glyphs)
    glyphs[name].draw(pen)
    charstrings[name] = pen.getCharString()

builder = FontBuilder(font=font)
builder.isTTF = False
psname = font["name"].getDebugName(6) or "DroidSansFallback"
builder.setupCFF(psname, {"FullName": font["name"].getDebugName(4) or psname}, charstrings, {})
for tag in ("glyf", "loca", "fpgm", "prep", "cvt ", "gasp"):
    if tag in font:
        del font[tag]
font.sfntVersion = "OTTO"
font["maxp"].tableVersion = 0x00005000
font["post"].formatType = 3.0
font.save(dst)
