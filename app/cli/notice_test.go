package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
)

const (
	notice2024 = "../../forms/notice/testdata/notice-2024.txt"
	notice2025 = "../../forms/testdata/call-2025/notice.txt"
)

// TestNoticeWritesACallFolder: the 2024 notice alone gives a call folder
// the loader and the other commands accept, and a Chinese summary.
func TestNoticeWritesACallFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "2024通知")
	code, out, errOut := run(t, "notice", notice2024, "-o", dir)
	if code != ExitOK {
		t.Fatalf("notice: %d %s", code, errOut)
	}
	file := filepath.Join(dir, forms.CallFileName)
	c, err := forms.LoadCallFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Categories) != 5 || c.Deadline.Format("2006-01-02") != "2024-04-22" {
		t.Errorf("call: %d categories, deadline %v", len(c.Categories), c.Deadline)
	}
	for _, want := range []string{"已写出申报通知数据文件：" + file, "5个类别", "一（三） 第十五届", "软性要求", "没有基础通知"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if code, rules, errOut := run(t, "--call", file, "rules"); code != ExitOK || !strings.Contains(rules, "二、5") {
		t.Errorf("rules with the written call: %d %s %s", code, errOut, rules)
	}

	// Never overwritten without --force.
	before, _ := os.ReadFile(file)
	_ = os.WriteFile(file, []byte("# 手改过\n"+string(before)), 0o644)
	code, _, errOut = run(t, "notice", notice2024, "-o", file)
	if code != ExitUnread || !strings.Contains(errOut, "已存在") || !strings.Contains(errOut, "--force") {
		t.Errorf("second run without --force: %d %q", code, errOut)
	}
	if b, _ := os.ReadFile(file); !strings.HasPrefix(string(b), "# 手改过") {
		t.Error("the existing file was overwritten without --force")
	}
	if code, _, errOut = run(t, "notice", notice2024, "-o", file, "--force"); code != ExitOK {
		t.Errorf("with --force: %d %s", code, errOut)
	}
	if b, _ := os.ReadFile(file); strings.HasPrefix(string(b), "# 手改过") {
		t.Error("--force did not replace the file")
	}
}

func TestNoticeFromBase(t *testing.T) {
	file := filepath.Join(t.TempDir(), "call.toml")
	code, out, errOut := run(t, "notice", notice2025, "--from", "../../forms/calls/2024/call.toml", "-o", file)
	if code != ExitOK {
		t.Fatalf("notice --from: %d %s", code, errOut)
	}
	for _, want := range []string{"基础通知：", "演讲比赛”本年通知中没有，已删去", "第一届吉林省青年科技工作者学术沙龙", "未识别 0 项"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	c, err := forms.LoadCallFile(file)
	if err != nil || c.Year != 2025 || c.Deadline.Format("2006-01-02") != "2025-05-09" {
		t.Fatalf("call %v: %v", c, err)
	}
}

// TestNoticeBaseRulesListed: with the Hubei call as base, its own notice
// states the place again: the summary says the base's rule was not carried
// and why, and the written file keeps the notice's place rule.
func TestNoticeBaseRulesListed(t *testing.T) {
	file := filepath.Join(t.TempDir(), "call.toml")
	code, out, errOut := run(t, "notice", "../../forms/notice/testdata/hubei-2022-excerpt.txt", "--from", "../../forms/testdata/call-hubei-2022/call.toml", "-o", file)
	if code != ExitOK {
		t.Fatalf("notice --from: %d %s", code, errOut)
	}
	if !strings.Contains(out, "基础通知的规则 place.hubei") || !strings.Contains(out, "重新规定了这一项") {
		t.Errorf("summary does not list the base's place rule as not carried:\n%s", out)
	}
	c, err := forms.LoadCallFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.RuleDecls) != 1 || c.RuleDecls[0].Field != "project.city" {
		t.Errorf("rules %+v, want the notice's place rule", c.RuleDecls)
	}
}

func TestNoticeUnreadable(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "坏.docx")
	_ = os.WriteFile(bad, []byte("PK\x03\x04 broken"), 0o644)
	empty := filepath.Join(dir, "空.txt")
	_ = os.WriteFile(empty, []byte("各单位：请于4月22日前报送。"), 0o644)
	for _, tc := range []struct{ file, want string }{
		{filepath.Join(dir, "没有.txt"), "无法读取通知文件"},
		{bad, "不是有效的 .docx 文件"},
		{empty, "没有找到项目类别"},
	} {
		code, _, errOut := run(t, "notice", tc.file, "-o", filepath.Join(dir, "out"))
		if code != ExitUnread || !strings.Contains(errOut, tc.want) {
			t.Errorf("%s: %d %q, want exit 2 and %q", tc.file, code, errOut, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("a folder was written for an unreadable notice")
	}
	if code, _, errOut := run(t, "notice", notice2024); code != ExitUnread || !strings.Contains(errOut, "-o") {
		t.Errorf("without -o: %d %q", code, errOut)
	}
}

// TestNoticeNewFormatSummary: the Hubei and Shanghai excerpts give call
// files the loader and `rules` accept; the summary names what only the
// new format holds (the total quota, the place rule, 原则上 as a warning,
// the groups and codes) and what was left out.
func TestNoticeNewFormatSummary(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		file  string
		wants []string
		rules []string
	}{
		{"../../forms/notice/testdata/hubei-2022-excerpt.txt",
			[]string{"各类别合计：约40项", "声明的规则：项目须在湖北省境内举办（通知 三（三））", "规则 quota.total 按通知改为警告", "未识别（通知中没有找到，没有写入文件"},
			[]string{"place.region", "湖北"}},
		{"../../forms/notice/testdata/shanghai-2023-excerpt.txt",
			[]string{"上海市科协2023学术(创新)年会·专题活动（项目编号：2023-1-3）", "不限", "（优先，非限制）"},
			[]string{"2023-1-1"}},
	} {
		out := filepath.Join(dir, filepath.Base(tc.file), forms.CallFileName)
		code, summary, errOut := run(t, "notice", tc.file, "-o", out)
		if code != ExitOK {
			t.Fatalf("%s: %d %s", tc.file, code, errOut)
		}
		for _, want := range tc.wants {
			if !strings.Contains(summary, want) {
				t.Errorf("%s: summary lacks %q:\n%s", tc.file, want, summary)
			}
		}
		code, rules, errOut := run(t, "--call", out, "rules")
		if code != ExitOK {
			t.Fatalf("%s: rules: %d %s", tc.file, code, errOut)
		}
		for _, want := range tc.rules {
			if !strings.Contains(rules, want) {
				t.Errorf("%s: rules lack %q:\n%s", tc.file, want, rules)
			}
		}
	}
}
