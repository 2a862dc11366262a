package app

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/platform"
	"shenbao/forms"
)

// The start screen's drafts list shows a folder of any size at once: the
// rows are made from the drafts' headers (listDrafts), and the list
// (widget.List) builds widgets for the rows in view only; each row's
// labels and buttons are plain structs until its row is scrolled into view.
// The checks (load, forms.Check, the quotas) run afterwards in the
// background (checkDrafts) and their counts reach the rows in batches
// through the UI goroutine; they stop when the list is left or re-read.
// docs/window.md, “drafts list and quota”, has the figures.

// checksFlush is how often finished checks are handed to the list.
const checksFlush = 150 * time.Millisecond

// draftChecks is one run of the checks of a shown list.
type draftChecks struct {
	cancel context.CancelFunc
	// done is closed, on the UI goroutine, once every row shows its
	// counts (never when the run is stopped first).
	done chan struct{}

	// exited is closed when the background work ends, finished or stopped.
	exited chan struct{}

	// Tests only (checksPost): the batches not yet shown, and a signal
	// that one was added.
	mu     sync.Mutex
	queued []func()
	wake   chan struct{}
}

// checksPost hands a batch of results to the UI goroutine. Tests replace
// it with a queue they run on their own goroutine (waitChecks): Fyne's
// test driver runs fyne.Do on the caller's goroutine, where the rows' text
// would be measured while the test's goroutine measures its own.
var checksPost = func(_ *draftChecks, fn func()) { onUI("drafts list checks", fn) }

// showDrafts shows the drafts of a list at once, from their headers, and
// starts checking them in the background.
//
// s.drafts keeps what listDrafts read (the checks read it meanwhile); the
// counts are the rows' (draftRow.info).
func (s *startScreen) showDrafts(drafts []draftInfo) {
	s.stopChecks()
	s.drafts = drafts
	s.rows = make([]*draftRow, len(drafts))
	for i, in := range drafts {
		s.rows[i] = s.newRow(in)
	}
	rows := s.rows
	list := widget.NewList(
		func() int { return len(rows) },
		func() fyne.CanvasObject { return container.NewStack(s.rowTemplate()) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			cell := o.(*fyne.Container)
			if len(cell.Objects) == 1 && cell.Objects[0] == rows[id].box {
				return
			}
			cell.Objects = []fyne.CanvasObject{rows[id].box}
			cell.Refresh()
		})
	list.OnSelected = func(id widget.ListItemID) { list.Unselect(id) } // rows act through their buttons
	for i, r := range rows {
		if h := s.rowHeight(r); h > 0 {
			list.SetItemHeight(i, h) // before the list is shown: no refresh
		}
	}
	s.list = list
	s.listBox.Objects = []fyne.CanvasObject{list}
	if len(drafts) == 0 {
		s.listBox.Objects = []fyne.CanvasObject{s.empty}
	}
	s.listBox.Refresh()

	ctx, cancel := context.WithCancel(context.Background())
	job := &draftChecks{cancel: cancel, done: make(chan struct{}), wake: make(chan struct{}, 1), exited: make(chan struct{})}
	s.checks = job
	call, calls, now, gate := s.u.call, s.u.calls, s.u.now(), s.checkGate
	platform.GoBackground(func() {
		defer close(job.exited)
		if gate != nil {
			<-gate
		}
		checkDrafts(ctx, drafts, call, calls, now, checksFlush, func(batch []draftStatus, last bool) {
			checksPost(job, func() {
				if ctx.Err() != nil {
					return
				}
				for _, st := range batch {
					s.showChecked(list, rows[st.Index], st)
				}
				list.Refresh()
				if last {
					close(job.done)
				}
			})
		})
	})
}

// stopChecks stops the checks of the list shown, if they still run.
func (s *startScreen) stopChecks() {
	if s.checks != nil {
		s.checks.cancel()
	}
}

// rowTemplate is a row as the list measures its default height: a title
// and one detail line.
func (s *startScreen) rowTemplate() fyne.CanvasObject {
	r := s.newRow(draftInfo{Path: "申报书" + forms.DraftExt, Header: &forms.Header{}})
	r.open.OnTapped, r.dup.OnTapped, r.del.OnTapped = nil, nil, nil // a cell's content until it is given its row
	return r.box
}

// rowHeight is the height of a row with more lines than the template (an
// autosave note under the detail, a due line), 0 for a row of the
// template's height. Rows are measured through a template with the same
// lines, so that rows out of view need no widgets built.
func (s *startScreen) rowHeight(r *draftRow) float32 {
	key := [2]bool{r.note, r.due.Visible()}
	if key == [2]bool{} {
		return 0
	}
	if h, ok := s.heights[key]; ok {
		return h
	}
	t := s.newRow(draftInfo{Path: "申报书" + forms.DraftExt, Header: &forms.Header{}})
	if r.note {
		t.detail.SetText("1\n2")
	}
	if r.due.Visible() {
		t.due.SetText("1")
		t.due.Show()
	}
	if s.heights == nil {
		s.heights = map[[2]bool]float32{}
	}
	s.heights[key] = t.box.MinSize().Height
	return s.heights[key]
}

// showChecked shows what the checks found on a row.
func (s *startScreen) showChecked(list *widget.List, r *draftRow, st draftStatus) {
	in := &r.info
	in.Checked, in.Errors, in.Warnings, in.Due, in.Overdue = true, st.Errors, st.Warnings, st.Due, st.Overdue
	if st.Err != nil {
		in.Err = st.Err
		r.showUnreadable()
		return
	}
	if in.Due != "" {
		r.due.Text = in.Due
		r.due.Importance = widget.MediumImportance
		if in.Overdue {
			r.due.Importance = widget.DangerImportance
		}
		r.due.Show()
		list.SetItemHeight(st.Index, s.rowHeight(r))
	}
	r.detail.Text = s.detailText(*in)
	switch {
	case in.Errors > 0:
		r.detail.Importance = widget.DangerImportance
	case in.Warnings > 0:
		r.detail.Importance = widget.WarningImportance
	default:
		r.detail.Importance = widget.SuccessImportance
	}
	r.detail.Refresh() // cheap while the row has never been in view
	r.due.Refresh()
}

// draftRow is one draft of the list with its buttons.
type draftRow struct {
	info           draftInfo
	box            fyne.CanvasObject // the row as the list shows it
	title, detail  *widget.Label
	due            *widget.Label // a selected draft's nearest due date; hidden otherwise
	note           bool          // the detail has a second line (an autosave)
	open, dup, del *widget.Button
}

// newRow makes a draft's row from its header; its counts show
// “正在检查…” until showStatus.
func (s *startScreen) newRow(in draftInfo) *draftRow {
	r := &draftRow{info: in}
	r.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{})
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.detail = widget.NewLabel("")
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.due = widget.NewLabel("")
	r.due.Truncation = fyne.TextTruncateEllipsis
	r.due.Hide()
	r.open = widget.NewButton("打开", func() { s.u.openDraft(in.Path) })
	r.dup = widget.NewButton("复制", func() { s.onDuplicate(in.Path) })
	r.del = widget.NewButton("删除", func() { s.onDelete(in.Path) })
	r.box = container.NewBorder(nil, nil, nil, container.NewHBox(r.open, r.dup, r.del), container.NewVBox(r.title, r.detail, r.due))
	if in.Header == nil {
		r.showUnreadable()
		return r
	}
	h := in.Header
	catName := h.Category
	if c := s.u.call.Category(h.Category); c != nil {
		catName = c.ShortName
	}
	name := h.ProjectName
	if name == "" {
		name = "（未填项目名称）"
	}
	r.title.Text = fmt.Sprintf("【%s】%s%s", catName, name, copyMark(displayName(in.Path)))
	r.note = !in.Autosave.IsZero()
	r.detail.Text = s.detailText(in)
	return r
}

// showUnreadable shows a row whose file could not be read, with why.
func (r *draftRow) showUnreadable() {
	r.title.SetText(displayName(r.info.Path) + "（无法打开）")
	r.detail.SetText(r.info.Err.Error())
	r.detail.Importance = widget.DangerImportance
	r.due.Hide()
	r.open.Disable()
	r.dup.Disable()
}

// detailText is a row's second line: unit, last saved, the counts (or
// 正在检查… before the checks), the deadline (for a draft not selected),
// the file; and the autosave note under it.
func (s *startScreen) detailText(in draftInfo) string {
	unit := in.Header.ApplicantName
	if unit == "" {
		unit = "（未填申报单位）"
	}
	counts := "正在检查…"
	deadline := ""
	if in.Checked {
		counts = countsText(in.Errors, in.Warnings)
		if in.Due == "" {
			// A selected project is past the application deadline: its
			// row counts down to the reports due after the event instead.
			deadline = "　·　" + deadlineShort(s.u.call, s.u.now())
		}
	}
	detail := fmt.Sprintf("%s　·　最后保存 %s　·　%s%s　·　文件 %s", unit, in.Saved.Local().Format("2006-01-02 15:04"), counts, deadline, filepath.Base(in.Path))
	if !in.Autosave.IsZero() {
		detail += "\n有未保存的修改（自动保存于 " + in.Autosave.Local().Format("2006-01-02 15:04") + "），打开时可恢复。"
	}
	return detail
}
