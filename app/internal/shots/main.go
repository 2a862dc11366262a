//go:build shots

// Command shots opens the window of 申报助手 without the command-line part,
// for screenshots and start-up measurements (see docs/window.md): run it
// with SHENBAO_SCREENSHOT=start|picker|form|review. Build it with the tag
// shots (go build -tags 'no_emoji shots' ./app/internal/shots): the code
// it runs (app/shots.go, app/session.go) is left out of the shipped program.
//
// With SHENBAO_SCREENSHOT=session it first runs itself once more, with
// SHENBAO_SESSION_PHOTOS_WRITE set, to write the session's photos in
// another process: making them is not counted in the session's memory.
package main

import (
	"fmt"
	"os"
	"os/exec"

	fyneapp "fyne.io/fyne/v2/app"

	"shenbao/app"
)

const writePhotosEnv = "SHENBAO_SESSION_PHOTOS_WRITE"

func main() {
	if dir := os.Getenv(writePhotosEnv); dir != "" {
		if _, err := app.WriteSessionPhotos(dir); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if os.Getenv("SHENBAO_SCREENSHOT") == "session" && os.Getenv(app.SessionPhotosEnv) == "" {
		dir, err := os.MkdirTemp("", "session-photos")
		if err == nil {
			defer os.RemoveAll(dir)
			c := exec.Command(os.Args[0])
			c.Env = append(os.Environ(), writePhotosEnv+"="+dir)
			c.Stderr = os.Stderr
			if err := c.Run(); err == nil {
				os.Setenv(app.SessionPhotosEnv, dir)
			}
		}
	}
	app.Run(fyneapp.NewWithID("cn.org.jlsat.shenbao"), nil)
}
