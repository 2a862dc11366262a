package app

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/platform"
	"shenbao/forms"
)

// Preference keys of the calls the window knows.
const (
	prefImportedCalls = "importedCalls" // imported call files' paths, one a line
	prefCurrentCall   = "currentCall"   // the call new drafts use: its year, or an imported file's path
)

// loadCalls makes the list of calls: the embedded ones and the imported
// files remembered in the preferences. A file that no longer loads is set
// aside (forgotten, so that it cannot stop the next start either) and told
// once the window is open (tellCallProblems).
func (u *ui) loadCalls() {
	u.calls = append([]*forms.Call(nil), forms.EmbeddedCalls()...)
	var keep []string
	for _, p := range strings.Split(u.app.Preferences().String(prefImportedCalls), "\n") {
		if p == "" {
			continue
		}
		c, err := forms.LoadCallFile(p)
		if err != nil {
			u.callProblems = append(u.callProblems, err.Error())
			continue
		}
		keep = append(keep, p)
		u.addCall(c)
	}
	u.app.Preferences().SetString(prefImportedCalls, strings.Join(keep, "\n"))
	cur := u.app.Preferences().String(prefCurrentCall)
	for _, c := range u.calls {
		if cur != "" && (c.Path == cur || c.Path == "" && strconv.Itoa(c.Year) == cur) {
			u.call = c
		}
	}
}

// addCall adds a call, replacing one of the same year read from the same
// file; it returns the call kept.
func (u *ui) addCall(c *forms.Call) *forms.Call {
	for i, o := range u.calls {
		if o.Path != "" && o.Path == c.Path {
			u.calls[i] = c
			return c
		}
	}
	u.calls = append(u.calls, c)
	return c
}

// callKey is how the preferences name a call.
func callKey(c *forms.Call) string {
	if c.Path != "" {
		return c.Path
	}
	return strconv.Itoa(c.Year)
}

// callName is how a call is listed: "2025年度（内置）", "2025年度（导入：f.toml）".
func callName(c *forms.Call) string {
	if c.Path == "" {
		return fmt.Sprintf("%d年度申报通知（内置）", c.Year)
	}
	name := c.Source
	if name == forms.CallFileName && c.Path != "" {
		// every call's file is call.toml: its folder tells them apart
		name = filepath.Base(filepath.Dir(c.Path)) + "/" + name
	}
	return fmt.Sprintf("%d年度申报通知（导入：%s）", c.Year, name)
}

// callFor is the call a draft was made for: the current call when it is of
// the draft's year, else another known call of that year; nil when none is
// known (the draft then opens read-only).
func (u *ui) callFor(d *forms.Draft) *forms.Call {
	if d.CallYear == 0 || d.CallYear == u.call.Year {
		return u.call
	}
	for _, c := range u.calls {
		if c.Year == d.CallYear {
			return c
		}
	}
	return nil
}

// useCall makes a call the one new drafts use, remembers it, and redraws
// the start screen.
func (u *ui) useCall(c *forms.Call) {
	if c == u.call {
		return
	}
	u.call = c
	u.app.Preferences().SetString(prefCurrentCall, callKey(c))
	u.start = newStartScreen(u)
	if u.form == nil && u.review == nil {
		u.showStart()
	}
}

// callBar is the start screen's row that chooses the call.
func (u *ui) callBar() fyne.CanvasObject {
	names := make([]string, len(u.calls))
	for i, c := range u.calls {
		names[i] = callName(c)
	}
	sel := widget.NewSelect(names, nil)
	for i, c := range u.calls {
		if c == u.call {
			sel.SetSelectedIndex(i)
		}
	}
	sel.OnChanged = func(string) {
		if i := sel.SelectedIndex(); i >= 0 && i < len(u.calls) {
			u.useCall(u.calls[i])
		}
	}
	u.callSelect = sel
	imp := widget.NewButtonWithIcon("导入申报通知文件…", theme.FolderOpenIcon(), u.onImportCall)
	fromNotice := widget.NewButtonWithIcon("新建申报通知…", theme.DocumentCreateIcon(), u.onCallFromNotice)
	return container.NewBorder(nil, nil, widget.NewLabel("申报通知："), container.NewHBox(fromNotice, imp), sel)
}

// tellCallProblems tells, once the window is open, which remembered call
// files were set aside at start because they no longer load.
func (u *ui) tellCallProblems() {
	if len(u.callProblems) == 0 {
		return
	}
	msg := "以下导入过的申报通知文件现在无法读取，已暂时搁置（不再自动读取），程序改用" + callName(u.call) + "：\n\n" +
		strings.Join(u.callProblems, "\n\n") + "\n\n草稿没有受影响。改正文件后，可用「导入申报通知文件…」重新导入。"
	u.callProblems = nil
	u.ask("申报通知文件已搁置", msg, choice{label: "确定", important: true})
}

// onImportCall lets the user choose a call file (.toml) from disk.
func (u *ui) onImportCall() {
	u.chooseFile(platform.FileRequest{Title: "导入申报通知文件", Kind: "申报通知文件", Exts: []string{".toml"}}, func(p string) { u.importCallFile(p) })
}

// importCallFile loads a call file, and on success remembers it and makes
// it the current call; a bad file is refused with its file, line and
// problem, and nothing changes.
func (u *ui) importCallFile(path string) bool {
	c, err := forms.LoadCallFile(path)
	if err != nil {
		u.ask("无法导入申报通知文件", err.Error()+"\n\n请改正文件后重新导入；程序仍使用原来的申报通知。", choice{label: "确定", important: true})
		return false
	}
	c = u.addCall(c)
	u.call = nil // force the redraw
	u.useCall(c)
	// Remembered only once it is in use: a call that cannot be shown is
	// never read again at the next start.
	prefs := u.app.Preferences()
	list := strings.Split(prefs.String(prefImportedCalls), "\n")
	found := false
	for _, p := range list {
		found = found || p == c.Path
	}
	if !found {
		prefs.SetString(prefImportedCalls, strings.TrimPrefix(strings.Join(append(list, c.Path), "\n"), "\n"))
	}
	return true
}

// onCarry lets the user choose last year's application and makes a new
// draft of the current call from it (用往年申报书新建).
func (u *ui) onCarry() {
	u.leaveForm(func() {
		u.chooseFile(platform.FileRequest{Title: "选择往年的申报书", Kind: "申报书草稿", Exts: []string{".json"}, Dir: u.draftsDir()}, func(p string) { u.carryFrom(p) })
	})
}

// carryFrom makes a new draft of the current call from the draft at path,
// saves it in the drafts folder (never over another file), opens it and
// lists what changed. The old draft is not touched.
func (u *ui) carryFrom(path string) bool {
	old, err := forms.Load(path)
	if err != nil {
		u.showError("无法打开往年的申报书", err)
		return false
	}
	var from *forms.Call
	for _, c := range u.calls {
		if c.Year == old.CallYear {
			from = c
		}
	}
	now := u.now()
	d, findings := forms.Carry(from, u.call, old, now, checkOptions(now))
	dst := newDraftPath(u.draftsDir(), u.call.Category(d.Category), now)
	if err := forms.SaveNew(dst, d, now); err != nil {
		u.showError("无法保存新的申报书", err)
		return false
	}
	u.showForm(dst, d, false)
	var b strings.Builder
	fmt.Fprintf(&b, "已用%d年度的申报书《%s》新建%d年度的申报书，带入了单位、联系人、专家和各项文字；往年的文件没有改动。", old.CallYear, displayName(path), u.call.Year)
	if len(findings) > 0 {
		b.WriteString("请核对以下变化：\n")
		for _, f := range findings {
			fmt.Fprintf(&b, "\n· %s", f.Message)
		}
	}
	list := widget.NewLabel(b.String())
	list.Wrapping = fyne.TextWrapBreak
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(560, 300))
	p := u.askWith("用往年申报书新建", "", scroll, choice{label: "开始核对", important: true})
	p.message = b.String()
	return true
}
