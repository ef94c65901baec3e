package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"

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

// Styles is every style of the reader in one place.
type Styles struct {
	Title     lipgloss.Style // the headline in the header
	Date      lipgloss.Style // the date line under it
	Status    lipgloss.Style // the status bar
	StatusKey lipgloss.Style // the active modes in the status bar
	Note      lipgloss.Style // a one-off note in the status bar (wrap, error)
	Prompt    lipgloss.Style // the search prompt
	Match     lipgloss.Style // every search match
	Current   lipgloss.Style // the current search match
	Focus     lipgloss.Style // the entity mention reached by Tab
	Control   lipgloss.Style // control-character placeholders
	// Kinds are the entity colours, indexed like kindNames.
	Kinds [len(kindNames)]lipgloss.Style

	PanelTitle    lipgloss.Style // a kind's heading in the entity panel
	PanelItem     lipgloss.Style
	PanelSelected lipgloss.Style
	Rule          lipgloss.Style // the line between body and panel
	Help          help.Styles
}

// DefaultStyles returns styles readable on light and dark backgrounds: every
// colour is an AdaptiveColor whose Light value is dark enough for a white
// background and whose Dark value is light enough for a black one.
func DefaultStyles() Styles {
	ac := func(light, dark string) lipgloss.AdaptiveColor {
		return lipgloss.AdaptiveColor{Light: light, Dark: dark}
	}
	s := Styles{
		Title:     lipgloss.NewStyle().Bold(true).Foreground(ac("#1a1a7a", "#e0e0ff")),
		Date:      lipgloss.NewStyle().Foreground(ac("#555555", "#a8a8a8")),
		Status:    lipgloss.NewStyle().Foreground(ac("#1c1c1c", "#e4e4e4")).Background(ac("#d0d0d0", "#3a3a3a")),
		StatusKey: lipgloss.NewStyle().Bold(true).Foreground(ac("#005f00", "#87d787")).Background(ac("#d0d0d0", "#3a3a3a")),
		Note:      lipgloss.NewStyle().Bold(true).Foreground(ac("#870000", "#ffaf5f")).Background(ac("#d0d0d0", "#3a3a3a")),
		Prompt:    lipgloss.NewStyle().Bold(true).Foreground(ac("#005faf", "#5fafff")),
		Match:     lipgloss.NewStyle().Foreground(ac("#000000", "#000000")).Background(ac("#ffd75f", "#d7af00")),
		Current:   lipgloss.NewStyle().Bold(true).Reverse(true).Foreground(ac("#d70000", "#ff5f5f")),
		Focus:     lipgloss.NewStyle().Underline(true).Bold(true),
		Control:   lipgloss.NewStyle().Foreground(ac("#af0000", "#ff8787")).Faint(true),

		PanelTitle:    lipgloss.NewStyle().Bold(true).Underline(true),
		PanelItem:     lipgloss.NewStyle(),
		PanelSelected: lipgloss.NewStyle().Reverse(true),
		Rule:          lipgloss.NewStyle().Foreground(ac("#767676", "#8a8a8a")),
		Help:          help.New().Styles,
	}
	kinds := [len(kindNames)]lipgloss.AdaptiveColor{
		ac("#0050c8", "#5fafff"), // PER: blue
		ac("#007a00", "#5fd75f"), // LOC: green
		ac("#8a00b0", "#d787ff"), // ORG: purple
		ac("#a05000", "#ffaf5f"), // DATE: orange
		ac("#007070", "#5fd7d7"), // NUM: teal
		ac("#9a0040", "#ff87af"), // QUOTE: rose
	}
	for i, c := range kinds {
		s.Kinds[i] = lipgloss.NewStyle().Foreground(c)
	}
	s.Kinds[0] = s.Kinds[0].Bold(true)
	s.Kinds[5] = s.Kinds[5].Italic(true)
	return s
}

// styleOf is the look of a set of bits. The most specific wins for the
// colours: the current match over other matches over entity kinds; focus
// and control add to what is under them.
func (s *Styles) styleOf(b layout.Style, highlights bool) (lipgloss.Style, bool) {
	var st lipgloss.Style
	set := false
	if highlights {
		for k := range kindNames {
			if b&kindBit(k) != 0 {
				st, set = s.Kinds[k], true
				break
			}
		}
	}
	switch {
	case b&bitCurrent != 0:
		st, set = s.Current, true
	case b&bitMatch != 0:
		st, set = s.Match, true
	case b&layout.StyleControl != 0:
		st, set = s.Control, true
	case b&(layout.StyleHeading1|layout.StyleHeading2|layout.StyleHeading) != 0 && !set:
		st, set = s.Title, true
	}
	if b&bitFocus != 0 {
		st, set = st.Inherit(s.Focus), true
	}
	return st, set
}
