package entities

import (
	"strings"
	"unicode/utf8"
)

// Named places: a head noun of lists/place_heads.txt (a geographic feature
// or a venue) and its name, one LOC with the head: «کویر ساغند», «خلیج
// سرت», «قطب جنوب», «سالن فردوس», «فرودگاه امام خمینی», «حرم حضرت ابالفضل
// العباس». After the head and its modifiers (lists/place_mods.txt) the
// name is one of:
//
//   - a place found, after a modifier: «کویر مرکزی ایران»;
//   - a compass point after «قطب»: «قطب شمال»;
//   - an honorific (lists/place_honorifics.txt) and one or two words:
//     «امام خمینی», «حضرت مریم»;
//   - one or two rare words (no common word, function word, verb, sport,
//     number or entity): «کویر درانجیر», «مجتمع فرهنگی سرچشمه»;
//   - one word of any kind right before the city it is in: «ورزشگاه آزادی
//     تهران» (the city is a place of its own).
//
// A head with nothing of these after it is no entity («سالن جودو», «تالار
// رسمی شورای شهر», «کویر کوچک‌تر»).

var (
	placeMods       set
	placeHonorifics set
)

// namedPlaces adds the named places as LOC candidates.
func (sc *scanner) namedPlaces() {
	for i := range sc.ws {
		if !sc.is(i, fPlaceHead) || !sc.soft(i) || sc.nameAt[i] {
			continue
		}
		if e := sc.placeNameAfter(i); e > i+1 {
			s, end := sc.span(i, e)
			sc.add(sc.withMeta(newCand(s, end, i, LOC, prioGazetteer), meta{canon: sc.origText(s, end)}))
		}
	}
}

// placeNameAfter returns the end of the named place whose head is word i,
// or i.
func (sc *scanner) placeNameAfter(i int) int {
	k, mods := i+1, 0
	for k < len(sc.ws) && sc.soft(k-1) && placeMods[sc.w(k)] {
		k, mods = k+1, mods+1
	}
	if k >= len(sc.ws) || !sc.soft(k-1) {
		return i
	}
	if l := sc.locAt[k]; l >= 0 {
		if mods > 0 {
			return sc.wordAfter(k, sc.cands[l].e)
		}
		return i
	}
	if sc.w(i) == "قطب" && sc.is(k, fCompass) {
		return k + 1
	}
	if placeHonorifics[sc.w(k)] {
		n := k + 1
		for n < len(sc.ws) && n < k+3 && sc.soft(n-1) && sc.rareWord(n, true) {
			n++
		}
		if n > k+1 {
			return n
		}
		return i
	}
	n := k
	for n < len(sc.ws) && n < k+2 && (n == k || sc.soft(n-1)) && sc.rareWord(n, false) {
		n++
	}
	if n > k && !(n < len(sc.ws) && sc.soft(n-1) && sc.rareWord(n, false)) {
		return n
	}
	// One word of any kind before the city: «ورزشگاه آزادی تهران».
	if sc.soft(k) && sc.locAt[k+1] >= 0 && !sc.nameAt[k] && !sc.ws[k].digits && persianWord(sc.w(k)) && !verbForm(sc.w(k)) &&
		!sc.is(k, fStop|fVerb|fSport|fTeamWord|fTitleStart|fCard|fOrd|fPlaceCue|fCompass) {
		return k + 1
	}
	return i
}

// wordAfter returns the first word at or after word k that starts at or
// after the folded offset e.
func (sc *scanner) wordAfter(k, e int) int {
	for k < len(sc.ws) && sc.ws[k].s < e {
		k++
	}
	return k
}

// rareWord reports whether word k may be (part of) the name of a place
// after its head: a Persian word of three letters or more, of no
// gazetteer name, not a common word (but after an honorific, where a
// person's name is: «امام حسین»), a function word, a verb, a comparative,
// a participle in -یده, a sport or a word that ends a name.
func (sc *scanner) rareWord(k int, afterHonorific bool) bool {
	w := sc.w(k)
	if sc.ws[k].digits || sc.nameAt[k] || utf8.RuneCountInString(w) < 3 || sc.is(k, fSport|fTeamWord) {
		return false
	}
	// Not a comparative («کوچک‌تر») nor a participle («نامیده»).
	for _, suf := range []string{"تر", "ترین", "یده", "شده"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	if !afterHonorific && commonWords[w] {
		return false
	}
	return sc.nameClass(k) == nameYes
}
