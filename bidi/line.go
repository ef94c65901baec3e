package bidi

import "math/bits"

// LineLevels returns the levels of the line text[start:end] after rule L1,
// one per rune of the line. The paragraph must have been broken into
// lines in logical order; each line is then treated on its own. Like a
// slice expression, it panics unless 0 <= start <= end <= Len().
func (p *Paragraph) LineLevels(start, end int) []Level {
	p.checkLine(start, end)
	return p.LineLevelsInto(make([]Level, 0, end-start), start, end)
}

// LineLevelsInto is LineLevels appending to dst[:0], which it returns.
func (p *Paragraph) LineLevelsInto(dst []Level, start, end int) []Level {
	p.checkLine(start, end)
	dst = append(dst[:0], p.levels[start:end]...)
	p.lineRule(start, end, func(i int, l Level) { dst[i-start] = l })
	return dst
}

// lineRule applies rule L1 to the line [start, end): it calls set(i, l)
// for each character i whose level is reset to its paragraph level l.
// Classes are the original ones. Characters removed by X9 are reset with
// the whitespace around them (UAX #9 section 5.2).
func (p *Paragraph) lineRule(start, end int, set func(i int, l Level)) {
	para := len(p.paras) - 1
	reset := true // L1 4: the end of the line.
	if p.seen&(1<<bcS|1<<bcB) == 0 {
		// Only the whitespace at the end of the line can be reset.
		for i := end - 1; i >= start && p.orig[i].in(maskTrailing); i-- {
			for para > 0 && i < p.paras[para].start {
				para--
			}
			set(i, p.paras[para].level)
		}
		return
	}
	for i := end - 1; i >= start; i-- {
		for para > 0 && i < p.paras[para].start {
			para--
		}
		switch c := p.orig[i]; {
		case c == bcS || c == bcB: // L1 1, 2.
			set(i, p.paras[para].level)
			reset = true
		case reset && c.in(maskTrailing): // L1 3, 4.
			set(i, p.paras[para].level)
		default:
			reset = false
		}
	}
}

// Visual returns the indices of the runes of the line text[start:end] in
// the order they are shown, left to right (rules L1 and L2). The
// characters removed by X9 are included, next to their neighbours. It
// panics unless 0 <= start <= end <= Len().
func (p *Paragraph) Visual(start, end int) []int {
	p.checkLine(start, end)
	return p.VisualInto(make([]int, 0, end-start), start, end)
}

// packShift places a level above the index in the ints VisualInto
// reverses, so that a level travels with its index and L2 needs no other
// buffer.
const packShift = bits.UintSize - 9

// VisualInto is Visual appending to dst[:0], which it returns; it does
// not allocate when dst has room for the line.
func (p *Paragraph) VisualInto(dst []int, start, end int) []int {
	p.checkLine(start, end)
	n := end - start
	if cap(dst) < n {
		dst = make([]int, n)
	}
	v := dst[:n]
	if end >= 1<<packShift {
		// Too long to pack on this platform (2^23 runes on 32 bits).
		return p.visualSlow(v, start, end)
	}

	// Pack each level with its index, then apply L1.
	var hi, lowOdd Level = 0, 255
	levels := p.levels[start:end]
	for k, l := range levels {
		v[k] = start + k | int(l)<<packShift
		hi = max(hi, l)
		if l&1 == 1 {
			lowOdd = min(lowOdd, l)
		}
	}
	p.lineRule(start, end, func(i int, l Level) {
		v[i-start] = i | int(l)<<packShift
	})
	// L1 may have brought in paragraph levels. The range of levels to
	// reverse may now be wider than needed, which only costs a pass that
	// finds nothing to reverse.
	for _, para := range p.paras {
		hi = max(hi, para.level)
		if para.level&1 == 1 {
			lowOdd = min(lowOdd, para.level)
		}
	}
	// L2, as in reverseLevels; comparing packed values compares levels
	// because the index bits are below the level bits.
	for l := hi; l >= lowOdd && l > 0; l-- {
		floor := int(l) << packShift
		for k := 0; k < len(v); k++ {
			if v[k] < floor {
				continue
			}
			j := k + 1
			for j < len(v) && v[j] >= floor {
				j++
			}
			for a, b := k, j-1; a < b; a, b = a+1, b-1 {
				v[a], v[b] = v[b], v[a]
			}
			k = j
		}
	}
	for k := range v {
		v[k] &= 1<<packShift - 1
	}
	return v
}

// visualSlow is VisualInto with the levels in their own slice.
func (p *Paragraph) visualSlow(v []int, start, end int) []int {
	lv := p.LineLevels(start, end)
	for k := range v {
		v[k] = start + k
	}
	var hi, lowOdd Level = 0, 255
	for _, l := range lv {
		hi = max(hi, l)
		if l&1 == 1 {
			lowOdd = min(lowOdd, l)
		}
	}
	reverseLevels(v, hi, lowOdd, func(x int) Level { return lv[x-start] })
	return v
}

// reverseLevels applies rule L2: from the highest level down to the lowest
// odd level, every maximal run of characters at that level or higher is
// reversed. level gives the level of an element of v.
func reverseLevels(v []int, hi, lowOdd Level, level func(int) Level) {
	for l := hi; l >= lowOdd && l > 0; l-- {
		for k := 0; k < len(v); k++ {
			if level(v[k]) < l {
				continue
			}
			j := k + 1
			for j < len(v) && level(v[j]) >= l {
				j++
			}
			for a, b := k, j-1; a < b; a, b = a+1, b-1 {
				v[a], v[b] = v[b], v[a]
			}
			k = j
		}
	}
}

func (p *Paragraph) checkLine(start, end int) {
	if start < 0 || end < start || end > p.n {
		panic("bidi: line out of range")
	}
}
