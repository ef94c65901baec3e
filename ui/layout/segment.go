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
//
// Most of a paragraph of prose is words of letters and digits with their
// marks, one space apart, and for those the rules of UAX #29 and #14 come
// down to three lines (see fastEnd): segment reads such stretches itself,
// and hands the rest (punctuation, quotes, controls, emoji, anything
// else) to uniseg from a point where uniseg's state is fresh.
// TestSegmentMatchesStep checks the result against uniseg.StepString.
func (p *para) segment() {
	p.unitOf = slices.Grow(p.unitOf[:0], len(p.runes))[:len(p.runes)]
	p.units = slices.Grow(p.units[:0], len(p.runes))
	for ri, e := 0, p.fastEnd(0); ri < len(p.runes); {
		if e > ri {
			p.fastUnits(ri, e)
			ri = e
			e = p.fastEnd(ri)
			continue
		}
		// slowUnits stops where a fast stretch starts, and knows its end.
		ri, e = p.slowUnits(ri)
	}
}

// Fast classes: a letter or digit (Latin, Arabic-script, Hebrew; UAX #14
// classes AL, HL, NU; Grapheme_Cluster_Break Other; one cell, whatever
// form shaping draws), a mark (Arabic and Hebrew points, ZWNJ: CM, Extend,
// no cell), a space (U+0020: SP), punctuation that never starts a break
// (. , : ; ، IS, LB13 and LB29; ) ] CP, LB13 and LB30) and quotation marks
// (" ' « » QU, LB19: no break on either side, but after spaces, LB18).
const (
	fastNone = iota
	fastLetter
	fastDigit
	fastMark
	fastSpace
	fastPunct // IS
	fastClose // CP
	fastQuote
)

// fastClass returns the fast class of r: fastClassOf, looked up.
func fastClass(r rune) uint8 {
	if r < rune(len(fastTable)) {
		return fastTable[r]
	}
	if r == 0x200C {
		return fastMark
	}
	return fastNone
}

// fastTable holds fastClassOf of the code points below U+0800 (ASCII,
// Latin-1, Hebrew, Arabic): above, only ZWNJ has a fast class.
var fastTable = func() (t [0x800]uint8) {
	for r := range t {
		t[r] = uint8(fastClassOf(rune(r)))
	}
	return t
}()

// fastClassOf returns the fast class of r.
func fastClassOf(r rune) int {
	if r < utf8.RuneSelf {
		switch {
		case r == ' ':
			return fastSpace
		case r|0x20 >= 'a' && r|0x20 <= 'z':
			return fastLetter
		case r >= '0' && r <= '9':
			return fastDigit
		case r == '.', r == ',', r == ':', r == ';':
			return fastPunct
		case r == ')', r == ']':
			return fastClose
		case r == '"', r == '\'':
			return fastQuote
		}
		return fastNone
	}
	switch {
	case r >= 0x0621 && r <= 0x063A, r >= 0x0641 && r <= 0x064A,
		r >= 0x066E && r <= 0x066F, r >= 0x0671 && r <= 0x06D3, r == 0x06D5, r >= 0x06EE && r <= 0x06EF, r >= 0x06FA && r <= 0x06FC,
		r >= 0x05D0 && r <= 0x05EA:
		return fastLetter
	case r >= 0x0660 && r <= 0x0669, r >= 0x06F0 && r <= 0x06F9:
		return fastDigit
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x200C,
		r >= 0x05B0 && r <= 0x05BD, r == 0x05BF, r == 0x05C1, r == 0x05C2, r == 0x05C7:
		return fastMark
	case r == 0x060C:
		return fastPunct
	case r == 0x00AB, r == 0x00BB:
		return fastQuote
	}
	return fastNone
}

// fastEnd returns the end (a rune index) of the stretch from rune i that
// segment reads itself, i when there is none. The stretch starts with a
// letter at the start of the text or after a space (where uniseg would
// start afresh: a grapheme boundary, and a line break decided by the text
// before, which uniseg or the stretch before saw) and holds only letters
// with their marks, spaces, and the punctuation and quotes of fastClass:
// clusters are a letter and its marks, or one other rune; a line may break
// after a space before a letter or a quote (LB18) and nowhere else (LB7
// before a space, LB9 before a mark, LB13, LB19, LB23, LB25, LB28, LB29,
// LB30 between letters, digits and punctuation). It ends at the end of the text, or at the
// start of the last word before anything else, so that uniseg sees that
// word and the spaces before it, whose breaks depend on what follows
// (LB13, LB19: no break before «!» or «»» even after spaces).
func (p *para) fastEnd(i int) int {
	runes := p.runes
	if i >= len(runes) {
		return i
	}
	if c := fastClass(runes[i]); i > 0 && runes[i-1] != ' ' || c != fastLetter && c != fastDigit {
		return i
	}
	lastWord := i
	prev := uint8(fastSpace)
	for j := i; j < len(runes); j++ {
		c := fastClass(runes[j])
		switch {
		case c == fastNone, c == fastMark && prev != fastLetter && prev != fastDigit && prev != fastMark,
			c == fastDigit && prev == fastPunct: // IS × NU only after a number (LB25)
			return lastWord
		case (c == fastLetter || c == fastDigit) && prev == fastSpace:
			lastWord = j
		}
		prev = c
	}
	return len(runes)
}

// fastUnits appends the units of runes [i, e), a stretch fastEnd found.
func (p *para) fastUnits(i, e int) {
	runes, offs, unitOf, forms, units := p.runes, p.offs, p.unitOf, p.forms, p.units
	// Prose (not code, no isolates) needs nothing of addUnitBuf but
	// the letters that shaping absorbs.
	direct := !p.verbatim && p.iso == nil
	c := fastClass(runes[i])
	for j := i; j < e; {
		r0 := j
		j++
		next := uint8(fastNone) // the class of rune j
		if j < len(runes) {
			next = fastClass(runes[j])
		}
		if c == fastLetter || c == fastDigit {
			for j < e && next == fastMark {
				if j++; j < len(runes) {
					next = fastClass(runes[j])
				} else {
					next = fastNone
				}
			}
		}
		brk := int8(uniseg.LineDontBreak)
		if j == len(runes) {
			brk = uniseg.LineMustBreak // LB3
		} else if c == fastSpace && (next == fastLetter || next == fastDigit || next == fastQuote) {
			brk = uniseg.LineCanBreak
		}
		// Letters, digits, spaces and punctuation are one cell
		// whatever is drawn (a presentation form, a mirrored glyph),
		// marks none.
		if direct && (forms == nil || forms[r0] != 0) && len(units) < cap(units) {
			// Field by field into the list: a unit built on the
			// stack and copied is read back before its byte
			// stores land (a store-forwarding stall).
			k := len(units)
			units = units[:k+1]
			u := &units[k]
			u.r0, u.r1, u.b0, u.b1, u.w = int32(r0), int32(j), offs[r0], offs[j], 1
			u.brk, u.hang = brk, c == fastSpace
			for r := r0; r < j; r++ {
				unitOf[r] = int32(k)
			}
		} else {
			u := unit{r0: int32(r0), r1: int32(j), b0: offs[r0], b1: offs[j], w: 1, brk: brk, hang: c == fastSpace}
			p.units = units
			p.buf = p.addUnitBuf(u, p.buf, true)
			units = p.units
		}
		c = next
	}
	p.units = units
}

// slowUnits appends the units uniseg finds from rune ri up to the next
// point where fastEnd finds a stretch (or the end), and returns that point
// and the stretch's end.
func (p *para) slowUnits(ri int) (next, end int) {
	text := p.text
	i := int(p.offs[ri] - p.base)
	// Line breaks from i, until one falls where a fast stretch can start.
	p.breaks = p.breaks[:0]
	k, kr, ke := len(text), len(p.runes), len(p.runes)
	rest, state, at := text[i:], -1, i
	for len(rest) > 0 {
		var seg string
		var must bool
		seg, rest, must, state = uniseg.FirstLineSegmentInString(rest, state)
		at += len(seg)
		p.breaks = append(p.breaks, lineBreak{at: at, must: must})
		if len(rest) > 0 && !must && text[at-1] == ' ' {
			if r, ok := slices.BinarySearch(p.offs[:len(p.runes)], p.base+int32(at)); ok {
				if e := p.fastEnd(r); e > r {
					k, kr, ke = at, r, e
					break
				}
			}
		}
	}
	// Grapheme clusters of text[i:k], which begins and ends at cluster
	// boundaries (the text's ends, or a space and a letter).
	buf := p.buf
	gs, gstate, end, bi := text[i:k], -1, i, 0
	for len(gs) > 0 {
		var cluster string
		var width int
		cluster, gs, width, gstate = uniseg.FirstGraphemeClusterInString(gs, gstate)
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
		if mandatory(p.runes[ri+nr-1]) {
			// LB4, LB5 come first. uniseg v0.4.7 misses them when the
			// line break is followed by "-" and a digit (its LB25
			// context wins), so they are applied here too.
			u.brk = uniseg.LineMustBreak
		}
		ri += nr
		buf = p.addUnitBuf(u, buf, false)
	}
	p.buf = buf
	return kr, ke
}

// addUnitBuf appends u: code breaks only where the width is full, a URL or
// path only when alone wider than the line; a letter absorbed by shaping
// joins the unit before it; the width of a unit drawn differently from its
// text (shaped, mirrored, a control picture) is measured on the drawing,
// unless known is set (fastUnits: the width does not change).
func (p *para) addUnitBuf(u unit, buf []byte, known bool) []byte {
	switch {
	case u.brk == uniseg.LineMustBreak && mandatory(p.runes[u.r1-1]):
	case p.verbatim:
		// Code breaks where the width is full, nowhere else.
		u.brk = uniseg.LineDontBreak
	case p.iso != nil && p.inIsolate(u.r1-1):
		// A URL or a path is never broken at its punctuation, unless
		// it alone is wider than the line (lines then breaks it
		// between clusters).
		u.brk = uniseg.LineDontBreak
	}
	if p.verbatim && u.hang && !mandatory(p.runes[u.r1-1]) {
		u.hang = false // code's spaces are drawn
	}
	// A letter absorbed by shaping (the alef of lam-alef) joins the unit
	// before it: the ligature is one cluster of both letters.
	if p.forms != nil && len(p.units) > 0 && p.forms[u.r0] == 0 && p.runes[u.r0] != 0 && !isFormat(p.runes[u.r0]) {
		prev := &p.units[len(p.units)-1]
		prev.r1, prev.b1, prev.brk = u.r1, u.b1, u.brk
		prev.hang = prev.hang && u.hang
		for r := u.r0; r < u.r1; r++ {
			p.unitOf[r] = int32(len(p.units) - 1)
		}
		return p.widthOf(prev, buf)
	}
	if !known && !u.hang && p.drawnDiffers(&u) {
		buf = p.widthOf(&u, buf)
	}
	for r := u.r0; r < u.r1; r++ {
		p.unitOf[r] = int32(len(p.units))
	}
	p.units = append(p.units, u)
	return buf
}

// lineBreak is a line break opportunity of UAX #14: the byte offset it
// comes before and whether the break is mandatory.
type lineBreak struct {
	at   int
	must bool
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

// invisible reports whether r, alone in its cluster, is not drawn in app
// mode: the bidi formatting characters (LRE…PDI, LRM, RLM, ALM), the zero
// width space, the word joiner and the BOM, all of them zero-width.
func invisible(r rune) bool {
	return content.IsBidiControl(r) || r == 0x200B || r == 0x2060 || r == 0xFEFF
}

// mirrored reports whether rune i is drawn as its mirrored glyph (L4).
func (p *para) mirrored(i int32) (rune, bool) {
	if p.levels == nil || p.levels[i]&1 == 0 {
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
		if r := p.runes[i]; plainDrawn(r) {
			// Most of Arabic and Hebrew: no control, nothing to mirror,
			// never invisible; drawn as itself or its shaped form.
			if p.forms != nil {
				r = p.forms[i]
			}
			if r != 0 {
				buf = appendRune(buf, r)
			}
			if parts != nil {
				*parts = append(*parts, part{end: int32(len(buf)), start: p.offs[i], stop: p.offs[i+1], merge: r == 0 && !isFormat(p.runes[i])})
			}
			continue
		}
		r, drop := p.runes[i], false
		if p.forms != nil && r != 0 { // a NUL of the input is shown, as ␀
			r = p.forms[i]
			drop = r == 0
		}
		switch {
		case p.app && r1-r0 == 1 && invisible(r):
			// After reordering, a bidi control has done its work
			// (UAX #9 X9 removes it): it is not sent, so that no
			// terminal applies it again and a line of millions of
			// them is not millions of bytes. In terminal mode the
			// terminal needs them and they stay.
			drop = true
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

// plainDrawn reports whether r is drawn as itself or as its shaped form
// whatever its level and cluster: between U+00BB and U+0F3A (bidi.Mirror
// has no entry there; all of Hebrew and Arabic) but ALM, an invisible
// bidi control.
func plainDrawn(r rune) bool { return r > 0xBB && r < 0x0F3A && r != 0x061C }

// appendRune is utf8.AppendRune for a valid rune, two- and three-byte
// sequences written inline.
func appendRune(b []byte, r rune) []byte {
	switch {
	case r < 0x80:
		return append(b, byte(r))
	case r < 0x800:
		return append(b, 0xC0|byte(r>>6), 0x80|byte(r)&0x3F)
	case r < 0xD800 || r >= 0xE000 && r < 0x10000:
		return append(b, 0xE0|byte(r>>12), 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
	}
	return utf8.AppendRune(b, r)
}
