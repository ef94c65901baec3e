package ui

// Real-terminal tests: the rtlview binary runs in tmux (a terminal emulator
// without bidi), keys are sent with send-keys and the screen is read back
// with capture-pane. CI runs them with `go test -run TestTmux ./ui/...`.
//
// A terminal draws, and pipe-pane writes the output stream, on its own
// time: every check waits (testkit.PollUntil) for the screen or the stream
// to show what it asserts, or for a later mark of the shell's that proves
// the stream complete up to there. Nothing sleeps in place of a wait.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"rtlview/content"
	"rtlview/internal/testkit"
)

// tmuxTerm is one tmux server (its own socket, so that nothing the user
// runs in tmux is touched) with one 80x24 window running a shell.
type tmuxTerm struct {
	t      *testing.T
	tmux   string // the tmux command
	socket string
	raw    string // the pane's output stream as written (pipe-pane)
}

func newTmux(t *testing.T) *tmuxTerm {
	t.Helper()
	tm := &tmuxTerm{
		t:      t,
		tmux:   testkit.RequireTool(t, "tmux"),
		socket: fmt.Sprintf("rtlview-test-%d-%d", os.Getpid(), time.Now().UnixNano()),
		raw:    filepath.Join(t.TempDir(), "raw"),
	}
	// A plain sh with a known prompt: the test can see the shell come back.
	tm.run("-f", "/dev/null", "new-session", "-d", "-s", "rv", "-x", "80", "-y", "24",
		"env", "PS1=$ ", "TERM=xterm-256color", "LANG=C.UTF-8", "XDG_STATE_HOME="+t.TempDir(), "sh")
	t.Cleanup(func() { exec.Command(tm.tmux, "-L", tm.socket, "kill-server").Run() })
	tm.run("pipe-pane", "-t", "rv", "-o", "cat >> "+tm.raw)
	tm.waitFor("shell prompt", func(s string) bool { return strings.Contains(s, "$") })
	return tm
}

func (tm *tmuxTerm) run(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command(tm.tmux, append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// screen is the visible pane, NFKC-normalised so that shaped text (Arabic
// presentation forms) compares equal to the letters it shows.
func (tm *tmuxTerm) screen() string {
	return norm.NFKC.String(tm.run("capture-pane", "-p", "-t", "rv"))
}

// keys sends key names (tmux syntax: "G", "Enter", "Escape").
func (tm *tmuxTerm) keys(k ...string) {
	tm.run(append([]string{"send-keys", "-t", "rv"}, k...)...)
}

// text types s literally, Persian included.
func (tm *tmuxTerm) text(s string) { tm.run("send-keys", "-t", "rv", "-l", s) }

// line types a command line for the shell and presses Enter.
func (tm *tmuxTerm) line(s string) {
	tm.text(s)
	tm.keys("Enter")
}

// waitFor polls the screen until ok holds (a terminal redraws on its own
// time; polling keeps the test as fast as the program).
func (tm *tmuxTerm) waitFor(what string, ok func(string) bool) string {
	tm.t.Helper()
	return testkit.PollUntil(tm.t, what+" on the screen", func() (string, bool) {
		s := tm.screen()
		return s, ok(s)
	})
}

// waitRaw polls the output stream until ok holds, and returns it.
func (tm *tmuxTerm) waitRaw(what string, ok func(raw string) bool) string {
	tm.t.Helper()
	return testkit.PollUntil(tm.t, what+" in the output stream", func() (string, bool) {
		raw := tm.rawOutput()
		return fmt.Sprintf("%d bytes, ending %+q", len(raw), raw[max(0, len(raw)-300):]), ok(raw)
	})
}

// rawUpTo waits until the output stream holds mark, something the shell
// writes after the program is done (its exit status, "Stopped"); all the
// program wrote before is then in the stream, and the stream is returned.
func (tm *tmuxTerm) rawUpTo(what string, mark *regexp.Regexp) string {
	tm.t.Helper()
	tm.waitRaw(what, mark.MatchString)
	return tm.rawOutput()
}

// visualWord is a word of Persian text as a terminal without bidi shows
// it after rtlview reordered it: its letters right to left.
func visualWord(w string) string {
	r := []rune(norm.NFKC.String(w))
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func rows(s string) []string { return strings.Split(strings.TrimRight(s, "\n"), "\n") }

func TestTmuxReader(t *testing.T) {
	tm := newTmux(t)
	bin := testkit.Binary(t)
	doc := content.Article()
	title := strings.Fields(doc.Meta.Title)

	tm.line(bin + "; echo EXIT=$?")

	// The title is on the first row, flush right: its first word at the
	// right edge, its last word further left.
	first := visualWord(title[0])
	s := tm.waitFor("the title", func(s string) bool { return strings.Contains(rows(s)[0], first) })
	top := strings.TrimRight(rows(s)[0], " ")
	if !strings.HasSuffix(top, first) {
		t.Errorf("title row does not end with the title's first word %q: %q", first, top)
	}
	if w := len([]rune(top)); w < 70 || !strings.HasPrefix(top, " ") {
		t.Errorf("title row is not flush right in 80 columns (%d cells): %q", w, top)
	}
	if i := strings.Index(top, visualWord(title[len(title)-1])); i < 0 || i > strings.Index(top, first) {
		t.Errorf("title's last word is not left of its first: %q", top)
	}

	// G shows the last paragraph: its last word, and 100%.
	lastBlock := doc.Blocks[len(doc.Blocks)-1].Text
	// Its last three words, which no other paragraph ends with.
	words := strings.Fields(strings.TrimRight(lastBlock, ".»! "))
	last := visualWord(strings.Join(words[max(0, len(words)-3):], " "))
	if strings.Contains(s, last) {
		t.Fatalf("the last paragraph's last word %q is already on the first screen", last)
	}
	tm.keys("G")
	s = tm.waitFor("the last paragraph", func(s string) bool { return strings.Contains(s, last) })
	if !strings.Contains(s, "100%") {
		t.Errorf("G: status bar does not say 100%%:\n%s", s)
	}

	// A search moves the view to a match: back to the top, then look for a
	// word that is only near the end.
	tm.keys("g")
	atTop := regexp.MustCompile(`^\d+%  1/`)
	tm.waitFor("the top", func(s string) bool { r := rows(s); return atTop.MatchString(r[len(r)-1]) })
	query := "دونباس"
	if strings.Contains(tm.screen(), visualWord(query)) {
		t.Fatalf("%q is already on the first screen", query)
	}
	tm.keys("/")
	tm.text(query)
	s = tm.waitFor("the search prompt", func(s string) bool {
		r := rows(s)
		return strings.HasPrefix(r[len(r)-1], "/") && strings.Contains(r[len(r)-1], visualWord(query))
	})
	tm.keys("Enter")
	s = tm.waitFor("the match in view", func(s string) bool {
		body := strings.Join(rows(s)[:len(rows(s))-1], "\n")
		return strings.Contains(body, visualWord(query)) && strings.Contains(s, "match 1/1")
	})

	// q: the program exits 0 and the shell is back.
	tm.keys("q")
	tm.waitFor("exit status", func(s string) bool { return strings.Contains(s, "EXIT=0") })
	tm.line("echo shell-is-back")
	tm.waitFor("the shell", func(s string) bool {
		for _, r := range rows(s) {
			if strings.TrimSpace(r) == "shell-is-back" {
				return true
			}
		}
		return false
	})
	if alt := strings.TrimSpace(tm.run("display", "-p", "-t", "rv", "#{alternate_on}")); alt != "0" {
		t.Errorf("still on the alternate screen after q (alternate_on=%s)", alt)
	}

	// The bidi modes were set at start and restored at exit.
	checkBidiModes(t, tm.rawUpTo("the exit status", exitedOK))
}

// checkBidiModes: explicit mode was asked for, and the last word on the
// bidi modes is the restore. raw must be complete up to a mark of the
// shell's (rawUpTo), so that what is missing will not come later.
func checkBidiModes(t *testing.T, raw string) {
	t.Helper()
	i := strings.Index(raw, startBidi)
	j := strings.LastIndex(raw, restoreBidi)
	if i < 0 {
		t.Errorf("the program never sent %q", startBidi)
	}
	if j < 0 || j < strings.LastIndex(raw, startBidi) {
		t.Errorf("the bidi modes were not restored after the last %q", startBidi)
	}
}

// TestTmuxPanic: a panic inside the program (a key that panics, built in
// only for this test) still gives the terminal back: the alternate screen
// left, the cursor shown, the bidi modes restored, the shell usable.
func TestTmuxPanic(t *testing.T) {
	tm := newTmux(t)
	bin := testkit.Binary(t, "-X rtlview/ui.debugPanicKey=ctrl+t")
	tm.line(bin + "; echo EXIT=$?")
	tm.waitFor("the reader", func(s string) bool { return strings.Contains(s, "bidi:app") })
	tm.keys("C-t")
	s := tm.waitFor("exit status", exited.MatchString)
	if strings.Contains(s, "EXIT=0") {
		t.Errorf("a panic exited 0:\n%s", s)
	}
	if !strings.Contains(s, "rtlview: internal error") || strings.Contains(s, "rtlview: rtlview:") {
		t.Errorf("no one-line \"rtlview: internal error\" message:\n%s", s)
	}
	if alt := strings.TrimSpace(tm.run("display", "-p", "-t", "rv", "#{alternate_on}")); alt != "0" {
		t.Errorf("still on the alternate screen after a panic (alternate_on=%s)", alt)
	}
	if c := strings.TrimSpace(tm.run("display", "-p", "-t", "rv", "#{cursor_flag}")); c != "1" {
		t.Errorf("cursor hidden after a panic (cursor_flag=%s)", c)
	}
	tm.line("echo shell-is-back")
	tm.waitFor("the shell", func(s string) bool { return strings.Contains(s, "\nshell-is-back") })
	checkBidiModes(t, tm.rawUpTo("the exit status", exited))
}

// TestTmuxSuspend: ctrl+z gives the shell a terminal in its default bidi
// mode, and fg takes explicit mode again.
func TestTmuxSuspend(t *testing.T) {
	tm := newTmux(t)
	bin := testkit.Binary(t)
	// Alone on its line: after "; echo" the shell would go on while the
	// reader is stopped.
	tm.line(bin)
	tm.waitFor("the reader", func(s string) bool { return strings.Contains(s, "bidi:app") })
	tm.keys("C-z")
	tm.waitFor("the shell", func(s string) bool { return stopped.MatchString(s) })
	// The shell's "Stopped" comes after all the reader wrote before it
	// stopped: from there on the stream is complete.
	raw := tm.rawUpTo("the shell's \"Stopped\"", stopped)
	if strings.LastIndex(raw, restoreBidi) < strings.LastIndex(raw, startBidi) {
		t.Errorf("suspended without restoring the bidi modes")
	}
	n := strings.Count(raw, startBidi)
	tm.line("fg")
	tm.waitFor("the reader again", func(s string) bool { return strings.Contains(s, "bidi:app") })
	tm.waitRaw("explicit mode asked for again after fg", func(raw string) bool {
		return strings.Count(raw, startBidi) > n
	})
	tm.keys("q")
	tm.waitFor("the prompt", func(s string) bool {
		r := rows(strings.TrimRight(s, "\n "))
		return !strings.Contains(s, "bidi:app") && strings.TrimSpace(r[len(r)-1]) == "$"
	})
	tm.line("echo EXIT=$?")
	tm.waitFor("exit status", func(s string) bool { return strings.Contains(s, "EXIT=0") })
	checkBidiModes(t, tm.rawUpTo("the exit status", exitedOK))
}

// TestTmuxTerminalBidi: --bidi=terminal sends no bidi sequence and shows
// logical lines (the terminal reorders; tmux does not, so the title shows
// in logical order here).
func TestTmuxTerminalBidi(t *testing.T) {
	tm := newTmux(t)
	bin := testkit.Binary(t)
	tm.line(bin + " --bidi=terminal --shape=off; echo EXIT=$?")
	title := norm.NFKC.String(content.Article().Meta.Title)
	words := strings.Fields(title)
	s := tm.waitFor("the reader", func(s string) bool { return strings.Contains(s, "bidi:terminal") })
	if !strings.Contains(s, words[0]+" "+words[1]) {
		t.Errorf("the title is not in logical order:\n%s", s)
	}
	tm.keys("q")
	tm.waitFor("exit status", func(s string) bool { return strings.Contains(s, "EXIT=0") })
	raw := tm.rawUpTo("the exit status", exitedOK)
	for _, seq := range []string{startBidi, restoreBidi, "\x1b[8l", "\x1b[8h", "\x1b[?1243"} {
		if strings.Contains(raw, seq) {
			t.Errorf("--bidi=terminal sent %q", seq)
		}
	}
}

// rawOutput is the output stream so far; pipe-pane's cat may not have
// made the file yet.
func (tm *tmuxTerm) rawOutput() string {
	tm.t.Helper()
	b, err := os.ReadFile(tm.raw)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		tm.t.Fatal(err)
	}
	return string(b)
}

// The shell's marks. What the test types shows as "EXIT=$?", so only the
// shell's output matches.
var (
	exitedOK = regexp.MustCompile(`EXIT=0`)
	exited   = regexp.MustCompile(`EXIT=[0-9]`)
	stopped  = regexp.MustCompile(`(?i)stopped`)
)

// TestTmuxCopy: y in a real terminal writes OSC 52 with the base64 of the
// paragraph's logical text on the pty (decoded here from the output
// stream), and tmux, told to take OSC 52 (set-clipboard on), puts exactly
// that text in its paste buffer.
func TestTmuxCopy(t *testing.T) {
	tm := newTmux(t)
	tm.run("set", "-g", "set-clipboard", "on")
	bin := testkit.Binary(t)
	tm.line(bin + "; echo EXIT=$?")
	tm.waitFor("the reader", func(s string) bool { return strings.Contains(s, "bidi:app") })
	tm.keys("y")
	tm.waitFor("the note", func(s string) bool { return strings.Contains(s, "copied paragraph 1") })
	want := bodyOf(content.Article()).Blocks[0].Text
	tm.waitRaw("OSC 52", func(raw string) bool { return osc52Seq.MatchString(raw) })
	raw := tm.rawOutput()
	if got := osc52Text(t, raw); len(got) != 1 || got[0] != want {
		t.Errorf("OSC 52 on the pty carried %q, want %q", got, want)
	}
	testkit.PollUntil(t, "tmux's paste buffer", func() (string, bool) {
		out, _ := exec.Command(tm.tmux, "-L", tm.socket, "show-buffer").Output()
		return string(out), string(out) == want
	})
	tm.keys("q")
	tm.waitFor("exit status", func(s string) bool { return strings.Contains(s, "EXIT=0") })
}

// TestTmuxFilesRemembered: rtlview a.txt b.md, a move in a.txt, :n shows
// b.md, q; rtlview a.txt again opens where a.txt was left.
func TestTmuxFilesRemembered(t *testing.T) {
	tm := newTmux(t)
	bin := testkit.Binary(t)
	dir := t.TempDir()
	var text strings.Builder
	for i := 1; i <= 300; i++ {
		text.WriteString("سطر " + strings.Repeat("الف ", i%4) + "شماره N" + strconv.Itoa(i) + "\n")
	}
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.md")
	os.WriteFile(a, []byte(text.String()), 0o644)
	os.WriteFile(b, []byte("# راهنما\n\nمتن فایل دوم\n"), 0o644)
	tm.line(bin + " " + a + " " + b + "; echo EXIT=$?")
	tm.waitFor("a.txt", func(s string) bool { return strings.Contains(s, "1/2  "+a) })
	tm.text(":120")
	tm.keys("Enter")
	tm.waitFor("line 120 at the top", func(s string) bool { return strings.Contains(rows(s)[1], "N120") })
	tm.text(":n")
	tm.keys("Enter")
	tm.waitFor("b.md", func(s string) bool {
		return strings.Contains(s, "2/2  "+b) && strings.Contains(s, visualWord("راهنما"))
	})
	tm.keys("q")
	tm.waitFor("exit status", func(s string) bool { return strings.Contains(s, "EXIT=0") })
	tm.line("clear; " + bin + " " + a + "; echo EXIT2=$?")
	s := tm.waitFor("a.txt again at line 120", func(s string) bool { return strings.Contains(s, "back where you left it") })
	if !strings.Contains(rows(s)[1], "N120") {
		t.Errorf("reopened a.txt not at line 120:\n%s", s)
	}
	tm.keys("q")
	tm.waitFor("exit status", func(s string) bool { return strings.Contains(s, "EXIT2=0") })
}

// TestTmuxFollow: --follow on a file that a writer appends to every
// 100 ms shows each new line at the bottom as it comes.
func TestTmuxFollow(t *testing.T) {
	tm := newTmux(t)
	bin := testkit.Binary(t)
	path := filepath.Join(t.TempDir(), "log")
	os.WriteFile(path, []byte("شروع گزارش\n"), 0o644)
	tm.line(bin + " --follow " + path + "; echo EXIT=$?")
	tm.waitFor("the reader following", func(s string) bool { return strings.Contains(s, "follow") })
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i := 1; i <= 30; i++ {
		line := "رویداد شماره L" + strconv.Itoa(i)
		f.WriteString(line + "\n")
		// Each line is waited for before the next is written: it must
		// show as the last line of text in the body (above the legend),
		// once the screen is full, on its bottom row.
		tm.waitFor("line "+strconv.Itoa(i), func(s string) bool {
			r := rows(s)
			last := ""
			for _, row := range r[:max(0, len(r)-2)] {
				if strings.TrimSpace(row) != "" {
					last = row
				}
			}
			return strings.HasSuffix(strings.TrimSpace(last), "L"+strconv.Itoa(i)) ||
				strings.HasPrefix(strings.TrimSpace(last), "L"+strconv.Itoa(i))
		})
	}
	tm.keys("q")
	tm.waitFor("exit status", func(s string) bool { return strings.Contains(s, "EXIT=0") })
}
