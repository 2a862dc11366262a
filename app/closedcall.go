package app

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/platform"
	"shenbao/forms"
	"shenbao/forms/atomicfile"
	"shenbao/forms/notice"
)

// closedBanner is the start screen's word on a call whose deadline has
// passed, with the ways forward: import a call file, or make one from the
// notice's text.
type closedBanner struct {
	u                *ui
	box              *fyne.Container
	text             *widget.Label
	importBtn, fromN *widget.Button
	paste            *widget.Button
}

func newClosedBanner(u *ui) *closedBanner {
	b := &closedBanner{u: u}
	b.text = widget.NewLabel("")
	b.text.Wrapping = fyne.TextWrapBreak
	b.text.Importance = widget.WarningImportance
	b.importBtn = widget.NewButtonWithIcon("导入申报通知文件…", theme.FolderOpenIcon(), u.onImportCall)
	b.fromN = widget.NewButtonWithIcon("从通知正文生成…", theme.DocumentCreateIcon(), u.onCallFromNotice)
	b.fromN.Importance = widget.HighImportance
	b.paste = widget.NewButtonWithIcon("粘贴通知正文…", theme.ContentPasteIcon(), u.onPasteNotice)
	b.box = container.NewVBox(b.text, container.NewHBox(b.fromN, b.paste, b.importBtn))
	b.refresh()
	return b
}

// refresh shows the banner when the current call is closed; it reports
// whether the banner came or went.
func (b *closedBanner) refresh() bool {
	u := b.u
	was := b.box.Visible()
	if !u.callClosed() {
		b.box.Hide()
		return was
	}
	b.text.SetText(closedText(u.call, u.now(), u.callChosen()))
	b.box.Show()
	return !was
}

// callClosed reports whether the current call's deadline has passed.
func (u *ui) callClosed() bool {
	return forms.DateOf(u.now()).After(forms.DateOf(u.call.Deadline))
}

// callChosen reports whether the user chose the current call (from the
// list, by importing it, or by answering newOrAskClosed): the newest
// shipped call, used when nothing was chosen, is nobody's choice.
func (u *ui) callChosen() bool {
	return u.app.Preferences().String(prefCurrentCall) != ""
}

func closedText(call *forms.Call, now time.Time, chosen bool) string {
	s := fmt.Sprintf("%d年度的申报已于%s截止。", call.Year, forms.DateOf(call.Deadline).Chinese())
	if !chosen {
		s += fmt.Sprintf("程序现在用的是内置的%d年度申报通知，不是您选的。", call.Year)
	}
	return s + fmt.Sprintf("要申报%d年度的项目，请先取得那一年度的申报通知：从通知正文（.txt 或 Word .docx 文件，或从网页复制粘贴）生成申报通知文件，或导入别人给您的申报通知文件（.toml）。往年的申报书之后可以用「用往年申报书新建…」带入。", nextYear(call, now))
}

// nextYear is the year of the call to ask for once call has closed: this
// year, or the year after the call's when the call is this year's (a
// 2024 call closed in October 2024 is followed by the 2025 one).
func nextYear(call *forms.Call, now time.Time) int {
	return max(now.Year(), call.Year+1)
}

// newOrAskClosed runs fn (which makes a new draft), unless the current
// call is closed and nobody chose it: then it asks first, so that a new
// blank draft does not start with an overdue warning about a call the user
// never picked.
func (u *ui) newOrAskClosed(fn func()) {
	if !u.callClosed() || u.callChosen() {
		fn()
		return
	}
	c := u.call
	left := forms.DateOf(u.now()).DaysUntil(forms.DateOf(c.Deadline))
	u.ask(fmt.Sprintf("%d年度的申报已截止", c.Year),
		fmt.Sprintf("内置的%d年度申报通知已于%s截止（已截止 %d 天），用它新建的申报书会提示已逾期。\n\n要申报今年的项目，请先从今年的通知正文生成申报通知文件，或导入申报通知文件；只是练习或补填往年的申报书，可以仍用%d年度的通知新建。",
			c.Year, forms.DateOf(c.Deadline).Chinese(), -left, c.Year),
		choice{label: fmt.Sprintf("仍用%d年度通知新建", c.Year), fn: func() {
			u.app.Preferences().SetString(prefCurrentCall, callKey(c))
			if u.start != nil {
				u.start.closed.refresh()
			}
			fn()
		}},
		choice{label: "从通知正文生成…", important: true, fn: u.onCallFromNotice},
		choice{label: "导入申报通知文件…", fn: u.onImportCall},
		choice{label: "取消"},
	)
}

// onCallFromNotice lets the user choose this year's notice and makes a
// call file from it.
func (u *ui) onCallFromNotice() {
	u.chooseFile(platform.FileRequest{Title: "选择今年的申报通知正文", Kind: "申报通知正文（.txt 或 Word .docx）", Exts: []string{".txt", ".docx"}},
		func(p string) { u.callFromNotice(p) })
}

// callFromNotice reads the notice at path (.txt or .docx) and shows it
// beside the call it proposes (noticeScreen); the call folder goes beside
// the notice.
func (u *ui) callFromNotice(path string) *noticeScreen {
	text, err := notice.TextOf(path)
	if err != nil {
		u.ask("无法读取通知", err.Error(), choice{label: "确定", important: true})
		return nil
	}
	return u.showNoticeText(text, filepath.Base(path), filepath.Dir(path))
}

// writeNewCallFolder writes the proposal into a new folder of dir:
// "2025年度申报通知", or "2025年度申报通知-2"… when that exists.
func writeNewCallFolder(dir string, p *notice.Proposal) (string, error) {
	name := fmt.Sprintf("%d年度申报通知", p.Call.Year)
	for i := 1; i < 100; i++ {
		folder := filepath.Join(dir, name)
		if i > 1 {
			folder = filepath.Join(dir, fmt.Sprintf("%s-%d", name, i))
		}
		if _, err := os.Stat(folder); err == nil {
			continue
		}
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return "", fmt.Errorf("无法建立文件夹 %s（%v）", folder, err)
		}
		out := filepath.Join(folder, forms.CallFileName)
		if err := atomicfile.WriteFile(out, p.TOML(), atomicfile.Options{NoReplace: true}); err != nil {
			return "", err
		}
		return out, nil
	}
	return "", fmt.Errorf("文件夹 %s 里已有太多“%s”文件夹，请先整理", dir, name)
}
