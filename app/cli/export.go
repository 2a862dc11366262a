package cli

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"shenbao/forms"
	"shenbao/forms/fonts"
	"shenbao/forms/submission"
)

func init() { commands["export"] = runExport }

const exportUsage = `用法：shenbao export 文件 [--out 文件夹]
  检查草稿，然后写出报送材料包：申报书PDF和Word文档、报送清单、邮寄地址标签、
  邮件草稿（.eml，附Word文档；涉及保密内容的申报书不生成），以及整个文件夹的zip。
  --out 文件夹   材料包写到这里（默认：草稿文件旁的“报送材料”文件夹，与窗口相同）。
  已有同名材料包时不覆盖，新的一份名称后加“ (2)”“ (3)”……
  检查有错误时仍照常导出（命令行无法询问确认），但列出错误并以退出码1结束：
  请改正后重新导出再报送。
退出码：0 已导出且无错误，1 已导出但申报书有错误，2 文件无法读取或写入、用法有误。
`

// loadOne parses `CMD FILE [--out DIR]` and loads the draft. ok is false
// when the command should end with code (help printed, usage mistake, or an
// unreadable draft, each already reported).
func loadOne(cmd string, args []string, env Env, usage, needFile string) (file, out string, d *forms.Draft, code int, ok bool) {
	fs := newFlags(cmd)
	outFlag := fs.String("out", "", "")
	files, err := parseInterleaved(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(env.Stdout, usage)
		return "", "", nil, ExitOK, false
	case err != nil:
		fmt.Fprintf(env.Stderr, "参数有误：%v\n%s", err, usage)
		return "", "", nil, ExitUnread, false
	case len(files) != 1:
		fmt.Fprintf(env.Stderr, "%s\n%s", needFile, usage)
		return "", "", nil, ExitUnread, false
	}
	d, err = forms.Load(files[0])
	if err != nil {
		printErr(env.Stderr, err)
		return "", "", nil, ExitUnread, false
	}
	return files[0], *outFlag, d, 0, true
}

// printFindings checks one draft, prints the findings keep accepts, and
// returns how many of them are errors.
func printFindings(env Env, file string, d *forms.Draft, now time.Time, keep func(forms.Finding) bool) (errs int) {
	var list []JSONFinding
	for _, f := range forms.Check(env.Call, d, forms.Options{Today: forms.DateOf(now), Printable: fonts.Printable}) {
		if !keep(f) {
			continue
		}
		if f.Severity == forms.Error {
			errs++
		}
		list = append(list, JSONFinding{File: file, Rule: f.Rule, Field: f.Field, Severity: f.Severity, Message: f.Message})
	}
	printText(env.Stdout, env.Call, []forms.NamedDraft{{Name: file, Draft: d}}, list)
	return errs
}

func runExport(args []string, env Env) int {
	file, outDir, d, code, ok := loadOne("export", args, env, exportUsage, "请给出一个要导出的草稿文件。")
	if !ok {
		return code
	}
	now := env.Now()
	errs := printFindings(env, file, d, now, func(forms.Finding) bool { return true })

	dir := outDir
	if dir == "" {
		dir = submission.FolderFor(file)
	}
	res, err := submission.Build(dir, env.Call, d, now)
	if err != nil {
		printErr(env.Stderr, err)
		return ExitUnread
	}
	fmt.Fprintf(env.Stdout, "已导出报送材料包：%s\n", res.Dir)
	for _, p := range res.Files {
		fmt.Fprintf(env.Stdout, "  %s\n", filepath.Base(p))
	}
	fmt.Fprintf(env.Stdout, "压缩包：%s\n", res.Zip)
	if d.Confidential {
		fmt.Fprintln(env.Stdout, "本申报书已声明涉及保密内容，不得通过互联网传送"+forms.Cite(env.Call.Clauses.Confidential)+"，未生成邮件草稿；请只报送纸质件，详见报送清单。")
	}
	if errs > 0 {
		fmt.Fprintf(env.Stderr, "注意：申报书还有%d个错误（见上），材料包仍已导出，但请改正后重新导出再报送。\n", errs)
		return ExitFindings
	}
	return ExitOK
}
