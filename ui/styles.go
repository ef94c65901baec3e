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

	renderer *lipgloss.Renderer
}

// DefaultStyles returns styles readable on light and dark backgrounds, for
// lipgloss's default renderer (see StylesFor).
func DefaultStyles() Styles { return StylesFor(lipgloss.DefaultRenderer()) }

// StylesFor returns the styles for renderer r (its colour profile and
// background): every colour is an AdaptiveColor whose Light value is dark
// enough for a white background and whose Dark value is light enough for a
// black one.
func StylesFor(r *lipgloss.Renderer) Styles {
	ac := func(light, dark string) lipgloss.AdaptiveColor {
		return lipgloss.AdaptiveColor{Light: light, Dark: dark}
	}
	looks := DefaultLooks()
	s := Styles{
		Title:     r.NewStyle().Bold(true).Foreground(ac("#1a1a7a", "#e0e0ff")),
		Date:      r.NewStyle().Foreground(ac("#555555", "#a8a8a8")),
		Status:    r.NewStyle().Foreground(ac("#1c1c1c", "#e4e4e4")).Background(ac("#d0d0d0", "#3a3a3a")),
		StatusKey: r.NewStyle().Bold(true).Foreground(ac("#005f00", "#87d787")).Background(ac("#d0d0d0", "#3a3a3a")),
		Note:      r.NewStyle().Bold(true).Foreground(ac("#870000", "#ffaf5f")).Background(ac("#d0d0d0", "#3a3a3a")),
		Prompt:    r.NewStyle().Bold(true).Foreground(ac("#005faf", "#5fafff")),
		Control:   looks[ThingControl].StyleFor(r),

		PanelTitle:    r.NewStyle().Bold(true).Underline(true),
		PanelItem:     r.NewStyle(),
		PanelSelected: r.NewStyle().Reverse(true),
		Rule:          looks[ThingRule].StyleFor(r),
		Help:          help.New().Styles,
		Looks:         looks,
		renderer:      r,
	}
	for i := range s.Kinds {
		s.Kinds[i] = looks[Thing(i)].StyleFor(r)
	}
	return s
}

// styleOf is the look of a set of bits (see Looks.lookOf).
func (s *Styles) styleOf(b layout.Style, highlights bool) (lipgloss.Style, bool) {
	look, ok := s.Looks.lookOf(b, highlights)
	if !ok {
		return lipgloss.Style{}, false
	}
	return look.StyleFor(s.renderer), true
}
