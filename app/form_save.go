package app

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	"shenbao/forms"
)

// markDirty records that the window holds changes not yet in the draft file.
func (f *formScreen) markDirty() {
	if !f.dirty {
		f.dirty = true
		f.refreshState()
	}
}

// refreshState shows the draft's name and whether it is saved.
func (f *formScreen) refreshState() {
	name := draftTitle(f.u.call, f.d, f.path)
	if f.sample {
		name = "示例：" + name
	}
	if f.dirty {
		f.u.win.SetTitle("*" + name + " — 申报助手")
	} else {
		f.u.win.SetTitle(name + " — 申报助手")
	}
	title := name
	if f.cat != nil && !strings.Contains(name, f.cat.ShortName) {
		title = "【" + f.cat.ShortName + "】" + name
	}
	if f.title.Text != title {
		f.title.SetText(title)
	}
	state := "已保存"
	switch {
	case f.sample:
		state = "示例：修改只用于试用，不保存为你的申报书"
	case f.dirty && !f.autosaved.IsZero():
		state = "未保存（已自动备份 " + f.autosaved.Local().Format("15:04:05") + "）"
	case f.dirty:
		state = "有未保存的修改"
	}
	if f.state.Text != state {
		f.state.SetText(state)
	}
	f.refreshAfterState()
}

// scheduleAutosave (re)starts the timer that writes the autosave side file
// a couple of seconds after the last change.
func (f *formScreen) scheduleAutosave() {
	if f.sample {
		return // a sample's tries are not kept
	}
	if f.timer != nil {
		f.timer.Stop()
	}
	f.timer = time.AfterFunc(f.u.autosaveDelay, func() { onUI("autosave", f.autosave) })
}

// stopAutosave cancels a pending autosave (the draft is being left).
func (f *formScreen) stopAutosave() {
	if f.timer != nil {
		f.timer.Stop()
	}
	if f.checkTimer != nil {
		f.checkTimer.Stop()
	}
}

// autosave encodes the draft on the UI goroutine and writes it to the side
// file in the background; a save made meanwhile wins.
func (f *formScreen) autosave() {
	if !f.dirty {
		return
	}
	data, err := forms.Marshal(f.d)
	if err != nil {
		return
	}
	seq := f.editSeq
	go func() {
		f.ioMu.Lock()
		defer f.ioMu.Unlock()
		if f.savedAt(seq) {
			return
		}
		err := f.writer().Autosave(data, AutosaveSuffix)
		onUI("autosave: done", func() { f.autosaveDone(err) })
	}()
}

// savedAt reports whether a save already covers edit number seq.
func (f *formScreen) savedAt(seq int64) bool {
	f.savedMu.Lock()
	defer f.savedMu.Unlock()
	return f.savedSeq >= seq
}

func (f *formScreen) autosaveDone(err error) {
	if err != nil {
		f.state.SetText("自动备份失败：" + err.Error())
		f.refreshAfterState()
		return
	}
	f.autosaved = f.u.now()
	f.refreshState()
}

// autosaveNow writes the side file synchronously (on close, and in tests).
func (f *formScreen) autosaveNow() error {
	f.stopAutosave()
	if !f.dirty {
		return nil
	}
	f.ioMu.Lock()
	defer f.ioMu.Unlock()
	data, err := forms.Marshal(f.d)
	if err == nil {
		err = f.writer().Autosave(data, AutosaveSuffix)
	}
	if err == nil {
		f.autosaved = f.u.now()
		f.refreshState()
	}
	return err
}

// onSave saves the draft atomically (Ctrl+S). On failure the text stays in
// the window and the user is told why, in Chinese.
func (f *formScreen) onSave() {
	if f.readOnly {
		f.u.ask("不能保存", f.readOnlyNote.Text, choice{label: "确定", important: true})
		return
	}
	if f.sample {
		f.u.ask("示例不能保存", "这是程序自带的示例，不是你的申报书。要在它的基础上填写自己的申报书，请点“以此为模板新建…”。",
			choice{label: "以此为模板新建…", important: true, fn: f.onTemplate}, choice{label: "取消"})
		return
	}
	if err := f.save(); err != nil {
		f.saveFailed(err)
	}
}

// saveFailed tells why a save failed; when another window or program saved
// the draft meanwhile (forms.Guard), it offers to save this window's
// content as a copy.
func (f *formScreen) saveFailed(err error) {
	if !forms.IsConflict(err) {
		f.u.showSaveError(err)
		return
	}
	f.u.ask("草稿已在别处修改", err.Error(),
		choice{label: "保存为副本", important: true, fn: f.saveCopy},
		choice{label: "取消"})
}

// saveCopy saves the window's content as a new draft beside the old one
// (“（副本）”, never over another file) and goes on editing the copy.
func (f *formScreen) saveCopy() {
	stem := strings.TrimSuffix(filepath.Base(f.path), forms.DraftExt)
	dst := uniquePath(filepath.Join(filepath.Dir(f.path), stem+"（副本）"+forms.DraftExt))
	f.ioMu.Lock()
	err := forms.SaveNew(dst, f.d, f.u.now())
	f.ioMu.Unlock()
	if err != nil {
		f.u.showSaveError(err)
		return
	}
	f.path = dst
	f.writer().Adopt(dst)
	f.savedMu.Lock()
	f.savedSeq = f.editSeq
	f.savedMu.Unlock()
	f.stopAutosave()
	f.dirty = false
	f.autosaved = time.Time{}
	f.refreshState()
	f.u.ask("已保存为副本", "这个窗口的内容已保存为新文件 "+filepath.Base(dst)+"，接下来的修改保存在这个文件中；原来的草稿文件没有改动。", choice{label: "确定", important: true})
}

// writer is the guard of the open draft (made now when the screen was
// not opened through showForm).
func (f *formScreen) writer() *forms.Guard {
	if f.diskGuard == nil || f.diskGuard.Path() != f.path {
		f.diskGuard = forms.NewGuard(f.path, AutosaveSuffix)
	}
	return f.diskGuard
}

func (f *formScreen) save() error {
	f.ioMu.Lock()
	defer f.ioMu.Unlock()
	// the guard removes the autosave side file when it is this window's
	// (a stale one with the same content is never offered)
	if err := f.writer().Save(f.d, f.u.now(), AutosaveSuffix); err != nil {
		return err
	}
	f.savedMu.Lock()
	f.savedSeq = f.editSeq
	f.savedMu.Unlock()
	f.stopAutosave()
	f.dirty = false
	f.autosaved = time.Time{}
	f.refreshState()
	return nil
}

// askUnsaved asks before leaving a draft with unsaved changes. The changes
// are written to the autosave side file first, so they survive whatever
// happens next.
func (f *formScreen) askUnsaved(next func()) {
	_ = f.autosaveNow()
	f.u.ask("保存修改？", "《"+draftTitle(f.u.call, f.d, f.path)+"》有未保存的修改。\n“不保存”会把这些修改移到“"+trashFolderName+"”文件夹（仍可找回），草稿文件保持上次保存的样子。",
		choice{label: "保存", important: true, fn: func() {
			if err := f.save(); err != nil {
				f.saveFailed(err)
				return
			}
			next()
		}},
		choice{label: "不保存", fn: func() {
			f.stopAutosave()
			if _, err := os.Stat(f.path + AutosaveSuffix); err == nil {
				if _, err := moveToTrash(f.path+AutosaveSuffix, f.u.now()); err != nil {
					f.u.showError("无法移动自动备份", err)
					return
				}
			}
			f.dirty = false
			next()
		}},
		choice{label: "取消"},
	)
}
