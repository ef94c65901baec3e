package layout

import "rtlview/content"

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

// Style is a set of bits attached to byte ranges of a block's text. Layout
// carries them from logical ranges to the visual segments that show the
// same characters; overlapping spans OR their bits together. The bits
// below are the ones layout itself gives (inline markup, decorations);
// bits from StyleUser up to bit 31 are the caller's (entity kinds, search
// matches), and layout never looks at them.
type Style uint64

const (
	StyleControl   Style = 1 << iota // the placeholder of a control character
	StyleEmphasis                    // *emphasis*
	StyleStrong                      // **strong**
	StyleStrike                      // ~~strikethrough~~
	StyleUnderline                   // subtitles' <u>, man pages' _\bX
	StyleCode                        // inline code and code blocks
	StyleLink                        // a link's text
	StyleImage                       // an image's alt text
	StyleHeading1                    // a level 1 heading (and an article's title)
	StyleHeading2                    // a level 2 heading
	StyleHeading                     // a heading of level 3 to 6
	StyleQuoteBar                    // the bar of a block quote
	StyleMarker                      // a list marker or task check box
	StyleRule                        // thematic breaks, table borders, heading underlines
	StyleDim                         // cue timings, link references, continuation marks
	StyleLead                        // an article's lead paragraph

	// StyleUser is the first bit left to the caller.
	StyleUser Style = 1 << 16

	// styleArgShift: bits 48 to 63 hold no flag but a number, the
	// argument index of a span with an argument (see ArgIndex).
	styleArgShift = 48

	// StyleBits masks the flags of a Style, without its argument index.
	StyleBits Style = 1<<styleArgShift - 1
)

// ArgIndex returns k when s covers text of the k-th span of its block that
// carries an argument (counted from 1, in the block's Spans order, among
// its Link, AutoLink and Style spans: a link's URL, pager input's SGR
// parameters), 0 when none. Such spans do not overlap one another, so the
// number is never OR-ed with a second one. BlockArg gives the span back.
func ArgIndex(s Style) int { return int(s >> styleArgShift) }

// hasArg: the span kinds ArgIndex counts.
func hasArg(k content.SpanKind) bool {
	return k == content.Link || k == content.AutoLink || k == content.Style
}

// BlockArg returns the k-th span of b that carries an argument, counted
// from 1 as ArgIndex counts, and whether there is one.
func BlockArg(b *content.Block, k int) (content.Span, bool) {
	for _, s := range b.Spans {
		if !hasArg(s.Kind) {
			continue
		}
		if k--; k == 0 {
			return s, true
		}
	}
	return content.Span{}, false
}

// SGRParams returns the SGR parameters of pager input's Style span s
// ("1;31"), or "" when they are not the digits and semicolons of an SGR
// sequence.
func SGRParams(s content.Span) string {
	if s.Kind != content.Style {
		return ""
	}
	for i := 0; i < len(s.Arg); i++ {
		if c := s.Arg[i]; c != ';' && (c < '0' || c > '9') {
			return ""
		}
	}
	return s.Arg
}

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
// ZWNJ belongs to the cluster before it. A decoration (a list marker, a
// quote bar, a table border, padding) shows no text of the block: its Start
// and End are -1 and its Style is its own. Lines keep their clusters
// packed: see Line.Clusters.
type Cluster struct {
	Text       string
	Start, End int
	Width      int   // cells
	Style      Style // decorations only: the style drawn whatever the spans

	// parts maps the cluster's logical runes to the bytes of Text that
	// draw them, for Restyle; nil for a cluster of one rune.
	parts []part
}

// Decoration reports whether the cluster draws no text of the block.
func (c *Cluster) Decoration() bool { return c.Start < 0 }

// Line is one visual line of a block.
type Line struct {
	Block      int  // index of the block in the document
	Start, End int  // the logical byte range of the block's text on this line
	RTL        bool // the block's direction (base level odd)
	// bare: a line laid out only to be printed without styles (see
	// para.printOnly); it has no clusters or Segments, and its drawing
	// is in the work space that made it.
	bare   bool
	Indent int // blank cells before the first cluster (alignment)
	Width  int // cells taken by the clusters
	// Segments, left to right on screen; concatenated they are the line.
	// Layout fills them from the spans it is given; Restyle recomputes
	// them for other spans without laying the block out again.
	Segments []Segment

	// drawn is the whole line as drawn; clusters and Segments slice it.
	drawn string
	// cells are the line's clusters, left to right on screen, packed
	// (see cell and Clusters); x holds what does not fit in them, nil
	// when nothing.
	cells []cell
	x     *lineExtra
}

// Options say how to lay out. A layout depends only on (block, Options).
type Options struct {
	Width int      // cells; <= 0 means no wrapping: one line per paragraph
	Bidi  BidiMode // App (reorder) or Terminal (logical order)
	Shape bool     // substitute Arabic presentation forms
	// Dir is the direction of a paragraph that has no strong character
	// (rules P2 and P3 find none).
	Dir Direction
	// Force, when not content.Auto, is the direction of every prose block
	// (rtlview --dir); code stays left-to-right.
	Force content.Dir
	// LinkRefs numbers the links of a block and lists their URLs under it
	// (plain mode, where a terminal cannot follow a link).
	LinkRefs bool
	// ShowControls shows a paragraph that holds explicit bidi controls
	// (content.HasExplicitBidi) as its characters are stored: in logical
	// order, unshaped, each bidi control written as its name (see
	// content.ShowBidiControls). "Trojan Source" (CVE-2021-42574) hides
	// code behind such controls; this is how a reader looks behind them.
	ShowControls bool
}

// Direction of a paragraph with no strong character.
type Direction uint8

const (
	LTR Direction = iota
	RTL
	// Auto: left-to-right, unless the paragraph holds Arabic-script digits
	// (U+0660-0669, U+06F0-06F9): a Persian page number or verse number
	// on a line of its own stays on the right. A line of ASCII digits and
	// punctuation (a subtitle timing, "-- 12:30 --", a "}") is
	// left-to-right.
	Auto
)
