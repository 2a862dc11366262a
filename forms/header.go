package forms

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"shenbao/forms/usererr"
)

// HeaderBytes is how much of a draft file ReadHeader reads at most.
const HeaderBytes = 64 << 10

// Header is what a list of drafts shows of a draft file without loading it:
// the fields that Marshal writes first.
type Header struct {
	SchemaVersion int
	ID            string
	CallYear      int
	Category      string
	Venue         string
	UpdatedAt     time.Time
	Confidential  bool
	ApplicantName string
	ProjectName   string
	// Complete is false when the part read ended before the project (the
	// last of the fields above in a saved draft) was reached.
	Complete bool
}

// ReadHeader reads the first fields of a draft file, at most HeaderBytes of
// it whatever its size, for a list of many drafts. The file is checked as
// Load checks it (a folder, a file over MaxFileSize, not UTF-8, not a draft
// are refused with the same *StoreError); it is not checked further: Load
// it before opening or checking it.
func ReadHeader(path string) (*Header, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, readError(path, err)
	}
	if st.IsDir() {
		return nil, &StoreError{Code: usererr.IsDir, Path: path, Message: fmt.Sprintf("“%s”是一个文件夹，不是草稿文件。请选择以 %s 结尾的草稿文件。", filepath.Base(path), DraftExt)}
	}
	if st.Size() > MaxFileSize {
		return nil, tooLarge(path, st.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, readError(path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, HeaderBytes))
	if err != nil {
		return nil, readError(path, err)
	}
	return parseHeader(path, data, int64(len(data)) == st.Size())
}

// parseHeader reads the header from the first bytes of a draft file; whole
// says whether data is the whole file.
func parseHeader(path string, data []byte, whole bool) (*Header, error) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))
	if len(trimmed) == 0 {
		return nil, &StoreError{Code: usererr.Corrupt, Path: path, Message: fmt.Sprintf("草稿文件 %s 是空的，可能保存时被中断。", filepath.Base(path))}
	}
	if !whole { // the cut may split a character
		for i := 0; i < utf8.UTFMax && len(trimmed) > 0 && !utf8.Valid(trimmed); i++ {
			trimmed = trimmed[:len(trimmed)-1]
		}
	}
	if err := checkEncoding(path, trimmed); err != nil {
		return nil, err
	}
	h := &Header{SchemaVersion: -1}
	seen, complete := readHeaderFields(json.NewDecoder(bytes.NewReader(trimmed)), h)
	if h.SchemaVersion < 0 {
		if !whole && seen == 0 {
			return nil, &StoreError{Code: usererr.Corrupt, Path: path, Message: fmt.Sprintf("草稿文件 %s 已损坏或不完整，无法打开。文件未被改动。", filepath.Base(path))}
		}
		return nil, &StoreError{Code: usererr.NotOurs, Path: path, Message: fmt.Sprintf("文件 %s 不是申报助手的草稿（缺少 schema_version）。", filepath.Base(path))}
	}
	h.Complete = complete
	return h, nil
}

// headerKeys are the top-level keys readHeaderFields decodes.
var headerKeys = []string{"schema_version", "id", "call_year", "category", "venue", "updated_at", "confidential", "applicant", "project"}

// readHeaderFields decodes the top-level fields of Header from dec until
// the data ends or is cut, skipping the others, matching keys as
// encoding/json does (case-insensitively, the last occurrence winning), and
// returns how many it found and whether it reached the project (the last
// header field in a saved draft) or the end of the object.
func readHeaderFields(dec *json.Decoder, h *Header) (seen int, complete bool) {
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return 0, false
	}
	var applicant, project struct {
		Name string `json:"name"`
	}
	for dec.More() {
		t, err := dec.Token()
		key, ok := t.(string)
		if err != nil || !ok {
			return seen, complete
		}
		for _, k := range headerKeys {
			if strings.EqualFold(key, k) {
				key = k
				break
			}
		}
		var target any
		switch key {
		case "schema_version":
			target = &h.SchemaVersion
		case "id":
			target = &h.ID
		case "call_year":
			target = &h.CallYear
		case "category":
			target = &h.Category
		case "venue":
			target = &h.Venue
		case "updated_at":
			target = &h.UpdatedAt
		case "confidential":
			target = &h.Confidential
		case "applicant":
			target = &applicant
		case "project":
			target = &project
		default:
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return seen, complete
			}
			continue
		}
		if dec.Decode(target) != nil {
			return seen, complete
		}
		seen++
		h.ApplicantName, h.ProjectName = applicant.Name, project.Name
		if key == "project" {
			complete = true
		}
	}
	return seen, true
}
