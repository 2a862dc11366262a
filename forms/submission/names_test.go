package submission

import (
	"strings"
	"testing"
	"unicode/utf8"

	"shenbao/forms"
)

func TestSafeName(t *testing.T) {
	long := strings.Repeat("长", 200)
	tests := []struct {
		in, want string
	}{
		{"a/b\\c:d*e?f\"g<h>i|j", "a／b＼c：d＊e？f＂g＜h＞i｜j"},
		{"CON", "_CON"},
		{"con.txt", "_con.txt"},
		{"Lpt9", "_Lpt9"},
		{"COM1 .docx", "_COM1 .docx"},
		{"COM¹", "_COM¹"},
		{"COMPUTER", "COMPUTER"},
		{"CONSOLE.pdf", "CONSOLE.pdf"},
		{"  名字.  ", "名字"},
		{"...", "未命名"},
		{"..", "未命名"},
		{"", "未命名"},
		{"   ", "未命名"},
		{"\x00\x01\x1f\x7f", "未命名"},
		{"第一行\n第二行\t第三", "第一行 第二行 第三"},
		{"a\u202etxt.exe", "atxt.exe"}, // right-to-left override removed
		{"零\u200b宽", "零宽"},             // zero-width space removed
		{"全角　空格", "全角 空格"},             // ideographic space is a space
		{"bad\xffutf8", "badutf8"},     // invalid UTF-8 dropped
		{".hidden", "hidden"},          // no leading dot
		{"研讨会：未来/展望", "研讨会：未来／展望"},
		{long, strings.Repeat("长", MaxNameRunes)},
		{strings.Repeat("a", MaxNameRunes-1) + " .b", strings.Repeat("a", MaxNameRunes-1)},
	}
	for _, tt := range tests {
		got := SafeName(tt.in, 0)
		if got != tt.want {
			t.Errorf("SafeName(%q) = %q, want %q", tt.in, got, tt.want)
		}
		assertSafe(t, got)
	}
}

// assertSafe fails when name could not be created on Windows.
func assertSafe(t *testing.T, name string) {
	t.Helper()
	if name == "" || !utf8.ValidString(name) {
		t.Errorf("name %q empty or not UTF-8", name)
	}
	if strings.ContainsAny(name, "<>:\"/\\|?*") {
		t.Errorf("name %q holds a reserved character", name)
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			t.Errorf("name %q holds control character %U", name, r)
		}
	}
	if strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") || strings.HasPrefix(name, " ") {
		t.Errorf("name %q starts or ends with a space or dot", name)
	}
	if isDeviceName(name) {
		t.Errorf("name %q is a Windows device name", name)
	}
	if n := utf8.RuneCountInString(name); n > MaxNameRunes {
		t.Errorf("name %q has %d characters, more than %d", name, n, MaxNameRunes)
	}
	if len(name) > 250 {
		t.Errorf("name %q has %d bytes", name, len(name))
	}
}

func FuzzSafeName(f *testing.F) {
	for _, s := range []string{"a/b", "CON", "  名字.  ", "", "\x00", strings.Repeat("长", 100)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assertSafe(t, SafeName(s, 0))
		assertSafe(t, SafeName(s, 5))
	})
}

func TestNamesOfSamples(t *testing.T) {
	call := forms.Default()
	forum, err := forms.Sample(call, "forum")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := BaseName(call, forum), "吉林省化学会-研究生论坛-新材料与绿色化工专题"; got != want {
		t.Errorf("BaseName(forum) = %q, want %q", got, want)
	}
	if got, want := ApplicationName(call, forum), "项目申报书-吉林省化学会-研究生论坛"; got != want {
		t.Errorf("ApplicationName(forum) = %q, want %q", got, want)
	}
	if got, want := Subject(call, forum), "【学术交流项目申报】吉林省化学会—研究生论坛—第十一届吉林省科协研究生论坛——新材料与绿色化工专题"; got != want {
		t.Errorf("Subject(forum) = %q, want %q", got, want)
	}
	// The words in 【】 are the call's: a call that names none says 项目申报.
	plain := *call
	plain.MailSubject = ""
	if got := Subject(&plain, forum); !strings.HasPrefix(got, "【项目申报】吉林省化学会—") {
		t.Errorf("Subject of a call without mail_subject = %q, want 【项目申报】…", got)
	}
	speech, _ := forms.Sample(call, "speech")
	if got, want := BaseName(call, speech), "吉林农业大学科学技术协会-演讲比赛农科分赛场"; got != want {
		t.Errorf("BaseName(speech) = %q, want %q", got, want)
	}
	seen := map[string]bool{}
	for _, cat := range call.Categories {
		d, err := forms.Sample(call, cat.ID)
		if err != nil {
			t.Fatal(err)
		}
		n := NamesFor(call, d, 1)
		for _, name := range append(n.Files(), n.Dir, n.Zip) {
			assertSafe(t, name)
		}
		if seen[n.Dir] {
			t.Errorf("two samples share the folder name %q", n.Dir)
		}
		seen[n.Dir] = true
		if n2 := NamesFor(call, d, 2); n2.Dir != n.Dir+" (2)" || n2.Zip != n.Dir+" (2).zip" {
			t.Errorf("second copy named %q / %q", n2.Dir, n2.Zip)
		}
	}
}

func TestNamesOfHostileDraft(t *testing.T) {
	call := forms.Default()
	d, _ := forms.Sample(call, "basic")
	d.Applicant.Name = "../../Windows/System32\\CON"
	d.Project.Name = strings.Repeat("超长的项目名称：<测试>|", 30) + "..."
	n := NamesFor(call, d, 12)
	for _, name := range append(n.Files(), n.Dir, n.Zip) {
		assertSafe(t, name)
		if name == "." || name == ".." {
			t.Errorf("name %q refers to a folder", name)
		}
	}
	d.Applicant.Name, d.Project.Name = "", ""
	n = NamesFor(call, d, 1)
	if n.Dir != "未命名-基础研究" {
		t.Errorf("empty unit and project give folder %q", n.Dir)
	}
	d.Confidential = true
	if n := NamesFor(call, d, 1); n.EML != "" || len(n.Files()) != 4 {
		t.Errorf("confidential draft names an e-mail: %+v", n)
	}
}
