package forms

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// DraftExt is the file extension of draft files.
const DraftExt = ".shenbao.json"

// BackupSuffix is appended to a draft's path for the previous good copy.
const BackupSuffix = ".bak"

// StoreError is a failure to read or write a draft file, with a Chinese
// sentence that says what happened and what to do. The file on disk is left
// as it was.
type StoreError struct {
	Path    string
	Message string // Chinese, for the user
	Err     error  // the cause, for logs
}

func (e *StoreError) Error() string { return e.Message }
func (e *StoreError) Unwrap() error { return e.Err }

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

// Unmarshal decodes a draft file's bytes, migrating older schema versions.
// name is used in messages.
func Unmarshal(name string, data []byte) (*Draft, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, &StoreError{Path: name, Message: fmt.Sprintf("草稿文件 %s 是空的，可能保存时被中断。请打开同一文件夹中的备份 %s%s。", filepath.Base(name), filepath.Base(name), BackupSuffix)}
	}
	var head struct {
		SchemaVersion *int `json:"schema_version"`
	}
	if err := json.Unmarshal(trimmed, &head); err != nil {
		return nil, &StoreError{Path: name, Err: err, Message: fmt.Sprintf("草稿文件 %s 已损坏或不完整（%s），无法打开。文件未被改动；请打开同一文件夹中的备份 %s%s。", filepath.Base(name), jsonReason(trimmed, err), filepath.Base(name), BackupSuffix)}
	}
	if head.SchemaVersion == nil {
		return nil, &StoreError{Path: name, Message: fmt.Sprintf("文件 %s 不是申报助手的草稿（缺少 schema_version）。", filepath.Base(name))}
	}
	v := *head.SchemaVersion
	if v > SchemaVersion {
		return nil, &StoreError{Path: name, Err: ErrNewerVersion, Message: fmt.Sprintf("草稿文件 %s 由更新版本的申报助手保存（格式版本 %d，本程序支持到 %d）。请升级申报助手后再打开；文件未被改动。", filepath.Base(name), v, SchemaVersion)}
	}
	if v < 0 {
		return nil, &StoreError{Path: name, Message: fmt.Sprintf("草稿文件 %s 的格式版本 %d 无效。", filepath.Base(name), v)}
	}
	migrated, err := migrate(v, trimmed)
	if err != nil {
		return nil, &StoreError{Path: name, Err: err, Message: fmt.Sprintf("草稿文件 %s 无法从旧格式（版本 %d）转换：%s", filepath.Base(name), v, err)}
	}
	var d Draft
	dec := json.NewDecoder(bytes.NewReader(migrated))
	if err := dec.Decode(&d); err != nil {
		return nil, &StoreError{Path: name, Err: err, Message: fmt.Sprintf("草稿文件 %s 的内容有误（%s），无法打开。文件未被改动。", filepath.Base(name), jsonReason(migrated, err))}
	}
	d.SchemaVersion = SchemaVersion
	d.EnsurePart()
	return &d, nil
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
func jsonReason(data []byte, err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("第%d行附近格式错误", 1+bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n")))
	case errors.Is(err, errUnexpectedEOF(err)):
		return "文件在中途结束"
	case errors.As(err, &te):
		return fmt.Sprintf("字段 %s 的值类型不对", te.Field)
	}
	return err.Error()
}

func errUnexpectedEOF(err error) error {
	if strings.Contains(err.Error(), "unexpected end of JSON input") {
		return err
	}
	return nil
}

// Load reads a draft file. On any failure it returns a *StoreError with a
// Chinese message and changes nothing on disk.
func Load(path string) (*Draft, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &StoreError{Path: path, Err: err, Message: fmt.Sprintf("无法读取草稿文件 %s：%s。", filepath.Base(path), osReason(err))}
	}
	return Unmarshal(path, data)
}

// Save writes a draft atomically: the JSON goes to a temporary file in the
// same folder, is synced to disk, the current file (if any) becomes the
// backup (path + ".bak"), and the temporary file is renamed over path. A
// failure at any step leaves the previous file as it was.
func Save(path string, d *Draft, now time.Time) error {
	d.UpdatedAt = now.UTC().Truncate(time.Second)
	if d.CreatedAt.IsZero() {
		d.CreatedAt = d.UpdatedAt
	}
	data, err := Marshal(d)
	if err != nil {
		return &StoreError{Path: path, Err: err, Message: "草稿无法编码保存：" + err.Error()}
	}
	return WriteFileAtomic(path, data, true)
}

// WriteFileAtomic writes data to path through a synced temporary file in the
// same folder and a rename. With backup, an existing file at path is first
// copied to path+".bak" (also atomically), so the previous good version
// survives.
func WriteFileAtomic(path string, data []byte, backup bool) error {
	fail := func(err error, what string) error {
		return &StoreError{Path: path, Err: err, Message: fmt.Sprintf("保存失败：%s（%s）。窗口中的内容没有丢失；请换一个文件夹保存，或释放磁盘空间后重试。", what, osReason(err))}
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fail(err, "无法在文件夹 "+dir+" 中写入")
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fail(err, "写入临时文件出错")
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fail(err, "写入磁盘出错")
	}
	if err := tmp.Close(); err != nil {
		return fail(err, "写入磁盘出错")
	}
	if hookBeforeRename != nil {
		if err := hookBeforeRename(tmpName); err != nil {
			return fail(err, "写入被中断")
		}
	}
	if backup {
		if old, err := os.ReadFile(path); err == nil && len(bytes.TrimSpace(old)) > 0 && json.Valid(old) {
			if err := WriteFileAtomic(path+BackupSuffix, old, false); err != nil {
				return err
			}
		}
	}
	if err := os.Rename(tmpName, path); err != nil {
		return fail(err, "无法替换原文件")
	}
	syncDir(dir)
	return nil
}

// hookBeforeRename lets tests interrupt a save after the temporary file is
// written and before it replaces the draft (a crash or power cut there).
var hookBeforeRename func(tmp string) error

// syncDir makes the rename durable where the system allows it (not on Windows).
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		_ = f.Sync()
		f.Close()
	}
}

// osReason describes a file-system error in Chinese.
func osReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件或文件夹不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限，文件夹可能是只读的"
	case errors.Is(err, syscall.ENOSPC):
		return "磁盘空间已满"
	case errors.Is(err, syscall.EROFS):
		return "磁盘或文件夹是只读的"
	}
	return "系统错误：" + err.Error()
}
