package forms

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// SiblingName is a draft file name beside path with a suffix before the
// extension: "论坛.shenbao.json" + "-2025" → "论坛-2025.shenbao.json".
func SiblingName(path, suffix string) string {
	base := strings.TrimSuffix(path, DraftExt)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	return base + suffix + DraftExt
}

// SaveNew saves a draft to a file that must not exist yet: a carried or
// copied draft never overwrites another.
func SaveNew(path string, d *Draft, now time.Time) error {
	if _, err := os.Lstat(path); err == nil {
		return &StoreError{Path: path, Message: fmt.Sprintf("文件 %s 已经存在，没有覆盖它：请换一个文件名（如用 -o 指定）。", filepath.Base(path))}
	}
	return Save(path, d, now)
}
