package shape

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"unicode"

	"rtlview/internal/testkit"
)

// GNU FriBidi is an independent implementation of Arabic joining; its CLI
// shapes as it reorders. These tests compare with it where it is installed
// (Debian package libfribidi-bin), and fail instead of skipping under
// RTLVIEW_STRICT, as CI sets.

// fribidiLogical runs the fribidi CLI on lines of right-to-left words and
// returns its shaped output per line, put back into logical order: for a
// right-to-left line without digits or Latin the visual order is the
// logical order reversed, by grapheme cluster (--reordernsm keeps marks
// after their base).
func fribidiLogical(t *testing.T, lines []string) [][]rune {
	t.Helper()
	cmd := exec.Command(testkit.RequireTool(t, "fribidi"), "--rtl", "--nopad", "--nobreak", "--reordernsm")
	cmd.Stdin = strings.NewReader(strings.Join(lines, "\n") + "\n")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("fribidi: %v", err)
	}
	got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(got) != len(lines) {
		t.Fatalf("fribidi gave %d lines for %d", len(got), len(lines))
	}
	res := make([][]rune, len(got))
	for i, line := range got {
		var clusters [][]rune
		for _, r := range line {
			if unicode.Is(unicode.Mn, r) && len(clusters) > 0 {
				clusters[len(clusters)-1] = append(clusters[len(clusters)-1], r)
				continue
			}
			clusters = append(clusters, []rune{r})
		}
		slices.Reverse(clusters)
		res[i] = slices.Concat(clusters...)
	}
	return res
}

// drawn is what Forms draws: its output without the 0 slots.
func drawn(text []rune) []rune {
	return slices.DeleteFunc(Forms(text, nil), func(r rune) bool { return r == 0 })
}

// «تلاش»: fribidi keeps a U+FEFF in the absorbed alef's place, which a
// terminal may draw as a cell of its own; Forms leaves nothing there.
func TestFribidiTalash(t *testing.T) {
	in := "تلاش"
	fb := fribidiLogical(t, []string{in})[0]
	if slices.Contains(fb, 0xFEFF) {
		t.Logf("fribidi output %U keeps U+FEFF for the alef", fb)
	}
	fb = slices.DeleteFunc(fb, func(r rune) bool { return r == 0xFEFF })
	if got := drawn([]rune(in)); !slices.Equal(got, fb) {
		t.Errorf("%q: drawn %U; fribidi (without U+FEFF) %U", in, got, fb)
	}
	if got := drawn([]rune(in)); slices.Contains(got, 0xFEFF) {
		t.Errorf("%q: drawn %U has U+FEFF", in, got)
	}
}

// Every word of the embedded article shapes as fribidi shapes it, apart
// from the U+FEFF and ZWNJ that fribidi leaves in its output.
func TestFribidiArticleWords(t *testing.T) {
	text, err := os.ReadFile("../../content/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	// Words: runs of Arabic-script letters, marks, tatweel and ZWNJ.
	inWord := func(r rune) bool {
		return r == zwnj || (unicode.Is(unicode.Arabic, r) && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)))
	}
	seen := map[string]bool{}
	var words []string
	for _, w := range strings.FieldsFunc(string(text), func(r rune) bool { return !inWord(r) }) {
		if !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	if len(words) < 150 {
		t.Fatalf("only %d distinct words in the article", len(words))
	}
	fb := fribidiLogical(t, words)
	for i, w := range words {
		want := slices.DeleteFunc(fb[i], func(r rune) bool { return r == 0xFEFF || r == zwnj })
		if got := drawn([]rune(w)); !slices.Equal(got, want) {
			t.Errorf("%q: drawn %U; fribidi %U", w, got, want)
		}
	}
}
