#!/bin/sh
# make-ui-subset.sh writes DroidSansFallback-UI.otf, the window's CJK font: a
# subset of DroidSansFallbackFull.ttf to the blocks a Chinese form needs,
# with CFF outlines. The window's text stack (go-text, used by Fyne) parses
# every TrueType glyph outline of its font at load time, and Fyne loads the
# font once per text style: the 49,382 glyphs of the full font cost ~50 MB
# of heap, the 35,955 of the subset 12.4 MB a parse. CFF outlines go-text
# keeps as the bytes of the file and reads a glyph when it draws it: 5.7 MB
# a parse (BenchmarkUIFontParse in app). So the subset's TrueType outlines
# are turned into CFF ones (ttf2cff.py: a quadratic curve is a cubic one,
# to within one font unit) and shared parts of them made into subroutines
# (cffsubr), which makes the file smaller than
# the TrueType subset (2.6 MB against 2.8 MB). The PDF writer keeps the full
# TrueType font.
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
# Needs fontTools and cffsubr (Debian: python3-fonttools, python3-cffsubr);
# PYTHON names an interpreter that has them if the first python3 on PATH
# does not. Takes about a minute. Run from anywhere:
#   sh assets/fonts/make-ui-subset.sh
set -eu
cd "$(dirname "$0")"
PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import fontTools, cffsubr' 2>/dev/null; then
	echo "make-ui-subset.sh: $PYTHON lacks fontTools or cffsubr (install python3-fonttools and python3-cffsubr, or set PYTHON)" >&2
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PYTHON" -m fontTools.subset DroidSansFallbackFull.ttf \
	--unicodes='U+0020-007E,U+2000-206F,U+3000-33FF,U+4E00-9FFF,U+FE10-FE1F,U+FE30-FE6F,U+FF00-FFEF' \
	--layout-features='*' \
	--no-hinting \
	--drop-tables+=vhea,vmtx \
	--name-IDs='*' --name-legacy --name-languages='*' \
	--notdef-outline \
	--output-file="$tmp/subset.ttf"
"$PYTHON" ttf2cff.py "$tmp/subset.ttf" "$tmp/cff.otf"
"$PYTHON" -m cffsubr -o DroidSansFallback-UI.otf "$tmp/cff.otf"
