package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

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
		p.Restored("q")
	})
	for _, key := range []string{"q", "\x03"} {
		t.Run("typed at once "+strings.ReplaceAll(key, "\x03", "ctrl+c"), func(t *testing.T) {
			p := silent(t)
			p.Type(key)
			code := p.WaitExit("the key typed before the first screen to quit")
			if key == "q" && code != 0 {
				t.Errorf("exit code %d", code)
			}
			p.Restored("a key typed before the first screen")
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

// TestFirstScreenBeforeBubbleTea: the reader draws its first screen
// itself at Init (ui.prepainter), before Bubble Tea's first frame, which
// comes on the first tick of its frame rate: on the pty, the title is on
// the alternate screen before that frame (which turns on bracketed paste,
// ?2004h), and the screen is left at q.
func TestFirstScreenBeforeBubbleTea(t *testing.T) {
	p := silent(t)
	p.WaitOutput("Bubble Tea's first frame", func(out string) bool { return strings.Contains(out, "\x1b[?2004h") })
	out := p.Output()
	pre := strings.Index(out, "\x1b[?1049h\x1b[?25l\x1b[2J")
	title := strings.Index(out, titleOnScreen)
	frame := strings.Index(out, "\x1b[?2004h")
	if pre < 0 || title < pre || title > frame {
		t.Errorf("the alternate screen at %d, the title at %d, Bubble Tea's first frame at %d: want them in that order", pre, title, frame)
	}
	p.Type("q")
	if code := p.WaitExit("q to quit"); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	p.Restored("q")
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

// TestSignals: SIGHUP, SIGQUIT and SIGTERM end the reader with the
// terminal given back (alternate screen left, mouse and bracketed paste
// off, cursor shown, implicit bidi, cooked mode), also a SIGTERM sent
// while it is suspended (the shell's kill %1: SIGTERM, then SIGCONT); the
// exit status is 128 + the signal, as for a process the signal killed. A
// reader suspended and resumed takes the mouse and explicit bidi again.
func TestSignals(t *testing.T) {
	for _, c := range []struct {
		name    string
		sig     syscall.Signal
		suspend bool
	}{
		{"SIGHUP", syscall.SIGHUP, false},
		{"SIGQUIT", syscall.SIGQUIT, false},
		{"SIGTERM", syscall.SIGTERM, false},
		{"SIGTERM while suspended", syscall.SIGTERM, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := silent(t)
			p.WaitOutput("the first screen", func(out string) bool { return strings.Contains(out, titleOnScreen) })
			if c.suspend {
				p.Type("\x1a") // ctrl+z
				p.WaitOutput("the terminal given back for the suspension", func(out string) bool {
					return !testkit.Modes(out)["?1049"]
				})
			}
			p.Signal(c.sig)
			if c.suspend {
				// The shell's kill %1 continues the job after the
				// signal. The reader may not be waiting for SIGCONT
				// yet when the terminal is released (and a job of
				// an orphaned group, as here, is never stopped), so
				// it is sent until the reader ends.
				testkit.PollUntil(t, "the reader to end on SIGTERM and SIGCONT", func() (string, bool) {
					p.Poke(syscall.SIGCONT)
					ok, _ := p.Exited()
					return p.Output(), ok
				})
			}
			if code, want := p.WaitExit("the reader to end on "+c.name), 128+int(c.sig); code != want {
				t.Errorf("exit status %d, want %d", code, want)
			}
			p.Restored(c.name)
		})
	}
	t.Run("suspend and resume", func(t *testing.T) {
		p := silent(t)
		p.WaitOutput("the first screen", func(out string) bool { return strings.Contains(out, titleOnScreen) })
		p.Type("\x1a")
		out := p.WaitOutput("the suspension", func(out string) bool { return !testkit.Modes(out)["?1049"] })
		if m := testkit.Modes(out); m["?1002"] || m["?2004"] || !m["8"] {
			t.Errorf("suspended with the mouse %v, paste %v, implicit bidi %v", m["?1002"], m["?2004"], m["8"])
		}
		at := len(out)
		p.WaitOutput("the reader back", func(out string) bool {
			p.Poke(syscall.SIGCONT) // until it is waiting for it
			m := testkit.Modes(out[at:])
			return m["?1049"] && m["?1002"] && !m["8"] && strings.Contains(out[at:], titleOnScreen)
		})
		p.Type("q")
		if code := p.WaitExit("q after the resumption"); code != 0 {
			t.Errorf("exit status %d", code)
		}
		p.Restored("q after a resumption")
	})
}

// TestHostileNameOnScreen: a file named with an OSC 52 sequence, BEL and
// an RLO is shown in the reader's header with visible placeholders: no
// ESC, BEL or bidi control of the name reaches the terminal, and the
// name's text is not reordered by its RLO.
func TestHostileNameOnScreen(t *testing.T) {
	name := filepath.Join(t.TempDir(), "a\x1b]52;c;aGk=\x07\u202egnp.txt")
	if err := os.WriteFile(name, []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := silent(t, name)
	out := p.WaitOutput("the name in the header", func(out string) bool { return strings.Contains(out, "gnp.txt") })
	if strings.Contains(out, "\x1b]52") || strings.Contains(out, "\x07") || strings.Contains(out, "\u202e") {
		t.Errorf("the name reached the terminal raw: %q", out)
	}
	if !strings.Contains(out, "␛]52;c;aGk=␇<U+202E>gnp.txt") {
		t.Errorf("the name is not shown with placeholders: %q", out)
	}
	p.Type("q")
	p.WaitExit("q")
}

// TestLongLines: a line of megabytes with no break opportunity (digits, a
// letter with a million marks, bidi controls, emoji) opens in the reader
// and quits on q, and the screen sent is a screen, not the megabytes of
// the line: a row draws at most a few marks per letter and no bidi
// control (their work is done once the line is reordered).
func TestLongLines(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"digits": strings.Repeat("7", 2<<20),
		"marks":  "ب" + strings.Repeat("\u064e", 1<<20),
		"bidi":   strings.Repeat("\u202b", 700_000),
		"emoji":  strings.Repeat("😀", 500_000),
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name+".txt")
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			p := silent(t, path)
			out := p.WaitOutput("the first screen", func(out string) bool { return strings.Contains(out, "bidi:") })
			if len(out) > 256<<10 {
				t.Errorf("the first screen took %d bytes", len(out))
			}
			p.Type("q")
			if code := p.WaitExit("q on a long line"); code != 0 {
				t.Errorf("exit status %d", code)
			}
			p.Restored(name)
		})
	}
}

// TestYesInReader: `yes | rtlview` shows lines at once and quits on q (yes
// then ends on SIGPIPE), the terminal given back.
func TestYesInReader(t *testing.T) {
	cmd := exec.Command("sh", "-c", "yes | "+testkit.Binary(t)+" --no-remember")
	cmd.Env = append(cmd.Environ(), "TERM=xterm-256color", "COLORTERM=")
	p := testkit.StartPty(t, cmd, 80, 24)
	p.WaitOutput("lines of y", func(out string) bool { return strings.Count(out, "y") >= 10 && strings.Contains(out, "bidi:") })
	p.Type("q")
	if code := p.WaitExit("q while yes writes"); code != 0 {
		t.Errorf("exit status %d", code)
	}
	p.Restored("yes | rtlview")
}

// TestArticlePipeInReader: `curl … | rtlview --article` in the reader: a
// pipe given --article is read whole and cleaned up as a scraped page (the
// header with its date, no scrape chrome), not streamed as plain lines.
func TestArticlePipeInReader(t *testing.T) {
	root, err := testkit.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sh", "-c", "cat content/article.txt | "+testkit.Binary(t)+" --article --no-remember")
	cmd.Dir = root
	cmd.Env = append(cmd.Environ(), "TERM=xterm-256color", "COLORTERM=")
	p := testkit.StartPty(t, cmd, 80, 24)
	out := p.WaitOutput("the article's header", func(out string) bool { return strings.Contains(out, "Monday 15 August 2022") })
	if strings.Contains(out, "plusresetminus") {
		t.Error("the scrape's chrome is shown: the pipe was not cleaned up")
	}
	p.Type("q")
	p.WaitExit("q")
}

// TestLimit: a file that must be held in memory (here coloured pager
// output) and is larger than --limit is read up to it in the reader, and
// the status says the rest is not shown (a 3 GB log does not take the
// memory of 3 GB); --limit 0 reads it whole. A plain UTF-8 text file is
// read on demand (content.OpenFileDocument): whatever its size, it is
// shown whole, its last line after G.
func TestLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.log")
	if err := os.WriteFile(path, []byte(strings.Repeat("\x1b[32mپوتین\x1b[0m به مسکو رفت و برگشت.\n", 120_000)), 0o644); err != nil {
		t.Fatal(err)
	}
	p := silent(t, "--limit", "1", path)
	p.WaitOutput("the note on the limit", func(out string) bool { return strings.Contains(out, "(--limit): the rest not shown") })
	p.Type("q")
	if code := p.WaitExit("q"); code != 0 {
		t.Errorf("exit status %d", code)
	}
	p = silent(t, "--limit", "0", path)
	out := p.WaitOutput("the first screen", func(out string) bool { return strings.Contains(out, "bidi:") })
	if strings.Contains(out, "--limit") {
		t.Error("--limit 0 stopped the reading")
	}
	p.Type("q")
	p.WaitExit("q")

	text := filepath.Join(t.TempDir(), "big.txt")
	var b strings.Builder
	for i := 0; b.Len() < 6<<20; i++ {
		fmt.Fprintf(&b, "پوتین به مسکو رفت، بار %d.\n", i)
	}
	if err := os.WriteFile(text, []byte(b.String()+"the last line\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p = silent(t, "--limit", "1", "--no-remember", text)
	p.WaitOutput("the first screen", func(out string) bool { return strings.Contains(out, "bidi:") })
	p.Type("G")
	out = p.WaitOutput("the last line", func(out string) bool { return strings.Contains(out, "the last line") })
	if strings.Contains(out, "--limit") {
		t.Error("a text file read on demand was stopped at --limit")
	}
	p.Type("q")
	if code := p.WaitExit("q"); code != 0 {
		t.Errorf("exit status %d", code)
	}
}
