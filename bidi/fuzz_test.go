package bidi_test

import (
	"slices"
	"testing"

	xbidi "golang.org/x/text/unicode/bidi"

	"rtlview/bidi"
)

// reused is resolved again for every input, to check that Reset leaves
// nothing behind.
var reused bidi.Paragraph

// FuzzResolve checks the invariants of the API on any text and any two
// line breaks: no panic, one level per rune, each line's visual order a
// permutation of the line, and left-to-right text at a left-to-right base
// left in logical order.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"", "a", "abc DEF 123", "کتاب (چاپ ۱۴۰۲) آمد.", "hello (سلام) world",
		"\u2067abc\u2069 \u2068DEF\u2069", "\u202Ea\u202Db\u202C\u202C",
		"a\u2029ب\u2029", "[(a)]{b} «ج»", "\u2329a\u3009", "1,2.3%$ ٣٤",
		"\x00\x1b[31m\x7f\u0085", "\xff\xfe", "ا\u0651\u200c\u200dب\u0300",
	} {
		for dir := range 3 {
			f.Add(s, uint8(dir), uint16(2), uint16(5))
		}
	}
	f.Fuzz(func(t *testing.T, s string, d uint8, cut1, cut2 uint16) {
		text := []rune(s)
		dir := bidi.Direction(d % 3)
		p := bidi.Resolve(text, dir)
		n := len(text)
		if got := len(p.Levels()); got != n {
			t.Fatalf("len(Levels()) = %d, want %d", got, n)
		}
		for i, l := range p.Levels() {
			if l > 126 {
				t.Fatalf("level %d at %d exceeds max_depth+1", l, i)
			}
		}
		reused.Reset(text, dir)
		if !slices.Equal(reused.Levels(), p.Levels()) || reused.BaseLevel() != p.BaseLevel() {
			t.Fatalf("Reset gives %v, Resolve %v", reused.Levels(), p.Levels())
		}
		// ResetString decodes by itself: it must see the same runes.
		reused.ResetString(s, dir)
		if !slices.Equal(reused.Levels(), p.Levels()) {
			t.Fatalf("ResetString gives %v, Resolve %v", reused.Levels(), p.Levels())
		}
		// The shortcuts taken on what the text lacks must agree with the
		// general path (levels after L1, so that the levels of
		// characters removed by X9 may differ only where they are not
		// shown apart from their neighbours).
		var general *bidi.Paragraph
		bidi.GeneralOnly(func() { general = bidi.Resolve(text, dir) })
		if !slices.Equal(general.LineLevels(0, n), p.LineLevels(0, n)) || general.BaseLevel() != p.BaseLevel() {
			t.Fatalf("general path: %v base %d, with shortcuts: %v base %d",
				general.LineLevels(0, n), general.BaseLevel(), p.LineLevels(0, n), p.BaseLevel())
		}

		a, b := int(cut1)%(n+1), int(cut2)%(n+1)
		if a > b {
			a, b = b, a
		}
		// With no R, AL, AN or explicit formatting character, an LTR
		// paragraph, and an auto one (P2-P3 find no strong R, so it is
		// LTR too), come back in logical order.
		plain := (dir == bidi.LeftToRight || dir == bidi.Auto) && ltrOnly(text)
		if plain && p.BaseLevel() != 0 {
			t.Fatalf("base level %d for text with no R, AL or AN", p.BaseLevel())
		}
		var buf []int
		for _, line := range [][2]int{{0, a}, {a, b}, {b, n}, {0, n}} {
			start, end := line[0], line[1]
			vis := p.Visual(start, end)
			sorted := slices.Sorted(slices.Values(vis))
			for k, i := range sorted {
				if i != start+k {
					t.Fatalf("Visual(%d, %d) = %v: not a permutation", start, end, vis)
				}
			}
			buf = p.VisualInto(buf, start, end)
			if !slices.Equal(buf, vis) {
				t.Fatalf("VisualInto(%d, %d) = %v, Visual = %v", start, end, buf, vis)
			}
			levels := p.LineLevels(start, end)
			if len(levels) != end-start {
				t.Fatalf("len(LineLevels(%d, %d)) = %d", start, end, len(levels))
			}
			if want := reorder(levels, start); !slices.Equal(vis, want) {
				t.Fatalf("Visual(%d, %d) = %v, L2 on LineLevels %v gives %v", start, end, vis, levels, want)
			}
			if plain {
				for k, i := range vis {
					if i != start+k {
						t.Fatalf("left-to-right text reordered: Visual(%d, %d) = %v", start, end, vis)
					}
				}
			}
		}
	})
}

// ltrOnly reports whether text has no character of class R, AL or AN and
// no explicit formatting character, the characters that can raise a level
// above 0 in a left-to-right paragraph.
func ltrOnly(text []rune) bool {
	for _, r := range text {
		p, _ := xbidi.LookupRune(r)
		switch p.Class() {
		case xbidi.R, xbidi.AL, xbidi.AN, xbidi.LRE, xbidi.LRO, xbidi.RLE, xbidi.RLO,
			xbidi.PDF, xbidi.LRI, xbidi.RLI, xbidi.FSI, xbidi.PDI:
			return false
		}
	}
	return true
}

// reorder is rule L2 written as plainly as the text of UAX #9: "From the
// highest level found in the text to the lowest odd level on each line
// ... reverse any contiguous sequence of characters that are at that
// level or higher."
func reorder(levels []bidi.Level, start int) []int {
	order := make([]int, len(levels))
	lv := slices.Clone(levels)
	for k := range order {
		order[k] = start + k
	}
	hi, lowOdd := bidi.Level(0), bidi.Level(255)
	for _, l := range lv {
		hi = max(hi, l)
		if l%2 == 1 {
			lowOdd = min(lowOdd, l)
		}
	}
	for l := int(hi); l >= int(lowOdd); l-- {
		for k := 0; k < len(lv); {
			if int(lv[k]) < l {
				k++
				continue
			}
			j := k
			for j < len(lv) && int(lv[j]) >= l {
				j++
			}
			slices.Reverse(order[k:j])
			slices.Reverse(lv[k:j])
			k = j
		}
	}
	return order
}
