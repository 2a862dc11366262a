package forms

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"shenbao/forms/atomicfile"
	"shenbao/forms/usererr"
)

// refused writes data as a draft file, loads it and requires a
// *StoreError of code with every want in its message, the file unchanged,
// and a message of sane length.
func refused(t *testing.T, data []byte, code usererr.Code, want ...string) *StoreError {
	t.Helper()
	p := filepath.Join(t.TempDir(), "申报书"+DraftExt)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := Load(p)
	var se *StoreError
	if d != nil || !errors.As(err, &se) {
		t.Fatalf("want a StoreError, got %v, %v", d, err)
	}
	if se.Code != code {
		t.Errorf("code %q, want %q (%s)", se.Code, code, se.Message)
	}
	for _, w := range want {
		if !strings.Contains(se.Message, w) {
			t.Errorf("message %q should contain %q", se.Message, w)
		}
	}
	if n := utf8.RuneCountInString(se.Message); n > 400 {
		t.Errorf("message of %d characters", n)
	}
	if after, _ := os.ReadFile(p); !bytes.Equal(after, data) {
		t.Error("loading changed the file")
	}
	return se
}

// TestGBKDraftRefused: a draft saved as GBK (or GB18030) by another tool
// used to load with its Chinese turned into U+FFFD, and a save then lost it.
func TestGBKDraftRefused(t *testing.T) {
	good, _ := Marshal(sample(t, "annual"))
	for name, enc := range map[string]interface {
		Bytes([]byte) ([]byte, error)
	}{"GBK": simplifiedchinese.GBK.NewEncoder(), "GB18030": simplifiedchinese.GB18030.NewEncoder()} {
		t.Run(name, func(t *testing.T) {
			gbk, err := enc.Bytes(good)
			if err != nil {
				t.Fatal(err)
			}
			refused(t, gbk, usererr.Encoding, "GBK/GB18030", "UTF-8", "未被改动")
		})
	}
}

func TestUTF16DraftRefused(t *testing.T) {
	good, _ := Marshal(sample(t, "forum"))
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(good)
	refused(t, u16, usererr.Encoding, "UTF-16", "UTF-8")
}

// TestInvalidBytesRefused: a few bad bytes in the project name used to be
// replaced by U+FFFD and pass check.
func TestInvalidBytesRefused(t *testing.T) {
	good, _ := Marshal(sample(t, "annual"))
	i := bytes.Index(good, []byte(`"name": "`)) + 9
	bad := append(append(bytes.Clone(good[:i]), 0xFF, 0xC3, 0x28), good[i:]...)
	se := refused(t, bad, usererr.Encoding, "不是UTF-8", "第", "行", ".bak")
	if strings.Contains(se.Message, "GBK") {
		t.Errorf("three stray bytes are not a GBK file: %s", se.Message)
	}
	// an escape JSON decoding would silently replace
	esc := bytes.Replace(good, []byte(`"theme": "`), []byte(`"theme": "\ud800`), 1)
	refused(t, esc, usererr.Encoding, "转义", "主题")
}

// TestBOMAccepted: Notepad writes UTF-8 with a byte-order mark; such a
// draft used to be refused as 已损坏或不完整.
func TestBOMAccepted(t *testing.T) {
	good, _ := Marshal(sample(t, "speech"))
	p := filepath.Join(t.TempDir(), "记事本"+DraftExt)
	_ = os.WriteFile(p, append([]byte{0xEF, 0xBB, 0xBF}, good...), 0o644)
	d, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if d.Project.Name != sample(t, "speech").Project.Name {
		t.Errorf("name %q", d.Project.Name)
	}
}

// TestHugeFileRefusedBeforeReading: the size is checked with Stat, so a
// 200 MB file (sparse here) is refused at once, without reading it.
func TestHugeFileRefusedBeforeReading(t *testing.T) {
	p := filepath.Join(t.TempDir(), "大"+DraftExt)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	_ = f.Truncate(200 << 20)
	f.Close()
	_, err = Load(p)
	if usererr.CodeOf(err) != usererr.TooLarge || !strings.Contains(err.Error(), "200 MB") || !strings.Contains(err.Error(), "4 MB") {
		t.Errorf("200 MB file: %v", err)
	}
	if _, err := Unmarshal("x", make([]byte, MaxFileSize+1)); usererr.CodeOf(err) != usererr.TooLarge {
		t.Errorf("Unmarshal of a large buffer: %v", err)
	}
}

func TestFieldAndRowLimits(t *testing.T) {
	d := sample(t, "annual")
	d.Project.Summary = strings.Repeat("长", MaxFieldChars+1)
	b, _ := Marshal(d)
	refused(t, b, usererr.TooLarge, "项目", "project.summary", "20,001个字符", "20,000")

	d = sample(t, "annual")
	for range MaxRows + 1 {
		d.Experts = append(d.Experts, Expert{Name: "张三", Unit: "吉林大学"})
	}
	b, _ = Marshal(d)
	refused(t, b, usererr.TooLarge, "邀请专家", "行", "500")

	d = sample(t, "annual")
	d.EnsureReports().Info.Photos = make([]Photo, MaxPhotos+1)
	b, _ = Marshal(d)
	refused(t, b, usererr.TooLarge, "reports.info_report.photos", "10行")

	// at the limits: loads
	d = sample(t, "annual")
	d.Project.Summary = strings.Repeat("长", MaxFieldChars)
	if err := CheckLimits(d); err != nil {
		t.Errorf("at the limit: %v", err)
	}
	// Save refuses too, and says the file is untouched
	dir := t.TempDir()
	p := saved(t, dir, sample(t, "annual"))
	d.Project.Summary += "长"
	err := Save(p, d, saveTime)
	if usererr.CodeOf(err) != usererr.TooLarge || !strings.Contains(err.Error(), "没有保存") {
		t.Errorf("Save beyond the limits: %v", err)
	}
}

// TestMessagesForBadValues: each used to be misleading or huge.
func TestMessagesForBadValues(t *testing.T) {
	good, _ := Marshal(sample(t, "annual"))
	long := strings.Repeat("9", 100000)
	// a 100,000-character timestamp: English Go text of 2.4 MB before
	ts := bytes.Replace(good, []byte(`"created_at": "2024-`), []byte(`"created_at": "`+long+`2024-`), 1)
	se := refused(t, ts, usererr.Corrupt, "时间", "格式不对", "…", "第")
	if strings.Contains(se.Message, "parsing time") {
		t.Errorf("English in %s", se.Message)
	}
	// a JSON array: "字段  的值类型不对" (no name) before
	refused(t, []byte(`[1, 2, 3]`), usererr.NotOurs, "不是申报助手的草稿", "列表")
	// a wrong type names the field in Chinese
	refused(t, bytes.Replace(good, []byte(`"participants": 260`), []byte(`"participants": "很多"`), 1), usererr.Corrupt, "参会", "project.participants", "整数", "文字")
	// a 100,000-digit amount
	refused(t, bytes.Replace(good, []byte(`"participants": 260`), []byte(`"participants": `+long), 1), usererr.Corrupt, "整数", "…")
	// 2024-02-30 is a day February does not have, not a wrong format
	refused(t, bytes.Replace(good, []byte(`"2024-09-12"`), []byte(`"2024-02-30"`), 1), usererr.Corrupt, "2024年2月没有30日")
	refused(t, bytes.Replace(good, []byte(`"2024-09-12"`), []byte(`"2024-13-01"`), 1), usererr.Corrupt, "没有13月")
	se = refused(t, bytes.Replace(good, []byte(`"2024-09-12"`), []byte(`"`+long+`"`), 1), usererr.Corrupt, "年-月-日", "…")
	_ = se
}

func TestDirectoryAsDraft(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "草稿"+DraftExt)
	_ = os.Mkdir(dir, 0o755)
	_, err := Load(dir)
	if usererr.CodeOf(err) != usererr.IsDir || !strings.Contains(err.Error(), "是一个文件夹") || strings.Contains(err.Error(), "is a directory") {
		t.Errorf("directory: %v", err)
	}
}

// TestSaveKeepsModeAndLinks: a 0644 draft used to become 0600, and a save
// through a symlink replaced the link with a file.
func TestSaveKeepsModeAndLinks(t *testing.T) {
	dir := t.TempDir()
	p := saved(t, dir, sample(t, "basic"))
	_ = os.Chmod(p, 0o644)
	if err := Save(p, sample(t, "basic"), saveTime); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{p, p + BackupSuffix} {
		if st, _ := os.Stat(f); st.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %o", filepath.Base(f), st.Mode().Perm())
		}
	}
	link := filepath.Join(dir, "链接"+DraftExt)
	_ = os.Symlink(p, link)
	d := sample(t, "basic")
	d.Project.Name = "通过链接保存"
	if err := Save(link, d, saveTime); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link became a file")
	}
	if got, _ := Load(p); got.Project.Name != "通过链接保存" {
		t.Errorf("target not updated: %q", got.Project.Name)
	}
}

// TestSaveRemovesStaleTemp: an interrupted save's temporary file is
// removed by the next save of the draft.
func TestSaveRemovesStaleTemp(t *testing.T) {
	dir := t.TempDir()
	p := saved(t, dir, sample(t, "forum"))
	stale := filepath.Join(dir, "."+filepath.Base(p)+".tmp-0123456789ab")
	_ = os.WriteFile(stale, []byte("{"), 0o600)
	old := saveTime // long ago
	_ = os.Chtimes(stale, old, old)
	if err := Save(p, sample(t, "forum"), saveTime); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("stale temporary file left")
	}
	_ = atomicfile.StaleAge
}

// TestSaveMessageNamesNoWindow: shenbao sample -o into a read-only folder
// used to say 窗口中的内容没有丢失, though there is no window.
func TestSaveMessageNamesNoWindow(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	_ = os.WriteFile(blocker, []byte("x"), 0o644)
	err := Save(filepath.Join(blocker, "x"+DraftExt), sample(t, "basic"), saveTime)
	if err == nil || strings.Contains(err.Error(), "窗口") || !strings.Contains(err.Error(), "无法在文件夹") {
		t.Errorf("save into an impossible folder: %v", err)
	}
}
