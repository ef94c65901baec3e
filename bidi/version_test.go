package bidi_test

import (
	"testing"

	xbidi "golang.org/x/text/unicode/bidi"

	"rtlview/bidi"
)

// The class data comes from x/text and the mirroring and bracket tables
// from our UCD files: all three must be of the version we implement.
func TestUnicodeVersion(t *testing.T) {
	if bidi.UnicodeVersion != xbidi.UnicodeVersion {
		t.Errorf("UnicodeVersion = %q, x/text's bidi.UnicodeVersion = %q", bidi.UnicodeVersion, xbidi.UnicodeVersion)
	}
	if bidi.TablesVersion != bidi.UnicodeVersion {
		t.Errorf("generated tables are Unicode %q, want %q", bidi.TablesVersion, bidi.UnicodeVersion)
	}
}
