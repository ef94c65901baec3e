package entities

import (
	"math"
	"strconv"
	"strings"
)

// Numbers: digits («۳۵۰», «۱٬۰۰۰», «۳٫۵») perhaps followed by scale words
// («۲۰ میلیارد», «۲۸۰۰ هزار میلیارد»; a currency or unit after them is not
// part of the number), and numbers in words: cardinals joined by «و» or by a
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
		end = i + 1 + sc.scalesAfter(i)
		if !wantCanon {
			return end, "", false
		}
		v := numSeps.Replace(w)
		if strings.Count(v, ".") > 1 {
			// «1.000.000»: dots as thousands separators.
			v = strings.ReplaceAll(v, ".", "")
		}
		if end > i+1 {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				for k := i + 1; k < end; k++ {
					f *= float64(sc.info[k].val)
				}
				v = strconv.FormatFloat(f, 'f', -1, 64)
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
	var total, cur, group, last int64
	j := i
	n := 0
	for j < len(sc.ws) {
		x := sc.info[j]
		if x.flags&(fCard|fOrd) == 0 {
			break
		}
		v, ord := x.val, x.flags&fCard == 0
		switch {
		case v >= 1000 && cur == 0 && last >= 1000 && v > last && group <= math.MaxInt64/v:
			// «هزار میلیارد»: a scale right after a smaller one
			// multiplies its group.
			total += group*v - group
			group *= v
		case v >= 1000:
			if cur == 0 {
				cur = 1
			}
			group = cur * v
			total += group
			cur = 0
		case v == 100 && cur > 0 && cur < 10:
			cur *= 100 // «سه صد»
		default:
			cur += v
		}
		last = v
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

// maxScales is the most scale words after digits: «۲۸۰۰ هزار میلیارد».
const maxScales = 3

// scalesAfter is the number of scale words («هزار», «میلیون») that follow
// word i, each multiplying the number: «۲۰ میلیارد», «۲۸۰۰ هزار
// میلیارد».
func (sc *scanner) scalesAfter(i int) int {
	n := 0
	for n < maxScales && sc.soft(i+n) && sc.is(i+n+1, fScale) {
		n++
	}
	return n
}
