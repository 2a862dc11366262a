// Package notice reads a call for applications as published (申报通知:
// plain text or a .docx) and proposes a call file from it: categories with
// their clauses, editions, quotas, amounts, scale, windows and who may
// apply, the deadline, the per-unit limits, paper copies, contacts, the
// duties after the event, and the soft words (原则上, 优先, 鼓励, 一般) as
// severities.
//
// It is offline and deterministic: regular expressions over the notice's
// clauses and sentences. Every proposed fact carries the sentence it came
// from and that sentence's clause; a fact the notice does not state is
// listed as 未识别 and left unset, or, with a base call, taken from the base
// and marked so. Proposal.TOML writes a call file that forms.ParseCall
// accepts, holding only what the notice (or the base) states: 项目数量不限
// as quota_text, 40个左右 as [total_quota], a soft word as the rule's
// [overrides], the applicant types with the duties the notice gives them,
// item codes and groups, the place rule as a declared [[rules]] entry;
// the application's form ([[documents]]) comes from the base, or the
// newest shipped call, marked so.
//
// The package imports nothing from fyne.io.
package notice

import (
	"fmt"
	"sort"
	"strings"

	"shenbao/forms"
)

// Status says where a proposed fact comes from.
type Status string

// Where a fact comes from.
const (
	Found        Status = "found"        // read from the notice
	FromBase     Status = "base"         // not restated: taken from the base call
	Unrecognized Status = "unrecognized" // 未识别: neither the notice nor the base states it
	Edited       Status = "edited"       // 已校正: set by the user (Proposal.Set)
)

// StatusName is the status in Chinese.
func (s Status) StatusName() string {
	switch s {
	case Found:
		return "通知原文"
	case FromBase:
		return "取自基础通知"
	case Edited:
		return "已校正"
	}
	return "未识别"
}

// Fact is one proposed fact of the call.
type Fact struct {
	// Key is the fact's place in the call file: "deadline",
	// "contact.email", "categories.annual.quota", "after_event.0"…
	Key string
	// Label names the fact in Chinese ("申报截止时间", "研究生论坛 项目数量").
	Label string
	// Value is the proposed value as text ("2024-04-22", "6项", "30000元/项").
	Value string
	// Text is the words of the notice the value was read from ("4月22日");
	// Sentence is the whole sentence, Clause its clause ("二、5").
	Text, Sentence, Clause string
	// Index is the sentence's place in Proposal.Sentences (-1 when the
	// fact has none, or its sentence spans lines, as a title does).
	Index  int
	Status Status
	// Soft is the soft word of the sentence (原则上, 优先, 鼓励, 一般) and
	// Severity the severity it suggests for the rule: a soft rule is a
	// warning or a piece of information, not an error.
	Soft     string
	Severity forms.Severity
	// Note says how the call file holds this fact when it is no plain
	// value (不限, 左右, a duty no type carries, a soft word), "" else.
	Note string
}

// Sentence is one sentence of the notice and its clause.
type Sentence struct {
	Text, Clause string
}

// Proposal is the call a notice proposes.
type Proposal struct {
	// Call is the proposed call. Facts the notice does not state are unset
	// (or, with a base, the base's); TOML adds only what the loader cannot
	// do without (the year, a category's name, the documents) and marks it.
	Call *forms.Call
	// Facts are every fact looked for, found or not, in the order of the
	// call file.
	Facts []Fact
	// Base names the base call ("" without one). Filler is the call the
	// form's parts come from: the base, or the newest call the program
	// ships with.
	Base   string
	Filler *forms.Call
	// Removed are the base's categories the notice does not have any more.
	Removed []string
	// NotCarried are the base's declared rules and category groups left
	// out of the proposal, each with the reason (a category it names is
	// not kept, the notice states it again…), and the groups carried
	// without some of their categories.
	NotCarried []string
	// Chars is the length of the notice read, in characters.
	Chars int
	// Sentences are the notice's sentences in order, with their clauses:
	// what a window shows beside the facts.
	Sentences []Sentence

	base         *forms.Call
	duty         duties                     // the applicant types the notice's duty sentences name
	place        *place                     // “须在…省境内举办”
	formTitle    string                     // the form the notice names (“应填写《…申报表》”)
	partFrom     map[string]string          // our category ID → the filler's category its part is a copy of
	baseCats     map[string]*forms.Category // our category ID → the base's category it follows
	placeholders map[string]string          // key → what TOML wrote in place of an unset required value
	catIndex     map[string]int             // category ID → index in the notice's categories (-1: none)
	ruleFrom     map[string]string          // declared rule ID → what of it comes from the base
}

// duties are the applicant types (IDs) the notice names in the sentences
// of a duty; nil when the notice states no such duty.
type duties struct {
	inspection, evaluation, honours []string
}

// place is where every event must be held, as the notice says it:
// region "湖北", words "湖北省".
type place struct {
	region, words, clause string
}

// Fact returns the fact with the given key, or nil.
func (p *Proposal) Fact(key string) *Fact {
	for i := range p.Facts {
		if p.Facts[i].Key == key {
			return &p.Facts[i]
		}
	}
	return nil
}

// Count counts the facts of a status.
func (p *Proposal) Count(s Status) int {
	n := 0
	for _, f := range p.Facts {
		if f.Status == s {
			n++
		}
	}
	return n
}

// Read reads a notice's text and proposes a call. base is last year's call
// (or nil): what the notice does not restate is taken from it, and its
// categories' parts of the form follow the notice's categories by name.
// Without a base, the parts come from the newest call the program ships
// with, marked so. Read fails only when the text holds no category at all.
func Read(text string, base *forms.Call) (*Proposal, error) {
	text = strings.ReplaceAll(strings.ToValidUTF8(text, "\uFFFD"), "\r\n", "\n")
	text = strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case r < 0x20 && r != '\n' && r != '\t' || r == 0x7f:
			return ' ' // control characters: no notice means them
		}
		return r
	}, text)
	n := split(text)
	if len(n.cats) == 0 {
		return nil, fmt.Errorf("通知中没有找到项目类别：类别应写成 “一、项目类别” 下的 “（一）类别名称”，每个类别写明 “项目数量：…”。请检查是否给出了通知正文")
	}
	r := &reader{n: n, base: base, filler: base}
	if r.filler == nil {
		r.filler = forms.Default()
	}
	r.p = &Proposal{Call: &forms.Call{}, Filler: r.filler, Chars: len([]rune(text)),
		placeholders: map[string]string{}, catIndex: map[string]int{}, partFrom: map[string]string{}}
	if base != nil {
		r.p.Base = baseName(base)
	}
	r.read()
	return r.p, nil
}

// baseName names a call for messages: its file, or the year it ships.
func baseName(c *forms.Call) string {
	if c.Path != "" {
		return c.Path
	}
	if c.Embedded {
		return fmt.Sprintf("内置的%d年度申报通知", c.Year)
	}
	if c.Source != "" {
		return c.Source
	}
	return fmt.Sprintf("%d年度申报通知", c.Year)
}

// sortedKeys returns a map's keys in order.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
