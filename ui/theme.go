package ui

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"rtlview/ui/layout"
)

// Look is how one thing the reader or plain mode shows is drawn: a colour
// (a pair of hex values for dark and light backgrounds, which the reader
// uses, and the basic SGR colour that plain mode writes, which every
// terminal and `less -R` understand) and attributes. Both the reader's
// lipgloss styles and plain mode's SGR parameters come from the one table
// of looks, so a person is the same blue in both.
type Look struct {
	Dark, Light string // "#rrggbb" on a dark and on a light background; "" keeps the terminal's colour
	SGR         int    // the basic foreground colour for plain mode: 30-37 or 90-97, 0 for none
	// A background, the same way: hex for the reader, 40-47 or 100-107
	// for plain mode.
	BgDark, BgLight string
	SGRBg           int
	Bold            bool
	Faint           bool
	Italic          bool
	Underline       bool
	Reverse         bool
	Strike          bool
}

// Thing is what a Look is for.
type Thing int

// The things drawn: entity kinds first, in kindNames order.
const (
	ThingPerson Thing = iota
	ThingPlace
	ThingOrganisation
	ThingDate
	ThingNumber
	ThingQuote
	ThingHeading1
	ThingHeading2
	ThingHeading
	ThingStrong
	ThingEmphasis
	ThingStrike
	ThingUnderline
	ThingCode
	ThingLink
	ThingImage
	ThingQuoteBar
	ThingMarker
	ThingRule
	ThingDim
	ThingLead
	ThingControl
	ThingMatch
	ThingCurrent
	ThingFocus
	thingCount
)

// Looks is the one table of looks: DefaultLooks gives it, Styles and
// PlainSGR read it.
type Looks [thingCount]Look

// DefaultLooks returns looks readable on dark and light backgrounds:
// every Light colour reads on white and every Dark colour on black
// (TestColoursReadable).
func DefaultLooks() Looks {
	var l Looks
	l[ThingPerson] = Look{Dark: "#5fafff", Light: "#0050c8", SGR: 34, Bold: true} // blue
	l[ThingPlace] = Look{Dark: "#5fd75f", Light: "#007a00", SGR: 32}              // green
	l[ThingOrganisation] = Look{Dark: "#d787ff", Light: "#8a00b0", SGR: 35}       // purple
	l[ThingDate] = Look{Dark: "#ffaf5f", Light: "#a05000", SGR: 33}               // orange
	l[ThingNumber] = Look{Dark: "#5fd7d7", Light: "#007070", SGR: 36}             // teal
	l[ThingQuote] = Look{Dark: "#ff87af", Light: "#9a0040", SGR: 31}              // rose; not italic: a slanted Naskh font breaks apart
	l[ThingHeading1] = Look{Dark: "#e0e0ff", Light: "#1a1a7a", Bold: true, Underline: false}
	l[ThingHeading2] = Look{Dark: "#e0e0ff", Light: "#1a1a7a", Bold: true}
	l[ThingHeading] = Look{Bold: true}
	l[ThingStrong] = Look{Bold: true}
	l[ThingEmphasis] = Look{Italic: true}
	l[ThingStrike] = Look{Strike: true}
	l[ThingUnderline] = Look{Underline: true}
	l[ThingCode] = Look{Dark: "#d7af87", Light: "#875f00", SGR: 33}
	l[ThingLink] = Look{Dark: "#87afff", Light: "#005faf", SGR: 34, Underline: true}
	l[ThingImage] = Look{Italic: true}
	l[ThingQuoteBar] = Look{Dark: "#8a8a8a", Light: "#767676", SGR: 90}
	l[ThingMarker] = Look{Dark: "#8a8a8a", Light: "#767676", SGR: 90}
	l[ThingRule] = Look{Dark: "#8a8a8a", Light: "#767676", SGR: 90}
	l[ThingDim] = Look{Dark: "#a8a8a8", Light: "#555555", SGR: 90}
	l[ThingLead] = Look{Bold: true}
	l[ThingControl] = Look{Dark: "#ff8787", Light: "#af0000", Reverse: true}
	l[ThingMatch] = Look{Dark: "#000000", Light: "#000000", SGR: 30, BgDark: "#d7af00", BgLight: "#ffd75f", SGRBg: 43}
	l[ThingCurrent] = Look{Dark: "#ff5f5f", Light: "#d70000", SGR: 31, Bold: true, Reverse: true}
	l[ThingFocus] = Look{Bold: true, Underline: true}
	return l
}

// thingOfBit is the Thing of each of layout's own style bits, lowest bit
// first. (Data, not a map and a sorted list built at every start.)
var thingOfBit = [...]struct {
	bit   layout.Style
	thing Thing
}{
	{layout.StyleControl, ThingControl},
	{layout.StyleEmphasis, ThingEmphasis},
	{layout.StyleStrong, ThingStrong},
	{layout.StyleStrike, ThingStrike},
	{layout.StyleUnderline, ThingUnderline},
	{layout.StyleCode, ThingCode},
	{layout.StyleLink, ThingLink},
	{layout.StyleImage, ThingImage},
	{layout.StyleHeading1, ThingHeading1},
	{layout.StyleHeading2, ThingHeading2},
	{layout.StyleHeading, ThingHeading},
	{layout.StyleQuoteBar, ThingQuoteBar},
	{layout.StyleMarker, ThingMarker},
	{layout.StyleRule, ThingRule},
	{layout.StyleDim, ThingDim},
	{layout.StyleLead, ThingLead},
}

// merge is the look of several things at once: the first colour given
// wins (callers pass the most specific first), attributes add up.
func merge(looks ...Look) Look {
	var m Look
	for _, l := range looks {
		if m.Dark == "" && m.SGR == 0 && (l.Dark != "" || l.SGR != 0) {
			m.Dark, m.Light, m.SGR = l.Dark, l.Light, l.SGR
		}
		if m.BgDark == "" && m.SGRBg == 0 {
			m.BgDark, m.BgLight, m.SGRBg = l.BgDark, l.BgLight, l.SGRBg
		}
		m.Bold = m.Bold || l.Bold
		m.Faint = m.Faint || l.Faint
		m.Italic = m.Italic || l.Italic
		m.Underline = m.Underline || l.Underline
		m.Reverse = m.Reverse || l.Reverse
		m.Strike = m.Strike || l.Strike
	}
	return m
}

// lookOf is the look of a set of style bits: the current match, then a
// match, then control placeholders, then the entity kind (when highlights
// are on), then markup; focus adds to what is under it.
func (l *Looks) lookOf(b layout.Style, highlights bool) (Look, bool) {
	var parts []Look
	switch {
	case b&bitCurrent != 0:
		parts = append(parts, l[ThingCurrent])
	case b&bitMatch != 0:
		parts = append(parts, l[ThingMatch])
	}
	if b&layout.StyleControl != 0 {
		parts = append(parts, l[ThingControl])
	}
	if highlights {
		for k := range kindNames {
			if b&kindBit(k) != 0 {
				parts = append(parts, l[Thing(k)])
				break
			}
		}
	}
	for _, t := range thingOfBit {
		if b&t.bit != 0 && t.bit != layout.StyleControl {
			parts = append(parts, l[t.thing])
		}
	}
	if b&bitFocus != 0 {
		parts = append(parts, l[ThingFocus])
	}
	if len(parts) == 0 {
		return Look{}, false
	}
	return merge(parts...), true
}

// Style is the lipgloss style of a look on a dark background.
func (l Look) Style() lipgloss.Style { return l.StyleFor(true) }

// StyleFor is the lipgloss style of a look, with its colours for a dark
// background or a light one.
func (l Look) StyleFor(dark bool) lipgloss.Style {
	st := lipgloss.NewStyle().Bold(l.Bold).Faint(l.Faint).Italic(l.Italic).Underline(l.Underline).Reverse(l.Reverse).Strikethrough(l.Strike)
	fg, bg := l.Light, l.BgLight
	if dark {
		fg, bg = l.Dark, l.BgDark
	}
	if fg != "" {
		st = st.Foreground(lipgloss.Color(fg))
	}
	if bg != "" {
		st = st.Background(lipgloss.Color(bg))
	}
	return st
}

// SGRParams is the look as SGR parameters for plain mode ("1;34"), "" for
// none.
func (l Look) SGRParams() string {
	var p []string
	for _, a := range []struct {
		on   bool
		code string
	}{{l.Bold, "1"}, {l.Faint, "2"}, {l.Italic, "3"}, {l.Underline, "4"}, {l.Reverse, "7"}, {l.Strike, "9"}} {
		if a.on {
			p = append(p, a.code)
		}
	}
	if l.SGR != 0 {
		p = append(p, strconv.Itoa(l.SGR))
	}
	if l.SGRBg != 0 {
		p = append(p, strconv.Itoa(l.SGRBg))
	}
	return strings.Join(p, ";")
}

// PlainSGR returns plain mode's SGR function for looks: the look of each
// set of style bits, entities highlighted, worked out once per set (it is
// called for every segment printed).
func (l *Looks) PlainSGR() func(layout.Style) string {
	seen := map[layout.Style]string{}
	return func(s layout.Style) string {
		if p, ok := seen[s]; ok {
			return p
		}
		p := ""
		if look, ok := l.lookOf(s, true); ok {
			p = look.SGRParams()
		}
		seen[s] = p
		return p
	}
}

// DarkBackground decides --theme: "dark" and "light" say it, "auto" reads
// $COLORFGBG ("15;0": a dark background; a background colour of 7, 15 or
// from 9 to 14 is light) and assumes dark without it. The terminal is
// never asked: a terminal that does not answer would hang the start.
func DarkBackground(theme string, getenv func(string) string) bool {
	switch theme {
	case "dark":
		return true
	case "light":
		return false
	}
	v := getenv("COLORFGBG")
	if i := strings.LastIndexByte(v, ';'); i >= 0 {
		if bg, err := strconv.Atoi(v[i+1:]); err == nil {
			return !(bg == 7 || bg >= 9 && bg <= 15)
		}
	}
	return true
}
