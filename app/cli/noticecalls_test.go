package cli

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
	"shenbao/forms/layout"
	"shenbao/forms/submission"
)

// noticeCalls are the test calls modelled on the two real notices (Hubei
// 2022, Shanghai 2023) and the third, made-up call: each goes through every
// headless command with its own samples.
var noticeCalls = []string{
	"../../forms/testdata/call-hubei-2022/" + forms.CallFileName,
	"../../forms/testdata/call-shanghai-2023/" + forms.CallFileName,
	"../../forms/testdata/call-third/" + forms.CallFileName,
}

// foreignWords are what no application of another funder may print: the
// 2024 call's province, funder and programme, and its year.
var foreignWords = []string{"吉林", "省科协", "年会", "2024年度"}

var (
	quotedRe   = regexp.MustCompile(`"((?:[^"\\\n]|\\.)*)"`)
	numberedRe = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)`)
)

// ownTexts are the call's own words (every quoted string of its file) and
// the draft's: what the call says of itself may be printed, even when it
// contains a foreign word (上海's “学术（创新）年会”, 湖北's “省科协所属学会”).
func ownTexts(t *testing.T, callFile string, drafts ...string) []string {
	t.Helper()
	b, err := os.ReadFile(callFile)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range quotedRe.FindAllStringSubmatch(string(b), -1) {
		out = append(out, m[1])
	}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, v)
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, f := range drafts {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		walk(v)
	}
	return out
}

// foreignIn lists the words of want found in text once the call's and
// the draft's own texts are taken out of it.
func foreignIn(text string, own, want []string) []string {
	text = squeeze(text)
	sq := make([]string, 0, len(own))
	for _, s := range own {
		if s = squeeze(s); len([]rune(s)) >= 2 {
			sq = append(sq, s)
		}
	}
	sort.Slice(sq, func(i, j int) bool { return len(sq[i]) > len(sq[j]) })
	for _, s := range sq {
		text = strings.ReplaceAll(text, s, "□")
	}
	var found []string
	for _, w := range want {
		if strings.Contains(text, squeeze(w)) {
			found = append(found, w)
		}
	}
	return found
}

// undeclaredTitles are the 2024 form's section titles and opinion blocks
// (numbers left off, longer than two characters: not “意见”) that the call does not declare: “经费预算” for a
// call with no budget, “省科协审核意见”.
func undeclaredTitles(call *forms.Call) []string {
	declared := map[string]bool{}
	for _, doc := range call.Documents {
		for _, s := range doc.Sections {
			declared[numberedRe.ReplaceAllString(call.Expand(s.Title, nil), "")] = true
			for _, b := range s.Blocks {
				declared[call.Expand(b.Label, nil)] = true
			}
		}
	}
	old := forms.Default()
	var out []string
	for _, doc := range old.Documents {
		for _, s := range doc.Sections {
			if t := numberedRe.ReplaceAllString(old.Expand(s.Title, nil), ""); len([]rune(t)) > 2 && !strings.Contains(s.Title, "{") && !declared[t] {
				out = append(out, t)
			}
			for _, b := range s.Blocks {
				if l := old.Expand(b.Label, nil); !declared[l] {
					out = append(out, l)
				}
			}
		}
	}
	return out
}

// docxBody is the text of a .docx's body.
func docxBody(t *testing.T, file string) string {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	x, _ := io.ReadAll(f)
	var b strings.Builder
	for _, m := range regexp.MustCompile(`<w:t(?: [^>]*)?>([^<]*)</w:t>`).FindAllStringSubmatch(string(x), -1) {
		b.WriteString(m[1])
	}
	return b.String()
}

// printedTexts reads back every PDF (pdftotext) and .docx under dir.
func printedTexts(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch filepath.Ext(p) {
		case ".pdf":
			out[p] = pdfText(t, p)
		case ".docx":
			out[p] = docxBody(t, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Every headless command on each notice call, with its samples: exit codes,
// and nothing of the 2024 form in what it prints.
func TestNoticeCallsEveryCommand(t *testing.T) {
	for _, callFile := range noticeCalls {
		call, err := forms.LoadCallFile(callFile)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(filepath.Dir(callFile))
		t.Run(name, func(t *testing.T) {
			words := append(append([]string{}, foreignWords...), undeclaredTitles(call)...)
			now := time.Date(call.Year, 3, 1, 10, 0, 0, 0, time.Local)
			for _, cmd := range []string{"rules", "fields"} {
				code, out, errOut := runAt(t, now, "--call", callFile, cmd)
				if code != ExitOK || errOut != "" || out == "" {
					t.Errorf("%s: exit %d\n%s", cmd, code, errOut)
				}
				if f := foreignIn(out, ownTexts(t, callFile), foreignWords); len(f) > 0 {
					t.Errorf("%s prints %q:\n%s", cmd, f, out)
				}
			}
			code, out, _ := runAt(t, now, "--call", callFile, "sample")
			var ids []string
			for _, c := range call.Categories {
				ids = append(ids, c.ID)
			}
			if code != ExitOK || strings.Join(strings.Fields(out), ",") != strings.Join(ids, ",") {
				t.Fatalf("sample: %d %q", code, out)
			}
			dir := t.TempDir()
			for _, id := range ids {
				file := filepath.Join(dir, id+forms.DraftExt)
				if code, _, e := runAt(t, now, "--call", callFile, "sample", id, "-o", file); code != ExitOK {
					t.Fatalf("sample %s: %d %s", id, code, e)
				}
				d, err := forms.Load(file)
				if err != nil {
					t.Fatal(err)
				}
				if d.SchemaVersion != forms.SchemaVersion {
					t.Errorf("%s: schema %d", id, d.SchemaVersion)
				}
				applyDay := d.Cover.ApplyDate.Time()
				code, out, errOut := runAt(t, applyDay, "--call", callFile, "check", "--today", d.Cover.ApplyDate.String(), file)
				if code != ExitOK || !strings.Contains(out, "0个错误，0个警告") {
					t.Errorf("check %s: %d\n%s%s", id, code, out, errOut)
				}
				own := ownTexts(t, callFile, file)
				exp := t.TempDir()
				if code, out, errOut := runAt(t, applyDay, "--call", callFile, "export", file, "--out", exp); code != ExitOK || errOut != "" {
					t.Fatalf("export %s: %d\n%s%s", id, code, out, errOut)
				}
				names := submission.NamesFor(call, d, 1)
				for _, doc := range names.Docs {
					for _, f := range []string{doc.PDF, doc.DOCX} {
						if fi, err := os.Stat(filepath.Join(exp, names.Dir, f)); err != nil || fi.Size() == 0 {
							t.Errorf("%s: %s not exported: %v", id, f, err)
						}
					}
				}
				if first := submission.SafeName(call.Documents[0].Title, 30); !strings.HasPrefix(names.PDF, first+"-") {
					t.Errorf("%s: the application is %q, not named after the call's first document %q", id, names.PDF, first)
				}
				// An e-mail draft only when the call gives the address to
				// send to (Hubei and Shanghai give none).
				_, err = os.Stat(filepath.Join(exp, names.Dir, "申报邮件（草稿）.eml"))
				if mail := call.Contact.Email != ""; mail != (err == nil) || mail != (names.EML != "") {
					t.Errorf("%s: the call's e-mail %q, the e-mail draft %q: %v", id, call.Contact.Email, names.EML, err)
				}
				printed := printedTexts(t, exp)
				for i, doc := range layout.Documents(call, d, applyDay) {
					printed["layout "+names.Docs[i].Title] = strings.Join(doc.Texts(), "")
				}
				if len(printed) < 2*len(names.Docs)+1 {
					t.Errorf("%s: only %d documents read back", id, len(printed))
				}
				for f, text := range printed {
					if found := foreignIn(text, own, words); len(found) > 0 {
						t.Errorf("%s: %s prints %q", id, filepath.Base(f), found)
					}
				}

				// After selection: the sample marked selected, its reports.
				sel := filepath.Join(dir, id+"-入选"+forms.DraftExt)
				if code, out, e := runAt(t, now, "--call", callFile, "sample", id, "--selected", "-o", sel); code != ExitOK {
					t.Fatalf("sample --selected %s: %d %s%s", id, code, out, e)
				}
				after := d.Project.EndDate.AddDays(1).Time()
				rep := t.TempDir()
				if code, out, errOut := runAt(t, after, "--call", callFile, "reports", sel, "--out", rep); code != ExitOK || errOut != "" {
					t.Errorf("reports %s: %d\n%s%s", id, code, out, errOut)
				}
				repWords := words
				if !forms.HasAfterItem(call, d, forms.ItemReview) {
					repWords = append(append([]string{}, words...), "学术观点综述") // a review the call does not ask
				}
				for f, text := range printedTexts(t, rep) {
					if found := foreignIn(text, ownTexts(t, callFile, sel), repWords); len(found) > 0 {
						t.Errorf("%s: report %s prints %q", id, filepath.Base(f), found)
					}
				}
			}

			// carry: a 2024 sample into the call.
			old := writeSample(t, t.TempDir(), "forum")
			code, out, errOut := runAt(t, now, "carry", old, "--call", callFile)
			if code != ExitOK || errOut != "" {
				t.Fatalf("carry: %d\n%s%s", code, out, errOut)
			}
			nd, err := forms.Load(forms.SiblingName(old, fmt.Sprintf("-%d", call.Year)))
			if err != nil {
				t.Fatalf("carried draft: %v\n%s", err, out)
			}
			if nd.CallYear != call.Year {
				t.Errorf("carried into %d", nd.CallYear)
			}
			for _, j := range nd.Joint {
				if _, ok := call.ApplicantTypes[j.Type]; j.Type != "" && !ok {
					t.Errorf("carry kept the joint applicant type %q the call does not have", j.Type)
				}
			}
		})
	}
}

// The check above can fail: the 2024 samples' documents print the 2024
// funder, programme and sections that none of the notice calls declares.
func TestNoticeCallsCheckCanFail(t *testing.T) {
	exp := t.TempDir()
	file := writeSample(t, t.TempDir(), "forum")
	if code, out, errOut := run(t, "export", file, "--out", exp); code != ExitOK {
		t.Fatalf("export: %d\n%s%s", code, out, errOut)
	}
	printed := printedTexts(t, exp)
	for _, callFile := range noticeCalls {
		call, err := forms.LoadCallFile(callFile)
		if err != nil {
			t.Fatal(err)
		}
		words := append(append([]string{}, foreignWords...), undeclaredTitles(call)...)
		var all string
		for _, text := range printed {
			all += text
		}
		found := foreignIn(all, ownTexts(t, callFile), words)
		for _, want := range []string{"吉林", "省科协", "2024年度", "经费预算", "省科协审核意见"} {
			if !strings.Contains(strings.Join(found, " "), want) {
				t.Errorf("%s: the 2024 forum sample's documents are not flagged for %q (found %q)", callFile, want, found)
			}
		}
	}
}
