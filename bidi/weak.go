package bidi

// resolveWeak applies rules W1-W7 to the types ts of an isolating run
// sequence. Each rule runs over the whole sequence before the next one,
// and sees the changes it made itself to earlier characters.
func (p *Paragraph) resolveWeak(ts []class, sos class) {
	// W1: a nonspacing mark takes the type of the character before it,
	// or sos, or ON after an isolate initiator or PDI.
	// W2: a European number after an Arabic letter (the nearest strong
	// type before it, or sos) is an Arabic number.
	// W3: Arabic letters are R.
	// These three only look backwards, so one pass does them, as long as
	// W1 sees the previous type after W1 alone (prev) and W2 the nearest
	// strong type after W1 (strong), before W3 turns AL into R.
	// Without numbers in the text, W4, W5 and W7 have nothing to do and
	// W6 is done in the same pass.
	numbers := p.seen&(1<<bcEN|1<<bcAN) != 0
	prev := sos
	strong := sos
	hasNumber := false
	for k, t := range ts {
		if t == bcNSM { // W1.
			if prev.in(maskIsolate) {
				t = bcON
			} else {
				t = prev
			}
		}
		prev = t
		switch t {
		case bcL, bcR:
			strong = t
		case bcAL:
			strong = t
			t = bcR // W3.
		case bcEN:
			hasNumber = true
			if strong == bcAL { // W2.
				t = bcAN
			}
		case bcAN:
			hasNumber = true
		case bcES, bcET, bcCS:
			if !numbers {
				t = bcON // W6.
			}
		}
		ts[k] = t
	}
	if !numbers {
		return
	}
	if hasNumber && p.seen&(1<<bcES|1<<bcCS) != 0 {
		// W4: a single ES between two ENs is EN; a single CS between two
		// numbers of the same type takes that type.
		for k := 1; k+1 < len(ts); k++ {
			switch ts[k] {
			case bcES:
				if ts[k-1] == bcEN && ts[k+1] == bcEN {
					ts[k] = bcEN
				}
			case bcCS:
				if ts[k-1] == bcEN && ts[k+1] == bcEN {
					ts[k] = bcEN
				} else if ts[k-1] == bcAN && ts[k+1] == bcAN {
					ts[k] = bcAN
				}
			}
		}
	}
	if hasNumber && p.seen&(1<<bcET) != 0 {
		// W5: a sequence of ETs next to an EN becomes EN.
		for k := 0; k < len(ts); k++ {
			if ts[k] != bcET {
				continue
			}
			j := k
			for j < len(ts) && ts[j] == bcET {
				j++
			}
			if (k > 0 && ts[k-1] == bcEN) || (j < len(ts) && ts[j] == bcEN) {
				for m := k; m < j; m++ {
					ts[m] = bcEN
				}
			}
			k = j - 1
		}
	}

	// W6: the separators and terminators left are ON.
	// W7: a European number whose nearest strong type before it (or sos)
	// is L becomes L.
	strong = sos
	for k, t := range ts {
		switch t {
		case bcES, bcET, bcCS:
			ts[k] = bcON // W6.
		case bcL, bcR:
			strong = t
		case bcEN:
			if strong == bcL { // W7.
				ts[k] = bcL
			}
		}
	}
}
