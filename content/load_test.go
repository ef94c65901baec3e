package content

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// real is a file of testdata/real (see the SOURCES.md beside each).
func real(parts ...string) string {
	return filepath.Join(append([]string{"..", "testdata", "real"}, parts...)...)
}

func load(t *testing.T, path string, o LoadOptions) *Document {
	t.Helper()
	d, err := Load(context.Background(), path, nil, o)
	if err != nil {
		t.Fatalf("Load(%s): %v", path, err)
	}
	return d
}

func TestFormatOf(t *testing.T) {
	for name, want := range map[string]Format{
		"README-fa.md": FormatMarkdown, "x.markdown": FormatMarkdown, "a.mdown": FormatMarkdown,
		"page.html": FormatHTML, "fa.srt": FormatSubtitles, "fa.VTT": FormatSubtitles,
		"fa.srt.gz": FormatSubtitles, "notes.txt": FormatText, "Makefile": FormatCode, "x.go": FormatCode,
		"src/greet.PY": FormatCode, "app.yml": FormatCode, "CMakeLists.txt": FormatCode, "services": FormatAuto, "README": FormatAuto,
	} {
		if got := FormatOf(name); got != want {
			t.Errorf("FormatOf(%q) = %v, want %v", name, got, want)
		}
	}
	for _, s := range []string{"auto", "text", "markdown", "html", "subtitles", "pager", "code", "MD", "srt"} {
		if _, err := ParseFormat(s); err != nil {
			t.Errorf("ParseFormat(%q): %v", s, err)
		}
	}
	if _, err := ParseFormat("docx\x1b"); err == nil || strings.ContainsRune(err.Error(), 0x1b) {
		t.Errorf("ParseFormat of a bad name: %v", err)
	}
}

// Code: a script by its "#!" line, each line left-to-right and never a
// verse (in text the aligned string and comment, Persian on both sides of
// the spaces, are two half-verses), the same whole and streamed.
func TestCodeLines(t *testing.T) {
	src := "#!/bin/sh\n# نام را بپرس\necho \"سلام\"    # خوش آمد\n\techo\n"
	if f := Sniff([]byte(src)); f != FormatCode {
		t.Fatalf("Sniff(script) = %v", f)
	}
	// Diffs, as git diff and diff -u print them, are code; a text that
	// only mentions one is not.
	for in, want := range map[string]Format{
		"diff --git a/x.py b/x.py\nindex 1..2 100644\n--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-# سلام\n+# درود\n": FormatCode,
		"--- x.txt\t2026-12-06\n+++ y.txt\t2026-12-06\n@@ -1 +1 @@\n-سلام\n+درود\n":                            FormatCode,
		"diff یعنی تفاوت\n--- \n":                                             FormatText,
		"commit 0e9d7ad\nAuthor: a <a@b>\n\n    پیام\n\ndiff --git a/x b/x\n": FormatCode, // git show
		"commit 0e9d7ad\nAuthor: a <a@b>\n\n    پیام\n":                       FormatText, // git log
	} {
		if got := Sniff([]byte(in)); got != want {
			t.Errorf("Sniff(%q) = %v, want %v", in, got, want)
		}
	}
	text, err := ReadAs("-", strings.NewReader(src), LoadOptions{Format: FormatText})
	if err != nil || text.Blocks[2].Kind != Verse {
		t.Fatalf("as text, line 3 is %v (%v): the case no longer shows the difference", text.Blocks[2].Kind, err)
	}
	whole, err := ReadAs("-", strings.NewReader(src), LoadOptions{})
	if err != nil || whole.Format != FormatCode {
		t.Fatalf("format %v, %v", whole.Format, err)
	}
	var streamed []Block
	if _, err := StreamHead(context.Background(), "-", strings.NewReader(src), LoadOptions{}, nil, func(b *Block) bool {
		streamed = append(streamed, *b)
		return true
	}); err != nil {
		t.Fatal(err)
	}
	// A file the reader reads on demand (a large one) is code too.
	path := filepath.Join(t.TempDir(), "ask")
	os.WriteFile(path, []byte(src), 0o644)
	fd, err := OpenFileDocument(path, LoadOptions{})
	if err != nil || fd.Format != FormatCode {
		t.Fatalf("file document: %v, %v", fd, err)
	}
	defer fd.File.Close()
	fd.File.Index(nil)
	fd.Sync()
	var filed []Block
	for i := range fd.Len() {
		filed = append(filed, *fd.Block(i))
	}
	for _, blocks := range [][]Block{whole.Blocks, streamed, filed} {
		if len(blocks) != 4 {
			t.Fatalf("%d blocks", len(blocks))
		}
		for i, b := range blocks {
			if b.Kind != Paragraph || b.Dir != LTR {
				t.Errorf("line %d: %v %v %q", i+1, b.Kind, b.Dir, b.Text)
			}
		}
		if blocks[3].Text != "        echo" {
			t.Errorf("the TAB: %q", blocks[3].Text)
		}
	}
}

// The real files of issue 14 open as what they are, with no flag.
func TestLoadRealFiles(t *testing.T) {
	t.Run("srt in windows-1256", func(t *testing.T) {
		d := load(t, real("subtitles", "ar-juvoplayer-windows-1256.srt"), LoadOptions{})
		if d.Format != FormatSubtitles || d.Meta.Encoding != "windows-1256 (detected)" {
			t.Fatalf("format %v, encoding %q", d.Format, d.Meta.Encoding)
		}
		cue := d.Blocks[0]
		if cue.Kind != Cue || !strings.Contains(cue.Attrs.Cue.Timing, "-->") || !hasRTLLetter(cue.Text) || strings.ContainsRune(cue.Text, '\uFFFD') {
			t.Errorf("first cue %+v %q", cue.Attrs, cue.Text)
		}
	})
	t.Run("srt forced", func(t *testing.T) {
		d := load(t, real("subtitles", "ar-juvoplayer-windows-1256.srt"), LoadOptions{Encoding: "windows-1256"})
		if d.Meta.Encoding != "windows-1256 (forced)" {
			t.Errorf("encoding %q", d.Meta.Encoding)
		}
	})
	t.Run("hebrew iso-8859-8", func(t *testing.T) {
		d := load(t, real("subtitles", "he-moana-iso-8859-8.srt"), LoadOptions{})
		if d.Format != FormatSubtitles || !strings.HasPrefix(d.Meta.Encoding, "windows-1255") {
			t.Errorf("format %v, encoding %q", d.Format, d.Meta.Encoding)
		}
	})
	t.Run("persian vtt", func(t *testing.T) {
		d := load(t, real("subtitles", "fa-subfixer-excerpt-derived.vtt"), LoadOptions{})
		if d.Format != FormatSubtitles || len(d.Blocks) != 12 {
			t.Fatalf("format %v, %d blocks", d.Format, len(d.Blocks))
		}
		third := d.Blocks[2]
		if third.Attrs.Cue.Timing != "00:01:25.333 --> 00:01:26.666" || strings.Contains(third.Text, "<i>") || len(third.Spans) == 0 || third.Spans[0].Kind != Emphasis {
			t.Errorf("cue 3: %q %q %+v", third.Attrs.Cue.Timing, third.Text, third.Spans)
		}
	})
	t.Run("gzip", func(t *testing.T) {
		d := load(t, real("quran", "quran-simple-clean.txt.gz"), LoadOptions{})
		if d.Format != FormatText || !strings.Contains(d.Meta.Encoding, "gzip") || len(d.Blocks) < 6000 {
			t.Errorf("format %v, encoding %q, %d blocks", d.Format, d.Meta.Encoding, len(d.Blocks))
		}
	})
	t.Run("pager output sniffed", func(t *testing.T) {
		d := load(t, real("pager", "git-log-graph-color.ansi"), LoadOptions{})
		if d.Format != FormatPager {
			t.Fatalf("format %v", d.Format)
		}
		styled := 0
		for _, b := range d.Blocks {
			if strings.ContainsRune(b.Text, '␛') {
				t.Fatalf("SGR left as a placeholder: %q", b.Text)
			}
			for _, s := range b.Spans {
				if s.Kind == Style {
					styled++
				}
			}
		}
		if styled == 0 {
			t.Error("no colour kept")
		}
	})
	t.Run("man page overstrike", func(t *testing.T) {
		d := load(t, real("pager", "ag.1.nroff-overstrike-utf8.txt"), LoadOptions{})
		if d.Format != FormatPager {
			t.Fatalf("format %v", d.Format)
		}
		for _, b := range d.Blocks {
			if strings.ContainsRune(b.Text, '␈') {
				t.Fatalf("backspace left as a placeholder: %q", b.Text)
			}
		}
	})
	t.Run("masnavi verses", func(t *testing.T) {
		d := load(t, real("poetry", "masnavi-daftar1-sh1-tab.txt"), LoadOptions{})
		for i, b := range d.Blocks {
			if b.Kind != Verse {
				t.Errorf("line %d is a %v", i+1, b.Kind)
			}
		}
	})
}

// Pager output keeps SGR only: any other escape is still a placeholder.
func TestLoadPagerOtherEscapes(t *testing.T) {
	in := "\x1b[31mred\x1b[0m \x1b[2J \x1b]52;c;aGk=\x07 done\n"
	d, err := ReadAs("-", strings.NewReader(in), LoadOptions{})
	if err != nil || d.Format != FormatPager {
		t.Fatalf("%v %v", err, d.Format)
	}
	text := d.Blocks[0].Text
	if !strings.HasPrefix(text, "red ") || strings.Count(text, "␛") != 2 || strings.ContainsRune(text, 0x1b) {
		t.Errorf("text %q", text)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "x.bin")
	os.WriteFile(bin, []byte("\x7fELF\x02\x01\x01\x00\x00"), 0o644)
	_, err := Load(context.Background(), bin, nil, LoadOptions{})
	if !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), "--encoding") {
		t.Errorf("binary: %v", err)
	}
	_, err = Load(context.Background(), bin, nil, LoadOptions{Encoding: "klingon"})
	var ee *EncodingError
	if !errors.As(err, &ee) {
		t.Errorf("unknown encoding: %v", err)
	}
	_, err = Load(context.Background(), "ftp://example.com/x", nil, LoadOptions{})
	if err == nil {
		t.Error("ftp URL read as a file that exists?")
	}
}

// FF FE before UTF-8 text is two invalid bytes, not a UTF-16 byte order
// mark: real UTF-16 has a NUL in every ASCII character.
func TestFalseWideBOM(t *testing.T) {
	d, err := ReadAs("x", strings.NewReader("\xff\xfeسلام دنیا\n"), LoadOptions{})
	if err != nil || d.Meta.Encoding != "" || d.Replaced != 2 || d.Blocks[0].Text != "\uFFFD\uFFFDسلام دنیا" {
		t.Errorf("%v %q %d %q", err, d.Meta.Encoding, d.Replaced, d.Blocks[0].Text)
	}
	d, err = ReadAs("x", strings.NewReader("\xff\xfes\x00a\x00"), LoadOptions{})
	if err != nil || d.Blocks[0].Text != "sa" {
		t.Errorf("real UTF-16: %v %q", err, d.Blocks[0].Text)
	}
}
