package content

// The first stage of the input pipeline (DESIGN.md, "The pipeline"):
// bytes -> decompression -> UTF-8 text, as a stream. Decode looks at a
// bounded prefix only, so a 3 GB or endless input is never held whole.

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"errors"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/klauspost/compress/zstd"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/transform"
)

// SniffSize is how many leading bytes of the (decompressed) input Decode
// looks at to choose an encoding. Decode waits for that many bytes or the
// end of the input before it returns: an encoding cannot be told from
// less, and it bounds what Decode holds.
const SniffSize = 64 << 10

// How an encoding was chosen, in Decoded.How.
const (
	HowBOM      = "BOM"      // a byte order mark at the start named it (and was dropped)
	HowDetected = "detected" // the sniffed prefix showed it: valid non-ASCII UTF-8, plausible windows-1256/1255, or NUL-patterned UTF-16/32
	HowForced   = "forced"   // the caller named it (--encoding)
	HowDefault  = "default"  // nothing showed any: ASCII, empty, or bytes no candidate explains; read as UTF-8
)

// Decoded is an input made UTF-8, and how.
type Decoded struct {
	// R yields the text as UTF-8 with any byte order mark dropped. For
	// Encoding "utf-8" the bytes are passed through as read, invalid
	// sequences included, so that Parse replaces and counts them; every
	// other encoding is converted, and its output is valid UTF-8 (bytes a
	// legacy code page leaves undefined become U+FFFD, not counted).
	// A corrupt compressed stream shows as a *CompressionError from Read.
	R io.Reader
	// Encoding is the canonical name of the encoding read: "utf-8",
	// "windows-1256", "utf-16le", ... (a name EncodingNames lists).
	Encoding string
	// How is HowBOM, HowDetected, HowForced or HowDefault.
	How string
	// Compression is the container undone on the way: "gzip", "bzip2",
	// "zstd", or "" for none.
	Compression string
}

// String describes the decoding for a status line or stderr, for example
// "windows-1256 (detected)" or "utf-8 (default), gzip".
func (d *Decoded) String() string {
	s := d.Encoding + " (" + d.How + ")"
	if d.Compression != "" {
		s += ", " + d.Compression
	}
	return s
}

// errBinaryHint is ErrBinary with the way out, for inputs that are not
// text in any encoding Decode recognises on its own. (A causeError, not
// fmt.Errorf: no formatting at start.)
var errBinaryHint = &causeError{kind: ErrBinary,
	msg: ErrBinary.Error() + "; if it is text, name its encoding with --encoding (--encoding=list shows the names)"}

// Decode returns r as a stream of UTF-8 text, undoing compression and
// converting from the input's encoding, which forced names ("" or "auto":
// find it). It reads SniffSize bytes (or the input, if shorter) before
// returning, and holds about twice that while the text is read, plus the
// decompressor's window: 32 KiB for gzip, about 4 MB for bzip2, the
// frame's window for zstd (8 MiB at most for the usual levels; streams
// that ask for more than 128 MiB are refused).
//
// Compression is recognised by its magic bytes, whatever the file name:
// gzip (concatenated members too), bzip2 and zstd are undone as read; xz
// is refused with a *CompressionError that says so.
//
// The encoding, in this order (forced skips the rest):
//  1. A byte order mark: UTF-8 (dropped), UTF-16 LE/BE, UTF-32 LE/BE.
//  2. NULs in a regular pattern (every other byte, or two bytes in four,
//     zero for mostly-ASCII text) that decode to text: UTF-16 or UTF-32
//     without a BOM.
//  3. Any other NUL in the first BinarySniff bytes: the input is refused
//     as binary (ErrBinary, with a hint about --encoding).
//  4. A prefix that is valid UTF-8 (an incomplete rune at the cut
//     allowed), or nearly so (invalid bytes under a tenth of the valid
//     multi-byte sequences): UTF-8.
//  5. windows-1256 (Arabic, Persian) or windows-1255 (Hebrew), if the
//     prefix decodes to plausible text in that script: letters of the
//     script in words of their own, marks after them, no foreign letters
//     or odd symbols, Hebrew final forms at word ends, enough ALEF (see
//     legacy.plausibility); the more plausible of the two. ISO-8859-8
//     Hebrew reads correctly as windows-1255; ISO-8859-6 must be forced.
//  6. Otherwise UTF-8, "default": invalid bytes reach Parse, which
//     replaces and counts them.
//
// A forced encoding is used as named, except that "utf-16" and "utf-32"
// take their byte order from a BOM (little-endian without one), and a
// BOM of the forced encoding is dropped. Forcing turns off the binary
// check: the caller has said the input is text.
//
// Errors: an *EncodingError for an unknown forced name (before anything
// is read); ErrBinary (wrapped, with a hint); a *CompressionError; or the
// reader's own error. The caller names the input around them.
func Decode(r io.Reader, forced string) (*Decoded, error) {
	var force *textEncoding
	if forced != "" && !strings.EqualFold(forced, "auto") {
		var err error
		if force, err = lookupEncoding(forced); err != nil {
			return nil, err
		}
	}
	d := &Decoded{}
	br := bufio.NewReaderSize(r, SniffSize)
	magic, err := br.Peek(magicSize)
	if err != nil && err != io.EOF && err != errPause {
		return nil, err
	}
	if c := compressionOf(magic); c != nil {
		zr, err := c.open(br)
		if err != nil {
			return nil, err
		}
		d.Compression = c.name
		br = bufio.NewReaderSize(zr, SniffSize)
	}
	p, err := br.Peek(SniffSize)
	if err != nil && err != io.EOF && err != errPause {
		return nil, err
	}
	atEOF := err == io.EOF // a live input that paused (errPause) may go on

	te, skip, how := sniff(p, atEOF, force)
	if te == nil {
		return nil, errBinaryHint
	}
	if _, err := br.Discard(skip); err != nil {
		return nil, err
	}
	d.Encoding, d.How = te.name, how
	d.R = br
	if te.enc != nil {
		d.R = transform.NewReader(br, te.enc.NewDecoder())
	}
	return d, nil
}

// sniff chooses the encoding of the prefix p (all of the input when
// atEOF), and how many bytes of BOM to skip. A nil encoding means binary.
func sniff(p []byte, atEOF bool, force *textEncoding) (te *textEncoding, skip int, how string) {
	bom, n := bomOf(p)
	if force != nil {
		te = force
		if te.byBOM {
			te = utf16LE
			if force.family == "utf-32" {
				te = utf32LE
			}
			if bom != nil && bom.family == force.family {
				te = bom
			}
		}
		if bom == te {
			skip = n
		}
		return te, skip, HowForced
	}
	if bom != nil && !(bom.family != "" && falseWideBOM(p[n:], atEOF)) {
		return bom, n, HowBOM
	}
	if bytes.IndexByte(p, 0) >= 0 {
		if te := sniffWide(p); te != nil {
			return te, 0, HowDetected
		}
		if bytes.IndexByte(p[:min(len(p), BinarySniff)], 0) >= 0 {
			return nil, 0, ""
		}
	}
	valid, invalid, ascii := utf8Counts(p, atEOF)
	switch {
	case ascii:
		return utf8Enc, 0, HowDefault
	case invalid*10 < valid:
		return utf8Enc, 0, HowDetected
	}
	if te := sniffLegacy(p); te != nil {
		return te, 0, HowDetected
	}
	return utf8Enc, 0, HowDefault
}

// utf8Counts counts the valid multi-byte sequences and the invalid bytes
// of p, and reports whether p is all ASCII. An incomplete sequence at the
// end of p is not counted unless atEOF: the prefix may cut a rune.
func utf8Counts(p []byte, atEOF bool) (valid, invalid int, ascii bool) {
	ascii = true
	for i := 0; i < len(p); {
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		ascii = false
		if !atEOF && !utf8.FullRune(p[i:]) {
			break
		}
		r, n := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			valid++
		}
		i += n
	}
	return valid, invalid, ascii
}

// A textEncoding is an encoding Decode can read, by canonical name.
type textEncoding struct {
	name   string
	enc    encoding.Encoding // nil for UTF-8, which is passed through
	family string            // "utf-16" or "utf-32" for the Unicode wide forms
	byBOM  bool              // "utf-16", "utf-32": a BOM picks the byte order
}

var (
	utf8Enc  = &textEncoding{name: "utf-8"}
	utf16LE  = &textEncoding{name: "utf-16le", enc: xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), family: "utf-16"}
	utf16BE  = &textEncoding{name: "utf-16be", enc: xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), family: "utf-16"}
	utf32LE  = &textEncoding{name: "utf-32le", enc: utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), family: "utf-32"}
	utf32BE  = &textEncoding{name: "utf-32be", enc: utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), family: "utf-32"}
	utf16Any = &textEncoding{name: "utf-16", family: "utf-16", byBOM: true}
	utf32Any = &textEncoding{name: "utf-32", family: "utf-32", byBOM: true}
)

// boms in the order they must be tried: the UTF-32LE mark begins with
// the UTF-16LE one (so UTF-16LE text starting with U+0000 is misread,
// as by every other reader).
var boms = []struct {
	mark string
	te   *textEncoding
}{
	{"\x00\x00\xFE\xFF", utf32BE},
	{"\xFF\xFE\x00\x00", utf32LE},
	{"\xEF\xBB\xBF", utf8Enc},
	{"\xFE\xFF", utf16BE},
	{"\xFF\xFE", utf16LE},
}

// bomOf returns the encoding a byte order mark at the start of p names,
// and the mark's length.
func bomOf(p []byte) (*textEncoding, int) {
	for _, b := range boms {
		if len(p) >= len(b.mark) && string(p[:len(b.mark)]) == b.mark {
			return b.te, len(b.mark)
		}
	}
	return nil, 0
}

// sniffWide finds UTF-32 or UTF-16 without a BOM from where the zero
// bytes fall: text whose characters are mostly below U+0100 (ASCII
// markup, spaces, digits, line ends) has a zero in the high byte of
// nearly every UTF-16 unit, and BMP text has two zero bytes in every
// UTF-32 unit, while binary data has zeros anywhere. Persian UTF-16 has
// 0x06 as the high byte of its letters, so only its spaces and line ends
// give zeros, which still fall on one side only. The candidate must then
// decode to text (no unpaired surrogate, no NUL, few controls).
func sniffWide(p []byte) *textEncoding {
	var z [4]int
	n := len(p) &^ 3
	for i, c := range p[:n] {
		if c == 0 {
			z[i&3]++
		}
	}
	if q := n / 4; q >= 2 {
		// Planes above the BMP put 0x01..0x10 in the third byte: allow some.
		if z[3] == q && z[2]*10 >= q*9 && wideText(p[:n], utf32LE) {
			return utf32LE
		}
		if z[0] == q && z[1]*10 >= q*9 && wideText(p[:n], utf32BE) {
			return utf32BE
		}
	}
	n = len(p) &^ 1
	for i := len(p) &^ 3; i < n; i++ {
		if p[i] == 0 {
			z[i&3]++
		}
	}
	even, odd, pairs := z[0]+z[2], z[1]+z[3], n/2
	switch {
	case pairs < 2:
	case odd >= 2 && odd*20 >= pairs && even*16 <= odd && wideText(p[:n], utf16LE):
		return utf16LE
	case even >= 2 && even*20 >= pairs && odd*16 <= even && wideText(p[:n], utf16BE):
		return utf16BE
	}
	return nil
}

// wideText reports whether p, decoded as te, is text: no U+FFFD (an
// unpaired surrogate or a value past U+10FFFF; one allowed at the end,
// where the prefix may cut a surrogate pair), no NUL, and controls other
// than TAB, LF, FF and CR under 1% of the characters.
func wideText(p []byte, te *textEncoding) bool {
	out, _, err := transform.Bytes(te.enc.NewDecoder(), p)
	if err != nil {
		return false
	}
	out = bytes.TrimSuffix(out, []byte("\uFFFD"))
	runes, bad := 0, 0
	for _, r := range string(out) {
		runes++
		switch {
		case r == utf8.RuneError || r == 0:
			return false
		case IsControl(r) && r != '\t' && r != '\n' && r != '\f' && r != '\r':
			bad++
		}
	}
	return runes > 0 && bad*100 <= runes
}

// The legacy code pages Decode can detect: the Windows pages of the
// right-to-left scripts this reader is for. ISO-8859-8 Hebrew is read
// correctly as windows-1255 (same letters); ISO-8859-6 must be forced.
var legacies = sync.OnceValue(func() []*legacy {
	return []*legacy{
		newLegacy("windows-1256", charmap.Windows1256, inArabic),
		newLegacy("windows-1255", charmap.Windows1255, inHebrew),
	}
})

func inArabic(r rune) bool {
	return r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F ||
		r >= 0x08A0 && r <= 0x08FF || r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFC
}

func inHebrew(r rune) bool { return r >= 0x0590 && r <= 0x05FF || r >= 0xFB1D && r <= 0xFB4F }

// Byte classes for the plausibility of a legacy decoding.
const (
	clsPlain   uint8 = iota // ASCII other than letters and controls; non-ASCII space, format character, usual punctuation
	clsLatin                // ASCII letter
	clsControl              // C0 control other than TAB, LF, VT, FF, CR; DEL
	clsLetter               // letter of the code page's script
	clsMark                 // combining mark of the code page's script (harakat, niqqud)
	clsSymbol               // other non-ASCII punctuation and symbols (× ÷ ¤ ‰ † ™ ...)
	clsForeign              // a non-ASCII letter or mark of another script, a C1 control, an undefined byte
)

// usualPunct is the non-ASCII punctuation that real text of these
// scripts puts next to letters: quotes, dashes, ellipsis, the Arabic
// comma, semicolon and question mark, Hebrew geresh, gershayim, maqaf.
const usualPunct = "«»‹›‘’‚“”„–—…·،؛؟׳״־"

type legacy struct {
	te    *textEncoding
	class [256]uint8
	// Hebrew: +1 for a final letter (ך ם ן ף ץ), -1 for the letter it is
	// the final form of (כ מ נ פ צ).
	final [256]int8
	alef  int // the byte of ALEF (ا), or -1
}

func newLegacy(name string, cm *charmap.Charmap, script func(rune) bool) *legacy {
	l := &legacy{te: &textEncoding{name: name, enc: cm}, alef: -1}
	for b := range 256 {
		r, c := cm.DecodeByte(byte(b)), clsPlain
		switch {
		case b < 0x80 && (b|0x20 >= 'a' && b|0x20 <= 'z'):
			c = clsLatin
		case b < 0x80 && IsControl(r) && !(r >= '\t' && r <= '\r'):
			c = clsControl
		case b < 0x80:
		case r == utf8.RuneError || IsControl(r):
			c = clsForeign
		case unicode.IsLetter(r):
			c = clsForeign
			if script(r) {
				c = clsLetter
			}
		case unicode.Is(unicode.Mn, r):
			c = clsForeign
			if script(r) {
				c = clsMark
			}
		case (unicode.IsPunct(r) || unicode.IsSymbol(r)) && !strings.ContainsRune(usualPunct, r):
			c = clsSymbol
		}
		l.class[b] = c
		switch r {
		case 'ך', 'ם', 'ן', 'ף', 'ץ':
			l.final[b] = 1
		case 'כ', 'מ', 'נ', 'פ', 'צ':
			l.final[b] = -1
		case 'ا':
			l.alef = b
		}
	}
	return l
}

// sniffLegacy returns the legacy encoding under which p reads as the most
// plausible text, if any does.
func sniffLegacy(p []byte) *textEncoding {
	var best *textEncoding
	bestScore := 0.0
	for _, l := range legacies() {
		if ok, score := l.plausibility(p); ok && score > bestScore {
			best, bestScore = l.te, score
		}
	}
	return best
}

// plausibility judges p decoded in l's code page. Text in the page's
// script has, among its non-ASCII characters, letters of that script in
// words of their own, combining marks only after those letters, no
// letters of other scripts and no odd symbols inside words; controls are
// rare. Hebrew writes its five final forms at the ends of words only,
// and in Arabic and Persian ALEF is one letter in ten or so. Other texts
// read in these pages break the rules at once: a Latin-1 byte becomes a
// Hebrew letter inside a Latin word ("premiטre") or stays a Latin
// letter in windows-1256; Hebrew read as windows-1256 (or Arabic as
// 1255) gives marks after spaces, Latin letters and undefined bytes;
// Cyrillic in windows-1251, KOI8-R or CP866, read in either, puts final
// forms inside words, symbols inside words (KOI8-R's "в" is windows-1256's
// ×), or hardly any ALEF. The text is plausible when it has at least two
// letters of the script, the bad signs are under 5% of the script's
// characters, and controls under 1% of the bytes; score ranks two
// plausible pages.
func (l *legacy) plausibility(p []byte) (ok bool, score float64) {
	var letters, marks, bad, controls, alefs int
	prev := clsPlain
	for i, b := range p {
		c := l.class[b]
		switch c {
		case clsControl:
			controls++
		case clsLetter:
			letters++
			// The next byte that is not a mark: what follows the letter.
			j := i + 1
			for j < len(p) && l.class[p[j]] == clsMark {
				j++
			}
			next := clsPlain
			if j < len(p) {
				next = l.class[p[j]]
			}
			switch {
			case prev == clsLatin || next == clsLatin:
				bad++
			case l.final[b] > 0 && next == clsLetter:
				bad++ // a final form inside a word
			case l.final[b] < 0 && next != clsLetter && (j == len(p) || !isAbbrevMark(l, p[j])):
				bad++ // a non-final form at the end of a word
			}
			if int(b) == l.alef {
				alefs++
			}
		case clsMark:
			marks++
			if prev != clsLetter && prev != clsMark {
				bad++
			}
		case clsSymbol:
			if prev == clsLetter || i+1 < len(p) && l.class[p[i+1]] == clsLetter {
				bad++
			}
		case clsForeign:
			bad++
		}
		prev = c
	}
	good := letters + marks
	ok = letters >= 2 && bad*20 < good && controls*100 <= len(p)
	if l.alef >= 0 && letters >= 40 && alefs*25 < letters {
		ok = false // under 4% ALEF
	}
	return ok, float64(good-bad) / float64(good+bad+1)
}

// isAbbrevMark reports whether the byte b after a Hebrew letter marks an
// abbreviation or a number (geresh, gershayim, their ASCII stand-ins,
// a period), after which a non-final form ends a "word" rightly.
func isAbbrevMark(l *legacy, b byte) bool {
	switch b {
	case '\'', '"', '.':
		return true
	}
	r := l.te.enc.(*charmap.Charmap).DecodeByte(b)
	return r == '׳' || r == '״'
}

// magicSize is how many bytes the longest magic number needs.
const magicSize = 10

// A compression is a container recognised by its magic bytes.
type compression struct {
	name  string
	magic func(p []byte) bool
	new   func(r io.Reader) (io.Reader, error)
}

var compressions = []compression{
	{"gzip", func(p []byte) bool { return len(p) >= 2 && p[0] == 0x1F && p[1] == 0x8B },
		func(r io.Reader) (io.Reader, error) {
			zr, err := gzip.NewReader(r)
			if err != nil {
				return nil, err
			}
			return zr, nil
		}},
	// "BZh", the block size '1'..'9', then the magic of a first block
	// (the digits of pi) or of the end of an empty stream (those of
	// sqrt(pi)): ten bytes that begin no text.
	{"bzip2", func(p []byte) bool {
		return len(p) >= 10 && string(p[:3]) == "BZh" && p[3] >= '1' && p[3] <= '9' &&
			(string(p[4:10]) == "\x31\x41\x59\x26\x53\x59" || string(p[4:10]) == "\x17\x72\x45\x38\x50\x90")
	}, func(r io.Reader) (io.Reader, error) { return bzip2.NewReader(r), nil }},
	{"zstd", func(p []byte) bool { return len(p) >= 4 && string(p[:4]) == "\x28\xB5\x2F\xFD" },
		func(r io.Reader) (io.Reader, error) {
			// One block at a time and no goroutines (concurrency 1 is
			// synchronous), with a window of at most 128 MiB: what
			// "zstd --long" and "--ultra -22" use; the usual levels use 8 MiB
			// at most, and memory follows the frame's window, not the limit.
			zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1),
				zstd.WithDecoderLowmem(true), zstd.WithDecoderMaxWindow(128<<20))
			if err != nil {
				return nil, err
			}
			return zr, nil
		}},
	{"xz", func(p []byte) bool { return len(p) >= 6 && string(p[:6]) == "\xFD7zXZ\x00" }, nil},
}

// errNotSupported is the error for a container Decode recognises but
// does not open.
var errNotSupported = errors.New("compressed input not supported here; decompress it first (xz -dc FILE | rtlview)")

// errTruncated is how a compressed stream that stops early is reported.
var errTruncated = errors.New("truncated input")

func compressionOf(magic []byte) *compression {
	for i := range compressions {
		if compressions[i].magic(magic) {
			return &compressions[i]
		}
	}
	return nil
}

// open starts decompressing src. Errors of the decompressor, then and
// while reading, become *CompressionErrors; errors of src itself (a disk
// error) are passed on as they are.
func (c *compression) open(src io.Reader) (io.Reader, error) {
	if c.new == nil {
		return nil, &CompressionError{Format: c.name, Err: errNotSupported}
	}
	er := &errReader{r: src}
	zr, err := c.new(er)
	if err != nil {
		return nil, c.wrap(err, er)
	}
	return &decompressor{c: c, r: zr, src: er}, nil
}

func (c *compression) wrap(err error, src *errReader) error {
	switch {
	case err == nil || err == io.EOF:
		return err
	case src.err != nil && err == src.err:
		return err
	case err == io.ErrUnexpectedEOF:
		err = errTruncated
	}
	return &CompressionError{Format: c.name, Err: err}
}

// A CompressionError is a compressed input that cannot be undone: a
// corrupt or truncated stream, or a format Decode does not open. Its
// message is one line, "gzip: invalid header", "gzip: truncated input".
type CompressionError struct {
	Format string // "gzip", "bzip2", "zstd", "xz"
	Err    error  // the decompressor's error (gzip.ErrHeader, gzip.ErrChecksum ...)
}

func (e *CompressionError) Error() string {
	msg := e.Err.Error()
	if strings.HasPrefix(msg, e.Format) {
		return msg // gzip's own errors say "gzip: ..." already
	}
	return e.Format + ": " + msg
}

func (e *CompressionError) Unwrap() error { return e.Err }

// errReader remembers the error of the reader under a decompressor, so
// that an error of the input is not blamed on the compression.
type errReader struct {
	r   io.Reader
	err error
}

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF {
		e.err = err
	}
	return n, err
}

type decompressor struct {
	c   *compression
	r   io.Reader
	src *errReader
}

func (d *decompressor) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	return n, d.c.wrap(err, d.src)
}

// falseWideBOM reports whether the bytes after what looks like a UTF-16 or
// UTF-32 byte order mark are UTF-8 text instead: no NUL at all (UTF-16
// text has one in every ASCII character, spaces and line ends included)
// and more valid multi-byte UTF-8 sequences than invalid bytes (wide
// text read as UTF-8 makes almost none). FF FE before Persian UTF-8 is two invalid
// bytes, not a wide text of CJK characters.
func falseWideBOM(rest []byte, atEOF bool) bool {
	if bytes.IndexByte(rest, 0) >= 0 {
		return false
	}
	valid, invalid, ascii := utf8Counts(rest, atEOF)
	return !ascii && valid > invalid
}
