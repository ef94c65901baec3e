package entities

import (
	"slices"
	"strings"
)

// Quotations. A «…» is a QUOTE when it follows a colon or a verb of saying,
// or when it holds a clause. Otherwise it is a short quoted phrase: a name
// in quotes keeps the kind of the name, an unknown name next to a title is
// a person, «روز …» is a day, a phrase after «خبرگزاری»، «روزنامه» ... is
// an organisation, and anything else (a scare quote such as «منبع کلیدی»)
// yields nothing.

// Guillemets are two bytes in UTF-8.
const (
	openQ  = "«"
	closeQ = "»"
)

func (sc *scanner) quotes(sel []cand) []cand {
	// One pass over the guillemets: a » closes the last « not yet closed;
	// a second « before the » abandons the first (a stray or nested one).
	t := sc.t
	var extra []cand
	open := -1
	for i := 0; ; {
		k := strings.IndexByte(t[i:], 0xC2) // the lead byte of « and »
		if k < 0 || i+k+1 >= len(t) {
			break
		}
		i += k
		switch t[i : i+2] {
		case openQ:
			open = i
		case closeQ:
			if open >= 0 {
				if wa, wb := sc.wordsIn(open+len(openQ), i); wa < wb {
					extra = sc.quote(sel, extra, open, i+len(closeQ), wa, wb)
				}
				open = -1
			}
		}
		i++
	}
	return append(sel, extra...)
}

// wordsIn returns the words [wa, wb) that lie inside the byte range [s, e).
func (sc *scanner) wordsIn(s, e int) (wa, wb int) {
	wa, _ = slices.BinarySearchFunc(sc.ws, s, func(w word, s int) int { return w.s - s })
	wb = wa
	for wb < len(sc.ws) && sc.ws[wb].e <= e {
		wb++
	}
	return wa, wb
}

// within returns the chosen candidates [lo, hi) of sel (sorted by start)
// that start in [s, e).
func within(sel []cand, s, e int) (lo, hi int) {
	cmp := func(c cand, x int) int { return c.s - x }
	lo, _ = slices.BinarySearchFunc(sel, s, cmp)
	hi, _ = slices.BinarySearchFunc(sel[lo:], e, cmp)
	return lo, lo + hi
}

// quote classifies the quotation [qs, qe) whose words are [wa, wb). It may
// mark candidates of sel dropped and returns extra with what it adds.
func (sc *scanner) quote(sel, extra []cand, qs, qe, wa, wb int) []cand {
	n := wb - wa
	speech := sc.afterSaying(qs, wa)
	clause := n >= 5
	if !clause && n >= 3 {
		for k := wa; k < wb; k++ {
			if w := sc.w(k); sc.is(k, fVerb) || strings.HasPrefix(w, "می") && len(w) > len("میکن") && !sc.is(k, fCard|fOrd) {
				clause = true
				break
			}
		}
	}
	if speech || clause {
		q := newCand(qs, qe, wa, QUOTE, prioQuote)
		if speech {
			if who := sc.speaker(sel, qs); who != "" {
				q = sc.withMeta(q, meta{of: who})
			}
		}
		return append(extra, q)
	}

	// A short quoted phrase. Is it one entity already?
	is, ie := sc.ws[wa].s, sc.ws[wb-1].e
	lo, hi := within(sel, is, ie)
	if hi-lo == 1 && sel[lo].s == is && sel[lo].e == ie {
		return extra
	}
	var k Kind
	switch {
	case sc.w(wa) == "روز" && n >= 2:
		k = DATE
	case sc.titleBefore(sc.skipPlaceBefore(sel, wa)) || sc.titleAfter(wb):
		k = PER
	case wa > 0 && sc.is(wa-1, fOrgCue) && sc.gapOnly(wa-1, "«"):
		k = ORG
	default:
		return extra
	}
	// The phrase replaces what was found inside it.
	for i := lo; i < hi; i++ {
		sel[i].drop = true
	}
	c := newCand(is, ie, wa, k, prioQuote)
	if k != DATE {
		c = sc.withMeta(c, meta{canon: sc.origText(is, ie)})
	}
	return append(extra, c)
}

// afterSaying reports whether the quotation at qs follows a colon
// («گفت: «…»») or a verb of saying («گفت «…»»).
func (sc *scanner) afterSaying(qs, wa int) bool {
	before := strings.TrimRight(sc.t[:qs], " \t")
	if strings.HasSuffix(before, ":") {
		return true
	}
	if wa == 0 {
		return false
	}
	p := wa - 1
	return sc.ws[p].e == len(before) && sc.is(p, fSay)
}

// speaker returns the canonical name of the first person named in the
// sentence before the quotation, or "": Persian puts the subject first
// («پوتین در نامه‌ای به «کیم» گفت: «…»» is Putin speaking to Kim).
func (sc *scanner) speaker(sel []cand, qs int) string {
	lo, hi := within(sel, sc.sentenceStart(qs), qs)
	for _, c := range sel[lo:hi] {
		if c.kind == PER && !c.drop && c.e <= qs {
			canon, _, _ := sc.canonOf(c)
			return canon
		}
	}
	return ""
}

// skipPlaceBefore returns the first word of the place or organisation that
// ends just before word wa (spaces and guillemets between), or wa: the
// title of «وزیر خارجه آمریکا «آنتونی بلینکن»» is before the country.
func (sc *scanner) skipPlaceBefore(sel []cand, wa int) int {
	if wa == 0 || !sc.gapOnly(wa-1, "«»") {
		return wa
	}
	e := sc.ws[wa-1].e
	_, hi := within(sel, 0, e)
	if hi > 0 {
		if c := sel[hi-1]; c.e == e && !c.drop && (c.kind == LOC || c.kind == ORG) {
			return int(c.wi)
		}
	}
	return wa
}

// sentenceStart returns the start of the sentence that holds byte p: just
// after the last . ! ? ؟ or newline before p. Quotations are classified left
// to right, so the scan resumes where it stopped and stays linear.
func (sc *scanner) sentenceStart(p int) int {
	t := sc.t
	for ; sc.sentPos < p; sc.sentPos++ {
		switch c := t[sc.sentPos]; {
		case c == '.' || c == '!' || c == '?' || c == '\n':
			sc.sentFrom = sc.sentPos + 1
		case c == 0xD8 && sc.sentPos+1 < len(t) && t[sc.sentPos+1] == 0x9F: // ؟
			sc.sentFrom = sc.sentPos + 2
		}
	}
	return sc.sentFrom
}
