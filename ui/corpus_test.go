package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"rtlview/content"
	"rtlview/internal/testkit"
	"rtlview/ui/layout"
)

// TestAdversarialCorpus opens every file of testdata/adversarial in the
// reader at widths 1 and 40 (the large ones are stored gzipped: the 10 MB
// line, the 5 MB run of one letter, 100,000 empty lines), searches for
// each of its first lines (pasted, raw bytes and all, cut to 80 runes),
// and presses every toggle: no panic, every row of every frame fits, and
// no ESC, BEL or C1 control reaches the screen. (nul-binary.bin is refused
// by content.Read; the root package tests that.)
func TestAdversarialCorpus(t *testing.T) {
	dir := filepath.Join("..", "testdata", "adversarial")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	gz, err2 := filepath.Glob(filepath.Join(dir, "*.txt.gz"))
	files = append(files, gz...)
	if err != nil || err2 != nil || len(files) < 16 {
		t.Fatalf("corpus: %d files, %v %v", len(files), err, err2)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data := testkit.ReadMaybeGzip(t, path)
			doc, err := content.Read(name, strings.NewReader(string(data)))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			queries := strings.SplitN(string(data), "\n", 13)
			for i, q := range queries {
				if len([]rune(q)) > 80 {
					queries[i] = string([]rune(q)[:80])
				}
			}
			if len(queries) > 12 {
				queries = queries[:12]
			}
			for _, w := range []int{1, 40} {
				m := drive(t, New(doc, Config{Bidi: layout.App, Shape: true}), tea.WindowSizeMsg{Width: w, Height: 8})
				for _, q := range queries {
					m = drive(t, m, keyMsg("/"), tea.PasteMsg{Content: q})
					screenSafe(t, checkFrame(t, m, name+": typing "+q), name)
					m = drive(t, m, keys("enter", "n", "N")...)
					screenSafe(t, checkFrame(t, m, name+": after "+q), name)
					m = drive(t, m, keyMsg("esc"))
				}
				for _, k := range []string{"h", "s", "e", "tab", "enter", "e", "?", "?", "G", "g", "space", "b", "d", "u"} {
					m = drive(t, m, keyMsg(k))
					screenSafe(t, checkFrame(t, m, name+": key "+k), name)
				}
			}
		})
	}
}

func screenSafe(t *testing.T, v, what string) {
	t.Helper()
	for _, r := range v {
		if r == 0x1b || r == 0x07 || (r >= 0x80 && r <= 0x9f) {
			t.Fatalf("%s: control U+%04X on screen", what, r)
		}
	}
}
