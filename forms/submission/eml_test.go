package submission

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
)

// pinned is the clock of the tests: 10 April 2024, 09:30 in Changchun.
var pinned = time.Date(2024, 4, 10, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))

// parsedEML is what a mail reader sees in an .eml.
type parsedEML struct {
	msg         *mail.Message
	subject     string
	to          []*mail.Address
	from        []*mail.Address
	body        string
	attachName  string // from Content-Disposition (RFC 2231)
	attachName2 string // from Content-Type name (RFC 2047)
	attachType  string
	attach      []byte
	attachments int
}

// readEML parses an .eml the way a mail program does, with net/mail,
// mime.WordDecoder and mime/multipart.
func readEML(t *testing.T, raw []byte) parsedEML {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("net/mail cannot read the .eml: %v", err)
	}
	var p parsedEML
	p.msg = msg
	dec := new(mime.WordDecoder)
	if p.subject, err = dec.DecodeHeader(msg.Header.Get("Subject")); err != nil {
		t.Fatalf("Subject: %v", err)
	}
	if p.to, err = msg.Header.AddressList("To"); err != nil {
		t.Fatalf("To: %v", err)
	}
	if p.from, err = msg.Header.AddressList("From"); err != nil {
		t.Fatalf("From: %v", err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" {
		t.Fatalf("Content-Type %q: %v", msg.Header.Get("Content-Type"), err)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("multipart: %v", err)
		}
		data, err := io.ReadAll(part)
		if err != nil {
			t.Fatalf("reading a part: %v", err)
		}
		ct, ctParams, _ := mime.ParseMediaType(part.Header.Get("Content-Type"))
		if part.FileName() == "" {
			if ct != "text/plain" || !strings.EqualFold(ctParams["charset"], "UTF-8") {
				t.Errorf("body part is %q", part.Header.Get("Content-Type"))
			}
			p.body = string(data) // multipart has decoded the quoted-printable
			continue
		}
		p.attachments++
		p.attachName = part.FileName()
		p.attachName2, _ = dec.DecodeHeader(ctParams["name"])
		p.attachType = ct
		if enc := part.Header.Get("Content-Transfer-Encoding"); enc != "base64" {
			t.Errorf("attachment encoded as %q", enc)
		}
		if p.attach, err = base64.StdEncoding.DecodeString(strings.NewReplacer("\r", "", "\n", "").Replace(string(data))); err != nil {
			t.Fatalf("attachment is not base64: %v", err)
		}
	}
	return p
}

func TestWriteEML(t *testing.T) {
	call := forms.Default()
	d, err := forms.Sample(call, "forum")
	if err != nil {
		t.Fatal(err)
	}
	// Bytes of every value, including CR LF and a would-be boundary line,
	// must come back unchanged.
	docx := []byte("PK\x03\x04 not really a docx\r\n--shenbao-\x00\xff" + strings.Repeat("二进制", 500))
	name := ApplicationName(call, d) + ".docx"
	var buf bytes.Buffer
	if err := WriteEML(&buf, NewMail(call, d, name, docx, pinned)); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	p := readEML(t, raw)

	if want := "【学术交流项目申报】吉林省化学会—研究生论坛—第十一届吉林省科协研究生论坛——新材料与绿色化工专题"; p.subject != want {
		t.Errorf("Subject decodes to %q, want %q", p.subject, want)
	}
	if len(p.to) != 1 || p.to[0].Address != call.Contact.Email || p.to[0].Name != call.Contact.Department {
		t.Errorf("To = %v, want %s <%s>", p.to, call.Contact.Department, call.Contact.Email)
	}
	if len(p.from) != 1 || p.from[0].Address != d.Applicant.Email || p.from[0].Name != d.Applicant.Contact {
		t.Errorf("From = %v", p.from)
	}
	if got := p.msg.Header.Get("X-Unsent"); got != "1" {
		t.Errorf("X-Unsent = %q, want 1", got)
	}
	if date, err := p.msg.Header.Date(); err != nil || !date.Equal(pinned) {
		t.Errorf("Date = %v (%v), want %v", date, err, pinned)
	}
	if p.attachments != 1 || !bytes.Equal(p.attach, docx) {
		t.Errorf("%d attachments; bytes equal: %v", p.attachments, bytes.Equal(p.attach, docx))
	}
	if p.attachName != name || p.attachName2 != name {
		t.Errorf("attachment named %q (Content-Disposition) and %q (Content-Type), want %q", p.attachName, p.attachName2, name)
	}
	if p.attachType != DocxType {
		t.Errorf("attachment type %q", p.attachType)
	}
	for _, want := range []string{"吉林省科协学会学术部：", d.Project.Name, name, "2024年4月22日", d.Applicant.Mobile, "2024年4月10日"} {
		if !strings.Contains(p.body, want) {
			t.Errorf("body lacks %q:\n%s", want, p.body)
		}
	}
	// RFC 5322: headers are ASCII; every line ends in CRLF and stays
	// within 998 characters (and the headers near 78).
	head, _, _ := bytes.Cut(raw, []byte("\r\n\r\n"))
	for i, b := range head {
		if b >= 0x80 {
			t.Fatalf("header byte %d is not ASCII: %q", i, head[max(0, i-20):i+1])
		}
	}
	for i, line := range strings.Split(string(raw), "\r\n") {
		if strings.Contains(line, "\n") {
			t.Fatalf("line %d ends in a bare LF", i+1)
		}
		if len(line) > 998 {
			t.Fatalf("line %d is %d characters long", i+1, len(line))
		}
	}
	for _, line := range strings.Split(string(head), "\r\n") {
		if len(line) > 100 {
			t.Errorf("header line not folded (%d chars): %s", len(line), line)
		}
	}
	// The same message gives the same bytes.
	var again bytes.Buffer
	if err := WriteEML(&again, NewMail(call, d, name, docx, pinned)); err != nil || !bytes.Equal(again.Bytes(), raw) {
		t.Errorf("writing the same message twice gives different bytes")
	}
}

func TestWriteEMLLongNames(t *testing.T) {
	call := forms.Default()
	d, _ := forms.Sample(call, "annual")
	d.Applicant.Name = strings.Repeat("很长的单位名称", 12)
	d.Project.Name = "多行\n项目\t名称 " + strings.Repeat("长", 120)
	name := ApplicationName(call, d) + ".docx"
	var buf bytes.Buffer
	if err := WriteEML(&buf, NewMail(call, d, name, []byte("x"), pinned)); err != nil {
		t.Fatal(err)
	}
	p := readEML(t, buf.Bytes())
	if want := Subject(call, d); p.subject != want || strings.ContainsAny(want, "\r\n\t") {
		t.Errorf("Subject decodes to %q, want %q", p.subject, want)
	}
	if p.attachName != name || p.attachName2 != name {
		t.Errorf("attachment named %q / %q, want %q", p.attachName, p.attachName2, name)
	}
}

// pythonCheck is read by Python's email package, an implementation of
// MIME independent of Go's: it prints the decoded subject, the To name and
// address, the X-Unsent header, and each attachment's name and bytes (hex).
const pythonCheck = `
import sys, email, email.policy
m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)
a = m['to'].addresses[0]
print(m['subject'])
print(a.display_name)
print(a.addr_spec)
print(m['x-unsent'])
print(len(m.defects))
for p in m.iter_attachments():
    print(p.get_filename())
    print(p.get_payload(decode=True).hex())
`

// TestEMLInPython reads the .eml with Python's email package (CI installs
// python3 with the test packages): another reader must see the same
// subject, recipient and attachment, with no defects.
func TestEMLInPython(t *testing.T) {
	call := forms.Default()
	d, _ := forms.Sample(call, "basic")
	docx := []byte("PK\x03\x04" + strings.Repeat("内容", 300))
	name := ApplicationName(call, d) + ".docx"
	file := filepath.Join(t.TempDir(), "draft.eml")
	var buf bytes.Buffer
	if err := WriteEML(&buf, NewMail(call, d, name, docx, pinned)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("python3", "-c", pythonCheck, file).CombinedOutput()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, out)
	}
	got := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	want := []string{Subject(call, d), call.Contact.Department, call.Contact.Email, "1", "0", name, hex.EncodeToString(docx)}
	if !slices.Equal(got, want) {
		t.Errorf("Python reads\n%q\nwant\n%q", got, want)
	}
}

func TestEMLBadFromLeftOut(t *testing.T) {
	call := forms.Default()
	for _, addr := range []string{"", "不是邮箱", "a b@c", "x@y.com>\r\nBcc: evil@example.com"} {
		d, _ := forms.Sample(call, "forum")
		d.Applicant.Email = addr
		var buf bytes.Buffer
		if err := WriteEML(&buf, NewMail(call, d, "a.docx", []byte("x"), pinned)); err != nil {
			t.Fatal(err)
		}
		msg, err := mail.ReadMessage(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("%q: %v", addr, err)
		}
		if f := msg.Header.Get("From"); f != "" {
			t.Errorf("From %q written for address %q", f, addr)
		}
		if b := msg.Header.Get("Bcc"); b != "" {
			t.Errorf("header injected through the address: Bcc %q", b)
		}
		if to, err := msg.Header.AddressList("To"); err != nil || to[0].Address != call.Contact.Email {
			t.Errorf("To %v (%v)", to, err)
		}
	}
}
