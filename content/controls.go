package content

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// ControlPicture returns the visible stand-in shown for a character that
// must never reach a terminal raw, and whether r is one: the Control
// Pictures block for C0 (U+2400 + c, so ESC is ␛) and for DEL (␡ U+2421),
// and U+FFFD for the C1 controls U+0080-U+009F, which have no pictures.
// It is the one mapping used wherever text is drawn or printed.
func ControlPicture(r rune) (rune, bool) {
	switch {
	case r < 0x20:
		return 0x2400 + r, true
	case r == 0x7F:
		return 0x2421, true
	case r >= 0x80 && r <= 0x9F:
		return utf8.RuneError, true
	}
	return r, false
}

// IsControl reports whether r is a C0 control, DEL or a C1 control: the
// characters ControlPicture replaces.
func IsControl(r rune) bool { return r < 0x20 || r >= 0x7F && r <= 0x9F }

// Visible returns s with every control character replaced by its
// ControlPicture (LF and TAB too), and s itself when it holds none: for
// any string that reaches the terminal, the screen or stderr (text,
// queries, file names, errors).
func Visible(s string) string {
	if !hasControl(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		p, _ := ControlPicture(r)
		return p
	}, s)
}

// hasControl is a fast scan for the bytes of a C0 control, DEL or a C1
// control (C2 80 .. C2 9F in UTF-8).
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7F || c == 0xC2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9F {
			return true
		}
	}
	return false
}

// Safe returns s fit for one line of a message on stderr or of the
// screen's chrome (a file name, a flag's value, a URL, an error): control
// characters as their pictures (Visible), invalid UTF-8 as U+FFFD, and the
// explicit bidi formatting characters (LRE, RLE, PDF, LRO, RLO, LRI, RLI,
// FSI, PDI, and the marks LRM, RLM, ALM) written out as "<U+202E>", so
// that a name cannot reorder the message around it (CVE-2021-42574).
func Safe(s string) string {
	s = Visible(strings.ToValidUTF8(s, "\uFFFD"))
	if !strings.ContainsFunc(s, IsBidiControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if IsBidiControl(r) {
			b.WriteString("<U+")
			b.WriteString(strings.ToUpper(strconv.FormatInt(int64(r), 16)))
			b.WriteString(">")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// IsBidiControl reports whether r is one of the explicit directional
// formatting characters of UAX #9 (section 2: LRE, RLE, PDF, LRO, RLO,
// LRI, RLI, FSI, PDI) or the marks LRM, RLM, ALM.
func IsBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 || r == 0x200E || r == 0x200F || r == 0x061C
}

// HasExplicitBidi reports whether s holds an explicit directional
// formatting character of UAX #9: LRE, RLE, PDF, LRO, RLO (U+202A-U+202E),
// LRI, RLI, FSI, PDI (U+2066-U+2069). They are what "Trojan Source"
// (CVE-2021-42574) hides code with: the line a reader sees is not the
// order of its characters. The marks LRM, RLM and ALM, common in ordinary
// Persian and Hebrew text and unable to move anything across them, are
// not counted.
func HasExplicitBidi(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] != 0xE2 {
			continue
		}
		switch c1, c2 := s[i+1], s[i+2]; {
		case c1 == 0x80 && c2 >= 0xAA && c2 <= 0xAE, c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9:
			return true
		}
	}
	return false
}

// bidiNames are the names ShowBidiControls writes: each as long in UTF-8
// as the character it stands for, so that every offset into the text
// stays valid (ALM, U+061C, is two bytes: "AL").
var bidiNames = map[rune]string{
	0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
	0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
	0x200E: "LRM", 0x200F: "RLM", 0x061C: "AL",
}

// ShowBidiControls returns s with every bidi formatting character (the
// explicit ones and the marks) written as its name ("RLO", "PDI"), in the
// same number of bytes, and the byte ranges of the names, for a display
// that shows what the characters are and where they stand.
func ShowBidiControls(s string) (string, []Range) {
	var b strings.Builder
	var names []Range
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if n, ok := bidiNames[r]; ok {
			if b.Len() == 0 {
				b.Grow(len(s))
				b.WriteString(s[:i])
			}
			names = append(names, Range{Start: i, End: i + len(n)})
			b.WriteString(n)
		} else if len(names) > 0 {
			b.WriteString(s[i : i+size]) // the bytes as they are, invalid ones too
		}
		i += size
	}
	if len(names) == 0 {
		return s, nil
	}
	return b.String(), names
}
