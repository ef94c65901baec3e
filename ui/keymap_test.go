package ui

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// helpKeys is the keys a help label names: "j/↓/ctrl+n" is j, down and
// ctrl+n, in the names Bubble Tea gives keys and wheel turns.
func helpKeys(label string) []string {
	if label == "/" {
		return []string{"/"}
	}
	names := map[string]string{
		"↓": "down", "↑": "up", "pgdn": "pgdown", "space": "space",
		"wheel ↓": "wheeldown", "wheel ↑": "wheelup",
	}
	var out []string
	for _, p := range strings.Split(label, "/") {
		if n, ok := names[p]; ok {
			p = n
		}
		out = append(out, p)
	}
	return out
}

// TestHelpNamesEveryKey: every binding of the KeyMap is on the help screen
// once, its label names exactly the keys it has, and the keys the issue
// asks for (wheel and ctrl+c too) are among them. Together with
// TestKeysThroughBindings (Update reacts to keys only through the
// bindings), keys and help cannot drift apart.
func TestHelpNamesEveryKey(t *testing.T) {
	km := DefaultKeyMap()
	inHelp := map[string]int{}
	for _, col := range km.FullHelp() {
		for _, b := range col {
			inHelp[b.Help().Key]++
		}
	}
	screen := drive(t, article(t, 80, 24), keyMsg("?")).screen()
	bound := map[string]bool{}
	v := reflect.ValueOf(km)
	for i := 0; i < v.NumField(); i++ {
		name := v.Type().Field(i).Name
		b := v.Field(i).Interface().(key.Binding)
		label := b.Help().Key
		if inHelp[label] != 1 {
			t.Errorf("%s (%q) is in FullHelp %d times, want 1", name, label, inHelp[label])
		}
		got, want := helpKeys(label), slices.Clone(b.Keys())
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: help %q names %q, the binding has %q", name, label, got, want)
		}
		if !strings.Contains(screen, label+" ") || !strings.Contains(screen, b.Help().Desc) {
			t.Errorf("%s: %q %q not on the help screen at 80x24", name, label, b.Help().Desc)
		}
		for _, k := range b.Keys() {
			bound[k] = true
		}
	}
	for _, k := range []string{"j", "k", "down", "up", "space", "f", "pgdown", "b", "pgup", "d", "u",
		"g", "home", "G", "end", "wheeldown", "wheelup", "/", "n", "N", "esc", "tab",
		"shift+tab", "e", "h", "s", "?", "q", "ctrl+c", "ctrl+z", "enter"} {
		if !bound[k] {
			t.Errorf("%q is bound to nothing", k)
		}
	}
	for _, s := range []string{"q/ctrl+c", "wheel ↓", "wheel ↑"} {
		if !strings.Contains(screen, s) {
			t.Errorf("help screen lacks %q", s)
		}
	}
}

var (
	wheelDown = tea.MouseWheelMsg{Button: tea.MouseWheelDown}
	wheelUp   = tea.MouseWheelMsg{Button: tea.MouseWheelUp}
)

// TestKeysThroughBindings: the wheel and ctrl+c act through their bindings,
// not beside them: rebound or disabled, they stop acting (and a disabled
// binding leaves the help screen).
func TestKeysThroughBindings(t *testing.T) {
	m := article(t, 80, 24)
	down := drive(t, m, wheelDown)
	if down.sc.top == m.sc.top {
		t.Fatal("wheel down did not scroll")
	}
	if up := drive(t, down, wheelUp); up.sc.top != m.sc.top {
		t.Errorf("wheel up after wheel down: %+v, want %+v", up.sc.top, m.sc.top)
	}
	if r := drive(t, m, tea.MouseReleaseMsg{Button: tea.MouseWheelDown}); r.sc.top != m.sc.top {
		t.Error("a wheel release scrolled")
	}

	off := fork(m)
	off.keys.WheelDown.SetEnabled(false)
	if got := drive(t, off, wheelDown); got.sc.top != m.sc.top {
		t.Error("wheel down scrolled with its binding disabled")
	}
	if strings.Contains(drive(t, off, keyMsg("?")).screen(), "wheel ↓") {
		t.Error("a disabled binding is on the help screen")
	}

	re := fork(m)
	re.keys.WheelDown.SetKeys("shift+wheeldown")
	if got := drive(t, re, wheelDown); got.sc.top != m.sc.top {
		t.Error("plain wheel down scrolled, bound to shift+wheel down")
	}
	shifted := wheelDown
	shifted.Mod = tea.ModShift
	if got := drive(t, re, shifted); got.sc.top != down.sc.top {
		t.Errorf("shift+wheel down: %+v, want %+v", got.sc.top, down.sc.top)
	}

	re = fork(m)
	re.keys.Quit.SetKeys("q")
	if _, cmd := re.Update(keyMsg("ctrl+c")); isCmd(cmd, tea.Quit()) {
		t.Error("ctrl+c quit, Quit bound to q only")
	}

	// In the help screen the wheel scrolls the help, a row a turn.
	h := drive(t, article(t, 40, 15), keyMsg("?"), wheelDown, wheelDown)
	if h.helpTop != 2 || h.sc.top != (pos{}) {
		t.Errorf("wheel in help: help row %d, body %+v; want 2, top", h.helpTop, h.sc.top)
	}
	if h = drive(t, h, wheelUp, wheelUp, wheelUp); h.helpTop != 0 {
		t.Errorf("wheel up in help: help row %d, want 0", h.helpTop)
	}
}

// TestHelpScrollsToEveryKey: at every size the help can be scrolled (by j
// or the wheel) until the last line shows; every key label is on some
// screen on the way, and the last line of the notes after the keys (the
// regular expression's) on the last screen.
func TestHelpScrollsToEveryKey(t *testing.T) {
	km := DefaultKeyMap()
	for _, sz := range [][2]int{{80, 24}, {40, 15}, {20, 5}} {
		for _, step := range []tea.Msg{keyMsg("j"), wheelDown} {
			m := drive(t, article(t, sz[0], sz[1]), keyMsg("?"))
			seen := m.screen()
			for i := 0; i < 60; i++ {
				m = drive(t, m, step)
				seen += checkFrame(t, m, "help")
			}
			last := m.screen()
			for _, col := range km.FullHelp() {
				for _, b := range col {
					if !strings.Contains(seen, b.Help().Key) {
						t.Errorf("%dx%d, scrolled by %v: %q never on screen", sz[0], sz[1], step, b.Help().Key)
					}
				}
			}
			if !strings.Contains(last, `\ first`) {
				t.Errorf("%dx%d, scrolled by %v to the end: the last note not on the last screen:\n%s", sz[0], sz[1], step, last)
			}
		}
	}
}
