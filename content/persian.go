package content

import (
	"strings"

	"rtlview/bidi/shape"
)

// Persian letters and digits: the one place that says which letters join
// the next one and how Persian writes digits and numbers. The ZWNJ repair
// (repair.go), entity recognition (content/entities) and the reader use
// these, so that they cannot drift apart.

// JoinsNext reports whether the letter r connects to the letter after it
// in logical order, so that a ZWNJ between the two makes a visible break.
// It reads the Unicode Joining_Type (ArabicShaping.txt, through
// shape.JoiningType), the property the shaper itself draws by:
//
//   - D (Dual_Joining: ب س ل ک گ ی ه ...) and C (Join_Causing: tatweel,
//     ZWJ) connect on both sides, so to the next letter too;
//   - L (Left_Joining) connects to the next letter only (no Arabic-script
//     letter has it, but the property says so);
//   - R (Right_Joining: ا آ د ذ ر ز ژ و ؤ ة ۀ ...) connects only to the
//     letter before it: «کالاها» has no join to break after ا;
//   - U (Non_Joining: hamza ء, digits, spaces, ZWNJ) connects to neither;
//   - T (Transparent: harakat and other marks) is skipped by the shaper
//     when it looks for neighbours and joins nothing by itself: the
//     caller asks about the letter the marks sit on.
func JoinsNext(r rune) bool {
	switch shape.JoiningType(r) {
	case shape.DualJoining, shape.JoinCausing, shape.LeftJoining:
		return true
	}
	return false
}

// PersianDigits returns s with each ASCII digit 0-9 written as the
// Extended Arabic-Indic (Persian) digit ۰-۹ (U+06F0-U+06F9); every other
// character is kept. Fold maps them back.
func PersianDigits(s string) string {
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	var b strings.Builder
	b.Grow(2 * len(s))
	for _, r := range s {
		if '0' <= r && r <= '9' {
			r += '۰' - '0'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// PersianNumber writes a whole number given in ASCII digits, such as the
// canonical value of a number entity, the way a Persian reader writes it:
// in Persian digits with the thousands grouped by U+066C ARABIC THOUSANDS
// SEPARATOR, «۱٬۲۳۴٬۵۶۷». That is the CLDR format of the fa locale, what
// golang.org/x/text/message prints for language.Persian (the tests check
// that they agree); this function takes digit strings of any length and
// keeps leading zeros, and costs one allocation. A string that is not
// made of ASCII digits alone («12.5», «-3», "") is returned unchanged.
func PersianNumber(s string) string {
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return s
	}
	var b strings.Builder
	b.Grow(2*len(s) + 2*(len(s)-1)/3)
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune('\u066C')
		}
		b.WriteRune('۰' + rune(s[i]-'0'))
	}
	return b.String()
}
