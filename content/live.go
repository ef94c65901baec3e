package content

import (
	"errors"
	"io"
	"sync/atomic"
	"time"
)

// A live input is a pipe that a reader shows while it is being written
// (`tail -f log | rtlview`): choosing its encoding and format must not
// wait for 64 KB (SniffSize) that may come in an hour. liveReader lets
// Decode and Stream decide on what has come when the pipe pauses for
// livePause after giving something, and reads the rest as any input.

// errPause is a short read of a live input that paused while its
// encoding and format were being chosen; not an error of the input.
var errPause = errors.New("content: the input paused")

// livePause is how long a live input may be silent before what came is
// enough to choose from.
const livePause = 100 * time.Millisecond

type liveChunk struct {
	b   []byte
	err error
}

type liveReader struct {
	ch       chan liveChunk
	rest     []byte
	err      error
	got      bool        // something has been read
	sniffing atomic.Bool // a pause ends a read with errPause
}

// newLive reads r in a goroutine of its own, so that a read can give up
// waiting.
func newLive(r io.Reader) *liveReader {
	l := &liveReader{ch: make(chan liveChunk, 4)}
	l.sniffing.Store(true)
	go func() {
		for {
			buf := make([]byte, 32<<10)
			n, err := r.Read(buf)
			if n > 0 || err != nil {
				l.ch <- liveChunk{buf[:n], err}
			}
			if err != nil {
				return
			}
		}
	}()
	return l
}

// settle ends the choosing: from now on a read waits as long as it takes.
func (l *liveReader) settle() { l.sniffing.Store(false) }

func (l *liveReader) Read(p []byte) (int, error) {
	if len(l.rest) == 0 && l.err == nil {
		var c liveChunk
		if l.sniffing.Load() && l.got {
			select {
			case c = <-l.ch:
			case <-time.After(livePause):
				return 0, errPause
			}
		} else {
			c = <-l.ch
		}
		l.got = l.got || len(c.b) > 0
		l.rest, l.err = c.b, c.err
	}
	if len(l.rest) > 0 {
		n := copy(p, l.rest)
		l.rest = l.rest[n:]
		return n, nil
	}
	return 0, l.err
}
