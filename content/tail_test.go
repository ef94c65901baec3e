package content

import (
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

// TestFollowReader: a pipe's lines come as they are written, the last
// line without a line feed at the end, then io.EOF.
func TestFollowReader(t *testing.T) {
	r, w := io.Pipe()
	tl := FollowReader(r)
	defer tl.Stop()
	go func() {
		w.Write([]byte("a\nb"))
		w.Write([]byte("c\nd"))
		w.Close()
	}()
	var got []string
	for b := range tl.C {
		got = append(got, blockTexts(b.Blocks)...)
		if b.Err != nil {
			if b.Err != io.EOF {
				t.Errorf("error %v", b.Err)
			}
			break
		}
	}
	if strings.Join(got, "|") != "a|bc|d" {
		t.Errorf("lines %q", got)
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
