package app

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
	"shenbao/forms/aftercare"
	"shenbao/forms/submission"
	"shenbao/forms/usererr"
)

// samplesFolderName is the folder, in the program's own storage (not the
// drafts folder), where an opened sample is written so it can be exported
// and tried like a draft.
const samplesFolderName = "示例"

// sampleDir is the program's folder for opened samples.
func (u *ui) sampleDir() string {
	root := ""
	if s := u.app.Storage(); s != nil && s.RootURI() != nil {
		root = s.RootURI().Path()
	}
	if root == "" {
		root = filepath.Join(os.TempDir(), "shenbao")
	}
	return filepath.Join(root, samplesFolderName)
}

// isSample reports whether path is an opened sample, not a draft.
func (u *ui) isSample(path string) bool {
	return path != "" && samePath(filepath.Dir(path), u.sampleDir())
}

// openSample writes a fresh sample of a category into the program's folder
// and opens it, marked 示例.
func (u *ui) openSample(cat *forms.Category) {
	d, err := forms.Sample(u.call, cat.ID)
	if err != nil {
		u.showError("无法打开示例", err)
		return
	}
	dir := u.sampleDir()
	// the call file's text, made a plain name (never a path)
	path := filepath.Join(dir, "示例-"+submission.SafeName(cat.ShortName, 20)+forms.DraftExt)
	// A sample opens as the program ships it: photos and reports of an
	// earlier try are dropped with the old file.
	_ = os.RemoveAll(aftercare.FilesDir(path))
	err = os.MkdirAll(dir, 0o755)
	if err == nil {
		err = forms.Save(path, d, u.now())
	}
	if err != nil {
		u.showError("无法打开示例", usererr.New(codeOf(err), path, err, "无法写入示例文件 %s：%s", path, reasonOf(err)))
		return
	}
	u.showForm(path, d, false)
}

// onTemplate makes a draft of the secretary's own from the open sample:
// it asks for the unit's name, keeps the sample's project content as a
// starting point, clears the sample unit's details, and saves the new
// draft in the drafts folder.
func (f *formScreen) onTemplate() {
	u := f.u
	name := widget.NewEntry()
	name.SetPlaceHolder("与公章上的名称一致")
	f.templateName = name
	u.askWith("以此为模板新建", "新的申报书保留示例的项目内容，供你逐项改写；申报单位的信息（名称、信用代码、联系人等）不沿用示例。\n请填写你的单位名称：", name,
		choice{label: "新建", important: true, fn: func() {
			if strings.TrimSpace(name.Text) == "" {
				u.ask("没有填写单位名称", "请填写申报单位的名称，再点“新建”。", choice{label: "确定", important: true, fn: f.onTemplate})
				return
			}
			f.createFromTemplate(strings.TrimSpace(name.Text))
		}},
		choice{label: "取消"})
}

// createFromTemplate saves a copy of the sample as a new draft of unit.
func (f *formScreen) createFromTemplate(unit string) {
	u := f.u
	d, err := forms.Unmarshal(f.path, mustMarshal(f.d))
	if err != nil {
		u.showError("无法新建", err)
		return
	}
	d.ID = forms.NewID()
	d.CreatedAt = u.now()
	typ := d.Applicant.Type
	d.Applicant = forms.Applicant{Name: unit, Type: typ}
	d.Selection = nil
	d.Reports = nil
	d.Cover.ApplyDate = applyDateToday(u.call, u.now())
	path := newDraftPath(u.draftsDir(), f.cat, u.now())
	if err := os.MkdirAll(u.draftsDir(), 0o755); err != nil {
		u.showError("无法新建", err)
		return
	}
	if err := forms.Save(path, d, u.now()); err != nil {
		u.showError("无法新建", err)
		return
	}
	f.stopAutosave()
	u.showForm(path, d, false)
}
