package app

// The form's checks: a value committed (left, Enter, a pause in typing)
// is checked with forms.Check, the findings kept, and what is still
// pending (fresh rows, untouched fields) told apart.

import (
	"slices"
	"strings"
	"time"

	"shenbao/forms"
)

// changed is called after every committed edit (a choice, a check box, a
// table row, a date, a value the user left): the draft is re-checked, only
// the messages and the findings panel are updated, and autosave is
// scheduled.
func (f *formScreen) changed() {
	f.edited()
	f.recheck()
}

// edited records a change of the draft without checking it yet (a
// keystroke): autosave is scheduled, and so is a check after a short pause.
func (f *formScreen) edited() {
	f.editSeq++
	f.markDirty()
	f.scheduleAutosave()
	f.scheduleCheck()
}

// checkDelay is the pause in typing after which the typed value is checked.
const checkDelay = 800 * time.Millisecond

// scheduleCheck (re)starts the timer of the check after a pause in typing.
func (f *formScreen) scheduleCheck() {
	if f.checkTimer != nil {
		f.checkTimer.Stop()
	}
	f.checkTimer = time.AfterFunc(f.u.checkDelay, func() { onUI("check after a pause", f.recheck) })
}

// commit is called when the user leaves a field: it is checked now, and
// its findings are no longer "待填".
func (f *formScreen) commit(fl *field) {
	mark := commitMark{path: fl.path, wasTouched: f.touched[fl.path]}
	f.touched[fl.path] = true
	if f.checkTimer != nil {
		f.checkTimer.Stop()
	}
	f.recheck()
	// Timed when the commit is done, on the real clock (the form's own may
	// be pinned): what windowLeft measures is only the gap between two
	// calls of one event.
	mark.at = time.Now()
	f.lastCommit = mark
}

// commitMark is the last commit: which field, whether it had been left
// before, and when.
type commitMark struct {
	path       string
	wasTouched bool
	at         time.Time
}

// windowLeft is called when the window loses the keyboard to another
// program. Fyne tells the focused entry first, as if the user had left the
// field, and then the program, in the same event: a commit made just before
// is taken back, so that a field still empty stays 待填 instead of showing
// its message. The entry keeps the focus; leaving it later commits.
func (f *formScreen) windowLeft() {
	m := f.lastCommit
	f.lastCommit = commitMark{}
	if m.path == "" || m.wasTouched || time.Since(m.at) > windowLeftWithin {
		return
	}
	delete(f.touched, m.path)
	f.recheck()
}

// windowLeftWithin is how soon after a commit the window's losing the
// keyboard means that commit came from it: both are one event, a fraction
// of a millisecond apart. A person leaving a field and switching programs
// (Tab, then Alt+Tab) takes longer; a click that leaves a field and opens
// the system's file dialog might not, and then that field is only 待填
// again.
const windowLeftWithin = 50 * time.Millisecond

// onCheckAll shows every finding as it is, empty fields included, and goes
// to the first that needs a change.
func (f *formScreen) onCheckAll() {
	f.checkAll = true
	f.recheck()
	for _, fd := range f.findings {
		if fd.Severity == forms.Error && f.resolve(fd.Field) != nil {
			f.jump(fd.Field)
			return
		}
	}
}

// isPending reports whether a finding is only "待填": its field is still
// empty and the user has neither left it nor asked for a full check.
func (f *formScreen) isPending(fd forms.Finding) bool {
	if f.checkAll || fd.Severity == forms.Info || fd.Field == "" {
		return false
	}
	if fd.Rule == forms.RuleAgendaDates {
		return f.onlyFreshUndated()
	}
	fl := f.resolve(fd.Field)
	if fl == nil || fl.empty == nil || f.touched[fl.path] || fl.local != "" {
		return false
	}
	return fl.empty()
}

// onlyFreshUndated tells whether every agenda row without a date is a
// row just added that nothing has been typed into nor left: its missing
// date is still to fill in (待填), not a warning the moment 添加一行 is
// pressed.
func (f *formScreen) onlyFreshUndated() bool {
	t := f.tables["agenda"]
	if t == nil {
		return false
	}
	fresh := 0
	for i, it := range f.d.Agenda {
		if !it.Date.IsZero() {
			continue
		}
		if !t.fresh(i) {
			return false
		}
		fresh++
	}
	return fresh > 0
}

// recheck runs the call's checks and the quota check across the folder's
// drafts, and updates the messages and the panel.
func (f *formScreen) recheck() {
	fs := forms.Check(f.u.call, f.d, f.opts)
	all := append(f.others[:len(f.others):len(f.others)], forms.NamedDraft{Name: f.path, Draft: f.d})
	fs = append(fs, forms.CheckAcross(f.u.call, all)[len(all)-1]...)
	fs = f.withUnreadable(fs)
	forms.SortFindings(fs)
	f.findings = fs
	f.refreshRelevant()
	f.markSeen()
	before := f.stepCounts
	f.refreshMessages()
	f.panel.refreshFindings(fs)
	f.refreshBudgetSum()
	if f.steps != nil && !slices.Equal(before, f.stepCounts) {
		f.steps.refresh()
	}
	if f.title != nil {
		f.refreshState() // the draft's name follows its project and unit
	}
}

// ruleUnreadable is the rule of a typed text the window cannot read as
// its field's kind (“2024年2月没有30日”, “请只填写阿拉伯数字”): the draft
// holds no value for it, and the field says why (field.local).
const ruleUnreadable = "input.unreadable"

// withUnreadable makes each field's own problem with its typed text a
// finding, an error, so that what is said under a field is what the panel
// counts and what export stops at, with the same severity: the call's
// findings on such a field, which its message line does not show (the
// text is said first), are left out.
func (f *formScreen) withUnreadable(fs []forms.Finding) []forms.Finding {
	var local []*field
	for _, fl := range f.order {
		if fl.local != "" && fl.msg != nil {
			local = append(local, fl)
		}
	}
	if len(local) == 0 {
		return fs
	}
	out := make([]forms.Finding, 0, len(fs)+len(local))
	for _, fd := range fs {
		if fd.Field != "" {
			if fl := f.resolve(fd.Field); fl != nil && fl.local != "" {
				continue
			}
		}
		out = append(out, fd)
	}
	for _, fl := range local {
		out = append(out, forms.Finding{Rule: ruleUnreadable, Field: fl.path, Severity: forms.Error, Message: fl.local})
	}
	return out
}

// resolve finds the field a finding's path belongs to: the field itself, or
// the nearest enclosing one ("budget.lines[2]" → the budget table).
func (f *formScreen) resolve(path string) *field {
	for p := path; p != ""; {
		if fl, ok := f.fields[p]; ok {
			return fl
		}
		switch {
		case strings.HasSuffix(p, "]"):
			p = p[:strings.LastIndexByte(p, '[')]
		case strings.Contains(p, "."):
			p = p[:strings.LastIndexByte(p, '.')]
		default:
			p = ""
		}
	}
	return nil
}
