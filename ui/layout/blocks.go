package layout

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/rivo/uniseg"

	"rtlview/content"
)

// Lines lays out block b, the block index of its document, as visual lines
// of opt.Width cells, with the styles of spans (the caller's: entities,
// matches) and of the block's own markup on their segments.
//
// Every kind is laid out from the block alone: prose (paragraphs, leads,
// headings, list items) as Block describes, with inline code, URLs and
// paths as isolates; a heading of level 1 or 2 underlined; code verbatim,
// left-to-right, cut where the width is full with a continuation mark; a
// table as rows of cells (table.go); a rule across the width; a subtitle
// cue under a dim line of its number and timing; a verse as two columns
// (verse.go). Block quote bars, list indentation and list markers are
// drawn on the block's starting side: the right for a right-to-left block.
func Lines(index int, b *content.Block, spans []Span, opt Options) []Line {
	return layLines(index, b, spans, opt, nil)
}

// layLines is Lines with a pooled work space, for a piece of a cut
// paragraph too (forced: see lay). The lines are gathered in the work
// space and returned in a slice of their own, as long as needed.
func layLines(index int, b *content.Block, spans []Span, opt Options, forced *bool) []Line {
	p := paraPool.Get().(*para)
	p.counting, p.reuse, p.count, p.verbatim = false, false, 0, false
	lines := p.gathered[:0]
	lay(p, index, b, spans, opt, forced, func(l *Line) bool {
		lines = append(lines, *l)
		return true
	})
	out := slices.Clone(lines)
	// The block's text and lines are not held by the pool.
	clear(lines)
	p.text, p.cur, p.gathered = "", Line{}, lines[:0]
	paraPool.Put(p)
	return out
}

// paraPool keeps the work spaces of Lines from one call to the next: its
// lines own their memory (reuse is off), so a work space can serve the
// next paragraph, whose runes, levels and units then need no new arrays.
// A work space is as large as the largest piece it laid out (pieceMax at
// most).
var paraPool = sync.Pool{New: func() any { return new(para) }}

// lay lays b out with the work space p and calls yield with each line,
// until yield returns false; it reports whether it got to the end. forced,
// when not nil, is the direction of a piece of a cut paragraph (Split).
func lay(p *para, index int, b *content.Block, spans []Span, opt Options, forced *bool, yield func(*Line) bool) bool {
	if opt.ShowControls && content.HasExplicitBidi(b.Text) {
		b, spans = showControls(b, spans)
		opt.Bidi, opt.Shape = Terminal, false
	}
	isolates := content.Islands(b.Text, b.Spans)
	rtl := false
	if forced != nil {
		rtl = *forced
	} else {
		rtl = blockRTL(b, isolates, opt)
	}
	f := newFrame(b, rtl, opt)
	inner := opt
	if opt.Width > 0 {
		inner.Width = max(1, opt.Width-f.width)
	}
	if p.counting && prose(b.Kind) {
		// Decorations do not change the number of lines.
		return p.run(index, b.Text, 0, len(b.Text), rtl, isolates, inner, yield)
	}
	if p.counting {
		// Few blocks are not prose: lay them out for real.
		var q para
		n := 0
		lay(&q, index, b, nil, opt, forced, func(*Line) bool { n++; return true })
		p.count += n
		return true
	}
	st := newStyler(b, spans)
	emit := func(l *Line, first bool) bool {
		if l.bare {
			f.wrapBare(l, &p.sc, first, opt)
		} else {
			f.wrap(l, first, opt)
			st.restyle(l)
		}
		return yield(l)
	}
	p.verbatim = false
	// Bare lines (a printer without colour) for the kinds whose lines
	// come from run alone; tables and verses build theirs from clusters.
	p.bare = p.printOnly && b.Kind != content.Table && b.Kind != content.Verse
	defer func() { p.bare = false }()
	switch b.Kind {
	case content.Code:
		return layCode(p, index, b, inner, emit)
	case content.Rule:
		l := decoLine(index, 0, strings.Repeat("─", max(1, inner.Width)), StyleRule, rtl, inner)
		if opt.Width <= 0 {
			l = decoLine(index, 0, strings.Repeat("─", 40), StyleRule, rtl, inner)
		}
		return emit(&l, true)
	case content.Table:
		if b.Attrs != nil && b.Attrs.Table != nil {
			return layTable(index, b, rtl, inner, emit)
		}
	case content.Cue:
		if b.Attrs != nil && (b.Attrs.Cue.Index != "" || b.Attrs.Cue.Timing != "") {
			c := b.Attrs.Cue
			head := strings.TrimSpace(c.Index + "  " + c.Timing)
			l := decoLine(index, 0, head, StyleDim, false, inner)
			if !emit(&l, true) {
				return false
			}
		}
	case content.Verse:
		if b.Attrs != nil {
			return layVerse(p, index, b, rtl, isolates, inner, emit)
		}
	}
	first, widest := true, 0
	ok := p.run(index, b.Text, 0, len(b.Text), rtl, isolates, inner, func(l *Line) bool {
		widest = max(widest, l.Width)
		ok := emit(l, first)
		first = false
		return ok
	})
	if ok && b.Kind == content.Heading && b.Level <= 2 && widest > 0 {
		bar := "━"
		if b.Level == 2 {
			bar = "─"
		}
		l := decoLine(index, len(b.Text), strings.Repeat(bar, widest), StyleRule, rtl, inner)
		ok = emit(&l, false)
	}
	return ok
}

// prose: the kinds laid out as one run of prose, whose line count does not
// depend on anything but the text and the inner width.
func prose(k content.Kind) bool {
	switch k {
	case content.Paragraph, content.Lead, content.ListItem:
		return true
	}
	return false
}

// decoLine is a line that shows no text of the block (a rule, an
// underline, a cue's timing): one decoration cluster at offset at,
// aligned on the starting side of the direction.
func decoLine(index, at int, text string, st Style, rtl bool, opt Options) Line {
	w := uniseg.StringWidth(text)
	if opt.Width > 0 && w > opt.Width {
		text = truncate(text, opt.Width)
		w = uniseg.StringWidth(text)
	}
	l := Line{Block: index, Start: at, End: at, RTL: rtl, Width: w}
	l.SetClusters([]Cluster{deco(text, w, st)})
	if rtl && opt.Width > w {
		l.Indent = opt.Width - w
	}
	return l
}

// truncate cuts s to at most w cells, between grapheme clusters.
func truncate(s string, w int) string {
	used, rest, state := 0, s, -1
	var b strings.Builder
	for len(rest) > 0 {
		var c string
		var cw int
		c, rest, cw, state = uniseg.FirstGraphemeClusterInString(rest, state)
		if used+cw > w {
			break
		}
		used += cw
		b.WriteString(c)
	}
	return b.String()
}

// frame is what a block draws on its starting side: a bar for each block
// quote it is in, the indentation of its list depth, and a list item's
// marker on its first line (blank cells under the marker after it).
type frame struct {
	rtl    bool
	quote  int
	indent int    // blank cells of list nesting
	marker string // the list marker as drawn, "" for none
	mw     int    // cells of the marker and the space after it
	width  int    // cells taken on every line
}

func newFrame(b *content.Block, rtl bool, opt Options) frame {
	f := frame{rtl: rtl, quote: int(b.Quote)}
	if b.Indent > 0 {
		f.indent = 2 * int(b.Indent-1)
		switch {
		case b.Kind == content.ListItem:
			f.marker = marker(b, rtl)
			f.mw = uniseg.StringWidth(f.marker) + 1
		default:
			f.mw = 2 // under the text of the item it continues
		}
	}
	f.width = 2*f.quote + f.indent + f.mw
	if opt.Width > 0 && f.width >= opt.Width {
		// Too narrow for the frame: drop it rather than the text.
		return frame{rtl: rtl}
	}
	return f
}

// marker is a list item's marker as drawn left to right: a bullet by
// depth, a check box, or the ordinal in the text's digits with its full
// stop, which in a right-to-left item comes to the left of the number
// («۱.» reads from the right).
func marker(b *content.Block, rtl bool) string {
	it := content.Item{}
	if b.Attrs != nil {
		it = b.Attrs.Item
	}
	switch {
	case it.Task == content.Checked:
		return "☑"
	case it.Task == content.Unchecked:
		return "☐"
	case !it.Ordered:
		return [...]string{"•", "◦", "▪"}[(int(b.Indent)+2)%3]
	}
	n := digits(strconv.Itoa(it.Ordinal), b.Text)
	if rtl {
		return "." + n
	}
	return n + "."
}

// digits writes the ASCII digits of n in the digits the text uses:
// Persian (U+06F0-06F9) or Arabic-Indic (U+0660-0669) when it has them.
func digits(n, text string) string {
	zero := '0'
	for _, c := range text {
		if c >= 0x06F0 && c <= 0x06F9 {
			zero = 0x06F0
			break
		}
		if c >= 0x0660 && c <= 0x0669 {
			zero = 0x0660
			break
		}
	}
	if zero == '0' {
		return n
	}
	return strings.Map(func(r rune) rune { return r - '0' + zero }, n)
}

// wrap puts the frame around a line laid out at the inner width: bars,
// indentation and marker (first line) or blanks (later lines) on the
// starting side. The line's drawing and clusters are rebuilt to include
// them; its Segments are left for the styler.
func (f *frame) wrap(l *Line, first bool, opt Options) {
	if f.width == 0 {
		return
	}
	var deco []Cluster
	add := func(text string, w int, st Style) {
		if w > 0 {
			deco = append(deco, Cluster{Text: text, Start: -1, End: -1, Width: w, Style: st})
		}
	}
	mark := strings.Repeat(" ", f.mw)
	if first && f.marker != "" {
		if f.rtl {
			mark = " " + f.marker
		} else {
			mark = f.marker + " "
		}
	}
	// Built from the edge inwards, then put in screen order.
	for range f.quote {
		if f.rtl {
			add(" │", 2, StyleQuoteBar)
		} else {
			add("│ ", 2, StyleQuoteBar)
		}
	}
	add(strings.Repeat(" ", f.indent), f.indent, 0)
	add(mark, f.mw, StyleMarker)
	if f.rtl {
		// On the right, the edge last.
		for i, j := 0, len(deco)-1; i < j; i, j = i+1, j-1 {
			deco[i], deco[j] = deco[j], deco[i]
		}
	}
	l.startWith(deco, f.rtl, opt.Width)
}

// wrapBare is wrap for a bare line, whose drawing is sc.bare: the
// frame's texts, in the order wrap puts them, around it.
func (f *frame) wrapBare(l *Line, sc *scratch, first bool, opt Options) {
	if f.width == 0 {
		return
	}
	mark := ""
	if first && f.marker != "" {
		if f.rtl {
			mark = " " + f.marker
		} else {
			mark = f.marker + " "
		}
	}
	if f.rtl {
		// The edge last: mark, indent, bars.
		if mark != "" {
			sc.bare = append(sc.bare, mark...)
		} else {
			sc.bare = appendSpaces(sc.bare, f.mw)
		}
		sc.bare = appendSpaces(sc.bare, f.indent)
		for range f.quote {
			sc.bare = append(sc.bare, " │"...)
		}
	} else {
		w := sc.wrap[:0]
		for range f.quote {
			w = append(w, "│ "...)
		}
		w = appendSpaces(w, f.indent)
		if mark != "" {
			w = append(w, mark...)
		} else {
			w = appendSpaces(w, f.mw)
		}
		w = append(w, sc.bare...)
		sc.wrap, sc.bare = sc.bare, w
	}
	l.Width += f.width
	l.Indent = 0
	if f.rtl && opt.Width > l.Width {
		l.Indent = opt.Width - l.Width
	}
}

func appendSpaces(b []byte, n int) []byte {
	for range n {
		b = append(b, ' ')
	}
	return b
}

// startWith puts clusters (decorations) on the line's starting side: after
// its clusters in a right-to-left line (the right), before them in a
// left-to-right one; the line's width, indent and drawing follow.
func (l *Line) startWith(deco []Cluster, rtl bool, width int) {
	var b lineBuilder
	w := 0
	if rtl {
		b.addLine(l)
	}
	for i := range deco {
		b.add(&deco[i])
		w += deco[i].Width
	}
	if !rtl {
		b.addLine(l)
	}
	b.set(l)
	l.Width += w
	l.Indent = 0
	if rtl && width > l.Width {
		l.Indent = width - l.Width
	}
}

// styler gives lines their segments: the block's markup and the caller's
// spans, looked up per line when there are many.
type styler struct {
	spans []Span
	idx   *SpanIndex
}

func newStyler(b *content.Block, spans []Span) styler {
	if own := Markup(b); own != nil {
		spans = append(own, spans...)
	}
	st := styler{spans: spans}
	if len(spans) > 32 {
		st.idx = NewSpanIndex(spans)
	}
	return st
}

func (st *styler) restyle(l *Line) {
	if st.idx != nil {
		l.Restyle(st.idx.Window(l.Start, l.End))
	} else {
		l.Restyle(st.spans)
	}
}

// Markup returns the styles of the block's own markup as spans: its inline
// spans (emphasis, code, links), the placeholders of its control
// characters, a table's header cells, and the style of its kind over all
// its text (a heading's level, a lead, code). Lines carries them; a caller
// that Restyles lines with spans of its own (entities, matches) adds them
// to these.
func Markup(b *content.Block) []Span {
	var whole Style
	switch b.Kind {
	case content.Heading:
		switch b.Level {
		case 1:
			whole = StyleHeading1
		case 2:
			whole = StyleHeading2
		default:
			whole = StyleHeading
		}
	case content.Lead:
		whole = StyleLead
	case content.Code:
		whole = StyleCode
	}
	var head []content.Range
	if b.Kind == content.Table && b.Attrs != nil && b.Attrs.Table != nil && b.Attrs.Table.Header && len(b.Attrs.Table.Rows) > 0 {
		head = b.Attrs.Table.Rows[0]
	}
	if whole == 0 && len(b.Spans) == 0 && head == nil {
		return nil
	}
	out := make([]Span, 0, len(b.Spans)+len(head)+1)
	if whole != 0 {
		out = append(out, Span{Start: 0, End: len(b.Text), Style: whole})
	}
	for _, r := range head {
		out = append(out, Span{Start: r.Start, End: r.End, Style: StyleStrong})
	}
	arg := 0
	for _, s := range b.Spans {
		st := spanStyle[s.Kind]
		if hasArg(s.Kind) {
			arg++
			st |= Style(arg) << styleArgShift
		}
		if st != 0 {
			out = append(out, Span{Start: s.Start, End: s.End, Style: st})
		}
	}
	return out
}

var spanStyle = [...]Style{
	content.Emphasis:   StyleEmphasis,
	content.Strong:     StyleStrong,
	content.Strike:     StyleStrike,
	content.InlineCode: StyleCode,
	content.Link:       StyleLink,
	content.AutoLink:   StyleLink,
	content.Image:      StyleImage,
	content.Underline:  StyleUnderline,
	content.Style:      0,
	content.Control:    StyleControl,
}

// layCode lays a code block out verbatim: left-to-right, its lines as
// written (indentation kept; a right-to-left run reordered, mirrored and
// shaped as in prose, so that a Persian comment reads), each line a
// paragraph of its own (a "\n" ends a paragraph, UAX #9 P1), cut where the
// width is full with a continuation mark at the right edge.
func layCode(p *para, index int, b *content.Block, opt Options, emit func(*Line, bool) bool) bool {
	p.verbatim = true
	defer func() { p.verbatim = false }()
	inner := opt
	if opt.Width > 1 {
		inner.Width = opt.Width - 1 // the mark's cell
	}
	text := b.Text
	first := true
	for lo := 0; lo <= len(text); {
		hi := strings.IndexByte(text[lo:], '\n')
		if hi < 0 {
			hi = len(text)
		} else {
			hi += lo
		}
		ok := p.run(index, text, lo, hi, false, nil, inner, func(l *Line) bool {
			if opt.Width > 1 && l.End < hi && l.bare {
				p.sc.bare = append(p.sc.bare, "↩"...)
				l.Width++
			} else if opt.Width > 1 && l.End < hi {
				var lb lineBuilder
				mark := deco("↩", 1, StyleDim)
				lb.addLine(l)
				lb.add(&mark)
				lb.set(l)
				l.Width++
			}
			ok := emit(l, first)
			first = false
			return ok
		})
		if !ok {
			return false
		}
		lo = hi + 1
	}
	return true
}

// GapLine is the blank row between two blocks of block quote depth quote
// or more (the row before block index): the quote's bars alone, on the
// starting side of the direction rtl, so that the quote does not look
// broken in two.
func GapLine(index int, quote uint8, rtl bool, opt Options) Line {
	b := content.Block{Quote: quote, Dir: content.LTR}
	if rtl {
		b.Dir = content.RTL
	}
	var p para
	var out Line
	lay(&p, index, &b, nil, opt, nil, func(l *Line) bool {
		out = *l
		return false
	})
	out.Start, out.End = 0, 0
	return out
}

// showControls is block b as ShowControls draws it: each bidi formatting
// character written as its name ("RLO", "PDI"; as many bytes as the
// character, so that spans and offsets stay valid) and marked as a
// control. The caller lays it out in logical order, unshaped: the line
// is shown in the order of its characters, the order a compiler reads.
func showControls(b *content.Block, spans []Span) (*content.Block, []Span) {
	shown := *b
	text, names := content.ShowBidiControls(b.Text)
	shown.Text = text
	out := make([]Span, 0, len(spans)+len(names))
	out = append(out, spans...)
	for _, n := range names {
		out = append(out, Span{Start: n.Start, End: n.End, Style: StyleControl})
	}
	return &shown, out
}
