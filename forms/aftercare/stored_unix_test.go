//go:build unix

package aftercare

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"shenbao/forms"
)

// TestStoredPhotoFIFO: `shenbao reports` hung on a FIFO named like a stored
// photo; it is refused without being opened.
func TestStoredPhotoFIFO(t *testing.T) {
	draft, _ := storedAt(t, "x", nil)
	if err := syscall.Mkfifo(filepath.Join(FilesDir(draft), "photo-fifo.jpg"), 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := ReadPhoto(draft, forms.Photo{File: "photo-fifo.jpg"})
		done <- err
	}()
	select {
	case err := <-done:
		refusedWith(t, err, ErrNotRegular, "管道")
	case <-time.After(10 * time.Second):
		t.Fatal("reading a FIFO hung")
	}
	// nor is a FIFO chosen for import opened
	go func() {
		_, err := ImportPhoto(draft, filepath.Join(FilesDir(draft), "photo-fifo.jpg"))
		done <- err
	}()
	select {
	case err := <-done:
		refusedWith(t, err, ErrNotRegular, "管道")
	case <-time.After(10 * time.Second):
		t.Fatal("importing a FIFO hung")
	}
}
