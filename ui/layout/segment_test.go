package layout

import (
	"compress/gzip"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

type stepUnit struct{ end, width, brk int }

// viaStep is the one-pass reference: uniseg.StepString's clusters, widths
// and line breaks.
func viaStep(text string) []stepUnit {
	var out []stepUnit
	rest, state, end := text, -1, 0
	for len(rest) > 0 {
		var c string
		var b int
		c, rest, b, state = uniseg.StepString(rest, state)
		end += len(c)
		out = append(out, stepUnit{end, b >> uniseg.ShiftWidth, b & uniseg.MaskLine})
	}
	return out
}

// viaPasses is what segment does: clusters, then line breaks looked up.
func viaPasses(text string) []stepUnit {
	var out []stepUnit
	breaks := lineBreaks(nil, text)
	rest, state, end, bi := text, -1, 0, 0
	for len(rest) > 0 {
		var c string
		var w int
		c, rest, w, state = uniseg.FirstGraphemeClusterInString(rest, state)
		end += len(c)
		out = append(out, stepUnit{end, w, int(breakAt(breaks, &bi, end))})
	}
	return out
}

func sameUnits(t *testing.T, what, text string) {
	t.Helper()
	a, b := viaStep(text), viaPasses(text)
	if len(a) != len(b) {
		t.Fatalf("%s: %d clusters by Step, %d by two passes", what, len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("%s: cluster %d ending at byte %d: Step %+v, two passes %+v; text %+q",
				what, i, a[i].end, a[i], b[i], text[max(0, a[i].end-12):min(len(text), a[i].end+12)])
		}
	}
}

// TestSegmentMatchesStep: segment's two passes (grapheme clusters, then
// line breaks) give exactly the clusters, widths and break opportunities
// of uniseg.StepString, the one-pass general algorithm, on the article,
// the adversarial corpus and random text from a hostile alphabet.
func TestSegmentMatchesStep(t *testing.T) {
	for i, p := range articleParagraphs(t) {
		sameUnits(t, "article paragraph "+string(rune('0'+i)), p)
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "adversarial", "*"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f, ".gz") {
			zr, err := gzip.NewReader(strings.NewReader(string(data)))
			if err != nil {
				t.Fatal(err)
			}
			data, _ = io.ReadAll(io.LimitReader(zr, 64<<10))
		}
		sameUnits(t, filepath.Base(f), string(data))
	}
	alphabet := []string{"a", "Z", "1", "۱", "٢", " ", "  ", "\t", "\n", "\r\n", "\r", "-", "—", "/", ".", ",", "،", "(", ")", "«", "»",
		"\"", "'", "!", "?", "%", "$", "ب", "پ", "ک", "ی", "ه", "\u200c", "\u200d", "\u0650", "\u064b", "\u0301", "\u00a0",
		"\u2029", "\u2028", "\u202b", "\u2066", "\u2069", "中", "文", "か", "😀", "👩\u200d👩\u200d👧", "🇰🇵", "🇮", "\u0e01", "\u0e33",
		"\ufffd", "\u00ad", "\u2060", "\ufeff", "\u1100", "\u1161", "\u11a8", "한", "\u0915\u094d", "\U0001F3FB", "#\ufe0f\u20e3"}
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		for k := rng.IntN(40); k >= 0; k-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		sameUnits(t, "random", b.String())
	}
}
