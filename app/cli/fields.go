package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"shenbao/forms"
)

func init() { commands["fields"] = runFields }

// runFields prints, per category, the part of the form the call declares:
// the documentation of a call's form, generated from its declaration
// (docs/fields-<year>.md is this output for the shipped call).
func runFields(args []string, env Env) int {
	if len(args) > 0 {
		fmt.Fprintln(env.Stderr, "用法：shenbao [--call 通知数据.toml] fields")
		return ExitUnread
	}
	WriteFields(env.Stdout, env.Call)
	return ExitOK
}

// WriteFields writes the call's categories' parts as Markdown tables.
func WriteFields(w io.Writer, call *forms.Call) {
	fmt.Fprintf(w, "# %s：各类别的专项内容（第三部分）\n\n", call.Title)
	fmt.Fprintf(w, "由 `shenbao fields` 按申报通知数据文件（%s）中的 `[categories.part]` 和 `[[documents]]` 生成；窗口的表单、检查、打印和审阅页都按同一份声明。\n", call.Source)
	for i := range call.Categories {
		cat := &call.Categories[i]
		fmt.Fprintf(w, "\n## %s（`%s`，通知 %s）：%s\n\n", cat.Name, cat.ID, cat.Clause, cat.PartTitle())
		if len(cat.Part.Fields) == 0 {
			fmt.Fprintln(w, "（无专项内容）")
			continue
		}
		writeFieldTable(w, call, cat, cat.Part.Fields)
	}
	writeDocuments(w, call)
}

// writeDocuments writes the documents the call declares, section by
// section, with each block's adaptations and each own section's fields.
func writeDocuments(w io.Writer, call *forms.Call) {
	cell := func(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
	fmt.Fprintf(w, "\n## 申报材料（`[[documents]]`）\n")
	for i := range call.Documents {
		doc := &call.Documents[i]
		mail := "不发电子邮件"
		if doc.Email {
			mail = "Word文件发电子邮件"
		}
		fmt.Fprintf(w, "\n### %s（`%s`）：纸质件%d份，%s\n\n", call.Expand(doc.Title, nil), doc.ID, doc.Copies, mail)
		fmt.Fprintln(w, "| 部分 | 标题 | 调整 |")
		fmt.Fprintln(w, "|---|---|---|")
		if doc.Cover {
			fmt.Fprintf(w, "| 封面 | %s | %s |\n", cell(call.Title+" "+call.Expand(doc.Title, nil)), cell(adaptations(call, doc.CoverDecl())))
		}
		for j := range doc.Sections {
			s := &doc.Sections[j]
			what := "分组标题"
			switch {
			case s.Block != "":
				what = "`" + s.Block + "`"
			case s.Key != "":
				what = "`sections." + s.Key + "`"
			}
			title := s.Title
			if s.LevelOf() == 2 {
				title = "└ " + title
			}
			fmt.Fprintf(w, "| %s | %s | %s |\n", what, cell(title), cell(adaptations(call, s)))
		}
		for j := range doc.Sections {
			if s := &doc.Sections[j]; s.Key != "" {
				fmt.Fprintf(w, "\n#### %s（`sections.%s`）\n\n", s.Title, s.Key)
				writeFieldTable(w, call, nil, s.Fields)
			}
		}
	}
}

// adaptations say how a section adapts its block.
func adaptations(call *forms.Call, s *forms.SectionDecl) string {
	var parts []string
	if len(s.Omit) > 0 {
		parts = append(parts, "不填："+strings.Join(s.Omit, "、"))
	}
	if len(s.Labels) > 0 {
		keys := make([]string, 0, len(s.Labels))
		for k := range s.Labels {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var ls []string
		for _, k := range keys {
			ls = append(ls, k+"＝"+s.Labels[k])
		}
		parts = append(parts, "名称："+strings.Join(ls, "、"))
	}
	if len(s.Required) > 0 {
		parts = append(parts, "必填："+strings.Join(s.Required, "、"))
	}
	if len(s.Optional) > 0 {
		parts = append(parts, "选填："+strings.Join(s.Optional, "、"))
	}
	for _, b := range s.Blocks {
		parts = append(parts, "意见栏："+call.Expand(b.Label, nil)+"（"+b.By+"）")
	}
	return strings.Join(parts, "；")
}

// writeFieldTable writes declared fields as a Markdown table.
func writeFieldTable(w io.Writer, call *forms.Call, cat *forms.Category, fields []forms.FieldDecl) {
	cell := func(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
	fmt.Fprintln(w, "| 字段 | 名称 | 类型 | 要求 | 规则（条款） |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for j := range fields {
		fd := &fields[j]
		rule := ""
		if fd.Rule != "" {
			rule = fmt.Sprintf("`%s`（%s）", fd.Rule, fd.Clause)
		}
		fmt.Fprintf(w, "| `%s` | %s | %s | %s | %s |\n", fd.Key, cell(fd.Label), kindName(fd), cell(requirement(call, cat, fd)), rule)
		for k := range fd.Columns {
			c := &fd.Columns[k]
			rule := ""
			if c.Rule != "" {
				rule = fmt.Sprintf("`%s`（%s）", c.Rule, c.Clause)
			}
			fmt.Fprintf(w, "| `%s[].%s` | └ %s | %s | %s | %s |\n", fd.Key, c.Key, cell(c.Label), kindName(c), cell(requirement(call, cat, c)), rule)
		}
	}
}

func kindName(fd *forms.FieldDecl) string {
	return map[string]string{
		forms.KindText: "文字", forms.KindLong: "段落", forms.KindInt: "整数", forms.KindYesNo: "是/否",
		forms.KindDate: "日期", forms.KindChoice: "选择", forms.KindChecklist: "勾选清单", forms.KindTable: "表格", forms.KindNote: "说明",
	}[fd.Kind]
}

// requirement says in Chinese what a declared field asks for.
func requirement(call *forms.Call, cat *forms.Category, fd *forms.FieldDecl) string {
	var parts []string
	if fd.Required {
		switch fd.Kind {
		case forms.KindYesNo:
			parts = append(parts, "须勾选")
		case forms.KindChecklist:
			parts = append(parts, "须逐项勾选")
		default:
			parts = append(parts, "必填")
		}
	}
	if fd.Count > 0 {
		parts = append(parts, fmt.Sprintf("%d行", fd.Count))
	}
	if fd.Min != nil {
		parts = append(parts, fmt.Sprintf("至少%d", *fd.Min))
	}
	if fd.Max != nil {
		parts = append(parts, fmt.Sprintf("至多%d", *fd.Max))
	}
	if len(fd.Options) > 0 {
		parts = append(parts, "可选："+strings.Join(fd.Options, "、"))
	}
	if len(fd.Items) > 0 {
		parts = append(parts, "各项："+strings.Join(fd.Items, "、"))
	}
	if len(fd.NotIn) > 0 {
		parts = append(parts, "不能是："+strings.Join(fd.NotIn, "、"))
	}
	if fd.Kind == forms.KindNote {
		parts = append(parts, "印出："+cat.NoteText(call, fd))
	}
	return strings.Join(parts, "；")
}
