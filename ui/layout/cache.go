package layout

import (
	"container/list"

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
	size  int // the block's text bytes
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
// Segments carry the styles of the block's markup (Markup): the caller
// Restyles the lines it shows with Markup and its own spans (they are the
// cache's own, and Restyle rewrites them whole each time).
func (c *Cache) Lines(block int, opt Options) []Line {
	if opt != c.opt {
		c.opt = opt
		c.reset()
	}
	if e, ok := c.blocks[block]; ok {
		c.lru.MoveToFront(e)
		return e.Value.(*cached).lines
	}
	b := c.doc.Block(block)
	text := b.Text
	var forced *bool
	if block < len(c.pieces) && c.pieces[block].Cut {
		forced = &c.pieces[block].RTL
	}
	l := layLines(block, b, nil, opt, forced)
	c.blocks[block] = c.lru.PushFront(&cached{block: block, size: len(text), lines: l})
	c.bytes += len(text)
	// Forget the least recently used blocks, never the one just made.
	for c.bytes > c.budget && c.lru.Len() > 1 {
		e := c.lru.Back()
		old := e.Value.(*cached)
		c.lru.Remove(e)
		delete(c.blocks, old.block)
		c.bytes -= old.size
	}
	return l
}

// Len returns the number of blocks the cache holds laid out.
func (c *Cache) Len() int { return c.lru.Len() }

// reset forgets every block laid out.
func (c *Cache) reset() {
	clear(c.blocks)
	c.lru.Init()
	c.bytes = 0
}
