package ui

import (
	"sort"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/rivo/uniseg"

	"rtlview/content"
	"rtlview/content/entities"
	"rtlview/ui/layout"
)

// mention is one entity found in a block: its kind (index in kindNames),
// the original bytes [start, end) and the canonical name that groups the
// mentions of one entity («پوتین» and «ولادیمیر پوتین»).
type mention struct {
	kind       int
	start, end int
	canon      string
	role       string // the gazetteer's role, with its years (see roleOf)
}

// ref is a mention's place in the document.
type ref struct{ block, start, end int32 } // int32: a panel of a 50 MB file holds a million

// entry is one entity of the panel with all its mentions in order.
type entry struct {
	kind  int
	canon string
	role  string
	refs  []ref
}

type entityState struct {
	blocks map[int][]mention // per block, recognised on first display
	index  []entry           // the whole document's entities, built when first needed
	built  bool
	// building: a command is scanning a large document for the index.
	building bool

	kinds uint8 // the kinds found so far (bit i: kindNames[i]), for the legend

	open     bool // the panel is shown
	sel      int  // the selected entry
	focusIdx int  // the entry whose mentions Tab cycles through, or -1
	focusAt  int  // the mention of that entry last shown
	cursor   *ref // the mention Tab reached last
}

// recognizer is the recognizer of entities, waited for if it is still
// being built in the background (Config.LoadEntities).
func (m *Model) recognizer() *entities.Recognizer {
	if m.cfg.Entities == nil && m.loadRec != nil {
		m.cfg.Entities = m.loadRec()
	}
	return m.cfg.Entities
}

// recognizeShown recognises the entities of the blocks on screen that are
// not yet (Update calls it after every message), so that View never does.
func (m *Model) recognizeShown() {
	if !m.highlights || m.width <= 0 || m.sc.doc.Len() == 0 || m.cfg.Entities == nil {
		return // nil: the recognizer is still being built (entitiesMsg)
	}
	p, ok := m.sc.top, true
	for n := m.frame().body; n > 0 && ok; {
		m.mentions(p.block)
		n -= m.sc.rows(p.block) - p.row
		p, ok = pos{p.block + 1, 0}, p.block+1 < m.sc.doc.Len()
	}
}

// mentionCacheBlocks bounds how many blocks' mentions are kept.
const mentionCacheBlocks = 1 << 14

// mentions is the entities of block b, recognised once while it stays in
// the cache.
func (m *Model) mentions(b int) []mention {
	if ms, ok := m.ents.blocks[b]; ok {
		return ms
	}
	if m.sc.doc.Format == content.FormatCode {
		return nil // entities are prose's, not code's
	}
	if m.ents.blocks == nil {
		m.ents.blocks = map[int][]mention{}
	}
	if n := m.sc.doc.Len(); m.sc.doc.File == nil && n <= mentionCacheBlocks && m.sc.size() <= syncIndexBytes {
		// A document of up to a megabyte is recognised whole, as one
		// text, at the first need (the article: 0.1 ms): a person found
		// next to a title in one paragraph is then known by surname in
		// the next, as rtlview --entities finds it.
		for i, es := range m.recognizer().RecognizeBlocks(m.sc.doc.Blocks) {
			m.ents.blocks[i] = toMentions(es)
			m.ents.kinds |= kindsOf(m.ents.blocks[i])
		}
		return m.ents.blocks[b]
	}
	if len(m.ents.blocks) >= mentionCacheBlocks {
		// Reading through a huge file: start afresh rather than keep
		// every block's mentions; the blocks on screen are recognised
		// again in microseconds.
		clear(m.ents.blocks)
	}
	ms := toMentions(m.recognizer().RecognizeBlock(m.sc.doc.Block(b)))
	m.ents.blocks[b] = ms
	m.ents.kinds |= kindsOf(ms)
	return ms
}

// spans is every styled range of block b: control placeholders, entity
// kinds, search matches, the focused mention.
func (m *Model) spans(b int) []layout.Span {
	spans := layout.Markup(m.sc.doc.Block(b))
	if m.highlights {
		for _, e := range m.ents.blocks[b] { // recognised by Update (recognizeShown)
			spans = append(spans, layout.Span{Start: e.start, End: e.end, Style: kindBit(e.kind)})
		}
	}
	spans = m.matchSpans(b, spans)
	if c := m.ents.cursor; c != nil && int(c.block) == b {
		spans = append(spans, layout.Span{Start: int(c.start), End: int(c.end), Style: bitFocus})
	}
	return spans
}

// syncIndexBytes is the document size up to which the panel's index is
// built in Update; beyond it, in the background (recognition reads every
// paragraph: seconds on a 50 MB file).
const syncIndexBytes = 1 << 20

// buildIndex recognises the entities of the whole document, once: the
// panel needs every entity and its mention count. A large document is
// scanned by a command; the panel says so until its indexMsg arrives.
func (m *Model) buildIndex() tea.Cmd {
	if m.ents.built || m.ents.building {
		return nil
	}
	if m.sc.size() > syncIndexBytes && m.sc.doc.Format != content.FormatCode {
		m.ents.building = true
		doc, n, rec := m.sc.doc, m.sc.doc.Len(), m.recognizer()
		return func() tea.Msg {
			return indexMsg{index: indexOf(doc, n, func(_ int, b *content.Block) []mention { return toMentions(rec.RecognizeBlock(b)) })}
		}
	}
	m.ents.index = indexOf(m.sc.doc, m.sc.doc.Len(), func(b int, _ *content.Block) []mention { return m.mentions(b) })
	m.ents.built = true
	m.ents.kinds |= indexKinds(m.ents.index)
	return nil
}

// indexOf groups the mentions of every block by entity (kind and
// canonical name): by kind, then the most mentioned first. It reads only
// doc and calls find, so it can run outside Update.
func indexOf(doc *content.Document, n int, find func(b int, blk *content.Block) []mention) []entry {
	type key struct {
		kind  int
		canon string
	}
	at := map[key]int{}
	var index []entry
	doc.Scan(0, n, func(b int, blk *content.Block) bool {
		for _, e := range find(b, blk) {
			k := key{e.kind, e.canon}
			i, ok := at[k]
			if !ok {
				i = len(index)
				at[k] = i
				index = append(index, entry{kind: e.kind, canon: e.canon})
			}
			if index[i].role == "" {
				index[i].role = e.role
			}
			index[i].refs = append(index[i].refs, ref{int32(b), int32(e.start), int32(e.end)})
		}
		return true
	})
	sort.SliceStable(index, func(i, j int) bool {
		a, b := index[i], index[j]
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		if len(a.refs) != len(b.refs) {
			return len(a.refs) > len(b.refs)
		}
		return a.canon < b.canon
	})
	return index
}

func (m *Model) openPanel() tea.Cmd {
	cmd := m.buildIndex()
	m.ents.open = true
	m.ents.sel = min(m.ents.sel, max(0, len(m.ents.index)-1))
	return cmd
}

func (m *Model) panelMove(d int) {
	m.ents.sel = min(max(0, m.ents.sel+d), max(0, len(m.ents.index)-1))
}

// panelSelect jumps to the first mention of the selected entity; while
// the panel stays open Tab cycles through its mentions, and closing the
// panel lets Tab walk every entity again from there.
func (m *Model) panelSelect() {
	if m.ents.sel >= len(m.ents.index) {
		return
	}
	m.ents.focusIdx = m.ents.sel
	m.ents.focusAt = 0
	m.goTo(m.ents.index[m.ents.sel].refs[0])
	m.focusNote()
}

// closePanel closes the panel; the entity chosen in it no longer holds
// Tab.
func (m *Model) closePanel() {
	m.ents.open = false
	m.ents.focusIdx = -1
}

func (m *Model) goTo(r ref) {
	m.ents.cursor = &r
	m.sc.show(int(r.block), int(r.start), m.body())
}

func (m *Model) focusNote() {
	e := m.ents.index[m.ents.focusIdx]
	m.nameNote(e.kind, e.canon, strconv.Itoa(m.ents.focusAt+1)+"/"+strconv.Itoa(len(e.refs)))
}

// nameNote names the entity reached in the status bar: its kind and its
// name as read on screen (reordered and shaped like the body), then more.
func (m *Model) nameNote(kind int, canon, more string) {
	name := canon
	if kindNames[kind] == "NUM" && m.sc.direction() == layout.RTL {
		name = content.PersianNumber(name)
	}
	l := m.visual(name, max(8, m.width/3))
	note := kindLabels[kind] + " " + l.String()
	if more != "" {
		note += " " + more
	}
	m.note = note
}

// indexKinds is the set of kinds in an index.
func indexKinds(index []entry) uint8 {
	var k uint8
	for _, e := range index {
		k |= 1 << e.kind
	}
	return k
}

// kindsOf is the set of kinds among ms (bit i: kindNames[i]).
func kindsOf(ms []mention) uint8 {
	var k uint8
	for _, e := range ms {
		k |= 1 << e.kind
	}
	return k
}

// roleOf is the role the panel shows for e: the one held at the
// document's date when it has one (a 2022 article does not make a
// minister of 2021-2024 «پیشین»), else the gazetteer's latest.
func (m *Model) roleOf(e entry) string {
	if e.role == "" {
		return ""
	}
	if d := m.sc.doc.Meta.Published; !d.IsZero() {
		return m.recognizer().RoleAt(entities.Entity{Kind: entities.PER + entities.Kind(e.kind), Canonical: e.canon, Role: e.role}, d.Year())
	}
	return e.role
}

// stepEntity moves to the next (d=1) or previous (d=-1) entity mention:
// of the entity chosen in the panel if there is one, else of any entity,
// from the last one reached or from the top of the body.
func (m *Model) stepEntity(d int) {
	if f := m.ents.focusIdx; f >= 0 && f < len(m.ents.index) {
		refs := m.ents.index[f].refs
		m.ents.focusAt = (m.ents.focusAt + d + len(refs)) % len(refs)
		m.goTo(refs[m.ents.focusAt])
		m.focusNote()
		return
	}
	n := m.sc.doc.Len()
	if n == 0 {
		return
	}
	from := ref{block: int32(m.sc.top.block), start: int32(m.sc.topByte()), end: int32(m.sc.topByte())}
	if m.ents.cursor != nil {
		from = *m.ents.cursor
	} else if d > 0 {
		from.start, from.end = from.start-1, from.start-1 // include a mention at the very top
	}
	// Walk the blocks from there, at most once around the document.
	for i := 0; i <= n; i++ {
		b := ((int(from.block)+d*i)%n + n) % n
		ms := m.mentions(b)
		if d > 0 {
			for _, e := range ms {
				if i > 0 || e.start > int(from.start) {
					m.goTo(ref{int32(b), int32(e.start), int32(e.end)})
					m.nameNote(e.kind, e.canon, "")
					if i > 0 && b <= int(from.block) {
						m.note += " (wrapped to top)"
					}
					return
				}
			}
		} else {
			for j := len(ms) - 1; j >= 0; j-- {
				e := ms[j]
				if i > 0 || e.start < int(from.start) {
					m.goTo(ref{int32(b), int32(e.start), int32(e.end)})
					m.nameNote(e.kind, e.canon, "")
					if i > 0 && b >= int(from.block) {
						m.note += " (wrapped to bottom)"
					}
					return
				}
			}
		}
	}
	m.note = "no entities"
}

// panelRows is how many rows the whole panel would take.
func (m *Model) panelRows() int {
	n := len(m.ents.index)
	for k := range kindNames {
		i := sort.Search(len(m.ents.index), func(i int) bool { return m.ents.index[i].kind >= k })
		if i < len(m.ents.index) && m.ents.index[i].kind == k {
			n++ // its heading
		}
	}
	return max(1, n)
}

// panelRule is the panel's top line: the keys it takes, in the longest
// wording that fits whole, then a rule to the width.
func panelRule(w int) string {
	for _, title := range []string{
		"── entities: enter go to, tab next mention, e close ",
		"── entities: enter go to, tab next, e close ",
		"── entities: enter, tab, e close ",
		"── entities ",
	} {
		if n := uniseg.StringWidth(title); n <= w {
			return title + strings.Repeat("─", w-n)
		}
	}
	return strings.Repeat("─", max(0, w))
}

// panelView draws the panel in h rows: a rule, then per kind a heading with
// the number of entities and their mention counts, the selection kept in view.
func (m *Model) panelView(h int) []string {
	rows := []string{m.styles.Rule.Render(panelRule(m.width))}
	// The index is sorted by kind: its kinds are a few ranges, found by
	// binary search, so that a frame draws only the rows in view, not
	// every entity of a large document.
	var segs []kindRange
	total := 0
	for k := range kindNames {
		lo := sort.Search(len(m.ents.index), func(i int) bool { return m.ents.index[i].kind >= k })
		hi := sort.Search(len(m.ents.index), func(i int) bool { return m.ents.index[i].kind > k })
		if lo < hi {
			segs = append(segs, kindRange{k, lo, hi, total})
			total += 1 + hi - lo // the heading, then the entries
		}
	}
	if total == 0 {
		msg := "no entities found"
		if m.ents.building {
			msg = "scanning the document for entities…"
		}
		rows = append(rows, truncate(msg, m.width))
	}
	// The row of the selection, and the window that shows it.
	sel := 0
	for _, g := range segs {
		if m.ents.sel >= g.lo && m.ents.sel < g.hi {
			sel = g.row + 1 + m.ents.sel - g.lo
		}
	}
	room := h - 1
	first := 0
	if sel >= room {
		first = sel - room + 1
	}
	for r := first; r < total && len(rows) < h; r++ {
		for _, g := range segs {
			if r < g.row || r > g.row+g.hi-g.lo {
				continue
			}
			if r == g.row {
				head := kindNames[g.kind] + " " + kindLabels[g.kind] + " (" + strconv.Itoa(g.hi-g.lo) + ")"
				rows = append(rows, m.styles.PanelTitle.Render(truncate(head, m.width)))
			} else {
				i := g.lo + r - g.row - 1
				rows = append(rows, m.panelItem(m.ents.index[i], i == m.ents.sel))
			}
		}
	}
	for len(rows) < h {
		rows = append(rows, "")
	}
	return rows[:max(0, h)]
}

// kindRange is the entities of one kind in the index, [lo, hi), and the
// panel row of their heading.
type kindRange struct{ kind, lo, hi, row int }

// panelItem draws one entity of the panel: its name (and role as held at
// the document's date) and its number of mentions, with two columns for
// the cursor where the name starts: at the right edge of a right-to-left
// name («‹» pointing at it), at the left of a left-to-right one.
func (m *Model) panelItem(e entry, selected bool) string {
	name := e.canon
	if kindNames[e.kind] == "NUM" && m.sc.direction() == layout.RTL {
		name = content.PersianNumber(name)
	}
	if role := m.roleOf(e); role != "" {
		name += " — " + role
	}
	w := max(1, m.width-2)
	l := m.visual(name+" ×"+strconv.Itoa(len(e.refs)), w)
	st := m.styles.Kinds[e.kind]
	pad := strings.Repeat(" ", max(0, min(l.Indent, w-l.Width)))
	if selected {
		// Marked in the text too, for terminals without colour.
		st = st.Inherit(m.styles.PanelSelected).Reverse(true)
	}
	if l.RTL {
		mark := "  "
		if selected {
			mark = " ‹"
		}
		return pad + draw(l, st) + mark
	}
	mark := "  "
	if selected {
		mark = "› "
	}
	return mark + pad + draw(l, st)
}

// kindIndex is the index in kindNames of an entity kind.
func kindIndex(k entities.Kind) (int, bool) {
	i := int(k) - int(entities.PER)
	return i, i >= 0 && i < len(kindNames)
}

// toMentions are the reader's mentions of entities found in a block, in
// text order (Tab walks them so).
func toMentions(es []entities.Entity) []mention {
	out := make([]mention, 0, len(es))
	for _, e := range es {
		k, ok := kindIndex(e.Kind)
		if !ok || e.Start >= e.End {
			continue
		}
		canon := e.Canonical
		if canon == "" {
			canon = e.Text
		}
		out = append(out, mention{kind: k, start: e.Start, end: e.End, canon: canon, role: e.Role})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}
