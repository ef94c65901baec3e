package layout

import (
	"container/list"

	xbidi "golang.org/x/text/unicode/bidi"

	"rtlview/content"
)

// Cache keeps the geometry of the blocks of one document for one set of
// Options, computed block by block on first use, so that a frame costs
// what it shows (O(screen)), never O(document). It holds at most about
// cacheBudget bytes of laid-out text, forgetting the blocks used least
// recently, so that reading through a 50 MB file does not keep all of it
// laid out. It is not safe for concurrent use.
type Cache struct {
	doc    *content.Document
	opt    Options
	blocks map[int]*list.Element // of cached
	lru    list.List             // most recently used at the front
	bytes  int                   // text bytes of the cached blocks
	budget int
	pieces []Piece // where the blocks come from (SetPieces), or nil
}

type cached struct {
	block int
	lines []Line
}

// cacheBudget is how much text the cache keeps laid out: a laid-out line
// takes some 50 to 100 bytes a rune, so 256 KB of text is 10 to 25 MB, and
// ten screens of 200x60 (a 300x100 screen of Persian holds about 60 KB).
// With 1 MB, paging through a 52 MB file kept 40 MB of layouts alive and
// was no faster (BenchmarkPage50MB).
const cacheBudget = 256 << 10

// NewCache returns an empty cache for doc.
func NewCache(doc *content.Document) *Cache {
	return &Cache{doc: doc, blocks: make(map[int]*list.Element), budget: cacheBudget}
}

// Lines returns the lines of block for opt, laying the block out on first
// use and forgetting every block when opt changes (a resize). The lines'
// Segments carry Style 0: the caller Restyles the lines it shows (they are
// the cache's own, and Restyle rewrites them whole each time).
func (c *Cache) Lines(block int, opt Options) []Line {
	if opt != c.opt {
		c.opt = opt
		clear(c.blocks)
		c.lru.Init()
		c.bytes = 0
	}
	if e, ok := c.blocks[block]; ok {
		c.lru.MoveToFront(e)
		return e.Value.(*cached).lines
	}
	text := c.doc.Blocks[block].Text
	var p para
	if block < len(c.pieces) && c.pieces[block].Cut {
		p.forced, p.forceRTL = true, c.pieces[block].RTL
	}
	l := p.block(block, text, nil, opt)
	c.blocks[block] = c.lru.PushFront(&cached{block: block, lines: l})
	c.bytes += len(text)
	// Forget the least recently used blocks, never the one just made.
	for c.bytes > c.budget && c.lru.Len() > 1 {
		e := c.lru.Back()
		old := e.Value.(*cached)
		c.lru.Remove(e)
		delete(c.blocks, old.block)
		c.bytes -= len(c.doc.Blocks[old.block].Text)
	}
	return l
}

// Len returns the number of blocks the cache holds laid out.
func (c *Cache) Len() int { return c.lru.Len() }

// majorityLimit bounds the text Majority reads: the direction of a 50 MB
// file is plain from its first megabyte, and the first screen must not
// wait for a scan of the whole file.
const majorityLimit = 1 << 20

// Majority returns the direction of the document's majority of strong
// characters (Bidi_Class L against R and AL) in its first megabyte: the
// direction given to paragraphs that have no strong character of their
// own. A tie, or no strong character at all, is LTR, as in rule P3.
func Majority(doc *content.Document) Direction {
	var l, r, seen int
	for _, b := range doc.Blocks {
		for _, c := range b.Text {
			if c < 0x80 {
				// ASCII: only letters are strong.
				if c|0x20 >= 'a' && c|0x20 <= 'z' {
					l++
				}
				continue
			}
			p, _ := xbidi.LookupRune(c)
			switch p.Class() {
			case xbidi.L:
				l++
			case xbidi.R, xbidi.AL:
				r++
			}
		}
		if seen += len(b.Text); seen >= majorityLimit {
			break
		}
	}
	if r > l {
		return RTL
	}
	return LTR
}
