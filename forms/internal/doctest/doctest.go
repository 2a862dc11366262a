// Package doctest reads documents back with real readers for the tests of
// the document writers: poppler's pdftotext, pdfinfo and pdffonts for PDF,
// LibreOffice for .docx. A missing tool fails the test (never skips it) and
// says how to install it.
package doctest

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"shenbao/assets"
)

// Tool returns the path of a program, failing the test when it is missing.
func Tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is not installed: run `make deps-test` (it installs poppler-utils and libreoffice-writer-nogui)", name)
	}
	return p
}

func run(t testing.TB, dir, prog string, args ...string) string {
	t.Helper()
	cmd := exec.Command(Tool(t, prog), args...)
	cmd.Dir = dir
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if dir != "" {
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if prog == "soffice" {
			installPrintFaces(t, dir)
		}
	}
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", prog, strings.Join(args, " "), err, stderr.String())
	}
	return out.String()
}

// fontsConf makes the faces a .docx names resolve to the faces the PDF
// prints in, as they would on a machine with the serif installed: 宋体
// (SimSun) and Times New Roman to Noto Serif SC, 黑体 (SimHei) and Arial to
// its Bold.
const fontsConf = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>%s</dir>
  <match target="pattern">
    <test name="family" qual="any"><string>宋体</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif SC</string></edit>
  </match>
  <match target="pattern">
    <test name="family" qual="any"><string>SimSun</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif SC</string></edit>
  </match>
  <match target="pattern">
    <test name="family" qual="any"><string>Times New Roman</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif SC</string></edit>
  </match>
  <match target="pattern">
    <test name="family" qual="any"><string>黑体</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif SC</string></edit>
    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>
  </match>
  <match target="pattern">
    <test name="family" qual="any"><string>SimHei</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif SC</string></edit>
    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>
  </match>
  <match target="pattern">
    <test name="family" qual="any"><string>Arial</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif SC</string></edit>
    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>
  </match>
</fontconfig>
`

// registry is LibreOffice's font replacement table: LibreOffice replaces
// Times New Roman and Arial with the metric-compatible Liberation faces by
// its own table, before fontconfig is asked; this one makes them Noto Serif
// SC, as the PDF prints Latin.
const registry = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Font/Substitution"><prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs"><node oor:name="_0" oor:op="replace"><prop oor:name="Always" oor:op="fuse"><value>true</value></prop><prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop><prop oor:name="ReplaceFont" oor:op="fuse"><value>Times New Roman</value></prop><prop oor:name="SubstituteFont" oor:op="fuse"><value>Noto Serif SC</value></prop></node></item>
<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs"><node oor:name="_1" oor:op="replace"><prop oor:name="Always" oor:op="fuse"><value>true</value></prop><prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop><prop oor:name="ReplaceFont" oor:op="fuse"><value>Arial</value></prop><prop oor:name="SubstituteFont" oor:op="fuse"><value>Noto Serif SC</value></prop></node></item>
</oor:items>
`

// installPrintFaces puts the bundled serif faces into a LibreOffice HOME
// (dir/.fonts) with a fontconfig file mapping the Word faces to them.
func installPrintFaces(t testing.TB, dir string) {
	t.Helper()
	fd := filepath.Join(dir, ".fonts")
	cd := filepath.Join(dir, ".config", "fontconfig")
	ud := filepath.Join(dir, ".config", "libreoffice", "4", "user")
	for _, d := range []string{fd, cd, ud} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range map[string][]byte{assets.SerifFontName: assets.SerifFont, assets.SerifBoldFontName: assets.SerifBoldFont} {
		p := filepath.Join(fd, name)
		if _, err := os.Stat(p); err == nil {
			continue
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(cd, "fonts.conf"), []byte(fmt.Sprintf(fontsConf, fd)), 0o644); err != nil {
		t.Fatal(err)
	}
	if p := filepath.Join(ud, "registrymodifications.xcu"); !exists(p) {
		if err := os.WriteFile(p, []byte(registry), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// PDFText is pdftotext's text of a PDF in the order it is drawn (-raw: a
// table cell's lines stay together); pages are separated by "\f".
func PDFText(t testing.TB, pdf []byte) string {
	t.Helper()
	return run(t, "", "pdftotext", "-raw", "-enc", "UTF-8", writeTemp(t, "doc.pdf", pdf), "-")
}

// PDFInfo is pdfinfo's report as key → value.
func PDFInfo(t testing.TB, pdf []byte) map[string]string {
	t.Helper()
	info := map[string]string{}
	for _, l := range strings.Split(run(t, "", "pdfinfo", writeTemp(t, "doc.pdf", pdf)), "\n") {
		k, v, ok := strings.Cut(l, ":")
		if ok {
			info[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return info
}

// Font is a line of pdffonts' report.
type Font struct {
	Name               string
	Embedded, Subset   bool
	HasToUnicode       bool
	Type, EncodingName string
}

// PDFFonts is pdffonts' list of the fonts of a PDF.
func PDFFonts(t testing.TB, pdf []byte) []Font {
	t.Helper()
	out := run(t, "", "pdffonts", writeTemp(t, "doc.pdf", pdf))
	lines := strings.Split(out, "\n")
	var fonts []Font
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if len(f) < 7 {
			continue
		}
		// name type... encoding emb sub uni object ID: read from the end.
		n := len(f)
		fonts = append(fonts, Font{Name: f[0], Type: strings.Join(f[1:n-6], " "), EncodingName: f[n-6],
			Embedded: f[n-5] == "yes", Subset: f[n-4] == "yes", HasToUnicode: f[n-3] == "yes"})
	}
	return fonts
}

// DocxTexts converts .docx files to plain text with LibreOffice (one run of
// soffice for all, since it starts slowly), by name.
func DocxTexts(t testing.TB, docs map[string][]byte) map[string]string {
	t.Helper()
	dir := t.TempDir()
	args := []string{"--headless", "--norestore", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", filepath.Join(dir, "out")}
	for name, data := range docs {
		p := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	run(t, dir, "soffice", args...)
	texts := map[string]string{}
	for name := range docs {
		b, err := os.ReadFile(filepath.Join(dir, "out", name+".txt"))
		if err != nil {
			t.Fatalf("LibreOffice did not convert %s.docx: %v", name, err)
		}
		texts[name] = strings.TrimPrefix(string(b), "\ufeff")
	}
	return texts
}

// DocxToPDF converts a .docx to PDF with LibreOffice.
func DocxToPDF(t testing.TB, docx []byte) []byte {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "doc.docx")
	if err := os.WriteFile(p, docx, 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, dir, "soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", filepath.Join(dir, "out"), p)
	b, err := os.ReadFile(filepath.Join(dir, "out", "doc.pdf"))
	if err != nil {
		t.Fatalf("LibreOffice did not convert the .docx to PDF: %v", err)
	}
	return b
}

// DocxToPDFs converts .docx files to PDF with one run of LibreOffice, by
// name.
func DocxToPDFs(t testing.TB, docs map[string][]byte) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	args := []string{"--headless", "--norestore", "--convert-to", "pdf", "--outdir", filepath.Join(dir, "out")}
	for name, data := range docs {
		p := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	run(t, dir, "soffice", args...)
	out := map[string][]byte{}
	for name := range docs {
		b, err := os.ReadFile(filepath.Join(dir, "out", name+".pdf"))
		if err != nil {
			t.Fatalf("LibreOffice did not convert %s.docx: %v", name, err)
		}
		out[name] = b
	}
	return out
}

// Pages is the text of each page of a PDF (pdftotext -raw).
func Pages(t testing.TB, pdf []byte) []string {
	t.Helper()
	return strings.Split(strings.TrimSuffix(PDFText(t, pdf), "\f"), "\f")
}

// Squeeze removes all white space, so that texts compare whatever line
// breaks a reader put in, and zero-width spaces.
func Squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' {
			return -1
		}
		return r
	}, s)
}

// Missing returns the wants not found (white space removed) in text, each
// quoted with its label.
func Missing(text string, wants map[string]string) []string {
	s := Squeeze(text)
	var out []string
	for label, w := range wants {
		if !strings.Contains(s, Squeeze(w)) {
			out = append(out, fmt.Sprintf("%s = %q", label, w))
		}
	}
	return out
}

// Word is one word of a PDF page as pdftotext -bbox reads it: its text and
// its box in points from the page's top left. pdftotext starts a new word
// where the gap between two characters is wider than a small part of the
// type size, so a letter-spaced word reads as several.
type Word struct {
	Page                   int
	Text                   string
	XMin, YMin, XMax, YMax float64
}

var wordRE = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)

// Words is every word of a PDF (pdftotext -bbox), page by page in reading
// order.
func Words(t testing.TB, pdf []byte) []Word {
	t.Helper()
	out := run(t, "", "pdftotext", "-bbox", "-enc", "UTF-8", writeTemp(t, "doc.pdf", pdf), "-")
	var ws []Word
	page := 0
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "<page ") {
			page++
		}
		m := wordRE.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
		ws = append(ws, Word{Page: page, Text: html.UnescapeString(m[5]), XMin: f(m[1]), YMin: f(m[2]), XMax: f(m[3]), YMax: f(m[4])})
	}
	return ws
}
