package entities

import "testing"

// Common Persian spellings of the same name give the same canonical name.
func TestSpellingVariants(t *testing.T) {
	for _, tc := range []struct{ text, canonical string }{
		{"امانوئل ماکرون دیروز گفت", "امانوئل ماکرون"},
		{"امانوئل مکرون دیروز گفت", "امانوئل ماکرون"},
		{"مکرون دیروز گفت", "امانوئل ماکرون"},
		{"اولاف شولتز دیروز گفت", "اولاف شولتس"},
		{"شولتز دیروز گفت", "اولاف شولتس"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			es := Recognize(tc.text)
			if len(es) == 0 || es[0].Kind != PER || es[0].Start != 0 || es[0].Canonical != tc.canonical {
				t.Errorf("%+v, want PER %s at 0", es, tc.canonical)
			}
		})
	}
}
