package content

import (
	"slices"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// textBuf builds a block's Text piece by piece with the rules of Defuse,
// for front-ends that drop markup between the pieces (SGR sequences, tags):
// controls become placeholders with Control spans, TAB is expanded to the
// next multiple of 8 cells counted from the start of the text (or of its
// last hard line break), invalid UTF-8 becomes U+FFFD and is counted.
// Writing a whole string at once gives exactly what Defuse gives.
//
// It duplicates the loop of Defuse because Defuse cannot continue a tab
// column over markup that was removed between two calls; Defuse could be
// written on top of it.
type textBuf struct {
	b        []byte
	col      int    // cells before seg since the last tab stop origin
	seg      int    // start in b of the text whose width is not yet in col
	ctl      []Span // Control spans, in order
	replaced int
}

func (t *textBuf) Len() int { return len(t.b) }

func (t *textBuf) String() string { return string(t.b) }

// writeString appends s defused.
func (t *textBuf) writeString(s string) {
	if clean(s) {
		t.b = append(t.b, s...)
		return
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			t.b = utf8.AppendRune(t.b, utf8.RuneError)
			t.replaced++
		} else {
			t.writeRune(r)
		}
		i += n
	}
}

// writeRune appends the valid rune r defused.
func (t *textBuf) writeRune(r rune) {
	switch {
	case r == '\t':
		t.col += uniseg.StringWidth(string(t.b[t.seg:]))
		pad := 8 - t.col%8
		t.b = append(t.b, "        "[:pad]...)
		t.col += pad
		t.seg = len(t.b)
	case IsControl(r):
		pic, _ := ControlPicture(r)
		start := len(t.b)
		t.b = utf8.AppendRune(t.b, pic)
		t.ctl = append(t.ctl, Span{Start: start, End: len(t.b), Kind: Control})
	default:
		t.b = utf8.AppendRune(t.b, r)
	}
}

// newline appends a hard line break, "\n", which is not defused: a
// subtitle cue's lines are one block. Tab stops start again after it.
func (t *textBuf) newline() {
	t.b = append(t.b, '\n')
	t.col, t.seg = 0, len(t.b)
}

// clean reports whether s is valid UTF-8 with no control character, TAB
// included: text that needs no rewriting.
func clean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7F {
			return false
		}
		if c >= 0x80 {
			// Slow path for the rest: C1 controls and invalid sequences.
			return !hasControl(s[i:]) && utf8.ValidString(s[i:])
		}
	}
	return true
}

// mergeSpans merges two lists of spans, each in order of Start, into one
// in order of Start; at equal starts the markup span comes first. The
// front-ends collect markup spans and Control spans apart.
func mergeSpans(markup, ctl []Span) []Span {
	if len(ctl) == 0 {
		return markup
	}
	if len(markup) == 0 {
		return ctl
	}
	out := make([]Span, 0, len(markup)+len(ctl))
	i, j := 0, 0
	for i < len(markup) && j < len(ctl) {
		if ctl[j].Start < markup[i].Start {
			out = append(out, ctl[j])
			j++
		} else {
			out = append(out, markup[i])
			i++
		}
	}
	out = append(out, markup[i:]...)
	return append(out, ctl[j:]...)
}

// nextLine returns the line of text that starts at i and the start of the
// next one: a line ends at LF, CR LF or a lone CR, as for Parse.
func nextLine(text string, i int) (line string, next int) {
	j := i
	for j < len(text) && text[j] != '\n' && text[j] != '\r' {
		j++
	}
	line, next = text[i:j], j
	if next < len(text) && text[next] == '\r' {
		next++
	}
	if next < len(text) && text[next] == '\n' {
		next++
	}
	return line, next
}

// sortByStart orders spans by Start, keeping the order of equal starts.
func sortByStart(spans []Span) {
	slices.SortStableFunc(spans, func(a, b Span) int { return a.Start - b.Start })
}
