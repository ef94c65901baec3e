package layout

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"rtlview/bidi"
	"rtlview/content"
)

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

// segment splits the text into units: grapheme clusters with their widths
// and the line break opportunity after each.
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
			if !hangs(r) || p.verbatim && !mandatory(r) {
				u.hang = false
				break
			}
		}
		switch {
		case mandatory(p.runes[ri+nr-1]):
			// LB4, LB5 come first. uniseg v0.4.7 misses them when the
			// line break is followed by "-" and a digit (its LB25
			// context wins), so they are applied here too.
			u.brk = uniseg.LineMustBreak
		case p.verbatim:
			// Code breaks where the width is full, nowhere else.
			u.brk = uniseg.LineDontBreak
		case p.iso != nil && p.inIsolate(u.r1-1):
			// A URL or a path is never broken at its punctuation,
			// unless it alone is wider than the line (lines then
			// breaks it between clusters).
			u.brk = uniseg.LineDontBreak
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

// mirrored reports whether rune i is drawn as its mirrored glyph (L4).
func (p *para) mirrored(i int32) (rune, bool) {
	if p.levels == nil || p.levels[i]&1 == 0 || p.verbatim {
		return 0, false
	}
	return bidi.Mirror(p.runes[i])
}

// drawnDiffers reports whether the unit is drawn differently from its
// logical text, so that its width must be measured on what is drawn.
func (p *para) drawnDiffers(u *unit) bool {
	for i := u.r0; i < u.r1; i++ {
		r := p.runes[i]
		if p.forms != nil && p.forms[i] != r {
			return true
		}
		if content.IsControl(r) {
			return true
		}
		if _, ok := p.mirrored(i); ok {
			return true
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
			if m, ok := p.mirrored(i); ok && (p.forms == nil || p.forms[i] == p.runes[i]) {
				r = m
			}
			r, _ = content.ControlPicture(r)
			buf = utf8.AppendRune(buf, r)
		}
		if parts != nil {
			absorbed := drop && !isFormat(p.runes[i])
			*parts = append(*parts, part{end: int32(len(buf)), start: p.offs[i], stop: p.offs[i+1], merge: absorbed})
		}
	}
	return buf
}
