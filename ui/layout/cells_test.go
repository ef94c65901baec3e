package layout

import (
	"reflect"
	"strings"
	"testing"
)

// SetClusters packs clusters and Clusters gives them back, those too big
// for a cell (long texts, long drawings, wide decorations) included.
func TestCellsRoundTrip(t *testing.T) {
	long := strings.Repeat("ب", 40000) // 80,000 bytes
	ps := []part{{end: 3, start: 10, stop: 12}, {end: 3, start: 12, stop: 14, merge: true, last: true}}
	cs := []Cluster{
		{Text: "│ ", Start: -1, End: -1, Width: 2, Style: StyleQuoteBar},
		{Text: "a", Start: 0, End: 1, Width: 1},
		{Text: "ﻼ", Start: 10, End: 14, Width: 1, parts: ps},
		{Text: "", Start: 14, End: 17, Width: 0},
		{Text: long, Start: 20, End: 20 + len(long), Width: 40000},
		{Text: "x", Start: 100000, End: 100000 + 300, Width: 1},
		{Text: strings.Repeat(" ", 200), Start: -1, End: -1, Width: 200, Style: StyleRule | StyleUser},
		{Text: "…", Start: 5, End: 5, Width: 1},
		{Text: "wide", Start: 7, End: 9, Width: 127},
		{Text: "ﻼ", Start: 30, End: 34, Width: 1, parts: ps},
	}
	var l Line
	l.SetClusters(cs)
	if got := l.Clusters(); !reflect.DeepEqual(got, cs) {
		t.Errorf("clusters:\n%+v\nwant\n%+v", got, cs)
	}
	var drawn strings.Builder
	for _, c := range cs {
		drawn.WriteString(c.Text)
	}
	if l.drawn != drawn.String() {
		t.Errorf("drawn %q", l.drawn)
	}
	// Packed again from the line as it is (startWith, tables).
	var b lineBuilder
	b.add(&Cluster{Text: "<", Start: -1, End: -1, Width: 1, Style: StyleMarker})
	b.addLine(&l)
	b.addLine(&l)
	var m Line
	b.set(&m)
	want := append(append([]Cluster{{Text: "<", Start: -1, End: -1, Width: 1, Style: StyleMarker}}, cs...), cs...)
	if got := m.Clusters(); !reflect.DeepEqual(got, want) {
		t.Errorf("built from lines:\n%+v\nwant\n%+v", got, want)
	}
	var empty Line
	if empty.Clusters() != nil {
		t.Error("an empty line has clusters")
	}
}

// One grapheme cluster of 80,000 bytes, laid out: one line, one cluster,
// styled whole.
func TestLongCluster(t *testing.T) {
	text := "ب" + strings.Repeat("\u064e", 40000) + " x"
	for _, w := range []int{0, 80} {
		lines := Block(0, text, []Span{{Start: 0, End: 1, Style: StyleUser}}, Options{Width: w, Shape: true, Dir: RTL})
		cs := lines[0].Clusters()
		if cs[len(cs)-1].End-cs[len(cs)-1].Start != len(text)-2 && cs[0].End-cs[0].Start != len(text)-2 {
			t.Fatalf("width %d: clusters %d, first [%d,%d)", w, len(cs), cs[0].Start, cs[0].End)
		}
		checkLines(t, text, []Span{{Start: 0, End: 1, Style: StyleUser}}, Options{Width: w, Shape: true, Dir: RTL}, lines)
	}
}
