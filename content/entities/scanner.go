package entities

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"rtlview/content"
)

// The scanner runs the passes of one Recognize call over the folded text
// (see the package comment): words, then the candidates of the gazetteer
// (match.go), the ORG rule (orgs.go), dates and numbers, chosen
// leftmost-longest; then people and quotations on what was chosen; then
// the spans are mapped back to the text.

// cand is a candidate entity in the folded text. It holds no pointers, so
// that sorting candidates is cheap; its strings are found at emit time.
type cand struct {
	s, e  int // byte range of the folded text
	kind  Kind
	prio  int8 // on equal spans the lower wins
	drop  bool
	wi    int32 // its first word
	entry int32 // its gazetteer entry, or -1
	meta  int32 // its strings in scanner.meta, or -1
}

// meta holds the strings of a candidate that are not in the gazetteer.
type meta struct{ canon, of, role string }

// Priorities on equal spans.
const (
	prioGazetteer int8 = iota
	prioOrgRule
	prioDate
	prioNum
	prioQuote
)

// scanner holds the state of one Recognize call.
type scanner struct {
	x     *index
	orig  string
	f     content.Folded
	t     string
	ws    []word
	info  []lexInfo // lex[word], one per word
	cands []cand
	meta  []meta
	// sentPos and sentFrom: how far sentenceStart has scanned, and the
	// start of the sentence there.
	sentPos, sentFrom int
	// locAt[i] is the index in cands of the place starting at word i, or
	// -1; nameAt[i] says that some gazetteer name starts there.
	locAt  []int32
	nameAt []bool
	// cover and sel: while people runs, the chosen candidates and, per
	// word, the index in sel of the one holding it, or -1.
	cover []int32
	sel   []cand
	// sports: 0 not yet known, 1 the text is about sport, -1 not
	// (sportsText).
	sports int8
}

func (sc *scanner) w(i int) string {
	if i < 0 || i >= len(sc.ws) {
		return ""
	}
	return sc.t[sc.ws[i].s:sc.ws[i].e]
}

// is reports whether word i has one of the classes f.
func (sc *scanner) is(i int, f uint64) bool {
	return i >= 0 && i < len(sc.info) && sc.info[i].flags&f != 0
}

// soft reports whether word i and word i+1 may be parts of one name or
// date: only spaces or a hyphen separate them.
func (sc *scanner) soft(i int) bool {
	return i >= 0 && i+1 < len(sc.ws) && sc.ws[i].soft
}

// gapOnly reports whether the text between word i and word i+1 is made of
// spaces and the given punctuation only.
func (sc *scanner) gapOnly(i int, punct string) bool {
	if i < 0 || i+1 >= len(sc.ws) {
		return false
	}
	for _, r := range sc.t[sc.ws[i].e:sc.ws[i+1].s] {
		if r != ' ' && r != '\t' && !strings.ContainsRune(punct, r) {
			return false
		}
	}
	return true
}

// recognize is Recognize with what earlier texts of the same document
// taught about people (see people.go); mem may be nil.
func (r *Recognizer) recognize(text string, mem *memory) []Entity {
	return r.recognizeOrig(text, text, mem)
}

// recognizeOrig recognises text, a copy of orig of the same length in
// which some bytes may be blanked out (recognizeMasked), and takes the
// entities' strings from orig.
func (r *Recognizer) recognizeOrig(text, orig string, mem *memory) []Entity {
	if text == "" {
		return nil
	}
	loadLexicon()
	sc := scanner{x: r.index(), orig: orig, f: content.Fold(text)}
	sc.t = sc.f.Text
	sc.ws = splitWords(make([]word, 0, len(sc.t)/8+4), sc.t)
	if len(sc.ws) == 0 {
		return nil
	}
	sc.info = make([]lexInfo, len(sc.ws))
	for i := range sc.ws {
		sc.info[i] = lex[sc.w(i)]
	}
	// A news text has about one candidate for every three words: room
	// for them at once rather than by doubling.
	sc.cands = make([]cand, 0, len(sc.ws)/3+4)
	sc.gazetteer()
	sc.compassPlaces()
	sc.namedPlaces()
	sc.orgRule()
	sc.orgPhrases()
	sc.teams()
	sc.dates()
	sc.numbers()
	sel := sc.mergeDates(sc.choose())
	sel = sc.people(sel, mem)
	sel = sc.quotes(sel)
	return sc.emit(sel)
}

func (sc *scanner) add(c cand) { sc.cands = append(sc.cands, c) }

// newCand returns a candidate over the folded range [s, e) starting at
// word wi, with no entry and no strings yet.
func newCand(s, e, wi int, k Kind, prio int8) cand {
	return cand{s: s, e: e, kind: k, prio: prio, wi: int32(wi), entry: -1, meta: -1}
}

// withMeta attaches strings to c.
func (sc *scanner) withMeta(c cand, m meta) cand {
	c.meta = int32(len(sc.meta))
	sc.meta = append(sc.meta, m)
	return c
}

// canonOf returns the canonical name, the Of and the Role of c.
func (sc *scanner) canonOf(c cand) (canon, of, role string) {
	if c.entry >= 0 {
		en := &sc.x.entries[c.entry]
		canon, of, role = en.canonical, en.of, en.role
	}
	if c.meta >= 0 {
		m := sc.meta[c.meta]
		if m.canon != "" {
			canon = m.canon
		}
		if m.of != "" {
			of = m.of
		}
		if m.role != "" {
			role = m.role
		}
	}
	if canon != "" {
		return canon, of, role
	}
	switch c.kind {
	case DATE:
		canon = sc.origText(c.s, c.e)
	case NUM:
		var ord bool
		_, canon, ord = sc.numberEntity(int(c.wi), true)
		if ord {
			role = "ترتیبی"
		}
	}
	return canon, of, role
}

// span returns the folded byte range of words [i, j).
func (sc *scanner) span(i, j int) (int, int) { return sc.ws[i].s, sc.ws[j-1].e }

// origText returns the original text of the folded range [s, e) with its
// runs of white space made single spaces.
func (sc *scanner) origText(s, e int) string {
	a, b := sc.f.Orig(s, e)
	return singleSpaced(sc.orig[a:b])
}

// singleSpaced returns strings.Join(strings.Fields(s), " "): s with its
// runs of white space made single spaces and none at either end. Nearly
// every name, date and quotation is so already, and is returned as it is,
// with no allocation.
func singleSpaced(s string) string {
	space := true // the last rune was a space, or there was none
	for _, r := range s {
		isSpace := isSpace(r)
		if isSpace && (r != ' ' || space) {
			return strings.Join(strings.Fields(s), " ")
		}
		space = isSpace
	}
	if space && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// isSpace is unicode.IsSpace, with the runes before U+1680 (the first
// space past Latin-1) told here: the letters of the Arabic block are
// none.
func isSpace(r rune) bool {
	if r < 0x1680 {
		return r == ' ' || '\t' <= r && r <= '\r' || r == 0x85 || r == 0xA0
	}
	return unicode.IsSpace(r)
}

// choose picks the candidates leftmost-longest: sorted by start, then
// longest, then priority, a candidate is kept if it starts after the end
// of the last one kept. The candidates are kept in place: no rule looks
// at them after the choice.
func (sc *scanner) choose() []cand {
	slices.SortFunc(sc.cands, func(a, b cand) int {
		if a.s != b.s {
			return a.s - b.s
		}
		if a.e != b.e {
			return b.e - a.e
		}
		return int(a.prio) - int(b.prio)
	})
	out := sc.cands[:0]
	end := -1
	for _, c := range sc.cands {
		if c.s >= end {
			out = append(out, c)
			end = c.e
		}
	}
	sc.cands = nil
	return out
}

// mapSpan maps the folded range [s, e) to the original text. It maps the
// first and the last rune separately: content.Folded.Orig walks the
// grapheme clusters of the range it is given, and a long quotation would
// be walked whole.
func (sc *scanner) mapSpan(s, e int) (int, int) {
	_, n := utf8.DecodeRuneInString(sc.t[s:])
	_, m := utf8.DecodeLastRuneInString(sc.t[:e])
	a, _ := sc.f.Orig(s, s+n)
	_, b := sc.f.Orig(e-m, e)
	return a, b
}

// emit maps the chosen candidates back to the original text.
func (sc *scanner) emit(sel []cand) []Entity {
	slices.SortFunc(sel, func(a, b cand) int {
		if a.s != b.s {
			return a.s - b.s
		}
		return b.e - a.e
	})
	out := make([]Entity, 0, len(sel))
	lastEnd := -1  // end of the last non-QUOTE entity
	quoteEnd := -1 // end of the QUOTE we are in
	for _, c := range sel {
		if c.drop {
			continue
		}
		a, b := sc.mapSpan(c.s, c.e)
		if a >= b {
			continue
		}
		if c.kind == QUOTE {
			if a < lastEnd {
				continue // would cut an entity: cannot happen, words do not cross «
			}
			quoteEnd = b
		} else {
			if a < lastEnd || (a < quoteEnd && b > quoteEnd) {
				continue
			}
			lastEnd = b
		}
		e := Entity{Kind: c.kind, Start: a, End: b, Text: sc.orig[a:b]}
		e.Canonical, e.Of, e.Role = sc.canonOf(c)
		if c.kind == QUOTE {
			e.Canonical = singleSpaced(strings.TrimSuffix(strings.TrimPrefix(e.Text, "«"), "»"))
		}
		out = append(out, e)
	}
	return out
}
