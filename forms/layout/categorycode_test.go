package layout

import (
	"os"
	"strings"
	"testing"

	"shenbao/forms"
)

// A category with a group and a code (项目编号) is printed with them; a
// call without codes prints the name alone, as before.
func TestCategoryTextWithCode(t *testing.T) {
	data, err := os.ReadFile("../calls/2024/" + forms.CallFileName)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "id = \"forum\"\n", "id = \"forum\"\ngroup = \"forums\"\ncode = \"2024-2-1\"\n", 1) +
		"\n[[category_groups]]\nid = \"forums\"\ncode = \"2024-2\"\nname = \"学术论坛\"\n"
	call, err := forms.ParseCall("call.toml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	d := &forms.Draft{Category: "forum"}
	name := call.Category("forum").Name
	if got, want := CategoryText(call, d), "学术论坛·"+name+"（项目编号：2024-2-1）"; got != want {
		t.Errorf("CategoryText = %q, want %q", got, want)
	}
	if got := CategoryText(forms.Default(), d); got != name {
		t.Errorf("2024 call: CategoryText = %q, want the name alone %q", got, name)
	}
}
