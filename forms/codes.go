package forms

import (
	"regexp"
	"strings"
)

// usccChars is the character set of the unified social credit code
// (GB 32100-2015): digits and upper-case letters without I, O, Z, S, V.
const usccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// USCCCheckChar computes the check character (the 18th) of the first 17
// characters of a unified social credit code. ok is false when the input
// has the wrong length or a character outside the code's set.
func USCCCheckChar(first17 string) (c byte, ok bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccChars, first17[i])
		if v < 0 {
			return 0, false
		}
		sum += v * usccWeights[i]
	}
	return usccChars[(31-sum%31)%31], true
}

// ValidUSCC reports whether s is an 18-character unified social credit code
// whose check character is right.
func ValidUSCC(s string) bool {
	if len(s) != 18 {
		return false
	}
	c, ok := USCCCheckChar(s[:17])
	return ok && c == s[17]
}

var (
	mobileRe   = regexp.MustCompile(`^1[3-9][0-9]{9}$`)
	landlineRe = regexp.MustCompile(`^0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?$`)
	postcodeRe = regexp.MustCompile(`^[0-9]{6}$`)
	emailRe    = regexp.MustCompile(`^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$`)
)

// ValidMobile reports whether s is an 11-digit mainland mobile number.
func ValidMobile(s string) bool { return mobileRe.MatchString(s) }

// ValidPhone reports whether s is a mobile number or a landline with area
// code (0431-85261411, optionally with an extension).
func ValidPhone(s string) bool { return mobileRe.MatchString(s) || landlineRe.MatchString(s) }

// ValidPostcode reports whether s is a 6-digit postcode.
func ValidPostcode(s string) bool { return postcodeRe.MatchString(s) }

// ValidEmail reports whether s has the shape of an e-mail address.
func ValidEmail(s string) bool { return emailRe.MatchString(s) }

// hasFullWidth reports whether s contains full-width ASCII forms, which
// Chinese input methods produce and which make codes and numbers invalid.
func hasFullWidth(s string) bool {
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E || r == 0x3000 {
			return true
		}
	}
	return false
}
