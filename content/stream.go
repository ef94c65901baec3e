package content

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// MaxLine is the longest line Stream keeps as one block: a longer line
// (10 MB of digits, a minified file) is cut into blocks of at most this
// many bytes, after a space where there is one in its last quarter, else
// at a code point boundary.
const MaxLine = 1 << 20

// maxLine is MaxLine, a variable only so that tests can make it small.
var maxLine = MaxLine

// MaxWhole is the most Stream reads of an input that must be read whole
// before its first block can be made (Markdown, HTML, subtitles); more is
// an error that says so, rather than memory without bound.
const MaxWhole = 512 << 20

// ErrInputTooLarge: an input that must be read whole is over MaxWhole.
var ErrInputTooLarge = errors.New("too large to read as a whole (over 512 MB); try --format=text")

// Stream reads the input source names, as Load does, and passes its blocks
// to yield in order as they are made, until yield returns false. Inputs
// read line by line (plain text, pager output) stream: the first block is
// passed as soon as its line is read, and memory is bounded by MaxLine
// whatever the input's length (`yes | rtlview --plain | head` works).
// Other formats are read whole (up to MaxWhole) and then passed block by
// block. The Document returned after the last block has no Blocks: its
// name, format, metadata and the count of invalid sequences replaced.
func Stream(ctx context.Context, source string, in io.Reader, o LoadOptions, yield func(*Block) bool) (*Document, error) {
	return StreamHead(ctx, source, in, o, nil, yield)
}

// StreamHead is Stream with head, called once just before the first block
// is passed to yield, with the document as it is known then, without
// blocks: its name, format and metadata (an HTML page's title, date and
// site, which plain mode prints as the reader's header does). The count
// of replaced sequences is only final in the Document returned at the
// end. head is not called for an input without blocks; it may be nil.
func StreamHead(ctx context.Context, source string, in io.Reader, o LoadOptions, head func(*Document), yield func(*Block) bool) (*Document, error) {
	if IsURL(source) {
		doc, err := loadURL(ctx, source, o)
		return passAll(doc, err, head, yield)
	}
	name := source
	r := in
	if source != "-" {
		f, _, err := openFile(source)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	var live *liveReader
	if o.Live && source == "-" {
		live = newLive(r)
		r = live
	}
	d, err := Decode(r, o.Encoding)
	if err != nil {
		return nil, fileErr(name, err)
	}
	br := bufio.NewReaderSize(d.R, 64<<10)
	sniff, err := br.Peek(SniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull && err != errPause {
		return nil, fileErr(name, err)
	}
	if live != nil {
		live.settle()
	}
	format := chooseFormat(o.Format, name, string(sniff))
	meta := &Document{Name: name, Format: format}
	if d.Encoding != "utf-8" || d.Compression != "" {
		meta.Meta.Encoding = d.String()
	}
	if format != FormatText && format != FormatPager && format != FormatCode {
		var b strings.Builder
		if _, err := io.Copy(&b, io.LimitReader(br, MaxWhole+1)); err != nil {
			return nil, fileErr(name, err)
		}
		if b.Len() > MaxWhole {
			return nil, &FileError{Name: displayName(name), Err: ErrInputTooLarge}
		}
		doc, err := parseWhole(b.String(), name, format, d)
		return passAll(doc, err, head, yield)
	}
	var term Terminal
	first := true
	err = readLines(br, o.Idle, func(line string, whole bool) bool {
		if first && format == FormatPager {
			line = strings.TrimPrefix(line, "\uFEFF") // as ParseTerminal does
		}
		first = false
		var b Block
		if format == FormatPager {
			var n int
			b.Text, b.Spans, n = term.Line(line)
			meta.Replaced += n
		} else if format == FormatCode {
			b = codeLine(line, !whole || dirtyLine(line), &meta.Replaced)
		} else if whole {
			b = lineBlock(line, dirtyLine(line), &meta.Replaced)
		} else {
			b = lineBlock(line, true, &meta.Replaced) // a cut line: never a verse
			if b.Kind == Verse {
				b = Block{Kind: Paragraph, Text: b.Text, Spans: b.Spans}
			}
		}
		if head != nil {
			h := *meta
			head(&h)
			head = nil
		}
		if o.RawLine != nil && format == FormatText {
			o.RawLine(line, whole)
		}
		return yield(&b)
	})
	if err != nil {
		return meta, fileErr(name, err)
	}
	return meta, nil
}

// passAll passes a document read whole to head, without its blocks,
// then to yield, block by block, and returns it without its blocks.
func passAll(doc *Document, err error, head func(*Document), yield func(*Block) bool) (*Document, error) {
	if doc == nil {
		return nil, err
	}
	if head != nil && len(doc.Blocks) > 0 {
		h := *doc
		h.Blocks = nil
		head(&h)
	}
	for i := range doc.Blocks {
		if !yield(&doc.Blocks[i]) {
			break
		}
	}
	doc.Blocks = nil
	return doc, err
}

// readLines calls line with each line of r (LF, CR LF or a lone CR end a
// line; the terminator is not passed), a line longer than MaxLine in
// pieces (whole false), until line returns false or r ends. idle, if
// not nil, is called before a read that may wait: r holds nothing more.
func readLines(r *bufio.Reader, idle func(), line func(s string, whole bool) bool) error {
	var long []byte // a line longer than the reader's buffer, being read
	pendingCR := false
	cut := false // the line being read was passed in pieces already
	// split passes the pieces of a line longer than maxLine but its
	// last maxLine bytes or fewer; it reports false when line did.
	split := func() bool {
		for len(long) > maxLine {
			at := cutLong(long)
			if !line(string(long[:at]), false) {
				return false
			}
			long, cut = append(long[:0], long[at:]...), true
		}
		return true
	}
	emit := func() bool {
		if !split() {
			return false
		}
		ok := line(string(long), !cut)
		long, cut = long[:0], false
		return ok
	}
	for {
		if idle != nil && r.Buffered() == 0 {
			idle()
		}
		chunk, err := r.ReadSlice('\n')
		if pendingCR && len(chunk) > 0 && chunk[0] == '\n' {
			chunk = chunk[1:] // the LF of a CR LF split across reads
		}
		pendingCR = false
		// Lone CRs inside the chunk end lines too.
		for {
			i := bytes.IndexByte(chunk, '\r')
			if i < 0 {
				break
			}
			long = append(long, chunk[:i]...)
			if !emit() {
				return nil
			}
			chunk = chunk[i+1:]
			if len(chunk) > 0 && chunk[0] == '\n' {
				chunk = chunk[1:]
			} else if len(chunk) == 0 {
				pendingCR = true
			}
		}
		end := len(chunk) > 0 && chunk[len(chunk)-1] == '\n'
		if end {
			chunk = chunk[:len(chunk)-1]
		}
		long = append(long, chunk...)
		if !split() {
			return nil
		}
		if end && !emit() {
			return nil
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF:
			if len(long) > 0 {
				emit()
			}
			return nil
		case err != nil:
			return err
		}
	}
}

// cutLong is where to cut a line longer than MaxLine: after the last space
// in its last quarter, else at the code point boundary at MaxLine. It
// reads only b[:MaxLine+1], so the cut does not depend on how much of the
// line was read.
func cutLong(b []byte) int { return cutAt(b, maxLine) }

// cutAt is cutLong for lines longer than limit bytes: it reads only
// b[:limit+1].
func cutAt(b []byte, limit int) int {
	for i := limit; i > limit*3/4; i-- {
		if b[i-1] == ' ' {
			return i
		}
	}
	i := limit
	for i > 0 && !utf8.RuneStart(b[i]) {
		i--
	}
	if i == 0 {
		return limit
	}
	return i
}
