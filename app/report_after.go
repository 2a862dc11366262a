package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
	"shenbao/forms/aftercare"
)

// afterScreen gathers the after-selection screens of one draft in tabs
// (入选与报送期限, 信息报道稿, 分赛场成绩 for the speech competition, 总结与综述,
// 决算表) with the export of every document and of the due dates' calendar.
type afterScreen struct {
	env     *reportEnv
	content fyne.CanvasObject

	tabs      *container.AppTabs
	selection *selectionScreen
	info      *infoScreen
	results   *resultsScreen // nil unless the draft is a speech competition
	summary   *summaryScreen
	accounts  *accountsScreen

	exportBtn *widget.Button
	status    *widget.Label
	exported  []aftercare.Exported
}

func newAfterScreen(env *reportEnv) *afterScreen {
	s := &afterScreen{env: env}
	s.selection = newSelectionScreen(env)
	s.info = newInfoScreen(env)
	s.summary = newSummaryScreen(env)
	s.accounts = newAccountsScreen(env)
	scroll := func(o fyne.CanvasObject) fyne.CanvasObject { return container.NewVScroll(container.NewPadded(o)) }
	items := []*container.TabItem{
		container.NewTabItem("入选与报送期限", scroll(s.selection.content)),
		container.NewTabItem("信息报道稿", scroll(s.info.content)),
	}
	if forms.HasAfterItem(env.call, env.d, forms.ItemResults) {
		s.results = newResultsScreen(env)
		items = append(items, container.NewTabItem("分赛场成绩", scroll(s.results.content)))
	}
	items = append(items,
		container.NewTabItem("总结与综述", scroll(s.summary.content)),
		container.NewTabItem("决算表", scroll(s.accounts.content)))
	s.tabs = container.NewAppTabs(items...)
	s.exportBtn = widget.NewButtonWithIcon("导出全部会后材料…", theme.DocumentSaveIcon(), s.onExport)
	s.exportBtn.Importance = widget.HighImportance
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.status.Hide()
	top := container.NewBorder(nil, nil, nil, s.exportBtn, widget.NewLabel("PDF与Word文件各一份，另附报送日程（.ics，可导入Outlook、苹果日历，提前一天提醒）。"))
	s.content = container.NewBorder(container.NewVBox(top, s.status), nil, nil, nil, s.tabs)
	return s
}

func (s *afterScreen) onExport() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		s.exportTo(u.Path())
	}, s.env.win)
	d.Show()
}

// exportTo writes every document into dir and says where.
func (s *afterScreen) exportTo(dir string) {
	files, err := aftercare.ExportAll(dir, s.env.call, s.env.d, s.env.draftPath, s.env.now())
	s.exported = files
	if err != nil {
		s.status.Importance = widget.DangerImportance
		s.status.SetText("导出未完成：" + err.Error())
		s.status.Show()
		return
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = baseOf(f.Path)
	}
	s.status.Importance = widget.SuccessImportance
	s.status.SetText(fmt.Sprintf("已导出%d个文件到 %s：%s", len(files), dir, strings.Join(names, "、")))
	s.status.Show()
}

func baseOf(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}
