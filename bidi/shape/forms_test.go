package shape

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// articleLetters lists every letter of the embedded article with its
// presentation forms, written out by hand from the Unicode code charts
// "Arabic Presentation Forms-B" (U+FE70-FEFF) and "Arabic Presentation
// Forms-A" (U+FB50-FDFF). 0 marks a position the letter cannot take:
// Right_Joining letters have no initial or medial form.
// TestArticleLetterNames checks each entry against the character names in
// UnicodeData.txt, not against the generated tables.
var articleLetters = []struct {
	base                   rune
	iso, fin, init, medial rune
}{
	{0x0622, 0xFE81, 0xFE82, 0, 0},           // آ ALEF WITH MADDA ABOVE
	{0x0623, 0xFE83, 0xFE84, 0, 0},           // أ ALEF WITH HAMZA ABOVE
	{0x0626, 0xFE89, 0xFE8A, 0xFE8B, 0xFE8C}, // ئ YEH WITH HAMZA ABOVE
	{0x0627, 0xFE8D, 0xFE8E, 0, 0},           // ا ALEF
	{0x0628, 0xFE8F, 0xFE90, 0xFE91, 0xFE92}, // ب BEH
	{0x062A, 0xFE95, 0xFE96, 0xFE97, 0xFE98}, // ت TEH
	{0x062B, 0xFE99, 0xFE9A, 0xFE9B, 0xFE9C}, // ث THEH
	{0x062C, 0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0}, // ج JEEM
	{0x062D, 0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4}, // ح HAH
	{0x062E, 0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8}, // خ KHAH
	{0x062F, 0xFEA9, 0xFEAA, 0, 0},           // د DAL
	{0x0630, 0xFEAB, 0xFEAC, 0, 0},           // ذ THAL
	{0x0631, 0xFEAD, 0xFEAE, 0, 0},           // ر REH
	{0x0632, 0xFEAF, 0xFEB0, 0, 0},           // ز ZAIN
	{0x0633, 0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4}, // س SEEN
	{0x0634, 0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8}, // ش SHEEN
	{0x0635, 0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC}, // ص SAD
	{0x0636, 0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0}, // ض DAD
	{0x0637, 0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4}, // ط TAH
	{0x0638, 0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8}, // ظ ZAH
	{0x0639, 0xFEC9, 0xFECA, 0xFECB, 0xFECC}, // ع AIN
	{0x063A, 0xFECD, 0xFECE, 0xFECF, 0xFED0}, // غ GHAIN
	{0x0641, 0xFED1, 0xFED2, 0xFED3, 0xFED4}, // ف FEH
	{0x0642, 0xFED5, 0xFED6, 0xFED7, 0xFED8}, // ق QAF
	{0x0644, 0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0}, // ل LAM
	{0x0645, 0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4}, // م MEEM
	{0x0646, 0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8}, // ن NOON
	{0x0647, 0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC}, // ه HEH
	{0x0648, 0xFEED, 0xFEEE, 0, 0},           // و WAW
	{0x064A, 0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4}, // ي YEH (Arabic)
	{0x067E, 0xFB56, 0xFB57, 0xFB58, 0xFB59}, // پ PEH
	{0x0686, 0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D}, // چ TCHEH
	{0x0698, 0xFB8A, 0xFB8B, 0, 0},           // ژ JEH
	{0x06A9, 0xFB8E, 0xFB8F, 0xFB90, 0xFB91}, // ک KEHEH (Persian kaf), not kaf U+FED9-FEDC
	{0x06AF, 0xFB92, 0xFB93, 0xFB94, 0xFB95}, // گ GAF
	{0x06CC, 0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF}, // ی FARSI YEH, not yeh U+FEF1-FEF4
}

const tatweel = 0x0640

// Each letter in each position, made by tatweel (Join_Causing, drawn
// unchanged) and by a dual-joining letter (beh) on either side. A
// Right_Joining letter asked to join after itself cannot: it stays
// isolated, or final when something joins it before.
func TestArticleLettersAllPositions(t *testing.T) {
	for _, l := range articleLetters {
		t.Run(fmt.Sprintf("%U", l.base), func(t *testing.T) {
			ini, med := l.init, l.medial
			if ini == 0 { // Right_Joining
				ini, med = l.iso, l.fin
			}
			for _, c := range []rune{tatweel, 0x0628} {
				tests := []struct {
					pos  string
					in   []rune
					want rune
					at   int
				}{
					{"isolated", []rune{l.base}, l.iso, 0},
					{"final", []rune{c, l.base}, l.fin, 1},
					{"initial", []rune{l.base, c}, ini, 0},
					{"medial", []rune{c, l.base, c}, med, 1},
				}
				for _, tt := range tests {
					got := Forms(tt.in, nil)
					if len(got) != len(tt.in) || got[tt.at] != tt.want {
						t.Errorf("%U %s (%q): Forms = %U; want %U at %d", l.base, tt.pos, string(tt.in), got, tt.want, tt.at)
					}
				}
			}
		})
	}
}

// The hand-written table agrees with the character names in
// UnicodeData.txt: U+FE91 is "ARABIC LETTER BEH INITIAL FORM" and so on.
func TestArticleLetterNames(t *testing.T) {
	d := loadUCD(t)
	for _, l := range articleLetters {
		name, ok := strings.CutPrefix(d.chars[l.base].name, "ARABIC LETTER ")
		if !ok {
			t.Errorf("%U: %q is not an Arabic letter", l.base, d.chars[l.base].name)
			continue
		}
		for _, f := range []struct {
			r   rune
			pos string
		}{{l.iso, "ISOLATED"}, {l.fin, "FINAL"}, {l.init, "INITIAL"}, {l.medial, "MEDIAL"}} {
			if f.r == 0 {
				continue
			}
			want := "ARABIC LETTER " + name + " " + f.pos + " FORM"
			if got := d.chars[f.r].name; got != want {
				t.Errorf("%U %s form %U is named %q; want %q", l.base, f.pos, f.r, got, want)
			}
		}
	}
}

// Every letter that occurs in the embedded article is in the table above.
func TestArticleLettersCovered(t *testing.T) {
	text, err := os.ReadFile("../../content/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	have := map[rune]bool{}
	for _, l := range articleLetters {
		have[l.base] = true
	}
	seen := map[rune]bool{}
	for _, r := range string(text) {
		switch JoiningType(r) {
		case RightJoining, LeftJoining, DualJoining:
			if !have[r] && !seen[r] {
				t.Errorf("article letter %U %q is not in articleLetters", r, r)
			}
			seen[r] = true
		}
	}
	if len(seen) < 30 {
		t.Errorf("only %d joining letters found in the article; is it the Persian one?", len(seen))
	}
}

// Letters without presentation forms are passed through in every position,
// and the letters around them do not join them: the terminal would draw
// them isolated.
func TestLettersWithoutForms(t *testing.T) {
	for _, r := range []rune{
		0x0620, // DOTLESS YEH WITH SEPARATE RING BELOW (D)
		0x066E, // DOTLESS BEH (D)
		0x06FA, // SHEEN WITH DOT BELOW (D)
		0x0712, // SYRIAC LETTER BETH (D)
		0x07CA, // NKO LETTER A (D)
		0x08A0, // BEH WITH SMALL V BELOW (D)
		0x1820, // MONGOLIAN LETTER A (D)
	} {
		in := []rune{0x0628, r, 0x0628}
		want := []rune{0xFE8F, r, 0xFE8F}
		if got := Forms(in, nil); !slices.Equal(got, want) {
			t.Errorf("Forms(%U) = %U; want %U", in, got, want)
		}
	}
}
