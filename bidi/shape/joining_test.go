package shape

import (
	"fmt"
	"testing"

	xbidi "golang.org/x/text/unicode/bidi"
)

func TestUnicodeVersion(t *testing.T) {
	// The shaping tables and the bidi properties from x/text must describe
	// the same Unicode version, the one of testdata/ucd.
	if UnicodeVersion != xbidi.UnicodeVersion {
		t.Errorf("UnicodeVersion = %q; x/text's bidi tables are %q", UnicodeVersion, xbidi.UnicodeVersion)
	}
	if want := "15.0.0"; UnicodeVersion != want {
		t.Errorf("UnicodeVersion = %q; want %q", UnicodeVersion, want)
	}
}

// Values checked by hand against ArabicShaping.txt (listed entries) and
// UnicodeData.txt (general categories, for the derived ones).
func TestJoiningTypeExamples(t *testing.T) {
	tests := []struct {
		r    rune
		want Joining
	}{
		{'a', NonJoining},
		{' ', NonJoining},
		{-1, NonJoining},
		{0x110000, NonJoining},
		{0x00AD, Transparent},  // SOFT HYPHEN, Cf, derived
		{0x0301, Transparent},  // COMBINING ACUTE ACCENT, Mn, derived
		{0x0621, NonJoining},   // HAMZA, listed U
		{0x0622, RightJoining}, // ALEF WITH MADDA ABOVE
		{0x0627, RightJoining}, // ALEF
		{0x0628, DualJoining},  // BEH
		{0x0640, JoinCausing},  // TATWEEL
		{0x0644, DualJoining},  // LAM
		{0x0648, RightJoining}, // WAW
		{0x064E, Transparent},  // FATHA, Mn, derived
		{0x0650, Transparent},  // KASRA
		{0x0670, Transparent},  // SUPERSCRIPT ALEF
		{0x067E, DualJoining},  // PEH
		{0x0686, DualJoining},  // TCHEH
		{0x0698, RightJoining}, // JEH
		{0x06A9, DualJoining},  // KEHEH
		{0x06AF, DualJoining},  // GAF
		{0x06CC, DualJoining},  // FARSI YEH
		{0x06F1, NonJoining},   // EXTENDED ARABIC-INDIC DIGIT ONE
		{0x0710, RightJoining}, // SYRIAC LETTER ALAPH
		{0x0712, DualJoining},  // SYRIAC LETTER BETH
		{0x07CA, DualJoining},  // NKO LETTER A
		{0x07FA, JoinCausing},  // NKO LAJANYALAN
		{0x180A, JoinCausing},  // MONGOLIAN NIRUGU
		{0x1820, DualJoining},  // MONGOLIAN LETTER A
		{0xA872, LeftJoining},  // PHAGS-PA SUPERFIXED LETTER RA
		{0x200B, Transparent},  // ZERO WIDTH SPACE, Cf, derived
		{0x200C, NonJoining},   // ZWNJ, listed U
		{0x200D, JoinCausing},  // ZWJ, listed C
		{0x2029, NonJoining},   // PARAGRAPH SEPARATOR
		{0xFEFF, Transparent},  // ZERO WIDTH NO-BREAK SPACE, Cf, derived
		{0xFE8F, NonJoining},   // a presentation form joins nothing
		{0x10AC0, DualJoining}, // MANICHAEAN LETTER ALEPH
		{0xE0001, Transparent}, // LANGUAGE TAG, Cf
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%U", tt.r), func(t *testing.T) {
			if got := JoiningType(tt.r); got != tt.want {
				t.Errorf("JoiningType(%U) = %v; want %v", tt.r, got, tt.want)
			}
		})
	}
}

// Every code point, against the derivation read by the test itself.
func TestJoiningTypeAllCodePoints(t *testing.T) {
	d := loadUCD(t)
	bad := 0
	for r := rune(0); r <= 0x10FFFF; r++ {
		if got, want := JoiningType(r), d.derivedJoining(r); got != want {
			if bad++; bad <= 10 {
				t.Errorf("JoiningType(%U) = %v; want %v", r, got, want)
			}
		}
	}
	if bad > 10 {
		t.Errorf("... %d code points in all", bad)
	}
}

func TestJoiningString(t *testing.T) {
	for j, want := range map[Joining]string{NonJoining: "U", RightJoining: "R", LeftJoining: "L", DualJoining: "D", JoinCausing: "C", Transparent: "T", 6: "Joining(?)"} {
		if got := j.String(); got != want {
			t.Errorf("Joining(%d).String() = %q; want %q", j, got, want)
		}
	}
}
