package bidi

// resolveSequence resolves one isolating run sequence: the characters
// text[idx[k]] in order, of types ts[k], all at embedding level level,
// with the start-of-sequence and end-of-sequence types sos and eos (X10).
// The rules see the sequence as if the characters were adjacent.
func (p *Paragraph) resolveSequence(text []rune, idx []int32, ts []class, level Level, sos, eos class) {
	p.resolveWeak(ts, sos)                       // W1-W7
	p.resolveBrackets(text, idx, ts, level, sos) // N0
	resolveNeutral(ts, level, sos, eos)          // N1, N2
	p.resolveImplicit(idx, ts, level)            // I1, I2
}
