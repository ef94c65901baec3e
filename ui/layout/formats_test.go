package layout

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"rtlview/content"
)

func loadReal(t *testing.T, parts ...string) *content.Document {
	t.Helper()
	p := filepath.Join(append([]string{"..", "..", "testdata", "real"}, parts...)...)
	d, err := content.Load(context.Background(), p, nil, content.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A cue's timing reads left to right on the left, as written (not
// «00:01:23,083 <-- 00:01:20,666»); its Persian text is flush right.
func TestSubtitleLayout(t *testing.T) {
	for _, name := range []string{"fa-subfixer-input-excerpt.srt", "fa-subfixer-excerpt-derived.vtt"} {
		t.Run(name, func(t *testing.T) {
			doc := loadReal(t, "subtitles", name)
			opt := Options{Width: 80, Dir: Auto}
			for i := range doc.Blocks[:5] {
				b := &doc.Blocks[i]
				lines := Lines(i, b, nil, opt)
				timing := b.Attrs.Cue.Timing
				head := strings.TrimSpace(b.Attrs.Cue.Index + "  " + timing)
				if lines[0].Indent != 0 || lines[0].String() != head {
					t.Errorf("cue %d: first line %q (indent %d), want %q", i+1, lines[0].String(), lines[0].Indent, head)
				}
				text := lines[1]
				if !text.RTL || text.Indent+text.Width != 80 || strings.Contains(text.String(), "<") {
					t.Errorf("cue %d: text line %q, indent %d, width %d", i+1, text.String(), text.Indent, text.Width)
				}
			}
		})
	}
}

// The Masnavi's TAB-separated verses: at 120 columns each verse is one
// line, its first half flush right in the right half of the screen and
// its second flush right in the left half, 4 cells apart; at 60 columns
// the halves (up to 30 cells) fit 28-cell columns or are stacked, the
// first half first.
func TestVerseLayout(t *testing.T) {
	doc := loadReal(t, "poetry", "masnavi-daftar1-sh1-tab.txt")
	for _, width := range []int{60, 120} {
		t.Run("", func(t *testing.T) {
			opt := Options{Width: width, Dir: Auto}
			col := (width - verseGap) / 2
			one := 0
			for i := range doc.Blocks {
				b := &doc.Blocks[i]
				h := b.Attrs.Halves
				half := func(k int) Line {
					return Block(i, b.Text[h[k].Start:h[k].End], nil, Options{Width: 0})[0]
				}
				first, second := half(0), half(1)
				lines := Lines(i, b, nil, opt)
				if first.Width <= col && second.Width <= col {
					one++
					want := strings.Repeat(" ", col-second.Width) + second.String() + "    " + strings.Repeat(" ", col-first.Width) + first.String()
					if len(lines) != 1 || lines[0].String() != want {
						t.Errorf("verse %d at %d: %q, want %q", i+1, width, show(lines), want)
					}
					continue
				}
				if len(lines) < 2 || !strings.HasSuffix(lines[0].String(), firstWord(first.String())) {
					t.Errorf("verse %d at %d, stacked: %q", i+1, width, show(lines))
				}
			}
			if width == 120 && one != len(doc.Blocks) {
				t.Errorf("at 120 only %d of %d verses on one line", one, len(doc.Blocks))
			}
		})
	}
}

// firstWord is the last word of a right-to-left line as drawn: its first
// in reading order.
func firstWord(drawn string) string {
	f := strings.Fields(drawn)
	return f[len(f)-1]
}

// Coloured git log output keeps its colours in plain mode with colour on,
// SGR written by the printer around the text it covers.
func TestPagerColours(t *testing.T) {
	doc := loadReal(t, "pager", "git-log-graph-color.ansi")
	var out bytes.Buffer
	p := Printer{Options: Options{Width: 100, Dir: Auto}, Color: true}
	if err := p.Print(&out, doc); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	if !strings.Contains(s, "\x1b[33m") || strings.Contains(s, "␛") {
		t.Errorf("colours lost or shown as placeholders:\n%.400q", s)
	}
	// Without colour, no escape at all.
	out.Reset()
	p.Color = false
	p.Print(&out, doc)
	if strings.ContainsRune(out.String(), 0x1b) {
		t.Error("escape written without colour")
	}
}
