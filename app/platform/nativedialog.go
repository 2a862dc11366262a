package platform

// FileRequest is what the user is asked to choose: a file of one kind, or
// a folder.
type FileRequest struct {
	Title  string   // the dialog's title, in Chinese
	Kind   string   // what the files are, e.g. "申报书草稿"
	Exts   []string // their extensions, with the dot; none: any file
	Dir    string   // the folder it opens in; "" for the default
	Folder bool     // a folder, not a file
}

// NativeDialog shows the system's dialog for req and waits for the user:
// the chosen path, or ok false when the dialog was cancelled; an error
// when it could not be shown (the window then shows Fyne's dialog).
type NativeDialog func(req FileRequest) (path string, ok bool, err error)
