package entities

import (
	"strings"

	"rtlview/content"
)

// Entities are recognised in prose only (DESIGN.md, "the document model"):
// never in a Code block or a Rule, and inside prose never in the islands
// of a block (content.Islands: inline code, autolinks, and the URLs,
// e-mail addresses and file paths written in the text) nor in the text of
// a link that is its own URL.

// RecognizeBlocks recognises the blocks of a document as RecognizeAll
// recognises paragraphs: one text per block, a person learned in one
// block known by name in the blocks after it. It returns the entities of
// each block, offsets into its Text; nothing for a block that is not
// prose (Block.Prose: Code, Rule) and nothing inside its islands.
func (r *Recognizer) RecognizeBlocks(blocks []content.Block) [][]Entity {
	out := make([][]Entity, len(blocks))
	mem := &memory{}
	for i := range blocks {
		b := &blocks[i]
		if !b.Prose() {
			continue
		}
		out[i] = r.recognizeMasked(b.Text, proseHoles(b.Text, b.Spans), mem)
	}
	return out
}

// RecordsBlocks is Records for the blocks of a document, as
// `rtlview --entities` prints them: each block is recognised as
// RecognizeBlocks does, on its text as read (Block.OrigText, before the
// display repair of ZWNJs), and the offsets index that text.
func (r *Recognizer) RecordsBlocks(blocks []content.Block) []Record {
	out := []Record{}
	c := r.Recorder()
	for i := range blocks {
		out = append(out, c.Block(i, &blocks[i])...)
	}
	return out
}

// Recorder gives the records of a document's blocks one block at a time,
// as they are read (`rtlview --entities` on a stream), with the memory
// RecordsBlocks keeps from one block to the next: the same records, in
// the same order.
type Recorder struct {
	r   *Recognizer
	mem *memory
}

// Recorder returns a Recorder of r for one document.
func (r *Recognizer) Recorder() *Recorder { return &Recorder{r: r, mem: &memory{}} }

// Block returns the records of block b, the document's block number i:
// none for a block that is not prose.
func (c *Recorder) Block(i int, b *content.Block) []Record {
	if !b.Prose() {
		return nil
	}
	holes := proseHoles(b.Text, b.Spans)
	for k := range holes {
		holes[k] = content.Range{Start: b.OrigOffset(holes[k].Start), End: b.OrigOffset(holes[k].End)}
	}
	var out []Record
	for _, e := range c.r.recognizeMasked(b.OrigText(), holes, c.mem) {
		out = append(out, Record{Paragraph: i, Kind: e.Kind, Canonical: e.Canonical, Text: e.Text,
			Start: e.Start, End: e.End, Of: e.Of, Role: e.Role})
	}
	return out
}

// proseHoles returns the ranges of text that are not prose: its islands
// and the links whose text is their URL.
func proseHoles(text string, spans []content.Span) []content.Range {
	holes := content.Islands(text, spans)
	for _, s := range spans {
		if s.Kind == content.Link && s.Start < s.End && s.End <= len(text) && strings.TrimSpace(text[s.Start:s.End]) == strings.TrimSpace(s.Arg) {
			holes = append(holes, content.Range{Start: s.Start, End: s.End})
		}
	}
	return holes
}

// holeByte stands for every byte of a hole while the text is recognised:
// not a letter or digit, not a space, hyphen or comma that names and
// dates may cross, not a guillemet or colon that quotations look for. The
// hole keeps its length, so every offset stays an offset of the text.
const holeByte = '\x1f'

// recognizeMasked is recognize with the holes of text blanked out.
func (r *Recognizer) recognizeMasked(text string, holes []content.Range, mem *memory) []Entity {
	if len(holes) == 0 {
		return r.recognize(text, mem)
	}
	b := []byte(text)
	for _, h := range holes {
		for k := max(h.Start, 0); k < min(h.End, len(b)); k++ {
			b[k] = holeByte
		}
	}
	return r.recognizeOrig(string(b), text, mem)
}

// RecognizeBlock finds the entities of one block's prose, on its own (no
// memory of other blocks): for a reader that recognises the blocks it
// shows of a large document. Nothing for a block that is not prose.
func (r *Recognizer) RecognizeBlock(b *content.Block) []Entity {
	if !b.Prose() {
		return nil
	}
	return r.recognizeMasked(b.Text, proseHoles(b.Text, b.Spans), nil)
}
