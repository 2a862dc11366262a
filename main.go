// Command shenbao is 申报助手: it prepares an application for the Jilin
// Provincial Association for Science and Technology's academic-exchange
// projects. With no arguments it opens the window; with a command (check,
// sample, rules, export, carry…) it works headless; "--call FILE" alone
// opens the window with that call file.
package main

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"shenbao/app"
	"shenbao/app/cli"
	"shenbao/app/platform"
	"shenbao/assets"
	"shenbao/forms"
)

// appID must match the ID in FyneApp.toml.
const appID = "cn.org.jlsat.shenbao"

func main() {
	var call *forms.Call
	switch {
	case len(os.Args) == 3 && os.Args[1] == "--call":
		// shenbao --call FILE: the window, with that call
		c, err := forms.LoadCallFile(os.Args[2])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(cli.ExitUnread)
		}
		call = c
	case len(os.Args) > 1:
		os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
	}
	if msg := platform.NoDisplay(); msg != "" {
		fmt.Fprintln(os.Stderr, msg)
		os.Exit(cli.ExitUnread)
	}
	a := fyneapp.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	app.Run(a, call)
}
