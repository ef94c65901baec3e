package layout

import (
	"slices"
	"strings"

	"github.com/rivo/uniseg"

	"rtlview/content"
)

// Overflow is drawn instead of a grapheme cluster that is wider than the
// whole line (a wide CJK character or an emoji at width 1, a two-em dash at
// width 2): the cluster still gets a line of its own, and no line is ever
// wider than the width asked for.
const Overflow = "…"

// Block lays out one paragraph of prose, text, as the lines of block index
// for opt.Width cells, with the styles of spans on its segments: what
// Lines does for a content.Block of kind Paragraph holding text.
//
// The steps follow UAX #9 section 3.4 (reordering after line breaking):
// the paragraph's direction is found by P2/P3 on its prose (URLs, paths and
// e-mail addresses, which are laid out as isolates, skipped; opt.Dir when
// it has no strong character), its levels are resolved once (P2..I2),
// lines are broken in logical order at UAX #14 opportunities (uniseg), and
// each line is then reordered on its own (L1, L2) with grapheme clusters
// kept whole, so that a combining mark stays after its base (the
// terminal's job in L3) and mirrored glyphs replace brackets at odd levels
// (L4).
//
// Spaces and line separators at a break hang past the end of the line:
// they count in Start/End but are not shown and take no width. A word
// longer than the width is broken between grapheme clusters; a single
// cluster wider than the width is shown as Overflow. Width <= 0 breaks
// only at mandatory breaks (UAX #14 LB4, LB5), so a paragraph without them
// is one line. An empty paragraph is one empty line.
func Block(index int, text string, spans []Span, opt Options) []Line {
	b := content.Block{Text: text}
	return Lines(index, &b, spans, opt)
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
	b := content.Block{Text: text}
	return c.CountBlock(&b, opt)
}

// CountBlock returns len(Lines(0, b, nil, opt)), as Count does.
func (c *Counter) CountBlock(b *content.Block, opt Options) int {
	c.p.counting, c.p.reuse, c.p.count = true, true, 0
	opt.Bidi = Terminal // breaks do not depend on the order on screen
	lay(&c.p, 0, b, nil, opt, nil, func(*Line) bool { return true })
	return c.p.count
}

// run lays out the bytes [lo, hi) of a block's text in direction rtl,
// opt.Width cells wide, and calls yield with each line in turn, until
// yield returns false; it reports whether it got to the end. A long run is
// laid out in pieces (see cut). The lines' offsets are into text. Their
// Segments are not filled: the caller styles the lines it keeps (lay's
// emit does, once the frame is on).
func (p *para) run(index int, text string, lo, hi int, rtl bool, isolates []content.Range, opt Options, yield func(*Line) bool) bool {
	if lo == hi {
		if p.counting {
			p.count++
			return true
		}
		p.rtl = rtl // a work space reused (Printer, Cache, Lines' pool) holds the last paragraph's
		l := &p.cur
		*l = p.line(index, opt, 0, 0, 0)
		l.Start, l.End, l.RTL, l.Indent = lo, lo, rtl, 0
		if rtl && opt.Width > 0 {
			l.Indent = opt.Width
		}
		return yield(l)
	}
	for from := lo; from < hi; {
		to := cut(text[:hi], from)
		p.init(text[from:to], int32(from), rtl, isolates, opt)
		ok := p.lines(index, opt, func(l *Line) bool {
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

// lines breaks the text greedily at UAX #14 opportunities and passes each
// line to yield, until yield returns false.
func (p *para) lines(index int, opt Options, yield func(*Line) bool) bool {
	stop := false
	emit := func(u0, u1, shown int) {
		if p.counting {
			p.count++
			return
		}
		if !stop {
			p.cur = p.line(index, opt, u0, u1, shown)
			stop = !yield(&p.cur)
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
	if p.bare {
		// The drawing alone, in sc.bare.
		l.bare = true
		buf, w := sc.bare[:0], 0
		switch {
		case shown == u0:
		case !p.app:
			for ui := u0; ui < shown; ui++ {
				buf, w = p.appendUnit(buf, w, ui, opt.Width)
			}
		case p.uniform(u0, shown):
			// As order gives them, without a list.
			if p.bp.BaseLevel()&1 == 0 {
				for ui := u0; ui < shown; ui++ {
					buf, w = p.appendUnit(buf, w, ui, opt.Width)
				}
			} else {
				for ui := shown - 1; ui >= u0; ui-- {
					buf, w = p.appendUnit(buf, w, ui, opt.Width)
				}
			}
		default:
			sc.order = p.order(sc.order, u0, shown)
			for _, ui := range sc.order {
				buf, w = p.appendUnit(buf, w, ui, opt.Width)
			}
		}
		sc.bare, l.Width = buf, w
		if p.rtl && opt.Width > 0 && l.Width < opt.Width {
			l.Indent = opt.Width - l.Width
		}
		return l
	}
	if shown > u0 {
		sc.order = p.order(sc.order, u0, shown)
		first, last := &p.units[u0], &p.units[shown-1]
		b := &sc.lb
		b.reset()
		// Presentation forms take 3 bytes where Arabic letters take 2.
		b.drawn = slices.Grow(b.drawn, 2*int(last.b1-first.b0)+8)
		for _, ui := range sc.order {
			u := &p.units[ui]
			d0, w, multi := len(b.drawn), 0, false
			if u.r1-u.r0 > 1 && (opt.Width <= 0 || int(u.w) <= opt.Width) {
				// Where each rune is drawn, for Restyle.
				p0 := len(b.x.parts)
				b.drawn = p.appendDrawn(b.drawn, u.r0, u.r1, &b.x.parts)
				for j := p0; j < len(b.x.parts); j++ {
					b.x.parts[j].end -= int32(d0)
				}
				b.x.parts[len(b.x.parts)-1].last = true
				w, multi = int(u.w), true
			} else {
				b.drawn, w = p.appendUnit(b.drawn, 0, ui, opt.Width)
			}
			b.put(int(u.b0), int(u.b1-u.b0), len(b.drawn)-d0, w, multi)
			l.Width += w
		}
		// Unless the caller streams, the line needs memory of its own.
		if p.reuse {
			b.lend(&l)
		} else {
			b.set(&l)
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
	r0, r1 := int(units[u0].r0), int(units[u1-1].r1)
	if p.uniform(u0, u1) {
		if p.bp.BaseLevel()&1 == 0 {
			for i := u0; i < u1; i++ {
				order = append(order, i)
			}
		} else {
			for i := u1 - 1; i >= u0; i-- {
				order = append(order, i)
			}
		}
		return order
	}
	if p.iso != nil {
		// The line in ext: from just after the rune before it (an LRI
		// that opens the line's first isolate is part of it) to the
		// next rune (a PDI that closes its last one too).
		e0, e1 := 0, len(p.ext)
		if r0 > 0 {
			e0 = int(p.extOf[r0-1]) + 1
		}
		if r1 < len(p.runes) {
			e1 = int(p.extOf[r1])
		}
		r0, r1 = e0, e1
	}
	p.sc.vis = p.bp.VisualInto(p.sc.vis, r0, r1)
	for _, ri := range p.sc.vis {
		if p.iso != nil {
			if ri = int(p.origOf[ri]); ri < 0 {
				continue // an added LRI or PDI
			}
		}
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

// uniform reports whether every rune of the units [u0, u1) is at the
// paragraph's level (App mode), which L1 gives back anyway: L2 then
// reverses the whole line (an odd level) or nothing (even).
func (p *para) uniform(u0, u1 int) bool {
	if p.iso != nil {
		return false
	}
	base := p.bp.BaseLevel()
	for _, l := range p.levels[p.units[u0].r0:p.units[u1-1].r1] {
		if l != base {
			return false
		}
	}
	return true
}

// appendUnit appends the drawing of unit ui to buf, a line of w cells so
// far, and returns both: Overflow when the unit is wider than width.
func (p *para) appendUnit(buf []byte, w, ui, width int) ([]byte, int) {
	u := &p.units[ui]
	if uw := int(u.w); width > 0 && uw > width {
		return append(buf, Overflow...), w + 1
	}
	if u.r1 == u.r0+1 {
		if r := p.runes[u.r0]; plainDrawn(r) {
			// appendDrawn's first case, for the most common unit.
			if p.forms != nil {
				r = p.forms[u.r0]
			}
			if r != 0 {
				buf = appendRune(buf, r)
			}
			return buf, w + int(u.w)
		}
	}
	return p.appendDrawn(buf, u.r0, u.r1, nil), w + int(u.w)
}

// String returns the line as drawn, left to right, without its indent.
func (l *Line) String() string {
	var b strings.Builder
	for _, s := range l.Segments {
		b.WriteString(s.Text)
	}
	return b.String()
}
