// Package shape substitutes Arabic-script presentation forms for terminals
// that draw every letter in its isolated shape: the cursive joining of the
// Unicode core specification, section 9.2 "Arabic" (Joining_Type from
// ArabicShaping.txt), with the forms and the mandatory lam-alef ligatures
// that UnicodeData.txt defines through <isolated>, <final>, <initial> and
// <medial> decompositions (U+FB50-FDFF, U+FE70-FEFF).
// Specification: https://www.unicode.org/versions/Unicode15.0.0/ch09.pdf
// and https://www.unicode.org/Public/15.0.0/ucd/ArabicShaping.txt.
//
// Shaping works on logical text and its result is still in logical order:
// the caller reorders for display afterwards (UAX #9 rule L2). Forms keeps
// a one-to-one index correspondence with the input, which is what a layout
// engine that maps styles by rune index needs; Shape lists the glyphs with
// the input ranges they stand for.
//
// The context rules:
//   - A character's neighbours are the nearest characters on each side that
//     are not Transparent: harakat such as kasra (U+0650) are skipped and
//     stay, unchanged, after their letter.
//   - A letter joins the character before it when it can join on that side
//     (Right_Joining or Dual_Joining) and that character can join after
//     itself (Dual_Joining, Left_Joining or Join_Causing), and likewise on
//     the other side. Join_Causing characters (ZWJ U+200D, tatweel U+0640)
//     are kept as they are and make their neighbours join.
//   - ZERO WIDTH NON-JOINER (U+200C) is Non_Joining and is dropped from the
//     output: it has done its work once the forms are chosen, and terminals
//     draw it inconsistently.
//   - Characters of other scripts, digits, spaces, paragraph separators and
//     line ends are Non_Joining, so nothing joins across them; a call never
//     joins across the ends of its text.
//   - Lam (U+0644) followed by alef, alef with madda, hamza above or hamza
//     below becomes one ligature (U+FEF5-FEFC): the final form when the lam
//     joins the letter before it, else the isolated form. The ligature takes
//     the lam's place and the alef is absorbed. Harakat between the two do
//     not prevent it (transparent characters do not affect ligation); they
//     stay in their places, after the ligature. The fribidi library, by
//     contrast, does not ligate across a mark.
//
// One deliberate narrowing for terminals: a letter is only joined in a
// position for which a presentation form exists. The terminal draws a
// letter without forms (U+0620, most of Arabic Supplement and Extended-A,
// Syriac, N'Ko ...) isolated, so a neighbour joined to it would show a
// connecting stroke that leads nowhere; such letters act as Non_Joining
// while shaping. JoiningType still reports the Unicode property.
package shape

// Presentation forms are indexed by position, in this order.
const (
	isolated = iota
	final
	initial
	medial
)

const (
	lam  = 0x0644
	zwnj = 0x200C
)

// letter is one entry of the generated table: how a code point behaves
// while shaping and what it becomes. Forms are stored as uint16 because
// every presentation form is in the BMP (the generator checks).
type letter struct {
	// class is the Joining_Type narrowed to the positions that have a
	// presentation form (see the package comment).
	class   Joining
	forms   [4]uint16 // isolated, final, initial, medial; 0 if none
	lamAlef [2]uint16 // for an alef: its ligature with lam, isolated and final
}

// lookup returns the shaping entry for r. Outside the table a code point
// has no forms; its class is its Joining_Type, where only Transparent and
// Join_Causing matter (a letter of another script has no forms, so it acts
// as Non_Joining). It returns a pointer into static tables to keep the hot
// loop of Forms free of copies.
func lookup(r rune) *letter {
	if r >= lettersLo && r <= lettersHi {
		return &letters[r-lettersLo]
	}
	return &classOnly[JoiningType(r)]
}

// classOnly are the entries of code points outside the letters table.
var classOnly = [...]letter{
	NonJoining:   {},
	RightJoining: {},
	LeftJoining:  {},
	DualJoining:  {},
	JoinCausing:  {class: JoinCausing},
	Transparent:  {class: Transparent},
}

// joinsBefore reports whether a character of class c can connect to the
// character before it in logical order (on its right in RTL text).
func joinsBefore(c Joining) bool { return c == RightJoining || c == DualJoining || c == JoinCausing }

// joinsAfter reports whether a character of class c can connect to the
// character after it in logical order.
func joinsAfter(c Joining) bool { return c == LeftJoining || c == DualJoining || c == JoinCausing }

// form returns what to draw for r, given whether it joins the characters
// before and after it: the presentation form, or r itself when it has none.
func (l *letter) form(r rune, before, after bool) rune {
	pos := isolated
	switch {
	case before && after:
		pos = medial
	case before:
		pos = final
	case after:
		pos = initial
	}
	if f := l.forms[pos]; f != 0 {
		return rune(f)
	}
	return r
}

// Forms shapes text and returns, for each rune text[i], what to draw in
// its place at dst[i]: its presentation form, text[i] unchanged when it has
// none (or is not a letter), or 0 when nothing is drawn for it (the alef of
// a lam-alef ligature, absorbed into the lam's slot, and a dropped ZWNJ).
// So len(result) == len(text), always.
//
// The result is appended to dst[:0]; Forms does not allocate when
// cap(dst) >= len(text). text is one paragraph, or part of one: nothing
// joins across its ends. Invalid runes are passed through; so is a NUL,
// as 0, which a caller that shows NULs tells apart by text[i].
func Forms(text []rune, dst []rune) []rune {
	dst = append(dst[:0], text...)
	prev := -1          // index of the last character that is not Transparent
	var pl *letter      // its entry
	prevBefore := false // whether it joins the character before it
	prevDone := false   // its slot is already final (an absorbed alef, a dropped ZWNJ)
	for i, r := range text {
		l := lookup(r)
		if l.class == Transparent {
			continue
		}
		before := prev >= 0 && joinsAfter(pl.class) && joinsBefore(l.class)
		if before && l.lamAlef[0] != 0 && text[prev] == lam {
			// Mandatory ligature (section 9.2, "Ligatures"); marks between
			// the two letters stay after the ligature, on the lam's side.
			dst[prev] = rune(l.lamAlef[b2i(prevBefore)])
			dst[i] = 0
			prev, pl, prevBefore, prevDone = i, l, true, true
			continue
		}
		if prev >= 0 && !prevDone {
			dst[prev] = pl.form(text[prev], prevBefore, before)
		}
		prev, pl, prevBefore, prevDone = i, l, before, false
		if r == zwnj {
			// Non_Joining, so it has already stopped the joining; drawing
			// it would only add whatever the terminal makes of it.
			dst[i], prevDone = 0, true
		}
	}
	if prev >= 0 && !prevDone {
		dst[prev] = pl.form(text[prev], prevBefore, false)
	}
	return dst
}

// b2i is 1 for true: the index of the final form in a lamAlef pair.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Glyph is one character to draw after shaping, and the input it stands
// for: the runes text[Start:End].
type Glyph struct {
	Rune       rune
	Start, End int
}

// Shape shapes text like Forms and returns the glyphs to draw, in logical
// order, each with the range of input runes it stands for, so that styles
// and search matches on the input can be carried over to the glyphs.
//
// Most glyphs stand for one rune. A lam-alef ligature stands for the lam
// through the alef; if harakat sit between the two letters, they follow
// the ligature as glyphs of their own, whose ranges lie inside the
// ligature's. A dropped ZWNJ has no glyph, so its index is in no range.
func Shape(text []rune) []Glyph {
	forms := Forms(text, nil)
	glyphs := make([]Glyph, 0, len(text))
	for i, f := range forms {
		if f == 0 {
			continue
		}
		g := Glyph{Rune: f, Start: i, End: i + 1}
		if text[i] == lam {
			// A lam that became a ligature absorbed the next character
			// that is not Transparent: an alef, whose slot is 0.
			j := i + 1
			for j < len(text) && lookup(text[j]).class == Transparent {
				j++
			}
			if j < len(text) && forms[j] == 0 && text[j] != zwnj {
				g.End = j + 1
			}
		}
		glyphs = append(glyphs, g)
	}
	return glyphs
}
