package entities

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"rtlview/content"
)

// People who are not in the gazetteer. A title is a cue for the name next
// to it: «نخست وزیر اتیوپی، ابی احمد», «رئیس بانک جهانی آجای بانگا»,
// «دانیل نوبوا رئیس جمهور اکوادور», «آقای ...». The rule runs on the
// entities already chosen, so a name never takes a word of a place, an
// organisation, a date or a number, and it emits nothing when unsure. A
// name it finds is remembered for the rest of the text: a later «نوبوا»
// or «دانیل نوبوا» with no title is the same person.

// notNames are the words of lists/notnames.txt (any number a line), folded.
var notNames set

// The words of the rule are data (lists/*.txt, see their headers); the
// affixes are grammar and stay here.
var (
	nameMonths    set
	commonWords   set // lists/common_words.txt
	nameParticles set
	honorifics    set
	lightVerbs    set
	possessives   set

	// Preverbs of compound verbs: «درگذشت», «بازگشت», «برخاست».
	preverbs = []string{"باز", "در", "بر", "فرا", "وا", "فرو"}
	// Suffixes looked through when a word is checked against notNames:
	// «سفری»، «کشورمان»، «مقامات».
	notNameSuffixes = []string{"هایی", "های", "ها", "ایی", "ای", "یی", "ی", "اش", "یش", "ش", "شان", "مان", "تان", "ات"}
	// Suffixes that make a place a demonym: «ایرانی», «آمریکایی», «کره‌ای»,
	// «ایرانیان», «آمریکایی‌ها».
	demonymSuffixes = lazySet("ی", "یی", "ای", "ایی", "یان", "ییان", "اییان", "یها", "ییها", "ایها", "اییها", "یاش", "ییاش", "ایاش", "اییاش")
)

// maxNameWords is the most words of a name found by the rule, particles
// («بن», «دا») not counted; a longer run of name-like words is not taken.
const maxNameWords = 3

// What a word can be in a name.
const (
	nameNo     = iota // not part of a name: it ends one
	nameYes           // may be part of a name
	nameUnsure        // a place word, a demonym, a number: the name is not taken
)

// memory is what one text (a block given to Recognize, or all the
// paragraphs given to Records) has taught about people not in the
// gazetteer, so that other bare mentions are the same person. A name
// learned anywhere in a text is known in all of it, before the place it
// was learned too («سلیمانی: ... حیدر سلیمانی گفت»), and in the texts
// after it.
type memory struct {
	names []learned
	// byWord tells what a folded word is in the names: mention looks each
	// word of a text up once.
	byWord map[string]memWord
}

// memWord is what a word is in the names of a memory.
type memWord struct {
	first []int // the names it is the first word of
	last  int   // the name it is the last word of, or noName or twoNames
	// given: the name of two words or more that it is the given name of,
	// when it is no common word («فرشاد» after «فرشاد احمدزاده»), or
	// noName or twoNames.
	given int
}

// Values of memWord.last and memWord.given that are no name: none, or
// two names or more share the word.
const (
	noName   = -1
	twoNames = -2
)

// learned is a name found next to a title.
type learned struct {
	words []string // folded
	canon string
}

func (m *memory) learn(words []string, canon string) {
	for _, n := range m.names {
		if slices.Equal(n.words, words) {
			return
		}
	}
	if m.byWord == nil {
		m.byWord = map[string]memWord{}
	}
	id := len(m.names)
	m.names = append(m.names, learned{words: words, canon: canon})
	last := words[len(words)-1]
	if len(words) == 1 && commonWords[last] {
		// «آقای کار»: a one-word name that is a common word would be
		// found wherever the word stands alone.
		m.names = m.names[:id]
		return
	}
	first := m.word(words[0])
	first.first = append(first.first, id)
	if len(words) >= 2 && lex[words[0]].flags&fGiven != 0 && !commonWords[words[0]] {
		first.given = shareName(first.given, id)
	}
	m.byWord[words[0]] = first
	if len(words) < 2 || utf8.RuneCountInString(last) < 3 || commonWords[last] {
		// A one-word name is found whole; a short last word is too
		// ambiguous; a common word (lists/common_words.txt) is no
		// surname on its own: «محمد بهار» does not make every later
		// «بهار» a person.
		return
	}
	lw := m.word(last)
	lw.last = shareName(lw.last, id)
	m.byWord[last] = lw
}

// word returns what w is in the names of m so far.
func (m *memory) word(w string) memWord {
	if e, ok := m.byWord[w]; ok {
		return e
	}
	return memWord{last: noName, given: noName}
}

// shareName returns what a word that stood for the name old stands for
// when it is found in the name id too.
func shareName(old, id int) int {
	if old == noName || old == id {
		return id
	}
	return twoNames
}

// people adds to sel (the chosen candidates, sorted by start) the unknown
// persons next to a title cue and the later mentions of the names learned,
// and returns sel sorted again.
func (sc *scanner) people(sel []cand, mem *memory) []cand {
	hasTitle, hasGiven := false, false
	for i := range sc.info {
		hasTitle = hasTitle || sc.info[i].flags&fTitleStart != 0
		hasGiven = hasGiven || sc.info[i].flags&fGiven != 0
	}
	// A person of the gazetteer found under a full name («گوستاوو پترو»)
	// is remembered too: a later bare «پترو» is the same person, as for a
	// name found next to a title, though the gazetteer lists no such
	// variant.
	for _, c := range sel {
		if c.kind != PER || c.entry < 0 || c.drop {
			continue
		}
		b := int(c.wi)
		for b < len(sc.ws) && sc.ws[b].s < c.e {
			b++
		}
		if b-int(c.wi) >= 2 {
			canon, _, _ := sc.canonOf(c)
			mem = sc.remember(mem, int(c.wi), b, canon)
		}
	}
	if !hasTitle && !hasGiven && (mem == nil || len(mem.names) == 0) {
		return sel
	}
	// cover[i] is the index in sel of the candidate holding word i, or -1.
	// It takes the memory of locAt, which only the rules before choose use.
	cover := sc.locAt[:len(sc.ws)]
	for i := range cover {
		cover[i] = -1
	}
	for k, c := range sel {
		for i := int(c.wi); i < len(sc.ws) && sc.ws[i].s < c.e; i++ {
			cover[i] = int32(k)
		}
	}
	n0 := len(sel)
	sc.cover, sc.sel = cover, sel
	add := func(a, b int, m meta) {
		sc.sel = append(sc.sel, sc.withMeta(newCand(sc.ws[a].s, sc.ws[b-1].e, a, PER, prioGazetteer), m))
		for i := a; i < b; i++ {
			cover[i] = int32(len(sc.sel) - 1)
		}
	}
	// found adds the person [a, b) with the title [ta, tb) and its of.
	found := func(a, b, ta, tb int, of string) {
		canon := strings.Trim(sc.origText(sc.ws[a].s, sc.ws[b-1].e), "\u200c\u200d")
		role := ""
		if ta < tb {
			role = sc.origText(sc.ws[ta].s, sc.ws[tb-1].e)
		}
		add(a, b, meta{canon: canon, of: of, role: role})
		mem = sc.remember(mem, a, b, canon)
	}
	if hasTitle {
		for i := 0; i < len(sc.ws); i++ {
			te, tk := sc.titleAt(i)
			if te == i {
				continue
			}
			strong := tk&(titleStrong|titleShaped) != 0
			next, roleEnd, of, hasOf := sc.afterTitle(te)
			// A ministerial title names what it heads: «... وزیر امور
			// اقتصادی و دارایی» needs no place after it.
			hasOf = hasOf || tk&titleSelf != 0
			honorific := honorifics[sc.w(i)] && roleEnd-i == 1
			roleEndWho := roleEnd // the role is the title [i, roleEnd)
			if honorific {
				roleEnd, roleEndWho = i, i
			}
			// A title that is the complement of a word before it
			// («مشاور امنیت ملی رئیس جمهور آمریکا ...») is not the role of
			// the name after it: the name is still a person's.
			ofWho := of
			if i > 0 && sc.soft(i-1) && !sc.is(i-1, fStop) {
				ofWho, roleEndWho = "", i
			}
			if hasOf || strong {
				// One word after a title is more often a word of the
				// sentence than a name («رئیس جمهور آمریکا بیمار است»),
				// but for a surname after «آقای» or «خانم».
				a, b := sc.nameAfter(next, hasOf)
				if tk&titleShaped != 0 && b > a && !sc.nameShaped(a, b) {
					b = a
				}
				if b-a >= 2 || b-a == 1 && honorific {
					found(a, b, i, roleEndWho, ofWho)
				}
			}
			if hasOf {
				if a, b := sc.nameBefore(i); a < b {
					found(a, b, i, roleEnd, of)
				}
			} else if tk&titleShaped != 0 {
				if a, b := sc.surnameBefore(i); a < b {
					found(a, b, i, roleEnd, "")
				}
			}
			i = next - 1
		}
	}
	if hasGiven {
		for i := 0; i < len(sc.ws); i++ {
			if a, b := sc.givenNameAt(i); b-a >= 2 {
				found(a, b, a, a, "")
				i = b - 1
			}
		}
	}
	if mem != nil && len(mem.names) > 0 {
		for i := 0; i < len(sc.ws); i++ {
			if a, b, canon := sc.mention(i, mem); a < b {
				add(a, b, meta{canon: canon})
				i = b - 1
			}
		}
	}
	sel = sc.sel
	sc.cover, sc.sel = nil, nil
	if len(sel) > n0 {
		slices.SortFunc(sel, func(a, b cand) int { return a.s - b.s })
	}
	return sel
}

// remember adds the name in words [a, b) to mem, made if nil.
func (sc *scanner) remember(mem *memory, a, b int, canon string) *memory {
	if mem == nil {
		mem = &memory{}
	}
	words := make([]string, 0, b-a)
	for i := a; i < b; i++ {
		words = append(words, sc.w(i))
	}
	mem.learn(words, canon)
	return mem
}

// coveredBy returns the chosen candidate that holds word i, if any.
func (sc *scanner) coveredBy(i int) (cand, bool) {
	if i < 0 || i >= len(sc.cover) || sc.cover[i] < 0 {
		return cand{}, false
	}
	return sc.sel[sc.cover[i]], true
}

// afterTitle reads what follows a title ending at word j: modifiers
// («سابق»), further titles («معاون اول رئیس جمهور»), and what the title
// heads: places and organisations, each after up to two head words
// («رئیس کمیسیون اتحادیه آفریقا», «وزیر خارجه دولت موقت سوریه»), and «در»
// with another one («سفیر ایران در سازمان ملل»). It returns the word after
// all that, the end of the title with its modifiers (the role), the
// canonical name of the first place or organisation, and whether there
// was one.
func (sc *scanner) afterTitle(j int) (next, roleEnd int, of string, hasOf bool) {
	roleEnd = j
	for j < len(sc.ws) && sc.soft(j-1) {
		if c, in := sc.coveredBy(j); in {
			if int(c.wi) != j || (c.kind != LOC && c.kind != ORG) {
				break
			}
			if !hasOf {
				of, _, _ = sc.canonOf(c)
			}
			hasOf = true
			j = sc.afterCand(j)
			continue
		}
		if !hasOf && sc.is(j, fTitleMod) {
			j++
			roleEnd = j
			continue
		}
		if te, _ := sc.titleAt(j); te > j && !hasOf {
			j = te
			roleEnd = j
			continue
		}
		if hasOf && sc.w(j) == "در" && sc.soft(j) {
			if c, in := sc.coveredBy(j + 1); in && int(c.wi) == j+1 && (c.kind == LOC || c.kind == ORG) {
				j = sc.afterCand(j + 1)
				continue
			}
			break
		}
		// A demonym heads nothing but says whose the title is:
		// «همتای استرالیایی او»، «خبرنگار آمریکایی ...».
		if e := sc.demonym(sc.w(j)); !hasOf && e >= 0 {
			of, hasOf = sc.x.entries[e].canonical, true
			j++
			if j < len(sc.ws) && sc.soft(j-1) && possessives[sc.w(j)] {
				j++
			}
			continue
		}
		// Head words before a place or organisation.
		k := j
		for k < j+2 && k < len(sc.ws) && sc.headWord(k) && sc.soft(k) {
			k++
		}
		if c, in := sc.coveredBy(k); k > j && in && int(c.wi) == k && (c.kind == LOC || c.kind == ORG) {
			if !hasOf {
				of, _, _ = sc.canonOf(c)
				roleEnd = k // «رئیس کمیسیون» of «اتحادیه آفریقا»
			}
			hasOf = true
			j = sc.afterCand(k)
			continue
		}
		break
	}
	return j, roleEnd, of, hasOf
}

// afterCand returns the word after the candidate that starts at word j.
func (sc *scanner) afterCand(j int) int {
	c := sc.cover[j]
	for j < len(sc.ws) && sc.cover[j] == c {
		j++
	}
	return j
}

// headWord reports whether word k may be a head word between a title and
// what it heads («کمیسیون»، «بانک»، «دولت»): a Persian word of no entity,
// not a function word, a verb, a number or a title.
func (sc *scanner) headWord(k int) bool {
	if _, in := sc.coveredBy(k); in || sc.ws[k].digits || sc.is(k, fStop|fVerb|fSay|fCard|fOrd|fTitleStart) {
		return false
	}
	w := sc.w(k)
	return persianWord(w) && !verbForm(w)
}

// nameAfter returns the name [a, b) starting at word j, after a title
// (and what it heads, if hasOf: then a «،» may come first), or a == b.
func (sc *scanner) nameAfter(j int, hasOf bool) (a, b int) {
	if j <= 0 || j >= len(sc.ws) || !(sc.soft(j-1) || hasOf && sc.gapOnly(j-1, "،,")) {
		return j, j
	}
	k, ok := sc.nameRun(j, +1)
	if !ok {
		return j, j
	}
	// The noun of a compound verb is not the end of a name: «... تاکید کرد».
	if k > j && k < len(sc.ws) && sc.soft(k-1) && lightVerbs[sc.w(k)] {
		k--
	}
	// Nor is a common word after a word of a name: «دکتر علی نوبختی
	// زمین را ...» names «علی نوبختی» (a surname-shaped word or a given
	// name stays: «حسن روحانی»).
	for k-j > 1 && sc.commonNotName(k-1) {
		k--
	}
	// A name of common words only is the field after a title, not a
	// name: «استاد نگارگری», «هنرمند باسابقه هنر تجسمی».
	all := true
	for m := j; m < k && all; m++ {
		all = sc.commonNotName(m)
	}
	if all {
		return j, j
	}
	return sc.trimParticles(j, k)
}

// nameBefore returns the name [a, b) that ends just before the title at
// word i (spaces or a «،» between), or a == b. A name before a title has
// two words at least: one word there is far more often a noun the title
// is the complement of («سفر رئیس جمهور ...»).
func (sc *scanner) nameBefore(i int) (a, b int) {
	if i == 0 || !(sc.soft(i-1) || sc.gapOnly(i-1, "،,")) {
		return i, i
	}
	k, ok := sc.nameRun(i-1, -1)
	if !ok {
		return i, i
	}
	a, b = sc.trimParticles(k+1, i)
	if b-a < 2 {
		return i, i
	}
	return a, b
}

// surnameBefore returns the name [a, b) before a desk title with nothing
// after it that it heads («کوپال ناظمی داور بازی», «، ایوب رستمی مربی»),
// or a == b. The name has two or three words joined by spaces, none of
// them a common word (one before them ends the name: «قضاوت»), and the
// last is shaped like a surname and not a common word.
func (sc *scanner) surnameBefore(i int) (a, b int) {
	if i < 2 || !sc.soft(i-1) || !surnameShaped(sc.w(i-1)) {
		return i, i
	}
	a = i
	for a > 0 && i-a < maxNameWords && (a == i || sc.soft(a-1)) {
		k := a - 1
		if sc.nameClass(k) != nameYes || commonWords[sc.w(k)] && !sc.is(k, fGiven) {
			break
		}
		a = k
		if sc.is(a, fGiven) && !(sc.soft(a-1) && sc.is(a-1, fGiven)) {
			break // a given name starts the name: «بستری نریمان پناهی»
		}
	}
	if a > 0 && sc.soft(a-1) && sc.is(a-1, fNamePrefix) && sc.is(a, fGiven) {
		a-- // «سید علی میرسپاسی»
	} else if a > 0 && sc.soft(a-1) && !sc.is(a, fGiven) && sc.nameClass(a-1) != nameNo && !commonWords[sc.w(a-1)] {
		return i, i // a longer run: not sure where the name starts
	}
	a, b = sc.trimParticles(a, i)
	if b-a < 2 || sc.is(a, fWordName) {
		return i, i
	}
	return a, b
}

// nameRun walks the name-like words from word k on, forwards (d = +1) or
// backwards (d = -1), joined by spaces only, and returns the first word
// that is not one. ok is false when unsure: a place word, a demonym or a
// number touches the run, or it goes on past maxNameWords.
func (sc *scanner) nameRun(k, d int) (end int, ok bool) {
	words := 0
	for start := k; k >= 0 && k < len(sc.ws) && (k == start || sc.soft(min(k, k-d))); k += d {
		c := sc.nameClass(k)
		if c == nameUnsure {
			return k, false
		}
		if c != nameYes {
			break
		}
		if !nameParticles[sc.w(k)] {
			if words == maxNameWords {
				return k, false
			}
			words++
		}
	}
	return k, true
}

// trimParticles drops particles at either end of the name [a, b).
func (sc *scanner) trimParticles(a, b int) (int, int) {
	for a < b && nameParticles[sc.w(a)] {
		a++
	}
	for a < b && nameParticles[sc.w(b-1)] {
		b--
	}
	return a, b
}

// nameClass says whether word k may be part of a person's name: a Persian
// word of two letters or more that belongs to no entity and is not a word
// of the rules' lexicon (function words, months, numbers, titles ...), a
// word of lists/notnames.txt (also with an attached suffix), a verb form, a
// plural, or a place name or demonym.
func (sc *scanner) nameClass(k int) int {
	if c, in := sc.coveredBy(k); in {
		if c.kind == NUM {
			return nameUnsure // «دو» in «ژوزه دو سوزا»
		}
		return nameNo
	}
	if sc.ws[k].digits {
		return nameNo
	}
	w := sc.w(k)
	if f := sc.info[k].flags &^ (fGiven | fNamePrefix | fWordName | fLookup); f != 0 && !(f&^(fMonth|fAmbMonth) == 0 && nameMonths[w]) {
		return nameNo
	}
	if !persianWord(w) || utf8.RuneCountInString(w) < 2 || verbForm(w) || personalPast(w) || infinitive(w) || notNameForm(w) {
		return nameNo
	}
	if sc.placeWord(w) {
		return nameUnsure
	}
	return nameYes
}

// persianWord reports whether w is made of Arabic-script letters only.
func persianWord(w string) bool {
	for _, r := range w {
		if r < 0x0620 || r > 0x06FF || !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// verbForm reports whether w is a verb: می or نمی before a stem and a
// personal ending («میکند», «نمیتواند», «میگفت»), or ب or ن before one
// («بکند», «ندارد», «نکرد»; ب before a past stem is no verb form), or a
// preverb before one of those or before a past stem («درگذشت»). The
// stems and endings are content's (content.StemAndEnding): a present stem
// needs an ending, so that «میدان» is no verb; the stems are whole, so
// «میلی» and «میشل» are none.
func verbForm(w string) bool {
	for _, p := range preverbs {
		if rest, ok := strings.CutPrefix(w, p); ok && rest != "" && (verbForm(rest) || pastForm(rest)) {
			return true
		}
	}
	var rest string
	bn := false
	switch {
	case strings.HasPrefix(w, "نمی"):
		rest = w[len("نمی"):]
	case strings.HasPrefix(w, "می"):
		rest = w[len("می"):]
	case strings.HasPrefix(w, "ب"), strings.HasPrefix(w, "ن"):
		rest, bn = w[len("ب"):], true
	default:
		return false
	}
	present, past := content.StemAndEnding(rest)
	return present || past && (!bn || strings.HasPrefix(w, "ن"))
}

// infinitive reports whether w is an infinitive: a past stem and ن,
// alone («رفتن») or after the noun of a compound verb («قرارگرفتن»; then
// a stem of three letters or more).
func infinitive(w string) bool {
	x, ok := strings.CutSuffix(w, "ن")
	if !ok || !(strings.HasSuffix(x, "ت") || strings.HasSuffix(x, "د")) {
		return false
	}
	for k := range x {
		stem := x[k:]
		if k > 0 && utf8.RuneCountInString(stem) < 3 {
			break
		}
		if _, past := content.StemAndEnding(stem); past {
			return true
		}
	}
	return false
}

// pastForm reports whether w is a past stem with a personal ending
// («گشتند»).
func pastForm(w string) bool {
	_, past := content.StemAndEnding(w)
	return past
}

// notNameForm reports whether w, with an attached suffix, is a word of
// lists/notnames.txt or a cue word («سفری»، «کشورمان»; not a title: «رئیسی»
// and «امیری» are names; the words themselves are in lex), or has the
// shape of a common word: a plural in ها، a noun with the ezafe ی after ا
// («استعفای»), one of commonEndings.
func notNameForm(w string) bool {
	const classes = fNotName | fPlaceCue | fOrgCue | fTimeUnit | fDayPart
	for _, suf := range notNameSuffixes {
		b, ok := strings.CutSuffix(w, suf)
		if !ok || utf8.RuneCountInString(b) < 2 {
			continue
		}
		if lex[b].flags&classes != 0 {
			return true
		}
		if strings.HasPrefix(suf, "ها") && utf8.RuneCountInString(b) >= 3 {
			return true
		}
	}
	if b, ok := strings.CutSuffix(w, "ای"); ok && strings.HasSuffix(b, "ا") {
		return true
	}
	n := utf8.RuneCountInString(w)
	for _, e := range commonEndings {
		if n >= e.min && strings.HasSuffix(w, e.suffix) {
			return true
		}
	}
	return false
}

// commonEndings are endings of common words that names (Persian or
// transliterated) do not have, with the least length of the word in
// letters: past participles with است or اند («کرده‌اند»), abstract nouns
// in -ایی («رسوایی»), adverbs in -انه («دوستانه»), adjectives in -مند
// («قدرتمند»), places in -گاه («دانشگاه»). Not -گی: «آمادگی» but
// «موتگی».
var commonEndings = []struct {
	suffix string
	min    int
}{{"هاست", 5}, {"هاند", 5}, {"ایی", 4}, {"انه", 5}, {"مند", 4}, {"گاه", 4}}

// placeWord reports whether the word w is a gazetteer spelling of a place
// or an organisation (an ambiguous one such as «مالی» too), or a demonym.
func (sc *scanner) placeWord(w string) bool {
	if sc.demonym(w) >= 0 {
		return true
	}
	x := sc.x
	nd := int32(0)
	for p := 0; p < len(w) && nd >= 0; {
		_, size := utf8.DecodeRuneInString(w[p:])
		nd = x.step(nd, w[p:p+size], p > 0)
		p += size
	}
	return nd >= 0 && x.nodes[nd].has && x.entries[x.nodes[nd].entry].kind != PER
}

// demonym returns the gazetteer entry of the place whose demonym the word
// w is: the place with the adjective suffix («اکوادوری», «کره‌ای»,
// «آمریکایی‌ها», «روسیه‌ای‌اش»), or -1.
func (sc *scanner) demonym(w string) int32 {
	x := sc.x
	nd := int32(0)
	for p := 0; p < len(w); {
		_, size := utf8.DecodeRuneInString(w[p:])
		if nd = x.step(nd, w[p:p+size], p > 0); nd < 0 {
			return -1
		}
		p += size
		if n := x.nodes[nd]; n.has && p < len(w) && x.entries[n.entry].kind == LOC && demonymSuffixes()[w[p:]] {
			return n.entry
		}
	}
	return -1
}

// mention returns a mention [a, b) at word i of a name in mem: the whole
// name, or its last word alone when it stands apart (the words next to it
// could not be part of a name, so «نوبوا» is Noboa but not the «احمد» of
// another «... احمد»), or its given name alone when that is no common word
// and stands apart too («فرشاد»).
func (sc *scanner) mention(i int, mem *memory) (a, b int, canon string) {
	if _, in := sc.coveredBy(i); in {
		return i, i, ""
	}
	mw, ok := mem.byWord[sc.w(i)]
	if !ok {
		return i, i, ""
	}
	for _, id := range mw.first {
		nm := mem.names[id]
		k := 1
		for ; k < len(nm.words); k++ {
			j := i + k
			if j >= len(sc.ws) || !sc.soft(j-1) || sc.w(j) != nm.words[k] {
				break
			}
			if _, in := sc.coveredBy(j); in {
				break
			}
		}
		if k == len(nm.words) && (k > 1 || sc.apart(i)) {
			return i, i + k, nm.canon
		}
	}
	if id := mw.last; id >= 0 && sc.apart(i) {
		return i, i + 1, mem.names[id].canon
	}
	if id := mw.given; id >= 0 && sc.apart(i) {
		return i, i + 1, mem.names[id].canon
	}
	return i, i, ""
}

// apart reports whether the words next to word i (joined by spaces only)
// could not be part of a name with it.
func (sc *scanner) apart(i int) bool {
	if i > 0 && sc.soft(i-1) && sc.nameClass(i-1) != nameNo {
		return false
	}
	return !(i+1 < len(sc.ws) && sc.soft(i) && sc.nameClass(i+1) != nameNo)
}

// commonNotName reports whether word k is a common word
// (lists/common_words.txt) that is neither a given name nor shaped like a
// surname.
func (sc *scanner) commonNotName(k int) bool {
	w := sc.w(k)
	return commonWords[w] && !surnameShaped(w) && !sc.is(k, fGiven)
}

// nameShaped reports whether the words [a, b) look like a person's name
// on their own: they start with a given name or «سید» («مربی حسین قمی»,
// not «هنرمند باسابقه هنر تجسمی»).
func (sc *scanner) nameShaped(a, b int) bool {
	return sc.is(a, fGiven|fNamePrefix)
}

// personalPast reports whether w is a past stem with a personal ending
// other than the second and third person singular, or the participle:
// «بودم», «گفتند», «شنیده». (Not «کرد» nor «کردی»: a Kurd, and a
// surname.)
func personalPast(w string) bool {
	for _, e := range []string{"م", "یم", "ید", "ند", "ه"} {
		if stem, ok := strings.CutSuffix(w, e); ok && stem != "" {
			if _, past := content.StemAndEnding(stem); past {
				return true
			}
		}
	}
	return false
}
