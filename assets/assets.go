// Package assets holds the files the program ships inside its binary: the
// fonts that print and show Chinese on a machine with no Chinese font
// installed, and the application icon. It exposes raw bytes only and imports
// no GUI toolkit, so the document writers can use the same font bytes as the
// window; the window wraps them as fyne.Resource values (package app/theme).
package assets

import _ "embed"

// CJKFont is Droid Sans Fallback (Apache-2.0): a sans-serif (黑体-like)
// TrueType font with 20,902 of the 20,992 CJK Unified Ideographs, CJK
// punctuation and full-width forms, but no Latin letters or digits.
//
//go:embed fonts/DroidSansFallbackFull.ttf
var CJKFont []byte

// LatinFont is DejaVu Sans (Bitstream Vera licence): Latin, Greek, Cyrillic,
// digits and symbols, the fallback for what CJKFont lacks.
//
//go:embed fonts/DejaVuSans.ttf
var LatinFont []byte

// CJKFontName and LatinFontName are the file names of the fonts above.
const (
	CJKFontName   = "DroidSansFallbackFull.ttf"
	LatinFontName = "DejaVuSans.ttf"
)

// Icon is the application icon (PNG, 1024×1024): 申 on a rounded blue
// square, drawn by assets/icongen. FyneApp.toml names the same file, which
// the packages' Windows icon and Linux .desktop entry are made from.
//
//go:embed icon.png
var Icon []byte
