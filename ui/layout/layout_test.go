package layout

import (
	"fmt"
	"strings"
	"testing"
)

// capRTL makes bidi cases legible: uppercase ASCII letters stand for RTL
// letters (Hebrew, class R, which shaping leaves alone) on the way in, and
// come back as uppercase on the way out.
func capRTL(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return 0x05D0 + r - 'A'
		}
		return r
	}, s)
}

func uncapRTL(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0x05D0 && r < 0x05D0+26 {
			return 'A' + r - 0x05D0
		}
		return r
	}, s)
}

// show renders lines as a test would see a screen of width w: indent as
// dots so that alignment is visible, CapRTL letters back to uppercase.
func show(lines []Line) []string {
	var out []string
	for _, l := range lines {
		out = append(out, strings.Repeat(".", l.Indent)+uncapRTL(l.String()))
	}
	return out
}

func eq(t *testing.T, name string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got  %q\n want %q", name, got, want)
	}
}

// The expected screens below were worked out by hand from UAX #9 and
// UAX #14, not produced by the code.
func TestCapRTL(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		dir   Direction
		want  []string
	}{
		// LTR paragraph (first strong is L): the RTL word is reversed in place.
		{"car means CAR.", 20, LTR, []string{"car means RAC."}},
		// RTL paragraph: flush right, runs in right-to-left order, the
		// full stop at the paragraph's end goes to the left edge.
		{"CAR MEANS car.", 20, LTR, []string{"......" + ".car SNAEM RAC"}},
		// Numbers read left to right inside RTL text (W2..I2).
		{"ABC 123 DEF", 11, LTR, []string{"FED 123 CBA"}},
		{"ABC 12.5% DEF", 20, LTR, []string{".......FED 12.5% CBA"}},
		// Brackets at an odd level are mirrored (L4): they still face
		// their content.
		{"ABC (DEF) GHI", 13, LTR, []string{"IHG (FED) CBA"}},
		{"«ABC» DEF", 9, LTR, []string{"FED «CBA»"}},
		// An LTR phrase in brackets inside RTL: N0 gives the brackets
		// the paragraph direction.
		{"AB (cd) EF", 10, LTR, []string{"FE (cd) BA"}},
		// No strong character: the document's direction decides. In an
		// RTL paragraph two numbers read right to left (N1: numbers act
		// as R on the space between them).
		{"123 456", 10, RTL, []string{"...456 123"}},
		{"123 456", 10, LTR, []string{"123 456"}},
		{"(1)", 5, RTL, []string{"..(1)"}},
	} {
		lines := Block(0, capRTL(tc.in), nil, Options{Width: tc.width, Dir: tc.dir})
		eq(t, fmt.Sprintf("%q at %d", tc.in, tc.width), show(lines), tc.want)
	}
}

// A sentence wrapped at width 20 must start on the first line, at the
// right edge for RTL: the defect of viewers that reorder the paragraph
// first and cut the visual string afterwards (fribidi's CLI) is to show
// its end there.
func TestWrapKeepsSentenceOrder(t *testing.T) {
	in := "ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT"
	lines := Block(0, capRTL(in), nil, Options{Width: 20})
	eq(t, "CapRTL", show(lines), []string{
		"..RUOF EERHT OWT ENO",
		"THGIE NEVES XIS EVIF",
	})
	// The same on Persian, from the article: the first line holds the
	// first words, the first word at the right edge.
	text := "رئیس جمهور روسیه در نامه‌ای به رهبر کره شمالی، گفت مسکو و پیونگ‌یانگ روابط دوجانبه جامع و سازنده را با تلاش مشترک گسترش خواهند داد."
	lines = Block(0, text, nil, Options{Width: 20})
	first := lines[0]
	if first.Start != 0 || !first.RTL {
		t.Fatalf("first line starts at %d, RTL %v", first.Start, first.RTL)
	}
	got := first.String()
	// Left to right on screen: the first four words, letters reversed,
	// «رئیس» (the first word) at the right edge.
	if want := "رد هیسور روهمج سیئر"; got != want {
		t.Errorf("first line %q, want %q", got, want)
	}
	if first.Indent+first.Width != 20 {
		t.Errorf("first line not flush right: indent %d width %d", first.Indent, first.Width)
	}
	last := lines[len(lines)-1]
	if last.End != len(text) || !strings.HasPrefix(last.String(), ".") {
		t.Errorf("last line %q should end the sentence, full stop at its left", last.String())
	}
}

// A combining mark stays after its base: the kasra of «نِچایف» (U+0650)
// must follow the noon, even though the word is reversed.
func TestMarksStayWithBase(t *testing.T) {
	lines := Block(0, "نِچایف", nil, Options{Width: 20})
	if len(lines) != 1 {
		t.Fatalf("%d lines", len(lines))
	}
	got := lines[0].String()
	if want := "فیاچن\u0650"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	c := lines[0].Clusters()
	if last := c[len(c)-1]; last.Text != "ن\u0650" || last.Start != 0 || last.End != len("ن\u0650") || last.Width != 1 {
		t.Errorf("noon with kasra: %+v", last)
	}
	if lines[0].Width != 5 || lines[0].Indent != 15 {
		t.Errorf("width %d indent %d, want 5 and 15", lines[0].Width, lines[0].Indent)
	}
}

func TestShaping(t *testing.T) {
	opt := Options{Width: 10, Shape: true}
	// سلام: initial seen, lam-alef ligature in its final form (joined
	// to the seen), isolated meem (alef does not join to its left).
	lines := Block(0, "سلام", nil, opt)
	if got, want := lines[0].String(), "\uFEE1\uFEFC\uFEB3"; got != want {
		t.Errorf("سلام shaped %q, want %q", got, want)
	}
	c := lines[0].Clusters()
	if len(c) != 3 || c[1].Text != "\uFEFC" || c[1].Width != 1 || c[1].Start != len("س") || c[1].End != len("سلا") {
		t.Errorf("lam-alef cluster: %+v", c)
	}
	if lines[0].Width != 3 || lines[0].Indent != 7 {
		t.Errorf("width %d indent %d", lines[0].Width, lines[0].Indent)
	}
	// Without shaping the same word is four clusters.
	if got := Block(0, "سلام", nil, Options{Width: 10}); len(got[0].Clusters()) != 4 || got[0].String() != "مالس" {
		t.Errorf("unshaped: %q", got[0].String())
	}
	// Terminal mode never reorders, and shapes only when asked to.
	if got := Block(0, "سلام", nil, Options{Width: 10, Bidi: Terminal}); got[0].String() != "سلام" || got[0].Indent != 6 {
		t.Errorf("terminal: %q indent %d", got[0].String(), got[0].Indent)
	}
	if got := Block(0, "سلام", nil, Options{Width: 10, Shape: true, Bidi: Terminal}); got[0].String() != "\uFEB3\uFEFC\uFEE1" || got[0].Indent != 7 {
		t.Errorf("terminal, shaped: %q indent %d", got[0].String(), got[0].Indent)
	}
}

func TestTerminalMode(t *testing.T) {
	in := capRTL("ONE TWO (THREE) four 12")
	app := Block(0, in, nil, Options{Width: 10})
	term := Block(0, in, nil, Options{Width: 10, Bidi: Terminal})
	if len(app) != len(term) {
		t.Fatalf("app %d lines, terminal %d", len(app), len(term))
	}
	for i := range app {
		if app[i].Start != term[i].Start || app[i].End != term[i].End || app[i].Indent != term[i].Indent {
			t.Errorf("line %d: app %+v terminal %+v", i, app[i], term[i])
		}
	}
	eq(t, "terminal", show(term), []string{"...ONE TWO", "...(THREE)", "...four 12"})
}

func TestBreaking(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  []string
	}{
		// Trailing spaces at a break take no width and are not shown.
		{"ab cd", 2, []string{"ab", "cd"}},
		{"ab    cd", 3, []string{"ab", "cd"}},
		// A word longer than the width is broken between clusters.
		{"abcdefg", 3, []string{"abc", "def", "g"}},
		{"x abcdefg", 3, []string{"x", "abc", "def", "g"}},
		// Combining marks are never split from their base.
		{"a\u0301b\u0301c\u0301", 2, []string{"a\u0301b\u0301", "c\u0301"}},
		// A cluster wider than the line gets a line of its own, shown
		// as Overflow.
		{"a漢b", 1, []string{"a", Overflow, "b"}},
		{"漢字", 3, []string{"漢", "字"}},
		{"漢字", 4, []string{"漢字"}},
		// Mandatory breaks (UAX #14 LB5) are honoured, and not shown.
		{"ab\ncd", 10, []string{"ab", "cd"}},
		{"ab\u2028cd", 0, []string{"ab", "cd"}},
		{"\n-0", 9, []string{"", "-0"}}, // uniseg alone would not break here
		// Width 0: no wrapping.
		{"aaa bbb ccc ddd", 0, []string{"aaa bbb ccc ddd"}},
		// An empty paragraph is one empty line.
		{"", 10, []string{""}},
		// UAX #14: no break before a closing punctuation or inside a
		// number.
		{"ab (cd) 12.5", 7, []string{"ab (cd)", "12.5"}},
		// Control characters are shown as placeholders, never raw.
		{"a\x1b[31mb\x7f\u009b", 20, []string{"a␛[31mb␡\uFFFD"}},
	} {
		lines := Block(3, tc.in, nil, Options{Width: tc.width})
		eq(t, fmt.Sprintf("%q at %d", tc.in, tc.width), show(lines), tc.want)
		for _, l := range lines {
			if l.Block != 3 {
				t.Errorf("Block = %d", l.Block)
			}
		}
		checkLines(t, tc.in, nil, Options{Width: tc.width}, lines)
	}
}

func TestStyles(t *testing.T) {
	in := capRTL("ABC (DEF) ghi JK")
	// Style the RTL word DEF, the LTR word ghi and, with a second bit,
	// the range "F) g" that crosses the direction change.
	d := strings.Index(in, capRTL("DEF"))
	g := strings.Index(in, "ghi")
	f := strings.Index(in, capRTL("F"))
	spans := []Span{
		{Start: d, End: d + len(capRTL("DEF")), Style: 1},
		{Start: g, End: g + 3, Style: 2},
		{Start: f, End: g + 1, Style: 4},
	}
	lines := Block(0, in, spans, Options{Width: 20})
	var got []string
	for _, s := range lines[0].Segments {
		got = append(got, fmt.Sprintf("%d:%s", s.Style, uncapRTL(s.Text)))
	}
	// Visual: "KJ ghi (FED) CBA"; F is leftmost of FED, the bracket
	// after F in logical order is the mirrored "(" to its left, and the
	// space before g sits between "ghi" and "(".
	eq(t, "segments", got, []string{"0:KJ ", "6:g", "2:hi", "4: (", "5:F", "1:ED", "0:) CBA"})
	// Restyle with nothing clears all styles without new geometry.
	l := lines[0]
	l.Restyle(nil)
	if len(l.Segments) != 1 || uncapRTL(l.Segments[0].Text) != "KJ ghi (FED) CBA" {
		t.Errorf("restyled: %+v", l.Segments)
	}
}

// The lam-alef ligature shows the style of either letter.
func TestStyleLigature(t *testing.T) {
	in := "سلام"
	alef := strings.Index(in, "ا")
	lines := Block(0, in, []Span{{Start: alef, End: alef + 2, Style: 8}}, Options{Width: 10, Shape: true})
	var got []string
	for _, s := range lines[0].Segments {
		got = append(got, fmt.Sprintf("%d:%q", s.Style, s.Text))
	}
	eq(t, "ligature", got, []string{`0:"ﻡ"`, `8:"ﻼ"`, `0:"ﺳ"`})
}

// A Line built by hand (as a test of the reader might) can be restyled.
func TestRestyleHandMadeLine(t *testing.T) {
	l := Line{Start: 0, End: 4}
	l.SetClusters([]Cluster{{Text: "b", Start: 2, End: 4, Width: 1}, {Text: "a", Start: 0, End: 2, Width: 1}})
	l.Restyle([]Span{{Start: 0, End: 2, Style: 3}})
	if len(l.Segments) != 2 || l.Segments[0] != (Segment{"b", 0}) || l.Segments[1] != (Segment{"a", 3}) {
		t.Errorf("segments %+v", l.Segments)
	}
}

// TestShowControls: with ShowControls a paragraph that holds explicit
// bidi controls is shown as stored (logical order, unshaped), each
// control by its name, styled as a control, and its offsets stay those
// of the text; one without them, or with marks only, is laid out as
// always. The Trojan Source line of CVE-2021-42574: as resolved it reads
// "if (isAdmin) {" inside what looks like a comment; as stored, the
// "if" is inside the comment.
func TestShowControls(t *testing.T) {
	trojan := "/*\u202e } \u2066if (isAdmin)\u2069 \u2066 begin admins only */"
	opt := Options{Width: 80}
	resolved := Block(0, trojan, nil, opt)[0].String()
	// As resolved: the deceptive reading, the controls themselves not
	// sent (X9: their work is done; no terminal applies them again).
	if resolved != "/* begin admins only */ if (isAdmin) { " {
		t.Fatalf("without ShowControls: %q", resolved)
	}
	// In terminal mode the terminal reorders: the controls are sent.
	if got := Block(0, trojan, nil, Options{Width: 80, Bidi: Terminal})[0].String(); got != trojan {
		t.Errorf("terminal mode: %q, want the text as stored", got)
	}
	opt.ShowControls = true
	lines := Block(0, trojan, nil, opt)
	if got, want := lines[0].String(), "/*RLO } LRIif (isAdmin)PDI LRI begin admins only */"; got != want {
		t.Errorf("shown:\n got %q\nwant %q", got, want)
	}
	styled := ""
	for _, s := range lines[0].Segments {
		if s.Style&StyleControl != 0 {
			styled += s.Text + "|"
		}
	}
	if styled != "RLO|LRI|PDI|LRI|" {
		t.Errorf("segments styled as controls: %q", styled)
	}
	if lines[0].Start != 0 || lines[0].End != len(trojan) {
		t.Errorf("offsets [%d, %d), want [0, %d)", lines[0].Start, lines[0].End, len(trojan))
	}
	// Persian with an RLM only, and with nothing: unchanged.
	for _, s := range []string{"سلام\u200f دنیا", "سلام دنیا"} {
		if a, b := Block(0, s, nil, Options{Width: 80, Shape: true}), Block(0, s, nil, Options{Width: 80, Shape: true, ShowControls: true}); a[0].String() != b[0].String() {
			t.Errorf("%q changed with ShowControls: %q / %q", s, a[0].String(), b[0].String())
		}
	}
	// Persian with an embedding: stored order, left to right as stored
	// when the terminal does not reorder, and not shaped.
	s := "\u202bسلام\u202c"
	if got := Block(0, s, nil, Options{Width: 80, Shape: true, ShowControls: true})[0].String(); !strings.Contains(got, "RLEسلامPDF") {
		t.Errorf("%q shown as %q", s, got)
	}
}
