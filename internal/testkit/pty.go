package testkit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// Pty is a command running on a pseudo-terminal of its own that answers
// nothing: no reply to a query for the background colour (OSC 11), the
// cursor position (CPR) or a mode (DECRQM) ever comes back, as on a
// terminal that does not know them or a slow link. What the command
// writes is kept (Output); what the test types goes in with Type.
type Pty struct {
	t    testing.TB
	cmd  *exec.Cmd
	tty  *os.File
	mu   sync.Mutex
	out  bytes.Buffer
	read chan struct{} // closed when the command's output ends
	done chan struct{} // closed when the command has exited
	err  error         // Wait's error, once done is closed
}

// StartPty starts cmd on a new pty of w columns and h rows; the command
// is killed when the test ends if it is still running.
func StartPty(t testing.TB, cmd *exec.Cmd, w, h int) *Pty {
	t.Helper()
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(w), Rows: uint16(h)})
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	p := &Pty{t: t, cmd: cmd, tty: tty, read: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.read)
		buf := make([]byte, 32<<10)
		for {
			n, err := tty.Read(buf)
			p.mu.Lock()
			p.out.Write(buf[:n])
			p.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			cmd.Process.Kill()
			<-p.done
		}
		tty.Close()
	})
	return p
}

// Type writes s to the terminal, as keys typed.
func (p *Pty) Type(s string) {
	p.t.Helper()
	if _, err := io.WriteString(p.tty, s); err != nil {
		p.t.Fatalf("typing %q: %v", s, err)
	}
}

// Output is everything the command has written so far.
func (p *Pty) Output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// WaitOutput waits until cond holds for the output (see PollUntil).
func (p *Pty) WaitOutput(what string, cond func(out string) bool) string {
	p.t.Helper()
	return PollUntil(p.t, what, func() (string, bool) {
		out := p.Output()
		return out, cond(out)
	})
}

// Exited reports whether the command has ended, and with what error.
func (p *Pty) Exited() (bool, error) {
	select {
	case <-p.done:
		return true, p.err
	default:
		return false, nil
	}
}

// WaitExit waits for the command to end by itself (see PollUntil) and
// returns its exit code.
func (p *Pty) WaitExit(what string) int {
	p.t.Helper()
	PollUntil(p.t, what, func() (string, bool) {
		ok, _ := p.Exited()
		return p.Output(), ok
	})
	var ee *exec.ExitError
	if errors.As(p.err, &ee) {
		return ee.ExitCode()
	}
	if p.err != nil {
		p.t.Fatalf("%s: %v", what, p.err)
	}
	return 0
}

// Fd is the pty's file descriptor (its settings are the terminal's).
func (p *Pty) Fd() uintptr { return p.tty.Fd() }

// Signal sends sig to the command.
func (p *Pty) Signal(sig os.Signal) {
	p.t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		p.t.Fatalf("signal %v: %v", sig, err)
	}
}

// modeSeq is a set or reset of terminal modes: CSI [?] Pm h|l.
var modeSeq = regexp.MustCompile(`\x1b\[(\??)([0-9;]+)([hl])`)

// Modes is the state each terminal mode was left in by out, the last set
// (true) or reset (false) of it: "?1049" the alternate screen, "?25" the
// cursor, "?1000" "?1002" "?1003" "?1006" mouse reporting, "?2004"
// bracketed paste, "8" BDSM (set: the terminal's implicit bidi).
func Modes(out string) map[string]bool {
	modes := map[string]bool{}
	for _, m := range modeSeq.FindAllStringSubmatch(out, -1) {
		for _, n := range strings.Split(m[2], ";") {
			modes[m[1]+n] = m[3] == "h"
		}
	}
	return modes
}

// Restored fails the test unless the terminal is as a shell wants it
// after the command: the output leaves the alternate screen, the mouse
// and bracketed paste off, the cursor shown and implicit bidi back (each
// if the command ever changed it), and the pty is in cooked mode with
// echo.
func (p *Pty) Restored(what string) {
	p.t.Helper()
	// The program has exited, but the last bytes it wrote may still be
	// on their way through the pty to Output: wait for the modes to be
	// given back, and report those that never were.
	final := map[string]bool{"?1049": false, "?1000": false, "?1002": false, "?1003": false, "?1006": false, "?2004": false, "?25": true, "8": true}
	left := func() string {
		modes := Modes(p.Output())
		var bad []string
		for mode, want := range final {
			if got, ok := modes[mode]; ok && got != want {
				bad = append(bad, fmt.Sprintf("mode %s left %v, want %v", mode, got, want))
			}
		}
		sort.Strings(bad)
		return strings.Join(bad, "; ")
	}
	PollUntil(p.t, what+": the terminal's modes given back", func() (string, bool) {
		bad := left()
		return bad, bad == ""
	})
	tio, err := unix.IoctlGetTermios(int(p.tty.Fd()), unix.TCGETS)
	if err != nil {
		p.t.Fatalf("%s: termios: %v", what, err)
	}
	if tio.Lflag&unix.ECHO == 0 || tio.Lflag&unix.ICANON == 0 {
		p.t.Errorf("%s: terminal left without echo or line editing (lflag %#x)", what, tio.Lflag)
	}
}

// Poke sends sig to the command if it is still running, ignoring an
// error: for a signal repeated until something happens (SIGCONT to a
// program that may not yet be waiting for it).
func (p *Pty) Poke(sig os.Signal) {
	if ok, _ := p.Exited(); !ok {
		p.cmd.Process.Signal(sig)
	}
}
