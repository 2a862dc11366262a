package submission

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"shenbao/forms"
)

// MaxNameRunes caps every file or folder name this package makes. 80 CJK
// characters are 240 bytes of UTF-8, which leaves room for a suffix such as
// "（2）" and ".zip" below the 255-byte limit of Linux and macOS file
// systems; Windows counts 255 UTF-16 units.
const MaxNameRunes = 80

// fallbackName is used when nothing printable is left of a name.
const fallbackName = "未命名"

// windowsReserved maps the characters Windows forbids in file names to
// their full-width forms, which Windows allows and which read the same to a
// Chinese user (a project called "研讨会：未来" keeps its colon).
var windowsReserved = map[rune]rune{
	'<': '＜', '>': '＞', ':': '：', '"': '＂', '/': '／', '\\': '＼', '|': '｜', '?': '？', '*': '＊',
}

// SafeName turns user text into one file or folder name that is valid on
// Windows, macOS and Linux: reserved characters <>:"/\|?* become their
// full-width forms (so no path separator survives), control and invisible
// format characters (including bidirectional overrides) are removed, runs of
// white space become one space, leading and trailing spaces and dots are
// trimmed, a reserved device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with
// or without an extension) gets a "_" in front, and the result is cut to
// maxRunes characters (MaxNameRunes when maxRunes <= 0). A name with nothing
// left becomes "未命名".
func SafeName(s string, maxRunes int) string {
	if maxRunes <= 0 {
		maxRunes = MaxNameRunes
	}
	var b strings.Builder
	space := false
	for _, r := range strings.ToValidUTF8(s, "") {
		if f, ok := windowsReserved[r]; ok {
			r = f
		}
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Co, r), r == utf8.RuneError:
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	name := trimName(b.String())
	if rs := []rune(name); len(rs) > maxRunes {
		name = trimName(string(rs[:maxRunes]))
	}
	if name == "" {
		return fallbackName
	}
	if isDeviceName(name) {
		name = "_" + name
		if rs := []rune(name); len(rs) > maxRunes {
			name = trimName(string(rs[:maxRunes]))
		}
	}
	return name
}

// trimName removes what Windows drops or hides at the ends of a name:
// spaces and dots (a leading dot also hides a file on macOS and Linux).
func trimName(s string) string {
	return strings.Trim(s, " .")
}

// isDeviceName reports whether Windows treats the name as a device: the
// part before the first dot, with trailing spaces removed, is CON, PRN, AUX,
// NUL, COM0–9 or LPT0–9 (also with superscript digits ¹²³), any case.
func isDeviceName(name string) bool {
	base, _, _ := strings.Cut(name, ".")
	base = strings.ToUpper(strings.TrimRight(base, " "))
	switch base {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if rs := []rune(base); len(rs) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) {
		d := rs[3]
		return d >= '0' && d <= '9' || d == '¹' || d == '²' || d == '³'
	}
	return false
}

// projectPart is the project's name without a leading category name: the
// forum sample "第十一届吉林省科协研究生论坛——新材料与绿色化工专题" gives
// "新材料与绿色化工专题", since the category is already in the folder name.
func projectPart(cat *forms.Category, project string) string {
	project = strings.TrimSpace(project)
	if cat != nil && cat.Name != "" && strings.HasPrefix(project, cat.Name) {
		rest := strings.TrimLeft(strings.TrimPrefix(project, cat.Name), " -—–－_·:：、")
		if rest != "" {
			return rest
		}
	}
	return project
}

// categoryShort is the category's short name (e.g. 研究生论坛), or its ID
// when the call does not know it.
func categoryShort(call *forms.Call, d *forms.Draft) string {
	cat := call.Category(d.Category)
	if cat == nil {
		return d.Category
	}
	name := cat.ShortName
	if name == "" {
		name = cat.Name
	}
	if v := cat.Venue(d.Venue); v != nil {
		name += v.Name
	}
	return name
}

// BaseName is the name of the package's folder (and of its .zip without the
// extension): unit, category and project joined by "-", e.g.
// "吉林省化学会-研究生论坛-新材料与绿色化工专题". The project part is left out
// when the category part already says it (the speech competition's
// "农科分赛场"). Unit and project are cut so that the whole stays within
// baseRunes, leaving room for a " (2)" suffix and ".zip".
func BaseName(call *forms.Call, d *forms.Draft) string {
	unit := SafeName(d.Applicant.Name, 30)
	cat := SafeName(categoryShort(call, d), 16)
	parts := []string{unit, cat}
	p := SafeName(projectPart(call.Category(d.Category), d.Project.Name), baseRunes)
	if p != fallbackName && !strings.Contains(cat, p) {
		parts = append(parts, SafeName(p, baseRunes-utf8.RuneCountInString(unit)-utf8.RuneCountInString(cat)-2))
	}
	return SafeName(strings.Join(parts, "-"), baseRunes)
}

// baseRunes caps BaseName: MaxNameRunes less room for " (99)" and ".zip".
const baseRunes = MaxNameRunes - 10

// ApplicationName is the file name (without extension) of the application
// .docx and .pdf, the call's first document: "<title>-单位-类别"
// ("项目申报书-吉林省化学会-研究生论坛", "附件1 主题申请表-…"). Unit and category
// identify an application uniquely, since a unit may apply only once per
// category (通知 二、2); it is also the attachment's name in the e-mail, so
// the department can tell the files apart.
func ApplicationName(call *forms.Call, d *forms.Draft) string {
	title := "项目申报书" // a call built in memory with no documents
	if len(call.Documents) > 0 {
		title = SafeName(call.Expand(call.Documents[0].Title, call.Category(d.Category)), 30)
	}
	return SafeName(title+"-"+SafeName(d.Applicant.Name, 40)+"-"+SafeName(categoryShort(call, d), 20), MaxNameRunes)
}

// Subject is the e-mail's subject: "【学术交流项目申报】单位—类别—项目名称",
// the words in 【】 the call's mail_subject ("项目申报" when it has none).
func Subject(call *forms.Call, d *forms.Draft) string {
	head := "项目申报"
	if call.MailSubject != "" {
		head = oneLine(call.MailSubject)
	}
	return "【" + head + "】" + oneLine(d.Applicant.Name) + "—" + oneLine(categoryShort(call, d)) + "—" + oneLine(d.Project.Name)
}

// oneLine folds white space (including line breaks) into single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Names are the names of everything a package holds: the folder and the
// .zip (in the output folder), and the files inside the folder.
type Names struct {
	Dir, Zip  string
	DOCX, PDF string // the application
	Checklist string // 报送清单
	Envelope  string // 邮寄地址标签
	EML       string // the e-mail draft; "" for a confidential application and when nothing goes by e-mail
	// Docs are the documents the call declares, the application (DOCX,
	// PDF) first, each with its files, paper copies and whether it goes by
	// e-mail.
	Docs []DocFiles
}

// DocFiles are the files of one declared document.
type DocFiles struct {
	Title     string // as the call names it: "项目申报书", "附件1 主题申请表"
	PDF, DOCX string
	Copies    int  // sealed paper copies to post
	Email     bool // the Word file goes by e-mail
}

// Extra are the declared documents after the application.
func (n Names) Extra() []DocFiles {
	if len(n.Docs) < 2 {
		return nil
	}
	return n.Docs[1:]
}

// Files lists the names of the files inside the folder, in the order
// Build writes them.
func (n Names) Files() []string {
	out := []string{n.Checklist, n.PDF, n.DOCX}
	for _, x := range n.Extra() {
		out = append(out, x.PDF, x.DOCX)
	}
	out = append(out, n.Envelope)
	if n.EML != "" {
		out = append(out, n.EML)
	}
	return out
}

// NamesFor gives the names of a draft's package. The folder is BaseName;
// suffix > 1 adds " (2)", " (3)" … as Windows does for a second copy.
func NamesFor(call *forms.Call, d *forms.Draft, suffix int) Names {
	dir := BaseName(call, d)
	if suffix > 1 {
		dir += fmt.Sprintf(" (%d)", suffix)
	}
	app := ApplicationName(call, d)
	n := Names{
		Dir:       dir,
		Zip:       dir + ".zip",
		DOCX:      app + ".docx",
		PDF:       app + ".pdf",
		Checklist: "报送清单.pdf",
		Envelope:  "邮寄地址标签.pdf",
	}
	if !d.Confidential && mailed(call) {
		n.EML = "申报邮件（草稿）.eml"
	}
	for i, doc := range call.Documents {
		f := DocFiles{Title: call.Expand(doc.Title, call.Category(d.Category)), PDF: n.PDF, DOCX: n.DOCX, Copies: doc.Copies, Email: doc.Email}
		if i > 0 {
			name := SafeName(SafeName(f.Title, 30)+"-"+SafeName(d.Applicant.Name, 40)+"-"+SafeName(categoryShort(call, d), 20), MaxNameRunes)
			f.PDF, f.DOCX = name+".pdf", name+".docx"
		}
		n.Docs = append(n.Docs, f)
	}
	return n
}

// mailed reports whether the call asks a document by e-mail and gives the
// address: only then is there an e-mail draft to write.
func mailed(call *forms.Call) bool {
	if call.Contact.Email == "" {
		return false
	}
	if len(call.Documents) == 0 {
		return true // a call built in memory with no documents: the application goes by e-mail
	}
	for i := range call.Documents {
		if call.Documents[i].Email {
			return true
		}
	}
	return false
}

// Folder is the folder beside a draft that its exports go to, in the
// window and on the command line alike: the package's folder and zip, and
// the after-selection documents' folder (AfterFolder).
const Folder = "报送材料"

// afterSuffix ends the name of the after-selection documents' folder.
const afterSuffix = "-会后材料"

// FolderFor is the Folder beside the draft file at draftPath.
func FolderFor(draftPath string) string {
	return filepath.Join(filepath.Dir(draftPath), Folder)
}

// AfterFolder is where the after-selection documents of the draft d (its
// file at draftPath) go: one subfolder of FolderFor named as the package
// beside it (BaseName) with "-会后材料", e.g.
// "报送材料/吉林省化学会-研究生论坛-新材料与绿色化工专题-会后材料".
func AfterFolder(call *forms.Call, d *forms.Draft, draftPath string) string {
	return filepath.Join(FolderFor(draftPath), BaseName(call, d)+afterSuffix)
}
