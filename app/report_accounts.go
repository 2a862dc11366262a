package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/widgets"
	"shenbao/forms"
)

// accountsScreen edits the final accounts (决算表): the approved budget
// lines beside the amounts spent, with differences and percentages, the
// sources of the money, and totals reconciled against the grant.
type accountsScreen struct {
	env     *reportEnv
	content fyne.CanvasObject

	rows                          *fyne.Container
	spent                         []*widgets.Entry // amount boxes, right-aligned like the form's
	diffs, pcts                   []*widget.Label
	provincial, selfRaised, other *widgets.Entry
	note                          *widgets.Entry
	totals                        *widget.Label
	findings                      *widget.Label
	addBtn                        *widget.Button
}

var accountWidths = []float32{2, 1.1, 1.2, 1.1, 0.9, 2, 0.5}

// sourceBoxWidth is the width of the 经费来源 amount boxes.
const sourceBoxWidth = 180

func newAccountsScreen(env *reportEnv) *accountsScreen {
	s := &accountsScreen{env: env}
	r := env.d.EnsureReports()
	if r.Accounts == nil {
		r.Accounts = forms.NewFinalAccounts(env.d)
	}
	fa := r.Accounts
	s.rows = container.NewVBox()
	s.totals = widget.NewLabel("")
	s.totals.Wrapping = fyne.TextWrapWord
	s.findings = newNote()
	s.addBtn = widget.NewButtonWithIcon("添加预算外支出", theme.ContentAddIcon(), func() {
		fa.Lines = append(fa.Lines, forms.AccountLine{Item: "其他支出"})
		s.refreshRows()
		s.edited()
	})
	amount := func(get func() int64, set func(int64)) *widgets.Entry {
		e := widgets.NewAmountEntry()
		e.SetText(widgets.AmountText(get()))
		e.OnChanged = func(t string) {
			if n, ok := parseNumber(t); ok {
				set(n)
				s.edited()
			}
		}
		return e
	}
	s.provincial = amount(func() int64 { return fa.Provincial }, func(n int64) { fa.Provincial = n })
	s.selfRaised = amount(func() int64 { return fa.SelfRaised }, func(n int64) { fa.SelfRaised = n })
	s.other = amount(func() int64 { return fa.Other }, func(n int64) { fa.Other = n })
	s.note = widgets.NewMultiLineEntry()
	s.note.Wrapping = fyne.TextWrapWord
	s.note.SetPlaceHolder("决算说明：超支或结余的原因、自筹经费来源等")
	s.note.SetText(fa.Note)
	s.note.OnChanged = func(t string) { fa.Note = t; s.edited() }
	head := newColumns(accountWidths)
	for _, h := range []string{"支出项目", "预算金额（元）", "实际支出（元）", "差额", "执行率", "说明", ""} {
		head.Add(widget.NewLabelWithStyle(h, fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	grant := env.d.Project.RequestedAmount
	// Boxes about as wide as the spent column, with the unit after them: a
	// right-aligned amount stays near its label.
	short := func(e *widgets.Entry) fyne.CanvasObject {
		box := container.NewGridWrap(fyne.NewSize(sourceBoxWidth, e.MinSize().Height), e)
		return container.NewHBox(box, widget.NewLabel("元"))
	}
	sources := container.New(layout.NewFormLayout(),
		widget.NewLabel(fmt.Sprintf("%s（批准%s元）", s.env.call.GrantName(), forms.Thousands(grant))), short(s.provincial),
		widget.NewLabel("自筹经费"), short(s.selfRaised),
		widget.NewLabel("其他经费"), short(s.other),
	)
	s.content = container.NewVBox(head, s.rows, s.addBtn, widget.NewSeparator(),
		widget.NewLabelWithStyle("经费来源（实际）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), sources,
		s.note, s.totals, s.findings)
	s.refreshRows()
	s.refreshTotals()
	return s
}

func (s *accountsScreen) edited() {
	s.env.edited()
	s.refreshTotals()
}

// refreshRows rebuilds the lines from the draft.
func (s *accountsScreen) refreshRows() {
	fa := s.env.d.Reports.Accounts
	s.rows.RemoveAll()
	s.spent, s.diffs, s.pcts = nil, nil, nil
	for i := range fa.Lines {
		i := i
		l := &fa.Lines[i]
		item := widgets.NewEntry()
		item.SetText(l.Item)
		item.OnChanged = func(t string) { fa.Lines[i].Item = t; s.edited() }
		budget := widget.NewLabel(forms.Thousands(l.Budgeted))
		budget.Alignment = fyne.TextAlignTrailing
		spent := widgets.NewAmountEntry()
		spent.SetText(widgets.AmountText(l.Spent))
		spent.OnChanged = func(t string) {
			if n, ok := parseNumber(t); ok {
				fa.Lines[i].Spent = n
				s.edited()
			}
		}
		diff, pct := widget.NewLabel(""), widget.NewLabel("")
		diff.Alignment, pct.Alignment = fyne.TextAlignTrailing, fyne.TextAlignTrailing
		note := widgets.NewEntry()
		note.SetPlaceHolder("超支原因等")
		note.SetText(l.Note)
		note.OnChanged = func(t string) { fa.Lines[i].Note = t; s.edited() }
		var del fyne.CanvasObject = widget.NewLabel("")
		if l.Budgeted == 0 {
			del = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
				fa.Lines = append(fa.Lines[:i], fa.Lines[i+1:]...)
				s.refreshRows()
				s.edited()
			})
		}
		row := newColumns(accountWidths)
		for _, o := range []fyne.CanvasObject{item, budget, spent, diff, pct, note, del} {
			row.Add(o)
		}
		s.spent = append(s.spent, spent)
		s.diffs = append(s.diffs, diff)
		s.pcts = append(s.pcts, pct)
		s.rows.Add(row)
	}
	s.rows.Refresh()
}

// refreshTotals updates the differences, percentages, totals and findings.
func (s *accountsScreen) refreshTotals() {
	d := s.env.d
	fa := d.Reports.Accounts
	for i, l := range fa.Lines {
		if i >= len(s.diffs) {
			break
		}
		s.diffs[i].SetText(forms.SignedThousands(l.Difference()))
		s.pcts[i].SetText(forms.PercentText(l.Spent, l.Budgeted))
		if l.Spent > l.Budgeted {
			s.diffs[i].Importance = widget.DangerImportance
		} else {
			s.diffs[i].Importance = widget.MediumImportance
		}
		s.diffs[i].Refresh()
	}
	t := fa.Totals(d)
	s.totals.SetText(fmt.Sprintf("预算合计 %s 元，实际支出合计 %s 元（差额 %s，执行率 %s）；经费来源合计 %s 元；批准%s %s 元，已列支 %s 元。",
		forms.Thousands(t.Budgeted), forms.Thousands(t.Spent), forms.SignedThousands(t.Spent-t.Budgeted), forms.PercentText(t.Spent, t.Budgeted),
		forms.Thousands(t.Sources), s.env.call.GrantName(), forms.Thousands(t.Grant), forms.Thousands(fa.Provincial)))
	setNote(s.findings, s.env.findingsFor("after.accounts_", forms.RuleAmount))
}
