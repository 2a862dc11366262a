package app

import (
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // stored photos are JPEG or PNG
	_ "image/png"
	"path/filepath"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/platform"
	"shenbao/app/widgets"
	"shenbao/forms"
	"shenbao/forms/aftercare"
)

// infoScreen edits the information report (信息报道稿): title, text with a
// live character counter against the call's limit, and 1–3 photos with
// captions, imported through package aftercare.
type infoScreen struct {
	env     *reportEnv
	content fyne.CanvasObject

	title     *widgets.Entry
	body      *widgets.Entry
	author    *widgets.Entry // 撰稿人
	counter   *widgets.Label
	photos    *fyne.Container
	addBtn    *widget.Button
	photoMsg  *widget.Label // why the last photo was refused
	findings  *widget.Label
	captions  []*widgets.Entry
	busy      *fyne.Container        // "正在导入照片…" while an import runs
	busyLabel *widget.Label          // how many photos the import takes
	busyBar   *widget.ProgressBar    // photos imported so far
	thumbs    map[string]image.Image // by photo file, made while importing
	importer  func(draftPath, src string) (forms.Photo, error)
}

func newInfoScreen(env *reportEnv) *infoScreen {
	s := &infoScreen{env: env, importer: aftercare.ImportPhoto, thumbs: map[string]image.Image{}}
	in := &env.d.EnsureReports().Info
	s.title = widgets.NewEntry()
	s.title.SetPlaceHolder("如：" + env.d.Project.Name + "在" + env.d.Project.City + "召开")
	s.title.SetText(in.Title)
	s.title.OnChanged = func(t string) { in.Title = t; s.edited() }
	s.body = widgets.NewMultiLineEntry()
	s.body.Wrapping = fyne.TextWrapWord
	s.body.SetMinRowsVisible(12)
	s.body.SetPlaceHolder("时间、地点、主题、参会人数、主要内容和成效……")
	s.body.SetText(in.Text)
	s.counter = widgets.NewSecondaryLabel("")
	s.counter.Alignment = fyne.TextAlignTrailing
	s.body.OnChanged = func(t string) {
		in.Text = t
		s.refreshCounter()
		s.edited()
	}
	s.author = widgets.NewEntry()
	s.author.SetPlaceHolder("写稿人姓名；留空则打印一条横线，手写")
	s.author.SetText(in.Author)
	s.author.OnChanged = func(t string) { in.Author = t; s.edited() }
	s.photoMsg = newNote()
	s.photoMsg.Importance = widget.DangerImportance
	s.photoMsg.Hide()
	s.findings = newNote()
	s.photos = container.NewVBox()
	s.addBtn = widget.NewButtonWithIcon("添加照片…", theme.ContentAddIcon(), s.onAdd)
	// A bar that moves once per photo, not an endless one: Fyne's endless
	// bar animates from the moment it is first drawn, hidden or not, and
	// every animation frame repaints the whole window.
	s.busyLabel = widget.NewLabel("")
	s.busyBar = widget.NewProgressBar()
	s.busyBar.TextFormatter = func() string { return fmt.Sprintf("%.0f / %.0f", s.busyBar.Value, s.busyBar.Max) }
	s.busy = container.NewBorder(nil, nil, s.busyLabel, nil, s.busyBar)
	s.busy.Hide()
	lo, hi := forms.PhotoLimits(env.call)
	count := "照片"
	if hi > 0 {
		count = fmt.Sprintf("附%d-%d张照片", lo, hi)
		if lo == hi {
			count = fmt.Sprintf("附%d张照片", hi)
		}
	}
	hint := widgets.NewSecondaryLabel(fmt.Sprintf("%s，JPEG或PNG；超过2000像素的照片导入时自动缩小，手机照片的方向自动摆正。照片保存在草稿旁的文件夹 “%s” 中。", count, displayFiles(env.draftPath)))
	hint.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout(), widget.NewLabel("标题"), s.title,
		widget.NewLabel("正文"), container.NewBorder(nil, s.counter, nil, nil, s.body),
		widget.NewLabel("撰稿人"), s.author)
	s.content = container.NewVBox(form, widget.NewSeparator(),
		container.NewBorder(nil, nil, widget.NewLabelWithStyle("照片", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), s.addBtn),
		hint, s.busy, s.photoMsg, s.photos, s.findings)
	s.refreshCounter()
	s.refreshPhotos()
	return s
}

func displayFiles(draftPath string) string {
	if draftPath == "" {
		return "（保存草稿后确定）"
	}
	return filepath.Base(aftercare.FilesDir(draftPath))
}

func (s *infoScreen) edited() {
	s.env.edited()
	setNote(s.findings, s.env.findingsFor("after.report_"))
}

func (s *infoScreen) refreshCounter() {
	text, over := forms.CharCounter(s.env.d.Reports.Info.Text, forms.ReportMaxChars(s.env.call))
	s.counter.SetText(text)
	if over {
		s.counter.Importance = widget.DangerImportance
	} else {
		s.counter.Importance = widget.LowImportance
	}
	s.counter.Refresh()
}

func (s *infoScreen) onAdd() {
	if s.env.draftPath == "" {
		s.showPhotoError("请先保存草稿：照片保存在草稿文件旁边的文件夹中。")
		return
	}
	chooseIn(s.env.win, s.env.native, platform.FileRequest{Title: "添加照片", Kind: "照片（JPEG、PNG）", Exts: []string{".jpg", ".jpeg", ".png"}}, func(path string) {
		s.importPaths([]string{path})
	})
}

// importPaths imports photo files in order, up to the call's maximum, in
// the background (reading, turning and scaling a 12-megapixel photo takes
// a few hundred milliseconds), at a lower priority than the window
// (platform.GoBackground): the window stays responsive, the photos appear when
// ready. The first refusal is shown and stops the import. The
// returned channel is closed once the screen shows the result.
func (s *infoScreen) importPaths(paths []string) <-chan struct{} {
	done := make(chan struct{})
	in := &s.env.d.Reports.Info
	_, hi := forms.PhotoLimits(s.env.call)
	have := len(in.Photos)
	draftPath, importer := s.env.draftPath, s.importer
	s.photoMsg.Hide()
	s.addBtn.Disable()
	n := len(paths)
	if hi > 0 {
		n = max(0, min(n, hi-have))
	}
	if n > 0 { // none: the refusal says why at once
		s.busyLabel.SetText(fmt.Sprintf("正在导入照片（共%d张）…", n))
		s.busyBar.Max = float64(n)
		s.busyBar.SetValue(0)
		s.busy.Show()
	}
	platform.GoBackground(func() {
		defer close(done)
		var got []forms.Photo
		var thumbs []thumbAt
		msg := ""
		for _, p := range paths {
			if hi > 0 && have+len(got) >= hi {
				msg = fmt.Sprintf("信息报道稿最多附%d张照片；要换照片，请先删去一张。", hi)
				break
			}
			ph, err := importer(draftPath, p)
			if err != nil {
				var pe *aftercare.PhotoError
				if errors.As(err, &pe) {
					msg = pe.Message
				} else {
					msg = "照片无法导入：" + err.Error()
				}
				break
			}
			got = append(got, ph)
			// The thumbnail is made here too, not by the renderer on the
			// UI goroutine; and the decoded photo's memory goes back to
			// the system before the next one is read.
			if t := makeThumb(aftercare.PhotoPath(draftPath, ph)); t != nil {
				thumbs = append(thumbs, thumbAt{ph.File, t})
			}
			debug.FreeOSMemory()
			k := float64(len(got))
			onUI("photo import: move the bar", func() { s.busyBar.SetValue(k) })
		}
		onUIWait("photo import: show the photos", func() {
			s.busy.Hide()
			for _, t := range thumbs {
				s.thumbs[t.file] = t.img
			}
			in.Photos = append(in.Photos, got...)
			if msg != "" {
				s.showPhotoError(msg)
			}
			s.refreshPhotos()
			s.edited()
		})
	})
	return done
}

func (s *infoScreen) showPhotoError(msg string) {
	s.photoMsg.SetText(msg)
	s.photoMsg.Show()
}

// refreshPhotos rebuilds the photo rows: thumbnail, caption, move, remove.
func (s *infoScreen) refreshPhotos() {
	in := &s.env.d.Reports.Info
	s.photos.RemoveAll()
	s.captions = nil
	_, hi := forms.PhotoLimits(s.env.call)
	if hi > 0 && len(in.Photos) >= hi {
		s.addBtn.Disable()
	} else {
		s.addBtn.Enable()
	}
	for i := range in.Photos {
		i := i
		ph := &in.Photos[i]
		var thumb fyne.CanvasObject = widget.NewLabel("（找不到照片文件）")
		if t := s.thumbs[ph.File]; t != nil {
			img := canvas.NewImageFromImage(t)
			img.FillMode = canvas.ImageFillContain
			img.SetMinSize(fyne.NewSize(thumbW, thumbH))
			thumb = img
		} else if s.env.draftPath != "" {
			img := canvas.NewImageFromFile(aftercare.PhotoPath(s.env.draftPath, *ph))
			img.FillMode = canvas.ImageFillContain
			img.SetMinSize(fyne.NewSize(thumbW, thumbH))
			thumb = img
		}
		caption := widgets.NewEntry()
		caption.SetPlaceHolder("照片说明，如：开幕式现场")
		caption.SetText(ph.Caption)
		caption.OnChanged = func(t string) { in.Photos[i].Caption = t; s.edited() }
		s.captions = append(s.captions, caption)
		remove := widget.NewButtonWithIcon("删去", theme.DeleteIcon(), func() {
			in.Photos = append(in.Photos[:i], in.Photos[i+1:]...)
			s.refreshPhotos()
			s.edited()
		})
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() {
			in.Photos[i-1], in.Photos[i] = in.Photos[i], in.Photos[i-1]
			s.refreshPhotos()
			s.edited()
		})
		if i == 0 {
			up.Disable()
		}
		info := widgets.NewSecondaryLabel(fmt.Sprintf("图%d · %d×%d · %s", i+1, ph.Width, ph.Height, ph.Original))
		s.photos.Add(container.NewBorder(nil, nil, thumb, container.NewHBox(up, remove), container.NewVBox(info, caption)))
	}
	s.photos.Refresh()
}

// thumbW×thumbH is the size of a photo's thumbnail on the screen.
const thumbW, thumbH = 160, 120

type thumbAt struct {
	file string
	img  image.Image
}

// makeThumb reads a stored photo and scales it to twice the thumbnail's
// size (sharp on a high-density screen); nil when it cannot be read. The
// stored photo is read as carefully as an imported one (aftercare.Thumbnail:
// a regular file, its size and picture size bounded, decoded scaled).
func makeThumb(path string) image.Image {
	img, err := aftercare.ThumbnailFile(path, 2*thumbW, 2*thumbH)
	if err != nil {
		return nil
	}
	return img
}
