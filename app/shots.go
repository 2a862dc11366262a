package app

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"fyne.io/fyne/v2"

	"shenbao/forms/aftercare"
)

// screenshotMode opens a given screen for the documentation's screenshots
// and the start-up measurement, when SHENBAO_SCREENSHOT is set (start,
// picker, form, review, after, start-after). With SHENBAO_SCREENSHOT_QUIT=1 the program prints
// the time to the first usable window and quits. It reports whether a mode
// was set.
func (u *ui) screenshotMode(mode string, started time.Time) bool {
	if mode == "" {
		return false
	}
	// The screenshots show the day the sample was written, not today.
	u.now = func() time.Time { return time.Date(2024, 4, 10, 10, 0, 0, 0, time.Local) }
	u.win.Resize(fyne.NewSize(1280, 800))
	switch mode {
	case "start":
		u.showPicker(true)
		for _, i := range []int{1, 3} {
			u.picker.cats.Select(i)
			u.picker.onSample()
		}
		u.showStart()
	case "after", "start-after":
		// A selected speech-competition sub-venue (ended 18 October), its
		// reports filled: the after-selection screen reached from the form,
		// or the drafts list with its due date.
		day := 20
		if mode == "start-after" {
			day = 24 // the information report is overdue
		}
		u.now = func() time.Time { return time.Date(2024, 10, day, 10, 0, 0, 0, time.Local) }
		u.showPicker(true)
		if mode == "start-after" {
			u.picker.cats.Select(0) // an application not selected, for contrast
			u.picker.onSample()
			u.showPicker(true)
		}
		for i, c := range u.call.Categories {
			if len(c.Venues) > 0 {
				u.picker.cats.Select(i)
			}
		}
		u.picker.onSample()
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
	case "form", "review":
		u.showPicker(true)
		u.picker.cats.Select(1)
		u.picker.onSample()
		if u.form != nil {
			f := u.form
			if mode == "form" {
				// A few typical mistakes, so the findings show.
				f.fields["project.participants"].focus.(interface{ SetText(string) }).SetText("30")
				f.fields["applicant.email"].focus.(interface{ SetText(string) }).SetText("xuehui2024@example")
				f.fields["applicant.credit_code"].focus.(interface{ SetText(string) }).SetText("52220000MJ1234567X")
				fyne.Do(func() { f.jump("applicant.credit_code") })
			} else {
				f.onReview()
			}
		}
	}
	if os.Getenv("SHENBAO_SCREENSHOT_QUIT") == "1" {
		u.app.Lifecycle().SetOnStarted(func() {
			go func() {
				fyne.Do(func() {
					var m runtime.MemStats
					runtime.ReadMemStats(&m)
					fmt.Fprintf(os.Stderr, "usable window after %d ms; Go heap in use %d MB, Go runtime total %d MB\n",
						time.Since(started).Milliseconds(), m.HeapInuse>>20, m.Sys>>20)
					u.app.Quit()
				})
			}()
		})
	}
	return true
}
