package ui

import (
	"errors"
	"fmt"
	"io"

	tea "charm.land/bubbletea/v2"

	"rtlview/content"
)

// Following a growing file or pipe (F, --follow), as less +F does: what is
// appended is laid out as it comes, and the view stays on the end as long
// as it is there when the text arrives; scrolling away leaves it where
// the reader put it, and G (or F) goes back to the end.

// tailMsg brings a batch of a followed input; ok is false when the tail
// has closed.
type tailMsg struct {
	b  content.TailBatch
	ok bool
}

// waitTail waits for the next batch of t.
func waitTail(t *content.Tail) tea.Cmd {
	return func() tea.Msg {
		b, ok := <-t.C
		return tailMsg{b, ok}
	}
}

// startFollow starts following the first file (F), or goes to its end
// if it is followed already.
func (m *Model) startFollow() tea.Cmd {
	if m.file != 0 || m.cfg.Follow == nil {
		m.note = "F follows a file or a pipe given first; this one cannot be followed"
		return nil
	}
	m.sc.top = m.sc.bottomTop(m.body())
	m.pinEnd = true
	if m.width == 0 {
		m.toEnd = true // the first layout goes to the end
	}
	if m.tail != nil {
		m.note = "following (scroll away to stop at a place, F or G to come back)"
		return nil
	}
	// What the file gains comes after all of what it had.
	m.finishIndex()
	m.sc.top = m.sc.bottomTop(m.body())
	t, err := m.cfg.Follow()
	if err != nil {
		m.note = content.Safe("cannot follow: " + err.Error())
		return nil
	}
	m.tail = t
	m.note = "following: new text appears at the end"
	return waitTail(t)
}

// startStream starts reading the input given by Config.Follow as it comes
// (a pipe: Config.Stream), the view staying where it is, at the top, as
// less shows a pipe; F then follows it.
func (m *Model) startStream() tea.Cmd {
	t, err := m.cfg.Follow()
	if err != nil {
		m.note = content.Safe("cannot read: " + err.Error())
		return nil
	}
	m.tail = t
	m.note = "reading…"
	return waitTail(t)
}

// The most of a streamed or followed input the reader holds: past it the
// reading stops and the status says so (the memory a paragraph costs is
// about 250 bytes besides its text; see issue 17 for a reader that keeps
// only a window of a file).
var (
	maxStreamBlocks       = 500_000
	maxStreamBytes  int64 = 256 << 20 // variables only so that tests can make them small
)

// follow takes a batch of the followed input.
func (m *Model) follow(msg tailMsg) tea.Cmd {
	if !msg.ok || m.tail == nil {
		m.tail = nil
		return nil
	}
	b := m.drain(msg.b)
	var cmds []tea.Cmd
	if len(b.Blocks) > 0 || b.Truncated {
		cmds = append(cmds, m.appendBlocks(b.Blocks, b.Truncated))
	}
	if b.Truncated {
		m.note = "the file was truncated: shown again from its start"
	}
	maxBytes := maxStreamBytes
	if m.cfg.MaxBytes != 0 {
		maxBytes = m.cfg.MaxBytes
	}
	n, size := m.held()
	if b.Err == nil && maxBytes > 0 && (n >= maxStreamBlocks || size >= maxBytes) {
		m.tail.Stop()
		m.tail = nil
		at := fmt.Sprintf("%d MB", m.sc.size()>>20)
		if m.sc.size() < 1<<20 {
			at = fmt.Sprintf("%d KB", m.sc.size()>>10)
		}
		m.note = fmt.Sprintf("stopped at %s, ¶%d (--limit): the rest not shown", at, m.sc.doc.Len())
		return tea.Batch(cmds...)
	}
	if b.Err != nil {
		if !errors.Is(b.Err, io.EOF) {
			m.note = content.Safe("following stopped: " + b.Err.Error())
		} else {
			m.note = "the input ended"
		}
		m.tail = nil
		return tea.Batch(cmds...)
	}
	cmds = append(cmds, waitTail(m.tail))
	return tea.Batch(cmds...)
}

// held is what the reader holds in memory of the document shown, in
// paragraphs and bytes: all of it, but for a file read on demand
// (content.OpenFileDocument) only what was appended while following it.
func (m *Model) held() (blocks int, size int64) {
	doc := m.sc.paras
	if doc.File == nil {
		return doc.Len(), m.sc.size()
	}
	// Never cut (layout.Split): the scroller's blocks are doc's.
	k := doc.Len() - len(doc.Blocks)
	return len(doc.Blocks), m.sc.size() - m.sc.offset(k)
}

// drain adds to b the batches already waiting (a pipe that writes faster
// than the reader lays out: yes | rtlview), up to a quarter of the
// document: each append costs the document's size (a new scroller), so
// appending in batches that grow with it keeps the whole reading linear
// instead of quadratic. It stops at a batch that ends the input, which
// it takes, or one that starts it again (a truncated file), which then
// replaces what it gathered.
func (m *Model) drain(b content.TailBatch) content.TailBatch {
	if b.Err != nil || b.Truncated || m.tail == nil {
		return b
	}
	want := max(m.sc.doc.Len()/4, 1)
	for len(b.Blocks) < want {
		select {
		case next, ok := <-m.tail.C:
			if !ok {
				b.Err = io.EOF
				return b
			}
			if next.Truncated {
				// The file starts again: what came before it is
				// replaced anyway.
				return next
			}
			b.Blocks = append(b.Blocks, next.Blocks...)
			if next.Err != nil {
				b.Err = next.Err
				return b
			}
		default:
			return b
		}
	}
	return b
}

// appendBlocks adds blocks to the end of the document shown (or replaces
// it, for a truncated file), keeping the view on the end if it was there.
func (m *Model) appendBlocks(blocks []content.Block, replace bool) tea.Cmd {
	body := m.body()
	atEnd := m.pinEnd && (m.sc.doc.Len() == 0 || m.sc.top == m.sc.bottomTop(body))
	here := m.here()
	doc := *m.sc.paras
	if replace {
		// A file read on demand is read no more: what it has now
		// is what came.
		doc = content.Document{Name: doc.Name, Format: doc.Format, Meta: doc.Meta}
		doc.Blocks = blocks
		m.ents = entityState{blocks: map[int][]mention{}, focusIdx: -1}
		m.clearSearch()
	} else {
		doc.Blocks = append(doc.Blocks, blocks...)
		// The index of all entities no longer covers the document;
		// the mentions of blocks already recognised still hold.
		m.ents.index, m.ents.built = nil, false
	}
	m.files[m.file].doc = &doc
	opt := m.sc.opt
	m.sc.stopTotals()
	if replace {
		m.sc = newScroller(&doc, opt)
	} else {
		m.sc = grownScroller(&doc, opt, &m.sc)
	}
	m.outline = newOutline(m.sc.doc)
	m.rc = newRenderCache()
	cmds := []tea.Cmd{m.sc.relayout(opt, body)}
	if atEnd || replace {
		m.sc.top = m.sc.bottomTop(body)
	} else {
		m.goToPos(here)
	}
	if raw := m.search.raw; raw != "" && !m.search.editing {
		saved := m.sc.top
		m.search.saved = m.sc.top
		cur := m.search.cur
		cmds = append(cmds, m.runSearch(raw))
		// New matches do not move the view.
		m.sc.top = saved
		if cur >= 0 && cur < len(m.search.matches) {
			m.search.cur = cur
		}
	}
	return tea.Batch(cmds...)
}
