package content

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Errors of Read and Open. They come wrapped in a *FileError naming the
// input; errors.Is(err, ErrBinary) and errors.Is(err, fs.ErrNotExist) work.
var (
	// ErrBinary: the input holds a NUL byte in its first BinarySniff bytes.
	ErrBinary = errors.New("looks binary")
	// ErrIsDir: Open was given a directory.
	ErrIsDir = errors.New("is a directory")
)

// BinarySniff is how many leading bytes Read inspects for a NUL byte. Text
// in any ASCII-compatible encoding never holds NUL, while nearly every
// binary format (executables, images, archives, UTF-16 text) does within
// its first few kilobytes; the same heuristic as git's and GNU diff's.
// A NUL later in the input is defused like any other control character.
const BinarySniff = 8192

// FileError is an error about one input, printed as "NAME: problem", for
// example "notes.txt: no such file or directory" or "data.bin: looks
// binary". The program adds its own prefix and exits with status 1.
type FileError struct {
	Name string // the path as given, or "standard input"
	Err  error  // ErrBinary, ErrIsDir, or the operating system's error
}

func (e *FileError) Error() string { return Safe(e.Name) + ": " + Safe(e.Err.Error()) }
func (e *FileError) Unwrap() error { return e.Err }

// Open reads the file at path as plain text, or standard input when path
// is "-", as Read does (Load reads any format). Every failure is a *FileError naming the path.
func Open(path string) (*Document, error) {
	if path == "-" {
		return Read("-", os.Stdin)
	}
	f, size, err := openFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return read(path, f, size)
}

// openFile opens the file at path to read, and gives its size: a
// directory is refused (ErrIsDir), and every failure is a *FileError
// naming the path.
func openFile(path string) (*os.File, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, fileErr(path, err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, fileErr(path, err)
	}
	if fi.IsDir() {
		f.Close()
		return nil, 0, &FileError{Name: path, Err: ErrIsDir}
	}
	return f, fi.Size(), nil
}

// fileErr drops the operation and path of an *fs.PathError, which would
// repeat the name ("open notes.txt: ..."), keeping the cause.
func fileErr(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &FileError{Name: displayName(name), Err: err}
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// Read reads a plain text document from r, decoded as Decode finds (see
// ReadAs for the other formats); name is what the document and its errors
// are called ("-" for standard input, shown as "standard input" in
// errors). See the package documentation for the rules.
func Read(name string, r io.Reader) (*Document, error) {
	return read(name, r, -1)
}

func read(name string, r io.Reader, size int64) (*Document, error) {
	return readAs(name, r, size, LoadOptions{Format: FormatText})
}

// Parse splits text into a plain Document, one block per line, defusing
// control characters and repairing invalid UTF-8 (see the package
// documentation). It does not look for binary content. Block texts are
// substrings of text wherever no byte needed rewriting.
func Parse(text string) *Document {
	return parseText(strings.TrimPrefix(text, "\uFEFF"))
}

// parseText is Parse of a text whose byte order mark is already dropped
// (Decode): a U+FEFF left at its start is a character of the text.
func parseText(text string) *Document { return parseLines(text, lineBlock) }

// parseLines is the document of text's lines, each made a block by block
// (lineBlock for text, codeLine for code).
func parseLines(text string, block func(line string, dirty bool, replaced *int) Block) *Document {
	doc := &Document{}
	if text == "" {
		return doc
	}
	valid := utf8.ValidString(text)
	// A first count of line feeds sizes Blocks exactly in the usual case.
	doc.Blocks = make([]Block, 0, strings.Count(text, "\n")+1)
	for i := 0; i < len(text); {
		// Find the end of the line and whether it needs rewriting: any
		// C0 control but CR/LF (tab included: it is expanded), DEL, or a
		// C1 control (U+0080-U+009F is encoded C2 80 .. C2 9F).
		j, dirty := i, false
		for ; j < len(text); j++ {
			c := text[j]
			if !special[c] {
				continue
			}
			if c < 0x20 {
				if c == '\n' || c == '\r' {
					break
				}
				dirty = true
			} else if c == 0x7F || c == 0xC2 && j+1 < len(text) && text[j+1] >= 0x80 && text[j+1] < 0xA0 {
				dirty = true
			}
		}
		line := text[i:j]
		if !valid && !dirty {
			dirty = !utf8.ValidString(line)
		}
		doc.Blocks = append(doc.Blocks, block(line, dirty, &doc.Replaced))
		// One terminator: LF, CR LF, or a lone CR.
		if j < len(text) && text[j] == '\r' {
			j++
		}
		if j < len(text) && text[j] == '\n' {
			j++
		}
		i = j
	}
	return doc
}

// special marks the bytes the line scanner of Parse must look at: C0
// controls (line ends among them), DEL, and C2, the lead byte of C1.
var special = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t[0x7F], t[0xC2] = true, true
	return t
}()

// controlSpans are the Control spans of the ranges Defuse returns.
func controlSpans(ctl []Range) []Span {
	if len(ctl) == 0 {
		return nil
	}
	spans := make([]Span, len(ctl))
	for i, c := range ctl {
		spans[i] = Span{Start: c.Start, End: c.End, Kind: Control}
	}
	return spans
}

// Defuse returns s made safe to show on a terminal: every C0 control but
// TAB (LF and CR included, since s is one paragraph), DEL and every C1
// control becomes a one-character visible placeholder, whose byte ranges
// in the result are returned in controls; TAB is expanded with spaces to
// the next multiple of 8 cells; each byte that does not start a valid
// UTF-8 sequence becomes U+FFFD and is counted in replaced. Bidi
// formatting characters (LRE...PDI, LRM, RLM, ALM) are kept: they are not
// terminal controls and the bidi algorithm gives them their meaning.
func Defuse(s string) (text string, controls []Range, replaced int) {
	return defuse(s, nil)
}

// defuse is Defuse, telling stand (when not nil) what each stand-in of
// the text stands for: text[c0:c1] is a TAB's spaces, a control's
// picture or an invalid byte's U+FFFD for s[r0:r1].
func defuse(s string, stand func(c0, c1, r0, r1 int)) (text string, controls []Range, replaced int) {
	var b strings.Builder
	b.Grow(len(s) + 16)
	col := 0 // cells since the start of s, for tab stops
	seg := 0 // start in b of the text whose width is not yet in col
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		start := b.Len()
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
			replaced++
		case r == '\t':
			col += uniseg.StringWidth(b.String()[seg:])
			pad := 8 - col%8
			b.WriteString("        "[:pad])
			col += pad
			seg = b.Len()
		case IsControl(r):
			pic, _ := ControlPicture(r)
			b.WriteRune(pic)
			controls = append(controls, Range{start, b.Len()})
		default:
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		if stand != nil {
			stand(start, b.Len(), i, i+n)
		}
		i += n
	}
	return b.String(), controls, replaced
}

// verseSplit finds the gap between the two half-verses of a line of
// poetry: a TAB, or three spaces or more, with a right-to-left letter on
// each side and nothing else of the kind in the line. It returns the
// gap's byte range.
func verseSplit(line string) (a, b int, ok bool) {
	i := strings.IndexByte(line, '\t')
	if i < 0 {
		i = strings.Index(line, "   ")
	}
	if i <= 0 {
		return 0, 0, false
	}
	j := i
	for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
		j++
	}
	first, second := strings.TrimSpace(line[:i]), strings.TrimSpace(line[j:])
	if first == "" || second == "" || strings.Contains(second, "\t") || strings.Contains(second, "   ") {
		return 0, 0, false
	}
	if !hasRTLLetter(first) || !hasRTLLetter(second) {
		return 0, 0, false
	}
	// A half-verse is short; a long line with a wide gap is prose.
	if utf8.RuneCountInString(first) > maxHalf || utf8.RuneCountInString(second) > maxHalf {
		return 0, 0, false
	}
	return i, j, true
}

// verseNumber splits a verse number off the start of line: digits (ASCII
// or Persian) and dots, then a TAB or spaces («1.1\t…», «۱۲  …»). It
// returns "" and line when there is none.
func verseNumber(line string) (number, rest string) {
	i := 0
	for i < len(line) {
		r, n := utf8.DecodeRuneInString(line[i:])
		if !(r >= '0' && r <= '9' || r >= '۰' && r <= '۹' || r >= '٠' && r <= '٩' || r == '.' && i > 0) {
			break
		}
		i += n
	}
	if i == 0 || i > 12 || i >= len(line) || line[i] != '\t' && line[i] != ' ' {
		return "", line
	}
	j := i
	for j < len(line) && (line[j] == '\t' || line[j] == ' ') {
		j++
	}
	return line[:i], line[j:]
}

// maxHalf is the longest half-verse verseSplit takes, in runes: the
// longest misra of Hafez's divan has about 45.
const maxHalf = 80

// hasRTLLetter reports whether s holds a Hebrew or Arabic-script letter.
func hasRTLLetter(s string) bool {
	for _, r := range s {
		if r >= 0x05D0 && r <= 0x05EA || r >= 0x0620 && r <= 0x064A || r >= 0x066E && r <= 0x06D3 || r >= 0x06FA && r <= 0x06FC || r >= 0xFB1D && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFC {
			return true
		}
	}
	return false
}

// verse is the Verse block of two half-verses: Text is both, one space
// apart (what a search or a copy finds), and Halves their ranges.
func verse(first, second string, replaced *int) Block {
	first = strings.TrimLeft(strings.TrimRight(first, " "), " ")
	second = strings.TrimRight(second, " ")
	var spans []Span
	clean := func(s string, base int) string {
		t, ctl, n := Defuse(s)
		*replaced += n
		for _, c := range ctl {
			spans = append(spans, Span{Start: base + c.Start, End: base + c.End, Kind: Control})
		}
		return t
	}
	h1 := clean(first, 0)
	h2 := clean(second, len(h1)+1)
	return Block{
		Kind:  Verse,
		Text:  h1 + " " + h2,
		Spans: spans,
		Attrs: &Attrs{Halves: [2]Range{{0, len(h1)}, {len(h1) + 1, len(h1) + 1 + len(h2)}}},
	}
}

// lineBlock is the block of one line of plain text (without its line
// terminator): a verse when it has two half-verses, else a paragraph, its
// text defused when dirty (it holds a control or invalid UTF-8).
func lineBlock(line string, dirty bool, replaced *int) Block {
	number, rest := verseNumber(line)
	if a, b, ok := verseSplit(rest); ok {
		v := verse(rest[:a], rest[b:], replaced)
		v.Attrs.Number = number
		return v
	}
	return defused(Block{Kind: Paragraph, Text: line}, dirty, replaced)
}

// defused is blk with its text defused (Defuse) when dirty, its controls
// spans, the invalid sequences replaced counted in replaced.
func defused(blk Block, dirty bool, replaced *int) Block {
	if dirty {
		var n int
		var ctl []Range
		blk.Text, ctl, n = Defuse(blk.Text)
		blk.Spans = controlSpans(ctl)
		*replaced += n
	}
	return blk
}

// codeLine is the block of one line of code: a paragraph that is always
// left-to-right, never a verse (code's aligned comments are not two
// half-verses). Not a Code block: a file's long Persian comment is
// wrapped at its spaces like prose, not cut mid-word with ↩, and the
// file is not drawn all in code's colour.
func codeLine(line string, dirty bool, replaced *int) Block {
	return defused(Block{Kind: Paragraph, Dir: LTR, Text: line}, dirty, replaced)
}

// dirtyLine reports whether line (without terminator) needs Defuse: a C0
// control, DEL, a C1 control or invalid UTF-8.
func dirtyLine(line string) bool {
	for j := 0; j < len(line); j++ {
		c := line[j]
		if special[c] && (c < 0x20 || c == 0x7F || c == 0xC2 && j+1 < len(line) && line[j+1] >= 0x80 && line[j+1] < 0xA0) {
			return true
		}
	}
	return !utf8.ValidString(line)
}

// DefuseMap returns, for a line s, Defuse(s)'s text and a function from a
// byte offset in that text back to the byte offset in s it came from:
// what a TAB's spaces, a control's picture or an invalid byte's U+FFFD
// stand for is the one byte (or the two of a C1 control) of s; an offset
// inside such a stand-in maps to the start of its byte, and the end of the
// text to the end of s. `rtlview --entities` reports offsets into the
// input line with it.
func DefuseMap(s string) (string, func(int) int) {
	// stands lists the stand-ins in order; between them the text is s
	// byte for byte.
	type stand struct{ c0, c1, r0, r1 int }
	var stands []stand
	text, _, _ := defuse(s, func(c0, c1, r0, r1 int) { stands = append(stands, stand{c0, c1, r0, r1}) })
	return text, func(off int) int {
		if off >= len(text) {
			return len(s)
		}
		// The last stand-in that starts at or before off.
		k := sort.Search(len(stands), func(k int) bool { return stands[k].c0 > off }) - 1
		switch {
		case k < 0:
			return off // before any: the same bytes
		case off < stands[k].c1:
			return stands[k].r0 // inside a stand-in: its byte
		default:
			return stands[k].r1 + off - stands[k].c1 // copied after it
		}
	}
}
