package bidi_test

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"rtlview/bidi"
	"rtlview/internal/testkit"
)

// The conformance files of UAX #9 section 4.2, Unicode 15.0.0, from
// Debian's unicode-data package, gzipped.
const (
	bidiTestFile          = "../testdata/ucd/BidiTest.txt.gz"
	bidiCharacterTestFile = "../testdata/ucd/BidiCharacterTest.txt.gz"
)

// classRune is a character of each Bidi_Class that is not a paired
// bracket, for the class sequences of BidiTest.txt.
var classRune = map[string]rune{
	"L": 'a', "R": 0x05D0, "AL": 0x0627, "EN": '0', "ES": '+', "ET": '#',
	"AN": 0x0660, "CS": ',', "NSM": 0x0300, "BN": 0x00AD, "B": 0x2029,
	"S": '\t', "WS": ' ', "ON": '!', "LRE": 0x202A, "RLE": 0x202B,
	"PDF": 0x202C, "LRO": 0x202D, "RLO": 0x202E, "LRI": 0x2066,
	"RLI": 0x2067, "FSI": 0x2068, "PDI": 0x2069,
}

// failures collects the first few failures of a conformance file.
type failures struct {
	lines []string
	total int
}

func (f *failures) add(format string, args ...any) {
	f.total++
	if len(f.lines) < 20 {
		f.lines = append(f.lines, fmt.Sprintf(format, args...))
	}
}

func (f *failures) report(t *testing.T, name string, cases int) {
	t.Helper()
	t.Logf("%s: %d/%d", name, cases-f.total, cases)
	if f.total > 0 {
		t.Errorf("%s: %d of %d cases fail; first ones:\n%s", name, f.total, cases, strings.Join(f.lines, "\n"))
	}
}

// scanFile reads a conformance file line by line.
func scanFile(t *testing.T, path string) *bufio.Scanner {
	t.Helper()
	sc := bufio.NewScanner(bytes.NewReader(testkit.ReadMaybeGzip(t, path)))
	sc.Buffer(nil, 1<<20)
	return sc
}

// parseLevels reads "1 x 2": -1 stands for x (removed by X9).
func parseLevels(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Fields(s) {
		if f == "x" {
			out = append(out, -1)
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// check compares a paragraph, laid out as one line, with the expected
// levels (-1 for don't care) and visual order (removed characters left
// out). It returns a description of the difference, or "".
func check(p *bidi.Paragraph, n int, wantLevels, wantOrder []int) string {
	got := p.LineLevels(0, n)
	for i, w := range wantLevels {
		if w >= 0 && int(got[i]) != w {
			return fmt.Sprintf("levels %v, want %v", got, wantLevels)
		}
	}
	vis := p.Visual(0, n)
	var order []int
	for _, i := range vis {
		if wantLevels[i] >= 0 {
			order = append(order, i)
		}
	}
	if !slices.Equal(order, wantOrder) {
		return fmt.Sprintf("order %v, want %v (levels %v)", order, wantOrder, got)
	}
	return ""
}

// fresh compares p, reset with text and dir, with a new Paragraph from
// Resolve, whose buffers are allocated otherwise. It returns a
// description of the difference, or "".
func fresh(p *bidi.Paragraph, text []rune, dir bidi.Direction) string {
	q := bidi.Resolve(text, dir)
	if !slices.Equal(q.Levels(), p.Levels()) || q.BaseLevel() != p.BaseLevel() {
		return fmt.Sprintf("Resolve gives levels %v base %d, Reset %v base %d", q.Levels(), q.BaseLevel(), p.Levels(), p.BaseLevel())
	}
	return ""
}

// bothPaths runs a conformance test through the public API as it is, and
// again with the shortcuts taken on what a text lacks turned off, so that
// the general path is checked on every case too.
func bothPaths(t *testing.T, run func(t *testing.T)) {
	t.Run("shortcuts", run)
	t.Run("general", func(t *testing.T) { bidi.GeneralOnly(func() { run(t) }) })
}

func TestBidiTest(t *testing.T) { bothPaths(t, bidiTest) }

func TestBidiCharacterTest(t *testing.T) { bothPaths(t, bidiCharacterTest) }

func bidiTest(t *testing.T) {
	sc := scanFile(t, bidiTestFile)
	var levels, order []int
	var fail failures
	cases := 0
	var p bidi.Paragraph
	var text []rune
	for ln := 1; sc.Scan(); ln++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		var err error
		switch {
		case strings.HasPrefix(line, "@Levels:"):
			levels, err = parseLevels(strings.TrimPrefix(line, "@Levels:"))
		case strings.HasPrefix(line, "@Reorder:"):
			order, err = parseLevels(strings.TrimPrefix(line, "@Reorder:"))
		case line[0] == '@':
			// Ignored, as the file asks.
		default:
			input, bitset, ok := strings.Cut(line, ";")
			if !ok {
				t.Fatalf("BidiTest.txt:%d: no bitset: %q", ln, line)
			}
			bits, err := strconv.ParseUint(strings.TrimSpace(bitset), 16, 8)
			if err != nil {
				t.Fatalf("BidiTest.txt:%d: %v", ln, err)
			}
			text = text[:0]
			for _, c := range strings.Fields(input) {
				r, ok := classRune[c]
				if !ok {
					t.Fatalf("BidiTest.txt:%d: unknown class %q", ln, c)
				}
				text = append(text, r)
			}
			if len(levels) != len(text) {
				t.Fatalf("BidiTest.txt:%d: %d levels for %d classes", ln, len(levels), len(text))
			}
			for _, d := range []struct {
				bit uint64
				dir bidi.Direction
			}{{1, bidi.Auto}, {2, bidi.LeftToRight}, {4, bidi.RightToLeft}} {
				if bits&d.bit == 0 {
					continue
				}
				cases++
				p.Reset(text, d.dir)
				if msg := check(&p, len(text), levels, order); msg != "" {
					fail.add("BidiTest.txt:%d: %s, paragraph %d: %s", ln, input, d.bit, msg)
				} else if msg := fresh(&p, text, d.dir); msg != "" {
					fail.add("BidiTest.txt:%d: %s, paragraph %d: %s", ln, input, d.bit, msg)
				}
			}
		}
		if err != nil {
			t.Fatalf("BidiTest.txt:%d: %v", ln, err)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if cases < 250000 {
		t.Errorf("only %d cases read from BidiTest.txt", cases)
	}
	fail.report(t, "BidiTest", cases)
}

func bidiCharacterTest(t *testing.T) {
	sc := scanFile(t, bidiCharacterTestFile)
	var fail failures
	cases := 0
	var p bidi.Paragraph
	var text []rune
	for ln := 1; sc.Scan(); ln++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, ";")
		if len(f) != 5 {
			t.Fatalf("BidiCharacterTest.txt:%d: %d fields", ln, len(f))
		}
		text = text[:0]
		for _, h := range strings.Fields(f[0]) {
			r, err := strconv.ParseUint(h, 16, 32)
			if err != nil {
				t.Fatalf("BidiCharacterTest.txt:%d: %v", ln, err)
			}
			text = append(text, rune(r))
		}
		dir := map[string]bidi.Direction{"0": bidi.LeftToRight, "1": bidi.RightToLeft, "2": bidi.Auto}[f[1]]
		levels, err1 := parseLevels(f[3])
		order, err2 := parseLevels(f[4])
		base, err3 := strconv.Atoi(f[2])
		if err := cmpErr(err1, err2, err3); err != nil || len(levels) != len(text) {
			t.Fatalf("BidiCharacterTest.txt:%d: bad line (%v)", ln, err)
		}
		cases++
		p.Reset(text, dir)
		if int(p.BaseLevel()) != base {
			fail.add("BidiCharacterTest.txt:%d: %s: base level %d, want %d", ln, f[0], p.BaseLevel(), base)
			continue
		}
		if msg := check(&p, len(text), levels, order); msg != "" {
			fail.add("BidiCharacterTest.txt:%d: %s dir %s: %s", ln, f[0], f[1], msg)
		} else if msg := fresh(&p, text, dir); msg != "" {
			fail.add("BidiCharacterTest.txt:%d: %s dir %s: %s", ln, f[0], f[1], msg)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if cases != 91707 {
		t.Errorf("read %d cases from BidiCharacterTest.txt, want 91707", cases)
	}
	fail.report(t, "BidiCharacterTest", cases)
}

func cmpErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
