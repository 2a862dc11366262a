package app

import (
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/platform"
	"shenbao/forms"
	"shenbao/forms/aftercare"
	"shenbao/forms/atomicfile"
)

// startScreen lists the drafts of the drafts folder.
type startScreen struct {
	u       *ui
	content fyne.CanvasObject

	folder   *widget.Label
	deadline *widget.Label
	status   *widget.Label
	list     *widget.List    // the drafts (draftslist.go)
	listBox  *fyne.Container // holds list, or empty when there is no draft
	empty    *widget.Label

	newBtn, openBtn, sampleBtn, folderBtn *widget.Button
	carryBtn                              *widget.Button // 用往年申报书新建
	closed                                *closedBanner  // the call's deadline has passed: the ways forward

	drafts    []draftInfo
	rows      []*draftRow
	checks    *draftChecks        // the checks of the list shown
	checkGate chan struct{}       // tests: the checks wait until it is closed
	heights   map[[2]bool]float32 // rowHeight's measures
}

func newStartScreen(u *ui) *startScreen {
	if u.start != nil {
		u.start.stopChecks() // the screen it replaces
	}
	s := &startScreen{u: u}
	title := widget.NewLabelWithStyle(u.call.Title+" · 申报助手", fyne.TextAlignLeading, fyne.TextStyle{})
	title.SizeName = theme.SizeNameSubHeadingText
	s.deadline = widget.NewLabel("")
	s.folder = widget.NewLabel("")
	s.folder.Truncation = fyne.TextTruncateEllipsis
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapBreak
	s.status.Importance = widget.DangerImportance
	s.status.Hide()
	s.newBtn = widget.NewButtonWithIcon("新建申报书", theme.ContentAddIcon(), s.onNew)
	s.newBtn.Importance = widget.HighImportance
	s.sampleBtn = widget.NewButtonWithIcon("打开示例", theme.DocumentIcon(), s.onSample)
	s.openBtn = widget.NewButtonWithIcon("打开文件…", theme.FolderOpenIcon(), u.onOpenFile)
	s.folderBtn = widget.NewButton("更改文件夹…", s.onChangeFolder)
	s.empty = widget.NewLabel("这个文件夹里还没有申报书。\n第一次使用？点“打开示例”看一份按通知要求填好的申报书；准备好了就点“新建申报书”。")
	s.empty.Wrapping = fyne.TextWrapBreak
	s.listBox = container.NewStack()

	folderRow := container.NewBorder(nil, nil, widget.NewLabel("草稿文件夹："), s.folderBtn, s.folder)
	s.carryBtn = widget.NewButtonWithIcon("用往年申报书新建…", theme.ContentCopyIcon(), u.onCarry)
	buttons := container.NewHBox(s.newBtn, s.carryBtn, s.sampleBtn, s.openBtn)
	s.closed = newClosedBanner(u)
	top := container.NewVBox(title, u.callBar(), s.deadline, s.closed.box, folderRow, buttons, s.status, widget.NewSeparator())
	s.content = container.NewBorder(top, nil, nil, nil, s.listBox)
	return s
}

// refreshDrafts re-reads the drafts folder and rebuilds the list.
func (s *startScreen) refreshDrafts() {
	u := s.u
	dir := u.draftsDir()
	s.folder.SetText(dir)
	s.deadline.SetText(deadlineText(u.call, u.now()))
	if s.closed.refresh() {
		s.content.Refresh() // the banner came or went: lay the top out again
	}
	s.status.Hide()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		s.showStatus(fmt.Sprintf("无法创建草稿文件夹 %s：%v。请点“更改文件夹…”选择一个可以写入的文件夹。", dir, err))
	}
	atomicfile.CleanStale(dir) // temp files of saves a crash interrupted
	drafts, err := listDrafts(dir)
	if err != nil && !os.IsNotExist(err) {
		s.showStatus(fmt.Sprintf("无法读取草稿文件夹 %s：%v。", dir, err))
	}
	s.showDrafts(drafts)
}

func (s *startScreen) showStatus(msg string) {
	s.status.SetText(msg)
	s.status.Show()
}

// countsText is "2 个错误、1 个警告" or "没有发现问题".
func countsText(errs, warns int) string {
	if errs == 0 && warns == 0 {
		return "没有发现问题"
	}
	return fmt.Sprintf("%d 个错误、%d 个警告", errs, warns)
}

// deadlineText is the countdown shown at the top of the start screen.
func deadlineText(call *forms.Call, now time.Time) string {
	return "申报截止：" + forms.DateOf(call.Deadline).Chinese() + "（" + deadlineShort(call, now) + "）"
}

// deadlineShort is "还有 10 天截止", "今天截止" or "已截止 3 天".
func deadlineShort(call *forms.Call, now time.Time) string {
	left := forms.DateOf(now).DaysUntil(forms.DateOf(call.Deadline))
	switch {
	case left > 0:
		return fmt.Sprintf("还有 %d 天截止", left)
	case left == 0:
		return "今天截止"
	}
	return fmt.Sprintf("已截止 %d 天", -left)
}

func (s *startScreen) onNew() { s.u.newOrAskClosed(func() { s.u.showPicker(false) }) }

func (s *startScreen) onSample() { s.u.showPicker(true) }

func (s *startScreen) onChangeFolder() {
	s.u.chooseFile(platform.FileRequest{Title: "选择存放申报书的文件夹", Folder: true, Dir: s.u.draftsDir()}, func(p string) {
		s.u.setDraftsDir(p)
		s.refreshDrafts()
	})
}

func (s *startScreen) onDuplicate(path string) {
	if _, err := duplicateDraft(path, s.u.now()); err != nil {
		s.u.showError("无法复制", err)
		return
	}
	s.refreshDrafts()
}

func (s *startScreen) onDelete(path string) {
	trash := trashDir(path)
	what := "《" + draftTitleAt(s.u.call, path) + "》"
	if isDir(aftercare.FilesDir(path)) {
		what += "和它的照片文件夹"
	}
	s.u.ask("删除申报书？", "把"+what+"移到草稿文件夹里的“"+trashFolderName+"”文件夹：\n"+trash+"\n需要时可以从那里把文件拿回草稿文件夹。",
		choice{label: "删除", important: true, fn: func() {
			if _, err := moveToTrash(path, s.u.now()); err != nil {
				s.u.showError("无法删除", err)
			}
			s.refreshDrafts()
		}},
		choice{label: "取消"},
	)
}
