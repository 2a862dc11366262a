package pdfdoc

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDump writes every sample's PDF into $SHENBAO_DUMP (for looking at
// pages while developing); without the variable it does nothing.
func TestDump(t *testing.T) {
	dir := os.Getenv("SHENBAO_DUMP")
	if dir == "" {
		return
	}
	for _, cat := range []string{"annual", "forum", "speech", "basic", "intl"} {
		if err := os.WriteFile(filepath.Join(dir, cat+".pdf"), samplePDF(t, cat), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
