package bidi_test

import (
	"fmt"
	"strings"

	"rtlview/bidi"
)

// A Persian sentence, "the book (print 1402) came.", with a number in
// Persian digits and a parenthesis. The first strong letter is Arabic, so
// the paragraph is right to left (level 1); the number follows an Arabic
// letter, so W2 makes it an Arabic number and I2 puts it at level 2: it
// reads left to right inside the line. The parentheses are at an odd
// level, so they are shown mirrored (L4).
func Example() {
	text := []rune("کتاب (چاپ ۱۴۰۲) آمد.")
	p := bidi.Resolve(text, bidi.Auto)
	fmt.Println("base:", p.BaseLevel())
	fmt.Println("levels:", p.Levels())

	order := p.Visual(0, len(text))
	levels := p.LineLevels(0, len(text))
	fmt.Println("visual:", order)
	var b strings.Builder
	for _, i := range order {
		r := text[i]
		if levels[i]%2 == 1 {
			if m, ok := bidi.Mirror(r); ok {
				r = m
			}
		}
		b.WriteRune(r)
	}
	fmt.Println(b.String())
	// Output:
	// base: 1
	// levels: [1 1 1 1 1 1 1 1 1 1 2 2 2 2 1 1 1 1 1 1]
	// visual: [19 18 17 16 15 14 10 11 12 13 9 8 7 6 5 4 3 2 1 0]
	// .دمآ (۱۴۰۲ پاچ) باتک
}

// One Paragraph resolves paragraph after paragraph without allocating
// once its buffers have grown, and lines are reordered into a reused
// slice.
func ExampleParagraph_Reset() {
	var p bidi.Paragraph
	var order []int
	for _, line := range []string{"hello, world", "سلام، دنیا"} {
		p.ResetString(line, bidi.Auto)
		order = p.VisualInto(order, 0, p.Len())
		fmt.Println(p.BaseLevel(), order)
	}
	// Output:
	// 0 [0 1 2 3 4 5 6 7 8 9 10 11]
	// 1 [9 8 7 6 5 4 3 2 1 0]
}
