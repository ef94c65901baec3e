package layout

import (
	"math/rand/v2"
	"testing"
)

// Window must hold every span that overlaps the range, whatever the order
// and lengths of the spans (a long quotation among short names).
func TestSpanIndexWindow(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 200; trial++ {
		var spans []Span
		for i := rng.IntN(60); i > 0; i-- {
			s := rng.IntN(1000)
			n := rng.IntN(20)
			if rng.IntN(10) == 0 {
				n = rng.IntN(900) // a quotation
			}
			spans = append(spans, Span{Start: s, End: s + n, Style: Style(i)})
		}
		x := NewSpanIndex(spans)
		// Random ranges, then ranges in logical order as the lines of a
		// paragraph ask for them (the index's fast path).
		var ranges [][2]int
		for q := 0; q < 50; q++ {
			start := rng.IntN(1100)
			ranges = append(ranges, [2]int{start, start + rng.IntN(80)})
		}
		for start := 0; start < 1100; {
			end := start + rng.IntN(30)
			ranges = append(ranges, [2]int{start, end})
			start = end
		}
		for _, q := range ranges {
			start, end := q[0], q[1]
			win := x.Window(start, end)
			in := map[Span]int{}
			for _, s := range win {
				in[s]++
			}
			for _, s := range spans {
				if s.Start < end && s.End > start && in[s] == 0 {
					t.Fatalf("trial %d: span %+v overlaps [%d,%d) but is not in the window %v", trial, s, start, end, win)
				}
			}
			for _, s := range win {
				if s.Start >= end {
					t.Fatalf("window holds %+v, far from [%d,%d)", s, start, end)
				}
			}
		}
	}
	var nilIndex *SpanIndex
	if nilIndex.Window(0, 10) != nil {
		t.Fatal("nil index gives spans")
	}
}
