// Package assets holds the files the program ships inside its binary: the
// fonts that print and show Chinese on a machine with no Chinese font
// installed, and the application icon. It exposes raw bytes only and imports
// no GUI toolkit, so the document writers can use the same font bytes as the
// window; the window wraps them as fyne.Resource values (package app/theme).
//
// Embedding costs no memory until a font is read: the bytes stay in the
// binary's read-only data, and the window reads only UIFont.
package assets

import _ "embed"

// SerifFont is Noto Serif SC Regular (OFL 1.1; the 思源宋体 design): the
// body face of the printed documents, a Song (宋体-style) face with TrueType
// outlines covering the 20,992 CJK Unified Ideographs, 6,592 of Extension A,
// CJK punctuation (full-width quotes, ellipsis) and, in a matching serif,
// Latin letters and digits. Taken from the npm package
// @expo-google-fonts/noto-serif-sc 0.4.3 (fonts/README.md).
//
//go:embed fonts/NotoSerifSC_400Regular.ttf
var SerifFont []byte

// SerifBoldFont is Noto Serif SC Bold, the heading face; it covers exactly
// the characters SerifFont covers (tested).
//
//go:embed fonts/NotoSerifSC_700Bold.ttf
var SerifBoldFont []byte

// CJKFont is Droid Sans Fallback (Apache-2.0): a sans-serif (黑体-like)
// TrueType font with 20,902 of the 20,992 CJK Unified Ideographs, CJK
// punctuation and full-width forms, but no Latin letters or digits. The
// documents use it for the few characters SerifFont lacks (compatibility
// ideographs, Hangul, some symbols).
//
//go:embed fonts/DroidSansFallbackFull.ttf
var CJKFont []byte

// UIFont is the window's CJK font: Droid Sans Fallback cut down by
// fonts/make-ui-subset.sh to what a Chinese form needs (all CJK Unified
// Ideographs U+4E00–9FFF that CJKFont has, CJK punctuation, Kana, full-width
// forms, general punctuation), without Ext-A, compatibility ideographs,
// Hangul or hinting, and with the same outlines in CFF form (to within one
// font unit): the window's text stack parses every TrueType glyph of its
// font into memory (12.4 MB for this subset, once per text style) but keeps
// CFF outlines as the file's bytes (5.7 MB). Documents use the print faces, which print what UIFont
// lacks.
//
//go:embed fonts/DroidSansFallback-UI.otf
var UIFont []byte

// LatinFont is DejaVu Sans (Bitstream Vera licence): Latin, Greek, Cyrillic,
// digits and symbols, the last fallback for what the other fonts lack.
//
//go:embed fonts/DejaVuSans.ttf
var LatinFont []byte

// The file names of the fonts above.
const (
	SerifFontName     = "NotoSerifSC_400Regular.ttf"
	SerifBoldFontName = "NotoSerifSC_700Bold.ttf"
	CJKFontName       = "DroidSansFallbackFull.ttf"
	UIFontName        = "DroidSansFallback-UI.otf"
	LatinFontName     = "DejaVuSans.ttf"
)

// Icon is the application icon (PNG, 1024×1024): 申 on a rounded blue
// square, drawn by assets/icongen. FyneApp.toml names the same file, which
// the packages' Windows icon and Linux .desktop entry are made from.
//
//go:embed icon.png
var Icon []byte
