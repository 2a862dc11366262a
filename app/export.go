package app

import (
	"errors"
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"shenbao/app/platform"
	"shenbao/forms"
	"shenbao/forms/pdfdoc"
	"shenbao/forms/submission"
)

// buildPackage builds the submission package (package forms/submission);
// tests may replace it.
var buildPackage = defaultBuildPackage

func defaultBuildPackage(outDir string, call *forms.Call, d *forms.Draft, now time.Time, progress submission.Progress) (*submission.Result, error) {
	return submission.DefaultWriters().Build(outDir, call, d, now, progress)
}

// onExport exports the submission package (Ctrl+E): allowed with warnings,
// and with errors only after a confirmation that lists them.
func (f *formScreen) onExport() {
	if f.exporting || f.readOnly {
		return
	}
	if err := forms.CheckLimits(f.d); err != nil {
		f.u.showError("无法导出", err)
		return
	}
	// Exporting asks for everything: empty fields are errors now.
	f.checkAll = true
	f.recheck()
	var errs []string
	for _, fd := range f.findings {
		if fd.Severity == forms.Error {
			label := ""
			if fd.Field != "" {
				label = "【" + f.u.call.FieldLabel(fd.Field) + "】"
			}
			errs = append(errs, "· "+label+fd.Message)
		}
	}
	if len(errs) == 0 {
		f.runExport()
		return
	}
	shown := errs
	if len(shown) > 12 {
		shown = append(shown[:12:12], fmt.Sprintf("……另有 %d 个错误", len(errs)-12))
	}
	f.u.ask("申报书还有错误", fmt.Sprintf("申报书还有 %d 个错误，按现在的内容导出的材料可能不被受理：\n%s\n\n仍要导出吗？", len(errs), strings.Join(shown, "\n")),
		choice{label: "返回修改", important: true, fn: func() {
			for _, fd := range f.findings {
				if fd.Severity == forms.Error && f.jump(fd.Field) {
					return
				}
			}
		}},
		choice{label: "仍然导出", fn: f.runExport},
	)
}

// runExport builds the package in the background with a progress bar, then
// offers to open the folder. Typing goes on meanwhile: the package is built
// from a copy of the draft as it was.
func (f *formScreen) runExport() {
	u := f.u
	d, err := forms.Unmarshal(f.path, mustMarshal(f.d))
	if err != nil {
		u.showError("导出失败", err)
		return
	}
	outDir := submission.FolderFor(f.path)
	f.exporting = true
	f.exportProgress.SetValue(0)
	f.exportStep.SetText("正在准备导出……")
	f.exportBox.Show()
	f.exportBtn.Disable()
	now := u.now()
	go func() {
		beforeExport()
		res, err := buildPackage(outDir, u.call, d, now, func(step, total int, what string) {
			onUI("export: progress", func() {
				f.exportProgress.SetValue(float64(step-1) / float64(total))
				f.exportStep.SetText(fmt.Sprintf("%s（%d/%d）", what, step, total))
			})
		})
		afterExport()
		onUI("export: finished", func() { f.exportFinished(res, err) })
	}()
}

// exportFinished reports the end of an export.
func (f *formScreen) exportFinished(res *submission.Result, err error) {
	u := f.u
	f.exporting = false
	f.exportBox.Hide()
	f.exportBtn.Enable()
	defer func() {
		if f.onExportDone != nil {
			f.onExportDone()
		}
	}()
	if err != nil {
		u.showError("导出失败", err)
		return
	}
	f.exported = res
	msg := "报送材料已保存到文件夹：\n" + res.Dir + "\n\n压缩包：" + res.Zip + "\n\n请按文件夹中的报送清单逐项办理：打印、盖章、发送电子邮件、寄送纸质件。"
	u.ask("导出完成", msg,
		choice{label: "打开文件夹", important: true, fn: func() { openFolder(u, res.Dir) }},
		choice{label: "关闭"})
}

// exportFolderName is the folder, next to the draft, exports go to.
const exportFolderName = submission.Folder

func mustMarshal(d *forms.Draft) []byte {
	b, _ := forms.Marshal(d)
	return b
}

// openFolder shows a folder in the system's file manager. When nothing
// can open it, the user is told so, with the path to copy.
// openFolderProblem says in Chinese why the folder could not be shown
// (xdg-open's exit status, documented in its manual: 2 no such file, 3 no
// program for it, 4 the program failed), never the system's English.
func openFolderProblem(err error) string {
	var exit *exec.ExitError
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return "系统中没有打开文件夹用的程序（xdg-open）。"
	case errors.As(err, &exit) && exit.ExitCode() == 2:
		return "这个文件夹已不存在（可能被移动或删除了）。"
	case errors.As(err, &exit) && exit.ExitCode() == 3:
		return "系统中没有能打开文件夹的程序（文件管理器）。"
	case errors.As(err, &exit):
		return fmt.Sprintf("打开文件夹的程序没有打开它（退出码 %d）。", exit.ExitCode())
	}
	return "系统没有打开这个文件夹。"
}

func openFolder(u *ui, dir string) {
	fail := func(err error) {
		u.ask("无法打开文件夹", openFolderProblem(err)+"文件都已保存，请在文件管理器中打开这个文件夹：\n\n"+dir,
			choice{label: "复制路径", important: true, fn: func() { u.app.Clipboard().SetContent(dir) }},
			choice{label: "关闭"})
		u.prompt.copyText = dir
	}
	if u.openURL != nil {
		if err := u.openURL(dir); err != nil {
			fail(err)
		}
		return
	}
	if runtime.GOOS == "linux" {
		// Fyne starts xdg-open and reports nothing when it then fails
		// (no file manager): wait for its answer off the UI goroutine.
		go func() {
			if err := exec.Command("xdg-open", dir).Run(); err != nil {
				fyne.Do(func() { fail(err) })
			}
		}()
		return
	}
	uri, err := url.Parse("file://" + filepath.ToSlash(dir))
	if err == nil {
		err = u.app.OpenURL(uri)
	}
	if err != nil {
		fail(err)
	}
}

// beforeExport gives back, on the export's goroutine before it starts,
// the heap the collector has freed but the runtime still holds (garbage
// of typing and screens shown since the last collection): the export's
// own memory (the print faces' tables, the PDF being written) then comes
// on top of the live heap, not of its high-water mark.
func beforeExport() {
	platform.BeginExport()
}

// afterExport gives back what an export leaves behind, on the export's
// goroutine once its files are written: the print faces parsed for the
// PDFs (parsed again by the next export, ~20 ms) and the heap the
// documents were made in, so that the next step (typically a photo
// import) does not start from the export's high-water mark.
func afterExport() {
	pdfdoc.ReleaseFonts()
	platform.EndExport()
}
