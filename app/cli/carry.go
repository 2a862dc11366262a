package cli

import (
	"errors"
	"flag"
	"fmt"

	"shenbao/forms"
	"shenbao/forms/fonts"
)

func init() { commands["carry"] = runCarry }

const carryUsage = `用法：shenbao carry 往年草稿.shenbao.json [--call 新通知.toml] [--from 往年通知.toml] [-o 新草稿.shenbao.json]
用往年的申报书新建本年度的申报书：带入单位、联系人、专家、各项文字，列出新通知改变了什么。
  --call  新的申报通知数据文件（默认：本程序内置的最新通知，或命令前的 --call）
  --from  往年草稿所依据的通知数据文件（默认：按草稿的年度找内置通知）
  -o      新草稿写到哪里（默认：往年草稿旁，文件名加“-年度”）
`

func runCarry(args []string, env Env) int {
	fs := newFlags("carry")
	callPath := fs.String("call", "", "")
	fromPath := fs.String("from", "", "")
	outPath := fs.String("o", "", "")
	files, err := parseInterleaved(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(env.Stdout, carryUsage)
		return ExitOK
	case err != nil:
		fmt.Fprintf(env.Stderr, "参数有误：%v\n%s", err, carryUsage)
		return ExitUnread
	case len(files) != 1:
		fmt.Fprintf(env.Stderr, "请给出一份往年的草稿文件。\n%s", carryUsage)
		return ExitUnread
	}
	call := env.Call
	if *callPath != "" {
		if call, err = forms.LoadCallFile(*callPath); err != nil {
			printErr(env.Stderr, err)
			return ExitUnread
		}
	}
	old, err := forms.Load(files[0])
	if err != nil {
		printErr(env.Stderr, err)
		return ExitUnread
	}
	from := forms.EmbeddedCall(old.CallYear)
	if *fromPath != "" {
		if from, err = forms.LoadCallFile(*fromPath); err != nil {
			printErr(env.Stderr, err)
			return ExitUnread
		}
	}
	if from == nil {
		fmt.Fprintf(env.Stderr, "提示：本程序没有%d年度的通知数据，专项内容按字段名带入；用 --from 给出往年的通知文件可列出更准确的变化。\n", old.CallYear)
	}
	now := env.Now()
	d, findings := forms.Carry(from, call, old, now, forms.Options{Today: forms.DateOf(now), Printable: fonts.Printable})
	out := *outPath
	if out == "" {
		out = forms.SiblingName(files[0], fmt.Sprintf("-%d", call.Year))
	}
	if err := forms.SaveNew(out, d, now); err != nil {
		printErr(env.Stderr, err)
		return ExitUnread
	}
	fmt.Fprintf(env.Stdout, "已用%d年度的申报书新建%d年度的草稿：%s\n", old.CallYear, call.Year, out)
	list := make([]JSONFinding, len(findings))
	for i, f := range findings {
		list[i] = JSONFinding{File: out, Rule: f.Rule, Field: f.Field, Severity: f.Severity, Message: f.Message}
	}
	printText(env.Stdout, call, []forms.NamedDraft{{Name: out, Draft: d}}, list)
	return ExitOK
}
