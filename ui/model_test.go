package ui

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"rtlview/content"
	"rtlview/internal/testkit"
	"rtlview/ui/layout"
)

func TestMain(m *testing.M) { testkit.Main(m) }

// screen is the screen as text, as the goldens hold it: no colour, no
// SGR (what render draws with --color=never, less the bold and reverse).
func (m *Model) screen() string { return ansi.Strip(m.render()) }

// keyMsg turns a key name as Bubble Tea prints it ("j", "pgdown",
// "shift+tab", "ctrl+c") or typed text into a KeyMsg.
func keyMsg(s string) tea.KeyPressMsg {
	named := map[string]tea.KeyPressMsg{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "tab": {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift}, "up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown},
		"left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight},
		"pgup": {Code: tea.KeyPgUp}, "pgdown": {Code: tea.KeyPgDown}, "home": {Code: tea.KeyHome},
		"end": {Code: tea.KeyEnd}, "ctrl+c": {Code: 'c', Mod: tea.ModCtrl}, "ctrl+z": {Code: 'z', Mod: tea.ModCtrl},
		"ctrl+d": {Code: 'd', Mod: tea.ModCtrl}, "ctrl+u": {Code: 'u', Mod: tea.ModCtrl},
		"ctrl+w": {Code: 'w', Mod: tea.ModCtrl}, "backspace": {Code: tea.KeyBackspace},
		"space": {Code: tea.KeySpace, Text: " "},
	}
	if k, ok := named[s]; ok {
		return k
	}
	r, _ := utf8.DecodeRuneInString(s)
	return tea.KeyPressMsg{Code: r, Text: s}
}

// drive feeds msgs to m, running the commands they return that the reader
// itself defines (background totals and searches), and returns the model.
func drive(t testing.TB, m tea.Model, msgs ...tea.Msg) *Model {
	t.Helper()
	if mm, ok := m.(*Model); ok {
		// The model is a pointer: drive a copy (its caches shared, as
		// Bubble Tea's value models used to share them), so that a
		// test can drive one model two ways.
		c := *mm
		m = &c
	}
	for _, msg := range msgs {
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		queue := []tea.Cmd{cmd}
		for len(queue) > 0 {
			cmd, queue = queue[0], queue[1:]
			if cmd == nil {
				continue
			}
			switch out := cmd().(type) {
			case tea.BatchMsg:
				queue = append(queue, out...)
			case tea.RawMsg:
				// What Bubble Tea would write between two frames.
				if w := m.(*Model).cfg.Output; w != nil {
					fmt.Fprint(w, out.Msg)
				}
			case totalsMsg, searchMsg, searchFirstMsg, fileMsg, copiedMsg, fileIndexMsg:
				m, cmd = m.Update(out)
				queue = append(queue, cmd)
			}
		}
	}
	return m.(*Model)
}

func keys(ks ...string) []tea.Msg {
	var out []tea.Msg
	for _, k := range ks {
		out = append(out, keyMsg(k))
	}
	return out
}

// articleDoc is the embedded article, the document of the goldens.
func articleDoc(t testing.TB) *content.Document { return content.Article() }

func article(t testing.TB, w, h int) *Model {
	t.Helper()
	return drive(t, New(articleDoc(t), Config{Bidi: layout.App}), tea.WindowSizeMsg{Width: w, Height: h})
}

// checkFrame asserts the screen's shape: exactly h rows, none wider than w.
func checkFrame(t testing.TB, m *Model, what string) string {
	t.Helper()
	v := m.screen()
	if m.width <= 0 || m.height <= 0 {
		if v != "" {
			t.Fatalf("%s: %dx%d: view not empty", what, m.width, m.height)
		}
		return v
	}
	rows := strings.Split(v, "\n")
	if len(rows) != m.height {
		t.Fatalf("%s: %dx%d: %d rows", what, m.width, m.height, len(rows))
	}
	for i, r := range rows {
		if w := lipgloss.Width(r); w > m.width {
			t.Fatalf("%s: %dx%d: row %d is %d cells: %q", what, m.width, m.height, i, w, r)
		}
		if strings.ContainsAny(r, "\x00\x07\x7f") {
			t.Fatalf("%s: row %d holds a raw control: %q", what, i, r)
		}
	}
	return v
}

// golden compares the screen with testdata/name.golden (testkit.Golden:
// -update rewrites it). Each row is framed by "|" so that trailing blanks
// show; a difference is printed with the invisible characters escaped.
func golden(t *testing.T, name string, m *Model) {
	t.Helper()
	v := checkFrame(t, m, name)
	var b strings.Builder
	for _, r := range strings.Split(v, "\n") {
		b.WriteString("|" + r + "|\n")
	}
	testkit.Golden(t, filepath.Join("testdata", name+".golden"), b.String())
}

// TestRandomSizes: 100 random sizes from 1x1 to 300x100, each after the
// last, with scrolling in between: no panic, every frame fits.
func TestRandomSizes(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	m := article(t, 80, 24)
	for i := 0; i < 100; i++ {
		w, h := 1+rng.IntN(300), 1+rng.IntN(100)
		m = drive(t, m, tea.WindowSizeMsg{Width: w, Height: h})
		checkFrame(t, m, "resize")
		m = drive(t, m, keys("pgdown", "j", "G", "k")...)
		checkFrame(t, m, "scrolled")
	}
}

// TestGoldens: the screens a reader sees, as plain text. Review a change
// of these files by eye: each row is between bars so trailing blanks show.
func TestGoldens(t *testing.T) {
	cases := []struct {
		name string
		w, h int
		msgs []tea.Msg
	}{
		{"first-80x24", 80, 24, nil},
		{"pgdn-80x24", 80, 24, keys("pgdown")},
		{"search-kore-80x24", 80, 24, keys("/", "ک", "ر", "ه", "enter", "n")},
		{"search-typing-80x24", 80, 24, keys("/", "ک", "ر", "ه", " ", "ش")},
		{"panel-80x24", 80, 24, keys("e", "j")},
		{"panel-enter-80x24", 80, 24, keys("e", "j", "enter", "tab")},
		{"help-80x24", 80, 24, keys("?")},
		{"first-40x15", 40, 15, nil},
		{"help-40x15", 40, 15, keys("?")},
		{"end-40x15", 40, 15, keys("G")},
		{"tiny-20x5", 20, 5, keys("j")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := drive(t, article(t, c.w, c.h), c.msgs...)
			golden(t, c.name, m)
		})
	}
	// --bidi=terminal: the same breaks and alignment, logical order (a
	// terminal without bidi shows the words of each line reversed).
	m := drive(t, New(articleDoc(t), Config{Bidi: layout.Terminal}), tea.WindowSizeMsg{Width: 80, Height: 24})
	golden(t, "terminal-80x24", m)
	// The default configuration (--bidi=app, --shape=auto): joining
	// letters in Arabic presentation forms, lam-alef as one ligature.
	// The line breaks are those of first-80x24; a row holding a lam-alef
	// is a cell narrower (the ligature takes one cell), so it starts a
	// cell further right.
	m = drive(t, New(articleDoc(t), Config{Bidi: layout.App, Shape: true}), tea.WindowSizeMsg{Width: 80, Height: 24})
	golden(t, "shaped-80x24", m)
}

// Keys that arrive in one read come as one message; "/کره" typed fast
// must open the search and type «کره» into it, and "jjj" move three lines.
func TestKeysInOneRead(t *testing.T) {
	m := sized(content.Article(), 80, 24)
	m = drive(t, m, tea.KeyPressMsg{Text: "/کره"})
	if !m.search.editing || m.search.input.Value() != "کره" {
		t.Fatalf("after \"/کره\" in one message: editing %v, query %q", m.search.editing, m.search.input.Value())
	}
	m = drive(t, m, keyMsg("enter"))
	if len(m.search.matches) == 0 {
		t.Fatal("no matches for «کره»")
	}
	one := drive(t, sized(content.Article(), 80, 24), keyMsg("j"), keyMsg("j"), keyMsg("j"))
	three := drive(t, sized(content.Article(), 80, 24), tea.KeyPressMsg{Text: "jjj"})
	if start := sized(content.Article(), 80, 24).sc.top; one.sc.top != three.sc.top || one.sc.top == start {
		t.Errorf("\"jjj\" in one message moved to %+v, three j to %+v", three.sc.top, one.sc.top)
	}
}

// A header line that does not fit ends in an ellipsis where the reading
// goes on: at the right of LTR text, at the left of RTL text.
func TestVisualEllipsis(t *testing.T) {
	m := article(t, 80, 24)
	text := func(l layout.Line) string {
		var b strings.Builder
		for _, c := range l.Clusters() {
			b.WriteString(c.Text)
		}
		return b.String()
	}
	if l := m.visual("hello wide world", 9); text(l) != "hello…" || l.Width != 6 {
		t.Errorf("LTR: %q, width %d", text(l), l.Width)
	}
	if l := m.visual("سلام دنیای بزرگ", 12); text(l) != "…یایند مالس" || l.Width != 11 || l.Indent != 1 {
		t.Errorf("RTL: %q, width %d, indent %d", text(l), l.Width, l.Indent)
	}
	if l := m.visual("hello", 9); text(l) != "hello" {
		t.Errorf("fits: %q", text(l))
	}
}

// A document read from standard input is named so in the header.
func TestTitleOfStandardInput(t *testing.T) {
	doc, err := content.Read("-", strings.NewReader("سلام\n"))
	if err != nil {
		t.Fatal(err)
	}
	m := drive(t, New(doc, Config{Bidi: layout.App}), tea.WindowSizeMsg{Width: 40, Height: 6})
	if first := strings.Split(m.screen(), "\n")[0]; strings.TrimSpace(first) != "standard input" {
		t.Errorf("header %q", first)
	}
}

// fork is a copy of m to drive another way (its caches shared).
func fork(m *Model) *Model {
	c := *m
	return &c
}
