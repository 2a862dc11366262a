// Package app is the window of 申报助手: the drafts list, the guided form
// with live checks, autosave and recovery, and the review page. It adds no
// rule of its own: it shows what package forms finds.
package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/platform"
	"shenbao/app/widgets"
	"shenbao/forms"
	"shenbao/forms/usererr"
)

// autosaveDelay is how long after the last change the draft is written to
// its autosave side file.
const autosaveDelay = 2 * time.Second

// ui is the one window and what it shows.
type ui struct {
	app  fyne.App
	win  fyne.Window
	call *forms.Call // the call new drafts use (and the open draft's)
	now  func() time.Time

	calls        []*forms.Call  // the calls the window knows: embedded, imported
	callProblems []string       // imported call files that no longer load
	callSelect   *widget.Select // the start screen's choice of call

	autosaveDelay time.Duration
	checkDelay    time.Duration // pause in typing before a check

	start  *startScreen
	picker *pickerScreen
	form   *formScreen // the open draft, nil on the start screen
	review *reviewScreen

	// prompt is the last dialog shown (tests answer it).
	prompt *prompt
	// sizeFixed: the window's size was asked for (screenshots), so
	// fitToScale leaves it alone.
	sizeFixed bool
	// openURL replaces the system's folder opening in tests.
	openURL func(dir string) error
	// native is the system's file dialog (Windows, macOS; set by Run,
	// so never in tests); nil: Fyne's.
	native platform.NativeDialog
	// positions reads the window's position (systemPositions; tests fake it).
	positions positionReader

	menuSave, menuExport *fyne.MenuItem
	menuAfter            *fyne.MenuItem
}

// shots opens a screen for the documentation's screenshots, or runs the
// measured session, when the environment asks for one (SHENBAO_SCREENSHOT)
// and reports whether it did. It is set only in a program built with the
// tag shots (shots.go, session.go; the command app/internal/shots): the
// shipped program holds none of that code and reads none of those
// variables.
var shots func(u *ui, started time.Time) bool

// Run opens the main window with the drafts list and blocks until it is
// closed. call, when not nil, is a call file given on the command line
// (shenbao --call FILE): it is imported and used.
func Run(a fyne.App, call *forms.Call) {
	started := time.Now()
	platform.TuneGC()
	platform.KeepCHeapTrimmed()
	platform.ShortenFyneCache()
	followSystemVariant(a, newTheme())
	w := a.NewWindow("申报助手")
	u := newUI(a, w, forms.Default(), time.Now)
	u.native = platform.SystemDialog
	if call != nil {
		u.call = nil
		u.useCall(u.addCall(call))
	}
	w.Resize(u.initialSize())
	u.restorePosition()
	a.Lifecycle().SetOnStarted(func() { go fyne.Do(u.fitToScale) })
	u.showStart()
	u.followIME()
	if shots == nil || !shots(u, started) {
		u.offerRecovery()
		u.tellCallProblems()
	}
	w.ShowAndRun()
}

// The inputs of package widgets scroll themselves into view through the
// window, and keep their text as it was when the window gets the keyboard
// back (focus.go).
func init() {
	widgets.Reveal = revealFocused
	widgets.WindowReturning = windowReturning
}

// newUI builds the window's state; tests call it with a test app and a
// fixed clock.
func newUI(a fyne.App, w fyne.Window, call *forms.Call, now func() time.Time) *ui {
	quitting.Store(false)
	u := &ui{app: a, win: w, call: call, now: now, autosaveDelay: autosaveDelay, checkDelay: checkDelay, positions: systemPositions{}}
	u.loadCalls()
	u.start = newStartScreen(u)
	w.SetCloseIntercept(u.onCloseRequest)
	u.setMenu()
	a.Lifecycle().SetOnEnteredForeground(func() { windowReturnedAt.Store(time.Now().UnixNano()) })
	a.Lifecycle().SetOnExitedForeground(func() {
		if u.form != nil {
			u.form.windowLeft()
		}
	})
	return u
}

// setMenu installs the main menu; its shortcuts work while an entry has the
// focus (Fyne gives main-menu shortcuts priority over the focused widget).
func (u *ui) setMenu() {
	ctrl := fyne.KeyModifierShortcutDefault
	newItem := fyne.NewMenuItem("新建申报书…", u.onNew)
	newItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl}
	carryItem := fyne.NewMenuItem("用往年申报书新建…", u.onCarry)
	importItem := fyne.NewMenuItem("导入申报通知文件…", u.onImportCall)
	openItem := fyne.NewMenuItem("打开文件…", u.onOpenFile)
	openItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: ctrl}
	u.menuSave = fyne.NewMenuItem("保存", u.onSave)
	u.menuSave.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: ctrl}
	u.menuExport = fyne.NewMenuItem("导出申报材料…", u.onExport)
	u.menuExport.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: ctrl}
	u.menuAfter = fyne.NewMenuItem("入选与会后材料", u.onAfter)
	listItem := fyne.NewMenuItem("草稿列表", func() { u.leaveForm(u.showStart) })
	// Our own quit item, so quitting from the menu asks about unsaved
	// changes like closing the window does (Fyne's default quits at once).
	quitItem := fyne.NewMenuItem("退出", u.onCloseRequest)
	quitItem.IsQuit = true
	file := fyne.NewMenu("文件", newItem, carryItem, openItem, importItem, u.menuSave, u.menuExport, u.menuAfter, fyne.NewMenuItemSeparator(), listItem, quitItem)
	u.win.SetMainMenu(fyne.NewMainMenu(file))
}

// draftsDir is the folder the start screen lists, from the preferences.
func (u *ui) draftsDir() string {
	return u.app.Preferences().StringWithFallback(prefDraftsDir, defaultDraftsDir())
}

func (u *ui) setDraftsDir(dir string) {
	u.app.Preferences().SetString(prefDraftsDir, dir)
}

// setContent shows a screen. The field that has the cursor on the screen
// left is unfocused first: Fyne (2.8.1) drops the focus of an object that
// is not in the new content without telling it, so its cursor went on
// blinking out of sight, each blink redrawing the whole window (under a
// software renderer 20–100 ms of the UI goroutine a time, docs/window.md,
// “A whole session”), and it blinked again when the screen came back
// although typing went nowhere. Changing screens is not leaving the field:
// a field still empty stays 待填, as when the window loses the keyboard.
func (u *ui) setContent(o fyne.CanvasObject) {
	if u.win.Content() != o {
		u.win.Canvas().Unfocus()
		if u.start != nil && o != u.start.content {
			u.start.stopChecks() // the drafts list's checks: nobody sees them now
		}
		if u.form != nil {
			u.form.windowLeft()
		}
	}
	u.win.SetContent(o)
}

func (u *ui) showStart() {
	u.rememberSplit()
	u.form, u.review = nil, nil
	u.start.refreshDrafts()
	u.setContent(u.start.content)
}

func (u *ui) onNew() { u.leaveForm(func() { u.newOrAskClosed(func() { u.showPicker(false) }) }) }

func (u *ui) showPicker(sample bool) {
	u.picker = newPickerScreen(u, sample)
	u.setContent(u.picker.content)
}

func (u *ui) onSave() {
	if u.form != nil {
		u.form.onSave()
	}
}

func (u *ui) onExport() {
	if u.form != nil {
		u.form.onExport()
	}
}

// onAfter opens the after-selection screen of the open draft.
func (u *ui) onAfter() {
	if u.form != nil && u.form.after == nil {
		u.form.onAfter()
	}
}

// onOpenFile lets the user pick a draft file anywhere.
func (u *ui) onOpenFile() {
	u.leaveForm(func() {
		u.chooseFile(platform.FileRequest{Title: "打开申报书", Kind: "申报书草稿", Exts: []string{".json"}, Dir: u.draftsDir()}, u.openDraft)
	})
}

// openDraft opens a draft file in the form, first asking whether to recover
// a newer autosave.
func (u *ui) openDraft(path string) {
	if t, ok := newerAutosave(path); ok {
		u.askRecovery(path, t)
		return
	}
	d, err := forms.Load(path)
	if err != nil {
		u.showError("无法打开草稿", err)
		return
	}
	u.showForm(path, d, false)
}

// showForm opens a draft in the form screen. dirty marks content that is
// not yet in the draft file (a recovered autosave).
func (u *ui) showForm(path string, d *forms.Draft, dirty bool) {
	c := u.callFor(d)
	if c != nil && c != u.call {
		u.call = c
		u.app.Preferences().SetString(prefCurrentCall, callKey(c))
		u.start = newStartScreen(u)
	}
	u.form = newFormScreen(u, path, d)
	u.form.diskGuard = forms.NewGuard(path, AutosaveSuffix)
	if c == nil {
		u.form.setReadOnly(fmt.Sprintf("此草稿属于%d年度的申报通知，本程序中没有这一年度的通知数据，因此以只读方式打开，不能修改或导出。如需继续填写，请在草稿列表点“导入申报通知文件…”导入%d年度的通知文件，或用“用往年申报书新建”带入%d年度的申报书。", d.CallYear, d.CallYear, u.call.Year))
	}
	if dirty {
		u.form.markDirty()
	}
	u.review = nil
	u.setContent(u.form.content)
	u.form.focusFirst()
}

// leaveForm runs next once the open draft (if any) may be left: with
// unsaved changes it asks first.
func (u *ui) leaveForm(next func()) {
	if u.form == nil || !u.form.dirty || u.form.sample {
		if u.form != nil {
			u.form.stopAutosave()
		}
		next()
		return
	}
	u.form.askUnsaved(next)
}

// onCloseRequest is the window's close intercept.
func (u *ui) onCloseRequest() {
	u.rememberWindow()
	u.leaveForm(func() { u.quit(u.win.Close) })
}

// quit stops the open draft's timers, lets no background work hand the
// window anything more (onUI) and calls end: closing the window or
// quitting.
func (u *ui) quit(end func()) {
	if u.form != nil {
		u.form.stopAutosave()
	}
	quitting.Store(true)
	end()
}

// offerRecovery looks, at start, for a draft whose autosave is newer than
// the draft and asks whether to recover it.
func (u *ui) offerRecovery() {
	var best string
	var bestT time.Time
	for _, in := range u.start.drafts {
		if !in.Autosave.IsZero() && in.Autosave.After(bestT) {
			best, bestT = in.Path, in.Autosave
		}
	}
	if best != "" {
		u.askRecovery(best, bestT)
	}
}

// askRecovery asks "恢复未保存的修改？" for a draft with a newer autosave.
// Recovering opens the autosave's content (the draft file stays as it was
// until the user saves); not recovering opens the saved draft and moves the
// autosave to the trash folder, where it can still be found.
func (u *ui) askRecovery(path string, t time.Time) {
	msg := "草稿《" + draftTitleAt(u.call, path) + "》有一份在 " + t.Local().Format("2006年1月2日 15:04:05") +
		" 自动保存、但没有正式保存的修改（可能是程序意外关闭或停电）。\n\n" +
		"“恢复”：打开自动保存的内容，保存后替换原文件；原文件在保存前不变。\n" +
		"“不恢复”：打开上次保存的版本；自动保存的内容移到“" + trashFolderName + "”文件夹，仍可找回。"
	u.ask("恢复未保存的修改？", msg,
		choice{label: "恢复", important: true, fn: func() {
			d, over, err := forms.LoadAutosave(path + AutosaveSuffix)
			if err != nil {
				u.showError("无法恢复", err)
				return
			}
			u.showForm(path, d, true)
			if over != nil {
				u.ask("已恢复，保存前请删减", over.Error()+"。自动备份仍在原处，直到保存成功。", choice{label: "确定", important: true})
			}
		}},
		choice{label: "不恢复", fn: func() {
			if _, err := moveToTrash(path+AutosaveSuffix, u.now()); err != nil {
				u.showError("无法移动自动保存的文件", err)
				return
			}
			d, err := forms.Load(path)
			if err != nil {
				u.showError("无法打开草稿", err)
				u.showStart()
				return
			}
			u.showForm(path, d, false)
		}},
	)
}

// choice is one button of a prompt.
type choice struct {
	label     string
	important bool
	fn        func()
}

// prompt is a modal question with its buttons kept by label for tests.
type prompt struct {
	title, message string
	copyText       string // what 复制路径 copies
	buttons        map[string]*widget.Button
	dialog         dialog.Dialog
}

// ask shows a modal question; each button closes it and runs its function.
func (u *ui) ask(title, message string, choices ...choice) *prompt {
	return u.askWith(title, message, nil, choices...)
}

// askWith is ask with an extra widget under the message (a select).
func (u *ui) askWith(title, message string, extra fyne.CanvasObject, choices ...choice) *prompt {
	p := &prompt{title: title, message: message, buttons: map[string]*widget.Button{}}
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapBreak
	row := container.NewHBox(layout.NewSpacer())
	for _, c := range choices {
		c := c
		b := widget.NewButton(c.label, func() {
			p.dialog.Hide()
			if c.fn != nil {
				c.fn()
			}
		})
		if c.important {
			b.Importance = widget.HighImportance
		}
		p.buttons[c.label] = b
		row.Add(b)
	}
	body := container.NewVBox(msg)
	if extra != nil {
		body.Add(extra)
	}
	p.dialog = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, row, nil, nil, body), u.win)
	p.dialog.Resize(fyne.NewSize(560, 260))
	p.dialog.Show()
	u.prompt = p
	return p
}

// showError tells the user what failed, in Chinese (a *usererr.Error's
// message says what to do), and logs the cause (usererr.Log).
func (u *ui) showError(title string, err error) {
	usererr.Log(title, err)
	u.ask(title, err.Error(), choice{label: "确定", important: true})
}

// showSaveError tells why a save failed: the error speaks of files only
// (the command-line tools share it), so the window adds that it keeps its
// content.
func (u *ui) showSaveError(err error) {
	usererr.Log("保存失败", err)
	u.ask("保存失败", err.Error()+"窗口中的内容没有丢失。", choice{label: "确定", important: true})
}
