package notice

// The base call's declared rules ([[rules]]) and category groups
// ([[category_groups]]) in the proposal: what names only categories and
// fields the proposal keeps is carried, marked 取自基础通知; the rest is
// left out and listed in Proposal.NotCarried with the reason.

import (
	"fmt"
	"slices"
	"strings"

	"shenbao/forms"
)

// baseToOurs maps the base's category IDs to the proposal's categories
// that follow them (an ID may change: last year's basic is this year's
// salon when the notice renamed it).
func (p *Proposal) baseToOurs() map[string]string {
	m := map[string]string{}
	for id, b := range p.baseCats {
		m[b.ID] = id
	}
	return m
}

// baseCatName names a category of the base for messages.
func (p *Proposal) baseCatName(id string) string {
	if b := p.base.Category(id); b != nil && b.Name != "" {
		return b.Name
	}
	return id
}

// carryGroups adds the base's category groups whose categories the
// proposal keeps: a group is carried when at least one of its categories
// is kept and the notice gives that category no group of its own; its
// kept categories join it. A group none of whose categories is kept is
// left out. A group's item code (项目编号) changes every year: it is kept
// only when this year's codes of its categories, read from the notice,
// start with it.
func (p *Proposal) carryGroups() {
	if p.base == nil {
		return
	}
	c, ours := p.Call, p.baseToOurs()
	for _, g := range p.base.CategoryGroups {
		var kept, dropped []string
		for _, b := range p.base.Categories {
			if b.Group != g.ID {
				continue
			}
			if id, ok := ours[b.ID]; ok {
				kept = append(kept, id)
			} else {
				dropped = append(dropped, "“"+b.Name+"”")
			}
		}
		what := fmt.Sprintf("基础通知的类别组“%s”（%s）", g.Name, g.ID)
		restated := ""
		for _, id := range kept {
			if cat := c.Category(id); cat != nil && cat.Group != "" {
				restated = cat.Name
			}
		}
		switch {
		case len(kept) == 0 && len(dropped) == 0:
			p.NotCarried = append(p.NotCarried, what+"没有带入：基础通知中没有类别属于它")
			continue
		case len(kept) == 0:
			p.NotCarried = append(p.NotCarried, what+"没有带入：它的类别"+strings.Join(dropped, "")+"本年通知中都没有")
			continue
		case restated != "":
			p.NotCarried = append(p.NotCarried, what+"没有带入：本年通知给类别“"+restated+"”另列了类别组，按本年通知")
			continue
		case c.Group(g.ID) != nil || c.Category(g.ID) != nil:
			p.NotCarried = append(p.NotCarried, what+"没有带入：本年的类别或类别组已用了编号 "+g.ID+"，请在文件中按需要添加")
			continue
		}
		ng := g
		key := "category_groups." + g.ID + "."
		note := ""
		if g.Code != "" {
			shared, any := true, false
			for _, id := range kept {
				if cat := c.Category(id); cat.Code != "" {
					any = true
					shared = shared && strings.HasPrefix(cat.Code, g.Code)
				}
			}
			if !any || !shared {
				ng.Code = ""
				note = "基础通知的项目编号 " + g.Code + " 没有带入（编号每年不同）：请按本年通知在 [[category_groups]] 中填写 code"
			}
		}
		c.CategoryGroups = append(c.CategoryGroups, ng)
		for _, id := range kept {
			c.Category(id).Group = g.ID
		}
		p.Facts = append(p.Facts, Fact{Key: key + "name", Label: "类别组 " + g.Name + " 名称", Value: g.Name, Status: FromBase, Index: -1, Note: note})
		if ng.Code != "" {
			p.Facts = append(p.Facts, Fact{Key: key + "code", Label: "类别组 " + g.Name + " 项目编号", Value: ng.Code, Status: FromBase, Index: -1})
		}
		if len(dropped) > 0 {
			p.NotCarried = append(p.NotCarried, what+"已带入，其中的类别"+strings.Join(dropped, "")+"本年通知中没有，已删去")
		}
	}
}

// carryRules sets the proposal's declared rules: the notice's own, then
// the base's that still stand — every category, group and part field they
// name kept (renamed when the category's ID changed), the loader accepting
// them against the proposed call. It lists the others in NotCarried. It is
// run again when a category's part changes (UsePart).
func (p *Proposal) carryRules() {
	c := p.Call
	own := p.declared()
	p.ruleFrom = map[string]string{}
	p.NotCarried = slices.DeleteFunc(p.NotCarried, func(s string) bool { return strings.HasPrefix(s, "基础通知的规则") })
	if p.base == nil {
		c.RuleDecls = own
		return
	}
	ours := p.baseToOurs()
	rules := own
	for _, rd := range p.base.RuleDecls {
		what := fmt.Sprintf("基础通知的规则 %s（%s）", rd.ID, clip(rd.Summary, 30))
		if i := slices.IndexFunc(own, func(o forms.RuleDecl) bool {
			return o.ID == rd.ID || o.Field == rd.Field && rd.Field == "project.city" && rd.When == nil && len(rd.Categories) == 0
		}); i >= 0 {
			// The notice states the place again: its words are the rule;
			// when the base's rule names the same region, the places it
			// lists besides (its cities) are added to what the city may
			// contain. Another region's cities are not.
			if len(own[i].ContainsAny) == 0 || !slices.Contains(rd.ContainsAny, own[i].ContainsAny[0]) {
				p.NotCarried = append(p.NotCarried, what+"没有带入：本年通知 "+own[i].Clause+" 规定的举办地点与它不同，按本年通知")
				continue
			}
			n := 0
			for _, w := range rd.ContainsAny {
				if !slices.Contains(rules[i].ContainsAny, w) {
					rules[i].ContainsAny = append(rules[i].ContainsAny, w)
					n++
				}
			}
			msg := what + "没有带入：本年通知 " + own[i].Clause + " 重新规定了这一项，按本年通知"
			if n > 0 {
				msg += fmt.Sprintf("；它列的%d个地名已并入本年的规则（取自基础通知）", n)
				p.ruleFrom[own[i].ID] = "其余地名取自基础通知的规则 " + rd.ID
			}
			p.NotCarried = append(p.NotCarried, msg)
			continue
		}
		nr, why := p.renameRule(rd, ours)
		if why == "" {
			if prob := c.RuleProblem(nr); prob != "" {
				why = "在本年的通知文件中不能成立" + prob
			}
		}
		if why != "" {
			p.NotCarried = append(p.NotCarried, what+"没有带入："+why)
			continue
		}
		rules = append(rules, nr)
		p.ruleFrom[nr.ID] = "取自基础通知；clause 是基础通知的条款，请按本年通知核对"
	}
	c.RuleDecls = rules
}

// renameRule is a copy of a base rule with the base's category IDs
// replaced by the proposal's, or why it cannot be carried: a category or
// group it names is not kept.
func (p *Proposal) renameRule(rd forms.RuleDecl, ours map[string]string) (forms.RuleDecl, string) {
	why := ""
	path := func(s string) string {
		rest, ok := strings.CutPrefix(s, "parts.")
		if !ok {
			return s
		}
		id, key, _ := strings.Cut(rest, ".")
		if to, ok := ours[id]; ok {
			return "parts." + to + "." + key
		}
		if why == "" {
			why = "它读的是类别“" + p.baseCatName(id) + "”的专项内容，本年通知中没有这个类别"
		}
		return s
	}
	var cond func(cd forms.CondDecl) forms.CondDecl
	cond = func(cd forms.CondDecl) forms.CondDecl {
		cd.Field = path(cd.Field)
		for _, b := range []*any{&cd.Min, &cd.Max, &cd.AgeAt} {
			if s, ok := (*b).(string); ok {
				*b = path(s)
			}
		}
		if cd.Where != nil {
			w := cond(*cd.Where)
			cd.Where = &w
		}
		return cd
	}
	out := rd
	out.CondDecl = cond(rd.CondDecl)
	if rd.When != nil {
		w := cond(*rd.When)
		out.When = &w
	}
	out.Categories = nil
	for _, id := range rd.Categories {
		switch {
		case p.base.Group(id) != nil:
			if p.Call.Group(id) == nil {
				if why == "" {
					why = "它适用的类别组“" + p.base.Group(id).Name + "”没有带入"
				}
				continue
			}
			out.Categories = append(out.Categories, id)
		default:
			to, ok := ours[id]
			if !ok {
				if why == "" {
					why = "它适用的类别“" + p.baseCatName(id) + "”本年通知中没有"
				}
				continue
			}
			out.Categories = append(out.Categories, to)
		}
	}
	return out, why
}
