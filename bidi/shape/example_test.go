package shape_test

import (
	"fmt"

	"rtlview/bidi/shape"
)

// Forms keeps one slot per input rune; the alef of a lam-alef ligature and
// a ZWNJ get 0: nothing is drawn for them.
func ExampleForms() {
	text := []rune("تلاش")
	fmt.Printf("%U\n", shape.Forms(text, nil))
	// Output: [U+FE97 U+FEFC U+0000 U+FEB5]
}

// Shape reports which input runes each glyph stands for: the ligature
// covers the lam and the alef.
func ExampleShape() {
	for _, g := range shape.Shape([]rune("تلاش")) {
		fmt.Printf("%U %d-%d\n", g.Rune, g.Start, g.End)
	}
	// Output:
	// U+FE97 0-1
	// U+FEFC 1-3
	// U+FEB5 3-4
}

func ExampleJoiningType() {
	for _, r := range []rune{'ب', 'ا', 'ـ', '\u0650', '\u200c', 'a'} {
		fmt.Printf("%U %v\n", r, shape.JoiningType(r))
	}
	// Output:
	// U+0628 D
	// U+0627 R
	// U+0640 C
	// U+0650 T
	// U+200C U
	// U+0061 U
}
