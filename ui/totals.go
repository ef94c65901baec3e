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
// syncTotalBlocks (as cheap as a couple of screens: 256 KB of one-letter
// lines would be 128,000 layouts), otherwise in a background command that counts the
// lines of each block without building or keeping them (layout.Counter)
// and is abandoned when the width changes again. Until it arrives, the status bar
// shows the paragraph number and a percentage by bytes.
const (
	syncTotalBytes  = 256 << 10
	syncTotalBlocks = 4096
)

type totalState struct {
	prefix []int // prefix[b] is the number of rows before block b; nil until known
	gen    int
	opt    layout.Options // the layout being counted in the background
	stop   *atomic.Bool
}

func (t *totalState) running(opt layout.Options) bool {
	return t.stop != nil && t.opt == opt
}

func (s *scroller) startTotals() tea.Cmd {
	s.totals.gen++
	s.totals.prefix = nil
	if s.totals.stop != nil {
		s.totals.stop.Store(true)
		s.totals.stop = nil
	}
	n := len(s.doc.Blocks)
	if s.byteStart[n] <= syncTotalBytes && n <= syncTotalBlocks {
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
	return func() tea.Msg {
		p := countRows(doc, opt, stop)
		if p == nil {
			return nil
		}
		return totalsMsg{gen: gen, prefix: p}
	}
}

// countRows is rows() for every block without the cache, counting lines
// without building them (layout.Counter); nil if stopped.
func countRows(doc *content.Document, opt layout.Options, stop *atomic.Bool) []int {
	n := len(doc.Blocks)
	p := make([]int, n+1)
	var c layout.Counter
	for b := 0; b < n; b++ {
		if b%64 == 0 && stop.Load() {
			return nil
		}
		r := max(1, c.CountBlock(&doc.Blocks[b], opt))
		if gapAfter(doc, b) {
			r++
		}
		p[b+1] = p[b] + r
	}
	return p
}
