package notice

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// maxNoticeSize bounds what ReadFile reads: a notice is some tens of KB, a
// .docx with its template a few hundred.
const maxNoticeSize = 20 << 20

// ReadError is a notice file that cannot be read, in Chinese.
type ReadError struct {
	File    string
	Problem string
}

func (e *ReadError) Error() string {
	return fmt.Sprintf("无法读取通知文件 %s：%s", e.File, e.Problem)
}

// TextOf reads a notice file as text: a .docx through its
// word/document.xml (paragraphs joined with newlines), anything else as
// plain text (UTF-8, or GB18030 as Windows saves Chinese text files).
func TextOf(file string) (string, error) {
	st, err := os.Stat(file)
	if err != nil {
		return "", &ReadError{File: file, Problem: "文件不存在或无权读取，请检查文件名"}
	}
	if st.IsDir() {
		return "", &ReadError{File: file, Problem: "这是文件夹，请给出通知的 .txt 或 .docx 文件"}
	}
	if st.Size() > maxNoticeSize {
		return "", &ReadError{File: file, Problem: fmt.Sprintf("文件有 %d 字节，通知不会这么大：请确认选的是通知正文", st.Size())}
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", &ReadError{File: file, Problem: "读取失败（" + err.Error() + "）"}
	}
	if strings.EqualFold(filepath.Ext(file), ".docx") || bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		t, err := DocxText(b)
		if err != nil {
			return "", &ReadError{File: file, Problem: err.Error()}
		}
		return t, nil
	}
	if strings.EqualFold(filepath.Ext(file), ".doc") || bytes.HasPrefix(b, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return "", &ReadError{File: file, Problem: "这是旧版 Word（.doc）文件：请在 Word 或 WPS 中另存为 .docx 或 .txt 后再读"}
	}
	return plainText(file, b)
}

func plainText(file string, b []byte) (string, error) {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if bytes.IndexByte(b, 0) >= 0 {
		return "", &ReadError{File: file, Problem: "不是文本文件（含二进制内容）：请给出通知的 .txt 或 .docx 文件"}
	}
	if utf8.Valid(b) {
		return string(b), nil
	}
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		return "", &ReadError{File: file, Problem: "文字编码无法识别：请另存为 UTF-8 文本后再读"}
	}
	return string(s), nil
}

// DocxText is the text of a .docx file: the paragraphs of its
// word/document.xml, one a line (tabs and line breaks kept).
func DocxText(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", errors.New("不是有效的 .docx 文件（无法按 zip 打开），请在 Word 或 WPS 中重新另存为 .docx")
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		if f.UncompressedSize64 > maxNoticeSize*4 {
			return "", errors.New(".docx 的正文过大，无法读取")
		}
		rc, err := f.Open()
		if err != nil {
			return "", errors.New(".docx 的正文无法解压：" + err.Error())
		}
		defer rc.Close()
		return documentText(io.LimitReader(rc, maxNoticeSize*4))
	}
	return "", errors.New(".docx 中没有正文（word/document.xml），请确认是 Word 文件")
}

// documentText walks WordprocessingML: w:t is text, w:tab a tab, w:br and
// w:cr a line break, the end of w:p a new line.
func documentText(r io.Reader) (string, error) {
	dec := xml.NewDecoder(r)
	var out strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", errors.New(".docx 的正文格式有误：" + err.Error())
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				out.WriteByte('\t')
			case "br", "cr":
				out.WriteByte('\n')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				out.WriteByte('\n')
			}
		case xml.CharData:
			if inText {
				out.Write(t)
			}
		}
	}
	return out.String(), nil
}

// A sentence of the notice with where it stands.
type sentence struct {
	text   string // as in the notice (trimmed)
	clause string // "二、2", "一（一）4(1)", "三" …
	sec    int    // index into notice.sections, -1 before the first
	cat    int    // index into notice.cats, -1 outside a category
	line   int    // index into notice.lines
	index  int    // index into notice.sentences (-1: made up of several lines)
}

type section struct {
	num, title string
}

// A category block: a （一） heading in a section of project categories,
// or a numbered sub-item carrying its own 项目数量 under such a heading.
type catBlock struct {
	clause  string
	heading string // the heading's text after its number
	line    int
	group   int // index in notice.groups of the heading it is an item of, or -1
}

// notice is the notice's text cut into lines, clauses and sentences.
type notice struct {
	lines     []string // trimmed
	sections  []section
	sentences []sentence
	cats      []catBlock
	groups    []catBlock // headings whose numbered items are categories
}

var (
	secRe     = regexp.MustCompile(`^([一二三四五六七八九十]{1,3})\s*、\s*(.*)$`)
	subRe     = regexp.MustCompile(`^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*(.*)$`)
	itemRe    = regexp.MustCompile(`^(\d{1,2})\s*[.．、]\s*(.*)$`)
	subitemRe = regexp.MustCompile(`^[（(]\s*(\d{1,2})\s*[）)]\s*(.*)$`)
	// A section of project categories, by its title.
	catSecRe    = regexp.MustCompile(`项目|类别|类型|资助|内容`)
	notCatSecRe = regexp.MustCompile(`要求|方式|联系|说明|程序|流程|材料|时间`)
	// An item that opens with one of a category's own headings is not a
	// category of its own.
	labelStartRe = regexp.MustCompile(`^(项目数量|经费额度|资助标准|活动目的|申报|项目完成|完成时间|执行时间|活动形式|活动内容)`)
	sentEndRe    = regexp.MustCompile(`[。；;！？]`)
)

// trimLine trims spaces, ideographic spaces and no-break spaces.
func trimLine(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\r' || r == '\u3000' || r == '\u00a0' || r == '\ufeff'
	})
}

// split cuts a notice into its clauses and sentences.
func split(text string) *notice {
	raw := strings.Split(text, "\n")
	n := &notice{lines: make([]string, len(raw))}
	for i, l := range raw {
		n.lines[i] = trimLine(l)
	}
	type ctx struct {
		sec         int
		sub, item   string
		subitem     string
		subCat      int // category of the current sub, -1
		itemCat     int // category of the current item, -1
		subIsGroup  bool
		inCatSecton bool
	}
	c := ctx{sec: -1, subCat: -1, itemCat: -1}
	secNum := func() string {
		if c.sec < 0 {
			return ""
		}
		return n.sections[c.sec].num
	}
	clause := func() string {
		if c.sec < 0 {
			return "开头"
		}
		s := secNum()
		switch {
		case c.sub != "" && c.item != "":
			s += "（" + c.sub + "）" + c.item
		case c.sub != "":
			s += "（" + c.sub + "）"
		case c.item != "":
			s += "、" + c.item
		}
		if c.subitem != "" {
			s += "(" + c.subitem + ")"
		}
		return s
	}
	for i, l := range n.lines {
		if l == "" {
			continue
		}
		body := l
		if m := secRe.FindStringSubmatch(l); m != nil {
			n.sections = append(n.sections, section{num: m[1], title: m[2]})
			c = ctx{sec: len(n.sections) - 1, subCat: -1, itemCat: -1}
			c.inCatSecton = catSecRe.MatchString(m[2]) && !notCatSecRe.MatchString(m[2])
			body = m[2]
		} else if m := subRe.FindStringSubmatch(l); m != nil {
			c.sub, c.item, c.subitem, c.itemCat, c.subIsGroup = m[1], "", "", -1, false
			c.subCat = -1
			if c.inCatSecton {
				n.cats = append(n.cats, catBlock{clause: clause(), heading: m[2], line: i, group: -1})
				c.subCat = len(n.cats) - 1
			}
			body = m[2]
		} else if m := itemRe.FindStringSubmatch(l); m != nil {
			c.item, c.subitem, c.itemCat = m[1], "", -1
			if c.subCat >= 0 && strings.Contains(m[2], "项目数量") && !labelStartRe.MatchString(m[2]) {
				n.cats = append(n.cats, catBlock{clause: clause(), heading: m[2], line: i, group: -1})
				c.itemCat = len(n.cats) - 1
				c.subIsGroup = true
			}
			body = m[2]
		} else if m := subitemRe.FindStringSubmatch(l); m != nil {
			c.subitem = m[1]
			body = m[2]
		}
		cat := c.subCat
		if c.itemCat >= 0 {
			cat = c.itemCat
		}
		for _, s := range sentEndRe.Split(body, -1) {
			s = trimLine(s)
			if s == "" {
				continue
			}
			n.sentences = append(n.sentences, sentence{text: s, clause: clause(), sec: c.sec, cat: cat, line: i, index: len(n.sentences)})
		}
	}
	// A heading whose numbered items are categories is a group: its own
	// sentences belong to no category, and it is not one.
	group := map[int]bool{}
	for ci := range n.cats {
		for cj := ci + 1; cj < len(n.cats); cj++ {
			if len(n.cats[cj].clause) > len(n.cats[ci].clause) && strings.HasPrefix(n.cats[cj].clause, n.cats[ci].clause) && strings.HasSuffix(n.cats[ci].clause, "）") {
				group[ci] = true
			}
		}
	}
	if len(group) > 0 {
		renum := make([]int, len(n.cats))
		var kept []catBlock
		for ci, cb := range n.cats {
			renum[ci] = -1
			if group[ci] {
				n.groups = append(n.groups, cb)
				continue
			}
			for gi, g := range n.groups {
				if strings.HasPrefix(cb.clause, g.clause) {
					cb.group = gi
				}
			}
			renum[ci] = len(kept)
			kept = append(kept, cb)
		}
		for i := range n.sentences {
			if s := &n.sentences[i]; s.cat >= 0 {
				s.cat = renum[s.cat]
			}
		}
		n.cats = kept
	}
	return n
}

// catSentences are the sentences of category ci, in order.
func (n *notice) catSentences(ci int) []*sentence {
	var out []*sentence
	for i := range n.sentences {
		if n.sentences[i].cat == ci {
			out = append(out, &n.sentences[i])
		}
	}
	return out
}
