package submission

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"
	"time"

	"shenbao/forms"
)

// DocxType is the media type of a Word .docx file.
const DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// Mail is the e-mail draft that carries the Word file to the call's
// address (通知 二、2).
type Mail struct {
	From    mail.Address // the applicant's contact person
	To      mail.Address // the call's department and address
	Subject string
	Date    time.Time
	Body    string // plain text, "\n" line ends
	// The attachment: its file name (may be Chinese), media type and bytes.
	AttachName string
	AttachType string
	Attach     []byte
	// More are the Word files of the call's other documents that go by
	// e-mail (附件2 …), attached after the application.
	More []Attachment
}

// Attachment is one more attached file.
type Attachment struct {
	Name, Type string
	Data       []byte
}

// NewMail makes the e-mail draft of an application: from the applicant's
// contact, to the call's address, subject "【学术交流项目申报】单位—类别—项目名称" (mail_subject in 【】),
// a short Chinese body and the .docx attached under docxName.
func NewMail(call *forms.Call, d *forms.Draft, docxName string, docx []byte, now time.Time) *Mail {
	a := &d.Applicant
	dl := forms.DateOf(call.Deadline).Chinese()
	var b strings.Builder
	fmt.Fprintf(&b, "%s：\n\n", firstNonEmpty(call.Contact.Department, call.Issuer))
	fmt.Fprintf(&b, "　　您好！现报送%s申报的%s“%s”（%s）项目申报书电子版（Word文档），见附件“%s”，请查收。\n",
		oneLine(a.Name), call.Title, oneLine(d.Project.Name), categoryShort(call, d), docxName)
	if call.PaperCopies > 0 && !call.Deadline.IsZero() {
		arrive := "送达"
		if call.PostedMustArrive {
			arrive = "寄达或送达"
		}
		fmt.Fprintf(&b, "　　加盖公章的纸质件%d份将于%s前%s%s。\n", call.PaperCopies, dl, arrive, firstNonEmpty(call.Contact.Office, call.Contact.Department))
	}
	fmt.Fprintf(&b, "\n联系人：%s", oneLine(a.Contact))
	if a.Mobile != "" {
		fmt.Fprintf(&b, "　手机：%s", a.Mobile)
	}
	if a.Phone != "" {
		fmt.Fprintf(&b, "　电话：%s", a.Phone)
	}
	if a.Email != "" {
		fmt.Fprintf(&b, "　电子邮箱：%s", a.Email)
	}
	fmt.Fprintf(&b, "\n\n%s\n%s\n", oneLine(a.Name), forms.DateOf(now).Chinese())
	return &Mail{
		From:       mail.Address{Name: oneLine(a.Contact), Address: strings.TrimSpace(a.Email)},
		To:         mail.Address{Name: call.Contact.Department, Address: call.Contact.Email},
		Subject:    Subject(call, d),
		Date:       now,
		Body:       b.String(),
		AttachName: docxName,
		AttachType: DocxType,
		Attach:     docx,
	}
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// WriteEML writes the message as an RFC 5322 file (.eml) that mail programs
// open as an unsent draft: "X-Unsent: 1" makes Outlook open it ready to
// send. Header texts are encoded as RFC 2047 words (mime.BEncoding, and
// net/mail for addresses); the body is UTF-8 quoted-printable; the
// attachment is base64 with its file name both as an RFC 2047 "name" on
// Content-Type (what Outlook and Foxmail read) and as an RFC 2231
// "filename*" on Content-Disposition (the standard form). Lines end in
// CRLF. The MIME boundary is derived from the content, so the same message
// gives the same bytes.
func WriteEML(w io.Writer, m *Mail) error {
	sum := sha256.New()
	sum.Write([]byte(m.Subject))
	sum.Write(m.Attach)
	boundary := "shenbao-" + hex.EncodeToString(sum.Sum(nil)[:12])

	var buf bytes.Buffer
	header := func(name, value string) {
		buf.WriteString(fold(name + ": " + value))
		buf.WriteString("\r\n")
	}
	// A From the user mistyped would make the whole header unreadable to
	// strict readers; it is left out, and the mail program fills in the
	// account's own address (Outlook does so for every X-Unsent draft).
	if _, err := mail.ParseAddress("<" + m.From.Address + ">"); err == nil {
		header("From", formatAddress(m.From))
	}
	header("To", formatAddress(m.To))
	header("Subject", mime.BEncoding.Encode("UTF-8", m.Subject))
	header("Date", m.Date.Format(time.RFC1123Z))
	header("MIME-Version", "1.0")
	header("X-Unsent", "1")
	header("Content-Type", mime.FormatMediaType("multipart/mixed", map[string]string{"boundary": boundary}))
	buf.WriteString("\r\n")

	mw := multipart.NewWriter(&buf)
	if err := mw.SetBoundary(boundary); err != nil {
		return err
	}
	text, err := mw.CreatePart(textproto.MIMEHeader{
		"Content-Type":              {"text/plain; charset=UTF-8"},
		"Content-Transfer-Encoding": {"quoted-printable"},
	})
	if err != nil {
		return err
	}
	qp := quotedprintable.NewWriter(text)
	if _, err := qp.Write([]byte(strings.ReplaceAll(m.Body, "\n", "\r\n"))); err != nil {
		return err
	}
	if err := qp.Close(); err != nil {
		return err
	}
	attach := func(name, typ string, data []byte) error {
		ph := textproto.MIMEHeader{}
		ph.Set("Content-Type", fold(mime.FormatMediaType(typ, map[string]string{"name": mime.BEncoding.Encode("UTF-8", name)})))
		ph.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
		ph.Set("Content-Transfer-Encoding", "base64")
		part, err := mw.CreatePart(ph)
		if err != nil {
			return err
		}
		return writeBase64Lines(part, data)
	}
	if m.Attach != nil {
		if err := attach(m.AttachName, m.AttachType, m.Attach); err != nil {
			return err
		}
	}
	for _, a := range m.More {
		if err := attach(a.Name, a.Type, a.Data); err != nil {
			return err
		}
	}
	if err := mw.Close(); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// formatAddress is an address for a header. net/mail encodes a non-ASCII
// display name in Q encoding, which splits a ten-character Chinese name into
// two encoded words, and some readers (Python's email package, seen here)
// then show a space in the middle; B encoding keeps a name of up to 15
// Chinese characters in one word.
func formatAddress(a mail.Address) string {
	for _, r := range a.Name {
		if r >= 0x80 {
			return mime.BEncoding.Encode("UTF-8", a.Name) + " <" + a.Address + ">"
		}
	}
	return a.String()
}

// writeBase64Lines writes data as base64 (encoding/base64) in lines of 76
// characters, the limit of RFC 2045 for an encoded body.
func writeBase64Lines(w io.Writer, data []byte) error {
	enc := base64.StdEncoding.EncodeToString(data)
	for len(enc) > 0 {
		n := min(76, len(enc))
		if _, err := io.WriteString(w, enc[:n]+"\r\n"); err != nil {
			return err
		}
		enc = enc[n:]
	}
	return nil
}

// fold breaks a header line at spaces so that lines stay near 76
// characters (RFC 5322 folding: CRLF followed by a space). Encoded words
// and parameters are separated by spaces, so nothing is broken inside one;
// a decoder ignores the folding. The first word after the header's name is
// never moved to a line of its own.
func fold(line string) string {
	const limit = 76
	if len(line) <= limit {
		return line
	}
	var out strings.Builder
	cur := 0 // length of the current output line
	for i, word := range strings.Split(line, " ") {
		if i > 0 {
			if cur+1+len(word) > limit && i > 1 {
				out.WriteString("\r\n ")
				cur = 1
			} else {
				out.WriteByte(' ')
				cur++
			}
		}
		out.WriteString(word)
		cur += len(word)
	}
	return out.String()
}
