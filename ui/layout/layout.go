package layout

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"rtlview/bidi"
	"rtlview/bidi/shape"
)

// Overflow is drawn instead of a grapheme cluster that is wider than the
// whole line (a wide CJK character or an emoji at width 1, a two-em dash at
// width 2): the cluster still gets a line of its own, and no line is ever
// wider than the width asked for.
const Overflow = "…"

// unit is what line breaking and reordering move as a whole: one grapheme
// cluster (UAX #29), or, when shaping absorbs the first letter of a cluster
// into the one before it (the alef of a lam-alef ligature), both clusters.
type unit struct {
	r0, r1 int32 // rune range of the paragraph
	b0, b1 int32 // byte range of the block's text
	w      int32 // cells taken by the drawn text
	brk    int8  // UAX #14 opportunity after the unit: uniseg.LineDontBreak, LineCanBreak, LineMustBreak
	hang   bool  // spaces and line separators: they hang past the end of a line
}

// para is the work space of one paragraph (or one piece of a very long
// one, see pieceMax). Its buffers are reused from paragraph to paragraph
// when it streams (Plain).
type para struct {
	text   string  // the piece of the block's text being laid out
	base   int32   // its offset in the block's text
	runes  []rune  // the runes of text
	offs   []int32 // offs[i] is the byte offset in the block of rune i; offs[len(runes)] its end
	forms  []rune  // shape.Forms output, nil when not shaping
	fbuf   []rune  // its buffer
	levels []bidi.Level
	bp     bidi.Paragraph
	app    bool // bidi levels resolved: App mode
	units  []unit
	unitOf []int32 // rune index -> unit index
	rtl    bool
	buf    []byte      // scratch for widths
	breaks []lineBreak // scratch for segment

	// reuse: the lines passed to yield share these buffers and are
	// valid only until yield returns (streaming).
	reuse bool
	sc    scratch

	// counting: lines are counted, not built (Count).
	counting bool
	count    int

	// forced: the text is a piece of a paragraph cut by Split, laid out
	// in the paragraph's direction, forceRTL.
	forced, forceRTL bool
}

// scratch holds the buffers of one line being built.
type scratch struct {
	order    []int
	vis      []int
	buf      []byte
	parts    []part
	clusters []Cluster
	segs     []Segment
	where    []struct{ b0, b1, p0, p1 int }
}

// Very long paragraphs (a whole file on one line) are laid out in pieces
// of about pieceTarget bytes, so that the work space stays small and the
// first lines come out at once. A piece ends after spaces before a
// letter or digit (a UAX #14 break opportunity, LB18), or, in a run with
// no space, between two letters (a grapheme boundary, GB999). Each piece
// keeps the paragraph's direction; what is lost is bidi context across
// pieces (an embedding open in one piece does not reach the next) and a
// last line of each piece that may be shorter than it would be.
var (
	pieceMax    = 256 << 10
	pieceTarget = 64 << 10 // variables only so that tests can make them small
)

// Block lays out one paragraph, text, as the lines of block index for
// opt.Width cells, with the styles of spans on its segments.
//
// The steps follow UAX #9 section 3.4 (reordering after line breaking):
// the paragraph's levels are resolved once (P2..I2, direction by P2/P3 or
// opt.Dir when the paragraph has no strong character), lines are broken in
// logical order at UAX #14 opportunities (uniseg), and each line is then
// reordered on its own (L1, L2) with grapheme clusters kept whole, so that
// a combining mark stays after its base (the terminal's job in L3) and
// mirrored glyphs replace brackets at odd levels (L4).
//
// Spaces and line separators at a break hang past the end of the line:
// they count in Start/End but are not shown and take no width. A word
// longer than the width is broken between grapheme clusters; a single
// cluster wider than the width is shown as Overflow. Width <= 0 breaks
// only at mandatory breaks (UAX #14 LB4, LB5), so a paragraph without them
// is one line. An empty paragraph is one empty line.
func Block(index int, text string, spans []Span, opt Options) []Line {
	var p para
	return p.block(index, text, spans, opt)
}

func (p *para) block(index int, text string, spans []Span, opt Options) []Line {
	var out []Line
	p.each(index, text, spans, opt, func(l *Line) bool {
		out = append(out, *l)
		return true
	})
	return out
}

// Count returns len(Block(0, text, nil, opt)) without building the
// lines and without resolving bidi levels, which line breaking does not
// need (mirrored glyphs are as wide as the originals): for the heights
// of paragraphs a reader has not shown yet (scroll position, totals).
// Its work space is dropped on return; see Counter to reuse it.
func Count(text string, opt Options) int {
	var c Counter
	return c.Count(text, opt)
}

// Counter counts lines as Count does, reusing its work space from one
// paragraph to the next. The zero value is ready to use; it is not safe
// for concurrent use.
type Counter struct{ p para }

// Count returns the number of lines of text laid out with opt.
func (c *Counter) Count(text string, opt Options) int {
	c.p.counting, c.p.reuse, c.p.count = true, true, 0
	opt.Bidi = Terminal // breaks do not depend on the order on screen
	if text == "" {
		return 1
	}
	c.p.each(0, text, nil, opt, func(*Line) bool { return true })
	return c.p.count
}

// each lays text out and calls yield with each line in turn, until yield
// returns false; it reports whether it got to the end.
func (p *para) each(index int, text string, spans []Span, opt Options, yield func(*Line) bool) bool {
	var rtl, fixed bool
	if p.forced {
		// A piece of a paragraph cut by Split: the paragraph's direction.
		rtl, fixed = p.forceRTL, true
	} else {
		d, strong := bidi.FirstStrong(text)
		rtl = d == bidi.RightToLeft
		if !strong {
			// P2 found nothing: the paragraph takes the document's
			// direction (the higher-level protocol HL1 allows this).
			rtl = opt.Dir == RTL
		}
		// Every piece of a long paragraph in the paragraph's direction.
		fixed = !strong || len(text) > pieceMax
	}
	dir := bidi.Auto
	if fixed {
		dir = bidi.LeftToRight
		if rtl {
			dir = bidi.RightToLeft
		}
	}
	if text == "" {
		l := p.line(index, opt, 0, 0, 0)
		l.RTL, l.Indent = rtl, 0
		if rtl && opt.Width > 0 {
			l.Indent = opt.Width
		}
		l.Restyle(spans)
		return yield(&l)
	}
	// Many spans: look up each line's few instead of scanning them all.
	var idx *SpanIndex
	if len(spans) > 32 {
		idx = NewSpanIndex(spans)
	}
	for from := 0; from < len(text); {
		to := cut(text, from)
		p.init(text[from:to], int32(from), dir, rtl, opt)
		ok := p.lines(index, opt, func(l *Line) bool {
			if idx != nil {
				l.Restyle(idx.Window(l.Start, l.End))
			} else {
				l.Restyle(spans)
			}
			if !yield(l) {
				return false
			}
			if p.reuse {
				p.sc.segs = l.Segments[:0]
			}
			return true
		})
		if !ok {
			return false
		}
		from = to
	}
	return true
}

// cut returns the end of the piece of text that starts at from.
func cut(text string, from int) int {
	if len(text)-from <= pieceMax {
		return len(text)
	}
	// After spaces, before a letter or a digit: LB18 allows the break.
	lim := min(from+pieceMax, len(text))
	for i := from + pieceTarget; i < lim; i++ {
		if text[i] == ' ' && i+1 < len(text) && text[i+1] != ' ' {
			if r, _ := utf8.DecodeRuneInString(text[i+1:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				return i + 1
			}
		}
	}
	// A run without spaces: between two letters, where no grapheme
	// cluster can continue (Hangul jamo and the few letters of class
	// Prepend excepted).
	prev := rune(-1)
	for i := from + pieceTarget; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if plainLetter(prev) && plainLetter(r) {
			return i
		}
		prev = r
		i += n
		if i-from > 4*pieceMax {
			break
		}
	}
	return len(text)
}

func plainLetter(r rune) bool {
	if r < 0 || !unicode.IsLetter(r) || unicode.Is(unicode.Hangul, r) {
		return false
	}
	switch r {
	case 0x0D4E, 0x111C2, 0x111C3, 0x11A3A, 0x11A84, 0x11A85, 0x11A86, 0x11A87, 0x11A88, 0x11A89, 0x11D46:
		return false // Prepend letters (GB9b)
	}
	return true
}

func (p *para) init(text string, base int32, dir bidi.Direction, rtl bool, opt Options) {
	p.text, p.base = text, base
	n := utf8.RuneCountInString(text)
	p.runes, p.offs = slices.Grow(p.runes[:0], n), slices.Grow(p.offs[:0], n+1)
	for i, r := range text {
		// range yields U+FFFD for each invalid byte, as []rune(text) would.
		p.runes = append(p.runes, r)
		p.offs = append(p.offs, base+int32(i))
	}
	p.offs = append(p.offs, base+int32(len(text)))
	p.app = opt.Bidi == App
	p.levels = nil
	if p.app {
		p.bp.Reset(p.runes, dir)
		p.levels = p.bp.Levels()
		rtl = p.bp.BaseLevel()&1 == 1
	}
	p.forms = nil
	if opt.Shape {
		// Shaping works on the logical text: joining depends on logical
		// neighbours, whatever the order on screen.
		p.fbuf = shape.Forms(p.runes, p.fbuf)
		p.forms = p.fbuf
	}
	p.rtl = rtl
	p.segment()
}

// segment splits the paragraph into units: grapheme clusters with their
// widths and the line break opportunity after each (uniseg.Step gives all
// three in one pass).
func (p *para) segment() {
	p.unitOf = slices.Grow(p.unitOf[:0], len(p.runes))[:len(p.runes)]
	p.units = slices.Grow(p.units[:0], len(p.runes))
	p.breaks = lineBreaks(p.breaks[:0], p.text)
	buf := p.buf
	rest, state, ri, end, bi := p.text, -1, 0, 0, 0
	for len(rest) > 0 {
		var cluster string
		var width int
		cluster, rest, width, state = uniseg.FirstGraphemeClusterInString(rest, state)
		end += len(cluster)
		nr := utf8.RuneCountInString(cluster)
		u := unit{
			r0:   int32(ri),
			r1:   int32(ri + nr),
			b0:   p.offs[ri],
			b1:   p.offs[ri+nr],
			w:    int32(width),
			brk:  breakAt(p.breaks, &bi, end),
			hang: true,
		}
		for _, r := range p.runes[ri : ri+nr] {
			if !hangs(r) {
				u.hang = false
				break
			}
		}
		if mandatory(p.runes[ri+nr-1]) {
			// LB4, LB5 come first. uniseg v0.4.7 misses them when the
			// line break is followed by "-" and a digit (its LB25
			// context wins), so they are applied here too.
			u.brk = uniseg.LineMustBreak
		}
		ri += nr
		// A letter absorbed by shaping (the alef of lam-alef) joins the
		// unit before it: the ligature is one cluster of both letters.
		if p.forms != nil && len(p.units) > 0 && p.forms[u.r0] == 0 && p.runes[u.r0] != 0 && !isFormat(p.runes[u.r0]) {
			prev := &p.units[len(p.units)-1]
			prev.r1, prev.b1, prev.brk = u.r1, u.b1, u.brk
			prev.hang = prev.hang && u.hang
			buf = p.widthOf(prev, buf)
			continue
		}
		if !u.hang && p.drawnDiffers(&u) {
			buf = p.widthOf(&u, buf)
		}
		p.units = append(p.units, u)
	}
	for i := range p.units {
		u := &p.units[i]
		for r := u.r0; r < u.r1; r++ {
			p.unitOf[r] = int32(i)
		}
	}
	p.buf = buf
}

// lineBreak is a line break opportunity of UAX #14: the byte offset it
// comes before and whether the break is mandatory.
type lineBreak struct {
	at   int
	must bool
}

// lineBreaks appends the line break opportunities of text, in order. They
// and the grapheme clusters (uniseg.FirstGraphemeClusterInString) are two
// passes over the text where uniseg.Step would be one: Step also runs the
// word and sentence state machines, which layout has no use for, while
// the line state machine sees the same runes either way
// (TestSegmentMatchesStep checks that the two give the same units).
func lineBreaks(dst []lineBreak, text string) []lineBreak {
	rest, state, at := text, -1, 0
	for len(rest) > 0 {
		var seg string
		var must bool
		seg, rest, must, state = uniseg.FirstLineSegmentInString(rest, state)
		at += len(seg)
		dst = append(dst, lineBreak{at: at, must: must})
	}
	return dst
}

// breakAt returns the kind of line break after a cluster that ends at
// byte end (uniseg.LineDontBreak, LineCanBreak or LineMustBreak),
// advancing *i through breaks. Opportunities inside a cluster are passed
// over: a line never ends in the middle of one.
func breakAt(breaks []lineBreak, i *int, end int) int8 {
	for *i < len(breaks) && breaks[*i].at < end {
		*i++
	}
	if *i == len(breaks) || breaks[*i].at != end {
		return uniseg.LineDontBreak
	}
	if breaks[*i].must {
		return uniseg.LineMustBreak
	}
	return uniseg.LineCanBreak
}

// hangs reports whether r may hang past the end of a line: spaces that
// allow a break after them (UAX #14 LB18; the no-break spaces are class
// GL and do not, and the Ogham space mark is a visible glyph) and
// mandatory breaks (LB4, LB5).
func hangs(r rune) bool {
	switch r {
	case '\u00a0', '\u2007', '\u202f', '\u1680':
		return false
	}
	return mandatory(r) || unicode.Is(unicode.Zs, r)
}

// mandatory reports the characters after which a line must break
// (UAX #14 classes BK, CR, LF, NL).
func mandatory(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// isFormat reports whether r is an invisible format character that shaping
// may drop (ZWNJ, ZWJ): its style is then dropped with it rather than
// moved onto a visible letter.
func isFormat(r rune) bool { return unicode.Is(unicode.Cf, r) }

// drawnDiffers reports whether the unit is drawn differently from its
// logical text, so that its width must be measured on what is drawn.
func (p *para) drawnDiffers(u *unit) bool {
	for i := u.r0; i < u.r1; i++ {
		r := p.runes[i]
		if p.forms != nil && p.forms[i] != r {
			return true
		}
		if isControl(r) {
			return true
		}
		if p.levels != nil && p.levels[i]&1 == 1 {
			if _, ok := bidi.Mirror(r); ok {
				return true
			}
		}
	}
	return false
}

func (p *para) widthOf(u *unit, buf []byte) []byte {
	buf = p.appendDrawn(buf[:0], u.r0, u.r1, nil)
	if r, n := utf8.DecodeRune(buf); n == len(buf) && (r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFE) {
		// A lone Arabic presentation form, the common case when
		// shaping: East Asian Width neutral, one cell.
		u.w = 1
		return buf
	}
	// uniseg.StringWidth on bytes, without copying them to a string.
	w, rest, state := 0, buf, -1
	for len(rest) > 0 {
		var cw int
		_, rest, cw, state = uniseg.FirstGraphemeCluster(rest, state)
		w += cw
	}
	u.w = int32(w)
	return buf
}

// appendDrawn appends what is drawn for runes [r0, r1) in logical order:
// the shaped form (none when absorbed), the mirrored glyph at an odd level
// (L4), a visible placeholder for a control character. When parts is not
// nil it records, per rune, where its drawing ends.
func (p *para) appendDrawn(buf []byte, r0, r1 int32, parts *[]part) []byte {
	for i := r0; i < r1; i++ {
		r, drop := p.runes[i], false
		if p.forms != nil && r != 0 { // a NUL of the input is shown, as ␀
			r = p.forms[i]
			drop = r == 0
		}
		if !drop {
			if p.levels != nil && p.levels[i]&1 == 1 {
				if m, ok := bidi.Mirror(r); ok {
					r = m
				}
			}
			r = placeholder(r)
			buf = utf8.AppendRune(buf, r)
		}
		if parts != nil {
			absorbed := drop && !isFormat(p.runes[i])
			*parts = append(*parts, part{end: int32(len(buf)), start: p.offs[i], stop: p.offs[i+1], merge: absorbed})
		}
	}
	return buf
}

// isControl reports the characters that must never reach the terminal
// raw: C0 controls, DEL and C1 controls (DESIGN.md, "Never let the text
// talk to the terminal").
func isControl(r rune) bool { return r < 0x20 || (r >= 0x7f && r <= 0x9f) }

// placeholder returns the visible stand-in for a control character: the
// Control Pictures block (U+2400..U+2421) for C0 and DEL, and U+FFFD for
// C1, which has no pictures.
func placeholder(r rune) rune {
	switch {
	case r < 0x20:
		return 0x2400 + r
	case r == 0x7f:
		return 0x2421
	case r >= 0x80 && r <= 0x9f:
		return utf8.RuneError
	}
	return r
}

// lines breaks the paragraph greedily at UAX #14 opportunities and
// passes each line to yield, until yield returns false.
func (p *para) lines(index int, opt Options, yield func(*Line) bool) bool {
	stop := false
	emit := func(u0, u1, shown int) {
		if p.counting {
			p.count++
			return
		}
		if !stop {
			l := p.line(index, opt, u0, u1, shown)
			stop = !yield(&l)
		}
	}
	width := int32(opt.Width)
	units := p.units
	start := 0       // first unit of the current line
	w := int32(0)    // cells up to the end of the last unit that does not hang
	pend := int32(0) // cells of the hanging units after it: shown only if more follows
	shown := 0       // end of the units shown if the line ended here
	brk, brkShown := -1, 0
	for i := 0; i < len(units) && !stop; i++ {
		u := &units[i]
		if !u.hang {
			if width > 0 && w+pend+u.w > width && i > start {
				if brk > start {
					emit(start, brk, brkShown)
					start = brk
				} else {
					// No opportunity on the line: break the word
					// between clusters.
					emit(start, i, shown)
					start = i
				}
				w, pend, shown, brk = 0, 0, start, -1
				for j := start; j < i; j++ {
					if units[j].hang {
						pend += units[j].w
					} else {
						w += pend + units[j].w
						pend, shown = 0, j+1
					}
				}
				i--
				continue
			}
			w += pend + u.w
			pend, shown = 0, i+1
		} else {
			pend += u.w
		}
		switch u.brk {
		case uniseg.LineMustBreak:
			if i+1 < len(units) {
				emit(start, i+1, shown)
				start, w, pend, shown, brk = i+1, 0, 0, i+1, -1
			}
		case uniseg.LineCanBreak:
			brk, brkShown = i+1, shown
		}
	}
	emit(start, len(units), shown)
	return !stop
}

// line builds the line of units [u0, u1) of which [u0, shown) are drawn.
func (p *para) line(index int, opt Options, u0, u1, shown int) Line {
	l := Line{Block: index, RTL: p.rtl}
	if u1 > u0 {
		l.Start, l.End = int(p.units[u0].b0), int(p.units[u1-1].b1)
	}
	sc := &p.sc
	if shown > u0 {
		sc.order = p.order(sc.order, u0, shown)
		first, last := &p.units[u0], &p.units[shown-1]
		// Presentation forms take 3 bytes where Arabic letters take 2.
		buf := slices.Grow(sc.buf[:0], 2*int(last.b1-first.b0)+8)
		n := len(sc.order)
		// Clusters and parts are kept by the line; unless the caller
		// streams, they need buffers of their own.
		var parts []part
		var clusters []Cluster
		if p.reuse {
			parts = slices.Grow(sc.parts[:0], int(last.r1-first.r0))
			clusters = slices.Grow(sc.clusters[:0], n)[:n]
		} else {
			parts = make([]part, 0, int(last.r1-first.r0))
			clusters = make([]Cluster, n)
		}
		// Where each cluster's drawing and parts are in buf and parts.
		where := slices.Grow(sc.where[:0], n)[:n]
		for k, ui := range sc.order {
			u := &p.units[ui]
			b0, p0 := len(buf), len(parts)
			w := int(u.w)
			if opt.Width > 0 && w > opt.Width {
				buf = append(buf, Overflow...)
				parts = append(parts, part{end: int32(len(buf) - b0), start: u.b0, stop: u.b1})
				w = 1
			} else {
				buf = p.appendDrawn(buf, u.r0, u.r1, &parts)
				for j := p0; j < len(parts); j++ {
					parts[j].end -= int32(b0)
				}
			}
			where[k].b0, where[k].b1, where[k].p0, where[k].p1 = b0, len(buf), p0, len(parts)
			clusters[k] = Cluster{Start: int(u.b0), End: int(u.b1), Width: w}
			l.Width += w
		}
		s := string(buf)
		l.drawn = s
		for k := range clusters {
			c := &clusters[k]
			c.Text = s[where[k].b0:where[k].b1]
			if ps := parts[where[k].p0:where[k].p1]; len(ps) > 1 {
				c.parts = ps[:len(ps):len(ps)]
			}
		}
		l.Clusters = clusters
		sc.buf, sc.where = buf, where
		if p.reuse {
			sc.parts, sc.clusters = parts, clusters
		}
	}
	if p.reuse {
		l.Segments = sc.segs[:0]
	}
	if p.rtl && opt.Width > 0 && l.Width < opt.Width {
		l.Indent = opt.Width - l.Width
	}
	return l
}

// order returns the units [u0, u1) in display order, left to right,
// appended to dst[:0]. In App mode the line's runes are reordered by bidi
// (L1, L2) and each unit is placed where its first rune lands, so a
// cluster moves whole and keeps its marks after its base; in Terminal
// mode the order is logical.
func (p *para) order(dst []int, u0, u1 int) []int {
	order := dst[:0]
	if !p.app {
		for i := u0; i < u1; i++ {
			order = append(order, i)
		}
		return order
	}
	units := p.units
	p.sc.vis = p.bp.VisualInto(p.sc.vis, int(units[u0].r0), int(units[u1-1].r1))
	for _, ri := range p.sc.vis {
		ui := int(p.unitOf[ri])
		if ui >= u0 && ui < u1 && units[ui].r0 == int32(ri) {
			order = append(order, ui)
		}
	}
	if len(order) != u1-u0 {
		// Visual must be a permutation of the line; should it ever not
		// be, show what is missing rather than lose text.
		seen := make(map[int]bool, len(order))
		for _, ui := range order {
			seen[ui] = true
		}
		for i := u0; i < u1; i++ {
			if !seen[i] {
				order = append(order, i)
			}
		}
	}
	return order
}

// String returns the line as drawn, left to right, without its indent.
func (l *Line) String() string {
	var b strings.Builder
	for _, s := range l.Segments {
		b.WriteString(s.Text)
	}
	return b.String()
}
