package layout

import (
	"strings"
	"testing"

	"rtlview/content"
)

// In a Persian plain-text file, a line with no letter keeps left to right:
// a code block's closing brace, a subtitle timing, a time between dashes;
// a Persian page number stays on the right.
func TestLetterlessLinesLTR(t *testing.T) {
	doc := content.Parse("این یک متن فارسی است.\n}\n00:00:01.189 --> 00:00:06.210\n-- 12:30 --\n۱۲\n")
	want := []struct {
		text string
		rtl  bool
	}{{"", true}, {"}", false}, {"00:00:01.189 --> 00:00:06.210", false}, {"-- 12:30 --", false}, {"۱۲", true}}
	for i, w := range want {
		l := Lines(i, &doc.Blocks[i], nil, Options{Width: 40, Bidi: App, Dir: Auto})[0]
		flush := l.Indent == 0 // left
		if w.rtl {
			flush = l.Indent+l.Width == 40 // right
		}
		if l.RTL != w.rtl || !flush || w.text != "" && l.String() != w.text {
			t.Errorf("line %d: %q rtl %v indent %d, want %q rtl %v", i, l.String(), l.RTL, l.Indent, w.text, w.rtl)
		}
	}
}

// A path and a URL inside Persian sentences are drawn exactly as written,
// whole on one line, at 80 and 40 columns.
func TestPathsAndURLsAsWritten(t *testing.T) {
	text := "فایل /opt/marzban/.env را باز کنید و سپس به https://example.com:8000/dashboard/ بروید تا داشبورد را ببینید."
	for _, w := range []int{80, 40} {
		lines := Block(0, text, nil, Options{Width: w, Bidi: App, Dir: Auto})
		found := map[string]bool{}
		for _, l := range lines {
			for _, s := range []string{"/opt/marzban/.env", "https://example.com:8000/dashboard/"} {
				if strings.Contains(l.String(), s) {
					found[s] = true
				}
			}
		}
		if len(found) != 2 {
			t.Errorf("width %d: %q", w, show(lines))
		}
	}
}
