package aftercare

import (
	"shenbao/forms"
)

// FillSample marks a sample draft of the call (forms.Sample) selected, held on its
// planned dates, and fills every after-event report with plausible text,
// results (for the speech competition) and final accounts that balance.
// Photos are not added: they are files (see ImportPhoto). It is the fixture
// of the report tests and a demonstration for newcomers.
func FillSample(call *forms.Call, d *forms.Draft) {
	d.Selection = &forms.Selection{
		Selected:      true,
		ListPublished: forms.DateOf(call.AnnouncementBy).AddDays(-2),
		ActualStart:   d.Project.StartDate,
		ActualEnd:     d.Project.EndDate,
	}
	r := d.EnsureReports()
	r.Info = forms.InfoReport{
		Title: d.Project.Name + "圆满举办",
		Text: d.Project.StartDate.Chinese() + "，" + d.Project.Name + "在" + d.Project.City + d.Project.Place + "举办。活动由" + d.Applicant.Name + "承办，围绕“" + d.Project.Theme + "”主题，邀请省内外专家学者作报告并开展研讨交流，" +
			"参会代表踊跃发言，现场气氛热烈。\n\n与会专家认为，本次活动聚焦学科前沿和产业需求，为促进学术交流、服务地方经济社会发展搭建了平台。",
	}
	if call.Issuer != "" {
		r.Info.Text += "活动得到" + call.Issuer + "资助。"
	}
	r.Summary = "一、基本情况\n" + d.Project.Summary + "\n二、主要成效\n活动按申报书确定的日程完成，参会人数达到通知要求，形成了会议材料和专家建议。\n三、经验与不足\n会前宣传充分；今后将进一步扩大青年科技工作者的参与面。"
	r.Review = "与会专家围绕“" + d.Project.Theme + "”交流了最新研究进展。主要观点如下：\n1．学科交叉是原始创新的重要来源。\n2．应加强产学研协同，推动成果在省内转化。\n3．青年人才培养需要稳定的学术交流平台。"
	if forms.HasAfterItem(call, d, forms.ItemResults) {
		r.Results = []forms.ResultRow{
			{Rank: 1, Name: "张敏", Unit: "农业大学", Degree: "硕士研究生", Title: "玉米抗旱基因的挖掘与利用", Score: 93.25, Award: "一等奖"},
			{Rank: 2, Name: "王磊", Unit: "理工大学", Degree: "博士研究生", Title: "黑土地保护性耕作的土壤微生物机制", Score: 91.5, Award: "一等奖"},
			{Rank: 3, Name: "艾力", Unit: "师范大学", Degree: "硕士研究生", Title: "人参皂苷的高效提取工艺", Score: 88, Award: "二等奖"},
			{Rank: 4, Name: "陈晨", Unit: "医科大学", Degree: "博士研究生", Title: "梅花鹿茸品质评价方法", Score: 85.75, Award: "三等奖"},
		}
	}
	fa := forms.NewFinalAccounts(d)
	var spent int64
	for i := range fa.Lines {
		fa.Lines[i].Spent = fa.Lines[i].Budgeted
		if i == 0 {
			// The first line a little under budget, the last a little over.
			fa.Lines[i].Spent -= 800
		}
		if i == len(fa.Lines)-1 && i > 0 {
			fa.Lines[i].Spent += 500
			fa.Lines[i].Note = "会议手册加印"
		}
		spent += fa.Lines[i].Spent
	}
	fa.Provincial = d.Project.RequestedAmount
	if fa.Provincial > spent {
		fa.Provincial = spent
	}
	fa.SelfRaised = spent - fa.Provincial
	fa.Note = "各项支出均按预算执行，资料印刷费因会议手册加印略有超支，由自筹经费承担。"
	r.Accounts = fa
}
