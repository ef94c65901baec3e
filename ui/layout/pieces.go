package layout

import (
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"rtlview/content"
)

// Very long paragraphs (a whole file on one line) are laid out in pieces
// of about pieceTarget bytes, so that the work space stays small and the
// first lines come out at once. A piece ends after spaces before a
// letter or digit (a UAX #14 break opportunity, LB18), or, in a run with
// no space, between two letters (a grapheme boundary, GB999). Each piece
// keeps the paragraph's direction; what is lost is bidi context across
// pieces (an embedding open in one piece does not reach the next) and a
// last line of each piece that may be shorter than it would be.
var (
	pieceMax    = 256 << 10
	pieceTarget = 16 << 10 // variables only so that tests can make them small
)

// cut returns the end of the piece of text that starts at from.
func cut(text string, from int) int {
	if len(text)-from <= pieceMax {
		return len(text)
	}
	// After spaces, before a letter or a digit: LB18 allows the break.
	// Each search reads at most one pieceTarget past the first, so that
	// cutting costs a bounded multiple of the piece it returns.
	lim := min(from+2*pieceTarget, from+pieceMax, len(text))
	for i := from + pieceTarget; i < lim; i++ {
		if text[i] == ' ' && i+1 < len(text) && text[i+1] != ' ' {
			if r, _ := utf8.DecodeRuneInString(text[i+1:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				return i + 1
			}
		}
	}
	// A run without spaces: between two letters, where no grapheme
	// cluster can continue (Hangul jamo and the few letters of class
	// Prepend excepted).
	prev := rune(-1)
	for i := from + pieceTarget; i < lim; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if plainLetter(prev) && plainLetter(r) {
			return i
		}
		prev = r
		i += n
	}
	// No letters either (digits, emoji, marks, controls): at a grapheme
	// cluster boundary (UAX #29) found from pieceTarget on, reading at
	// most up to lim; else at a code point boundary, so that every
	// piece is bounded whatever the text, and the cost linear.
	at := from + pieceTarget
	for at > from && !utf8.RuneStart(text[at]) {
		at--
	}
	// The first boundary found may be wrong (the search starts inside
	// a cluster, or in a run of regional indicators): the second is not.
	rest, state, n := text[at:lim], -1, 0
	for len(rest) > 0 {
		var c string
		c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		at += len(c)
		if n++; n >= 2 && len(rest) > 0 {
			return at
		}
	}
	// One cluster all the way (a letter with a million marks): cut it
	// between code points, at pieceTarget. Such text takes no width, so
	// a piece is one line: a small piece keeps a screen of them small.
	at = min(from+pieceTarget, lim)
	for at > from+1 && !utf8.RuneStart(text[at]) {
		at--
	}
	return at
}

func plainLetter(r rune) bool {
	if r < 0 || !unicode.IsLetter(r) || unicode.Is(unicode.Hangul, r) {
		return false
	}
	switch r {
	case 0x0D4E, 0x111C2, 0x111C3, 0x11A3A, 0x11A84, 0x11A85, 0x11A86, 0x11A87, 0x11A88, 0x11A89, 0x11D46:
		return false // Prepend letters (GB9b)
	}
	return true
}

// Piece says where a block made by Split comes from.
type Piece struct {
	Para  int  // index of the paragraph in the document given to Split
	Start int  // byte offset of the block's text in the paragraph's text
	Cut   bool // the paragraph was cut: the block is one of several
	RTL   bool // the paragraph's direction, which every one of its pieces keeps
}

// Split returns doc with every prose paragraph that Lines lays out in
// pieces (longer than pieceMax) cut into those pieces, each a block of its
// own, and for each block of the result where it comes from. A reader can
// then lay out, cache and count a 10 MB line piece by piece, as it does
// paragraphs, instead of all of it for the first screen. The blocks of one
// paragraph, laid out by a Cache given the pieces (SetPieces), give
// exactly the lines Lines gives for the whole paragraph: the same pieces,
// each in the paragraph's direction for opt.
//
// When no paragraph is that long, Split returns doc itself and nil. The
// pieces' texts share the memory of the paragraphs'; spans move with their
// text; Repair is not carried (offsets in a piece are into the text as
// shown). Blocks of other kinds (tables, code) are not cut. A document
// read from a file on demand (File) is never cut: its lines are cut when
// they are read (content.FileLine).
func Split(doc *content.Document, opt Options) (*content.Document, []Piece) {
	long := false
	for i := range doc.Blocks {
		if len(doc.Blocks[i].Text) > pieceMax && cuttable(&doc.Blocks[i]) {
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
		if len(b.Text) <= pieceMax || !cuttable(b) {
			out.Blocks = append(out.Blocks, *b)
			pieces = append(pieces, Piece{Para: i})
			continue
		}
		rtl := blockRTL(b, content.Islands(b.Text, b.Spans), opt)
		for from := 0; from < len(b.Text); {
			to := cut(b.Text, from)
			nb := *b
			nb.Text, nb.Spans, nb.Repair = b.Text[from:to], nil, nil
			nb.Break = b.Break && from == 0
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

// cuttable: the kinds Lines lays out as one run of prose.
func cuttable(b *content.Block) bool {
	switch b.Kind {
	case content.Paragraph, content.Lead:
		return true
	}
	return false
}

// SetPieces tells the cache where the blocks of its document come from
// (Split), so that it lays the pieces of a cut paragraph out in the
// paragraph's direction. It forgets what it has laid out.
func (c *Cache) SetPieces(p []Piece) {
	c.pieces = p
	c.reset()
}
