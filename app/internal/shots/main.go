// Command shots opens the window of 申报助手 without the command-line part,
// for screenshots and start-up measurements (see docs/window.md): run it
// with SHENBAO_SCREENSHOT=start|picker|form|review.
package main

import (
	fyneapp "fyne.io/fyne/v2/app"

	"shenbao/app"
)

func main() {
	app.Run(fyneapp.NewWithID("cn.org.jlsat.shenbao"), nil)
}
