package shape

import (
	"testing"

	"github.com/rivo/uniseg"
)

// Every glyph Forms can produce is one terminal cell wide, like the letter
// it replaces, by the widths the layout uses (rivo/uniseg): shaping never
// changes the geometry of a line. The lam-alef ligature takes one cell for
// two letters; the absorbed alef takes none.
func TestFormsOneCellWide(t *testing.T) {
	for r := rune(lettersLo); r <= lettersHi; r++ {
		l := lookup(r)
		for _, f := range append(l.forms[:], l.lamAlef[:]...) {
			if f == 0 {
				continue
			}
			if w := uniseg.StringWidth(string(rune(f))); w != 1 {
				t.Errorf("form %U of %U is %d cells wide; want 1", f, r, w)
			}
			if w := uniseg.StringWidth(string(r)); w != 1 {
				t.Errorf("%U is %d cells wide; want 1", r, w)
			}
		}
	}
}
