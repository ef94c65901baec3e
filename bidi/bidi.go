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
// Visual and their Into forms) may be called from several goroutines.
type Paragraph struct {
	n      int
	base   Level      // level of the first paragraph
	paras  []paraSpan // more than one only when the text holds a B (P1)
	orig   []class    // Bidi_Class of each rune, as looked up
	types  []class    // the class as the rules rewrite it
	levels []Level
	runes  []rune // owned copy used by ResetString

	// Scratch for resolving, kept to avoid allocating per paragraph.
	matchPDI []int32 // BD9: initiator <-> matching PDI, or -1
	open     []int32 // isolate initiators waiting for their PDI
	runs     []levelRun
	seqIdx   []int32 // the characters of an isolating run sequence
	seqTypes []class // and their types, gathered for the W, N and I rules
	pairs    []bracketPair
	stack    [maxDepth + 2]status
}

// paraSpan is one paragraph of the text: [start, end) and its level.
type paraSpan struct {
	start, end int
	level      Level
}

// Resolve resolves the levels of text, one paragraph (or several separated
// by characters of class B), asked to be laid out in direction dir.
// Invalid code points get the class of U+FFFD (ON).
func Resolve(text []rune, dir Direction) *Paragraph {
	p := new(Paragraph)
	p.Reset(text, dir)
	return p
}

// Reset resolves text as Resolve does, reusing p's buffers. p does not
// keep text.
func (p *Paragraph) Reset(text []rune, dir Direction) {
	p.n = len(text)
	p.orig = grow(p.orig, p.n)
	p.types = grow(p.types, p.n)
	p.levels = grow(p.levels, p.n)
	p.matchPDI = grow(p.matchPDI, p.n)
	p.paras = p.paras[:0]
	for i, r := range text {
		c := classOf(r)
		p.orig[i] = c
		p.types[i] = c
	}

	// P1: split the text into paragraphs after each paragraph separator,
	// which stays with the paragraph it ends.
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
	p.base = p.paras[0].level
}

// ResetString resolves the runes of s as Reset does; rune i of s (in
// `for range` order, invalid bytes as U+FFFD) is index i of the
// paragraph's text.
func (p *Paragraph) ResetString(s string, dir Direction) {
	p.runes = p.runes[:0]
	for _, r := range s {
		p.runes = append(p.runes, r)
	}
	p.Reset(p.runes, dir)
}

// resolveParagraph runs the rules of UAX #9 section 3.3 over the
// paragraph text[start:end], in the order of the specification.
func (p *Paragraph) resolveParagraph(text []rune, start, end int, dir Direction) {
	// P2, P3: the paragraph embedding level.
	var level Level
	switch dir {
	case LeftToRight:
		level = 0
	case RightToLeft:
		level = 1
	default:
		level = p.firstStrongLevel(start, end, false)
	}
	p.paras = append(p.paras, paraSpan{start, end, level})

	// X1-X8: explicit levels and directions; BD9: matching PDIs.
	p.matchIsolates(start, end)
	p.explicitLevels(start, end, level)

	// X9, X10: level runs and isolating run sequences, each resolved by
	// W1-W7, N0-N2 and I1-I2 in resolveSequence.
	p.levelRuns(start, end)
	p.isolatingRunSequences(text, start, end, level)

	// Characters removed by X9 get the level of the character before
	// them, so that Visual keeps them next to the text they sat in.
	p.levelRemoved(start, end, level)
}

// BaseLevel is the paragraph embedding level (of the first paragraph).
func (p *Paragraph) BaseLevel() Level { return p.base }

// Levels returns the resolved level of each rune of the text (rule I2,
// before the line rules). The slice belongs to p: it is valid until the
// next Reset and must not be modified.
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
