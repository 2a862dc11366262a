package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"shenbao/forms"
	"shenbao/forms/aftercare"
	"shenbao/forms/submission"
)

func init() { commands["reports"] = runReports }

const reportsUsage = `用法：shenbao reports 文件 [--out 文件夹]
  为已入选的项目写出会后须报送的全部材料（见申报通知的会后材料一条）：信息报道稿（附照片）、
  演讲比赛分赛场成绩（仅演讲比赛）、项目总结及学术观点综述、决算表，各一份PDF和
  Word文档，另加报送日程（.ics，可导入Outlook、苹果日历，提前一天提醒）。
  --out 文件夹   写到这里（默认：草稿文件旁“报送材料”文件夹中的“单位-类别-项目-会后材料”，与窗口相同）。
                已有同名文件时不覆盖（包括改过的Word文档），新的一组名称后加“ (2)”“ (3)”……
  照片从草稿文件旁的“草稿名.files”文件夹读取。
  会后材料检查有错误时仍照常导出，但列出错误并以退出码1结束：请改正后重新导出再报送。
退出码：0 已导出且无错误，1 已导出但有错误，2 文件无法读取或写入、项目未入选、用法有误。
`

func runReports(args []string, env Env) int {
	file, outDir, d, code, ok := loadOne("reports", args, env, reportsUsage, "请给出一个已入选项目的草稿文件。")
	if !ok {
		return code
	}
	if !d.IsSelected() {
		fmt.Fprintf(env.Stderr, "《%s》尚未标记入选，没有会后材料可导出。请在窗口中打开这份申报书，点“入选与会后材料”标记入选并填写实际举办日期；"+
			"想先看看效果，可用 shenbao sample speech --selected -o 示例.shenbao.json 写出一份入选示例。\n", filepath.Base(file))
		return ExitUnread
	}

	// Only the after-event findings: the application itself was submitted
	// long ago (shenbao check lists everything).
	now := env.Now()
	errs := printFindings(env, file, d, now, func(f forms.Finding) bool { return strings.HasPrefix(f.Rule, "after.") })

	dir := outDir
	if dir == "" {
		dir = submission.AfterFolder(env.Call, d, file)
	}
	written, err := aftercare.ExportAll(dir, env.Call, d, file, now)
	if err != nil {
		printErr(env.Stderr, err)
		if len(written) > 0 {
			// Each file is written whole or not at all (forms/atomicfile):
			// what was written is complete, the rest is missing.
			fmt.Fprintf(env.Stderr, "导出没有完成：已写出的%d个文件是完整的，其余的没有写出。请解决上述问题后重新导出。\n", len(written))
		}
		return ExitUnread
	}
	fmt.Fprintf(env.Stdout, "已导出会后材料到 %s：\n", dir)
	for _, e := range written {
		fmt.Fprintf(env.Stdout, "  %s\n", filepath.Base(e.Path))
	}
	if errs > 0 {
		fmt.Fprintf(env.Stderr, "注意：会后材料还有%d个错误（见上），文件仍已导出，但请改正后重新导出再报送。\n", errs)
		return ExitFindings
	}
	return ExitOK
}
