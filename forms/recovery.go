package forms

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"shenbao/forms/usererr"
)

// MaxAutosaveSize bounds an autosave side file. An autosave holds what the
// window held when it was written, which may be beyond the draft's limits
// (a field of 20,001 characters typed): it is written and read back up to
// this size, so that whatever the program wrote can be recovered after a
// crash; the draft limits apply again when it is saved.
const MaxAutosaveSize = 8 * MaxFileSize

// LoadAutosave reads an autosave side file for recovery: as Load, but a
// draft beyond CheckLimits is loaded, its first problem returned as over
// (to be told: the draft cannot be saved until it is shortened), and the
// file may be up to MaxAutosaveSize.
func LoadAutosave(path string) (d *Draft, over error, err error) {
	st, err := os.Lstat(path)
	if err != nil {
		return nil, nil, readError(path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, nil, &StoreError{Code: usererr.NotOurs, Path: path, Message: fmt.Sprintf("“%s”不是普通文件，不是申报助手的自动备份。", filepath.Base(path))}
	}
	if st.Size() > MaxAutosaveSize {
		return nil, nil, &StoreError{Code: usererr.TooLarge, Path: path, Message: fmt.Sprintf("自动备份 %s 有%s，超过了自动备份最大%s的限制，不是申报助手写的，没有打开。文件未被改动。", filepath.Base(path), sizeText(st.Size()), sizeText(MaxAutosaveSize))}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, readError(path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxAutosaveSize+1))
	if err != nil {
		return nil, nil, readError(path, err)
	}
	if len(data) > MaxAutosaveSize {
		return nil, nil, &StoreError{Code: usererr.TooLarge, Path: path, Message: fmt.Sprintf("自动备份 %s 超过了%s，没有打开。文件未被改动。", filepath.Base(path), sizeText(MaxAutosaveSize))}
	}
	d, err = unmarshal(path, data, false)
	if err != nil {
		return nil, nil, err
	}
	if e := CheckLimits(d); e != nil {
		se := e.(*StoreError)
		se.Path, se.Message = path, fmt.Sprintf("恢复的内容中%s，这样不能保存：请删减后再保存", se.Message)
		over = se
	}
	return d, over, nil
}

// CheckAutosave refuses an autosave the program could not read back
// (MaxAutosaveSize).
func CheckAutosave(path string, data []byte) error {
	if len(data) > MaxAutosaveSize {
		return &StoreError{Code: usererr.TooLarge, Path: path, Message: fmt.Sprintf("没有自动备份：窗口中的内容有%s，超过了自动备份最大%s的限制。请删减较长的文字或表格；窗口中的内容没有丢失。", sizeText(int64(len(data))), sizeText(MaxAutosaveSize))}
	}
	return nil
}
