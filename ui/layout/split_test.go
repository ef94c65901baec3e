package layout

import (
	"strings"
	"testing"

	"rtlview/content"
)

// The pieces Split makes, laid out by a Cache that knows them, are the
// lines Block gives for the whole paragraph: same breaks, same order on
// screen, same alignment, in the paragraph's direction even where a piece
// starts with a letter of the other direction or has no strong letter.
func TestSplitLinesMatchBlock(t *testing.T) {
	smallPieces(t)
	whole := strings.Join(articleParagraphs(t)[1:], " ")
	paras := []string{
		"کوتاه",
		whole,
		"سلام " + strings.Repeat("abc def ", 200),       // later pieces start with Latin
		strings.Repeat("12 34 ", 150),                   // no strong character: the document's direction
		"x \x1b " + strings.Repeat("ب\x07 ", 400) + "y", // control placeholders across the pieces
		"",
		strings.Repeat("ب", 1500), // cut between letters
	}
	doc := content.Parse(strings.Join(paras, "\n"))
	if len(doc.Blocks) != len(paras) {
		t.Fatalf("%d blocks", len(doc.Blocks))
	}
	split, pieces := Split(doc, Options{Dir: RTL})
	if len(split.Blocks) != len(pieces) || len(split.Blocks) <= len(doc.Blocks) {
		t.Fatalf("Split: %d blocks, %d pieces", len(split.Blocks), len(pieces))
	}
	for _, opt := range []Options{{Width: 33, Shape: true, Dir: RTL}, {Width: 1, Dir: RTL}, {Width: 80, Bidi: Terminal, Dir: RTL}, {Width: 0, Dir: RTL}} {
		c := NewCache(split)
		c.SetPieces(pieces)
		got := make([][]Line, len(doc.Blocks))
		for b, pc := range pieces {
			blk := &split.Blocks[b]
			if want := doc.Blocks[pc.Para].Text[pc.Start : pc.Start+len(blk.Text)]; blk.Text != want {
				t.Fatalf("block %d is not its piece of paragraph %d", b, pc.Para)
			}
			for _, c := range blk.Controls() {
				if r := blk.Text[c.Start:c.End]; r != "\u241b" && r != "\u2407" {
					t.Fatalf("block %d: control range %v holds %q", b, c, r)
				}
			}
			for _, l := range c.Lines(b, opt) {
				l.Start += pc.Start
				l.End += pc.Start
				got[pc.Para] = append(got[pc.Para], l)
			}
		}
		for i, text := range paras {
			want := Block(i, doc.Blocks[i].Text, nil, opt)
			if len(got[i]) != len(want) {
				t.Fatalf("%+v paragraph %d: %d lines from the pieces, %d from Block", opt, i, len(got[i]), len(want))
			}
			for k := range want {
				g, w := got[i][k], want[k]
				if g.Start != w.Start || g.End != w.End || g.RTL != w.RTL || g.Indent != w.Indent || g.String() != w.String() {
					t.Fatalf("%+v paragraph %d (%.20q) line %d: pieces %d-%d rtl %v indent %d %q, Block %d-%d rtl %v indent %d %q",
						opt, i, text, k, g.Start, g.End, g.RTL, g.Indent, g.String(), w.Start, w.End, w.RTL, w.Indent, w.String())
				}
			}
		}
	}
	// Without the pieces the cache would lay a piece out as a paragraph of
	// its own: the Latin pieces of paragraph 2 would turn LTR.
	c := NewCache(split)
	ltr := 0
	for b, pc := range pieces {
		if pc.Para == 2 && !c.Lines(b, Options{Width: 40})[0].RTL {
			ltr++
		}
	}
	if ltr == 0 {
		t.Error("the test does not exercise the forced direction")
	}
	// Controls: all of paragraph 4's placeholders are in its pieces.
	n := 0
	for b, pc := range pieces {
		if pc.Para == 4 {
			n += len(split.Blocks[b].Controls())
		}
	}
	if n != len(doc.Blocks[4].Controls()) || n != 401 {
		t.Errorf("%d control ranges in the pieces, %d in the paragraph", n, len(doc.Blocks[4].Controls()))
	}
	// A document with no long paragraph is not copied.
	small := content.Parse("a\nب")
	if d, p := Split(small, Options{Dir: RTL}); d != small || p != nil {
		t.Error("Split copied a document with nothing to cut")
	}
}
