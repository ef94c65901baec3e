package main

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"rtlview/internal/testkit"
)

// titleOnScreen is a word of the built-in article's title as the reader
// draws it (shaped, in presentation forms): the first screen is there.
const titleOnScreen = "ﻦﯿﺗﻮﭘ"

// silent starts rtlview with args on a pty that answers no query.
func silent(t testing.TB, args ...string) *testkit.Pty {
	cmd := exec.Command(testkit.Binary(t), args...)
	cmd.Env = append(cmd.Environ(), "TERM=xterm-256color", "COLORTERM=", "XDG_STATE_HOME="+t.TempDir())
	return testkit.StartPty(t, cmd, 80, 24)
}

// ttySane reports whether the pty is back in cooked mode with echo, as
// the shell needs it.
func ttySane(t *testing.T, p *testkit.Pty) {
	t.Helper()
	tio, err := unix.IoctlGetTermios(int(p.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatalf("termios: %v", err)
	}
	if tio.Lflag&unix.ECHO == 0 || tio.Lflag&unix.ICANON == 0 {
		t.Errorf("terminal left without echo or line editing (lflag %#x)", tio.Lflag)
	}
}

// TestSilentTerminal: on a terminal that answers no query (issue 15.8,
// 18.1) the reader does not wait for one: the first screen comes, a key
// typed before it is not swallowed (q quits, Ctrl-C quits), the terminal
// is given back in cooked mode, and --version, --help and --plain ask
// the terminal nothing at all. Bubble Tea v1 asked for the background
// colour in its package init and waited 5 s for the answer, eating the
// keys typed meanwhile.
func TestSilentTerminal(t *testing.T) {
	t.Run("first screen", func(t *testing.T) {
		p := silent(t)
		start := time.Now()
		p.WaitOutput("the first screen", func(out string) bool { return strings.Contains(out, titleOnScreen) })
		t.Logf("first screen after %v", time.Since(start))
		p.Type("q")
		if code := p.WaitExit("q to quit"); code != 0 {
			t.Fatalf("exit code %d", code)
		}
		ttySane(t, p)
	})
	for _, key := range []string{"q", "\x03"} {
		t.Run("typed at once "+strings.ReplaceAll(key, "\x03", "ctrl+c"), func(t *testing.T) {
			p := silent(t)
			p.Type(key)
			code := p.WaitExit("the key typed before the first screen to quit")
			if key == "q" && code != 0 {
				t.Errorf("exit code %d", code)
			}
			out := p.Output()
			if strings.Count(out, "\x1b[?1049h") != strings.Count(out, "\x1b[?1049l") {
				t.Errorf("alternate screen not left: %q", out)
			}
			ttySane(t, p)
		})
	}
	for _, args := range [][]string{{"--version"}, {"--help"}, {"--plain"}, {"no-such-file"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			p := silent(t, args...)
			p.WaitExit("rtlview " + strings.Join(args, " ") + " to end")
			out := p.Output()
			for _, q := range []string{"\x1b]11;?", "\x1b]10;?", "\x1b[6n", "\x1b[c"} {
				if strings.Contains(out, q) {
					t.Errorf("asked the terminal %q", q)
				}
			}
		})
	}
}

// BenchmarkSilentFirstScreen: the time from start to the first screen on
// a terminal that answers nothing, and q.
func BenchmarkSilentFirstScreen(b *testing.B) {
	for b.Loop() {
		p := silent(b)
		p.WaitOutput("the first screen", func(out string) bool { return strings.Contains(out, titleOnScreen) })
		p.Type("q")
		p.WaitExit("q to quit")
	}
}

// TestBidiAutoAnswered: --bidi=auto (the default) asks the terminal about
// mode 8 on the pty; a terminal that answers "permanently set" (it always
// reorders) gets logical text, and the status says bidi:terminal; one
// that answers "reset" (explicit mode taken) keeps app mode.
func TestBidiAutoAnswered(t *testing.T) {
	for _, c := range []struct {
		answer, want string
	}{{"\x1b[8;3$y", "bidi:terminal"}, {"\x1b[8;2$y", "bidi:app"}} {
		p := silent(t)
		p.WaitOutput("the question CSI 8 $ p", func(out string) bool { return strings.Contains(out, "\x1b[8$p") })
		p.Type(c.answer)
		p.WaitOutput(c.want+" in the status", func(out string) bool {
			i := strings.LastIndex(out, "bidi:")
			return i >= 0 && strings.HasPrefix(out[i:], c.want)
		})
		p.Type("q")
		p.WaitExit("q to quit")
	}
}

// TestReordersItself: --bidi=auto takes terminal mode at once for the
// terminals that always reorder, by their environment, but not inside
// tmux or screen, which do no bidi of their own.
func TestReordersItself(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"TERM": "mlterm"}, true},
		{map[string]string{"TERM": "xterm", "MLTERM": "3.9.3"}, true},
		{map[string]string{"TERM": "xterm-256color", "KONSOLE_VERSION": "230804"}, true},
		{map[string]string{"TERM": "xterm-256color"}, false},
		{map[string]string{"TERM": "tmux-256color", "KONSOLE_VERSION": "230804"}, false},
		{map[string]string{"TERM": "xterm-256color", "TMUX": "/tmp/tmux-0/default,1,0", "KONSOLE_VERSION": "230804"}, false},
		{map[string]string{"TERM": "screen", "MLTERM": "3.9.3"}, false},
	} {
		if got := reordersItself(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: %v, want %v", c.env, got, c.want)
		}
	}
}
