package testkit

import (
	"bytes"
	"compress/gzip"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestMain(m *testing.M) { Main(m) }

// The invisible characters of RTL text are spelled out in a diff.
func TestLineDiff(t *testing.T) {
	got := "same\nسلام\u200cدنیا\u200f\n\ufe8f\u2067x\u2069"
	want := "same\nسلامدنیا\n\u0628\u2067x\u2069\nextra"
	d := LineDiff(got, want)
	for _, s := range []string{
		`line 2:`, `got  "\u0633\u0644\u0627\u0645\u200c\u062f\u0646\u06cc\u0627\u200f"`,
		`line 3:`, `got  "\ufe8f\u2067x\u2069"`, `want "\u0628\u2067x\u2069"`,
		`line 4:`, `got  (none)`, `want "extra"`,
	} {
		if !strings.Contains(d, s) {
			t.Errorf("diff lacks %s:\n%s", s, d)
		}
	}
	if strings.Contains(d, "line 1:") {
		t.Errorf("equal line 1 in the diff:\n%s", d)
	}
	many := LineDiff(strings.Repeat("a\n", 30), strings.Repeat("b\n", 30))
	if n := strings.Count(many, "line "); n != maxDiffLines || !strings.Contains(many, "10 more lines differ") {
		t.Errorf("%d lines listed:\n%s", n, many)
	}
}

// -update writes the file as given, byte for byte; without it the same
// text passes.
func TestGoldenUpdate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.golden")
	content := "|\u200fسلام|\n|  ab|\n"
	setUpdate(t, "true")
	Golden(t, path, content)
	if b, err := os.ReadFile(path); err != nil || string(b) != content {
		t.Fatalf("-update wrote %q, %v", b, err)
	}
	setUpdate(t, "false")
	Golden(t, path, content)
}

func setUpdate(t *testing.T, v string) {
	if err := flag.Set(updateFlag, v); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { flag.Set(updateFlag, "false") })
}

func TestReadMaybeGzip(t *testing.T) {
	dir := t.TempDir()
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	w.Write([]byte("packed"))
	w.Close()
	for name, data := range map[string][]byte{"a.txt": []byte("plain"), "a.txt.gz": z.Bytes()} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := ReadMaybeGzip(t, filepath.Join(dir, "a.txt")); string(got) != "plain" {
		t.Errorf("a.txt: %q", got)
	}
	if got := ReadMaybeGzip(t, filepath.Join(dir, "a.txt.gz")); string(got) != "packed" {
		t.Errorf("a.txt.gz: %q", got)
	}
}

func TestScaled(t *testing.T) {
	for _, tc := range []struct {
		env  string
		want time.Duration
	}{{"", time.Second}, {"3", 3 * time.Second}, {"0.5", time.Second / 2}, {"x", time.Second}, {"-2", time.Second}} {
		t.Run(tc.env, func(t *testing.T) {
			t.Setenv(ScaleEnv, tc.env)
			if got := Scaled(time.Second); got != tc.want {
				t.Errorf("Scaled(1s) = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestPollUntil(t *testing.T) {
	n := 0
	got := PollUntil(t, "the third call", func() (string, bool) {
		n++
		return strings.Repeat("x", n), n == 3
	})
	if got != "xxx" || n != 3 {
		t.Errorf("returned %q after %d calls", got, n)
	}
}

func TestModuleRoot(t *testing.T) {
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "internal", "testkit", "testkit.go")); err != nil {
		t.Errorf("root %s: %v", root, err)
	}
}
