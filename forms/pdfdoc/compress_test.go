package pdfdoc

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"testing"
)

// fontFile is an embedded font file of a PDF: its stream as written and
// the length of the font it holds.
type fontFile struct {
	stream []byte
	length int
}

// gopdf writes each embedded TrueType file as
// "<</Length n\n/Filter /FlateDecode\n/Length1 m\n>>\nstream\n…".
var fontFileRe = regexp.MustCompile(`<</Length (\d+)\n/Filter /FlateDecode\n/Length1 (\d+)\n>>\nstream\n`)

func fontFiles(t *testing.T, pdf []byte) []fontFile {
	t.Helper()
	var out []fontFile
	for _, m := range fontFileRe.FindAllSubmatchIndex(pdf, -1) {
		n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
		l1, _ := strconv.Atoi(string(pdf[m[4]:m[5]]))
		out = append(out, fontFile{stream: pdf[m[1] : m[1]+n], length: l1})
	}
	if len(out) == 0 {
		t.Fatal("no embedded font file found in the PDF")
	}
	return out
}

// The font subsets are compressed at the level SetCompressLevel sets: the
// patched gopdf of forms/third_party/gopdf is the one built (upstream v0.33.0
// compresses them at zlib's default level whatever is set, and takes more
// than twice as long for a PDF; docs/documents.md).
func TestFontStreamsFollowCompressLevel(t *testing.T) {
	size := map[int]int{}
	for _, level := range []int{zlib.NoCompression, compressLevel} {
		gp, err := newPDF(nil)
		if err != nil {
			t.Fatal(err)
		}
		gp.SetCompressLevel(level)
		gp.AddPage()
		if err := gp.SetFont(family(chain[0]), "", 12); err != nil {
			t.Fatal(err)
		}
		if err := gp.Text("项目申报书 2024"); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := gp.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		for _, f := range fontFiles(t, buf.Bytes()) {
			size[level] += len(f.stream)
			if level == zlib.NoCompression && len(f.stream) < f.length {
				t.Errorf("level NoCompression: a font stream of %d bytes holds a font of %d: it was compressed anyway", len(f.stream), f.length)
			}
		}
	}
	if size[compressLevel] >= size[zlib.NoCompression]/2 {
		t.Errorf("font streams: %d bytes at level %d, %d at NoCompression: the level does not reach them", size[compressLevel], compressLevel, size[zlib.NoCompression])
	}
}

// Every font file of a sample's PDF decompresses to as many bytes as its
// /Length1 says and is a TrueType font (the tables a CID font needs, each
// inside the file) with all the face's glyph slots (gopdf keeps every one;
// the unused ones are empty).
func TestEmbeddedFontFilesParse(t *testing.T) {
	call, d := sample(t, "annual")
	var buf bytes.Buffer
	if err := Application(&buf, call, d, generated); err != nil {
		t.Fatal(err)
	}
	files := fontFiles(t, buf.Bytes())
	if len(files) != 2 {
		t.Errorf("%d embedded font files, want 2 (serif Regular and Bold)", len(files))
	}
	for i, f := range files {
		r, err := zlib.NewReader(bytes.NewReader(f.stream))
		if err != nil {
			t.Fatalf("font file %d: %v", i, err)
		}
		raw, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("font file %d: %v", i, err)
		}
		if len(raw) != f.length {
			t.Errorf("font file %d: %d bytes decompressed, /Length1 says %d", i, len(raw), f.length)
		}
		tables, err := sfntTables(raw)
		if err != nil {
			t.Fatalf("font file %d: %v", i, err)
		}
		for _, tag := range []string{"glyf", "head", "hhea", "hmtx", "loca", "maxp"} {
			if _, ok := tables[tag]; !ok {
				t.Errorf("font file %d has no %s table", i, tag)
			}
		}
		if maxp := tables["maxp"]; len(maxp) >= 6 {
			if n := binary.BigEndian.Uint16(maxp[4:]); n != 30920 {
				t.Errorf("font file %d: %d glyphs, want the face's 30,920", i, n)
			}
		}
	}
}

// sfntTables reads the table directory of a TrueType font: each table's
// bytes by tag, an error when a table lies outside the file.
func sfntTables(raw []byte) (map[string][]byte, error) {
	if len(raw) < 12 || binary.BigEndian.Uint32(raw) != 0x00010000 {
		return nil, errors.New("not a TrueType font (no 0x00010000 header)")
	}
	n := int(binary.BigEndian.Uint16(raw[4:]))
	if len(raw) < 12+16*n {
		return nil, errors.New("table directory cut short")
	}
	tables := map[string][]byte{}
	for i := range n {
		e := raw[12+16*i:]
		off, length := int(binary.BigEndian.Uint32(e[8:])), int(binary.BigEndian.Uint32(e[12:]))
		if off+length > len(raw) {
			return nil, fmt.Errorf("table %q at %d+%d is outside the %d-byte file", e[:4], off, length, len(raw))
		}
		tables[string(e[:4])] = raw[off : off+length]
	}
	return tables, nil
}
