// Command shenbao is 申报助手: it prepares an application for the Jilin
// Provincial Association for Science and Technology's academic-exchange
// projects. With no arguments it opens the window; with a command (check,
// sample, rules, export) it works headless.
package main

import (
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"shenbao/app"
	"shenbao/app/cli"
	"shenbao/assets"
)

// appID must match the ID in FyneApp.toml.
const appID = "cn.org.jlsat.shenbao"

func main() {
	if len(os.Args) > 1 {
		os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
	}
	a := fyneapp.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	app.Run(a)
}
