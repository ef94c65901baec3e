package layout

import (
	xbidi "golang.org/x/text/unicode/bidi"

	"rtlview/content"
)

// Cache keeps the geometry of the blocks of one document for one set of
// Options, computed block by block on first use, so that a frame costs
// what it shows (O(screen)), never O(document). It is not safe for
// concurrent use.
type Cache struct {
	doc   *content.Document
	opt   Options
	lines map[int][]Line
}

// NewCache returns an empty cache for doc.
func NewCache(doc *content.Document) *Cache {
	return &Cache{doc: doc, lines: make(map[int][]Line)}
}

// Lines returns the lines of block for opt, laying the block out on first
// use and forgetting every block when opt changes (a resize). The lines'
// Segments carry Style 0: the caller Restyles the lines it shows (they are
// the cache's own, and Restyle rewrites them whole each time).
func (c *Cache) Lines(block int, opt Options) []Line {
	if opt != c.opt {
		c.opt = opt
		clear(c.lines)
	}
	if l, ok := c.lines[block]; ok {
		return l
	}
	l := Block(block, c.doc.Blocks[block].Text, nil, opt)
	c.lines[block] = l
	return l
}

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
