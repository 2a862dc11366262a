package submission

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"shenbao/forms"
	"shenbao/forms/atomicfile"
	"shenbao/forms/docx"
	"shenbao/forms/layout"
	"shenbao/forms/pdfdoc"
	"shenbao/forms/usererr"
)

// maxCopies bounds the " (n)" suffixes Build tries in one output folder.
const maxCopies = 99

// Result is what Build wrote: the folder and the .zip next to it (absolute
// paths), the names used, and the full path of every file in the folder.
type Result struct {
	Dir, Zip string
	Names    Names
	Files    []string // in Names.Files() order
}

// Path is the full path of a file of the folder, by its name.
func (r *Result) Path(name string) string {
	if name == "" {
		return ""
	}
	return filepath.Join(r.Dir, name)
}

// Error is a failure to build a package, with a Chinese sentence that says
// what happened and what to do. Nothing half-written is left behind. It is
// the program's one user-facing error type (usererr.Error).
type Error = usererr.Error

// Progress is told, before each step, its number (from 1), the number of
// steps and what is being done, in Chinese. The window shows it (through
// fyne.Do, since Build runs off the UI goroutine).
type Progress func(step, total int, what string)

// Writers are the document writers a package is made with.
type Writers struct {
	ApplicationPDF  func(w io.Writer, call *forms.Call, d *forms.Draft, generated time.Time) error
	ApplicationDOCX func(w io.Writer, call *forms.Call, d *forms.Draft, generated time.Time) error
	DocumentPDF     func(w io.Writer, doc *layout.Document) error
	// DocumentDOCX writes a declared document after the application (nil:
	// the docx writer).
	DocumentDOCX func(w io.Writer, doc *layout.Document) error
}

// DefaultWriters are the program's writers: forms/pdfdoc and forms/docx.
func DefaultWriters() Writers {
	return Writers{ApplicationPDF: pdfdoc.Application, ApplicationDOCX: docx.Application, DocumentPDF: pdfdoc.Document}
}

// Build writes the submission package of a draft into outDir (created if
// missing): a folder named BaseName with the application (.pdf, .docx),
// the checklist, the envelope label and, unless the draft is confidential,
// the e-mail draft; and a .zip of that folder next to it. now is the
// generation time printed in the documents' fingerprint.
//
// A previous export is never overwritten: when the folder or the .zip of
// that name already exists, the package gets the next free suffix, " (2)",
// " (3)" … (as Windows names a second copy), so an export already printed
// or sent stays as it was. Everything is rendered in memory first; a failure
// while writing removes what this call created.
func Build(outDir string, call *forms.Call, d *forms.Draft, now time.Time) (*Result, error) {
	return DefaultWriters().Build(outDir, call, d, now, nil)
}

// Build is the package-level Build with these writers and an optional
// progress callback.
func (wr Writers) Build(outDir string, call *forms.Call, d *forms.Draft, now time.Time, progress Progress) (*Result, error) {
	if progress == nil {
		progress = func(int, int, string) {}
	}
	names := NamesFor(call, d, 1)
	total := 7 + 2*max(len(call.Documents)-1, 0)
	if names.EML == "" {
		total--
	}
	step := 0
	next := func(what string) {
		step++
		progress(step, total, what)
	}
	render := func(what string, f func(w io.Writer) error) ([]byte, error) {
		next("正在生成" + what)
		var buf bytes.Buffer
		if err := f(&buf); err != nil {
			return nil, &Error{Err: err, Message: fmt.Sprintf("无法生成%s：%s。没有写入任何文件；草稿没有改动。", what, usererr.Shorten(err.Error(), 200))}
		}
		return buf.Bytes(), nil
	}
	pdf, err := render("申报书PDF", func(w io.Writer) error { return wr.ApplicationPDF(w, call, d, now) })
	if err != nil {
		return nil, err
	}
	doc, err := render("申报书Word文档", func(w io.Writer) error { return wr.ApplicationDOCX(w, call, d, now) })
	if err != nil {
		return nil, err
	}
	list, err := render("报送清单", func(w io.Writer) error { return wr.DocumentPDF(w, Checklist(call, d, names, now)) })
	if err != nil {
		return nil, err
	}
	env, err := render("邮寄地址标签", func(w io.Writer) error { return wr.DocumentPDF(w, Envelope(call, d)) })
	if err != nil {
		return nil, err
	}
	content := map[string][]byte{names.PDF: pdf, names.DOCX: doc, names.Checklist: list, names.Envelope: env}
	// The call's other documents (附件2 …), each as PDF and Word file.
	if extra := names.Extra(); len(extra) > 0 {
		docxOf := wr.DocumentDOCX
		if docxOf == nil {
			docxOf = docx.Document
		}
		docs := layout.Documents(call, d, now)
		for i, x := range extra {
			ld := docs[i+1]
			if content[x.PDF], err = render(x.Title+"PDF", func(w io.Writer) error { return wr.DocumentPDF(w, ld) }); err != nil {
				return nil, err
			}
			if content[x.DOCX], err = render(x.Title+"Word文档", func(w io.Writer) error { return docxOf(w, ld) }); err != nil {
				return nil, err
			}
		}
	}
	if names.EML != "" {
		m := NewMail(call, d, names.DOCX, doc, now)
		for _, x := range names.Extra() {
			if x.Email {
				m.More = append(m.More, Attachment{Name: x.DOCX, Type: DocxType, Data: content[x.DOCX]})
			}
		}
		eml, err := render("邮件草稿", func(w io.Writer) error { return WriteEML(w, m) })
		if err != nil {
			return nil, err
		}
		content[names.EML] = eml
	}

	next("正在写入文件夹")
	abs, err := filepath.Abs(outDir)
	if err != nil {
		abs = outDir
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return nil, diskError(err, "无法建立文件夹 "+abs)
	}
	names, dir, err := reserve(abs, call, d)
	if err != nil {
		return nil, err
	}
	res := &Result{Dir: dir, Zip: filepath.Join(abs, names.Zip), Names: names}
	var files []File
	for _, name := range names.Files() {
		p := filepath.Join(dir, name)
		if err := writeNew(p, content[name]); err != nil {
			os.RemoveAll(dir)
			return nil, diskError(err, "无法写入 "+p)
		}
		res.Files = append(res.Files, p)
		files = append(files, File{Name: name, Data: content[name]})
	}

	next("正在打包zip文件")
	if err := writeZipFile(res.Zip, names.Dir, files, now); err != nil {
		os.RemoveAll(dir)
		return nil, diskError(err, "无法写入 "+res.Zip)
	}
	return res, nil
}

// reserve creates the package's folder under the first free name: the
// folder is made with os.Mkdir, which fails when the name exists, so two
// exports can never write into one folder; a name whose .zip exists is
// skipped too.
func reserve(outDir string, call *forms.Call, d *forms.Draft) (Names, string, error) {
	for n := 1; n <= maxCopies; n++ {
		names := NamesFor(call, d, n)
		if _, err := os.Lstat(filepath.Join(outDir, names.Zip)); err == nil {
			continue
		}
		dir := filepath.Join(outDir, names.Dir)
		err := os.Mkdir(dir, 0o755)
		if err == nil {
			return names, dir, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return Names{}, "", diskError(err, "无法建立文件夹 "+dir)
		}
	}
	return Names{}, "", &Error{Message: fmt.Sprintf("文件夹 %s 中已有%d份“%s”的导出，请删除不用的旧导出，或换一个文件夹导出。", outDir, maxCopies, BaseName(call, d))}
}

// writeNew writes a file that must not exist yet (forms/atomicfile: synced,
// whole or not at all, ordinary permissions).
func writeNew(path string, data []byte) error {
	return atomicfile.WriteFile(path, data, atomicfile.Options{NoReplace: true})
}

// writeZipFile writes the .zip through forms/atomicfile, so no half-written
// .zip is ever seen under its name, and never over an existing one.
func writeZipFile(path, root string, files []File, modified time.Time) error {
	var buf bytes.Buffer
	if err := WriteZip(&buf, root, files, modified); err != nil {
		return err
	}
	return writeNew(path, buf.Bytes())
}

// diskError describes a file-system failure in Chinese, with the same
// reasons on every system (usererr.Reason).
func diskError(err error, what string) error {
	var ue *usererr.Error
	if errors.As(err, &ue) && ue.Err != nil {
		err = ue.Err // the cause, under atomicfile's message
	}
	code, reason := usererr.Reason(err)
	// Nothing written is left behind (a folder begun is removed), and
	// when the folder could not be made nothing was written at all.
	return &Error{Code: code, Err: err, Message: fmt.Sprintf("%s（%s）。没有留下写了一半的文件，草稿没有改动；%s", what, reason, usererr.Advice(code))}
}
