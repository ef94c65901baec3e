package content

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// next waits for the tail's next batch (a test that hangs here fails by
// the test binary's own timeout, not by a clock of its own).
func next(t *testing.T, tl *Tail) TailBatch {
	t.Helper()
	b, ok := <-tl.C
	if !ok {
		t.Fatal("tail closed")
	}
	return b
}

func blockTexts(bs []Block) []string {
	var out []string
	for _, b := range bs {
		out = append(out, b.Text)
	}
	return out
}

// TestFollowFile: lines appended to a file come as blocks, a line without
// its line feed waits for it, a control is defused, and a truncated file
// is read again from the start.
func TestFollowFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log")
	if err := os.WriteFile(path, []byte("اول\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tl, err := FollowFile(path, int64(len("اول\n")), time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer tl.Stop()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteString("دوم\nسو")
	if got := blockTexts(next(t, tl).Blocks); strings.Join(got, "|") != "دوم" {
		t.Fatalf("first batch %q", got)
	}
	f.WriteString("م \x1b[31m\n")
	b := next(t, tl)
	if len(b.Blocks) != 1 || strings.Contains(b.Blocks[0].Text, "\x1b") || !strings.HasPrefix(b.Blocks[0].Text, "سوم ") {
		t.Fatalf("second batch %+q", blockTexts(b.Blocks))
	}
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, []byte("نو\n"), 0o644)
	// The truncation may be seen before or with the new text.
	for {
		b = next(t, tl)
		if b.Truncated {
			break
		}
	}
	got := blockTexts(b.Blocks)
	if len(got) == 0 {
		got = blockTexts(next(t, tl).Blocks)
	}
	if strings.Join(got, "|") != "نو" {
		t.Errorf("after truncation %q", got)
	}
}

// TestTailLongLine: a line longer than MaxLine without a line feed is cut
// into pieces rather than kept whole in memory.
func TestTailLongLine(t *testing.T) {
	p := []byte(strings.Repeat("ب", MaxLine/2+10))
	blocks, rest := lines(p)
	if len(blocks) != 1 || len(blocks[0].Text) > MaxLine || len(blocks[0].Text)+len(rest) != 2*(MaxLine/2+10) {
		t.Errorf("cut %d + %d", len(blocks), len(rest))
	}
}

// TestStreamTail: a pipe is read as plain mode streams it (pager output's
// colours become styles, not placeholders), its blocks delivered in order
// as they come: what was written before a pause arrives while the writer
// is still open; the last batch says io.EOF.
func TestStreamTail(t *testing.T) {
	r, w := io.Pipe()
	tail := StreamTail("-", r, LoadOptions{})
	defer tail.Stop()
	go func() {
		io.WriteString(w, "\x1b[33mcommit\x1b[0m abc\n")
		for i := 0; i < 9999; i++ {
			fmt.Fprintf(w, "line %d\n", i)
		}
	}()
	var got []Block
	for len(got) < 10000 {
		b, ok := <-tail.C
		if !ok || b.Err != nil {
			t.Fatalf("the tail ended (%v) after %d blocks, with the writer still open", b.Err, len(got))
		}
		got = append(got, b.Blocks...)
	}
	if got[0].Text != "commit abc" || len(got[0].Spans) == 0 {
		t.Errorf("pager line: %q %+v", got[0].Text, got[0].Spans)
	}
	for i, b := range got[1:] {
		if want := fmt.Sprintf("line %d", i); b.Text != want {
			t.Fatalf("block %d: %q, want %q (out of order?)", i+1, b.Text, want)
		}
	}
	w.Close()
	for {
		b, ok := <-tail.C
		if !ok {
			t.Fatal("closed without io.EOF")
		}
		if len(b.Blocks) > 0 {
			t.Errorf("blocks after the end: %d", len(b.Blocks))
		}
		if b.Err != nil {
			if !errors.Is(b.Err, io.EOF) {
				t.Errorf("last batch: %v", b.Err)
			}
			break
		}
	}
}

// TestStreamTailPause: a pipe that gives two lines and then pauses, open
// (tail -f log | rtlview), shows them: the encoding and the format are
// chosen from what has come, without waiting for 64 KB or the end.
func TestStreamTailPause(t *testing.T) {
	r, w := io.Pipe()
	defer w.Close()
	tail := StreamTail("-", r, LoadOptions{})
	defer tail.Stop()
	go io.WriteString(w, "سلام\nدنیا\n")
	var got []string
	for len(got) < 2 {
		select {
		case b := <-tail.C:
			if b.Err != nil {
				t.Fatalf("ended: %v", b.Err)
			}
			for _, bl := range b.Blocks {
				got = append(got, bl.Text)
			}
		case <-time.After(time.Minute): // a hang guard, not a speed limit
			t.Fatal("two lines written and the pipe paused: nothing shown")
		}
	}
	if got[0] != "سلام" || got[1] != "دنیا" {
		t.Errorf("blocks %q", got)
	}
}
