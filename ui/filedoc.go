package ui

import (
	"runtime/debug"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"

	"rtlview/content"
)

// A large plain text file is shown without being held
// (content.OpenFileDocument): the blocks of its first window are indexed
// before the first screen, the rest in the background, in steps, each
// taken in by Update (fileIndexMsg), so that the document grows while
// the reader reads. Only the blocks shown (and, while they run, the
// window a search or a count reads) are in memory.

// fileIndexStep is how many windows of the file one step indexes (4 MB
// each): 256 MB a step, about a second; a 50 MB file is one step, a 1 GB
// file grows four times.
var fileIndexStep = 64 // a variable only so that tests can make it small

// fileIndexMsg: a step of the index of doc is done.
type fileIndexMsg struct {
	doc *content.Document
	err error
}

// indexStep indexes the next step of doc's file in the background.
func indexStep(doc *content.Document) tea.Cmd {
	return background(func() tea.Msg {
		return fileIndexMsg{doc: doc, err: doc.File.IndexSome(nil, fileIndexStep)}
	})
}

// background is f as a command that runs on the reader's one background
// slot: the work the reader starts by itself (the index of a file, the
// count of the rows, the recognizer) runs one job at a time, so that on
// a machine of two cores one is left to the terminal and to the keys
// (right after the first screen of a 50 MB file, indexing it, counting
// its rows and building the recognizer took both). What the user asks
// for and waits for (a search, the panel's index) does not wait for it.
func background(f func() tea.Msg) tea.Cmd {
	return func() tea.Msg {
		backgroundSlot <- struct{}{}
		defer func() { <-backgroundSlot }()
		return f()
	}
}

var backgroundSlot = make(chan struct{}, 1)

// startIndex starts indexing the file document shown, if it is not
// complete.
func (m *Model) startIndex() tea.Cmd {
	doc := m.files[m.file].doc
	if doc == nil || doc.File == nil || m.indexing {
		return nil
	}
	if _, done := doc.File.Len(); done {
		return nil
	}
	m.indexing = true
	return indexStep(doc)
}

// giveBack returns to the system the memory that a pass over a large
// document in the background (a count, a search, an index) used and no
// longer uses, at once rather than over minutes: a pager's size stays
// what it shows, as less's does. Small documents do not need it.
func (m *Model) giveBack() {
	if m.sc.size() > giveBackAfter {
		freeOSMemory()
	}
}

// freeOSMemory runs debug.FreeOSMemory (a full collection) in the
// background, one at a time: calls that come while one runs make one more
// run after it, not one each. An incremental search over a 50 MB file
// ends a search per key typed, and each asked for a collection of its own.
func freeOSMemory() {
	freePending.Store(true)
	if !freeRunning.CompareAndSwap(false, true) {
		return // the running one frees again after it
	}
	go func() {
		for {
			for freePending.Swap(false) {
				freeFunc()
			}
			freeRunning.Store(false)
			// A call between the last Swap and the Store found it
			// running: take its turn.
			if !freePending.Load() || !freeRunning.CompareAndSwap(false, true) {
				return
			}
		}
	}()
}

var freePending, freeRunning atomic.Bool

// freeFunc is debug.FreeOSMemory; a variable only so that a test can
// count the runs.
var freeFunc = debug.FreeOSMemory

// giveBackAfter is the document size from which giveBack frees memory.
const giveBackAfter = 4 << 20

// indexed takes in a step of the index: the document grows, the view
// stays on the text it shows, a search runs again on the whole.
func (m *Model) indexed(msg fileIndexMsg) tea.Cmd {
	if msg.err != nil {
		m.note = content.Safe(msg.err.Error())
	}
	done := msg.doc.Sync()
	if done || msg.err != nil {
		m.indexing = false
		m.giveBack()
	}
	var cmds []tea.Cmd
	if m.files[m.file].doc == msg.doc {
		cmds = append(cmds, m.grown())
	}
	if !done && msg.err == nil && m.indexing {
		cmds = append(cmds, indexStep(msg.doc))
	} else if !m.indexing {
		// Another file may have been shown meanwhile.
		cmds = append(cmds, m.startIndex())
	}
	return tea.Batch(cmds...)
}

// finishIndex indexes the rest of the file shown at once, where the
// whole file is needed: following it (what it gains comes after all of
// it), G, :N past what is indexed, N%, a search. The background index may
// be about to finish it anyway (a 50 MB file takes a quarter of a
// second); its message then finds nothing new.
func (m *Model) finishIndex() { m.indexTo(-1) }

// indexTo indexes the file shown at once, a window at a time, until it
// holds more than para paragraphs (< 0: all of it): a place remembered
// or asked for by :N halfway into a 50 MB file is shown after reading
// half of it, not all. (A file document's paragraphs are its blocks.)
func (m *Model) indexTo(para int) {
	doc := m.files[m.file].doc
	if doc == nil || doc.File == nil {
		return
	}
	if para < 0 {
		if _, done := doc.File.Len(); !done {
			if err := doc.File.Index(nil); err != nil {
				m.note = content.Safe(err.Error())
			}
		}
	} else {
		for n, done := doc.File.Len(); !done && n <= para; n, done = doc.File.Len() {
			if err := doc.File.IndexSome(nil, 1); err != nil {
				m.note = content.Safe(err.Error())
				break
			}
		}
	}
	n := doc.Len()
	doc.Sync()
	if doc.Len() != n {
		m.later = tea.Batch(m.later, m.grown())
	}
}

// grown makes a new scroller for the document shown, which has more
// blocks, keeping the view where it was.
func (m *Model) grown() tea.Cmd {
	here := m.here()
	opt := m.sc.opt
	m.sc.stopTotals()
	m.sc = grownScroller(bodyOf(m.files[m.file].doc), opt, &m.sc)
	m.rc = newRenderCache()
	m.ents.index, m.ents.built = nil, false
	cmds := []tea.Cmd{m.sc.relayout(opt, m.body())}
	m.goToPos(here)
	if raw := m.search.raw; raw != "" && !m.search.editing {
		saved, cur := m.sc.top, m.search.cur
		m.search.saved = saved
		cmds = append(cmds, m.runSearch(raw))
		m.sc.top = saved // new matches do not move the view
		if cur >= 0 && cur < len(m.search.matches) {
			m.search.cur = cur
		}
	}
	return tea.Batch(cmds...)
}
