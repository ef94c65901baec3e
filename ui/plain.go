package ui

import (
	"bufio"
	"context"
	"io"
	"math"
	"sync"

	"rtlview/content"
	"rtlview/content/entities"
	"rtlview/ui/layout"
)

// PlainConfig says how plain mode prints: the layout, and whether to
// colour (entity kinds, markup, control placeholders and pager input's own
// colours, as SGR sequences written by rtlview around the text they
// cover; the text itself never reaches the terminal raw).
type PlainConfig struct {
	Options layout.Options
	Color   bool
	// Entities recognises the entities coloured; nil: embedded().
	Entities *entities.Recognizer
	// Looks are the colours; nil: DefaultLooks, the reader's.
	Looks *Looks
	// Controls, when not nil and the bidi controls are not shown
	// (Options.ShowControls), is told the number (from 0) of the first
	// block that holds explicit bidi controls: its text may not read in
	// the order it is stored (Trojan Source), and main says so on stderr.
	Controls func(block int)
}

// flag tells cfg.Controls about block i if it is the first with explicit
// bidi controls, once.
func (cfg *PlainConfig) flag(i int, b *content.Block) {
	if cfg.Controls != nil && !cfg.Options.ShowControls && content.HasExplicitBidi(b.Text) {
		cfg.Controls(i)
		cfg.Controls = nil
	}
}

// wholeDocBytes is the size up to which plain mode recognises the entities
// of a document as one text before printing, as the reader does: a person
// found by a title in one paragraph is then known by surname in the next.
const wholeDocBytes = 1 << 20

// printer is the layout.Printer of cfg; with colour, spans gives the
// entity spans of block i.
func (cfg *PlainConfig) printer(spans func(i int, b *content.Block) []layout.Span) *layout.Printer {
	p := &layout.Printer{Options: cfg.Options, Color: cfg.Color}
	if cfg.Color {
		looks := cfg.Looks
		if looks == nil {
			l := DefaultLooks()
			looks = &l
		}
		p.SGR = looks.PlainSGR()
		p.Spans = spans
	}
	return p
}

func (cfg *PlainConfig) recognizer() *entities.Recognizer {
	if cfg.Entities == nil {
		cfg.Entities = embedded()
	}
	return cfg.Entities
}

// Print prints doc laid out as cfg says, block by block, under the header
// the reader shows (the title and the date row) when doc has one.
func Print(w io.Writer, doc *content.Document, cfg PlainConfig) error {
	var spans func(int, *content.Block) []layout.Span
	if cfg.Color && doc.Format != content.FormatCode { // entities are prose's, not code's
		rec := cfg.recognizer()
		if docBytes(doc, wholeDocBytes+1) <= wholeDocBytes {
			all := rec.RecognizeBlocks(doc.Blocks)
			spans = func(i int, _ *content.Block) []layout.Span { return entitySpans(all[i]) }
		} else {
			spans = func(_ int, b *content.Block) []layout.Span { return entitySpans(rec.RecognizeBlock(b)) }
		}
	}
	p := cfg.printer(spans)
	h := newPlainHeader(&doc.Meta, &cfg)
	bw := bufio.NewWriterSize(w, 64<<10)
	for i := range doc.Blocks {
		cfg.flag(i, &doc.Blocks[i])
		if err := h.printBlock(bw, p, i, &doc.Blocks[i]); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// firstFlush is how much text (bytes) plain mode prints before it
// flushes its output the first time: about a screenful. The output is
// flushed again after each firstFlush more, up to the buffer's size (64
// KB): `| head -50` gets its lines from the first writes, and rtlview
// learns that head has gone at the next one, 4 KB of layout later, not a
// whole buffer later.
const firstFlush = 4 << 10

// Stream prints the input source (a file, "-" for in, or a URL) as it is
// read (content.Stream): a plain text or pager output of any length, an
// endless pipe included, comes out line by line in bounded memory. With
// colour, the first megabyte is held back: an input that ends within it is
// recognised as one text, as Print does; past it, each block's entities
// are recognised on their own. A web page, read whole, is printed under
// its header as Print prints it. It returns what
// content.Stream returns: the document without its blocks (its format,
// encoding and count of replaced bytes), the number of blocks printed,
// and a read error, or a *WriteError when the output failed (a closed
// pipe), which stops it.
func Stream(ctx context.Context, w io.Writer, source string, in io.Reader, lo content.LoadOptions, cfg PlainConfig) (*content.Document, int, error) {
	var held []content.Block // the first megabyte, with colour
	var heldAll [][]layout.Span
	holding, size := cfg.Color, 0
	var spans func(int, *content.Block) []layout.Span
	code := false // entities are prose's, not code's
	if cfg.Color {
		rec := cfg.recognizer()
		spans = func(i int, b *content.Block) []layout.Span {
			if code {
				return nil
			}
			if i < len(heldAll) {
				return heldAll[i]
			}
			return entitySpans(rec.RecognizeBlock(b))
		}
	}
	p := cfg.printer(spans)
	var h *plainHeader // known with the first block
	bw := bufio.NewWriterSize(w, 64<<10)
	var werr error
	i := 0
	var pl *pipeline // past parallelAfter, on several cores
	var prev content.Block
	printed := 0            // bytes printed in order
	nextFlush := firstFlush // flush when printed reaches it (every 4 KB up to 64 KB)
	print := func(b *content.Block) bool {
		if pl == nil && printed > parallelAfter && i >= 2 && plainWorkers() > 1 {
			pl = startPipeline(bw, plainWorkers(), func() *layout.Printer { return cfg.printer(spans) }, prev)
		}
		cfg.flag(i, b)
		if pl != nil {
			ok := pl.add(i, b)
			i++
			return ok
		}
		werr = h.printBlock(bw, p, i, b)
		printed += len(b.Text) + 1
		if printed >= nextFlush && werr == nil {
			// The first screenfuls go out at once (`| head`), not
			// when the buffer is full.
			werr = bw.Flush()
			for nextFlush <= printed {
				nextFlush += firstFlush
			}
			if nextFlush > bw.Size() {
				nextFlush = math.MaxInt // the buffer flushes itself
			}
		}
		prev.Quote = b.Quote
		i++
		return werr == nil
	}
	release := func(whole bool) {
		holding = false
		if whole {
			for _, es := range cfg.recognizer().RecognizeBlocks(held) {
				heldAll = append(heldAll, entitySpans(es))
			}
		}
		// heldAll stays: workers may read it from here on.
		for k := range held {
			if !print(&held[k]) {
				return
			}
		}
		held = nil
	}
	head := func(d *content.Document) {
		h = newPlainHeader(&d.Meta, &cfg)
		if d.Format == content.FormatCode {
			code, holding = true, false
		}
	}
	lo.Idle = func() {
		switch {
		case holding:
		case pl != nil:
			pl.idle()
		case werr == nil:
			werr = bw.Flush()
		}
	}
	doc, err := content.StreamHead(ctx, source, in, lo, head, func(b *content.Block) bool {
		if holding {
			held = append(held, *b)
			if size += len(b.Text) + 1; size > wholeDocBytes {
				release(false)
			}
			return werr == nil && (pl == nil || !pl.failed.Load())
		}
		return print(b)
	})
	if holding && werr == nil {
		release(true)
	}
	if pl != nil {
		werr = pl.wait()
	}
	if werr == nil {
		werr = bw.Flush()
	}
	if werr != nil {
		return doc, i, &WriteError{werr}
	}
	return doc, i, err
}

// WriteError is a failure to write the output.
type WriteError struct{ Err error }

func (e *WriteError) Error() string { return "writing output: " + e.Err.Error() }
func (e *WriteError) Unwrap() error { return e.Err }

// entitySpans styles each entity by its kind.
func entitySpans(es []entities.Entity) []layout.Span {
	spans := make([]layout.Span, 0, len(es))
	for _, e := range es {
		k, ok := kindIndex(e.Kind)
		if !ok {
			continue
		}
		spans = append(spans, layout.Span{Start: e.Start, End: e.End, Style: kindBit(k)})
	}
	return spans
}

// docBytes is the text size of doc, counted up to limit.
func docBytes(doc *content.Document, limit int) int {
	n := 0
	for i := range doc.Blocks {
		if n += len(doc.Blocks[i].Text) + 1; n >= limit {
			break
		}
	}
	return n
}

// embedded is a recognizer of the embedded gazetteer alone, made once for
// the readers and printers given none. Nothing is ever loaded into it (a
// caller with a gazetteer of its own makes its own recognizer), so
// sharing it shares no mutable state.
var embedded = sync.OnceValue(entities.New)

// EmbeddedEntities is the recognizer of the embedded gazetteer alone,
// built at the first call with its word lists (Prepare; 12 ms in all) and
// shared by every later one: the reader's, made in the background
// (Config.LoadEntities).
var EmbeddedEntities = sync.OnceValue(func() *entities.Recognizer {
	r := embedded()
	r.Prepare()
	return r
})
