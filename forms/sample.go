package forms

import (
	"strings"

	"shenbao/forms/usererr"
)

// Sample returns the sample application of a category: the draft stored
// beside the call (samples/<category>.shenbao.json), which passes every check
// of its call. It is what a newcomer opens first and the fixture of the
// document tests. Each category's sample comes from a different unit, so
// that all samples of a call together also pass the quota check.
func Sample(call *Call, category string) (*Draft, error) {
	cat := call.Category(category)
	if cat == nil {
		return nil, usererr.New(usererr.NotExist, "", nil, "没有类别 “%s”；可用的类别：%s", category, categoryIDs(call))
	}
	data := call.SampleData(category)
	if data == nil {
		return nil, usererr.New(usererr.NotExist, "", nil, "申报通知 %s 没有“%s”的示例：示例放在通知文件旁的 samples/%s%s（docs/call-format.md）", call.Source, cat.Name, category, DraftExt)
	}
	d, err := Unmarshal("samples/"+category+DraftExt, data)
	if err != nil {
		return nil, err
	}
	if d.Category != category || d.CallYear != call.Year {
		return nil, usererr.New(usererr.NotOurs, "", nil, "示例 samples/%s%s 属于%d年度的“%s”类别，与申报通知（%d年度，“%s”）不符", category, DraftExt, d.CallYear, d.Category, call.Year, category)
	}
	return d, nil
}

func categoryIDs(call *Call) string {
	ids := make([]string, len(call.Categories))
	for i, c := range call.Categories {
		ids[i] = c.ID
	}
	return strings.Join(ids, "、")
}
