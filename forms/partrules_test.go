package forms

// The rule IDs the 2024 call file declares for its categories' parts, as the
// tests name them.
const (
	RuleAnnualFocus       = "content.annual.focus_area"
	RuleAnnualExperts     = "content.annual.expert_group"
	RuleAnnualPlan        = "content.annual.research_plan"
	RuleAnnualOutput      = "content.annual.output"
	RuleForumCommittee    = "content.forum.review_committee"
	RuleForumOnePaper     = "content.forum.one_paper"
	RuleForumAuthorsFirst = "content.forum.authors_first"
	RuleSpeechCommittee   = "content.speech.judging_committee"
	RuleSpeechMaterials   = "content.speech.materials"
	RuleBasicConvener     = "content.basic.convener"
	RuleBasicKind         = "content.basic.discipline_kind"
	RuleIntlForeign       = "content.intl.foreign_expert"
	RuleIntlCountry       = "content.intl.foreign_country"
)
