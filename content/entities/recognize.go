package entities

import (
	"slices"
	"strings"
	"unicode/utf8"

	"rtlview/content"
)

// Entity is one entity found in a text.
type Entity struct {
	Kind Kind
	// Start and End are byte offsets into the text given to Recognize:
	// Text == text[Start:End]. They are on grapheme cluster boundaries
	// (a ZWNJ or a mark after the last letter belongs to the span).
	Start, End int
	// Text is the entity as written. An attached suffix («پوتین‌ها»,
	// «آمریکای») is not part of it; guillemets are part of a QUOTE only.
	Text string
	// Canonical identifies the entity: «پوتین» and «ولادیمیر پوتین» are
	// both «ولادیمیر پوتین». For names from the gazetteer it is the
	// gazetteer's canonical name; for an organisation named after a
	// country («وزارت خارجه روسیه») the head words and the country's
	// canonical name; for DATE the text as written, its spaces made single
	// (it is what a reader looks for in a list: «سه‌شنبه ۱۲ مهر», with its
	// ZWNJ and Persian digits, not their folded form); for NUM the value in ASCII
	// digits («یکصد هزار» -> 100000, «هفتاد و سومین» -> 73); for QUOTE
	// the quoted words without the guillemets.
	Canonical string
	// Of is the canonical name of what the entity belongs to: a capital's
	// country («پیونگیانگ» -> «کره شمالی»), an official's country, a
	// ministry's country, a QUOTE's speaker when the text names one
	// («پوتین ... گفت: «…»»). Empty when unknown.
	Of string
	// Role says what the entity is, from the gazetteer («پایتخت»,
	// «رئیس جمهور», «کشور»), or «ترتیبی» for an ordinal number.
	Role string
}

// Recognize finds the entities of text with the Default recognizer.
func Recognize(text string) []Entity { return Default().Recognize(text) }

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
}

func (sc *scanner) w(i int) string {
	if i < 0 || i >= len(sc.ws) {
		return ""
	}
	return sc.t[sc.ws[i].s:sc.ws[i].e]
}

// is reports whether word i has one of the classes f.
func (sc *scanner) is(i int, f uint32) bool {
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

// Recognize returns the entities of text, sorted by Start and, for equal
// Start, longest first. Entities other than QUOTE do not overlap; a QUOTE
// contains whole the entities it overlaps (see the package comment).
// Invalid UTF-8 is matched as U+FFFD and never panics.
func (r *Recognizer) Recognize(text string) []Entity { return r.recognize(text, nil) }

// recognize is Recognize with what earlier texts of the same document
// taught about people (see people.go); mem may be nil.
func (r *Recognizer) recognize(text string, mem *memory) []Entity {
	if text == "" {
		return nil
	}
	sc := scanner{x: r.index(), orig: text, f: content.Fold(text)}
	sc.t = sc.f.Text
	sc.ws = splitWords(make([]word, 0, len(sc.t)/8+4), sc.t)
	if len(sc.ws) == 0 {
		return nil
	}
	sc.info = make([]lexInfo, len(sc.ws))
	for i := range sc.ws {
		sc.info[i] = lex[sc.w(i)]
	}
	sc.gazetteer()
	sc.orgRule()
	sc.dates()
	sc.numbers()
	sel := sc.choose()
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
	return strings.Join(strings.Fields(sc.orig[a:b]), " ")
}

// choose picks the candidates leftmost-longest: sorted by start, then
// longest, then priority, a candidate is kept if it starts after the end
// of the last one kept.
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
	out := sc.cands[:0:0]
	end := -1
	for _, c := range sc.cands {
		if c.s >= end {
			out = append(out, c)
			end = c.e
		}
	}
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
			e.Canonical = strings.Join(strings.Fields(strings.TrimSuffix(strings.TrimPrefix(e.Text, "«"), "»")), " ")
		}
		out = append(out, e)
	}
	return out
}

// ---- gazetteer

// nameEnd is a place where a gazetteer spelling ends.
type nameEnd struct {
	e      int // folded byte offset
	j      int // the word it ends in
	suffix string
	node   int32
}

// Attached suffixes that may follow a name in the same word: plural
// (ها، های، هایی), ezafe or indefinite (ی، ای، یی), plural of persons (ان,
// see anOK).
var nameSuffixes = newSet("ها", "های", "هایی", "ی", "ای", "یی", "ان")

func (sc *scanner) gazetteer() {
	x := sc.x
	sc.locAt = make([]int32, len(sc.ws))
	sc.nameAt = make([]bool, len(sc.ws))
	var ends [16]nameEnd
	for i := range sc.ws {
		sc.locAt[i] = -1
		n := 0
		nd := int32(0)
	walk:
		for j := i; j < len(sc.ws); j++ {
			w := sc.ws[j]
			ezafe := false
			for p := w.s; p < w.e; p++ {
				next := x.child(nd, sc.t[p])
				if next < 0 {
					// The ezafe written as ی at the end of an inner word
					// of a name: «کره‌ی شمالی» is «کره شمالی».
					if p > w.s && sc.t[p:w.e] == "ی" && w.soft && j+1 < len(sc.ws) {
						ezafe = true
						break
					}
					break walk
				}
				nd = next
				if p+1 < w.e && x.nodes[nd].has && utf8.RuneStart(sc.t[p+1]) && nameSuffixes[sc.t[p+1:w.e]] && n < len(ends) {
					ends[n] = nameEnd{e: p + 1, j: j, suffix: sc.t[p+1 : w.e], node: nd}
					n++
				}
			}
			if ezafe {
				continue
			}
			if x.nodes[nd].has && n < len(ends) {
				ends[n] = nameEnd{e: w.e, j: j, node: nd}
				n++
			}
			if !w.soft {
				// A comma between two words of a name written with one.
				if j+1 < len(sc.ws) && commaGap(sc.t[w.e:sc.ws[j+1].s]) {
					if c := x.child(nd, commaMark); c >= 0 {
						nd = c
						continue
					}
				}
				break
			}
		}
		// Longest first; the first that passes the checks wins.
		for k := n - 1; k >= 0; k-- {
			ne := ends[k]
			nd := x.nodes[ne.node]
			en := &x.entries[nd.entry]
			if nd.cue && !sc.cued(i, ne.j, en.kind) {
				continue
			}
			if ne.suffix != "" && !sc.suffixOK(en.kind, ne) {
				continue
			}
			if en.kind == LOC {
				sc.locAt[i] = int32(len(sc.cands))
			}
			sc.nameAt[i] = true
			c := newCand(sc.ws[i].s, ne.e, i, en.kind, prioGazetteer)
			c.entry = nd.entry
			sc.add(c)
			break
		}
	}
}

// suffixOK decides whether a name followed by an attached suffix is still
// the entity. For places the adjective suffix makes a demonym: ی after a
// consonant («ایرانی», «روسی» is not even a match), یی after a vowel
// («آمریکایی»), ای after ه («کره‌ای»). After ا، و or ه a lone ی is the
// ezafe («آسیای میانه», «کره‌ی شمالی») and the place stays.
func (sc *scanner) suffixOK(k Kind, ne nameEnd) bool {
	if ne.suffix == "ان" {
		return sc.anOK(k, ne)
	}
	if k != LOC {
		return true
	}
	switch ne.suffix {
	case "ها", "های", "هایی":
		return true
	case "ی":
		last, _ := utf8.DecodeLastRuneInString(sc.t[:ne.e])
		return last == 'ا' || last == 'و' || last == 'ه'
	}
	return false
}

// anMinLetters is the least number of letters of the word a joined ان may
// follow: «کیم», «ونس», «رم» and «شی» are too short to be told from the
// words they begin («کیمان», «ونسان», «رمان», «شیان» the city).
const anMinLetters = 4

// anWords are words made of a name and ان that are other words: the
// joined ان is not the plural of the name in them. The one-word spellings
// of people in gazetteer.tsv that anOK would accept, plus ان, were checked
// against a Persian word list (the hunspell fa_IR dictionary) and by eye.
var anWords = newSet(
	"مودیان", // taxpayers, not Modis
	"سیسیان", // a town of Armenia, not Sisis
)

// anOK decides whether «ان» after a name leaves the name. ان is the plural
// of animate nouns, so it is never a place's suffix («رمان» is a novel,
// not Rome; «عمان», «تهران», «ایران» are names of their own) nor an
// organisation's. After a ZWNJ a person or an organisation keeps its name
// («پوتین‌ان»). Joined to the name without one, the word is far more
// often another word, and a person's plural is accepted only when all of
// these hold:
//   - the name is a person's and not an ambiguous (cue-only) spelling:
//     «متقیان» after «رهبر» is the pious, not Mottaki;
//   - the name's last letter joins the next one. After ا and و the plural
//     is written یان («دانایان»), so «ناتوان» is no plural; after د ذ ر ز ژ
//     the letter does not join, so a ZWNJ would not show and the joined
//     form tells nothing, while -ران -دان -زان end countless words and
//     names (ایران، تهران، زندان);
//   - the word before ان has at least anMinLetters letters;
//   - the whole word is neither a gazetteer name itself nor in anWords.
//
// So «ترامپان» and «پوتینان» are found, «مودیان» and «رمان» are not.
func (sc *scanner) anOK(k Kind, ne nameEnd) bool {
	if k == LOC {
		return false
	}
	if sc.zwnjAt(ne.e) {
		return true
	}
	if k != PER || sc.x.nodes[ne.node].cue {
		return false
	}
	w := sc.ws[ne.j]
	base := sc.t[w.s:ne.e]
	last, _ := utf8.DecodeLastRuneInString(base)
	if !content.JoinsNext(last) || utf8.RuneCountInString(base) < anMinLetters || anWords[sc.t[w.s:w.e]] {
		return false
	}
	n := ne.node
	for i := 0; i < len(ne.suffix) && n >= 0; i++ {
		n = sc.x.child(n, ne.suffix[i])
	}
	return n < 0 || !sc.x.nodes[n].has
}

// zwnjAt reports whether the original text has a ZWNJ just before the
// folded offset p (folding removed it).
func (sc *scanner) zwnjAt(p int) bool {
	a, _ := sc.f.Orig(p, p+1)
	return strings.HasSuffix(sc.orig[:a], "\u200c")
}

// cued reports whether the name in words [i, j] has a cue of its kind: a
// place or organisation word before it, a title before or after a person.
func (sc *scanner) cued(i, j int, k Kind) bool {
	switch k {
	case LOC:
		return sc.soft(i-1) && sc.is(i-1, fPlaceCue)
	case ORG:
		return sc.soft(i-1) && sc.is(i-1, fOrgCue)
	case PER:
		return sc.titleBefore(i) || sc.titleAfter(j+1)
	}
	return false
}

// titleBefore reports whether a title ends at word i-1, separated from
// word i by spaces or guillemets only.
func (sc *scanner) titleBefore(i int) bool {
	if i == 0 || !sc.gapOnly(i-1, "«»") {
		return false
	}
	for _, p := range titles {
		k := i - len(p)
		if k < 0 {
			continue
		}
		ok := true
		for m, pw := range p {
			if sc.w(k+m) != pw || (m+1 < len(p) && !sc.soft(k+m)) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// titleAfter reports whether a title starts at word j, separated from word
// j-1 by spaces or guillemets only.
func (sc *scanner) titleAfter(j int) bool {
	return j > 0 && j < len(sc.ws) && sc.gapOnly(j-1, "«»") && sc.is(j, fTitleStart)
}

// ---- organisations named after a country

// orgRule finds «HEAD [MOD [MOD]] PLACE»: a ministry, agency, army ... of a
// place («وزارت خارجه روسیه», «خبرگزاری دولتی کره شمالی»). The place must
// be in the gazetteer; the modifiers must not be function words.
func (sc *scanner) orgRule() {
	for i := range sc.ws {
		if !sc.is(i, fOrgHead) {
			continue
		}
		for m := 0; m <= 2; m++ {
			k := i + 1 + m
			if k >= len(sc.ws) || !sc.soft(k-1) {
				break
			}
			if mod := k - 1; m > 0 && (sc.is(mod, fStop) || sc.ws[mod].digits || sc.nameAt[mod]) {
				break
			}
			c := sc.locAt[k]
			if c < 0 {
				continue
			}
			loc := sc.cands[c]
			place, _, _ := sc.canonOf(loc)
			head := sc.origText(sc.ws[i].s, sc.ws[k-1].e)
			sc.add(sc.withMeta(newCand(sc.ws[i].s, loc.e, i, ORG, prioOrgRule), meta{canon: head + " " + place, of: place}))
			break
		}
	}
}
