// Package content turns bytes into a Document: the embedded Persian news
// article (cleaned of its scraped-page boilerplate, see ParseArticle), or
// any UTF-8 file or standard input, read safely (Read, Open). It also holds
// Persian folding for matching (Fold), the Jalali calendar (Jalali,
// ParseJalali) and the display repair of missing ZWNJs (RepairZWNJ).
// Entity recognition lives in the subpackage content/entities.
//
// # Plain text: the rules of Read, Open and Parse
//
//   - Lines: a line ends at LF, CR LF or a lone CR. Each line is one
//     Paragraph block; an empty line is an empty block (blank lines are
//     kept, one block each); a final line terminator does not start an
//     extra empty block. An empty input (or a BOM alone) has no blocks.
//   - A UTF-8 byte order mark at the start is dropped.
//   - TAB is expanded with spaces to the next multiple of 8 cells, counting
//     cells as the layout does (rivo/uniseg widths).
//   - Invalid UTF-8: each byte that does not start a valid sequence (Go's
//     utf8 decoding) becomes U+FFFD; Document.Replaced counts them.
//   - Binary input: a NUL byte in the first BinarySniff (8 KiB) bytes makes
//     the input binary; Read refuses it with the error "NAME: looks binary"
//     (ErrBinary in a *FileError). A later NUL is defused like any control.
//   - Defusing, so that the text never talks to the terminal: every C0
//     control other than LF, CR and TAB (NUL, BEL, ESC, FF, VT ...) becomes
//     its Control Pictures glyph U+2400 + c (ESC shows as ␛), DEL becomes
//     ␡ U+2421, and each C1 control U+0080-U+009F (CSI U+009B, NEL ...)
//     becomes U+FFFD. Each placeholder's byte range is listed in
//     Block.Controls, so the UI can style it apart from text (and from a
//     U+FFFD that replaced an invalid byte, which is not listed). Bidi
//     formatting characters (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI,
//     LRM, RLM, ALM) are not terminal controls and are kept: the bidi
//     algorithm interprets them. U+2028 and U+2029 are kept as text.
//   - Memory: the input is read into one string; a block's Text is a
//     substring of it unless the line needed one of the rewrites above.
//   - Errors: every failure of Open and Read is a *FileError whose message
//     is "NAME: problem" ("notes.txt: no such file or directory",
//     "notes: is a directory"); standard input is named "standard input".
package content

import (
	"strings"
	"time"
)

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
	// Repair is non-nil when Document.RepairZWNJ inserted ZWNJs in Text
	// (display repair of the scraped article); nil for text shown as
	// given. A pointer keeps Block small: a 50 MB file has a million of them.
	Repair *Repair
}

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
