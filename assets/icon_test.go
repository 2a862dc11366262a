package assets

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// The icon is a square PNG big enough for every platform's largest size,
// with transparent corners, a blue square and the white glyph in the middle.
func TestIcon(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("Icon is not a PNG: %v", err)
	}
	b := img.Bounds()
	if b.Dx() != b.Dy() || b.Dx() < 512 {
		t.Fatalf("Icon is %dx%d, want a square of at least 512 px", b.Dx(), b.Dy())
	}
	s := b.Dx()
	at := func(fx, fy float64) (r, g, bl, a uint32) {
		r, g, bl, a = img.At(int(fx*float64(s)), int(fy*float64(s))).RGBA()
		return r >> 8, g >> 8, bl >> 8, a >> 8
	}
	if _, _, _, a := at(0.005, 0.005); a != 0 {
		t.Errorf("corner alpha %d, want transparent", a)
	}
	if r, g, bl, a := at(0.5, 0.08); a != 255 || bl < 150 || r > 100 || g > 160 {
		t.Errorf("top of the square is rgba(%d,%d,%d,%d), want opaque blue", r, g, bl, a)
	}
	if r, g, bl, a := at(0.5, 0.5); a != 255 || r < 240 || g < 240 || bl < 240 {
		t.Errorf("centre (the glyph's stroke) is rgba(%d,%d,%d,%d), want white", r, g, bl, a)
	}
}

// FyneApp.toml is what `fyne package` and the Windows resources read: it
// must name the app, use main.go's app ID and point at this icon.
func TestFyneAppToml(t *testing.T) {
	var meta struct {
		Details struct {
			Icon, Name, ID, Version string
			Build                   int
		}
	}
	if _, err := toml.DecodeFile("../FyneApp.toml", &meta); err != nil {
		t.Fatal(err)
	}
	d := meta.Details
	if d.Name != "申报助手" {
		t.Errorf("Name = %q, want 申报助手", d.Name)
	}
	mainGo, err := os.ReadFile("../main.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mainGo), `appID = "`+d.ID+`"`) {
		t.Errorf("ID %q is not main.go's appID", d.ID)
	}
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(d.Version) || d.Build < 1 {
		t.Errorf("Version %q Build %d: want x.y.z and a build number ≥ 1 (Windows file version x.y.z.build)", d.Version, d.Build)
	}
	icon, err := os.ReadFile("../" + d.Icon)
	if err != nil {
		t.Fatalf("Icon %q: %v", d.Icon, err)
	}
	if !bytes.Equal(icon, Icon) {
		t.Errorf("FyneApp.toml's Icon %q is not the embedded assets.Icon", d.Icon)
	}
	if _, _, err := image.DecodeConfig(bytes.NewReader(icon)); err != nil {
		t.Errorf("Icon %q: %v", d.Icon, err)
	}
}
