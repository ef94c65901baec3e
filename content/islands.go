package content

import (
	"strings"
	"unicode/utf8"
)

// Islands returns the left-to-right islands of a block's prose, in order:
// its inline code and autolink spans, and the URLs, e-mail addresses and
// file paths written in the text itself. Layout lays each island out as an
// isolate (UAX #9 LRI ... PDI, without putting characters into the text),
// so that `/opt/marzban/.env` inside a Persian sentence reads exactly so and
// is never broken at a slash; entity recognition skips them.
//
// What counts as written in the text, as one token of non-space characters
// without right-to-left letters:
//   - a URL: a scheme (http, https, ftp, sftp, ssh, git, file, ws, wss)
//     followed by "://", or "www." followed by a letter or digit, or
//     "mailto:"; trailing punctuation that ends a sentence (. , ; : ! ?
//     and a closing bracket with no opening one in the URL) is not part
//     of it;
//   - an e-mail address: ASCII local part, "@", a domain with a dot;
//   - a path: a token holding a slash (or a backslash after a drive
//     letter) and an ASCII letter, that starts with "/", "./", "../", "~/"
//     or a drive letter, or that has at least two slashes ("src/ui/x.go").
func Islands(text string, spans []Span) []Range {
	var out []Range
	for _, s := range spans {
		if s.Isolated() && s.Start < s.End {
			out = append(out, Range{s.Start, s.End})
		}
	}
	marked := len(out)
	if strings.ContainsAny(text, "/@\\") || strings.Contains(text, "www.") {
		for i := 0; i < len(text); {
			// Tokens: maximal runs of bytes that are not ASCII space and
			// not the start of a right-to-left letter or of «» quotes.
			if isIslandStop(text, i) {
				_, n := utf8.DecodeRuneInString(text[i:])
				i += n
				continue
			}
			j := i
			for j < len(text) && !isIslandStop(text, j) {
				_, n := utf8.DecodeRuneInString(text[j:])
				j += n
			}
			if r, ok := island(text, i, j); ok && !covered(out[:marked], r) {
				out = append(out, r)
			}
			i = j
		}
	}
	if marked > 0 && len(out) > marked {
		sortRanges(out)
	}
	return joinIslands(text, out)
}

// joinIslands merges islands that only ASCII punctuation without white
// space separates, such as <kbd>Ctrl</kbd>+<kbd>C</kbd>: two isolates
// are neutral to the right-to-left sentence around them and would be
// drawn "C+Ctrl", while the keys are one left-to-right token (as a
// browser, which does not isolate them, draws it).
func joinIslands(text string, rs []Range) []Range {
	if len(rs) < 2 {
		return rs
	}
	out := rs[:1]
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		if gap := text[last.End:r.Start]; r.Start >= last.End && r.Start-last.End <= 3 && asciiPunct(gap) {
			last.End = r.End
			continue
		}
		out = append(out, r)
	}
	return out
}

// asciiPunct reports whether s is ASCII punctuation or symbols only (no
// letter, digit or space); the empty string is.
func asciiPunct(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7F || isWordByte(c) {
			return false
		}
	}
	return true
}

// isIslandStop reports whether the rune at text[i] ends a token: white
// space, a right-to-left letter (U+0590-U+08FF, U+FB1D-U+FDFF,
// U+FE70-U+FEFF), quotation marks and brackets that prose puts around a
// URL, and the Persian comma.
func isIslandStop(text string, i int) bool {
	c := text[i]
	if c < utf8.RuneSelf {
		switch c {
		case ' ', '\t', '\n', '\r', '"', '\'', '<', '>', '`':
			return true
		}
		return c < 0x20
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	switch {
	case r >= 0x0590 && r <= 0x08FF, r >= 0xFB1D && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		return true
	case r == '«' || r == '»' || r == '“' || r == '”' || r == '‘' || r == '’' || r == '\u00a0':
		return true
	case r >= 0x2000 && r <= 0x200B, r == 0x200E || r == 0x200F || r == 0x2028 || r == 0x2029:
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true // bidi controls: the writer's own isolates and embeddings
	}
	return false
}

var schemes = []string{"https://", "http://", "ftp://", "sftp://", "ssh://", "git://", "file://", "ws://", "wss://", "mailto:"}

// island finds a URL, e-mail address or path in the token text[i:j].
func island(text string, i, j int) (Range, bool) {
	tok := text[i:j]
	lower := strings.ToLower(tok)
	start := -1
	for _, s := range schemes {
		if k := strings.Index(lower, s); k >= 0 && (start < 0 || k < start) && len(tok) > k+len(s) {
			start = k
		}
	}
	if k := strings.Index(lower, "www."); k >= 0 && (start < 0 || k < start) && (k == 0 || !isWordByte(tok[k-1])) && k+4 < len(tok) && isWordByte(tok[k+4]) {
		start = k
	}
	if start >= 0 {
		// Opening brackets or quotes before the URL are prose.
		end := trimURLEnd(tok, start)
		if end > start {
			return Range{i + start, i + end}, true
		}
		return Range{}, false
	}
	if at := strings.IndexByte(tok, '@'); at > 0 {
		a, b := at, at+1
		for a > 0 && isMailLocal(tok[a-1]) {
			a--
		}
		for b < len(tok) && (isWordByte(tok[b]) || tok[b] == '.' || tok[b] == '-') {
			b++
		}
		for b > at+1 && tok[b-1] == '.' {
			b--
		}
		if a < at && strings.Contains(tok[at+1:b], ".") && !strings.HasPrefix(tok[at+1:b], ".") {
			return Range{i + a, i + b}, true
		}
	}
	if path := pathEnd(tok); path > 0 {
		a := 0
		for a < path && strings.IndexByte("([{", tok[a]) >= 0 {
			a++
		}
		return Range{i + a, i + path}, a < path
	}
	return Range{}, false
}

// trimURLEnd returns the end of the URL that starts at tok[start:]:
// sentence punctuation at its end is prose, and so is a closing bracket
// that the URL does not open.
func trimURLEnd(tok string, start int) int {
	end := len(tok)
	for end > start {
		c := tok[end-1]
		if strings.IndexByte(".,;:!?'\"", c) >= 0 {
			end--
			continue
		}
		if open := strings.IndexByte(")]}", c); open >= 0 {
			o := "([{"[open]
			if strings.Count(tok[start:end], string(o)) < strings.Count(tok[start:end], string(c)) {
				end--
				continue
			}
		}
		if c >= utf8.RuneSelf {
			// A non-ASCII punctuation mark at the end (، ؛ ؟ …).
			r, n := utf8.DecodeLastRuneInString(tok[start:end])
			if r == '،' || r == '؛' || r == '؟' || r == '…' || r == '۔' {
				end -= n
				continue
			}
		}
		break
	}
	return end
}

// pathEnd returns the end of the path that tok is, or 0 when it is not
// one (see Islands).
func pathEnd(tok string) int {
	end := len(tok)
	for end > 0 && strings.IndexByte(".,;:!?)]}", tok[end-1]) >= 0 && !(end >= 2 && tok[end-1] == '.' && tok[end-2] == '/') {
		if tok[end-1] == '.' && end >= 2 && (tok[end-2] == '.' || isWordByte(tok[end-2])) && strings.HasSuffix(tok[:end], "/..") {
			break
		}
		end--
	}
	t := strings.TrimLeft(tok[:end], "([{")
	if t == "" {
		return 0
	}
	letter := false
	for k := 0; k < len(t); k++ {
		c := t[k]
		if c >= utf8.RuneSelf {
			return 0 // a path here is ASCII: «و/یا» is Persian prose
		}
		if c|0x20 >= 'a' && c|0x20 <= 'z' {
			letter = true
		}
	}
	if !letter {
		return 0 // 1/2, 12/05/2024
	}
	drive := len(t) >= 3 && t[1] == ':' && (t[2] == '\\' || t[2] == '/') && t[0]|0x20 >= 'a' && t[0]|0x20 <= 'z'
	switch {
	case drive, strings.HasPrefix(t, "/") && len(t) > 1, strings.HasPrefix(t, "./"), strings.HasPrefix(t, "../"), strings.HasPrefix(t, "~/"):
	case strings.Count(t, "/") >= 2 && !strings.HasPrefix(t, "//"):
	default:
		return 0
	}
	return end
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' || c == '_' || c >= utf8.RuneSelf
}

func isMailLocal(c byte) bool {
	return c < utf8.RuneSelf && (isWordByte(c) || strings.IndexByte(".+-", c) >= 0)
}

// covered reports whether r overlaps one of the ranges.
func covered(rs []Range, r Range) bool {
	for _, x := range rs {
		if x.Start < r.End && r.Start < x.End {
			return true
		}
	}
	return false
}

func sortRanges(rs []Range) {
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j].Start < rs[j-1].Start; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
}
