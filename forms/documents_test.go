package forms

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// The 2024 call declares its one 申报书 whole: the cover, the six parts
// and the opinion blocks, in the printed order.
func TestCall2024DeclaresItsApplication(t *testing.T) {
	c := Default()
	if len(c.Documents) != 1 {
		t.Fatalf("%d documents", len(c.Documents))
	}
	doc := c.Documents[0]
	if doc.ID != "application" || doc.Title != "项目申报书" || doc.Copies != 1 || !doc.Email || !doc.Cover || doc.NumberBox != "编号" || c.Expand(doc.FooterLine, nil) != c.Issuer+" 制" {
		t.Errorf("document %+v", doc)
	}
	var ids []string
	for _, s := range doc.Sections {
		ids = append(ids, fmt.Sprintf("%s/%d", firstNonEmptyStr(s.Block, s.Key, "heading"), s.LevelOf()))
	}
	want := "applicant/1 project/1 part/1 heading/1 agenda/2 experts/2 results/2 budget/1 opinions/1"
	if strings.Join(ids, " ") != want {
		t.Errorf("sections %s, want %s", strings.Join(ids, " "), want)
	}
	op := c.BlockSection(BlockOpinions)
	if op == nil || len(op.Blocks) != 3 || c.Expand(op.Blocks[2].Label, nil) != c.IssuerShort+"审核意见" {
		t.Errorf("opinions %+v", op)
	}
	if c.Expand("三、{part_title}", c.Category("forum")) != "三、"+c.Category("forum").PartTitle() {
		t.Error("a title's {part_title} is not the category's")
	}
}

// declCall is the 2024 call file with its [[documents]] replaced by decl.
func declCall(t *testing.T, decl string) (*Call, error) {
	t.Helper()
	src := string(mustRead(defaultCallFile))
	i := strings.Index(src, "\n[[documents]]")
	if i < 0 {
		t.Fatal("the 2024 call has no [[documents]]")
	}
	return ParseCall("decl.toml", []byte(src[:i]+"\n"+decl))
}

// the 2024 declaration's text, for variants
func decl2024(t *testing.T) string {
	src := string(mustRead(defaultCallFile))
	return src[strings.Index(src, "\n[[documents]]"):]
}

// A declaration the loader cannot follow is refused with the file, the line
// of the section (or of the value) and a Chinese reason.
func TestDocumentsLoaderErrors(t *testing.T) {
	base := decl2024(t)
	repl := func(old, new string) string {
		if !strings.Contains(base, old) {
			t.Fatalf("the 2024 declaration has no %q", old)
		}
		return strings.Replace(base, old, new, 1)
	}
	cases := []struct {
		name, decl, want, line string
	}{
		{"no documents", "", "没有声明申报材料", ""},
		{"unknown block", repl(`block = "experts"`, `block = "speakers"`), "block “speakers” 不认识", `"speakers"`},
		{"unknown omit key", repl(`block = "applicant"`, "block = \"applicant\"\n  omit = [\"fax\"]"), "omit 中 “fax” 不是 applicant 部分的字段", `"fax"`},
		{"unknown label key", repl(`block = "budget"`, "block = \"budget\"\n  labels = { lines = \"支出明细\", vat = \"税\" }"), "labels 中 “vat” 不是 budget 部分的字段", "vat"},
		{"duplicate omit", repl(`block = "applicant"`, "block = \"applicant\"\n  omit = [\"honours\", \"honours\"]"), "omit 中 “honours” 重复", `"honours"`},
		{"required and omitted", repl(`block = "applicant"`, "block = \"applicant\"\n  omit = [\"postcode\"]\n  required = [\"postcode\"]"), "不填写的字段不能是必填项", `"postcode"`},
		{"duplicate document", base + "\n[[documents]]\nid = \"application\"\ntitle = \"附件\"\n  [[documents.sections]]\n  title = \"一\"\n", "id 重复", "[[documents]]"},
		{"duplicate section key", base + "\n  [[documents.sections]]\n  key = \"pledge\"\n  title = \"七、承诺\"\n  fields = [{ key = \"ok\", label = \"承诺\", kind = \"yesno\" }]\n  [[documents.sections]]\n  key = \"pledge\"\n  title = \"八、承诺\"\n  fields = [{ key = \"ok\", label = \"承诺\", kind = \"yesno\" }]\n", "key “pledge” 重复", `"pledge"`},
		{"bad field", base + "\n  [[documents.sections]]\n  key = \"pledge\"\n  title = \"七、承诺\"\n  fields = [{ key = \"ok\", label = \"承诺\", kind = \"tickbox\" }]\n", "kind “tickbox” 不认识", `"ok"`},
		{"block with fields", repl(`block = "results"`, "block = \"results\"\n  fields = [{ key = \"x\", label = \"x\", kind = \"text\" }]"), "不能有 fields", `"results"`},
		{"opinions without blocks", base + "\n  [[documents.sections]]\n  block = \"opinions\"\n  title = \"七、意见\"\n", "是意见栏，须有 blocks", `"opinions"`},
		{"unknown author", repl(`by = "funder"`, `by = "province"`), "by “province” 不认识", `"province"`},
		{"joint twice", base + "\n  [[documents.sections]]\n  block = \"joint\"\n  title = \"七、联合申报单位\"\n", "请在 applicant 的 omit 中加上", `"joint"`},
		{"no part", repl("block = \"part\"\n", "block = \"results\"\n"), "没有 block = \"part\"", ""},
		{"heading with omit", repl("title = \"四、日程安排、邀请专家及预期成果\"\n", "title = \"四、日程\"\n  omit = [\"x\"]\n"), "只是分组标题", "四、日程"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := declCall(t, c.decl)
			var ce *CallError
			if !errors.As(err, &ce) || !strings.Contains(ce.Problem, c.want) || ce.File != "decl.toml" {
				t.Fatalf("want CallError with %q, got %v", c.want, err)
			}
			if c.line != "" {
				src := string(mustRead(defaultCallFile))
				full := src[:strings.Index(src, "\n[[documents]]")] + "\n" + c.decl
				lines := strings.Split(full, "\n")
				if ce.Line < 1 || ce.Line > len(lines) || !strings.Contains(lines[ce.Line-1], c.line) {
					got := ""
					if ce.Line >= 1 && ce.Line <= len(lines) {
						got = lines[ce.Line-1]
					}
					t.Errorf("line %d (%q), want a line with %q: %v", ce.Line, got, c.line, err)
				}
			}
		})
	}
}

// omit, optional, required and labels change what is checked and how
// findings name the fields.
func TestDocumentsAdaptChecks(t *testing.T) {
	base := decl2024(t)
	decl := strings.Replace(base, "block = \"applicant\"\n", "block = \"applicant\"\n  omit = [\"credit_code\"]\n  optional = [\"address\"]\n  required = [\"postcode\", \"graduate_training\"]\n", 1)
	decl = strings.Replace(decl, "labels = { leader_title = ", "labels = { leader = \"单位负责人\", leader_title = ", 1)
	decl = strings.Replace(decl, "block = \"agenda\"\n", "block = \"agenda\"\n  required = [\"speaker\"]\n  labels = { speaker = \"主讲人\" }\n", 1)
	c, err := declCall(t, decl)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Sample(Default(), "forum")
	if err != nil {
		t.Fatal(err)
	}
	d.Applicant.CreditCode = "123"
	d.Applicant.Address = ""
	d.Applicant.Postcode = ""
	d.Applicant.Leader = ""
	d.Applicant.GraduateTraining = true
	if len(d.Agenda) < 2 || d.Agenda[0].Speaker == "" {
		t.Fatal("the forum sample has no agenda with speakers")
	}
	d.Agenda[1].Speaker = " "
	got := map[string]Finding{}
	for _, f := range Check(c, d, Options{}) {
		got[f.Field] = f
	}
	if f, ok := got["applicant.credit_code"]; ok {
		t.Errorf("an omitted field is checked: %v", f)
	}
	if f, ok := got["applicant.address"]; ok {
		t.Errorf("an optional field is required: %v", f)
	}
	if f, ok := got["applicant.postcode"]; !ok || f.Rule != RuleRequired || f.Severity != Error {
		t.Errorf("a field made required: %v", f)
	}
	if f, ok := got["applicant.graduate_training"]; ok {
		t.Errorf("a ticked yes/no made required: %v", f)
	}
	if f, ok := got["agenda[1].speaker"]; !ok || f.Rule != RuleRequired || !strings.Contains(f.Message, "日程安排第2行的主讲人") {
		t.Errorf("a column made required: %v", f)
	}
	if f, ok := got["agenda[0].speaker"]; ok {
		t.Errorf("a filled cell: %v", f)
	}
	d.Applicant.GraduateTraining = false
	if fs := Check(c, d, Options{}); !hasFinding(fs, "applicant.graduate_training", RuleRequired) {
		t.Error("a yes/no made required and not ticked has no finding")
	}
	if f := got["applicant.leader"]; !strings.Contains(f.Message, "单位负责人") {
		t.Errorf("the declared label is not in the finding: %v", f)
	}
	if l := c.FieldLabel("applicant.leader"); l != "单位负责人" {
		t.Errorf("FieldLabel %q", l)
	}
	if l := c.FieldLabel("agenda[2].speaker"); l != "日程安排第3行的主讲人" {
		t.Errorf("FieldLabel of a relabelled column %q", l)
	}
	// the same draft under the 2024 call: every one of them a finding
	d2 := *d
	fs := Check(Default(), &d2, Options{})
	n := 0
	for _, f := range fs {
		if f.Field == "applicant.credit_code" || f.Field == "applicant.address" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("the 2024 call's findings on the two fields: %d", n)
	}
}

// A section of the call's own is checked like a category's part; its
// values live under sections.<key> and its findings say sections.<key>.<field>.
func TestDeclaredSectionChecked(t *testing.T) {
	decl := decl2024(t) + `
  [[documents.sections]]
  key = "convener"
  title = "七、召集人情况"
  fields = [
    { key = "name", label = "召集人姓名", kind = "text", required = true },
    { key = "born", label = "出生日期", kind = "date" },
    { key = "team", label = "团队成员", kind = "table", min = 2, rule = "convener.team", clause = "一（四）2", message = "团队至少{min}人（通知 {clause}）。", columns = [
      { key = "name", label = "姓名", kind = "text", required = true },
    ] },
  ]
`
	c, err := declCall(t, decl)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Sample(Default(), "basic")
	if err != nil {
		t.Fatal(err)
	}
	d.EnsureSections(c)
	if d.Sections["convener"] == nil {
		t.Fatal("EnsureSections made no values")
	}
	d.Sections["convener"].SetRows("team", []Values{{}})
	got := map[string]Finding{}
	for _, f := range Check(c, d, Options{}) {
		got[f.Field] = f
	}
	if f, ok := got["sections.convener.name"]; !ok || f.Rule != RuleRequired || !strings.Contains(f.Message, "召集人姓名") {
		t.Errorf("required field: %v", f)
	}
	if f, ok := got["sections.convener.team"]; !ok || f.Rule != "convener.team" || f.Message != "团队至少2人（通知 一（四）2）。" {
		t.Errorf("table rule: %v", f)
	}
	if f, ok := got["sections.convener.team[0].name"]; !ok || !strings.Contains(f.Message, "团队成员第1行的姓名") {
		t.Errorf("column: %v", f)
	}
	if r, ok := RuleByID(c, "convener.team"); !ok || r.Clause != "一（四）2" || r.Severity != Error {
		t.Errorf("the section's rule is not listed: %v", r)
	}
	listed := false
	for _, r := range Rules(c) {
		listed = listed || r.ID == "convener.team"
	}
	if !listed {
		t.Error("Rules does not list the section's rule")
	}
	if l := c.FieldLabel("sections.convener.team[1].name"); l != "团队成员第2行的姓名" {
		t.Errorf("label %q", l)
	}
	if !c.KnownPath("sections.convener.born") || c.KnownPath("sections.convener.nope") {
		t.Error("KnownPath of a declared section")
	}
	d.Sections["convener"].SetText("name", "王明")
	d.Sections["convener"].SetRows("team", []Values{{"name": ptr("甲")}, {"name": ptr("乙")}})
	for _, f := range Check(c, d, Options{}) {
		if strings.HasPrefix(f.Field, "sections.") {
			t.Errorf("filled section: %v", f)
		}
	}
	// stored and read back under "sections"
	b, err := Marshal(d)
	if err != nil || !strings.Contains(string(b), `"sections": {`) {
		t.Fatalf("marshal: %v", err)
	}
	back, err := Unmarshal("x.json", b)
	if err != nil || back.Sections["convener"].Text("name") != "王明" || len(back.Sections["convener"].Rows("team")) != 2 {
		t.Fatalf("read back: %v %v", err, back.Sections)
	}
}

func ptr(s string) *string { return &s }

// leaves are a JSON document's leaf values, "path=value", sorted.
func leaves(t *testing.T, b []byte) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(p string, v any)
	walk = func(p string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, y := range x {
				walk(p+"."+k, y)
			}
		case []any:
			for i, y := range x {
				walk(fmt.Sprintf("%s[%d]", p, i), y)
			}
		default:
			out = append(out, fmt.Sprint(x))
		}
	}
	walk("", v)
	sort.Strings(out)
	return out
}

// Schema 3: every stored sample (schema 2) and every v1 draft loads as
// schema 3 with every value it held; a sample saved again differs from its
// file in the schema version only.
func TestMigrateToSchema3(t *testing.T) {
	if SchemaVersion != 3 {
		t.Fatalf("schema %d", SchemaVersion)
	}
	for _, call := range []*Call{Default(), testCall(t)} {
		for _, cat := range call.Categories {
			raw := call.SampleData(cat.ID)
			d, err := Unmarshal("s.json", raw)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := Marshal(d)
			var was, now map[string]any
			_ = json.Unmarshal(raw, &was)
			_ = json.Unmarshal(b, &now)
			if was["schema_version"] != float64(2) || now["schema_version"] != float64(3) {
				t.Errorf("%d %s: versions %v → %v", call.Year, cat.ID, was["schema_version"], now["schema_version"])
			}
			delete(was, "schema_version")
			delete(now, "schema_version")
			if !reflect.DeepEqual(was, now) {
				wb, _ := json.Marshal(was)
				nb, _ := json.Marshal(now)
				t.Errorf("%d %s: the sample changed in migration:\n%s\n%s", call.Year, cat.ID, wb, nb)
			}
		}
	}
	for _, cat := range Default().Categories {
		path := "testdata/v1/" + cat.ID + DraftExt
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Marshal(d)
		have := map[string]int{}
		for _, l := range leaves(t, b) {
			have[l]++
		}
		for _, l := range leaves(t, raw) {
			if l == "1" || l == "true" || l == "false" {
				continue // the version, and the v1 check boxes now items of a list
			}
			if have[l] == 0 {
				t.Errorf("%s: value %q lost in migration", path, l)
			}
			have[l]--
		}
	}
}

// carry between calls whose forms differ: the old call's own sections come
// along by key, and every value the new form does not place is listed, not
// lost.
func TestCarryBetweenDeclaredForms(t *testing.T) {
	from, err := declCall(t, decl2024(t)+`
  [[documents.sections]]
  key = "convener"
  title = "七、召集人情况"
  fields = [
    { key = "name", label = "召集人姓名", kind = "text" },
    { key = "unit", label = "召集人单位", kind = "text" },
  ]
  [[documents.sections]]
  key = "pledge"
  title = "八、承诺"
  fields = [{ key = "text", label = "承诺", kind = "long" }]
`)
	if err != nil {
		t.Fatal(err)
	}
	to, err := declCall(t, strings.Replace(decl2024(t), "block = \"applicant\"\n", "block = \"applicant\"\n  omit = [\"postcode\"]\n", 1)+`
  [[documents.sections]]
  key = "convener"
  title = "七、召集人"
  fields = [{ key = "name", label = "召集人姓名", kind = "text" }]
`)
	if err != nil {
		t.Fatal(err)
	}
	to.Year = 2025
	old, err := Sample(Default(), "forum")
	if err != nil {
		t.Fatal(err)
	}
	old.EnsureSections(from)
	old.Sections["convener"].SetText("name", "王明远")
	old.Sections["convener"].SetText("unit", "吉林大学")
	old.Sections["pledge"].SetText("text", "保证真实")
	d, fs := Carry(from, to, old, old.UpdatedAt, Options{})
	if d.Sections["convener"].Text("name") != "王明远" || d.Sections["convener"].Text("unit") != "吉林大学" || d.Sections["pledge"].Text("text") != "保证真实" {
		t.Errorf("values lost: %v", d.Sections)
	}
	want := map[string]string{
		"sections.pledge":        "“八、承诺”部分",
		"sections.convener.unit": "没有往年的“召集人单位”一项",
		"applicant.postcode":     "不再填写“邮政编码”",
	}
	for _, f := range fs {
		if w, ok := want[f.Field]; ok && f.Rule == RuleCarryDropped && strings.Contains(f.Message, w) {
			delete(want, f.Field)
		}
	}
	for p, w := range want {
		t.Errorf("carry does not list %s (%s)", p, w)
	}
}

// Every example of [[documents]] in docs/call-format.md loads: put in place
// of the 2024 call's declaration, it parses and passes the loader's checks.
func TestCallFormatDocumentsExamplesLoad(t *testing.T) {
	doc, err := os.ReadFile("../docs/call-format.md")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, block := range strings.Split(string(doc), "```toml\n")[1:] {
		block, _, _ = strings.Cut(block, "```")
		if !strings.HasPrefix(block, "[[documents]]") {
			continue
		}
		n++
		if _, err := declCall(t, block); err != nil {
			t.Errorf("example %d: %v", n, err)
		}
	}
	if n < 2 {
		t.Errorf("%d examples of [[documents]] in the docs", n)
	}
}

func hasFinding(fs []Finding, field, rule string) bool {
	for _, f := range fs {
		if f.Field == field && f.Rule == rule {
			return true
		}
	}
	return false
}

// A block no document declares is not asked: no rule reports on its
// fields; PartName cites where a block is.
func TestUndeclaredBlocksNotChecked(t *testing.T) {
	if got := Default().PartName(BlockBudget); got != "申报书 第五部分" {
		t.Errorf("PartName(budget) %q", got)
	}
	if got := Default().PartName(BlockExperts); got != "申报书 第四部分" {
		t.Errorf("PartName(experts) %q", got)
	}
	base := decl2024(t)
	for _, cut := range []string{"block = \"agenda\"", "block = \"budget\"", "block = \"experts\""} {
		if !strings.Contains(base, cut) {
			t.Fatalf("no %s", cut)
		}
		base = strings.Replace(base, cut, "block = \"results\"", 1)
	}
	// three results blocks: only the first is asked, the others printed
	c, err := declCall(t, base)
	if err != nil {
		t.Fatal(err)
	}
	if c.PartName(BlockBudget) != "" {
		t.Error("PartName of an undeclared block")
	}
	d, _ := Sample(Default(), "forum")
	d.Agenda, d.Experts = nil, nil
	d.Budget = Budget{Total: 5}
	for _, f := range Check(c, d, Options{}) {
		if strings.HasPrefix(f.Field, "budget") || strings.HasPrefix(f.Field, "agenda") || strings.HasPrefix(f.Field, "experts") {
			t.Errorf("a finding on a block the call does not declare: %v", f)
		}
	}
	n := 0
	for _, f := range Check(Default(), d, Options{}) {
		if strings.HasPrefix(f.Field, "budget") || strings.HasPrefix(f.Field, "agenda") {
			n++
		}
	}
	if n == 0 {
		t.Error("the same draft has no budget or agenda finding under the 2024 call")
	}
}

// The 2025 test call declares a section of its own (六、承诺): its samples
// hold its value under sections.pledge, and an unticked pledge is the
// declared rule's finding, citing the call's clause.
func TestTestCallPledgeSection(t *testing.T) {
	c := testCall(t)
	if s := c.Section("pledge"); s == nil || c.Expand(s.Title, nil) != "六、承诺" {
		t.Fatal("the 2025 test call declares no pledge section")
	}
	for _, cat := range c.Categories {
		d, err := Sample(c, cat.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !d.Sections["pledge"].Bool("agree") {
			t.Errorf("%s: sample has not ticked the pledge", cat.ID)
		}
		d.Sections["pledge"].SetBool("agree", false)
		var got *Finding
		for _, f := range Check(c, d, Options{}) {
			if f.Field == "sections.pledge.agree" {
				got = &f
			}
		}
		if got == nil || got.Rule != "pledge.agree" || got.Severity != Error || !strings.Contains(got.Message, "（通知 三、2）") {
			t.Errorf("%s: unticked pledge: %v", cat.ID, got)
		}
	}
}
