package bidi

// levelRun is a level run (BD7) after X9: first and last are the indices
// of its first and last characters that X9 keeps.
type levelRun struct {
	first, last int32
	level       Level
}

// levelRuns applies X9 and the first half of X10 to [start, end): it
// splits the characters X9 keeps into maximal runs of one level. The
// removed characters are skipped, so they neither end nor start a run.
func (p *Paragraph) levelRuns(start, end int) {
	runs := p.runs[:0]
	for i := start; i < end; i++ {
		if p.orig[i].in(maskRemoved) { // X9.
			continue
		}
		if n := len(runs); n > 0 && runs[n-1].level == p.levels[i] {
			runs[n-1].last = int32(i)
		} else {
			runs = append(runs, levelRun{int32(i), int32(i), p.levels[i]})
		}
	}
	p.runs = runs
}

// singleRun is levelRuns for a paragraph without explicit formatting
// characters: X1-X8 give all its characters the paragraph level, so the
// characters X9 keeps form one level run.
func (p *Paragraph) singleRun(start, end int, level Level) {
	runs := p.runs[:0]
	first, last := start, end-1
	if p.seen&maskRemoved != 0 {
		for first <= last && p.orig[first].in(maskRemoved) {
			first++
		}
		for last >= first && p.orig[last].in(maskRemoved) {
			last--
		}
	}
	if first <= last {
		runs = append(runs, levelRun{int32(first), int32(last), level})
	}
	p.runs = runs
}

// isolatingRunSequences applies the second half of X10: it chains level
// runs into isolating run sequences (BD13), works out their sos and eos,
// and resolves each one.
func (p *Paragraph) isolatingRunSequences(text []rune, paraLevel Level) {
	runs := p.runs
	types := p.orig
	if p.seen&maskExplicit != 0 {
		types = p.types // with the overrides
	}
	for r := range runs {
		first := runs[r].first
		if p.orig[first] == bcPDI && p.matchPDI[first] >= 0 {
			// A matched PDI that starts a run continues the sequence of
			// its initiator, which then ends the run before the
			// isolate's content (whose level is higher).
			continue
		}
		// sos: the higher of the sequence's level and the level of the
		// character before it (X9-removed ones ignored), or of the
		// paragraph if there is none.
		level := runs[r].level
		before := paraLevel
		if r > 0 {
			before = runs[r-1].level
		}
		sos := directionOf(max(level, before))

		// Gather the characters of the sequence and their types; the
		// buffers have room for the whole paragraph.
		idx, ts := p.seqIdx, p.seqTypes
		k := 0
		cur := r
		for {
			if p.seen&maskRemoved == 0 {
				for i := runs[cur].first; i <= runs[cur].last; i++ {
					idx[k], ts[k] = i, types[i]
					k++
				}
			} else {
				for i := runs[cur].first; i <= runs[cur].last; i++ {
					if !p.orig[i].in(maskRemoved) {
						idx[k], ts[k] = i, types[i]
						k++
					}
				}
			}
			last := runs[cur].last
			m := int32(-1)
			if p.orig[last].in(maskInitiator) {
				m = p.matchPDI[last]
			}
			if m < 0 {
				break
			}
			cur = p.runStartingAt(m)
		}

		// eos: the same with the character after the sequence, but the
		// paragraph level if the sequence ends with an isolate initiator
		// (which then has no matching PDI).
		after := paraLevel
		if !p.orig[runs[cur].last].in(maskInitiator) && cur+1 < len(runs) {
			after = runs[cur+1].level
		}
		eos := directionOf(max(level, after))

		p.resolveSequence(text, idx[:k], ts[:k], level, sos, eos)
	}
}

// runStartingAt returns the index of the level run whose first character
// is i, which must exist.
func (p *Paragraph) runStartingAt(i int32) int {
	lo, hi := 0, len(p.runs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if p.runs[m].first < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// directionOf is the embedding direction of a level: L if even, R if odd.
func directionOf(l Level) class {
	if l&1 == 0 {
		return bcL
	}
	return bcR
}

// levelRemoved gives the characters removed by X9, whose level the
// algorithm leaves undefined, the level of the character before them (the
// paragraph level at its start), so that reordering keeps them in place
// relative to their neighbours.
func (p *Paragraph) levelRemoved(start, end int, paraLevel Level) {
	prev := paraLevel
	for i := start; i < end; i++ {
		if p.orig[i].in(maskRemoved) {
			p.levels[i] = prev
		} else {
			prev = p.levels[i]
		}
	}
}
