package platform

import (
	"os"
	"runtime"
)

// NoDisplay says, in Chinese, why the window cannot open where that is
// known before trying: on Linux and the BSDs, a session with neither an X
// display nor a Wayland one (DISPLAY and WAYLAND_DISPLAY unset: a text
// console, an SSH login). Fyne would stop there with an English panic of
// its graphics library. It returns "" when a window may open; Windows and
// macOS always have one.
func NoDisplay() string {
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "android", "js":
		return ""
	}
	if os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != "" {
		return ""
	}
	return "无法打开申报助手的窗口：这里没有可用的图形显示（没有设置DISPLAY或WAYLAND_DISPLAY，例如在文字终端或远程登录中）。" +
		"请在桌面中启动申报助手；不开窗口时可以用命令行检查和导出草稿，见“shenbao help”。"
}
