package entities

import (
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
	t := sc.t
	from := 0
	for {
		o := strings.Index(t[from:], openQ)
		if o < 0 {
			break
		}
		o += from
		rest := t[o+len(openQ):]
		c := strings.Index(rest, closeQ)
		if c < 0 {
			break // unclosed: no quotation
		}
		if n := strings.Index(rest[:c], openQ); n >= 0 {
			from = o + len(openQ) + n // a nested or stray «: start again there
			continue
		}
		c += o + len(openQ)
		from = c + len(closeQ)
		wa, wb := sc.wordsIn(o+len(openQ), c)
		if wa >= wb {
			continue
		}
		sel = sc.quote(sel, o, c+len(closeQ), wa, wb)
	}
	return sel
}

// wordsIn returns the words [wa, wb) that lie inside the byte range [s, e).
func (sc *scanner) wordsIn(s, e int) (wa, wb int) {
	lo, hi := 0, len(sc.ws)
	for lo < hi {
		m := (lo + hi) / 2
		if sc.ws[m].s < s {
			lo = m + 1
		} else {
			hi = m
		}
	}
	wa = lo
	wb = wa
	for wb < len(sc.ws) && sc.ws[wb].e <= e {
		wb++
	}
	return wa, wb
}

// quote classifies the quotation [qs, qe) whose words are [wa, wb).
func (sc *scanner) quote(sel []cand, qs, qe, wa, wb int) []cand {
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
		q := cand{s: qs, e: qe, kind: QUOTE, prio: prioQuote}
		if speech {
			q.of = sc.speaker(sel, qs)
		}
		return append(sel, q)
	}

	// A short quoted phrase. Is it one entity already?
	is, ie := sc.ws[wa].s, sc.ws[wb-1].e
	inside := 0
	whole := false
	for _, c := range sel {
		if c.s >= is && c.e <= ie {
			inside++
			whole = whole || (c.s == is && c.e == ie)
		}
	}
	if whole && inside == 1 {
		return sel
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
		return sel
	}
	// The phrase replaces what was found inside it.
	out := sel[:0]
	for _, c := range sel {
		if c.s >= is && c.e <= ie {
			continue
		}
		out = append(out, c)
	}
	c := cand{s: is, e: ie, kind: k}
	switch k {
	case DATE:
		c.canon = sc.foldedText(is, ie)
	default:
		c.canon = sc.origText(is, ie)
	}
	return append(out, c)
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

// speaker returns the canonical name of the last person named before the
// quotation in the same sentence, or "".
func (sc *scanner) speaker(sel []cand, qs int) string {
	best := -1
	for k, c := range sel {
		if c.kind == PER && c.e <= qs && (best < 0 || c.e > sel[best].e) {
			best = k
		}
	}
	if best < 0 || strings.ContainsAny(sc.t[sel[best].e:qs], ".!?؟\n") {
		return ""
	}
	return sel[best].canon
}

// skipPlaceBefore returns the first word of the place or organisation that
// ends just before word wa (spaces and guillemets between), or wa: the
// title of «وزیر خارجه آمریکا «آنتونی بلینکن»» is before the country.
func (sc *scanner) skipPlaceBefore(sel []cand, wa int) int {
	if wa == 0 || !sc.gapOnly(wa-1, "«»") {
		return wa
	}
	e := sc.ws[wa-1].e
	for _, c := range sel {
		if c.e == e && (c.kind == LOC || c.kind == ORG) {
			k, _ := sc.wordsIn(c.s, c.e)
			return k
		}
	}
	return wa
}
