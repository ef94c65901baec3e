package ui

import (
	"bytes"
	"io"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/term"
)

// prepainter draws the reader's first screen itself, at Init, when the
// output is a terminal whose size is known. Bubble Tea draws its first
// frame on the first tick of its frame rate, 8 ms after it starts (at 120
// a second; 17 at its default 60): the screen is ready that much before.
// Init runs once Bubble Tea has the terminal (raw mode, its signal
// handlers) and before that first tick, whose frame clears the screen and
// draws the same rows again, so nothing Bubble Tea does not know of stays
// on the screen.
type prepainter struct {
	out     io.Writer
	profile colorprofile.Profile // the colours are brought down to it, as Bubble Tea does
	painted bool                 // the first screen was drawn (the alternate screen entered)
}

// paint gives m the terminal's size (the WindowSizeMsg Bubble Tea sends
// when it starts then changes nothing), draws the screen and returns the
// command the resize gave (the count of the rows, in the background).
func (p *prepainter) paint(m *Model) tea.Cmd {
	f, ok := p.out.(*os.File)
	if !ok || p.painted || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	w, h, err := term.GetSize(int(f.Fd()))
	if err != nil || w <= 0 || h <= 0 {
		return nil
	}
	_, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	var b strings.Builder
	b.WriteString(ansi.SetModeAltScreenSaveCursor + ansi.HideCursor + ansi.EraseEntireScreen)
	for i, row := range strings.Split(m.View().Content, "\n") {
		if i >= h {
			break
		}
		b.WriteString(ansi.CursorPosition(1, i+1))
		b.WriteString(row)
		b.WriteString(ansi.ResetStyle)
	}
	// Brought down to the profile into a buffer, then one write: the
	// queries Bubble Tea's ticker may write meanwhile come before or
	// after the screen, not inside it.
	var screen bytes.Buffer
	cw := &colorprofile.Writer{Forward: &screen, Profile: p.profile}
	io.WriteString(cw, b.String())
	_, err = p.out.Write(screen.Bytes())
	p.painted = err == nil
	return cmd
}
