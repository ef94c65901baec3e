package entities

import (
	"slices"
	"strings"
	"unicode/utf8"

	"rtlview/content"
)

// The gazetteer pass: at each word, the longest name of the gazetteer that
// starts there, with an attached suffix or an ezafe, and a cue where the
// spelling needs one (see the package comment, step 3).

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
var nameSuffixes = lazySet("ها", "های", "هایی", "ی", "ای", "یی", "ان")

func (sc *scanner) gazetteer() {
	x := sc.x
	sc.locAt = make([]int32, len(sc.ws))
	sc.nameAt = make([]bool, len(sc.ws))
	var buf [16]nameEnd
	for i := range sc.locAt {
		sc.locAt[i] = -1
	}
	for i := range sc.ws {
		ends := sc.walkName(i, sc.ws[i].s, 0, buf[:0])
		// Longest first; the first that passes the checks wins.
		if len(ends) > 1 {
			slices.SortStableFunc(ends, func(a, b nameEnd) int { return b.e - a.e })
		}
		for _, ne := range ends {
			nd := x.nodes[ne.node]
			en := &x.entries[nd.entry]
			if nd.cue && !sc.cued(i, ne.j, en.kind) && !(en.role == "باشگاه" && sc.sportsText()) {
				continue
			}
			if ne.suffix != "" && !sc.suffixOK(en.kind, ne) {
				continue
			}
			at := i
			if en.kind == LOC && en.role == "استان" && ne.j > i && sc.w(i) == "استان" && sc.soft(i) {
				// «استان خراسان رضوی»: the place is the name after its
				// cue word, which the entry spells to tell a province
				// from its capital.
				at = i + 1
			}
			if en.kind == LOC && sc.locAt[at] < 0 {
				sc.locAt[at] = int32(len(sc.cands))
			}
			sc.nameAt[at] = true
			c := newCand(sc.ws[at].s, ne.e, at, en.kind, prioGazetteer)
			c.entry = nd.entry
			sc.add(c)
			break
		}
	}
}

// walkName follows the trie from node nd with the text from byte p of
// word j on, and appends to ends the places where a spelling ends. The
// boundary between two words of the text must be one of the spelling: a
// space (or a hyphen), or a comma where the spelling has one, so that a
// spelling written as one word never crosses it («ما درید» is not
// «مادرید»). Inside a word a boundary of the spelling may be missing
// (a ZWNJ, which folding removed, or nothing on a page that lost its
// ZWNJs: «کره‌شمالی», «کرهشمالی» are «کره شمالی»): both paths are
// followed where the trie has both.
func (sc *scanner) walkName(j, p int, nd int32, ends []nameEnd) []nameEnd {
	x := sc.x
	w := sc.ws[j]
	t := sc.t[:w.e] // the text to the end of the word
	n := &x.nodes[nd]
	// The trie's keys are UTF-8, so the walk goes by bytes; a boundary of
	// the spelling and a suffix can only be at the start of a rune.
	for ; p < len(t); p++ {
		c := t[p]
		if s := n.space; s >= 0 && p > w.s && utf8.RuneStart(c) {
			// A spelling's boundary missing here. After spaceMark comes
			// a letter, never another mark, so a walk from s that fails
			// on its first byte would add nothing.
			if x.child(s, c) >= 0 {
				ends = sc.walkName(j, p, s, ends)
			}
			// The ezafe written as ی at the end of an inner word of a
			// name: «کره‌ی شمالی» is «کره شمالی».
			if w.soft && j+1 < len(sc.ws) && t[p:] == "ی" {
				ends = sc.walkName(j+1, sc.ws[j+1].s, s, ends)
			}
		}
		if nd = x.childOf(n, c); nd < 0 {
			return ends
		}
		n = &x.nodes[nd]
		if q := p + 1; n.has && q < len(t) && utf8.RuneStart(t[q]) && nameSuffixes()[t[q:]] && len(ends) < cap(ends) {
			ends = append(ends, nameEnd{e: q, j: j, suffix: t[q:], node: nd})
		}
	}
	if n.has && len(ends) < cap(ends) {
		ends = append(ends, nameEnd{e: w.e, j: j, node: nd})
	}
	if j+1 >= len(sc.ws) {
		return ends
	}
	switch {
	case w.soft:
		nd = x.child(nd, spaceMark)
	case commaGap(sc.t[w.e:sc.ws[j+1].s]):
		nd = x.child(nd, commaMark)
	default:
		return ends
	}
	if nd < 0 {
		return ends
	}
	return sc.walkName(j+1, sc.ws[j+1].s, nd, ends)
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

// anWords are words made of a name and ان that are other words
// (lists/an_words.txt): the joined ان is not the plural of the name in
// them.
var anWords set

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

// sportsText reports whether the text is about sport: one of its words is
// a sport or a word of lists/sport_cues.txt. Worked out once, on first
// use.
func (sc *scanner) sportsText() bool {
	if sc.sports == 0 {
		sc.sports = -1
		for i := range sc.info {
			if sc.info[i].flags&(fSport|fSportCue) != 0 {
				sc.sports = 1
				break
			}
		}
	}
	return sc.sports > 0
}
