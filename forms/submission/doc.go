// Package submission builds the submission package (报送材料包) of one
// application: a folder named from the unit, the category and the project,
// and a .zip of it, holding the application as .docx and .pdf, a checklist
// PDF (报送清单) of what to seal, sign, e-mail and post, an envelope label
// page, and an e-mail draft (.eml) with the .docx attached — no e-mail draft
// for a confidential application (通知 二、4).
//
// Every fact printed (addresses, deadline, quotas, after-event duties) comes
// from the call's data (forms.Call), never from this package's code. The
// pieces are written to an io.Writer (WriteEML, WriteZip, Checklist and
// Envelope documents); Build puts them on disk. Names of files and folders
// are made safe for Windows by SafeName. The package imports nothing from
// fyne.io.
package submission
