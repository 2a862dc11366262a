package notice

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"shenbao/forms"
)

// reader holds one reading of a notice.
type reader struct {
	n      *notice
	base   *forms.Call // last year's call, or nil
	filler *forms.Call // base, or the newest shipped call: the form's parts
	p      *Proposal
	year   int

	found   map[string]*Fact // facts read from the notice, by key
	order   []string         // keys of found facts in the order read
	matched []*forms.Category
	fillCat []*forms.Category // the filler's category each of ours follows (or nil)
	newType int
	codes   map[string]bool // item codes taken
}

const dash = `\s*[-~～－–—至到]\s*`

var (
	titleRe       = regexp.MustCompile(`关于.*?的通知`)
	titleCoreRe   = regexp.MustCompile(`关于(?:组织)?(?:开展|做好|申报)?(.+?)(?:申报)?(?:工作)?的通知`)
	yearOfTitleRe = regexp.MustCompile(`(\d{4})\s*年度?`)
	shortRe       = regexp.MustCompile(`简称\s*[“"]?(\p{Han}{2,8}?)[”"）)]`)
	sciAssocRe    = regexp.MustCompile(`([省市区县])科协`)
	issuerRe      = regexp.MustCompile(`^[\p{Han}（）()]{4,30}(?:协会|科协|委员会|厅|局)$`)
	yearWordRe    = regexp.MustCompile(`\d{4}\s*年?度?`)
	editionRe     = regexp.MustCompile(`^第[一二三四五六七八九十百零〇\d]+届`)
	quotedRe      = regexp.MustCompile(`^[“"]([^”"]+)[”"]`)
	codeCutRe     = regexp.MustCompile(`[（(]项目编号`)
	codeRe        = regexp.MustCompile(`项目编号\s*[:：]\s*(\d{4}(?:-\d{1,3}){1,3}(?:\s*[~～]\s*\d{1,3})?)`)
	groupCodeRe   = regexp.MustCompile(`-\d{1,3}\s*[~～]\s*\d{1,3}$`)
	nameCutRe     = regexp.MustCompile(`[，,。：:；;\s]|项目数量|围绕`)

	quotaRe    = regexp.MustCompile(`(?:项目数量|资助数量|资助名额)\s*[：:]?\s*(不限|(\d+)(?:` + dash + `(\d+))?\s*(?:项|个)(左右)?)`)
	totalRe    = regexp.MustCompile(`资助\s*(\d+)\s*(?:个|项)(左右)?`)
	fundLblRe  = regexp.MustCompile(`(?:经费额度|资助标准|资助额度|资助金额|资助经费)\s*[：:]?\s*`)
	amountRe   = regexp.MustCompile(`(\d+(?:\.\d+)?)(?:` + dash + `(\d+(?:\.\d+)?))?\s*(万)?元(?:\s*/\s*(?:项|个|场))?`)
	pieceSepRe = regexp.MustCompile(`[，,；;\s]+`)
	venueRe    = regexp.MustCompile(`包括(.+?)(\d+)\s*个(分赛场|分会场|赛区)`)
	finalRe    = regexp.MustCompile(`[和及与]决赛`)
	eligLblRe  = regexp.MustCompile(`(?:申报范围|申报对象|申报主体)\s*[：:]\s*([^。；;\s]+)`)
	mayApplyRe = regexp.MustCompile(`均?可以?申报`)
	parenRe    = regexp.MustCompile(`[（(][^）)]*[）)]`)
	listSepRe  = regexp.MustCompile(`[、，,]|以及|和|及`)
	jointRe    = regexp.MustCompile(`鼓励.{0,12}联合申报`)
	rangePplRe = regexp.MustCompile(`(\d+)` + dash + `(\d+)\s*(?:人|名)`)
	minPplRe   = regexp.MustCompile(`(\d+)\s*(?:人|名)(?:以上|及以上)|不少于\s*(\d+)\s*(?:人|名)`)
	scaleCtxRe = regexp.MustCompile(`参会|参加|代表|人员|规模|出席`)
	papersRe   = regexp.MustCompile(`(\d+)\s*篇(?:以上|及以上)|不少于\s*(\d+)\s*篇`)
	windLblRe  = regexp.MustCompile(`(?:项目完成时间|完成时间|执行时间|举办时间|活动时间|实施时间)\s*[：:]?\s*`)
	wind1Re    = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?` + dash + `(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?`)
	wind2Re    = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})` + dash + `(\d{1,2})\s*月`)
	wind3Re    = regexp.MustCompile(`^全年`)
	wind4Re    = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月`)
	themeRe    = regexp.MustCompile(`主题为\s*[“"]([^”"]+)[”"]`)
	formsRe    = regexp.MustCompile(`采取(.+?)等(?:形式|方式)`)

	deadlineRe   = regexp.MustCompile(`截止(?:时间|日期)?(?:为|是|：|:)?\s*(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	postedRe     = regexp.MustCompile(`邮寄.{0,20}寄达`)
	announceRe   = regexp.MustCompile(`(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日前`)
	whereRe      = regexp.MustCompile(`[“"]([^”"]+)[”"]`)
	perCatRe     = regexp.MustCompile(`同类项目中?(?:只能|限|最多)?申报\s*(\d+)\s*项`)
	totalUnitRe  = regexp.MustCompile(`(?:总计|共计|合计|累计)(?:不超过|不得超过|最多)?\s*(\d+)\s*项`)
	perUnitRe    = regexp.MustCompile(`每个?(?:申报)?单位[^，。；]*?(?:只能|限|最多)?申报\s*(\d+)\s*项`)
	paperRe      = regexp.MustCompile(`纸质(?:件|版|材料)?\s*(\d+)\s*份`)
	priorityRe   = regexp.MustCompile(`优先支持\s*(\d{4}` + dash + `\d{4})\s*年度?(.+?)(?:申报|$)`)
	inspectionRe = regexp.MustCompile(`年检合格`)
	evalRe       = regexp.MustCompile(`(\d{4})\s*年度?学会评价`)
	submissionRe = regexp.MustCompile(`同类项目|每个?(?:申报)?单位.*申报|纸质|电子版`)
	confidRe     = regexp.MustCompile(`保密|涉密`)
	afterRe      = regexp.MustCompile(`(\d+|[一二三四五六两])\s*(个工作日|日|天|个月|月)内`)
	afterLeadRe  = regexp.MustCompile(`^[，,]?\s*(?:需|须|应|要)?\s*(?:提交|报送|上报|报)?\s*`)
	charsRe      = regexp.MustCompile(`(\d+)\s*字以内|不超过\s*(\d+)\s*字`)
	photosRe     = regexp.MustCompile(`(\d+)` + dash + `(\d+)\s*张照片`)
	contactRe    = regexp.MustCompile(`^(联\s*系\s*人|联系部门|联系电话|电\s*话|邮\s*箱|电子邮箱|E-?mail|地\s*址)\s*[：:]\s*(.+)$`)
	phoneRe      = regexp.MustCompile(`\d{3,4}-\d{7,8}(?:-\d+)?|1\d{10}`)
	emailRe      = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
	spacesRe     = regexp.MustCompile(`[\s\x{3000}\x{00a0}]+`)
	pieceRe      = regexp.MustCompile(`[，,；;]|\s+`)
	preferRe     = regexp.MustCompile(`优先(?:考虑|支持|安排)?`)
	placeRe      = regexp.MustCompile(`(?:须|必须|应)在(\p{Han}{2,7}?)(省|自治区|市)?境内(?:举办|开展|举行)`)
	leadRe       = regexp.MustCompile(`联合申报.{0,10}(?:须|必须|应)注明牵头单位`)
	formTitleRe  = regexp.MustCompile(`填写《([^》]{2,60}?(?:申报表|申报书|申请表|申请书))》`)
	softRe       = regexp.MustCompile(`原则上|优先|鼓励|一般(?:不|应|为|须|在|以)`)
)

// softSeverity is the severity a soft word suggests.
func softSeverity(word string) forms.Severity {
	switch {
	case word == "原则上" || strings.HasPrefix(word, "一般"):
		return forms.Warning
	case word == "优先" || word == "鼓励":
		return forms.Info
	}
	return ""
}

// softScope is the part of a sentence a soft word in it qualifies for the
// words text: the piece between commas (or spaces) holding them —
// “每单位原则上申报1项,两个以上单位联合申报的项目须注明牵头单位”: 原则上
// qualifies the quota, not the lead unit. The whole sentence when the
// words span pieces.
func softScope(sentence, text string) string {
	for _, piece := range pieceRe.Split(sentence, -1) {
		if text != "" && strings.Contains(piece, text) {
			return piece
		}
	}
	return sentence
}

// put records a fact read from sentence s.
func (r *reader) put(key, label, value, text string, s *sentence) *Fact {
	f := &Fact{Key: key, Label: label, Value: value, Text: text, Status: Found, Index: -1}
	if s != nil {
		f.Sentence, f.Clause, f.Index = s.text, s.clause, s.index
		if w := softRe.FindString(softScope(s.text, text)); w != "" {
			f.Soft, f.Severity = strings.TrimRight(w, "不应为须在以"), softSeverity(w)
		}
	}
	if _, ok := r.found[key]; !ok {
		r.order = append(r.order, key)
	}
	r.found[key] = f
	return f
}

func (r *reader) read() {
	r.found = map[string]*Fact{}
	r.readHeader()
	r.readCategories()
	r.readCommon()
	r.readContacts()
	r.readAfterEvent()
	r.readSoft()
	r.merge()
}

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}

// yuan converts "1.5" (万元 when wan) to yuan.
func yuan(s string, wan bool) int64 {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0
	}
	if wan {
		f *= 10000
	}
	if f < 0 || f > 1e12 {
		return 0
	}
	return int64(math.Round(f))
}

func date(y, m, d int) time.Time {
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

func lastDay(y, m int) time.Time { return date(y, m+1, 0) }

// okYear is a plausible year of a call.
func okYear(y int) bool { return y >= 2000 && y <= 2100 }

// okDate reports whether y-m-d is a real date of a plausible year (a
// notice's “4月31日” is a typo, not a date to propose); d 0 stands for
// the month as a whole.
func okDate(y, m, d int) bool {
	if !okYear(y) || m < 1 || m > 12 || d < 0 {
		return false
	}
	return d == 0 || d <= lastDay(y, m).Day()
}

func ymd(t time.Time) string { return t.Format("2006-01-02") }

// readHeader reads the title (the first lines, up to the one naming the
// notice), the year and the issuer (the signature: the last line that is
// only an organisation's name).
func (r *reader) readHeader() {
	c := r.p.Call
	var head []string
	for _, l := range r.n.lines {
		if l == "" {
			continue
		}
		if strings.HasSuffix(l, "：") || strings.HasSuffix(l, ":") || len(head) == 4 {
			break
		}
		head = append(head, l)
		if strings.Contains(l, "通知") {
			break
		}
	}
	joined := strings.Join(head, "")
	if m := titleRe.FindString(joined); m != "" {
		s := &sentence{text: joined, clause: "标题", index: -1}
		c.NoticeTitle = m
		r.put("notice_title", "通知标题", m, m, s)
		if t := titleCoreRe.FindStringSubmatch(m); t != nil {
			c.Title = t[1]
			r.put("title", "项目名称", t[1], t[1], s)
		}
		if y := yearOfTitleRe.FindStringSubmatch(m); y != nil && okYear(atoi(y[1])) {
			c.Year = atoi(y[1])
			r.put("year", "年度", y[1], y[0], s)
		}
	}
	if c.Year == 0 {
		for i := range r.n.sentences {
			s := &r.n.sentences[i]
			if y := yearOfTitleRe.FindStringSubmatch(s.text); y != nil && okYear(atoi(y[1])) {
				c.Year = atoi(y[1])
				r.put("year", "年度", y[1], y[0], s)
				break
			}
		}
	}
	r.year = c.Year
	for i := len(r.n.sentences) - 1; i >= 0; i-- {
		s := &r.n.sentences[i]
		if issuerRe.MatchString(s.text) && s.text == r.n.lines[s.line] {
			c.Issuer = s.text
			r.put("issuer", "发文单位", s.text, s.text, s)
			break
		}
	}
	r.readIssuerShort()
}

// readIssuerShort reads the funder's short name: what the notice says it
// calls itself (“以下简称市科协”), or, for an association of science and
// technology, the short form its sentences use (省/市 + 科协).
func (r *reader) readIssuerShort() {
	c := r.p.Call
	for i := range r.n.sentences {
		s := &r.n.sentences[i]
		if m := shortRe.FindStringSubmatch(s.text); m != nil {
			c.IssuerShort = m[1]
			r.put("issuer_short", "发文单位简称", m[1], m[1], s)
			return
		}
	}
	for i := range r.n.sentences {
		s := &r.n.sentences[i]
		if s.clause == "标题" || strings.Contains(s.text, "通知") && s.sec < 0 {
			continue
		}
		if m := sciAssocRe.FindString(s.text); m != "" && (c.Issuer == "" || strings.Contains(c.Issuer, "科学技术协会") || strings.HasSuffix(c.Issuer, "科协")) {
			c.IssuerShort = m
			r.put("issuer_short", "发文单位简称", m, m, s)
			return
		}
	}
}

// catName is a category's name from its heading: a quoted name, or the
// heading up to its item code or first punctuation.
func catName(h string) (name, text string) {
	if m := quotedRe.FindStringSubmatch(h); m != nil {
		q := firstSentence(m[1])
		return q, q
	}
	if loc := codeCutRe.FindStringIndex(h); loc != nil {
		h = h[:loc[0]]
	}
	if loc := nameCutRe.FindStringIndex(h); loc != nil && loc[0] > 0 {
		h = h[:loc[0]]
	}
	h = firstSentence(h)
	return h, h
}

// firstSentence is the first non-empty sentence of s, trimmed: a name is
// taken whole from one sentence, where its fact points.
func firstSentence(s string) string {
	for _, p := range sentEndRe.Split(s, -1) {
		if p = trimLine(p); p != "" {
			return p
		}
	}
	return ""
}

// normName strips the edition and years from a category's name, to match
// it with last year's.
func normName(s string) string {
	s = editionRe.ReplaceAllString(s, "")
	s = yearWordRe.ReplaceAllString(s, "")
	return spacesRe.ReplaceAllString(s, "")
}

// matchCategory finds the category of cats with the same name (edition and
// year aside), or one whose name contains the other's; used marks taken ones.
func matchCategory(name string, cats []forms.Category, used map[string]bool) *forms.Category {
	n := normName(name)
	for i := range cats {
		if !used[cats[i].ID] && normName(cats[i].Name) == n {
			return &cats[i]
		}
	}
	for i := range cats {
		o := normName(cats[i].Name)
		if !used[cats[i].ID] && len([]rune(n)) >= 4 && len([]rune(o)) >= 4 && (strings.Contains(o, n) || strings.Contains(n, o)) {
			return &cats[i]
		}
	}
	return nil
}

func (r *reader) readCategories() {
	c := r.p.Call
	usedBase, usedFill, ids := map[string]bool{}, map[string]bool{}, map[string]bool{}
	r.codes = map[string]bool{}
	for ci, cb := range r.n.cats {
		sents := r.n.catSentences(ci)
		name, text := catName(cb.heading)
		var head *sentence
		for _, s := range sents {
			if s.line == cb.line && strings.Contains(s.text, text) {
				head = s
				break
			}
		}
		if head == nil && len(sents) > 0 && sents[0].line == cb.line {
			head = sents[0]
		}
		cat := forms.Category{Name: name, Clause: cb.clause}
		var b, fl *forms.Category
		if r.base != nil {
			if b = matchCategory(name, r.base.Categories, usedBase); b != nil {
				usedBase[b.ID] = true
			}
		}
		if fl = matchCategory(name, r.filler.Categories, usedFill); fl != nil {
			usedFill[fl.ID] = true
		}
		switch {
		case fl != nil && !ids[fl.ID]:
			cat.ID = fl.ID
		default:
			cat.ID = r.newCategoryID(name, ci, ids)
		}
		ids[cat.ID] = true
		key := "categories." + cat.ID + "."
		label := name + " "
		if name != "" {
			r.put(key+"name", label+"名称", name, text, head)
		}
		r.put(key+"clause", label+"条款", cb.clause, text, head)
		if e := editionRe.FindString(name); e != "" {
			cat.Edition = e
			r.put(key+"edition", label+"届次", e, e, head)
		}
		if m := codeRe.FindStringSubmatch(cb.heading); m != nil && head != nil && strings.Contains(head.text, m[0]) && !strings.ContainsAny(m[1], "~～") && !r.codes[m[1]] {
			cat.Code = m[1]
			r.codes[m[1]] = true
			r.put(key+"code", label+"项目编号", m[1], m[0], head)
		}
		r.readCategory(&cat, key, label, sents)
		if fl != nil {
			for i := range cat.Venues {
				for _, fv := range fl.Venues {
					if fv.Name == cat.Venues[i].Name {
						cat.Venues[i].ID = fv.ID
					}
				}
			}
		}
		if cb.group >= 0 {
			cat.Group = r.group(cb.group)
		}
		c.Categories = append(c.Categories, cat)
		r.matched = append(r.matched, b)
		r.fillCat = append(r.fillCat, fl)
		r.p.catIndex[cat.ID] = ci
	}
}

// group is the ID of the category group of the notice's heading gi
// (“（一）…年会（项目编号：2023-1-1~3）” over its numbered items), added
// to the call the first time; its code is what the items' codes share
// (2023-1), as the notice's range states it.
func (r *reader) group(gi int) string {
	id := fmt.Sprintf("group_%d", gi+1)
	c := r.p.Call
	if c.Group(id) != nil {
		return id
	}
	g := r.n.groups[gi]
	name, _ := catName(g.heading)
	cg := forms.CategoryGroup{ID: id, Name: name, Clause: g.clause}
	var head *sentence
	for i := range r.n.sentences {
		if s := &r.n.sentences[i]; s.line == g.line {
			head = s
			break
		}
	}
	key, label := "category_groups."+id+".", "类别组"+g.clause+" "
	if head != nil && name != "" && strings.Contains(head.text, name) {
		r.put(key+"name", label+"名称", name, name, head)
	} else {
		cg.Name = ""
	}
	if m := codeRe.FindStringSubmatch(g.heading); m != nil && head != nil && strings.Contains(head.text, m[0]) {
		if code := groupCodeRe.ReplaceAllString(m[1], ""); code != m[1] && !r.codes[code] {
			cg.Code = code
			r.codes[code] = true
			r.put(key+"code", label+"项目编号", code, m[0], head)
		}
	}
	if cg.Name == "" {
		cg.Name = "类别组" + g.clause
	}
	c.CategoryGroups = append(c.CategoryGroups, cg)
	return id
}

// idWords name a new category's ID by a word of its name, first match.
var idWords = []struct{ word, id string }{
	{"沙龙", "salon"}, {"研究生论坛", "forum"}, {"演讲", "speech"}, {"比赛", "contest"},
	{"竞赛", "contest"}, {"基础研究", "basic"}, {"对外", "intl"}, {"国际", "intl"}, {"期刊", "journal"},
	{"青年", "young"}, {"论坛", "forum"}, {"专题", "topic"}, {"研讨", "seminar"}, {"交叉", "cross"},
	{"前沿", "frontier"}, {"科普", "popsci"}, {"学术活动", "event"},
}

// newCategoryID is an ID for a category no call had: a word of its name
// in English (salon, forum…), numbered on when taken; category_N else.
func (r *reader) newCategoryID(name string, ci int, ids map[string]bool) string {
	taken := func(id string) bool {
		if ids[id] {
			return true
		}
		return r.filler.Category(id) != nil
	}
	for _, w := range idWords {
		if !strings.Contains(name, w.word) {
			continue
		}
		if !taken(w.id) {
			return w.id
		}
		for n := 2; n < 100; n++ {
			if id := fmt.Sprintf("%s_%d", w.id, n); !taken(id) {
				return id
			}
		}
	}
	return fmt.Sprintf("category_%d", ci+1)
}

// readCategory reads one category's facts from its sentences.
func (r *reader) readCategory(cat *forms.Category, key, label string, sents []*sentence) {
	var haveQuota, haveFund, haveElig, haveScale, havePapers, haveWindow, haveTheme, haveForms, haveJoint bool
	for _, s := range sents {
		t := s.text
		if m := quotaRe.FindStringSubmatch(t); m != nil && !haveQuota {
			haveQuota = true
			switch {
			case m[1] == "不限":
				cat.QuotaWords = "不限"
				r.put(key+"quota", label+"项目数量", "不限", m[0], s).Note = "项目数量不限：写作 quota_text = \"不限\"，不设上限"
				r.put(key+"quota_text", label+"项目数量（文字）", "不限", m[0], s)
			case atoi(m[2]) < 1 || m[3] != "" && atoi(m[3]) < atoi(m[2]):
				haveQuota = false // “0项”, “3-2项”: not a quota to propose
			case m[3] != "":
				cat.QuotaMin, cat.Quota = atoi(m[2]), atoi(m[3])
				r.put(key+"quota", label+"项目数量", m[1], m[0], s)
			default:
				cat.Quota = atoi(m[2])
				f := r.put(key+"quota", label+"项目数量", m[1], m[0], s)
				if m[4] != "" {
					cat.QuotaWords = m[1]
					f.Note = "“左右”是约数：写作 quota = " + m[2] + " 与 quota_text = \"" + m[1] + "\"（按约数印出）"
					r.put(key+"quota_text", label+"项目数量（文字）", m[1], m[0], s)
				}
			}
		}
		if loc := fundLblRe.FindStringIndex(t); loc != nil && !haveFund {
			haveFund = r.readFunding(cat, key, label, t[loc[1]:], s, sents)
		}
		if m := eligLblRe.FindStringSubmatch(t); m != nil && !haveElig {
			haveElig = r.readEligible(cat, key, label, m[1], s)
		}
		if !haveJoint && jointRe.MatchString(t) {
			haveJoint = true
			cat.JointEncouraged = true
			r.put(key+"joint_encouraged", label+"鼓励联合申报", "是", jointRe.FindString(t), s)
		}
		if !haveScale && scaleCtxRe.MatchString(t) {
			if m := rangePplRe.FindStringSubmatch(t); m != nil && atoi(m[1]) >= 1 && atoi(m[1]) <= atoi(m[2]) {
				haveScale = true
				cat.MinParticipants, cat.MaxParticipants = atoi(m[1]), atoi(m[2])
				r.put(key+"min_participants", label+"参会人数下限", m[1], m[0], s)
				r.put(key+"max_participants", label+"参会人数上限", m[2], m[0], s)
			} else if m := minPplRe.FindStringSubmatch(t); m != nil {
				haveScale = true
				cat.MinParticipants = atoi(m[1] + m[2])
				r.put(key+"min_participants", label+"参会人数下限", m[1]+m[2], m[0], s)
			}
			if haveScale {
				cat.ScaleClause = s.clause
				r.put(key+"scale_clause", label+"规模条款", s.clause, r.found[key+"min_participants"].Text, s)
			}
		}
		if m := papersRe.FindStringSubmatch(t); m != nil && !havePapers {
			havePapers = true
			cat.MinPapers = atoi(m[1] + m[2])
			r.put(key+"min_papers", label+"论文数下限", m[1]+m[2], m[0], s)
			if cat.ScaleClause == "" {
				cat.ScaleClause = s.clause
				r.put(key+"scale_clause", label+"规模条款", s.clause, m[0], s)
			}
		}
		if loc := windLblRe.FindStringIndex(t); loc != nil && !haveWindow {
			haveWindow = r.readWindow(cat, key, label, t[loc[1]:], s)
		}
		if m := themeRe.FindStringSubmatch(t); m != nil && !haveTheme {
			haveTheme = true
			cat.Theme = m[1]
			r.put(key+"theme", label+"主题", m[1], m[1], s)
		}
		if m := formsRe.FindStringSubmatch(t); m != nil && !haveForms {
			haveForms = true
			for _, f := range listSepRe.Split(m[1], -1) {
				if f = trimLine(f); f != "" {
					cat.FormsAllowed = append(cat.FormsAllowed, f)
				}
			}
			r.put(key+"forms_allowed", label+"活动形式", strings.Join(cat.FormsAllowed, "、"), m[1], s)
		}
	}
}

type amountPiece struct {
	label    string
	min, max int64
	text     string
}

// readFunding reads the amounts after 经费额度: one amount, a range, or an
// amount per venue (and the winners' support).
func (r *reader) readFunding(cat *forms.Category, key, label, rest string, s *sentence, sents []*sentence) bool {
	var pieces []amountPiece
	var winners *amountPiece
	for _, piece := range pieceSepRe.Split(rest, -1) {
		loc := amountRe.FindStringSubmatchIndex(piece)
		if loc == nil {
			if len(pieces) > 0 || winners != nil {
				break
			}
			continue
		}
		m := amountRe.FindStringSubmatch(piece)
		ap := amountPiece{text: piece[:loc[1]], min: yuan(m[1], m[3] != "")}
		ap.max = ap.min
		if m[2] != "" {
			ap.max = yuan(m[2], m[3] != "")
		}
		if ap.min <= 0 || ap.max < ap.min {
			continue // “0元”, “5-3万元”: not an amount to propose
		}
		ap.label = strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(trimLine(piece[:loc[0]]), "另"), "各"), "各")
		if strings.Contains(ap.label, "获奖") {
			winners = &ap
			continue
		}
		pieces = append(pieces, ap)
	}
	if len(pieces) == 0 {
		return false
	}
	labeled := pieces[0].label != ""
	switch {
	case !labeled && pieces[0].max != pieces[0].min:
		cat.FundingKind, cat.FundingMin, cat.FundingMax = forms.FundingRange, pieces[0].min, pieces[0].max
		r.put(key+"funding_kind", label+"资助方式", "区间", pieces[0].text, s)
		r.put(key+"funding_min", label+"经费下限", fmt.Sprint(cat.FundingMin), pieces[0].text, s)
		r.put(key+"funding_max", label+"经费上限", fmt.Sprint(cat.FundingMax), pieces[0].text, s)
	case !labeled:
		cat.FundingKind, cat.Funding = forms.FundingFixed, pieces[0].min
		r.put(key+"funding_kind", label+"资助方式", "定额", pieces[0].text, s)
		r.put(key+"funding", label+"经费额度", fmt.Sprint(cat.Funding), pieces[0].text, s)
	default:
		cat.FundingKind = forms.FundingVenue
		r.put(key+"funding_kind", label+"资助方式", "按赛场", pieces[0].text, s)
		var names []string
		for _, cs := range sents {
			if m := venueRe.FindStringSubmatch(cs.text); m != nil {
				for _, v := range listSepRe.Split(m[1], -1) {
					if v = trimLine(v); v != "" {
						names = append(names, v+m[3])
					}
				}
				if finalRe.MatchString(cs.text) {
					names = append(names, "决赛")
				}
				break
			}
		}
		funding := map[string]int64{}
		for _, ap := range pieces {
			hit := false
			for _, n := range names {
				if n == ap.label || strings.HasSuffix(n, ap.label) {
					funding[n], hit = ap.max, true
				}
			}
			if !hit {
				names = append(names, ap.label)
				funding[ap.label] = ap.max
			}
		}
		var texts []string
		for i, n := range names {
			if funding[n] == 0 {
				continue // a venue the notice names without an amount
			}
			cat.Venues = append(cat.Venues, forms.Venue{ID: fmt.Sprintf("venue_%d", i+1), Name: n, Funding: funding[n]})
			texts = append(texts, fmt.Sprintf("%s%d元", n, funding[n]))
		}
		r.put(key+"venues", label+"赛场及经费", strings.Join(texts, "，"), span(s.text, pieces[0].text, pieces[len(pieces)-1].text), s)
	}
	if winners != nil {
		cat.WinnersSupport = winners.max
		r.put(key+"winners_support", label+"获奖者参加学术交流活动经费", fmt.Sprint(winners.max), winners.text, s)
	}
	return true
}

// readEligible maps the names after 申报范围 to applicant types: the base's
// (or the shipped call's) by name, new types for names not seen.
func (r *reader) readEligible(cat *forms.Category, key, label, list string, s *sentence) bool {
	text := list
	if loc := mayApplyRe.FindStringIndex(list); loc != nil {
		list = list[:loc[0]]
		text = text[:loc[1]]
	}
	list = parenRe.ReplaceAllString(list, "")
	var names, qualified []string
	qualifier := ""
	for _, item := range listSepRe.Split(list, -1) {
		item = strings.TrimPrefix(trimLine(item), "各")
		item = strings.TrimPrefix(item, "有关")
		if q, n, ok := strings.Cut(item, "的"); ok && n != "" {
			qualifier, item = q, n
		}
		if item == "" {
			continue
		}
		names = append(names, item)
		if strings.Contains(qualifier, "研究生培养") {
			qualified = append(qualified, item)
		}
	}
	if len(names) == 0 {
		return false
	}
	for _, n := range names {
		id := r.applicantType(n)
		if !contains(cat.Eligible, id) {
			cat.Eligible = append(cat.Eligible, id)
		}
		if contains(qualified, n) && !contains(cat.GraduateTrainingRequired, id) {
			cat.GraduateTrainingRequired = append(cat.GraduateTrainingRequired, id)
		}
	}
	cat.EligibleClause = s.clause
	r.put(key+"eligible", label+"申报范围", strings.Join(names, "、"), text, s)
	r.put(key+"eligible_clause", label+"申报范围条款", s.clause, text, s)
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// knownTypes are the applicant types known by name: the filler's, and
// the new ones the notice names.
func (r *reader) knownTypes() map[string]string {
	c := r.p.Call
	if c.ApplicantTypes == nil {
		c.ApplicantTypes = map[string]string{}
		for k, v := range r.filler.ApplicantTypes {
			c.ApplicantTypes[k] = v
		}
	}
	return c.ApplicantTypes
}

// typesNamed are the IDs of the known applicant types a sentence names.
func (r *reader) typesNamed(text string) []string {
	var out []string
	known := r.knownTypes()
	for _, k := range sortedKeys(known) {
		if strings.Contains(text, known[k]) {
			out = append(out, k)
		}
	}
	return out
}

// applicantType is the ID of an applicant type named n: the known type of
// that name, or whose name contains it (科研院所 → 驻省内科研院所); a new
// type otherwise.
func (r *reader) applicantType(n string) string {
	c := r.p.Call
	r.knownTypes()
	keys := sortedKeys(c.ApplicantTypes)
	for _, k := range keys {
		if c.ApplicantTypes[k] == n {
			return k
		}
	}
	if len([]rune(n)) >= 4 {
		for _, k := range keys {
			if strings.Contains(c.ApplicantTypes[k], n) {
				return k
			}
		}
	}
	for {
		r.newType++
		id := fmt.Sprintf("applicant_%d", r.newType)
		if _, ok := c.ApplicantTypes[id]; !ok {
			c.ApplicantTypes[id] = n
			return id
		}
	}
}

// readWindow reads the completion window: "2024年8-10月",
// "2025年6月-12月15日", "全年", "2024年9月".
func (r *reader) readWindow(cat *forms.Category, key, label, rest string, s *sentence) bool {
	var start, end time.Time
	var text string
	if m := wind1Re.FindStringSubmatch(rest); m != nil {
		y1, y2 := atoi(m[1]), atoi(m[1])
		if m[4] != "" {
			y2 = atoi(m[4])
		}
		if !okDate(y1, atoi(m[2]), atoi(m[3])) || !okDate(y2, atoi(m[5]), atoi(m[6])) {
			return false
		}
		start = date(y1, atoi(m[2]), 1)
		if m[3] != "" {
			start = date(y1, atoi(m[2]), atoi(m[3]))
		}
		end = lastDay(y2, atoi(m[5]))
		if m[6] != "" {
			end = date(y2, atoi(m[5]), atoi(m[6]))
		}
		text = m[0]
	} else if m := wind2Re.FindStringSubmatch(rest); m != nil {
		y := atoi(m[1])
		if !okDate(y, atoi(m[2]), 0) || !okDate(y, atoi(m[3]), 0) {
			return false
		}
		start, end, text = date(y, atoi(m[2]), 1), lastDay(y, atoi(m[3])), m[0]
	} else if m := wind3Re.FindString(rest); m != "" && r.year > 0 {
		start, end, text = date(r.year, 1, 1), date(r.year, 12, 31), m
	} else if m := wind4Re.FindStringSubmatch(rest); m != nil {
		y, mo := atoi(m[1]), atoi(m[2])
		if !okDate(y, mo, 0) {
			return false
		}
		start, end, text = date(y, mo, 1), lastDay(y, mo), m[0]
	} else {
		return false
	}
	if end.Before(start) {
		return false
	}
	cat.WindowStart, cat.WindowEnd, cat.WindowText, cat.WindowClause = start, end, text, s.clause
	if w := preferRe.FindString(s.text); w != "" {
		// “5月至6月期间的活动优先考虑”: a preference, not a limit.
		cat.WindowPreferred = true
		r.put(key+"window_preferred", label+"完成时间仅为优先", "是", w, s)
	}
	r.put(key+"window_start", label+"完成时间起", ymd(start), text, s)
	r.put(key+"window_end", label+"完成时间止", ymd(end), text, s)
	r.put(key+"window_text", label+"完成时间", text, text, s)
	r.put(key+"window_clause", label+"完成时间条款", s.clause, text, s)
	return true
}

// readCommon reads the rules common to all categories from the sentences
// outside them.
func (r *reader) readCommon() {
	c := r.p.Call
	for i := range r.n.sentences {
		s := &r.n.sentences[i]
		if s.cat >= 0 {
			continue
		}
		t := s.text
		if m := deadlineRe.FindStringSubmatch(t); m != nil && r.found["deadline"] == nil {
			y := r.year
			if m[1] != "" {
				y = atoi(m[1])
			}
			if okDate(y, atoi(m[2]), atoi(m[3])) && atoi(m[3]) > 0 {
				c.Deadline = date(y, atoi(m[2]), atoi(m[3]))
				r.put("deadline", "申报截止时间", ymd(c.Deadline), m[0], s)
				c.Clauses.Deadline = s.clause
				r.put("clauses.deadline", "截止时间条款", s.clause, m[0], s)
			}
		}
		if m := postedRe.FindString(t); m != "" && r.found["posted_must_arrive"] == nil {
			c.PostedMustArrive = true
			r.put("posted_must_arrive", "邮寄须截止前寄达", "是", m, s)
		}
		if strings.Contains(t, "名单") && strings.Contains(t, "公布") && r.found["announcement_by"] == nil {
			if m := announceRe.FindStringSubmatch(t); m != nil {
				y := r.year
				if m[1] != "" {
					y = atoi(m[1])
				}
				if okDate(y, atoi(m[2]), atoi(m[3])) && atoi(m[3]) > 0 {
					c.AnnouncementBy = date(y, atoi(m[2]), atoi(m[3]))
					r.put("announcement_by", "入选名单公布日期", ymd(c.AnnouncementBy), m[0], s)
				}
			}
			if m := whereRe.FindStringSubmatch(t); m != nil {
				c.AnnouncementWhere = m[1]
				r.put("announcement_where", "入选名单公布位置", m[1], m[1], s)
			}
		}
		if m := perCatRe.FindStringSubmatch(t); m != nil && r.found["max_per_category_per_unit"] == nil {
			c.MaxPerCategory = atoi(m[1])
			r.put("max_per_category_per_unit", "每单位同类限报", m[1]+"项", m[0], s)
		}
		if r.found["max_total_per_unit"] == nil {
			if m := totalUnitRe.FindStringSubmatch(t); m != nil {
				c.MaxTotal = atoi(m[1])
				r.put("max_total_per_unit", "每单位总计限报", m[1]+"项", m[0], s)
			} else if m := perUnitRe.FindStringSubmatch(t); m != nil && !strings.Contains(m[0], "同类") {
				c.MaxTotal = atoi(m[1])
				r.put("max_total_per_unit", "每单位总计限报", m[1]+"项", m[0], s)
			}
		}
		if m := paperRe.FindStringSubmatch(t); m != nil && r.found["paper_copies"] == nil {
			c.PaperCopies = atoi(m[1])
			r.put("paper_copies", "纸质件份数", m[1]+"份", m[0], s)
		}
		if submissionRe.MatchString(t) && r.found["clauses.submission"] == nil {
			c.Clauses.Submission = s.clause
			r.put("clauses.submission", "限报与报送条款", s.clause, submissionRe.FindString(t), s)
		}
		if confidRe.MatchString(t) && r.found["clauses.confidential"] == nil {
			c.Clauses.Confidential = s.clause
			r.put("clauses.confidential", "保密条款", s.clause, confidRe.FindString(t), s)
		}
		if m := priorityRe.FindStringSubmatch(t); m != nil && r.found["priority_years"] == nil {
			c.PriorityYears = spacesRe.ReplaceAllString(m[1], "")
			r.put("priority_years", "优先支持的年度", c.PriorityYears, m[1], s)
			var names []string
			for i, h := range listSepRe.Split(m[2], -1) {
				if h = trimLine(h); h == "" {
					continue
				}
				c.Honours = append(c.Honours, forms.Honour{ID: r.honourID(h, i+1), Name: h})
				names = append(names, h)
			}
			if len(names) > 0 {
				r.put("honours", "优先支持的荣誉", strings.Join(names, "、"), m[2], s)
				// Whose honours: the types the sentence names, else those
				// its clause names (“省级学会须年检合格…。优先支持…先进学会”).
				if r.p.duty.honours = r.typesNamed(t); len(r.p.duty.honours) == 0 {
					for j := range r.n.sentences {
						if o := &r.n.sentences[j]; o.clause == s.clause && o.cat < 0 {
							r.p.duty.honours = append(r.p.duty.honours, r.typesNamed(o.text)...)
						}
					}
				}
			}
		}
		if m := inspectionRe.FindString(t); m != "" && r.found["society_requirements.annual_inspection"] == nil {
			c.Society.AnnualInspection, c.Society.Clause = true, s.clause
			r.p.duty.inspection = r.typesNamed(t)
			r.put("society_requirements.annual_inspection", "学会须年检合格", "是", m, s)
			r.put("society_requirements.clause", "学会要求条款", s.clause, m, s)
		}
		if m := evalRe.FindStringSubmatch(t); m != nil && r.found["society_requirements.evaluation_year"] == nil {
			c.Society.EvaluationYear = atoi(m[1])
			r.p.duty.evaluation = r.typesNamed(t)
			if c.Society.Clause == "" {
				c.Society.Clause = s.clause
			}
			r.put("society_requirements.evaluation_year", "学会评价年度", m[1], m[0], s)
		}
		if m := totalRe.FindStringSubmatch(t); m != nil && r.found["total_quota"] == nil && !strings.Contains(t, "项目数量") && atoi(m[1]) > 0 {
			c.TotalQuota = &forms.TotalQuota{Count: atoi(m[1]), Approximate: m[2] != "", Clause: s.clause}
			r.put("total_quota", "各类别合计资助数量", m[1]+map[bool]string{true: "个左右", false: "个"}[m[2] != ""], m[0], s)
		}
		if m := placeRe.FindStringSubmatch(t); m != nil && r.found["rules.place"] == nil {
			r.p.place = &place{region: m[1], words: m[1] + m[2], clause: s.clause}
			r.put("rules.place", "举办地点", m[1]+m[2]+"境内", m[0], s)
		}
		if m := leadRe.FindString(t); m != "" && r.found["joint_lead_required"] == nil {
			c.JointLeadRequired, c.JointLeadClause = true, s.clause
			r.put("joint_lead_required", "联合申报须注明牵头单位", "是", m, s)
			r.put("joint_lead_clause", "牵头单位条款", s.clause, m, s)
		}
		if m := formTitleRe.FindStringSubmatch(t); m != nil && r.found["documents.title"] == nil {
			r.p.formTitle = m[1]
			r.put("documents.title", "申报表名称", m[1], m[0], s)
		}
	}
}

// honourID is the ID of an honour: the filler's of that name, or a new one.
func (r *reader) honourID(name string, n int) string {
	for _, h := range r.filler.Honours {
		if h.Name == name {
			return h.ID
		}
	}
	return fmt.Sprintf("honour_%d", n)
}

// readContacts reads the contact lines: 联系人 (with the department before
// the name), 电话, 邮箱, 地址 (the office after the street address).
func (r *reader) readContacts() {
	c := r.p.Call
	sentOf := func(line int) *sentence {
		for i := range r.n.sentences {
			if r.n.sentences[i].line == line {
				return &r.n.sentences[i]
			}
		}
		return nil
	}
	for i, l := range r.n.lines {
		m := contactRe.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		s := sentOf(i)
		if s == nil {
			continue
		}
		lbl, val := spacesRe.ReplaceAllString(m[1], ""), trimLine(m[2])
		switch lbl {
		case "联系人":
			parts := spacesRe.Split(val, -1)
			if len(parts) >= 2 && r.found["contact.person"] == nil {
				c.Contact.Department = strings.Join(parts[:len(parts)-1], "")
				c.Contact.Person = parts[len(parts)-1]
				r.put("contact.department", "联系部门", c.Contact.Department, parts[0], s)
				r.put("contact.person", "联系人", c.Contact.Person, c.Contact.Person, s)
			} else if r.found["contact.person"] == nil {
				c.Contact.Person = val
				r.put("contact.person", "联系人", val, val, s)
			}
		case "联系部门":
			c.Contact.Department = val
			r.put("contact.department", "联系部门", val, val, s)
		case "联系电话", "电话":
			if p := phoneRe.FindString(val); p != "" && r.found["contact.phone"] == nil {
				c.Contact.Phone = p
				r.put("contact.phone", "联系电话", p, p, s)
			}
		case "邮箱", "电子邮箱", "Email", "E-mail":
			if e := emailRe.FindString(val); e != "" && r.found["contact.email"] == nil {
				c.Contact.Email = e
				r.put("contact.email", "邮箱", e, e, s)
			}
		case "地址":
			if r.found["contact.address"] != nil {
				continue
			}
			parts := spacesRe.Split(val, 2)
			c.Contact.Address = parts[0]
			r.put("contact.address", "地址", parts[0], parts[0], s)
			if len(parts) == 2 {
				c.Contact.Office = parts[1]
				r.put("contact.office", "办公室", parts[1], parts[1], s)
			}
		}
	}
}

// splitItems splits a list of materials on 、 及 和 outside parentheses.
func splitItems(s string) []string {
	var out []string
	depth, start := 0, 0
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '（', '(':
			depth++
		case '）', ')':
			depth--
		case '、', '及', '和', '，', ',':
			if depth == 0 {
				out = append(out, string(rs[start:i]))
				start = i + 1
			}
		}
	}
	out = append(out, string(rs[start:]))
	var items []string
	for _, it := range out {
		it = strings.TrimSuffix(strings.TrimSuffix(trimLine(it), "等材料"), "等")
		if it != "" {
			items = append(items, it)
		}
	}
	return items
}

// readAfterEvent reads the duties after the event: "N日内，需提交…、…".
func (r *reader) readAfterEvent() {
	c := r.p.Call
	for i := range r.n.sentences {
		s := &r.n.sentences[i]
		if s.cat >= 0 {
			continue
		}
		var loc []int
		for _, l := range afterRe.FindAllStringSubmatchIndex(s.text, -1) {
			if num, unit := s.text[l[2]:l[3]], s.text[l[4]:l[5]]; unit == "月" && num[0] >= '0' && num[0] <= '9' {
				continue // “12月内”: a month of the year, not a delay
			}
			loc = l
			break
		}
		if loc == nil {
			continue
		}
		num, unit := s.text[loc[2]:loc[3]], s.text[loc[4]:loc[5]]
		rest := s.text[loc[1]:]
		rest = rest[len(afterLeadRe.FindString(rest)):]
		items := splitItems(rest)
		if len(items) == 0 {
			continue
		}
		n := atoi(num)
		if i := strings.Index("一二三四五六", num); i >= 0 {
			n = i/len("一") + 1
		} else if num == "两" {
			n = 2
		}
		if n < 1 {
			continue
		}
		var ae forms.AfterEvent
		switch unit {
		case "个月", "月":
			// “一月内”: months, printed as the notice words it.
			ae.Months, ae.WithinText = n, s.text[loc[0]:loc[1]]
		case "个工作日":
			ae.Days, ae.WithinText = n, s.text[loc[0]:loc[1]]
		default:
			ae.Days = n
		}
		for _, it := range items {
			ai := forms.AfterItem{Name: it, Kind: forms.ItemOther}
			switch {
			case strings.Contains(it, "报道"):
				ai.Kind = forms.ItemReport
				if m := charsRe.FindStringSubmatch(it); m != nil {
					ae.ReportMaxChars = atoi(m[1] + m[2])
				}
				if m := photosRe.FindStringSubmatch(it); m != nil {
					ae.PhotosMin, ae.PhotosMax = atoi(m[1]), atoi(m[2])
				}
			case strings.Contains(it, "成绩"):
				ai.Kind = forms.ItemResults
				r.resultsOf(&ai)
			case strings.Contains(it, "总结"):
				ai.Kind = forms.ItemSummary
			case strings.Contains(it, "综述") || strings.Contains(it, "汇编"):
				ai.Kind = forms.ItemReview
			case strings.Contains(it, "决算"):
				ai.Kind = forms.ItemAccounts
			}
			ae.Items = append(ae.Items, ai)
		}
		k := len(c.AfterEvent)
		c.AfterEvent = append(c.AfterEvent, ae)
		r.put(fmt.Sprintf("after_event.%d", k), "会后"+ae.Within()+"报送", ae.Within()+"："+strings.Join(items, "；"), s.text[loc[0]:], s)
		if c.Clauses.AfterEvent == "" {
			c.Clauses.AfterEvent = s.clause
			r.put("clauses.after_event", "会后材料条款", s.clause, s.text[loc[0]:loc[1]], s)
		}
	}
}

// resultsOf ties "演讲比赛分赛场成绩" to the category named 演讲比赛 and its
// sub-venues.
func (r *reader) resultsOf(ai *forms.AfterItem) {
	who := strings.TrimSuffix(strings.TrimSuffix(ai.Name, "成绩"), "分赛场")
	if who == "" {
		return
	}
	for _, cat := range r.p.Call.Categories {
		if !strings.Contains(cat.Name, who) {
			continue
		}
		ai.Categories = []string{cat.ID}
		if strings.Contains(ai.Name, "分赛场") {
			for _, v := range cat.Venues {
				if strings.Contains(v.Name, "分赛场") {
					ai.Venues = append(ai.Venues, v.ID)
				}
			}
		}
		return
	}
}

// readSoft lists every sentence with a soft word as a fact of its own.
func (r *reader) readSoft() {
	n := 0
	for i := range r.n.sentences {
		s := &r.n.sentences[i]
		w := softRe.FindString(s.text)
		if w == "" {
			continue
		}
		n++
		word := strings.TrimRight(w, "不应为须在以")
		sev := softSeverity(w)
		f := r.put(fmt.Sprintf("soft.%d", n), "软性要求“"+word+"”", "宜为"+sev.SeverityName(), w, s)
		f.Soft, f.Severity = word, sev
		f.Note = "“" + word + "”是软性要求，宜作为" + sev.SeverityName() + "而非错误"
	}
}

// span is the words of sentence from first to last, as the sentence has
// them (the pieces of an amount per venue with what stands between them),
// or first alone when they are not found in that order.
func span(sentence, first, last string) string {
	i := strings.Index(sentence, first)
	if i < 0 {
		return first
	}
	j := strings.LastIndex(sentence, last)
	if j < i {
		return first
	}
	return sentence[i : j+len(last)]
}
