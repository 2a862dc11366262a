package forms

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// ContentHash is a short hash of what the draft says, leaving out when it was
// created or saved: two files with the same content have the same hash.
func ContentHash(d *Draft) string {
	c := *d
	c.CreatedAt, c.UpdatedAt = time.Time{}, time.Time{}
	b, err := Marshal(&c)
	if err != nil {
		return "00000000"
	}
	sum := sha256.Sum256(b)
	return strings.ToUpper(hex.EncodeToString(sum[:4]))
}

// Fingerprint is the line printed at the foot of every page of the PDF and
// the .docx, identical in both, so the sealed paper copy can be matched to
// the e-mailed Word file: the content hash and the generation time.
func Fingerprint(d *Draft, generated time.Time) string {
	h := ContentHash(d)
	return fmt.Sprintf("文档指纹 %s-%s · 生成于 %s", h[:4], h[4:], generated.Format("2006-01-02 15:04"))
}
