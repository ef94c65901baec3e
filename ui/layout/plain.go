package layout

import (
	"bufio"
	"bytes"
	"cmp"
	"io"
	"slices"
	"strconv"
	"strings"

	"rtlview/content"
)

// Printer prints a document in plain mode: one visual line per output
// line, the indent as spaces, trailing spaces trimmed. It streams: each
// block is laid out, printed and forgotten before the next, so the first
// screen of a large file comes out at once and memory does not grow with
// the document.
type Printer struct {
	Options
	// Color turns on SGR sequences, written by the printer itself and
	// only around text it styles: the text never reaches the terminal
	// raw (its control characters are drawn as placeholders by Block).
	Color bool
	// Spans, if set, returns the styled spans of block i in addition to
	// its control placeholders (entity kinds, for example).
	Spans func(i int, b *content.Block) []Span
	// SGR returns the SGR parameters for a style ("1;32"), "" for none.
	// If nil, DefaultSGR is used.
	SGR func(Style) string

	// One work space for the whole document: lines are printed as they
	// are made, and their buffers reused.
	lp        para
	line      []byte
	prevQuote uint8 // the quote depth of the block printed last
}

// bareLines: a printer without colour lays its lines out bare (see
// para.printOnly). A variable only so that tests can compare the output
// with that of lines laid out in full.
var bareLines = true

// DefaultSGR shows control placeholders in reverse video and leaves every
// other style plain.
func DefaultSGR(s Style) string {
	if s&StyleControl != 0 {
		return "7"
	}
	return ""
}

// Plain prints doc laid out with opt to w; with color, control
// placeholders are shown in reverse video.
func Plain(w io.Writer, doc *content.Document, opt Options, color bool) error {
	p := Printer{Options: opt, Color: color}
	return p.Print(w, doc)
}

// Print writes doc to w: an empty line before each block that has Break
// set (paragraph spacing), then the block's lines; with LinkRefs, a number
// after each link's text and the numbered URLs under the block. It
// returns the first write error.
func (p *Printer) Print(w io.Writer, doc *content.Document) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	for i := range doc.Blocks {
		if err := p.PrintBlock(bw, i, &doc.Blocks[i]); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// PrintBlock writes block b, the block index of its document, as Print
// does, to w; the caller flushes. A Printer that streams a document calls
// it block by block as they are read; its work space is kept from one
// call to the next.
func (p *Printer) PrintBlock(w *bufio.Writer, index int, b *content.Block) error {
	sgr := p.SGR
	if sgr == nil {
		sgr = DefaultSGR
	}
	p.lp.reuse = true
	p.lp.printOnly = !p.Color && bareLines
	var spans []Span
	if p.Color && p.Spans != nil {
		spans = p.Spans(index, b)
	}
	if b.Break && index > 0 {
		if q := min(p.prevQuote, b.Quote); q > 0 {
			// A blank row inside a block quote keeps its bars.
			gap := GapLine(index, q, blockRTL(b, nil, p.Options), p.Options)
			p.line = appendPlain(p.line[:0], &gap, p.Color, sgr)
			if _, err := w.Write(p.line); err != nil {
				return err
			}
		} else if err := w.WriteByte('\n'); err != nil {
			return err
		}
	}
	p.prevQuote = b.Quote
	var refs []string
	if p.LinkRefs {
		b, spans, refs = withRefs(b, spans)
	}
	var err error
	style := sgr
	if p.Color && hasStyleSpans(b) {
		// Pager input: the colours it came with, then ours.
		style = func(s Style) string {
			own := sgr(s & StyleBits)
			k := ArgIndex(s)
			if k == 0 {
				return own
			}
			span, _ := BlockArg(b, k)
			in := SGRParams(span)
			switch {
			case in == "":
				return own
			case own == "":
				return in
			}
			return in + ";" + own
		}
	}
	print := func(l *Line) bool {
		if l.bare {
			p.line = appendBare(p.line[:0], l, p.lp.sc.bare)
		} else {
			p.line = appendPlain(p.line[:0], l, p.Color, style)
		}
		_, err = w.Write(p.line)
		return err == nil
	}
	lay(&p.lp, index, b, spans, p.Options, nil, print)
	for _, ref := range refs {
		if err != nil {
			break
		}
		rb := content.Block{Kind: content.Paragraph, Quote: b.Quote, Indent: b.Indent, Text: ref}
		if blockRTL(b, nil, p.Options) {
			rb.Dir = content.RTL
		}
		lay(&p.lp, index, &rb, []Span{{Start: 0, End: len(ref), Style: StyleDim}}, p.Options, nil, print)
	}
	return err
}

// After tells p that the block before the next one it prints is prev,
// as if p had printed it: a document whose blocks are printed by several
// printers (plain mode on every core) keeps the blank rows between block
// quotes that one printer would draw.
func (p *Printer) After(prev *content.Block) { p.prevQuote = prev.Quote }

// PrintLine writes one line that the caller made (a row joined from
// lines laid out apart, such as a header's date row) as PrintBlock writes
// the lines of a block: its indent as spaces, trailing spaces trimmed,
// its segments' styles as SGR sequences with Color; the caller flushes.
func (p *Printer) PrintLine(w *bufio.Writer, l *Line) error {
	sgr := p.SGR
	if sgr == nil {
		sgr = DefaultSGR
	}
	p.line = appendPlain(p.line[:0], l, p.Color, sgr)
	_, err := w.Write(p.line)
	return err
}

// appendPlain appends the line as text, ending in a newline.
func appendPlain(dst []byte, l *Line, color bool, sgr func(Style) string) []byte {
	segs := l.Segments
	// Trailing spaces are trimmed: find the last segment with anything
	// else in it and how much of it to keep.
	keep := ""
	for len(segs) > 0 {
		keep = strings.TrimRight(segs[len(segs)-1].Text, " ")
		if keep != "" {
			break
		}
		segs = segs[:len(segs)-1]
	}
	if len(segs) == 0 {
		return append(dst, '\n')
	}
	for range l.Indent {
		dst = append(dst, ' ')
	}
	for k, s := range segs {
		text := s.Text
		if k == len(segs)-1 {
			text = keep
		}
		code := ""
		if color {
			code = sgr(s.Style)
		}
		if code == "" {
			dst = append(dst, text...)
			continue
		}
		dst = append(dst, "\x1b["...)
		dst = append(dst, code...)
		dst = append(dst, 'm')
		dst = append(dst, text...)
		dst = append(dst, "\x1b[0m"...)
	}
	return append(dst, '\n')
}

// appendBare appends a bare line, whose drawing is text, as appendPlain
// appends the same line laid out in full without colour: its indent and
// its drawing with trailing spaces trimmed, or nothing when only spaces
// are left, and a newline.
func appendBare(dst []byte, l *Line, text []byte) []byte {
	text = bytes.TrimRight(text, " ")
	if len(text) > 0 {
		dst = appendSpaces(dst, l.Indent)
		dst = append(dst, text...)
	}
	return append(dst, '\n')
}

// withRefs returns b with a reference number ("[1]") after the text of each
// link whose URL is not its text (nor a "#" anchor in the document), spans moved with the text, and the lines
// listing the URLs ("[1] https://…"). b itself is returned when it has no
// such link.
func withRefs(b *content.Block, spans []Span) (*content.Block, []Span, []string) {
	type ins struct {
		at   int
		mark string
	}
	var marks []ins
	var refs []string
	for _, s := range b.Spans {
		if s.Kind != content.Link || s.Arg == "" || s.Arg == b.Text[s.Start:s.End] || strings.HasPrefix(s.Arg, "#") {
			// An autolink shows its URL; "#section" points inside the
			// document, where a reader of plain text cannot follow.
			continue
		}
		n := strconv.Itoa(len(refs) + 1)
		marks = append(marks, ins{s.End, "[" + n + "]"})
		refs = append(refs, "["+n+"] "+content.Visible(s.Arg))
	}
	if marks == nil {
		return b, spans, nil
	}
	slices.SortStableFunc(marks, func(x, y ins) int { return cmp.Compare(x.at, y.at) })
	var t strings.Builder
	from := 0
	for _, m := range marks {
		t.WriteString(b.Text[from:m.at])
		t.WriteString(m.mark)
		from = m.at
	}
	t.WriteString(b.Text[from:])
	// An offset moves by the marks inserted at or before it; a span that
	// ends where a mark goes does not take it in.
	shift := func(off int, end bool) int {
		d := 0
		for _, m := range marks {
			if m.at < off || m.at == off && !end {
				d += len(m.mark)
			}
		}
		return off + d
	}
	nb := *b
	nb.Text = t.String()
	nb.Repair = nil
	nb.Spans = make([]content.Span, len(b.Spans))
	for k, s := range b.Spans {
		s.Start, s.End = shift(s.Start, false), shift(s.End, true)
		nb.Spans[k] = s
	}
	if nb.Attrs != nil && (nb.Attrs.Table != nil || nb.Kind == content.Verse) {
		a := *nb.Attrs
		if a.Table != nil {
			td := *a.Table
			td.Rows = make([][]content.Range, len(a.Table.Rows))
			for r, row := range a.Table.Rows {
				td.Rows[r] = make([]content.Range, len(row))
				for c, x := range row {
					td.Rows[r][c] = content.Range{Start: shift(x.Start, false), End: shift(x.End, true)}
				}
			}
			a.Table = &td
		}
		for k := range a.Halves {
			a.Halves[k] = content.Range{Start: shift(a.Halves[k].Start, false), End: shift(a.Halves[k].End, true)}
		}
		nb.Attrs = &a
	}
	moved := make([]Span, len(spans))
	for k, s := range spans {
		moved[k] = Span{Start: shift(s.Start, false), End: shift(s.End, true), Style: s.Style}
	}
	return &nb, moved, refs
}

// hasStyleSpans reports whether b carries colours of its own (pager input).
func hasStyleSpans(b *content.Block) bool {
	for _, s := range b.Spans {
		if s.Kind == content.Style {
			return true
		}
	}
	return false
}
