package content

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"sync"
	"time"
)

// Following a growing input, as tail -f and less +F do: a file is read
// from where the document ended, and read again whenever it grows (its
// size is checked every poll interval); a file that shrinks was truncated
// or replaced, and is read again from its start; a pipe is read as its
// writer writes. What is read comes as blocks of complete lines, parsed
// as plain text (one block per line, controls defused, invalid bytes
// replaced); a line without its line feed yet waits for it.

// TailBatch is what a Tail read at once.
type TailBatch struct {
	Blocks    []Block
	Truncated bool  // the file shrank: Blocks are its text from the start
	Err       error // the input failed or ended (io.EOF for a closed pipe)
}

// Tail reads what is appended to an input, in a goroutine of its own,
// until Stop.
type Tail struct {
	C      <-chan TailBatch
	cancel context.CancelFunc
}

// Stop ends the reading; C is then closed.
func (t *Tail) Stop() { t.cancel() }

// maxTailLine bounds a line that has no line feed yet: past it the line
// is cut, as Stream cuts long lines.
const maxTailLine = MaxLine

// FollowFile follows the file at path from byte off (the size it had when
// it was read), checking for growth every poll.
func FollowFile(path string, off int64, poll time.Duration) (*Tail, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileErr(path, err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fileErr(path, err)
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, fileErr(path, errors.New("only a regular file can be followed"))
	}
	ctx, cancel := context.WithCancel(context.Background())
	c := make(chan TailBatch)
	go func() {
		defer close(c)
		defer f.Close()
		var partial []byte
		buf := make([]byte, 64<<10)
		tick := time.NewTicker(poll)
		defer tick.Stop()
		for {
			st, err := f.Stat()
			if err != nil {
				send(ctx, c, TailBatch{Err: err})
				return
			}
			var b TailBatch
			if st.Size() < off {
				// Truncated (or rewritten shorter): from the start.
				off, partial, b.Truncated = 0, partial[:0], true
			}
			for off < st.Size() {
				n, err := f.ReadAt(buf[:min(int64(len(buf)), st.Size()-off)], off)
				off += int64(n)
				partial = append(partial, buf[:n]...)
				if err != nil && err != io.EOF {
					send(ctx, c, TailBatch{Err: err})
					return
				}
				if n == 0 {
					break
				}
			}
			b.Blocks, partial = lines(partial)
			if len(b.Blocks) > 0 || b.Truncated {
				if !send(ctx, c, b) {
					return
				}
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
	return &Tail{C: c, cancel: cancel}, nil
}

// send delivers b unless the tail was stopped.
func send(ctx context.Context, c chan<- TailBatch, b TailBatch) bool {
	select {
	case c <- b:
		return true
	case <-ctx.Done():
		return false
	}
}

// lines parses the complete lines of p and returns what is left of p:
// the start of a line not yet ended, cut when it grows past maxTailLine.
func lines(p []byte) ([]Block, []byte) {
	end := bytes.LastIndexByte(p, '\n') + 1 // 0: no complete line
	if end == 0 {
		if len(p) <= maxTailLine {
			return nil, p
		}
		end = cutLong(p)
	}
	// parseText of text ending in a line feed gives no block after it.
	blocks := parseText(string(p[:end])).Blocks
	rest := copy(p, p[end:])
	return blocks, p[:rest]
}

// StreamTail reads an input as Stream does (its format found as it comes:
// plain text, pager output, Markdown …) and delivers its blocks in
// batches as they are read, for a reader that shows a pipe while it is
// still being written (`yes | rtlview`, `git log | rtlview`): a batch goes
// out when it holds batchBlocks blocks or when streamFlush has passed
// since the last one, so a pipe that pauses shows what came before the
// pause. The last batch carries io.EOF, or the error that ended the
// reading. Stop ends the reading.
func StreamTail(source string, in io.Reader, o LoadOptions) *Tail {
	o.Live = true
	ctx, cancel := context.WithCancel(context.Background())
	c := make(chan TailBatch)
	var mu sync.Mutex     // guards pending
	var sendMu sync.Mutex // one batch taken and sent at a time, in order
	var pending []Block
	done := make(chan struct{})
	flush := func() bool {
		sendMu.Lock()
		defer sendMu.Unlock()
		mu.Lock()
		b := TailBatch{Blocks: pending}
		pending = nil
		mu.Unlock()
		return len(b.Blocks) == 0 || send(ctx, c, b)
	}
	go func() {
		// The pause flusher: what came before a pause is not held back.
		tick := time.NewTicker(streamFlush)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-tick.C:
				if !flush() {
					return
				}
			}
		}
	}()
	go func() {
		defer close(c)
		_, err := Stream(ctx, source, in, o, func(b *Block) bool {
			mu.Lock()
			pending = append(pending, *b)
			full := len(pending) >= batchBlocks
			mu.Unlock()
			if full {
				return flush()
			}
			return ctx.Err() == nil
		})
		close(done)
		if err == nil {
			err = io.EOF
		}
		sendMu.Lock()
		defer sendMu.Unlock()
		mu.Lock()
		last := TailBatch{Blocks: pending, Err: err}
		pending = nil
		mu.Unlock()
		send(ctx, c, last)
	}()
	return &Tail{C: c, cancel: cancel}
}

// The batches of StreamTail.
const (
	batchBlocks = 4096
	streamFlush = 50 * time.Millisecond
)
