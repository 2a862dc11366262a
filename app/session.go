//go:build shots

package app

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"

	"shenbao/app/widgets"
	"shenbao/forms"
	"shenbao/forms/aftercare"
)

// runSession is the whole session docs/window.md measures, run by the
// window itself under SHENBAO_SCREENSHOT=session: open a speech draft,
// edit it, export the package, mark it selected, import three
// 12-megapixel photos, export the after-selection documents, then quit.
// After each step it prints the resident memory. A probe (latencyProbe)
// posts an empty task to the UI goroutine every 10 ms and records how long
// each waited, idle for a second, during the import and during the export;
// and every task the program posts to the UI goroutine (onUI, onUIWait) is
// timed, so that what the program does there is told apart from the
// renderer's frames. It prints what it measured on stderr.
func (u *ui) runSession(started time.Time) {
	tasks := newTaskLog()
	uiTasks.Store(tasks)
	step := func(what string, fn func()) {
		s := time.Now()
		peak := sampleRSS()
		fn()
		rss, anon := peak()
		fmt.Fprintf(os.Stderr, "%-38s %6d ms   %s; highest sampled during the step: VmRSS %d kB, RssAnon %d kB\n", what, time.Since(s).Milliseconds(), memNow(), rss, anon)
		writeProfiles(what)
	}
	measured := func(what string, p *latencyProbe) {
		fmt.Fprintf(os.Stderr, "UI goroutine %s: waits of a task posted every 10 ms: %s\n", what, p.finish())
		fmt.Fprintf(os.Stderr, "tasks the program ran on the UI goroutine meanwhile:\n%s", tasks.report())
	}
	go func() {
		var f *formScreen
		onUIWait("session: open the draft", func() {
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
			onUIWait("session: edit and leave a field", func() {
				e := f.fields["project.theme"].focus.(*widgets.Entry)
				e.SetText(e.Text + "（修订）")
				f.commit(f.fields["project.theme"])
			})
		})
		if os.Getenv(SessionWalkEnv) == "1" {
			// What a person filling the form does besides: every step
			// laid out in turn, each of its text boxes emptied and its text
			// typed again from nothing (the form filled from blank, as
			// far as what is typed goes), then the review page, then back
			// to the form.
			step("every step of the form, then the review", func() {
				n := 0
				onUIWait("session: count the steps", func() { n = len(f.sections) })
				// A multi-line box gets at least 300 characters, as a real
				// application's do: the sample's own text, then
				// characters of the call's forum sample.
				var more []rune
				if d, err := forms.Sample(u.call, "forum"); err == nil {
					more = []rune(d.Project.Summary + d.ExpectedResults + d.Publicity)
				}
				typed := 0
				for i := range n {
					var boxes []*field
					onUIWait("session: show a step", func() {
						f.showStep(i)
						for _, fl := range f.order {
							if e, ok := fl.focus.(*widgets.Entry); ok && fl.step == i && !e.Disabled() {
								boxes = append(boxes, fl)
							}
						}
					})
					time.Sleep(150 * time.Millisecond) // its frames drawn
					for _, fl := range boxes {
						e := fl.focus.(*widgets.Entry)
						var text []rune
						onUIWait("session: empty a box", func() {
							u.win.Canvas().Focus(e)
							text = []rune(e.Text)
							if e.MultiLine && len(text) < 300 {
								text = append(text, more[:min(300-len(text), len(more))]...)
							}
							e.SetText("")
						})
						// A rune at a time, ten runes a frame.
						for k := 0; k < len(text); k += 10 {
							onUIWait("session: type", func() {
								for _, r := range text[k:min(k+10, len(text))] {
									e.TypedRune(r)
								}
							})
							time.Sleep(20 * time.Millisecond)
						}
						typed += len(text)
						onUIWait("session: leave the box", func() { f.commit(fl) })
					}
				}
				fmt.Fprintf(os.Stderr, "typed %d characters into the form's text boxes\n", typed)
				onUIWait("session: open the review", f.onReview)
				time.Sleep(500 * time.Millisecond)
				onUIWait("session: back to the form", func() {
					u.review = nil
					u.setContent(f.content)
					f.showStep(0)
				})
				time.Sleep(150 * time.Millisecond)
			})
			// Saved, the drafts list shown, the draft opened again: the
			// rest of the session goes on in the new form.
			step("save, the drafts list, reopen", func() {
				onUIWait("session: save and show the list", func() {
					f.onSave()
					u.leaveForm(u.showStart)
				})
				time.Sleep(500 * time.Millisecond)
				onUIWait("session: reopen", func() {
					u.openDraft(f.path)
					f = u.form
				})
				time.Sleep(300 * time.Millisecond)
			})
			// A pause longer than Fyne's cache duration, then a
			// keystroke: the frame after it draws again every text the
			// cache let go of. The probe times the UI goroutine meanwhile.
			idleFrom := cpuTime()
			time.Sleep(22 * time.Second)
			fmt.Fprintf(os.Stderr, "CPU time used while idle for 22 s: %d ms\n", (cpuTime() - idleFrom).Milliseconds())
			tasks.take()
			p := startProbe()
			step("a keystroke after 22 s idle", func() {
				onUIWait("session: a keystroke", func() {
					e := f.fields["project.theme"].focus.(*widgets.Entry)
					u.win.Canvas().Focus(e)
					e.TypedRune('。')
				})
				time.Sleep(300 * time.Millisecond)
			})
			measured("after 22 s idle, a keystroke", p)
		}
		step("export the application package", func() {
			done := make(chan struct{})
			onUIWait("session: start the export", func() {
				f.onExportDone = func() { close(done) }
				f.checkAll = true
				f.runExport()
			})
			<-done
		})
		// The user closes the export's 导出完成 before going on: the dialog
		// is modal. Left open, as before, it was drawn over the
		// after-selection screen in every frame measured below, with Fyne
		// 2.8's blurred backdrop: 80–190 ms a frame under Mesa's software
		// renderer instead of 15–20 ms.
		onUIWait("session: close 导出完成", func() {
			if p := u.prompt; p != nil && p.buttons["关闭"] != nil {
				p.buttons["关闭"].OnTapped()
			}
		})
		photos := sessionPhotos()
		if len(photos) == 0 {
			// Not started by the shots program: written here, and measured
			// with the program.
			dir, _ := os.MkdirTemp("", "photos")
			defer os.RemoveAll(dir)
			step("write three photos (not the program)", func() {
				photos, _ = WriteSessionPhotos(dir)
				debug.FreeOSMemory()
			})
		}
		var s *afterScreen
		onUIWait("session: open 入选与会后材料", func() {
			f.onAfter()
			s = f.after.s
			s.selection.selected.SetChecked(true)
			aftercare.FillSample(u.call, f.d)
			// The photos are added from the 信息报道稿 tab, where the user
			// watches the import's bar and rows: on a tab not shown they
			// would be changed without a frame drawn.
			for _, it := range s.tabs.Items {
				if it.Text == "信息报道稿" {
					s.tabs.Select(it)
				}
			}
		})
		tasks.take()
		p := startProbe()
		time.Sleep(time.Second)
		measured("idle for 1 s", p)
		p = startProbe()
		step("import three 12-megapixel photos", func() {
			var done <-chan struct{}
			onUIWait("session: start the import", func() {
				f.d.Reports.Info.Photos = nil
				done = s.info.importPaths(photos)
			})
			<-done
			// The rows just added are drawn in the next frames.
			time.Sleep(200 * time.Millisecond)
		})
		measured("during the import", p)
		p = startProbe()
		step("export the after-selection documents", func() {
			var done <-chan struct{}
			onUIWait("session: start the export", func() { done = s.exportTo(s.exportDir()) })
			<-done
		})
		measured("during the export", p)
		fyne.DoAndWait(func() {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			fmt.Fprintf(os.Stderr, "exported %d after-selection files; Go heap in use %d MB, Go runtime total %d MB\n", len(s.exported), m.HeapInuse>>20, m.Sys>>20)
			f.dirty = false
			u.quit(u.app.Quit)
		})
	}()
}

// SessionWalkEnv, set to 1, adds two steps to the session after the first
// edit: every step of the form shown in turn, each of its text boxes
// emptied and its text typed again a character at a time (a multi-line box
// at least 300 characters), then the review page; then the draft saved,
// the drafts list shown and the draft opened again.
const SessionWalkEnv = "SHENBAO_SESSION_WALK"

// SessionPhotosEnv names the folder of the session's photos, written
// beforehand by another process (the shots program runs itself for that,
// see WriteSessionPhotos), so that making them is not counted in the
// memory of the session.
const SessionPhotosEnv = "SHENBAO_SESSION_PHOTOS"

// sessionPhotos lists the photos of SessionPhotosEnv's folder; none when
// it is unset.
func sessionPhotos() []string {
	dir := os.Getenv(SessionPhotosEnv)
	if dir == "" {
		return nil
	}
	var out []string
	for i := 0; i < 3; i++ {
		p := filepath.Join(dir, fmt.Sprintf("IMG_%04d.jpg", i+1))
		if _, err := os.Stat(p); err == nil {
			out = append(out, p)
		}
	}
	return out
}

// WriteSessionPhotos writes into dir the three 4000×3000 JPEGs, like a
// phone's, that the session imports, and returns their paths.
func WriteSessionPhotos(dir string) ([]string, error) {
	var out []string
	for i := 0; i < 3; i++ {
		p, err := sessionPhoto(dir, i)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// sessionPhoto writes one photo. The picture is made as YCbCr 4:2:0, as it
// will be decoded (18 MB, not the 48 MB of RGBA).
func sessionPhoto(dir string, i int) (string, error) {
	const w, h = 4000, 3000
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			yy, cb, cr := color.RGBToYCbCr(uint8(x/16+i*40), uint8(y/12), uint8((x+y)/32))
			img.Y[img.YOffset(x, y)] = yy
			if x%2 == 0 && y%2 == 0 {
				c := img.COffset(x, y)
				img.Cb[c], img.Cr[c] = cb, cr
			}
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 85}); err != nil {
		return "", err
	}
	p := filepath.Join(dir, fmt.Sprintf("IMG_%04d.jpg", i+1))
	return p, os.WriteFile(p, b.Bytes(), 0o644)
}

// SessionProfileEnv names a folder into which the session writes, after
// each step, a heap profile (`<n>-<step>.heap`, runtime/pprof) and the
// process's memory mappings (`<n>-<step>.smaps`, a copy of
// /proc/self/smaps): where the memory of a step goes. Unset, nothing is
// written. GODEBUG=memprofilerate=N makes the profile finer.
const SessionProfileEnv = "SHENBAO_SESSION_PROFILE"

var profileStep int

// writeProfiles writes the heap profile and the mappings after the step
// what into SessionProfileEnv's folder, when it is set.
func writeProfiles(what string) {
	dir := os.Getenv(SessionProfileEnv)
	if dir == "" {
		return
	}
	profileStep++
	base := filepath.Join(dir, fmt.Sprintf("%d-%s", profileStep, strings.ReplaceAll(what, " ", "-")))
	if f, err := os.Create(base + ".heap"); err == nil {
		_ = pprof.Lookup("heap").WriteTo(f, 0)
		_ = f.Close()
	}
	if b, err := os.ReadFile("/proc/self/smaps"); err == nil {
		_ = os.WriteFile(base+".smaps", b, 0o644)
	}
}

// memNow is the process's resident memory now and at its peak (Linux).
func memNow() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return ""
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmRSS:") || strings.HasPrefix(l, "VmHWM:") || strings.HasPrefix(l, "RssAnon:") || strings.HasPrefix(l, "RssFile:") {
			out = append(out, strings.Join(strings.Fields(l), " "))
		}
	}
	return strings.Join(out, ", ")
}

// sampleRSS reads the process's VmRSS and RssAnon every 2 ms until the
// returned function is called, which returns the highest values read (kB;
// Linux). VmHWM is the peak since the start; this is the peak of one step.
// RssAnon is the program's own memory; the rest of VmRSS is mapped files
// (the binary with its embedded fonts, libraries), whose resident share
// varies from run to run with the page cache.
func sampleRSS() func() (rss, anon int) {
	type peak struct{ rss, anon int }
	stop, done := make(chan struct{}), make(chan peak)
	go func() {
		var p peak
		var r statusReader
		defer r.close()
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			rss, anon := r.read()
			p.rss, p.anon = max(p.rss, rss), max(p.anon, anon)
			select {
			case <-stop:
				done <- p
				return
			case <-t.C:
			}
		}
	}()
	return func() (int, int) {
		close(stop)
		p := <-done
		return p.rss, p.anon
	}
}

// cpuTime is the CPU time the process has used so far (user and system;
// 0 where it cannot be read).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// statusReader reads VmRSS and RssAnon from /proc/self/status into one
// buffer it keeps, the file kept open: sampled every 2 ms, reading the
// file anew each time (os.ReadFile, strings.Split) made ~4 MB of garbage a
// second, which the collector then counted in the very peak being
// measured.
type statusReader struct {
	f   *os.File
	buf [4096]byte
}

// read returns VmRSS and RssAnon in kB; 0 where they cannot be read.
func (r *statusReader) read() (rss, anon int) {
	if r.f == nil {
		f, err := os.Open("/proc/self/status")
		if err != nil {
			return 0, 0
		}
		r.f = f
	}
	n, err := r.f.ReadAt(r.buf[:], 0)
	if n == 0 && err != nil {
		return 0, 0
	}
	return statusField(r.buf[:n], "VmRSS:"), statusField(r.buf[:n], "RssAnon:")
}

func (r *statusReader) close() {
	if r.f != nil {
		r.f.Close()
	}
}

// statusField is the number after name in a /proc/self/status text, 0 if
// absent; it allocates nothing.
func statusField(b []byte, name string) int {
	i := bytes.Index(b, []byte(name))
	if i < 0 {
		return 0
	}
	n, seen := 0, false
	for _, c := range b[i+len(name):] {
		switch {
		case c >= '0' && c <= '9':
			n, seen = n*10+int(c-'0'), true
		case c == ' ' || c == '\t':
			if seen {
				return n
			}
		default:
			return n
		}
	}
	return n
}

// latencyProbe posts an empty task to the UI goroutine every 10 ms without
// waiting for it, and records for each how long it waited between being
// posted and being run: how long the UI goroutine was busy with something
// else (the program's tasks, the renderer's frames, input events).
type latencyProbe struct {
	mu    sync.Mutex
	waits []time.Duration
	stop  chan struct{}
	done  chan struct{}
}

func startProbe() *latencyProbe {
	p := &latencyProbe{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				posted := time.Now()
				fyne.Do(func() {
					w := time.Since(posted)
					p.mu.Lock()
					p.waits = append(p.waits, w)
					p.mu.Unlock()
				})
			}
		}
	}()
	return p
}

// finish stops the probe, waits for the tasks already posted to have run
// and summarises the waits: their count, median, 90th and 99th percentile,
// longest, and how many were over 100 ms.
func (p *latencyProbe) finish() string {
	close(p.stop)
	<-p.done
	fyne.DoAndWait(func() {}) // after every probe task posted before
	p.mu.Lock()
	w := slices.Clone(p.waits)
	p.mu.Unlock()
	return summarise(w)
}
