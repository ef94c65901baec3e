package content

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

// spanString writes spans with their text, for readable expectations:
// "Style 1;31 «red»", "Strong «NAME»", "Control «␛»".
func spanString(text string, spans []Span) []string {
	out := []string{}
	for _, s := range spans {
		name := [...]string{Emphasis: "Emphasis", Strong: "Strong", Strike: "Strike", Underline: "Underline", Style: "Style", Control: "Control"}[s.Kind]
		if s.Arg != "" {
			name += " " + s.Arg
		}
		out = append(out, fmt.Sprintf("%s «%s»", name, text[s.Start:s.End]))
	}
	return out
}

func TestTerminalSGR(t *testing.T) {
	tests := []struct {
		name, in, text string
		spans          []string
	}{
		{"bold red then reset", "\x1b[1;31mred\x1b[0m plain", "red plain", []string{"Style 1;31 «red»"}},
		{"order and leading zeros normalised", "\x1b[31;01mx", "x", []string{"Style 1;31 «x»"}},
		{"empty reset", "\x1b[1mx\x1b[my", "xy", []string{"Style 1 «x»"}},
		{"empty parameter is 0", "\x1b[31m\x1b[;1mx", "x", []string{"Style 1 «x»"}},
		{"256 colours then underline", "\x1b[38;5;208ma\x1b[4mb\x1b[24mc\x1b[39md", "abcd",
			[]string{"Style 38;5;208 «a»", "Style 4;38;5;208 «b»", "Style 38;5;208 «c»"}},
		{"true colour fg and 256 bg", "\x1b[38;2;1;2;3;48;5;17mx", "x", []string{"Style 38;2;1;2;3;48;5;17 «x»"}},
		{"colon forms", "\x1b[38:5:208ma\x1b[38:2::255:0:10mb\x1b[48:2:1:2:3mc", "abc",
			[]string{"Style 38;5;208 «a»", "Style 38;2;255;0;10 «b»", "Style 38;2;255;0;10;48;2;1;2;3 «c»"}},
		{"curly underline 4:3 and off 4:0", "\x1b[4:3ma\x1b[4:0mb", "ab", []string{"Style 4 «a»"}},
		{"bright colours", "\x1b[91;104mx\x1b[49my", "xy", []string{"Style 91;104 «x»", "Style 91 «y»"}},
		{"attributes and their resets", "\x1b[2;3;7;9ma\x1b[22mb\x1b[23mc\x1b[27md\x1b[29me", "abcde",
			[]string{"Style 2;3;7;9 «a»", "Style 3;7;9 «b»", "Style 7;9 «c»", "Style 9 «d»"}},
		{"22 ends bold and faint", "\x1b[1;2mx\x1b[22my", "xy", []string{"Style 1;2 «x»"}},
		{"blink, conceal, fonts ignored", "\x1b[5;6;8;11mx", "x", nil},
		{"double underline is underline", "\x1b[21mx", "x", []string{"Style 4 «x»"}},
		{"underline colour accepted, not kept", "\x1b[4;58;5;9;58:2::1:2:3mx\x1b[59m", "x", []string{"Style 4 «x»"}},
		{"equal states make one span", "\x1b[31ma\x1b[31mb\x1b[0;31mc", "abc", []string{"Style 31 «abc»"}},
		{"left and taken again with text between", "\x1b[31ma\x1b[mb\x1b[31mc", "abc", []string{"Style 31 «a»", "Style 31 «c»"}},
		{"a state with no text makes no span", "\x1b[1m\x1b[0mx", "x", nil},
		{"tab stops count the text, not the sequences", "ab\x1b[1m\tc", "ab      c", []string{"Style 1 «      c»"}},
		{"controls inside colour", "\x1b[32mok\x07\x1b[m", "ok␇", []string{"Style 32 «ok␇»", "Control «␇»"}},
		{"persian in colour", "\x1b[32m+\x1b[m\x1b[32mسلام دنیا\x1b[m", "+سلام دنیا", []string{"Style 32 «+سلام دنیا»"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var term Terminal
			text, spans, n := term.Line(tc.in)
			got := spanString(text, spans)
			if text != tc.text || !slices.Equal(got, orEmpty(tc.spans)) || n != 0 {
				t.Errorf("Line(%+q) = %+q %q %d, want %+q %q", tc.in, text, got, n, tc.text, tc.spans)
			}
			checkSpans(t, text, spans)
		})
	}
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func TestTerminalStateCarriesOver(t *testing.T) {
	var term Terminal
	lines := []string{"\x1b[33mcommit abc", "Author: x", "", "\x1b[1mbold\x1b[m", "plain"}
	want := [][]string{{"Style 33 «commit abc»"}, {"Style 33 «Author: x»"}, {}, {"Style 1;33 «bold»"}, {}}
	for i, l := range lines {
		text, spans, _ := term.Line(l)
		if got := spanString(text, spans); !slices.Equal(got, want[i]) {
			t.Errorf("line %d %+q: %q, want %q", i, l, got, want[i])
		}
	}
	term.Line("\x1b[7m")
	term.Reset()
	if _, spans, _ := term.Line("x"); spans != nil {
		t.Errorf("after Reset: %v", spans)
	}
}

// Malformed SGR and every other sequence: the ESC is a placeholder, the
// rest is text, the state is unchanged.
func TestTerminalDefused(t *testing.T) {
	tests := []struct{ name, in, text string }{
		{"osc 52 clipboard", "\x1b]52;c;aGk=\x07", "␛]52;c;aGk=␇"},
		{"osc 8 hyperlink", "\x1b]8;;http://x\x1b\\a\x1b]8;;\x1b\\", "␛]8;;http://x␛\\a␛]8;;␛\\"},
		{"clear screen", "x\x1b[2J", "x␛[2J"},
		{"cursor position", "\x1b[1;1H", "␛[1;1H"},
		{"lone esc", "a\x1bb", "a␛b"},
		{"esc at the end", "a\x1b", "a␛"},
		{"esc [ at the end", "a\x1b[", "a␛["},
		{"unterminated", "\x1b[31", "␛[31"},
		{"8-bit CSI", "\u009b31mx", "\uFFFD31mx"},
		{"DCS, APC, PM, SOS", "\x1bPq\x1b\\\x1b_a\x1b\\\x1b^b\x1b\\\x1bXc\x1b\\", "␛Pq␛\\␛_a␛\\␛^b␛\\␛Xc␛\\"},
		{"33 parameters", "\x1b[" + strings.Repeat("1;", 32) + "1m", "␛[" + strings.Repeat("1;", 32) + "1m"},
		{"parameter over 65535", "\x1b[65536m", "␛[65536m"},
		{"private parameter", "\x1b[?25m", "␛[?25m"},
		{"xterm modifyOtherKeys is not SGR", "\x1b[>4;1m", "␛[>4;1m"},
		{"intermediate byte", "\x1b[1 m", "␛[1 m"},
		{"incomplete 256 colour", "\x1b[38;5m", "␛[38;5m"},
		{"colour index over 255", "\x1b[38;5;256m", "␛[38;5;256m"},
		{"incomplete true colour", "\x1b[38;2;1;2m", "␛[38;2;1;2m"},
		{"true colour over 255", "\x1b[48;2;1;2;300m", "␛[48;2;1;2;300m"},
		{"unknown colour mode", "\x1b[38;3;1m", "␛[38;3;1m"},
		{"sub-parameters on a plain attribute", "\x1b[1:2m", "␛[1:2m"},
		{"colon colour with tolerance", "\x1b[38:2:0:1:2:3:4m", "␛[38:2:0:1:2:3:4m"},
		{"overlong digits", "\x1b[" + strings.Repeat("0", 300) + "1m", "␛[" + strings.Repeat("0", 300) + "1m"},
		{"del and nul", "a\x7f\x00", "a␡␀"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var term Terminal
			text, spans, _ := term.Line(tc.in)
			if text != tc.text {
				t.Errorf("Line(%+q) = %+q, want %+q", tc.in, text, tc.text)
			}
			for _, s := range spans {
				if s.Kind != Control {
					t.Errorf("span %v %q: only placeholders expected", s, text[s.Start:s.End])
				}
			}
			if term.cur != (sgrState{}) {
				t.Errorf("state changed: %+v", term.cur)
			}
			checkSpans(t, text, spans)
			// Same text and placeholders as Defuse, which knows no SGR.
			want, ctl, _ := Defuse(tc.in)
			if text != want || len(ctl) != len(spans) {
				t.Errorf("Defuse gives %+q %v, Line %+q %v", want, ctl, text, spans)
			}
		})
	}
}

func TestTerminalInvalidUTF8(t *testing.T) {
	var term Terminal
	text, _, n := term.Line("\x1b[1ma\xffb\xe2\x82\x1b[m")
	if text != "a\uFFFDb\uFFFD\uFFFD" || n != 3 {
		t.Errorf("got %+q %d", text, n)
	}
}

func TestTerminalOverstrike(t *testing.T) {
	tests := []struct {
		name, in, text string
		spans          []string
	}{
		{"bold", "N\bNA\bAM\bME\bE", "NAME", []string{"Strong «NAME»"}},
		{"underline", "_\bf_\bi_\bl_\be", "file", []string{"Underline «file»"}},
		{"struck three times", "x\bx\bx", "x", []string{"Strong «x»"}},
		{"underscore after", "x\b_", "x", []string{"Underline «x»"}},
		{"bold and underlined", "_\bx\bx", "x", []string{"Strong «x»", "Underline «x»"}},
		{"bullet keeps the last character", "+\bo item", "o item", nil},
		{"spaces break runs", "l\bls\bs -\b-l\bl", "ls -l", []string{"Strong «ls»", "Strong «-l»"}},
		{"underscore in italic is underlined", "_\bf_\b__\bn", "f_n", []string{"Underline «f_n»"}},
		{"underscore in bold is bold", "o\bo_\b_b\bb", "o_b", []string{"Strong «o_b»"}},
		{"leading underscore takes the next", "_\b__\b_b\bb", "__b", []string{"Strong «__b»"}},
		{"leading underscore takes the next underline", "_\b__\bx", "_x", []string{"Underline «_x»"}},
		{"lone overstruck underscore is bold", "a _\b_ b", "a _ b", []string{"Strong «_»"}},
		{"persian bold", "س\bسل\bلا\bام\bم", "سلام", []string{"Strong «سلام»"}},
		{"wide underlined", "_\b日_\b本", "日本", []string{"Underline «日本»"}},
		{"two backspaces", "日\b\b日", "日", []string{"Strong «日»"}},
		{"backspace at the start", "\bx", "␈x", []string{"Control «␈»"}},
		{"backspace at the end", "x\b", "x␈", []string{"Control «␈»"}},
		{"backspace after a cluster", "x\bx\b", "x␈", []string{"Strong «x»", "Control «␈»"}},
		{"backspace before a control", "x\b\x01", "x␈␁", []string{"Control «␈»", "Control «␁»"}},
		{"backspace after a tab", "\t\bx", "        ␈x", []string{"Control «␈»"}},
		{"colour and bold overstrike", "\x1b[31mb\bb\x1b[m", "b", []string{"Style 31 «b»", "Strong «b»"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var term Terminal
			text, spans, _ := term.Line(tc.in)
			got := spanString(text, spans)
			if text != tc.text || !slices.Equal(got, orEmpty(tc.spans)) {
				t.Errorf("Line(%+q) = %+q %q, want %+q %q", tc.in, text, got, tc.text, tc.spans)
			}
			checkSpans(t, text, spans)
		})
	}
}

// checkSpans checks what every front-end promises of its spans: within
// Text, on rune boundaries, in order of Start, non-empty, and Control
// spans exactly over one placeholder.
func checkSpans(t *testing.T, text string, spans []Span) {
	t.Helper()
	for i, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			t.Fatalf("span %v out of %+q", s, text)
		}
		if !utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End]) {
			t.Fatalf("span %v of %+q splits a character", s, text)
		}
		if i > 0 && spans[i-1].Start > s.Start {
			t.Fatalf("spans out of order: %v", spans)
		}
		if s.Kind == Control {
			r, n := utf8.DecodeRuneInString(text[s.Start:])
			if n != s.End-s.Start || !(r >= 0x2400 && r <= 0x2421 || r == utf8.RuneError) {
				t.Fatalf("control span %v of %+q holds %+q", s, text, text[s.Start:s.End])
			}
		}
	}
}

func readPager(t *testing.T, name string) []Block {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "pager", name))
	if err != nil {
		t.Fatal(err)
	}
	blocks, n := ParseTerminal(string(b))
	if n != 0 {
		t.Errorf("%s: %d replaced", name, n)
	}
	for _, blk := range blocks {
		checkSafe(t, blk.Text)
		checkSpans(t, blk.Text, blk.Spans)
		if len(blk.Controls()) != 0 || strings.ContainsAny(blk.Text, "␛␈") {
			t.Errorf("%s: placeholder left in %+q", name, blk.Text)
		}
	}
	return blocks
}

// marked returns the spans of kind k (and Arg, for Style) that cover
// each occurrence of sub in the block texts: the pieces of the text they
// cover, so that "Strong" over "NAME" is ["NAME"].
func marked(blocks []Block, line int, sub string, k SpanKind) (arg string, covered bool) {
	b := blocks[line]
	i := strings.Index(b.Text, sub)
	if i < 0 {
		return "", false
	}
	for _, s := range b.Spans {
		if s.Kind == k && s.Start <= i && i+len(sub) <= s.End {
			return s.Arg, true
		}
	}
	return "", false
}

// lineWith is the index of the first block whose text holds sub.
func lineWith(t *testing.T, blocks []Block, sub string) int {
	t.Helper()
	for i, b := range blocks {
		if strings.Contains(b.Text, sub) {
			return i
		}
	}
	t.Fatalf("no line holds %q", sub)
	return -1
}

type spanMark struct {
	line string // a substring that finds the line
	sub  string // the characters marked
	kind SpanKind
	arg  string
}

func checkMarks(t *testing.T, blocks []Block, marks []spanMark) {
	t.Helper()
	for _, m := range marks {
		i := lineWith(t, blocks, m.line)
		arg, ok := marked(blocks, i, m.sub, m.kind)
		if !ok || arg != m.arg {
			t.Errorf("line %d %q: %q not marked %d %q (got %q %v); spans %q", i, blocks[i].Text, m.sub, m.kind, m.arg, arg, ok, spanString(blocks[i].Text, blocks[i].Spans))
		}
	}
}

func TestTerminalGitLogGraph(t *testing.T) {
	blocks := readPager(t, "git-log-graph.ansi")
	if len(blocks) != 49 {
		t.Errorf("%d lines, want 49", len(blocks))
	}
	if got := blocks[0].Text; got != "*   8c3ddb4 Merge f57436214f75a8065c9251be1c6816848ca5a6e6 into 1ce632ece8a2af0646195a0531f5e8f39b161f72" {
		t.Errorf("first line %q", got)
	}
	checkMarks(t, blocks, []spanMark{
		{"8c3ddb4", "8c3ddb4", Style, "33"},
		{"1ce632e (HEAD", "1ce632e", Style, "33"},
		{"1ce632e (HEAD", "HEAD -> ", Style, "1;36"},
		{"1ce632e (HEAD", "master", Style, "1;32"},
		{"(hafez_correction)", "hafez_correction", Style, "1;32"},
		{"(tag: 0.0.3)", "tag: 0.0.3", Style, "1;33"},
	})
	// The graph's first column is red on the second line: "|\".
	if arg, ok := marked(blocks, 1, "|", Style); !ok || arg != "31" {
		t.Errorf("graph: %q %v", arg, ok)
	}
	if arg, ok := marked(blocks, 1, "\\", Style); !ok || arg != "32" {
		t.Errorf("graph: %q %v", arg, ok)
	}
	// The subject is not coloured.
	i := lineWith(t, blocks, "Update .travis.yml")
	if _, ok := marked(blocks, i, "Update", Style); ok {
		t.Errorf("subject coloured: %q", spanString(blocks[i].Text, blocks[i].Spans))
	}
}

func TestTerminalGitShowPersian(t *testing.T) {
	blocks := readPager(t, "git-show-hafez.ansi")
	checkMarks(t, blocks, []spanMark{
		{"commit 802cdbf", "commit 802cdbf2ac57b7b625bec2f707228a254f7e2fd3", Style, "33"},
		{"diff --git", "diff --git a/data/hafez", Style, "1"},
		{"@@ -69,532", "@@ -69,532 +69,532 @@", Style, "36"},
		// A removed and an added line of Hafez: the whole line red, green.
		{"-                            <seg n=\"1\">الا یا ایها الساقی", "الا یا ایها الساقی", Style, "31"},
		{"+                            <seg n=\"1\">الا یا ایها الساقی", "الا یا ایها الساقی", Style, "32"},
		{"+                            <seg n=\"1\">الا یا ایها الساقی", "+", Style, "32"},
	})
	i := lineWith(t, blocks, "Author: sonofmun")
	if len(blocks[i].Spans) != 0 {
		t.Errorf("author line has spans %v", blocks[i].Spans)
	}
}

func TestTerminalManOverstrike(t *testing.T) {
	blocks := readPager(t, "man-xz.overstrike")
	checkMarks(t, blocks, []spanMark{
		{"NAME", "NAME", Strong, ""},
		{"SYNOPSIS", "SYNOPSIS", Strong, ""},
		{"xz [option...]", "xz", Strong, ""},
		{"xz [option...]", "option...", Underline, ""},
		{"xz [option...]", "file...", Underline, ""},
		{"unxz is equivalent", "--decompress", Strong, ""},
		{"COMMAND ALIASES", "COMMAND", Strong, ""},
	})
	// The overstruck and the SGR renderings of the same page agree on
	// the text of their first lines.
	sgr := readPager(t, "man-xz.sgr")
	for _, s := range []string{"NAME", "       xz [option...]  [file...]", "COMMAND ALIASES"} {
		a, b := lineWith(t, blocks, s), lineWith(t, sgr, s)
		if blocks[a].Text != sgr[b].Text {
			t.Errorf("%q ≠ %q", blocks[a].Text, sgr[b].Text)
		}
	}
	checkMarks(t, sgr, []spanMark{
		{"NAME", "NAME", Style, "1"},
		{"xz [option...]", "xz ", Style, "1"},
		{"xz [option...]", "option...", Style, "4"},
		{"unxz is equivalent", "xz --decompress", Style, "1"},
	})
	i := lineWith(t, sgr, "xz [option...]")
	if _, ok := marked(sgr, i, "[", Style); ok {
		t.Errorf("'[' styled: %q", spanString(sgr[i].Text, sgr[i].Spans))
	}
}

func TestTerminalManPersian(t *testing.T) {
	blocks := readPager(t, "rtlview-fa.overstrike")
	checkMarks(t, blocks, []spanMark{
		{"rtlview - خواننده", "خواننده", Strong, ""},
		{"[--width N]", "--width", Strong, ""},
		{"[--width N]", "N", Underline, ""},
		{"[file_name]", "file_name", Underline, ""},
		{"فارسی  را", "فارسی", Underline, ""},
		{"--plain_mode", "--plain_mode", Strong, ""},
		{"تنها: _.", "_", Strong, ""}, // \fB_\fR alone: bold
		{"bold_italic", "bold_italic", Underline, ""},
	})
	i := lineWith(t, blocks, "[file_name]")
	if _, ok := marked(blocks, i, "file_name", Strong); ok {
		t.Errorf("italic underscore made bold: %q", spanString(blocks[i].Text, blocks[i].Spans))
	}
}

// Hostile sequences inside real coloured output stay placeholders and do
// not disturb the colours around them.
func TestTerminalMixedHostile(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "pager", "git-log-graph.ansi"))
	if err != nil {
		t.Fatal(err)
	}
	hostile := "\x1b]52;c;aGk=\x07 \x1b[2J \x1b \u009b31m"
	in := strings.Replace(string(b), "Update .travis.yml", "Update "+hostile+" .travis.yml", 1)
	blocks, _ := ParseTerminal(in)
	i := lineWith(t, blocks, "Update ")
	want := "Update ␛]52;c;aGk=␇ ␛[2J ␛ \uFFFD31m .travis.yml"
	if !strings.Contains(blocks[i].Text, want) {
		t.Fatalf("got %q", blocks[i].Text)
	}
	if n := len(blocks[i].Controls()); n != 5 {
		t.Errorf("%d placeholders, want 5: %q", n, spanString(blocks[i].Text, blocks[i].Spans))
	}
	checkMarks(t, blocks, []spanMark{{"Update ␛", "HEAD -> ", Style, "1;36"}})
	for _, s := range blocks[i].Spans {
		if s.Kind == Style && s.End > strings.Index(blocks[i].Text, "Update") {
			t.Errorf("hostile text styled: %v", s)
		}
	}
}

func TestParseTerminalLines(t *testing.T) {
	blocks, n := ParseTerminal("\uFEFF\x1b[31ma\r\nb\rc\n\n\x1b[mplain\n")
	var got []string
	for _, b := range blocks {
		got = append(got, fmt.Sprintf("%s%q", b.Text, spanString(b.Text, b.Spans)))
	}
	want := []string{`a["Style 31 «a»"]`, `b["Style 31 «b»"]`, `c["Style 31 «c»"]`, `[]`, `plain[]`}
	if !slices.Equal(got, want) || n != 0 {
		t.Errorf("got %q, want %q", got, want)
	}
	if b, _ := ParseTerminal(""); b != nil {
		t.Errorf("empty input: %v", b)
	}
	for _, b := range blocks {
		if b.Kind != Paragraph || b.Dir != Auto {
			t.Errorf("block %+v", b)
		}
	}
	// A clean line is a substring of the input, not a copy.
	in := "\x1b[1mx\x1b[m\nplain line"
	blocks, _ = ParseTerminal(in)
	if !sameMemory(blocks[1].Text, in[len(in)-len("plain line"):]) {
		t.Errorf("clean line copied")
	}
}

func sameMemory(a, b string) bool {
	return len(a) == len(b) && unsafe.StringData(a) == unsafe.StringData(b)
}

func TestSniffTerminal(t *testing.T) {
	for _, name := range []string{"git-log-graph.ansi", "git-show-hafez.ansi", "man-xz.overstrike", "man-xz.sgr", "rtlview-fa.overstrike"} {
		b, err := os.ReadFile(filepath.Join("testdata", "pager", name))
		if err != nil {
			t.Fatal(err)
		}
		if !SniffTerminal(string(b[:min(len(b), 1024)])) {
			t.Errorf("%s not sniffed as pager output", name)
		}
	}
	for _, s := range []string{
		"", "plain text\nسلام", string(article()), "x\x1b[2J", "\x1b]52;c;aGk=\x07", "+\bo", "\bx", "\x1b[38;5;999m",
		"1\n00:00:01,000 --> 00:00:02,000\nسلام\n",
	} {
		if SniffTerminal(s) {
			t.Errorf("%+q sniffed as pager output", s[:min(len(s), 40)])
		}
	}
	for _, s := range []string{"\x1b[m", "a\x1b[1;31mb", "N\bN", "_\bx", "_\b_", "س\bس"} {
		if !SniffTerminal(s) {
			t.Errorf("%+q not sniffed", s)
		}
	}
}

func FuzzTerminal(f *testing.F) {
	for _, s := range []string{
		"", "\x1b[1;31mred\x1b[0m", "N\bN_\bx+\bo_\b_", "\x1b]52;c;aGk=\x07\x1b[2J\x1b\u009b31m",
		"\x1b[38:2::1:2:3;48;5;9m\tx\x1b[m", "a\tb\x1b[1m\tc\xff", "\x1b[" + strings.Repeat("1;", 40) + "m",
		"س\bسل\bل\n\x1b[4mx\ry", "\x1b[38;5m\x1b[65536m\x1b[?1m",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		blocks, _ := ParseTerminal(in)
		for _, b := range blocks {
			checkSafe(t, b.Text) // no C0 (TAB expanded), no ESC, no DEL, no C1
			checkSpans(t, b.Text, b.Spans)
		}
		// Without markup, a line is read as Defuse reads it.
		if !strings.ContainsAny(in, "\x1b\b\r\n") {
			var term Terminal
			text, spans, n := term.Line(in)
			want, ctl, m := Defuse(in)
			if text != want || n != m || len(spans) != len(ctl) {
				t.Fatalf("Line(%+q) = %+q %v, Defuse %+q %v", in, text, spans, want, ctl)
			}
		}
		// Placeholders are exactly the Control spans, when the input
		// holds no picture or U+FFFD of its own.
		if utf8.ValidString(in) && !strings.ContainsFunc(in, func(r rune) bool { return r >= 0x2400 && r <= 0x2421 || r == utf8.RuneError }) {
			for _, b := range blocks {
				ctl := b.Controls()
				k := 0
				for i, r := range b.Text {
					if r >= 0x2400 && r <= 0x2421 || r == utf8.RuneError {
						if k >= len(ctl) || ctl[k].Start != i {
							t.Fatalf("placeholder at %d of %+q without its Control span %v", i, b.Text, ctl)
						}
						k++
					}
				}
				if k != len(ctl) {
					t.Fatalf("%+q: %d Control spans for %d placeholders", b.Text, len(ctl), k)
				}
			}
		}
	})
}

func BenchmarkParseTerminal(b *testing.B) {
	for _, name := range []string{"git-show-hafez.ansi", "man-xz.overstrike"} {
		in, err := os.ReadFile(filepath.Join("testdata", "pager", name))
		if err != nil {
			b.Fatal(err)
		}
		text := strings.Repeat(string(in), 1<<20/len(in)) // about 1 MB
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				ParseTerminal(text)
			}
		})
	}
}
