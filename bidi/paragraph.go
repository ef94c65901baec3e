package bidi

import "unicode/utf8"

// firstStrongLevel applies rules P2 and P3 to the characters of
// [start, end): the level is 1 if the first character of class L, R or AL,
// skipping characters between an isolate initiator and its matching PDI
// (or the end of the paragraph when it has none), is R or AL, and 0
// otherwise. X5c uses it on the text between an FSI and its matching PDI.
//
// Isolates are skipped by jumping to their matching PDI (matchIsolates
// must have run if the text holds isolates), so that nested FSIs cost
// linear time in all: each character is looked at by its innermost FSI
// only.
func (p *Paragraph) firstStrongLevel(start, end int) Level {
	for i := start; i < end; i++ {
		switch p.orig[i] {
		case bcL:
			return 0 // P2, P3
		case bcR, bcAL:
			return 1 // P2, P3
		case bcLRI, bcRLI, bcFSI:
			m := int(p.matchPDI[i])
			if m < 0 {
				return 0 // P2: skipped to the end of the paragraph
			}
			i = m
		case bcB:
			return 0 // P2: only within the paragraph
		}
	}
	return 0 // P3: no strong character
}

// matchIsolates finds, for each isolate initiator of [start, end), its
// matching PDI (BD9): the first following PDI at the same isolate depth,
// before the end of the paragraph. matchPDI holds, for an initiator, the
// index of its PDI and, for a PDI, the index of its initiator; -1 for
// those without a match and for all other characters.
func (p *Paragraph) matchIsolates(start, end int) {
	match, orig := p.matchPDI, p.orig
	open := p.open[:0]
	for i := start; i < end; i++ {
		match[i] = -1
		switch orig[i] {
		case bcLRI, bcRLI, bcFSI:
			open = append(open, int32(i))
		case bcPDI:
			if len(open) > 0 {
				match[open[len(open)-1]] = int32(i)
				match[i] = open[len(open)-1]
				open = open[:len(open)-1]
			}
		}
	}
	p.open = open
}

// FirstStrong applies rules P2 and P3 to the first paragraph of s: the
// direction of its first character of class L, R or AL outside isolates
// (an isolate initiator without a matching PDI hides the rest of the
// paragraph). found is false when the paragraph has no such character;
// Auto would then give it level 0, and a caller with a higher-level
// protocol (HL1) may choose another direction instead, such as the
// direction of the document.
//
// It reads s only as far as it must and does not allocate.
func FirstStrong(s string) (dir Direction, found bool) {
	depth := 0 // isolate initiators not yet closed by a PDI (BD9)
	for _, r := range s {
		switch classOf(r) {
		case bcL:
			if depth == 0 {
				return LeftToRight, true
			}
		case bcR, bcAL:
			if depth == 0 {
				return RightToLeft, true
			}
		case bcLRI, bcRLI, bcFSI:
			depth++
		case bcPDI:
			if depth > 0 {
				depth--
			}
		case bcB:
			return LeftToRight, false // P2 looks within the paragraph only
		}
	}
	return LeftToRight, false
}

// CountStrong counts the strong characters of s: ltr those of class L,
// rtl those of class R or AL (the classes rules P2 and P3 look for). It
// does not allocate; ASCII, Hebrew, Arabic and General Punctuation are
// looked up in direct tables.
func CountStrong(s string) (ltr, rtl int) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			// ASCII: only letters are strong.
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				ltr++
			}
			i++
			continue
		}
		var r rune
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// Two bytes: Latin, Greek, Cyrillic, Hebrew, Arabic.
			r = rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			i += 2
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
		}
		switch classOf(r) {
		case bcL:
			ltr++
		case bcR, bcAL:
			rtl++
		}
	}
	return ltr, rtl
}
