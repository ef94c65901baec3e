package shape

import (
	"os"
	"slices"
	"sync"
	"testing"
)

// refShaper is a second, deliberately naive implementation of the rules in
// the package comment, built by the test from UnicodeData.txt and
// ArabicShaping.txt: for every character it scans outwards for its
// neighbours (O(n²) at worst). Forms, a single pass over generated tables,
// must agree with it on every input (the fuzz target checks that).
type refShaper struct {
	d      *ucdData
	forms  map[rune][4]rune // letter -> isolated, final, initial, medial
	lamAlf map[rune][2]rune // alef -> ligature with lam, isolated and final
}

var (
	refOnce sync.Once
	ref     refShaper
)

func loadRef(tb testing.TB) *refShaper {
	d := loadUCD(tb)
	refOnce.Do(func() {
		ref = refShaper{d: d, forms: map[rune][4]rune{}, lamAlf: map[rune][2]rune{}}
		pos := map[string]int{"<isolated>": 0, "<final>": 1, "<initial>": 2, "<medial>": 3}
		for form, dec := range d.formBase {
			p := pos[d.chars[form].tag]
			switch {
			case len(dec) == 1:
				f := ref.forms[dec[0]]
				f[p] = form
				ref.forms[dec[0]] = f
			case len(dec) == 2 && dec[0] == 0x0644 && d.groups[dec[1]] == "ALEF":
				l := ref.lamAlf[dec[1]]
				l[p] = form // isolated (0) or final (1)
				ref.lamAlf[dec[1]] = l
			}
		}
	})
	return &ref
}

// class is the Joining_Type, narrowed to the positions the letter has a
// form for: joining before needs a final form, joining after an initial
// and a medial one.
func (s *refShaper) class(r rune) Joining {
	t := s.d.derivedJoining(r)
	switch t {
	case Transparent, JoinCausing, NonJoining:
		return t
	}
	f := s.forms[r]
	canBefore := f[1] != 0 && (t == RightJoining || t == DualJoining)
	canAfter := f[2] != 0 && f[3] != 0 && t == DualJoining
	switch {
	case canBefore && canAfter:
		return DualJoining
	case canBefore:
		return RightJoining
	}
	return NonJoining
}

func (s *refShaper) shape(text []rune) []rune {
	out := slices.Clone(text)
	neighbour := func(i, step int) int {
		for j := i + step; j >= 0 && j < len(text); j += step {
			if s.class(text[j]) != Transparent {
				return j
			}
		}
		return -1
	}
	joined := func(a, b int) bool { // a before b, both valid indices
		return a >= 0 && b >= 0 && joinsAfter(s.class(text[a])) && joinsBefore(s.class(text[b]))
	}
	for i, r := range text {
		if s.class(r) == Transparent {
			continue
		}
		if r == 0x200C {
			out[i] = 0
			continue
		}
		p, n := neighbour(i, -1), neighbour(i, +1)
		before, after := joined(p, i), joined(i, n)
		if r == 0x0644 && after {
			if l, ok := s.lamAlf[text[n]]; ok {
				out[i] = l[b2i(before)]
				continue
			}
		}
		if _, ok := s.lamAlf[r]; ok && before && text[p] == 0x0644 {
			out[i] = 0
			continue
		}
		pos := 0
		switch {
		case before && after:
			pos = 3
		case before:
			pos = 1
		case after:
			pos = 2
		}
		if f := s.forms[r][pos]; f != 0 {
			out[i] = f
		}
	}
	return out
}

func TestFormsMatchesReference(t *testing.T) {
	s := loadRef(t)
	article, err := os.ReadFile("../../content/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	inputs := []struct{ name, in string }{{"article", string(article)}}
	for _, tt := range contextTests {
		inputs = append(inputs, struct{ name, in string }{tt.name, tt.in})
	}
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			text := []rune(in.in)
			if got, want := Forms(text, nil), s.shape(text); !slices.Equal(got, want) {
				t.Errorf("Forms(%q) =\n\t%U; reference\n\t%U", in.in, got, want)
			}
		})
	}
}

// The reference agrees with the hand-written expectations too, so that a
// mistake shared by both implementations would still be caught there.
func TestReferenceMatchesHandExpectations(t *testing.T) {
	s := loadRef(t)
	for _, tt := range contextTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.shape([]rune(tt.in)); !slices.Equal(got, tt.want) {
				t.Errorf("reference(%q) = %U; want %U", tt.in, got, tt.want)
			}
		})
	}
}
