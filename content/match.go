package content

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Search: what a reader types after / becomes a Pattern, which finds the
// query in text the way Fold reads both (the table in fold.go), plus two
// rules that a string comparison of folded text cannot give:
//
//   - A space in the query (or a run of them, or a ZWNJ) matches a run of
//     white space, or nothing: «نامه ای» finds «نامه ای», «نامه‌ای» and
//     «نامهای». The text's own spaces are not optional: «میکند» does not
//     find «می کند», which would make a query find the end of one word
//     and the start of the next.
//   - Marks (harakat, Quranic marks, Hebrew points and cantillation: the
//     searchMark runes) are ignored when the query has none. A mark in the
//     query binds to the letter before it, and that letter must carry it
//     in the text, among any others it has, in any order: «كَتَبَ» finds
//     «كَتَبَ», and «كَتَّبَ» too (its ت has a shadda besides the fatha),
//     not «كُتِبَ» nor «كتب»; «كتَب» asks a fatha of ت only, «اللّه» a
//     shadda of the second lam («ٱللَّهِ» has it, with a fatha). Comparing
//     sets of marks makes the order marks are typed or stored in
//     irrelevant, as canonical ordering (NFD) would: the Westminster
//     Leningrad Codex stores the shin dot before the vowel and Tanzil the
//     shadda before the fatha, canonical order is the other way round.
//
// A query starting with \ is a Go regular expression (regexp/syntax) run
// over Fold's text, or, when the expression itself has marks, over the
// text folded with its marks kept in canonical order (foldMarked). The
// literal characters of the expression are folded the same way, and a
// character class takes the folded forms of its members, so that
// `\آمریکا|ایران` and `\[أإ]نزل` mean what they say.
//
// A literal query is matched on the original text without folding a copy
// of it: one letter of the query (the anchor, the one whose spellings are
// rarest) is looked for with strings.Index for each way of writing it,
// and the rest of the query is compared around each hit, rune by rune.
// Nothing is allocated unless a match is appended.

// Pattern is a compiled search query.
type Pattern struct {
	units   []unit
	anchor  int      // index in units of the letter looked for first
	needles []string // the runes that fold to units[anchor].r, UTF-8; nil: scan the text
	re      *regexp.Regexp
	marked  bool // re runs over foldMarked's text instead of Fold's
}

// unit is a letter of a literal query, folded, with the marks it must
// carry, or a space.
type unit struct {
	r     rune
	space bool
	marks []rune
}

// maxNeedles bounds the spellings of an anchor looked for one by one (the
// alef has eight); a letter with more is found by scanning.
const maxNeedles = 8

// Compile folds query for searching. A query starting with `\` is a Go
// regexp (regexp/syntax) over the folded text; an invalid one returns an
// error whose message is fit for a status line. An empty (or
// all-ignorable) query gives a Pattern with Empty() true.
func Compile(query string) (*Pattern, error) {
	if expr, ok := strings.CutPrefix(query, `\`); ok {
		return compileRegexp(expr)
	}
	p := &Pattern{units: parseQuery(query)}
	if len(p.units) == 0 {
		return p, nil
	}
	best := -1
	for k, u := range p.units {
		if u.space {
			continue
		}
		needles, ok := spellings(u.r)
		c := 1 << 30 // scanning: the last resort
		if ok {
			c = 0
			for _, s := range needles {
				r, _ := utf8.DecodeRuneInString(s)
				c += 4 + runeWeight(r)
			}
		}
		if best < 0 || c < best {
			best, p.anchor, p.needles = c, k, needles
		}
	}
	return p, nil
}

// Empty reports whether the pattern matches nothing because the query had
// nothing to look for.
func (p *Pattern) Empty() bool { return p.re == nil && len(p.units) == 0 }

// parseQuery splits a literal query into units: letters (folded, with the
// marks that follow them) and spaces (runs of white space and ZWNJ;
// dropped at either end).
func parseQuery(q string) []unit {
	var units []unit
	space := false // a space is pending before the next letter
	for i := 0; i < len(q); {
		r, f, n := foldAt(q, i)
		i += n
		switch {
		case unicode.IsSpace(r) || r == 0x200C:
			space = len(units) > 0
		case f < 0:
			if searchMark(r) && len(units) > 0 && !space {
				u := &units[len(units)-1]
				if !containsRune(u.marks, r) {
					u.marks = append(u.marks, r)
				}
			}
		default:
			if space {
				units = append(units, unit{space: true})
				space = false
			}
			units = append(units, unit{r: f})
		}
	}
	return units
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// searchMark reports whether r is a mark a query can ask for: the marks
// Fold removes (harakat, Quranic marks, Hebrew points and cantillation)
// except madda, hamza above and hamza below (U+0653-U+0655), which belong
// to the alef and hamza seat folding (آ أ إ ؤ ئ are often written as the
// bare letter and one of these).
func searchMark(r rune) bool {
	if r >= 0x0653 && r <= 0x0655 {
		return false
	}
	return isArabicMark(r) || isHebrewMark(r)
}

// foldAt decodes the rune at s[i] and folds it: f is the folded rune, or
// -1 for one Fold removes; an invalid byte is U+FFFD of size 1.
func foldAt(s string, i int) (r, f rune, n int) {
	c := s[i]
	if c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			return rune(c), rune(c + 'a' - 'A'), 1
		}
		return rune(c), rune(c), 1
	}
	if r, ok := decodeArabic(s, i); ok {
		return r, blockFold[r-blockBase], 2
	}
	r, n = utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError {
		return r, r, n
	}
	return r, foldRune(r), n
}

// foldBefore is foldAt for the rune that ends at s[i], i > 0. It decodes
// the same runes as decoding forward does.
func foldBefore(s string, i int) (r, f rune, n int) {
	c := s[i-1]
	if c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			return rune(c), rune(c + 'a' - 'A'), 1
		}
		return rune(c), rune(c), 1
	}
	if i >= 2 && c&0xC0 == 0x80 {
		if r, ok := decodeArabic(s, i-2); ok {
			return r, blockFold[r-blockBase], 2
		}
	}
	r, n = utf8.DecodeLastRuneInString(s[:i])
	if r == utf8.RuneError {
		return r, r, n
	}
	return r, foldRune(r), n
}

// foldOne folds one rune as Fold does (-1: removed).
func foldOne(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return foldRune(r)
}

// spellings returns, UTF-8 encoded, every rune that folds to x, or ok
// false when they cannot be listed (U+FFFD, which every invalid byte
// folds to) or are too many.
func spellings(x rune) (out []string, ok bool) {
	if x == utf8.RuneError || x < 0 {
		return nil, false
	}
	add := func(r rune) {
		if foldOne(r) != x {
			return
		}
		s := string(r)
		for _, t := range out {
			if t == s {
				return
			}
		}
		out = append(out, s)
	}
	add(x)
	if x >= blockBase && x < 0x0700 || x >= '0' && x <= '9' {
		for i, f := range blockFold {
			if f == x {
				add(blockBase + rune(i))
			}
		}
	}
	if x == ' ' {
		add(0x00A0)
		add(0x202F)
	}
	if x < utf8.RuneSelf && 'a' <= x && x <= 'z' {
		add(x - 'a' + 'A')
	}
	for _, r := range caseInverse()[x] {
		add(r)
	}
	if len(out) > maxNeedles {
		return nil, false
	}
	return out, true
}

// caseInverse maps a folded rune to the non-ASCII runes of other case
// that fold to it (the runes of unicode.CaseRanges, the only ones with a
// case mapping).
var caseInverse = sync.OnceValue(func() map[rune][]rune {
	m := make(map[rune][]rune)
	for _, cr := range unicode.CaseRanges {
		for r := rune(cr.Lo); r <= rune(cr.Hi); r++ {
			if r < utf8.RuneSelf {
				continue
			}
			if f := foldOne(r); f != r && f >= 0 {
				m[f] = append(m[f], r)
			}
		}
	}
	return m
})

// runeWeight is a rough frequency of r in running text, to pick the
// rarest letter of a query as its anchor: in Persian and Arabic ا ی ه ل
// are everywhere, ژ ظ nearly nowhere.
func runeWeight(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case 'a' <= r && r <= 'z':
			return 30
		case 'A' <= r && r <= 'Z':
			return 4
		}
		return 10
	case r >= 0x0620 && r <= 0x06FF:
		if w := arabicWeight[r]; w > 0 {
			return int(w)
		}
		return 2
	}
	return 15
}

var arabicWeight = map[rune]uint8{
	'ا': 100, 'ی': 60, 'ي': 30, 'ه': 50, 'ن': 45, 'و': 45, 'ر': 45, 'د': 40, 'م': 40, 'ل': 45,
	'ت': 35, 'ب': 30, 'س': 25, 'ک': 25, 'ك': 10, 'ش': 15, 'ز': 15, 'ف': 12, 'ق': 10, 'گ': 10,
	'ع': 10, 'خ': 8, 'ج': 8, 'ح': 8, 'پ': 6, 'چ': 5, 'ص': 4, 'ط': 4, 'ذ': 3, 'ض': 2, 'ث': 2,
	'غ': 2, 'ژ': 1, 'ظ': 1, 'أ': 10, 'ٱ': 10, 'ة': 10, 'إ': 5, 'آ': 5, 'ى': 5, 'ئ': 3,
}

// FindAll appends to dst the byte ranges of text (original text offsets,
// on rune boundaries, non-overlapping, in order) that match, and returns
// it. At most max ranges when max > 0. A range starts at a letter and
// ends after the marks and joiners that follow its last letter, so that a
// highlight never splits a letter from its harakat.
func (p *Pattern) FindAll(text string, dst []Range, max int) []Range {
	if p.re != nil {
		return p.findRegexp(text, dst, max)
	}
	if len(p.units) == 0 {
		return dst
	}
	var f finder
	f.init(p)
	n := 0
	for from := 0; ; {
		s, e, ok := p.next(text, &f, from)
		if !ok {
			break
		}
		dst = append(dst, Range{s, e})
		if n++; max > 0 && n >= max {
			break
		}
		from = e
	}
	return dst
}

// Contains reports whether text has a match.
func (p *Pattern) Contains(text string) bool {
	if p.re != nil {
		return len(p.findRegexp(text, nil, 1)) > 0
	}
	if len(p.units) == 0 {
		return false
	}
	var f finder
	f.init(p)
	_, _, ok := p.next(text, &f, 0)
	return ok
}

// finder finds the anchor's spellings in order: next[k] is the offset of
// the next occurrence of needles[k] at or after the last search, -1 none,
// -2 not looked for yet.
type finder struct {
	needles []string
	next    [maxNeedles]int
	x       rune // scanning for runes that fold to x (needles nil)
}

func (f *finder) init(p *Pattern) {
	f.needles = p.needles
	f.x = p.units[p.anchor].r
	for k := range f.needles {
		f.next[k] = -2
	}
}

// find returns the first offset at or after i of a rune that folds to the
// anchor, and its size; -1 when there is none.
func (f *finder) find(s string, i int) (int, int) {
	if f.needles == nil {
		for i < len(s) {
			_, x, n := foldAt(s, i)
			if x == f.x {
				return i, n
			}
			i += n
		}
		return -1, 0
	}
	best, size := -1, 0
	for k, nd := range f.needles {
		at := f.next[k]
		if at == -1 {
			continue
		}
		if at < i {
			at = -1
			if i <= len(s) {
				if j := strings.Index(s[i:], nd); j >= 0 {
					at = i + j
				}
			}
			f.next[k] = at
			if at < 0 {
				continue
			}
		}
		if best < 0 || at < best {
			best, size = at, len(nd)
		}
	}
	return best, size
}

// next returns the first match that starts at or after from.
func (p *Pattern) next(s string, f *finder, from int) (start, end int, ok bool) {
	for c := from; ; {
		a, n := f.find(s, c)
		if a < 0 {
			return 0, 0, false
		}
		if start, end, ok := p.matchAround(s, a); ok && start >= from {
			return start, end, true
		}
		c = a + n
	}
}

// matchAround matches the query with its anchor letter at s[a]: the
// letters before it backwards, the anchor and the rest forwards. A letter
// takes the removed runes (marks, joiners, tatweel) after it as its tail,
// where its marks are looked for; a space takes a run of white space and
// removed runes that starts with white space, or nothing.
func (p *Pattern) matchAround(s string, a int) (start, end int, ok bool) {
	pos := a
	for j := p.anchor - 1; j >= 0; j-- {
		u := &p.units[j]
		if u.space {
			b := pos
			for b > 0 {
				r, x, n := foldBefore(s, b)
				if x >= 0 && !unicode.IsSpace(r) {
					break
				}
				b -= n
			}
			for q := b; q < pos; {
				r, _, n := foldAt(s, q)
				if unicode.IsSpace(r) {
					pos = q
					break
				}
				q += n
			}
			continue
		}
		t := pos
		for t > 0 {
			_, x, n := foldBefore(s, t)
			if x >= 0 {
				break
			}
			t -= n
		}
		if t == 0 {
			return 0, 0, false
		}
		_, x, n := foldBefore(s, t)
		if x != u.r || len(u.marks) > 0 && !hasMarks(s[t:pos], u.marks) {
			return 0, 0, false
		}
		pos = t - n
	}
	start = pos
	pos = a
	last := a // end of the last letter
	for j := p.anchor; j < len(p.units); j++ {
		u := &p.units[j]
		if u.space {
			for pos < len(s) {
				r, x, n := foldAt(s, pos)
				if x >= 0 && !unicode.IsSpace(r) {
					break
				}
				pos += n
			}
			continue
		}
		if pos >= len(s) {
			return 0, 0, false
		}
		_, x, n := foldAt(s, pos)
		if x != u.r {
			return 0, 0, false
		}
		pos += n
		last = pos
		for pos < len(s) {
			_, x, n := foldAt(s, pos)
			if x >= 0 {
				break
			}
			pos += n
		}
		if len(u.marks) > 0 && !hasMarks(s[last:pos], u.marks) {
			return 0, 0, false
		}
	}
	// The end takes the marks and joiners of the last letter, not a
	// tatweel or a hamza after it.
	end = last
	for end < pos {
		r, n := utf8.DecodeRuneInString(s[end:])
		if !extends(r) && !searchMark(r) {
			break
		}
		end += n
	}
	return start, end, true
}

// hasMarks reports whether every rune of marks is in tail.
func hasMarks(tail string, marks []rune) bool {
	for _, m := range marks {
		found := false
		for _, r := range tail {
			if r == m {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// compileRegexp compiles a `\` query.
func compileRegexp(expr string) (*Pattern, error) {
	if strings.TrimSpace(expr) == "" {
		return &Pattern{}, nil
	}
	marked := strings.ContainsFunc(expr, searchMark)
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		msg := err.Error()
		if e, ok := err.(*syntax.Error); ok {
			msg = e.Code.String()
			if e.Expr != "" {
				msg += ": `" + e.Expr + "`"
			}
		}
		return nil, &regexpError{msg}
	}
	foldSyntax(re, marked)
	c, err := regexp.Compile(re.String())
	if err != nil {
		return nil, &regexpError{err.Error()}
	}
	return &Pattern{re: c, marked: marked}, nil
}

// regexpError is an invalid `\` query.
type regexpError struct{ msg string }

func (e *regexpError) Error() string { return "regexp: " + e.msg }

// foldSyntax folds the literals of re as the text is folded, and adds the
// folded forms of the members of its character classes.
func foldSyntax(re *syntax.Regexp, marked bool) {
	switch re.Op {
	case syntax.OpLiteral:
		var t string
		if marked {
			t = foldMarked(string(re.Rune)).Text
		} else {
			t = FoldString(string(re.Rune))
		}
		re.Rune = []rune(t)
		if len(re.Rune) == 0 {
			re.Op = syntax.OpEmptyMatch
		}
	case syntax.OpCharClass:
		// A small class takes the folded forms of its members ([أإ] also
		// ا, [A-Z] also a-z); a big one is most likely negated ([^a] is
		// every rune but a, and A's folded form would put a back in).
		size := 0
		for k := 0; k+1 < len(re.Rune); k += 2 {
			size += int(re.Rune[k+1]-re.Rune[k]) + 1
		}
		if size > 1<<12 {
			break
		}
		add := re.Rune[:len(re.Rune):len(re.Rune)]
		for k := 0; k+1 < len(re.Rune); k += 2 {
			for r := re.Rune[k]; r <= re.Rune[k+1]; r++ {
				if f := foldOne(r); f >= 0 && f != r {
					add = append(add, f, f)
				}
			}
		}
		re.Rune = add
	}
	for _, sub := range re.Sub {
		foldSyntax(sub, marked)
	}
}

func (p *Pattern) foldRe(text string) Folded {
	if p.marked {
		return foldMarked(text)
	}
	return Fold(text)
}

func (p *Pattern) findRegexp(text string, dst []Range, max int) []Range {
	f := p.foldRe(text)
	n, prev := 0, 0
	for _, m := range p.re.FindAllStringIndex(f.Text, -1) {
		if m[0] == m[1] {
			continue
		}
		s, e := f.Orig(m[0], m[1])
		if s < prev || s == e {
			continue
		}
		dst = append(dst, Range{s, e})
		prev = e
		if n++; max > 0 && n >= max {
			break
		}
	}
	return dst
}

// foldMarked folds s as Fold does but keeps the searchMark runes, each run
// of them in canonical order (by combining class, as NFD orders them), for
// a regular expression that has marks.
func foldMarked(s string) Folded {
	buf := make([]byte, 0, len(s))
	var marks []mark
	var run []rune // marks of the current run, in order of the text
	runO := 0      // start of the run in s
	flush := func(o int) {
		if len(run) == 0 {
			return
		}
		// A stable insertion sort by combining class.
		changed := false
		for i := 1; i < len(run); i++ {
			for j := i; j > 0 && combiningClass(run[j]) < combiningClass(run[j-1]); j-- {
				run[j], run[j-1] = run[j-1], run[j]
				changed = true
			}
		}
		f := len(buf)
		for _, r := range run {
			buf = utf8.AppendRune(buf, r)
		}
		if changed || len(buf)-f != o-runO {
			marks = addMark(marks, mark{f: int32(f), o: int32(runO), atomic: true})
			marks = addMark(marks, mark{f: int32(len(buf)), o: int32(o)})
		}
		run = run[:0]
	}
	for i := 0; i < len(s); {
		r, x, n := foldAt(s, i)
		keep := searchMark(r)
		if ccc := combiningClass(r); ccc != 0 {
			if keep {
				if len(run) == 0 {
					runO = i
				}
				run = append(run, r)
				i += n
				continue
			}
			if len(run) > 0 && x < 0 {
				// A removed mark (madda, hamza) inside a run of marks.
				i += n
				continue
			}
		}
		flush(i)
		if keep {
			x = r // small waw and yeh: kept, and starters
		}
		f := len(buf)
		switch {
		case x < 0:
			marks = addMark(marks, mark{f: int32(f), o: int32(i + n)})
		default:
			buf = utf8.AppendRune(buf, x)
			if m := len(buf) - f; m != n {
				if m > n {
					marks = addMark(marks, mark{f: int32(f), o: int32(i), atomic: true})
				}
				marks = addMark(marks, mark{f: int32(f + m), o: int32(i + n)})
			}
		}
		i += n
	}
	flush(len(s))
	return Folded{Text: string(buf), orig: s, marks: marks}
}

// combiningClass is the canonical combining class of r (0 for a starter).
func combiningClass(r rune) uint8 {
	if r < 0x0300 {
		return 0
	}
	var b [utf8.UTFMax]byte
	n := utf8.EncodeRune(b[:], r)
	return norm.NFD.Properties(b[:n]).CCC()
}

// FoldingHelp lists the search rules for the reader's help screen.
func FoldingHelp() []string {
	return []string{
		"Search ignores how a word is spelled: أ إ آ ٱ = ا, ؤ = و, ئ ي ى = ی, ك = ک, ة ۀ = ه;",
		"  ء, tatweel, ZWJ and direction marks are skipped; ۱ ١ 1 are one digit; case is ignored.",
		"A space in the query matches a space, a ZWNJ or nothing: «نامه ای» finds «نامه‌ای», «نامهای».",
		"Harakat, Quranic marks and Hebrew points count only when typed: «كتب» finds «كَتَبَ»,",
		"  «كَتَبَ» finds it, not «كُتِبَ» (a mark typed must be on that letter, in any order).",
		`\ first: a Go regular expression over the folded text (\امریکا|ایران).`,
	}
}
