package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"shenbao/forms"
	"shenbao/forms/atomicfile"
	"shenbao/forms/notice"
	"shenbao/forms/usererr"
)

func init() { commands["notice"] = runNotice }

const noticeUsage = `用法：shenbao notice 通知.txt|通知.docx [--from 往年通知.toml] -o 文件夹/call.toml [--force]
读申报通知的正文（纯文本或 Word .docx），生成本年度的申报通知数据文件（草案），并列出每项的出处。
  --from   往年的申报通知数据文件：通知没有重述的内容取自它，并注明“取自基础通知”
  -o       写到哪里：call.toml 的路径，或一个文件夹（写入其中的 call.toml）
  --force  文件已存在时覆盖它（不加时不覆盖）
`

func runNotice(args []string, env Env) int {
	fs := newFlags("notice")
	fromPath := fs.String("from", "", "")
	outPath := fs.String("o", "", "")
	force := fs.Bool("force", false, "")
	files, err := parseInterleaved(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(env.Stdout, noticeUsage)
		return ExitOK
	case err != nil:
		fmt.Fprintf(env.Stderr, "参数有误：%v\n%s", err, noticeUsage)
		return ExitUnread
	case len(files) != 1:
		fmt.Fprintf(env.Stderr, "请给出一份通知文件（.txt 或 .docx）。\n%s", noticeUsage)
		return ExitUnread
	case *outPath == "":
		fmt.Fprintf(env.Stderr, "请用 -o 给出申报通知数据文件写到哪里（如 -o 2025通知/call.toml）。\n%s", noticeUsage)
		return ExitUnread
	}
	var base *forms.Call
	if *fromPath != "" {
		if base, err = forms.LoadCallFile(*fromPath); err != nil {
			printErr(env.Stderr, err)
			return ExitUnread
		}
	}
	out := *outPath
	if !strings.EqualFold(filepath.Ext(out), ".toml") {
		out = filepath.Join(out, forms.CallFileName)
	}
	if _, err := os.Stat(out); err == nil && !*force {
		fmt.Fprintf(env.Stderr, "文件 %s 已存在，没有覆盖。要覆盖它请加 --force，或用 -o 换一个文件夹。\n", out)
		return ExitUnread
	}
	text, err := notice.TextOf(files[0])
	if err != nil {
		printErr(env.Stderr, err)
		return ExitUnread
	}
	p, err := notice.Read(text, base)
	if err != nil {
		fmt.Fprintf(env.Stderr, "通知 %s：%v\n", files[0], err)
		return ExitUnread
	}
	data := p.TOML()
	if _, err := forms.ParseCall(filepath.Base(out), data); err != nil {
		// Read's output always loads (tested); say so if it ever does not.
		fmt.Fprintf(env.Stderr, "生成的申报通知数据文件未通过检查：%v\n请把通知文件发给程序维护者。\n", err)
		return ExitUnread
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		fmt.Fprintf(env.Stderr, "无法建立文件夹 %s（%v）：请换一个位置。\n", filepath.Dir(out), err)
		return ExitUnread
	}
	if err := atomicfile.WriteFile(out, data, atomicfile.Options{NoReplace: !*force}); err != nil {
		if usererr.CodeOf(err) == usererr.Exist || errors.Is(err, iofs.ErrExist) {
			fmt.Fprintf(env.Stderr, "文件 %s 已存在，没有覆盖。要覆盖它请加 --force。\n", out)
		} else {
			fmt.Fprintf(env.Stderr, "无法写出 %s：%v\n", out, err)
		}
		return ExitUnread
	}
	printProposal(env.Stdout, files[0], out, p)
	return ExitOK
}

// printProposal is the Chinese summary: the categories, then the facts
// taken from the base, those not found, and what the call file cannot hold.
func printProposal(w io.Writer, in, out string, p *notice.Proposal) {
	c := p.Call
	fmt.Fprintf(w, "已读通知 %s（%d字）：%d个类别；通知原文 %d 项，取自基础通知 %d 项，未识别 %d 项。\n",
		in, p.Chars, len(c.Categories), p.Count(notice.Found), p.Count(notice.FromBase), p.Count(notice.Unrecognized))
	fmt.Fprintf(w, "已写出申报通知数据文件：%s\n", out)
	if p.Base != "" {
		fmt.Fprintf(w, "基础通知：%s\n", p.Base)
	} else {
		fmt.Fprintf(w, "没有基础通知：申报书的格式（[[documents]]）和各类别的专项内容（第三部分）暂取自%d年度的内置通知，请对照通知的附件核对。\n", p.Filler.Year)
	}
	fmt.Fprintln(w, "类别：")
	for _, cat := range c.Categories {
		var parts []string
		if cat.QuotaStated() {
			parts = append(parts, cat.QuotaText())
		}
		if cat.FundingKind != "" {
			parts = append(parts, cat.FundingText())
		}
		if cat.WindowText != "" {
			if cat.WindowPreferred {
				parts = append(parts, cat.WindowText+"（优先，非限制）")
			} else {
				parts = append(parts, cat.WindowText)
			}
		}
		fmt.Fprintf(w, "  %s %s（%s）：%s\n", cat.Clause, c.CategoryTitle(&cat, cat.Name), cat.ID, strings.Join(parts, "，"))
	}
	if c.TotalQuota != nil {
		fmt.Fprintf(w, "各类别合计：%s\n", c.TotalQuota.Text())
	}
	for _, rd := range c.RuleDecls {
		fmt.Fprintf(w, "声明的规则：%s（通知 %s）\n", rd.Summary, rd.Clause)
	}
	for _, id := range sortedIDs(c.Rules) {
		fmt.Fprintf(w, "规则 %s 按通知改为%s\n", id, c.Rules[id].Severity.SeverityName())
	}
	for _, name := range p.Removed {
		fmt.Fprintf(w, "  基础通知的类别“%s”本年通知中没有，已删去。\n", name)
	}
	for _, line := range p.NotCarried {
		fmt.Fprintf(w, "  %s。\n", line)
	}
	list := func(title string, keep func(notice.Fact) (string, bool)) {
		var lines []string
		for _, f := range p.Facts {
			if s, ok := keep(f); ok {
				lines = append(lines, "  "+s)
			}
		}
		if len(lines) > 0 {
			fmt.Fprintln(w, title)
			fmt.Fprintln(w, strings.Join(lines, "\n"))
		}
	}
	list("取自基础通知（本年通知没有重述，请核对）：", func(f notice.Fact) (string, bool) {
		return f.Label + "：" + f.Value, f.Status == notice.FromBase
	})
	list("未识别（通知中没有找到，没有写入文件；不写的事项程序不检查，通知确有规定的请补上）：", func(f notice.Fact) (string, bool) {
		return f.Label, f.Status == notice.Unrecognized
	})
	list("请留意的写法（文件中已注明）：", func(f notice.Fact) (string, bool) {
		if f.Note == "" || f.Soft != "" && strings.HasPrefix(f.Key, "soft.") {
			return "", false
		}
		return fmt.Sprintf("%s：%s（通知 %s）", f.Label, f.Value, f.Clause), true
	})
	list("软性要求（宜作为警告或提示，而非错误）：", func(f notice.Fact) (string, bool) {
		if !strings.HasPrefix(f.Key, "soft.") {
			return "", false
		}
		return fmt.Sprintf("通知 %s “%s”：%s", f.Clause, clipRunes(f.Sentence, 30), f.Severity.SeverityName()), true
	})
	fmt.Fprintf(w, "下一步：shenbao --call %s rules 逐条对照通知核对；在窗口中用「导入申报通知文件…」导入。\n", out)
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// sortedIDs are a map's keys in order.
func sortedIDs[V any](m map[string]V) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
