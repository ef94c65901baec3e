package ui

import (
	"bufio"
	"strings"

	"rtlview/bidi"
	"rtlview/content"
	"rtlview/ui/layout"
)

// dateParts is what the header's date row says, for the reader (dateRow)
// and plain mode alike: greg, the date in the Gregorian calendar in
// English, and jal, the Jalali date as printed ("" when the document has
// none); a web article's site, or else the source its text credits (the
// built-in article's «ایصال نیوز»), goes beside the date in its script: a
// right-to-left name after the Jalali date, any other before the
// Gregorian one. The row is shown only when the document has a date
// (Document.HasDate).
func dateParts(m *content.Meta) (greg, jal string) {
	greg = m.Published.Format("Monday 2 January 2006 15:04")
	jal = m.DateJalali
	site := m.Site
	if site == "" {
		site = m.Source
	}
	if site := content.Safe(site); site != "" {
		if d, _ := bidi.FirstStrong(site); d == bidi.RightToLeft && jal != "" {
			jal += "، " + site
		} else {
			greg = site + " · " + greg
		}
	}
	return greg, jal
}

// isTitle reports whether b, a document's first block, is the title the
// reader's header shows (and then leaves out of the body: bodyOf).
func isTitle(m *content.Meta, b *content.Block) bool {
	return b.Kind == content.Heading && b.Text == m.Title
}

// plainHeader prints, in plain mode, the reader's header: the title, as
// the document's first block when it is the title (a level 1 heading,
// underlined) and else as a heading of its own, then the date row of a
// document that has a date, then a blank line before the body. A document
// without a title nor a date (a plain file, any file without metadata)
// gets no header and is printed exactly as before.
type plainHeader struct {
	meta content.Meta
	// hp prints the header's own lines: the options of the document's
	// printer, no entity spans.
	hp *layout.Printer
	// owed: the header printed lines of its own and the next block must
	// come after a blank line.
	owed bool
}

// newPlainHeader returns the header of a document with meta for cfg; nil
// when it has none.
func newPlainHeader(meta *content.Meta, cfg *PlainConfig) *plainHeader {
	if meta == nil || meta.Title == "" && meta.Published.IsZero() {
		return nil
	}
	return &plainHeader{meta: *meta, hp: cfg.printer(nil)}
}

// printBlock prints block i of the document with p, and the header with
// block 0. A nil header prints the block alone.
func (h *plainHeader) printBlock(w *bufio.Writer, p *layout.Printer, i int, b *content.Block) error {
	if h == nil {
		return p.PrintBlock(w, i, b)
	}
	if i == 0 {
		titled := isTitle(&h.meta, b)
		if titled {
			if err := p.PrintBlock(w, 0, b); err != nil {
				return err
			}
		} else if h.meta.Title != "" {
			t := content.Block{Kind: content.Heading, Level: 1, Text: content.Visible(h.meta.Title)}
			if err := h.hp.PrintBlock(w, 0, &t); err != nil {
				return err
			}
			h.owed = true
		}
		if !h.meta.Published.IsZero() {
			if err := h.printDate(w); err != nil {
				return err
			}
			h.owed = true
		}
		if titled {
			return nil
		}
	}
	if h.owed && !(b.Break && i > 0) {
		// The block brings no blank line of its own.
		if err := w.WriteByte('\n'); err != nil {
			return err
		}
	}
	h.owed = false
	return p.PrintBlock(w, i, b)
}

// printDate prints the date row as the reader draws it (dateRow): the
// Gregorian date at the left and the Jalali date flush right, on one line
// when both fit in the width; else the Jalali date (flush right, wrapped)
// above the Gregorian one. With no width, they are one line, two spaces
// apart. Each part is laid out as any paragraph is (bidi, shaping, the
// direction forced by --dir), and dim when coloured.
func (h *plainHeader) printDate(w *bufio.Writer) error {
	greg, jal := dateParts(&h.meta)
	opt := h.hp.Options
	part := func(text string, dir content.Dir) []layout.Line {
		b := content.Block{Kind: content.Paragraph, Dir: dir, Text: text}
		return layout.Lines(0, &b, []layout.Span{{Start: 0, End: len(text), Style: layout.StyleDim}}, opt)
	}
	gl := part(greg, content.LTR)
	if jal == "" {
		return h.printLines(w, gl)
	}
	jl := part(jal, content.Auto)
	if len(gl) == 1 && len(jl) == 1 {
		g, j := gl[0], jl[0]
		gap := 2
		if opt.Width > 0 {
			gap = opt.Width - g.Indent - g.Width - j.Width
		}
		if gap >= 2 {
			row := layout.Line{Indent: g.Indent}
			row.Segments = append(row.Segments, g.Segments...)
			row.Segments = append(row.Segments, layout.Segment{Text: strings.Repeat(" ", gap)})
			row.Segments = append(row.Segments, j.Segments...)
			return h.hp.PrintLine(w, &row)
		}
	}
	if err := h.printLines(w, jl); err != nil {
		return err
	}
	return h.printLines(w, gl)
}

func (h *plainHeader) printLines(w *bufio.Writer, lines []layout.Line) error {
	for k := range lines {
		if err := h.hp.PrintLine(w, &lines[k]); err != nil {
			return err
		}
	}
	return nil
}
