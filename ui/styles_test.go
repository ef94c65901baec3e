package ui

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
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

// TestColoursReadable: every foreground colour of the text styles reads
// on white in the light theme and on black in the dark one (WCAG contrast
// at least 3:1, the large-text/UI level; the entity colours mark words
// the reader reads anyway), and a colour on its own background reads as
// well.
func TestColoursReadable(t *testing.T) {
	for _, dark := range []bool{false, true} {
		s := StylesFor(dark)
		paper := "#ffffff"
		if dark {
			paper = "#000000"
		}
		named := map[string]lipgloss.Style{
			"Title": s.Title, "Date": s.Date, "Prompt": s.Prompt, "Control": s.Control, "Rule": s.Rule,
		}
		for i, k := range s.Kinds {
			named[kindNames[i]] = k
		}
		for name, st := range named {
			fg, ok := hexOf(st.GetForeground())
			if !ok {
				t.Errorf("dark %v: %s has no foreground colour", dark, name)
				continue
			}
			if c := contrast(t, fg, paper); c < 3 {
				t.Errorf("dark %v: %s: %s on %s: contrast %.2f", dark, name, fg, paper, c)
			}
		}
		for name, st := range map[string]lipgloss.Style{"Status": s.Status, "StatusKey": s.StatusKey, "Note": s.Note, "Match": s.Looks[ThingMatch].StyleFor(dark)} {
			fg, ok1 := hexOf(st.GetForeground())
			bg, ok2 := hexOf(st.GetBackground())
			if !ok1 || !ok2 {
				t.Errorf("dark %v: %s lacks a colour", dark, name)
				continue
			}
			if c := contrast(t, fg, bg); c < 4.5 {
				t.Errorf("dark %v: %s: %s on %s: contrast %.2f", dark, name, fg, bg, c)
			}
		}
	}
}

// hexOf is a colour as "#rrggbb"; ok is false for no colour.
func hexOf(c color.Color) (string, bool) {
	if c == nil {
		return "", false
	}
	if _, none := c.(lipgloss.NoColor); none {
		return "", false
	}
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8), true
}

// TestStylesOnScreen: with colour, the current match looks different from
// the other matches, and the six entity kinds from each other.
func TestStylesOnScreen(t *testing.T) {
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
	v := m.render()
	if strings.Count(v, cur) != 1 {
		t.Errorf("the current match's style is on the screen %d times, want 1", strings.Count(v, cur))
	}
	if strings.Count(v, other) < 2 {
		t.Errorf("the other matches' style is on the screen %d times", strings.Count(v, other))
	}
	// h turns the entity colours off, not the matches.
	m = drive(t, m, keyMsg("h"))
	v = m.render()
	for k := range kindNames {
		if pre, _, _ := m.sgrOf(kindBit(k)); pre != "" && strings.Contains(v, pre) {
			t.Errorf("h: kind %s still coloured", kindNames[k])
		}
	}
	if !strings.Contains(v, other) {
		t.Error("h: search matches lost their highlight")
	}
}
