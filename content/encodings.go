package content

// The names of the encodings Decode reads: lookup for --encoding, the
// list for --encoding=list, and the close names an unknown name gets.

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// ErrUnknownEncoding is wrapped by the *EncodingError for a name that
// names no encoding Decode can read.
var ErrUnknownEncoding = errors.New("unknown encoding")

// An EncodingError is a forced encoding name that is not known. Its
// message offers the closest known names: `unknown encoding "win1256"
// (did you mean windows-1256?); --encoding=list shows the names`.
type EncodingError struct {
	Name  string   // as given
	Close []string // up to three known names that look like it, best first
}

func (e *EncodingError) Error() string {
	msg := fmt.Sprintf("%v %q", ErrUnknownEncoding, e.Name)
	if len(e.Close) > 0 {
		msg += " (did you mean " + strings.Join(e.Close, ", ") + "?)"
	}
	return msg + "; --encoding=list shows the names"
}

func (e *EncodingError) Unwrap() error { return ErrUnknownEncoding }

// LookupEncoding returns the canonical name of the encoding name names
// ("CP1256" and "windows-1256" give "windows-1256", "latin1" gives
// "windows-1252" as in browsers), or an *EncodingError; "" and "auto" are
// not names. A program can check --encoding with it before reading.
func LookupEncoding(name string) (string, error) {
	te, err := lookupEncoding(name)
	if err != nil {
		return "", err
	}
	return te.name, nil
}

// lookupEncoding finds name, or returns an *EncodingError.
func lookupEncoding(name string) (*textEncoding, error) {
	if te := resolve(name); te != nil {
		return te, nil
	}
	return nil, &EncodingError{Name: name, Close: closeNames(name)}
}

// resolve finds name among the WHATWG labels (the names HTML uses,
// htmlindex), then the MIME and IANA names (ianaindex), then the UTF-32
// names neither index maps; nil if none has it.
func resolve(name string) *textEncoding {
	key := strings.ToLower(strings.TrimSpace(name))
	switch key {
	case "utf-16", "utf16", "ucs-2", "unicode":
		return utf16Any
	case "utf-32", "utf32", "ucs-4":
		return utf32Any
	case "utf-32le", "utf32le":
		return utf32LE
	case "utf-32be", "utf32be":
		return utf32BE
	}
	if e := indexed(key); e != nil {
		return fromEncoding(e)
	}
	return nil
}

// fromEncoding is the textEncoding of an x/text encoding, or nil for the
// ones that are no character encoding (WHATWG's "replacement", which
// turns any input into one U+FFFD).
func fromEncoding(e encoding.Encoding) *textEncoding {
	if e == encoding.Replacement {
		return nil
	}
	name := canonicalName(e)
	switch name {
	case "":
		return nil
	case "utf-8":
		return utf8Enc
	case "utf-16le":
		return utf16LE
	case "utf-16be":
		return utf16BE
	}
	return &textEncoding{name: name, enc: e}
}

// indexed is the encoding key names in htmlindex or ianaindex, or nil.
func indexed(key string) encoding.Encoding {
	if e, err := htmlindex.Get(key); err == nil {
		return e
	}
	for _, ix := range []*ianaindex.Index{ianaindex.MIME, ianaindex.IANA} {
		// An index returns a nil Encoding for a name it knows but x/text
		// does not implement.
		if e, err := ix.Encoding(key); err == nil && e != nil {
			return e
		}
	}
	return nil
}

// canonicalName is the lower-case name of e: its WHATWG name where it
// has one (what HTML and browsers call it), else its MIME or IANA name.
func canonicalName(e encoding.Encoding) string {
	if n, err := htmlindex.Name(e); err == nil {
		return n
	}
	for _, ix := range []*ianaindex.Index{ianaindex.MIME, ianaindex.IANA} {
		if n, err := ix.Name(e); err == nil {
			return strings.ToLower(n)
		}
	}
	return ""
}

// EncodingNames returns the canonical names of the encodings Decode can
// be forced to, sorted: each is accepted by --encoding and reported as
// itself in Decoded.Encoding. Other spellings and aliases are accepted
// too (cp1256, latin1, arabic, hebrew, ...).
func EncodingNames() []string { return slices.Clone(encodingNames()) }

var encodingNames = sync.OnceValue(func() []string {
	var all []encoding.Encoding
	for _, set := range [][]encoding.Encoding{charmap.All, xunicode.All, japanese.All,
		korean.All, simplifiedchinese.All, traditionalchinese.All} {
		all = append(all, set...)
	}
	names := []string{utf16Any.name, utf32Any.name, utf32LE.name, utf32BE.name}
	for _, e := range all {
		n := canonicalName(e)
		// Only names that read as themselves: "iso-8859-1" is read as
		// windows-1252 (as browsers do), so it is an alias, not an entry.
		if te := resolve(n); te != nil && te.name == n {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
})

// descriptions of the encodings, for --encoding=list.
var descriptions = map[string]string{
	"utf-8":          "Unicode, the default",
	"utf-16":         "Unicode in 16-bit units, byte order from the BOM (else little-endian)",
	"utf-16le":       "Unicode in 16-bit units, little-endian (Windows \"Unicode\")",
	"utf-16be":       "Unicode in 16-bit units, big-endian",
	"utf-32":         "Unicode in 32-bit units, byte order from the BOM (else little-endian)",
	"utf-32le":       "Unicode in 32-bit units, little-endian",
	"utf-32be":       "Unicode in 32-bit units, big-endian",
	"windows-1256":   "Arabic, Persian (Farsi), Urdu: Windows; also cp1256",
	"iso-8859-6":     "Arabic: ISO; also arabic, asmo-708",
	"windows-1255":   "Hebrew: Windows; also cp1255",
	"iso-8859-8":     "Hebrew in visual order: ISO; also hebrew",
	"iso-8859-8-i":   "Hebrew in logical order: ISO",
	"ibm862":         "Hebrew: DOS",
	"windows-1252":   "Western European: Windows; also iso-8859-1, latin1, ascii",
	"windows-1250":   "Central European: Windows",
	"windows-1251":   "Cyrillic: Windows",
	"windows-1253":   "Greek: Windows",
	"windows-1254":   "Turkish: Windows; also iso-8859-9, latin5",
	"windows-1257":   "Baltic: Windows",
	"windows-1258":   "Vietnamese: Windows",
	"windows-874":    "Thai: Windows",
	"iso-8859-2":     "Central European: ISO, latin2",
	"iso-8859-3":     "South European: ISO, latin3",
	"iso-8859-4":     "Baltic: ISO, latin4",
	"iso-8859-5":     "Cyrillic: ISO",
	"iso-8859-7":     "Greek: ISO",
	"iso-8859-10":    "Nordic: ISO, latin6",
	"iso-8859-13":    "Baltic: ISO, latin7",
	"iso-8859-14":    "Celtic: ISO, latin8",
	"iso-8859-15":    "Western European with the euro sign: ISO, latin9",
	"iso-8859-16":    "South-Eastern European: ISO, latin10",
	"koi8-r":         "Russian: KOI8",
	"koi8-u":         "Ukrainian: KOI8",
	"ibm866":         "Cyrillic: DOS",
	"macintosh":      "Western European: classic Mac OS",
	"x-mac-cyrillic": "Cyrillic: classic Mac OS",
	"shift_jis":      "Japanese: Shift JIS",
	"euc-jp":         "Japanese: EUC",
	"iso-2022-jp":    "Japanese: ISO-2022",
	"euc-kr":         "Korean: EUC",
	"gbk":            "Chinese, simplified: GBK",
	"gb18030":        "Chinese, simplified: GB 18030",
	"big5":           "Chinese, traditional: Big5",
	"x-user-defined": "bytes 0x80-0xFF as U+F780-U+F7FF (WHATWG)",
}

// DescribeEncoding returns a short description of the encoding with the
// canonical name name, or "" when there is none.
func DescribeEncoding(name string) string {
	if d, ok := descriptions[name]; ok {
		return d
	}
	if e := indexed(name); e != nil {
		if s, ok := e.(fmt.Stringer); ok {
			return s.String() // "IBM Code Page 437"
		}
	}
	return ""
}

// WriteEncodingList writes the output of --encoding=list: one canonical
// name a line, sorted, with its description.
func WriteEncodingList(w io.Writer) error {
	for _, n := range encodingNames() {
		line := n
		if d := DescribeEncoding(n); d != "" {
			line = fmt.Sprintf("%-16s %s", n, d)
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}

// closeNames returns up to three known names that look like name: those
// within two edits of it (case, '-', '_' and spaces ignored), those that
// contain it or its number ("1256" -> windows-1256), and those whose
// description has it as a word ("farsi" -> windows-1256).
func closeNames(name string) []string {
	q := squeeze(name)
	if q == "" {
		return nil
	}
	digits := strings.TrimFunc(q, func(r rune) bool { return !unicode.IsDigit(r) })
	if strings.IndexFunc(digits, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0 {
		digits = "" // a number only when the name has one run of digits
	}
	type cand struct {
		name string
		dist int
	}
	var cands []cand
	for _, n := range encodingNames() {
		sn := squeeze(n)
		d := editDistance(q, sn)
		switch {
		case d <= 2:
		case len(q) >= 3 && strings.Contains(sn, q),
			len(digits) >= 3 && strings.Contains(sn, digits),
			len(q) >= 4 && hasWord(DescribeEncoding(n), q):
			d = 3
		default:
			continue
		}
		cands = append(cands, cand{n, d})
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return a.dist - b.dist })
	var out []string
	for _, c := range cands[:min(3, len(cands))] {
		out = append(out, c.name)
	}
	return out
}

// squeeze lower-cases s and drops the separators names differ by.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', ' ', '.', ':':
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// hasWord reports whether the squeezed word w is one of the words of s.
func hasWord(s, w string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if squeeze(f) == w {
			return true
		}
	}
	return false
}

// editDistance is the Levenshtein distance between a and b, in bytes
// (names are ASCII).
func editDistance(a, b string) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			diag, row[j] = row[j], min(row[j]+1, row[j-1]+1, diag+cost)
		}
	}
	return row[len(b)]
}
