package aftercare

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"shenbao/forms"
)

// selectedSample is a sample filled by FillSample with its event ending on
// end.
func selectedSample(t testing.TB, category string, end forms.Date) *forms.Draft {
	t.Helper()
	d, err := forms.Sample(forms.Default(), category)
	if err != nil {
		t.Fatal(err)
	}
	FillSample(forms.Default(), d)
	d.Selection.ActualStart, d.Selection.ActualEnd = end, end
	return d
}

// icsLine is one unfolded content line: name, parameters, value.
type icsLine struct {
	name, params, value string
}

// strictParse checks the RFC 5545 framing the way a strict importer does:
// CRLF everywhere, no line over 75 octets, folds that start with one space
// and do not split a UTF-8 character, BEGIN/END nesting. It returns the
// unfolded lines.
func strictParse(t *testing.T, data []byte) []icsLine {
	t.Helper()
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Fatal("file does not end with CRLF")
	}
	raw := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	var unfolded []string
	for i, l := range raw {
		if strings.ContainsAny(l, "\r\n") {
			t.Fatalf("line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d has %d octets (max 75): %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 character: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(unfolded) == 0 {
				t.Fatal("file starts with a continuation line")
			}
			unfolded[len(unfolded)-1] += l[1:]
			continue
		}
		unfolded = append(unfolded, l)
	}
	var out []icsLine
	var stack []string
	for _, l := range unfolded {
		nameParams, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("content line without a colon: %q", l)
		}
		name, params, _ := strings.Cut(nameParams, ";")
		switch name {
		case "BEGIN":
			stack = append(stack, value)
		case "END":
			if len(stack) == 0 || stack[len(stack)-1] != value {
				t.Fatalf("END:%s does not close %v", value, stack)
			}
			stack = stack[:len(stack)-1]
		}
		out = append(out, icsLine{name, params, value})
	}
	if len(stack) != 0 {
		t.Fatalf("unclosed components %v", stack)
	}
	if out[0].name != "BEGIN" || out[0].value != "VCALENDAR" {
		t.Fatalf("first line %+v", out[0])
	}
	return out
}

func TestCalendarDueDates(t *testing.T) {
	d := selectedSample(t, "speech", forms.NewDate(2024, 12, 28))
	now := time.Date(2024, 12, 20, 8, 30, 0, 0, time.UTC)
	var b bytes.Buffer
	if err := Calendar(&b, forms.Default(), d, now); err != nil {
		t.Fatal(err)
	}
	lines := strictParse(t, b.Bytes())
	count := map[string]int{}
	var starts, ends, uids []string
	for _, l := range lines {
		count[l.name]++
		switch l.name {
		case "DTSTART":
			if l.params != "VALUE=DATE" {
				t.Errorf("DTSTART params %q, want VALUE=DATE (all-day)", l.params)
			}
			starts = append(starts, l.value)
		case "DTEND":
			ends = append(ends, l.value)
		case "UID":
			uids = append(uids, l.value)
		case "DTSTAMP":
			if l.value != "20241220T083000Z" {
				t.Errorf("DTSTAMP %s", l.value)
			}
		}
	}
	if count["VERSION"] != 1 || count["PRODID"] != 1 {
		t.Errorf("VERSION/PRODID: %v", count)
	}
	// Across the year end: 28 Dec + 3 = 31 Dec, + 10 = 7 Jan.
	if fmt.Sprint(starts) != "[20241231 20250107]" || fmt.Sprint(ends) != "[20250101 20250108]" {
		t.Errorf("starts %v ends %v", starts, ends)
	}
	if fmt.Sprint(uids) != "[sample-speech-after-3d@shenbao sample-speech-after-10d@shenbao]" {
		t.Errorf("uids %v", uids)
	}
	if count["VALARM"] != 0 || count["BEGIN"] != 1+2+4 || count["TRIGGER"] != 4 || count["ACTION"] != 4 {
		t.Errorf("components: %v", count)
	}

	// The library's parser reads it back, with the texts unescaped.
	cal, err := ics.ParseCalendar(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	evs := cal.Events()
	if len(evs) != 2 {
		t.Fatalf("%d events", len(evs))
	}
	start, err := evs[0].GetAllDayStartAt()
	if err != nil || start.Format("2006-01-02") != "2024-12-31" {
		t.Errorf("first event starts %v %v", start, err)
	}
	sum := evs[0].GetProperty(ics.ComponentPropertySummary).Value
	if !strings.Contains(sum, "信息报道稿") || !strings.Contains(sum, "演讲比赛分赛场成绩") || !strings.Contains(sum, d.Project.Name) {
		t.Errorf("summary %q", sum)
	}
	desc := evs[1].GetProperty(ics.ComponentPropertyDescription).Value
	for _, w := range []string{"决算表", "项目总结", "2025年1月7日", forms.Default().Contact.Email} {
		if !strings.Contains(desc, w) {
			t.Errorf("description lacks %q: %q", w, desc)
		}
	}
	alarms := evs[0].Alarms()
	if len(alarms) != 2 || alarms[0].GetProperty(ics.ComponentPropertyTrigger).Value != "-PT15H" {
		t.Errorf("alarms %+v", alarms)
	}

	// Stable UIDs: the same draft gives the same UIDs another day.
	var b2 bytes.Buffer
	_ = Calendar(&b2, forms.Default(), d, now.Add(48*time.Hour))
	if !strings.Contains(b2.String(), "UID:sample-speech-after-3d@shenbao\r\n") {
		t.Error("UID changed between exports")
	}
}

func TestCalendarLeavesOutSubmittedAndUnselected(t *testing.T) {
	d := selectedSample(t, "annual", forms.NewDate(2024, 10, 29))
	d.Selection.MarkSubmitted(forms.ItemReport, forms.NewDate(2024, 10, 31))
	var b bytes.Buffer
	if err := Calendar(&b, forms.Default(), d, time.Now()); err != nil {
		t.Fatal(err)
	}
	lines := strictParse(t, b.Bytes())
	var starts []string
	for _, l := range lines {
		if l.name == "DTSTART" {
			starts = append(starts, l.value)
		}
	}
	if fmt.Sprint(starts) != "[20241108]" {
		t.Errorf("starts %v (the submitted report's date should be gone)", starts)
	}
	d.Selection.Selected = false
	b.Reset()
	_ = Calendar(&b, forms.Default(), d, time.Now())
	if strings.Contains(b.String(), "VEVENT") {
		t.Error("events for an unselected draft")
	}
	strictParse(t, b.Bytes())
}

// Only a speech competition sub-venue owes its results: the calendar of
// every other category leaves them out.
func TestCalendarDutiesOfOwnCategory(t *testing.T) {
	for _, cat := range forms.Default().Categories {
		d := selectedSample(t, cat.ID, forms.NewDate(2024, 12, 28))
		var b bytes.Buffer
		if err := Calendar(&b, forms.Default(), d, time.Date(2024, 12, 20, 8, 30, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		has := strings.Contains(strings.ReplaceAll(b.String(), "\r\n ", ""), "演讲比赛分赛场成绩")
		if want := cat.ID == "speech" && d.Venue != "final"; has != want {
			t.Errorf("%s: the calendar lists the sub-venue results: %v, want %v", cat.ID, has, want)
		}
	}
}
