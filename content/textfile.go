package content

import (
	"bytes"
	"errors"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// A TextFile is a plain text file in UTF-8 read a block at a time, for a
// reader that shows a file without holding it: an index of where each
// block starts (8 bytes a block) is built by one pass over the file, and
// a block is read from the file and made when it is asked for. Its blocks
// are exactly those Stream makes of the file: lines (LF, CR LF or a lone
// CR end one), a line longer than MaxLine cut as Stream cuts it, a verse
// split into its halves, control characters and invalid bytes defused.
//
// Index may run in the background while Len, Block and Offset are used
// from other goroutines: they see the blocks indexed so far.
type TextFile struct {
	f    *os.File
	name string
	size int64
	skip int64 // the BOM's bytes
	cut  int   // lines longer than this are cut (MaxLine, as Stream)
	code bool  // FormatCode: every line left-to-right, never a verse

	indexMu  sync.Mutex // one index at a time
	mu       sync.Mutex
	starts   []uint64 // each block's offset; cutBit: a piece of a cut line
	end      int64    // where the last block indexed ends (its terminator included)
	done     bool     // the index is complete
	replaced int      // invalid sequences in the blocks indexed

	cacheMu    sync.Mutex
	cache      map[int]*Block // the blocks cached keeps
	ring       []int          // their numbers, oldest first
	cacheBytes int            // their text
}

// The flags of a block's offset in TextFile.starts: cutBit, a piece of a
// line longer than MaxLine after its first; moreBit, a piece that the
// rest of its line follows.
const (
	cutBit  = 1 << 63
	moreBit = 1 << 62
	flags   = cutBit | moreBit
)

// ErrNotPlainText: OpenTextFile was given a file that is not a plain text
// file in UTF-8 (another format, another encoding, compressed, binary):
// the caller reads it as a whole (Load).
var ErrNotPlainText = errors.New("not a plain UTF-8 text file")

// textWindow is how much of the file the index reads at a time: more than
// twice MaxLine, so that a line's first MaxLine+1 bytes, which decide
// where it is cut, are always in the window that starts with the line.
var textWindow = 4 << 20 // a variable only so that tests can make it small

// OpenTextFile opens path as a TextFile when it is a plain text file in
// UTF-8 (as Stream would read it with o: its format, given or found, is
// FormatText or FormatCode; its encoding, given or found, UTF-8; not
// compressed), with an empty index. Otherwise it returns ErrNotPlainText
// (or the error opening the file, a *FileError).
func OpenTextFile(path string, o LoadOptions) (*TextFile, error) {
	f, size, err := openFile(path)
	if err != nil {
		return nil, err
	}
	d, err := Decode(io.NewSectionReader(f, 0, min(size, SniffSize+magicSize)), o.Encoding)
	if err != nil {
		f.Close()
		if errors.Is(err, ErrBinary) {
			return nil, fileErr(path, err)
		}
		return nil, ErrNotPlainText
	}
	head := make([]byte, SniffSize)
	n, _ := io.ReadFull(d.R, head)
	format := chooseFormat(o.Format, path, string(head[:n]))
	if d.Encoding != "utf-8" || d.Compression != "" || format != FormatText && format != FormatCode {
		f.Close()
		return nil, ErrNotPlainText
	}
	t := &TextFile{f: f, name: path, size: size, cut: maxLine, code: format == FormatCode}
	if d.How == HowBOM {
		t.skip = 3
	}
	t.end = t.skip
	return t, nil
}

// Close closes the file.
func (t *TextFile) Close() error { return t.f.Close() }

// Size is the file's size in bytes.
func (t *TextFile) Size() int64 { return t.size }

// Len returns the number of blocks indexed, and whether that is all of
// them.
func (t *TextFile) Len() (n int, done bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.starts), t.done
}

// Replaced is the number of invalid UTF-8 sequences in the blocks indexed
// (each shown as U+FFFD).
func (t *TextFile) Replaced() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.replaced
}

// Offset is the byte offset in the file of block i (0 <= i < Len), or
// for i = Len the end of the last block indexed.
func (t *TextFile) Offset(i int) int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	if i >= len(t.starts) {
		return t.end
	}
	return int64(t.starts[i] &^ flags)
}

// Block reads and makes block i (0 <= i < Len), as Stream makes it.
func (t *TextFile) Block(i int) (Block, error) {
	t.mu.Lock()
	start, end, flag := t.bounds(i)
	t.mu.Unlock()
	buf := make([]byte, end-start)
	n, err := t.f.ReadAt(buf, start)
	if err != nil && err != io.EOF {
		return Block{}, fileErr(t.name, err)
	}
	return makeBlock(buf[:n], flag, t.code), nil // shorter if the file was cut since
}

// bounds is where block i starts and ends in the file, its terminator
// included, and its flags; t.mu is held.
func (t *TextFile) bounds(i int) (start, end int64, flag uint64) {
	start, flag, end = int64(t.starts[i]&^flags), t.starts[i]&flags, t.end
	if i+1 < len(t.starts) {
		end = int64(t.starts[i+1] &^ flags)
	}
	return start, end, flag
}

// makeBlock is the block of the bytes raw of the file (its terminator
// included) with the flags of its index entry; code: a line of code.
func makeBlock(raw []byte, flag uint64, code bool) Block {
	if flag&moreBit == 0 {
		// A line's terminator ends it; a piece followed by the next
		// piece of its line has none.
		raw = trimTerminator(raw)
	}
	line := string(raw)
	var replaced int // counted by Index
	if code {
		return codeLine(line, flag != 0 || dirtyLine(line), &replaced)
	}
	if flag != 0 {
		// A piece of a cut line is never a verse (Stream).
		b := lineBlock(line, true, &replaced)
		if b.Kind == Verse {
			b = Block{Kind: Paragraph, Text: b.Text, Spans: b.Spans}
		}
		return b
	}
	return lineBlock(line, dirtyLine(line), &replaced)
}

// The blocks cached keeps: the last blockCacheSize asked for, and fewer
// when their text is over blockCacheBytes (a file of long lines, cut at
// FileLine): a few screens, whatever the file.
const (
	blockCacheSize  = 2048
	blockCacheBytes = 4 << 20
)

// cached is Block(i) kept among the last blocks asked for, a paragraph
// saying what failed if the file cannot be read.
func (t *TextFile) cached(i int) *Block {
	t.cacheMu.Lock()
	defer t.cacheMu.Unlock()
	if b, ok := t.cache[i]; ok {
		return b
	}
	b, err := t.Block(i)
	if err != nil {
		b = Block{Kind: Paragraph, Text: Safe("⚠ " + err.Error())}
	}
	if t.cache == nil {
		t.cache = make(map[int]*Block, blockCacheSize)
	}
	// First in, first out: a screen's blocks are asked for again and
	// again while it is shown, each time from the cache.
	for len(t.ring) > 0 && (len(t.ring) >= blockCacheSize || t.cacheBytes+len(b.Text) > blockCacheBytes) {
		old := t.ring[0]
		t.ring = t.ring[1:]
		t.cacheBytes -= len(t.cache[old].Text)
		delete(t.cache, old)
	}
	if len(t.ring) == cap(t.ring) {
		// ring[1:] walks forward: copy what is left to a new start.
		t.ring = append(make([]int, 0, 2*blockCacheSize), t.ring...)
	}
	t.ring = append(t.ring, i)
	t.cacheBytes += len(b.Text)
	t.cache[i] = &b
	return &b
}

// scan calls yield with the blocks [from, to) read in order, a window at
// a time, until it returns false.
func (t *TextFile) scan(from, to int, yield func(i int, b *Block) bool) error {
	if from >= to {
		return nil
	}
	t.mu.Lock()
	starts, end := t.starts[:to:to], t.end
	if to < len(t.starts) {
		end = int64(t.starts[to] &^ flags)
	}
	t.mu.Unlock()
	// The reads start at 64 KB and double up to 1 MB: a scan that stops
	// early (the document's direction, a screen's blocks) reads little.
	win := int64(64 << 10)
	var buf []byte
	base := int64(0) // the file offset of buf[0]
	for i := from; i < to; i++ {
		s, e := int64(starts[i]&^flags), end
		if i+1 < to {
			e = int64(starts[i+1] &^ flags)
		}
		if s < base || e > base+int64(len(buf)) {
			// Read from this block on, a window or the block.
			n := max(win, e-s)
			n = min(n, end-s)
			win = min(2*win, 1<<20)
			if int64(cap(buf)) < n {
				buf = make([]byte, n)
			}
			buf = buf[:n]
			k, err := t.f.ReadAt(buf, s)
			if err != nil && err != io.EOF {
				return fileErr(t.name, err)
			}
			buf, base = buf[:k], s
			if e > base+int64(k) {
				e = base + int64(k) // the file was cut since
			}
		}
		lo := min(s-base, int64(len(buf)))
		b := makeBlock(buf[lo:min(max(e-base, lo), int64(len(buf)))], starts[i]&flags, t.code)
		if !yield(i, &b) {
			return nil
		}
	}
	return nil
}

// offsets is the offset of each of the first n blocks, and the end of the
// last.
func (t *TextFile) offsets(n int) []int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]int64, n+1)
	for i := range n {
		out[i] = int64(t.starts[i] &^ flags)
	}
	out[n] = t.end
	if n < len(t.starts) {
		out[n] = int64(t.starts[n] &^ flags)
	}
	return out
}

// trimTerminator drops the LF, CR LF or CR that ends b.
func trimTerminator(b []byte) []byte {
	switch {
	case bytes.HasSuffix(b, []byte("\r\n")):
		return b[:len(b)-2]
	case len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r'):
		return b[:len(b)-1]
	}
	return b
}

// Index reads the file once and records where each block starts, until
// the end or until stop (if not nil) is set; it can be called again to
// go on. A block is visible to Len and Block as soon as it is indexed.
func (t *TextFile) Index(stop *atomic.Bool) error { return t.index(stop, -1, textWindow) }

// IndexSome is Index reading at most windows windows of the file (4 MB
// each): a reader indexes a large file in steps, taking each in.
func (t *TextFile) IndexSome(stop *atomic.Bool, windows int) error {
	return t.index(stop, windows, textWindow)
}

// index is Index reading at most windows windows (< 0: no bound) of size
// bytes (at least twice the longest line kept whole).
func (t *TextFile) index(stop *atomic.Bool, windows, size int) error {
	t.indexMu.Lock()
	defer t.indexMu.Unlock()
	t.mu.Lock()
	off, done := t.end, t.done
	t.mu.Unlock()
	if done {
		return nil
	}
	buf := make([]byte, max(size, 2*t.cut+2))
	var starts []uint64
	replaced := 0
	flush := func(end int64, done bool) {
		t.mu.Lock()
		t.starts = append(t.starts, starts...)
		t.end, t.done = end, done
		t.replaced += replaced
		t.mu.Unlock()
		starts, replaced = starts[:0], 0
	}
	cut := false // the line being read was cut already
	for ; ; windows-- {
		if stop != nil && stop.Load() || windows == 0 {
			flush(off, false)
			return nil
		}
		// Up to the size the file had when it was opened: what a
		// log gains meanwhile is followed from there (F), not read
		// twice.
		n, err := t.f.ReadAt(buf[:max(0, min(int64(len(buf)), t.size-off))], off)
		if err != nil && err != io.EOF {
			flush(off, false)
			return fileErr(t.name, err)
		}
		eof := off+int64(n) >= t.size || err == io.EOF
		w := buf[:n]
		i := 0 // the start in w of the line being read
		for i < len(w) {
			j := bytes.IndexAny(w[i:], "\r\n")
			length := j
			if j < 0 {
				length = len(w) - i
			}
			if length > t.cut {
				at := cutAt(w[i:], t.cut)
				starts = append(starts, uint64(off+int64(i))|cutFlag(cut)|moreBit)
				replaced += invalidCount(w[i : i+at])
				i += at
				cut = true
				continue
			}
			if j < 0 && !eof {
				break // the rest of the line is in the next window
			}
			if j >= 0 && w[i+j] == '\r' && i+j+1 == len(w) && !eof {
				break // is the CR's LF in the next window?
			}
			starts = append(starts, uint64(off+int64(i))|cutFlag(cut))
			replaced += invalidCount(w[i : i+length])
			cut = false
			i += length
			if j >= 0 {
				i++ // the terminator
				if w[i-1] == '\r' && i < len(w) && w[i] == '\n' {
					i++
				}
			}
		}
		off += int64(i)
		if eof && i >= len(w) {
			flush(off, true)
			return nil
		}
		flush(off, false)
	}
}

func cutFlag(cut bool) uint64 {
	if cut {
		return cutBit
	}
	return 0
}

// invalidCount is the number of invalid UTF-8 sequences in b, each of
// which Defuse replaces by one U+FFFD.
func invalidCount(b []byte) int {
	if utf8.Valid(b) {
		return 0
	}
	n := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			n++
		}
		i += size
	}
	return n
}
