package assets

// Version is the program's version. `make windows` and `make release` set it
// to `git describe --tags --always --dirty` with
// -ldflags "-X shenbao/assets.Version=..."; a plain `go build` leaves "dev".
var Version = "dev"

// init turns an empty -X value into "dev". Being always reachable, it also
// keeps Version in the binary even before any code displays it (the linker
// drops unreferenced variables, and -X with them).
func init() {
	if Version == "" {
		Version = "dev"
	}
}
