package aftercare

import (
	"fmt"
	"io"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"shenbao/forms"
)

// Calendar writes the due dates of a selected draft as an iCalendar file
// (RFC 5545) that Outlook, Apple Calendar and other calendars import: one
// all-day event per due date still outstanding (DTSTART;VALUE=DATE, DTEND
// the next day), listing the items due, with two reminders (9:00 the day
// before and 9:00 on the day). UIDs are stable per draft and due date, so
// importing the file again after a change updates the events instead of
// doubling them. Lines end with CRLF and are folded at 75 octets without
// splitting a character (golang-ical). A draft that is not selected, or
// has no end date, gives a calendar without events.
func Calendar(w io.Writer, call *forms.Call, d *forms.Draft, now time.Time) error {
	cal := ics.NewCalendarFor("申报助手")
	cal.SetProductId("-//shenbao//申报助手//ZH")
	cal.SetMethod(ics.MethodPublish)
	cal.SetCalscale("GREGORIAN")
	cal.SetXWRCalName("申报助手：" + d.Project.Name)
	for _, g := range forms.DueGroups(call, d) {
		open := g.Outstanding()
		if len(open) == 0 {
			continue
		}
		names := make([]string, len(open))
		for i, it := range open {
			names[i] = it.Name
		}
		ev := cal.AddEvent(EventUID(d, g))
		ev.SetDtStampTime(now)
		ev.SetAllDayStartAt(g.Due.Time())
		ev.SetAllDayEndAt(g.Due.AddDays(1).Time())
		ev.SetSummary(fmt.Sprintf("报送截止：%s（%s）", strings.Join(names, "、"), d.Project.Name))
		ev.SetDescription(eventDescription(call, d, g, names))
		ev.SetTimeTransparency(ics.TransparencyTransparent)
		for _, r := range []struct{ trigger, text string }{
			{"-PT15H", "明天截止报送：" + strings.Join(names, "、")},
			{"PT9H", "今天截止报送：" + strings.Join(names, "、")},
		} {
			a := ev.AddAlarm()
			a.SetAction(ics.ActionDisplay)
			a.SetTrigger(r.trigger)
			a.SetProperty(ics.ComponentPropertyDescription, r.text)
		}
	}
	return cal.SerializeTo(w, ics.WithNewLineWindows)
}

// EventUID is the stable UID of a due date's event.
func EventUID(d *forms.Draft, g forms.DueGroup) string {
	id := d.ID
	if id == "" {
		id = forms.ContentHash(d)
	}
	if g.Months > 0 {
		return fmt.Sprintf("%s-after-%dm@shenbao", id, g.Months)
	}
	return fmt.Sprintf("%s-after-%dd@shenbao", id, g.Days)
}

func eventDescription(call *forms.Call, d *forms.Draft, g forms.DueGroup, names []string) string {
	end, _ := d.EventEnd()
	var b strings.Builder
	fmt.Fprintf(&b, "项目：%s\n承办单位：%s\n", d.Project.Name, d.Applicant.Name)
	fmt.Fprintf(&b, "项目结束后%s（结束日期%s，截止%s）须报送：\n", g.Within, end.Chinese(), g.Due.Chinese())
	for _, n := range names {
		fmt.Fprintf(&b, "· %s\n", n)
	}
	c := call.Contact
	fmt.Fprintf(&b, "报送至：%s", c.Department)
	if c.Person != "" || c.Phone != "" {
		fmt.Fprintf(&b, "（%s %s）", c.Person, c.Phone)
	}
	if c.Email != "" {
		fmt.Fprintf(&b, "，邮箱 %s", c.Email)
	}
	b.WriteString("\n依据：通知 " + call.Clauses.AfterEvent)
	return b.String()
}
