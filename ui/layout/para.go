package layout

import (
	"slices"
	"unicode/utf8"

	"rtlview/bidi"
	"rtlview/bidi/shape"
	"rtlview/content"
)

// para is the work space of one run of text being laid out: a paragraph, a
// piece of a very long one (see pieceMax), a table cell, a half-verse, a
// line of code. Its buffers are reused from run to run when it streams
// (Stream) or counts (Counter).
type para struct {
	text   string  // the piece of the block's text being laid out
	base   int32   // its offset in the block's text
	runes  []rune  // the runes of text
	offs   []int32 // offs[i] is the byte offset in the block of rune i; offs[len(runes)] its end
	forms  []rune  // shape.Forms output, nil when not shaping
	fbuf   []rune  // its buffer
	levels []bidi.Level
	lbuf   []bidi.Level // levels of runes when isolates were added for bidi
	bp     bidi.Paragraph
	app    bool // bidi levels resolved: App mode
	units  []unit
	unitOf []int32 // rune index -> unit index
	rtl    bool
	buf    []byte      // scratch for widths
	breaks []lineBreak // scratch for segment

	// Isolates (inline code, URLs, paths; see content.Islands): bidi is
	// resolved on ext, the runes with LRI before and PDI after each
	// isolate, so that each reads left to right as written; extOf maps a
	// rune to its index in ext and origOf back (-1 for the added ones).
	// iso lists the isolates as rune ranges; no line breaks inside them.
	ext    []rune
	extOf  []int32
	origOf []int32
	iso    []runeRange

	// verbatim: code. Spaces are drawn and do not hang, lines break only
	// at "\n" or where the width is full. A right-to-left run in it (a
	// Persian comment or string) is still drawn as prose draws it:
	// reordered, its brackets mirrored (L4) and its letters shaped.
	verbatim bool

	// reuse: the lines passed to yield share these buffers and are
	// valid only until yield returns (streaming).
	reuse bool
	sc    scratch
	// cur is the line passed to yield (a Line on the stack would
	// escape, one allocation per line): valid until yield returns,
	// whether the work space streams or not.
	cur Line
	// gathered: the lines of a block, for layLines.
	gathered []Line

	// printOnly: the lines are printed without styles (a Printer
	// without colour), and bare while laying out a block of a kind that
	// allows it (see lay): line then makes the drawing alone, in
	// sc.bare, without clusters or Segments.
	printOnly, bare bool

	// counting: lines are counted, not built (Count).
	counting bool
	count    int
}

type runeRange struct{ r0, r1 int32 }

// scratch holds the buffers of one line being built.
type scratch struct {
	order []int
	vis   []int
	lb    lineBuilder
	segs  []Segment
	bare  []byte // the drawing of a bare line
	wrap  []byte // scratch for wrapBare
}

// init prepares text, the bytes [base, base+len(text)) of a block, for
// line breaking: runes, bidi levels in direction rtl (App mode), shaped
// forms, units. isolates are byte ranges of the block.
func (p *para) init(text string, base int32, rtl bool, isolates []content.Range, opt Options) {
	p.text, p.base = text, base
	p.decode(text, base)
	n := len(p.runes)
	p.isolates(isolates)
	p.app = opt.Bidi == App
	p.levels = nil
	if p.app {
		dir := bidi.LeftToRight
		if rtl {
			dir = bidi.RightToLeft
		}
		if p.iso == nil {
			p.bp.Reset(p.runes, dir)
			p.levels = p.bp.Levels()
		} else {
			p.bp.Reset(p.ext, dir)
			ext := p.bp.Levels()
			p.lbuf = slices.Grow(p.lbuf[:0], n)[:n]
			for i := range p.runes {
				p.lbuf[i] = ext[p.extOf[i]]
			}
			p.levels = p.lbuf
		}
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

// decode sets runes and offs for text, the bytes of the block from base,
// in one pass: as `for range` decodes (U+FFFD for each invalid byte), with
// the one- and two-byte sequences (ASCII, Latin, Hebrew, Arabic) decoded
// inline.
func (p *para) decode(text string, base int32) {
	// len(text) bounds the number of runes: no count first.
	runes := slices.Grow(p.runes[:0], len(text))[:len(text)]
	offs := slices.Grow(p.offs[:0], len(text)+1)[:len(text)+1]
	n := 0
	for i := 0; i < len(text); {
		b := text[i]
		offs[n] = base + int32(i)
		switch {
		case b < utf8.RuneSelf:
			runes[n] = rune(b)
			i++
		case b >= 0xC2 && b < 0xE0 && i+1 < len(text) && text[i+1]&0xC0 == 0x80:
			runes[n] = rune(b&0x1F)<<6 | rune(text[i+1]&0x3F)
			i += 2
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			runes[n] = r
			i += size
		}
		n++
	}
	offs[n] = base + int32(len(text))
	p.runes, p.offs = runes[:n], offs[:n+1]
}

// isolates finds the isolates that fall in this run (as rune ranges) and,
// when there are any, builds ext, extOf and origOf.
func (p *para) isolates(isolates []content.Range) {
	p.iso = p.iso[:0]
	lo, hi := p.base, p.base+int32(len(p.text))
	for _, r := range isolates {
		a, b := max(int32(r.Start), lo), min(int32(r.End), hi)
		if a >= b {
			continue
		}
		r0, _ := slices.BinarySearch(p.offs[:len(p.runes)], a)
		r1, _ := slices.BinarySearch(p.offs[:len(p.runes)], b)
		if r0 < r1 {
			p.iso = append(p.iso, runeRange{int32(r0), int32(r1)})
		}
	}
	if len(p.iso) == 0 {
		p.iso = nil
		return
	}
	n := len(p.runes)
	p.ext = slices.Grow(p.ext[:0], n+2*len(p.iso))
	p.extOf = slices.Grow(p.extOf[:0], n)[:n]
	p.origOf = slices.Grow(p.origOf[:0], n+2*len(p.iso))
	k := 0
	for i, r := range p.runes {
		if k < len(p.iso) && int32(i) == p.iso[k].r0 {
			p.ext = append(p.ext, '\u2066') // LRI
			p.origOf = append(p.origOf, -1)
		}
		p.extOf[i] = int32(len(p.ext))
		p.ext = append(p.ext, r)
		p.origOf = append(p.origOf, int32(i))
		if k < len(p.iso) && int32(i) == p.iso[k].r1-1 {
			p.ext = append(p.ext, '\u2069') // PDI
			p.origOf = append(p.origOf, -1)
			k++
		}
	}
}

// inIsolate reports whether the rune ri is inside an isolate and not its
// last rune: no line break after it.
func (p *para) inIsolate(ri int32) bool {
	for _, r := range p.iso {
		if ri >= r.r0 && ri < r.r1-1 {
			return true
		}
	}
	return false
}
