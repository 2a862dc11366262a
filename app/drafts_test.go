package app

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"shenbao/forms"
)

// writeDrafts writes n drafts into dir, cycling through the categories'
// samples, one unit per draft (units of 3 share a name every 50 drafts, so
// some collide in the quotas), each saved a minute after the one before.
func writeDrafts(tb testing.TB, dir string, n int) {
	tb.Helper()
	call := forms.Default()
	var protos []*forms.Draft
	for _, c := range call.Categories {
		d, err := forms.Sample(call, c.ID)
		if err != nil {
			tb.Fatal(err)
		}
		protos = append(protos, d)
	}
	for i := range n {
		d := *protos[i%len(protos)]
		d.ID = fmt.Sprintf("draft-%04d", i)
		d.Applicant.Name = fmt.Sprintf("第%d学会", i)
		if i%50 < 3 {
			d.Applicant.Name = fmt.Sprintf("撞车学会%d", i/50)
		}
		d.Project.Name = fmt.Sprintf("第%d个项目", i)
		d.UpdatedAt = today.Add(-time.Duration(n-i) * time.Minute)
		data, err := forms.Marshal(&d)
		if err != nil {
			tb.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("申报书%04d%s", i, forms.DraftExt))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			tb.Fatal(err)
		}
		if err := os.Chtimes(p, d.UpdatedAt, d.UpdatedAt); err != nil {
			tb.Fatal(err)
		}
	}
}

// liveHeap is the heap in use after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// BenchmarkDraftsList: the start screen shown on a folder of 0, 100 and
// 1,000 drafts in the test window (1200×800). ns/op and B/op: until the
// list is shown and laid out, the checks held back; ms-checks: then until
// every row shows its counts; MB-live: the heap the shown list keeps, once
// checked, above the empty list's (the same window on an empty folder).
func BenchmarkDraftsList(b *testing.B) {
	for _, n := range []int{0, 100, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			a := test.NewTempApp(b)
			a.Settings().SetTheme(newTheme())
			dir := b.TempDir()
			a.Preferences().SetString(prefDraftsDir, dir)
			w := a.NewWindow("申报助手")
			w.Resize(fyne.NewSize(1200, 800))
			u := newUI(a, w, forms.Default(), func() time.Time { return today })
			u.showStart() // the empty list: the base
			waitChecks(b, u)
			u.showPicker(false)
			base := liveHeap()
			writeDrafts(b, dir, n)
			var checks time.Duration
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				b.StopTimer()
				u.showPicker(false)
				gate := make(chan struct{})
				u.start.checkGate = gate
				b.StartTimer()
				u.showStart()
				b.StopTimer()
				start := time.Now()
				close(gate)
				waitChecks(b, u)
				checks += time.Since(start)
				b.StartTimer()
			}
			b.StopTimer()
			b.ReportMetric(float64(checks.Milliseconds())/float64(b.N), "ms-checks")
			b.ReportMetric(float64(int64(liveHeap())-int64(base))/1e6, "MB-live")
		})
	}
}

func init() {
	// The checks' results are shown on the test's goroutine, as on the
	// window's UI goroutine, when a test waits for them (waitChecks).
	checksPost = func(job *draftChecks, fn func()) {
		job.mu.Lock()
		job.queued = append(job.queued, fn)
		job.mu.Unlock()
		select {
		case job.wake <- struct{}{}:
		default:
		}
	}
}

// waitChecks shows, on the test's goroutine, what the drafts list's
// checks found, as they find it, until every row shows its counts.
func waitChecks(t testing.TB, u *ui) {
	t.Helper()
	job := u.start.checks
	timeout := time.After(time.Minute)
	for {
		select {
		case <-job.done:
			return
		case <-job.wake:
			job.mu.Lock()
			fns := job.queued
			job.queued = nil
			job.mu.Unlock()
			for _, fn := range fns {
				fn()
			}
		case <-timeout:
			t.Fatal("the drafts list's checks did not finish within a minute")
		}
	}
}

// shownRows is the rows of the drafts list that the window has built
// widgets for (the rows in view), in the order found.
func shownRows(u *ui) []*draftRow {
	byBox := map[fyne.CanvasObject]*draftRow{}
	for _, r := range u.start.rows {
		byBox[r.box] = r
	}
	var out []*draftRow
	eachObject(u.win.Content(), func(o fyne.CanvasObject) {
		if r := byBox[o]; r != nil {
			out = append(out, r)
		}
	})
	return out
}

// TestDraftsListThousandDrafts: a folder of 1,000 drafts lists all 1,000
// at once from their headers, with widgets for the rows in view only; the
// counts arrive afterwards from the background checks (held here until
// the list has been looked at), the quota collisions among them too.
func TestDraftsListThousandDrafts(t *testing.T) {
	u, dir := newTestUI(t)
	writeDrafts(t, dir, 1000)
	gate := make(chan struct{})
	u.start.checkGate = gate
	u.showStart()
	if n := len(u.start.rows); n != 1000 || u.start.list.Length() != 1000 {
		t.Fatalf("%d rows, the list says %d; want 1000", n, u.start.list.Length())
	}
	shown := shownRows(u)
	if len(shown) == 0 || len(shown) > 50 {
		t.Fatalf("%d rows built for a window 800 px high", len(shown))
	}
	first := shown[0]
	if first != u.start.rows[0] || !strings.Contains(first.title.Text, "第999个项目") {
		t.Errorf("first row shown: %q, want the newest draft's", first.title.Text)
	}
	for _, r := range shown {
		if r.info.Checked || !strings.Contains(r.detail.Text, "正在检查…") || strings.Contains(r.detail.Text, "没有发现问题") {
			t.Fatalf("before the checks: %q", r.detail.Text)
		}
	}
	close(gate)
	waitChecks(t, u)
	collided := 0
	for i, r := range u.start.rows {
		if !r.info.Checked || strings.Contains(r.detail.Text, "正在检查") {
			t.Fatalf("row %d not checked: %q", i, r.detail.Text)
		}
		// writeDrafts gives three drafts every 50 one unit: they break
		// the total quota (two per unit).
		if strings.HasPrefix(r.info.Header.ApplicantName, "撞车学会") {
			collided++
			if r.info.Errors == 0 {
				t.Errorf("%s: the quota error is not counted", displayName(r.info.Path))
			}
		}
	}
	if collided != 60 {
		t.Errorf("%d drafts of colliding units, want 60", collided)
	}
	for _, r := range shownRows(u) {
		if !strings.Contains(r.detail.Text, countsText(r.info.Errors, r.info.Warnings)) {
			t.Errorf("row in view shows %q, want its counts", r.detail.Text)
		}
	}
}

// TestDraftsListChecksStopWhenLeft: the checks of a list stop when another
// screen is shown, and show nothing.
func TestDraftsListChecksStopWhenLeft(t *testing.T) {
	u, dir := newTestUI(t)
	writeDrafts(t, dir, 20)
	gate := make(chan struct{})
	u.start.checkGate = gate
	u.showStart()
	job := u.start.checks
	u.showPicker(false)
	close(gate)
	select {
	case <-job.exited:
	case <-time.After(time.Minute):
		t.Fatal("the checks did not stop")
	}
	job.mu.Lock()
	defer job.mu.Unlock()
	if len(job.queued) != 0 {
		t.Errorf("%d batches handed to the window after it left the list", len(job.queued))
	}
	for _, r := range u.start.rows {
		if r.info.Checked {
			t.Fatalf("%s checked after the list was left", displayName(r.info.Path))
		}
	}
}

// TestDraftsListAutosaveNote: a draft with newer unsaved changes has its
// note on a second line of its row, and its row is taller by that line,
// in the list's layout too.
func TestDraftsListAutosaveNote(t *testing.T) {
	u, dir := newTestUI(t)
	writeDrafts(t, dir, 3)
	p := filepath.Join(dir, "申报书0001"+forms.DraftExt)
	d, err := forms.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	d.Project.Theme = "改过的主题"
	if err := writeAutosave(p, d); err != nil {
		t.Fatal(err)
	}
	later := today.Add(time.Hour)
	if err := os.Chtimes(p+AutosaveSuffix, later, later); err != nil {
		t.Fatal(err)
	}
	u.showStart()
	waitChecks(t, u)
	var noted, plain *draftRow
	for _, r := range u.start.rows {
		if r.info.Path == p {
			noted = r
		} else {
			plain = r
		}
	}
	if noted == nil || !noted.note || !strings.Contains(noted.detail.Text, "\n有未保存的修改（自动保存于") || !strings.Contains(noted.detail.Text, countsText(noted.info.Errors, noted.info.Warnings)) {
		t.Fatalf("row of the autosaved draft: %+v", noted.detail)
	}
	if plain.note || strings.Contains(plain.detail.Text, "有未保存的修改") {
		t.Errorf("a draft without an autosave has a note: %q", plain.detail.Text)
	}
	shown := shownRows(u)
	if len(shown) != 3 {
		t.Fatalf("%d rows in view, want 3", len(shown))
	}
	if hn, hp := noted.box.Size().Height, plain.box.Size().Height; hn < hp+noted.detail.MinSize().Height/3 {
		t.Errorf("the noted row is %.0f px high, a plain row %.0f px: the second line does not fit", hn, hp)
	}
	if noted.box.Size().Height < noted.box.MinSize().Height {
		t.Errorf("the noted row gets %.0f px of the %.0f it needs", noted.box.Size().Height, noted.box.MinSize().Height)
	}
}
