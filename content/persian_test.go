package content

import (
	"fmt"
	"math"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

func TestJoinsNext(t *testing.T) {
	tests := []struct {
		letters string
		want    bool
	}{
		// D: dual joining.
		{"بپتثجچحخسشصضطظعغفقکگلمنهیيكئ", true},
		// C: tatweel and ZWJ.
		{"\u0640\u200d", true},
		// R: the letters that join only the letter before them. ة and ۀ
		// are among them (two hand-written lists had them as joining).
		{"اآأإٱدذرزژوؤةۀ", false},
		// U: hamza, digits, punctuation, ZWNJ, Latin.
		{"ء۱1،. \u200ca", false},
		// T: marks.
		{"\u064e\u0650\u0651\u0670", false},
	}
	for _, tc := range tests {
		for _, r := range tc.letters {
			t.Run(fmt.Sprintf("%c U+%04X", r, r), func(t *testing.T) {
				if got := JoinsNext(r); got != tc.want {
					t.Errorf("JoinsNext(%q) = %v, want %v", r, got, tc.want)
				}
			})
		}
	}
}

func TestPersianDigits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"1401/05/24 09:14", "۱۴۰۱/۰۵/۲۴ ۰۹:۱۴"},
		{"0123456789", "۰۱۲۳۴۵۶۷۸۹"},
		{"سال 2025 و ۱۴۰۴", "سال ۲۰۲۵ و ۱۴۰۴"},
		{"no digits", "no digits"},
		{"a\xffb1", "a\ufffdb۱"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := PersianDigits(tc.in)
			if got != tc.want {
				t.Errorf("PersianDigits(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if tc.in == tc.want {
				return
			}
			// Fold maps the digits back.
			if back, want := FoldString(got), FoldString(tc.in); back != want {
				t.Errorf("FoldString(%q) = %q, want %q", got, back, want)
			}
		})
	}
}

func TestPersianNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"73", "۷۳"},
		{"2", "۲"},
		{"0", "۰"},
		{"999", "۹۹۹"},
		{"1000", "۱٬۰۰۰"},
		{"100000", "۱۰۰٬۰۰۰"},
		{"1234567", "۱٬۲۳۴٬۵۶۷"},
		{"007", "۰۰۷"}, // as written: leading zeros kept
		{"123456789012345678901234", "۱۲۳٬۴۵۶٬۷۸۹٬۰۱۲٬۳۴۵٬۶۷۸٬۹۰۱٬۲۳۴"}, // beyond int64
		{"12.5", "12.5"}, // not plain digits: left alone
		{"-3", "-3"},
		{"۱۲", "۱۲"},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := PersianNumber(tc.in); got != tc.want {
				t.Errorf("PersianNumber(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestPersianNumberCLDR: PersianNumber writes a whole number as x/text
// formats it for the fa locale (CLDR: Persian digits, U+066C between the
// groups of three). x/text is not used by PersianNumber itself: it takes
// only int64 values, drops leading zeros, and a Printer costs far more.
func TestPersianNumberCLDR(t *testing.T) {
	p := message.NewPrinter(language.Persian)
	var n uint64 = 1
	for k := 0; k < 19; k++ {
		for _, v := range []uint64{n - 1, n, 7 * n, n*10 - 1} {
			if v > math.MaxInt64 {
				continue
			}
			s := fmt.Sprint(v)
			if got, want := PersianNumber(s), p.Sprint(number.Decimal(int64(v))); got != want {
				t.Errorf("PersianNumber(%s) = %q, x/text for fa %q", s, got, want)
			}
		}
		n *= 10
	}
	if got, want := PersianNumber(fmt.Sprint(int64(math.MaxInt64))), p.Sprint(number.Decimal(int64(math.MaxInt64))); got != want {
		t.Errorf("PersianNumber(MaxInt64) = %q, x/text for fa %q", got, want)
	}
}

func TestStemAndEnding(t *testing.T) {
	tests := []struct {
		s             string
		present, past bool
	}{
		{"کند", true, false},
		{"گویند", true, false},
		{"کرد", false, true},
		{"گفتند", false, true},
		{"کرده", false, true},  // the participle
		{"کنه", false, false},  // a present stem takes no ه
		{"کن", false, false},   // nor stands alone
		{"توانند", true, true}, // توان is both
		{"توان", false, true},  // «میتوان»
		{"دانی", true, false},  // the repair and the person rule decide what to make of it
		{"ماند", true, true},   // مان + د, and the past stem
		{"لیون", false, false}, // «میلیون»
		{"دان", false, false},  // «میدان»
		{"ز", false, false},    // «میز»
		{"", false, false},
		{"كند", false, false}, // Arabic kaf: fold first
	}
	for _, tc := range tests {
		t.Run(tc.s, func(t *testing.T) {
			p, q := StemAndEnding(tc.s)
			if p != tc.present || q != tc.past {
				t.Errorf("StemAndEnding(%q) = %v, %v; want %v, %v", tc.s, p, q, tc.present, tc.past)
			}
		})
	}
}

// The verb lists hold each stem also folded, so that text folded for
// matching (entities) and text with its Persian letters (the repair) both
// find them.
func TestVerbListsFolded(t *testing.T) {
	for name, set := range map[string]map[string]bool{"presentStems": presentStems(), "pastStems": pastStems()} {
		for w := range set {
			if f := FoldString(w); !set[f] && f != "ا" {
				t.Errorf("%s: %q folds to %q, not in the list", name, w, f)
			}
		}
	}
	for _, tc := range []struct {
		w             string
		present, past bool
	}{
		{"آمد", false, true}, {"امد", false, true}, {"آمدند", false, true}, {"امدند", false, true},
		{"آید", true, false}, {"اید", true, false}, {"آورد", true, true}, {"اورد", true, true},
		{"ام", false, false}, // ا alone is no stem: «نام» is no verb
	} {
		p, q := StemAndEnding(tc.w)
		if p != tc.present || q != tc.past {
			t.Errorf("StemAndEnding(%q) = %v, %v; want %v, %v", tc.w, p, q, tc.present, tc.past)
		}
	}
	for _, e := range verbEndings {
		if f := FoldString(e); f != e {
			t.Errorf("verbEndings: %q folds to %q", e, f)
		}
	}
}
