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
	"strconv"
	"sync"
	"unicode/utf8"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"rtlview/content"
	"rtlview/content/entities"
	"rtlview/ui/layout"
)

// Config is what main hands the reader.
type Config struct {
	Bidi  layout.BidiMode
	Shape bool
	// AskBidi (--bidi=auto) asks the terminal whether it reorders text
	// itself (DECRQM for mode 8, BDSM) and goes over to terminal mode if
	// it says it always does. The reader never waits for the answer: it
	// starts in Bidi's mode and changes when the answer comes, if one
	// does; keys typed meanwhile are keys.
	AskBidi bool
	// ShowControls (--show-controls) starts with the bidi controls shown
	// (layout.Options.ShowControls; the c key toggles it).
	ShowControls bool
	// LineNumbers (-N) numbers the paragraphs in a gutter on each
	// paragraph's starting side (the right of a right-to-left one), the
	// numbers :N and Ng go to.
	LineNumbers bool
	// Force is the direction of every prose block (--dir), or Auto.
	Force content.Dir
	// Entities recognises the entities highlighted and listed; nil means
	// a recognizer of the embedded gazetteer alone (embedded).
	Entities *entities.Recognizer
	// LoadEntities, when Entities is nil, makes the recognizer in the
	// background: the first screen is drawn before it is there, without
	// highlights, which come when it is (the embedded gazetteer takes
	// 8 ms to build, more than the rest of the first screen). Nil: New
	// builds the embedded one.
	LoadEntities func() *entities.Recognizer
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

	// Files are the inputs after the first (rtlview a b c), read when
	// first shown; Key identifies the first document for Positions ("":
	// a hash of its text).
	Files []File
	Key   string
	// Positions, when not nil, brings each file back where it was left
	// and records where it is left (--no-remember: nil).
	Positions *Positions
	// Follow, when not nil, starts following the first input (F); with
	// FollowAtStart (--follow) the reader starts following at once.
	Follow        func() (*content.Tail, error)
	FollowAtStart bool
	// Stream (a pipe on standard input) reads Follow's input from the
	// start, as it comes, the view staying at the top (F follows it).
	Stream bool
	// MaxBytes bounds what a streamed or followed input may bring
	// (--limit): past it, or past 500,000 paragraphs, the reading stops
	// with a note. 0: 256 MB; negative: no bound.
	MaxBytes int64
	// Warn reports a problem after the screen is given back (the
	// positions file could not be written); nil: none is reported.
	Warn func(string)
	// Clipboard is how y copies: "osc52" (or ""), "off", or a command
	// that reads the text on its standard input ("wl-copy").
	Clipboard string
}

// Model is the reader's state.
type Model struct {
	sc     scroller // the place in the document shown
	cfg    Config
	keys   KeyMap
	styles Styles
	help   help.Model

	width, height int
	gutter        int // columns of the paragraph numbers (-N), or 0
	// controlsAt is the first paragraph on screen that holds explicit
	// bidi controls (Trojan Source), or -1: the status bar flags it.
	controlsAt int
	rc         *renderCache
	// loadRec gives the recognizer (Config.LoadEntities), once, or is nil.
	loadRec func() *entities.Recognizer
	// paint draws the first screen at Init (prepaint), or is nil.
	paint *prepainter
	// started is called once at Init, after the first screen, or is nil.
	started func()
	// later is a command asked for deep in a key's handling (the count
	// of the rows of a file finishIndex grew), which Update returns.
	later tea.Cmd

	highlights bool
	showHelp   bool
	helpTop    int    // first row of the help screen shown (small screens)
	note       string // a one-off message for the status bar

	search  searchState
	ents    entityState
	outline outline
	cmdline commandLine

	count   int              // a count typed before a key (10j), or 0
	pending rune             // 'm' or '\'' waiting for its letter, or 0
	marks   map[rune]markPos // the marks of the file shown

	tail   *content.Tail // the input followed or streamed, or nil
	pinEnd bool          // following (F): the view stays on the end while it is there
	// indexing: the background index of a large file runs (filedoc.go).
	indexing bool
	toEnd    bool // the first layout shows the end (--follow)

	files []fileState // every input; files[file] is shown
	file  int
	// restore is the remembered place of the first file, taken at the
	// first layout.
	restore *markPos
}

// New makes the reader for doc. Call Update with a tea.WindowSizeMsg before
// View (Bubble Tea sends one at start).
func New(doc *content.Document, cfg Config) *Model {
	if doc == nil {
		doc = &content.Document{}
	}
	var load func() *entities.Recognizer
	switch {
	case cfg.Entities != nil:
	case cfg.LoadEntities != nil:
		load = sync.OnceValue(cfg.LoadEntities)
	default:
		cfg.Entities = embedded()
	}
	full := doc
	// The header shows the title on every screen; the body does not
	// repeat it under the header.
	doc = bodyOf(doc)
	opt := layout.Options{Bidi: cfg.Bidi, Shape: cfg.Shape, Dir: layout.Auto, Force: cfg.Force, ShowControls: cfg.ShowControls}
	m := Model{
		sc:         newScroller(doc, opt),
		cfg:        cfg,
		keys:       DefaultKeyMap(),
		styles:     StylesFor(cfg.Dark),
		help:       help.New(),
		highlights: true,
		rc:         newRenderCache(),
	}
	m.loadRec = load
	m.help.Styles = m.styles.Help
	m.search = newSearch()
	m.outline = newOutline(m.sc.doc)
	m.ents.blocks = map[int][]mention{}
	m.ents.focusIdx = -1
	m.cmdline = newCommandLine()
	m.controlsAt = -1
	name := full.Name
	if name == "" {
		name = "article"
	}
	key := cfg.Key
	if key == "" && cfg.Positions != nil {
		key = docKey(full)
	}
	m.files = append(m.files, fileState{File: File{Name: name, Key: key}, doc: full, visited: true})
	for _, f := range cfg.Files {
		m.files = append(m.files, fileState{File: f})
	}
	if at, ok := m.remembered(key); ok {
		m.restore = &at
	}
	return &m
}

// Init implements tea.Model: with --follow, the following starts.
func (m *Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.cfg.AskBidi {
		cmds = append(cmds, tea.Raw(ansi.RequestModeBiDirectionalSupport))
	}
	if m.paint != nil {
		cmds = append(cmds, m.paint.paint(m))
	}
	if m.started != nil {
		m.started()
	}
	if load := m.loadRec; load != nil && m.cfg.Entities == nil {
		cmds = append(cmds, background(func() tea.Msg { return entitiesMsg{load()} }))
	}
	switch {
	case m.cfg.FollowAtStart:
		cmds = append(cmds, m.startFollow())
	case m.cfg.Stream && m.cfg.Follow != nil:
		cmds = append(cmds, m.startStream())
	default:
		cmds = append(cmds, m.startIndex())
	}
	return tea.Batch(cmds...)
}

// bidiReport takes the terminal's answer about mode 8 (BDSM). After the
// reader's CSI 8 l (explicit mode: the terminal shows cells as sent) a
// terminal that follows the terminal-wg recommendation reports the mode
// reset; one without bidi does not know the mode; one that reorders
// every line and cannot stop reports it permanently set, and only there
// does the reader send logical text and leave reordering and shaping to
// the terminal.
func (m *Model) bidiReport(msg tea.ModeReportMsg) (tea.Model, tea.Cmd) {
	if !m.cfg.AskBidi || msg.Mode != ansi.ModeBiDirectionalSupport {
		return m, nil
	}
	m.cfg.AskBidi = false
	if msg.Value != ansi.ModePermanentlySet || m.cfg.Bidi == layout.Terminal {
		return m, nil
	}
	m.cfg.Bidi, m.cfg.Shape = layout.Terminal, false
	m.note = "the terminal reorders text itself: bidi:terminal"
	opt := m.sc.opt
	opt.Bidi, opt.Shape = layout.Terminal, false
	return m.relayout(m.width, m.height, opt)
}

// Messages of the reader's own background work.
type (
	// entitiesMsg brings the recognizer built in the background
	// (Config.LoadEntities).
	entitiesMsg struct{ rec *entities.Recognizer }
	// totalsMsg brings the row counts of every block for one layout.
	totalsMsg struct {
		gen    int
		prefix []int
	}
	// searchFirstMsg brings the first match of a query over a large
	// document from the top of the screen on, before all are counted.
	searchFirstMsg struct {
		gen   int
		first match
		rest  tea.Cmd // the rest of the search
	}
	// searchMsg brings the matches of a query over a large document.
	searchMsg struct {
		gen     int
		matches []match
		capped  bool
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
		mm.findControls()
		if mm.later != nil {
			cmd = tea.Batch(cmd, mm.later)
			mm.later = nil
		}
	}
	return model, cmd
}

func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.resize(msg.Width, msg.Height)
	case entitiesMsg:
		m.cfg.Entities = msg.rec // Update recognises the blocks shown
		return m, nil
	case totalsMsg:
		if msg.gen == m.sc.totals.gen {
			m.sc.totals.prefix = msg.prefix
		}
		m.giveBack()
		return m, nil
	case indexMsg:
		m.ents.index, m.ents.built, m.ents.building = msg.index, true, false
		m.ents.kinds |= indexKinds(msg.index)
		m.giveBack()
		return m, nil
	case searchFirstMsg:
		return m, m.foundFirst(msg)
	case searchMsg:
		m.found(msg)
		m.giveBack()
		return m, nil
	case fileIndexMsg:
		return m, m.indexed(msg)
	case fileMsg:
		return m, m.loaded(msg)
	case tailMsg:
		return m, m.follow(msg)
	case copiedMsg:
		if msg.err != nil {
			m.note = content.Safe("copy failed: " + msg.err.Error())
		} else {
			m.note = "copied " + msg.what
		}
		return m, nil
	case tea.MouseWheelMsg:
		return m.mouse(msg)
	case tea.PasteMsg:
		return m.paste(msg)
	case tea.ModeReportMsg:
		return m.bidiReport(msg)
	case tea.KeyPressMsg:
		if debugPanicKey != "" && msg.String() == debugPanicKey {
			panic("rtlview: panic on request (" + debugPanicKey + ")")
		}
		return m.key(msg)
	}
	return m, nil
}

// mouse handles the wheel, through the WheelDown and WheelUp bindings: a
// MouseWheelMsg is a fmt.Stringer ("wheeldown"), as key.Matches asks.
func (m *Model) mouse(msg tea.MouseWheelMsg) (tea.Model, tea.Cmd) {
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
	m.sc.scroll(n, m.body())
	return m, nil
}

func (m *Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := &m.keys
	if key.Matches(msg, k.Quit) && msg.Text == "" {
		// ctrl+c quits from anywhere, the search prompt too, where q
		// is a letter of the query.
		return m, tea.Quit
	}
	if m.search.editing {
		return m.searchKey(msg)
	}
	if m.cmdline.open {
		return m.commandKey(msg)
	}
	if utf8.RuneCountInString(msg.Text) > 1 {
		// Keys that arrive as one message ("/کره" sent by a script, or
		// a letter with its mark from an input method) are taken one
		// character at a time, so that "/" opens the search and the
		// rest goes into it.
		var cmds []tea.Cmd
		var model tea.Model = m
		for _, r := range msg.Text {
			var cmd tea.Cmd
			model, cmd = model.(*Model).key(tea.KeyPressMsg{Code: r, Text: string(r), Mod: msg.Mod})
			cmds = append(cmds, cmd)
		}
		return model, tea.Batch(cmds...)
	}
	m.note = ""
	if m.pending != 0 {
		m.markKey(msg)
		return m, nil
	}
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

// findControls finds the first paragraph on screen that holds explicit
// bidi controls (content.HasExplicitBidi), for the status bar: text that
// may not read in the order it is stored. Update calls it after every
// message, over the few paragraphs on screen.
func (m *Model) findControls() {
	m.controlsAt = -1
	if m.width <= 0 || m.sc.doc.Len() == 0 {
		return
	}
	p, ok := m.sc.top, true
	for n := m.frame().body; n > 0 && ok; {
		if content.HasExplicitBidi(m.sc.doc.Block(p.block).Text) {
			m.controlsAt = p.block
			return
		}
		n -= m.sc.rows(p.block) - p.row
		p, ok = pos{p.block + 1, 0}, p.block+1 < m.sc.doc.Len()
	}
}

// typed is the character a key press types, when it types exactly one
// and no alt, ctrl or super is held.
func typed(msg tea.KeyPressMsg) (rune, bool) {
	if msg.Mod&(tea.ModAlt|tea.ModCtrl|tea.ModSuper|tea.ModHyper|tea.ModMeta) != 0 {
		return 0, false
	}
	r, n := utf8.DecodeRuneInString(msg.Text)
	if n == 0 || n != len(msg.Text) {
		return 0, false
	}
	return r, true
}

// paste takes pasted text into the search prompt or the command line;
// elsewhere a paste is not a stream of commands and is ignored.
func (m *Model) paste(msg tea.PasteMsg) (tea.Model, tea.Cmd) {
	switch {
	case m.search.editing:
		s := &m.search
		s.input, _ = s.input.Update(msg)
		if v := s.input.Value(); v != s.raw {
			return m, m.runSearch(v)
		}
	case m.cmdline.open:
		m.cmdline.input, _ = m.cmdline.input.Update(msg)
	}
	return m, nil
}

// helpKey handles a key on the help screen.
func (m *Model) helpKey(msg tea.KeyPressMsg) tea.Cmd {
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
func (m *Model) panelKey(msg tea.KeyPressMsg) (cmd tea.Cmd, used bool) {
	k := &m.keys
	switch {
	case key.Matches(msg, k.LineDown):
		m.panelMove(1)
	case key.Matches(msg, k.LineUp):
		m.panelMove(-1)
	case key.Matches(msg, k.Select):
		m.panelSelect()
	case key.Matches(msg, k.Clear, k.EntityPanel):
		m.closePanel()
	default:
		return nil, false
	}
	return nil, true
}

// bodyKey handles a key of the body: moving, searching, entities,
// headings, modes.
func (m *Model) bodyKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := &m.keys
	if m.countKey(msg) {
		return m, nil
	}
	counted := m.count > 0
	n := m.takeCount(1)
	body := m.body()
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Suspend):
		return m, tea.Suspend
	case key.Matches(msg, k.LineDown):
		m.sc.scroll(n, body)
	case key.Matches(msg, k.LineUp):
		m.sc.scroll(-n, body)
	case key.Matches(msg, k.PageDown):
		m.sc.scroll(n*max(1, body-1), body)
	case key.Matches(msg, k.PageUp):
		m.sc.scroll(-n*max(1, body-1), body)
	case key.Matches(msg, k.HalfPageDown):
		m.sc.scroll(n*max(1, body/2), body)
	case key.Matches(msg, k.HalfPageUp):
		m.sc.scroll(-n*max(1, body/2), body)
	case key.Matches(msg, k.Top, k.Bottom) && counted:
		m.goToPara(n)
	case key.Matches(msg, k.Top):
		m.sc.top = pos{}
	case key.Matches(msg, k.Bottom):
		m.finishIndex() // the end of the file, not of what is indexed
		m.sc.top = m.sc.bottomTop(body)
	case key.Matches(msg, k.Percent):
		if counted {
			m.goToPercent(n)
		} else {
			m.note = "type a number before %: 50% is the middle"
		}
	case key.Matches(msg, k.Command):
		m.openCommand()
	case key.Matches(msg, k.SetMark):
		m.pending = 'm'
		m.note = "mark: type a letter"
	case key.Matches(msg, k.JumpMark):
		m.pending = '\''
		m.note = "go to mark: type a letter"
	case key.Matches(msg, k.Copy):
		return m, m.copyParagraphs(n)
	case key.Matches(msg, k.CopyPart):
		return m, m.copyPart()
	case key.Matches(msg, k.Follow):
		return m, m.startFollow()
	case key.Matches(msg, k.NextHeading):
		m.stepHeading(n)
	case key.Matches(msg, k.PrevHeading):
		m.stepHeading(-n)
	case key.Matches(msg, k.Outline):
		m.openOutline()
	case key.Matches(msg, k.Search):
		return m.startSearch()
	case key.Matches(msg, k.NextMatch):
		m.stepMatch(n)
	case key.Matches(msg, k.PrevMatch):
		m.stepMatch(-n)
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
	case key.Matches(msg, k.Controls):
		opt := m.sc.opt
		opt.ShowControls = !opt.ShowControls
		return m.relayout(m.width, m.height, opt)
	case key.Matches(msg, k.Shaping):
		opt := m.sc.opt
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
	opt := m.sc.opt
	m.gutter = 0
	if m.cfg.LineNumbers {
		// Room for the paragraph numbers and a space, when the text
		// keeps at least 20 columns.
		g := max(3, len(strconv.Itoa(m.sc.doc.Len()))) + 1
		if w-g >= 20 {
			m.gutter = g
		}
	}
	opt.Width = max(1, w-m.gutter)
	return m.relayout(max(0, w), max(0, h), opt)
}

// relayout takes a new size and layout options.
func (m *Model) relayout(w, h int, opt layout.Options) (tea.Model, tea.Cmd) {
	// Following on the end (F), the view stays on the end through a
	// resize, as it does when lines come; the anchor would keep the
	// top row's text at the top and leave the last lines below.
	atEnd := m.pinEnd && m.width > 0 && m.sc.doc.Len() > 0 && m.sc.top == m.sc.bottomTop(m.body())
	m.width, m.height = w, h
	m.help.SetWidth(w)
	cmd := m.sc.relayout(opt, m.body())
	if atEnd && w > 0 {
		m.sc.top = m.sc.bottomTop(m.body())
	}
	if m.toEnd && w > 0 {
		m.sc.top, m.toEnd, m.restore = m.sc.bottomTop(m.body()), false, nil
	}
	if m.restore != nil && w > 0 {
		m.goToPos(*m.restore)
		m.restore = nil
		if m.sc.top != (pos{}) {
			m.note = "back where you left it (--no-remember starts at the top)"
		}
	}
	return m, cmd
}

// body is the height of the body in rows (see frame).
func (m *Model) body() int { return m.frame().body }
