package forms

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"shenbao/forms/atomicfile"
	"shenbao/forms/usererr"
)

// DraftExt is the file extension of draft files.
const DraftExt = ".shenbao.json"

// BackupSuffix is appended to a draft's path for the previous good copy.
const BackupSuffix = ".bak"

// StoreError is a failure to read or write a draft file, with a Chinese
// sentence that says what happened and what to do. The file on disk is left
// as it was. It is the program's one user-facing error type
// (usererr.Error): Code says what kind of failure it is.
type StoreError = usererr.Error

// ErrNewerVersion is wrapped by Load when the file was written by a newer
// program.
var ErrNewerVersion = errors.New("draft written by a newer version")

// Marshal encodes a draft as the indented JSON of the current schema.
func Marshal(d *Draft) ([]byte, error) {
	c := *d
	c.SchemaVersion = SchemaVersion
	b, err := json.MarshalIndent(&c, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// utf8BOM is the byte-order mark Notepad writes at the start of UTF-8 files.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Unmarshal decodes a draft file's bytes, migrating older schema versions.
// name is used in messages. A file that is not UTF-8 is refused, never
// decoded with its bytes replaced (a GBK or GB18030 file is named as such);
// a UTF-8 byte-order mark is skipped. A draft beyond the limits
// (CheckLimits, MaxFileSize) is refused.
func Unmarshal(name string, data []byte) (*Draft, error) {
	if len(data) > MaxFileSize {
		return nil, tooLarge(name, int64(len(data)))
	}
	return unmarshal(name, data, true)
}

// unmarshal is Unmarshal; without limits a draft beyond CheckLimits is
// decoded too (an autosave, recovery.go).
func unmarshal(name string, data []byte, limits bool) (*Draft, error) {
	base := filepath.Base(name)
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))
	if len(trimmed) == 0 {
		return nil, &StoreError{Code: usererr.Corrupt, Path: name, Message: fmt.Sprintf("草稿文件 %s 是空的，可能保存时被中断。%s", base, backupHint(name))}
	}
	// What is not JSON at all is refused below; UTF-16 starts with a
	// byte-order mark or a zero byte next to "{".
	if trimmed[0] == '{' || trimmed[0] == '[' || isUTF16(trimmed) {
		if err := checkEncoding(name, trimmed); err != nil {
			return nil, err
		}
	}
	var head struct {
		SchemaVersion *int `json:"schema_version"`
	}
	if err := json.Unmarshal(trimmed, &head); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field == "" {
			return nil, &StoreError{Code: usererr.NotOurs, Path: name, Err: err, Message: fmt.Sprintf("文件 %s 不是申报助手的草稿：草稿的内容是一个以 { 开头的对象，这个文件是%s。文件未被改动。", base, jsonKind(te.Value))}
		}
		return nil, &StoreError{Code: usererr.Corrupt, Path: name, Err: err, Message: fmt.Sprintf("草稿文件 %s 已损坏或不完整（%s），无法打开。文件未被改动；%s", base, jsonReason(trimmed, err), backupHint(name))}
	}
	if head.SchemaVersion == nil {
		return nil, &StoreError{Code: usererr.NotOurs, Path: name, Message: fmt.Sprintf("文件 %s 不是申报助手的草稿（缺少 schema_version）。", base)}
	}
	v := *head.SchemaVersion
	if v > SchemaVersion {
		return nil, &StoreError{Code: usererr.NewerVersion, Path: name, Err: ErrNewerVersion, Message: fmt.Sprintf("草稿文件 %s 由更新版本的申报助手保存（格式版本 %d，本程序支持到 %d）。请升级申报助手后再打开；文件未被改动。", base, v, SchemaVersion)}
	}
	if v < 0 {
		return nil, &StoreError{Code: usererr.Corrupt, Path: name, Message: fmt.Sprintf("草稿文件 %s 的格式版本 %d 无效。", base, v)}
	}
	migrated, err := migrate(v, trimmed)
	if err != nil {
		return nil, &StoreError{Code: usererr.Corrupt, Path: name, Err: err, Message: fmt.Sprintf("草稿文件 %s 无法从旧格式（版本 %d）转换：%s", base, v, usererr.Shorten(err.Error(), 120))}
	}
	var d Draft
	dec := json.NewDecoder(bytes.NewReader(migrated))
	if err := dec.Decode(&d); err != nil {
		return nil, &StoreError{Code: usererr.Corrupt, Path: name, Err: err, Message: fmt.Sprintf("草稿文件 %s 的内容有误（%s），无法打开。文件未被改动。", base, jsonReason(migrated, err))}
	}
	if err := CheckLimits(&d); err != nil && limits {
		se := err.(*StoreError)
		se.Path, se.Message = name, fmt.Sprintf("草稿文件 %s 中%s，无法打开。文件未被改动；这样的内容不像是申报书，请检查文件是否正确。", base, se.Message)
		return nil, se
	}
	if !bytes.ContainsRune(trimmed, utf8.RuneError) && !bytes.Contains(bytes.ToLower(trimmed), []byte(`\ufffd`)) {
		// No U+FFFD in the file, so one in the draft comes from an
		// escape such as \ud800 that JSON decoding replaced (also when
		// migrating an older version re-encoded the file).
		bad := ""
		WalkText(&d, func(path, text string) {
			if bad == "" && strings.ContainsRune(text, utf8.RuneError) {
				bad = path
			}
		})
		if bad != "" {
			return nil, &StoreError{Code: usererr.Encoding, Path: name, Message: fmt.Sprintf("草稿文件 %s 中“%s”（%s）含有无效的 \\u 转义字符，打开后文字会变样，因此没有打开。文件未被改动；%s", base, FieldName(bad), bad, backupHint(name))}
		}
	}
	d.SchemaVersion = SchemaVersion
	d.EnsurePart()
	return &d, nil
}

// checkEncoding refuses data that is not UTF-8: UTF-16 (Notepad's
// “Unicode”), GB18030/GBK (older Windows tools), or bytes that are no text.
func checkEncoding(name string, data []byte) error {
	base := filepath.Base(name)
	if isUTF16(data) {
		return &StoreError{Code: usererr.Encoding, Path: name, Message: fmt.Sprintf("草稿文件 %s 是UTF-16编码（记事本中的“Unicode”），申报助手只读UTF-8编码的草稿，因此没有打开它，文件未被改动。请用记事本打开它，“另存为”时把编码选为UTF-8，再用申报助手打开。", base)}
	}
	if utf8.Valid(data) {
		return nil
	}
	if looksGB18030(data) {
		return &StoreError{Code: usererr.Encoding, Path: name, Message: fmt.Sprintf("草稿文件 %s 不是UTF-8编码，看来是用GBK/GB18030编码（中文Windows的旧软件常用）保存的。为免文字变成乱码，申报助手没有打开它，文件未被改动。请用记事本打开它，“另存为”时把编码选为UTF-8，再用申报助手打开。", base)}
	}
	off := 0
	for off < len(data) {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	return &StoreError{Code: usererr.Encoding, Path: name, Message: fmt.Sprintf("草稿文件 %s 第%d行含有不是UTF-8文字的字节（文件可能已损坏，或被其他程序改动过），申报助手没有打开它，以免文字被替换成乱码后保存。文件未被改动；%s", base, line, backupHint(name))}
}

// isUTF16 reports whether data starts as UTF-16 JSON: with a byte-order
// mark, or "{" next to a zero byte.
func isUTF16(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) ||
		bytes.HasPrefix(data, []byte{'{', 0}) || bytes.HasPrefix(data, []byte{0, '{'})
}

// looksGB18030 reports whether data decodes as GB18030 (a superset of GBK
// and GB2312) without errors, as text with Chinese characters in it.
func looksGB18030(data []byte) bool {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return false
	}
	han := false
	for _, r := range string(out) {
		switch {
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r':
			return false // binary data, not text
		case unicode.Is(unicode.Han, r):
			han = true
		}
	}
	return han
}

// tooLarge is the refusal of a file over MaxFileSize.
func tooLarge(name string, size int64) error {
	return &StoreError{Code: usererr.TooLarge, Path: name, Message: fmt.Sprintf("文件 %s 有%s，超过了草稿文件最大%s的限制（申报书的草稿通常只有几KB到几十KB），可能不是申报助手的草稿，因此没有打开。文件未被改动。", filepath.Base(name), sizeText(size), sizeText(MaxFileSize))}
}

// sizeText is a file size for messages: "200 MB", "4 MB", "512 KB".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%s MB", Thousands(n>>20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d字节", n)
}

// migrate turns the JSON of schema version v into the current version.
// Version 0 is the unreleased prototype format: the budget's provincial
// amount was called "requested" and the category-specific part "specific".
func migrate(v int, data []byte) ([]byte, error) {
	if v == SchemaVersion {
		return data, nil
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	if v == 0 {
		if b, ok := m["budget"].(map[string]any); ok {
			if r, ok := b["requested"]; ok {
				b["provincial"] = r
				delete(b, "requested")
			}
		}
		if s, ok := m["specific"]; ok {
			key := map[string]string{"annual": "annual_meeting", "forum": "forum", "speech": "speech", "basic": "basic", "intl": "international"}[fmt.Sprint(m["category"])]
			if key == "" {
				return nil, fmt.Errorf("未知类别 %v", m["category"])
			}
			m[key] = s
			delete(m, "specific")
		}
		v = 1
	}
	if v == 1 {
		migrateV1(m)
	}
	m["schema_version"] = SchemaVersion
	return json.Marshal(m)
}

// jsonReason describes a JSON error in Chinese, with the line when known.
// Values are quoted shortened: a 100,000-character value gives a message of
// one line.
func jsonReason(data []byte, err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var pe *time.ParseError
	lineAt := func(off int) int { return 1 + bytes.Count(data[:max(0, min(off, len(data)))], []byte("\n")) }
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("第%d行附近格式错误", lineAt(int(se.Offset)))
	case errors.Is(err, errUnexpectedEOF(err)):
		return "文件在中途结束"
	case errors.As(err, &te):
		if te.Field == "" {
			return fmt.Sprintf("第%d行：这里应是%s，现在是%s", lineAt(int(te.Offset)), goKind(te.Type), jsonKind(te.Value))
		}
		return fmt.Sprintf("第%d行：“%s”（%s）应是%s，现在是%s", lineAt(int(te.Offset)), FieldName(te.Field), te.Field, goKind(te.Type), jsonKind(te.Value))
	case errors.As(err, &pe):
		line := ""
		if i := bytes.Index(data, []byte(pe.Value)); i >= 0 && pe.Value != "" {
			line = fmt.Sprintf("第%d行", lineAt(i))
		}
		return fmt.Sprintf("%s的时间%s格式不对，应是 %s 这样的时间", line, usererr.Quote(pe.Value), time.Now().UTC().Truncate(time.Second).Format(time.RFC3339))
	}
	var de *DateError
	if errors.As(err, &de) {
		if i := bytes.Index(data, []byte(`"`+de.Value+`"`)); i >= 0 {
			return fmt.Sprintf("第%d行：%s", lineAt(i), de.Error())
		}
		return de.Error()
	}
	return usererr.Shorten(err.Error(), 120)
}

// jsonKind names a JSON value kind as encoding/json reports it.
func jsonKind(v string) string {
	switch {
	case v == "array":
		return "一个列表 [ … ]"
	case v == "object":
		return "一个对象 { … }"
	case v == "string":
		return "文字"
	case v == "bool":
		return "true/false"
	case strings.HasPrefix(v, "number"):
		return "数字" + usererr.Shorten(strings.TrimPrefix(v, "number"), usererr.QuoteLen)
	}
	return usererr.Shorten(v, 20)
}

// goKind names what a Go type holds, in Chinese.
func goKind(t reflect.Type) string {
	if t == nil {
		return "别的类型"
	}
	switch t.Kind() {
	case reflect.String:
		return "文字"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "整数"
	case reflect.Float32, reflect.Float64:
		return "数字"
	case reflect.Bool:
		return "true/false"
	case reflect.Slice, reflect.Array:
		return "一个列表 [ … ]"
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return "一个对象 { … }"
	}
	return "别的类型"
}

func errUnexpectedEOF(err error) error {
	if strings.Contains(err.Error(), "unexpected end of JSON input") {
		return err
	}
	return nil
}

// Load reads a draft file. On any failure it returns a *StoreError with a
// Chinese message and changes nothing on disk. The file's size is checked
// before it is read (MaxFileSize): a huge file is refused at once.
func Load(path string) (*Draft, error) {
	base := filepath.Base(path)
	st, err := os.Stat(path)
	if err != nil {
		return nil, readError(path, err)
	}
	if st.IsDir() {
		return nil, &StoreError{Code: usererr.IsDir, Path: path, Message: fmt.Sprintf("“%s”是一个文件夹，不是草稿文件。请选择以 %s 结尾的草稿文件。", base, DraftExt)}
	}
	if !st.Mode().IsRegular() {
		return nil, &StoreError{Code: usererr.NotOurs, Path: path, Message: fmt.Sprintf("“%s”不是普通文件，不是申报助手的草稿。", base)}
	}
	if st.Size() > MaxFileSize {
		return nil, tooLarge(path, st.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, readError(path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, readError(path, err)
	}
	return Unmarshal(path, data)
}

func readError(path string, err error) error {
	code, reason := usererr.Reason(err)
	return &StoreError{Code: code, Path: path, Err: err, Message: fmt.Sprintf("无法读取草稿文件 %s：%s。", filepath.Base(path), reason)}
}

// Save writes a draft atomically (WriteFileAtomic, with a backup): the
// current file (if any) becomes the backup (path + ".bak"), and the new
// content replaces it. A failure at any step leaves the previous file as it
// was. A draft beyond the limits (CheckLimits) is not written.
func Save(path string, d *Draft, now time.Time) error {
	if err := CheckLimits(d); err != nil {
		se := err.(*StoreError)
		se.Path, se.Message = path, fmt.Sprintf("草稿没有保存：%s。请删减后再保存；原有的文件没有改动。", se.Message)
		return se
	}
	d.UpdatedAt = now.UTC().Truncate(time.Second)
	if d.CreatedAt.IsZero() {
		d.CreatedAt = d.UpdatedAt
	}
	data, err := Marshal(d)
	if err != nil {
		return &StoreError{Code: usererr.Corrupt, Path: path, Err: err, Message: "草稿无法编码保存：" + usererr.Shorten(err.Error(), 120)}
	}
	if len(data) > MaxFileSize {
		return &StoreError{Code: usererr.TooLarge, Path: path, Message: fmt.Sprintf("草稿没有保存：它有%s，超过了草稿文件最大%s的限制。请删减较长的文字或表格后再保存；原有的文件没有改动。", sizeText(int64(len(data))), sizeText(MaxFileSize))}
	}
	return WriteFileAtomic(path, data, true)
}

// WriteFileAtomic writes data to path with forms/atomicfile: through a
// synced temporary file in the same folder and a rename, keeping the file's
// permissions, never replacing a read-only file. With backup (a draft), a
// symbolic link at path is written through to the draft it names (the link
// the user made stays); otherwise (an autosave) a link is replaced, and the
// backup is never written through a link. With backup, an existing
// valid draft at path is first copied to path+".bak" (also atomically), so
// the previous good version survives. Its messages speak of the file only
// (the command-line tools have no window whose content survives).
func WriteFileAtomic(path string, data []byte, backup bool) error {
	opts := atomicfile.Options{}
	if backup {
		opts.FollowLink = true
		opts.Backup = BackupSuffix
		opts.KeepBackup = func(old []byte) bool { return len(bytes.TrimSpace(old)) > 0 && json.Valid(old) }
	}
	return atomicfile.WriteFile(path, data, opts)
}

// osReason describes a file-system error in Chinese (usererr.Reason).
func osReason(err error) string {
	_, r := usererr.Reason(err)
	return r
}

// backupHint is what to do about a draft that cannot be opened: open its
// backup when there is one (a regular file beside it), else say there is
// none — a message never names a backup that does not exist.
func backupHint(name string) string {
	bak := name + BackupSuffix
	if st, err := os.Lstat(bak); err == nil && st.Mode().IsRegular() && st.Size() > 0 {
		return "请打开同一文件夹中的备份 " + filepath.Base(bak) + "。"
	}
	if strings.HasSuffix(name, BackupSuffix) {
		return "这已是备份文件；如有别处的副本（邮件附件、U盘），请打开那一份。"
	}
	return "同一文件夹中没有它的备份（" + filepath.Base(bak) + "）；如有别处的副本（邮件附件、U盘），请打开那一份。"
}
