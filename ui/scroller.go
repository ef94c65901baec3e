package ui

import (
	"sort"

	tea "charm.land/bubbletea/v2"

	"rtlview/content"
	"rtlview/ui/layout"
)

// pos is a row of the body: a block and a row of it. Row len(lines) of a
// block is the blank row that separates it from the next (articles only).
type pos struct{ block, row int }

func (p pos) less(q pos) bool {
	return p.block < q.block || p.block == q.block && p.row < q.row
}

// scroller is the reader's place in one document: the top row of the body
// over the layout cache. It walks blocks one at a time, so that no move
// costs more than the rows it passes, and knows the rows of the whole
// document only through the totals counted once per layout (totals.go).
// The body's height is the frame's, which the Model knows: the methods
// that need it take it as an argument.
type scroller struct {
	// doc is what the reader shows, block by block: the document without
	// its title, with paragraphs too long to lay out at once cut into
	// pieces (layout.Split); pieces says where each block comes from (nil
	// when nothing was cut), paras is the document before the cut.
	doc    *content.Document
	paras  *content.Document
	pieces []layout.Piece
	cache  *layout.Cache
	opt    layout.Options
	// dir is the document's majority direction, the direction of the
	// reader's own rows (-N's digits, the panel's numbers), once dirKnown:
	// found at the first need (direction), not before the first screen.
	dir      layout.Direction
	dirKnown bool

	top    pos
	maxTop maxTopCache
	anchor anchor
	totals totalState

	// byteStart[i] is the byte offset of block i in the document: the
	// position in % before the line total is known. For a file read on
	// demand, nil: its index has the offsets (offset).
	byteStart []int64
}

// newScroller is the scroller of doc (without the title the header shows).
func newScroller(doc *content.Document, opt layout.Options) scroller {
	return newScrollerDir(doc, opt, 0, false)
}

// grownScroller is the scroller of doc, which is old's document with more
// blocks after them (a file indexed further, a followed input): the
// direction of the reader's rows stays old's when old had at least the
// text Majority reads.
func grownScroller(doc *content.Document, opt layout.Options, old *scroller) scroller {
	return newScrollerDir(doc, opt, old.dir, old.dirKnown && layout.MajorityRead(old.size()))
}

// direction is the document's majority direction (layout.Majority),
// found at the first call.
func (s *scroller) direction() layout.Direction {
	if !s.dirKnown {
		s.dir, s.dirKnown = layout.Majority(s.paras), true
	}
	return s.dir
}

// newScrollerDir is the scroller of doc, whose majority direction is dir
// if known.
func newScrollerDir(doc *content.Document, opt layout.Options, dir layout.Direction, known bool) scroller {
	// A paragraph too long to lay out at once (a whole file on one line)
	// is shown as the pieces the layout cuts it into, so that the first
	// screen, a resize or a toggle lays out one piece, not 10 MB.
	paras := doc
	doc, pieces := layout.Split(doc, opt)
	s := scroller{doc: doc, paras: paras, pieces: pieces, cache: layout.NewCache(doc), opt: opt, dir: dir, dirKnown: known}
	s.cache.SetPieces(pieces)
	if doc.File == nil || len(doc.Blocks) > 0 {
		s.byteStart = doc.Offsets()
	}
	return s
}

// offset is the byte offset of block i (0 <= i <= Len, the end for Len).
func (s *scroller) offset(i int) int64 {
	if s.byteStart == nil {
		return s.doc.File.Offset(i)
	}
	return s.byteStart[i]
}

// size is the document's text in bytes.
func (s *scroller) size() int64 { return s.offset(s.doc.Len()) }

// anchor is the text that was at the top when a resize began: kept while
// the top stays where the last resize put it, so that resizing back and
// forth does not drift by a line each time.
type anchor struct {
	valid     bool
	block, at int  // a block and a byte offset in it
	gap       bool // the blank row after the block
	top       pos  // the top the anchor gave
}

// relayout takes new layout options, keeping the text that was at the top
// in view (the anchor), and starts the count of the total rows when the
// layout changed.
func (s *scroller) relayout(opt layout.Options, body int) tea.Cmd {
	if !s.anchor.valid || s.anchor.top != s.top {
		s.anchor = anchor{valid: true, block: s.top.block, at: s.topByte()}
		if s.top.block < s.doc.Len() && s.opt.Width > 0 {
			s.anchor.gap = s.top.row >= len(s.lines(s.top.block))
		}
	}
	changed := opt != s.opt
	s.opt = opt
	if b := s.anchor.block; b < s.doc.Len() {
		s.top = pos{b, s.rowOf(b, s.anchor.at)}
		if s.anchor.gap {
			s.top.row = len(s.lines(b))
		}
	}
	s.clamp(body)
	s.anchor.top = s.top
	if changed || s.totals.prefix == nil && !s.totals.running(s.opt) {
		return s.startTotals()
	}
	return nil
}

// topByte is the logical byte offset of the text at the top of the body.
func (s *scroller) topByte() int {
	if s.top.block >= s.doc.Len() || s.opt.Width <= 0 {
		return 0
	}
	lines := s.lines(s.top.block)
	if s.top.row < len(lines) {
		return lines[s.top.row].Start
	}
	return len(s.doc.Block(s.top.block).Text)
}

// lines is the layout of block b at the current options.
func (s *scroller) lines(b int) []layout.Line {
	return s.cache.Lines(b, s.opt)
}

// rows is how many body rows block b takes.
func (s *scroller) rows(b int) int {
	n := max(1, len(s.lines(b)))
	if gapAfter(s.doc, b) {
		n++
	}
	return n
}

// gapAfter reports whether a blank row follows block b: the next block has
// Break set (paragraph spacing; the pieces of a cut paragraph have not).
func gapAfter(doc *content.Document, b int) bool {
	return b < doc.Len()-1 && doc.Block(b+1).Break
}

// para returns the paragraph of block b and the offset of the block's
// text in the paragraph's.
func (s *scroller) para(b int) (p, start int) {
	if s.pieces == nil || b >= len(s.pieces) {
		return b, 0
	}
	return s.pieces[b].Para, s.pieces[b].Start
}

// block returns the block that shows byte off of paragraph p, and the
// offset in that block.
func (s *scroller) block(p, off int) (b, o int) {
	if s.pieces == nil {
		return p, off
	}
	// The last block whose paragraph and start are at or before (p, off).
	b = sort.Search(len(s.pieces), func(i int) bool {
		pc := s.pieces[i]
		return pc.Para > p || pc.Para == p && pc.Start > off
	}) - 1
	if b < 0 {
		return 0, 0
	}
	return b, off - s.pieces[b].Start
}

// rowOf is the row of block b that shows byte offset off.
func (s *scroller) rowOf(b, off int) int {
	lines := s.lines(b)
	for i, l := range lines {
		// A line that shows no text (a cue's timing above its text)
		// stands at its offset, before the text there.
		if off < l.End || l.Start == l.End && l.Start == off || i == len(lines)-1 {
			return i
		}
	}
	return 0
}

func (s *scroller) next(p pos) (pos, bool) {
	if p.row+1 < s.rows(p.block) {
		return pos{p.block, p.row + 1}, true
	}
	if p.block+1 < s.doc.Len() {
		return pos{p.block + 1, 0}, true
	}
	return p, false
}

func (s *scroller) prev(p pos) (pos, bool) {
	if p.row > 0 {
		return pos{p.block, p.row - 1}, true
	}
	if p.block > 0 {
		return pos{p.block - 1, s.rows(p.block-1) - 1}, true
	}
	return p, false
}

type maxTopKey struct {
	opt  layout.Options
	body int
}

type maxTopCache struct {
	ok  bool
	key maxTopKey
	p   pos
}

// bottomTop is the top row that puts the last row of the document at the
// bottom of the body: nothing scrolls past the end. It lays out only the
// blocks that fill the last screen.
func (s *scroller) bottomTop(body int) pos {
	key := maxTopKey{s.opt, body}
	if s.maxTop.ok && s.maxTop.key == key {
		return s.maxTop.p
	}
	p := pos{}
	if n := s.doc.Len(); n > 0 {
		p = pos{n - 1, s.rows(n-1) - 1}
		for i := 1; i < body; i++ {
			q, ok := s.prev(p)
			if !ok {
				break
			}
			p = q
		}
	}
	s.maxTop = maxTopCache{ok: true, key: key, p: p}
	return p
}

func (s *scroller) clamp(body int) {
	if s.doc.Len() == 0 {
		s.top = pos{}
		return
	}
	if s.top.block >= s.doc.Len() {
		s.top = pos{s.doc.Len() - 1, 0}
	}
	if r := s.rows(s.top.block); s.top.row >= r {
		s.top.row = r - 1
	}
	if mt := s.bottomTop(body); mt.less(s.top) {
		s.top = mt
	}
	if s.top.row < 0 {
		s.top.row = 0
	}
}

// scroll moves the top by n rows, stopping at either end.
func (s *scroller) scroll(n, body int) {
	if s.doc.Len() == 0 {
		return
	}
	mt := s.bottomTop(body)
	for ; n > 0 && s.top.less(mt); n-- {
		s.top, _ = s.next(s.top)
	}
	for ; n < 0; n++ {
		p, ok := s.prev(s.top)
		if !ok {
			break
		}
		s.top = p
	}
}

// inView reports whether row p is in a body of the given height.
func (s *scroller) inView(p pos, body int) bool {
	if p.less(s.top) {
		return false
	}
	q := s.top
	for i := 0; i < body; i++ {
		if q == p {
			return true
		}
		next, ok := s.next(q)
		if !ok {
			break
		}
		q = next
	}
	return false
}

// show scrolls so that byte off of block b is in the body: if it is not,
// it is put a third of the way down, as less does for search.
func (s *scroller) show(b, off, body int) {
	if b >= s.doc.Len() {
		return
	}
	target := pos{b, s.rowOf(b, off)}
	if s.inView(target, body) {
		return
	}
	s.top = target
	for i := 0; i < body/3; i++ {
		p, ok := s.prev(s.top)
		if !ok {
			break
		}
		s.top = p
	}
	s.clamp(body)
}
