package bidi

import "testing"

// The generated direct tables hold what x/text's trie says.
func TestClassTables(t *testing.T) {
	for r := range rune(len(lowTable)) {
		if got, want := lowTable[r], lookupClass(r); got != want {
			t.Errorf("lowTable[U+%04X] = %d, x/text says %d", r, got, want)
		}
	}
	for i := range rune(len(punctTable)) {
		if got, want := punctTable[i], lookupClass(0x2000+i); got != want {
			t.Errorf("punctTable[U+%04X] = %d, x/text says %d", 0x2000+i, got, want)
		}
	}
}
