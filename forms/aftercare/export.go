package aftercare

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"shenbao/forms"
	"shenbao/forms/atomicfile"
	"shenbao/forms/submission"
	"shenbao/forms/usererr"
)

// Exported is one file written by ExportAll.
type Exported struct {
	Kind string // a ReportKinds kind, or "calendar"
	Path string
}

// CalendarKind names the .ics file among the exported files.
const CalendarKind = "calendar"

// ExportAll writes every after-event document of a selected draft into dir:
// each report of ReportKinds the call asks of the draft (in 2024 the
// results only of the speech competition's sub-venues) as PDF and DOCX, and the due dates as an .ics
// calendar. File names start with the project's name, made safe for every
// system. Each file is written whole to a temporary name first and renamed
// (forms/atomicfile), so an interrupted export leaves no half-written file
// under a real name: the files returned with an error are complete.
// draftPath locates the photos (FilesDir).
func ExportAll(dir string, call *forms.Call, d *forms.Draft, draftPath string, now time.Time) ([]Exported, error) {
	return ExportAllProgress(dir, call, d, draftPath, now, nil)
}

// ExportAllProgress is ExportAll telling progress, when it is not nil,
// before each file: its number from 1, the number of files, and its name.
func ExportAllProgress(dir string, call *forms.Call, d *forms.Draft, draftPath string, now time.Time, progress func(step, total int, name string)) ([]Exported, error) {
	if !d.IsSelected() {
		return nil, usererr.New(usererr.NotSelected, "", nil, "项目尚未标记入选：请先在“入选与会后材料”中标记入选并填写实际举办日期")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		code, reason := usererr.Reason(err)
		return nil, &usererr.Error{Code: code, Path: dir, Err: err, Message: fmt.Sprintf("无法创建文件夹 “%s”（%s）。%s", dir, reason, usererr.Advice(code))}
	}
	base := submission.SafeName(d.Project.Name, 40)
	photos := DraftPhotos(draftPath)
	var kinds []string
	for _, kind := range ReportKinds {
		// only what the call asks of this draft (the results: only the
		// speech competition's sub-venues in 2024)
		owed := forms.HasAfterItem(call, d, kind) || kind == forms.ItemSummary && forms.HasAfterItem(call, d, forms.ItemReview)
		if !owed {
			continue
		}
		kinds = append(kinds, kind)
	}
	// Earlier exports are never replaced (a .docx she edited included):
	// when any of the names is taken, the whole set gets " (2)", " (3)" …
	// as the submission package does.
	stems := make([]string, 0, len(kinds)+1)
	for _, kind := range kinds {
		stems = append(stems, base+"-"+submission.SafeName(ReportTitle(call, d, kind), 30))
	}
	stems = append(stems, base+"-报送日程")
	suffix := freeSuffix(dir, stems, []string{".pdf", ".docx", ".ics"})
	total, step := 2*len(kinds)+1, 0
	tell := func(name string) {
		step++
		if progress != nil {
			progress(step, total, name)
		}
	}
	var out []Exported
	for _, kind := range kinds {
		for _, w := range []struct {
			ext   string
			write func(io.Writer, string, *forms.Call, *forms.Draft, PhotoLoader, time.Time) error
		}{{".pdf", WritePDF}, {".docx", WriteDOCX}} {
			tell(submission.SafeName(ReportTitle(call, d, kind), 30) + w.ext)
			var buf bytes.Buffer
			if err := w.write(&buf, kind, call, d, photos, now); err != nil {
				return out, err
			}
			p := filepath.Join(dir, base+"-"+submission.SafeName(ReportTitle(call, d, kind), 30)+suffix+w.ext)
			if err := writeFile(p, buf.Bytes()); err != nil {
				return out, err
			}
			out = append(out, Exported{Kind: kind, Path: p})
		}
	}
	tell("报送日程.ics")
	var buf bytes.Buffer
	if err := Calendar(&buf, call, d, now); err != nil {
		return out, err
	}
	p := filepath.Join(dir, base+"-报送日程"+suffix+".ics")
	if err := writeFile(p, buf.Bytes()); err != nil {
		return out, err
	}
	return append(out, Exported{Kind: CalendarKind, Path: p}), nil
}

// writeFile writes one exported file with forms/atomicfile: whole or not at
// all, with ordinary permissions, never over an existing file or through a
// link; the message names the real cause (a full disk is not blamed on
// Word).
func writeFile(path string, data []byte) error {
	return atomicfile.WriteFile(path, data, atomicfile.Options{Perm: 0o666, NoReplace: true})
}

// freeSuffix is "" when no stem+ext is taken in dir (a file, folder or
// link of that name), else the first " (n)", n ≥ 2, for which none is.
func freeSuffix(dir string, stems, exts []string) string {
	for n := 1; ; n++ {
		suffix := ""
		if n > 1 {
			suffix = fmt.Sprintf(" (%d)", n)
		}
		free := true
		for _, s := range stems {
			for _, e := range exts {
				if _, err := os.Lstat(filepath.Join(dir, s+suffix+e)); err == nil {
					free = false
				}
			}
		}
		if free || n > 9999 {
			return suffix
		}
	}
}
