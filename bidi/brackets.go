package bidi

import "slices"

// maxBracketDepth is the size of the bracket stack of BD16.
const maxBracketDepth = 63

// bracketPair holds the positions, in an isolating run sequence, of the
// two brackets of a pair (BD14, BD15).
type bracketPair struct{ open, close int }

// bracketOpener is an entry of the BD16 stack.
type bracketOpener struct {
	key rune // canonical closing bracket that matches it
	pos int
}

// resolveBrackets applies rule N0 to the types ts of the isolating run
// sequence whose characters are text[idx[k]].
func (p *Paragraph) resolveBrackets(text []rune, idx []int32, ts []class, level Level, sos class) {
	if p.seen&(1<<bcON) == 0 {
		return // Every paired bracket is of class ON.
	}
	pairs := p.findPairs(text, idx, ts)
	if len(pairs) == 0 {
		return
	}
	embedding := directionOf(level)
	for _, pr := range pairs {
		// N0 b, c: the strong types inside the pair, EN and AN counting
		// as R.
		inside := bcON
		for k := pr.open + 1; k < pr.close; k++ {
			d := strongForN(ts[k])
			if d == embedding {
				inside = d
				break
			}
			if d != bcON {
				inside = d
			}
		}
		var dir class
		switch inside {
		case bcON:
			continue // N0 d: no strong type inside; leave the pair.
		case embedding:
			dir = embedding // N0 b.
		default:
			// N0 c: only the opposite direction inside; the context
			// before the opening bracket decides.
			before := sos
			for k := pr.open - 1; k >= 0; k-- {
				if d := strongForN(ts[k]); d != bcON {
					before = d
					break
				}
			}
			if before == inside {
				dir = inside // N0 c1.
			} else {
				dir = embedding // N0 c2.
			}
		}
		ts[pr.open], ts[pr.close] = dir, dir
		// N0, last paragraph: nonspacing marks that follow a bracket
		// changed here (W1 made them ON) take its new type.
		for _, b := range [2]int{pr.open, pr.close} {
			for k := b + 1; k < len(ts) && p.orig[idx[k]] == bcNSM; k++ {
				ts[k] = dir
			}
		}
	}
}

// strongForN is the direction a type gives in rules N0-N2: L, or R for R,
// EN and AN; bcON for the rest.
func strongForN(t class) class {
	switch t {
	case bcL:
		return bcL
	case bcR, bcEN, bcAN:
		return bcR
	}
	return bcON
}

// findPairs identifies the bracket pairs of an isolating run sequence
// (BD16), sorted by the position of their opening bracket. Only
// characters whose current type is ON count as brackets, so an overridden
// bracket pairs with nothing.
func (p *Paragraph) findPairs(text []rune, idx []int32, ts []class) []bracketPair {
	var stackBuf [maxBracketDepth]bracketOpener
	stack := stackBuf[:0]
	pairs := p.pairs[:0]
scan:
	for k, t := range ts {
		// Paired brackets are of class ON, and still ON after the weak
		// rules unless overridden; the ON made by W6 are not brackets.
		if t != bcON || p.orig[idx[k]] != bcON {
			continue
		}
		r := text[idx[k]]
		if r < 0x80 && r != '(' && r != ')' && r != '[' && r != ']' && r != '{' && r != '}' {
			continue // the common ASCII punctuation, without a search
		}
		e := lookupBracket(r)
		if e == nil {
			continue
		}
		if e.open {
			if len(stack) == maxBracketDepth {
				break scan // BD16: stop processing the sequence.
			}
			stack = append(stack, bracketOpener{e.key, k})
			continue
		}
		// A closing bracket pairs with the nearest opener of its kind;
		// the openers above it are discarded. With no opener of its kind
		// it is left alone.
		for s := len(stack) - 1; s >= 0; s-- {
			if stack[s].key == e.key {
				pairs = append(pairs, bracketPair{stack[s].pos, k})
				stack = stack[:s]
				break
			}
		}
	}
	slices.SortFunc(pairs, func(a, b bracketPair) int { return a.open - b.open })
	p.pairs = pairs
	return pairs
}
