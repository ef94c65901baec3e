package main

// Issue 8: rtlview never crashes, hangs, lets the text control the terminal,
// or loses text. Every file of testdata/adversarial goes through the real
// binary in plain mode at several widths.
//
// How fast is not asserted here (a busy machine is many times slower than
// an idle one): BenchmarkAdversarial measures the large files.

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"

	"rtlview/bidi"
	"rtlview/internal/testkit"
)

// adversarialInput returns the bytes of a corpus file, unpacked if gzipped,
// and a path to give rtlview.
func adversarialInput(t testing.TB, name string) ([]byte, string) {
	t.Helper()
	path := filepath.Join("testdata", "adversarial", name)
	data := testkit.ReadMaybeGzip(t, path)
	if !strings.HasSuffix(name, ".gz") {
		return data, path
	}
	path = filepath.Join(t.TempDir(), strings.TrimSuffix(name, ".gz"))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return data, path
}

var sgr = regexp.MustCompile(`^\x1b\[[0-9;]*m`)

// stripSGR removes the SGR sequences rtlview writes and reports any other
// escape or C1 control it finds.
func stripSGR(t *testing.T, out []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	for i := 0; i < len(out); {
		if out[i] == 0x1b {
			m := sgr.Find(out[i:])
			if m == nil {
				t.Errorf("escape that is not SGR at byte %d: %q", i, out[i:min(i+16, len(out))])
				return b.Bytes()
			}
			i += len(m)
			continue
		}
		b.WriteByte(out[i])
		i++
	}
	return b.Bytes()
}

// canon maps a rune to the form compared between input and output:
// presentation forms back to their letters (NFKC), mirrored pairs to one
// of the pair.
func canon(r rune) []rune {
	var rs []rune
	if (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF) {
		rs = []rune(norm.NFKC.String(string(r)))
	} else {
		rs = []rune{r}
	}
	for i, c := range rs {
		if m, ok := bidi.Mirror(c); ok && m < c {
			rs[i] = m
		}
	}
	return rs
}

// printable reports whether r is a character the reader must see: graphic
// and not a space. Format characters (bidi controls, ZWNJ) are not.
func printable(r rune) bool {
	return unicode.IsGraphic(r) && !unicode.IsSpace(r)
}

func TestAdversarialCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary many times")
	}
	bin := testkit.Binary(t)
	entries, err := os.ReadDir(filepath.Join("testdata", "adversarial"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if name == "README.md" {
			continue
		}
		n++
		// One file at a time: the runs of the large files are heavy,
		// and running them side by side would only load the machine.
		t.Run(name, func(t *testing.T) {
			data, path := adversarialInput(t, name)
			if strings.HasSuffix(name, ".bin") {
				checkRefused(t, bin, path)
				return
			}
			// What the reader must find again: every printable rune of
			// the input, decoded the way rtlview decodes it (invalid
			// bytes become U+FFFD), by the width of its grapheme cluster:
			// a cluster wider than the whole line cannot be shown at
			// that width, and layout draws a placeholder instead.
			byWidth := map[int]map[rune]int{}
			text := strings.ToValidUTF8(string(data), "\uFFFD")
			state := -1
			for text != "" {
				var cluster string
				var boundaries int
				cluster, text, boundaries, state = uniseg.StepString(text, state)
				cw := boundaries >> uniseg.ShiftWidth
				for _, r := range cluster {
					if !printable(r) {
						continue
					}
					if byWidth[cw] == nil {
						byWidth[cw] = map[rune]int{}
					}
					for _, c := range canon(r) {
						byWidth[cw][c]++
					}
				}
			}
			for _, width := range []int{1, 2, 5, 40, 200} {
				want := map[rune]int{}
				for cw, m := range byWidth {
					if cw > width {
						continue
					}
					for r, n := range m {
						want[r] += n
					}
				}
				for _, color := range []bool{false, true} {
					checkPlain(t, bin, path, width, color, want)
				}
			}
		})
	}
	if n < 17 {
		t.Fatalf("corpus has %d files, want at least 17", n)
	}
}

func checkRefused(t *testing.T, bin, path string) {
	t.Helper()
	cmd := exec.Command(bin, "--plain", path)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := -1
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err == nil {
		code = 0
	}
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), path+": looks binary") {
		t.Errorf("stderr %q does not say %q", stderr.String(), path+": looks binary")
	}
	if stdout.Len() != 0 {
		t.Errorf("binary input printed %d bytes", stdout.Len())
	}
}

func checkPlain(t *testing.T, bin, path string, width int, color bool, want map[rune]int) {
	t.Helper()
	label := "width " + strconv.Itoa(width)
	args := []string{"--plain", "--width", strconv.Itoa(width), "--color=never", path}
	if color {
		label += " color"
		args[3] = "--color=always"
	}
	// No time limit of our own: the run is killed only when go test's
	// -timeout is near, so that a hang is reported here, with its file
	// and width, rather than as a panic that leaves the child running.
	ctx := testkit.Context(t)
	cmd := exec.CommandContext(ctx, bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	began := time.Now()
	err := cmd.Run()
	took := time.Since(began)
	if ctx.Err() != nil {
		t.Errorf("%s: killed after %.0f s, still running when go test's -timeout was near (a hang?)", label, took.Seconds())
		return
	}
	if took > time.Second {
		// For the reader of -v output; BenchmarkAdversarial measures.
		t.Logf("%s: %.1f s", label, took.Seconds())
	}
	if err != nil {
		t.Errorf("%s: %v; stderr: %s", label, err, stderr.String())
		return
	}
	out := stdout.Bytes()
	if !utf8.Valid(out) {
		t.Errorf("%s: output is not valid UTF-8", label)
	}
	if color {
		out = stripSGR(t, out)
	} else if i := bytes.IndexByte(out, 0x1b); i >= 0 {
		t.Errorf("%s: ESC at byte %d: %q", label, i, out[i:min(i+16, len(out))])
	}
	raw := map[rune]int{}
	// Narrow widths repeat the same few lines millions of times.
	widths := map[string]int{}
	for ln, line := range strings.Split(string(out), "\n") {
		for _, r := range line {
			if (r < 0x20 && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
				t.Errorf("%s: line %d holds control U+%04X", label, ln+1, r)
				return
			}
			if printable(r) {
				raw[r]++
			}
		}
		w, ok := widths[line]
		if !ok {
			w = uniseg.StringWidth(line)
			if len(widths) < 1<<16 {
				widths[line] = w
			}
		}
		if w > width {
			t.Errorf("%s: line %d is %d cells wide: %q", label, ln+1, w, line[:min(len(line), 80)])
			return
		}
	}
	got := map[rune]int{}
	for r, n := range raw {
		for _, c := range canon(r) {
			got[c] += n
		}
	}
	for r, n := range want {
		if got[r] >= n {
			continue
		}
		t.Errorf("%s: %q (U+%04X) appears %d times in the output, %d in the input", label, r, r, got[r], n)
	}
}

// BenchmarkAdversarial runs the binary in plain mode on the large files of
// the corpus, at a narrow and a common width: the whole program, start to
// exit, output discarded.
func BenchmarkAdversarial(b *testing.B) {
	bin := testkit.Binary(b)
	for _, name := range []string{"long-line.txt.gz", "rtl-run.txt.gz", "empty-lines.txt.gz"} {
		data, path := adversarialInput(b, name)
		for _, width := range []int{1, 80} {
			b.Run(strings.TrimSuffix(name, ".txt.gz")+"/width-"+strconv.Itoa(width), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					cmd := exec.Command(bin, "--plain", "--width", strconv.Itoa(width), path)
					cmd.Stdout = io.Discard
					if err := cmd.Run(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
