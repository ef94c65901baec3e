package ui

import (
	"bufio"
	"bytes"
	"runtime"
	"sync"
	"sync/atomic"

	"rtlview/content"
	"rtlview/ui/layout"
)

// Plain mode lays out a long input on every core: the blocks streamed in
// are cut into batches, each batch is laid out by one of the workers into
// a buffer of its own, and the buffers are written out in the order of
// their blocks. Each block's layout depends only on the block and on the
// quote depth of the block before it (layout.Printer.After), so the output
// is byte for byte what one printer writes.

// parallelAfter is how much of a streamed input (bytes of text) plain
// mode prints in order on the reading goroutine before it starts the
// workers: a short document costs no goroutines, and the header, printed
// with the first two blocks, is behind it.
const parallelAfter = 256 << 10

// batchBytes is about how much text a worker lays out at a time.
const batchBytes = 64 << 10

// plainWorkers is how many workers lay out blocks: one per core, at most
// four (the reading and the writing are done by one goroutine each).
func plainWorkers() int {
	if testWorkers > 0 {
		return testWorkers
	}
	return min(runtime.GOMAXPROCS(0), 4)
}

// testWorkers, when set, is the number of workers: tests run the pipeline
// on any machine.
var testWorkers = 0

// batch is a run of consecutive blocks laid out by one worker.
type batch struct {
	first  int             // the index of its first block
	prev   content.Block   // the block before it (only its quote depth counts)
	blocks []content.Block // its blocks
	size   int             // their text's bytes
	flush  bool            // the input paused after it: write it out at once
	out    *bytes.Buffer   // what the worker printed
	err    error           // a layout error (a write error of out: none)
	done   chan struct{}   // closed when out is ready
}

// outBuffers are the batches' output buffers, reused: a batch's output
// is about twice its text (presentation forms take 3 bytes where Arabic
// letters take 2).
var outBuffers = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 3*batchBytes)) }}

// pipeline is plain mode's layout on several cores.
type pipeline struct {
	jobs   chan *batch
	order  chan *batch // the batches in order, to the writer
	cur    *batch      // the batch being filled
	prev   content.Block
	failed atomic.Bool // the writer failed: stop reading
	werr   error       // the writer's error, read after wait
	wg     sync.WaitGroup
}

// startPipeline starts n workers, each with a printer made by printer, and
// a writer that writes their output to w in order; after is the block
// printed last before the pipeline's first block.
func startPipeline(w *bufio.Writer, n int, printer func() *layout.Printer, after content.Block) *pipeline {
	pl := &pipeline{
		jobs:  make(chan *batch, n),
		order: make(chan *batch, 2*n+2), // bounds the batches in flight
		prev:  after,
	}
	for range n {
		pl.wg.Add(1)
		go func() {
			defer pl.wg.Done()
			p := printer()
			bw := bufio.NewWriterSize(nil, 64<<10)
			for b := range pl.jobs {
				b.out = outBuffers.Get().(*bytes.Buffer)
				bw.Reset(b.out)
				p.After(&b.prev)
				for k := range b.blocks {
					if b.err = p.PrintBlock(bw, b.first+k, &b.blocks[k]); b.err != nil {
						break
					}
				}
				if b.err == nil {
					b.err = bw.Flush()
				}
				close(b.done)
			}
		}()
	}
	pl.wg.Add(1)
	go func() {
		defer pl.wg.Done()
		for b := range pl.order {
			<-b.done
			if pl.werr != nil {
				continue // draining
			}
			if pl.werr = b.err; pl.werr == nil {
				_, pl.werr = w.Write(b.out.Bytes())
			}
			b.out.Reset()
			outBuffers.Put(b.out)
			b.out = nil
			if pl.werr == nil && (b.flush || len(pl.order) == 0) {
				// Nothing more is ready: what is written is seen.
				pl.werr = w.Flush()
			}
			if pl.werr != nil {
				pl.failed.Store(true)
			}
		}
	}()
	return pl
}

// add queues block b, number i; it reports false once writing failed.
func (pl *pipeline) add(i int, b *content.Block) bool {
	if pl.cur == nil {
		pl.cur = &batch{first: i, prev: pl.prev, done: make(chan struct{})}
	}
	pl.cur.blocks = append(pl.cur.blocks, *b)
	pl.cur.size += len(b.Text) + 1
	pl.prev = content.Block{Quote: b.Quote}
	if pl.cur.size >= batchBytes {
		pl.send(false)
	}
	return !pl.failed.Load()
}

// send hands the batch being filled to the workers and the writer.
func (pl *pipeline) send(flush bool) {
	if pl.cur == nil {
		return
	}
	b := pl.cur
	b.flush = flush
	pl.cur = nil
	pl.order <- b // first: the writer waits for it in this order
	pl.jobs <- b
}

// idle sends what has been read so far, to be written out at once.
func (pl *pipeline) idle() { pl.send(true) }

// wait sends the last batch, waits until everything is written and
// returns the first error writing it.
func (pl *pipeline) wait() error {
	pl.send(true)
	close(pl.jobs)
	close(pl.order)
	pl.wg.Wait()
	return pl.werr
}
