package app

// The form's messages: each finding shown under its field, in its
// severity's colour, and the budget's sum.

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/widget"

	"shenbao/app/widgets"
	"shenbao/forms"
)

// severityPrefix is how a finding's severity is written in the window.
func severityPrefix(s forms.Severity) string {
	switch s {
	case forms.Error:
		return "错误："
	case forms.Warning:
		return "警告："
	}
	return "提示："
}

// refreshMessages writes each field's findings on its message line,
// touching only the labels whose text changes, and counts per step what
// needs a change and what is still to be filled in.
func (f *formScreen) refreshMessages() {
	texts := map[*widgets.Label][]string{}
	worst := map[*widgets.Label]forms.Severity{}
	rank := map[forms.Severity]int{forms.Error: 3, forms.Warning: 2, forms.Info: 1}
	add := func(l *widgets.Label, s forms.Severity, msg string) {
		for _, t := range texts[l] {
			if t == msg {
				return
			}
		}
		texts[l] = append(texts[l], msg)
		if rank[s] > rank[worst[l]] {
			worst[l] = s
		}
	}
	todo := map[*widgets.Label]bool{}
	f.pending = 0
	counts := make([]stepState, len(f.sections))
	seen := map[*field]bool{}
	count := func(fl *field, pending bool) {
		if fl.step < 0 || fl.step >= len(counts) || seen[fl] {
			return
		}
		seen[fl] = true
		if pending {
			counts[fl.step].pending++
		} else {
			counts[fl.step].problems++
		}
	}
	defer func() { f.stepCounts = counts }()
	for _, fl := range f.order {
		if fl.empty == nil || fl.step < 0 || fl.step >= len(counts) {
			continue
		}
		switch {
		case !fl.empty():
			counts[fl.step].filled++
		case !fl.seen:
			counts[fl.step].unseen++
		}
	}
	for _, fl := range f.order {
		if fl.local != "" && fl.msg != nil {
			add(fl.msg, forms.Error, "错误："+fl.local)
			count(fl, false)
		}
	}
	for _, fd := range f.findings {
		if fd.Field == "" {
			continue
		}
		fl := f.resolve(fd.Field)
		if fl == nil || fl.msg == nil {
			continue
		}
		if fl.local != "" {
			continue // the text itself is not readable: that is said first
		}
		if f.isPending(fd) {
			f.pending++
			todo[fl.msg] = true
			count(fl, true)
			continue
		}
		add(fl.msg, fd.Severity, severityPrefix(fd.Severity)+fd.Message)
		if fd.Severity != forms.Info {
			count(fl, false)
		}
	}
	for l := range f.msgs {
		text := joinMessages(texts[l])
		imp := severityImportance(worst[l])
		if text == "" && todo[l] {
			text, imp = "待填", widget.LowImportance
		}
		if l.Text == text && l.Importance == imp {
			continue
		}
		l.Importance = imp
		l.SetText(text)
	}
}

// joinMessages writes a field's messages on its one line, each but the
// last without its full stop, joined by "；" (never "。；").
func joinMessages(ms []string) string {
	var b strings.Builder
	for i, m := range ms {
		if i < len(ms)-1 {
			m = strings.TrimRight(m, "。 ")
			b.WriteString(m)
			b.WriteString("；")
			continue
		}
		b.WriteString(m)
	}
	return b.String()
}

// severityImportance is the one colour of each severity, everywhere in the
// window: errors red, warnings orange, information plain; "待填" is
// LowImportance, grey (colorNameSecondary: the messages are textLabels).
func severityImportance(s forms.Severity) widget.Importance {
	switch s {
	case forms.Error:
		return widget.DangerImportance
	case forms.Warning:
		return widget.WarningImportance
	case forms.Info:
		return widget.MediumImportance
	}
	return widget.LowImportance
}

// refreshBudgetSum shows the sum of the budget lines under the table.
func (f *formScreen) refreshBudgetSum() {
	if f.budgetSum == nil {
		return
	}
	var sum int64
	for _, l := range f.d.Budget.Lines {
		sum += l.Amount
	}
	text := fmt.Sprintf("明细合计 %s 元（%s）", forms.Thousands(sum), forms.Capital(sum))
	if f.budgetSum.Text != text {
		f.budgetSum.SetText(text)
	}
}
