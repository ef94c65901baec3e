package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"sync/atomic"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"rtlview/content"
	"rtlview/ui/layout"
)

// Terminal bidi modes, from the terminal-wg recommendation "BiDi in
// terminal emulators" (https://terminal-wg.pages.freedesktop.org/bidi/):
// BDSM (CSI 8 l: explicit mode, the terminal must not reorder what we
// already reordered), SCP (CSI 1 SP k: paragraph direction LTR, so that
// our alignment stands) and DECSET 1243 off (no autodetection of the
// paragraph direction). restoreBidi puts back the defaults: implicit
// mode, default direction, autodetection.
const (
	startBidi   = "\x1b[8l\x1b[1 k\x1b[?1243l"
	restoreBidi = "\x1b[8h\x1b[0 k\x1b[?1243h"
	// showCursor is sent after a panic: Bubble Tea's own recovery leaves
	// the alternate screen (leaving it a second time would move the cursor
	// back to where the program started, over the panic message) and
	// this makes sure the cursor is back whatever it managed to do.
	showCursor = "\x1b[?25h"
)

// Run shows doc in the terminal until the user quits. It owns the terminal
// for that time and gives it back as it found it, also after a panic:
// alternate screen left, cursor shown and, with --bidi=app, the terminal's
// bidi modes restored.
func Run(doc *content.Document, cfg Config) (err error) {
	in, out := cfg.Input, cfg.Output
	if in == nil {
		in = os.Stdin
	}
	if out == nil {
		out = os.Stdout
	}
	return run(doc, cfg, in, out)
}

func run(doc *content.Document, cfg Config, in io.Reader, out io.Writer) (err error) {
	app := cfg.Bidi == layout.App
	if app {
		io.WriteString(out, startBidi)
	}
	defer func() {
		r := recover()
		if app {
			io.WriteString(out, restoreBidi)
		}
		if r != nil {
			io.WriteString(out, showCursor)
			panic(r)
		}
	}()
	m := New(doc, cfg)
	m.note = content.Safe(cfg.Note)
	opts := []tea.ProgramOption{
		tea.WithInput(in),
		tea.WithOutput(out),
		tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
			// Suspend gives the shell a terminal in its default bidi
			// mode; resuming takes explicit mode again.
			if !app {
				return msg
			}
			switch msg.(type) {
			case tea.SuspendMsg:
				io.WriteString(out, restoreBidi)
			case tea.ResumeMsg:
				io.WriteString(out, startBidi)
			}
			return msg
		}),
	}
	// The styles are drawn in full colour and Bubble Tea brings them down
	// to what the environment says the terminal has (TERM, COLORTERM,
	// NO_COLOR); --color=never keeps the bold and reverse only. The
	// background is --theme's: the terminal is never asked.
	//
	// The profile of standard output is the one Lip Gloss found when the
	// program started (lipgloss.Writer): Bubble Tea would find it again,
	// and inside tmux each finding runs `tmux info`, a process start
	// before the first screen (100 ms on a busy machine).
	profile := lipgloss.Writer.Profile
	if cfg.NoColour {
		profile = colorprofile.Ascii
	}
	if out != os.Stdout && !cfg.NoColour {
		profile = colorprofile.Detect(out, os.Environ())
	}
	opts = append(opts, tea.WithColorProfile(profile))
	// Bubble Tea draws a frame on each tick of its frame rate, the first
	// one included: at its most (120 a second) a screen, a key's effect
	// included, is at most 8 ms behind the model, not 17 as at the
	// default 60. A tick with nothing new writes nothing.
	opts = append(opts, tea.WithFPS(120))
	m.paint = &prepainter{out: out, profile: profile}
	// A reader holds the document for as long as it runs, and its garbage
	// is the layouts of screens already left: collecting at half the live
	// heap instead of all of it keeps a 52 MB document held in memory at
	// about 3.3x its size after paging through 3,000 screens and a search
	// (4.3x by default), for collections no one waits for between two key
	// presses. Not before the first screen is drawn: with the heap the
	// libraries' initialisers left, half of it would collect two or three
	// times before it (50 MB file in tmux: 2 MB goal, three cycles, each
	// first-touching the collector's own memory).
	if os.Getenv("GOGC") == "" {
		m.started = func() { debug.SetGCPercent(50) }
	}
	p := tea.NewProgram(m, opts...)
	// The signals that end a reader: Bubble Tea quits on SIGINT and
	// SIGTERM, but drops a SIGTERM that arrives while it is suspended
	// (the shell's kill %1 sends SIGTERM, then SIGCONT) and leaves SIGHUP
	// and SIGQUIT to Go, which exits without giving the terminal back.
	// Here each of them quits the reader the ordinary way, resumed first
	// if it was suspended, so that the terminal is restored on every path.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGHUP, syscall.SIGQUIT, syscall.SIGTERM)
	defer signal.Stop(sigs)
	stopped := make(chan struct{})
	defer close(stopped)
	var caught atomic.Value
	go func() {
		select {
		case s := <-sigs:
			caught.Store(s)
			p.Quit()
		case <-stopped:
		}
	}()
	final, err := p.Run()
	if s, ok := caught.Load().(os.Signal); ok && (err == nil || errors.Is(err, tea.ErrProgramKilled)) {
		err = &Signalled{Signal: s}
	}
	if fm, ok := final.(*Model); ok {
		fm.end()
	}
	if errors.Is(err, tea.ErrInterrupted) {
		// SIGINT when the keyboard is not a terminal: an ordinary end.
		err = &Signalled{Signal: os.Interrupt}
	}
	if errors.Is(err, tea.ErrProgramPanic) {
		io.WriteString(out, showCursor)
		return fmt.Errorf("internal error: %w", err)
	}
	var sig *Signalled
	if err != nil && m.paint.painted && !errors.As(err, &sig) {
		// Bubble Tea failed, perhaps before its first frame: the
		// alternate screen the prepainter entered is left.
		io.WriteString(out, ansi.ResetModeAltScreenSaveCursor+showCursor)
	}
	return err
}

// Signalled is Run's error when a signal (SIGHUP, SIGINT, SIGQUIT,
// SIGTERM) ended the reader; the terminal was given back first. A command
// exits with 128 and the signal's number, as the shell reports a process
// the signal killed.
type Signalled struct{ Signal os.Signal }

func (e *Signalled) Error() string { return "ended by " + e.Signal.String() }

// ExitCode is 128 + the signal's number.
func (e *Signalled) ExitCode() int {
	if s, ok := e.Signal.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 1
}
