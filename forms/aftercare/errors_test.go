package aftercare

import (
	"errors"
	"os"
	"strings"
	"syscall"
	"testing"

	"shenbao/forms"
	"shenbao/forms/atomicfile"
	"shenbao/forms/usererr"
)

// TestBrokenStoredPhoto: a stored photo that is no longer a JPEG used to
// reach the PDF writer and print only “image: unknown format”.
func TestBrokenStoredPhoto(t *testing.T) {
	d, draft := withPhotos(t)
	if err := os.WriteFile(PhotoPath(draft, d.Reports.Info.Photos[1]), []byte("not a jpeg any more"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Report(forms.ItemReport, forms.Default(), d, DraftPhotos(draft), generated)
	var pe *PhotoError
	if !errors.As(err, &pe) || pe.Code != usererr.BadImage || !strings.Contains(pe.Message, "已损坏") || !strings.Contains(pe.Message, d.Reports.Info.Photos[1].File) || strings.Contains(pe.Message, "unknown format") {
		t.Errorf("broken photo: %v", err)
	}
}

// TestExportDiskFull: the message names the full disk, not Word, and the
// files written before it are whole.
func TestExportDiskFull(t *testing.T) {
	d, draft := withPhotos(t)
	n := 0
	atomicfile.BeforeRename = func(string) error {
		if n++; n > 2 {
			return &os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}
		}
		return nil
	}
	defer func() { atomicfile.BeforeRename = nil }()
	files, err := ExportAll(t.TempDir(), forms.Default(), d, draft, generated)
	if usererr.CodeOf(err) != usererr.DiskFull || !strings.Contains(err.Error(), "磁盘空间已满") || strings.Contains(err.Error(), "Word") {
		t.Errorf("full disk: %v", err)
	}
	if len(files) != 2 {
		t.Fatalf("%d files reported written", len(files))
	}
	for _, f := range files {
		if st, err := os.Stat(f.Path); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f.Path, err)
		}
	}
}
