// Package bidi implements the Unicode Bidirectional Algorithm, UAX #9
// revision 46 (Unicode 15.0.0), https://www.unicode.org/reports/tr9/.
//
// Resolve covers one paragraph from rule P2 to rule I2: the paragraph level
// (P2, P3), explicit embeddings, overrides and isolates with the depth
// limit of 125 and the overflow counters (X1-X8), the removal of formatting
// characters and the isolating run sequences (X9, X10), the weak types
// (W1-W7), paired brackets with the 63-entry stack and canonical
// equivalents (BD16, N0), the neutrals (N1, N2) and the implicit levels
// (I1, I2). Text holding paragraph separators is split after each one (P1)
// and every paragraph is resolved on its own.
//
// Line work is separate and done per line on the paragraph's levels, after
// the caller has broken the paragraph into lines in logical order (UAX #9
// section 3.4): LineLevels applies rule L1 and Visual applies L1 and L2.
// Rules L3 (combining marks kept after their base) and L4 (mirrored glyphs
// at odd levels, with Mirror) are left to the layout, which knows about
// grapheme clusters and fonts.
//
// Character properties come from golang.org/x/text/unicode/bidi
// (Bidi_Class); Bidi_Mirroring_Glyph and Bidi_Paired_Bracket come from
// tables generated from the UCD files in ../testdata/ucd.
package bidi

import (
	"sync"
	"unicode/utf8"
)

//go:generate go run ./internal/gen -ucd ../testdata/ucd -o tables.go

// UnicodeVersion is the version of the Unicode Standard, and of UAX #9,
// that this package implements.
const UnicodeVersion = "15.0.0"

// Direction is the direction asked of a paragraph.
type Direction int8

const (
	// Auto takes the direction of the first strong character outside
	// isolates (rules P2, P3), left to right if there is none.
	Auto Direction = iota
	// LeftToRight sets the paragraph embedding level to 0.
	LeftToRight
	// RightToLeft sets the paragraph embedding level to 1.
	RightToLeft
)

// Level is an embedding level: even is left to right, odd right to left.
type Level uint8

// maxDepth is max_depth of BD2: the deepest valid embedding level.
const maxDepth = 125

// Paragraph is the resolved state of one paragraph. The zero value is an
// empty paragraph; Reset reuses its buffers, so one Paragraph can resolve
// many paragraphs without allocating once its buffers are large enough.
//
// After Reset, the read-only methods (BaseLevel, Levels, LineLevels,
// Visual and their Into forms) may be called from several goroutines;
// Reset itself must not run concurrently with anything on p.
type Paragraph struct {
	n      int
	base   Level      // level of the first paragraph
	seen   uint32     // a bit for each class present in the text
	paras  []paraSpan // more than one only when the text holds a B (P1)
	orig   []class    // Bidi_Class of each rune, as looked up
	levels []Level

	*work // scratch for resolving: kept by Reset, lent by Resolve
}

// work is the scratch of resolving a paragraph. The per-rune buffers are
// sized only when a text needs them: runes for ResetString, types for
// texts with explicit formatting characters, matchPDI for those with
// isolates, seqIdx and seqTypes for those not all at level 0.
type work struct {
	runes    []rune  // ResetString's decoded copy of its text
	types    []class // orig with the overrides of X4, X5
	matchPDI []int32 // BD9: initiator <-> matching PDI, or -1
	open     []int32 // isolate initiators waiting for their PDI
	runs     []levelRun
	seqIdx   []int32 // the characters of an isolating run sequence
	seqTypes []class // and their types, gathered for the W, N and I rules
	pairs    []bracketPair
}

// paraSpan is one paragraph of the text: [start, end) and its level.
type paraSpan struct {
	start, end int
	level      Level
}

// Resolve resolves the levels of text, one paragraph (or several separated
// by characters of class B), asked to be laid out in direction dir.
// Invalid code points get the class of U+FFFD (ON).
//
// The Paragraph keeps only what the line methods read, sized for text
// (for a short text, in one allocation with the Paragraph). The scratch
// of resolving is not kept: Resolve borrows it from a pool that all its
// calls share.
func Resolve(text []rune, dir Direction) *Paragraph {
	p := newParagraph(len(text))
	w := lentWork.Get().(*work)
	p.work = w
	p.Reset(text, dir)
	p.work = nil
	if len(text) <= maxLent {
		lentWork.Put(w)
	}
	return p
}

// lentWork holds the scratch that Resolve lends. Scratch that has
// resolved a text longer than maxLent runes is dropped rather than kept,
// so that the pool holds only small buffers.
var lentWork = sync.Pool{New: func() any { return new(work) }}

const maxLent = 1024

// shortLen is the longest text whose buffers newParagraph allocates with
// the Paragraph.
const shortLen = 64

// shortParagraph is a Paragraph with room for a short text.
type shortParagraph struct {
	p      Paragraph
	orig   [shortLen]class
	levels [shortLen]Level
	paras  [1]paraSpan
}

// newParagraph returns an empty Paragraph with room for n runes.
func newParagraph(n int) *Paragraph {
	if n > shortLen {
		return &Paragraph{orig: make([]class, n), levels: make([]Level, n)}
	}
	s := new(shortParagraph)
	p := &s.p
	p.orig, p.levels, p.paras = s.orig[:0], s.levels[:0], s.paras[:0]
	return p
}

// Reset resolves text as Resolve does, reusing p's buffers. p does not
// keep text. Indices are kept in int32: text must be shorter than 2^31
// runes.
func (p *Paragraph) Reset(text []rune, dir Direction) {
	p.setLen(len(text))
	orig := p.orig[:len(text)]
	var seen uint32
	for i, r := range text {
		var c class
		if uint32(r) < uint32(len(lowTable)) {
			c = lowTable[r] // as classOf, without the call
		} else {
			c = classOf(r)
		}
		orig[i] = c
		seen |= 1 << (c & 31)
	}
	p.resolve(text, dir, seen)
}

// ResetString resolves the runes of s as Reset does; rune i of s (in
// `for range` order, invalid bytes as U+FFFD) is index i of the
// paragraph's text.
func (p *Paragraph) ResetString(s string, dir Direction) {
	// Decode and classify in one pass; len(s) bounds the rune count.
	if p.work == nil {
		p.work = new(work)
	}
	p.runes = grow(p.runes, len(s))
	p.orig = grow(p.orig, len(s))
	n, seen := decode(s, p.runes, p.orig)
	p.setLen(n)
	p.resolve(p.runes[:n], dir, seen)
}

// decode stores the runes of s and their classes in runes and orig, which
// must have room for len(s), and returns their number and a bit set for
// each class present.
func decode(s string, runes []rune, orig []class) (n int, seen uint32) {
	runes, orig = runes[:len(s)], orig[:len(s)]
	for i := 0; i < len(s); n++ {
		// One- and two-byte sequences (U+0000-U+07FF: ASCII, Latin,
		// Hebrew, Arabic) are decoded here; lowTable covers them all.
		// (c&31 tells the compiler that the shifts are in range.)
		b := s[i]
		if b < utf8.RuneSelf {
			c := lowTable[b]
			runes[n], orig[n] = rune(b), c
			seen |= 1 << (c & 31)
			i++
			continue
		}
		var r rune
		var c class
		if b >= 0xC2 && b < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			r = rune(b&0x1F)<<6 | rune(s[i+1]&0x3F)
			c = lowTable[r]
			i += 2
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(s[i:])
			c = classOf(r)
			i += size
		}
		runes[n], orig[n] = r, c
		seen |= 1 << (c & 31)
	}
	return n, seen
}

// generalOnly turns off the shortcuts taken on what the text lacks, so
// that tests can compare them with the general path.
var generalOnly = false

// setLen sizes the per-rune buffers that every paragraph needs for n
// runes; resolve sizes the others when the text needs them.
func (p *Paragraph) setLen(n int) {
	p.n = n
	p.orig = grow(p.orig, n)
	p.levels = grow(p.levels, n)
	p.paras = p.paras[:0]
}

// resolve resolves text, whose classes are in p.orig; seen has a bit set
// for each class present, which lets paragraphs without explicit
// formatting characters, removed characters or numbers skip the rules
// that could not change them.
func (p *Paragraph) resolve(text []rune, dir Direction, seen uint32) {
	if generalOnly {
		seen = ^uint32(0)
	}
	p.seen = seen
	if dir != RightToLeft && seen&maskRaising == 0 {
		// Without R, AL, AN or explicit formatting characters the
		// paragraph level is 0 (P2, P3) and every character ends at
		// level 0: W7 makes numbers L, and N1 makes the neutrals L
		// between L and sos/eos, which are L.
		clear(p.levels[:p.n])
		p.paras = append(p.paras, paraSpan{0, p.n, 0})
		p.base = 0
		return
	}
	n := p.n
	if p.work == nil {
		p.work = new(work)
	}
	p.seqIdx = grow(p.seqIdx, n)
	p.seqTypes = grow(p.seqTypes, n)
	if seen&maskIsolate != 0 {
		p.matchPDI = grow(p.matchPDI, n)
	}
	if seen&maskExplicit != 0 {
		// Only X1-X8 change a type before the isolating run sequences
		// are gathered; without them the sequences read orig.
		p.types = grow(p.types, n)
		copy(p.types, p.orig[:n])
	}
	if seen&(1<<bcB) == 0 {
		p.resolveParagraph(text, 0, p.n, dir)
	} else {
		// P1: split the text into paragraphs after each paragraph
		// separator, which stays with the paragraph it ends.
		start := 0
		for i := 0; i < p.n; i++ {
			if p.orig[i] == bcB {
				p.resolveParagraph(text, start, i+1, dir)
				start = i + 1
			}
		}
		if start < p.n || p.n == 0 {
			p.resolveParagraph(text, start, p.n, dir)
		}
	}
	p.base = p.paras[0].level
}

// resolveParagraph runs the rules of UAX #9 section 3.3 over the
// paragraph text[start:end], in the order of the specification.
func (p *Paragraph) resolveParagraph(text []rune, start, end int, dir Direction) {
	// BD9: matching PDIs, which P2 and X5c skip to.
	if p.seen&maskIsolate != 0 {
		p.matchIsolates(start, end)
	}

	// P2, P3: the paragraph embedding level.
	var level Level
	switch dir {
	case LeftToRight:
		level = 0
	case RightToLeft:
		level = 1
	default:
		level = p.firstStrongLevel(start, end)
	}
	p.paras = append(p.paras, paraSpan{start, end, level})

	if p.seen&maskExplicit != 0 {
		// X1-X8: explicit levels and directions.
		p.explicitLevels(start, end, level)
		// X9, X10: level runs.
		p.levelRuns(start, end)
	} else {
		// X1-X8 would give every character the paragraph level.
		p.singleRun(start, end, level)
	}

	// X10: isolating run sequences, each resolved by W1-W7, N0-N2 and
	// I1-I2 in resolveSequence.
	p.isolatingRunSequences(text, level)

	if p.seen&maskRemoved != 0 {
		// Characters removed by X9 get the level of the character before
		// them, so that Visual keeps them next to the text they sat in.
		p.levelRemoved(start, end, level)
	}
}

// BaseLevel is the paragraph embedding level (of the first paragraph, if
// the text holds several).
func (p *Paragraph) BaseLevel() Level { return p.base }

// Levels returns the resolved level of each rune of the text (rule I2,
// before the line rules). Characters removed by X9 (embeddings,
// overrides, PDF, BN such as ZWNJ), which UAX #9 leaves without a level,
// have the level of the character before them. The slice belongs to p: it
// is valid until the next Reset and must not be modified.
func (p *Paragraph) Levels() []Level { return p.levels[:p.n:p.n] }

// Len is the number of runes of the text.
func (p *Paragraph) Len() int { return p.n }

// grow returns s resized to n, reallocating only if its capacity is short.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	return s[:n]
}
