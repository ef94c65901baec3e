package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"rtlview/content"
)

// outline is the reader's sub-model for a document's headings: `[` and `]`
// move the top to the previous or next heading, `o` opens a list of them
// (indented by level, the section at the top selected) in which ↑/↓ (or
// j/k) choose and Enter jumps, and the status bar names the section the
// top row is in.
type outline struct {
	headings []int // the blocks that are headings, in order
	open     bool
	sel      int // the selected heading, an index of headings
	first    int // the first heading shown in the list
}

// newOutline finds the headings of doc (the blocks of kind Heading).
func newOutline(doc *content.Document) outline {
	var o outline
	if doc.File != nil {
		return o // a plain text file has no headings
	}
	for i := range doc.Blocks {
		if doc.Blocks[i].Kind == content.Heading {
			o.headings = append(o.headings, i)
		}
	}
	return o
}

// section is the index in headings of the last heading at or before block
// b, -1 for none.
func (o *outline) section(b int) int {
	lo, hi := 0, len(o.headings)
	for lo < hi {
		h := (lo + hi) / 2
		if o.headings[h] <= b {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo - 1
}

// stepHeading moves the top to the next (d=1) or previous (d=-1) heading.
func (m *Model) stepHeading(d int) {
	o := &m.outline
	if len(o.headings) == 0 {
		m.note = "no headings"
		return
	}
	s := o.section(m.sc.top.block)
	switch {
	case d > 0:
		s += d
	case s >= 0 && o.headings[s] == m.sc.top.block && m.sc.top.row == 0:
		s += d // at the heading already: the one before
	default:
		s += d + 1 // inside a section: its heading is the first step back
	}
	if s < 0 || s >= len(o.headings) {
		m.note = "no more headings"
		return
	}
	m.sc.top = pos{o.headings[s], 0}
	m.sc.clamp(m.body())
}

// openOutline shows the list, the current section selected.
func (m *Model) openOutline() {
	o := &m.outline
	if len(o.headings) == 0 {
		m.note = "no headings"
		return
	}
	o.open, o.sel = true, max(0, o.section(m.sc.top.block))
}

// outlineKey handles a key while the outline is open.
func (m *Model) outlineKey(msg tea.KeyPressMsg) tea.Cmd {
	o, k := &m.outline, &m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.LineDown):
		o.sel = min(o.sel+1, len(o.headings)-1)
	case key.Matches(msg, k.LineUp):
		o.sel = max(o.sel-1, 0)
	case key.Matches(msg, k.PageDown):
		o.sel = min(o.sel+max(1, m.frame().body-1), len(o.headings)-1)
	case key.Matches(msg, k.PageUp):
		o.sel = max(o.sel-max(1, m.frame().body-1), 0)
	case key.Matches(msg, k.Top):
		o.sel = 0
	case key.Matches(msg, k.Bottom):
		o.sel = len(o.headings) - 1
	case key.Matches(msg, k.Select):
		o.open = false
		m.sc.top = pos{o.headings[o.sel], 0}
		m.sc.clamp(m.body())
	case key.Matches(msg, k.Clear, k.Outline):
		o.open = false
	}
	return nil
}

// outlineRows draws the list in h rows: each heading on a row of its own,
// indented two cells a level from the document's starting side, the
// selected one in reverse video and marked with ›.
func (m *Model) outlineRows(h int) []string {
	o := &m.outline
	if o.sel < o.first {
		o.first = o.sel
	}
	if o.sel >= o.first+h {
		o.first = o.sel - h + 1
	}
	rows := make([]string, 0, h)
	for i := o.first; i < len(o.headings) && len(rows) < h; i++ {
		b := m.sc.doc.Block(o.headings[i])
		indent := 2 * max(0, int(b.Level)-1)
		mark := "  "
		if i == o.sel {
			mark = "› "
		}
		w := max(1, m.width-indent-2)
		l := m.visual(b.Text, w)
		text := draw(l, m.styles.PanelItem)
		if i == o.sel {
			text = draw(l, m.styles.PanelSelected)
		}
		pad := max(0, w-l.Width)
		var row string
		if l.RTL {
			row = strings.Repeat(" ", pad) + text + " " + strings.TrimSpace(mark) + strings.Repeat(" ", indent)
			if mark == "  " {
				row = strings.Repeat(" ", pad) + text + "  " + strings.Repeat(" ", indent)
			}
		} else {
			row = strings.Repeat(" ", indent) + mark + text
		}
		rows = append(rows, fit(row, m.width))
	}
	for len(rows) < h {
		rows = append(rows, "")
	}
	return rows
}

// sectionName is the text of the heading of the section at the top, for
// the status bar, "" for none.
func (m *Model) sectionName() string {
	s := m.outline.section(m.sc.top.block)
	if s < 0 {
		return ""
	}
	return m.sc.doc.Block(m.outline.headings[s]).Text
}
