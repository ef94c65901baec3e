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
		if e, canon, ord := sc.numberEntity(i); e > 0 {
			s, end := sc.span(i, e)
			c := cand{s: s, e: end, kind: NUM, prio: prioNum, canon: canon}
			if ord {
				c.role = "ترتیبی"
			}
			sc.add(c)
		}
	}
}

// numberAt returns the end of the number starting at word i, or -1.
func (sc *scanner) numberAt(i int) int {
	e, _, _ := sc.numberEntity(i)
	return e
}

func (sc *scanner) numberEntity(i int) (end int, canon string, ordinal bool) {
	if i >= len(sc.ws) {
		return -1, "", false
	}
	if sc.ws[i].digits {
		w := sc.w(i)
		if strings.ContainsAny(w, ":/") {
			return -1, "", false
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
				if f, err := strconv.ParseFloat(v, 64); err == nil {
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
	return end, strconv.FormatInt(val, 10), ordinal
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
