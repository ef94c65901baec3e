package ui

import (
	"sync/atomic"

	tea "github.com/charmbracelet/bubbletea"

	"rtlview/content"
	"rtlview/ui/layout"
)

// The total number of body rows depends on the width, so it changes on
// every resize, and counting it means laying out the whole document. A
// frame must not cost O(document), so the count is made once per layout:
// in Update itself for a document of up to syncTotalBytes (as cheap as a
// couple of screens), otherwise in a background command that counts the
// lines of each block without building or keeping them (layout.Counter)
// and is abandoned when the width changes again. Until it arrives, the status bar
// shows the paragraph number and a percentage by bytes.
const syncTotalBytes = 256 << 10

type totalState struct {
	prefix []int // prefix[b] is the number of rows before block b; nil until known
	gen    int
	opt    layout.Options // the layout being counted in the background
	stop   *atomic.Bool
}

func (t *totalState) running(opt layout.Options) bool {
	return t.stop != nil && t.opt == opt
}

func (m *Model) startTotals() tea.Cmd {
	m.totals.gen++
	m.totals.prefix = nil
	if m.totals.stop != nil {
		m.totals.stop.Store(true)
		m.totals.stop = nil
	}
	n := len(m.doc.Blocks)
	if m.byteStart[n] <= syncTotalBytes {
		p := make([]int, n+1)
		for b := 0; b < n; b++ {
			p[b+1] = p[b] + m.rows(b)
		}
		m.totals.prefix = p
		return nil
	}
	stop := new(atomic.Bool)
	m.totals.stop, m.totals.opt = stop, m.opt
	doc, opt, gen := m.doc, m.opt, m.totals.gen
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
