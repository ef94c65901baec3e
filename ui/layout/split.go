package layout

import (
	"rtlview/bidi"
	"rtlview/content"
)

// Piece says where a block made by Split comes from.
type Piece struct {
	Para  int  // index of the paragraph in the document given to Split
	Start int  // byte offset of the block's text in the paragraph's text
	Cut   bool // the paragraph was cut: the block is one of several
	RTL   bool // the paragraph's direction, which every one of its pieces keeps
}

// Split returns doc with every paragraph that Block lays out in pieces
// (longer than pieceMax) cut into those pieces, each a block of its own,
// and for each block of the result where it comes from. A reader can then
// lay out, cache and count a 10 MB line piece by piece, as it does
// paragraphs, instead of all of it for the first screen. The blocks of
// one paragraph, laid out by a Cache given the pieces (SetPieces), give
// exactly the lines Block gives for the whole paragraph: the same pieces,
// each in the paragraph's direction (dir is the document's, for a
// paragraph without a strong character, as Options.Dir).
//
// When no paragraph is that long, Split returns doc itself and nil. The
// pieces' texts share the memory of the paragraphs'; spans move with their
// text; Repair is not carried (offsets in a piece are into the
// text as shown).
func Split(doc *content.Document, dir Direction) (*content.Document, []Piece) {
	long := false
	for i := range doc.Blocks {
		if len(doc.Blocks[i].Text) > pieceMax {
			long = true
			break
		}
	}
	if !long {
		return doc, nil
	}
	out := *doc
	out.Blocks = make([]content.Block, 0, len(doc.Blocks)+16)
	pieces := make([]Piece, 0, cap(out.Blocks))
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		if len(b.Text) <= pieceMax {
			out.Blocks = append(out.Blocks, *b)
			pieces = append(pieces, Piece{Para: i})
			continue
		}
		d, strong := bidi.FirstStrong(b.Text)
		rtl := d == bidi.RightToLeft
		if !strong {
			rtl = dir == RTL
		}
		for from := 0; from < len(b.Text); {
			to := cut(b.Text, from)
			nb := content.Block{Kind: b.Kind, Text: b.Text[from:to], Break: b.Break && from == 0}
			for _, s := range b.Spans {
				if s.End > from && s.Start < to {
					s.Start, s.End = max(s.Start, from)-from, min(s.End, to)-from
					nb.Spans = append(nb.Spans, s)
				}
			}
			out.Blocks = append(out.Blocks, nb)
			pieces = append(pieces, Piece{Para: i, Start: from, Cut: true, RTL: rtl})
			from = to
		}
	}
	return &out, pieces
}

// SetPieces tells the cache where the blocks of its document come from
// (Split), so that it lays the pieces of a cut paragraph out in the
// paragraph's direction. It forgets what it has laid out.
func (c *Cache) SetPieces(p []Piece) {
	c.pieces = p
	clear(c.blocks)
	c.lru.Init()
	c.bytes = 0
}
