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
	if c.Len() != 1 {
		t.Errorf("%d blocks laid out, 1 asked for", c.Len())
	}
	// New options (a resize) forget the old geometry.
	opt.Width = 50
	if b := c.Lines(long, opt); &b[0] == &a[0] || len(b) >= len(a) {
		t.Errorf("stale lines after a resize: %d lines at 50, %d at 30", len(b), len(a))
	}
	if c.Len() != 1 {
		t.Errorf("%d blocks cached after a resize", c.Len())
	}
}

// Reading through a long document keeps a bounded amount laid out: the
// blocks used least recently are forgotten, the ones in use are kept, and
// a forgotten block comes back identical.
func TestCacheBudget(t *testing.T) {
	paras := articleParagraphs(t)
	doc := &content.Document{}
	for len(doc.Blocks) < 2000 {
		for _, p := range paras {
			doc.Blocks = append(doc.Blocks, content.Block{Text: p})
		}
	}
	c := NewCache(doc)
	c.budget = 20 << 10 // 20 KB of text: a few dozen paragraphs
	opt := Options{Width: 60, Shape: true, Dir: RTL}
	first := c.Lines(0, opt)[0].String()
	for b := range doc.Blocks {
		c.Lines(b, opt)
		// The screen: the block and the two before it, used again.
		for k := max(0, b-2); k < b; k++ {
			c.Lines(k, opt)
		}
		if c.bytes > c.budget+len(doc.Blocks[b].Text) {
			t.Fatalf("block %d: %d bytes cached, budget %d", b, c.bytes, c.budget)
		}
	}
	if c.Len() >= len(doc.Blocks)/10 {
		t.Errorf("%d of %d blocks still cached", c.Len(), len(doc.Blocks))
	}
	last := len(doc.Blocks) - 1
	if _, ok := c.blocks[last-1]; !ok {
		t.Error("a block used a moment ago was forgotten")
	}
	if _, ok := c.blocks[0]; ok {
		t.Error("the first block is still cached after the whole document")
	}
	if got := c.Lines(0, opt)[0].String(); got != first {
		t.Errorf("block 0 laid out again differs: %q, was %q", got, first)
	}
	sum := 0
	for _, e := range c.blocks {
		sum += len(doc.Blocks[e.Value.(*cached).block].Text)
	}
	if sum != c.bytes {
		t.Errorf("byte count %d, cached blocks hold %d", c.bytes, sum)
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
		{doc(strings.Repeat("a", majorityLimit), strings.Repeat("ب", majorityLimit)), LTR}, // only the first 64 KB counts
	} {
		if got := Majority(tc.doc); got != tc.want {
			t.Errorf("case %d: Majority = %v, want %v", i, got, tc.want)
		}
	}
}
