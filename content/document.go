// Package content turns bytes into a Document: the embedded Persian news
// article (cleaned of its scraped-page boilerplate), or any UTF-8 file or
// standard input, read safely. It also holds Persian normalisation for
// matching (Fold), entity recognition and Jalali dates.
package content

import "time"

// BlockKind says what a block is in the document.
type BlockKind uint8

const (
	Paragraph BlockKind = iota // body text; for a plain file, one input line
	Title                      // the article's headline
	Lead                       // the article's lead (summary) paragraph
)

// Block is one paragraph of the document. Text is kept as read, after
// UTF-8 repair and the defusing of control characters; every byte offset
// elsewhere in the program (spans, matches, entities) is into Text.
type Block struct {
	Kind BlockKind
	Text string
	// Controls lists the byte ranges of Text that are visible placeholders
	// for control characters of the input, so the UI can style them.
	Controls []Range
}

// Range is a half-open byte range [Start, End) of a block's Text.
type Range struct{ Start, End int }

// Meta is what the article says about itself. All fields are empty for a
// plain file.
type Meta struct {
	Title      string
	DateJalali string    // as printed, for example «دوشنبه ۲۴ مرداد ۱۴۰۱، ۰۹:۱۴»
	Published  time.Time // the same instant in the Gregorian calendar (Tehran time)
	Code       string    // the site's content code, for example «۲۵۹۷۰»
	Source     string    // the source credit
}

// Document is what rtlview shows.
type Document struct {
	Name   string // "article", a file name, or "-" for standard input
	Meta   Meta
	Blocks []Block
	// Replaced counts the invalid UTF-8 sequences replaced by U+FFFD.
	Replaced int
}

// HasDate reports whether the document carries a publication date.
func (d *Document) HasDate() bool { return !d.Meta.Published.IsZero() }
