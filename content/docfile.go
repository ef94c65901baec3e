package content

import (
	"slices"
)

// A document is read block by block through Len and Block, whether its
// blocks are in memory (Blocks) or in a file (File): code that shows a
// document or searches it does not hold more of it than it looks at.

// Len is the number of blocks: the blocks of File taken in by the last
// Sync (none without a File), then Blocks (for a File, what was appended
// to it while it was followed).
func (d *Document) Len() int { return d.fileLen + len(d.Blocks) }

// Block returns block i (0 <= i < Len). A block of a File is read on first
// use and kept while it is among the last few thousand used; a block that
// cannot be read (the file changed or failed) is a paragraph saying so.
// For a File, it is safe for concurrent use.
func (d *Document) Block(i int) *Block {
	if i < d.fileLen {
		return d.File.cached(i)
	}
	return &d.Blocks[i-d.fileLen]
}

// Scan calls yield with the blocks [from, to) in order until it returns
// false. For a File it reads the file sequentially, a window at a time,
// without the cache of Block: a search or a count over the whole file
// holds one window. It may run in another goroutine than the one that
// calls Sync; for a document in memory, while nothing changes Blocks.
func (d *Document) Scan(from, to int, yield func(i int, b *Block) bool) error {
	if from < d.fileLen {
		more := true
		err := d.File.scan(from, min(to, d.fileLen), func(i int, b *Block) bool {
			more = yield(i, b)
			return more
		})
		if err != nil || !more {
			return err
		}
		from = d.fileLen
	}
	for i := from; i < to; i++ {
		if !yield(i, &d.Blocks[i-d.fileLen]) {
			break
		}
	}
	return nil
}

// Sync takes in the blocks that File's index has found since the last
// call (Len grows to them) and reports whether the index is complete. A
// document in memory is always complete. Blocks may be appended to a
// File document (following the file as it grows) only once it is.
func (d *Document) Sync() (done bool) {
	if d.File == nil {
		return true
	}
	d.fileLen, done = d.File.Len()
	d.Replaced = d.File.Replaced()
	return done
}

// Offsets returns the byte offset of each block taken in by Sync, and
// the end of the last one: in the file for a File, in the text (each
// block and a line end) for a document in memory.
func (d *Document) Offsets() []int64 {
	var out []int64
	if d.File != nil {
		out = d.File.offsets(d.fileLen)
	} else {
		out = []int64{0}
	}
	out = slices.Grow(out, len(d.Blocks))
	for i := range d.Blocks {
		out = append(out, out[len(out)-1]+int64(len(d.Blocks[i].Text))+1)
	}
	return out
}

// FileLine is the longest block of a document read from a file on demand
// (OpenFileDocument): a longer line is cut as Stream cuts lines longer
// than MaxLine (after a space in its last quarter, else between code
// points), into blocks without a blank row between them. A search does
// not find a match that a cut divides.
const FileLine = 64 << 10

// firstWindow is how much of a file OpenFileDocument indexes before it
// returns: a few screens of the shortest lines, read in a millisecond.
const firstWindow = 128 << 10

// OpenFileDocument opens path as a document read from the file on demand
// (File) when it is a plain text file in UTF-8 (OpenTextFile), with the
// blocks of its first 128 KB indexed (enough for the first screens: at
// least 1,600 rows); File.Index and IndexSome index the rest. It returns ErrNotPlainText for
// any other file, which the caller reads with Load.
func OpenFileDocument(path string, o LoadOptions) (*Document, error) {
	tf, err := OpenTextFile(path, o)
	if err != nil {
		return nil, err
	}
	// A reader lays out a block at once and keeps its lines: a file of
	// long lines is shown in pieces of at most FileLine bytes.
	tf.cut = FileLine
	if err := tf.index(nil, 1, firstWindow); err != nil {
		tf.Close()
		return nil, err
	}
	d := &Document{Name: path, Format: FormatText, File: tf}
	if tf.code {
		d.Format = FormatCode
	}
	d.Sync()
	return d, nil
}
