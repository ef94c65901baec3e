package layout

import (
	"bufio"
	"io"
	"strings"

	"rtlview/content"
)

// StyleControl is the style Plain gives to the visible placeholders of
// control characters (content.Block.Controls).
const StyleControl Style = 1 << 31

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
	// Gap prints an empty line between blocks: an article's blocks are
	// paragraphs, while a plain file's are its lines, blank ones included.
	Gap bool
}

// DefaultSGR shows control placeholders in reverse video and leaves every
// other style plain.
func DefaultSGR(s Style) string {
	if s&StyleControl != 0 {
		return "7"
	}
	return ""
}

// Plain prints doc laid out with opt to w; with color, control
// placeholders are shown in reverse video. An article (a document with a
// title) gets an empty line between paragraphs, as in the reader.
func Plain(w io.Writer, doc *content.Document, opt Options, color bool) error {
	p := Printer{Options: opt, Color: color, Gap: doc.Meta.Title != ""}
	return p.Print(w, doc)
}

// Print writes doc to w. It returns the first write error.
func (p *Printer) Print(w io.Writer, doc *content.Document) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	sgr := p.SGR
	if sgr == nil {
		sgr = DefaultSGR
	}
	var line []byte
	// One work space for the whole document: lines are printed as they
	// are made, and their buffers reused.
	lp := para{reuse: true}
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		var spans []Span
		if p.Color {
			for _, c := range b.Controls() {
				spans = append(spans, Span{Start: c.Start, End: c.End, Style: StyleControl})
			}
			if p.Spans != nil {
				spans = append(spans, p.Spans(i, b)...)
			}
		}
		if p.Gap && i > 0 {
			if err := bw.WriteByte('\n'); err != nil {
				return err
			}
		}
		var err error
		lp.each(i, b.Text, spans, p.Options, func(l *Line) bool {
			line = appendPlain(line[:0], l, p.Color, sgr)
			_, err = bw.Write(line)
			return err == nil
		})
		if err != nil {
			return err
		}
	}
	return bw.Flush()
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
