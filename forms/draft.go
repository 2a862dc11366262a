package forms

import (
	"crypto/rand"
	"encoding/hex"
	"time"
)

// SchemaVersion is the version of the draft file format this program writes.
// docs/draft-format.md documents every field of every version.
const SchemaVersion = 1

// Applicant types (the IDs of the call's [applicant_types]).
const (
	TypeProvincialSociety = "provincial_society"
	TypeUniversitySAT     = "university_sat"
	TypeEnterpriseSAT     = "enterprise_sat"
	TypeResearchInstitute = "research_institute"
	TypeUniversity        = "university"
	TypeCitySAT           = "city_sat"
)

// Draft is one application (项目申报书) as the user fills it in. Field names
// in JSON are the stable field paths findings refer to.
type Draft struct {
	SchemaVersion int       `json:"schema_version"`
	ID            string    `json:"id"`
	CallYear      int       `json:"call_year"`
	Category      string    `json:"category" validate:"required"`
	Venue         string    `json:"venue,omitempty"`
	CreatedAt     time.Time `json:"created_at"`
	UpdatedAt     time.Time `json:"updated_at"`

	// Confidential: the application contains content that must not be sent
	// over the internet (二、4); no e-mail draft is produced for it.
	Confidential     bool   `json:"confidential"`
	ConfidentialNote string `json:"confidential_note,omitempty"`

	Cover     Cover     `json:"cover"`
	Applicant Applicant `json:"applicant"`
	Joint     []Joint   `json:"joint_applicants" validate:"dive"`
	Project   Project   `json:"project"`

	AnnualMeeting *AnnualMeetingPart `json:"annual_meeting,omitempty"`
	Forum         *ForumPart         `json:"forum,omitempty"`
	Speech        *SpeechPart        `json:"speech,omitempty"`
	Basic         *BasicPart         `json:"basic,omitempty"`
	International *InternationalPart `json:"international,omitempty"`

	Agenda          []AgendaItem `json:"agenda" validate:"dive"`
	Experts         []Expert     `json:"experts" validate:"dive"`
	ExpectedResults string       `json:"expected_results"`
	Publicity       string       `json:"publicity"`

	Budget   Budget   `json:"budget"`
	Opinions Opinions `json:"opinions"`

	// After selection (docs/after-selection.md): the selection mark, the
	// actual event dates and the reports due after the event.
	Selection *Selection    `json:"selection,omitempty"`
	Reports   *AfterReports `json:"reports,omitempty"`
}

// Cover holds what the cover page shows besides project and applicant.
type Cover struct {
	ApplyDate Date `json:"apply_date"`
}

// Applicant is Part 1, the applying unit (申报单位基本情况).
type Applicant struct {
	Name             string   `json:"name" validate:"required"`
	Type             string   `json:"type" validate:"required"`
	CreditCode       string   `json:"credit_code" validate:"required,uscc"`
	Address          string   `json:"address" validate:"required"`
	Postcode         string   `json:"postcode" validate:"omitempty,postcode"`
	Leader           string   `json:"leader" validate:"required"`
	LeaderTitle      string   `json:"leader_title,omitempty"`
	Contact          string   `json:"contact" validate:"required"`
	ContactTitle     string   `json:"contact_title,omitempty"`
	Mobile           string   `json:"mobile" validate:"required,cnmobile"`
	Phone            string   `json:"phone,omitempty" validate:"omitempty,cnphone"`
	Email            string   `json:"email" validate:"required,cnemail"`
	AnnualInspection bool     `json:"annual_inspection_passed"`
	Evaluation2023   bool     `json:"evaluation_taken"`
	GraduateTraining bool     `json:"graduate_training"`
	Honours          []string `json:"honours,omitempty"`
}

// Joint is a joint applicant (联合申报单位), typically a city SAT.
type Joint struct {
	Name string `json:"name" validate:"required"`
	Type string `json:"type"`
}

// Project is Part 2, the project itself (项目基本情况).
type Project struct {
	Name            string `json:"name" validate:"required"`
	Theme           string `json:"theme" validate:"required"`
	StartDate       Date   `json:"start_date"`
	EndDate         Date   `json:"end_date"`
	City            string `json:"city" validate:"required"`
	Place           string `json:"place" validate:"required"`
	Form            string `json:"form" validate:"required"`
	Participants    int    `json:"participants"`
	Papers          int    `json:"papers,omitempty"`
	Organisers      string `json:"organisers" validate:"required"`
	CoOrganisers    string `json:"co_organisers,omitempty"`
	Supporters      string `json:"supporters,omitempty"`
	Summary         string `json:"summary" validate:"required"`
	RequestedAmount int64  `json:"requested_amount"`
}

// AnnualMeetingPart is Part 3 for a sub-venue of the annual meeting (一（一）).
type AnnualMeetingPart struct {
	FocusArea      string   `json:"focus_area"`
	ThemeLink      string   `json:"theme_link" validate:"required"`
	ExpertGroup    []Person `json:"expert_group" validate:"dive"`
	ResearchPlan   string   `json:"research_plan"`
	ExpectedOutput string   `json:"expected_output"` // 调研报告 or 专家建议
}

// ForumPart is Part 3 for the graduate forum (一（二）).
type ForumPart struct {
	Topic           string   `json:"topic" validate:"required"`
	CallForPapers   string   `json:"call_for_papers" validate:"required"`
	OnePaperRule    bool     `json:"one_paper_per_student"`
	ReviewCommittee []Person `json:"review_committee" validate:"dive"`
	AuthorsFirst    bool     `json:"authors_first"`
}

// SpeechPart is Part 3 for the speech competition (一（三）).
type SpeechPart struct {
	JudgingCommittee []Person `json:"judging_committee" validate:"dive"`
	Recruitment      string   `json:"recruitment" validate:"required"`
	MaterialsPPT     bool     `json:"materials_ppt"`
	MaterialsPaper   bool     `json:"materials_paper"`
}

// BasicPart is Part 3 for a basic-research exchange (一（四）).
type BasicPart struct {
	Conveners      []Person `json:"conveners" validate:"dive"`
	Discipline     string   `json:"discipline" validate:"required"`
	DisciplineKind string   `json:"discipline_kind"`
	Invitation     string   `json:"invitation" validate:"required"`
}

// InternationalPart is Part 3 for a high-level international exchange (一（五）).
type InternationalPart struct {
	ForeignExperts []ForeignExpert `json:"foreign_experts" validate:"dive"`
	FutureTopics   string          `json:"future_topics" validate:"required"`
}

// Person is a member of a committee or group, or a convener.
type Person struct {
	Name  string `json:"name" validate:"required"`
	Unit  string `json:"unit" validate:"required"`
	Title string `json:"title" validate:"required"`
	Role  string `json:"role,omitempty"`
}

// ForeignExpert is an invited foreign academician or expert.
type ForeignExpert struct {
	Name        string `json:"name" validate:"required"`
	Country     string `json:"country" validate:"required"`
	Institution string `json:"institution" validate:"required"`
	Title       string `json:"title" validate:"required"`
	Academician bool   `json:"academician"`
	TalkTitle   string `json:"talk_title" validate:"required"`
}

// AgendaItem is one line of the agenda (Part 4).
type AgendaItem struct {
	Date    Date   `json:"date"`
	Time    string `json:"time"`
	Item    string `json:"item" validate:"required"`
	Speaker string `json:"speaker"`
}

// Expert is an invited expert (Part 4).
type Expert struct {
	Name  string `json:"name" validate:"required"`
	Unit  string `json:"unit" validate:"required"`
	Title string `json:"title"`
	Topic string `json:"topic"`
}

// Budget is Part 5. Amounts are whole yuan.
type Budget struct {
	Lines      []BudgetLine `json:"lines" validate:"dive"`
	Total      int64        `json:"total"`
	Provincial int64        `json:"provincial"`
	SelfRaised int64        `json:"self_raised"`
	Other      int64        `json:"other"`
	OtherNote  string       `json:"other_note,omitempty"`
}

// BudgetLine is one expense line of the budget.
type BudgetLine struct {
	Item   string `json:"item" validate:"required"`
	Amount int64  `json:"amount" validate:"gte=0"`
	Basis  string `json:"basis,omitempty"` // 测算依据
}

// Opinions is Part 6 (意见). The provincial SAT's block is printed blank.
type Opinions struct {
	Applicant string `json:"applicant"`
	Signer    string `json:"signer,omitempty"`
}

// NewDraft returns an empty draft of a category, with the category-specific
// part allocated and a fresh ID.
func NewDraft(call *Call, category string) *Draft {
	d := &Draft{SchemaVersion: SchemaVersion, ID: NewID(), CallYear: call.Year, Category: category}
	d.EnsurePart()
	if cat := call.Category(category); cat != nil {
		d.Project.RequestedAmount = cat.FundingFor("")
		d.Budget.Provincial = d.Project.RequestedAmount
		if len(cat.FormsAllowed) > 0 {
			d.Project.Form = cat.FormsAllowed[0]
		}
	}
	return d
}

// EnsurePart allocates the category-specific part of the draft's category
// (and only that one), leaving an existing one untouched.
func (d *Draft) EnsurePart() {
	switch d.Category {
	case "annual":
		if d.AnnualMeeting == nil {
			d.AnnualMeeting = &AnnualMeetingPart{}
		}
	case "forum":
		if d.Forum == nil {
			d.Forum = &ForumPart{}
		}
	case "speech":
		if d.Speech == nil {
			d.Speech = &SpeechPart{}
		}
	case "basic":
		if d.Basic == nil {
			d.Basic = &BasicPart{}
		}
	case "intl":
		if d.International == nil {
			d.International = &InternationalPart{}
		}
	}
}

// NewID returns a random 16-hex-digit identifier for a draft.
func NewID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
