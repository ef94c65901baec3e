package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"rtlview/content"
	"rtlview/ui/layout"
)

// TestBidiAuto: with --bidi=auto the reader asks the terminal about mode 8
// (BDSM) and stays in app mode, shaping, until an answer says the
// terminal always reorders (permanently set); then it sends logical,
// unshaped text. Any other answer, or none, leaves app mode.
func TestBidiAuto(t *testing.T) {
	doc := content.Article()
	cfg := Config{Bidi: layout.App, Shape: true, AskBidi: true}
	m := New(doc, cfg)
	asked := false
	for _, msg := range runCmd(m.Init()) {
		if raw, ok := msg.(tea.RawMsg); ok && raw.Msg == "\x1b[8$p" {
			asked = true
		}
	}
	if !asked {
		t.Fatal("Init does not ask the terminal for mode 8 (CSI 8 $ p)")
	}
	m = drive(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	title := bodyOf(doc).Blocks[0].Text
	firstWord := strings.Fields(title)[0]
	if !strings.Contains(lastRow(m), "bidi:app") {
		t.Fatalf("before an answer: %q", lastRow(m))
	}
	for _, v := range []ansi.ModeSetting{ansi.ModeReset, ansi.ModeSet, ansi.ModeNotRecognized, ansi.ModePermanentlyReset} {
		if got := drive(t, m, tea.ModeReportMsg{Mode: ansi.ModeBiDirectionalSupport, Value: v}); !strings.Contains(lastRow(got), "bidi:app shape") {
			t.Errorf("answer %d: %q, want app mode kept", v, lastRow(got))
		}
	}
	// Another mode's report is not the answer.
	if got := drive(t, m, tea.ModeReportMsg{Mode: ansi.ModeSynchronizedOutput, Value: ansi.ModePermanentlySet}); !strings.Contains(lastRow(got), "bidi:app") {
		t.Errorf("a report of mode 2026 changed the mode: %q", lastRow(got))
	}
	term := drive(t, m, tea.ModeReportMsg{Mode: ansi.ModeBiDirectionalSupport, Value: ansi.ModePermanentlySet})
	if !strings.Contains(lastRow(term), "bidi:terminal") || strings.Contains(lastRow(term), "shape") {
		t.Errorf("permanently set: status %q, want bidi:terminal without shape", lastRow(term))
	}
	// Logical order: the first word of the first paragraph is at the
	// start of its first line, in the letters of the text (no
	// presentation forms).
	if !strings.Contains(term.screen(), firstWord) {
		t.Errorf("terminal mode does not show the logical text %q:\n%s", firstWord, term.screen())
	}
	if strings.Contains(m.screen(), firstWord) {
		t.Errorf("app mode shows the logical text %q unshaped", firstWord)
	}
	// Without --bidi=auto an answer changes nothing.
	fixed := drive(t, New(doc, Config{Bidi: layout.App, Shape: true}), tea.WindowSizeMsg{Width: 80, Height: 24},
		tea.ModeReportMsg{Mode: ansi.ModeBiDirectionalSupport, Value: ansi.ModePermanentlySet})
	if !strings.Contains(lastRow(fixed), "bidi:app") {
		t.Errorf("--bidi=app changed on an answer: %q", lastRow(fixed))
	}
}

// runCmd runs cmd and the batches it returns, in order, and gives their
// messages (nil ones left out).
func runCmd(cmd tea.Cmd) []tea.Msg {
	var out []tea.Msg
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			out = append(out, msg)
		}
	}
	return out
}
