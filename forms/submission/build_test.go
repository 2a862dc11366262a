package submission

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
	"shenbao/forms/internal/doctest"
	"shenbao/forms/layout"
	"shenbao/forms/pdfdoc"
)

// pdfText is the text of a PDF as pdftotext reads it, with all white space
// and hyphens removed: table cells and wrapped lines break the text
// anywhere, and pdftotext drops a hyphen that ends a line.
func pdfText(t *testing.T, file string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v (CI installs poppler-utils: make deps-test)", file, err)
	}
	return squeeze(string(out))
}

// squeeze removes white space and hyphens, as pdfText does.
func squeeze(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(s), ""), "-", "")
}

func buildSample(t *testing.T, category string, edit func(d *forms.Draft)) (*Result, *forms.Draft) {
	t.Helper()
	call := forms.Default()
	d, err := forms.Sample(call, category)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(d)
	}
	res, err := Build(t.TempDir(), call, d, pinned)
	if err != nil {
		t.Fatalf("Build(%s): %v", category, err)
	}
	return res, d
}

// TestBuildEverySample builds the package of every category's sample and
// checks that the folder holds exactly the expected files, that the .zip
// holds exactly the folder, and that the e-mail carries the .docx.
func TestBuildEverySample(t *testing.T) {
	call := forms.Default()
	for _, cat := range call.Categories {
		t.Run(cat.ID, func(t *testing.T) {
			res, d := buildSample(t, cat.ID, nil)
			if filepath.Base(res.Dir) != BaseName(call, d) || res.Zip != res.Dir+".zip" {
				t.Errorf("folder %s, zip %s", res.Dir, res.Zip)
			}
			entries, err := os.ReadDir(res.Dir)
			if err != nil {
				t.Fatal(err)
			}
			var onDisk []string
			for _, e := range entries {
				onDisk = append(onDisk, e.Name())
			}
			want := res.Names.Files()
			if len(want) != 5 || !sameSet(onDisk, want) {
				t.Fatalf("folder holds %q, want %q", onDisk, want)
			}
			for _, p := range res.Files {
				if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
					t.Errorf("%s missing or empty: %v", p, err)
				}
			}
			checkZip(t, res, pinned)

			docx, err := os.ReadFile(res.Path(res.Names.DOCX))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(docx, []byte("PK")) {
				t.Errorf("the .docx is not a zip package")
			}
			raw, err := os.ReadFile(res.Path(res.Names.EML))
			if err != nil {
				t.Fatal(err)
			}
			p := readEML(t, raw)
			if !bytes.Equal(p.attach, docx) {
				t.Errorf("the e-mail's attachment (%d bytes) differs from %s (%d bytes)", len(p.attach), res.Names.DOCX, len(docx))
			}
			if p.attachName != res.Names.DOCX {
				t.Errorf("attachment named %q, want %q", p.attachName, res.Names.DOCX)
			}
			if p.subject != Subject(call, d) || len(p.to) != 1 || p.to[0].Address != call.Contact.Email {
				t.Errorf("subject %q, to %v", p.subject, p.to)
			}

			// The checklist and the envelope label are one sheet each; every
			// PDF embeds the serif body face and the bold heading face.
			for _, name := range []string{res.Names.PDF, res.Names.Checklist, res.Names.Envelope} {
				b, err := os.ReadFile(res.Path(name))
				if err != nil {
					t.Fatal(err)
				}
				if pages := doctest.PDFInfo(t, b)["Pages"]; pages != "1" && name != res.Names.PDF {
					t.Errorf("%s has %s pages, want 1", name, pages)
				}
				faces := map[string]bool{}
				for _, f := range doctest.PDFFonts(t, b) {
					faces[f.Name] = f.Embedded
				}
				if !faces["SHBSER+NotoSerifSC-400Regular"] || !faces["SHBBLD+NotoSerifSC-700Bold"] {
					t.Errorf("%s: serif body and bold heading faces not both embedded: %v", name, faces)
				}
			}

			// The application PDF carries the same fingerprint as the checklist.
			fp := squeeze(forms.Fingerprint(d, pinned))
			if app := pdfText(t, res.Path(res.Names.PDF)); !strings.Contains(app, fp) || !strings.Contains(app, squeeze(d.Project.Name)) {
				t.Errorf("application PDF lacks the fingerprint %q or the project name", fp)
			}
			if list := pdfText(t, res.Path(res.Names.Checklist)); !strings.Contains(list, fp) {
				t.Errorf("checklist lacks the fingerprint %q", fp)
			}
		})
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// checkZip verifies that the .zip holds the folder (one directory entry,
// then exactly the folder's files with the same bytes), with UTF-8 names
// flagged as such so that Windows shows Chinese names.
func checkZip(t *testing.T, res *Result, built time.Time) {
	t.Helper()
	zr, err := zip.OpenReader(res.Zip)
	if err != nil {
		t.Fatalf("open %s: %v", res.Zip, err)
	}
	defer zr.Close()
	root := filepath.Base(res.Dir)
	var names []string
	for _, f := range zr.File {
		if f.NonUTF8 || f.Flags&0x800 == 0 {
			t.Errorf("zip entry %q lacks the UTF-8 flag (flags %#x)", f.Name, f.Flags)
		}
		if f.Name == root+"/" {
			continue
		}
		dir, name := path.Split(f.Name)
		if dir != root+"/" || SafeName(name, 0) != name {
			t.Errorf("zip entry %q is not a safe name in %q", f.Name, root)
		}
		names = append(names, name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("reading %s from the zip: %v", f.Name, err)
		}
		disk, err := os.ReadFile(filepath.Join(res.Dir, name))
		if err != nil || !bytes.Equal(got, disk) {
			t.Errorf("zip entry %s differs from the folder's file (%v)", f.Name, err)
		}
		if !f.Modified.Equal(built.Truncate(time.Second)) {
			t.Errorf("zip entry %s dated %v", f.Name, f.Modified)
		}
	}
	if !sameSet(names, res.Names.Files()) {
		t.Errorf("zip holds %q, folder %q", names, res.Names.Files())
	}
	// unzip, a reader that does not use Go's code, sees the same names.
	out, err := exec.Command("unzip", "-Z1", res.Zip).Output()
	if err != nil {
		t.Fatalf("unzip -Z1 %s: %v (CI installs unzip: make deps-test)", res.Zip, err)
	}
	for _, n := range res.Names.Files() {
		if !strings.Contains(string(out), root+"/"+n) {
			t.Errorf("unzip -Z1 does not list %s:\n%s", n, out)
		}
	}
}

func TestChecklistText(t *testing.T) {
	res, d := buildSample(t, "forum", nil)
	call := forms.Default()
	text := pdfText(t, res.Path(res.Names.Checklist))
	for _, want := range []string{
		"报送清单",
		call.Contact.Email, call.Contact.Office, call.Contact.Address, call.Contact.Phone, call.Contact.Person,
		"4月22日", "寄达", "公章", "申报单位（公章）", "负责人（签字）", d.Opinions.Signer,
		res.Names.DOCX, res.Names.EML, res.Names.PDF, res.Names.Envelope,
		"只能申报1项", "总计不超过2项", "4月30日", call.AnnouncementWhere,
		"3日内", "10日内", "决算表", "1000字以内信息报道稿",
		"不得通过互联网传送", "通知二、4", "通知二、2",
	} {
		if !strings.Contains(text, squeeze(want)) {
			t.Errorf("checklist lacks %q", want)
		}
	}
	if strings.Contains(text, "不发电子邮件") {
		t.Errorf("the checklist of a non-confidential draft says not to e-mail")
	}

	// The forum has no sub-venue results to hand in.
	if strings.Contains(text, "演讲比赛分赛场成绩") {
		t.Errorf("the checklist of a forum lists the speech competition's results")
	}
	if len(d.Joint) > 0 && !strings.Contains(text, squeeze("联合申报单位意见")) {
		t.Errorf("the checklist does not ask the joint applicant to sign and seal")
	}

	env := pdfText(t, res.Path(res.Names.Envelope))
	for _, want := range []string{
		call.Contact.Address, call.Contact.Office, call.Contact.Department, call.Contact.Person, call.Contact.Phone,
		d.Applicant.Name, d.Applicant.Address, d.Applicant.Contact, d.Applicant.Mobile,
		"内装：项目申报书（纸质件1份）", "4月22日", "沿虚线剪下",
	} {
		if !strings.Contains(env, squeeze(want)) {
			t.Errorf("envelope lacks %q", want)
		}
	}
	// The sender's postcode, one digit per box (in drawing order).
	raw, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", res.Path(res.Names.Envelope), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(squeeze(string(raw)), d.Applicant.Postcode) {
		t.Errorf("envelope lacks the postcode %s", d.Applicant.Postcode)
	}
	if strings.Contains(env, "（通知未载明，请向邮局") {
		t.Errorf("the postcode cell holds instruction text instead of boxes")
	}
	// One framed table, with two rows of six postcode boxes.
	doc := Envelope(call, d)
	tables, boxes := 0, 0
	for _, b := range doc.Blocks {
		if tb, ok := b.(*layout.Table); ok {
			tables++
			if !tb.Frame {
				t.Error("the label is not framed")
			}
			for _, r := range tb.Rows {
				for _, c := range r.Cells {
					if c.Boxes == 6 {
						boxes++
					}
				}
			}
		}
	}
	if tables != 1 || boxes != 2 {
		t.Errorf("envelope: %d tables, %d postcode box rows; want 1 and 2", tables, boxes)
	}
}

// TestChecklistFollowsCall: the facts printed come from the call's data,
// so another year's call prints other facts.
func TestChecklistFollowsCall(t *testing.T) {
	c := *forms.Default()
	c.Contact.Email = "apply2025@example.org"
	c.Contact.Office = "某某部（101室）"
	c.Deadline = time.Date(2025, 5, 9, 0, 0, 0, 0, time.UTC)
	c.AnnouncementBy = time.Date(2025, 5, 20, 0, 0, 0, 0, time.UTC)
	c.MaxPerCategory, c.MaxTotal, c.PaperCopies = 2, 3, 2
	c.AfterEvent = []forms.AfterEvent{{Days: 5, Items: []forms.AfterItem{{Kind: forms.ItemReport, Name: "活动简报"}, {Kind: forms.ItemResults, Name: "分赛场成绩单", Categories: []string{"speech"}}}}}
	d, _ := forms.Sample(&c, "basic")
	var all []string
	for _, s := range Steps(&c, d, NamesFor(&c, d, 1), pinned) {
		all = append(all, s.Detail)
	}
	text := strings.Join(all, "\n")
	if strings.Contains(text, "分赛场成绩单") {
		t.Errorf("a basic-research project owes no speech results:\n%s", text)
	}
	for _, want := range []string{"apply2025@example.org", "某某部（101室）", "2025年5月9日", "2025年5月20日", "只能申报2项", "总计不超过3项", "共2份", "5日内", "活动简报"} {
		if !strings.Contains(text, want) {
			t.Errorf("steps lack %q:\n%s", want, text)
		}
	}
	for _, stale := range []string{"kx1411", "4月22日", "606办公室", "10日内"} {
		if strings.Contains(text, stale) {
			t.Errorf("steps print %q, which is not in this call", stale)
		}
	}
}

func TestConfidentialGetsNoEmail(t *testing.T) {
	res, d := buildSample(t, "intl", func(d *forms.Draft) {
		d.Confidential = true
		d.ConfidentialNote = "含未公开的光学载荷参数"
	})
	if res.Names.EML != "" {
		t.Fatalf("confidential draft names an e-mail %q", res.Names.EML)
	}
	entries, _ := os.ReadDir(res.Dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".eml") {
			t.Errorf("confidential package holds %s", e.Name())
		}
	}
	zr, err := zip.OpenReader(res.Zip)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".eml") {
			t.Errorf("confidential zip holds %s", f.Name)
		}
	}
	checkZip(t, res, pinned)
	text := pdfText(t, res.Path(res.Names.Checklist))
	for _, want := range []string{"涉及保密内容", "不得通过互联网传送", "通知二、4", "没有生成电子邮件草稿", d.ConfidentialNote, "事先告知", forms.Default().Contact.Office, "4月22日"} {
		if !strings.Contains(text, squeeze(want)) {
			t.Errorf("confidential checklist lacks %q", want)
		}
	}
	if strings.Contains(text, ".eml") {
		t.Errorf("confidential checklist mentions an .eml")
	}
}

// TestBuildTwiceKeepsFirst: a second export into the same folder gets a
// " (2)" suffix and leaves the first export byte for byte as it was.
func TestBuildTwiceKeepsFirst(t *testing.T) {
	call := forms.Default()
	d, _ := forms.Sample(call, "annual")
	out := t.TempDir()
	first, err := Build(out, call, d, pinned)
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	second, err := Build(out, call, d, pinned.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if second.Dir != first.Dir+" (2)" || second.Zip != first.Dir+" (2).zip" {
		t.Errorf("second export at %s / %s", second.Dir, second.Zip)
	}
	after := snapshot(t, out)
	for p, b := range before {
		if !bytes.Equal(after[p], b) {
			t.Errorf("%s changed by the second export", p)
		}
	}
	checkZip(t, second, pinned.Add(time.Hour))
	// A zip left alone (its folder deleted) still blocks its name.
	if err := os.RemoveAll(first.Dir); err != nil {
		t.Fatal(err)
	}
	third, err := Build(out, call, d, pinned)
	if err != nil {
		t.Fatal(err)
	}
	if third.Dir != first.Dir+" (3)" {
		t.Errorf("third export at %s, want the (3) suffix", third.Dir)
	}
	for _, e := range mustReadDir(t, out) {
		if strings.HasPrefix(e, ".") {
			t.Errorf("temporary file %s left behind", e)
		}
	}
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		m[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func mustReadDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// TestBuildFailureLeavesNothing: a writer's failure or an unusable output
// folder gives a Chinese error and no folder or zip.
func TestBuildFailureLeavesNothing(t *testing.T) {
	call := forms.Default()
	d, _ := forms.Sample(call, "basic")
	out := t.TempDir()
	wr := DefaultWriters()
	wr.DocumentPDF = func(io.Writer, *layout.Document) error { return errors.New("字体损坏") }
	var steps []string
	_, err := wr.Build(out, call, d, pinned, func(step, total int, what string) { steps = append(steps, what) })
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(e.Message, "报送清单") || !strings.Contains(e.Message, "字体损坏") {
		t.Errorf("error %v", err)
	}
	if left := mustReadDir(t, out); len(left) != 0 {
		t.Errorf("failed build left %q", left)
	}
	if len(steps) != 3 {
		t.Errorf("progress reported %q", steps)
	}

	blocker := filepath.Join(out, "a-file")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Build(filepath.Join(blocker, "sub"), call, d, pinned)
	if !errors.As(err, &e) || !strings.Contains(e.Message, "无法建立文件夹") {
		t.Errorf("output under a file: %v", err)
	}
}

func TestBuildProgress(t *testing.T) {
	call := forms.Default()
	for _, confidential := range []bool{false, true} {
		d, _ := forms.Sample(call, "speech")
		d.Confidential = confidential
		var got []int
		total := 0
		_, err := DefaultWriters().Build(t.TempDir(), call, d, pinned, func(step, n int, what string) {
			got = append(got, step)
			total = n
			if !strings.HasPrefix(what, "正在") {
				t.Errorf("progress text %q", what)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != total || got[len(got)-1] != total {
			t.Errorf("confidential=%v: steps %v of %d", confidential, got, total)
		}
	}
}

func mustRead(tb testing.TB, p string) []byte {
	tb.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// Duties after the event are the draft's own: the speech competition's
// sub-venue results are listed for a sub-venue only.
func TestChecklistDutiesOfOwnCategory(t *testing.T) {
	call := forms.Default()
	for _, cat := range call.Categories {
		d, _ := forms.Sample(call, cat.ID)
		var all []string
		for _, s := range Steps(call, d, NamesFor(call, d, 1), pinned) {
			all = append(all, s.Detail)
		}
		has := strings.Contains(strings.Join(all, "\n"), "演讲比赛分赛场成绩")
		want := cat.ID == "speech" && d.Venue != "final"
		if has != want {
			t.Errorf("%s (venue %q): sub-venue results listed %v, want %v", cat.ID, d.Venue, has, want)
		}
	}
}

// The checklist and the envelope label are set as the application is: no
// step name (发送电子版, 完成后3日内) wraps, no cell ends with a lone one or
// two characters.
func TestChecklistTypesetting(t *testing.T) {
	call := forms.Default()
	for _, cat := range call.Categories {
		d, _ := forms.Sample(call, cat.ID)
		names := NamesFor(call, d, 1)
		whats := map[string]bool{}
		for _, s := range Steps(call, d, names, pinned) {
			whats[s.What] = true
		}
		for _, doc := range []*layout.Document{Checklist(call, d, names, pinned), Envelope(call, d)} {
			tr, err := pdfdoc.Trace(doc)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range tr {
				if (whats[x.Text] || x.Kind == pdfdoc.KindLabel) && len(x.Lines) > 1 {
					t.Errorf("%s: %q wraps", cat.ID, x.Text)
				}
				n := 0
				for _, l := range x.Lines {
					n++
					if l.Last {
						if n >= 2 && len([]rune(l.Text)) <= pdfdoc.Short {
							t.Errorf("%s: %q ends with a lone %q", cat.ID, x.Text, l.Text)
						}
						n = 0
					}
				}
			}
		}
	}
}
