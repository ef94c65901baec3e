package layout

import (
	"slices"
	"strings"
	"testing"

	"rtlview/content"
)

// Each block kind laid out on a small screen. Expectations are written by
// hand: "." is the indent, CapRTL letters are right-to-left (Hebrew), and a
// right-to-left line reads from the right.
func TestBlockKinds(t *testing.T) {
	item := func(ordered bool, n int, task content.Task) *content.Attrs {
		return &content.Attrs{Item: content.Item{Ordered: ordered, Ordinal: n, Task: task}}
	}
	rtlTable, rtlAttrs := tableOf(true, []string{capRTL("AA"), capRTL("B")}, []string{"1", "22"})
	ltrTable, ltrAttrs := tableOf(true, []string{"aa", "b"}, []string{"1", "22"})
	verse := capRTL("ONE TWO\nTHREE")
	halves := &content.Attrs{Halves: [2]content.Range{{End: strings.IndexByte(verse, '\n')}, {Start: strings.IndexByte(verse, '\n') + 1, End: len(verse)}}}
	tests := []struct {
		name  string
		b     content.Block
		width int
		want  []string
	}{
		// The ordinal's full stop is on its left: «3.» read from the right.
		{"rtl ordered item", content.Block{Kind: content.ListItem, Indent: 1, Text: capRTL("ONE TWO"), Attrs: item(true, 3, 0)}, 12,
			[]string{"..OWT ENO .3"}},
		// Persian digits in the text: the ordinal in Persian digits.
		{"persian ordinal", content.Block{Kind: content.ListItem, Indent: 1, Text: "یک ۲", Attrs: item(true, 12, 0)}, 10,
			[]string{"..۲ کی .۱۲"}},
		// Depth 2: two cells of indent, the second bullet.
		{"ltr nested bullet", content.Block{Kind: content.ListItem, Indent: 2, Text: "one two", Attrs: item(false, 0, 0)}, 20,
			[]string{"  ◦ one two"}},
		// A wrapped item: later lines under the text, not the marker.
		{"rtl task wraps", content.Block{Kind: content.ListItem, Indent: 1, Text: capRTL("ONE TWO"), Attrs: item(false, 0, content.Checked)}, 7,
			[]string{"..ENO ☑", "..OWT  "}},
		{"rtl quote", content.Block{Quote: 1, Text: capRTL("ONE")}, 10,
			[]string{".....ENO │"}},
		{"ltr quote in quote", content.Block{Quote: 2, Text: "one"}, 10,
			[]string{"│ │ one"}},
		// Code: left-to-right whatever its letters, indentation kept,
		// cut at the width with a continuation mark, each line a
		// paragraph of its own.
		{"code", content.Block{Kind: content.Code, Text: "}\n\n  a := (1)\n" + capRTL("AB CD") + "\nabcdefghijkl"}, 6,
			[]string{"}", "", "  a :↩", "= (1)", "DC BA", "abcde↩", "fghij↩", "kl"}},
		// A right-to-left string in code reads as in prose: its
		// brackets resolve to R (N0: R inside and before them), so
		// they are at level 1 and drawn mirrored (L4): "(DC)", not
		// ")DC(" as before.
		{"code mirrors", content.Block{Kind: content.Code, Text: `  s = "` + capRTL("AB (CD) EF") + `"`}, 40,
			[]string{`  s = "FE (DC) BA"`}},
		{"h2", content.Block{Kind: content.Heading, Level: 2, Text: "Title"}, 20,
			[]string{"Title", "─────"}},
		{"rtl h1", content.Block{Kind: content.Heading, Level: 1, Text: capRTL("TITLE")}, 8,
			[]string{"...ELTIT", "...━━━━━"}},
		{"h3 has no underline", content.Block{Kind: content.Heading, Level: 3, Text: "Title"}, 20,
			[]string{"Title"}},
		{"rule", content.Block{Kind: content.Rule}, 5, []string{"─────"}},
		// The first column on the right; the header underlined, its
		// cross under the bar; both columns 2 cells wide; "1" and "22"
		// have no strong character and take the table's direction,
		// aligned right.
		{"rtl table", content.Block{Kind: content.Table, Text: rtlTable, Attrs: rtlAttrs}, 20,
			[]string{"............. B │ AA", ".............───┼───", ".............22 │  1"}},
		{"ltr table", content.Block{Kind: content.Table, Text: ltrTable, Attrs: ltrAttrs}, 20,
			[]string{"aa │ b ", "───┼───", "1  │ 22"}},
		// A cue: its number and timing, left-to-right, above its text.
		{"cue", content.Block{Kind: content.Cue, Text: capRTL("HELLO"), Attrs: &content.Attrs{Cue: content.CueData{Index: "1", Timing: "00:01 --> 00:02"}}}, 30,
			[]string{"1  00:01 --> 00:02", ".........................OLLEH"}},
		// A verse: the first half on the right, each flush right in
		// half the screen (13 cells), 4 cells apart.
		{"verse", content.Block{Kind: content.Verse, Text: verse, Attrs: halves}, 30,
			[]string{"        EERHT          OWT ENO"}},
		// Too narrow for two columns: stacked, the second half indented.
		{"verse stacked", content.Block{Kind: content.Verse, Text: verse, Attrs: halves}, 12,
			[]string{".....OWT ENO", "...EERHT    "}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines := Lines(0, &tc.b, nil, Options{Width: tc.width, Bidi: App, Dir: Auto})
			if got := show(lines); !slices.Equal(got, tc.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			for _, l := range lines {
				if l.Indent+l.Width > tc.width {
					t.Errorf("line %q is %d+%d cells wide", l.String(), l.Indent, l.Width)
				}
			}
			var c Counter
			if n := c.CountBlock(&tc.b, Options{Width: tc.width, Dir: Auto}); n != len(lines) {
				t.Errorf("Count %d, lines %d", n, len(lines))
			}
		})
	}
}

// A Persian comment in code is shaped as prose is, where shaping is on:
// «سلام» is seen initial (U+FEB3), lam-alef as one final ligature (U+FEFC,
// joined to the seen) and meem isolated (U+FEE1: alef does not join to
// the left), drawn right to left after the "# " that stays on the left.
func TestCodeShaped(t *testing.T) {
	b := content.Block{Kind: content.Code, Text: "    # سلام"}
	for _, tc := range []struct {
		shape bool
		want  string
	}{
		{true, "    # ﻡﻼﺳ"},
		{false, "    # مالس"},
	} {
		lines := Lines(0, &b, nil, Options{Width: 40, Bidi: App, Dir: Auto, Shape: tc.shape})
		if got := show(lines); !slices.Equal(got, []string{tc.want}) {
			t.Errorf("shape %v: got %q, want %q", tc.shape, got, tc.want)
		}
	}
}

// Decorations keep their own style whatever the spans; the block's markup
// styles its text.
func TestMarkupStyles(t *testing.T) {
	b := content.Block{Kind: content.ListItem, Indent: 1, Text: "see code", Attrs: &content.Attrs{Item: content.Item{}},
		Spans: []content.Span{{Start: 4, End: 8, Kind: content.InlineCode}}}
	l := Lines(0, &b, []Span{{Start: 0, End: 8, Style: StyleUser}}, Options{Width: 20})[0]
	want := []Segment{{"• ", StyleMarker}, {"see ", StyleUser}, {"code", StyleUser | StyleCode}}
	if !slices.Equal(l.Segments, want) {
		t.Errorf("segments %+v, want %+v", l.Segments, want)
	}
}

// A table too wide for the screen is stacked: each header before its
// value, rows apart.
func TestTableStacked(t *testing.T) {
	text, attrs := tableOf(true, []string{"name", "value"}, []string{"longvalue1", "longvalue2"}, []string{"x", "y"})
	b := content.Block{Kind: content.Table, Text: text, Attrs: attrs}
	got := show(Lines(0, &b, nil, Options{Width: 12}))
	want := []string{"name", "longvalue1", "value", "longvalue2", "┄┄┄┄┄┄┄┄┄┄┄┄", "name", "x", "value", "y"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestFitColumns(t *testing.T) {
	for _, tc := range []struct {
		natural, word []int
		room          int
		want          []int
	}{
		{[]int{5, 5}, []int{5, 5}, 20, []int{5, 5}},      // all fit
		{[]int{30, 10}, []int{8, 10}, 30, []int{20, 10}}, // the long column gets the rest
		{[]int{30, 30}, []int{20, 20}, 10, nil},          // cannot: stacked
		{[]int{30, 30}, []int{20, 20}, 14, []int{7, 7}},  // words broken
	} {
		got, ok := fitColumns(tc.natural, tc.word, tc.room)
		if !ok {
			got = nil
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("fitColumns(%v, %v, %d) = %v, want %v", tc.natural, tc.word, tc.room, got, tc.want)
		}
	}
}

// tableOf builds a table block's text and cells from rows of cells.
func tableOf(header bool, rows ...[]string) (string, *content.Attrs) {
	var text strings.Builder
	td := &content.TableData{Header: header}
	for i, row := range rows {
		if i > 0 {
			text.WriteByte('\n')
		}
		var cells []content.Range
		for j, c := range row {
			if j > 0 {
				text.WriteByte('\t')
			}
			cells = append(cells, content.Range{Start: text.Len(), End: text.Len() + len(c)})
			text.WriteString(c)
		}
		td.Rows = append(td.Rows, cells)
	}
	return text.String(), &content.Attrs{Table: td}
}

// A numbered verse: its number in a dim gutter on the right, the halves in
// the columns of what is left.
func TestVerseNumberGutter(t *testing.T) {
	doc := content.Parse("1.1\t" + capRTL("ONE TWO") + "\t" + capRTL("THREE") + "\n")
	b := &doc.Blocks[0]
	if b.Kind != content.Verse || b.Attrs.Number != "1.1" {
		t.Fatalf("%v %+v", b.Kind, b.Attrs)
	}
	lines := Lines(0, b, nil, Options{Width: 36, Bidi: App})
	// 36 cells: a gutter of 6 ("   1.1" read from the right: "1.1"
	// then blanks, on the right), two columns of 13 and the gap of 4.
	want := []string{"        EERHT          OWT ENO   1.1"}
	if got := show(lines); !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	last := lines[0].Segments[len(lines[0].Segments)-1]
	if last.Style != StyleDim || !strings.Contains(last.Text, "1.1") {
		t.Errorf("the gutter is not dim: %+v", last)
	}
}
