package forms

import (
	"errors"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"shenbao/forms/usererr"
)

// withLine changes the 2024 call file: after the first line equal to
// `after` (trimmed) it inserts add.
func withLine(t *testing.T, after, add string) []byte {
	t.Helper()
	src := string(mustRead(defaultCallFile))
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) == after {
			out := append(append(append([]string{}, lines[:i+1]...), add), lines[i+1:]...)
			return []byte(strings.Join(out, "\n"))
		}
	}
	t.Fatalf("no line %q in the call file", after)
	return nil
}

// mustRefuse parses data and requires a CallError with a Chinese problem,
// a line, and every one of the words.
func mustRefuse(t *testing.T, data []byte, line bool, words ...string) *CallError {
	t.Helper()
	_, err := ParseCall("bad.toml", data)
	var ce *CallError
	if !errors.As(err, &ce) {
		t.Fatalf("not refused with a CallError: %v", err)
	}
	if !hasHan(ce.Problem) || (line && ce.Line == 0) {
		t.Errorf("problem %q, line %d: want Chinese with a line", ce.Problem, ce.Line)
	}
	for _, w := range words {
		if !strings.Contains(ce.Error(), w) {
			t.Errorf("message %q lacks %q", ce.Error(), w)
		}
	}
	return ce
}

// TestCallShortNameTraversal: a short name that climbs out of the folder it
// is used in (issue 20, 1) is refused at load, and so are the others that
// cannot be part of a file name.
func TestCallShortNameTraversal(t *testing.T) {
	for _, sn := range []string{
		"/../../../../../tmp/我的申报书", `..\..\论坛`, "a/b", "论坛:1", "论\u202e坛", "论\x1b坛", ".hidden", "..",
		strings.Repeat("论", maxShortNameRunes+1),
	} {
		t.Run(sn, func(t *testing.T) {
			data := []byte(strings.Replace(string(mustRead(defaultCallFile)), `short_name = "研究生论坛"`, `short_name = "`+strings.ReplaceAll(strings.ReplaceAll(sn, `\`, `\\`), "\x1b", `\u001b`)+`"`, 1))
			ce := mustRefuse(t, data, true, "short_name")
			if got := strings.Split(string(data), "\n")[ce.Line-1]; !strings.HasPrefix(got, "short_name") {
				t.Errorf("line %d is %q, want the short name's", ce.Line, got)
			}
		})
	}
}

// TestCallIDsChecked: a category's or venue's id names files: only plain
// lowercase ASCII is accepted.
func TestCallIDsChecked(t *testing.T) {
	src := string(mustRead(defaultCallFile))
	for _, c := range []struct{ from, to string }{
		{`id = "forum"`, `id = "../forum"`},
		{`id = "forum"`, `id = "Forum X"`},
		{`id = "science"`, `id = "sci/ence"`},
	} {
		mustRefuse(t, []byte(strings.Replace(src, c.from, c.to, 1)), true, "id")
	}
}

// TestCallPanickingRules: each validate rule that passed the loader on an
// empty text but panics on its field's real value (issue 20, 2) is refused
// with the file, the line and the field; nothing panics.
func TestCallPanickingRules(t *testing.T) {
	cases := []struct{ after, rule, key string }{
		{`key = "one_paper_per_student"`, "max=10", "one_paper_per_student"},
		{`key = "one_paper_per_student"`, "oneof=true", "one_paper_per_student"},
		{`key = "materials"`, "min=1", "materials"},
		{`key = "call_for_papers"`, "omitempty,len=abc", "call_for_papers"},
		{`key = "call_for_papers"`, "omitempty,dive", "call_for_papers"},
		{`key = "call_for_papers"`, "omitempty,unique", "call_for_papers"},
		{`key = "review_committee"`, "omitempty,dive,keys,required,endkeys", "review_committee"},
	}
	for _, c := range cases {
		t.Run(c.rule, func(t *testing.T) {
			data := withLine(t, c.after, `  validate = "`+c.rule+`"`)
			if c.key == "call_for_papers" {
				// a special constraint needs a rule and a message
				data = []byte(strings.Replace(string(data), `validate = "`+c.rule+`"`, `validate = "`+c.rule+`"`+"\n  rule = \"content.forum.cfp\"\n  clause = \"一（二）\"\n  message = \"征集办法有误\"", 1))
			}
			ce := mustRefuse(t, data, true, c.key, "bad.toml", "validate")
			if got := strings.Split(string(data), "\n")[ce.Line-1]; !strings.Contains(got, c.rule) {
				t.Errorf("line %d is %q, want the rule's line", ce.Line, got)
			}
		})
	}
}

// TestCallDeepNestingRefusedFast: 20,000 nested inline tables (80 KB) took
// the TOML decoder 110 s and 15 GB; the file is refused before decoding in
// well under a second and 100 MB.
func TestCallDeepNestingRefusedFast(t *testing.T) {
	for _, tc := range []struct{ name, data string }{
		{"inline tables", "year = 2024\nx = " + strings.Repeat("{a=", 20000) + "1" + strings.Repeat("}", 20000) + "\n"},
		{"arrays", "year = 2024\nx = " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"},
		{"dotted header", "year = 2024\n[" + strings.Repeat("a.", 20000) + "b]\n"},
		{"dotted key", "year = 2024\n" + strings.Repeat("a.", 20000) + "b = 1\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			runtime.GC()
			before := totalAlloc()
			start := time.Now()
			_, err := ParseCall("deep.toml", []byte(tc.data))
			took, alloc := time.Since(start), totalAlloc()-before
			var ce *CallError
			if !errors.As(err, &ce) || !hasHan(ce.Problem) {
				t.Fatalf("not refused: %v", err)
			}
			if took > time.Second || alloc > 100<<20 {
				t.Errorf("refusal took %v and %d MB", took, alloc>>20)
			}
			t.Logf("refused in %v, %d KB allocated: %s", took, alloc>>10, ce)
		})
	}
	// what the scan must not refuse: brackets and dots in strings and
	// comments, numbers with dots
	ok := "a = \"[[[[[[[[[[[[[[[[[[[[[[a.b.c.d.e.f.g.h.i.j\" # {{{{{{{{{{{{{{{{{{{{{{{{ a.b.c.d.e.f.g.h.i.j.k\n" +
		"b = '''\n[[[[[[[[[[[[[[[[[[[[[[\n'''\nc = 1.5\nd = \"\"\"x\\\"\"\"\"\ne = [[1.1, 2.2], {x = 1.0}]\n"
	if err := checkCallBytes("ok.toml", []byte(ok)); err != nil {
		t.Errorf("refused a harmless file: %v", err)
	}
	for _, f := range []string{defaultCallFile} {
		if err := checkCallBytes(f, mustRead(f)); err != nil {
			t.Errorf("refused the shipped call: %v", err)
		}
	}
}

// totalAlloc is the bytes allocated on the heap so far.
func totalAlloc() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// TestCallBoundsChecked: a table's row count and a part's size are bounded.
func TestCallBoundsChecked(t *testing.T) {
	src := string(mustRead(defaultCallFile))
	data := strings.Replace(src, "key = \"review_committee\"\n  label = \"评审委员会\"\n  kind = \"table\"\n  min = 1", "key = \"review_committee\"\n  label = \"评审委员会\"\n  kind = \"table\"\n  min = 100000000", 1)
	if data == src {
		t.Fatal("the call file changed: fix the test")
	}
	mustRefuse(t, []byte(data), true, "review_committee")
}

// TestCallPanicRecovered: a panic inside the loader becomes a CallError.
func TestCallPanicRecovered(t *testing.T) {
	err := func() (err error) {
		defer recoverCallPanic("x.toml", &err)
		panic("boom")
	}()
	var ce *CallError
	if !errors.As(err, &ce) || !strings.Contains(ce.Error(), "x.toml") || !hasHan(ce.Problem) {
		t.Fatalf("panic not turned into a CallError: %v", err)
	}
	// and it reads as the one user-facing error type
	var ue *usererr.Error
	if !errors.As(err, &ue) || ue.Code != usererr.BadCall || ue.Message != ce.Error() || usererr.CodeOf(err) != usererr.BadCall {
		t.Errorf("CallError as usererr.Error: %+v", ue)
	}
}

// FuzzShortNameFrom: whatever the text, the short name made of it is one
// the loader accepts (or empty), and a name that is already fine is kept.
func FuzzShortNameFrom(f *testing.F) {
	for _, s := range []string{"研究生论坛", "第\u0090届论坛", "\u202e测试", "．.\u3000测试/论坛\u2028", "a\x00\xffb", " 论坛 ", "一二三四五六七八九十一二三四五六七八九十一二三"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := ShortNameFrom(s)
		if got != "" {
			if p := shortNameProblem(got); p != "" {
				t.Fatalf("ShortNameFrom(%q) = %q, which the loader refuses: %s", s, got, p)
			}
		}
		if shortNameProblem(s) == "" && got != s {
			t.Fatalf("ShortNameFrom(%q) = %q: a good short name was changed", s, got)
		}
	})
}
