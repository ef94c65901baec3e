package entities

import (
	"unicode"
	"unicode/utf8"
)

// word is one word of the folded text: the byte range [s, e) of it.
type word struct {
	s, e int
	// soft says that only spaces or a hyphen separate this word from the
	// next, so the two may be parts of one name.
	soft bool
	// digits says that the word is made of ASCII digits and the
	// separators . , : / ٫ ٬ between them.
	digits bool
}

// isWordRune reports whether r is part of a word: letters, marks and
// digits (UAX #29 ALetter, Extend, Numeric, roughly; Persian has no
// apostrophes inside words and a ZWNJ is already removed by folding).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if r >= 0x0600 && r <= 0x06FF {
		return arabicWord[r-0x0600]
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// arabicWord is isWordRune for the Arabic block, where most of the text is:
// the same answer from a table.
var arabicWord = func() (t [256]bool) {
	for i := range t {
		r := rune(0x0600 + i)
		t[i] = unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
	}
	return t
}()

// isNumSep reports whether r may stand between two digits of one number,
// time or numeric date: 1,000  3.5  09:14  1401/05/24  ۳٫۵  ۱۰٬۰۰۰.
func isNumSep(r rune) bool {
	return r == '.' || r == ',' || r == ':' || r == '/' || r == '\u066B' || r == '\u066C'
}

// splitWords appends the words of the folded text t to ws.
func splitWords(ws []word, t string) []word {
	var w word
	in := false // in the word w
	for i := 0; i < len(t); {
		// The rune at i and whether it is part of a word. ASCII and the
		// Arabic block (two bytes: 0xD8 to 0xDB and a continuation byte),
		// where nearly all of a text is, are decoded and looked up here
		// rather than by utf8.DecodeRuneInString and isWordRune, which
		// are too big to be inlined: this loop sees every rune of a text.
		var r rune
		n := 1
		inWord := false
		if c := t[i]; c < utf8.RuneSelf {
			r = rune(c)
			inWord = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
		} else if c-0xD8 < 4 && i+1 < len(t) && t[i+1]&0xC0 == 0x80 {
			r, n = rune(c&0x1F)<<6|rune(t[i+1]&0x3F), 2
			inWord = arabicWord[r-0x0600]
		} else {
			r, n = utf8.DecodeRuneInString(t[i:])
			inWord = isWordRune(r)
		}
		switch {
		case inWord:
			if !in {
				w, in = word{s: i, digits: true}, true
			}
			if r < '0' || r > '9' {
				w.digits = false
			}
			// The letters of the Arabic block after one, the bulk of a
			// Persian word, in a tighter loop.
			for n == 2 && i+n+1 < len(t) {
				c, d := t[i+n], t[i+n+1]
				if c-0xD8 >= 4 || d&0xC0 != 0x80 || !arabicWord[int(c-0xD8)<<6|int(d&0x3F)] {
					break
				}
				i += 2
			}
		case !in:
		case w.digits && isNumSep(r) && i+n < len(t) && t[i+n] >= '0' && t[i+n] <= '9':
			// A separator between two ASCII digits keeps a number whole.
		default:
			w.e = i
			ws = append(ws, w)
			in = false
		}
		i += n
	}
	if in {
		w.e = len(t)
		ws = append(ws, w)
	}
	// A gap of spaces and at most one hyphen (or underscore, «سال_۱۴۰۲») is
	// soft.
	for k := 0; k+1 < len(ws); k++ {
		gap := t[ws[k].e:ws[k+1].s]
		hy := 0
		soft := true
		for _, r := range gap {
			switch r {
			case ' ', '\t':
			case '-', '\u2010', '\u2011', '_':
				hy++
			default:
				soft = false
			}
		}
		ws[k].soft = soft && hy <= 1
	}
	return ws
}
