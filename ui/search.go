package ui

import (
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"rtlview/content"
	"rtlview/ui/layout"
)

// match is a search hit: the original bytes [start, end) of a paragraph
// (of Model.paras: a match may run across the pieces of a long one).
type match struct{ block, start, end int }

type searchState struct {
	// input keeps what is typed (editing keys, paste, cursor). Its own View
	// is not used: it shows the query in logical order, which a terminal
	// without bidi shows backwards for Persian; promptRow lays the query
	// out through package layout instead.
	input   textinput.Model
	editing bool
	raw     string // the query as typed
	query   string // content.FoldString(raw)
	matches []match
	cur     int // index in matches, or -1
	gen     int // generation of the background search to accept
	stop    *atomic.Bool
	saved   pos // the top when the search began, restored by Esc
}

// syncSearchBytes is the document size up to which a search runs in
// Update itself; beyond it a search runs in the background so that typing
// stays fluid.
const syncSearchBytes = 4 << 20

func (m *Model) startSearch() (tea.Model, tea.Cmd) {
	m.search.editing = true
	m.search.saved = m.sc.top
	m.search.input.Reset()
	m.search.input.Focus()
	m.ents.open = false
	return m, nil
}

func (m *Model) searchKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Clear):
		m.search.editing = false
		m.search.input.Blur()
		m.clearSearch()
		m.sc.top = m.search.saved
		m.sc.clamp(m.body())
		return m, nil
	case key.Matches(msg, m.keys.Select):
		m.search.editing = false
		m.search.input.Blur()
		if m.search.query == "" {
			m.clearSearch()
		} else if len(m.search.matches) == 0 && m.search.stop == nil {
			m.note = "pattern not found"
		}
		return m, nil
	}
	m.search.input, _ = m.search.input.Update(msg)
	if v := m.search.input.Value(); v != m.search.raw {
		return m, m.runSearch(v)
	}
	return m, nil
}

// runSearch looks for raw everywhere, matching through content.Fold.
func (m *Model) runSearch(raw string) tea.Cmd {
	m.search.raw = raw
	m.search.query = content.FoldString(raw)
	m.search.gen++
	if m.search.stop != nil {
		m.search.stop.Store(true)
		m.search.stop = nil
	}
	if strings.TrimSpace(m.search.query) == "" {
		m.setMatches(nil)
		return nil
	}
	if m.sc.byteStart[len(m.sc.doc.Blocks)] <= syncSearchBytes {
		m.setMatches(findAll(m.sc.paras, m.search.query, nil))
		return nil
	}
	m.search.matches, m.search.cur = nil, -1
	stop := new(atomic.Bool)
	m.search.stop = stop
	doc, q, gen := m.sc.paras, m.search.query, m.search.gen
	return func() tea.Msg {
		return searchMsg{gen: gen, matches: findAll(doc, q, stop)}
	}
}

// findAll returns every non-overlapping occurrence of the folded query q
// in the folded text of each block, mapped back to original bytes.
func findAll(doc *content.Document, q string, stop *atomic.Bool) []match {
	var out []match
	for b := range doc.Blocks {
		if stop != nil && b%256 == 0 && stop.Load() {
			return nil
		}
		text := doc.Blocks[b].Text
		if len(text) < len(q) {
			continue
		}
		f := content.Fold(text)
		for i := 0; i <= len(f.Text)-len(q); {
			j := strings.Index(f.Text[i:], q)
			if j < 0 {
				break
			}
			s, e := f.Orig(i+j, i+j+len(q))
			out = append(out, match{b, s, e})
			i += j + len(q)
		}
	}
	return out
}

// setMatches installs the matches and makes the first one at or after the
// top of the body current, scrolling to it.
func (m *Model) setMatches(ms []match) {
	m.search.matches = ms
	m.search.cur = -1
	if len(ms) == 0 {
		return
	}
	b, off := m.search.saved.block, 0
	if b < len(m.sc.doc.Blocks) {
		lines := m.sc.lines(b)
		if r := m.search.saved.row; r < len(lines) {
			off = lines[r].Start
		} else if r > 0 {
			off = len(m.sc.doc.Blocks[b].Text)
		}
	}
	p, start := m.sc.para(b)
	off += start
	i := sort.Search(len(ms), func(i int) bool {
		return ms[i].block > p || ms[i].block == p && ms[i].start >= off
	})
	if i == len(ms) {
		i = 0
	}
	m.search.cur = i
	m.showMatch(ms[i])
}

// showMatch scrolls to the start of a match.
func (m *Model) showMatch(mt match) {
	b, off := m.sc.block(mt.block, mt.start)
	m.sc.show(b, off, m.body())
}

// stepMatch moves to the next (d=1) or previous (d=-1) match, wrapping
// around the document with a note, as less does.
func (m *Model) stepMatch(d int) {
	n := len(m.search.matches)
	if n == 0 {
		if m.search.query == "" {
			m.note = "no search: press /"
		} else {
			m.note = "pattern not found"
		}
		return
	}
	c := m.search.cur + d
	switch {
	case c >= n:
		c = 0
		m.note = "wrapped to top"
	case c < 0:
		c = n - 1
		m.note = "wrapped to bottom"
	}
	m.search.cur = c
	m.showMatch(m.search.matches[c])
}

func (m *Model) clearSearch() {
	if m.search.stop != nil {
		m.search.stop.Store(true)
		m.search.stop = nil
	}
	m.search.gen++
	m.search.raw, m.search.query = "", ""
	m.search.matches, m.search.cur = nil, -1
}

// matchSpans are the search spans of block b.
func (m *Model) matchSpans(b int, spans []layout.Span) []layout.Span {
	ms := m.search.matches
	// The matches of b's paragraph that reach into b's piece of it.
	p, start := m.sc.para(b)
	end := start + len(m.sc.doc.Blocks[b].Text)
	i := sort.Search(len(ms), func(i int) bool { return ms[i].block > p || ms[i].block == p && ms[i].end > start })
	for ; i < len(ms) && ms[i].block == p && ms[i].start < end; i++ {
		st := bitMatch
		if i == m.search.cur {
			st |= bitCurrent
		}
		spans = append(spans, layout.Span{Start: max(ms[i].start, start) - start, End: min(ms[i].end, end) - start, Style: st})
	}
	return spans
}

// cursorMark shows the insertion point inside the laid-out query. It is a
// neutral character (Bidi_Class ON), so the bidi algorithm puts it next to
// the characters around it in the logical order, where the cursor is.
const cursorMark = "▏"

// promptRow is the search line: the query laid out (reordered, so Persian
// reads right) with the match count.
func (m *Model) promptRow() string {
	count := ""
	switch {
	case m.search.stop != nil && m.search.matches == nil && m.search.query != "":
		count = "searching…"
	case len(m.search.matches) > 0:
		count = strconv.Itoa(m.search.cur+1) + "/" + strconv.Itoa(len(m.search.matches))
	case m.search.query != "":
		count = "no match"
	}
	prompt := m.styles.Prompt.Render("/") + " "
	avail := m.width - 2
	if count != "" && avail-len(count)-2 >= 4 {
		avail -= len(count) + 2
	} else {
		count = ""
	}
	if avail <= 0 {
		return truncate("/", m.width)
	}
	r := []rune(m.search.input.Value())
	p := min(max(0, m.search.input.Position()), len(r))
	text := string(r[:p]) + cursorMark + string(r[p:])
	opt := m.sc.opt
	opt.Width = 0
	lines := layout.Block(0, text, nil, opt)
	var l layout.Line
	if len(lines) > 0 {
		l = lines[0]
	}
	// Too long for the field: drop what is logically furthest from the
	// cursor, so what was just typed stays in view.
	cs := l.Clusters
	w := l.Width
	cur := len(string(r[:p]))
	for w > avail && len(cs) > 0 {
		first, last := cs[0], cs[len(cs)-1]
		if abs(first.Start-cur) >= abs(last.Start-cur) {
			cs, w = cs[1:], w-first.Width
		} else {
			cs, w = cs[:len(cs)-1], w-last.Width
		}
	}
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.Text)
	}
	row := prompt + content.Visible(b.String())
	if count != "" {
		row += strings.Repeat(" ", max(2, avail-w+2)) + count
	}
	return row
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
