package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
}

func newClosedBanner(u *ui) *closedBanner {
	b := &closedBanner{u: u}
	b.text = widget.NewLabel("")
	b.text.Wrapping = fyne.TextWrapBreak
	b.text.Importance = widget.WarningImportance
	b.importBtn = widget.NewButtonWithIcon("导入申报通知文件…", theme.FolderOpenIcon(), u.onImportCall)
	b.fromN = widget.NewButtonWithIcon("从通知正文生成…", theme.DocumentCreateIcon(), u.onCallFromNotice)
	b.fromN.Importance = widget.HighImportance
	b.box = container.NewVBox(b.text, container.NewHBox(b.fromN, b.importBtn))
	b.refresh()
	return b
}

// refresh shows the banner when the current call is closed.
func (b *closedBanner) refresh() {
	u := b.u
	if !u.callClosed() {
		b.box.Hide()
		return
	}
	b.text.SetText(closedText(u.call, u.now(), u.callChosen()))
	b.box.Show()
}

// callClosed reports whether the current call's deadline has passed.
func (u *ui) callClosed() bool {
	return forms.DateOf(u.now()).After(forms.DateOf(u.call.Deadline))
}

// callChosen reports whether the user chose the current call (from the
// list, by importing it, or by answering closedCallQuestion): the newest
// shipped call, used when nothing was chosen, is nobody's choice.
func (u *ui) callChosen() bool {
	return u.app.Preferences().String(prefCurrentCall) != ""
}

func closedText(call *forms.Call, now time.Time, chosen bool) string {
	s := fmt.Sprintf("%d年度的申报已于%s截止。", call.Year, forms.DateOf(call.Deadline).Chinese())
	if !chosen {
		s += fmt.Sprintf("程序现在用的是内置的%d年度申报通知，不是您选的。", call.Year)
	}
	return s + fmt.Sprintf("要申报%d年度的项目，请先取得今年的申报通知：从通知正文（.txt 或 Word .docx）生成申报通知文件，或导入别人给您的申报通知文件（.toml）。往年的申报书之后可以用「用往年申报书新建…」带入。", now.Year())
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
	u.chooseFile(fileRequest{title: "选择今年的申报通知正文", kind: "申报通知正文（.txt 或 Word .docx）", exts: []string{".txt", ".docx"}},
		func(p string) { u.callFromNotice(p) })
}

// callFromNotice reads the notice at path with the current call as base,
// writes the call file beside the notice (in "<年度>年度申报通知/call.toml",
// never over another file), imports it and says what was read, what was
// taken from the base and what was not found. It returns the file written.
func (u *ui) callFromNotice(path string) string {
	text, err := notice.TextOf(path)
	if err != nil {
		u.ask("无法读取通知", err.Error(), choice{label: "确定", important: true})
		return ""
	}
	base := u.call
	p, err := notice.Read(text, base)
	if err != nil {
		u.ask("无法从通知生成申报通知文件", "通知 "+filepath.Base(path)+"："+err.Error(), choice{label: "确定", important: true})
		return ""
	}
	out, err := writeNewCallFolder(filepath.Dir(path), p)
	if err != nil {
		u.ask("无法写出申报通知文件", err.Error()+"\n\n请把通知文件复制到可以写入的文件夹（如“文档”）后再试。", choice{label: "确定", important: true})
		return ""
	}
	if !u.importCallFile(out) {
		return out
	}
	var missing []string
	for _, f := range p.Facts {
		if f.Status == notice.Unrecognized {
			missing = append(missing, f.Label)
		}
	}
	msg := fmt.Sprintf("已从通知生成%d年度的申报通知文件，并已改用它：\n%s\n\n%d个类别；通知原文 %d 项，取自%d年度通知 %d 项（本年通知没有重述），未识别 %d 项。",
		p.Call.Year, out, len(p.Call.Categories), p.Count(notice.Found), base.Year, p.Count(notice.FromBase), len(missing))
	if len(missing) > 0 {
		if len(missing) > 8 {
			missing = append(missing[:8], "…")
		}
		msg += "\n未识别：" + strings.Join(missing, "、") + "（文件中已注明，请对照通知补上）。"
	}
	if len(p.Removed) > 0 {
		msg += "\n本年通知中没有的往年类别：" + strings.Join(p.Removed, "、") + "。"
	}
	msg += "\n\n每项的出处写在文件的注释里；请逐项对照通知核对，改正后用「导入申报通知文件…」重新导入。"
	u.ask("已生成申报通知文件", msg, choice{label: "确定", important: true})
	return out
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
