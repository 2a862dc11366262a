package app

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"

	"shenbao/forms"
)

// exportFunc builds the submission package of a draft into outDir and
// returns the folder it wrote. It is nil until the document writers exist.
var exportFunc func(outDir string, call *forms.Call, d *forms.Draft) (string, error)

// onExport exports the submission package (Ctrl+E): allowed with warnings,
// and with errors only after a confirmation that lists them.
func (f *formScreen) onExport() {
	if f.exporting {
		return
	}
	var errs []string
	for _, fd := range f.findings {
		if fd.Severity == forms.Error {
			label := ""
			if fd.Field != "" {
				label = "【" + forms.FieldLabel(fd.Field) + "】"
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
// offers to open the folder.
func (f *formScreen) runExport() {
	u := f.u
	if exportFunc == nil {
		u.ask("导出", "这个版本还不能生成报送材料（Word、PDF）。", choice{label: "确定", important: true})
		return
	}
	d, err := forms.Unmarshal(f.path, mustMarshal(f.d)) // a copy: typing goes on meanwhile
	if err != nil {
		u.showError("导出失败", err)
		return
	}
	outDir := filepath.Join(filepath.Dir(f.path), exportFolderName)
	f.exporting = true
	f.exportProgress.Show()
	f.exportProgress.Start()
	f.exportBtn.Disable()
	go func() {
		dir, err := exportFunc(outDir, u.call, d)
		fyne.Do(func() {
			f.exporting = false
			f.exportProgress.Stop()
			f.exportProgress.Hide()
			f.exportBtn.Enable()
			if err != nil {
				u.showError("导出失败", err)
				return
			}
			f.exportedDir = dir
			u.ask("导出完成", "报送材料已保存到：\n"+dir,
				choice{label: "打开文件夹", important: true, fn: func() { openFolder(u, dir) }},
				choice{label: "关闭"})
		})
	}()
}

// exportFolderName is the folder, next to the draft, exports go to.
const exportFolderName = "报送材料"

func mustMarshal(d *forms.Draft) []byte {
	b, _ := forms.Marshal(d)
	return b
}

// openFolder shows a folder in the system's file manager.
func openFolder(u *ui, dir string) {
	uri, err := url.Parse("file://" + filepath.ToSlash(dir))
	if err != nil {
		return
	}
	if err := u.app.OpenURL(uri); err != nil {
		u.showError("无法打开文件夹", fmt.Errorf("无法打开文件夹 %s：%v。请在文件管理器中打开它。", dir, err))
	}
}
