package bidi

import "testing"

// The fast path of Mirror skips a range the table must not touch.
func TestMirrorGap(t *testing.T) {
	for _, p := range mirrorTable {
		if p.from > mirrorGapStart && p.from < mirrorGapEnd {
			t.Errorf("U+%04X is mirrored but inside the skipped range", p.from)
		}
	}
	found := 0
	for _, p := range mirrorTable {
		if p.from == mirrorGapStart || p.from == mirrorGapEnd {
			found++
		}
	}
	if found != 2 {
		t.Errorf("the gap's bounds are not table entries (%d found): the gap could be wider", found)
	}
}
