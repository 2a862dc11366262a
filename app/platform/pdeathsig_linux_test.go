package platform

import (
	"os/exec"
	"syscall"
)

// dieWithTest has cmd killed when the test binary dies (a -timeout, a
// crash), which t.Cleanup would not see.
func dieWithTest(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
