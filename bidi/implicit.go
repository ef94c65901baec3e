package bidi

// resolveImplicit applies rules I1 and I2 to an isolating run sequence at
// embedding level level and stores the levels of its characters.
func (p *Paragraph) resolveImplicit(idx []int32, ts []class, level Level) {
	for k, i := range idx {
		l := level
		switch t := ts[k]; {
		case level&1 == 0: // I1.
			if t == bcR {
				l++
			} else if t == bcAN || t == bcEN {
				l += 2
			}
		default: // I2.
			if t == bcL || t == bcEN || t == bcAN {
				l++
			}
		}
		p.levels[i] = l
	}
}
