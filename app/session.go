package app

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"

	"shenbao/forms"
	"shenbao/forms/aftercare"
)

// runSession is the whole session docs/window.md measures, run by the
// window itself under SHENBAO_SCREENSHOT=session: open a speech draft,
// edit it, export the package, mark it selected, import three
// 12-megapixel photos, export the after-selection documents, then quit.
// Meanwhile a probe asks the UI goroutine for an empty task every 10 ms
// and records the longest wait: no task of the UI goroutine may block it
// for long. It prints what it measured on stderr.
func (u *ui) runSession(started time.Time) {
	var longest atomic.Int64
	var stop chan struct{}
	probe := func(stop chan struct{}) {
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				s := time.Now()
				fyne.DoAndWait(func() {})
				if d := time.Since(s).Milliseconds(); d > longest.Load() {
					longest.Store(d)
				}
			}
		}
	}
	step := func(what string, fn func()) {
		s := time.Now()
		fn()
		fmt.Fprintf(os.Stderr, "%-38s %6d ms   %s\n", what, time.Since(s).Milliseconds(), memNow())
	}
	go func() {
		var f *formScreen
		fyne.DoAndWait(func() {
			fmt.Fprintf(os.Stderr, "usable window after %d ms\n", time.Since(started).Milliseconds())
			for i, c := range u.call.Categories {
				if c.ID == "speech" {
					d, _ := forms.Sample(u.call, c.ID)
					p := newDraftPath(u.draftsDir(), &u.call.Categories[i], u.now())
					_ = os.MkdirAll(u.draftsDir(), 0o755)
					_ = forms.Save(p, d, u.now())
					u.openDraft(p)
				}
			}
			f = u.form
		})
		if f == nil {
			fmt.Fprintln(os.Stderr, "session: no draft")
			fyne.Do(u.app.Quit)
			return
		}
		step("edit and leave a field", func() {
			fyne.DoAndWait(func() {
				e := f.fields["project.theme"].focus.(*commitEntry)
				e.SetText(e.Text + "（修订）")
				f.commit(f.fields["project.theme"])
			})
		})
		step("export the application package", func() {
			done := make(chan struct{})
			fyne.DoAndWait(func() {
				f.onExportDone = func() { close(done) }
				f.checkAll = true
				f.runExport()
			})
			<-done
		})
		dir, _ := os.MkdirTemp("", "photos")
		defer os.RemoveAll(dir)
		var photos []string
		for i := 0; i < 3; i++ {
			photos = append(photos, sessionPhoto(dir, i))
		}
		var s *afterScreen
		fyne.DoAndWait(func() {
			f.onAfter()
			s = f.after.s
			s.selection.selected.SetChecked(true)
			aftercare.FillSample(u.call, f.d)
		})
		stop = make(chan struct{})
		go probe(stop)
		time.Sleep(time.Second)
		close(stop)
		fmt.Fprintf(os.Stderr, "longest wait of the UI goroutine, idle for 1 s: %d ms\n", longest.Load())
		longest.Store(0)
		stop = make(chan struct{})
		go probe(stop)
		step("import three 12-megapixel photos", func() {
			var done <-chan struct{}
			fyne.DoAndWait(func() {
				f.d.Reports.Info.Photos = nil
				done = s.info.importPaths(photos)
			})
			<-done
		})
		close(stop)
		fmt.Fprintf(os.Stderr, "longest wait of the UI goroutine during the import: %d ms\n", longest.Load())
		step("export the after-selection documents", func() {
			var done <-chan struct{}
			fyne.DoAndWait(func() { done = s.exportTo(s.exportDir()) })
			<-done
		})
		fyne.DoAndWait(func() {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			fmt.Fprintf(os.Stderr, "exported %d after-selection files; Go heap in use %d MB, Go runtime total %d MB\n", len(s.exported), m.HeapInuse>>20, m.Sys>>20)
			f.dirty = false
			u.app.Quit()
		})
	}()
}

// sessionPhoto writes a 4000×3000 JPEG like a phone's.
func sessionPhoto(dir string, i int) string {
	const w, h = 4000, 3000
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for p := 0; p < len(img.Pix); p += 4 {
		x, y := (p/4)%w, (p/4)/w
		img.Pix[p], img.Pix[p+1], img.Pix[p+2], img.Pix[p+3] = uint8(x/16+i*40), uint8(y/12), uint8((x+y)/32), 255
	}
	var b bytes.Buffer
	_ = jpeg.Encode(&b, img, &jpeg.Options{Quality: 85})
	p := filepath.Join(dir, fmt.Sprintf("IMG_%04d.jpg", i+1))
	_ = os.WriteFile(p, b.Bytes(), 0o644)
	return p
}

// memNow is the process's resident memory now and at its peak (Linux).
func memNow() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return ""
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmRSS:") || strings.HasPrefix(l, "VmHWM:") {
			out = append(out, strings.Join(strings.Fields(l), " "))
		}
	}
	return strings.Join(out, ", ")
}
