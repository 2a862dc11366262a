package submission

import (
	"archive/zip"
	"io"
	"path"
	"time"
)

// File is one file of the package: its name inside the folder and its bytes.
type File struct {
	Name string
	Data []byte
}

// WriteZip writes a .zip holding a folder called root with the files in it,
// so that unpacking gives the same folder. Names are stored as UTF-8 and
// archive/zip sets the "language encoding" flag (bit 11) for every name
// that is not plain ASCII, which Windows Explorer, 7-Zip, macOS and
// Linux's unzip honour, so Chinese names survive. Callers pass names made
// by SafeName; entries are compressed with Deflate and dated modified.
func WriteZip(w io.Writer, root string, files []File, modified time.Time) error {
	zw := zip.NewWriter(w)
	if _, err := zw.CreateHeader(&zip.FileHeader{Name: root + "/", Modified: modified}); err != nil {
		return err
	}
	for _, f := range files {
		fw, err := zw.CreateHeader(&zip.FileHeader{
			Name:     path.Join(root, f.Name),
			Method:   zip.Deflate,
			Modified: modified,
		})
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}
