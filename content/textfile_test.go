package content

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// streamBlocks is what Stream makes of the file at path.
func streamBlocks(t testing.TB, path string) ([]Block, int) {
	t.Helper()
	var out []Block
	doc, err := Stream(context.Background(), path, nil, LoadOptions{Format: FormatText}, func(b *Block) bool {
		out = append(out, *b)
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return out, doc.Replaced
}

// sameAsStream checks that a TextFile of text, indexed in steps of stopAfter
// windows (0: at once), has the blocks, offsets and count of replaced
// sequences that Stream gives.
func sameAsStream(t testing.TB, text []byte, steps bool) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "f.txt")
	if err := os.WriteFile(path, text, 0o644); err != nil {
		t.Fatal(err)
	}
	want, wantReplaced := streamBlocks(t, path)
	tf, err := OpenTextFile(path, LoadOptions{Format: FormatText})
	if err != nil {
		t.Fatal(err)
	}
	defer tf.Close()
	if steps {
		// One window at a time: each call goes on where the last one
		// stopped, and the blocks indexed so far are Stream's first.
		for k := 0; ; k++ {
			if err := tf.index(nil, 1, textWindow); err != nil {
				t.Fatal(err)
			}
			n, done := tf.Len()
			if done {
				break
			}
			if n > len(want) || k > len(text)+1 {
				t.Fatalf("after %d windows: %d blocks of %d", k+1, n, len(want))
			}
			if n > 0 {
				if got, _ := tf.Block(n - 1); !reflect.DeepEqual(got, want[n-1]) {
					t.Fatalf("after %d windows, block %d: %+q, Stream %+q", k+1, n-1, got.Text, want[n-1].Text)
				}
			}
		}
	}
	if err := tf.Index(nil); err != nil {
		t.Fatal(err)
	}
	n, done := tf.Len()
	if !done {
		t.Fatal("index not done")
	}
	if n != len(want) {
		t.Fatalf("%d blocks, Stream %d; text %+q", n, len(want), trunc(text))
	}
	for i := range n {
		got, err := tf.Block(i)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want[i]) {
			t.Fatalf("block %d: %+v\nStream: %+v\ntext %+q", i, trunc([]byte(got.Text)), trunc([]byte(want[i].Text)), trunc(text))
		}
	}
	if got := tf.Replaced(); got != wantReplaced {
		t.Errorf("%d replaced, Stream %d", got, wantReplaced)
	}
	// The same blocks through a Document: Block (cached) and Scan
	// (windows), from the start and from the middle.
	doc := &Document{Name: path, Format: FormatText, File: tf}
	if !doc.Sync() || doc.Len() != n || doc.Replaced != wantReplaced {
		t.Fatalf("Sync: Len %d, replaced %d", doc.Len(), doc.Replaced)
	}
	for _, from := range []int{0, n / 2} {
		next := from
		err := doc.Scan(from, n, func(i int, b *Block) bool {
			if i != next || !reflect.DeepEqual(*b, want[i]) || !reflect.DeepEqual(*doc.Block(i), want[i]) {
				t.Fatalf("Scan from %d: block %d (want %d) %+q; Stream %+q", from, i, next, b.Text, want[i].Text)
			}
			next++
			return true
		})
		if err != nil || next != n {
			t.Fatalf("Scan from %d ended at %d: %v", from, next, err)
		}
	}
	offs := doc.Offsets()
	if len(offs) != n+1 || offs[n] != int64(len(text)) {
		t.Fatalf("offsets %v for %d bytes", offs, len(text))
	}
	for i := 1; i <= n; i++ {
		if offs[i] <= offs[i-1] {
			t.Fatalf("offsets not increasing: %v", offs)
		}
	}
}

func trunc(b []byte) string {
	if len(b) > 200 {
		return string(b[:100]) + "…" + string(b[len(b)-100:])
	}
	return string(b)
}

// TestTextFileSameAsStream: a TextFile's blocks are Stream's, with line
// ends of every kind (at the end of a window too), a BOM, invalid bytes,
// controls, verses with numbers, empty lines and lines cut because they
// are too long (at a space, between code points, ending in CR).
func TestTextFileSameAsStream(t *testing.T) {
	defer func(l, w int) { maxLine, textWindow = l, w }(maxLine, textWindow)
	maxLine, textWindow = 16, 40 // a line of 17 bytes is cut; windows of 40 bytes
	cases := []string{
		"",
		"\n",
		"a",
		"a\nb",
		"a\r\nb\r\n",
		"a\rb\r",
		"\r\n\r\n\n\r",
		"\uFEFFسلام\nدنیا\n",
		"x\xffy\n\x1b[31mred\x7f\n",
		"مرا عهدیست با جانان\tکه تا جان در بدن دارم\n",
		"۱۲  بشنو از نی\tچون حکایت می‌کند\n",
		strings.Repeat("abcdefgh ", 10) + "\n",   // cut after spaces
		strings.Repeat("سلام", 20) + "\r\nend\n", // cut between code points, CR LF after
		strings.Repeat("x", 17) + "\r" + "y\n",   // a cut line ending in a lone CR
		strings.Repeat("x", 39) + "\r\nz",        // CR LF across a window's end
		strings.Repeat("ab\n", 30),               // lines across windows
		strings.Repeat("\xe2\x80", 20) + "\n",    // invalid sequences in a cut line
		strings.Repeat("بشنو\tاز\n", 9),          // verses across windows
	}
	for i, c := range cases {
		for _, steps := range []bool{false, true} {
			t.Run(string(rune('a'+i))+map[bool]string{false: "", true: "-steps"}[steps], func(t *testing.T) {
				sameAsStream(t, []byte(c), steps)
			})
		}
	}
	// The real lengths once: a 2.5 MB line of Persian words, cut twice,
	// between lines of the article.
	maxLine, textWindow = MaxLine, 4<<20
	big := append(bytes.Repeat([]byte("کتاب‌ها و "), 2600<<10/len("کتاب‌ها و ")), '\n')
	sameAsStream(t, append(append(article(), big...), article()...), false)
}

// TestTextFileRefuses: a file Stream would not read as plain UTF-8 text
// is not a TextFile.
func TestTextFileRefuses(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"doc.md":    []byte("# سلام\n"),
		"page.html": []byte("<html><body>سلام</body></html>"),
		"old.txt":   []byte("\xd3\xe1\xc7\xe3 \xce\xe6\xc8\xed \xca\xd4\xdf\xd1 \xe3\xed \xdf\xe4\xe3\n"), // windows-1256
		"utf16.txt": {0xFF, 0xFE, 'a', 0, '\n', 0},
		"log.txt":   []byte("\x1b[31mred\x1b[0m\n"), // pager output
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if tf, err := OpenTextFile(path, LoadOptions{}); !errors.Is(err, ErrNotPlainText) {
			t.Errorf("%s: %v, want ErrNotPlainText", name, err)
			if tf != nil {
				tf.Close()
			}
		}
	}
	if _, err := OpenTextFile(filepath.Join(dir, "missing.txt"), LoadOptions{}); err == nil || errors.Is(err, ErrNotPlainText) {
		t.Errorf("a missing file: %v", err)
	}
}

func FuzzTextFile(f *testing.F) {
	for _, s := range []string{"a\r\nb", "\uFEFFx\ry\n", "بشنو\tاز نی\n\n", strings.Repeat("ab ", 12) + "\r\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) > 4096 || bytes.IndexByte(in, 0) >= 0 {
			return // NULs: binary, refused by both
		}
		defer func(l, w int) { maxLine, textWindow = l, w }(maxLine, textWindow)
		maxLine, textWindow = 16, 40
		path := filepath.Join(t.TempDir(), "f.txt")
		if err := os.WriteFile(path, in, 0o644); err != nil {
			t.Fatal(err)
		}
		tf, err := OpenTextFile(path, LoadOptions{Format: FormatText})
		if err != nil {
			return // not UTF-8 text: read whole, as before
		}
		tf.Close()
		sameAsStream(t, in, len(in)%2 == 1)
	})
}

// TestFileDocumentAppended: blocks appended to a document read from a
// file (what following it brings) come after the file's in Len, Block,
// Scan (across the seam) and Offsets.
func TestFileDocumentAppended(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.txt")
	if err := os.WriteFile(path, []byte("یک\nدو\nسه\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := OpenFileDocument(path, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer doc.File.Close()
	doc.Blocks = append(doc.Blocks, Block{Kind: Paragraph, Text: "four"}, Block{Kind: Paragraph, Text: "five"})
	if doc.Len() != 5 || doc.Block(2).Text != "سه" || doc.Block(3).Text != "four" {
		t.Fatalf("Len %d, blocks 2 and 3 %q %q", doc.Len(), doc.Block(2).Text, doc.Block(3).Text)
	}
	var got []string
	doc.Scan(1, 5, func(i int, b *Block) bool {
		got = append(got, b.Text)
		return i < 3 // stops after the first appended block
	})
	if strings.Join(got, ",") != "دو,سه,four" {
		t.Errorf("Scan: %q", got)
	}
	// Offsets: the file's (each word is two letters of 2 bytes, and a
	// newline: 5 bytes; the file ends at 15), then each
	// appended block and a line end.
	if offs := fmt.Sprint(doc.Offsets()); offs != "[0 5 10 15 20 25]" {
		t.Errorf("offsets %s", offs)
	}
}

// TestTextFileGrows: a file that grows after it is opened (a log being
// written) is indexed up to the size it had: what it gains is for
// following it (FollowFile from Size), not read twice.
func TestTextFileGrows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "log.txt")
	if err := os.WriteFile(path, []byte("یک\nدو\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tf, err := OpenTextFile(path, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer tf.Close()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("سه\n")
	f.Close()
	if err := tf.Index(nil); err != nil {
		t.Fatal(err)
	}
	if n, done := tf.Len(); n != 2 || !done || tf.Offset(n) != tf.Size() {
		t.Errorf("%d blocks (done %v), end %d, size %d; want 2 blocks ending at the size", n, done, tf.Offset(n), tf.Size())
	}
}
