package layout_test

import (
	"fmt"
	"strings"

	"rtlview/ui/layout"
)

// A Persian sentence at width 12: it breaks after its second word, and
// each line is reordered on its own and pushed to the right edge. The
// number in brackets reads left to right and the brackets still face it.
func ExampleBlock() {
	lines := layout.Block(0, "سلام دنیا (۱۴۰۱)", nil, layout.Options{Width: 12})
	for _, l := range lines {
		fmt.Printf("|%s%s|\n", strings.Repeat(" ", l.Indent), l.String())
	}
	// Output:
	// |   ایند مالس|
	// |      (۱۴۰۱)|
}

// Restyle moves a highlight to new characters without a new layout: here
// the match «دنیا» is the left half of the line.
func ExampleLine_Restyle() {
	text := "سلام دنیا"
	l := layout.Block(0, text, nil, layout.Options{})[0]
	at := strings.Index(text, "دنیا")
	l.Restyle([]layout.Span{{Start: at, End: at + len("دنیا"), Style: 1}})
	for _, s := range l.Segments {
		fmt.Printf("%d %q\n", s.Style, s.Text)
	}
	// Output:
	// 1 "ایند"
	// 0 " مالس"
}
