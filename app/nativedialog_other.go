//go:build !windows && !darwin

package app

// systemDialog: on Linux (and elsewhere) the window keeps Fyne's dialog.
// sqweek/dialog would use GTK there, a second toolkit and its development
// packages for the build, and look no more native in Fyne's window.
var systemDialog nativeDialog
