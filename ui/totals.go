package ui

import (
	"sync/atomic"

	tea "charm.land/bubbletea/v2"

	"rtlview/content"
	"rtlview/ui/layout"
)

// The total number of body rows depends on the width, so it changes on
// every resize, and counting it means laying out the whole document. A
// frame must not cost O(document), so the count is made once per layout:
// in Update itself for a document of up to syncTotalBytes and
// syncTotalBlocks (as cheap as a few screens: 16 KB of prose, 1024 short
// lines; 256 KB, the limit before, delayed the first screen of a larger
// file by 10 ms), otherwise in a background command that counts the
// lines of each block without building or keeping them (layout.Counter)
// and is abandoned when the width changes again. Until it arrives, the status bar
// shows the paragraph number and a percentage by bytes.
const (
	syncTotalBytes  = 16 << 10
	syncTotalBlocks = 1024
)

type totalState struct {
	prefix []int // prefix[b] is the number of rows before block b; nil until known
	gen    int
	opt    layout.Options // the layout being counted in the background
	stop   *atomic.Bool
}

// totalsGen numbers the counts of every scroller: a count of a scroller
// since replaced (a file grown, another file shown) never matches the
// one shown now, as a number per scroller, starting again at 1, could.
var totalsGen atomic.Int64

// stopTotals stops the count running in the background, if any: the
// layout it counts changed, or the scroller is being replaced.
func (s *scroller) stopTotals() {
	if s.totals.stop != nil {
		s.totals.stop.Store(true)
		s.totals.stop = nil
	}
}

func (t *totalState) running(opt layout.Options) bool {
	return t.stop != nil && t.opt == opt
}

func (s *scroller) startTotals() tea.Cmd {
	s.totals.gen = int(totalsGen.Add(1))
	s.totals.prefix = nil
	s.stopTotals()
	n := s.doc.Len()
	if s.size() <= syncTotalBytes && n <= syncTotalBlocks {
		p := make([]int, n+1)
		for b := 0; b < n; b++ {
			p[b+1] = p[b] + s.rows(b)
		}
		s.totals.prefix = p
		return nil
	}
	stop := new(atomic.Bool)
	s.totals.stop, s.totals.opt = stop, s.opt
	doc, opt, gen := s.doc, s.opt, s.totals.gen
	return background(func() tea.Msg {
		if stop.Load() {
			return nil // a newer count was asked for while this one waited
		}
		p := countRows(doc, n, opt, stop)
		if p == nil {
			return nil
		}
		return totalsMsg{gen: gen, prefix: p}
	})
}

// countRows is rows() for each of the first n blocks without the cache
// (read in order: a file a window at a time), counting lines without
// building them (layout.Counter); nil if stopped.
func countRows(doc *content.Document, n int, opt layout.Options, stop *atomic.Bool) []int {
	p := make([]int, n+1)
	var c layout.Counter
	stopped := false
	prev := -1 // the block before, whose blank row after it b's Break says
	doc.Scan(0, n, func(b int, blk *content.Block) bool {
		if b%64 == 0 && stop.Load() {
			stopped = true
			return false
		}
		if prev >= 0 && blk.Break {
			p[prev+1]++ // gapAfter(prev)
		}
		p[b+1] = p[b] + max(1, c.CountBlock(blk, opt))
		prev = b
		return true
	})
	if stopped {
		return nil
	}
	return p
}
