package content

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
	"unsafe"
)

func texts(d *Document) []string {
	out := []string{}
	for _, b := range d.Blocks {
		out = append(out, b.Text)
	}
	return out
}

func TestParseLines(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty", "", []string{}},
		{"bom only", "\uFEFF", []string{}},
		{"one line no newline", "سلام", []string{"سلام"}},
		{"trailing newline makes no extra block", "a\n", []string{"a"}},
		{"a single newline is one blank line", "\n", []string{""}},
		{"blank lines kept", "a\n\nb\n\n\nc", []string{"a", "", "b", "", "", "c"}},
		{"blank line at the end kept", "a\n\n", []string{"a", ""}},
		{"crlf", "a\r\nb\r\n", []string{"a", "b"}},
		{"lone cr", "a\rb\r", []string{"a", "b"}},
		{"mixed", "a\r\n\rb\n\r\nc", []string{"a", "", "b", "", "c"}},
		{"lf cr is two breaks", "a\n\rb", []string{"a", "", "b"}},
		{"bom dropped", "\uFEFFa\nb", []string{"a", "b"}},
		{"bom only at the start", "a\uFEFF", []string{"a\uFEFF"}},
		{"tab at 0", "\tx", []string{"        x"}},
		{"tab after 3", "abc\tx", []string{"abc     x"}},
		{"tab after 8", "abcdefgh\tx", []string{"abcdefgh        x"}},
		{"two tabs", "a\tb\tc", []string{"a       b       c"}},
		{"tab counts cells not bytes", "سلام\tx", []string{"سلام    x"}},
		{"tab after wide chars", "日本\tx", []string{"日本    x"}},
		{"bidi controls kept", "\u202bab\u202c\u2067c\u2069\u200e\u200f\u061c", []string{"\u202bab\u202c\u2067c\u2069\u200e\u200f\u061c"}},
		{"unicode line separator kept", "a\u2028b", []string{"a\u2028b"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Parse(tc.in)
			got := texts(d)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
				t.Errorf("Parse(%+q) = %+q, want %+q", tc.in, got, tc.want)
			}
			for _, b := range d.Blocks {
				if b.Kind != Paragraph || len(b.Controls()) != 0 {
					t.Errorf("block %+q: kind %d controls %v", b.Text, b.Kind, b.Controls())
				}
			}
			if d.Replaced != 0 {
				t.Errorf("Replaced = %d", d.Replaced)
			}
		})
	}
}

func TestDefuse(t *testing.T) {
	tests := []struct {
		name, in, want string
		controls       []Range
		replaced       int
	}{
		{"osc 52 clipboard write", "\x1b]52;c;aGk=\x07", "␛]52;c;aGk=␇", []Range{{0, 3}, {13, 16}}, 0},
		{"clear screen", "x\x1b[2J", "x␛[2J", []Range{{1, 4}}, 0},
		{"8-bit CSI", "\u009b31m", "\uFFFD31m", []Range{{0, 3}}, 0},
		{"NEL and other C1", "a\u0085b\u0080\u009f", "a\uFFFDb\uFFFD\uFFFD", []Range{{1, 4}, {5, 8}, {8, 11}}, 0},
		{"nul", "a\x00b", "a␀b", []Range{{1, 4}}, 0},
		{"form feed and vertical tab", "\f\v", "␌␋", []Range{{0, 3}, {3, 6}}, 0},
		{"del", "a\x7f", "a␡", []Range{{1, 4}}, 0},
		{"cr and lf inside one paragraph", "a\r\nb", "a␍␊b", []Range{{1, 4}, {4, 7}}, 0},
		{"unit separator", "\x1f", "␟", []Range{{0, 3}}, 0},
		{"invalid bytes", "a\xffb\xc3", "a\uFFFDb\uFFFD", nil, 2},
		{"overlong encoding of ESC is invalid, not ESC", "\xc0\x9b", "\uFFFD\uFFFD", nil, 2},
		{"encoded surrogate", "\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD", nil, 3},
		{"nbsp is not C1", "\u00a0\u00a9", "\u00a0\u00a9", nil, 0},
		{"tab after a placeholder", "\x1b\tx", "␛       x", []Range{{0, 3}}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ctl, n := Defuse(tc.in)
			if got != tc.want || n != tc.replaced || !slices.Equal(ctl, tc.controls) {
				t.Errorf("Defuse(%+q) = %+q %v %d, want %+q %v %d", tc.in, got, ctl, n, tc.want, tc.controls, tc.replaced)
			}
			checkSafe(t, got)
			// The same line read from a file gives the same block (a NUL
			// after the sniffed prefix, so that the file is not binary).
			in := strings.NewReplacer("\r", "", "\n", "").Replace(tc.in)
			if in != tc.in {
				return
			}
			d, err := Read("t", strings.NewReader(strings.Repeat("x\n", BinarySniff)+tc.in))
			if err != nil {
				t.Fatal(err)
			}
			b := d.Blocks[len(d.Blocks)-1]
			if b.Text != tc.want || !slices.Equal(b.Controls(), tc.controls) || d.Replaced != tc.replaced {
				t.Errorf("Read: %+q %v %d", b.Text, b.Controls(), d.Replaced)
			}
		})
	}
}

// checkSafe fails if s could talk to a terminal.
func checkSafe(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("%+q: invalid UTF-8", s)
	}
	for _, r := range s {
		if r < 0x20 || r >= 0x7F && r < 0xA0 {
			t.Fatalf("%+q holds control U+%04X", s, r)
		}
	}
}

func TestReadReplacedCount(t *testing.T) {
	d := Parse("ok\nbad \xff\xfe here\n\xe2\x82\nok")
	if d.Replaced != 4 {
		t.Errorf("Replaced = %d, want 4", d.Replaced)
	}
	want := []string{"ok", "bad \uFFFD\uFFFD here", "\uFFFD\uFFFD", "ok"}
	if got := texts(d); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %+q, want %+q", got, want)
	}
}

func TestReadBinary(t *testing.T) {
	const hint = "; if it is text, name its encoding with --encoding (--encoding=list shows the names)"
	for _, in := range []string{"\x00", "text\x00more", strings.Repeat("a", BinarySniff-1) + "\x00", "\x7fELF\x02\x01\x01\x00\x00"} {
		_, err := Read("data.bin", strings.NewReader(in))
		if err == nil || err.Error() != "data.bin: looks binary"+hint || !errors.Is(err, ErrBinary) {
			t.Errorf("Read(%.20q): err = %v, want data.bin: looks binary%s", in, err, hint)
		}
	}
	// UTF-16 with a BOM is text, and the document says how it was read.
	d, err := Read("notepad.txt", strings.NewReader("\xff\xfeh\x00i\x00"))
	if err != nil || len(d.Blocks) != 1 || d.Blocks[0].Text != "hi" || !strings.HasPrefix(d.Meta.Encoding, "utf-16le") {
		t.Errorf("UTF-16: %v %+v", err, d)
	}
	// A NUL beyond the sniffed prefix is defused instead.
	d, err = Read("late", strings.NewReader(strings.Repeat("a", BinarySniff)+"\x00"))
	if err != nil || len(d.Blocks) != 1 || !strings.HasSuffix(d.Blocks[0].Text, "a␀") {
		t.Errorf("late NUL: %v", err)
	}
	_, err = Read("-", strings.NewReader("\x00"))
	if err == nil || err.Error() != "standard input: looks binary"+hint {
		t.Errorf("stdin: err = %v", err)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "notes.txt")
	_, err := Open(missing)
	if err == nil || err.Error() != missing+": no such file or directory" || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing: %v", err)
	}
	_, err = Open(dir)
	if err == nil || err.Error() != dir+": is a directory" || !errors.Is(err, ErrIsDir) {
		t.Errorf("directory: %v", err)
	}
	bin := filepath.Join(dir, "x.bin")
	os.WriteFile(bin, []byte("\x7fELF\x02\x01\x01\x00\x00"), 0o644)
	_, err = Open(bin)
	if err == nil || !strings.HasPrefix(err.Error(), bin+": looks binary; ") {
		t.Errorf("binary: %v", err)
	}
	// An input that fails while being read.
	_, err = Read("pipe", iotest.ErrReader(errors.New("input/output error")))
	var fe *FileError
	if !errors.As(err, &fe) || err.Error() != "pipe: input/output error" {
		t.Errorf("read error: %v", err)
	}
	_, err = Read("pipe", io.MultiReader(strings.NewReader(strings.Repeat("a", BinarySniff+10)), iotest.ErrReader(errors.New("boom"))))
	if err == nil || err.Error() != "pipe: boom" {
		t.Errorf("late read error: %v", err)
	}
	// An unreadable file. Permission bits do not stop root, so when the
	// tests run as root a file the kernel refuses to read stands in.
	unreadable := filepath.Join(dir, "secret.txt")
	os.WriteFile(unreadable, []byte("x"), 0o000)
	if os.Geteuid() == 0 {
		unreadable = "/proc/self/mem" // read at offset 0 fails with EIO
	}
	_, err = Open(unreadable)
	if err == nil || !strings.HasPrefix(err.Error(), unreadable+": ") || strings.Contains(err.Error(), "\n") {
		t.Errorf("unreadable %s: %v", unreadable, err)
	}
}

func TestOpenFileAndStdin(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	d, err := Open(empty)
	if err != nil || d.Name != empty || len(d.Blocks) != 0 {
		t.Fatalf("empty: %v %+v", err, d)
	}
	p := filepath.Join(dir, "a.txt")
	os.WriteFile(p, []byte("\uFEFFیک\r\nدو\r\n"), 0o644)
	d, err = Open(p)
	if err != nil || strings.Join(texts(d), "|") != "یک|دو" {
		t.Fatalf("a.txt: %v %+q", err, texts(d))
	}

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = old }()
	go func() { w.Write([]byte("از\nstdin")); w.Close() }()
	d, err = Open("-")
	if err != nil || d.Name != "-" || strings.Join(texts(d), "|") != "از|stdin" {
		t.Fatalf("stdin: %v %+v", err, d)
	}
}

// TestParseSharesMemory: clean lines are substrings of the input, not copies.
func TestParseSharesMemory(t *testing.T) {
	in := "first line\nدومین خط\n\x1b[2J defused\nlast"
	d := Parse(in)
	lo := uintptr(unsafe.Pointer(unsafe.StringData(in)))
	hi := lo + uintptr(len(in))
	for i, b := range d.Blocks {
		p := uintptr(unsafe.Pointer(unsafe.StringData(b.Text)))
		inside := p >= lo && p < hi
		if inside != (i != 2) {
			t.Errorf("block %d %+q: inside input = %v", i, b.Text, inside)
		}
	}
	allocs := testing.AllocsPerRun(20, func() { Parse(in) })
	if allocs > 5 {
		t.Errorf("Parse: %v allocs", allocs)
	}
}

// TestReadChunked: the result does not depend on how the reader splits
// its input.
func TestReadChunked(t *testing.T) {
	in := "\uFEFFa\r\nب\x1b\tc\xff\r" + strings.Repeat("x", 9000) + "\x00\n"
	whole, err := Read("w", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []io.Reader{iotest.OneByteReader(strings.NewReader(in)), iotest.HalfReader(strings.NewReader(in)), bytes.NewBufferString(in)} {
		d, err := Read("w", r)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(texts(d), "|") != strings.Join(texts(whole), "|") || d.Replaced != whole.Replaced {
			t.Errorf("chunked read differs")
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, s := range []string{"", "a\r\nb\rc\n", "\uFEFF\x1b]52;c;aGk=\x07", "\u009b31m\t\xff", "\x00", "سلام\u200cها\n\n\f\v\x7f"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		d, err := Read("fuzz", bytes.NewReader(in))
		if err != nil {
			var ce *CompressionError
			if errors.As(err, &ce) {
				return // a compressed stream's magic, then garbage
			}
			if !errors.Is(err, ErrBinary) || bytes.IndexByte(in[:min(len(in), SniffSize)], 0) < 0 {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		var all strings.Builder
		for _, b := range d.Blocks {
			checkSafe(t, b.Text)
			for _, c := range b.Controls() {
				if c.Start < 0 || c.End > len(b.Text) || c.Start >= c.End {
					t.Fatalf("bad control range %v in %+q", c, b.Text)
				}
				// Each range is one placeholder: a control picture or U+FFFD.
				r, n := utf8.DecodeRuneInString(b.Text[c.Start:])
				if n != c.End-c.Start || !(r >= 0x2400 && r <= 0x2421 || r == utf8.RuneError) {
					t.Fatalf("control range %v of %+q holds %+q", c, b.Text, b.Text[c.Start:c.End])
				}
			}
			if b.Attrs != nil && b.Attrs.Number != "" {
				// A verse's number is kept beside its text.
				all.WriteString(b.Attrs.Number)
			}
			all.WriteString(b.Text)
		}
		// Every printable rune of valid input is present, in order.
		if utf8.Valid(in) && d.Meta.Encoding == "" {
			got := []rune(all.String())
			k := 0
			for i, r := range string(bytes.TrimPrefix(in, []byte("\uFEFF"))) {
				if r < 0x20 || r >= 0x7F && r < 0xA0 || r == ' ' {
					// Spaces: a verse's halves are trimmed and
					// joined by one space, TAB becomes spaces.
					continue
				}
				for k < len(got) && got[k] != r {
					k++
				}
				if k == len(got) {
					t.Fatalf("rune %U at %d of %+q lost: %+q", r, i, in, all.String())
				}
				k++
			}
		}
	})
}

func BenchmarkRead(b *testing.B) {
	// 4 MB of the article's lines: Persian, Latin punctuation, blank lines.
	in := bytes.Repeat(article(), 4<<20/len(article()))
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read("bench", bytes.NewReader(in)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpen(b *testing.B) {
	p := filepath.Join(b.TempDir(), "big.txt")
	in := bytes.Repeat(article(), 4<<20/len(article()))
	os.WriteFile(p, in, 0o644)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Open(p); err != nil {
			b.Fatal(err)
		}
	}
}

// TestOpenMemory: reading a file costs the file once (one string) plus
// the Block headers, not a copy per line. With lines of 80 bytes, a
// common length for prose wrapped by an editor, that stays under 2x.
func TestOpenMemory(t *testing.T) {
	line := strings.Repeat("س", 39) + "\n" // 80 bytes
	in := strings.Repeat(line, 4<<20/len(line))
	p := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(p, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d, err := Open(p)
	runtime.ReadMemStats(&after)
	if err != nil || len(d.Blocks) != len(in)/len(line) {
		t.Fatal(err)
	}
	got := after.TotalAlloc - before.TotalAlloc
	t.Logf("Open of %d bytes in %d lines allocated %d bytes (%.2fx)", len(in), len(d.Blocks), got, float64(got)/float64(len(in)))
	if got > uint64(2*len(in)) {
		t.Errorf("Open of %d bytes allocated %d bytes (%.2fx)", len(in), got, float64(got)/float64(len(in)))
	}
	runtime.KeepAlive(d)
}

func TestParseVerses(t *testing.T) {
	for _, tc := range []struct {
		name, line string
		halves     []string // nil: not a verse
	}{
		{"tab", "بشنو این نی چون شکایت می‌کند\tاز جدایی‌ها حکایت می‌کند", []string{"بشنو این نی چون شکایت می‌کند", "از جدایی‌ها حکایت می‌کند"}},
		{"three spaces", "  الا یا ایها الساقی   ادر کاسا و ناولها  ", []string{"الا یا ایها الساقی", "ادر کاسا و ناولها"}},
		{"two spaces are prose", "یک جمله.  جمله‌ی دیگر.", nil},
		{"latin columns", "name\tvalue", nil},
		{"one half persian", "۱۲\tسلام", nil},
		{"three parts", "الف\tب\tپ", nil},
		{"long prose with a gap", strings.Repeat("کلمه ", 20) + "   " + strings.Repeat("کلمه ", 20), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := Parse(tc.line).Blocks[0]
			if tc.halves == nil {
				if b.Kind == Verse {
					t.Errorf("%q is a verse", tc.line)
				}
				return
			}
			if b.Kind != Verse {
				t.Fatalf("%q: kind %v", tc.line, b.Kind)
			}
			h := b.Attrs.Halves
			if got := []string{b.Text[h[0].Start:h[0].End], b.Text[h[1].Start:h[1].End]}; got[0] != tc.halves[0] || got[1] != tc.halves[1] {
				t.Errorf("halves %q, want %q", got, tc.halves)
			}
			if b.Text != tc.halves[0]+" "+tc.halves[1] {
				t.Errorf("text %q", b.Text)
			}
		})
	}
}

// A file name reaches a message only through Safe: no control, no bidi
// formatting character, no invalid UTF-8.
func TestFileErrorNameIsSafe(t *testing.T) {
	name := "evil\x1b]52;c;aGk=\x07\u202egnp.exe\xff"
	_, err := Open(name)
	msg := err.Error()
	if strings.ContainsAny(msg, "\x1b\x07\u202e") || !utf8.ValidString(msg) || !strings.Contains(msg, "␛]52;c;aGk=␇<U+202E>gnp.exe\uFFFD") {
		t.Errorf("message %q", msg)
	}
}

// A verse number before the half-verses goes to the gutter (Attrs.Number),
// not into the text.
func TestParseVerseNumber(t *testing.T) {
	for _, tc := range []struct{ line, number, first string }{
		{"1.1\tبشنو این نی چون شکایت می‌کند\tاز جدایی‌ها حکایت می‌کند", "1.1", "بشنو این نی چون شکایت می‌کند"},
		{"۱۲  الا یا ایها الساقی   ادر کاسا و ناولها", "۱۲", "الا یا ایها الساقی"},
		{"12 مرداد ۱۴۰۳ روز خوبی بود", "", ""}, // a date, not a verse
	} {
		b := Parse(tc.line).Blocks[0]
		if tc.number == "" {
			if b.Kind == Verse {
				t.Errorf("%q read as a verse", tc.line)
			}
			continue
		}
		if b.Kind != Verse || b.Attrs.Number != tc.number || b.Text[b.Attrs.Halves[0].Start:b.Attrs.Halves[0].End] != tc.first {
			t.Errorf("%q: %v %+v %q", tc.line, b.Kind, b.Attrs, b.Text)
		}
	}
}

// TestDefuseMap: offsets in the defused text map back to the bytes of the
// line: after a TAB (its spaces), a C0 control (its picture), a C1 control
// and an invalid byte (U+FFFD), worked out by hand.
func TestDefuseMap(t *testing.T) {
	line := "a\tb \x01 \xff \u0085پوتین\t\tمسکو"
	text, toRaw := DefuseMap(line)
	if want, _, _ := Defuse(line); text != want {
		t.Fatalf("text %q, want Defuse's %q", text, want)
	}
	// In the text: "a" + 7 spaces + "b " + "␁"(3) + " " + "\uFFFD"(3) +
	// " " + "\uFFFD"(3, for C2 85) + "پوتین"(10) + spaces to the stops.
	// In the line: "a\tb " is bytes 0-3, \x01 4, " " 5, \xff 6, " " 7,
	// C2 85 8-9: پوتین starts at byte 10, ends at 20, and مسکو starts at
	// 22 after the two TABs.
	putin := strings.Index(text, "پوتین")
	moscow := strings.Index(text, "مسکو")
	for _, c := range []struct{ off, want int }{
		{0, 0}, {1, 1}, {2, 1}, {8, 2}, {9, 3},
		{putin, 10}, {putin + len("پوتین"), 20}, {moscow, 22}, {len(text), len(line)},
		{strings.Index(text, "␁"), 4}, {strings.Index(text, "␁") + 1, 4}, {strings.Index(text, "␁") + len("␁"), 5},
	} {
		if got := toRaw(c.off); got != c.want {
			t.Errorf("toRaw(%d) = %d, want %d", c.off, got, c.want)
		}
	}
	if line[10:20] != "پوتین" || line[22:] != "مسکو" {
		t.Fatal("the hand-worked offsets are wrong")
	}
	// A clean line maps to itself.
	_, id := DefuseMap("سلام دنیا")
	for _, o := range []int{0, 4, 9, len("سلام دنیا")} {
		if id(o) != o {
			t.Errorf("clean line: toRaw(%d) = %d", o, id(o))
		}
	}
}

// FuzzDefuseMap: for any line, DefuseMap's text is Defuse's, its map is
// monotone and within the line, and a byte of the text that is not a
// stand-in maps to the same byte of the line; ShowBidiControls keeps the
// length and every byte outside the names it writes.
func FuzzDefuseMap(f *testing.F) {
	for _, s := range []string{"", "a\tb", "\x01\xff\u0085پوتین\t\tمسکو", "\u202eabc\u2066d\u2069", "\t\t\t", "x\u061cy"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text, toRaw := DefuseMap(s)
		if want, _, _ := Defuse(s); text != want {
			t.Fatalf("text %q, Defuse %q", text, want)
		}
		last := 0
		for i := 0; i <= len(text); i++ {
			r := toRaw(i)
			if r < last || r > len(s) {
				t.Fatalf("toRaw(%d) = %d after %d (line of %d)", i, r, last, len(s))
			}
			last = r
			if i < len(text) && text[i] >= 0x20 && text[i] < 0x7f && text[i] != ' ' && s[r] != text[i] {
				t.Fatalf("text[%d] %q maps to line[%d] %q", i, text[i], r, s[r])
			}
		}
		if toRaw(len(text)) != len(s) {
			t.Fatalf("end maps to %d, want %d", toRaw(len(text)), len(s))
		}
		shown, names := ShowBidiControls(s)
		if len(shown) != len(s) {
			t.Fatalf("ShowBidiControls changed the length: %d -> %d", len(s), len(shown))
		}
		in := make([]bool, len(s))
		for _, n := range names {
			for i := n.Start; i < n.End; i++ {
				in[i] = true
			}
		}
		for i := range s {
			if !in[i] && s[i] != shown[i] {
				t.Fatalf("byte %d changed outside the names", i)
			}
		}
	})
}
