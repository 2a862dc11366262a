package forms

import (
	"crypto/rand"
	"encoding/hex"
	"time"
)

// SchemaVersion is the version of the draft file format this program writes.
// docs/draft-format.md documents every field of every version.
const SchemaVersion = 3

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
	// over the internet (Clauses.Confidential); no e-mail draft is produced for it.
	Confidential     bool   `json:"confidential"`
	ConfidentialNote string `json:"confidential_note,omitempty"`

	Cover     Cover     `json:"cover"`
	Applicant Applicant `json:"applicant"`
	Joint     []Joint   `json:"joint_applicants" validate:"dive"`
	// LeadUnit names the lead unit (牵头单位) of a joint application, where
	// the call asks for one (joint_lead_required).
	LeadUnit string  `json:"lead_unit,omitempty"`
	Project  Project `json:"project"`

	// Parts holds each category's own part (第三部分) by category ID, its
	// values by the keys the call declares. Only the draft's own category's
	// part is checked and printed; a user who switched category keeps the
	// other part, unchecked.
	Parts map[string]Values `json:"parts,omitempty"`

	// Sections holds the values of the sections the call declares of its
	// own ([[documents.sections]] with a key), by that key (schema 3).
	Sections map[string]Values `json:"sections,omitempty"`

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
	Evaluation       bool     `json:"evaluation_taken"`
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
		d.Project.RequestedAmount = cat.FundingFor("") // 0 when the call states no amount
		d.Budget.Provincial = d.Project.RequestedAmount
		if len(cat.FormsAllowed) > 0 {
			d.Project.Form = cat.FormsAllowed[0]
		}
	}
	return d
}

// EnsurePart allocates the part of the draft's own category, leaving an
// existing one untouched.
func (d *Draft) EnsurePart() {
	if d.Parts == nil {
		d.Parts = map[string]Values{}
	}
	if d.Parts[d.Category] == nil && d.Category != "" {
		d.Parts[d.Category] = Values{}
	}
}

// Part is the part of the draft's own category (never nil once EnsurePart
// has run).
func (d *Draft) Part() Values { return d.Parts[d.Category] }

// NewID returns a random 16-hex-digit identifier for a draft.
func NewID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
