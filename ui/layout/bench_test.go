package layout

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rtlview/content"
)

// BenchmarkArticle lays out every paragraph of the article at width 80.
func BenchmarkArticle(b *testing.B) {
	paras := articleParagraphs(b)
	size := 0
	for _, p := range paras {
		size += len(p)
	}
	for _, mode := range []struct {
		name string
		opt  Options
	}{
		{"app-shape", Options{Width: 80, Shape: true, Dir: RTL}},
		{"app", Options{Width: 80, Dir: RTL}},
		{"terminal", Options{Width: 80, Bidi: Terminal, Dir: RTL}},
	} {
		b.Run(mode.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for i, p := range paras {
					Block(i, p, nil, mode.opt)
				}
			}
		})
	}
}

// BenchmarkCount counts the lines of the article at width 80 (what a
// reader needs for paragraphs it does not show).
func BenchmarkCount(b *testing.B) {
	paras := articleParagraphs(b)
	size := 0
	for _, p := range paras {
		size += len(p)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var c Counter
	for b.Loop() {
		for _, p := range paras {
			c.Count(p, Options{Width: 80, Shape: true, Dir: RTL})
		}
	}
}

// BenchmarkParagraph lays out one long Persian paragraph at three widths.
func BenchmarkParagraph(b *testing.B) {
	text := strings.Repeat("رئیس جمهور روسیه در نامه‌ای به رهبر کره شمالی، گفت (۱۴۰۱) «مسکو» ", 50)
	for _, w := range []int{20, 80, 0} {
		b.Run("w"+itoa(w), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				Block(0, text, nil, Options{Width: w, Shape: true, Dir: RTL})
			}
		})
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for ; n > 0; n /= 10 {
		d = append([]byte{byte('0' + n%10)}, d...)
	}
	return string(d)
}

var errScreenFull = errors.New("screen full")

// screen is a writer that takes one screen of lines, then fails, as
// `head -50` does by closing the pipe.
type screen struct{ lines, max int }

func (s *screen) Write(p []byte) (int, error) {
	s.lines += strings.Count(string(p), "\n")
	if s.lines >= s.max {
		return 0, errScreenFull
	}
	return len(p), nil
}

// BenchmarkFirstScreen50MB is `rtlview --plain FILE | head -50` on a
// 50 MB Persian file without the process: read the file, find the
// majority direction, lay out and print until the screen is full.
func BenchmarkFirstScreen50MB(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.txt")
	art, err := os.ReadFile("../../content/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	big := strings.Repeat(string(art)+"\n", 50<<20/len(art)+1)
	if err := os.WriteFile(path, []byte(big), 0o644); err != nil {
		b.Fatal(err)
	}
	b.Run("read+plain", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			doc, err := content.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			opt := Options{Width: 80, Shape: true, Dir: Majority(doc)}
			if err := Plain(&screen{max: 50}, doc, opt, false); err != errScreenFull {
				b.Fatal(err)
			}
		}
	})
	doc, err := content.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("plain", func(b *testing.B) {
		// The layout part alone, the document already read.
		b.ReportAllocs()
		for b.Loop() {
			opt := Options{Width: 80, Shape: true, Dir: Majority(doc)}
			if err := Plain(&screen{max: 50}, doc, opt, false); err != errScreenFull {
				b.Fatal(err)
			}
		}
	})
	b.Run("cache", func(b *testing.B) {
		// What a frame of the reader costs: 50 lines through a Cache.
		b.ReportAllocs()
		for b.Loop() {
			c := NewCache(doc)
			opt := Options{Width: 80, Shape: true, Dir: RTL}
			for i, n := 0, 0; n < 50; i++ {
				n += len(c.Lines(i, opt))
			}
		}
	})
}

// BenchmarkManySpans: one long paragraph with a styled span every few
// words (entities of a 1 MB single-line file), printed in colour. Before
// SpanIndex, every line scanned every span of the paragraph.
func BenchmarkManySpans(b *testing.B) {
	text := strings.Repeat(strings.Join(articleParagraphs(b), " ")+" ", 1<<20/3559)
	var spans []Span
	for i := 0; i+10 < len(text); i += 40 {
		spans = append(spans, Span{Start: i, End: i + 10, Style: 1})
	}
	doc := &content.Document{Blocks: []content.Block{{Text: text}}}
	pr := Printer{Options: Options{Width: 80, Shape: true, Dir: RTL}, Color: true,
		Spans: func(int, *content.Block) []Span { return spans },
		SGR:   func(s Style) string { return "1" }}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if err := pr.Print(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}
