package forms

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
)

//go:embed calls
var callFiles embed.FS

// Funding kinds of a category.
const (
	FundingFixed = "fixed" // one amount per project
	FundingVenue = "venue" // an amount per venue (speech competition)
	FundingRange = "range" // any amount between a minimum and a maximum
)

// Call is one year's call for applications, as read from its TOML file.
type Call struct {
	Year        int    `toml:"year"`
	Title       string `toml:"title"`
	NoticeTitle string `toml:"notice_title"`
	Issuer      string `toml:"issuer"`
	IssuerShort string `toml:"issuer_short"` // the funder as the forms name it in running text
	// MailSubject is the words in 【】 that open the e-mail subject
	// (“学术交流项目申报”); without it, “项目申报”.
	MailSubject       string    `toml:"mail_subject"`
	Deadline          time.Time `toml:"deadline"`
	PostedMustArrive  bool      `toml:"posted_must_arrive"`
	AnnouncementBy    time.Time `toml:"announcement_by"`
	AnnouncementWhere string    `toml:"announcement_where"`
	MaxPerCategory    int       `toml:"max_per_category_per_unit"`
	MaxTotal          int       `toml:"max_total_per_unit"`
	PaperCopies       int       `toml:"paper_copies"`
	PriorityYears     string    `toml:"priority_years"`

	Contact    Contact            `toml:"contact"`
	Clauses    Clauses            `toml:"clauses"`
	Society    SocietyRequirement `toml:"society_requirements"`
	Honours    []Honour           `toml:"honours"`
	AfterEvent []AfterEvent       `toml:"after_event"`
	Categories []Category         `toml:"categories"`

	// Types are the applicant types ([applicant_types]) in the file's
	// order, each with what the notice asks of it; ApplicantTypes maps
	// their IDs to their names.
	Types          ApplicantTypeList `toml:"applicant_types"`
	ApplicantTypes map[string]string `toml:"-"`

	// Rules adjusts the program's rules as the notice states them:
	// [overrides."<rule-id>"] severity, clause, summary, message.
	Rules map[string]RuleOverride `toml:"overrides"`

	// JointLeadRequired: a joint application must name its lead unit
	// (牵头单位), as JointLeadClause states.
	JointLeadRequired bool   `toml:"joint_lead_required"`
	JointLeadClause   string `toml:"joint_lead_clause"`
	// Documents are what the applicant hands in, section by section
	// (documents.go).
	Documents []DocumentDecl `toml:"documents"`
	// CallRules are the rules the call declares over the form's data
	// ([[rules]]), its total quota ([total_quota]) and its categories'
	// groups ([[category_groups]]): declrules.go.
	CallRules

	// Source names where the call was read from (for messages).
	Source string `toml:"-"`
	// Path is the absolute path of a call read from disk ("" when embedded).
	Path string `toml:"-"`
	// Embedded reports whether the call ships with the program.
	Embedded bool `toml:"-"`

	samples fs.FS // the call's sample drafts

	// The declaration's adaptations of the built-in blocks by draft path
	// (generic: "budget.lines[].item"), made by documentsProblem.
	labelByPath map[string]string
	omitted     map[string]bool
	optional    map[string]bool
	required    map[string]string // path → declared label ("" if none)
}

// Contact is the department that receives the applications.
type Contact struct {
	Department string `toml:"department"`
	Person     string `toml:"person"`
	Phone      string `toml:"phone"`
	Email      string `toml:"email"`
	Address    string `toml:"address"`
	Office     string `toml:"office"`
	// Postcode is the recipient's postcode (optional: only when the notice
	// states it); the address label prints it in its boxes.
	Postcode string `toml:"postcode"`
}

// Clauses are where the notice states its rules common to all categories,
// as the messages cite them ("通知 二、2"): the categories' own clauses are
// in each [[categories]].
type Clauses struct {
	// Submission: quotas per unit, the Word file by e-mail, the sealed paper
	// copies, the form as printed.
	Submission string `toml:"submission"`
	// AfterEvent: the announcement and the materials due after the event.
	AfterEvent string `toml:"after_event"`
	// Confidential: confidential content is never sent over the internet.
	Confidential string `toml:"confidential"`
	// Deadline: the deadline, and posted copies arriving by it.
	Deadline string `toml:"deadline"`
	// Categories: where the notice lists its categories ("一").
	Categories string `toml:"categories"`
}

// Posted is the clause of the paper copies' arrival: the submission's and
// the deadline's clauses together.
func (cl Clauses) Posted() string {
	if cl.Submission == cl.Deadline || cl.Deadline == "" {
		return cl.Submission
	}
	if cl.Submission == "" {
		return cl.Deadline
	}
	return cl.Submission + "、" + cl.Deadline
}

// SocietyRequirement is what a provincial society must have to apply (its
// clause in Clause).
type SocietyRequirement struct {
	AnnualInspection bool   `toml:"annual_inspection"`
	EvaluationYear   int    `toml:"evaluation_year"`
	Clause           string `toml:"clause"`
}

// Honour is an award that gives priority (info only).
type Honour struct {
	ID   string `toml:"id"`
	Name string `toml:"name"`
}

// AfterEvent is an obligation due some days (or months) after the event
// ends (Clauses.AfterEvent). ReportMaxChars and the photo counts are the
// information report's, when the notice states them.
type AfterEvent struct {
	Days   int `toml:"days"`
	Months int `toml:"months"`
	// WithinText is how the notice words the delay ("一月内"), when it
	// should be printed so.
	WithinText     string      `toml:"within_text"`
	Items          []AfterItem `toml:"items"`
	ReportMaxChars int         `toml:"report_max_chars"`
	PhotosMin      int         `toml:"photos_min"`
	PhotosMax      int         `toml:"photos_max"`
}

// AfterItem is one material due after the event: its kind (what this
// program has an editor for: report, results, summary, review, accounts, or
// other), its name as the notice words it, and, when it is not due from
// every project, the categories (and venues) it is due from.
type AfterItem struct {
	Kind       string   `toml:"kind"`
	Name       string   `toml:"name"`
	Categories []string `toml:"categories"`
	Venues     []string `toml:"venues"`
}

// Applies reports whether the item is due from a draft.
func (it AfterItem) Applies(d *Draft) bool {
	if len(it.Categories) > 0 && !contains(it.Categories, d.Category) {
		return false
	}
	return len(it.Venues) == 0 || contains(it.Venues, d.Venue)
}

// Venue is a sub-venue or final of the speech competition.
type Venue struct {
	ID      string `toml:"id"`
	Name    string `toml:"name"`
	Funding int64  `toml:"funding"`
}

// Category is one of the call's project categories with all its rules.
type Category struct {
	ID        string `toml:"id"`
	Edition   string `toml:"edition"`
	Name      string `toml:"name"`
	ShortName string `toml:"short_name"`
	Clause    string `toml:"clause"`
	QuotaMin  int    `toml:"quota_min"`
	Quota     int    `toml:"quota"`
	// QuotaWords is how the notice words a quota that is no number: "不限",
	// "若干".
	QuotaWords string `toml:"quota_text"`
	// FundingClause is where the notice states the amount; VenueClause
	// where it states the venues to choose from.
	FundingClause string `toml:"funding_clause"`
	VenueClause   string `toml:"venue_clause"`
	// JointWith are the types a joint application is encouraged with, and
	// JointWithText how the notice names the partners ("地方科协",
	// "相关期刊中心"); JointClause where it says so (default EligibleClause).
	JointWith                []string  `toml:"joint_with"`
	JointWithText            string    `toml:"joint_with_text"`
	JointClause              string    `toml:"joint_clause"`
	FundingKind              string    `toml:"funding_kind"`
	Funding                  int64     `toml:"funding"`
	FundingMin               int64     `toml:"funding_min"`
	FundingMax               int64     `toml:"funding_max"`
	Venues                   []Venue   `toml:"venues"`
	WinnersSupport           int64     `toml:"winners_support"`
	WinnersVenue             string    `toml:"winners_venue"` // the venue the winners' support goes with
	Eligible                 []string  `toml:"eligible"`
	EligibleClause           string    `toml:"eligible_clause"`
	GraduateTrainingRequired []string  `toml:"graduate_training_required"`
	JointEncouraged          bool      `toml:"joint_encouraged"`
	MinParticipants          int       `toml:"min_participants"`
	MinPapers                int       `toml:"min_papers"`
	ScaleClause              string    `toml:"scale_clause"`
	WindowStart              time.Time `toml:"window_start"`
	WindowEnd                time.Time `toml:"window_end"`
	WindowText               string    `toml:"window_text"`
	WindowClause             string    `toml:"window_clause"`
	MaxParticipants          int       `toml:"max_participants"`
	FormsAllowed             []string  `toml:"forms_allowed"`
	Theme                    string    `toml:"theme"`
	RequiredContent          []string  `toml:"required_content"`

	// WindowPreferred: the window is a preference ("5月至6月期间的活动
	// 优先考虑"), not a limit: a date outside it is an info, not an error.
	WindowPreferred bool `toml:"window_preferred"`
	CategoryCode         // group, code: 项目编号 (declrules.go)
	// Part is the category's own part of the form (第三部分), declared
	// field by field.
	Part PartDecl `toml:"part"`

	rules *partRules // Part compiled for the validator
}

// Category returns the category with the given ID, or nil.
func (c *Call) Category(id string) *Category {
	for i := range c.Categories {
		if c.Categories[i].ID == id {
			return &c.Categories[i]
		}
	}
	return nil
}

// Funder is the funder's short name as running text names it
// (IssuerShort), or the issuer's full name when the call gives no short one.
func (c *Call) Funder() string {
	if c == nil {
		return ""
	}
	if c.IssuerShort != "" {
		return c.IssuerShort
	}
	return c.Issuer
}

// GrantName names the funder's grant: "省科协资助", or "资助经费" when the
// call names no funder.
func (c *Call) GrantName() string {
	if f := c.Funder(); f != "" {
		return f + "资助"
	}
	return "资助经费"
}

// RequestLabel names the amount requested from the funder: "申请省科协资助",
// or "申请资助金额" when the call names no funder.
func (c *Call) RequestLabel() string {
	if f := c.Funder(); f != "" {
		return "申请" + f + "资助"
	}
	return "申请资助金额"
}

// ApplicantTypeName is the Chinese name of an applicant type ID (the ID itself
// when the call does not know it).
func (c *Call) ApplicantTypeName(id string) string {
	if n, ok := c.ApplicantTypes[id]; ok {
		return n
	}
	return id
}

// HonourName is the Chinese name of an honour ID.
func (c *Call) HonourName(id string) string {
	for _, h := range c.Honours {
		if h.ID == id {
			return h.Name
		}
	}
	return id
}

// Venue returns the venue with the given ID, or nil.
func (cat *Category) Venue(id string) *Venue {
	for i := range cat.Venues {
		if cat.Venues[i].ID == id {
			return &cat.Venues[i]
		}
	}
	return nil
}

// IsEligible reports whether an applicant type may apply (as main applicant).
func (cat *Category) IsEligible(applicantType string) bool {
	for _, e := range cat.Eligible {
		if e == applicantType {
			return true
		}
	}
	return false
}

// NeedsGraduateTraining reports whether this applicant type must hold the
// qualification to train graduate students for this category.
func (cat *Category) NeedsGraduateTraining(applicantType string) bool {
	for _, e := range cat.GraduateTrainingRequired {
		if e == applicantType {
			return true
		}
	}
	return false
}

// FundingFor is the amount an applicant requests for this category and venue:
// the fixed or venue amount; for a ranged category the maximum.
func (cat *Category) FundingFor(venue string) int64 {
	switch cat.FundingKind {
	case FundingVenue:
		if v := cat.Venue(venue); v != nil {
			return v.Funding
		}
		return 0
	case FundingRange:
		return cat.FundingMax
	case FundingFixed:
		return cat.Funding
	}
	return 0
}

// FundingText describes the category's funding rule in Chinese.
func (cat *Category) FundingText() string {
	switch cat.FundingKind {
	case FundingVenue:
		parts := make([]string, 0, len(cat.Venues))
		for _, v := range cat.Venues {
			parts = append(parts, fmt.Sprintf("%s%s元", v.Name, Thousands(v.Funding)))
		}
		return strings.Join(parts, "，")
	case FundingRange:
		return fmt.Sprintf("%s–%s元/项", Thousands(cat.FundingMin), Thousands(cat.FundingMax))
	case FundingFixed:
		return fmt.Sprintf("%s元/项", Thousands(cat.Funding))
	}
	return ""
}

// QuotaText describes how many projects the category selects ("" when
// the notice does not say).
func (cat *Category) QuotaText() string {
	if cat.QuotaWords != "" {
		return cat.QuotaWords
	}
	if cat.Quota == 0 {
		return ""
	}
	if cat.QuotaMin > 0 && cat.QuotaMin != cat.Quota {
		return fmt.Sprintf("%d-%d项", cat.QuotaMin, cat.Quota)
	}
	return fmt.Sprintf("%d项", cat.Quota)
}

// CallError is a problem in a call file: which file, which line (0 when the
// problem is not tied to one line) and what is wrong, in Chinese.
type CallError struct {
	File    string
	Line    int
	Problem string
}

func (e *CallError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("申报通知数据文件 %s 第%d行有误：%s", e.File, e.Line, e.Problem)
	}
	return fmt.Sprintf("申报通知数据文件 %s 有误：%s", e.File, e.Problem)
}

// CallFileName is the name of a call's file inside its folder; the
// folder's samples/ holds the call's sample drafts (<category>.shenbao.json).
const CallFileName = "call.toml"

// embeddedCalls are the calls the program ships with (calls/<folder>/call.toml),
// newest first, parsed once. It panics only if an embedded file is broken,
// which the tests rule out. Callers must not modify them.
var embeddedCalls = sync.OnceValue(func() []*Call {
	dirs, err := fs.ReadDir(callFiles, "calls")
	if err != nil {
		panic(err)
	}
	var out []*Call
	for _, e := range dirs {
		if !e.IsDir() {
			continue
		}
		dir := path.Join("calls", e.Name())
		c, err := ParseCall(path.Join(dir, CallFileName), mustRead(path.Join(dir, CallFileName)))
		if err != nil {
			panic(err)
		}
		c.Embedded = true
		c.samples, _ = fs.Sub(callFiles, path.Join(dir, "samples"))
		out = append(out, c)
	}
	if len(out) == 0 {
		panic("no embedded call")
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Year > out[j].Year })
	return out
})

// EmbeddedCalls are the calls the program ships with, newest first.
func EmbeddedCalls() []*Call { return embeddedCalls() }

// Default is the newest call the program ships with.
func Default() *Call { return embeddedCalls()[0] }

// EmbeddedCall returns the shipped call of a year, or nil.
func EmbeddedCall(year int) *Call {
	for _, c := range embeddedCalls() {
		if c.Year == year {
			return c
		}
	}
	return nil
}

func mustRead(name string) []byte {
	b, err := callFiles.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return b
}

// LoadCallFile reads a call from disk: its TOML file, and the sample drafts
// in the folder samples/ beside it (if any).
func LoadCallFile(file string) (*Call, error) {
	st, err := os.Stat(file)
	if err == nil && st.IsDir() {
		file = filepath.Join(file, CallFileName)
		st, err = os.Stat(file)
	}
	if err != nil {
		return nil, &CallError{File: file, Problem: "无法读取文件（" + osReason(err) + "）"}
	}
	if st.Size() > maxCallFileSize {
		return nil, &CallError{File: file, Problem: fmt.Sprintf("文件有 %d 字节，申报通知数据文件不会超过 %d 字节：请确认选的是申报通知数据文件（.toml）", st.Size(), maxCallFileSize)}
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, &CallError{File: file, Problem: "无法读取文件（" + osReason(err) + "）"}
	}
	c, err := ParseCall(filepath.Base(file), b)
	if err != nil {
		return nil, err
	}
	c.Path, _ = filepath.Abs(file)
	c.samples = os.DirFS(filepath.Join(filepath.Dir(file), "samples"))
	return c, nil
}

// maxCallFileSize bounds what LoadCallFile reads: a call file is a few KB.
const maxCallFileSize = 1 << 20

// SampleData is the stored sample draft of a category, or nil when the call
// has none.
func (c *Call) SampleData(category string) []byte {
	if c.samples == nil {
		return nil
	}
	b, err := fs.ReadFile(c.samples, category+DraftExt)
	if err != nil {
		return nil
	}
	return b
}

// ParseCall reads a call from TOML bytes; name is used in error messages.
func ParseCall(name string, data []byte) (_ *Call, err error) {
	defer recoverCallPanic(name, &err) // callsafe.go
	if err := checkCallBytes(name, data); err != nil {
		return nil, err
	}
	var c Call
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &CallError{File: name, Line: pe.Position.Line, Problem: "格式错误：" + pe.Message}
		}
		return nil, &CallError{File: name, Line: typeErrorLine(data, err.Error()), Problem: "格式错误：" + err.Error()}
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, &CallError{File: name, Line: lineOf(data, und[0].String()), Problem: "未知的项目 “" + und[0].String() + "”"}
	}
	c.Source = name
	c.Types.orderTypes(md.Keys())
	c.ApplicantTypes = make(map[string]string, len(c.Types))
	for _, t := range c.Types {
		c.ApplicantTypes[t.ID] = t.Name
	}
	if p, cat := c.problem(); p != "" {
		line := lineOfProblem(data, p)
		if cat >= 0 {
			line = lineOfCategory(data, cat)
		}
		return nil, &CallError{File: name, Line: line, Problem: p}
	}
	if p, line := c.safetyProblem(data); p != "" {
		return nil, &CallError{File: name, Line: line, Problem: p}
	}
	if p, at := c.documentsProblem(); p != "" {
		return nil, &CallError{File: name, Line: at.line(data), Problem: p}
	}
	if err := c.compileDeclared(name, data); err != nil {
		return nil, err
	}
	return &c, nil
}

// problem returns the first semantic problem of a decoded call, in Chinese,
// and the index of the category it concerns (-1 for the call as a whole).
func (c *Call) problem() (string, int) {
	p, i := c.topProblem(), -1
	if p == "" {
		p, i = c.categoryProblem()
	}
	return p, i
}

func (c *Call) topProblem() string {
	switch {
	case c.Year < 2000 || c.Year > 2100:
		return "year（年度）缺失或不合理"
	case c.MaxPerCategory < 0 || c.MaxTotal < 0 || c.PaperCopies < 0:
		return "max_per_category_per_unit、max_total_per_unit、paper_copies 不能为负数（通知没有规定的，不写）"
	case c.MaxTotal > 0 && c.MaxPerCategory > c.MaxTotal:
		return "max_per_category_per_unit（同类限报）大于 max_total_per_unit（总计限报）"
	case len(c.Categories) == 0:
		return "没有任何 [[categories]]（项目类别）"
	}
	if c.Society.AnnualInspection && !c.AsksAnnualInspection() {
		return "[society_requirements] annual_inspection = true，但没有哪个申报单位类型须年检合格：请在 [applicant_types] 中把该类型写成 类型ID = { name = \"名称\", annual_inspection = true }"
	}
	if c.Society.EvaluationYear > 0 && !c.AsksEvaluation() {
		return "[society_requirements] evaluation_year 写了学会评价的年度，但没有哪个申报单位类型须参加评价：请在 [applicant_types] 中把该类型写成 类型ID = { name = \"名称\", evaluation = true }"
	}
	for i, ae := range c.AfterEvent {
		if (ae.Days < 1) == (ae.Months < 1) {
			return fmt.Sprintf("第%d个 [[after_event]] 须写 days（完成后几日内）或 months（完成后几个月内）之一，且至少为1", i+1)
		}
		if ae.PhotosMin < 0 || ae.PhotosMax < ae.PhotosMin || ae.ReportMaxChars < 0 {
			return fmt.Sprintf("第%d个 [[after_event]] 的 photos_min/photos_max 颠倒或 report_max_chars 为负数", i+1)
		}
		for _, it := range ae.Items {
			if !contains(afterKinds, it.Kind) || it.Name == "" {
				return fmt.Sprintf("第%d个 [[after_event]] 的 items 中 “%s” 的 kind 须为 %s 之一，且须有 name", i+1, it.Name, strings.Join(afterKinds, "、"))
			}
		}
	}
	return c.rulesProblem()
}

func (c *Call) categoryProblem() (string, int) {
	seen := map[string]bool{}
	for i, cat := range c.Categories {
		where := fmt.Sprintf("第%d个类别（%s）", i+1, cat.ID)
		if cat.ID == "" || cat.Name == "" {
			return where + "缺少 id 或 name", i
		}
		if seen[cat.ID] {
			return where + "的 id 重复", i
		}
		seen[cat.ID] = true
		if cat.WindowStart.IsZero() != cat.WindowEnd.IsZero() || cat.WindowEnd.Before(cat.WindowStart) {
			return where + "的 window_start/window_end（完成时间）只写了一个或先后颠倒（通知没有规定完成时间的，两个都不写）", i
		}
		for _, list := range [][]string{cat.Eligible, cat.GraduateTrainingRequired, cat.JointWith} {
			for _, e := range list {
				if _, ok := c.ApplicantTypes[e]; !ok {
					return where + "的 eligible、graduate_training_required 或 joint_with 中 “" + e + "” 不在 [applicant_types] 中", i
				}
			}
		}
		switch cat.FundingKind {
		case "":
			if cat.Funding != 0 || cat.FundingMin != 0 || cat.FundingMax != 0 || len(cat.Venues) > 0 {
				return where + "写了经费额度，但没有 funding_kind（fixed、venue 或 range）", i
			}
		case FundingFixed:
			if cat.Funding <= 0 {
				return where + "的 funding（经费额度）须大于0", i
			}
		case FundingVenue:
			if len(cat.Venues) == 0 {
				return where + "按赛场资助，但没有 [[categories.venues]]", i
			}
			for _, v := range cat.Venues {
				if v.ID == "" || v.Funding <= 0 {
					return where + "的赛场缺少 id 或 funding", i
				}
			}
		case FundingRange:
			if cat.FundingMin <= 0 || cat.FundingMax < cat.FundingMin {
				return where + "的 funding_min/funding_max 缺失或颠倒", i
			}
		default:
			return where + "的 funding_kind 须为 fixed、venue 或 range（通知没有规定经费额度的，不写）", i
		}
		if cat.Quota < 0 || cat.QuotaMin < 0 || cat.QuotaMin > cat.Quota {
			return where + "的 quota/quota_min（项目数量）为负数或颠倒（通知写“不限”的，写 quota_text = \"不限\"）", i
		}
		if cat.MaxParticipants > 0 && cat.MaxParticipants < cat.MinParticipants {
			return where + "的 max_participants（参会人数上限）小于 min_participants（下限）", i
		}
		if p := c.Categories[i].compile(); p != "" {
			return where + p, i
		}
	}
	return "", -1
}

// lineOf finds the first line that mentions the last part of a key path.
func lineOf(data []byte, key string) int {
	if i := strings.LastIndex(key, "."); i >= 0 {
		key = key[i+1:]
	}
	for n, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), key) {
			return n + 1
		}
	}
	return 0
}

var (
	lastKeyRe  = regexp.MustCompile(`last key "([^"]+)"`)
	valueTypRe = regexp.MustCompile(`TOML value has type (\w+)`)
	lineRe     = regexp.MustCompile(`line (\d+)`)
)

// typeErrorLine finds the line of a value of the wrong type. The TOML
// decoder names the key and the value's type but, inside arrays of tables,
// not the right line, so look for the key with a value of that type.
func typeErrorLine(data []byte, msg string) int {
	k, typ := lastKeyRe.FindStringSubmatch(msg), valueTypRe.FindStringSubmatch(msg)
	if k != nil && typ != nil {
		key := k[1][strings.LastIndex(k[1], ".")+1:]
		for n, l := range strings.Split(string(data), "\n") {
			name, val, ok := strings.Cut(l, "=")
			if ok && strings.TrimSpace(name) == key && tomlKind(strings.TrimSpace(val)) == typ[1] {
				return n + 1
			}
		}
	}
	if m := lineRe.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

// tomlKind guesses the TOML type of a value as the decoder names it.
func tomlKind(v string) string {
	switch {
	case strings.HasPrefix(v, `"`) || strings.HasPrefix(v, "'"):
		return "string"
	case strings.HasPrefix(v, "["):
		return "array"
	case strings.HasPrefix(v, "{"):
		return "table"
	case v == "true" || v == "false":
		return "bool"
	case len(v) >= 10 && v[4] == '-' && v[7] == '-':
		return "datetime"
	case strings.ContainsAny(v, ".eE") && !strings.HasPrefix(v, "0x"):
		return "float"
	}
	return "integer"
}

// lineOfCategory is the line of the i-th [[categories]] header (0-based).
func lineOfCategory(data []byte, i int) int {
	n := -1
	for ln, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(l) == "[[categories]]" {
			n++
			if n == i {
				return ln + 1
			}
		}
	}
	return 0
}

// lineOfProblem finds a line for a semantic problem: the line of the key it
// names, when the message names a key of the form `key` in ASCII.
func lineOfProblem(data []byte, p string) int {
	for _, f := range strings.FieldsFunc(p, func(r rune) bool { return !(r == '_' || r >= 'a' && r <= 'z') }) {
		if len(f) > 3 {
			if l := lineOf(data, f); l > 0 {
				return l
			}
		}
	}
	return 0
}
