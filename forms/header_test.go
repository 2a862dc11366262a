package forms

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms/usererr"
)

func TestReadHeader(t *testing.T) {
	d := sample(t, "forum")
	p := saved(t, t.TempDir(), d)
	h, err := ReadHeader(p)
	if err != nil {
		t.Fatal(err)
	}
	if !h.Complete || h.SchemaVersion != SchemaVersion || h.Category != "forum" || h.ProjectName != d.Project.Name || h.ApplicantName != d.Applicant.Name || !h.UpdatedAt.Equal(saveTime) || h.ID != d.ID {
		t.Errorf("header %+v", h)
	}
	// a draft at the limits: only the first 64 KB are read, the header is there
	d.Part().SetText("call_for_papers", strings.Repeat("征", MaxFieldChars))
	d.Project.Summary = strings.Repeat("长", MaxFieldChars)
	p = saved(t, t.TempDir(), d)
	if st, _ := os.Stat(p); st.Size() <= HeaderBytes {
		t.Fatalf("test draft of %d bytes only", st.Size())
	}
	h, err = ReadHeader(p)
	if err != nil || h.ProjectName != d.Project.Name || h.Category != "forum" {
		t.Errorf("long draft: %+v, %v", h, err)
	}
	// refused like Load
	dir := t.TempDir()
	for name, c := range map[string]struct {
		data []byte
		code usererr.Code
	}{
		"gbk":     {[]byte("{\"schema_version\": 1, \"project\": {\"name\": \"\xbc\xaa\xc1\xd6\"}}"), usererr.Encoding},
		"array":   {[]byte(`[1, 2]`), usererr.NotOurs},
		"empty":   {nil, usererr.Corrupt},
		"notours": {[]byte(`{"hello": "world"}`), usererr.NotOurs},
	} {
		p := filepath.Join(dir, name+DraftExt)
		_ = os.WriteFile(p, c.data, 0o644)
		if _, err := ReadHeader(p); usererr.CodeOf(err) != c.code {
			t.Errorf("%s: %v", name, err)
		}
	}
	big := filepath.Join(dir, "big"+DraftExt)
	f, _ := os.Create(big)
	_ = f.Truncate(200 << 20)
	f.Close()
	if _, err := ReadHeader(big); usererr.CodeOf(err) != usererr.TooLarge {
		t.Errorf("200 MB: %v", err)
	}
	if _, err := ReadHeader(dir); usererr.CodeOf(err) != usererr.IsDir {
		t.Errorf("folder: %v", err)
	}
}

// FuzzReadHeader: the header of whatever loads agrees with the draft, and
// no input makes the header reader panic.
func FuzzReadHeader(f *testing.F) {
	for _, c := range []string{"annual", "forum", "intl"} {
		b, _ := Marshal(sample(f, c))
		f.Add(b, true)
		f.Add(b[:len(b)/2], false)
	}
	f.Add([]byte("\xef\xbb\xbf{\"schema_version\": 1}"), true)
	f.Fuzz(func(t *testing.T, data []byte, whole bool) {
		h, herr := parseHeader("h.json", data, whole)
		if !whole {
			return
		}
		d, err := Unmarshal("h.json", data)
		if err != nil {
			return
		}
		if herr != nil {
			t.Fatalf("the draft loads but its header does not: %v", herr)
		}
		if h.Category != d.Category || h.ID != d.ID || (h.Complete && (h.ProjectName != d.Project.Name || h.ApplicantName != d.Applicant.Name)) {
			t.Fatalf("header %+v disagrees with the draft (%q, %q, %q)", h, d.Category, d.Project.Name, d.Applicant.Name)
		}
	})
}

// BenchmarkReadHeader: the header of a sample draft file (what the drafts
// list reads of each draft before it is shown), against loading the whole
// draft (Load); tokens: the header from the file's bytes, without the
// file's reading.
func BenchmarkReadHeader(b *testing.B) {
	data, err := Marshal(sample(b, "forum"))
	if err != nil {
		b.Fatal(err)
	}
	p := filepath.Join(b.TempDir(), "a"+DraftExt)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		b.Fatal(err)
	}
	b.Run("ReadHeader", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ReadHeader(p); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("tokens", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			h := &Header{SchemaVersion: -1}
			readHeaderFields(json.NewDecoder(bytes.NewReader(data)), h)
		}
	})
	b.Run("Load", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Load(p); err != nil {
				b.Fatal(err)
			}
		}
	})
}
