package ui

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// luminance is the WCAG 2 relative luminance of "#rrggbb".
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil || len(hex) != 7 {
		t.Fatalf("colour %q is not #rrggbb", hex)
	}
	lin := func(c uint64) float64 {
		s := float64(c) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(v>>16&0xff) + 0.7152*lin(v>>8&0xff) + 0.0722*lin(v&0xff)
}

func contrast(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestColoursReadable: every foreground colour of the text styles is an
// AdaptiveColor whose Light value reads on white and whose Dark value
// reads on black (WCAG contrast at least 3:1, the large-text/UI level;
// the entity colours mark words the reader reads anyway), and a colour
// on its own background reads as well.
func TestColoursReadable(t *testing.T) {
	s := DefaultStyles()
	named := map[string]lipgloss.Style{
		"Title": s.Title, "Date": s.Date, "Prompt": s.Prompt, "Control": s.Control, "Rule": s.Rule,
	}
	for i, k := range s.Kinds {
		named[kindNames[i]] = k
	}
	for name, st := range named {
		ac, ok := st.GetForeground().(lipgloss.AdaptiveColor)
		if !ok {
			t.Errorf("%s: foreground is not an AdaptiveColor", name)
			continue
		}
		if c := contrast(t, ac.Light, "#ffffff"); c < 3 {
			t.Errorf("%s: light %s on white: contrast %.2f", name, ac.Light, c)
		}
		if c := contrast(t, ac.Dark, "#000000"); c < 3 {
			t.Errorf("%s: dark %s on black: contrast %.2f", name, ac.Dark, c)
		}
	}
	for name, st := range map[string]lipgloss.Style{"Status": s.Status, "StatusKey": s.StatusKey, "Note": s.Note, "Match": s.Looks[ThingMatch].Style()} {
		fg, ok1 := st.GetForeground().(lipgloss.AdaptiveColor)
		bg, ok2 := st.GetBackground().(lipgloss.AdaptiveColor)
		if !ok1 || !ok2 {
			t.Errorf("%s: colours are not AdaptiveColors", name)
			continue
		}
		if c := contrast(t, fg.Light, bg.Light); c < 4.5 {
			t.Errorf("%s: light %s on %s: contrast %.2f", name, fg.Light, bg.Light, c)
		}
		if c := contrast(t, fg.Dark, bg.Dark); c < 4.5 {
			t.Errorf("%s: dark %s on %s: contrast %.2f", name, fg.Dark, bg.Dark, c)
		}
	}
}

// TestStylesOnScreen: with colour, the current match looks different from
// the other matches, and the six entity kinds from each other.
func TestStylesOnScreen(t *testing.T) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	m := article(t, 80, 24)
	seen := map[string]bool{}
	for k := range kindNames {
		pre, _, ok := m.sgrOf(kindBit(k))
		if !ok || pre == "" {
			t.Fatalf("kind %s has no style", kindNames[k])
		}
		if seen[pre] {
			t.Errorf("kind %s looks like another kind: %q", kindNames[k], pre)
		}
		seen[pre] = true
	}
	m = drive(t, m, keys("/", "ک", "ر", "ه", "enter")...)
	cur, _, _ := m.sgrOf(bitMatch | bitCurrent)
	other, _, _ := m.sgrOf(bitMatch)
	if cur == other || cur == "" || other == "" {
		t.Fatalf("current match %q and other matches %q are not distinct", cur, other)
	}
	v := m.View()
	if strings.Count(v, cur) != 1 {
		t.Errorf("the current match's style is on the screen %d times, want 1", strings.Count(v, cur))
	}
	if strings.Count(v, other) < 2 {
		t.Errorf("the other matches' style is on the screen %d times", strings.Count(v, other))
	}
	// h turns the entity colours off, not the matches.
	m = drive(t, m, keyMsg("h"))
	v = m.View()
	for k := range kindNames {
		if pre, _, _ := m.sgrOf(kindBit(k)); pre != "" && strings.Contains(v, pre) {
			t.Errorf("h: kind %s still coloured", kindNames[k])
		}
	}
	if !strings.Contains(v, other) {
		t.Error("h: search matches lost their highlight")
	}
}
