// Package layout turns paragraphs of text into visual lines for a terminal:
// line breaking by UAX #14 (rivo/uniseg) in logical order, then each line
// reordered on its own by the Unicode Bidirectional Algorithm (package
// rtlview/bidi), grapheme clusters kept whole, mirrored glyphs, optional
// Arabic-script shaping, and alignment (RTL flush right, LTR flush left).
//
// It imports no terminal or Bubble Tea code: the TUI and plain mode both
// render the Lines it produces.
package layout

// BidiMode says who reorders the text.
type BidiMode uint8

const (
	// App: rtlview reorders every line itself (the default).
	App BidiMode = iota
	// Terminal: lines are broken and aligned the same way but emitted in
	// logical order, for terminals that implement bidi themselves: no
	// reordering, no mirroring (the terminal does both), and shaping only
	// when Options.Shape asks for it (for a terminal that reorders but
	// does not join letters).
	Terminal
)

// Style is a set of bits attached to byte ranges of a block's text (entity
// kinds, search matches, the current match, control placeholders). Layout
// does not interpret the bits: it carries them from logical ranges to the
// visual segments that show the same characters. Overlapping spans OR
// their bits together.
type Style uint32

// Span attaches a Style to the byte range [Start, End) of a block's text.
type Span struct {
	Start, End int
	Style      Style
}

// Segment is a run of text, in visual order, that has one Style.
type Segment struct {
	Text  string
	Style Style
}

// Cluster is one grapheme cluster as shown: Text is what is drawn (after
// mirroring and shaping), Start and End the logical byte range of the
// block's text it shows. A lam-alef ligature covers both letters; a dropped
// ZWNJ belongs to the cluster before it.
type Cluster struct {
	Text       string
	Start, End int
	Width      int // cells

	// parts maps the cluster's logical runes to the bytes of Text that
	// draw them, for Restyle; nil for a cluster of one rune.
	parts []part
}

// Line is one visual line of a block.
type Line struct {
	Block      int  // index of the block in the document
	Start, End int  // the logical byte range of the block's text on this line
	RTL        bool // the paragraph's direction (base level odd)
	Indent     int  // blank cells before the first cluster (alignment)
	Width      int  // cells taken by the clusters
	// Clusters, left to right on screen.
	Clusters []Cluster
	// Segments, left to right on screen; concatenated they are the line.
	// Block fills them from the spans it is given; Restyle recomputes them
	// for other spans without laying the block out again.
	Segments []Segment

	// drawn is the whole line as drawn; Clusters and Segments slice it.
	drawn string
}

// Options say how to lay out. A layout depends only on (text, Options).
type Options struct {
	Width int      // cells; <= 0 means no wrapping: one line per paragraph
	Bidi  BidiMode // App (reorder) or Terminal (logical order)
	Shape bool     // substitute Arabic presentation forms
	// Dir is the direction of a paragraph that has no strong character
	// (rules P2/P3 find none): the document's majority direction.
	Dir Direction
}

// Direction of a paragraph with no strong character.
type Direction uint8

const (
	LTR Direction = iota
	RTL
)

// The functions of this package (layout.go, style.go, cache.go, plain.go):
//
//	func Block(index int, text string, spans []Span, opt Options) []Line
//	    lays out one paragraph; pure.
//	func (l *Line) Restyle(spans []Span)
//	    recomputes l.Segments from l.Clusters for other spans (search
//	    matches change on every keystroke; geometry does not).
//	func (l *Line) String() string
//	    the line as drawn, left to right, without its indent.
//	func Count(text string, opt Options) int; type Counter
//	    len(Block(...)) without building the lines (no bidi, no
//	    allocation with a Counter): heights of paragraphs not shown.
//	func Majority(doc *content.Document) Direction
//	    the document's majority direction (strong characters counted in
//	    its first megabyte).
//	type Cache
//	func NewCache(doc *content.Document) *Cache
//	func (c *Cache) Lines(block int, opt Options) []Line
//	    geometry of one block, computed on first use and kept until the
//	    options change (Segments carry Style 0; the caller Restyles the
//	    lines it shows). Cost O(block), never O(document).
//	func Plain(w io.Writer, doc *content.Document, opt Options, color bool) error
//	type Printer (Spans, SGR, Gap); func (p *Printer) Print(w, doc) error
//	    plain mode: prints every line, streaming, block by block.
//	const Overflow, StyleControl
//	    what a cluster wider than the line is drawn as; the style Plain
//	    gives control placeholders.
