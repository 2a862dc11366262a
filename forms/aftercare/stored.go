package aftercare

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/image/draw"

	"shenbao/forms"
	scaledjpeg "shenbao/forms/third_party/jpeg"
	"shenbao/forms/usererr"
)

// Limits of a photo stored beside a draft (in its .files folder). The
// program stores JPEGs of at most MaxLongSide pixels a side, a few MB; the
// folder travels with the draft, so what is in it is read as carefully as
// a photo being imported: a regular file only (no link, no FIFO or
// device), its size and its picture's size read before anything else.
const (
	MaxStoredBytes = 20 << 20
	MaxStoredSide  = 2 * MaxLongSide
)

// ErrNotRegular is the cause when a stored photo's name is a link, a
// folder, a FIFO or a device.
var ErrNotRegular = errors.New("not a regular file")

// readStored reads a stored photo's bytes: a regular file (the name itself,
// not a link's target) of at most MaxStoredBytes, a JPEG (by content) of at
// most MaxStoredSide pixels a side. Messages name the file and its folder.
func readStored(path string) ([]byte, image.Config, error) {
	name, folder := filepath.Base(path), filepath.Base(filepath.Dir(path))
	bad := func(code usererr.Code, cause error, why string) ([]byte, image.Config, error) {
		return nil, image.Config{}, &PhotoError{Code: code, Path: name, Err: cause, Message: fmt.Sprintf("照片文件 “%s”（在文件夹 “%s” 中）%s。请在“信息报道稿”中删去这张照片，再重新导入原来的照片。", name, folder, why)}
	}
	st, err := os.Lstat(path)
	if err != nil {
		return nil, image.Config{}, &PhotoError{Code: usererr.NotExist, Path: name, Err: err, Message: fmt.Sprintf("找不到照片文件 “%s”（应在草稿旁的文件夹 “%s” 中）。复制或移动草稿时，请把这个文件夹一起复制；也可以删去这张照片后重新导入。", name, folder)}
	}
	if !st.Mode().IsRegular() {
		return bad(usererr.NotOurs, ErrNotRegular, "不是普通文件（"+fileKind(st.Mode())+"），程序没有读它")
	}
	if st.Size() > MaxStoredBytes {
		return bad(usererr.TooLarge, ErrFileSize, fmt.Sprintf("有%.0f MB，程序保存的照片不会超过%d MB，没有读它", float64(st.Size())/(1<<20), MaxStoredBytes>>20))
	}
	f, err := os.Open(path)
	if err != nil {
		code, reason := usererr.Reason(err)
		return bad(code, err, "无法读取（"+reason+"）")
	}
	defer f.Close()
	if st2, err := f.Stat(); err != nil || !os.SameFile(st, st2) {
		return bad(usererr.NotOurs, ErrNotRegular, "在读取时被替换了，程序没有读它")
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxStoredBytes+1))
	if err != nil {
		code, reason := usererr.Reason(err)
		return bad(code, err, "无法读取（"+reason+"）")
	}
	if len(data) > MaxStoredBytes {
		return bad(usererr.TooLarge, ErrFileSize, fmt.Sprintf("超过%d MB，没有读它", MaxStoredBytes>>20))
	}
	if format, other := sniff(data); format != "jpeg" {
		if format != "" {
			other = "PNG图片"
		}
		return bad(usererr.BadImage, ErrNotImage, "已损坏或被替换：按文件内容判断，它不是程序保存的JPEG照片，而是"+other+"，无法放入文档")
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return bad(usererr.BadImage, fmt.Errorf("%w: %v", ErrTruncated, err), "已损坏，不是完整的JPEG图片，无法放入文档")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxStoredSide || cfg.Height > MaxStoredSide {
		return bad(usererr.TooLarge, ErrTooLarge, fmt.Sprintf("的尺寸为%d×%d像素，程序保存的照片每边不超过%d像素，没有读它", cfg.Width, cfg.Height, MaxLongSide))
	}
	return data, cfg, nil
}

// fileKind names what a file that is not a regular one is.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "是一个快捷方式（符号链接）"
	case m.IsDir():
		return "是一个文件夹"
	case m&fs.ModeNamedPipe != 0:
		return "是一个管道（FIFO）"
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return "是一个设备"
	case m&fs.ModeSocket != 0:
		return "是一个套接字"
	}
	return "是特殊文件"
}

// Thumbnail reads a stored photo (readStored's checks) and returns it
// scaled to fit w×h pixels. A JPEG is decoded at 1/2, 1/4 or 1/8 of its
// size when that still covers w×h, so a thumbnail never holds the whole
// picture.
func Thumbnail(draftPath string, p forms.Photo, w, h int) (image.Image, error) {
	return ThumbnailFile(PhotoPath(draftPath, p), w, h)
}

// ThumbnailFile is Thumbnail of a stored photo's path.
func ThumbnailFile(path string, w, h int) (image.Image, error) {
	data, cfg, err := readStored(path)
	if err != nil {
		return nil, err
	}
	shift := uint(0)
	for shift < 3 && cfg.Width>>(shift+1) >= w && cfg.Height>>(shift+1) >= h {
		shift++
	}
	src, err := scaledjpeg.DecodeScaled(bytes.NewReader(data), shift)
	if err != nil {
		_, _, err = readStoredBroken(path, err)
		return nil, err
	}
	b := src.Bounds()
	k := min(float64(w)/float64(b.Dx()), float64(h)/float64(b.Dy()), 1)
	dst := image.NewRGBA(image.Rect(0, 0, max(1, int(float64(b.Dx())*k)), max(1, int(float64(b.Dy())*k))))
	draw.ApproxBiLinear.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	return dst, nil
}

// readStoredBroken is the error of a stored photo whose pixels do not
// decode.
func readStoredBroken(path string, cause error) ([]byte, image.Config, error) {
	name, folder := filepath.Base(path), filepath.Base(filepath.Dir(path))
	return nil, image.Config{}, &PhotoError{Code: usererr.BadImage, Path: name, Err: fmt.Errorf("%w: %v", ErrTruncated, cause), Message: fmt.Sprintf("照片文件 “%s”（在文件夹 “%s” 中）已损坏，不是完整的JPEG图片。请在“信息报道稿”中删去这张照片，再重新导入原来的照片。", name, folder)}
}
