package bidi

// mirrorGapStart and mirrorGapEnd bound a range of code points with no
// entry in mirrorTable: U+00BB, the last entry before it, and U+0F3A, the
// first after it.
const mirrorGapStart, mirrorGapEnd = 0x00BB, 0x0F3A

// mirrorPair is one line of BidiMirroring.txt.
type mirrorPair struct{ from, to rune }

// bracketEntry is one line of BidiBrackets.txt: r, its Bidi_Paired_Bracket
// pair, whether it opens, and key, the canonical form of the closing
// bracket of its pair under which BD16 matches brackets.
type bracketEntry struct {
	r, pair, key rune
	open         bool
}

// Mirror returns the Bidi_Mirroring_Glyph of r: the character to show in
// its place at an odd level (rule L4), for example ')' for '(' and '»'
// for '«'. ok is false if r has none (its glyph, if mirrored at all, must
// be mirrored by the font).
func Mirror(r rune) (m rune, ok bool) {
	if r < mirrorTable[0].from || r > mirrorGapStart && r < mirrorGapEnd {
		// Most text: below '(' or between '»' and the Tibetan marks,
		// where BidiMirroring.txt has no entry (all of Arabic and
		// Hebrew). TestMirrorGap checks the table has none there.
		return r, false
	}
	t := mirrorTable[:]
	lo, hi := 0, len(t)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if t[h].from < r {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if lo < len(t) && t[lo].from == r {
		return t[lo].to, true
	}
	return r, false
}

// PairedBracket returns the Bidi_Paired_Bracket of r and whether r is an
// opening bracket; ok is false if r is not a paired bracket.
func PairedBracket(r rune) (pair rune, open, ok bool) {
	if e := lookupBracket(r); e != nil {
		return e.pair, e.open, true
	}
	return 0, false, false
}

func lookupBracket(r rune) *bracketEntry {
	t := bracketTable[:]
	if r < t[0].r || r > t[len(t)-1].r {
		return nil
	}
	lo, hi := 0, len(t)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if t[h].r < r {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if lo < len(t) && t[lo].r == r {
		return &t[lo]
	}
	return nil
}
