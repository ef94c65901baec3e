package shape

import (
	"slices"
	"testing"
)

// FuzzForms checks, on any input: Forms never panics and keeps one slot
// per rune; every slot holds the input rune, 0 (a dropped ZWNJ or an
// absorbed alef), a presentation form of that rune, or a lam-alef
// ligature in a lam's slot, as UnicodeData.txt defines them; Forms agrees
// with the naive reference implementation; Shape draws the same glyphs;
// and shaping does not join across a paragraph separator.
//
// Seeds: testdata/fuzz/FuzzForms and the context test inputs.
func FuzzForms(f *testing.F) {
	for _, tt := range contextTests {
		f.Add(tt.in)
	}
	s := loadRef(f)
	f.Fuzz(func(t *testing.T, in string) {
		text := []rune(in)
		got := Forms(text, nil)
		if len(got) != len(text) {
			t.Fatalf("len(Forms) = %d; len(text) = %d", len(got), len(text))
		}
		for i, r := range got {
			switch dec := s.d.formBase[r]; {
			case r == text[i]:
			case r == 0 && (text[i] == zwnj || s.lamAlf[text[i]] != [2]rune{}):
			case len(dec) == 1 && dec[0] == text[i]:
			case len(dec) == 2 && text[i] == lam && dec[0] == lam:
			default:
				t.Fatalf("Forms(%U)[%d] = %U is not a form of %U", text, i, r, text[i])
			}
		}
		if want := s.shape(text); !slices.Equal(got, want) {
			t.Fatalf("Forms(%U) =\n\t%U; reference\n\t%U", text, got, want)
		}

		glyphs := Shape(text)
		drawn := slices.DeleteFunc(slices.Clone(got), func(r rune) bool { return r == 0 })
		if len(glyphs) != len(drawn) {
			t.Fatalf("Shape(%U) has %d glyphs; Forms draws %d", text, len(glyphs), len(drawn))
		}
		for k, g := range glyphs {
			if g.Rune != drawn[k] || g.Start < 0 || g.End > len(text) || g.Start >= g.End || got[g.Start] != g.Rune {
				t.Fatalf("Shape(%U)[%d] = %+v; Forms %U", text, k, g, got)
			}
		}

		whole := Forms(slices.Concat(text, []rune{0x2029}, text), nil)
		if apart := slices.Concat(got, []rune{0x2029}, got); !slices.Equal(whole, apart) {
			t.Fatalf("%U joined across U+2029: %U; apart %U", text, whole, apart)
		}
	})
}
