// Package ui is rtlview's terminal reader, a Bubble Tea (v1) program, and
// its plain output. The reader shows the visual lines that package layout
// makes (UAX #9 reordering per wrapped line, UAX #14 line breaks, grapheme
// clusters kept whole), scrolls them like less, searches through
// content.Fold, highlights named entities and lists them in a panel.
//
// The reader is one *Model composed of parts, each with its state and
// its keys: the scroller (position, rows, totals: model.go, totals.go)
// over the layout cache and layout's pieces; search (search.go); the
// entity panel (entities.go); the outline of headings (outline.go); help.
// Keys go to one mode at a time (key: help, outline, panel, body). Update
// does the work, recognition of the blocks on screen included
// (recognizeShown); View only draws. theme.go holds the one table of
// looks from which the reader's styles and plain mode's SGR (plain.go)
// both come.
//
// The reader never lays out the whole document for a frame. Its position is
// a (block, row-in-block) pair; moving walks the blocks it passes, and View
// asks the layout cache only for the blocks on screen. The total line count
// shown in the status bar is computed once per width: at once for a small
// document, in the background for a large one, and until it is known the
// status bar shows the paragraph number instead (see totals.go).
package ui

import (
	"io"
	"sort"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"rtlview/content"
	"rtlview/content/entities"
	"rtlview/ui/layout"
)

// Config is what main hands the reader.
type Config struct {
	Bidi  layout.BidiMode
	Shape bool
	// Force is the direction of every prose block (--dir), or Auto.
	Force content.Dir
	// Entities recognises the entities highlighted and listed; nil means
	// a recognizer of the embedded gazetteer alone (embedded).
	Entities *entities.Recognizer
	// Note is shown in the status bar at start (the warnings of a
	// --gazetteer file, the encoding the input was read in).
	Note string
	// Input is where keys are read (a terminal), Output where the screen
	// is drawn; nil: standard input and output.
	Input  io.Reader
	Output io.Writer
	// Dark says the terminal's background is dark (--theme; see
	// DarkBackground): the terminal is never asked. NoColour draws
	// without colours (--color=never).
	Dark, NoColour bool

	// renderer draws the styles for Output (Run makes it); nil: lipgloss's
	// default renderer.
	renderer *lipgloss.Renderer
}

// pos is a row of the body: a block and a row of it. Row len(lines) of a
// block is the blank row that separates it from the next (articles only).
type pos struct{ block, row int }

func (p pos) less(q pos) bool {
	return p.block < q.block || p.block == q.block && p.row < q.row
}

// Model is the reader's state.
type Model struct {
	// doc is what the reader shows, block by block: the document without
	// its title, with paragraphs too long to lay out at once cut into
	// pieces (layout.Split); pieces says where each block comes from (nil
	// when nothing was cut), paras is the document before the cut.
	doc    *content.Document
	paras  *content.Document
	pieces []layout.Piece
	cfg    Config
	keys   KeyMap
	styles Styles
	help   help.Model
	cache  *layout.Cache

	width, height int
	opt           layout.Options
	dir           layout.Direction // the document's majority: the reader's own rows

	top pos
	// maxTop caches bottomTop for one layout and body height. It is a
	// pointer so that a copy of the model (a test's fork) shares it.
	maxTop *maxTopCache
	rc     *renderCache
	// anchor is the text that was at the top when a resize began: kept
	// while the top stays where the last resize put it, so resizing back
	// and forth does not drift by a line each time.
	anchor anchor

	highlights bool
	showHelp   bool
	helpTop    int    // first row of the help screen shown (small screens)
	note       string // a one-off message for the status bar

	search  searchState
	ents    entityState
	totals  totalState
	outline outline

	// byteStart[i] is the byte offset of block i in the document: the
	// position in % before the line total is known.
	byteStart []int64
}

// New makes the reader for doc. Call Update with a tea.WindowSizeMsg before
// View (Bubble Tea sends one at start).
func New(doc *content.Document, cfg Config) *Model {
	if doc == nil {
		doc = &content.Document{}
	}
	if cfg.Entities == nil {
		cfg.Entities = embedded()
	}
	if cfg.renderer == nil {
		cfg.renderer = lipgloss.DefaultRenderer()
	}
	if len(doc.Blocks) > 0 && doc.Blocks[0].Kind == content.Heading && doc.Blocks[0].Text == doc.Meta.Title {
		// The header shows the title on every screen; the body does
		// not repeat it under the header.
		body := *doc
		body.Blocks = doc.Blocks[1:]
		doc = &body
	}
	// A paragraph too long to lay out at once (a whole file on one line)
	// is shown as the pieces the layout cuts it into, so that the first
	// screen, a resize or a toggle lays out one piece, not 10 MB.
	paras := doc
	dir := layout.Majority(doc)
	opt := layout.Options{Bidi: cfg.Bidi, Shape: cfg.Shape, Dir: layout.Auto, Force: cfg.Force}
	doc, pieces := layout.Split(doc, opt)
	m := Model{
		doc:        doc,
		paras:      paras,
		pieces:     pieces,
		cfg:        cfg,
		keys:       DefaultKeyMap(),
		styles:     StylesFor(cfg.renderer),
		help:       help.New(),
		cache:      layout.NewCache(doc),
		highlights: true,
		maxTop:     new(maxTopCache),
		rc:         newRenderCache(),
		dir:        dir,
	}
	m.cache.SetPieces(pieces)
	m.help.Styles = m.styles.Help
	m.opt = opt
	m.byteStart = make([]int64, len(doc.Blocks)+1)
	for i, b := range doc.Blocks {
		m.byteStart[i+1] = m.byteStart[i] + int64(len(b.Text)) + 1
	}
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = 256
	m.search.input = ti
	m.outline = newOutline(doc)
	m.search.cur = -1
	m.ents.blocks = map[int][]mention{}
	m.ents.focusIdx = -1
	return &m
}

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd { return nil }

// Messages of the reader's own background work.
type (
	// totalsMsg brings the row counts of every block for one layout.
	totalsMsg struct {
		gen    int
		prefix []int
	}
	// searchMsg brings the matches of a query over a large document.
	searchMsg struct {
		gen     int
		matches []match
	}
	// indexMsg brings the entity index of a large document.
	indexMsg struct{ index []entry }
)

// debugPanicKey, when set at build time (-ldflags "-X
// rtlview/ui.debugPanicKey=ctrl+t"), makes that key panic: the real-terminal
// test uses it to check that a panic still restores the terminal.
var debugPanicKey string

// Update implements tea.Model. It leaves the model ready to draw: the
// entities of the blocks on screen are recognised here, so that View only
// reads what Update prepared.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	model, cmd := m.update(msg)
	if mm, ok := model.(*Model); ok {
		mm.recognizeShown()
	}
	return model, cmd
}

func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.resize(msg.Width, msg.Height)
	case totalsMsg:
		if msg.gen == m.totals.gen {
			m.totals.prefix = msg.prefix
		}
		return m, nil
	case indexMsg:
		m.ents.index, m.ents.built, m.ents.building = msg.index, true, false
		return m, nil
	case searchMsg:
		if msg.gen == m.search.gen {
			m.setMatches(msg.matches)
		}
		return m, nil
	case tea.MouseMsg:
		return m.mouse(msg)
	case tea.KeyMsg:
		if debugPanicKey != "" && msg.String() == debugPanicKey {
			panic("rtlview: panic on request (" + debugPanicKey + ")")
		}
		return m.key(msg)
	}
	return m, nil
}

// mouse handles the wheel, through the WheelDown and WheelUp bindings: a
// MouseMsg is a fmt.Stringer ("wheel down"), as key.Matches asks.
func (m *Model) mouse(msg tea.MouseMsg) (tea.Model, tea.Cmd) {
	if msg.Action != tea.MouseActionPress {
		return m, nil
	}
	n := 0
	switch {
	case key.Matches(msg, m.keys.WheelDown):
		n = 3
	case key.Matches(msg, m.keys.WheelUp):
		n = -3
	default:
		return m, nil
	}
	if m.showHelp {
		// The help screen scrolls a row a turn, as with j and k.
		m.scrollHelp(n / 3)
		return m, nil
	}
	m.scroll(n)
	return m, nil
}

func (m *Model) key(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := &m.keys
	if key.Matches(msg, k.Quit) && msg.Type != tea.KeyRunes {
		// ctrl+c quits from anywhere, the search prompt too, where q
		// is a letter of the query.
		return m, tea.Quit
	}
	if m.search.editing {
		return m.searchKey(msg)
	}
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
		// Keys that arrive in one read ("/کره" typed fast, or sent by
		// a script) come as one message: take them one at a time, so
		// that "/" opens the search and the rest goes into it.
		var cmds []tea.Cmd
		var model tea.Model = m
		for _, r := range msg.Runes {
			var cmd tea.Cmd
			model, cmd = model.(*Model).key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
			cmds = append(cmds, cmd)
		}
		return model, tea.Batch(cmds...)
	}
	m.note = ""
	// One mode has the keys: the help screen, the outline, the entity
	// panel (which leaves the keys it does not use to the body), the body.
	switch {
	case m.showHelp:
		return m, m.helpKey(msg)
	case m.outline.open:
		return m, m.outlineKey(msg)
	case m.ents.open:
		if cmd, used := m.panelKey(msg); used {
			return m, cmd
		}
	}
	return m.bodyKey(msg)
}

// helpKey handles a key on the help screen.
func (m *Model) helpKey(msg tea.KeyMsg) tea.Cmd {
	k := &m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help, k.Clear):
		m.showHelp = false
	case key.Matches(msg, k.LineDown, k.PageDown, k.HalfPageDown):
		m.scrollHelp(1)
	case key.Matches(msg, k.LineUp, k.PageUp, k.HalfPageUp):
		m.scrollHelp(-1)
	}
	return nil
}

// panelKey handles a key while the entity panel is open; used is false
// for the keys it leaves to the body.
func (m *Model) panelKey(msg tea.KeyMsg) (cmd tea.Cmd, used bool) {
	k := &m.keys
	switch {
	case key.Matches(msg, k.LineDown):
		m.panelMove(1)
	case key.Matches(msg, k.LineUp):
		m.panelMove(-1)
	case key.Matches(msg, k.Select):
		m.panelSelect()
	case key.Matches(msg, k.Clear, k.EntityPanel):
		m.ents.open = false
	default:
		return nil, false
	}
	return nil, true
}

// bodyKey handles a key of the body: moving, searching, entities,
// headings, modes.
func (m *Model) bodyKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := &m.keys
	body := m.frame().body
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Suspend):
		return m, tea.Suspend
	case key.Matches(msg, k.LineDown):
		m.scroll(1)
	case key.Matches(msg, k.LineUp):
		m.scroll(-1)
	case key.Matches(msg, k.PageDown):
		m.scroll(max(1, body-1))
	case key.Matches(msg, k.PageUp):
		m.scroll(-max(1, body-1))
	case key.Matches(msg, k.HalfPageDown):
		m.scroll(max(1, body/2))
	case key.Matches(msg, k.HalfPageUp):
		m.scroll(-max(1, body/2))
	case key.Matches(msg, k.Top):
		m.top = pos{}
	case key.Matches(msg, k.Bottom):
		m.top = m.bottomTop()
	case key.Matches(msg, k.NextHeading):
		m.stepHeading(1)
	case key.Matches(msg, k.PrevHeading):
		m.stepHeading(-1)
	case key.Matches(msg, k.Outline):
		m.openOutline()
	case key.Matches(msg, k.Search):
		return m.startSearch()
	case key.Matches(msg, k.NextMatch):
		m.stepMatch(1)
	case key.Matches(msg, k.PrevMatch):
		m.stepMatch(-1)
	case key.Matches(msg, k.Clear):
		m.clearSearch()
		m.ents.focusIdx = -1
		m.ents.cursor = nil
	case key.Matches(msg, k.NextEntity):
		m.stepEntity(1)
	case key.Matches(msg, k.PrevEntity):
		m.stepEntity(-1)
	case key.Matches(msg, k.EntityPanel):
		return m, m.openPanel()
	case key.Matches(msg, k.Highlights):
		m.highlights = !m.highlights
	case key.Matches(msg, k.Shaping):
		opt := m.opt
		opt.Shape = !opt.Shape
		return m.relayout(m.width, m.height, opt)
	case key.Matches(msg, k.Help):
		m.showHelp, m.helpTop = true, 0
	}
	return m, nil
}

// scrollHelp moves the help screen by d rows. Its first row is blank, so
// body-1 rows of help show (helpRows), and scrolling stops when the last
// of them is the last line of the help.
func (m *Model) scrollHelp(d int) {
	last := max(0, len(m.helpLines())-(m.frame().body-1))
	m.helpTop = max(0, min(m.helpTop+d, last))
}

// resize lays out again for the new size, keeping the paragraph (and the
// text) that was at the top of the body in view.
func (m *Model) resize(w, h int) (tea.Model, tea.Cmd) {
	opt := m.opt
	opt.Width = max(1, w)
	return m.relayout(max(0, w), max(0, h), opt)
}

type anchor struct {
	valid     bool
	block, at int  // a block and a byte offset in it
	gap       bool // the blank row after the block
	top       pos  // the top the anchor gave
}

func (m *Model) relayout(w, h int, opt layout.Options) (tea.Model, tea.Cmd) {
	if !m.anchor.valid || m.anchor.top != m.top {
		m.anchor = anchor{valid: true, block: m.top.block, at: m.topByte()}
		if m.top.block < len(m.doc.Blocks) && m.width > 0 {
			m.anchor.gap = m.top.row >= len(m.lines(m.top.block))
		}
	}
	anchorBlock, anchorByte := m.anchor.block, m.anchor.at
	changed := opt != m.opt
	m.width, m.height = w, h
	m.help.Width = w
	m.opt = opt
	if anchorBlock < len(m.doc.Blocks) {
		m.top = pos{anchorBlock, m.rowOf(anchorBlock, anchorByte)}
		if m.anchor.gap {
			m.top.row = len(m.lines(anchorBlock))
		}
	}
	m.clamp()
	m.anchor.top = m.top
	var cmd tea.Cmd
	if changed || m.totals.prefix == nil && !m.totals.running(m.opt) {
		cmd = m.startTotals()
	}
	return m, cmd
}

// topByte is the logical byte offset of the text at the top of the body.
func (m *Model) topByte() int {
	if m.top.block >= len(m.doc.Blocks) || m.width == 0 {
		return 0
	}
	lines := m.lines(m.top.block)
	if m.top.row < len(lines) {
		return lines[m.top.row].Start
	}
	return len(m.doc.Blocks[m.top.block].Text)
}

// lines is the layout of block b at the current options.
func (m *Model) lines(b int) []layout.Line {
	return m.cache.Lines(b, m.opt)
}

// rows is how many body rows block b takes.
func (m *Model) rows(b int) int {
	n := max(1, len(m.lines(b)))
	if m.gapAfter(b) {
		n++
	}
	return n
}

// gapAfter reports whether a blank row follows block b: the next block has
// Break set (paragraph spacing; the pieces of a cut paragraph have not).
func (m *Model) gapAfter(b int) bool {
	return gapAfter(m.doc, b)
}

func gapAfter(doc *content.Document, b int) bool {
	return b < len(doc.Blocks)-1 && doc.Blocks[b+1].Break
}

// para returns the paragraph of block b and the offset of the block's
// text in the paragraph's.
func (m *Model) para(b int) (p, start int) {
	if m.pieces == nil || b >= len(m.pieces) {
		return b, 0
	}
	return m.pieces[b].Para, m.pieces[b].Start
}

// block returns the block that shows byte off of paragraph p, and the
// offset in that block.
func (m *Model) block(p, off int) (b, o int) {
	if m.pieces == nil {
		return p, off
	}
	// The last block whose paragraph and start are at or before (p, off).
	b = sort.Search(len(m.pieces), func(i int) bool {
		pc := m.pieces[i]
		return pc.Para > p || pc.Para == p && pc.Start > off
	}) - 1
	if b < 0 {
		return 0, 0
	}
	return b, off - m.pieces[b].Start
}

// rowOf is the row of block b that shows byte offset off.
func (m *Model) rowOf(b, off int) int {
	lines := m.lines(b)
	for i, l := range lines {
		// A line that shows no text (a cue's timing above its text)
		// stands at its offset, before the text there.
		if off < l.End || l.Start == l.End && l.Start == off || i == len(lines)-1 {
			return i
		}
	}
	return 0
}

func (m *Model) next(p pos) (pos, bool) {
	if p.row+1 < m.rows(p.block) {
		return pos{p.block, p.row + 1}, true
	}
	if p.block+1 < len(m.doc.Blocks) {
		return pos{p.block + 1, 0}, true
	}
	return p, false
}

func (m *Model) prev(p pos) (pos, bool) {
	if p.row > 0 {
		return pos{p.block, p.row - 1}, true
	}
	if p.block > 0 {
		return pos{p.block - 1, m.rows(p.block-1) - 1}, true
	}
	return p, false
}

type maxTopKey struct {
	opt  layout.Options
	body int
}

type maxTopCache struct {
	ok  bool
	key maxTopKey
	p   pos
}

// bottomTop is the top row that puts the last row of the document at the
// bottom of the body: nothing scrolls past the end. It lays out only the
// blocks that fill the last screen.
func (m *Model) bottomTop() pos {
	key := maxTopKey{m.opt, m.frame().body}
	if m.maxTop.ok && m.maxTop.key == key {
		return m.maxTop.p
	}
	p := pos{}
	if n := len(m.doc.Blocks); n > 0 {
		p = pos{n - 1, m.rows(n-1) - 1}
		for i := 1; i < m.frame().body; i++ {
			q, ok := m.prev(p)
			if !ok {
				break
			}
			p = q
		}
	}
	*m.maxTop = maxTopCache{ok: true, key: key, p: p}
	return p
}

func (m *Model) clamp() {
	if len(m.doc.Blocks) == 0 {
		m.top = pos{}
		return
	}
	if m.top.block >= len(m.doc.Blocks) {
		m.top = pos{len(m.doc.Blocks) - 1, 0}
	}
	if r := m.rows(m.top.block); m.top.row >= r {
		m.top.row = r - 1
	}
	if mt := m.bottomTop(); mt.less(m.top) {
		m.top = mt
	}
	if m.top.row < 0 {
		m.top.row = 0
	}
}

// scroll moves the top by n rows, stopping at either end.
func (m *Model) scroll(n int) {
	if len(m.doc.Blocks) == 0 {
		return
	}
	mt := m.bottomTop()
	for ; n > 0 && m.top.less(mt); n-- {
		m.top, _ = m.next(m.top)
	}
	for ; n < 0; n++ {
		p, ok := m.prev(m.top)
		if !ok {
			break
		}
		m.top = p
	}
}

// show scrolls so that byte off of block b is in the body: if it is not,
// it is put a third of the way down, as less does for search.
func (m *Model) show(b, off int) {
	if b >= len(m.doc.Blocks) {
		return
	}
	target := pos{b, m.rowOf(b, off)}
	body := m.frame().body
	if !target.less(m.top) {
		p, in := m.top, false
		for i := 0; i < body; i++ {
			if p == target {
				in = true
				break
			}
			q, ok := m.next(p)
			if !ok {
				break
			}
			p = q
		}
		if in {
			return
		}
	}
	m.top = target
	for i := 0; i < body/3; i++ {
		p, ok := m.prev(m.top)
		if !ok {
			break
		}
		m.top = p
	}
	m.clamp()
}
