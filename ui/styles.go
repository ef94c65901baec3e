package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"rtlview/ui/layout"
)

// The bits of layout.Style that the reader attaches to byte ranges of a
// block. Layout carries them through reordering and shaping untouched;
// styleOf turns a set of them into one lipgloss style.
// Layout's own bits (markup, decorations) are below layout.StyleUser.
const (
	bitMatch   layout.Style = layout.StyleUser << iota // a search match
	bitCurrent                                         // the current search match
	bitFocus                                           // the entity mention reached by Tab
	bitKind0                                           // first entity kind; kind i is bitKind0 << i
)

// Entity kinds, in the order of the legend and of the panel.
var kindNames = [...]string{"PER", "LOC", "ORG", "DATE", "NUM", "QUOTE"}

// kindLabels are the legend's words for the kinds.
var kindLabels = [...]string{"person", "place", "organisation", "date", "number", "quote"}

func kindBit(k int) layout.Style { return bitKind0 << k }

// Styles is every style of the reader in one place: the chrome (header,
// status bar, prompt, panel, help) here, and the body text's looks in
// Looks, the table plain mode reads too.
type Styles struct {
	Title     lipgloss.Style // the headline in the header
	Date      lipgloss.Style // the date line under it
	Status    lipgloss.Style // the status bar
	StatusKey lipgloss.Style // the active modes in the status bar
	Note      lipgloss.Style // a one-off note in the status bar (wrap, error)
	Prompt    lipgloss.Style // the search prompt
	Control   lipgloss.Style // control-character placeholders in the chrome
	// Kinds are the entity colours, indexed like kindNames (the legend).
	Kinds [len(kindNames)]lipgloss.Style

	PanelTitle    lipgloss.Style // a kind's heading in the entity panel
	PanelItem     lipgloss.Style
	PanelSelected lipgloss.Style
	Rule          lipgloss.Style // the line between body and panel
	Help          help.Styles

	// Looks are the body text's looks (entities, markup, matches).
	Looks Looks

	dark bool // the colours are those for a dark background
}

// DefaultStyles returns the styles for a dark background (see StylesFor).
func DefaultStyles() Styles { return StylesFor(true) }

// StylesFor returns the styles for a dark background or a light one (the
// terminal is never asked: --theme says which, see DarkBackground). Every
// colour has a value dark enough for a white background and one light
// enough for a black one. The colours are written in full (24-bit);
// Bubble Tea brings them down to what the terminal has (TERM, COLORTERM,
// NO_COLOR) or drops them (--color=never) as it draws.
func StylesFor(dark bool) Styles {
	ac := func(light, darkc string) color.Color {
		if dark {
			return lipgloss.Color(darkc)
		}
		return lipgloss.Color(light)
	}
	looks := DefaultLooks()
	s := Styles{
		Title:     lipgloss.NewStyle().Bold(true).Foreground(ac("#1a1a7a", "#e0e0ff")),
		Date:      lipgloss.NewStyle().Foreground(ac("#555555", "#a8a8a8")),
		Status:    lipgloss.NewStyle().Foreground(ac("#1c1c1c", "#e4e4e4")).Background(ac("#d0d0d0", "#3a3a3a")),
		StatusKey: lipgloss.NewStyle().Bold(true).Foreground(ac("#005f00", "#87d787")).Background(ac("#d0d0d0", "#3a3a3a")),
		Note:      lipgloss.NewStyle().Bold(true).Foreground(ac("#870000", "#ffaf5f")).Background(ac("#d0d0d0", "#3a3a3a")),
		Prompt:    lipgloss.NewStyle().Bold(true).Foreground(ac("#005faf", "#5fafff")),
		Control:   looks[ThingControl].StyleFor(dark),

		PanelTitle:    lipgloss.NewStyle().Bold(true).Underline(true),
		PanelItem:     lipgloss.NewStyle(),
		PanelSelected: lipgloss.NewStyle().Reverse(true),
		Rule:          looks[ThingRule].StyleFor(dark),
		Help:          help.DefaultStyles(dark),
		Looks:         looks,
		dark:          dark,
	}
	for i := range s.Kinds {
		s.Kinds[i] = looks[Thing(i)].StyleFor(dark)
	}
	return s
}

// styleOf is the look of a set of bits (see Looks.lookOf).
func (s *Styles) styleOf(b layout.Style, highlights bool) (lipgloss.Style, bool) {
	look, ok := s.Looks.lookOf(b, highlights)
	if !ok {
		return lipgloss.Style{}, false
	}
	return look.StyleFor(s.dark), true
}
