package ui

import (
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"rtlview/content"
	"rtlview/ui/layout"
)

// The search: a prompt that edits a right-to-left query as it is seen,
// the matches of the query over the whole document, and the current one.
// searchState holds it all; its methods take the scroller they show
// matches in, and the Model routes keys to it while the prompt is open.

// match is a search hit: the original bytes [start, end) of a paragraph
// (of scroller.paras: a match may run across the pieces of a long one).
type match struct{ block, start, end int32 } // int32: a search may hold a million

type searchState struct {
	// input keeps what is typed (editing keys, paste, cursor). Its own View
	// is not used: it shows the query in logical order, which a terminal
	// without bidi shows backwards for Persian; promptRow lays the query
	// out through package layout instead, and ←/→ move the cursor on
	// screen (caret.go).
	input   textinput.Model
	editing bool
	raw     string           // the query as typed
	query   string           // raw, "" when it finds nothing to look for
	pat     *content.Pattern // raw compiled (content.Compile)
	bad     string           // why raw does not compile (a bad regexp)
	matches []match
	cur     int  // index in matches, or -1
	gen     int  // generation of the background search to accept
	running bool // a background search has not reported yet
	capped  bool // the search stopped at maxMatches
	stop    *atomic.Bool
	saved   pos // the top when the search began, restored by Esc

	// history holds the queries entered, oldest first; hist is the one
	// shown while ↑/↓ browse it (len(history) when not browsing) and
	// draft what was typed before browsing began.
	history []string
	hist    int
	draft   string

	// gap is the gap on screen the caret was last moved to with ←/→,
	// while it stays at offset gapAt (see caretGap).
	gap, gapAt int
}

// caretHint is the gap the caret was moved to, if it has stayed at cur.
func (s *searchState) caretHint(cur int) int {
	if s.gapAt == cur && s.input.Value() == s.raw {
		return s.gap
	}
	return -1
}

// syncSearchBytes is the document size up to which a search runs in
// Update itself; beyond it a search runs in the background so that typing
// stays fluid.
const syncSearchBytes = 4 << 20

// maxMatches bounds the matches kept: at 24 bytes each, a million is
// 24 MB. The status says when a search stopped there.
const maxMatches = 1 << 20

// historySize is how many queries the prompt remembers.
const historySize = 100

func newSearch() searchState {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = 256
	return searchState{input: ti, cur: -1}
}

func (m *Model) startSearch() (tea.Model, tea.Cmd) {
	// A search is of the whole file, not of what is indexed so far.
	m.finishIndex()
	s := &m.search
	s.editing = true
	s.saved = m.sc.top
	s.input.Reset()
	s.input.Focus()
	s.hist, s.draft = len(s.history), ""
	m.ents.open = false
	return m, nil
}

// searchKey handles a key while the prompt is open.
func (m *Model) searchKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	s := &m.search
	switch {
	case key.Matches(msg, m.keys.Clear):
		s.editing = false
		s.input.Blur()
		m.clearSearch()
		m.sc.top = s.saved
		m.sc.clamp(m.body())
		return m, nil
	case key.Matches(msg, m.keys.Select):
		s.editing = false
		s.input.Blur()
		if s.query == "" {
			m.clearSearch()
		} else {
			s.remember(s.raw)
		}
		return m, nil
	}
	switch msg.Code {
	case tea.KeyUp, tea.KeyDown:
		d := -1
		if msg.Code == tea.KeyDown {
			d = 1
		}
		if q, ok := s.browse(d); ok {
			s.input.SetValue(q)
			s.input.CursorEnd()
			return m, m.runSearch(q)
		}
		return m, nil
	case tea.KeyLeft, tea.KeyRight:
		// On screen, not in memory: in a Persian query ← goes on to
		// the next letter.
		d := -1
		if msg.Code == tea.KeyRight {
			d = 1
		}
		v := s.input.Value()
		l := m.promptLine(v)
		cur := len(string([]rune(v)[:s.input.Position()]))
		next, gap := moveCaret(l.Clusters(), l.RTL, cur, s.caretHint(cur), d)
		s.input.SetCursor(utf8.RuneCountInString(v[:next]))
		s.gap, s.gapAt = gap, next
		return m, nil
	}
	s.input, _ = s.input.Update(msg)
	if v := s.input.Value(); v != s.raw {
		return m, m.runSearch(v)
	}
	return m, nil
}

// remember adds q to the history, moving it to the end if it is there.
func (s *searchState) remember(q string) {
	if strings.TrimSpace(q) == "" {
		return
	}
	for i, h := range s.history {
		if h == q {
			s.history = append(s.history[:i], s.history[i+1:]...)
			break
		}
	}
	s.history = append(s.history, q)
	if len(s.history) > historySize {
		s.history = s.history[len(s.history)-historySize:]
	}
	s.hist = len(s.history)
}

// browse moves through the history by d (-1 older, 1 newer) and returns
// the query to show: past the newest, what was typed before browsing.
func (s *searchState) browse(d int) (string, bool) {
	h := s.hist + d
	if h < 0 || h > len(s.history) {
		return "", false
	}
	if s.hist == len(s.history) {
		s.draft = s.input.Value()
	}
	s.hist = h
	if h == len(s.history) {
		return s.draft, true
	}
	return s.history[h], true
}

// runSearch looks for raw everywhere (content.Compile says how).
func (m *Model) runSearch(raw string) tea.Cmd {
	s := &m.search
	s.raw, s.bad = raw, ""
	pat, err := content.Compile(raw)
	switch {
	case err != nil:
		s.bad, s.query, s.pat = err.Error(), "", nil
	case pat.Empty():
		s.query, s.pat = "", nil
	default:
		s.query, s.pat = raw, pat
	}
	s.gen++
	s.running, s.capped = false, false
	if s.stop != nil {
		s.stop.Store(true)
		s.stop = nil
	}
	if s.pat == nil {
		m.setMatches(nil)
		return nil
	}
	if m.sc.size() <= syncSearchBytes {
		ms, capped := findAll(m.sc.paras, m.sc.paras.Len(), s.pat, nil)
		s.capped = capped
		m.setMatches(ms)
		return nil
	}
	s.matches, s.cur, s.running = nil, -1, true
	stop := new(atomic.Bool)
	s.stop = stop
	sc := &searchScan{gen: s.gen, doc: m.sc.paras, n: m.sc.paras.Len(), q: s.pat, stop: stop, at: m.searchFrom()}
	return sc.toFirst
}

// searchScan is a search of a large document in the background, one pass
// in two legs: from the top of the screen to the first match at or after
// it (searchFirstMsg: the view goes there at once, less's first answer),
// then on to the end and from the start to the top (searchMsg, with every
// match in document order).
type searchScan struct {
	gen  int
	doc  *content.Document
	n    int
	q    *content.Pattern
	stop *atomic.Bool
	at   match   // the top of the screen
	mid  []match // the blocks from at.block up to the first match's
	next int     // the block after them
}

// toFirst is the first leg; with no match after the top it goes on to
// the second in the same run.
func (sc *searchScan) toFirst() tea.Msg {
	first, found := match{}, false
	sc.mid, sc.next, _ = scanMatches(sc.doc, int(sc.at.block), sc.n, sc.q, sc.stop, nil, maxMatches, func(mt match) bool {
		if !found && (mt.block > sc.at.block || mt.start >= sc.at.start) {
			first, found = mt, true
		}
		return found
	})
	if sc.stop.Load() {
		return nil
	}
	if !found {
		return sc.rest()
	}
	return searchFirstMsg{gen: sc.gen, first: first, rest: sc.rest}
}

// rest is the second leg: the blocks after the first match's, then those
// above the top; the matches come back in document order.
func (sc *searchScan) rest() tea.Msg {
	after, _, capped := scanMatches(sc.doc, sc.next, sc.n, sc.q, sc.stop, sc.mid, maxMatches-len(sc.mid), nil)
	var before []match
	if !capped {
		before, _, capped = scanMatches(sc.doc, 0, min(int(sc.at.block), sc.n), sc.q, sc.stop, nil, maxMatches-len(after), nil)
	}
	if sc.stop.Load() {
		return nil
	}
	return searchMsg{gen: sc.gen, matches: append(before, after...), capped: capped}
}

// searchFrom is where a search's first match is looked for: the top of
// the body when the search began (the paragraph and the offset in it).
func (m *Model) searchFrom() match {
	s := &m.search
	b, off := s.saved.block, 0
	if b < m.sc.doc.Len() {
		lines := m.sc.lines(b)
		if r := s.saved.row; r < len(lines) {
			off = lines[r].Start
		} else if r > 0 {
			off = len(m.sc.doc.Block(b).Text)
		}
	}
	p, start := m.sc.para(b)
	return match{block: int32(p), start: int32(off + start)}
}

// foundFirst shows the first match of a search still counting, and
// highlights it (the only match known: n and N wait for the count).
func (m *Model) foundFirst(msg searchFirstMsg) tea.Cmd {
	s := &m.search
	if msg.gen != s.gen || !s.running {
		return nil // overtaken: its stop is set
	}
	s.matches, s.cur = []match{msg.first}, -1
	m.showMatch(msg.first)
	return msg.rest
}

// found takes the result of a background search.
func (m *Model) found(msg searchMsg) {
	s := &m.search
	if msg.gen != s.gen {
		return
	}
	s.running, s.stop, s.capped = false, nil, msg.capped
	m.setMatches(msg.matches)
}

// findAll returns every match of q in each of the first n blocks (read
// in order: a file is read a window at a time), and whether it stopped at
// maxMatches.
func findAll(doc *content.Document, n int, q *content.Pattern, stop *atomic.Bool) ([]match, bool) {
	out, _, capped := scanMatches(doc, 0, n, q, stop, nil, maxMatches, nil)
	if stop != nil && stop.Load() {
		return nil, false
	}
	return out, capped
}

// scanMatches appends to out the matches of q in blocks [from, to), at
// most limit of them, and returns them with the block after the last one
// read and whether limit stopped it. until, when not nil, is given each
// match and ends the scan after the block where it says true.
func scanMatches(doc *content.Document, from, to int, q *content.Pattern, stop *atomic.Bool, out []match, limit int, until func(match) bool) ([]match, int, bool) {
	var rs []content.Range
	next, capped, added := from, false, 0
	if from >= to {
		return out, from, false
	}
	doc.Scan(from, to, func(b int, blk *content.Block) bool {
		if stop != nil && b%256 == 0 && stop.Load() {
			return false
		}
		rs = q.FindAll(blk.Text, rs[:0], limit-added)
		done := false
		for _, r := range rs {
			mt := match{int32(b), int32(r.Start), int32(r.End)}
			out = append(out, mt)
			done = done || until != nil && until(mt)
		}
		added += len(rs)
		next, capped = b+1, added >= limit
		return !capped && !done
	})
	return out, next, capped
}

// setMatches installs the matches and makes the first one at or after the
// top of the body when the search began current, scrolling to it.
func (m *Model) setMatches(ms []match) {
	s := &m.search
	s.matches = ms
	s.cur = -1
	if len(ms) == 0 {
		return
	}
	at := m.searchFrom()
	i := sort.Search(len(ms), func(i int) bool {
		return ms[i].block > at.block || ms[i].block == at.block && ms[i].start >= at.start
	})
	if i == len(ms) {
		i = 0
	}
	s.cur = i
	m.showMatch(ms[i])
}

// showMatch scrolls to the start of a match.
func (m *Model) showMatch(mt match) {
	b, off := m.sc.block(int(mt.block), int(mt.start))
	m.sc.show(b, off, m.body())
}

// stepMatch moves d matches on (n: 1, N: -1; a count multiplies),
// wrapping around the document with a note, as less does.
func (m *Model) stepMatch(d int) {
	s := &m.search
	n := len(s.matches)
	if n == 0 || s.running {
		switch {
		case s.running:
			m.note = "still searching"
		case s.query == "":
			m.note = "no search: press /"
		}
		// Otherwise the status already says "not found".
		return
	}
	c := s.cur + d
	switch {
	case c >= n:
		c %= n
		m.note = "wrapped to top"
	case c < 0:
		c = ((c % n) + n) % n
		m.note = "wrapped to bottom"
	}
	s.cur = c
	m.showMatch(s.matches[c])
}

func (m *Model) clearSearch() {
	s := &m.search
	if s.stop != nil {
		s.stop.Store(true)
		s.stop = nil
	}
	s.gen++
	s.raw, s.query, s.pat, s.bad = "", "", nil, ""
	s.matches, s.cur = nil, -1
	s.running, s.capped = false, false
}

// matchSpans are the search spans of block b.
func (m *Model) matchSpans(b int, spans []layout.Span) []layout.Span {
	ms := m.search.matches
	// The matches of b's paragraph that reach into b's piece of it.
	pi, si := m.sc.para(b)
	p, start := int32(pi), int32(si)
	end := start + int32(len(m.sc.doc.Block(b).Text))
	i := sort.Search(len(ms), func(i int) bool { return ms[i].block > p || ms[i].block == p && ms[i].end > start })
	for ; i < len(ms) && ms[i].block == p && ms[i].start < end; i++ {
		st := bitMatch
		if i == m.search.cur {
			st |= bitCurrent
		}
		spans = append(spans, layout.Span{Start: int(max(ms[i].start, start) - start), End: int(min(ms[i].end, end) - start), Style: st})
	}
	return spans
}

// matchCount is the search's part of the status and of the prompt:
// "3/41", "searching…", "not found", or "" without a query.
func (s *searchState) matchCount() string {
	switch {
	case s.bad != "":
		return s.bad
	case s.query == "":
		return ""
	case s.running:
		return "searching…"
	case len(s.matches) == 0:
		return "not found"
	}
	c := "-"
	if s.cur >= 0 {
		c = strconv.Itoa(s.cur + 1)
	}
	n := strconv.Itoa(len(s.matches))
	if s.capped {
		n += "+"
	}
	return c + "/" + n
}

// caretMark is drawn between two clusters of the laid-out query where the
// cursor is. It is inserted after layout, so the letters on either side
// keep the forms they join with.
const caretMark = "▏"

// promptLine is the query laid out as one line, reordered and shaped as
// a whole.
func (m *Model) promptLine(q string) layout.Line {
	opt := m.sc.opt
	opt.Width = 0
	if lines := layout.Block(0, q, nil, opt); len(lines) > 0 {
		return lines[0]
	}
	return layout.Line{}
}

// promptRow is the search line: the query laid out (reordered, so Persian
// reads right) with the caret and the match count.
func (m *Model) promptRow() string {
	count := m.search.matchCount()
	prompt := m.styles.Prompt.Render("/") + " "
	avail := m.width - 3 // "/ " and the caret
	if count != "" && avail-len(count)-2 >= 4 {
		avail -= len(count) + 2
	} else {
		count = ""
	}
	if avail < 0 {
		return truncate("/", m.width)
	}
	v := m.search.input.Value()
	l := m.promptLine(v)
	cs := l.Clusters()
	cur := len(string([]rune(v)[:m.search.input.Position()]))
	k := caretGap(cs, l.RTL, cur, m.search.caretHint(cur))
	// Too long for the field: drop the clusters furthest from the caret
	// on screen, so what was just typed stays in view.
	lo, hi, w := 0, len(cs), l.Width
	for w > avail && lo < hi {
		if k-lo >= hi-k {
			w -= cs[lo].Width
			lo++
		} else {
			hi--
			w -= cs[hi].Width
		}
	}
	k = min(max(k, lo), hi)
	var b strings.Builder
	for i := lo; i < hi; i++ {
		if i == k {
			b.WriteString(caretMark)
		}
		b.WriteString(content.Visible(cs[i].Text))
	}
	if k == hi {
		b.WriteString(caretMark)
	}
	row := prompt + b.String()
	if count != "" {
		row += strings.Repeat(" ", max(2, avail-w+2)) + count
	}
	return row
}
