package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/widgets"
	"shenbao/forms"
)

// stepsWidth is the width of the steps list: its longest names fit.
const stepsWidth = 210

// stepState is what a step's entry in the navigation says: how many of
// its fields need a change, and how many are still to be filled in.
// unseen counts the empty fields never on screen (an optional 所获表彰
// below the fold): the step is not 已完成 until she has seen them.
type stepState struct{ problems, pending, filled, unseen int }

// text is 未填, "n 处要改", "n 项未看" or 已完成 (nothing to change,
// nothing to fill in, something filled in, every empty field seen).
func (s stepState) text() string {
	switch {
	case s.problems > 0:
		return fmt.Sprintf("%d 处要改", s.problems)
	case s.pending > 0 || s.filled == 0:
		return "未填"
	case s.unseen > 0:
		return fmt.Sprintf("%d 项未看", s.unseen)
	}
	return "已完成"
}

// stepNav shows the form's sections as steps (the form's `section`s, in
// the order built, so a category part generated from the call appears as
// its own step): a list with each step's state, 上一步 / 下一步 and 检查全部.
// Only the current step's section is shown.
type stepNav struct {
	f       *formScreen
	list    *stepsList
	content fyne.CanvasObject
	buttons fyne.CanvasObject

	prevBtn, nextBtn, checkBtn *widget.Button
	cur                        int
	selecting                  bool
}

func newStepNav(f *formScreen) *stepNav {
	n := &stepNav{f: f}
	n.list = newStepsList(n,
		func() int { return len(f.sections) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("一、申报单位基本情况")
			name.Truncation = fyne.TextTruncateEllipsis
			state := widgets.NewLabel("12 处要改")
			state.SizeName = theme.SizeNameCaptionText
			return container.NewVBox(name, state)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			if name := box.Objects[0].(*widget.Label); name.Text != stepName(f.sections[i].title) {
				name.SetText(stepName(f.sections[i].title))
			}
			st := n.state(i)
			l := box.Objects[1].(*widgets.Label)
			imp := widget.LowImportance
			switch {
			case st.problems > 0:
				imp = severityImportance(forms.Error)
			case st.text() == "已完成":
				imp = widget.SuccessImportance
			}
			if l.Text != st.text() || l.Importance != imp {
				l.Importance = imp
				l.SetText(st.text())
			}
		})
	n.list.OnSelected = func(i widget.ListItemID) {
		if n.selecting {
			return
		}
		f.showStep(i)
		f.focusFirst()
	}
	n.prevBtn = widget.NewButtonWithIcon("上一步", theme.NavigateBackIcon(), func() { n.move(-1) })
	n.nextBtn = widget.NewButtonWithIcon("下一步", theme.NavigateNextIcon(), func() { n.move(1) })
	n.nextBtn.IconPlacement = widget.ButtonIconTrailingText
	n.nextBtn.Importance = widget.HighImportance
	n.checkBtn = widget.NewButtonWithIcon("检查全部", theme.ConfirmIcon(), f.onCheckAll)
	n.buttons = container.NewHBox(n.prevBtn, n.nextBtn, n.checkBtn)
	head := widget.NewLabelWithStyle("填写步骤", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(stepsWidth, 0))
	n.content = container.NewBorder(head, nil, nil, widget.NewSeparator(), container.NewStack(width, n.list))
	return n
}

// stepsList is the list of steps, which keeps the current step in view:
// Fyne's list scrolls to a selected item by its own height, and a step
// selected before the list was laid out (the first step, as a draft
// opens) left it scrolled by one item, the current step hidden above.
type stepsList struct {
	widget.List
	n *stepNav
}

func newStepsList(n *stepNav, length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *stepsList {
	l := &stepsList{n: n}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// Resize lays the list out and scrolls the current step into view.
func (l *stepsList) Resize(s fyne.Size) {
	l.List.Resize(s)
	if s.Height > 0 {
		l.ScrollTo(l.n.cur)
	}
}

// state is a step's state from the last check.
func (n *stepNav) state(i int) stepState {
	if i < len(n.f.stepCounts) {
		return n.f.stepCounts[i]
	}
	return stepState{}
}

// go_ moves by d steps and puts the cursor in the step's first field.
func (n *stepNav) move(d int) {
	i := n.cur + d
	if i < 0 || i >= len(n.f.sections) {
		return
	}
	n.f.showStep(i)
	n.f.focusFirst()
}

// refresh updates the states shown.
func (n *stepNav) refresh() { n.list.Refresh() }

// showStep shows section i alone, at its top.
func (f *formScreen) showStep(i int) {
	if i < 0 || i >= len(f.sections) {
		return
	}
	n := f.steps
	n.cur = i
	for j, s := range f.sections {
		if j == i {
			s.box.Show()
		} else {
			s.box.Hide()
		}
	}
	f.body.Refresh()
	f.scroll.Offset = fyne.NewPos(0, 0)
	f.scroll.Refresh()
	f.onSeen()
	n.selecting = true
	n.list.Select(i)
	if n.list.Size().Height > 0 {
		n.list.ScrollTo(i)
	}
	n.selecting = false
	if i == 0 {
		n.prevBtn.Disable()
	} else {
		n.prevBtn.Enable()
	}
	if i == len(f.sections)-1 {
		n.nextBtn.SetText("审阅全文")
		n.nextBtn.OnTapped = f.onReview
	} else {
		n.nextBtn.SetText("下一步")
		n.nextBtn.OnTapped = func() { n.move(1) }
	}
}

// stepName is a section's short name in the steps list: "封面",
// "一、申报单位基本情况", "三、研究生论坛专项内容".
func stepName(title string) string {
	if i := strings.Index(title, "（"); i > 0 {
		title = title[:i]
	}
	if strings.HasPrefix(title, "第") {
		if i := strings.Index(title, "部分"); i > 0 {
			num := strings.TrimPrefix(title[:i], "第")
			rest := strings.TrimSpace(strings.TrimLeft(title[i+len("部分"):], "　 "))
			return num + "、" + rest
		}
	}
	if i := strings.Index(title, "　"); i > 0 {
		return title[:i]
	}
	return title
}
