package entities

import (
	"strconv"
	"strings"
)

// Dates and times. A date is a sequence of parts joined by spaces (a comma
// may follow the weekday): an optional part of the day or «روز», an
// optional weekday, then day and month, a month alone, or a year, then an
// optional time. At least one part besides the first must be there:
// «روز» alone is not a date. Relative dates are separate: «امروز»,
// «سال گذشته», «سه سال قبل», «روزهای گذشته».

func (sc *scanner) dates() {
	for i := range sc.ws {
		if !sc.ws[i].digits && !sc.is(i, dateStarts) && !sc.is(i+1, fOccasion) {
			continue
		}
		j := sc.dateAt(i)
		if k := sc.relativeAt(i); k > j {
			j = k
		}
		if k := sc.occasionAt(i); k > j {
			j = k
		}
		if j < 0 && sc.bracketYear(i) {
			j = i + 1
		}
		if j > i {
			s, e := sc.span(i, j)
			sc.add(newCand(s, e, i, DATE, prioDate))
		}
	}
}

// dateStarts are the classes of the words a date can start with, besides
// digits and the word before a named day: every part of dateAt,
// relativeAt and occasionAt starts with a word of one, so that dates
// looks no further at other words, nearly all of a text. A rule that
// starts a date with another word must add its class here.
const dateStarts = fDayPart | fWeekday | fWeekdayHead | fCard | fOrd | fMonth | fMonthHead |
	fRelDay | fVague | fTimeUnit | fOccasion | fDateWord

// dateWords are the words that dateAt looks for by their text (fDateWord).
var dateWords = lazySet("اول", "ماه", "سال", "دهه", "ساعت")

// dateAt returns the end (exclusive, in words) of the date starting at
// word i, or -1.
func (sc *scanner) dateAt(i int) int {
	j := i
	if sc.is(j, fDayPart) && sc.soft(j) {
		j++
	}
	core := false
	if k := sc.weekdayAt(j); k > 0 {
		j, core = k, true
		// «دوشنبه ۲۴ مرداد», «دوشنبه، ۲۴ مرداد»
		if sc.soft(j-1) || sc.gapOnly(j-1, "،,") {
			if k := sc.dayMonthAt(j); k > 0 {
				j = k
			}
		}
	} else if k := sc.dayMonthAt(j); k > 0 {
		j, core = k, true
	} else if k := sc.monthAt(j); k > 0 {
		j, core = k, true
	} else if sc.w(j) == "سال" || sc.w(j) == "دهه" {
		if sc.soft(j) {
			if k := sc.yearAt(j + 1); k > 0 {
				j, core = k, true
			}
		}
	} else if sc.numericDate(j) {
		j, core = j+1, true
	} else if sc.is(j, fRelDay) && j > i {
		// «صبح امروز»; «امروز» alone is found by relativeAt.
		j, core = j+1, true
	}
	if k := sc.timeAt(j); k > 0 && (!core || sc.soft(j-1)) {
		j, core = k, true
	}
	if !core {
		return -1
	}
	return j
}

// weekdayAt: «پنجشنبه», «پنج‌شنبه» (the ZWNJ is folded away), «پنج شنبه».
func (sc *scanner) weekdayAt(j int) int {
	if j >= len(sc.ws) {
		return -1
	}
	if sc.is(j, fWeekday) {
		return j + 1
	}
	if sc.is(j, fWeekdayHead) && sc.soft(j) && sc.w(j+1) == "شنبه" {
		return j + 2
	}
	return -1
}

// dayMonthAt: a day number and a month, then perhaps a year:
// «۲۴ مرداد ۱۴۰۱», «۱۲ آبان», «بیست و دوم بهمن», «اول شهریورماه».
func (sc *scanner) dayMonthAt(j int) int {
	if j >= len(sc.ws) {
		return -1
	}
	k := -1
	if sc.ws[j].digits {
		if d, err := strconv.Atoi(sc.w(j)); err == nil && d >= 1 && d <= 31 {
			k = j + 1
		}
	} else if e, v, _ := sc.numberWordsAt(j); e > 0 && v >= 1 && v <= 31 {
		k = e
	} else if sc.w(j) == "اول" {
		k = j + 1 // the first day: «اول شهریورماه», before a month only
	}
	if k < 0 || !sc.soft(k-1) {
		return -1
	}
	m := k
	if sc.w(m) == "ماه" && sc.soft(m) {
		m++
	}
	e := sc.monthWordAt(m)
	if e < 0 {
		return -1
	}
	if sc.soft(e - 1) {
		if y := sc.yearAt(e); y > 0 {
			return y
		}
	}
	return e
}

// monthAt: a month without a day. A month that is also a word («مهر»,
// «تیر», «دی») counts only next to «ماه» («ماه مهر», «مهر ماه»,
// «مهرماه») or before a year.
func (sc *scanner) monthAt(j int) int {
	m := j
	mah := false
	if sc.w(m) == "ماه" && sc.soft(m) {
		m, mah = m+1, true
	}
	e := sc.monthWordAt(m)
	if e < 0 {
		return -1
	}
	y := -1
	if sc.soft(e - 1) {
		y = sc.yearAt(e)
	}
	if y > 0 {
		return y
	}
	if !mah && e == m+1 && sc.is(m, fAmbMonth) {
		return -1
	}
	// «آبان ماه گذشته», «مهرماه آینده»: a month with «ماه» takes a
	// direction as «ماه» alone does («ماه گذشته»).
	if sc.withMah(e) && sc.soft(e-1) && sc.is(e, fRelDir) {
		e++
	}
	return e
}

// monthWordAt: a month name of one word, of two («ربیع الاول»), or
// glued to «ماه» («مهرماه»), with «ماه» after it if written apart («مهر
// ماه»).
func (sc *scanner) monthWordAt(j int) int {
	e := -1
	if sc.is(j, fMonth) {
		e = j + 1
	} else if w := sc.w(j); sc.is(j, fMonthHead) && sc.soft(j) {
		for _, p := range monthPairs {
			if p[0] == w && len(p) == 2 && sc.w(j+1) == p[1] {
				e = j + 2
				break
			}
		}
	}
	// «آبان ماه» with a space is «آبان‌ماه»: one date with «ماه».
	if e > 0 && sc.w(e) == "ماه" && sc.soft(e-1) {
		e++
	}
	return e
}

// withMah reports whether the month name ending at word e-1 ends in «ماه»
// («آبان ماه», «آبان‌ماه»).
func (sc *scanner) withMah(e int) bool {
	return e > 0 && strings.HasSuffix(sc.w(e-1), "ماه")
}

// yearAt: two to four digits, then perhaps an era («۱۴۰۱ شمسی»,
// «۱۴۴۶ هجری قمری»).
func (sc *scanner) yearAt(j int) int {
	if j >= len(sc.ws) || !sc.ws[j].digits {
		return -1
	}
	w := sc.w(j)
	if len(w) < 2 || len(w) > 4 || strings.ContainsAny(w, ".,:/") || !isASCIIDigits(w) {
		return -1
	}
	j++
	for n := 0; n < 2 && sc.soft(j-1) && sc.is(j, fEra); n++ {
		j++
	}
	return j
}

// timeAt: «۰۹:۱۴», «۲۳:۰۵:۱۰», or «ساعت ۹» / «ساعت نه».
func (sc *scanner) timeAt(j int) int {
	if j >= len(sc.ws) {
		return -1
	}
	if sc.ws[j].digits && isClock(sc.w(j)) {
		return j + 1
	}
	if sc.w(j) == "ساعت" && sc.soft(j) && j+1 < len(sc.ws) {
		if sc.ws[j+1].digits && (isClock(sc.w(j+1)) || isHour(sc.w(j+1))) {
			return j + 2
		}
		if e, v, _ := sc.numberWordsAt(j + 1); e > 0 && v <= 24 {
			return e
		}
	}
	return -1
}

// numericDate: «۱۴۰۱/۰۵/۲۴», «2025/8/15», «24/5/1401».
func (sc *scanner) numericDate(j int) bool {
	if j >= len(sc.ws) || !sc.ws[j].digits {
		return false
	}
	p := strings.Split(sc.w(j), "/")
	if len(p) != 3 {
		return false
	}
	long := 0
	for _, x := range p {
		if !isASCIIDigits(x) || len(x) > 4 {
			return false
		}
		if len(x) >= 3 {
			long++
		}
	}
	return long == 1 && (len(p[0]) >= 3 || len(p[2]) >= 3)
}

// relativeAt: «امروز», «سال گذشته», «سه سال قبل», «چند روز پیش»,
// «روزهای گذشته», «دو هفته پس».
func (sc *scanner) relativeAt(i int) int {
	if sc.is(i, fRelDay) {
		return i + 1
	}
	k := i
	if sc.is(k, fVague) && sc.soft(k) {
		k++
	} else if e := sc.numberAt(k); e > 0 && sc.soft(e-1) {
		k = e
	}
	if sc.is(k, fTimeUnit) && sc.soft(k) && sc.is(k+1, fRelDir) {
		return k + 2
	}
	return -1
}

func isClock(w string) bool {
	h, m, ok := strings.Cut(w, ":")
	if !ok || len(h) < 1 || len(h) > 2 || len(m) < 2 || !isASCIIDigits(h) {
		return false
	}
	mm, ss, _ := strings.Cut(m, ":")
	if len(mm) != 2 || !isASCIIDigits(mm) || (ss != "" && (len(ss) != 2 || !isASCIIDigits(ss))) {
		return false
	}
	hv, _ := strconv.Atoi(h)
	mv, _ := strconv.Atoi(mm)
	return hv <= 24 && mv < 60
}

func isHour(w string) bool {
	v, err := strconv.Atoi(w)
	return err == nil && len(w) <= 2 && v <= 24
}

func isASCIIDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// occasionAt returns the end of the named day of lists/occasions.txt at
// word i («اربعین», «هفته تعاون», «دهه فجر»), perhaps after «روز», «شب»
// or «ایام» («روز عاشورا»), or -1.
func (sc *scanner) occasionAt(i int) int {
	if !sc.is(i, fOccasion) && !sc.is(i+1, fOccasion) {
		return -1 // the class bits answer for nearly every word
	}
	if i > 0 && strings.HasSuffix(strings.TrimRight(sc.t[sc.ws[i-1].e:sc.ws[i].s], " "), "«") {
		return -1 // «اربعین», the film: a title in guillemets
	}
	best := -1
	for _, p := range occasions[sc.w(i)] {
		ok := true
		for m := 1; m < len(p) && ok; m++ {
			ok = sc.soft(i+m-1) && sc.w(i+m) == p[m]
		}
		if ok && i+len(p) > best {
			best = i + len(p)
		}
	}
	if best < 0 && (sc.w(i) == "روز" || sc.w(i) == "شب" || sc.w(i) == "ایام") && sc.soft(i) {
		for _, p := range occasions[sc.w(i+1)] {
			ok := true
			for m := 1; m < len(p) && ok; m++ {
				ok = sc.soft(i+m) && sc.w(i+1+m) == p[m]
			}
			if ok && i+1+len(p) > best {
				best = i + 1 + len(p)
			}
		}
	}
	return best
}

// bracketYear reports whether word i is a year alone in brackets:
// «هانگژو (۲۰۲۲)», four digits from 1300 to 1499 or 1900 to 2099.
func (sc *scanner) bracketYear(i int) bool {
	w := sc.w(i)
	if len(w) != 4 || !isASCIIDigits(w) || i == 0 {
		return false
	}
	y, _ := strconv.Atoi(w)
	if !(1300 <= y && y < 1500 || 1900 <= y && y < 2100) {
		return false
	}
	before := strings.TrimRight(sc.t[sc.ws[i-1].e:sc.ws[i].s], " ")
	after := ""
	if i+1 < len(sc.ws) {
		after = sc.t[sc.ws[i].e:sc.ws[i+1].s]
	} else {
		after = sc.t[sc.ws[i].e:]
	}
	return strings.HasSuffix(before, "(") && strings.HasPrefix(strings.TrimLeft(after, " "), ")")
}

// mergeDates joins the dates chosen next to each other into one
// (issue 16.6): parts with only spaces between them («شب گذشته» +
// «پنجشنبه ۲۶ مردادماه», «اردیبهشت ماه» + «سال جاری», «هفته تعاون» +
// «امسال»), and a range with «تا» or «الی» between a date and a date or
// a number («یکم تا چهارم مهرماه», «ساعت ۸ الی ۱۱»). sel is sorted by
// start.
func (sc *scanner) mergeDates(sel []cand) []cand {
	out := sel[:0]
	for k := 0; k < len(sel); k++ {
		c := sel[k]
		// Only a date, or a number before «تا» or «الی», merges with the
		// candidates after it.
		for (c.kind == DATE || c.kind == NUM) && k+1 < len(sel) {
			n := sel[k+1]
			last := sc.wordAt(c.e)
			if last < 0 || int(n.wi) <= last {
				break
			}
			if c.kind == DATE && n.kind == DATE && int(n.wi) == last+1 && sc.soft(last) {
				c.e = n.e
				k++
				continue
			}
			// A range: DATE|NUM تا|الی DATE|NUM, one side a date.
			w := sc.w(last + 1)
			if int(n.wi) == last+2 && (w == "تا" || w == "الی") && sc.soft(last) && sc.soft(last+1) &&
				(c.kind == DATE || c.kind == NUM && int(c.wi) == last) &&
				(n.kind == DATE || n.kind == NUM && sc.wordAt(n.e) == int(n.wi)) && (c.kind == DATE) != (n.kind == DATE) {
				c.kind, c.entry, c.meta = DATE, -1, -1
				c.e = n.e
				k++
				continue
			}
			break
		}
		out = append(out, c)
	}
	return out
}

// wordAt returns the word that ends at the folded offset e, or -1.
func (sc *scanner) wordAt(e int) int {
	lo, hi := 0, len(sc.ws)
	for lo < hi {
		m := (lo + hi) / 2
		if sc.ws[m].e < e {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(sc.ws) && sc.ws[lo].e == e {
		return lo
	}
	return -1
}
