package content

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/klauspost/compress/zstd"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// persian is a Persian paragraph with the letters windows-1256 adds for
// Persian (پ چ ژ گ ک), ZWNJs, Latin and digits, spelled with Arabic yeh
// (ي) as Persian was in that code page, which has no Persian yeh.
const persian = "ژاله در پاييز به کتابخانه‌ي شهر رفت و چند کتاب گرفت.\n" +
	"او گفت: «اين کتاب‌ها را در سال 1385 خريده‌اند»، و نشاني www.example.org را داد.\n"

func readSample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "decode", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func encodeWith(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding %q: %v", s, err)
	}
	return b
}

func gzipped(t testing.TB, members ...[]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	for _, m := range members {
		zw := gzip.NewWriter(&buf)
		zw.Write(m)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// decodeAll decodes in to the end, fed whole and one byte at a time,
// and checks that both give the same result.
func decodeAll(t *testing.T, in []byte, forced string) (*Decoded, string, error) {
	t.Helper()
	d, out, err := decodeFrom(bytes.NewReader(in), forced)
	d1, out1, err1 := decodeFrom(iotest.OneByteReader(bytes.NewReader(in)), forced)
	if (err == nil) != (err1 == nil) || err != nil && err.Error() != err1.Error() {
		t.Fatalf("whole: %v; in bytes: %v", err, err1)
	}
	if err == nil && (d.String() != d1.String() || out != out1) {
		t.Fatalf("whole: %v %q; in bytes: %v %q", d, out, d1, out1)
	}
	return d, out, err
}

func decodeFrom(r io.Reader, forced string) (*Decoded, string, error) {
	d, err := Decode(r, forced)
	if err != nil {
		return nil, "", err
	}
	out, err := io.ReadAll(d.R)
	return d, string(out), err
}

func TestDecodeSamples(t *testing.T) {
	tests := []struct {
		file, enc, how, compression string
		want                        string // file with the expected text; "" for the input itself
	}{
		{"ar.windows-1256.txt", "windows-1256", HowDetected, "", "ar.utf-8.txt"},
		{"ar.windows-1256.txt.bz2", "windows-1256", HowDetected, "bzip2", "ar.utf-8.txt"},
		{"ar.windows-1256.txt.zst", "windows-1256", HowDetected, "zstd", "ar.utf-8.txt"},
		{"ar.utf-8.txt", "utf-8", HowDetected, "", ""},
		{"he.windows-1255.txt", "windows-1255", HowDetected, "", "he.windows-1255.expected.txt"},
		{"he.windows-1255.txt.gz", "windows-1255", HowDetected, "gzip", "he.windows-1255.expected.txt"},
		// ISO-8859-8 has the letters of windows-1255 where 1255 has them.
		{"he.iso-8859-8.txt", "windows-1255", HowDetected, "", "he.iso-8859-8.expected.txt"},
		{"fr.utf-16be", "utf-16be", HowBOM, "", "fr.utf-16be.expected.txt"},
		{"fr.utf-32le", "utf-32le", HowBOM, "", "fr.utf-32le.expected.txt"},
		// Latin-1 text is neither Arabic nor Hebrew: kept as (invalid)
		// UTF-8, passed through for Parse to replace and count.
		{"fr.iso-8859-1.txt", "utf-8", HowDefault, "", ""},
		{"fr.windows-1252.txt", "utf-8", HowDefault, "", ""},
		{"de.iso-8859-1.txt", "utf-8", HowDefault, "", ""},
		// Cyrillic makes words of Hebrew or Arabic letters in those
		// pages; the final forms, symbols in words and the share of
		// ALEF tell them apart.
		{"bg.windows-1251.txt", "utf-8", HowDefault, "", ""},
		{"ru.koi8-r.txt", "utf-8", HowDefault, "", ""},
		{"ru.ibm866.txt", "utf-8", HowDefault, "", ""},
		// ISO-8859-6 is not detected (it must be forced, see TestDecodeForced).
		{"ar.iso-8859-6.txt", "utf-8", HowDefault, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			in := readSample(t, tc.file)
			d, out, err := decodeAll(t, in, "")
			if err != nil {
				t.Fatal(err)
			}
			if d.Encoding != tc.enc || d.How != tc.how || d.Compression != tc.compression {
				t.Errorf("got %q %q %q, want %q %q %q", d.Encoding, d.How, d.Compression, tc.enc, tc.how, tc.compression)
			}
			want := string(in)
			if tc.want != "" {
				want = string(readSample(t, tc.want))
			}
			if out != want {
				t.Errorf("text:\n%q\nwant:\n%q", out, want)
			}
		})
	}
}

func TestDecodeConstructed(t *testing.T) {
	le16 := xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	be16 := xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	le32 := utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM)
	be32 := utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM)
	cp1256 := encodeWith(t, charmap.Windows1256, persian)
	var zst bytes.Buffer
	zw, _ := zstd.NewWriter(&zst)
	zw.Write(cp1256)
	zw.Close()

	tests := []struct {
		name                        string
		in                          []byte
		enc, how, compression, want string
	}{
		{"utf-8 with BOM", append([]byte("\uFEFF"), persian...), "utf-8", HowBOM, "", persian},
		{"utf-8", []byte(persian), "utf-8", HowDetected, "", persian},
		{"ascii", []byte("Hello, world.\n"), "utf-8", HowDefault, "", "Hello, world.\n"},
		{"empty", nil, "utf-8", HowDefault, "", ""},
		{"utf-16le BOM", append([]byte{0xFF, 0xFE}, encodeWith(t, le16, persian)...), "utf-16le", HowBOM, "", persian},
		{"utf-16be BOM", append([]byte{0xFE, 0xFF}, encodeWith(t, be16, persian)...), "utf-16be", HowBOM, "", persian},
		{"utf-32le BOM", append([]byte{0xFF, 0xFE, 0, 0}, encodeWith(t, le32, persian)...), "utf-32le", HowBOM, "", persian},
		{"utf-32be BOM", append([]byte{0, 0, 0xFE, 0xFF}, encodeWith(t, be32, persian)...), "utf-32be", HowBOM, "", persian},
		{"utf-16le no BOM", encodeWith(t, le16, persian), "utf-16le", HowDetected, "", persian},
		{"utf-16be no BOM", encodeWith(t, be16, persian), "utf-16be", HowDetected, "", persian},
		{"utf-32le no BOM", encodeWith(t, le32, persian), "utf-32le", HowDetected, "", persian},
		{"utf-32be no BOM", encodeWith(t, be32, persian), "utf-32be", HowDetected, "", persian},
		{"utf-16le english no BOM", encodeWith(t, le16, "plain English\r\n"), "utf-16le", HowDetected, "", "plain English\r\n"},
		{"windows-1256", cp1256, "windows-1256", HowDetected, "", persian},
		{"gzip windows-1256", gzipped(t, cp1256), "windows-1256", HowDetected, "gzip", persian},
		{"gzip members", gzipped(t, cp1256[:40], cp1256[40:]), "windows-1256", HowDetected, "gzip", persian},
		{"gzip utf-16 BOM", gzipped(t, append([]byte{0xFF, 0xFE}, encodeWith(t, le16, persian)...)), "utf-16le", HowBOM, "gzip", persian},
		{"gzip empty", gzipped(t, nil), "utf-8", HowDefault, "gzip", ""},
		{"zstd", zst.Bytes(), "windows-1256", HowDetected, "zstd", persian},
		// One bad byte in valid UTF-8 does not make it windows-1256.
		{"utf-8 one invalid byte", []byte(persian + "\xFF" + persian), "utf-8", HowDetected, "", persian + "\xFF" + persian},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, out, err := decodeAll(t, tc.in, "")
			if err != nil {
				t.Fatal(err)
			}
			if d.Encoding != tc.enc || d.How != tc.how || d.Compression != tc.compression {
				t.Errorf("got %v, want %s (%s) %s", d, tc.enc, tc.how, tc.compression)
			}
			if out != tc.want {
				t.Errorf("text %q, want %q", out, tc.want)
			}
		})
	}
}

// The prefix may end inside a character: valid UTF-8 cut at SniffSize
// is still UTF-8, for every place of the cut.
func TestDecodeUTF8CutAtSniffSize(t *testing.T) {
	for pad := range 4 {
		text := strings.Repeat("a", pad) + strings.Repeat("ژ😀", SniffSize/6+2)
		d, out, err := decodeFrom(strings.NewReader(text), "")
		if err != nil {
			t.Fatal(err)
		}
		if d.Encoding != "utf-8" || d.How != HowDetected || out != text {
			t.Errorf("pad %d: %v, text equal %v", pad, d, out == text)
		}
	}
}

func TestDecodeNotLegacy(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(rng.IntN(255) + 1) // no NUL
	}
	latin1 := encodeWith(t, charmap.ISO8859_1, "Où est la forêt? À côté du château, très près de l'église.\n")
	tests := []struct {
		name string
		in   []byte
		how  string
	}{
		{"english", []byte("The quick brown fox jumps over the lazy dog.\n"), HowDefault},
		{"persian utf-8", []byte(persian), HowDetected},
		{"french latin-1", latin1, HowDefault},
		{"french latin-1 repeated", bytes.Repeat(latin1, 200), HowDefault},
		{"noise", noise, HowDefault},
		{"one stray byte", []byte("caf\xE9 au lait"), HowDefault},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, out, err := decodeAll(t, tc.in, "")
			if err != nil {
				t.Fatal(err)
			}
			if d.Encoding != "utf-8" || d.How != tc.how {
				t.Errorf("got %v, want utf-8 (%s)", d, tc.how)
			}
			if out != string(tc.in) {
				t.Errorf("UTF-8 is not passed through as read")
			}
		})
	}
}

func TestDecodeBinary(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00")
	elf := append([]byte("\x7fELF\x02\x01\x01\x00"), make([]byte, 56)...)
	late := append(bytes.Repeat([]byte("text "), BinarySniff/5+10), 0)
	tests := []struct {
		name   string
		in     []byte
		binary bool
	}{
		{"png", png, true},
		{"elf", elf, true},
		{"gzip of binary", gzipped(t, elf), true},
		{"nul in text", []byte("abc\x00def"), true},
		{"nul after BinarySniff", late, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := decodeAll(t, tc.in, "")
			if errors.Is(err, ErrBinary) != tc.binary {
				t.Fatalf("err = %v, binary want %v", err, tc.binary)
			}
			if tc.binary && !strings.Contains(err.Error(), "--encoding") {
				t.Errorf("%q does not suggest --encoding", err)
			}
			// Forcing an encoding reads it all the same.
			if _, _, err := decodeAll(t, tc.in, "utf-8"); err != nil {
				t.Errorf("forced: %v", err)
			}
		})
	}
}

func TestDecodeCompressionErrors(t *testing.T) {
	good := gzipped(t, []byte(persian))
	badSum := slices.Clone(good)
	badSum[len(badSum)-6] ^= 0xFF // the CRC-32 of the trailer
	trailing := append(slices.Clone(good), "this is not a gzip member at all"...)
	tests := []struct {
		name, in, msg string
	}{
		{"gzip header", "\x1F\x8B\x07garbage after the magic", "gzip: invalid header"},
		{"gzip magic only", "\x1F\x8B", "gzip: truncated input"},
		{"gzip truncated", string(good[:len(good)/2]), "gzip: truncated input"},
		{"gzip checksum", string(badSum), "gzip: invalid checksum"},
		{"gzip trailing garbage", string(trailing), "gzip: invalid header"},
		{"xz", string(readSample(t, "ar.windows-1256.txt.xz")), "xz: compressed input not supported here; decompress it first (xz -dc FILE | rtlview)"},
		{"zstd window over 128 MiB", "\x28\xB5\x2F\xFD\x00\x90\x01\x00\x00", "zstd: window size exceeded"},
		{"zstd corrupt", "\x28\xB5\x2F\xFD\xFF\xFF\xFF\xFF\xFF\xFF", "zstd: "},
		{"bzip2 corrupt", "BZh91AY&SYgarbage", "bzip2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := decodeAll(t, []byte(tc.in), "")
			var ce *CompressionError
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v (%T), want a *CompressionError", err, err)
			}
			if !strings.HasPrefix(err.Error(), tc.msg) || strings.Contains(err.Error(), "\n") {
				t.Errorf("message %q, want %q", err, tc.msg)
			}
		})
	}
}

// An error of the input itself is passed on, not blamed on gzip.
func TestDecodeReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	_, err := Decode(iotest.ErrReader(boom), "")
	if err != boom {
		t.Errorf("plain: err = %v, want %v", err, boom)
	}
	gz := gzipped(t, bytes.Repeat([]byte(persian), 50))
	_, _, err = decodeFrom(io.MultiReader(bytes.NewReader(gz[:len(gz)/2]), iotest.ErrReader(boom)), "")
	if err != boom {
		t.Errorf("gzip: err = %v (%T), want %v", err, err, boom)
	}
}

func TestDecodeForced(t *testing.T) {
	cp1256 := encodeWith(t, charmap.Windows1256, persian)
	be16 := append([]byte{0xFE, 0xFF}, encodeWith(t, xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), persian)...)
	tests := []struct {
		name, forced string
		in           []byte
		enc, want    string
	}{
		{"canonical", "windows-1256", cp1256, "windows-1256", persian},
		{"alias", "CP1256", cp1256, "windows-1256", persian},
		{"auto is detection", "auto", cp1256, "windows-1256", persian},
		{"iso-8859-6", "iso-8859-6", readSample(t, "ar.iso-8859-6.txt"), "iso-8859-6", string(readSample(t, "ar.utf-8.txt"))},
		{"utf-16 takes the BOM's order", "utf-16", be16, "utf-16be", persian},
		{"utf-16 without BOM is little-endian", "utf-16", []byte("a\x00b\x00"), "utf-16le", "ab"},
		{"BOM of the forced encoding dropped", "utf-16be", be16, "utf-16be", persian},
		{"other BOM kept", "windows-1252", []byte("\xEF\xBB\xBFx"), "windows-1252", "ï»¿x"},
		{"latin1 is windows-1252", "latin1", readSample(t, "fr.iso-8859-1.txt"), "windows-1252", string(readSample(t, "fr.iso-8859-1.expected.txt"))},
		{"utf-8 passes bytes", "utf-8", []byte("a\xFFb"), "utf-8", "a\xFFb"},
		{"forced over a BOM", "windows-1256", append([]byte{0xFF, 0xFE}, cp1256...), "windows-1256", "\u06D2\u200F" + persian},
		{"forced through gzip", "windows-1255", readSample(t, "he.windows-1255.txt.gz"), "windows-1255", string(readSample(t, "he.windows-1255.expected.txt"))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, out, err := decodeAll(t, tc.in, tc.forced)
			if err != nil {
				t.Fatal(err)
			}
			how := HowForced
			if tc.forced == "auto" {
				how = HowDetected
			}
			if d.Encoding != tc.enc || d.How != how {
				t.Errorf("got %v, want %s (%s)", d, tc.enc, how)
			}
			if out != tc.want {
				t.Errorf("text %q, want %q", out, tc.want)
			}
		})
	}
}

func TestUnknownEncoding(t *testing.T) {
	tests := []struct {
		name  string
		close string // one name that must be offered
	}{
		{"win1256", "windows-1256"},
		{"windows1256x", "windows-1256"},
		{"1255", "windows-1255"},
		{"farsi", "windows-1256"},
		{"utf-61", "utf-16"},
		{"klingon", ""},
	}
	for _, tc := range tests {
		_, err := Decode(strings.NewReader("x"), tc.name)
		var ee *EncodingError
		if !errors.As(err, &ee) || !errors.Is(err, ErrUnknownEncoding) {
			t.Fatalf("%s: err = %v", tc.name, err)
		}
		if _, err2 := LookupEncoding(tc.name); err2 == nil || err2.Error() != err.Error() {
			t.Errorf("LookupEncoding(%q) = %v, Decode said %v", tc.name, err2, err)
		}
		if len(ee.Close) > 3 || tc.close == "" && len(ee.Close) != 0 || tc.close != "" && !slices.Contains(ee.Close, tc.close) {
			t.Errorf("%s: close names %q, want %q among at most 3", tc.name, ee.Close, tc.close)
		}
		if !strings.Contains(err.Error(), "--encoding=list") {
			t.Errorf("%q does not point at --encoding=list", err)
		}
	}
}

func TestEncodingNames(t *testing.T) {
	names := EncodingNames()
	if !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != len(names) {
		t.Errorf("not sorted and unique: %q", names)
	}
	for _, n := range []string{"utf-8", "utf-16", "utf-16le", "utf-16be", "utf-32", "utf-32le", "utf-32be",
		"windows-1256", "iso-8859-6", "windows-1255", "iso-8859-8", "iso-8859-8-i", "windows-1252"} {
		if !slices.Contains(names, n) {
			t.Errorf("%s is not listed", n)
		}
	}
	for _, n := range names {
		if got, err := LookupEncoding(n); got != n || err != nil {
			t.Errorf("LookupEncoding(%q) = %q, %v: a listed name must read as itself", n, got, err)
		}
		if DescribeEncoding(n) == "" {
			t.Errorf("%s has no description", n)
		}
	}
	for n := range descriptions {
		if !slices.Contains(names, n) {
			t.Errorf("description of %s, which is not listed", n)
		}
	}
	var buf bytes.Buffer
	if err := WriteEncodingList(&buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != len(names) || !strings.HasPrefix(lines[0], names[0]+" ") {
		t.Errorf("list has %d lines for %d names, first %q", len(lines), len(names), lines[0])
	}
}

// endless yields a pattern forever.
type endless struct {
	pattern []byte
	off     int
}

func (e *endless) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], e.pattern[e.off:])
		n += c
		e.off = (e.off + c) % len(e.pattern)
	}
	return n, nil
}

// heapAfterGC is the live heap.
func heapAfterGC() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// Decode reads only a bounded prefix, and decoding holds bounded memory:
// an endless input and a 3 GB gzip stream made as it is read both give
// their first bytes, and reading 64 MiB of text holds a few hundred KiB.
func TestDecodeStreaming(t *testing.T) {
	line := encodeWith(t, charmap.Windows1256, persian)

	t.Run("endless", func(t *testing.T) {
		d, err := Decode(&endless{pattern: line}, "")
		if err != nil {
			t.Fatal(err)
		}
		first := make([]byte, 100)
		if _, err := io.ReadFull(d.R, first); err != nil {
			t.Fatal(err)
		}
		if d.Encoding != "windows-1256" || !strings.HasPrefix(persian, string(first)) {
			t.Errorf("got %v", d)
		}
	})

	t.Run("3 GB gzip", func(t *testing.T) {
		pr, pw := io.Pipe()
		go func() {
			// A gzip stream of 3 GB of text, compressed as it is read;
			// it stops when the reader is closed.
			zw, _ := gzip.NewWriterLevel(pw, gzip.BestSpeed)
			_, err := io.Copy(zw, io.LimitReader(&endless{pattern: line}, 3<<30))
			if err == nil {
				err = zw.Close()
			}
			pw.CloseWithError(err)
		}()
		defer pr.Close()
		before := heapAfterGC()
		d, err := Decode(pr, "")
		if err != nil {
			t.Fatal(err)
		}
		if d.Encoding != "windows-1256" || d.Compression != "gzip" {
			t.Errorf("got %v", d)
		}
		const n = 64 << 20
		var out countingWriter
		if _, err := io.CopyN(&out, d.R, n); err != nil {
			t.Fatal(err)
		}
		held := int64(heapAfterGC()) - int64(before)
		t.Logf("decoded %d MiB, heap grew %d KiB", n>>20, held>>10)
		if held > 8<<20 {
			t.Errorf("heap grew by %d KiB while streaming", held>>10)
		}
		runtime.KeepAlive(d)
	})
}

type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// FuzzDecode checks, for any input and a few forced encodings:
//   - Decode does not panic, and fails only with ErrBinary, a
//     *CompressionError (then or while reading), never other errors
//     (the input is in memory and cannot fail);
//   - the result is the same fed whole and one byte at a time;
//   - Encoding "utf-8" passes the bytes through exactly (a leading UTF-8
//     BOM dropped when it was the reason), leaving the replacement of
//     invalid bytes to Parse; every other encoding yields valid UTF-8;
//   - an input not forced, not compressed, that holds a NUL in its first
//     BinarySniff bytes, is refused as binary unless read as UTF-16/32.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "decode", "*"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil && len(b) < 4096 {
			f.Add(b, uint8(0))
		}
	}
	f.Add([]byte(persian), uint8(0))
	f.Add([]byte("\xFF\xFEa\x00"), uint8(3))
	f.Add([]byte("a\x00b\x00c\x00"), uint8(0))
	f.Add(gzipped(f, []byte(persian)), uint8(2))
	forced := []string{"", "utf-8", "windows-1256", "utf-16", "utf-32be", "shift_jis", "windows-1255"}
	f.Fuzz(func(t *testing.T, in []byte, which uint8) {
		name := forced[int(which)%len(forced)]
		d, out, err := decodeFrom(bytes.NewReader(in), name)
		d1, out1, err1 := decodeFrom(iotest.OneByteReader(bytes.NewReader(in)), name)
		if (err == nil) != (err1 == nil) || err == nil && (d.String() != d1.String() || out != out1) {
			t.Fatalf("whole: %v %v; in bytes: %v %v", d, err, d1, err1)
		}
		var ce *CompressionError
		if err != nil {
			if !errors.Is(err, ErrBinary) && !errors.As(err, &ce) {
				t.Fatalf("unexpected error %v (%T)", err, err)
			}
			return
		}
		switch {
		case d.Encoding == "utf-8" && d.Compression == "":
			want := in
			if d.How == HowBOM || d.How == HowForced {
				want = bytes.TrimPrefix(in, []byte("\uFEFF"))
			}
			if out != string(want) {
				t.Fatalf("utf-8 not passed through: %q -> %q", in, out)
			}
		case d.Encoding != "utf-8" && !utf8.ValidString(out):
			t.Fatalf("%v gave invalid UTF-8 %q", d, out)
		}
		if name == "" && d.Compression == "" && bytes.IndexByte(in[:min(len(in), BinarySniff)], 0) >= 0 &&
			!strings.HasPrefix(d.Encoding, "utf-16") && !strings.HasPrefix(d.Encoding, "utf-32") {
			t.Fatalf("NUL in the prefix read as %v", d)
		}
	})
}

func benchText(b *testing.B, size int) string {
	b.Helper()
	return strings.Repeat(persian, size/len(persian)+1)[:size]
}

// benchDecode decodes in into a buffer, as Read does into its string;
// the bytes per second are those of the input.
func benchDecode(b *testing.B, in []byte) {
	var out bytes.Buffer
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		d, err := Decode(bytes.NewReader(in), "")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := out.ReadFrom(d.R); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	for _, size := range []int{4 << 10, 1 << 20, 16 << 20} {
		text := benchText(b, size)
		// Cut at a line so that the windows-1256 text is whole characters.
		text = text[:strings.LastIndexByte(text, '\n')+1]
		name := map[int]string{4 << 10: "4KiB", 1 << 20: "1MiB", 16 << 20: "16MiB"}[size]
		b.Run("utf-8/"+name, func(b *testing.B) { benchDecode(b, []byte(text)) })
		b.Run("windows-1256/"+name, func(b *testing.B) { benchDecode(b, encodeWith(b, charmap.Windows1256, text)) })
		if size == 1<<20 {
			b.Run("gzip-utf-8/"+name, func(b *testing.B) { benchDecode(b, gzipped(b, []byte(text))) })
		}
	}
}
