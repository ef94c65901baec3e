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
	// logical order, for terminals that implement bidi themselves.
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

// Line is one visual line of a block.
type Line struct {
	Block      int  // index of the block in the document
	Start, End int  // the logical byte range of the block's text on this line
	RTL        bool // the paragraph's direction (base level odd)
	Indent     int  // blank cells before the first segment (alignment)
	Width      int  // cells taken by the segments
	// Segments, left to right on screen; concatenated they are the line.
	Segments []Segment
}
