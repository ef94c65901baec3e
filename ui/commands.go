package ui

import (
	"encoding/base64"
	"fmt"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"rtlview/content"
)

// The keys that take a count (10j, 3n, 25g, 50%), marks (m and ' with a
// letter), the ":" command line, and copying (y, Y) as less and vi users
// expect them.

// maxCount bounds a typed count, so that a stuck key cannot overflow it.
const maxCount = 1_000_000_000

// countKey takes a digit of a count; it reports false for other keys.
// A count starts with 1-9 (0 alone is not a count).
func (m *Model) countKey(msg tea.KeyPressMsg) bool {
	r, ok := typed(msg)
	if !ok {
		return false
	}
	if r < '0' || r > '9' || r == '0' && m.count == 0 {
		return false
	}
	m.count = min(m.count*10+int(r-'0'), maxCount)
	m.note = "count " + strconv.Itoa(m.count)
	return true
}

// takeCount returns the count typed before the key (def without one) and
// clears it.
func (m *Model) takeCount(def int) int {
	n := m.count
	m.count = 0
	if n == 0 {
		return def
	}
	return n
}

// markPos is where a mark points: a paragraph and a byte in it, so that a
// mark survives a resize.
type markPos struct {
	para, off int
	gap       bool // the blank row after the paragraph's last line
}

// here is the paragraph and byte at the top of the body.
func (m *Model) here() markPos {
	p, start := m.sc.para(m.sc.top.block)
	at := markPos{para: p, off: start + m.sc.topByte()}
	if m.sc.top.block < m.sc.doc.Len() && m.sc.opt.Width > 0 {
		at.gap = m.sc.top.row >= len(m.sc.lines(m.sc.top.block))
	}
	return at
}

// goToPos puts the line that shows byte off of paragraph p at the top.
func (m *Model) goToPos(at markPos) {
	if at.para >= m.sc.paras.Len() {
		// A place remembered in a large file not yet indexed so far.
		m.indexTo(at.para)
	}
	if m.sc.doc.Len() == 0 {
		return
	}
	if n := m.sc.paras.Len(); at.para >= n {
		at = markPos{para: n - 1} // the file is shorter than it was
	}
	b, off := m.sc.block(at.para, at.off)
	m.sc.top = pos{b, m.sc.rowOf(b, off)}
	if at.gap {
		m.sc.top.row = len(m.sc.lines(b))
	}
	m.sc.clamp(m.body())
}

// goToPara goes to paragraph n (1-based, as the gutter and :N count them;
// the title the header shows is not one of them).
func (m *Model) goToPara(n int) {
	if n > m.sc.paras.Len() {
		m.indexTo(n - 1)
	}
	if last := m.sc.paras.Len(); n > last {
		m.note = fmt.Sprintf("only %d paragraphs", last)
		n = last
	}
	m.goToPos(markPos{para: max(0, n-1)})
}

// goToPercent goes to n percent of the document, by lines once their
// total is known, by bytes until then.
func (m *Model) goToPercent(n int) {
	m.finishIndex() // a percentage of the whole file
	n = min(max(n, 0), 100)
	if p := m.sc.totals.prefix; p != nil {
		row := p[len(p)-1] * n / 100
		b := sort.SearchInts(p, row+1) - 1
		b = min(max(b, 0), m.sc.doc.Len()-1)
		m.sc.top = pos{b, row - p[b]}
		m.sc.clamp(m.body())
		return
	}
	target := m.sc.size() * int64(n) / 100
	b := sort.Search(m.sc.doc.Len()+1, func(i int) bool { return m.sc.offset(i) > target }) - 1
	b = min(max(b, 0), m.sc.doc.Len()-1)
	m.sc.top = pos{b, 0}
	m.sc.clamp(m.body())
}

// markKey finishes "m" or "'" with the letter that follows.
func (m *Model) markKey(msg tea.KeyPressMsg) {
	op := m.pending
	m.pending = 0
	r, ok := typed(msg)
	if !ok {
		m.note = "mark: cancelled"
		return
	}
	if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') && r != '\'' {
		m.note = "a mark is a letter a-z or A-Z"
		return
	}
	if m.marks == nil {
		m.marks = map[rune]markPos{}
	}
	switch op {
	case 'm':
		m.marks[r] = m.here()
		m.note = "mark " + string(r) + " set"
	case '\'':
		at, ok := m.marks[r]
		if !ok {
			m.note = "mark " + string(r) + " not set"
			return
		}
		// '' goes back to where the last jump started, as in less.
		m.marks['\''] = m.here()
		m.goToPos(at)
	}
}

// The ":" command line.
type commandLine struct {
	open  bool
	input textinput.Model
}

func newCommandLine() commandLine {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = 64
	return commandLine{input: ti}
}

func (m *Model) openCommand() {
	m.cmdline.open = true
	m.cmdline.input.Reset()
	m.cmdline.input.Focus()
}

// commandKey handles a key while the command line is open.
func (m *Model) commandKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	c := &m.cmdline
	switch {
	case key.Matches(msg, m.keys.Clear):
		c.open = false
		c.input.Blur()
		return m, nil
	case key.Matches(msg, m.keys.Select):
		c.open = false
		c.input.Blur()
		return m.runCommand(strings.TrimSpace(c.input.Value()))
	case msg.Code == tea.KeyBackspace && c.input.Value() == "":
		c.open = false
		return m, nil
	}
	c.input, _ = c.input.Update(msg)
	return m, nil
}

// runCommand runs a command of the command line: a paragraph number, n
// or p (next, previous file), q (quit).
func (m *Model) runCommand(cmd string) (tea.Model, tea.Cmd) {
	switch cmd {
	case "":
		return m, nil
	case "q", "quit":
		return m, tea.Quit
	case "n", "next":
		return m, m.switchFile(1)
	case "p", "prev", "N":
		return m, m.switchFile(-1)
	}
	if n, err := strconv.Atoi(cmd); err == nil && n >= 0 {
		m.goToPara(max(n, 1))
		return m, nil
	}
	m.note = "unknown command :" + cmd + " (:N paragraph, :n :p file, :q)"
	return m, nil
}

// commandRow is the status row while the command line is open.
func (m *Model) commandRow() string {
	v := m.cmdline.input.Value()
	r := []rune(v)
	p := min(max(0, m.cmdline.input.Position()), len(r))
	return m.styles.Prompt.Render(":") + content.Visible(string(r[:p])) + caretMark + content.Visible(string(r[p:]))
}

// Copying. y copies paragraphs, Y the current match or the entity Tab
// reached, as logical text: the characters of the document in the order
// they are stored, without presentation forms or reordering, which is
// what a mouse selection in a terminal without bidi cannot give.

// copiedMsg reports a copy done by a command.
type copiedMsg struct {
	what string
	err  error
}

// maxOSC52 bounds what is sent through OSC 52: terminals cap the
// sequence (xterm at about 100,000 bytes of base64).
const maxOSC52 = 74_000

// copyParagraphs copies n paragraphs from the one at the top of the body
// (or that of the current match, when it is on screen).
func (m *Model) copyParagraphs(n int) tea.Cmd {
	if m.sc.paras.Len() == 0 {
		m.note = "nothing to copy"
		return nil
	}
	p := m.here().para
	if s := m.search; s.cur >= 0 && s.cur < len(s.matches) {
		mt := s.matches[s.cur]
		b, off := m.sc.block(int(mt.block), int(mt.start))
		if m.sc.inView(pos{b, m.sc.rowOf(b, off)}, m.body()) {
			p = int(mt.block)
		}
	}
	end := min(p+n, m.sc.paras.Len())
	parts := make([]string, 0, end-p)
	for i := p; i < end; i++ {
		parts = append(parts, m.sc.paras.Block(i).Text)
	}
	what := "paragraph " + strconv.Itoa(p+1)
	if end-p > 1 {
		what = fmt.Sprintf("paragraphs %d-%d", p+1, end)
	}
	return m.copyText(strings.Join(parts, "\n\n"), what)
}

// copyPart copies the current match, or the mention Tab reached.
func (m *Model) copyPart() tea.Cmd {
	if s := m.search; s.cur >= 0 && s.cur < len(s.matches) {
		mt := s.matches[s.cur]
		return m.copyText(m.sc.paras.Block(int(mt.block)).Text[mt.start:mt.end], "the match")
	}
	if c := m.ents.cursor; c != nil {
		return m.copyText(m.sc.doc.Block(int(c.block)).Text[c.start:c.end], "the entity")
	}
	m.note = "no match or entity to copy: y copies the paragraph"
	return nil
}

// copyText puts text on the clipboard the way Config.Clipboard says.
func (m *Model) copyText(text, what string) tea.Cmd {
	chars := utf8.RuneCountInString(text)
	what = fmt.Sprintf("%s (%d characters)", what, chars)
	switch mode := m.cfg.Clipboard; mode {
	case "off":
		m.note = "copying is off (--clipboard)"
		return nil
	case "", "osc52":
		if base64.StdEncoding.EncodedLen(len(text)) > maxOSC52 {
			m.note = "too long for the terminal's clipboard (OSC 52): use a count or --clipboard=COMMAND"
			return nil
		}
		// Written by Bubble Tea between two frames, never inside one.
		return tea.Batch(tea.Raw(osc52(text)), func() tea.Msg {
			return copiedMsg{what: what + " to the terminal's clipboard"}
		})
	default:
		args := strings.Fields(mode)
		return func() tea.Msg {
			c := exec.Command(args[0], args[1:]...)
			c.Stdin = strings.NewReader(text)
			out, err := c.CombinedOutput()
			if err != nil && len(out) > 0 {
				err = fmt.Errorf("%v: %s", err, strings.TrimSpace(string(out)))
			}
			return copiedMsg{what: what + " with " + args[0], err: err}
		}
	}
}

// osc52 is the escape sequence that asks the terminal to put text on the
// clipboard ("c"): OSC 52 ; c ; base64 ST. The text travels as base64,
// so no byte of it can act on the terminal.
func osc52(text string) string {
	return "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(text)) + "\x1b\\"
}
