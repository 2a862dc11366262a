package app

import (
	"os"
	"path/filepath"
)

// Preference keys (fyne Preferences).
const (
	prefDraftsDir    = "draftsDir"    // the folder the start screen lists
	prefWindowWidth  = "windowWidth"  // the window's last size, logical px
	prefWindowHeight = "windowHeight" //
	prefSplitOffset  = "formSplit"    // the form | findings divider, 0–1
	prefWindowX      = "windowX"      // the window's last position, system px (Windows, X11)
	prefWindowY      = "windowY"      //
	prefWindowPlaced = "windowPlaced" // whether windowX/windowY hold a position
)

// draftsFolderName is the folder under the user's Documents where drafts go
// by default; trashFolderName is the subfolder deleted drafts move to.
const (
	draftsFolderName = "申报助手"
	trashFolderName  = "已删除的申报书"
)

// defaultDraftsDir is ~/Documents/申报助手 (on every platform the Documents
// folder is a folder a secretary can find).
func defaultDraftsDir() string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		home = "."
	}
	return filepath.Join(home, "Documents", draftsFolderName)
}
