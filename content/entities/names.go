package entities

import (
	"strings"
	"unicode/utf8"
)

// People with no title: a run of two or three name-like words that starts
// with a given name (lists/given_names.txt), perhaps after «سید» or «میر»
// (lists/name_prefixes.txt), which belong to the name: «سید محمد حسینی»,
// «فرشاد ناظمی». A given name that is also a common word
// (lists/common_words.txt: «امید», «بهار», «علی» as in «علی‌رغم») counts
// only before a surname-shaped word that is not common itself
// («امید کریمی», not «امید زیادی»). As with titles, the rule emits
// nothing when a place word, a demonym or a number touches the run, when
// it goes on past three words, or when the word before it could be part
// of a name too.

// givenNameAt returns the person [a, b) starting at word i, or a == b.
func (sc *scanner) givenNameAt(i int) (a, b int) {
	if _, in := sc.coveredBy(i); in || !sc.is(i, fGiven|fNamePrefix) {
		return i, i
	}
	// Inside a longer run («امیر حسین ...», «... رضا کریمی»), not sure
	// where the name starts; a word before it that is neither a given
	// name nor shaped like a surname is not part of it («لگد آرش رضاوند»).
	// An Arabic name is a chain of given names before «ال...» («جاسم
	// محمد البدیوی»): there any name-like word before it may be its start.
	arabic := false
	if i > 0 && sc.soft(i-1) && !sc.is(i-1, fNamePrefix) {
		p := sc.w(i - 1)
		if sc.is(i-1, fGiven) || sc.nameClass(i-1) != nameNo && !commonWords[p] && surnameShaped(p) {
			return i, i
		}
		arabic = sc.nameClass(i-1) != nameNo && !commonWords[p]
	}
	j := i
	if sc.is(j, fNamePrefix) {
		if !sc.soft(j) || !sc.is(j+1, fGiven) {
			return i, i
		}
		j++
	}
	// A given name that is also a title («امیر») starts a name before
	// another given name: «امیر حسین ولیزاده», «امیر عباس موحد».
	from := j
	if sc.is(j, fTitleStart) && sc.is(j, fGiven) && sc.soft(j) && sc.is(j+1, fGiven) {
		from = j + 1
	}
	if !sc.is(from, fGiven) || sc.nameClass(from) != nameYes {
		return i, i
	}
	k, ok := sc.nameRun(from, +1)
	// A surname that the run stops at right after a given name that is
	// no everyday word: a demonym («حسین قمی») or a word in -ایی
	// («بهروز عطایی»), when no name-like word follows.
	if k == from+1 && sc.soft(from) && !sc.is(from, fWordName) && sc.surnameAfterGiven(k) &&
		!(sc.soft(k) && sc.nameClass(k+1) != nameNo) {
		k, ok = k+1, true
	}
	if !ok || k-j > maxNameWords {
		return i, i
	}
	if k < len(sc.ws) && sc.soft(k-1) && lightVerbs[sc.w(k)] {
		k-- // «... تاکید کرد»
	}
	// A common word at the end is not part of the name («علی کریمی
	// دیروز ...» is fine; «رضا کریمی زمین را ...» ends at «کریمی»).
	for k-j > 2 && commonWords[sc.w(k-1)] && !surnameShaped(sc.w(k-1)) && !sc.is(k-1, fGiven) {
		k--
	}
	// The surname: shaped like one, a given name («محمد رضا»), or a rare
	// word that is not a noun with the ezafe («فردوس موزه سینمای» is a
	// hall).
	for k-j > 2 && !sc.surnameLike(k-1) {
		k--
	}
	if k-j < 2 || !sc.surnameLike(k-1) {
		return i, i
	}
	if arabic && strings.HasPrefix(sc.w(k-1), "ال") {
		return i, i
	}
	if sc.is(from, fWordName) {
		// An everyday word needs a surname after it, or a second given name
		// and a surname: «امید کریمی», «امید رضا کریمی».
		if s := sc.w(from + 1); !(sc.is(from+1, fGiven) && k-from >= 3) && (!surnameShaped(s) || commonWords[s] && !sc.is(from+1, fGiven)) {
			return i, i
		}
	}
	// Every word after the first common: «مریم خانم»، «علی آقا».
	common := true
	for m := j + 1; m < k; m++ {
		common = common && commonWords[sc.w(m)] && !surnameShaped(sc.w(m)) && !sc.is(m, fGiven)
	}
	if common {
		return i, i
	}
	return i, k
}

// surnameEndings are the endings of Persian surnames: «کریمی», «رضاییان»,
// «حسن‌زاده», «علی‌پور», «احمدی‌نژاد», «رستگارفر», «کیانیا», «فرهادی‌راد»,
// «بیرانوند», «شاملو», «نیک‌مهر».
var surnameEndings = []string{"ی", "یان", "زاده", "پور", "نژاد", "فر", "نیا", "راد", "وند", "لو", "کیا", "مهر", "دوست", "پناه", "منش", "خواه"}

// surnameAfterGiven reports whether word k, which is no part of a name by
// itself, is a surname right after a given name: a demonym («قمی»,
// «شیرازی») or a word in -ایی («عطایی», «تقوایی»), not a common word.
func (sc *scanner) surnameAfterGiven(k int) bool {
	if k >= len(sc.ws) {
		return false
	}
	w := sc.w(k)
	if _, in := sc.coveredBy(k); in || !persianWord(w) || commonWords[w] || sc.is(k, fStop|fVerb|fTitleStart|fNotName) {
		return false
	}
	if strings.HasSuffix(w, "ایی") && utf8.RuneCountInString(w) >= 4 {
		return true
	}
	return sc.demonym(w) >= 0 && utf8.RuneCountInString(w) >= 3
}

// surnameShaped reports whether w has a surname's ending and three letters
// or more.
func surnameShaped(w string) bool {
	if utf8.RuneCountInString(w) < 3 {
		return false
	}
	// A noun in ا with the ezafe is no surname («سینمای», «آقای»); «ه‌ای»
	// is the adjective of a noun in ه, a surname too («خامنه‌ای»).
	if b, ok := strings.CutSuffix(w, "ای"); ok && !strings.HasSuffix(b, "ه") {
		return false
	}
	for _, e := range surnameEndings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// surnameLike reports whether word k may end a name that starts with a
// given name.
func (sc *scanner) surnameLike(k int) bool {
	w := sc.w(k)
	if surnameShaped(w) || sc.is(k, fGiven) {
		return true
	}
	// Not a word in ا after a consonant: the Arabic adverbs in «اً»
	// («دقیقاً», «صاعقاً» of a verse) lose their tanwin when folded.
	alef := strings.HasSuffix(w, "ا") && !strings.HasSuffix(w, "یا") && !strings.HasSuffix(w, "وا")
	return !commonWords[w] && !strings.HasSuffix(w, "ای") && !alef
}
