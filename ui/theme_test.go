package ui

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"rtlview/ui/layout"
)

// Every style bit layout gives has a look, and thingOfBit lists them
// lowest first, once each.
func TestLooksCoverEveryBit(t *testing.T) {
	for b := layout.Style(1); b < layout.StyleUser; b <<= 1 {
		switch b {
		case layout.StyleControl, layout.StyleEmphasis, layout.StyleStrong, layout.StyleStrike, layout.StyleUnderline,
			layout.StyleCode, layout.StyleLink, layout.StyleImage, layout.StyleHeading1, layout.StyleHeading2,
			layout.StyleHeading, layout.StyleQuoteBar, layout.StyleMarker, layout.StyleRule, layout.StyleDim, layout.StyleLead:
			found := false
			for _, tb := range thingOfBit {
				found = found || tb.bit == b
			}
			if !found {
				t.Errorf("layout style %#x has no look", uint64(b))
			}
		}
	}
	for i := 1; i < len(thingOfBit); i++ {
		if thingOfBit[i].bit <= thingOfBit[i-1].bit {
			t.Errorf("thingOfBit[%d] (%#x) is not above the one before it", i, uint64(thingOfBit[i].bit))
		}
	}
}

// hue is the hue in degrees of "#rrggbb".
func hue(t *testing.T, hex string) float64 {
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil {
		t.Fatal(err)
	}
	r, g, b := float64(v>>16&0xff)/255, float64(v>>8&0xff)/255, float64(v&0xff)/255
	mx, mn := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	d := mx - mn
	var h float64
	switch {
	case d == 0:
		return 0
	case mx == r:
		h = math.Mod((g-b)/d, 6)
	case mx == g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	return math.Mod(h*60+360, 360)
}

// The reader and plain mode show an entity kind in one colour: the basic
// SGR colour plain mode writes is the one nearest in hue to the reader's
// colour on both backgrounds (a person is blue in both), and plain mode's
// SGR for a kind's bit is that kind's look.
func TestPlainAndReaderAgree(t *testing.T) {
	looks := DefaultLooks()
	basic := map[int]float64{31: 0, 32: 120, 33: 60, 34: 240, 35: 300, 36: 180}
	sgr := looks.PlainSGR()
	for k := range kindNames {
		l := looks[Thing(k)]
		want, ok := basic[l.SGR]
		if !ok {
			t.Errorf("%s: SGR %d is not a basic hue", kindNames[k], l.SGR)
			continue
		}
		for _, hex := range []string{l.Dark, l.Light} {
			d := math.Abs(hue(t, hex) - want)
			d = math.Min(d, 360-d)
			if d > 45 {
				t.Errorf("%s: reader colour %s (hue %.0f) is not plain mode's %d (hue %.0f)", kindNames[k], hex, hue(t, hex), l.SGR, want)
			}
		}
		if got := sgr(kindBit(k)); got != l.SGRParams() {
			t.Errorf("%s: plain SGR %q, look %q", kindNames[k], got, l.SGRParams())
		}
		if DefaultStyles().Kinds[k].GetForeground() != l.Style().GetForeground() {
			t.Errorf("%s: the reader's legend colour is not the look's", kindNames[k])
		}
	}
	if p := looks[ThingPerson].SGRParams(); p != "1;34" {
		t.Errorf("person in plain mode: %q, want bold blue", p)
	}
}

func TestDarkBackground(t *testing.T) {
	env := func(v string) func(string) string { return func(string) string { return v } }
	for _, tc := range []struct {
		theme, colorfgbg string
		dark             bool
	}{
		{"dark", "0;15", true}, {"light", "15;0", false},
		{"auto", "15;0", true}, {"auto", "0;15", false}, {"auto", "0;7", false}, {"auto", "12;8", true},
		{"auto", "", true}, {"auto", "default;default", true},
	} {
		if got := DarkBackground(tc.theme, env(tc.colorfgbg)); got != tc.dark {
			t.Errorf("DarkBackground(%q, COLORFGBG=%q) = %v", tc.theme, tc.colorfgbg, got)
		}
	}
}
