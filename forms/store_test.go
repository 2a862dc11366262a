package forms

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"shenbao/forms/atomicfile"
)

var saveTime = time.Date(2024, 4, 10, 9, 30, 0, 0, time.UTC)

func saved(t *testing.T, dir string, d *Draft) string {
	t.Helper()
	p := filepath.Join(dir, "草稿"+DraftExt)
	if err := Save(p, d, saveTime); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSaveLoadRoundTrip(t *testing.T) {
	for _, cat := range []string{"annual", "forum", "speech", "basic", "intl"} {
		d := sample(t, cat)
		p := saved(t, t.TempDir(), d)
		got, err := Load(p)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := Marshal(d)
		b, _ := Marshal(got)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: round trip changed the draft:\n%s\n---\n%s", cat, a, b)
		}
		if got.SchemaVersion != SchemaVersion || !got.UpdatedAt.Equal(saveTime) {
			t.Errorf("%s: version %d, updated %v", cat, got.SchemaVersion, got.UpdatedAt)
		}
	}
}

func TestSaveKeepsPreviousGoodCopy(t *testing.T) {
	dir := t.TempDir()
	d := sample(t, "annual")
	p := saved(t, dir, d)
	first, _ := os.ReadFile(p)
	d.Project.Name = "改过的名称"
	if err := Save(p, d, saveTime.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	bak, err := os.ReadFile(p + BackupSuffix)
	if err != nil || !bytes.Equal(bak, first) {
		t.Fatalf("backup should hold the previous version (err %v)", err)
	}
	now, _ := Load(p)
	if now.Project.Name != "改过的名称" {
		t.Errorf("saved name %q", now.Project.Name)
	}
	// no temporary files left behind
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("want the draft and its backup only, got %v", entries)
	}
}

func TestInterruptedSaveLeavesDraftIntact(t *testing.T) {
	dir := t.TempDir()
	d := sample(t, "forum")
	p := saved(t, dir, d)
	before, _ := os.ReadFile(p)
	atomicfile.BeforeRename = func(tmp string) error {
		// the temporary file holds the new content, possibly cut short
		b, _ := os.ReadFile(tmp)
		_ = os.WriteFile(tmp, b[:len(b)/2], 0o644)
		return errors.New("power cut")
	}
	defer func() { atomicfile.BeforeRename = nil }()
	d.Project.Name = "新名称"
	err := Save(p, d, saveTime)
	var se *StoreError
	if !errors.As(err, &se) || !strings.Contains(se.Message, "无法保存") || !strings.Contains(se.Message, "没有改动") {
		t.Fatalf("want a Chinese StoreError, got %v", err)
	}
	after, _ := os.ReadFile(p)
	if !bytes.Equal(before, after) {
		t.Error("the draft on disk changed after an interrupted save")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the temporary file should be removed, got %v", entries)
	}
}

func TestSaveIntoUnwritableFolder(t *testing.T) {
	// root ignores permission bits, so make the folder impossible instead:
	// its parent path is a regular file.
	dir := t.TempDir()
	blocker := filepath.Join(dir, "not-a-folder")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Save(filepath.Join(blocker, "草稿"+DraftExt), sample(t, "basic"), saveTime)
	var se *StoreError
	if !errors.As(err, &se) || !strings.Contains(se.Message, "无法在文件夹") {
		t.Fatalf("want a Chinese StoreError about the folder, got %v", err)
	}
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro")
		_ = os.Mkdir(ro, 0o500)
		err := Save(filepath.Join(ro, "x"+DraftExt), sample(t, "basic"), saveTime)
		if !errors.As(err, &se) || !strings.Contains(se.Message, "只读") {
			t.Errorf("read-only folder: %v", err)
		}
	}
}

func TestLoadBadFiles(t *testing.T) {
	good, _ := Marshal(sample(t, "annual"))
	newer := bytes.Replace(good, []byte(fmt.Sprintf(`"schema_version": %d`, SchemaVersion)), []byte(fmt.Sprintf(`"schema_version": %d`, SchemaVersion+5)), 1)
	cases := map[string]struct {
		data []byte
		want string
	}{
		"empty":     {nil, "是空的"},
		"spaces":    {[]byte("  \n"), "是空的"},
		"truncated": {good[:len(good)/2], "已损坏或不完整"},
		"garbage":   {[]byte("\x89PNG\r\n\x1a\n\x00\x00"), "已损坏或不完整"},
		"not ours":  {[]byte(`{"hello": "world"}`), "不是申报助手的草稿"},
		"newer":     {newer, "更新版本"},
		"bad type":  {bytes.Replace(good, []byte(`"participants": 260`), []byte(`"participants": "很多"`), 1), "内容有误"},
		"bad date":  {bytes.Replace(good, []byte(`"2024-09-12"`), []byte(`"2024年9月12日"`), 1), "内容有误"},
		"negative":  {[]byte(`{"schema_version": -1}`), "无效"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "x"+DraftExt)
			if err := os.WriteFile(p, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			d, err := Load(p)
			var se *StoreError
			if d != nil || !errors.As(err, &se) || !strings.Contains(se.Message, c.want) {
				t.Fatalf("want StoreError containing %q, got %v, %v", c.want, d, err)
			}
			after, _ := os.ReadFile(p)
			if !bytes.Equal(after, c.data) {
				t.Error("loading a bad file changed it")
			}
		})
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing"+DraftExt)); err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := Unmarshal("x", newer); !errors.Is(err, ErrNewerVersion) {
		t.Errorf("newer version should wrap ErrNewerVersion: %v", err)
	}
}

func TestMigrateVersion0(t *testing.T) {
	v0 := `{"schema_version": 0, "category": "forum", "applicant": {"name": "吉林省化学会"},
	  "budget": {"requested": 20000, "total": 25000},
	  "specific": {"topic": "新材料", "review_committee": [{"name": "陈晓东", "unit": "吉林大学", "title": "教授"}]}}`
	d, err := Unmarshal("old.json", []byte(v0))
	if err != nil {
		t.Fatal(err)
	}
	if p := d.Parts["forum"]; d.SchemaVersion != SchemaVersion || d.Budget.Provincial != 20000 || p == nil || p.Text("topic") != "新材料" || len(p.Rows("review_committee")) != 1 || p.Rows("review_committee")[0].Text("unit") != "吉林大学" {
		t.Errorf("migration lost data: %+v %+v", d.Budget, d.Parts)
	}
	if _, err := Unmarshal("old.json", []byte(`{"schema_version": 0, "category": "x", "specific": {}}`)); err == nil {
		t.Error("a v0 file with an unknown category's part should not load silently")
	}
}

func TestMarshalIsStable(t *testing.T) {
	d := sample(t, "intl")
	a, _ := Marshal(d)
	b, _ := Marshal(d)
	if !bytes.Equal(a, b) || !json.Valid(a) || !bytes.Contains(a, []byte(fmt.Sprintf(`"schema_version": %d`, SchemaVersion))) {
		t.Error("Marshal should be deterministic JSON with the schema version")
	}
	if bytes.Contains(a, []byte(`\u`)) {
		t.Error("Chinese should be stored as UTF-8, not escaped")
	}
}

// FuzzUnmarshal feeds arbitrary bytes to the loader: it returns a draft or
// a StoreError with a Chinese message of bounded length, never panics, never
// returns text with bytes replaced by U+FFFD that the file did not hold, and
// whatever loads is within the limits, can be checked, saved and loaded again.
func FuzzUnmarshal(f *testing.F) {
	for _, c := range []string{"annual", "forum", "speech", "basic", "intl"} {
		b, _ := Marshal(sample(f, c))
		f.Add(b)
		f.Add(b[:len(b)/3])
	}
	good, _ := Marshal(sample(f, "forum"))
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes(good)
	f.Add(gbk)
	f.Add(append([]byte{0xEF, 0xBB, 0xBF}, good...))
	f.Add(bytes.Replace(good, []byte(`"requested_amount": 20000`), []byte(`"requested_amount": 9223372036854775807`), 1))
	f.Add([]byte(`{"schema_version": 1, "project": {"name": "\ud800", "requested_amount": -9223372036854775808}}`))
	f.Add([]byte(`{"schema_version": 0, "category": "forum", "specific": {}, "budget": {"requested": 1}}`))
	f.Add([]byte(`{"schema_version": 99}`))
	f.Add([]byte(`[{"schema_version": 1}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Unmarshal("fuzz.json", data)
		if err != nil {
			var se *StoreError
			if !errors.As(err, &se) || se.Message == "" || !hasHan(se.Message) {
				t.Fatalf("error is not a StoreError with a Chinese message: %v", err)
			}
			if n := utf8.RuneCountInString(se.Message); n > 600 {
				t.Fatalf("message of %d characters", n)
			}
			return
		}
		if err := CheckLimits(d); err != nil {
			t.Fatalf("loaded beyond the limits: %v", err)
		}
		hadFFFD := bytes.ContainsRune(data, utf8.RuneError) || bytes.Contains(bytes.ToLower(data), []byte(`\ufffd`))
		WalkText(d, func(path, text string) {
			if !utf8.ValidString(text) || (!hadFFFD && strings.ContainsRune(text, utf8.RuneError)) {
				t.Fatalf("%s: text with replaced bytes %q", path, text)
			}
		})
		// whatever loads can be checked, saved and loaded again
		Check(Default(), d, Options{Today: today})
		AmountFindings(Default(), d)
		_ = Capital(d.Budget.Total) + Capital(d.Project.RequestedAmount)
		b, err := Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Unmarshal("again.json", b); err != nil {
			t.Fatalf("re-loading a saved draft failed: %v", err)
		}
	})
}
