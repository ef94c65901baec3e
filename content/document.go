package content

import (
	"strings"
	"time"
)

// Kind says what a block is in the document.
type Kind uint8

const (
	Paragraph Kind = iota // prose; for a plain file, one input line
	Lead                  // an article's lead (summary) paragraph
	Heading               // a heading; Block.Level is 1 to 6 (an article's title is level 1)
	ListItem              // the first paragraph of a list item; Block.Item says its marker
	Code                  // a code block: Text is its lines joined by "\n", verbatim
	Table                 // a table: Attrs.Table holds its cells, ranges of Text
	Rule                  // a thematic break; Text is empty
	Cue                   // a subtitle cue: Attrs.Cue holds its number and timing
	Verse                 // a verse of poetry: Attrs.Halves are its two half-verses
)

var kindNames = [...]string{"paragraph", "lead", "heading", "list item", "code", "table", "rule", "cue", "verse"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + itoa(int(k), 1) + ")"
}

// Dir is the base direction a front-end gives a block. Layout resolves
// Auto by rules P2 and P3 of UAX #9 on the block's prose (inline code and
// URLs skipped); a block with no strong character is left-to-right, and a
// Code block is always left-to-right.
type Dir uint8

const (
	Auto Dir = iota
	LTR
	RTL
)

// Block is one block of the document. Text is kept as read, after decoding
// and the defusing of control characters; every byte offset elsewhere in
// the program (spans, matches, entities) is into Text. Inline markup is
// not in Text: it is in Spans.
type Block struct {
	Kind Kind
	Dir  Dir
	// Level is a heading's level (1 to 6).
	Level uint8
	// Quote is the block quote nesting depth of the block, whatever its
	// kind: a paragraph in a quote in a quote has Quote 2.
	Quote uint8
	// Indent is the list nesting depth of the block: a list item of a
	// top-level list has 1, a paragraph or code block that continues it
	// too (it is drawn under the item's text), a nested item 2.
	Indent uint8
	// Break: a blank row separates the block from the one before it
	// (paragraph spacing). A plain file's blocks have none: its blank
	// lines are blocks of their own.
	Break bool

	Text string
	// Spans are the inline markup of Text and the placeholders of control
	// characters (kind Control), in order of Start.
	Spans []Span
	// Repair is non-nil when Document.RepairZWNJ inserted ZWNJs in Text
	// (display repair of the scraped article); nil for text shown as
	// given.
	Repair *Repair
	// Attrs is the data of a ListItem, Code, Table, Cue or Verse block; nil
	// for the others. One pointer keeps Block at 64 bytes: a 50 MB file
	// has a million of them.
	Attrs *Attrs
}

// Attrs is the kind-specific data of a block.
type Attrs struct {
	Item   Item       // ListItem
	Lang   string     // Code: the info string's language ("bash", "go")
	Table  *TableData // Table
	Cue    CueData    // Cue
	Halves [2]Range   // Verse: the two half-verses, ranges of Text
	Number string     // Verse: its number as written («1.1», «۱۲»), shown in a gutter; "" for none
}

// Item is what a list item's marker says.
type Item struct {
	Ordered bool
	Ordinal int  // the item's number in an ordered list
	Task    Task // a GFM task list item's check box
}

// Task is the state of a task list item's check box.
type Task uint8

const (
	NoTask Task = iota
	Unchecked
	Checked
)

// TableData is a table's cells. Each cell is a range of the block's Text;
// the cells of a row are joined in Text by TAB and the rows by "\n", so that
// search and entity recognition see the table's text as prose.
type TableData struct {
	Rows   [][]Range // Rows[0] is the header row when Header is set
	Header bool
	Align  []Align // per column
}

// Align is a table column's alignment (GFM).
type Align uint8

const (
	AlignNone Align = iota // the start of the table's direction
	AlignLeft
	AlignCenter
	AlignRight
)

// CueData is a subtitle cue's number and timing, shown left-to-right apart
// from its text.
type CueData struct {
	Index  string // "12", or a WebVTT cue identifier; may be empty
	Timing string // "00:00:01,189 --> 00:00:06,210", as written
}

// SpanKind says what an inline span of a block's text is.
type SpanKind uint8

const (
	Emphasis SpanKind = iota + 1
	Strong
	Strike
	InlineCode // code inside prose: laid out left-to-right as an isolate
	Link       // Arg is the URL; the text is the link's text
	AutoLink   // a URL, e-mail address or path shown as written: an isolate
	Image      // the text is the image's alt text; Arg is its URL
	Underline  // subtitles' <u>
	Style      // pager input: Arg is the SGR parameters in force ("1;31")
	// Control is the visible placeholder of a control character of the
	// input (see ControlPicture), styled apart from the text.
	Control
)

// Span is inline markup on the byte range [Start, End) of a block's Text.
type Span struct {
	Start, End int
	Kind       SpanKind
	Arg        string
}

// Isolated reports whether the span's text is laid out as an isolate
// (left-to-right, as written, never broken at its punctuation) and is not
// prose for entity recognition.
func (s Span) Isolated() bool { return s.Kind == InlineCode || s.Kind == AutoLink }

// Repair records what RepairZWNJ changed in a block's Text.
type Repair struct {
	// Inserted lists the byte offsets in Text of the inserted ZWNJs
	// (U+200C, 3 bytes each), in increasing order.
	Inserted []int
}

// OrigOffset maps a byte offset of Text to the same place in the text as
// it was before RepairZWNJ: an offset inside or just after an inserted
// ZWNJ maps to where the ZWNJ was inserted. Without a repair it is i.
func (b *Block) OrigOffset(i int) int {
	if b.Repair == nil {
		return i
	}
	n := 0
	for _, at := range b.Repair.Inserted {
		if at >= i {
			break
		}
		if i < at+3 {
			return at - 3*n
		}
		n++
	}
	return i - 3*n
}

// OrigText returns Text as it was before RepairZWNJ, without the ZWNJs
// it inserted. Without a repair it is Text.
func (b *Block) OrigText() string {
	if b.Repair == nil {
		return b.Text
	}
	var sb strings.Builder
	sb.Grow(len(b.Text) - 3*len(b.Repair.Inserted))
	last := 0
	for _, at := range b.Repair.Inserted {
		sb.WriteString(b.Text[last:at])
		last = at + 3
	}
	sb.WriteString(b.Text[last:])
	return sb.String()
}

// MapOffsets moves every byte range the block holds (spans, table cells,
// half-verses) through f, an increasing map of offsets of
// Text, for an edit of Text that keeps their order.
func (b *Block) MapOffsets(f func(int) int) {
	for k := range b.Spans {
		b.Spans[k].Start, b.Spans[k].End = f(b.Spans[k].Start), f(b.Spans[k].End)
	}
	if a := b.Attrs; a != nil {
		if a.Table != nil {
			for _, row := range a.Table.Rows {
				for k := range row {
					row[k] = Range{f(row[k].Start), f(row[k].End)}
				}
			}
		}
		for k := range a.Halves {
			a.Halves[k] = Range{f(a.Halves[k].Start), f(a.Halves[k].End)}
		}
	}
}

// Controls returns the byte ranges of the placeholders of control
// characters in Text.
func (b *Block) Controls() []Range {
	var out []Range
	for _, s := range b.Spans {
		if s.Kind == Control {
			out = append(out, Range{s.Start, s.End})
		}
	}
	return out
}

// Prose reports whether the block's text is prose for entity recognition
// and the direction of the document: not code, not a rule.
func (b *Block) Prose() bool { return b.Kind != Code && b.Kind != Rule }

// Range is a half-open byte range [Start, End) of a block's Text.
type Range struct{ Start, End int }

// Meta is what a document says about itself. All fields are empty for a
// plain file.
type Meta struct {
	Title      string
	Byline     string
	Site       string
	DateJalali string    // as printed, for example «دوشنبه ۲۴ مرداد ۱۴۰۱، ۰۹:۱۴»
	Published  time.Time // the same instant in the Gregorian calendar (Tehran time)
	Code       string    // the site's content code, for example «۲۵۹۷۰»
	Source     string    // the source credit
	Encoding   string    // the encoding the input was decoded from, when not UTF-8
}

// Format is the format of an input, which picks its front-end.
type Format uint8

const (
	FormatAuto      Format = iota // by the file name's extension, else by sniffing
	FormatText                    // plain text: one block per line (verses for two TAB-separated halves)
	FormatMarkdown                // CommonMark with GitHub's extensions
	FormatHTML                    // a web page (its article) or an HTML fragment
	FormatSubtitles               // SubRip (.srt) or WebVTT (.vtt): one Cue block per cue
	FormatPager                   // pager output: SGR colours and backspace overstrike become styles
	FormatCode                    // source code, a script, a configuration file: text whose every line is left-to-right
)

// Document is what rtlview shows: every input, whatever its format, becomes
// a Document, and layout, search, entities and plain mode read only this.
type Document struct {
	Name   string // "article", a file name, or "-" for standard input
	Format Format // the format it was read as (never FormatAuto)
	Meta   Meta
	Blocks []Block
	// Replaced counts the invalid UTF-8 sequences replaced by U+FFFD.
	Replaced int
	// File, when not nil, holds the blocks instead of Blocks: a large
	// plain text file read a block at a time (OpenFileDocument). Len,
	// Block and Scan read either; Sync takes in what the file's index
	// has found since.
	File    *TextFile
	fileLen int // the blocks of File taken in by Sync
}

// HasDate reports whether the document carries a publication date.
func (d *Document) HasDate() bool { return !d.Meta.Published.IsZero() }
