package ui

import "charm.land/bubbles/v2/key"

// KeyMap holds every key binding of the reader. The help screen is made
// from these bindings (ShortHelp, FullHelp), so the keys and their help
// cannot drift apart. Bindings are named by intent, not by arrow: in a
// right-to-left text "forward" points left.
//
// The help label of a binding names every key of it, "/" between them
// (TestHelpNamesEveryKey checks this), and Update reacts to keys only
// through these bindings: the mouse wheel too, which key.Matches takes by
// the name Bubble Tea gives a wheel event ("wheel down").
type KeyMap struct {
	LineDown     key.Binding
	LineUp       key.Binding
	PageDown     key.Binding
	PageUp       key.Binding
	HalfPageDown key.Binding
	HalfPageUp   key.Binding
	Top          key.Binding
	Bottom       key.Binding
	WheelDown    key.Binding
	WheelUp      key.Binding
	NextHeading  key.Binding
	PrevHeading  key.Binding
	Outline      key.Binding

	Search     key.Binding
	NextMatch  key.Binding
	PrevMatch  key.Binding
	Clear      key.Binding
	NextEntity key.Binding
	PrevEntity key.Binding

	Percent  key.Binding
	Command  key.Binding
	Copy     key.Binding
	CopyPart key.Binding
	SetMark  key.Binding
	JumpMark key.Binding
	Follow   key.Binding

	EntityPanel key.Binding
	Select      key.Binding
	Highlights  key.Binding
	Shaping     key.Binding
	Controls    key.Binding
	Help        key.Binding
	Suspend     key.Binding
	Quit        key.Binding
}

// DefaultKeyMap returns the keys less and glow users expect.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		LineDown: key.NewBinding(
			key.WithKeys("j", "down", "ctrl+n", "ctrl+e"),
			key.WithHelp("j/↓/ctrl+n/ctrl+e", "line down"),
		),
		LineUp: key.NewBinding(
			key.WithKeys("k", "up", "ctrl+p", "ctrl+y"),
			key.WithHelp("k/↑/ctrl+p/ctrl+y", "line up"),
		),
		PageDown: key.NewBinding(
			key.WithKeys("space", "f", "pgdown", "ctrl+f"),
			key.WithHelp("space/f/pgdn/ctrl+f", "page down"),
		),
		PageUp: key.NewBinding(
			key.WithKeys("b", "pgup", "ctrl+b"),
			key.WithHelp("b/pgup/ctrl+b", "page up"),
		),
		HalfPageDown: key.NewBinding(
			key.WithKeys("d", "ctrl+d"),
			key.WithHelp("d/ctrl+d", "½ page down"),
		),
		HalfPageUp: key.NewBinding(
			key.WithKeys("u", "ctrl+u"),
			key.WithHelp("u/ctrl+u", "½ page up"),
		),
		Top: key.NewBinding(
			key.WithKeys("g", "home", "<"),
			key.WithHelp("g/home/<", "top"),
		),
		Bottom: key.NewBinding(
			key.WithKeys("G", "end", ">"),
			key.WithHelp("G/end/>", "bottom"),
		),
		WheelDown: key.NewBinding(
			key.WithKeys("wheeldown"),
			key.WithHelp("wheel ↓", "3 lines down"),
		),
		WheelUp: key.NewBinding(
			key.WithKeys("wheelup"),
			key.WithHelp("wheel ↑", "3 lines up"),
		),
		NextHeading: key.NewBinding(
			key.WithKeys("]"),
			key.WithHelp("]", "next heading"),
		),
		PrevHeading: key.NewBinding(
			key.WithKeys("["),
			key.WithHelp("[", "previous heading"),
		),
		Outline: key.NewBinding(
			key.WithKeys("o"),
			key.WithHelp("o", "outline of headings"),
		),
		Search: key.NewBinding(
			key.WithKeys("/"),
			key.WithHelp("/", "search"),
		),
		NextMatch: key.NewBinding(
			key.WithKeys("n"),
			key.WithHelp("n", "next match"),
		),
		PrevMatch: key.NewBinding(
			key.WithKeys("N"),
			key.WithHelp("N", "previous match"),
		),
		Clear: key.NewBinding(
			key.WithKeys("esc"),
			key.WithHelp("esc", "clear / close"),
		),
		NextEntity: key.NewBinding(
			key.WithKeys("tab"),
			key.WithHelp("tab", "next entity"),
		),
		PrevEntity: key.NewBinding(
			key.WithKeys("shift+tab"),
			key.WithHelp("shift+tab", "previous entity"),
		),
		Percent: key.NewBinding(
			key.WithKeys("%"),
			key.WithHelp("%", "N%: to N %"),
		),
		Command: key.NewBinding(
			key.WithKeys(":"),
			key.WithHelp(":", ":N :n :p :q"),
		),
		Copy: key.NewBinding(
			key.WithKeys("y"),
			key.WithHelp("y", "copy paragraph"),
		),
		CopyPart: key.NewBinding(
			key.WithKeys("Y"),
			key.WithHelp("Y", "copy match"),
		),
		SetMark: key.NewBinding(
			key.WithKeys("m"),
			key.WithHelp("m", "set mark"),
		),
		JumpMark: key.NewBinding(
			key.WithKeys("'"),
			key.WithHelp("'", "go to mark"),
		),
		Follow: key.NewBinding(
			key.WithKeys("F"),
			key.WithHelp("F", "follow"),
		),
		EntityPanel: key.NewBinding(
			key.WithKeys("e"),
			key.WithHelp("e", "entity panel"),
		),
		Select: key.NewBinding(
			key.WithKeys("enter"),
			key.WithHelp("enter", "end search / go to entity"),
		),
		Highlights: key.NewBinding(
			key.WithKeys("h"),
			key.WithHelp("h", "highlights on/off"),
		),
		Shaping: key.NewBinding(
			key.WithKeys("s"),
			key.WithHelp("s", "shaping on/off"),
		),
		Controls: key.NewBinding(
			key.WithKeys("c"),
			key.WithHelp("c", "bidi controls shown"),
		),
		Help: key.NewBinding(
			key.WithKeys("?"),
			key.WithHelp("?", "help"),
		),
		Suspend: key.NewBinding(
			key.WithKeys("ctrl+z"),
			key.WithHelp("ctrl+z", "suspend"),
		),
		Quit: key.NewBinding(
			key.WithKeys("q", "ctrl+c"),
			key.WithHelp("q/ctrl+c", "quit"),
		),
	}
}

// ShortHelp is the one-line help (help.KeyMap).
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Help, k.Search, k.EntityPanel, k.Quit}
}

// FullHelp is the help screen, one column per group (help.KeyMap).
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.LineDown, k.LineUp, k.PageDown, k.PageUp, k.HalfPageDown, k.HalfPageUp, k.Top, k.Bottom, k.WheelDown, k.WheelUp},
		{k.NextHeading, k.PrevHeading, k.Outline, k.Percent, k.Command, k.SetMark, k.JumpMark, k.Follow, k.Copy, k.CopyPart},
		{k.Search, k.NextMatch, k.PrevMatch, k.Clear, k.NextEntity, k.PrevEntity, k.EntityPanel, k.Select},
		{k.Highlights, k.Shaping, k.Controls, k.Help, k.Suspend, k.Quit},
	}
}
