package entities

import (
	"strconv"
	"strings"
)

// Numbers: digits («۳۵۰», «۱٬۰۰۰», «۳٫۵») perhaps followed by a scale word
// («۲۰ میلیارد»), and numbers in words: cardinals joined by «و» or by a
// scale word («یکصد هزار», «دو میلیون و پانصد هزار»), the last of which
// may be an ordinal («هفتاد و سومین», «دوم»). «یک», «نه» and «صفر» alone
// are not numbers (the article «a», «no», the month), nor is «یکی».

func (sc *scanner) numbers() {
	for i := range sc.ws {
		if e, _, _ := sc.numberEntity(i, false); e > 0 {
			s, end := sc.span(i, e)
			sc.add(newCand(s, end, i, NUM, prioNum))
		}
	}
}

// numberAt returns the end of the number starting at word i, or -1.
func (sc *scanner) numberAt(i int) int {
	e, _, _ := sc.numberEntity(i, false)
	return e
}

// numberEntity returns the end of the number starting at word i, and when
// asked its value as ASCII digits.
func (sc *scanner) numberEntity(i int, wantCanon bool) (end int, canon string, ordinal bool) {
	if i >= len(sc.ws) {
		return -1, "", false
	}
	if sc.ws[i].digits {
		w := sc.w(i)
		if strings.ContainsAny(w, ":/") {
			return -1, "", false
		}
		if !wantCanon {
			return i + 1 + sc.scaleAfter(i), "", false
		}
		v := numSeps.Replace(w)
		if strings.Count(v, ".") > 1 {
			// «1.000.000»: dots as thousands separators.
			v = strings.ReplaceAll(v, ".", "")
		}
		end = i + 1
		if sc.soft(i) {
			if m := sc.info[i+1]; m.flags&fScale != 0 {
				end = i + 2
				if f, err := strconv.ParseFloat(v, 64); err == nil && wantCanon {
					v = strconv.FormatFloat(f*float64(m.val), 'f', -1, 64)
				}
			}
		}
		return end, v, false
	}
	end, val, ordinal := sc.numberWordsAt(i)
	if end < 0 {
		return -1, "", false
	}
	if end == i+1 && !ordinal && sc.is(i, fNotAlone) {
		return -1, "", false
	}
	if wantCanon {
		canon = strconv.FormatInt(val, 10)
	}
	return end, canon, ordinal
}

// numberWordsAt parses a number in words starting at word i.
func (sc *scanner) numberWordsAt(i int) (end int, val int64, ordinal bool) {
	var total, cur int64
	j := i
	n := 0
	for j < len(sc.ws) {
		x := sc.info[j]
		if x.flags&(fCard|fOrd) == 0 {
			break
		}
		v, ord := x.val, x.flags&fCard == 0
		switch {
		case v >= 1000:
			if cur == 0 {
				cur = 1
			}
			total += cur * v
			cur = 0
		case v == 100 && cur > 0 && cur < 10:
			cur *= 100 // «سه صد»
		default:
			cur += v
		}
		n++
		j++
		if ord {
			ordinal = true
			break
		}
		if !sc.soft(j - 1) {
			break
		}
		// «هفتاد و سه», «صد و بیست»: «و» joins a number.
		if sc.w(j) == "و" && sc.soft(j) && sc.is(j+1, fCard|fOrd) {
			j++
			continue
		}
		// «یکصد هزار», «بیست میلیارد»: a scale word follows directly.
		if sc.is(j, fScale) {
			continue
		}
		break
	}
	if n == 0 {
		return -1, 0, false
	}
	return j, total + cur, ordinal
}

// numSeps removes thousands separators and makes the Arabic decimal
// separator a dot.
var numSeps = strings.NewReplacer(",", "", "\u066C", "", "\u066B", ".")

// scaleAfter is 1 when a scale word («هزار», «میلیون») follows word i.
func (sc *scanner) scaleAfter(i int) int {
	if sc.soft(i) && sc.is(i+1, fScale) {
		return 1
	}
	return 0
}
