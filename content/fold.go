package content

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Folding for matching (search and the entity gazetteer).
//
// Persian text reaches us typed on Arabic keyboards, scraped from sites that
// drop or add zero-width joiners, and with three sets of digits; Arabic
// comes with or without its hamza seats and vowel signs, scripture with
// Quranic marks or Hebrew points. Fold maps the spellings a reader
// considers the same word to one string. This table is the one place the
// rules are written; search (Compile) and the entity recognizer both use it.
//
//	ي U+064A, ى U+0649,
//	ئ U+0626, ٸ U+0678        -> ی U+06CC  (Arabic yeh, alef maksura, yeh with
//	                                        hamza: Persian yeh)
//	ك U+0643                  -> ک U+06A9  (Arabic kaf: Persian keheh)
//	آ U+0622, أ U+0623,
//	إ U+0625, ٱ U+0671,
//	ٲ U+0672, ٳ U+0673,
//	ٵ U+0675                  -> ا U+0627  (alef with madda, hamza, wasla, wavy
//	                                        hamza: alef)
//	ؤ U+0624, ٶ U+0676        -> و U+0648  (waw with hamza: waw)
//	ة U+0629, ۀ U+06C0        -> ه U+0647  (teh marbuta; heh with yeh above)
//	ء U+0621, ٴ U+0674        removed      (standalone hamza)
//	U+064B-U+065F, U+0670     removed      (harakat, tanwin, shadda, sukun, madda and
//	                                        hamza above and below, superscript alef)
//	U+0610-U+061A,
//	U+06D6-U+06DC,
//	U+06DF-U+06E8,
//	U+06EA-U+06ED, the marks
//	of U+0898-U+08FF          removed      (Quranic marks: pause signs, small high and
//	                                        low letters, small waw and yeh)
//	U+0591-U+05BD, U+05BF,
//	U+05C1, U+05C2, U+05C4,
//	U+05C5, U+05C7            removed      (Hebrew cantillation and points: niqqud,
//	                                        dagesh, shin and sin dots, meteg, rafe)
//	U+0640 tatweel            removed      (typographic stretching only)
//	U+200C ZWNJ, U+200D ZWJ   removed      (the scraped article lost every ZWNJ; a query
//	                                        must match with or without them)
//	U+200E LRM, U+200F RLM,
//	U+061C ALM, U+00AD SHY    removed      (invisible; no reader types them)
//	۰-۹ U+06F0-06F9,
//	٠-٩ U+0660-0669           -> 0-9       (Persian and Arabic-Indic digits are ASCII digits)
//	U+00A0 NBSP, U+202F NNBSP -> space
//	cased letters             -> lower(upper(r)), the simple (1:1) mappings of
//	                             UnicodeData.txt, which also folds ſ, K (Kelvin)
//	                             and final sigma into their orbit
//
// The alefs fold although آ is a letter of the Persian alphabet of its own
// («آمار» and «امار» become one word): readers and sites write «امریکا» and
// «آمریکا», «انزل» and «أنزل», «ٱللَّه» and «الله» alike, and a search that
// misses one of them is worse than one that finds a rare homograph too.
// Search (Compile) can still ask for marks: a query that has harakat,
// Quranic marks or Hebrew points finds only letters that carry them (see
// searchMark); the marks folded into the letters above (madda, hamza above
// and below) are not among those. Every rule maps one rune to at most one
// rune, so the map back to the original is a byte-offset map, and nothing
// depends on the context of a rune.

// Folded is a string folded for matching together with a map from byte
// offsets of Text back to byte offsets of the original string.
type Folded struct {
	Text string
	orig string
	// marks record where the byte correspondence between Text and orig
	// changes. From a mark {f, o} to the next, Text[f+d] corresponds to
	// orig[o+d]. An atomic mark covers one rune that grew when folded: all
	// of its bytes map to its start o. Between marks that were written for
	// a rune that shrank, f+d can land inside the original rune; Orig snaps
	// such offsets back to the rune's start. Fold of text with no changes
	// has no marks and costs no allocation.
	marks []mark
}

type mark struct {
	f, o   int32
	atomic bool
}

// blockFold caches foldRune for U+0580-U+06FF: the Hebrew and Arabic
// blocks, those of nearly every rune of Persian, Arabic and Hebrew text,
// whose two-byte UTF-8 form the loops below decode inline (lead bytes
// D6-DB). Index it with r-blockBase.
var blockFold = func() (t [0x0700 - blockBase]rune) {
	for i := range t {
		t[i] = foldRune(blockBase + rune(i))
	}
	return t
}()

const blockBase = 0x0580

// decodeArabic decodes a rune of U+0580-U+06FF (Hebrew and Arabic) at
// s[i], or returns ok false.
func decodeArabic(s string, i int) (r rune, ok bool) {
	if c := s[i]; c >= 0xD6 && c <= 0xDB && i+1 < len(s) {
		if d := s[i+1]; d&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(d&0x3F), true
		}
	}
	return 0, false
}

// foldRune returns the folded form of r: the rune to write, or -1 to drop it.
// ASCII is handled by the caller.
func foldRune(r rune) rune {
	switch {
	case r >= 0x0600 && r <= 0x06FF:
		switch {
		case r == 0x064A, r == 0x0649, r == 0x0626, r == 0x0678:
			return 'ی'
		case r == 0x0643:
			return 'ک'
		case r == 0x0622, r == 0x0623, r == 0x0625, r >= 0x0671 && r <= 0x0673, r == 0x0675:
			return 'ا'
		case r == 0x0624, r == 0x0676:
			return 'و'
		case r == 0x0629 || r == 0x06C0:
			return 'ه'
		case r == 0x0621, r == 0x0674, r == 0x0640, r == 0x061C, isArabicMark(r):
			return -1
		case r >= 0x06F0 && r <= 0x06F9:
			return '0' + r - 0x06F0
		case r >= 0x0660 && r <= 0x0669:
			return '0' + r - 0x0660
		}
		return r
	case r >= 0x0591 && r <= 0x05C7:
		if isHebrewMark(r) {
			return -1
		}
		return r
	case r >= 0x0898 && r <= 0x08FF:
		if isArabicMark(r) {
			return -1
		}
		return r
	case r == 0x200C, r == 0x200D, r == 0x200E, r == 0x200F, r == 0x00AD:
		return -1
	case r == 0x00A0, r == 0x202F:
		return ' '
	case r == utf8.RuneError:
		return r
	}
	return unicode.ToLower(unicode.ToUpper(r))
}

// isArabicMark reports whether r is one of the Arabic combining marks the
// table removes: harakat (U+064B-U+065F, U+0670) and the Quranic marks
// (U+0610-U+061A, U+06D6-U+06DC, U+06DF-U+06E8, U+06EA-U+06ED and the
// nonspacing marks of U+0898-U+08FF).
func isArabicMark(r rune) bool {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x0610 && r <= 0x061A,
		r >= 0x06D6 && r <= 0x06DC, r >= 0x06DF && r <= 0x06E8, r >= 0x06EA && r <= 0x06ED:
		return true
	case r >= 0x0898 && r <= 0x08FF:
		return unicode.Is(unicode.Mn, r)
	}
	return false
}

// isHebrewMark reports whether r is a Hebrew cantillation mark or point
// (U+0591-U+05BD, U+05BF, U+05C1, U+05C2, U+05C4, U+05C5, U+05C7; not
// maqaf U+05BE, paseq U+05C0, sof pasuq U+05C3 nor U+05C6).
func isHebrewMark(r rune) bool {
	return r >= 0x0591 && r <= 0x05BD || r == 0x05BF || r == 0x05C1 || r == 0x05C2 ||
		r == 0x05C4 || r == 0x05C5 || r == 0x05C7
}

// Fold folds s for matching (see the table above) and keeps the map back
// to s. It allocates nothing when s is already folded, and otherwise one
// buffer for Text plus a mark for each rune that changed length or was
// removed (none for same-length substitutions such as ي -> ی).
func Fold(s string) Folded {
	text, marks := fold(s, true)
	return Folded{Text: text, orig: s, marks: marks}
}

// FoldString folds s for matching without keeping a map: for queries and
// gazetteer entries.
func FoldString(s string) string {
	text, _ := fold(s, false)
	return text
}

func fold(s string, withMap bool) (string, []mark) {
	// Fast scan for the first byte that needs folding.
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				break
			}
			i++
			continue
		}
		if r, ok := decodeArabic(s, i); ok {
			if blockFold[r-blockBase] != r {
				break
			}
			i += 2
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		if foldRune(r) != r {
			break
		}
		i += n
	}
	if i == len(s) {
		return s, nil
	}

	buf := make([]byte, i, len(s)+8)
	copy(buf, s[:i])
	var marks []mark
	// Same-length runs are copied in bulk: run is the start of the current
	// run of unchanged bytes of s still to be appended.
	run := i
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				buf = append(buf, s[run:i]...)
				buf = append(buf, c+'a'-'A')
				run = i + 1
			}
			i++
			continue
		}
		var fr rune
		r, ok := decodeArabic(s, i)
		n := 2
		if ok {
			fr = blockFold[r-blockBase]
			if fr == r {
				i += 2
				continue
			}
		} else if r, n = utf8.DecodeRuneInString(s[i:]); r == utf8.RuneError && n == 1 {
			fr = utf8.RuneError // an invalid byte becomes U+FFFD (3 bytes)
		} else {
			fr = foldRune(r)
			if fr == r {
				i += n
				continue
			}
		}
		buf = append(buf, s[run:i]...)
		run = i + n
		f := len(buf)
		switch {
		case fr < 0:
			if withMap {
				marks = addMark(marks, mark{f: int32(f), o: int32(i + n)})
			}
		default:
			buf = utf8.AppendRune(buf, fr)
			m := len(buf) - f
			if withMap && m != n {
				if m > n {
					marks = addMark(marks, mark{f: int32(f), o: int32(i), atomic: true})
				}
				marks = addMark(marks, mark{f: int32(f + m), o: int32(i + n)})
			}
		}
		i += n
	}
	buf = append(buf, s[run:]...)
	return string(buf), marks
}

// addMark appends m, replacing a plain mark at the same folded offset
// (several removed runes in a row make one mark).
func addMark(marks []mark, m mark) []mark {
	if k := len(marks) - 1; k >= 0 && marks[k].f == m.f && !marks[k].atomic {
		marks[k] = m
		return marks
	}
	return append(marks, m)
}

// pos maps the folded byte offset i (0 <= i < len(Text)) to the start of
// the original rune that produced it.
func (f Folded) pos(i int) int {
	k := sort.Search(len(f.marks), func(k int) bool { return int(f.marks[k].f) > i }) - 1
	o := i
	if k >= 0 {
		m := f.marks[k]
		if m.atomic {
			return int(m.o)
		}
		o = int(m.o) + i - int(m.f)
	}
	if o > len(f.orig) {
		o = len(f.orig)
	}
	for o > 0 && o < len(f.orig) && !utf8.RuneStart(f.orig[o]) {
		o--
	}
	return o
}

// Orig maps the match [i, j) of f.Text to the byte range [start, end) of
// the original string that it was folded from. The range covers whole
// original characters: the removed marks and joiners inside the match, and
// it is widened to grapheme cluster boundaries (UAX #29) so that the
// combining marks and ZWNJ that follow the last letter are included and a
// highlight never splits a cluster. Removed characters before the first
// matched letter are not included: they belong to the cluster before it.
// Offsets out of range are clamped.
func (f Folded) Orig(i, j int) (start, end int) {
	n := len(f.Text)
	i = max(0, min(i, n))
	j = max(i, min(j, n))
	if i == n {
		return len(f.orig), len(f.orig)
	}
	start = f.pos(i)
	if i == j {
		return start, start
	}
	last := f.pos(j - 1)
	_, size := utf8.DecodeRuneInString(f.orig[last:])
	end0 := last + size
	// Back up over marks and joiners to the cluster's base.
	for start > 0 {
		if r, _ := utf8.DecodeRuneInString(f.orig[start:]); !extends(r) {
			break
		}
		_, size := utf8.DecodeLastRuneInString(f.orig[:start])
		start -= size
	}
	// Walk clusters from the base until the end is covered.
	end = start
	state := -1
	rest := f.orig[start:]
	for end < end0 && rest != "" {
		var cl string
		cl, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		end += len(cl)
	}
	return start, end
}

// extends reports whether r continues the grapheme cluster before it
// (Grapheme_Cluster_Break Extend, SpacingMark or ZWJ, approximately: the
// general categories of marks plus the joiners).
func extends(r rune) bool {
	if r < 0x0300 {
		return false
	}
	return r == 0x200C || r == 0x200D || unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc)
}
