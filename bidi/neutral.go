package bidi

// resolveNeutral applies rules N1 and N2 to the types ts of an isolating
// run sequence at embedding level level.
func resolveNeutral(ts []class, level Level, sos, eos class) {
	embedding := directionOf(level)
	for k := 0; k < len(ts); k++ {
		if !ts[k].in(maskNI) {
			continue
		}
		j := k + 1
		for j < len(ts) && ts[j].in(maskNI) {
			j++
		}
		// N1: neutrals between two strong types of the same direction
		// (EN and AN counting as R, sos and eos at the edges) take it.
		before, after := sos, eos
		if k > 0 {
			before = strongForN(ts[k-1])
		}
		if j < len(ts) {
			after = strongForN(ts[j])
		}
		dir := embedding // N2: the others take the embedding direction.
		if before == after {
			dir = before
		}
		for m := k; m < j; m++ {
			ts[m] = dir
		}
		k = j
	}
}
