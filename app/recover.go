package app

import (
	"fmt"
	"log"
	"runtime/debug"

	"shenbao/forms/usererr"
)

// guard runs an input handler of the form. A panic in it (a bug, or input
// nobody foresaw) must not close the window and lose what was typed: it is
// recovered, logged with its stack, the draft as it is in memory is written
// to the autosave side file, and the user is told, in Chinese, that the text
// is kept and where.
func (f *formScreen) guard(what string, handler func()) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		log.Printf("panic in %s: %v\n%s", what, r, debug.Stack())
		saved := f.rescue()
		f.u.showError("程序出错", usererr.New(usererr.Unknown, f.path, fmt.Errorf("panic: %v", r), "处理“%s”时程序出错（%v），这次输入可能没有生效。%s请记下出错前的操作并告诉开发者。", what, r, saved))
	}()
	handler()
}

// rescue writes the autosave side file after a panic, itself guarded
// against a second panic, and says in Chinese what it did.
func (f *formScreen) rescue() (said string) {
	defer func() {
		if r := recover(); r != nil {
			log.Printf("panic while rescuing the draft: %v", r)
			said = "自动备份也没能写入；请不要关闭窗口，先用“另存为”保存到别的文件夹。"
		}
	}()
	if err := writeAutosave(f.path, f.d); err != nil {
		return "自动备份没能写入（" + err.Error() + "）；请不要关闭窗口，先用“另存为”保存到别的文件夹。"
	}
	return "已输入的内容已写入自动备份 " + f.path + AutosaveSuffix + "，窗口中的内容没有丢失。"
}
