package app

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/widgets"
	"shenbao/forms"
)

// rowsTable is an editable list of rows (experts, agenda, budget lines…)
// with add and remove buttons. Adding or removing a row rebuilds this table
// only, never the whole form.
type rowsTable struct {
	f       *formScreen
	path    string
	step    int // the section it is in
	headers []string
	box     *fyne.Container
	addBtn  *widgets.Button
	delBtns []*widgets.Button
	heads   []*widgets.Label // the column headings, while there are rows

	count  func() int
	cells  func(i int, msg *widgets.Label) []fyne.CanvasObject
	add    func()
	remove func(i int)
}

// table adds an editable table to a section. Its own findings (for example
// "at least one expert") show under the table.
func (f *formScreen) table(s *section, path, label string, headers []string, count func() int,
	cells func(i int, msg *widgets.Label) []fyne.CanvasObject, add func(), remove func(i int)) *rowsTable {
	t := &rowsTable{f: f, path: path, headers: headers, count: count, cells: cells, add: add, remove: remove, step: f.curStep}
	t.box = container.NewVBox()
	t.addBtn = widgets.NewButton("添加一行", theme.ContentAddIcon(), t.onAdd)
	fl := &field{path: path, focus: t.addBtn, obj: t.box, msg: newMsg(), reload: t.rebuild, empty: func() bool { return count() == 0 }}
	f.register(fl)
	f.tables[path] = t
	if s.first == "" {
		s.first = path
	}
	head := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{})
	s.box.Add(container.NewVBox(head, t.box, container.NewHBox(t.addBtn), fl.msg))
	t.rebuild()
	return t
}

// rebuild lays out the rows again from the draft.
func (t *rowsTable) rebuild() {
	// Its cells belong to the table's step, whichever section was built last.
	saved := t.f.curStep
	t.f.curStep = t.step
	defer func() { t.f.curStep = saved }()
	t.f.unregisterPrefix(t.path + "[")
	t.box.RemoveAll()
	t.delBtns, t.heads = nil, nil
	n := t.count()
	// The row numbers and delete buttons take one width in every row and
	// in the headings' row, so that the columns line up.
	numW := widget.NewLabel(strconv.Itoa(n)).MinSize().Width
	numbered := func(o fyne.CanvasObject) fyne.CanvasObject {
		w := canvas.NewRectangle(color.Transparent)
		w.SetMinSize(fyne.NewSize(numW, 0))
		return container.NewStack(w, o)
	}
	var first []fyne.CanvasObject // the cells of the first row
	var widths []float32          // the columns' own widths (0: a share of the rest)
	for i := 0; i < n; i++ {
		i := i
		msg := newMsg()
		cells := t.cells(i, msg)
		if i == 0 {
			first = cells
			widths = t.f.columnWidths(cells)
		}
		del := widgets.NewButton("", theme.DeleteIcon(), func() { t.onRemove(i) })
		t.delBtns = append(t.delBtns, del)
		num := numbered(widget.NewLabel(strconv.Itoa(i + 1)))
		t.box.Add(container.NewVBox(container.NewBorder(nil, nil, num, del, container.New(&cellsLayout{widths: widths}, cells...)), msg))
	}
	if n > 0 {
		// The headings, over the rows; over a column of amount boxes on
		// the right, where the digits end.
		hs := make([]fyne.CanvasObject, len(t.headers))
		for i, h := range t.headers {
			l := widgets.NewSecondaryLabel(h)
			if i < len(first) {
				if e, ok := first[i].(*widgets.Entry); ok && e.IsAmount() {
					l.Alignment = fyne.TextAlignTrailing
				}
			}
			hs[i] = l
			t.heads = append(t.heads, l)
		}
		spacer := canvas.NewRectangle(color.Transparent)
		spacer.SetMinSize(fyne.NewSize(t.delBtns[0].MinSize().Width, 0))
		head := container.NewBorder(nil, nil, numbered(canvas.NewRectangle(color.Transparent)), spacer, container.New(&cellsLayout{widths: widths}, hs...))
		t.box.Objects = append([]fyne.CanvasObject{head}, t.box.Objects...)
	}
	t.box.Refresh()
}

// columnWidths are the own widths of a row's columns: a date column is as
// wide as the longest date it shows (2024年12月30日) and its calendar
// button, so that no date is cut (“2024年5月20E”); the other columns share
// the rest.
func (f *formScreen) columnWidths(cells []fyne.CanvasObject) []float32 {
	widths := make([]float32, len(cells))
	for i, c := range cells {
		for _, b := range f.dates {
			if b.Content == c {
				widths[i] = dateBoxWidth(b)
			}
		}
	}
	return widths
}

// dateBoxWidth is the width a date box needs to show its longest date
// whole: the text, the entry's padding on both sides, the button.
func dateBoxWidth(b *widgets.DateBox) float32 {
	th := b.Entry.Theme()
	text := fyne.MeasureText("2000年12月30日", th.Size(theme.SizeNameText), b.Entry.TextStyle).Width
	return text + 2*th.Size(theme.SizeNameInnerPadding) + 2*th.Size(theme.SizeNameInputBorder) +
		th.Size(theme.SizeNamePadding) + b.Btn.MinSize().Width + 4
}

// cellsLayout lays a table row's cells in one line: a column with a width
// of its own (widths[i] > 0) gets it, the others share what is left
// equally; one padding between cells, as Fyne's grid.
type cellsLayout struct{ widths []float32 }

func (l *cellsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	rest := size.Width - pad*float32(len(objs)-1)
	flex := 0
	for i := range objs {
		if w := l.width(i); w > 0 {
			rest -= w
		} else {
			flex++
		}
	}
	share := float32(0)
	if flex > 0 {
		share = max(rest/float32(flex), 0)
	}
	x := float32(0)
	for i, o := range objs {
		w := l.width(i)
		if w == 0 {
			w = share
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

func (l *cellsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objs {
		m := o.MinSize()
		w += max(l.width(i), m.Width)
		h = max(h, m.Height)
	}
	if len(objs) > 1 {
		w += theme.Padding() * float32(len(objs)-1)
	}
	return fyne.NewSize(w, h)
}

func (l *cellsLayout) width(i int) float32 {
	if i < len(l.widths) {
		return l.widths[i]
	}
	return 0
}

func (t *rowsTable) onAdd() {
	t.f.touched[t.path] = true
	t.add()
	t.rebuild()
	t.f.changed()
	if fl := t.f.fields[fmt.Sprintf("%s[%d]", t.path, t.count()-1)+t.firstCell()]; fl != nil && fl.focus != nil {
		t.f.u.win.Canvas().Focus(fl.focus)
	}
}

func (t *rowsTable) onRemove(i int) {
	if i >= t.count() {
		return
	}
	t.remove(i)
	t.rebuild()
	t.f.changed()
}

// fresh tells whether row i is blank and none of its cells has been left:
// a row just added.
func (t *rowsTable) fresh(i int) bool {
	prefix := fmt.Sprintf("%s[%d].", t.path, i)
	cells := 0
	for _, fl := range t.f.order {
		if !strings.HasPrefix(fl.path, prefix) {
			continue
		}
		cells++
		if t.f.touched[fl.path] || fl.local != "" || (fl.empty != nil && !fl.empty()) {
			return false
		}
	}
	return cells > 0
}

// firstCell is the path suffix of a row's first cell.
func (t *rowsTable) firstCell() string {
	for _, fl := range t.f.order {
		if len(fl.path) > len(t.path)+3 && fl.path[:len(t.path)+1] == t.path+"[" {
			for j := len(t.path) + 1; j < len(fl.path); j++ {
				if fl.path[j] == ']' {
					return fl.path[j+1:]
				}
			}
		}
	}
	return ""
}

// cellText is a text cell of a table row, bound to the draft.
func (f *formScreen) cellText(path string, ptr *string, msg *widgets.Label, hint string) fyne.CanvasObject {
	e := widgets.NewCellEntry()
	e.SetPlaceHolder(hint)
	fl := &field{path: path, focus: e, obj: e, msg: msg, empty: func() bool { return boundEmpty(ptr) }}
	fl.reload = f.bindEntry(&e.Entry, ptr)
	e.OnCommit = func() { f.commit(fl) }
	f.register(fl)
	return e
}

// cellAmount is a whole-yuan cell.
func (f *formScreen) cellAmount(path string, ptr *int64, msg *widgets.Label) fyne.CanvasObject {
	e, fl, _ := f.numberField(path, func() int64 { return *ptr }, func(n int64) { *ptr = n }, false, "")
	fl.msg = msg
	f.register(fl)
	return e
}

// cellDate is a date cell.
func (f *formScreen) cellDate(path string, ptr *forms.Date, msg *widgets.Label) fyne.CanvasObject {
	b, fl := f.dateField(path, ptr)
	fl.msg = msg
	f.register(fl)
	return b.Content
}

// cellCheck is a check-box cell.
func (f *formScreen) cellCheck(path, text string, ptr *bool, msg *widgets.Label) fyne.CanvasObject {
	_, fl := f.checkField(path, text, ptr)
	fl.msg = msg
	f.register(fl)
	return fl.obj
}

// cellSelect is a select cell.
func (f *formScreen) cellSelect(path string, opts []option, ptr *string, msg *widgets.Label) fyne.CanvasObject {
	_, fl := f.selectField(path, opts, ptr)
	fl.msg = msg
	f.register(fl)
	return fl.obj
}
