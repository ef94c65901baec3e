package bidi_test

import (
	"bytes"
	"math/rand/v2"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	xbidi "golang.org/x/text/unicode/bidi"

	"rtlview/bidi"
	"rtlview/internal/testkit"
)

// fribidiPool mixes characters of all classes but B, NSM and the
// explicit formatting ones, with brackets (canonical equivalents too),
// numbers, ZWJ/ZWNJ/SHY and marks, for random paragraphs longer than those
// of BidiTest.txt. NSM and explicit formatting are left out because there
// the installed fribidi (1.0.8) departs from UAX #9: see
// TestWhereFribidiDiffers.
var fribidiPool = []rune("aZ \u05d0\u05d1\u0627\u0628 0129\u06f1\u0661\u0662+-#$%,.:/!\"()[]{}«»<>\u2329\u232a\u3008\u3009\t\u200d\u00ad\u200c\u200e\u200f")

// TestFribidi compares the levels (after L1) of random paragraphs with
// those of GNU FriBidi, an independent implementation that passes
// BidiCharacterTest.txt too, through its command line tool.
func TestFribidi(t *testing.T) {
	fb := testkit.RequireTool(t, "fribidi")
	rng := rand.New(rand.NewPCG(1, 2))
	var texts [][]rune
	var input bytes.Buffer
	for range 1500 {
		text := make([]rune, 1+rng.IntN(60))
		for i := range text {
			text[i] = fribidiPool[rng.IntN(len(fribidiPool))]
		}
		texts = append(texts, text)
		input.WriteString(string(text))
		input.WriteByte('\n')
	}
	for _, d := range []struct {
		flag string
		dir  bidi.Direction
	}{{"--wltr", bidi.Auto}, {"--ltr", bidi.LeftToRight}, {"--rtl", bidi.RightToLeft}} {
		t.Run(d.flag, func(t *testing.T) { compareFribidi(t, fb, d.flag, d.dir, texts, input.Bytes()) })
	}
}

// compareFribidi compares the levels of texts (input: one a line) with
// those fribidi gives with the direction flag.
func compareFribidi(t *testing.T, fb, flag string, dir bidi.Direction, texts [][]rune, input []byte) {
	cmd := exec.Command(fb, "--levels", "--novisual", "--nobreak", flag)
	cmd.Stdin = bytes.NewReader(input)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("fribidi %s: %v", flag, err)
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) != len(texts) {
		t.Fatalf("fribidi %s: %d lines for %d texts", flag, len(lines), len(texts))
	}
	bad := 0
	for n, text := range texts {
		want := strings.Fields(lines[n])
		got := bidi.Resolve(text, dir).LineLevels(0, len(text))
		if len(want) != len(text) {
			t.Fatalf("fribidi %s: %d levels for %d runes", flag, len(want), len(text))
		}
		for i, r := range text {
			if removed(r) {
				continue
			}
			if w, _ := strconv.Atoi(want[i]); int(got[i]) != w {
				bad++
				if bad <= 5 {
					t.Errorf("fribidi %s: %+q: levels %v, fribidi %v", flag, string(text), got, want)
				}
				break
			}
		}
	}
	t.Logf("fribidi %s: %d/%d paragraphs agree", flag, len(texts)-bad, len(texts))
}

// removed reports whether X9 removes r, which leaves its level open.
func removed(r rune) bool {
	p, _ := xbidi.LookupRune(r)
	switch p.Class() {
	case xbidi.BN, xbidi.LRE, xbidi.RLE, xbidi.LRO, xbidi.RLO, xbidi.PDF:
		return true
	}
	return false
}
