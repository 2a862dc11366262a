package forms

import (
	"fmt"
	"sort"
	"strings"
)

// Severity of a finding.
type Severity string

// Severities, from blocking to informative.
const (
	Error   Severity = "error"   // must be fixed; export asks for confirmation
	Warning Severity = "warning" // should be looked at; export allowed
	Info    Severity = "info"    // good to know
)

// SeverityName is the Chinese word for a severity.
func (s Severity) SeverityName() string {
	switch s {
	case Error:
		return "错误"
	case Warning:
		return "警告"
	}
	return "提示"
}

// Rule is one rule of the call or of the form. Its ID is stable across
// versions: other tools and saved settings may refer to it.
type Rule struct {
	ID       string   `json:"id"`
	Severity Severity `json:"severity"`
	Clause   string   `json:"clause"`  // the notice's clause, or the form's part
	Summary  string   `json:"message"` // what the rule requires, in Chinese
}

// Finding is one result of a check: which rule, which field, how serious,
// and a Chinese sentence saying what to change, citing the clause.
type Finding struct {
	Rule     string   `json:"rule"`
	Field    string   `json:"field"` // field path as in the draft's JSON, e.g. "project.participants"
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

// Rule IDs. They are listed, with severity, clause and summary, by Rules().
const (
	RuleRequired         = "field.required"
	RuleCategory         = "category.known"
	RuleCallYear         = "draft.call_year"
	RuleEligibility      = "eligibility.type"
	RuleCitySAT          = "eligibility.city_sat_joint_only"
	RuleGraduateTraining = "eligibility.graduate_training"
	RuleJointEncouraged  = "eligibility.joint_encouraged"
	RuleAnnualInspection = "society.annual_inspection"
	RuleEvaluation       = "society.evaluation"
	RulePriority         = "priority.honours"
	RuleParticipants     = "scale.participants"
	RulePapers           = "scale.papers"
	RuleDatesMissing     = "time.dates_missing"
	RuleDateOrder        = "time.order"
	RuleWindow           = "time.window"
	RuleVenue            = "funding.venue_required"
	RuleFundingFixed     = "funding.fixed"
	RuleFundingVenue     = "funding.venue"
	RuleFundingRange     = "funding.range"
	RuleBudgetProvincial = "budget.provincial_matches_request"
	RuleBudgetLines      = "budget.lines_missing"
	RuleBudgetLinesSum   = "budget.lines_sum"
	RuleBudgetSourcesSum = "budget.sources_sum"
	RuleParticipantsMax  = "scale.participants_max"
	RuleForm             = "content.form"
	RuleAgenda           = "content.agenda"
	RuleAgendaDates      = "content.agenda_dates"
	RuleApplyDate        = "deadline.apply_date"
	RuleUSCC             = "format.credit_code"
	RulePhone            = "format.phone"
	RuleEmail            = "format.email"
	RulePostcode         = "format.postcode"
	RuleAmount           = "format.amount"
	RuleConfidential     = "submission.confidential"
	RuleDeadline         = "deadline.days_left"
	RuleDeadlinePassed   = "deadline.passed"
	RulePosted           = "deadline.posted_arrival"
	RuleQuotaCategory    = "quota.per_category"
	RuleQuotaTotal       = "quota.total"
	RuleGlyph            = "print.unprintable_character"
)

// ruleDef is one entry of the rule registry: the rule's stable ID and
// severity, and its clause and summary computed from the call, so that
// `shenbao --call FILE rules` states that call's own facts. The checks that
// report each rule are in the file its ID prefix names (check.go for the
// application, selection.go and aftercare*.go for after selection); the
// rules of a category's own part are declared in the call file.
type ruleDef struct {
	id      string
	sev     Severity
	clause  func(*Call) string
	summary func(*Call) string
	// check reports the rule's findings; nil where the rule is a field
	// constraint (struct tags, a category part's declaration), or is checked
	// across drafts (CheckAcross) or by Carry, as its comment says.
	check func(*run)
	// noCategory: the check runs also when the draft's category is not in
	// the call (the others need the category).
	noCategory bool
}

// fixed is a clause or summary that does not depend on the call.
func fixed(s string) func(*Call) string { return func(*Call) string { return s } }

// catClauses joins, in category order and without repeats, a clause of the
// categories that have a feature ("" when none has it).
func catClauses(has func(*Category) bool, clause func(*Category) string) func(*Call) string {
	return func(c *Call) string {
		var out []string
		for i := range c.Categories {
			cat := &c.Categories[i]
			if has(cat) && !contains(out, clause(cat)) {
				out = append(out, clause(cat))
			}
		}
		return strings.Join(out, "、")
	}
}

func all(*Category) bool { return true }

func eligibleClause(cat *Category) string { return cat.EligibleClause }
func scaleClause(cat *Category) string    { return cat.ScaleClause }
func windowClause(cat *Category) string   { return cat.WindowClause }
func fundingClause(cat *Category) string  { return cat.Clause + "3" }

// perCategory joins a text of each category that has a feature, grouping
// categories with the same text: "年会分会场200人，研究生论坛、基础研究50人".
func perCategory(c *Call, has func(*Category) bool, text func(*Category) string) string {
	var texts []string
	names := map[string][]string{}
	for i := range c.Categories {
		cat := &c.Categories[i]
		if !has(cat) {
			continue
		}
		t := text(cat)
		if _, ok := names[t]; !ok {
			texts = append(texts, t)
		}
		names[t] = append(names[t], cat.ShortName)
	}
	parts := make([]string, len(texts))
	for i, t := range texts {
		parts[i] = strings.Join(names[t], "、") + t
	}
	return strings.Join(parts, "，")
}

func typeNames(c *Call, ids []string) string {
	n := make([]string, len(ids))
	for i, id := range ids {
		n[i] = c.ApplicantTypeName(id)
	}
	return strings.Join(n, "、")
}

func afterItems(c *Call, i int) string {
	if i >= len(c.AfterEvent) {
		return ""
	}
	ae := c.AfterEvent[i]
	n := make([]string, len(ae.Items))
	for j, it := range ae.Items {
		n[j] = it.Name
	}
	return fmt.Sprintf("项目完成后%d日内报送%s", ae.Days, strings.Join(n, "、"))
}

// afterClause is the notice's clause on what is due after the event.
func afterClause(c *Call) string { return c.Clauses.AfterEvent }

// clauseOf is a rule's clause read from the call's [clauses].
func clauseOf(pick func(Clauses) string) func(*Call) string {
	return func(c *Call) string { return pick(c.Clauses) }
}

func submissionClause(cl Clauses) string   { return cl.Submission }
func confidentialClause(cl Clauses) string { return cl.Confidential }
func deadlineClause(cl Clauses) string     { return cl.Deadline }

var registry = []ruleDef{
	{RuleRequired, Error, fixed("申报书"), fixed("申报书的必填项须填写"), nil, false}, // struct tags `required`, and each declared field
	{RuleCategory, Error, fixed("一"), func(c *Call) string {
		return fmt.Sprintf("项目类别须为本年度通知所设的%d个类别之一", len(c.Categories))
	}, checkCategory, true},
	{RuleCallYear, Warning, fixed("通知"), fixed("草稿所属年度须与当前申报通知一致"), checkCallYear, true},
	{RuleEligibility, Error, catClauses(all, eligibleClause), fixed("申报单位类型须在该类别的申报范围内"), checkEligibility, false},
	{RuleCitySAT, Error, catClauses(func(cat *Category) bool { return cat.JointEncouraged }, eligibleClause), func(c *Call) string {
		return c.ApplicantTypeName(TypeCitySAT) + "只能作为联合申报单位"
	}, checkCitySAT, false},
	{RuleGraduateTraining, Error, catClauses(func(cat *Category) bool { return len(cat.GraduateTrainingRequired) > 0 }, eligibleClause), func(c *Call) string {
		return perCategory(c, func(cat *Category) bool { return len(cat.GraduateTrainingRequired) > 0 }, func(cat *Category) string {
			return "由" + typeNames(c, cat.GraduateTrainingRequired) + "申报时，须有研究生培养资格"
		})
	}, checkGraduateTraining, false},
	{RuleJointEncouraged, Info, catClauses(func(cat *Category) bool { return cat.JointEncouraged }, eligibleClause), fixed("鼓励与地方科协联合申报"), checkJointEncouraged, false},
	{RuleAnnualInspection, Error, func(c *Call) string { return c.Society.Clause }, fixed("申报的省级学会须年检合格"), checkAnnualInspection, false},
	{RuleEvaluation, Error, func(c *Call) string { return c.Society.Clause }, func(c *Call) string {
		return fmt.Sprintf("申报的省级学会须按规定参加省科协%d年度学会评价", c.Society.EvaluationYear)
	}, checkEvaluation, false},
	{RulePriority, Info, func(c *Call) string { return c.Society.Clause }, func(c *Call) string {
		n := make([]string, len(c.Honours))
		for i, h := range c.Honours {
			n[i] = h.Name
		}
		return c.PriorityYears + "年度" + strings.Join(n, "、") + "优先支持"
	}, checkPriority, false},
	{RuleParticipants, Error, catClauses(func(cat *Category) bool { return cat.MinParticipants > 0 }, scaleClause), func(c *Call) string {
		return "参会人数不少于该类别的最低人数（" + perCategory(c, func(cat *Category) bool { return cat.MinParticipants > 0 }, func(cat *Category) string {
			return fmt.Sprintf("%d人", cat.MinParticipants)
		}) + "）"
	}, checkParticipants, false},
	{RuleParticipantsMax, Error, catClauses(func(cat *Category) bool { return cat.MaxParticipants > 0 }, scaleClause), func(c *Call) string {
		return "参会人数不超过该类别的上限（" + perCategory(c, func(cat *Category) bool { return cat.MaxParticipants > 0 }, func(cat *Category) string {
			return fmt.Sprintf("%d人", cat.MaxParticipants)
		}) + "）"
	}, checkParticipantsMax, false},
	{RulePapers, Error, catClauses(func(cat *Category) bool { return cat.MinPapers > 0 }, scaleClause), func(c *Call) string {
		return perCategory(c, func(cat *Category) bool { return cat.MinPapers > 0 }, func(cat *Category) string {
			return fmt.Sprintf("须征集论文%d篇以上", cat.MinPapers)
		})
	}, checkPapers, false},
	{RuleDatesMissing, Error, catClauses(all, windowClause), fixed("须填写项目开始和结束日期"), checkDatesMissing, false},
	{RuleDateOrder, Error, catClauses(all, windowClause), fixed("开始日期不能晚于结束日期"), checkDateOrder, false},
	{RuleWindow, Error, catClauses(all, windowClause), func(c *Call) string {
		return "项目须在该类别的完成时间内举办（" + perCategory(c, all, func(cat *Category) string { return cat.WindowText }) + "）"
	}, checkWindow, false},
	{RuleVenue, Error, catClauses(func(cat *Category) bool { return cat.FundingKind == FundingVenue }, func(cat *Category) string { return cat.Clause + "1、3" }), func(c *Call) string {
		return perCategory(c, func(cat *Category) bool { return cat.FundingKind == FundingVenue }, func(*Category) string { return "须选择承办的分赛场或决赛" })
	}, checkVenue, false},
	{RuleFundingFixed, Error, catClauses(func(cat *Category) bool { return cat.FundingKind == FundingFixed }, fundingClause), func(c *Call) string {
		return "申请省科协资助须等于该类别的经费额度（" + perCategory(c, func(cat *Category) bool { return cat.FundingKind == FundingFixed }, func(cat *Category) string { return cat.FundingText() }) + "）"
	}, checkFundingFixed, false},
	{RuleFundingVenue, Error, catClauses(func(cat *Category) bool { return cat.FundingKind == FundingVenue }, fundingClause), func(c *Call) string {
		return perCategory(c, func(cat *Category) bool { return cat.FundingKind == FundingVenue }, func(cat *Category) string { return "按赛场申请：" + cat.FundingText() })
	}, checkFundingVenue, false},
	{RuleFundingRange, Error, catClauses(func(cat *Category) bool { return cat.FundingKind == FundingRange }, fundingClause), func(c *Call) string {
		return perCategory(c, func(cat *Category) bool { return cat.FundingKind == FundingRange }, func(cat *Category) string { return "申请" + cat.FundingText() })
	}, checkFundingRange, false},
	{RuleBudgetProvincial, Error, fixed("申报书 第五部分"), fixed("预算中的省科协资助须与申请金额一致"), checkBudgetProvincial, false},
	{RuleBudgetLines, Error, fixed("申报书 第五部分"), fixed("经费预算须列出支出明细"), checkBudgetLines, false},
	{RuleBudgetLinesSum, Error, fixed("申报书 第五部分"), fixed("支出明细之和须等于预算总额"), checkBudgetLinesSum, false},
	{RuleBudgetSourcesSum, Error, fixed("申报书 第五部分"), fixed("省科协资助、自筹和其他经费之和须等于预算总额"), checkBudgetSourcesSum, false},
	{RuleForm, Error, catClauses(func(cat *Category) bool { return len(cat.FormsAllowed) > 0 }, scaleClause), func(c *Call) string {
		return "活动形式须为该类别允许的形式（" + perCategory(c, func(cat *Category) bool { return len(cat.FormsAllowed) > 0 }, func(cat *Category) string { return "：" + strings.Join(cat.FormsAllowed, "、") }) + "）"
	}, checkForm, false},
	{RuleAgenda, Warning, fixed("申报书 第四部分"), fixed("申报书应附日程安排"), checkAgenda, false},
	{RuleAgendaDates, Warning, fixed("申报书 第四部分"), fixed("跨多日举办的活动，日程安排须写明每项的日期"), checkAgendaDates, false},
	{RuleUSCC, Error, fixed("GB 32100-2015"), fixed("统一社会信用代码须为18位且校验码正确"), nil, false}, // struct tag `uscc`
	{RulePhone, Error, fixed("申报书"), fixed("电话号码格式须正确（手机11位，或区号-号码）"), nil, false},      // struct tags `cnmobile`, `cnphone`
	{RuleEmail, Error, fixed("申报书"), fixed("电子邮箱格式须正确"), nil, false},                    // struct tag `cnemail`
	{RulePostcode, Error, fixed("申报书"), fixed("邮政编码须为6位数字"), nil, false},                // struct tag `postcode`
	{RuleAmount, Error, fixed("申报书 第五部分"), fixed("金额不能为负数"), checkAmount, false},
	{RuleAmountCeiling, Error, fixed("申报书 第五部分"), func(*Call) string {
		return "金额不超过" + Thousands(MaxAmount) + "元（" + Capital(MaxAmount) + "），防止误填（如粘贴了证件号码）"
	}, func(r *run) { r.add(AmountFindings(r.d)) }, true},
	{RuleConfidential, Info, clauseOf(confidentialClause), fixed("涉及保密内容须事先告知，不得通过互联网传送"), checkConfidential, false},
	{RuleDeadline, Info, clauseOf(deadlineClause), func(c *Call) string { return "申报截止时间为" + DateOf(c.Deadline).Chinese() }, checkDeadline, true},
	{RuleDeadlinePassed, Warning, clauseOf(deadlineClause), fixed("申报截止时间已过"), checkDeadlinePassed, true},
	{RuleApplyDate, Error, clauseOf(deadlineClause), func(c *Call) string {
		return "封面的申报日期不能晚于申报截止时间" + DateOf(c.Deadline).Chinese()
	}, checkApplyDate, false},
	{RulePosted, Info, clauseOf(Clauses.Posted), func(c *Call) string {
		return fmt.Sprintf("纸质件%d份须在截止日%s前寄达或送达", c.PaperCopies, DateOf(c.Deadline).Chinese())
	}, checkPosted, true},
	{RuleQuotaCategory, Error, clauseOf(submissionClause), func(c *Call) string {
		return fmt.Sprintf("每个单位在同类项目中只能申报%d项", c.MaxPerCategory)
	}, nil, false}, // CheckAcross (quota.go)
	{RuleQuotaTotal, Error, clauseOf(submissionClause), func(c *Call) string { return fmt.Sprintf("每个单位申报总计不超过%d项", c.MaxTotal) }, nil, false}, // CheckAcross (quota.go)
	{RuleTotalQuota, Info, totalQuotaClause, totalQuotaSummary, checkTotalQuota, true},                                                         // rules_declared.go
	{RuleCategoryCode, Info, catClauses(hasCode, categoryClause), codeSummary, checkCategoryCode, false},                                       // rules_declared.go
	{RuleGlyph, Error, clauseOf(submissionClause), fixed("申报书中的每个字都须能印在纸质件上"), checkGlyph, true},
	{RuleAfterDates, Warning, afterClause, fixed("入选项目须填写实际举办日期，据此计算会后材料的报送期限"), checkAfterDates, true},
	{RuleReportDue, Warning, afterClause, func(c *Call) string { return afterItems(c, 0) }, checkDue, true},
	{RuleSummaryDue, Warning, afterClause, func(c *Call) string { return afterItems(c, 1) }, checkDue, true},
	{RuleReportTitle, Warning, afterClause, fixed("信息报道稿须有标题"), checkReports, true},
	{RuleReportLength, Error, afterClause, func(c *Call) string {
		return fmt.Sprintf("信息报道稿正文不超过%d字（空格和换行不计）", ReportMaxChars(c))
	}, checkReports, true},
	{RuleReportPhotos, Error, afterClause, func(c *Call) string {
		lo, hi := PhotoLimits(c)
		return fmt.Sprintf("信息报道稿附%d-%d张照片", lo, hi)
	}, checkReports, true},
	{RuleReportCaption, Warning, afterClause, fixed("每张照片须有说明"), checkReports, true},
	{RuleResultsIncomplete, Warning, afterClause, fixed("分赛场成绩每行须有姓名、单位、演讲题目、名次和得分"), checkReports, true},
	{RuleResultsRank, Warning, afterClause, fixed("分赛场成绩的名次须与得分一致（得分高者名次靠前）"), checkReports, true},
	{RuleAccountsLineOver, Warning, afterClause, fixed("决算表各项支出不应超出预算，超支或预算外支出须说明原因"), checkReports, true},
	{RuleAccountsTotalOver, Warning, afterClause, fixed("决算表实际支出合计超出预算总额时须说明原因"), checkReports, true},
	{RuleAccountsSources, Error, afterClause, fixed("决算表经费来源合计须等于实际支出合计"), checkReports, true},
	{RuleAccountsOverGrant, Error, func(c *Call) string { return catClauses(all, fundingClause)(c) + "、" + afterClause(c) }, fixed("决算表中省科协资助支出不能超过批准的资助额"), checkReports, true},
	{RuleAccountsUnspent, Info, afterClause, fixed("省科协资助未全部列支时提示核对"), checkReports, true},
	{RuleCarryCategory, Error, fixed("一"), fixed("用往年申报书新建：新通知已取消该类别时，须重新选择类别"), nil, false}, // Carry (carry.go)
	{RuleCarryNewField, Info, fixed("一"), fixed("用往年申报书新建：列出新通知新增的专项内容"), nil, false},        // Carry (carry.go)
	{RuleCarryDropped, Warning, fixed("一"), fixed("用往年申报书新建：列出不再需要或不能带入的往年内容"), nil, false},  // Carry (carry.go)
	{RuleCarryLimit, Warning, fixed("一"), fixed("用往年申报书新建：列出新通知改变的数量、金额和可选项"), nil, false},   // Carry (carry.go)
	{RuleCarryReset, Warning, fixed("一"), fixed("用往年申报书新建：与年度有关的日期和声明须重新填写"), nil, false},    // Carry (carry.go)
}

var ruleByID = func() map[string]ruleDef {
	m := make(map[string]ruleDef, len(registry))
	for _, r := range registry {
		m[r.id] = r
	}
	return m
}()

// Rules lists every rule of a call, the rules its categories' parts declare
// included, with clause and summary stated from the call, sorted by ID.
func Rules(call *Call) []Rule {
	out := make([]Rule, 0, len(registry)+16)
	seen := map[string]bool{}
	for _, r := range registry {
		clause := r.clause(call)
		if clause == "" {
			continue // no category of this call has what the rule checks
		}
		out = append(out, Rule{ID: r.id, Severity: r.sev, Clause: clause, Summary: r.summary(call)})
		seen[r.id] = true
	}
	for i := range call.Categories {
		for _, r := range call.Categories[i].PartRules(call) {
			if !seen[r.ID] {
				out = append(out, r)
				seen[r.ID] = true
			}
		}
	}
	out = append(out, declaredRules(call)...) // IDs unique: checked when the call is read
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// RuleByID returns a rule of the call and whether it exists.
func RuleByID(call *Call, id string) (Rule, bool) {
	if r, ok := ruleByID[id]; ok {
		return Rule{ID: r.id, Severity: r.sev, Clause: r.clause(call), Summary: r.summary(call)}, true
	}
	for i := range call.Categories {
		for _, r := range call.Categories[i].PartRules(call) {
			if r.ID == id {
				return r, true
			}
		}
	}
	if r, ok := declaredRule(call, id); ok {
		return r, true
	}
	return Rule{}, false
}

// Count returns the number of errors and warnings among findings.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return
}
