package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/width"

	"shenbao/app/widgets"
	"shenbao/forms"
)

// resultsScreen edits the speech competition sub-venue's results: one row
// per contestant (名次、姓名、单位、学历层次、演讲题目、得分、奖项), sorting,
// ranking by score, and the check that ranks follow scores.
type resultsScreen struct {
	env     *reportEnv
	content fyne.CanvasObject

	rows     *fyne.Container
	sortBy   *widgets.Select
	rankBtn  *widget.Button
	addBtn   *widget.Button
	findings *widget.Label
	entries  [][]*widgets.Entry // per row: rank, name, unit, title, score
}

// resultSorts are the sort choices, in the order shown.
var resultSorts = []struct{ label, by string }{
	{"按名次", forms.ByRank}, {"按得分（高到低）", forms.ByScore}, {"按姓名拼音", forms.ByName}, {"按单位", forms.ByUnit}, {"按奖项", forms.ByAward},
}

// resultWidths are the columns' shares of the table width.
var resultWidths = []float32{0.6, 1, 1.8, 1.3, 3, 0.8, 1.1, 0.5}

func newResultsScreen(env *reportEnv) *resultsScreen {
	s := &resultsScreen{env: env}
	env.d.EnsureReports()
	s.rows = container.NewVBox()
	labels := make([]string, len(resultSorts))
	for i, o := range resultSorts {
		labels[i] = o.label
	}
	s.sortBy = widgets.NewSelectOn(labels, func(l string) {
		for _, o := range resultSorts {
			if o.label == l {
				forms.SortResults(env.d.Reports.Results, o.by, o.by == forms.ByScore)
			}
		}
		s.refreshRows()
		s.edited()
	})
	s.sortBy.PlaceHolder = "排序…"
	s.rankBtn = widget.NewButton("按得分排名", func() {
		forms.RankByScore(env.d.Reports.Results)
		forms.SortResults(env.d.Reports.Results, forms.ByRank, false)
		s.refreshRows()
		s.edited()
	})
	s.addBtn = widget.NewButtonWithIcon("添加一行", theme.ContentAddIcon(), func() {
		env.d.Reports.Results = append(env.d.Reports.Results, forms.ResultRow{Degree: forms.DegreeLevels[0]})
		s.refreshRows()
		s.edited()
	})
	s.findings = newNote()
	head := newColumns(resultWidths)
	for _, h := range []string{"名次", "姓名", "单位", "学历层次", "演讲题目", "得分", "奖项", ""} {
		head.Add(widget.NewLabelWithStyle(h, fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	s.content = container.NewVBox(container.NewHBox(s.addBtn, s.rankBtn, s.sortBy), head, s.rows, s.findings)
	s.refreshRows()
	setNote(s.findings, env.findingsFor("after.results_"))
	return s
}

func (s *resultsScreen) edited() {
	s.env.edited()
	setNote(s.findings, s.env.findingsFor("after.results_"))
}

// refreshRows rebuilds the rows from the draft.
func (s *resultsScreen) refreshRows() {
	rows := &s.env.d.Reports.Results
	s.rows.RemoveAll()
	s.entries = nil
	for i := range *rows {
		i := i
		r := &(*rows)[i]
		text := func(v string, set func(string)) *widgets.Entry {
			e := widgets.NewEntry()
			e.SetText(v)
			e.OnChanged = func(t string) { set(t); s.edited() }
			return e
		}
		rank := text(rankText(r.Rank), func(t string) { (*rows)[i].Rank, _ = strconv.Atoi(width.Fold.String(strings.TrimSpace(t))) })
		name := text(r.Name, func(t string) { (*rows)[i].Name = t })
		unit := text(r.Unit, func(t string) { (*rows)[i].Unit = t })
		title := text(r.Title, func(t string) { (*rows)[i].Title = t })
		score := text(forms.ScoreText(r.Score), func(t string) {
			(*rows)[i].Score, _ = strconv.ParseFloat(width.Fold.String(strings.TrimSpace(t)), 64)
		})
		degree := widgets.NewSelectOn(forms.DegreeLevels, func(v string) {
			if (*rows)[i].Degree != v {
				(*rows)[i].Degree = v
				s.edited()
			}
		})
		degree.SetSelected(r.Degree)
		award := widgets.NewSelectOn(forms.Awards, func(v string) {
			if (*rows)[i].Award != v {
				(*rows)[i].Award = v
				s.edited()
			}
		})
		award.SetSelected(r.Award)
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			*rows = append((*rows)[:i], (*rows)[i+1:]...)
			s.refreshRows()
			s.edited()
		})
		row := newColumns(resultWidths)
		for _, o := range []fyne.CanvasObject{rank, name, unit, degree, title, score, award, del} {
			row.Add(o)
		}
		s.entries = append(s.entries, []*widgets.Entry{rank, name, unit, title, score})
		s.rows.Add(row)
	}
	s.rows.Refresh()
}

func rankText(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// columnsLayout lays objects out in one row with widths in proportion to
// shares of the available width.
type columnsLayout struct{ shares []float32 }

func newColumns(shares []float32) *fyne.Container {
	return container.New(&columnsLayout{shares: shares})
}

func (c *columnsLayout) total() float32 {
	var t float32
	for _, s := range c.shares {
		t += s
	}
	return t
}

func (c *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	avail := size.Width - pad*float32(len(objs)-1)
	x := float32(0)
	for i, o := range objs {
		w := avail * c.shares[i%len(c.shares)] / c.total()
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos(x, 0))
		x += w + pad
	}
}

func (c *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(len(objs))*60, h)
}

var _ fyne.Layout = (*columnsLayout)(nil)
