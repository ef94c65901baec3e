package bidi_test

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"

	"rtlview/bidi"
	"rtlview/bidi/internal/tablegen"
)

// tables.go must be what `go generate` makes from the committed UCD files.
func TestTablesUpToDate(t *testing.T) {
	want, err := tablegen.Generate("../testdata/ucd")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("tables.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("tables.go is stale: run go generate ./bidi/")
	}
	if !bytes.HasPrefix(got, []byte("// Code generated ")) || !bytes.Contains(got, []byte("DO NOT EDIT.")) {
		t.Error("tables.go lacks the generated-code header")
	}
}

// readUCD returns the semicolon-separated fields of the data lines of a
// UCD file, comments removed.
func readUCD(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open("../testdata/ucd/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		data, _, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(data) == "" {
			continue
		}
		fs := strings.Split(data, ";")
		for i := range fs {
			fs[i] = strings.TrimSpace(fs[i])
		}
		out = append(out, fs)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func hexRune(t *testing.T, s string) rune {
	t.Helper()
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		t.Fatal(err)
	}
	return rune(v)
}

// Mirror has every pair of BidiMirroring.txt, and nothing else.
func TestMirror(t *testing.T) {
	pairs := map[rune]rune{}
	for _, f := range readUCD(t, "BidiMirroring.txt") {
		pairs[hexRune(t, f[0])] = hexRune(t, f[1])
	}
	if len(pairs) < 400 {
		t.Fatalf("only %d pairs read", len(pairs))
	}
	for r := rune(0); r <= 0x10FFFF; r++ {
		m, ok := bidi.Mirror(r)
		want, has := pairs[r]
		if ok != has || (has && m != want) {
			t.Errorf("Mirror(%U) = %U, %v; want %U, %v", r, m, ok, want, has)
		}
	}
	for _, c := range [][2]rune{{'(', ')'}, {'«', '»'}, {'»', '«'}, {'<', '>'}, {'[', ']'}} {
		if m, _ := bidi.Mirror(c[0]); m != c[1] {
			t.Errorf("Mirror(%q) = %q, want %q", c[0], m, c[1])
		}
	}
}

// PairedBracket has every line of BidiBrackets.txt.
func TestPairedBracket(t *testing.T) {
	lines := readUCD(t, "BidiBrackets.txt")
	seen := map[rune]bool{}
	for _, f := range lines {
		r, want := hexRune(t, f[0]), hexRune(t, f[1])
		pair, open, ok := bidi.PairedBracket(r)
		if !ok || pair != want || open != (f[2] == "o") {
			t.Errorf("PairedBracket(%U) = %U, %v, %v; want %U, %v", r, pair, open, ok, want, f[2] == "o")
		}
		seen[r] = true
	}
	for r := rune(0); r < 0x10000; r++ {
		if _, _, ok := bidi.PairedBracket(r); ok != seen[r] {
			t.Errorf("PairedBracket(%U) ok = %v", r, ok)
		}
	}
}
