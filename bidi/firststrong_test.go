package bidi_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"rtlview/bidi"
)

func TestFirstStrongCases(t *testing.T) {
	for _, tc := range []struct {
		in    string
		dir   bidi.Direction
		found bool
	}{
		{"", bidi.LeftToRight, false},
		{"123 ...", bidi.LeftToRight, false},
		{"abc سلام", bidi.LeftToRight, true},
		{"۱۲۳ سلام abc", bidi.RightToLeft, true},
		{"(«سلام»)", bidi.RightToLeft, true},
		{"\u2067abc\u2069 سلام", bidi.RightToLeft, true},            // the isolate is skipped
		{"\u2066سلام\u2069\u2069 abc", bidi.LeftToRight, true},      // an unmatched PDI closes nothing
		{"\u2068سلام", bidi.LeftToRight, false},                     // no PDI: the isolate hides the rest
		{"\u2066\u2067x\u2069y\u2069 سلام", bidi.RightToLeft, true}, // nested isolates
		{"12\u2029abc", bidi.LeftToRight, false},                    // P2 stops at the paragraph's end
		{"\u202bابc", bidi.RightToLeft, true},                       // embeddings are not isolates
	} {
		t.Run(fmt.Sprintf("%+q", tc.in), func(t *testing.T) {
			dir, found := bidi.FirstStrong(tc.in)
			if dir != tc.dir || found != tc.found {
				t.Errorf("FirstStrong(%+q) = %v, %v; want %v, %v", tc.in, dir, found, tc.dir, tc.found)
			}
		})
	}
}

// FirstStrong agrees with the paragraph level that Unicode's own test file
// gives for its auto-direction lines, and with Resolve(text, Auto) for the
// text of every line of the file.
func TestFirstStrongAgainstBidiCharacterTest(t *testing.T) {
	sc := scanFile(t, bidiCharacterTestFile)
	n, auto := 0, 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, ";")
		if len(f) < 3 {
			t.Fatalf("bad line %q", line)
		}
		var b strings.Builder
		for _, h := range strings.Fields(f[0]) {
			r, err := strconv.ParseUint(h, 16, 32)
			if err != nil {
				t.Fatal(err)
			}
			b.WriteRune(rune(r))
		}
		dir, found := bidi.FirstStrong(b.String())
		want := f[2]
		got := "0"
		if found && dir == bidi.RightToLeft {
			got = "1"
		}
		if f[1] == "2" {
			if got != want {
				t.Fatalf("%s: FirstStrong = %v, %v; the file's paragraph level is %s", f[0], dir, found, want)
			}
			auto++
		}
		if lvl := bidi.Resolve([]rune(b.String()), bidi.Auto).BaseLevel(); strconv.Itoa(int(lvl)) != got {
			t.Fatalf("%s: FirstStrong = %v, %v; Resolve(Auto) gives level %d", f[0], dir, found, lvl)
		}
		n++
	}
	if auto < 20 || n < 90000 {
		t.Fatalf("only %d lines (%d auto) checked", n, auto)
	}
	t.Logf("FirstStrong: %d lines agree with Resolve, %d auto lines with the file", n, auto)
}
