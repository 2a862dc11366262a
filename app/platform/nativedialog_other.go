//go:build !windows && !darwin

package platform

// SystemDialog is the system's own file and folder dialog, nil where the
// window keeps Fyne's: on Linux (and elsewhere) sqweek/dialog would use
// GTK, a second toolkit and its development packages for the build, and
// look no more native in Fyne's window.
var SystemDialog NativeDialog
