package shape

import (
	"slices"
	"testing"
)

// Expected forms are written by hand from the code charts (see
// articleLetters for the letters' forms). 0 means nothing is drawn.
var contextTests = []struct {
	name string
	in   string
	want []rune
}{
	{"empty", "", []rune{}},
	{"one letter", "ب", []rune{0xFE8F}},

	// Issue examples.
	{"تلاش: teh initial, lam-alef final, sheen isolated", "تلاش", []rune{0xFE97, 0xFEFC, 0, 0xFEB5}},
	{"نِچایف: the kasra stays after noon", "نِچایف", []rune{0xFEE7, 0x0650, 0xFB7D, 0xFE8E, 0xFBFE, 0xFED2}},
	{"می‌کند: ZWNJ splits and is dropped", "می\u200cکند", []rune{0xFEE3, 0xFBFD, 0, 0xFB90, 0xFEE8, 0xFEAA}},

	// Persian kaf and yeh keep their own forms.
	{"کی", "کی", []rune{0xFB90, 0xFBFD}},
	{"یکی", "یکی", []rune{0xFBFE, 0xFB91, 0xFBFD}},
	{"Arabic kaf and yeh", "كي", []rune{0xFEDB, 0xFEF2}},
	{"پژگچ", "پژگچ", []rune{0xFB58, 0xFB8B, 0xFB94, 0xFB7B}},

	// Lam-alef, all four alefs, isolated and final.
	{"لا", "لا", []rune{0xFEFB, 0}},
	{"بلا", "بلا", []rune{0xFE91, 0xFEFC, 0}},
	{"لآ", "لآ", []rune{0xFEF5, 0}},
	{"بلآ", "بلآ", []rune{0xFE91, 0xFEF6, 0}},
	{"لأ", "لأ", []rune{0xFEF7, 0}},
	{"بلأ", "بلأ", []rune{0xFE91, 0xFEF8, 0}},
	{"لإ", "لإ", []rune{0xFEF9, 0}},
	{"بلإ", "بلإ", []rune{0xFE91, 0xFEFA, 0}},
	{"alef before lam does not join it", "الا", []rune{0xFE8D, 0xFEFB, 0}},
	{"لالا", "لالا", []rune{0xFEFB, 0, 0xFEFB, 0}},
	{"ligature then letter", "لاب", []rune{0xFEFB, 0, 0xFE8F}},
	{"tatweel before lam-alef", "ـلا", []rune{0x0640, 0xFEFC, 0}},
	{"fatha between lam and alef", "لَا", []rune{0xFEFB, 0x064E, 0}},
	{"shadda and fatha between, lam joined before", "بلَّا", []rune{0xFE91, 0xFEFC, 0x064E, 0x0651, 0}},
	{"ZWNJ prevents the ligature", "ل\u200cا", []rune{0xFEDD, 0, 0xFE8D}},
	{"ZWJ prevents the ligature but joins", "ل\u200dا", []rune{0xFEDF, 0x200D, 0xFE8E}},
	{"alef wasla has no ligature", "لٱ", []rune{0xFEDF, 0xFB51}},
	{"lam before another letter", "لب", []rune{0xFEDF, 0xFE90}},

	// Transparent characters are skipped and stay where they are.
	{"mark first", "\u0650ب", []rune{0x0650, 0xFE8F}},
	{"marks between letters", "بَبُّ", []rune{0xFE91, 0x064E, 0xFE90, 0x064F, 0x0651}},
	{"mark after a right-joining letter", "دِب", []rune{0xFEA9, 0x0650, 0xFE8F}},
	{"combining mark of another script is transparent too", "ب\u0301ب", []rune{0xFE91, 0x0301, 0xFE90}},
	{"ZWSP is Cf, so transparent", "ب\u200bب", []rune{0xFE91, 0x200B, 0xFE90}},

	// ZWNJ.
	{"ZWNJ alone", "\u200c", []rune{0}},
	{"ZWNJ at the ends", "\u200cب\u200c", []rune{0, 0xFE8F, 0}},
	{"ZWNJ after a mark", "بِ\u200cب", []rune{0xFE8F, 0x0650, 0, 0xFE8F}},

	// Join_Causing: tatweel and ZWJ are kept and join.
	{"tatweel", "بـب", []rune{0xFE91, 0x0640, 0xFE90}},
	{"tatweel alone", "ـ", []rune{0x0640}},
	{"ZWJ after", "ب\u200d", []rune{0xFE91, 0x200D}},
	{"ZWJ before", "\u200dب", []rune{0x200D, 0xFE90}},
	{"ZWJ before a right-joining letter", "\u200dد", []rune{0x200D, 0xFEAA}},
	{"ZWJ after a right-joining letter does not make it initial", "د\u200d", []rune{0xFEA9, 0x200D}},
	{"ZWJ then alef", "ب\u200dا", []rune{0xFE91, 0x200D, 0xFE8E}},

	// Non-joining characters and other scripts break joining.
	{"space", "ب ب", []rune{0xFE8F, ' ', 0xFE8F}},
	{"Latin letter", "بaب", []rune{0xFE8F, 'a', 0xFE8F}},
	{"Persian digit", "ب۱ب", []rune{0xFE8F, 0x06F1, 0xFE8F}},
	{"Arabic comma", "ب،ب", []rune{0xFE8F, 0x060C, 0xFE8F}},
	{"hamza is non-joining", "بءب", []rune{0xFE8F, 0xFE80, 0xFE8F}},
	{"Syriac letter", "ب\u0712ب", []rune{0xFE8F, 0x0712, 0xFE8F}},
	{"Hebrew letter", "בב", []rune{0x05D1, 0x05D1}},
	{"presentation forms in the input are left alone", "\ufe91\ufe90", []rune{0xFE91, 0xFE90}},

	// Paragraph and line boundaries.
	{"paragraph separator", "ب\u2029ب", []rune{0xFE8F, 0x2029, 0xFE8F}},
	{"line feed", "ب\nب", []rune{0xFE8F, '\n', 0xFE8F}},
	{"carriage return", "ب\rب", []rune{0xFE8F, '\r', 0xFE8F}},
	{"next line", "ب\u0085ب", []rune{0xFE8F, 0x0085, 0xFE8F}},
	{"lam, newline, alef", "ل\nا", []rune{0xFEDD, '\n', 0xFE8D}},

	// Letters whose forms are incomplete: noon ghunna has only isolated and
	// final forms, so it does not join after itself; U+0677 has only an
	// isolated form.
	{"noon ghunna", "بںب", []rune{0xFE91, 0xFB9F, 0xFE8F}},
	{"U with hamza above", "ب\u0677", []rune{0xFE8F, 0xFBDD}},

	// Controls pass through (the layout shows them as placeholders); a NUL
	// stays 0.
	{"NUL and ESC", "ب\x00ب\x1bب", []rune{0xFE8F, 0, 0xFE8F, 0x1B, 0xFE8F}},

	// Invalid runes pass through.
	{"invalid runes", string([]rune{0xFFFD}) + "ب", []rune{0xFFFD, 0xFE8F}},
}

func TestForms(t *testing.T) {
	for _, tt := range contextTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Forms([]rune(tt.in), nil); !slices.Equal(got, tt.want) {
				t.Errorf("Forms(%q) =\n\t%U; want\n\t%U", tt.in, got, tt.want)
			}
		})
	}
}

func TestFormsInvalidRunes(t *testing.T) {
	in := []rune{-1, 0x0628, 0xD800, 0x0628, 0x110000}
	want := []rune{-1, 0xFE8F, 0xD800, 0xFE8F, 0x110000}
	if got := Forms(in, nil); !slices.Equal(got, want) {
		t.Errorf("Forms(%U) = %U; want %U", in, got, want)
	}
}

// Forms reuses dst and does not allocate when it is large enough.
func TestFormsReusesBuffer(t *testing.T) {
	in := []rune("به گزارش ایصال نیوز، رسانه‌های محلی")
	dst := make([]rune, 3, 100)
	dst[0] = 'x'
	got := Forms(in, dst)
	if &got[0] != &dst[0] {
		t.Error("Forms did not reuse dst")
	}
	if !slices.Equal(got, Forms(in, nil)) {
		t.Error("Forms with a reused buffer differs from Forms with nil")
	}
	if n := testing.AllocsPerRun(100, func() { got = Forms(in, got) }); n != 0 {
		t.Errorf("Forms allocates %v times with a large enough buffer", n)
	}
}

// Shaping is in logical order and does not reorder: the layout reorders
// afterwards. Two paragraphs shaped together or apart give the same forms.
func TestFormsParagraphsIndependent(t *testing.T) {
	a, b := []rune("سلام بر شما"), []rune("لا بد")
	whole := Forms(slices.Concat(a, []rune{0x2029}, b), nil)
	apart := slices.Concat(Forms(a, nil), []rune{0x2029}, Forms(b, nil))
	if !slices.Equal(whole, apart) {
		t.Errorf("shaped together %U; apart %U", whole, apart)
	}
}

func TestShape(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Glyph
	}{
		{"empty", "", []Glyph{}},
		{"تلاش: one lam-alef glyph for two runes", "تلاش", []Glyph{{0xFE97, 0, 1}, {0xFEFC, 1, 3}, {0xFEB5, 3, 4}}},
		{"نِچایف", "نِچایف", []Glyph{{0xFEE7, 0, 1}, {0x0650, 1, 2}, {0xFB7D, 2, 3}, {0xFE8E, 3, 4}, {0xFBFE, 4, 5}, {0xFED2, 5, 6}}},
		{"می‌کند: no glyph for the ZWNJ", "می\u200cکند", []Glyph{{0xFEE3, 0, 1}, {0xFBFD, 1, 2}, {0xFB90, 3, 4}, {0xFEE8, 4, 5}, {0xFEAA, 5, 6}}},
		{"mark inside a lam-alef", "لَا", []Glyph{{0xFEFB, 0, 3}, {0x064E, 1, 2}}},
		{"two marks inside, then a letter", "بلَّاب", []Glyph{{0xFE91, 0, 1}, {0xFEFC, 1, 5}, {0x064E, 2, 3}, {0x0651, 3, 4}, {0xFE8F, 5, 6}}},
		{"lam alone keeps one rune", "ل", []Glyph{{0xFEDD, 0, 1}}},
		{"Latin", "ab", []Glyph{{'a', 0, 1}, {'b', 1, 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Shape([]rune(tt.in)); !slices.Equal(got, tt.want) {
				t.Errorf("Shape(%q) =\n\t%v; want\n\t%v", tt.in, got, tt.want)
			}
		})
	}
}

// «تلاش» gives exactly one lam-alef glyph and nothing else for the alef:
// no U+FEFF placeholder (the fribidi CLI leaves one, see fribidi_test.go).
func TestTalashOneLigature(t *testing.T) {
	in := []rune("تلاش")
	ligatures := 0
	for _, g := range Shape(in) {
		if g.Rune == 0xFEFF || g.Rune == 0 {
			t.Errorf("Shape(%q) has glyph %U", string(in), g.Rune)
		}
		if g.Rune >= 0xFEF5 && g.Rune <= 0xFEFC {
			ligatures++
		}
	}
	if ligatures != 1 {
		t.Errorf("Shape(%q) has %d lam-alef glyphs; want 1", string(in), ligatures)
	}
	for _, r := range Forms(in, nil) {
		if r == 0xFEFF {
			t.Errorf("Forms(%q) has U+FEFF", string(in))
		}
	}
}

// «می‌کند» is two joined groups: each starts with an initial form and
// ends with a final form, with nothing but medial forms between them.
func TestZWNJTwoGroups(t *testing.T) {
	glyphs := Shape([]rune("می\u200cکند"))
	var groups [][]rune
	for _, g := range glyphs {
		switch g.Rune {
		case 0xFEE3, 0xFB90: // meem, keheh initial: a group starts
			groups = append(groups, []rune{g.Rune})
		default:
			if len(groups) == 0 {
				t.Fatalf("glyph %U before any initial form", g.Rune)
			}
			groups[len(groups)-1] = append(groups[len(groups)-1], g.Rune)
		}
	}
	want := [][]rune{{0xFEE3, 0xFBFD}, {0xFB90, 0xFEE8, 0xFEAA}}
	if !slices.EqualFunc(groups, want, slices.Equal) {
		t.Errorf("groups %U; want %U", groups, want)
	}
}
