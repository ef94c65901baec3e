package entities

import (
	"slices"
	"strings"
	"testing"
)

// TestMemoryCascade reproduces the cascade of issue 16.3: a name taken next
// to a title with a common word after it («دکتر علی نوبختی زمین را ...»)
// taught that word as a surname, and every later «زمین» of an
// encyclopaedic text standing apart became a person. With the guard
// (lists/common_words.txt) the common word is neither part of the name
// nor a surname: the person is found where the title is and by his whole
// name or surname later, and «زمین» is a person nowhere; a name whose last
// word is itself common («علی روحانی», a cleric) is found whole only.
func TestMemoryCascade(t *testing.T) {
	paras := []string{
		"دکتر علی نوبختی زمین را سیاره‌ای زنده می‌داند.",
		"زمین سومین سیاره منظومه شمسی است.",
		"سطح زمین را آب و خشکی پوشانده است و زمین تنها سیاره شناخته شده با حیات است.",
		"نوبختی در این باره کتابی نوشته است.",
		"شکل زمین کروی است و زمین به دور خورشید می‌گردد.",
	}
	got := Default().RecognizeAll(paras)
	var per []string
	for p, es := range got {
		for _, e := range es {
			if e.Kind == PER {
				per = append(per, strings.Join([]string{string(rune('0' + p)), e.Text}, ":"))
			}
		}
	}
	want := []string{"0:علی نوبختی", "3:نوبختی"}
	if strings.Join(per, " | ") != strings.Join(want, " | ") {
		t.Errorf("people: %q, want %q", per, want)
	}
	t.Run("a common surname is found whole only", func(t *testing.T) {
		got := Default().RecognizeAll([]string{"به گفته آقای علی روحانی، این پدیده کمتر دیده شده است.", "روحانی مسجد آمد و علی روحانی آن را ستود."})
		if g := show(got[1]); !slices.Equal(g, []string{"PER:علی روحانی"}) {
			t.Errorf("second paragraph: %q, want PER علی روحانی only", g)
		}
	})
}
