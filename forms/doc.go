// Package forms holds everything the program knows about a call for
// applications and about one application: the call's rules as data (one
// embedded TOML file per year), the draft model, the checks that turn a draft
// into findings with Chinese messages citing the notice, the checks across
// drafts (quotas), and the draft files on disk (versioned JSON, atomic saves).
//
// It imports nothing from fyne.io: every rule is tested without a window, and
// the command-line tools and the document writers use it the same way the
// window does.
package forms
