package entities

import "strings"

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
			if sc.is(k, fCompass) {
				break // «بانک شرق و غرب لیبی»: the east and the west of Libya
			}
			loc := sc.cands[c]
			place, _, _ := sc.canonOf(loc)
			head := sc.origText(sc.ws[i].s, sc.ws[k-1].e)
			sc.add(sc.withMeta(newCand(sc.ws[i].s, loc.e, i, ORG, prioOrgRule), meta{canon: head + " " + place, of: place}))
			break
		}
	}
}

// orgHead is a head noun of orgPhrase (lists/org_phrase_heads.txt): its
// folded words, and whether it names a part of an organisation, which
// counts only before the organisation's name.
type orgHead struct {
	words []string
	part  bool
}

var orgPhraseHeads map[string][]orgHead

// Limits of orgPhrase: the words between the head and a place or an
// organisation that ends the name, and the modifiers of a name that ends
// with none.
const (
	orgMaxWords = 10
	orgMaxMods  = 3
)

// orgPhrases finds organisations named by a head noun and its modifiers
// (issue 16.5): «HEAD MOD... [PLACE|ORG]». The name runs from the head to
// the first word that cannot modify it (orgBoundary) or to the end of a
// place or organisation already found, which ends it: «شهرداری تهران»,
// «دانشکده اقتصاد دانشگاه تهران», «بسیج جامعه پزشکی وزارت بهداشت». «و»
// joins two modifiers («سازمان امداد و نجات») but not a second head. With
// no place or organisation at its end the name has one to orgMaxMods
// modifiers, and a noun before a light verb is no part of it («شورای شهر
// اظهار داشت»). A head after a demonstrative («این سازمان») names
// nothing. «تیم» has a rule of its own (teamAt).
func (sc *scanner) orgPhrases() {
	var orgAt []int32
	// From the last word back, so that a name inside a longer one is
	// found first and ends it («روابط عمومی فدراسیون جودو»).
	for i := len(sc.ws) - 1; i >= 0; i-- {
		if !sc.is(i, fOrgPhrase) {
			continue
		}
		if i > 0 && sc.soft(i-1) && demonstratives()[sc.w(i-1)] {
			continue
		}
		h, ok := sc.orgHeadAt(i)
		if !ok {
			continue
		}
		if orgAt == nil {
			orgAt = sc.orgStarts()
		}
		// A known name at the head («شورای امنیت», «بانک توسعه آسیایی»)
		// is extended only to a place or organisation after it.
		known := orgAt[i] >= 0
		first := i + len(h.words)
		k, mods, anchor, and := first, 0, -1, -1
		for ; k < len(sc.ws) && k-first < orgMaxWords; k++ {
			if !sc.soft(k - 1) {
				break
			}
			if c := orgAt[k]; c >= 0 {
				anchor = int(c)
				break
			}
			if c := sc.locAt[k]; c >= 0 {
				if !sc.is(k, fCompass) { // «بانک شرق و غرب لیبی»
					anchor = int(c)
				}
				break
			}
			if sc.w(k) == "و" {
				// «و» joins two modifiers, or this name and another one
				// that ends it («حوزه مسجد و هیأت خبرگزاری فارس»).
				if mods == 0 || !sc.soft(k) || k+1 >= len(sc.ws) {
					break
				}
				if orgAt[k+1] >= 0 {
					if !h.part {
						break
					}
				} else if sc.nameAt[k+1] || sc.orgBoundary(k+1) || sc.is(k+1, fOrgPhrase) {
					break
				}
				and = k
				continue
			}
			if sc.nameAt[k] || sc.orgBoundary(k) {
				break
			}
			mods++
		}
		var e int
		switch {
		case anchor >= 0 && mods == 0 && sc.titleBefore(i):
			// «رئیس کمیسیون اتحادیه اروپا», «رئیس هیئت شیلی»: the title
			// is «رئیس کمیسیون», of what follows it.
			continue
		case anchor >= 0 && (mods > 0 || !h.part || len(h.words) > 1):
			// «گروه بریکس» is «بریکس»: a one-word part needs a modifier.
			e = sc.cands[anchor].e
		case anchor >= 0 || known || h.part || mods == 0:
			continue
		default:
			if k < len(sc.ws) && sc.soft(k-1) && lightVerbForm(sc.w(k)) {
				k-- // «شورای شهر اظهار داشت»
				mods--
			} else if and > 0 && k < len(sc.ws) && sc.soft(k-1) && !sc.is(k, fStop|fVerb) && !verbForm(sc.w(k)) {
				// «و» is sure to join two modifiers only when the name
				// ends at punctuation, a function word or a verb: not in
				// «موزه باستان‌شناسی و کلیسای حضرت مریم».
				mods -= k - and - 1
				k = and
			}
			for k > first && sc.w(k-1) == "و" {
				k--
			}
			if mods < 1 || mods > orgMaxMods || k <= first {
				continue
			}
			e = sc.ws[k-1].e
		}
		if e <= sc.ws[i].s {
			continue
		}
		orgAt[i] = int32(len(sc.cands))
		sc.add(newCand(sc.ws[i].s, e, i, ORG, prioOrgRule))
	}
}

// demonstratives before a head noun make it a common noun.
var demonstratives = lazySet("این", "آن", "همین", "همان", "هر", "هیچ", "چند", "چندین", "کدام", "همه")

// orgHeadAt returns the longest head of orgPhrase at word i.
func (sc *scanner) orgHeadAt(i int) (orgHead, bool) {
	var best orgHead
	found := false
	for _, h := range orgPhraseHeads[sc.w(i)] {
		if found && len(h.words) <= len(best.words) {
			continue
		}
		ok := true
		for m := 1; m < len(h.words) && ok; m++ {
			ok = sc.soft(i+m-1) && sc.w(i+m) == h.words[m]
		}
		if ok {
			best, found = h, true
		}
	}
	return best, found
}

// orgStarts returns, per word, the index in cands of the longest
// organisation starting there, or -1.
func (sc *scanner) orgStarts() []int32 {
	at := make([]int32, len(sc.ws))
	for i := range at {
		at[i] = -1
	}
	for k, c := range sc.cands {
		if c.kind != ORG {
			continue
		}
		if p := at[c.wi]; p < 0 || sc.cands[p].e < c.e {
			at[c.wi] = int32(k)
		}
	}
	return at
}

// orgBoundary reports whether word k cannot be a modifier in the name of
// an organisation: a function word, a verb, a number, a title, a date or
// time word, a given name, a word of lists/org_stops.txt, a plural, a
// word that is not Persian.
func (sc *scanner) orgBoundary(k int) bool {
	const stops = fStop | fVerb | fSay | fCard | fOrd | fMonth | fWeekday | fRelDay | fTitleStart |
		fGiven | fNamePrefix | fOrgStop | fTimeUnit | fDayPart | fRelDir | fVague | fEra | fCompass
	if sc.ws[k].digits || sc.is(k, stops) {
		return true
	}
	w := sc.w(k)
	return !persianWord(w) || verbForm(w) || pastForm(w) || lightVerbs[w] ||
		strings.HasSuffix(w, "ها") || strings.HasSuffix(w, "های")
}

// lightVerbStems are the present and past stems of the light verbs of
// compound verbs («اعلام کرد», «مجوز گرفتیم», «اظهار داشت»).
var lightVerbStems = lazySet("کرد", "کن", "شد", "شو", "داد", "ده", "گرفت", "گیر", "داشت", "دار", "زد", "زن", "نمود", "نما", "گردید", "گرد", "ساخت", "ساز", "یافت", "یاب")

// lightVerbForm reports whether w is a form of a light verb: a word of
// lists/light_verbs.txt, or a light verb's stem with a personal ending,
// after می or نمی or not.
func lightVerbForm(w string) bool {
	if lightVerbs[w] {
		return true
	}
	for _, p := range []string{"نمی", "می", ""} {
		rest, ok := strings.CutPrefix(w, p)
		if !ok {
			continue
		}
		for _, end := range []string{"", "م", "ی", "یم", "ید", "ند", "د", "ه"} {
			if b, ok := strings.CutSuffix(rest, end); ok && lightVerbStems()[b] {
				return true
			}
		}
	}
	return false
}

// compassPlaces finds a point of the compass, or «مرکز», before a place
// as one place: «شمال اروپا», «مرکز لیبی», and two joined by «و»: «شرق و
// غرب لیبی». The place is its Of.
func (sc *scanner) compassPlaces() {
	for i := range sc.ws {
		if !sc.is(i, fCompass) || !sc.soft(i) {
			continue
		}
		k := i + 1
		if sc.w(k) == "و" && sc.soft(k) && sc.is(k+1, fCompass) && sc.soft(k+1) {
			k += 2
		}
		if k >= len(sc.ws) || sc.locAt[k] < 0 {
			continue
		}
		loc := sc.cands[sc.locAt[k]]
		place, _, _ := sc.canonOf(loc)
		c := sc.withMeta(newCand(sc.ws[i].s, loc.e, i, LOC, prioGazetteer), meta{canon: sc.origText(sc.ws[i].s, loc.e), of: place})
		if sc.locAt[i] < 0 {
			sc.locAt[i] = int32(len(sc.cands))
		}
		sc.add(c)
	}
}

// teams finds a team named after «تیم»: «تیم ملی جودو مردان و بانوان»,
// «تیم ملی والیبال ایران», «تیم ایران», «تیم فوتبال سپاهان». The words
// after «تیم» are those of lists/team_words.txt and lists/sports.txt («و»
// joins two), then perhaps a place or a club; the name needs a sport, a
// place or a club: a bare «تیم ملی» is no entity.
func (sc *scanner) teams() {
	var orgAt []int32
	for i := range sc.ws {
		if sc.w(i) != "تیم" || !sc.soft(i) || i > 0 && sc.soft(i-1) && demonstratives()[sc.w(i-1)] {
			continue
		}
		k, sport := i+1, false
		for k < len(sc.ws) && sc.soft(k-1) {
			if sc.is(k, fTeamWord|fSport) {
				sport = sport || sc.is(k, fSport)
				k++
				continue
			}
			if sc.w(k) == "و" && k > i+1 && sc.soft(k) && sc.is(k+1, fTeamWord|fSport) {
				k++
				continue
			}
			break
		}
		e := -1
		if sport {
			e = sc.ws[k-1].e
		}
		if k < len(sc.ws) && sc.soft(k-1) {
			if orgAt == nil {
				orgAt = sc.orgStarts()
			}
			if c := sc.locAt[k]; c >= 0 && !sc.is(k, fCompass) {
				e = sc.cands[c].e
			} else if c := orgAt[k]; c >= 0 && sc.cands[c].entry >= 0 && sc.x.entries[sc.cands[c].entry].role == "باشگاه" {
				e = sc.cands[c].e
			}
		}
		if e > 0 {
			sc.add(newCand(sc.ws[i].s, e, i, ORG, prioOrgRule))
		}
	}
}
