package forms

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"shenbao/forms/usererr"
)

// ErrChangedOnDisk is wrapped by a Guard's refusal to write.
var ErrChangedOnDisk = errors.New("draft changed on disk since it was opened")

// Guard is one writer's hold on a draft file (one per window's open draft):
// what the file was on disk when it was opened or last saved by this
// writer (size, modification time and SHA-256 of its bytes), and the
// autosave side file it wrote last. Before every save and autosave the
// file on disk is compared with it: when another window or a command saved
// the draft meanwhile, nothing is written and the error (usererr.Conflict)
// says so in Chinese, so two windows on one draft never silently replace
// each other's work, and a save never deletes another window's autosave.
// The comparison is by content: a file touched but unchanged is no
// conflict.
type Guard struct {
	path string
	mu   sync.Mutex
	disk stamp    // the draft file as this writer last saw it
	auto [32]byte // the autosave this writer wrote last, or found at open
}

// stamp is what a file is on disk.
type stamp struct {
	exists  bool
	size    int64
	modTime time.Time
	sum     [32]byte
}

// stampOf reads a file's stamp (a missing file has exists false). Only a
// file up to MaxAutosaveSize is hashed: a larger one cannot be a draft or
// an autosave this program wrote.
func stampOf(path string) stamp {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return stamp{}
	}
	s := stamp{exists: true, size: st.Size(), modTime: st.ModTime()}
	if st.Size() > MaxAutosaveSize {
		return s
	}
	f, err := os.Open(path)
	if err != nil {
		return s
	}
	defer f.Close()
	h := sha256.New()
	_, _ = io.Copy(h, io.LimitReader(f, MaxAutosaveSize+1))
	h.Sum(s.sum[:0])
	return s
}

// same reports whether two stamps are the same content.
func (s stamp) same(o stamp) bool {
	return s.exists == o.exists && (!s.exists || s.size == o.size && s.sum == o.sum)
}

// NewGuard records the draft file at path as it is now: call it when the
// draft is loaded. An autosave side file already there (a recovered one)
// counts as this writer's.
func NewGuard(path string, autosaveSuffix string) *Guard {
	g := &Guard{path: path, disk: stampOf(path)}
	if a := stampOf(path + autosaveSuffix); a.exists {
		g.auto = a.sum
	}
	return g
}

// Path is the draft file the guard is for.
func (g *Guard) Path() string { return g.path }

// conflict is the refusal when the draft changed on disk.
func (g *Guard) conflict(now stamp, what string) error {
	base := filepath.Base(g.path)
	when := ""
	if now.exists {
		when = "（" + now.modTime.Local().Format("15:04:05") + " 保存）"
	}
	verb := "被另一个窗口或程序保存过" + when
	if !now.exists {
		verb = "已被移走或删除"
	}
	return &usererr.Error{Code: usererr.Conflict, Path: g.path, Err: ErrChangedOnDisk,
		Message: fmt.Sprintf("%s：草稿文件 %s 在这个窗口打开它之后%s。为免覆盖那边的内容，这次没有写入；草稿文件和它的备份都没有改动，窗口中的内容也没有丢失。请点“保存为副本”把这个窗口的内容另存为一个新文件，再对照两份内容。", what, base, verb)}
}

// Check reports whether the draft file is still as this writer last saw
// it (nil), or the conflict.
func (g *Guard) Check() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if now := stampOf(g.path); !now.same(g.disk) {
		return g.conflict(now, "没有保存")
	}
	return nil
}

// Save saves the draft (Save) if the file on disk is still as this writer
// last saw it, and then removes the autosave side file if it is the one
// this writer wrote (another window's is left alone).
func (g *Guard) Save(d *Draft, now time.Time, autosaveSuffix string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if cur := stampOf(g.path); !cur.same(g.disk) {
		return g.conflict(cur, "没有保存")
	}
	if err := Save(g.path, d, now); err != nil {
		return err
	}
	g.disk = stampOf(g.path)
	if a := stampOf(g.path + autosaveSuffix); a.exists && a.sum == g.auto {
		_ = os.Remove(g.path + autosaveSuffix)
	}
	g.auto = [32]byte{}
	return nil
}

// Autosave writes data (an encoded draft) to the autosave side file if the
// draft on disk is still as this writer last saw it and the side file is
// absent or this writer's own; otherwise another window is at work on the
// draft and nothing is written.
func (g *Guard) Autosave(data []byte, autosaveSuffix string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if cur := stampOf(g.path); !cur.same(g.disk) {
		return g.conflict(cur, "没有自动备份")
	}
	side := g.path + autosaveSuffix
	if err := CheckAutosave(side, data); err != nil {
		return err
	}
	if a := stampOf(side); a.exists && a.sum != g.auto {
		return &usererr.Error{Code: usererr.Conflict, Path: side, Err: ErrChangedOnDisk,
			Message: fmt.Sprintf("没有自动备份：%s 是另一个窗口写的自动备份（同一份草稿在另一个窗口中也打开着），为免覆盖它，这次没有写入。窗口中的内容没有丢失：请只在一个窗口中编辑这份草稿，或点“保存为副本”。", filepath.Base(side))}
	}
	if err := WriteFileAtomic(side, data, false); err != nil {
		return err
	}
	g.auto = sha256.Sum256(data)
	return nil
}

// Adopt makes path (a copy just saved, or the draft reloaded) the file this
// writer holds, as it is now on disk.
func (g *Guard) Adopt(path string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.path, g.disk, g.auto = path, stampOf(path), [32]byte{}
}

// IsConflict reports whether err is a Guard's refusal.
func IsConflict(err error) bool { return errors.Is(err, ErrChangedOnDisk) }
