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
// drop or add zero-width joiners, and with three sets of digits. Fold maps
// the spellings a reader considers the same word to one string:
//
//	ي U+064A, ى U+0649        -> ی U+06CC  (Arabic yeh / alef maksura: Persian yeh)
//	ك U+0643                  -> ک U+06A9  (Arabic kaf: Persian keheh)
//	ة U+0629, ۀ U+06C0        -> ه U+0647  (teh marbuta; heh with yeh above, whose
//	                                        hamza is a mark we drop anyway)
//	U+064B-U+065F, U+0670     removed      (harakat, tanwin, shadda, sukun, superscript alef)
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
// Deliberately not folded: the alefs (آ أ إ ٱ stay distinct from ا) and the
// other hamza carriers (ؤ ئ). آ is a separate letter of the Persian alphabet
// and «آمار» is not «امار»; أ/إ are rare in Persian and folding them would
// also change Arabic names. Every rule maps one rune to at most one rune, so
// the map back to the original is a byte-offset map, and nothing depends on
// the context of a rune.

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

// arabicFold caches foldRune for U+0600-U+06FF, the block of nearly every
// rune of Persian text, whose two-byte UTF-8 form the loops below decode
// inline (lead bytes D8-DB).
var arabicFold = func() (t [256]rune) {
	for i := range t {
		t[i] = foldRune(0x0600 + rune(i))
	}
	return t
}()

// decodeArabic decodes a rune of U+0600-U+06FF at s[i], or returns ok false.
func decodeArabic(s string, i int) (r rune, ok bool) {
	if c := s[i]; c >= 0xD8 && c <= 0xDB && i+1 < len(s) {
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
		case r == 0x064A || r == 0x0649:
			return 'ی'
		case r == 0x0643:
			return 'ک'
		case r == 0x0629 || r == 0x06C0:
			return 'ه'
		case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640, r == 0x061C:
			return -1
		case r >= 0x06F0 && r <= 0x06F9:
			return '0' + r - 0x06F0
		case r >= 0x0660 && r <= 0x0669:
			return '0' + r - 0x0660
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
			if arabicFold[r-0x0600] != r {
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
			fr = arabicFold[r-0x0600]
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
