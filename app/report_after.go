package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/widgets"
	"shenbao/forms"
	"shenbao/forms/aftercare"
	"shenbao/forms/submission"
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

	exportBtn   *widget.Button
	openBtn     *widget.Button
	progress    *widget.ProgressBar
	status      *widget.Label
	exported    []aftercare.Exported
	exportedDir string
}

func newAfterScreen(env *reportEnv) *afterScreen {
	s := &afterScreen{env: env}
	s.selection = newSelectionScreen(env)
	s.info = newInfoScreen(env)
	s.summary = newSummaryScreen(env)
	s.accounts = newAccountsScreen(env)
	scroll := func(o fyne.CanvasObject) fyne.CanvasObject {
		return widgets.NewWheelScroll(container.NewVScroll(container.NewPadded(o)))
	}
	// Only the materials the call asks of this draft have a tab.
	owes := func(kinds ...string) bool {
		for _, k := range kinds {
			if forms.HasAfterItem(env.call, env.d, k) {
				return true
			}
		}
		return false
	}
	items := []*container.TabItem{container.NewTabItem("入选与报送期限", scroll(s.selection.content))}
	if owes(forms.ItemReport) {
		items = append(items, container.NewTabItem("信息报道稿", scroll(s.info.content)))
	}
	if owes(forms.ItemResults) {
		s.results = newResultsScreen(env)
		items = append(items, container.NewTabItem("分赛场成绩", scroll(s.results.content)))
	}
	if owes(forms.ItemSummary, forms.ItemReview) {
		items = append(items, container.NewTabItem("总结与综述", scroll(s.summary.content)))
	}
	if owes(forms.ItemAccounts) {
		items = append(items, container.NewTabItem("决算表", scroll(s.accounts.content)))
	}
	s.tabs = container.NewAppTabs(items...)
	s.exportBtn = widget.NewButtonWithIcon("导出全部会后材料", theme.DocumentSaveIcon(), func() { s.onExport() })
	s.exportBtn.Importance = widget.HighImportance
	s.openBtn = widget.NewButtonWithIcon("打开文件夹", theme.FolderOpenIcon(), s.onOpenFolder)
	s.openBtn.Hide()
	// A bar that moves once per file, not an endless animation: under a
	// software renderer the animation redrew the window continuously and
	// took the CPU from the export (docs/window.md, “A whole session”).
	s.progress = widget.NewProgressBar()
	s.progress.Hide()
	// One line each, cut with "…" when narrow: wrapped labels above the
	// tabs would make the window grow.
	s.status = widget.NewLabel("")
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.status.Hide()
	intro := widget.NewLabel("PDF与Word文件各一份，另附报送日程（.ics，可导入Outlook、苹果日历，提前一天提醒），保存到草稿旁的“" + exportFolderName + "”文件夹。")
	intro.Truncation = fyne.TextTruncateEllipsis
	top := container.NewBorder(nil, nil, nil, s.exportBtn, intro)
	s.content = container.NewBorder(container.NewVBox(top, s.progress, container.NewBorder(nil, nil, nil, s.openBtn, s.status)), nil, nil, nil, s.tabs)
	return s
}

// focusFor is the input of the after-selection screens a finding's path
// names, or the first input of its part; nil when there is none.
func (s *afterScreen) focusFor(path string) fyne.Focusable {
	has := func(p string) bool { return strings.HasPrefix(path, p) }
	switch {
	case has("selection.list_published"):
		return s.selection.listPublished.Entry
	case has("selection.actual_start"):
		return s.selection.actualStart.Entry
	case has("selection.actual_end"):
		return s.selection.actualEnd.Entry
	case has("selection."):
		return s.selection.selected
	case has("reports.info_report.headline"), has("reports.info_report.title"):
		return s.info.title
	case has("reports.info_report.author"):
		return s.info.author
	case has("reports.info_report"):
		return s.info.body
	case has("reports.summary"):
		return s.summary.summary
	case has("reports.review"), has("reports.proceedings"):
		return s.summary.review
	case has("reports.accounts.spent_lines["):
		var i int
		if _, err := fmt.Sscanf(path[len("reports.accounts.spent_lines["):], "%d]", &i); err == nil && i >= 0 && i < len(s.accounts.spent) {
			return s.accounts.spent[i]
		}
	case has("reports.accounts.provincial"):
		return s.accounts.provincial
	case has("reports.accounts.self_raised"):
		return s.accounts.selfRaised
	case has("reports.accounts.other"):
		return s.accounts.other
	case has("reports.accounts"):
		return s.accounts.note
	}
	return nil
}

// exportDir is where the after-selection documents go: the 报送材料 folder
// beside the draft (where the application's package goes too), in one
// subfolder named as the package's folder is (unit, category, project:
// submission.BaseName) followed by -会后材料, so the two sit side by side.
func (s *afterScreen) exportDir() string {
	return submission.AfterFolder(s.env.call, s.env.d, s.env.draftPath)
}

// emptyParts lists what would be exported empty: a summary not written, or
// final accounts with nothing spent and no source.
func emptyParts(d *forms.Draft) []string {
	var out []string
	r := d.Reports
	if r == nil || strings.TrimSpace(r.Summary) == "" {
		out = append(out, "项目总结还没有写")
	}
	zero := true
	if r != nil && r.Accounts != nil {
		a := r.Accounts
		zero = a.Provincial == 0 && a.SelfRaised == 0 && a.Other == 0
		for _, l := range a.Lines {
			if l.Spent != 0 {
				zero = false
			}
		}
	}
	if zero {
		out = append(out, "决算表的实际支出和经费来源全是0")
	}
	return out
}

// onExport exports every document, first asking when a part is empty.
//
// It returns the export's channel (see exportTo), nil when it asked first.
func (s *afterScreen) onExport() <-chan struct{} {
	if parts := emptyParts(s.env.d); len(parts) > 0 && s.env.ask != nil {
		s.env.ask("会后材料还没有写完", strings.Join(parts, "；")+"。这样导出的文件会是空的或全是0。\n\n仍要导出吗？",
			choice{label: "返回填写", important: true, fn: func() {
				if strings.HasPrefix(parts[0], "项目总结") {
					s.tabs.SelectIndex(len(s.tabs.Items) - 2)
				} else {
					s.tabs.SelectIndex(len(s.tabs.Items) - 1)
				}
			}},
			choice{label: "仍然导出", fn: func() { s.exportTo(s.exportDir()) }})
		return nil
	}
	return s.exportTo(s.exportDir())
}

// exportTo writes every document into dir in the background, from a copy
// of the draft as it was, with a progress bar; the returned channel is
// closed once the screen says how it went.
func (s *afterScreen) exportTo(dir string) <-chan struct{} {
	done := make(chan struct{})
	env := s.env
	d, err := forms.Unmarshal(env.draftPath, mustMarshal(env.d))
	if err != nil {
		s.exportFinished(dir, nil, err)
		close(done)
		return done
	}
	s.exportBtn.Disable()
	s.openBtn.Hide()
	s.status.Hide()
	s.progress.SetValue(0)
	s.progress.Show()
	call, path, now := env.call, env.draftPath, env.now()
	go func() {
		defer close(done)
		beforeExport()
		files, err := aftercare.ExportAllProgress(dir, call, d, path, now, func(step, total int, _ string) {
			onUI("after export: progress", func() { s.progress.SetValue(float64(step-1) / float64(total)) })
		})
		afterExport()
		onUIWait("after export: finished", func() { s.exportFinished(dir, files, err) })
	}()
	return done
}

// exportFinished says where the files went, with 打开文件夹.
func (s *afterScreen) exportFinished(dir string, files []aftercare.Exported, err error) {
	s.progress.Hide()
	s.exportBtn.Enable()
	s.exported = files
	if err != nil {
		s.status.Importance = severityImportance(forms.Error)
		s.status.SetText("导出未完成：" + err.Error())
		s.status.Show()
		return
	}
	s.exportedDir = dir
	s.status.Importance = widget.MediumImportance
	s.status.SetText(fmt.Sprintf("已导出%d个文件到“%s”文件夹中的“%s”", len(files), exportFolderName, filepath.Base(dir)))
	s.status.Show()
	s.openBtn.Show()
}

func (s *afterScreen) onOpenFolder() {
	if s.env.openFolder != nil && s.exportedDir != "" {
		s.env.openFolder(s.exportedDir)
	}
}
