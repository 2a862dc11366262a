#!/bin/sh
# make-ui-subset.sh writes DroidSansFallback-UI.ttf, the window's CJK font: a
# subset of DroidSansFallbackFull.ttf to the blocks a Chinese form needs. The
# window's text stack (go-text, used by Fyne) parses every glyph outline of
# its font at load time, so the 49,382 glyphs of the full font cost ~50 MB of
# heap; the subset keeps ~21,800. The PDF writer keeps the full font.
#
# Kept: ASCII (the full font maps only the space), General Punctuation,
# CJK Symbols and Punctuation, Kana, Bopomofo, enclosed CJK and CJK
# compatibility (㈠, ㎡), all CJK Unified Ideographs U+4E00–9FFF, vertical,
# compatibility and small form variants, full-width forms.
# Dropped: Ext-A (U+3400–4DBF), compatibility ideographs (U+F900–FAFF),
# Hangul jamo and the ~20,000 unmapped glyphs the full font composes old
# Hangul from, hinting instructions and vertical metrics (the window does
# not hint, nor set vertical text). Fyne shows a dropped character from a
# system font when the machine has one (Windows and macOS cover Ext-A).
#
# Needs fontTools (Debian: python3-fonttools); PYTHON names an interpreter
# that has it if the first python3 on PATH does not. Run from anywhere:
#   sh assets/fonts/make-ui-subset.sh
set -eu
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import fontTools' 2>/dev/null; then
	echo "make-ui-subset.sh: $PYTHON has no fontTools (install python3-fonttools, or set PYTHON)" >&2
	exit 1
fi
"$PYTHON" -m fontTools.subset DroidSansFallbackFull.ttf \
	--unicodes='U+0020-007E,U+2000-206F,U+3000-33FF,U+4E00-9FFF,U+FE10-FE1F,U+FE30-FE6F,U+FF00-FFEF' \
	--layout-features='*' \
	--no-hinting \
	--drop-tables+=vhea,vmtx \
	--name-IDs='*' --name-legacy --name-languages='*' \
	--notdef-outline \
	--output-file=DroidSansFallback-UI.ttf
