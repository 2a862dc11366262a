package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/widgets"
	"shenbao/forms"
)

// selectionScreen marks a draft selected (入选), takes the list's date and
// the actual event dates, and shows each due date with its countdown and a
// "已报送" check per item.
type selectionScreen struct {
	env     *reportEnv
	content fyne.CanvasObject

	selected                              *widgets.Check
	listPublished, actualStart, actualEnd *widgets.DateBox
	dateMsg                               *widget.Label
	filled                                *widgets.Label              // says the actual dates were filled in from the plan
	problems                              map[*widgets.DateBox]string // why a typed date is not one
	dues                                  *fyne.Container
	dueRows                               []*dueRow
}

// dueRow is one item due after the event.
type dueRow struct {
	item      forms.DueItem
	label     *widget.Label
	submitted *widgets.Check
}

func newSelectionScreen(env *reportEnv) *selectionScreen {
	s := &selectionScreen{env: env, problems: map[*widgets.DateBox]string{}}
	sel := env.d.Selection
	if sel == nil {
		sel = &forms.Selection{}
	}
	s.selected = widgets.NewCheckOn("本项目已入选（入选项目名单已公布）", s.onSelected)
	s.selected.SetChecked(sel.Selected)
	s.listPublished = s.dateEntry(sel.ListPublished, func(d forms.Date) { env.d.Selection.ListPublished = d })
	s.actualStart = s.dateEntry(sel.ActualStart, func(d forms.Date) { env.d.Selection.ActualStart = d })
	s.actualEnd = s.dateEntry(sel.ActualEnd, func(d forms.Date) { env.d.Selection.ActualEnd = d })
	s.dateMsg = newNote()
	s.filled = widgets.NewSecondaryLabel("")
	s.filled.Wrapping = fyne.TextWrapBreak
	s.filled.Hide()
	s.dues = container.NewVBox()
	grid := container.New(layout.NewFormLayout(),
		widget.NewLabel("名单公布日期"), s.listPublished.Content,
		widget.NewLabel("实际开始日期"), s.actualStart.Content,
		widget.NewLabel("实际结束日期"), s.actualEnd.Content,
	)
	ex := forms.DateOf(time.Now())
	if end := env.d.Project.EndDate; !end.IsZero() {
		ex = end
	}
	t := ex.Time()
	hint := widgets.NewSecondaryLabel(fmt.Sprintf("报送期限按实际结束日期计算%s；日期可写作 %s、%s 或 %d/%d/%d，也可点日历选择。", forms.Cite(env.call.Clauses.AfterEvent), ex.Chinese(), ex.String(), t.Year(), int(t.Month()), t.Day()))
	hint.Wrapping = fyne.TextWrapBreak
	s.content = container.NewVBox(s.selected, grid, s.filled, hint, s.dateMsg, widget.NewSeparator(),
		widget.NewLabelWithStyle("会后须报送的材料", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), s.dues)
	s.refresh()
	return s
}

// dateEntry is the program's date input (widgets.DateBox), as on the form: what
// it shows is what the draft holds; text that is no date says so and
// leaves the date empty.
func (s *selectionScreen) dateEntry(v forms.Date, set func(forms.Date)) *widgets.DateBox {
	var b *widgets.DateBox
	b = widgets.NewDateBox(v, func() forms.Date { return s.env.d.Project.StartDate }, func(d forms.Date, problem string) {
		s.ensure()
		set(d)
		s.env.edited()
		s.problems[b] = problem
		s.refresh()
	})
	return b
}

func (s *selectionScreen) ensure() {
	if s.env.d.Selection == nil {
		s.env.d.Selection = &forms.Selection{}
	}
}

func (s *selectionScreen) onSelected(on bool) {
	if (s.env.d.Selection != nil && s.env.d.Selection.Selected) == on {
		return
	}
	s.ensure()
	sel := s.env.d.Selection
	sel.Selected = on
	if on && sel.ActualStart.IsZero() && sel.ActualEnd.IsZero() {
		// Start from the planned dates; the user corrects them.
		sel.ActualStart, sel.ActualEnd = s.env.d.Project.StartDate, s.env.d.Project.EndDate
		s.actualStart.SetDate(sel.ActualStart)
		s.actualEnd.SetDate(sel.ActualEnd)
		if !sel.ActualStart.IsZero() || !sel.ActualEnd.IsZero() {
			// Said, not done silently: the due dates count from them.
			s.filled.SetText(fmt.Sprintf("已按申报书中的计划日期填入实际开始日期（%s）和实际结束日期（%s）。活动日期有变化的，请改为实际日期：报送期限按实际结束日期计算。",
				dateOrNone(sel.ActualStart), dateOrNone(sel.ActualEnd)))
			s.filled.Show()
		}
	}
	s.env.edited()
	s.refresh()
}

// refresh rebuilds the due list and the date findings.
func (s *selectionScreen) refresh() {
	env := s.env
	var lines []string
	for _, b := range []*widgets.DateBox{s.listPublished, s.actualStart, s.actualEnd} {
		if p := s.problems[b]; p != "" {
			lines = append(lines, "【错误】"+p)
		}
	}
	if f := env.findingsFor(forms.RuleAfterDates); f != "" {
		lines = append(lines, f)
	}
	setNote(s.dateMsg, strings.Join(lines, "\n"))
	s.dues.RemoveAll()
	s.dueRows = nil
	if !env.d.IsSelected() {
		s.dues.Add(widget.NewLabel("标记入选后，这里列出信息报道稿、总结、决算表等材料的报送期限。"))
		s.relayout()
		return
	}
	today := env.today()
	for _, g := range forms.DueGroups(env.call, env.d) {
		for _, it := range g.Items {
			r := &dueRow{item: it, label: widget.NewLabel("")}
			r.label.Wrapping = fyne.TextWrapWord
			kind := it.Kind
			r.submitted = widgets.NewCheckOn("已报送", func(on bool) {
				was := !env.d.Selection.Submitted[kind].IsZero()
				if was == on {
					return
				}
				d := forms.Date{}
				if on {
					d = env.today()
				}
				env.d.Selection.MarkSubmitted(kind, d)
				env.edited()
				s.refresh()
			})
			r.submitted.SetChecked(!it.Submitted.IsZero())
			r.label.SetText(dueText(it, today))
			if it.Submitted.IsZero() && today.After(it.Due) {
				r.label.Importance = widget.DangerImportance
			}
			s.dueRows = append(s.dueRows, r)
			s.dues.Add(container.NewBorder(nil, nil, nil, r.submitted, r.label))
		}
	}
	s.dues.Refresh()
	s.relayout()
}

// relayout lays the screen out again after its messages changed: a
// wrapped note's height follows its width, which it has only once laid
// out, so the column is laid out twice; once, the lines of a message that
// grew were drawn over the heading 会后须报送的材料 below it.
func (s *selectionScreen) relayout() {
	if c, ok := s.content.(*fyne.Container); ok {
		c.Refresh()
		c.Refresh()
	}
}

// dueText is one due item as the list shows it: "信息报道稿 · 2025年11月1日前
// · 还有2天" or "已逾期3天" or "已于…报送".
func dueText(it forms.DueItem, today forms.Date) string {
	head := fmt.Sprintf("%s · %s前（结束后%s）", it.Name, it.Due.Chinese(), it.Within)
	if !it.Submitted.IsZero() {
		return head + " · 已于" + it.Submitted.Chinese() + "报送"
	}
	switch left := today.DaysUntil(it.Due); {
	case left < 0:
		return fmt.Sprintf("%s · 已逾期%d天", head, -left)
	case left == 0:
		return head + " · 今天截止"
	default:
		return fmt.Sprintf("%s · 还有%d天", head, left)
	}
}

// dueBadge is the line the drafts list can show for a selected draft: the
// nearest outstanding due date with its countdown, and whether it is
// overdue (to show in red). It is "" for a draft not selected, or with
// everything submitted ("会后材料已全部报送").
func dueBadge(call *forms.Call, d *forms.Draft, today forms.Date) (text string, overdue bool) {
	if !d.IsSelected() {
		return "", false
	}
	groups := forms.DueGroups(call, d)
	for _, g := range groups {
		open := g.Outstanding()
		if len(open) == 0 {
			continue
		}
		what := open[0].Name
		if len(open) > 1 {
			what += fmt.Sprintf("等%d项", len(open))
		}
		switch left := today.DaysUntil(g.Due); {
		case left < 0:
			return fmt.Sprintf("已入选 · %s %s截止，已逾期%d天", what, g.Due.Chinese(), -left), true
		case left == 0:
			return fmt.Sprintf("已入选 · %s 今天截止", what), false
		default:
			return fmt.Sprintf("已入选 · %s %s截止，还有%d天", what, g.Due.Chinese(), left), false
		}
	}
	if len(groups) > 0 {
		return "已入选 · 会后材料已全部报送", false
	}
	return "已入选 · 请填写实际举办日期", false
}

// dateOrNone is a date in Chinese, or 未填 for none.
func dateOrNone(d forms.Date) string {
	if d.IsZero() {
		return "未填"
	}
	return d.Chinese()
}
