package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"rtlview/content"
	"rtlview/internal/testkit"
	"rtlview/ui/layout"
)

// TestPipelineSameOutput: a document long enough to be laid out on
// several workers prints byte for byte what one printer prints (Print,
// block by block in order): Markdown with block quotes (the blank row
// between two quoted blocks keeps its bars only if the worker knows the
// quote depth of the block before its batch), headings, lists, code and
// Persian prose, with and without colour.
func TestPipelineSameOutput(t *testing.T) {
	defer func(n int) { testWorkers = n }(testWorkers)
	testWorkers = 3
	var md strings.Builder
	for i := 0; md.Len() < 3*parallelAfter; i++ {
		fmt.Fprintf(&md, "## بخش %d\n\n> نقل قول **پررنگ** شمارهٔ %d از «رئیس‌جمهور ایران» در تهران\n>\n> > و پاسخ او\n\n", i, i)
		fmt.Fprintf(&md, "- مورد یک (%d)\n- مورد دو [پیوند](https://example.com/%d)\n\n", i, i)
		fmt.Fprintf(&md, "```go\nfmt.Println(%d)\n```\n\nخبرگزاری‌ها گزارش دادند که ولادیمیر پوتین در مسکو با شی جین‌پینگ دیدار کرد.\n\n", i)
	}
	src := md.String()
	for _, color := range []bool{false, true} {
		cfg := PlainConfig{Options: layout.Options{Width: 60, Bidi: layout.App, Shape: true, Dir: layout.Auto, LinkRefs: true}, Color: color}
		doc, err := content.ReadAs("doc.md", strings.NewReader(src), content.LoadOptions{Format: content.FormatMarkdown})
		if err != nil {
			t.Fatal(err)
		}
		var want, got bytes.Buffer
		if err := Print(&want, doc, cfg); err != nil {
			t.Fatal(err)
		}
		if _, _, err := Stream(context.Background(), &got, "-", strings.NewReader(src), content.LoadOptions{Format: content.FormatMarkdown}, cfg); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			g, w := strings.Split(got.String(), "\n"), strings.Split(want.String(), "\n")
			for i := range min(len(g), len(w)) {
				if g[i] != w[i] {
					t.Fatalf("color %v: line %d differs:\n got %q\nwant %q", color, i, g[i], w[i])
				}
			}
			t.Fatalf("color %v: %d lines, want %d", color, len(g), len(w))
		}
		if !strings.Contains(want.String(), "│") && !strings.Contains(want.String(), "▌") {
			t.Fatalf("no quote bar drawn: the test does not test the quote depth")
		}
	}
}

// syncBuffer is a bytes.Buffer written by one goroutine and read by
// another.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestStreamPausedPipe: a pipe that gives lines and pauses (`tail -f log |
// rtlview --plain`) has each line printed while it waits for the next,
// before and after the workers start; nothing is held until the end.
func TestStreamPausedPipe(t *testing.T) {
	defer func(n int) { testWorkers = n }(testWorkers)
	testWorkers = 2
	pr, pw := io.Pipe()
	var out syncBuffer
	done := make(chan error, 1)
	go func() {
		cfg := PlainConfig{Options: layout.Options{Width: 40, Bidi: layout.Terminal}}
		_, _, err := Stream(context.Background(), &out, "-", pr, content.LoadOptions{Live: true}, cfg)
		done <- err
	}()
	write := func(s string) {
		if _, err := io.WriteString(pw, s); err != nil {
			t.Fatal(err)
		}
	}
	write("first line\n")
	testkit.PollUntil(t, "the first line printed", func() (string, bool) {
		return out.String(), strings.Contains(out.String(), "first line")
	})
	// Past parallelAfter: the workers print; a last line after a pause
	// is still printed while the pipe is open.
	write(strings.Repeat("filler line of text\n", parallelAfter/20+100))
	write("after the workers started\n")
	testkit.PollUntil(t, "the line after the pause printed", func() (string, bool) {
		s := out.String()
		return s[max(0, len(s)-200):], strings.Contains(s, "after the workers started")
	})
	pw.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "filler line of text\n"); n != parallelAfter/20+100 {
		t.Errorf("%d filler lines, want %d", n, parallelAfter/20+100)
	}
}

// writeSizes records the size of each Write.
type writeSizes struct{ sizes []int }

func (w *writeSizes) Write(p []byte) (int, error) {
	w.sizes = append(w.sizes, len(p))
	return len(p), nil
}

// TestStreamFlushRamp: plain mode writes its first screenful at once and
// then writes again after each 4 KB of text up to 64 KB, so that
// `rtlview --plain big.txt | head -50` has its 50 lines after the second
// write, and finds head gone at the third, instead of laying out 64 KB of
// text between writes (the bufio buffer's size).
func TestStreamFlushRamp(t *testing.T) {
	line := "خبرگزاری‌ها گزارش دادند که ولادیمیر پوتین در مسکو با شی جین‌پینگ دیدار کرد و دربارهٔ جنگ گفت‌وگو شد.\n\n"
	src := strings.Repeat(line, 300<<10/len(line))
	cfg := PlainConfig{Options: layout.Options{Width: 80, Bidi: layout.App, Shape: true, Dir: layout.Auto}}
	var w writeSizes
	if _, _, err := Stream(context.Background(), &w, "-", strings.NewReader(src), content.LoadOptions{}, cfg); err != nil {
		t.Fatal(err)
	}
	if len(w.sizes) < 5 {
		t.Fatalf("writes %v: want the ramp's writes and then the buffer's", w.sizes)
	}
	// 4 KB of this text is 36 paragraphs: 72 rows, more than a screen.
	rowLen := 80 + 80/2 + 1 // a row of 80 cells: at most 3 bytes a letter, often 1 (spaces)
	if first := w.sizes[0]; first < 24*80 || first > 16<<10 {
		t.Errorf("first write %d bytes: want a screenful (24 rows, at least %d bytes) from the first 4 KB of text", first, 24*80)
	}
	for k := 1; k < 5; k++ {
		if w.sizes[k] > 16<<10 {
			t.Errorf("writes %v: write %d should follow 4 KB more text (about %d bytes)", w.sizes[:5], k+1, 4<<10*rowLen/80)
		}
	}
}
