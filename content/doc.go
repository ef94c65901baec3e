// Package content turns bytes into a Document, the one model every input
// becomes: the embedded Persian news article (cleaned of its scraped-page
// boilerplate, see ParseArticle), plain text (Read, Open, Parse), Markdown
// (ParseMarkdown), a web page or a URL (ParseHTML, Fetch), subtitles
// (ParseSubtitles) and pager output with SGR colours and overstrike
// (ParseTerminal). Load (and Stream, which passes the blocks of line
// inputs as they are read) is the one entry: it decodes (Decode:
// encodings, gzip, bzip2, zstd), picks the front-end by --format, the
// name's extension or the text itself (Sniff), and names every failure.
// Layout, search, entity recognition, the reader and plain mode read only
// Documents. The package also holds folding for matching (Fold: Persian,
// Arabic and Hebrew spellings, marks, digits, case) and search over it
// (Compile, Pattern), the Jalali calendar (Jalali, ParseJalali), the
// display repair of missing ZWNJs (RepairZWNJ)
// and the one mapping of control characters to visible placeholders
// (ControlPicture, Visible). Entity recognition lives in content/entities.
//
// # The document model
//
//	Document{Name, Format, Meta{Title, Byline, Site, Date, Source, Encoding}, Blocks}
//	Block{Kind, Dir, Level, Quote, Indent, Break, Text, Spans, Attrs{kind data}}
//	  Kind:   Paragraph | Lead | Heading(Level) | ListItem(Item: ordinal, task) |
//	          Code(Lang) | Table(TableData: rows of cell ranges, header, align) |
//	          Rule | Cue(CueData: number, timing) | Verse(Halves, Number)
//	  Quote:  block quote depth of any block; Indent: list nesting depth
//	  Dir:    Auto (P2/P3 on the prose) | LTR | RTL; Code is always LTR
//	  Spans:  byte ranges of Text: Emphasis, Strong, Strike, InlineCode,
//	          Link(URL), AutoLink, Image(alt as text), Underline, Style(SGR)
//
// Text holds only what is read: inline markup is in Spans, never in Text,
// so search and entity recognition see the prose and copying gives it
// back. A block quote is not a block of its own but a depth on the blocks
// inside it, and a list item's later paragraphs are Paragraphs with the
// item's Indent, so that every block is one run of text that layout can
// break into lines on its own.
//
// # Plain text: the rules of Read, Open and Parse
//
//   - Lines: a line ends at LF, CR LF or a lone CR. Each line is one
//     Paragraph block (a Verse when it is two half-verses apart by a TAB
//     or three spaces, an optional verse number before them); an empty line is an empty block (blank lines are
//     kept, one block each); a final line terminator does not start an
//     extra empty block. An empty input (or a BOM alone) has no blocks.
//   - A UTF-8 byte order mark at the start is dropped.
//   - TAB is expanded with spaces to the next multiple of 8 cells, counting
//     cells as the layout does (rivo/uniseg widths).
//   - Invalid UTF-8: each byte that does not start a valid sequence (Go's
//     utf8 decoding) becomes U+FFFD; Document.Replaced counts them.
//   - Binary input: a NUL byte in the first BinarySniff (8 KiB) bytes that
//     is not UTF-16 or UTF-32 (see Decode) makes the input binary; Read
//     refuses it with the error "NAME: looks binary; if it is text, name its
//     encoding with --encoding …" (ErrBinary in a *FileError). A later NUL
//     is defused like any control.
//   - Defusing, so that the text never talks to the terminal: every C0
//     control other than LF, CR and TAB (NUL, BEL, ESC, FF, VT ...) becomes
//     its Control Pictures glyph U+2400 + c (ESC shows as ␛), DEL becomes
//     ␡ U+2421, and each C1 control U+0080-U+009F (CSI U+009B, NEL ...)
//     becomes U+FFFD (ControlPicture). Each placeholder's byte range is
//     a Control span, so the UI can style it apart from text (and
//     from a U+FFFD that replaced an invalid byte, which is not listed).
//     Bidi formatting characters (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI,
//     PDI, LRM, RLM, ALM) are not terminal controls and are kept: the bidi
//     algorithm interprets them. U+2028 and U+2029 are kept as text.
//   - Memory: Load reads the input into one string, and a block's Text is
//     a substring of it unless the line needed one of the rewrites above;
//     Stream holds one line at a time (lines over MaxLine are cut).
//   - Errors: every failure of Open and Read is a *FileError whose message
//     is "NAME: problem" ("notes.txt: no such file or directory",
//     "notes: is a directory"); standard input is named "standard input".
package content
