package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"shenbao/forms"
	"shenbao/forms/aftercare"
	"shenbao/forms/fonts"
	"shenbao/forms/submission"
	"shenbao/forms/usererr"
)

// AutosaveSuffix is appended to a draft's path for the side file autosave
// writes; the draft itself changes only when the user saves.
const AutosaveSuffix = ".autosave"

// draftInfo is one line of the start screen's drafts list: first what the
// file's header says (listDrafts), then what the checks found
// (checkDrafts, in the background).
type draftInfo struct {
	Path     string
	Header   *forms.Header // nil when the file could not be read
	Err      error         // why it could not be read
	Saved    time.Time     // the file's modification time
	Autosave time.Time     // when an autosave newer than the draft exists

	Checked  bool // the fields below are filled in
	Errors   int
	Warnings int
	Due      string // a selected draft's next report (dueBadge); "" otherwise
	Overdue  bool
}

// checkOptions are the options of every check the window runs.
func checkOptions(today time.Time) forms.Options {
	return forms.Options{Today: forms.DateOf(today), Printable: fonts.Printable}
}

// listDrafts reads the header of every draft file in dir (forms.ReadHeader:
// the first fields, not the whole draft), newest first, on as many
// goroutines as there are processors. A file whose header cannot be read
// has its Err set. It neither loads nor checks the drafts: checkDrafts
// does, after the list is shown.
func listDrafts(dir string) ([]draftInfo, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []draftInfo
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), forms.DraftExt) {
			continue
		}
		out = append(out, draftInfo{Path: filepath.Join(dir, e.Name())})
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(out)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(out); i = int(next.Add(1)) - 1 {
				in := &out[i]
				if st, err := os.Stat(in.Path); err == nil {
					in.Saved = st.ModTime()
				}
				in.Header, in.Err = forms.ReadHeader(in.Path)
				if in.Err != nil {
					in.Header = nil
				}
				if t, ok := newerAutosave(in.Path); ok {
					in.Autosave = t
				}
			}
		})
	}
	wg.Wait()
	sort.SliceStable(out, func(i, j int) bool { return out[i].Saved.After(out[j].Saved) })
	return out, nil
}

// draftStatus is what checkDrafts found for the draft at Index of its list.
type draftStatus struct {
	Index            int
	Err              error // the draft could not be loaded
	Errors, Warnings int
	Due              string
	Overdue          bool
}

// checkDrafts loads and checks the drafts of a list one at a time (the
// call of each draft's year, among calls; call when none is of its year),
// adds the quotas across the drafts of call's year, and hands the results
// to deliver in batches, at most every flush, the last batch with last
// set. It keeps no draft: a folder of 1,000 drafts costs the memory of one.
// The quotas are taken from the headers (a header cut short is completed
// by loading its draft), so each batch's counts are final; a draft whose
// header reads but whose whole file does not load (a newer program's, over
// the limits) still counts in its unit's quotas, as it would once it
// opens. It stops, delivering nothing more, once ctx is done.
func checkDrafts(ctx context.Context, infos []draftInfo, call *forms.Call, calls []*forms.Call, now time.Time, flush time.Duration, deliver func(batch []draftStatus, last bool)) {
	quota := make([]int, len(infos))
	var named []forms.NamedDraft
	var idx []int
	for i, in := range infos {
		h := in.Header
		if h == nil || (h.CallYear != 0 && h.CallYear != call.Year) {
			continue // unreadable, or another year's: no quota
		}
		d := &forms.Draft{Category: h.Category}
		d.Applicant.Name, d.Project.Name = h.ApplicantName, h.ProjectName
		if !h.Complete {
			if full, err := forms.Load(in.Path); err == nil {
				d.Category, d.Applicant.Name, d.Project.Name = full.Category, full.Applicant.Name, full.Project.Name
			}
		}
		named = append(named, forms.NamedDraft{Name: in.Path, Draft: d})
		idx = append(idx, i)
	}
	for j, fs := range forms.CheckAcross(call, named) {
		quota[idx[j]] = len(fs) // every quota finding is an error
	}
	opts := checkOptions(now)
	today := forms.DateOf(now)
	var batch []draftStatus
	sent := time.Now()
	for i, in := range infos {
		if ctx.Err() != nil {
			return
		}
		st := draftStatus{Index: i}
		d, err := forms.Load(in.Path)
		if err != nil {
			st.Err = err
		} else {
			c := call
			if y := d.CallYear; y != 0 && y != call.Year {
				for _, o := range calls {
					if o.Year == y {
						c = o
					}
				}
			}
			st.Errors, st.Warnings = countFindings(forms.Check(c, d, opts))
			st.Errors += quota[i]
			st.Due, st.Overdue = dueBadge(call, d, today)
		}
		batch = append(batch, st)
		if time.Since(sent) >= flush && i < len(infos)-1 {
			deliver(batch, false)
			batch, sent = nil, time.Now()
		}
	}
	if ctx.Err() == nil {
		deliver(batch, true)
	}
}

// otherDrafts loads the drafts of dir other than self (复制单位信息).
func otherDrafts(dir, self string) []forms.NamedDraft {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []forms.NamedDraft
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if e.IsDir() || !strings.HasSuffix(e.Name(), forms.DraftExt) || samePath(p, self) {
			continue
		}
		if d, err := forms.Load(p); err == nil {
			out = append(out, forms.NamedDraft{Name: p, Draft: d})
		}
	}
	return out
}

// quotaPeers is what the quota check needs of the drafts of dir other than
// self: each one's category, unit and project, read from its header
// (forms.ReadHeader; a header cut short is completed by loading the draft),
// so an open draft keeps no other draft whole in memory.
func quotaPeers(dir, self string) []forms.NamedDraft {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	selfSt, selfErr := os.Stat(self)
	var out []forms.NamedDraft
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if e.IsDir() || !strings.HasSuffix(e.Name(), forms.DraftExt) || p == self {
			continue
		}
		if selfErr == nil {
			if st, err := os.Stat(p); err == nil && os.SameFile(st, selfSt) {
				continue
			}
		}
		h, err := forms.ReadHeader(p)
		if err != nil {
			continue
		}
		d := &forms.Draft{Category: h.Category}
		d.Applicant.Name, d.Project.Name = h.ApplicantName, h.ProjectName
		if !h.Complete {
			full, err := forms.Load(p)
			if err != nil {
				continue
			}
			d.Category, d.Applicant.Name, d.Project.Name = full.Category, full.Applicant.Name, full.Project.Name
		}
		out = append(out, forms.NamedDraft{Name: p, Draft: d})
	}
	return out
}

func samePath(a, b string) bool {
	if a == b {
		return true
	}
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// countFindings counts errors and warnings.
func countFindings(fs []forms.Finding) (errs, warns int) {
	for _, f := range fs {
		switch f.Severity {
		case forms.Error:
			errs++
		case forms.Warning:
			warns++
		}
	}
	return errs, warns
}

// newerAutosave reports whether the draft at path has an autosave side file
// newer than the draft, with different content, and when it was written.
func newerAutosave(path string) (time.Time, bool) {
	st, err := os.Stat(path + AutosaveSuffix)
	if err != nil {
		return time.Time{}, false
	}
	if ds, err := os.Stat(path); err == nil && !st.ModTime().After(ds.ModTime()) {
		return time.Time{}, false
	}
	auto, _, err := forms.LoadAutosave(path + AutosaveSuffix) // over the limits too
	if err != nil {
		return time.Time{}, false
	}
	if saved, err := forms.Load(path); err == nil && forms.ContentHash(saved) == forms.ContentHash(auto) {
		return time.Time{}, false
	}
	return st.ModTime(), true
}

// writeAutosave writes the draft to its side file, atomically.
func writeAutosave(path string, d *forms.Draft) error {
	data, err := forms.Marshal(d)
	if err != nil {
		return err
	}
	return forms.WriteFileAtomic(path+AutosaveSuffix, data, false)
}

// trashDir is the recoverable place deleted drafts go to: a subfolder of
// the draft's own folder.
func trashDir(path string) string {
	return filepath.Join(filepath.Dir(path), trashFolderName)
}

// moveToTrash moves a draft and its side files (backup, autosave) into the
// trash folder, each name prefixed with the time, and returns the new path
// of the draft (or of the only file moved).
func moveToTrash(path string, now time.Time) (string, error) {
	dir := trashDir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", usererr.New(codeOf(err), dir, err, "无法创建“已删除的申报书”文件夹 %s：%s。文件没有被删除。", dir, reasonOf(err))
	}
	stamp := now.Format("20060102-150405") + "-"
	var moved string
	for _, p := range []string{path, path + forms.BackupSuffix, path + AutosaveSuffix} {
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		dst := uniquePath(filepath.Join(dir, stamp+filepath.Base(p)))
		if err := os.Rename(p, dst); err != nil {
			return "", usererr.New(codeOf(err), p, err, "无法把 %s 移到“已删除的申报书”文件夹：%s。文件没有被删除。", filepath.Base(p), reasonOf(err))
		}
		if moved == "" {
			moved = dst
		}
	}
	// The draft's photos go with it, to the folder its new name implies,
	// so a draft taken back out of the trash finds them again.
	if strings.HasSuffix(path, forms.DraftExt) && moved != "" {
		if src := aftercare.FilesDir(path); isDir(src) {
			dst := aftercare.FilesDir(moved)
			if exists(dst) {
				dst = uniquePath(dst)
			}
			if err := os.Rename(src, dst); err != nil {
				return moved, usererr.New(codeOf(err), src, err, "草稿已移到“已删除的申报书”文件夹，但它的照片文件夹 %s 无法移动：%s。照片仍在草稿文件夹中，没有丢失。", filepath.Base(src), reasonOf(err))
			}
		}
	}
	return moved, nil
}

// exists reports whether something is at p.
func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// isDir reports whether p is an existing folder.
func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// uniquePath returns p, or p with " (2)", " (3)"… before the extension when
// p exists.
func uniquePath(p string) string {
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
		return p
	}
	dir, base := filepath.Split(p)
	ext := ""
	if strings.HasSuffix(base, forms.DraftExt) {
		ext = forms.DraftExt
	} else {
		ext = filepath.Ext(base)
	}
	stem := strings.TrimSuffix(base, ext)
	for i := 2; ; i++ {
		q := filepath.Join(dir, fmt.Sprintf("%s (%d)%s", stem, i, ext))
		if _, err := os.Stat(q); errors.Is(err, fs.ErrNotExist) {
			return q
		}
	}
}

// newDraftPath is a fresh file name in dir for a new draft of a category.
func newDraftPath(dir string, cat *forms.Category, now time.Time) string {
	name := "申报书"
	if cat != nil && cat.ShortName != "" {
		// the call file's text, made a plain name (never a path)
		name = submission.SafeName(cat.ShortName, 20)
	}
	return uniquePath(filepath.Join(dir, name+"-"+now.Format("20060102-1504")+forms.DraftExt))
}

// duplicateDraft copies a draft under a new ID and file name next to it.
func duplicateDraft(path string, now time.Time) (string, error) {
	d, err := forms.Load(path)
	if err != nil {
		return "", err
	}
	d.ID = forms.NewID()
	d.CreatedAt = time.Time{}
	stem := strings.TrimSuffix(filepath.Base(path), forms.DraftExt)
	dst := uniquePath(filepath.Join(filepath.Dir(path), stem+"（副本）"+forms.DraftExt))
	for i := 2; exists(aftercare.FilesDir(dst)); i++ {
		// A photo folder left behind under that name is not this copy's.
		dst = uniquePath(filepath.Join(filepath.Dir(path), fmt.Sprintf("%s（副本%d）%s", stem, i, forms.DraftExt)))
	}
	// The photos first, so a copy never names photos it does not have.
	if src := aftercare.FilesDir(path); isDir(src) {
		if err := copyFlatDir(src, aftercare.FilesDir(dst)); err != nil {
			os.RemoveAll(aftercare.FilesDir(dst))
			return "", usererr.New(codeOf(err), src, err, "无法复制草稿的照片文件夹 %s：%s。没有生成副本；请确认磁盘未满后重试。", filepath.Base(src), reasonOf(err))
		}
	}
	if err := forms.Save(dst, d, now); err != nil {
		os.RemoveAll(aftercare.FilesDir(dst))
		return "", err
	}
	return dst, nil
}

// copyFlatDir copies the regular files of folder src into a new folder dst
// (a draft's photo folder holds no subfolders).
func copyFlatDir(src, dst string) error {
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	if err := os.Mkdir(dst, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err != nil || info.Size() > aftercare.MaxStoredBytes {
			continue // no stored photo is that large: not copied, never read whole
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// displayName is how a draft file is named in the window.
func displayName(path string) string {
	return strings.TrimSuffix(filepath.Base(path), forms.DraftExt)
}

// draftTitle is how a draft is named in the window: its project's name,
// or its unit and category until the project has one, with the copy mark
// of its file name ("（副本）", " (2)") so copies are told apart.
func draftTitle(call *forms.Call, d *forms.Draft, path string) string {
	catName := "申报书"
	if d != nil {
		if c := call.Category(d.Category); c != nil {
			catName = c.ShortName
		}
	}
	var name string
	switch {
	case d == nil:
		return displayName(path)
	case strings.TrimSpace(d.Project.Name) != "":
		name = strings.TrimSpace(d.Project.Name)
	case strings.TrimSpace(d.Applicant.Name) != "":
		name = strings.TrimSpace(d.Applicant.Name) + "·" + catName
	default:
		name = "未命名的" + catName + "申报书"
	}
	return name + copyMark(displayName(path))
}

// copyMark is the part of a file name that marks a copy: "（副本）",
// "（副本2）", " (2)", or "".
func copyMark(stem string) string {
	mark := ""
	if i := strings.Index(stem, "（副本"); i >= 0 {
		mark = stem[i:]
		if j := strings.Index(mark, "）"); j >= 0 {
			mark = mark[:j+len("）")]
		}
	}
	if i := strings.LastIndex(stem, " ("); i >= 0 && strings.HasSuffix(stem, ")") {
		mark += stem[i:]
	}
	return mark
}

// draftTitleAt is draftTitle for a file not open.
func draftTitleAt(call *forms.Call, path string) string {
	d, err := forms.Load(path)
	if err != nil {
		return displayName(path)
	}
	return draftTitle(call, d, path)
}

// codeOf and reasonOf are a file-system failure's code and Chinese reason
// (usererr.Reason), or the message of an error that already is one.
func codeOf(err error) usererr.Code {
	if c := usererr.CodeOf(err); c != usererr.Unknown {
		return c
	}
	c, _ := usererr.Reason(err)
	return c
}

func reasonOf(err error) string {
	if usererr.CodeOf(err) != usererr.Unknown {
		return err.Error()
	}
	_, r := usererr.Reason(err)
	return r
}
