package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/widgets"
	"shenbao/forms"
)

// summaryScreen edits the project summary (项目总结) and the review of the
// participants' academic views (学术观点综述) — or notes that the proceedings
// (论文汇编) are sent instead — each with a live character counter.
type summaryScreen struct {
	env     *reportEnv
	content fyne.CanvasObject

	summary, review           *widgets.Entry
	summaryCount, reviewCount *widget.Label
	proceedings               *widgets.Check
	reviewLabel               *widget.Label
}

func newSummaryScreen(env *reportEnv) *summaryScreen {
	s := &summaryScreen{env: env}
	r := env.d.EnsureReports()
	long := func(v string, hint string, set func(string), count *widget.Label) *widgets.Entry {
		e := widgets.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(10)
		e.SetPlaceHolder(hint)
		e.SetText(v)
		count.SetText(counterText(v))
		e.OnChanged = func(t string) {
			set(t)
			count.SetText(counterText(t))
			env.edited()
		}
		return e
	}
	s.summaryCount, s.reviewCount = widget.NewLabel(""), widget.NewLabel("")
	s.summaryCount.Alignment, s.reviewCount.Alignment = fyne.TextAlignTrailing, fyne.TextAlignTrailing
	s.summary = long(r.Summary, "基本情况、主要成效（参会人数、报告和论文、形成的成果）、经验与不足……", func(t string) { r.Summary = t }, s.summaryCount)
	s.review = long(r.Review, "汇聚与会人员的主要学术观点……", func(t string) { r.Review = t }, s.reviewCount)
	s.reviewLabel = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.proceedings = widgets.NewCheckOn("报送论文汇编代替综述（下面写明汇编的名称、篇数和页数）", func(on bool) {
		if r.Proceedings != on {
			r.Proceedings = on
			env.edited()
		}
		s.refreshLabels()
	})
	s.proceedings.SetChecked(r.Proceedings)
	s.refreshLabels()
	s.content = container.NewVBox(
		widget.NewLabelWithStyle("项目总结", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		s.summary, s.summaryCount, widget.NewSeparator(),
		s.reviewLabel, s.proceedings, s.review, s.reviewCount)
	return s
}

func (s *summaryScreen) refreshLabels() {
	if s.env.d.Reports.Proceedings {
		s.reviewLabel.SetText("论文汇编")
	} else {
		s.reviewLabel.SetText("与会人员学术观点综述")
	}
}

// counterText is a long text's counter without a limit.
func counterText(t string) string {
	s, _ := forms.CharCounter(t, 0)
	return s
}
