// Package aftercare holds what a selected project needs after the event that
// does not belong in the draft model itself: importing the information
// report's photos (checked by content, oriented, scaled, re-encoded and
// stored next to the draft), the due dates as an iCalendar file, and the
// report documents (information report, results, summary and review, final
// accounts) built as layout documents for the PDF and Word writers.
//
// Like package forms it imports nothing from fyne.io.
package aftercare
