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
	fixed := sc.fixedPhrases()
	for i := range sc.ws {
		// A number starts with digits or a number word (numberEntity).
		if !sc.ws[i].digits && !sc.is(i, fCard|fOrd) || fixed != nil && fixed[i] {
			continue
		}
		// «هر دو», «هر سه»: both, all three; «چند صد», «چندین هزار»:
		// several hundred, thousands.
		if i > 0 && sc.soft(i-1) && (sc.w(i-1) == "هر" || sc.is(i-1, fVague)) && !sc.ws[i].digits {
			continue
		}
		// «1. » or «2) » at the start of a text marks an item of a list.
		if i == 0 && sc.ws[0].digits && listMarker(sc.t[:sc.ws[0].s], sc.t[sc.ws[0].e:]) {
			continue
		}
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
		if strings.ContainsAny(w, ":/") || sc.codeNumber(i) {
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

// fixedPhrases marks the words of the fixed phrases of the text
// (lists/fixed_phrases.txt: «دو و میدانی», «جنگ جهانی دوم»), whose number
// words are no numbers; nil when there is none.
func (sc *scanner) fixedPhrases() []bool {
	var in []bool
	for i := range sc.ws {
		if !sc.is(i, fFixedHead) {
			continue
		}
		for _, p := range fixedPhrases[sc.w(i)] {
			if e := sc.phraseAt(i, p); e > 0 {
				if in == nil {
					in = make([]bool, len(sc.ws))
				}
				for k := i; k < e; k++ {
					in[k] = true
				}
			}
		}
	}
	return in
}

// phraseAt returns the end of the phrase p (folded words) at word i, its
// words joined by spaces or hyphens, or -1.
func (sc *scanner) phraseAt(i int, p []string) int {
	for k, w := range p {
		if sc.w(i+k) != w || k > 0 && !sc.soft(i+k-1) {
			return -1
		}
	}
	return i + len(p)
}

// codeNumber reports whether the digits of word i are not a quantity of
// prose but part of code or of a machine's name for something: a version
// (2.28.1), an IP address (0.0.0.0, 192.168.1.10), a port (localhost:8080,
// [::]:443, 8000:localhost, «پورت ۸۰۸۰»), the value of an attribute, an
// assignment or a JSON key (width="160", port=80, "tries": 0), a Unix
// timestamp (1700000000, in seconds or milliseconds, with a fraction or
// not), or digits glued to a Latin word by a hyphen, an underscore or a
// dot (utf-8, sha-256, 64-bit).
func (sc *scanner) codeNumber(i int) bool {
	w := sc.w(i)
	if dots := strings.Count(w, "."); dots >= 2 {
		groups := strings.Split(w, ".")
		if dots == 3 && ipGroups(groups) {
			return true
		}
		// «1.000.000» has dots as thousands separators; anything else
		// with two dots is a version.
		for k, g := range groups {
			if g == "" || len(g) > 3 || k > 0 && len(g) != 3 || !isASCIIDigits(g) {
				return true
			}
		}
	}
	if sec, _, _ := strings.Cut(w, "."); isASCIIDigits(sec) && timestamp(sec) {
		return true // 1680506457, 1680506457.636369
	}
	if i > 0 {
		gap := sc.t[sc.ws[i-1].e:sc.ws[i].s]
		prev := sc.w(i - 1)
		switch {
		case strings.HasSuffix(gap, ":") && (len(gap) == 1 && (asciiWord(prev) || sc.ws[i-1].digits) || strings.HasSuffix(gap, "]:")):
			return true // host:port, [::]:443
		case strings.Contains(gap, "\":"):
			return true // a JSON value: "tries": 0
		case strings.Contains(gap, "=") && asciiWord(prev):
			return true // width="160", port=80
		case (gap == "-" || gap == "_" || gap == ".") && asciiLetters(prev):
			return true // utf-8, sha-256
		case sc.soft(i-1) && portWords()[prev]:
			return true // «پورت ۸۰۸۰», port 443
		}
	}
	if i+1 < len(sc.ws) {
		gap := sc.t[sc.ws[i].e:sc.ws[i+1].s]
		if (gap == "-" || gap == "_") && asciiLetters(sc.w(i+1)) {
			return true // 64-bit
		}
		if gap == ":" && asciiLetters(sc.w(i+1)) {
			return true // 8000:localhost:8000
		}
	}
	return false
}

// portWords name a port before its number.
var portWords = lazySet("پورت", "port")

// ipGroups reports whether the four groups are those of an IPv4 address.
func ipGroups(g []string) bool {
	for _, x := range g {
		if x == "" || len(x) > 3 || !isASCIIDigits(x) {
			return false
		}
		if v, _ := strconv.Atoi(x); v > 255 {
			return false
		}
	}
	return true
}

// timestamp reports whether the digits w look like a Unix time of this
// century, in seconds (ten digits from 1000000000, September 2001, to
// 2147483647, January 2038) or milliseconds (thirteen digits), and not
// like a round amount («1000000000 ریال»).
func timestamp(w string) bool {
	switch len(w) {
	case 10:
		return w >= "1000000000" && w <= "2147483647" && !strings.HasSuffix(w, "000")
	case 13:
		return w >= "1000000000000" && w <= "2147483647999" && !strings.HasSuffix(w, "00000")
	}
	return false
}

// asciiWord reports whether w is made of ASCII letters and digits and has
// a letter.
func asciiWord(w string) bool { return asciiLetters(strings.TrimFunc(w, isDigitRune)) }

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

// asciiLetters reports whether w is made of ASCII letters and digits and
// begins with a letter.
func asciiLetters(w string) bool {
	if w == "" || !(w[0]|0x20 >= 'a' && w[0]|0x20 <= 'z') {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// listMarker reports whether digits between before and after are the
// marker of a list item: nothing but spaces before, «.» or «)» and a
// space after.
func listMarker(before, after string) bool {
	return strings.TrimLeft(before, " \t") == "" && (strings.HasPrefix(after, ". ") || strings.HasPrefix(after, ") "))
}
