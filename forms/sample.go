package forms

import (
	"fmt"
	"time"
)

// Sample returns a complete application of the given category that passes
// every check of the 2024 call: what a newcomer opens first, and the fixture
// of the document tests. Each category's sample comes from a different unit,
// so that all samples together also pass the quota check.
func Sample(call *Call, category string) (*Draft, error) {
	cat := call.Category(category)
	if cat == nil {
		return nil, fmt.Errorf("没有类别 “%s”；可用的类别：%s", category, categoryIDs(call))
	}
	d := NewDraft(call, category)
	d.ID = "sample-" + category
	d.CreatedAt = time.Date(2024, 4, 8, 9, 0, 0, 0, time.UTC)
	d.UpdatedAt = d.CreatedAt
	d.Cover.ApplyDate = NewDate(2024, 4, 10)
	d.Applicant = Applicant{
		Type:             TypeProvincialSociety,
		Address:          "吉林省长春市南关区人民大街1号",
		Postcode:         "130022",
		Leader:           "王建国",
		LeaderTitle:      "理事长",
		Contact:          "李晓梅",
		ContactTitle:     "秘书长",
		Mobile:           "13904310001",
		Phone:            "0431-88880001",
		Email:            "xuehui2024@example.com",
		AnnualInspection: true,
		Evaluation2023:   true,
	}
	d.Project = Project{
		City:            "长春市",
		Place:           "吉林省科技会堂报告厅",
		Form:            d.Project.Form,
		Organisers:      "主办：吉林省科学技术协会；承办：" + "（申报单位）",
		RequestedAmount: cat.FundingFor(""),
	}
	d.Agenda = []AgendaItem{
		{Time: "08:30-09:00", Item: "开幕式及领导致辞", Speaker: "王建国"},
		{Time: "09:00-11:30", Item: "主题报告", Speaker: "特邀专家"},
		{Time: "13:30-17:00", Item: "专题交流与研讨", Speaker: "与会代表"},
	}
	d.Experts = []Expert{
		{Name: "张立群", Unit: "吉林大学", Title: "教授", Topic: "学科前沿进展"},
		{Name: "刘海燕", Unit: "中国科学院长春应用化学研究所", Title: "研究员", Topic: "成果转化与产业应用"},
	}
	d.ExpectedResults = "形成会议论文摘要集1部、专家建议1份，在省科协云服务平台发布活动信息报道。"
	d.Publicity = "通过学会网站、微信公众号及吉林省科协云服务平台进行会前通知和会后报道。"
	d.Opinions = Opinions{Applicant: "同意申报。本单位保证申报内容真实，按通知要求如期完成项目并报送总结和决算材料。", Signer: "王建国"}

	switch category {
	case "annual":
		d.Applicant.Name = "吉林省汽车工程学会"
		d.Applicant.CreditCode = "51220000MJ0012345U"
		d.Joint = []Joint{{Name: "长春市科学技术协会", Type: TypeCitySAT}}
		d.Project.Name = "第十三届吉林省科协年会汽车产业分会场"
		d.Project.Theme = "智能网联新能源汽车产业集群创新发展"
		d.Project.StartDate, d.Project.EndDate = NewDate(2024, 9, 12), NewDate(2024, 9, 13)
		d.Project.Participants = 260
		d.Project.Summary = "围绕年会主题“坚持科技创新引领 推动新质生产力形成”，聚焦汽车产业集群，邀请整车企业、高校和研究院所专家作主题报告，研讨智能网联新能源汽车关键技术与产业协同发展路径。"
		d.AnnualMeeting = &AnnualMeetingPart{
			FocusArea:      "四大集群",
			ThemeLink:      "以新能源汽车产业集群为抓手，推动汽车产业向电动化、智能化升级，培育新质生产力。",
			ExpertGroup:    []Person{{Name: "赵振东", Unit: "吉林大学汽车工程学院", Title: "教授", Role: "组长"}, {Name: "孙丽娜", Unit: "中国第一汽车集团有限公司研发总院", Title: "高级工程师", Role: "成员"}},
			ResearchPlan:   "2024年8月，专家组赴长春汽车经济技术开发区整车及零部件企业开展产业发展调研3次，召开座谈研讨会2次。",
			ExpectedOutput: "专家建议",
		}
	case "forum":
		d.Applicant.Name = "吉林省化学会"
		d.Applicant.CreditCode = "52220000MJ1234567M"
		d.Joint = []Joint{{Name: "吉林市科学技术协会", Type: TypeCitySAT}}
		d.Project.Name = "第十一届吉林省科协研究生论坛——新材料与绿色化工专题"
		d.Project.Theme = "新材料与绿色化工"
		d.Project.StartDate, d.Project.EndDate = NewDate(2024, 6, 21), NewDate(2024, 6, 22)
		d.Project.Participants = 80
		d.Project.Papers = 45
		d.Project.Form = "论坛"
		d.Project.Summary = "面向省内高校和科研院所研究生征集新材料与绿色化工方向论文，经评审委员会评审后择优推荐第一作者在论坛上交流。"
		d.Forum = &ForumPart{
			Topic:           "新材料与绿色化工",
			CallForPapers:   "2024年5月发布征文通知，面向省内研究生征集论文，截止6月5日。",
			OnePaperRule:    true,
			ReviewCommittee: []Person{{Name: "陈晓东", Unit: "吉林大学化学学院", Title: "教授", Role: "主任"}, {Name: "杨柳", Unit: "东北师范大学化学学院", Title: "教授", Role: "委员"}, {Name: "周敏", Unit: "长春工业大学", Title: "教授", Role: "委员"}},
			AuthorsFirst:    true,
		}
	case "speech":
		d.Applicant.Name = "吉林农业大学科学技术协会"
		d.Applicant.Type = TypeUniversitySAT
		d.Applicant.AnnualInspection, d.Applicant.Evaluation2023 = false, false
		d.Applicant.CreditCode = "122200004127589316"
		d.Venue = "agriculture"
		d.Project.RequestedAmount = cat.FundingFor("agriculture")
		d.Project.Name = "第十五届吉林省研究生科技论文演讲比赛农科分赛场"
		d.Project.Theme = "乡村振兴与现代农业科技创新"
		d.Project.Form = "演讲比赛"
		d.Project.StartDate, d.Project.EndDate = NewDate(2024, 10, 18), NewDate(2024, 10, 18)
		d.Project.Participants = 120
		d.Project.Summary = "组织省内高校、科研院所推荐的农科在读研究生，围绕科技论文进行现场演讲，评委会现场评分，择优推荐参加决赛。"
		d.Speech = &SpeechPart{
			JudgingCommittee: []Person{{Name: "郭明", Unit: "吉林农业大学", Title: "教授", Role: "主任"}, {Name: "韩雪", Unit: "吉林省农业科学院", Title: "研究员", Role: "委员"}, {Name: "马骏", Unit: "延边大学农学院", Title: "教授", Role: "委员"}},
			Recruitment:      "由省级学会及有研究生培养资格的省内高校、科研院所推荐在读研究生参赛。",
			MaterialsPPT:     true,
			MaterialsPaper:   true,
		}
	case "basic":
		d.Applicant.Name = "吉林省数学会"
		d.Applicant.CreditCode = "51220000MJ0056789" + string(mustCheck("51220000MJ0056789"))
		d.Applicant.Honours = []string{"academic_work"}
		d.Project.Name = "偏微分方程与应用数学前沿研讨会"
		d.Project.Theme = "偏微分方程理论及其在工程中的应用"
		d.Project.StartDate, d.Project.EndDate = NewDate(2024, 7, 15), NewDate(2024, 7, 17)
		d.Project.Participants = 70
		d.Project.Summary = "由学术召集人特邀国内偏微分方程领域专家作报告，研讨基础数学前沿问题及其在工程计算中的应用。"
		d.Basic = &BasicPart{
			Conveners:      []Person{{Name: "高占山", Unit: "东北师范大学数学与统计学院", Title: "教授、学科带头人", Role: "学术召集人"}},
			Discipline:     "数学（偏微分方程）",
			DisciplineKind: "重点学科",
			Invitation:     "学术召集人特邀与承办单位邀请相结合，参会代表50人以上。",
		}
	case "intl":
		d.Applicant.Name = "中国科学院长春光学精密机械与物理研究所"
		d.Applicant.Type = TypeResearchInstitute
		d.Applicant.AnnualInspection, d.Applicant.Evaluation2023 = false, false
		d.Applicant.CreditCode = "12100000MB0123456" + string(mustCheck("12100000MB0123456"))
		d.Project.Name = "2024光电子与先进光学制造国际研讨会"
		d.Project.Theme = "光电子与先进光学制造的未来"
		d.Project.RequestedAmount = 40000
		d.Project.StartDate, d.Project.EndDate = NewDate(2024, 8, 20), NewDate(2024, 8, 22)
		d.Project.Participants = 150
		d.Project.Form = "国际研讨会"
		d.Project.Summary = "邀请国外知名院士、专家作特邀报告，聚焦光电子与先进光学制造领域未来发展前景，与国内专家开展交流研讨。"
		d.International = &InternationalPart{
			ForeignExperts: []ForeignExpert{
				{Name: "Hans Müller", Country: "德国", Institution: "Fraunhofer IOF", Title: "Professor", Academician: true, TalkTitle: "Ultra-precision optics manufacturing"},
				{Name: "Emily Carter", Country: "美国", Institution: "University of Arizona", Title: "Professor", TalkTitle: "Freeform optics for future imaging"},
			},
			FutureTopics: "超精密光学制造、自由曲面光学、空间光学载荷的未来发展方向。",
		}
	}
	d.Project.Organisers = "主办：吉林省科学技术协会；承办：" + d.Applicant.Name
	d.Budget = sampleBudget(d.Project.RequestedAmount)
	return d, nil
}

// sampleBudget spreads a budget over the usual lines: the provincial grant
// plus 20% self-raised funds.
func sampleBudget(grant int64) Budget {
	self := grant / 5
	total := grant + self
	lines := []BudgetLine{
		{Item: "会议费", Amount: total * 30 / 100, Basis: "会议用餐、资料"},
		{Item: "场地费", Amount: total * 20 / 100, Basis: "会场租用2天"},
		{Item: "专家咨询费", Amount: total * 25 / 100, Basis: "按省科协专家咨询费标准"},
		{Item: "差旅费", Amount: total * 15 / 100, Basis: "特邀专家往返交通"},
	}
	var sum int64
	for _, l := range lines {
		sum += l.Amount
	}
	lines = append(lines, BudgetLine{Item: "资料印刷费", Amount: total - sum, Basis: "论文集、会议手册印刷"})
	return Budget{Lines: lines, Total: total, Provincial: grant, SelfRaised: self}
}

func mustCheck(first17 string) byte {
	c, ok := USCCCheckChar(first17)
	if !ok {
		panic("bad sample credit code " + first17)
	}
	return c
}

func categoryIDs(call *Call) string {
	s := ""
	for i, c := range call.Categories {
		if i > 0 {
			s += "、"
		}
		s += c.ID
	}
	return s
}
