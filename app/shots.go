//go:build shots

package app

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"fyne.io/fyne/v2"

	"shenbao/forms"
	"shenbao/forms/aftercare"
)

func init() {
	shots = func(u *ui, started time.Time) bool {
		return u.screenshotMode(os.Getenv("SHENBAO_SCREENSHOT"), started)
	}
}

// screenshotMode opens a given screen for the documentation's screenshots
// and the start-up measurement, when SHENBAO_SCREENSHOT is set (start,
// picker, form, budget, review, after, start-after, blank, calendar, sample), at the
// size SHENBAO_SCREENSHOT_SIZE (e.g. 1366x768; 1280x800 when unset). With SHENBAO_SCREENSHOT_QUIT=1 the program prints
// the time to the first usable window and quits. It reports whether a mode
// was set.
func (u *ui) screenshotMode(mode string, started time.Time) bool {
	if mode == "" {
		return false
	}
	// The screenshots show the day the sample was written, not today.
	u.now = func() time.Time { return u.sampleDay(false, 0) }
	size := fyne.NewSize(1280, 800)
	var w, h float32
	if _, err := fmt.Sscanf(os.Getenv("SHENBAO_SCREENSHOT_SIZE"), "%fx%f", &w, &h); err == nil && w > 0 && h > 0 {
		size = fyne.NewSize(w, h)
	}
	u.win.Resize(size)
	u.sizeFixed = true
	// The drafts a secretary would have made from two samples.
	ownDrafts := func(cats ...int) {
		for _, i := range cats {
			c := &u.call.Categories[i]
			if d, err := forms.Sample(u.call, c.ID); err == nil {
				_ = os.MkdirAll(u.draftsDir(), 0o755)
				_ = forms.Save(newDraftPath(u.draftsDir(), c, u.now()), d, u.now())
			}
		}
	}
	switch mode {
	case "start":
		ownDrafts(1, 3)
		u.showStart()
	case "blank", "calendar":
		// A new blank forum draft: everything 待填, the cursor in step 封面;
		// or its calendar open on the category's first month.
		u.showPicker(false)
		u.picker.cats.Select(1)
		u.picker.onCreate()
		if f := u.form; f != nil && mode == "calendar" {
			f.showStep(f.fields["project.start_date"].step)
			for _, b := range f.dates {
				if b.Entry == f.fields["project.start_date"].focus {
					b := b
					go func() {
						time.Sleep(time.Second) // once the window is on screen
						fyne.Do(b.OpenCalendar)
					}()
				}
			}
		}
	case "sample":
		u.openSample(&u.call.Categories[0])
	case "session":
		// The clock of a selected speech sub-venue after its event.
		u.now = func() time.Time { return u.sampleDay(true, 2) }
		u.app.Lifecycle().SetOnStarted(func() { u.runSession(started) })
		return true
	case "after", "start-after":
		// A selected speech-competition sub-venue (ended 18 October), its
		// reports filled: the after-selection screen reached from the form,
		// or the drafts list with its due date.
		days := 2
		if mode == "start-after" {
			days = 6 // the information report is overdue
		}
		u.now = func() time.Time { return u.sampleDay(true, days) }
		if mode == "start-after" {
			ownDrafts(0) // an application not selected, for contrast
		}
		for i, c := range u.call.Categories {
			if len(c.Venues) > 0 {
				ownDrafts(i)
			}
		}
		u.showStart()
		for _, in := range u.start.drafts {
			if in.Header != nil && len(u.call.Category(in.Header.Category).Venues) > 0 {
				u.openDraft(in.Path)
			}
		}
		if f := u.form; f != nil {
			aftercare.FillSample(u.call, f.d)
			f.changed()
			f.onAfter()
			if mode == "start-after" {
				u.showStart()
			}
		}
	case "picker":
		u.showPicker(false)
		u.picker.cats.Select(3)
	case "form", "review", "budget":
		ownDrafts(1)
		u.showStart()
		if len(u.start.drafts) > 0 {
			u.openDraft(u.start.drafts[0].Path)
		}
		if u.form != nil {
			f := u.form
			if mode == "form" {
				// A few typical mistakes, so the findings show.
				f.fields["project.participants"].focus.(interface{ SetText(string) }).SetText("30")
				f.fields["applicant.email"].focus.(interface{ SetText(string) }).SetText("xuehui@example")
				f.fields["applicant.credit_code"].focus.(interface{ SetText(string) }).SetText("52220000MJ1234567X")
				for _, p := range []string{"project.participants", "applicant.email", "applicant.credit_code"} {
					f.commit(f.fields[p])
				}
				fyne.Do(func() { f.jump("applicant.credit_code") })
			} else if mode == "budget" {
				// Its 经费预算 step, scrolled to the column of totals.
				f.showStep(f.fields["budget.total"].step)
				fyne.Do(f.scroll.ScrollToBottom)
			} else {
				f.onReview()
			}
		}
	}
	if os.Getenv("SHENBAO_SCREENSHOT_QUIT") == "1" {
		memory := func() string {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			return fmt.Sprintf("Go heap in use %d MB, Go runtime total %d MB", m.HeapInuse>>20, m.Sys>>20)
		}
		u.app.Lifecycle().SetOnStarted(func() {
			go func() {
				var checks *draftChecks
				fyne.DoAndWait(func() {
					fmt.Fprintf(os.Stderr, "usable window after %d ms; %s\n", time.Since(started).Milliseconds(), memory())
					if mode == "start" {
						checks = u.start.checks
					}
				})
				if checks != nil {
					// The start screen: quit once the drafts list shows
					// every draft's counts.
					<-checks.done
					fyne.Do(func() {
						fmt.Fprintf(os.Stderr, "drafts list (%d) checked after %d ms; %s\n", len(u.start.rows), time.Since(started).Milliseconds(), memory())
					})
				}
				fyne.Do(func() { u.quit(u.app.Quit) })
			}()
		})
	}
	return true
}

// sampleDay is the screenshots' clock: the day the call's samples were
// written (their 申报日期), or some days after the event of the sample of
// the first category with venues (the after-selection screens).
func (u *ui) sampleDay(afterEvent bool, days int) time.Time {
	for _, c := range u.call.Categories {
		if afterEvent && len(c.Venues) == 0 {
			continue
		}
		d, err := forms.Sample(u.call, c.ID)
		if err != nil {
			break
		}
		day := d.Cover.ApplyDate
		if afterEvent {
			day = d.Project.EndDate.AddDays(days)
		}
		t := day.Time()
		return time.Date(t.Year(), t.Month(), t.Day(), 10, 0, 0, 0, time.Local)
	}
	return time.Now()
}
