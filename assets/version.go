package assets

// Version is the program's version. Builds made by `make release` and
// `make windows` set it to `git describe --tags --always --dirty` with
// -ldflags "-X shenbao/assets.Version=..."; a plain `go build` leaves "dev".
var Version = "dev"
