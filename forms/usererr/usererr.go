// Package usererr is the program's one error type for failures a user has to
// act on: a stable code, a Chinese sentence that says what happened and what
// to do, the file concerned and the wrapped cause (for logs and errors.Is).
// The window and the command-line tools show Message; the cause is logged.
//
// It also turns file-system errors into the same Chinese reasons on every
// system (Reason), Windows error numbers included, and shortens values
// quoted in messages (Shorten).
package usererr

import (
	"errors"
	"fmt"
	"io/fs"
	"log"
	"strings"
	"unicode/utf8"
)

// Code is a stable name of a kind of failure, for tests and logs.
type Code string

// Codes. The file-system ones are what Reason finds; the others are set by
// the code that refuses something.
const (
	Unknown      Code = ""
	DiskFull     Code = "disk_full"
	ReadOnly     Code = "read_only"
	Permission   Code = "permission"
	NotExist     Code = "not_exist"
	Exist        Code = "exist"
	NameTooLong  Code = "name_too_long"
	InUse        Code = "in_use" // open in another program (Windows sharing or lock violation)
	IsDir        Code = "is_dir"
	Interrupted  Code = "interrupted"
	Corrupt      Code = "corrupt"       // a file that cannot be decoded
	Encoding     Code = "encoding"      // text not in UTF-8
	TooLarge     Code = "too_large"     // over one of the limits of docs/draft-format.md
	NewerVersion Code = "newer_version" // written by a newer program
	NotOurs      Code = "not_ours"      // not a file of this program
	BadImage     Code = "bad_image"
	Conflict     Code = "changed_on_disk" // another window or program saved the file meanwhile
	LinkLoop     Code = "link_loop"       // symbolic links that lead back to themselves
	NotSelected  Code = "not_selected"    // after-event material of a project not marked selected
	BadCall      Code = "bad_call"        // a call file refused (forms.CallError)
)

// Error is a failure with a Chinese message for the user.
type Error struct {
	Code    Code
	Path    string // the file or folder concerned; "" when none
	Message string // Chinese, for the user
	Err     error  // the cause, for logs; may be nil
}

func (e *Error) Error() string { return e.Message }
func (e *Error) Unwrap() error { return e.Err }

// New returns an Error with a formatted message.
func New(code Code, path string, cause error, format string, args ...any) *Error {
	return &Error{Code: code, Path: path, Err: cause, Message: fmt.Sprintf(format, args...)}
}

// Log writes what a person was shown and why to the program's log (the
// standard logger: the terminal, or nothing in a windowed build): the code,
// the file, the message and the cause, which the message does not show.
// An error of another type is logged as it is.
func Log(context string, err error) {
	if err == nil {
		return
	}
	var e *Error
	if errors.As(err, &e) {
		log.Printf("%s: [%s] %s: %s (cause: %v)", context, codeName(e.Code), e.Path, e.Message, e.Err)
		return
	}
	log.Printf("%s: %v", context, err)
}

func codeName(c Code) string {
	if c == Unknown {
		return "unknown"
	}
	return string(c)
}

// CodeOf is the code of the first *Error in err's chain, or Unknown.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Unknown
}

// Reason describes a file-system error in Chinese, with its code. The same
// failure gives the same words on Linux, macOS and Windows (reason_*.go map
// each system's error numbers). An error it does not know is described as
// 系统错误 with the system's own text, shortened.
func Reason(err error) (Code, string) {
	if c := sysCode(err); c != Unknown {
		return c, reasons[c]
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return NotExist, reasons[NotExist]
	case errors.Is(err, fs.ErrPermission):
		return Permission, reasons[Permission]
	case errors.Is(err, fs.ErrExist):
		return Exist, reasons[Exist]
	}
	return Unknown, "系统错误：" + Shorten(err.Error(), 120)
}

var reasons = map[Code]string{
	DiskFull:    "磁盘空间已满",
	ReadOnly:    "磁盘或文件夹是只读的",
	Permission:  "没有权限：文件或文件夹的权限设置不允许本程序读写它",
	NotExist:    "文件或文件夹不存在",
	Exist:       "同名文件已存在",
	NameTooLong: "文件名或路径太长",
	InUse:       "文件正被其他程序（例如Word或PDF阅读器）打开",
	IsDir:       "这是一个文件夹，不是文件",
	LinkLoop:    "它是一个快捷方式（符号链接），链接绕回了自己，指不到任何文件",
}

// Advice is what to do about a file-system failure of code c when writing,
// as a sentence ending in “。”.
func Advice(c Code) string {
	switch c {
	case DiskFull:
		return "请释放磁盘空间，或换一个磁盘保存。"
	case ReadOnly, Permission:
		return "请换一个可以写入的文件夹。"
	case NameTooLong:
		return "请换一个路径较短的文件夹，或缩短文件名。"
	case InUse:
		return "请先在那个程序中关闭该文件，再重试。"
	}
	return "请换一个文件夹，或释放磁盘空间后重试。"
}

// Shorten cuts s to at most max characters, ending it with “…” when it was
// longer, so that a message never repeats a whole pasted text. Invalid UTF-8
// is shown as U+FFFD; line breaks and tabs as spaces.
func Shorten(s string, max int) string {
	if max < 1 {
		max = 1
	}
	var b strings.Builder
	n := 0
	for i, r := range s {
		if n == max {
			if i < len(s) {
				b.WriteRune('…')
			}
			break
		}
		if r == utf8.RuneError {
			r = '\uFFFD'
		}
		if r == '\n' || r == '\r' || r == '\t' {
			r = ' '
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// QuoteLen is how many characters of a value a message quotes.
const QuoteLen = 40

// Quote is a value as quoted in a message: in “”, shortened to QuoteLen
// characters.
func Quote(s string) string { return "“" + Shorten(s, QuoteLen) + "”" }
