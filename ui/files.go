package ui

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"rtlview/content"
)

// Several files: rtlview a b c reads a first, :n and :p go to the next and
// previous, each file kept where it was left. The first is loaded by main
// before the reader starts; the others when first shown, in a command, so
// that a slow file or URL does not freeze the keys.

// File is one input of the reader beyond the first document.
type File struct {
	// Name is shown in the header until the file is loaded.
	Name string
	// Key identifies the file for the remembered positions (see
	// Positions): a path with its size and modification time; "" means
	// a hash of the loaded text.
	Key string
	// Load reads the file; note is a message for the status bar (the
	// encoding assumed, warnings). It runs in a command, not in Update.
	Load func() (doc *content.Document, note string, err error)
}

// fileState is a file of the reader: its document once loaded and where
// it was left.
type fileState struct {
	File
	doc     *content.Document
	at      markPos
	visited bool
	marks   map[rune]markPos
	loading bool
}

// fileMsg brings a file loaded by a command.
type fileMsg struct {
	i    int
	doc  *content.Document
	note string
	err  error
}

// bodyOf is the document without the title the header shows.
func bodyOf(doc *content.Document) *content.Document {
	if len(doc.Blocks) > 0 && doc.Blocks[0].Kind == content.Heading && doc.Blocks[0].Text == doc.Meta.Title {
		body := *doc
		body.Blocks = doc.Blocks[1:]
		return &body
	}
	return doc
}

// docKey is the key of a document read from standard input or a URL, or
// the built-in article: a hash of its text.
func docKey(doc *content.Document) string {
	h := sha256.New()
	for _, b := range doc.Blocks {
		h.Write([]byte(b.Text))
		h.Write([]byte{0})
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// switchFile goes d files on (:n 1, :p -1).
func (m *Model) switchFile(d int) tea.Cmd {
	if len(m.files) < 2 {
		m.note = "only one file"
		return nil
	}
	i := m.file + d
	if i < 0 || i >= len(m.files) {
		if d > 0 {
			m.note = "no next file"
		} else {
			m.note = "no previous file"
		}
		return nil
	}
	return m.openFile(i)
}

// openFile shows file i: at once when it is loaded, else after a command
// has loaded it.
func (m *Model) openFile(i int) tea.Cmd {
	f := &m.files[i]
	if f.doc != nil {
		return m.showFile(i)
	}
	if f.loading {
		return nil
	}
	f.loading = true
	m.note = "reading " + content.Safe(f.Name) + "…"
	load := f.Load
	return func() tea.Msg {
		doc, note, err := load()
		return fileMsg{i: i, doc: doc, note: note, err: err}
	}
}

// loaded takes a file read by a command and shows it.
func (m *Model) loaded(msg fileMsg) tea.Cmd {
	f := &m.files[msg.i]
	f.loading = false
	if msg.err != nil {
		m.note = content.Safe(msg.err.Error())
		return nil
	}
	f.doc = msg.doc
	if f.Key == "" {
		f.Key = docKey(msg.doc)
	}
	cmd := m.showFile(msg.i)
	if msg.note != "" {
		m.note = content.Safe(msg.note)
	}
	return cmd
}

// showFile makes file i the one shown, keeping the place in the one left.
func (m *Model) showFile(i int) tea.Cmd {
	m.leaveFile()
	f := &m.files[i]
	m.file = i
	opt := m.sc.opt
	m.sc.stopTotals()
	m.sc = newScroller(bodyOf(f.doc), opt)
	m.outline = newOutline(m.sc.doc)
	m.ents = entityState{blocks: map[int][]mention{}, focusIdx: -1}
	m.marks = f.marks
	m.rc = newRenderCache()
	cmds := []tea.Cmd{m.sc.relayout(opt, m.body()), m.startIndex()}
	at, ok := f.at, f.visited
	if !ok {
		at, ok = m.remembered(f.Key)
	}
	if ok {
		m.goToPos(at)
	}
	f.visited = true
	m.note = fmt.Sprintf("%s (file %d of %d)", content.Safe(f.Name), i+1, len(m.files))
	if raw := m.search.raw; raw != "" {
		// The query goes on in the new file, as in less.
		m.search.saved = m.sc.top
		cmds = append(cmds, m.runSearch(raw))
	}
	return tea.Batch(cmds...)
}

// leaveFile keeps the place in the file shown.
func (m *Model) leaveFile() {
	if len(m.files) == 0 {
		return
	}
	f := &m.files[m.file]
	f.at, f.visited, f.marks = m.here(), true, m.marks
	m.remember(f.Key, f.at)
}

// fileLabel is the header's "2/3" when several files are open.
func (m *Model) fileLabel() string {
	if len(m.files) < 2 {
		return ""
	}
	return strconv.Itoa(m.file+1) + "/" + strconv.Itoa(len(m.files))
}

// remembered is the place stored for key, if any.
func (m *Model) remembered(key string) (markPos, bool) {
	if m.cfg.Positions == nil || key == "" {
		return markPos{}, false
	}
	p, off, ok := m.cfg.Positions.Get(key)
	return markPos{para: p, off: off}, ok
}

// remember stores the place for key.
func (m *Model) remember(key string, at markPos) {
	if m.cfg.Positions == nil || key == "" {
		return
	}
	m.cfg.Positions.Set(key, at.para, at.off)
}

// end is the reader's last work: the following stopped, and the place in
// the file shown recorded with the others (a warning if they cannot be
// saved goes to Config.Warn).
func (m *Model) end() {
	if m.tail != nil {
		m.tail.Stop()
		m.tail = nil
	}
	m.leaveFile()
	if m.cfg.Positions != nil {
		if err := m.cfg.Positions.Save(); err != nil && m.cfg.Warn != nil {
			m.cfg.Warn("positions not saved: " + err.Error())
		}
	}
}
