package layout

import (
	"compress/gzip"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"rtlview/bidi"
	"rtlview/content"
)

type stepUnit struct{ end, width, brk int }

// viaStep is the one-pass reference: uniseg.StepString's clusters, widths
// and line breaks.
func viaStep(text string) []stepUnit {
	var out []stepUnit
	rest, state, end := text, -1, 0
	for len(rest) > 0 {
		var c string
		var b int
		c, rest, b, state = uniseg.StepString(rest, state)
		end += len(c)
		out = append(out, stepUnit{end, b >> uniseg.ShiftWidth, b & uniseg.MaskLine})
	}
	return out
}

// viaSegment is what segment finds: its units' ends, widths and breaks.
// The width of a unit with a control character is the width of its
// picture, not uniseg's 0: it is left out (-1) of the comparison.
func viaSegment(text string) []stepUnit {
	var p para
	p.init(text, 0, false, nil, Options{Bidi: Terminal})
	var out []stepUnit
	for _, u := range p.units {
		w := int(u.w)
		if strings.ContainsFunc(text[u.b0:u.b1], content.IsControl) {
			w = -1
		}
		out = append(out, stepUnit{int(u.b1), w, int(u.brk)})
	}
	return out
}

func sameUnits(t *testing.T, what, text string) {
	t.Helper()
	a, b := viaStep(text), viaSegment(text)
	for i := range a {
		if last, _ := utf8.DecodeLastRuneInString(text[:a[i].end]); mandatory(last) {
			// LB4, LB5, which uniseg v0.4.7 misses before "-1" (see
			// segment).
			a[i].brk = uniseg.LineMustBreak
		}
		if i < len(b) && b[i].width < 0 {
			a[i].width = -1
		}
	}
	if len(a) != len(b) {
		t.Fatalf("%s: %d clusters by Step, %d by segment", what, len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("%s: cluster %d ending at byte %d: Step %+v, segment %+v; text %+q",
				what, i, a[i].end, a[i], b[i], text[max(0, a[i].end-12):min(len(text), a[i].end+12)])
		}
	}
}

// TestSegmentMatchesStep: segment (its own reading of letters and spaces,
// uniseg's grapheme clusters and line breaks for the rest) gives exactly
// the clusters, widths and break opportunities of uniseg.StepString, the
// one-pass general algorithm, on the article, the adversarial corpus and
// random text from a hostile alphabet.
func TestSegmentMatchesStep(t *testing.T) {
	for i, p := range articleParagraphs(t) {
		sameUnits(t, "article paragraph "+string(rune('0'+i)), p)
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "adversarial", "*"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, ".gz") {
			zr, err := gzip.NewReader(strings.NewReader(string(data)))
			if err != nil {
				t.Fatal(err)
			}
			data, _ = io.ReadAll(io.LimitReader(zr, 64<<10))
		}
		sameUnits(t, filepath.Base(f), string(data))
	}
	alphabet := []string{"a", "Z", "1", "۱", "٢", " ", "  ", "\t", "\n", "\r\n", "\r", "-", "—", "/", ".", ",", "،", "(", ")", "«", "»",
		"\"", "'", "!", "?", "%", "$", "ب", "پ", "ک", "ی", "ه", "\u200c", "\u200d", "\u0650", "\u064b", "\u0301", "\u00a0",
		"\u2029", "\u2028", "\u202b", "\u2066", "\u2069", "中", "文", "か", "😀", "👩\u200d👩\u200d👧", "🇰🇵", "🇮", "\u0e01", "\u0e33",
		"\ufffd", "\u00ad", "\u2060", "\ufeff", "\u1100", "\u1161", "\u11a8", "한", "\u0915\u094d", "\U0001F3FB", "#\ufe0f\u20e3"}
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for k := rng.IntN(40); k >= 0; k-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		sameUnits(t, "random", b.String())
	}
}

// Text that is mostly what segment reads itself (letters, digits, marks,
// single spaces) with now and then something it hands to uniseg: every
// kind of seam between the two.
func TestSegmentSeams(t *testing.T) {
	fast := []string{"ab", "Z", "1", "۱۲", "٣", "ب", "پی", "ک", "ه\u200c", "\u0650", "\u064b", "\u0670", "ש", "ל\u05b8", " ", " ", " ", ".", ",", ":", ";", "،", ")", "]", "\"", "'", "«", "»"}
	other := []string{"  ", ".", ",", "،", "«", "»", "(", ")", "!", "?", "-", "/", ":", "%", "$", "\n", "\u00a0", "\u200d", "😀", "\u0301", "'", "\"", "[", "}", "\u05be", "\u2014", "\t"}
	rng := rand.New(rand.NewPCG(5, 6))
	for n := 0; n < 5000; n++ {
		var b strings.Builder
		for k := rng.IntN(60); k >= 0; k-- {
			if rng.IntN(8) == 0 {
				b.WriteString(other[rng.IntN(len(other))])
			} else {
				b.WriteString(fast[rng.IntN(len(fast))])
			}
		}
		sameUnits(t, "seams", b.String())
	}
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{"سلام دنیا", "a «b» c", "x (y) z!", "۱۲ ۳۴-۵", "ab  cd", "ب\u0650 \u0650ب", "שָׁלוֹם עוֹלָם", "\n-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			return
		}
		sameUnits(t, "fuzz", s)
	})
}

// The table of fast classes is the switch of fastClassOf.
func TestFastClassTable(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if got, want := fastClass(r), fastClassOf(r); int(got) != want {
			t.Fatalf("fastClass(%U) = %d, fastClassOf %d", r, got, want)
		}
	}
}

// The runes order shortcuts (a line at one level, a plain letter's
// drawing) give what the general rules give: the units in the order
// bidi.Visual puts their first runes, and each rune drawn as itself, its
// shaped form, its mirror image or its placeholder.
func checkShortcuts(t *testing.T, text string, rtl, shape bool) {
	var p para
	p.init(text, 0, rtl, nil, Options{Shape: shape})
	n := len(p.units)
	for _, w := range []int{1, 3, 8, 40, max(1, n)} {
		for u0 := 0; u0+w <= n; u0 += max(1, w/2) {
			u1 := u0 + w
			got := p.order(nil, u0, u1)
			var want []int
			for _, ri := range p.bp.Visual(int(p.units[u0].r0), int(p.units[u1-1].r1)) {
				if ui := int(p.unitOf[ri]); p.units[ui].r0 == int32(ri) {
					want = append(want, ui)
				}
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%q units [%d,%d): order %v, bidi says %v", text, u0, u1, got, want)
			}
		}
	}
	for i, r := range p.runes {
		if !plainDrawn(r) {
			continue
		}
		if m, ok := bidi.Mirror(r); ok || content.IsControl(r) || invisible(r) {
			t.Fatalf("%U (%U) is plainDrawn", r, m)
		}
		if p.forms != nil && p.forms[i] != 0 && content.IsControl(p.forms[i]) {
			t.Fatalf("%U shaped as a control", r)
		}
	}
}

func TestShortcuts(t *testing.T) {
	texts := append(articleParagraphs(t), "abc", "אבג דהו", "سلام (دنیا) 123 abc", "a\u200fb", "\u202bابت\u202c xyz", "ا\tب", "")
	for _, text := range texts {
		for _, rtl := range []bool{false, true} {
			checkShortcuts(t, text, rtl, true)
			checkShortcuts(t, text, rtl, false)
		}
	}
	for r := rune(0); r < 0x1000; r++ {
		if plainDrawn(r) {
			if _, ok := bidi.Mirror(r); ok || content.IsControl(r) || invisible(r) {
				t.Errorf("%U is plainDrawn", r)
			}
		}
	}
}

// decode reads runes as `for range` does, invalid bytes included.
func TestDecode(t *testing.T) {
	var p para
	for _, s := range []string{"", "abc", "سلام", "a\xc0\x80b", "\xed\xa0\x80", "\xd8", "\xd8a", "ب\xff€😀", "\xc2\x80\xdf\xbf\xe0\xa0"} {
		p.decode(s, 7)
		var runes []rune
		var offs []int32
		for i, r := range s {
			runes, offs = append(runes, r), append(offs, 7+int32(i))
		}
		offs = append(offs, 7+int32(len(s)))
		if !slices.Equal(p.runes, runes) || !slices.Equal(p.offs, offs) {
			t.Errorf("%q: decode %U %v, range %U %v", s, p.runes, p.offs, runes, offs)
		}
	}
}
