// Package cli holds the headless commands of the shenbao binary: check,
// sample, rules (and export, reports). Run with no arguments, the binary opens the
// window instead. The package imports nothing from fyne.io, so the commands
// work and are tested without a display.
package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"shenbao/assets"
	"shenbao/forms"
	"shenbao/forms/aftercare"
	"shenbao/forms/fonts"
	"shenbao/forms/usererr"
)

// Exit codes of check.
const (
	ExitOK       = 0 // no errors (warnings allowed)
	ExitFindings = 1 // at least one error
	ExitUnread   = 2 // a file could not be read, or a usage mistake
)

// Env is what a command needs from outside: its output streams, today's
// date and the call.
type Env struct {
	Stdout, Stderr io.Writer
	Now            func() time.Time
	Call           *forms.Call
}

// Main runs the command named by args[0] and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	return Run(args, Env{Stdout: stdout, Stderr: stderr, Now: time.Now})
}

// Commands maps a command name to its implementation; export and reports register
// themselves here from their own files.
var commands = map[string]func(args []string, env Env) int{
	"check":  runCheck,
	"sample": runSample,
	"rules":  runRules,
	"version": func(_ []string, env Env) int {
		fmt.Fprintf(env.Stdout, "申报助手 shenbao %s（%d年度申报通知）\n", assets.Version, env.Call.Year)
		return ExitOK
	},
}

// Run is Main with an explicit environment (tests pin the clock).
func Run(args []string, env Env) int {
	if env.Call == nil {
		env.Call = forms.Default()
	}
	if len(args) == 0 {
		usage(env.Stderr)
		return ExitUnread
	}
	// --call FILE before the command loads another year's call.
	if args[0] == "--call" && len(args) > 2 {
		c, err := forms.LoadCallFile(args[1])
		if err != nil {
			printErr(env.Stderr, err)
			return ExitUnread
		}
		env.Call = c
		args = args[2:]
	}
	cmd, ok := commands[args[0]]
	if !ok {
		if args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
			usage(env.Stdout)
			return ExitOK
		}
		fmt.Fprintf(env.Stderr, "未知命令 “%s”。\n", args[0])
		usage(env.Stderr)
		return ExitUnread
	}
	return cmd(args[1:], env)
}

// printErr writes a failure for the person at the terminal: the Chinese
// message only. With SHENBAO_DEBUG=1 in the environment the code, the
// file and the system's cause, which the message does not show, follow on
// a line of their own for whoever helps her (the window logs the same;
// usererr.Log).
func printErr(w io.Writer, err error) {
	fmt.Fprintln(w, err)
	if os.Getenv(DebugEnv) == "" {
		return
	}
	var e *usererr.Error
	if errors.As(err, &e) {
		fmt.Fprintf(w, "  [%s] %s（原因：%v）\n", e.Code, e.Path, e.Err)
	}
}

// DebugEnv names the environment variable that makes the commands print
// the causes of failures (docs/cli.md).
const DebugEnv = "SHENBAO_DEBUG"

func usage(w io.Writer) {
	fmt.Fprint(w, `申报助手 shenbao — 按申报通知填写、检查、打印项目申报书

不带参数运行时打开窗口。命令行用法：
  shenbao check [--json] [--today YYYY-MM-DD] 文件...   检查草稿（含同一单位的限额）
  shenbao sample                                        列出类别代码
  shenbao sample 类别代码 [-o 文件] [--force]            写出该类别的完整示例申报书（不覆盖已有的文件，除非 --force）
  shenbao sample 类别代码 --selected [-o 文件]           同上，并标记入选、填好会后材料（不含照片）
  shenbao rules [--json]                                列出全部检查规则
  shenbao fields                                        列出各类别专项内容的字段（按申报通知数据文件）
  shenbao version                                       显示版本
  shenbao export 文件 [--out 文件夹]                      导出PDF、Word和报送材料包
  shenbao reports 文件 [--out 文件夹]                     导出入选项目的会后材料和报送日程
  shenbao carry 往年草稿 [--call 新通知.toml] [-o 新草稿]   用往年申报书新建本年度的申报书
  shenbao notice 通知.txt|通知.docx [--from 往年通知.toml] -o 文件夹/call.toml [--force]
                                                        读申报通知，生成本年度的申报通知数据文件
  shenbao --call 通知数据.toml [命令 ...]                 使用另一年度的申报通知数据（不带命令时打开窗口）
退出码：0 无错误，1 有错误，2 文件无法读取或用法有误。
`)
}

// newFlags makes a flag set that reports mistakes in Chinese on stderr.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseInterleaved parses flags that may come before or after the file
// arguments, returning the files.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return files, nil
		}
		files = append(files, args[0])
		args = args[1:]
	}
}

// JSONFinding is one line of `check --json`.
type JSONFinding struct {
	File     string         `json:"file"`
	Rule     string         `json:"rule"`
	Field    string         `json:"field"`
	Severity forms.Severity `json:"severity"`
	Message  string         `json:"message"`
}

func runCheck(args []string, env Env) int {
	fs := newFlags("check")
	asJSON := fs.Bool("json", false, "")
	todayS := fs.String("today", "", "")
	files, err := parseInterleaved(fs, args)
	if err != nil {
		fmt.Fprintf(env.Stderr, "参数有误：%v\n用法：shenbao check [--json] [--today YYYY-MM-DD] 文件...\n", err)
		return ExitUnread
	}
	if len(files) == 0 {
		fmt.Fprintln(env.Stderr, "请给出要检查的草稿文件。用法：shenbao check [--json] [--today YYYY-MM-DD] 文件...")
		return ExitUnread
	}
	today := forms.DateOf(env.Now())
	if *todayS != "" {
		if today, err = forms.ParseDate(*todayS); err != nil || today.IsZero() {
			fmt.Fprintf(env.Stderr, "--today 的日期 “%s” 有误，应写作 年-月-日，如 %s。\n", *todayS, forms.DateOf(env.Call.Deadline))
			return ExitUnread
		}
	}
	opts := forms.Options{Today: today, Printable: fonts.Printable}
	var (
		drafts []forms.NamedDraft
		out    []JSONFinding
		code   = ExitOK
	)
	for _, f := range files {
		d, err := forms.Load(f)
		if err != nil {
			printErr(env.Stderr, err)
			code = ExitUnread
			continue
		}
		drafts = append(drafts, forms.NamedDraft{Name: f, Draft: d})
	}
	across := forms.CheckAcross(env.Call, drafts)
	for i, nd := range drafts {
		fsAll := forms.Check(env.Call, nd.Draft, opts)
		fsAll = append(fsAll, across[i]...)
		forms.SortFindings(fsAll)
		for _, f := range fsAll {
			if f.Severity == forms.Error && code == ExitOK {
				code = ExitFindings
			}
			out = append(out, JSONFinding{File: nd.Name, Rule: f.Rule, Field: f.Field, Severity: f.Severity, Message: f.Message})
		}
	}
	if *asJSON {
		if out == nil {
			out = []JSONFinding{}
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		_ = enc.Encode(out)
		return code
	}
	printText(env.Stdout, env.Call, drafts, out)
	return code
}

func printText(w io.Writer, call *forms.Call, drafts []forms.NamedDraft, out []JSONFinding) {
	byFile := map[string][]JSONFinding{}
	for _, f := range out {
		byFile[f.File] = append(byFile[f.File], f)
	}
	for _, nd := range drafts {
		list := byFile[nd.Name]
		var e, wn int
		for _, f := range list {
			switch f.Severity {
			case forms.Error:
				e++
			case forms.Warning:
				wn++
			}
		}
		fmt.Fprintf(w, "%s：%d个错误，%d个警告\n", nd.Name, e, wn)
		for _, f := range list {
			field := ""
			if f.Field != "" {
				field = "［" + call.FieldLabel(f.Field) + "］"
			}
			fmt.Fprintf(w, "  %s %s%s %s\n", f.Severity.SeverityName(), field, f.Message, "("+f.Rule+")")
		}
	}
}

func runSample(args []string, env Env) int {
	fs := newFlags("sample")
	outPath := fs.String("o", "", "")
	selected := fs.Bool("selected", false, "")
	force := fs.Bool("force", false, "")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		fmt.Fprintf(env.Stderr, "参数有误：%v\n用法：shenbao sample [类别代码 [--selected] [-o 文件] [--force]]\n", err)
		return ExitUnread
	}
	if len(rest) == 0 {
		for _, c := range env.Call.Categories {
			fmt.Fprintln(env.Stdout, c.ID)
		}
		return ExitOK
	}
	d, err := forms.Sample(env.Call, rest[0])
	if err != nil {
		printErr(env.Stderr, err)
		return ExitUnread
	}
	if *selected {
		aftercare.FillSample(env.Call, d) // marked selected, every report filled, no photos
	}
	if *outPath == "" {
		b, _ := forms.Marshal(d)
		_, _ = env.Stdout.Write(b)
		return ExitOK
	}
	if _, err := os.Lstat(*outPath); err == nil && !*force {
		// a draft of hers is never replaced by a sample unasked
		fmt.Fprintf(env.Stderr, "文件 %s 已经存在，没有覆盖它：示例没有写出，原有的文件没有改动。请用 -o 换一个文件名；确要用示例替换它，请加 --force。\n", *outPath)
		return ExitUnread
	}
	if err := forms.Save(*outPath, d, d.UpdatedAt); err != nil {
		printErr(env.Stderr, err)
		return ExitUnread
	}
	fmt.Fprintf(env.Stdout, "已写出示例申报书：%s\n", *outPath)
	if *selected {
		if lo, hi := forms.PhotoLimits(env.Call); hi > 0 {
			fmt.Fprintf(env.Stdout, "示例已标记入选，会后材料已填好；信息报道稿还须附%d-%d张照片：在窗口中打开它，点“入选与会后材料”添加。\n", lo, hi)
		} else {
			fmt.Fprintln(env.Stdout, "示例已标记入选，会后材料已填好：在窗口中打开它，点“入选与会后材料”查看。")
		}
	}
	return ExitOK
}

func runRules(args []string, env Env) int {
	fs := newFlags("rules")
	asJSON := fs.Bool("json", false, "")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(env.Stderr, "参数有误：%v\n用法：shenbao rules [--json]\n", err)
		return ExitUnread
	}
	rules := forms.Rules(env.Call)
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		_ = enc.Encode(rules)
		return ExitOK
	}
	width := 0
	for _, r := range rules {
		width = max(width, len(r.ID))
	}
	for _, r := range rules {
		clause := r.Clause
		if clause == "" {
			clause = "—" // the call states the fact, not its clause
		}
		fmt.Fprintf(env.Stdout, "%-*s  %-7s  %-16s  %s\n", width, r.ID, r.Severity, clause, r.Summary)
	}
	return ExitOK
}
