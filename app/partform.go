package app

import (
	"fmt"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/widgets"
	"shenbao/forms"
)

// buildCategoryPart lays out the category's own part from the call's
// declaration of the draft's category: one input per declared field, in
// declared order.
func (f *formScreen) buildCategoryPart(s *section) {
	d, cat := f.d, f.cat
	if cat == nil || len(cat.Part.Fields) == 0 {
		return
	}
	f.buildFields(s, "parts."+cat.ID+".", cat.Part.Fields, d.Part())
}

// buildFields adds an input per declared field (of the category's part or
// of a section of the call's own), in declared order, its values in v and
// its paths prefix + key.
func (f *formScreen) buildFields(s *section, prefix string, fields []forms.FieldDecl, v forms.Values) {
	call, cat := f.u.call, f.cat
	for i := range fields {
		fd := &fields[i]
		path := prefix + fd.Key
		hint := cat.HintText(call, fd)
		switch fd.Kind {
		case forms.KindNote:
			l := widget.NewLabel(cat.NoteText(call, fd))
			l.Wrapping = fyne.TextWrapBreak
			s.grid.Add(widget.NewLabel(fd.Label))
			s.grid.Add(l)
		case forms.KindText:
			f.text(s, path, fd.Label, v.TextPtr(fd.Key), hint)
		case forms.KindLong:
			f.long(s, path, fd.Label, v.TextPtr(fd.Key), hint)
		case forms.KindInt:
			p := v.IntPtr(fd.Key)
			f.number(s, path, fd.Label, func() int64 { return *p }, func(n int64) { *p = n }, false, fd.Unit)
		case forms.KindYesNo:
			text := fd.Text
			if text == "" {
				text = fd.Label
			}
			f.check(s, path, fd.Label, text, v.BoolPtr(fd.Key))
		case forms.KindDate:
			f.date(s, path, fd.Label, v.DatePtr(fd.Key))
		case forms.KindChoice:
			f.choose(s, path, fd.Label, plainOptions(fd.Options...), v.TextPtr(fd.Key))
		case forms.KindChecklist:
			f.checklist(s, path, fd.Label, fd.Items, v.ListPtr(fd.Key))
		case forms.KindTable:
			f.declaredTable(s, path, fd, v.RowsPtr(fd.Key))
		}
	}
}

// declaredTable is an editable table of a declared table field.
func (f *formScreen) declaredTable(s *section, path string, fd *forms.FieldDecl, rows *[]forms.Values) *rowsTable {
	headers := make([]string, len(fd.Columns))
	for i, c := range fd.Columns {
		headers[i] = c.Label
	}
	t := f.table(s, path, fd.Label, headers,
		func() int { return len(*rows) },
		func(i int, msg *widgets.Label) []fyne.CanvasObject {
			r := (*rows)[i]
			pre := fmt.Sprintf("%s[%d].", path, i)
			cells := make([]fyne.CanvasObject, len(fd.Columns))
			for j := range fd.Columns {
				c := &fd.Columns[j]
				hint := c.Hint
				if hint == "" {
					hint = c.Label
				}
				switch c.Kind {
				case forms.KindYesNo:
					cells[j] = f.cellCheck(pre+c.Key, c.Label, r.BoolPtr(c.Key), msg)
				case forms.KindDate:
					cells[j] = f.cellDate(pre+c.Key, r.DatePtr(c.Key), msg)
				case forms.KindChoice:
					cells[j] = f.cellSelect(pre+c.Key, plainOptions(c.Options...), r.TextPtr(c.Key), msg)
				case forms.KindInt:
					cells[j] = f.cellAmount(pre+c.Key, r.IntPtr(c.Key), msg)
				default:
					cells[j] = f.cellText(pre+c.Key, r.TextPtr(c.Key), msg, hint)
				}
			}
			return cells
		},
		func() { *rows = append(*rows, forms.Values{}) },
		func(i int) { *rows = append((*rows)[:i], (*rows)[i+1:]...) })
	tableHint(s, t, fd.Hint)
	return t
}

// checklist adds a group of check boxes whose ticked items are stored.
func (f *formScreen) checklist(s *section, path, label string, items []string, list *[]string) *widget.CheckGroup {
	g := widget.NewCheckGroup(items, nil)
	// side by side when short; long items one a line, so the form keeps
	// within a 1024-wide window
	n := 0
	for _, it := range items {
		n += utf8.RuneCountInString(it)
	}
	g.Horizontal = n <= 16
	fl := &field{path: path, focus: nil, obj: g, msg: newMsg()}
	set := func() { g.SetSelected(append([]string(nil), *list...)) }
	set()
	fl.reload = set
	g.OnChanged = func(sel []string) {
		var ordered []string
		for _, it := range items {
			for _, x := range sel {
				if x == it {
					ordered = append(ordered, it)
				}
			}
		}
		if fmt.Sprint(ordered) == fmt.Sprint(*list) {
			return
		}
		*list = ordered
		f.changed()
	}
	f.register(fl)
	f.addRow(s, label, fl, g)
	return g
}

// setReadOnly shows a draft that cannot be edited: every input disabled,
// no saving or exporting, and why at the top of the form.
func (f *formScreen) setReadOnly(why string) {
	f.readOnly = true
	for _, fl := range f.order {
		// obj too: a check group (honours, a checklist) has no focus.
		for _, o := range []any{fl.focus, fl.obj} {
			if d, ok := o.(fyne.Disableable); ok {
				d.Disable()
			}
		}
	}
	for _, b := range []*widget.Button{f.saveBtn, f.exportBtn, f.afterBtn, f.copyUnitBtn} {
		if b != nil {
			b.Disable()
		}
	}
	l := widget.NewLabel(why)
	l.Wrapping = fyne.TextWrapBreak
	l.Importance = widget.DangerImportance
	f.readOnlyNote = l
	f.body.Objects = append([]fyne.CanvasObject{l}, f.body.Objects...)
	readableChoices(f.body)
	disableButtons(f.body)
	f.body.Refresh()
}

// disableButtons disables every button under o: in a read-only draft a
// table's 添加一行 and 🗑, a date's calendar would change a draft that
// cannot be saved.
func disableButtons(o fyne.CanvasObject) {
	switch o := o.(type) {
	case *widget.Button:
		o.Disable()
	case *widgets.Button:
		o.Disable()
	case *fyne.Container:
		for _, k := range o.Objects {
			disableButtons(k)
		}
	case *container.Scroll:
		disableButtons(o.Content)
	}
}

// readableChoices puts every select and check box under c in secondary,
// so that, disabled, they show a read-only draft's choices readable
// rather than in Fyne's disabled colour. Buttons are left as they are:
// disabled, they are to look it.
func readableChoices(c *fyne.Container) {
	for i, o := range c.Objects {
		switch o := o.(type) {
		case *widget.Select, *widget.Check, *widget.CheckGroup, *widgets.Select, *widgets.Check:
			c.Objects[i] = secondary(o)
		case *fyne.Container:
			readableChoices(o)
		}
	}
}
