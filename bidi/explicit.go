package bidi

// status is an entry of the directional status stack of rule X1.
type status struct {
	level    Level
	override class // bcON (neutral), bcL or bcR
	isolate  bool
}

// explicitLevels applies rules X1-X8 to [start, end): it sets the
// embedding level of every character and, under an override, its type.
// Characters that X9 removes get the current level; they are given a
// better one at the end of resolveParagraph.
func (p *Paragraph) explicitLevels(start, end int, paraLevel Level) {
	// X1. The stack never holds more than maxDepth+2 entries: a push
	// needs a level above the top's, and no higher than maxDepth.
	var stackBuf [maxDepth + 2]status
	stack := stackBuf[:0]
	stack = append(stack, status{level: paraLevel, override: bcON})
	overflowIsolates, overflowEmbeddings, validIsolates := 0, 0, 0

	for i := start; i < end; i++ {
		top := &stack[len(stack)-1]
		t := p.orig[i]
		switch t {
		case bcRLE, bcLRE, bcRLO, bcLRO:
			// X2-X5: embeddings and overrides.
			p.levels[i] = top.level
			var next Level
			if t == bcRLE || t == bcRLO {
				next = (top.level + 1) | 1 // least greater odd level
			} else {
				next = (top.level + 2) &^ 1 // least greater even level
			}
			if next <= maxDepth && overflowIsolates == 0 && overflowEmbeddings == 0 {
				s := status{level: next, override: bcON}
				switch t {
				case bcRLO:
					s.override = bcR
				case bcLRO:
					s.override = bcL
				}
				stack = append(stack, s)
			} else if overflowIsolates == 0 {
				overflowEmbeddings++
			}

		case bcRLI, bcLRI, bcFSI:
			// X5a-X5c: the initiator itself belongs to the outside.
			p.levels[i] = top.level
			if top.override != bcON {
				p.types[i] = top.override
			}
			rtl := t == bcRLI
			if t == bcFSI {
				// X5c: P2 and P3 on the isolate's own text.
				stop := end
				if m := p.matchPDI[i]; m >= 0 {
					stop = int(m)
				}
				rtl = p.firstStrongLevel(i+1, stop) == 1
			}
			var next Level
			if rtl {
				next = (top.level + 1) | 1
			} else {
				next = (top.level + 2) &^ 1
			}
			if next <= maxDepth && overflowIsolates == 0 && overflowEmbeddings == 0 {
				validIsolates++
				stack = append(stack, status{level: next, override: bcON, isolate: true})
			} else {
				overflowIsolates++
			}

		case bcPDI:
			// X6a.
			if overflowIsolates > 0 {
				overflowIsolates--
			} else if validIsolates > 0 {
				overflowEmbeddings = 0
				for !stack[len(stack)-1].isolate {
					stack = stack[:len(stack)-1]
				}
				stack = stack[:len(stack)-1]
				validIsolates--
			}
			top = &stack[len(stack)-1]
			p.levels[i] = top.level
			if top.override != bcON {
				p.types[i] = top.override
			}

		case bcPDF:
			// X7.
			p.levels[i] = top.level
			if overflowIsolates > 0 {
				// The PDF is inside an overflowed isolate: it matches nothing.
			} else if overflowEmbeddings > 0 {
				overflowEmbeddings--
			} else if !top.isolate && len(stack) >= 2 {
				stack = stack[:len(stack)-1]
			}

		case bcB:
			// X8: the separator ends all embeddings; it takes the
			// paragraph level.
			p.levels[i] = paraLevel

		case bcBN:
			// X6 excludes BN; X9 removes it.
			p.levels[i] = top.level

		default:
			// X6.
			p.levels[i] = top.level
			if top.override != bcON {
				p.types[i] = top.override
			}
		}
	}
}
