package forms

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// funderWords are facts of a call (the funder, its province, its programme):
// they belong in the call file, never in the program's code.
var funderWords = regexp.MustCompile(`吉林|省科协|年会`)

// TestNoFunderInGoStrings fails on any Go string literal outside _test.go
// files that names the funder or the programme (吉林, 省科协, 年会): a call
// of another SAT must not print or check them. Comments may name them.
func TestNoFunderInGoStrings(t *testing.T) {
	root := ".."
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			switch e.Name() {
			case "third_party", "testdata", ".git", "node_modules":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		files++
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && funderWords.MatchString(lit.Value) {
				t.Errorf("%s: Go string names the funder or programme (%s): put it in the call file", fset.Position(lit.Pos()), funderWords.FindString(lit.Value))
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("walked only %d Go files from %s: the test is not looking at the program", files, root)
	}
}
