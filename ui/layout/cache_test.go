package layout

import (
	"strings"
	"testing"

	"rtlview/content"
)

func TestCache(t *testing.T) {
	doc := &content.Document{}
	for _, p := range articleParagraphs(t) {
		doc.Blocks = append(doc.Blocks, content.Block{Text: p})
	}
	long := 0 // the longest paragraph
	for i, b := range doc.Blocks {
		if len(b.Text) > len(doc.Blocks[long].Text) {
			long = i
		}
	}
	c := NewCache(doc)
	opt := Options{Width: 30, Shape: true, Dir: RTL}
	a := c.Lines(long, opt)
	want := Block(long, doc.Blocks[long].Text, nil, opt)
	if len(a) != len(want) || a[0].String() != want[0].String() || a[0].Block != long {
		t.Fatalf("cached lines differ from Block's")
	}
	// Laid out once: the second call returns the same lines.
	if b := c.Lines(long, opt); &b[0] != &a[0] {
		t.Error("block laid out twice for the same options")
	}
	// Only what was asked for is laid out.
	if len(c.lines) != 1 {
		t.Errorf("%d blocks laid out, 1 asked for", len(c.lines))
	}
	// New options (a resize) forget the old geometry.
	opt.Width = 50
	if b := c.Lines(long, opt); &b[0] == &a[0] || len(b) >= len(a) {
		t.Errorf("stale lines after a resize: %d lines at 50, %d at 30", len(b), len(a))
	}
	if len(c.lines) != 1 {
		t.Errorf("%d blocks cached after a resize", len(c.lines))
	}
}

func TestMajority(t *testing.T) {
	doc := func(texts ...string) *content.Document {
		d := &content.Document{}
		for _, s := range texts {
			d.Blocks = append(d.Blocks, content.Block{Text: s})
		}
		return d
	}
	for i, tc := range []struct {
		doc  *content.Document
		want Direction
	}{
		{doc("سلام دنیا", "hello"), RTL},
		{doc("hello world", "سلام"), LTR},
		{doc("abc", "אבג"), LTR}, // a tie is LTR (P3's default)
		{doc("123", ""), LTR},
		{doc(), LTR},
		{doc(strings.Repeat("a", majorityLimit), strings.Repeat("ب", majorityLimit)), LTR}, // only the first megabyte counts
	} {
		if got := Majority(tc.doc); got != tc.want {
			t.Errorf("case %d: Majority = %v, want %v", i, got, tc.want)
		}
	}
}
