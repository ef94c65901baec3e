package ui

import (
	"testing"

	"rtlview/ui/layout"
)

// TestCaret walks a caret with ←/→ through «سلام abc», a right-to-left
// line with a left-to-right run. Drawn: "abc" on the left, then the space,
// then سلام right to left. The offsets, worked out by hand: س 0–2, ل 2–4,
// ا 4–6, م 6–8, the space 8–9, a 9, b 10, c 11, the end 12. On screen
// from the left: a b c ␠ م ا ل س, so the gaps from the left stand for
// 9, 10, 11, 12|9 (where the runs meet), 8, 6, 4, 2, 0.
func TestCaret(t *testing.T) {
	text := "سلام abc"
	lines := layout.Block(0, text, nil, layout.Options{})
	if len(lines) != 1 || !lines[0].RTL {
		t.Fatalf("layout: %+v", lines)
	}
	cs := lines[0].Clusters()
	var got string
	for _, c := range cs {
		got += c.Text
	}
	if got != "abc مالس" {
		t.Fatalf("drawn %q", got)
	}
	// Typing puts the caret at the end (12): after "c" on screen.
	if k := caretGap(cs, true, 12, -1); k != 3 {
		t.Errorf("caret at the end drawn in gap %d, want 3", k)
	}
	// At the start (0): the right edge.
	if k := caretGap(cs, true, 0, -1); k != 8 {
		t.Errorf("caret at the start drawn in gap %d, want 8", k)
	}
	// ← from the start: over س, ل, ا, م, the space, then into "abc".
	off, gap := 0, 8
	want := []int{2, 4, 6, 8, 9, 11, 10, 9}
	wantGap := []int{7, 6, 5, 4, 3, 2, 1, 0}
	for i := range want {
		off, gap = moveCaret(cs, true, off, gap, -1)
		if off != want[i] || gap != wantGap[i] {
			t.Fatalf("← %d: offset %d gap %d, want %d gap %d", i+1, off, gap, want[i], wantGap[i])
		}
	}
	// At the left edge ← does nothing.
	if o, g := moveCaret(cs, true, off, gap, -1); o != 9 || g != 0 {
		t.Errorf("← at the left edge: %d gap %d", o, g)
	}
	// → back: over a, b, c (to the end, 12), the space, م ...
	want = []int{10, 11, 12, 8, 6, 4, 2, 0}
	for i := range want {
		off, gap = moveCaret(cs, true, off, gap, 1)
		if off != want[i] || gap != i+1 {
			t.Fatalf("→ %d: offset %d gap %d, want %d gap %d", i+1, off, gap, want[i], i+1)
		}
	}
	// Offset 9 without a hint is drawn at the left of "a"; with the hint
	// of the gap where the runs meet, there.
	if k := caretGap(cs, true, 9, -1); k != 0 {
		t.Errorf("offset 9 in gap %d, want 0", k)
	}
	if k := caretGap(cs, true, 9, 3); k != 3 {
		t.Errorf("offset 9 with hint 3 in gap %d", k)
	}
}
