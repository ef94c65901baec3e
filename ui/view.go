package ui

import (
	"fmt"

	"strconv"
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/rivo/uniseg"

	"rtlview/content"
	"rtlview/ui/layout"
)

// frameRows says how the screen's rows are shared. The body gets what the
// others leave; on a small screen the header, legend and date go first.
type frameRows struct {
	title, date, body, panel, legend, status int
}

func (m *Model) frame() frameRows {
	h := m.height
	var f frameRows
	if h <= 0 {
		return f
	}
	if h >= 2 {
		f.status = 1
	}
	if h >= 5 {
		f.title = 1
	}
	if h >= 12 && m.sc.doc.HasDate() {
		f.date = 1
	}
	if h >= 12 && m.highlights {
		f.legend = 1
	}
	rest := h - f.status - f.title - f.date - f.legend
	if m.ents.open && !m.showHelp {
		want := m.panelRows() + 1 // with its rule
		f.panel = min(want, max(rest/2, min(rest, 3)))
		if rest-f.panel < 3 {
			f.panel = rest
		}
		rest -= f.panel
	}
	f.body = max(0, rest)
	return f
}

// View implements tea.Model: the screen (render) on the alternate screen,
// with the mouse reporting the wheel.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	return v
}

// render draws the screen. It renders only the rows on screen; each row
// is at most m.width cells and there are exactly m.height rows.
func (m *Model) render() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	f := m.frame()
	rows := make([]string, 0, m.height)
	// Rows other than the body's text lines are checked with fit here;
	// the body's lines are checked once per layout (lineFits).
	var checked []string
	rc := m.rcache()
	if !rc.head {
		rc.title, rc.date, rc.head = fit(m.titleRow(), m.width), fit(m.dateRow(), m.width), true
	}
	if f.title > 0 {
		rows = append(rows, rc.title)
	}
	if f.date > 0 {
		rows = append(rows, rc.date)
	}
	if m.showHelp {
		checked = append(checked, m.helpRows(f.body+f.panel)...)
	} else if m.outline.open {
		checked = append(checked, m.outlineRows(f.body+f.panel)...)
	} else {
		rows = append(rows, m.bodyRows(f.body)...)
		if f.panel > 0 {
			checked = append(checked, m.panelView(f.panel)...)
		}
	}
	if f.legend > 0 {
		checked = append(checked, m.legendRow())
	}
	if f.status > 0 {
		checked = append(checked, m.statusRow())
	}
	for _, r := range checked {
		rows = append(rows, fit(r, m.width))
	}
	for len(rows) < m.height {
		rows = append(rows, "")
	}
	return strings.Join(rows[:m.height], "\n")
}

// fit is the last guard of the rule that no row is wider than the
// terminal: the parts were measured with uniseg, lipgloss measures with
// its own tables, and a row that disagrees is cut rather than wrapped by
// the terminal.
func fit(s string, w int) string {
	if lipgloss.Width(s) <= w {
		return s
	}
	return lipgloss.NewStyle().MaxWidth(w).Render(s)
}

func (m *Model) bodyRows(n int) []string {
	rows := make([]string, 0, n)
	p, ok := m.sc.top, m.sc.doc.Len() > 0
	var spans []layout.Span
	var idx *layout.SpanIndex
	spansOf := -1
	for len(rows) < n {
		if !ok {
			rows = append(rows, "")
			continue
		}
		lines := m.sc.lines(p.block)
		if p.row < len(lines) {
			if p.block != spansOf {
				spans, spansOf = m.spans(p.block), p.block
				idx = nil
				if len(spans) > 32 {
					// A long paragraph: each line looks up its own
					// few spans instead of scanning all of them.
					idx = layout.NewSpanIndex(spans)
				}
			}
			lineSpans := spans
			if idx != nil {
				lineSpans = idx.Window(lines[p.row].Start, lines[p.row].End)
			}
			l := &lines[p.row]
			row, plain := m.renderLine(l, lineSpans)
			if m.gutter > 0 {
				row = m.numbered(row, l, p)
			} else if !m.lineFits(p, plain) {
				row = fit(row, m.width)
			}
			rows = append(rows, row)
		} else {
			rows = append(rows, m.gapRow(p.block))
		}
		p, ok = m.sc.next(p)
	}
	return rows
}

// numbered puts the gutter of -N beside a body row: the paragraph's
// number on its first row, blank on the others, at the left of a
// left-to-right line and at the right of a right-to-left one (in Persian
// digits when the document reads right to left, as the panel writes
// numbers).
func (m *Model) numbered(row string, l *layout.Line, p pos) string {
	gutter := strings.Repeat(" ", m.gutter)
	if p.row == 0 {
		n := strconv.Itoa(p.block + 1)
		if m.sc.direction() == layout.RTL {
			n = content.PersianNumber(n)
		}
		pad := strings.Repeat(" ", max(0, m.gutter-1-len([]rune(n)))) // digits: a cell each
		n = m.styles.Date.Render(n)
		if l.RTL {
			gutter = " " + pad + n
		} else {
			gutter = pad + n + " "
		}
	}
	if !l.RTL {
		return fit(gutter+row, m.width)
	}
	text := m.width - m.gutter
	if w := l.Indent + l.Width; w < text {
		row += strings.Repeat(" ", text-w)
	}
	return fit(row+gutter, m.width)
}

// maxMarks is how many combining marks in a row the screen draws on one
// letter: a letter with a million marks (one grapheme cluster, one cell)
// would make a row of megabytes that no terminal can show. The text keeps
// them all (search, copy, plain mode).
const maxMarks = 31

// capMarks drops the combining marks after the first maxMarks of a run.
func capMarks(t string) string {
	var b strings.Builder
	run := 0
	for i, r := range t {
		if unicode.In(r, unicode.Mn, unicode.Me) {
			if run++; run > maxMarks {
				if b.Len() == 0 {
					b.Grow(len(t) / 2)
					b.WriteString(t[:i])
				}
				continue
			}
		} else {
			run = 0
		}
		if b.Len() > 0 {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return t
	}
	return b.String()
}

// renderLine draws one visual line with the styles of spans. Restyle
// rewrites the cached line's Segments whole, so what an earlier frame
// styled does not leak into this one.
func (m *Model) renderLine(l *layout.Line, spans []layout.Span) (row, plain string) {
	l.Restyle(spans)
	var b, p strings.Builder
	indent := strings.Repeat(" ", max(0, min(l.Indent, m.width)))
	b.WriteString(indent)
	p.WriteString(indent)
	for _, s := range l.Segments {
		t := content.Visible(s.Text)
		if len(t) > 1024 {
			t = capMarks(t)
		}
		p.WriteString(t)
		var arg content.Span
		if k := layout.ArgIndex(s.Style); k > 0 && l.Block < m.sc.doc.Len() {
			arg, _ = layout.BlockArg(m.sc.doc.Block(l.Block), k)
		}
		link := ""
		switch arg.Kind {
		case content.Link, content.AutoLink:
			// An OSC 8 hyperlink: the terminal opens the URL on a
			// click. The URL is defused, and ST cannot occur in it.
			if link = hyperlinkTarget(arg.Arg); link != "" {
				b.WriteString("\x1b]8;;" + link + "\x1b\\")
			}
		case content.Style:
			// Pager input's own colours, under the reader's styles.
			if sgr := layout.SGRParams(arg); sgr != "" {
				b.WriteString("\x1b[" + sgr + "m")
			}
		}
		pre, suf, ok := m.sgrOf(s.Style & layout.StyleBits)
		b.WriteString(pre)
		b.WriteString(t)
		b.WriteString(suf)
		if arg.Kind == content.Style && !ok {
			b.WriteString("\x1b[0m")
		}
		if link != "" {
			b.WriteString("\x1b]8;;\x1b\\")
		}
	}
	return b.String(), p.String()
}

// hyperlinkTarget is a link's URL as an OSC 8 sequence may carry it: only
// printable ASCII but space (a URL is; anything else, a control or an ESC
// that would end the sequence early included, makes it no link), at most
// 2,000 bytes.
func hyperlinkTarget(url string) string {
	if url == "" || len(url) > 2000 {
		return ""
	}
	for i := 0; i < len(url); i++ {
		if c := url[i]; c <= ' ' || c >= 0x7f {
			return ""
		}
	}
	return url
}

// visual lays out a one-paragraph string (a header, a query, a panel row)
// at width w and returns its first line: its start, aligned as the
// paragraph's direction says (Indent).
func (m *Model) visual(text string, w int) layout.Line {
	opt := m.sc.opt
	opt.Width = max(1, w)
	lines := layout.Block(0, text, nil, opt)
	if len(lines) == 0 {
		return layout.Line{}
	}
	if len(lines) == 1 || w < 2 {
		return lines[0]
	}
	// It does not fit: its first line, one cell narrower, and an
	// ellipsis where the reading goes on (at the left of RTL text).
	opt.Width = w - 1
	l := layout.Block(0, text, nil, opt)[0]
	more := layout.Cluster{Text: "…", Width: 1, Start: l.End, End: l.End}
	if l.RTL {
		l.SetClusters(append([]layout.Cluster{more}, l.Clusters()...))
	} else {
		l.SetClusters(append(l.Clusters(), more))
	}
	l.Width++
	if l.RTL {
		l.Indent = max(0, w-l.Width) // flush right at the full width
	}
	return l
}

// draw is l's clusters in one style, without the indent.
func draw(l layout.Line, st lipgloss.Style) string {
	var b strings.Builder
	for _, c := range l.Clusters() {
		b.WriteString(c.Text)
	}
	return st.Render(content.Visible(b.String()))
}

func (m *Model) titleRow() string {
	// A file name may hold anything: no control or bidi formatting
	// character of it reorders or drives the title.
	name := content.Safe(m.files[m.file].Name)
	if name == "-" {
		name = "standard input"
	}
	t := m.sc.doc.Meta.Title
	// With several files the row starts with "2/3" and the file's name,
	// left to right at the left edge; the title, if the document has
	// one, takes the rest of the row in its own direction.
	left := ""
	if f := m.fileLabel(); f != "" {
		left = f + "  " + name
		if t != "" {
			left = truncate(left, m.width/2)
		}
	} else if t == "" {
		t = name
	}
	if t == "" && left == "" {
		t = "rtlview"
	}
	lw := uniseg.StringWidth(left)
	if t == "" || m.width-lw-2 < 4 {
		return m.styles.Title.Render(truncate(left, m.width))
	}
	avail := m.width
	if left != "" {
		avail -= lw + 2
	}
	l := m.visual(t, avail)
	row := strings.Repeat(" ", max(0, min(l.Indent, avail-l.Width))) + draw(l, m.styles.Title)
	if left == "" {
		return row
	}
	return m.styles.Title.Render(left) + "  " + row
}

// dateRow shows the date in both calendars: the Gregorian one at the left,
// in English, and the Jalali one as printed at the right; the site of a
// web article beside the date in its script (a Persian site name with the
// Jalali date, a Latin one with the Gregorian): dateParts, which plain
// mode prints too.
func (m *Model) dateRow() string {
	greg, jal := dateParts(&m.sc.doc.Meta)
	gw := uniseg.StringWidth(greg)
	if jal == "" {
		return m.styles.Date.Render(truncate(greg, m.width))
	}
	jl := m.visual(jal, m.width)
	js, jw := draw(jl, m.styles.Date), jl.Width
	if gw+2+jw <= m.width {
		return m.styles.Date.Render(greg) + strings.Repeat(" ", m.width-gw-jw) + js
	}
	return strings.Repeat(" ", max(0, m.width-jw)) + js
}

func (m *Model) legendRow() string {
	var parts []string
	w := 0
	for i, l := range kindLabels {
		if m.ents.kinds&(1<<i) == 0 {
			continue // only the kinds the document has (so far)
		}
		if w+len(l)+1 > m.width-7 {
			break
		}
		parts = append(parts, m.styles.Kinds[i].Render(l))
		w += len(l) + 1
	}
	legend := strings.Join(parts, " ")
	hint := "? help"
	if gap := m.width - w - len(hint); gap >= 1 {
		return legend + strings.Repeat(" ", gap) + m.styles.Date.Render(hint)
	}
	return legend
}

// statusRow: position, line/total, match n/m, modes and a note; or the
// search prompt while a query is typed.
func (m *Model) statusRow() string {
	if m.search.editing {
		return m.promptRow()
	}
	if m.cmdline.open {
		return m.commandRow()
	}
	var parts []string
	pct, where := m.position()
	parts = append(parts, pct, where)
	if c := m.search.matchCount(); c != "" {
		if len(m.search.matches) > 0 && !m.search.running {
			c = "match " + c // (while counting, the first match is shown)
		}
		parts = append(parts, c)
	}
	if name := m.sectionName(); name != "" && m.width >= 40 {
		// The section the top is in, in reading order, cut to a third
		// of the bar.
		l := m.visual(name, m.width/3)
		parts = append(parts, "§ "+l.String())
	}
	modes := []string{"bidi:" + [...]string{"app", "terminal"}[m.cfg.Bidi&1]}
	if m.sc.opt.Shape {
		modes = append(modes, "shape")
	}
	if m.highlights {
		modes = append(modes, "hl")
	}
	if m.indexing {
		modes = append(modes, "indexing")
	}
	if m.tail != nil && m.pinEnd {
		modes = append(modes, "follow")
	} else if m.tail != nil {
		modes = append(modes, "reading")
	}
	if m.sc.opt.ShowControls {
		modes = append(modes, "controls")
	}
	if m.controlsAt >= 0 && !m.sc.opt.ShowControls && m.note == "" {
		// Trojan Source: the text on screen may not read in the order
		// its characters are stored.
		parts = append(parts, "bidi controls in ¶"+strconv.Itoa(m.controlsAt+1)+": c shows them")
	}
	left := strings.Join(parts, "  ")
	right := strings.Join(modes, " ")
	if m.note != "" {
		// A note can hold a file name: never raw controls.
		left += "  " + content.Visible(m.note)
	} else if m.showHelp {
		left += "  help: j/k scroll, ? close"
	}
	lw, rw := uniseg.StringWidth(left), uniseg.StringWidth(right)
	if lw+1+rw > m.width {
		return m.styles.Status.Render(truncate(left, m.width) + strings.Repeat(" ", max(0, m.width-lw)))
	}
	return m.styles.Status.Render(left+strings.Repeat(" ", m.width-lw-rw)) + m.styles.StatusKey.Render(right)
}

// position is the place in % of the last row on screen, and line/total
// once the total is known; before that the paragraph number and a % by
// bytes, so that no frame costs O(document).
func (m *Model) position() (string, string) {
	body := m.frame().body
	if p := m.sc.totals.prefix; p != nil && len(p) == m.sc.doc.Len()+1 {
		total := p[len(p)-1]
		line := p[m.sc.top.block] + m.sc.top.row + 1
		bottom := min(total, line-1+body)
		pct := 100
		if total > 0 {
			pct = bottom * 100 / total
		}
		if m.sc.top == m.sc.bottomTop(m.body()) {
			pct = 100
		}
		return fmt.Sprintf("%d%%", pct), fmt.Sprintf("%d/%d", line, total)
	}
	n := m.sc.doc.Len()
	if n == 0 {
		return "100%", "0/0"
	}
	all := m.sc.size()
	pct := int(m.sc.offset(m.sc.top.block) * 100 / max(1, all))
	if m.sc.top == m.sc.bottomTop(m.body()) {
		pct = 100
	}
	para, _ := m.sc.para(m.sc.top.block)
	return fmt.Sprintf("%d%%", pct), fmt.Sprintf("¶%d/%d", para+1, m.sc.paras.Len())
}

// helpLines is the full help made by bubbles/help from the key map: the
// groups side by side when they fit, else as many per band as fit, the
// bands one under the other.
func (m *Model) helpLines() []string {
	h := m.help
	h.SetWidth(0) // measure whole columns; fitting is done here
	groups := m.keys.FullHelp()
	for per := len(groups); per >= 1; per-- {
		var out []string
		fits := true
		for i := 0; i < len(groups); i += per {
			band := h.FullHelpView(groups[i:min(i+per, len(groups))])
			if lipgloss.Width(band) > m.width && per > 1 {
				fits = false
				break
			}
			if i > 0 {
				out = append(out, "")
			}
			out = append(out, strings.Split(band, "\n")...)
		}
		if fits {
			return append(out, helpNotes()...)
		}
	}
	return nil
}

// helpNotes follow the keys on the help screen: counts, the prompt's
// keys and how search reads a query.
func helpNotes() []string {
	notes := []string{
		"",
		"A number before a key repeats it or says where: 10j, 3n, 2y, 25g (paragraph 25), 50%.",
		"In the search prompt ←/→ move on screen, ↑/↓ bring back searches, ctrl+w deletes a word.",
		"y copies the text as stored (logical order, no presentation forms) via OSC 52.",
	}
	return append(notes, content.FoldingHelp()...)
}

// helpRows is the help screen in n rows, scrolled by helpTop.
func (m *Model) helpRows(n int) []string {
	all := m.helpLines()
	top := min(m.helpTop, max(0, len(all)-n+1))
	out := append([]string{""}, all[top:]...)
	for len(out) < n {
		out = append(out, "")
	}
	return out[:n]
}

// truncate cuts s to at most w cells, between grapheme clusters.
func truncate(s string, w int) string {
	if uniseg.StringWidth(s) <= w {
		return s
	}
	var b strings.Builder
	used := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		cw := g.Width()
		if used+cw > w {
			break
		}
		used += cw
		b.WriteString(g.Str())
	}
	return b.String()
}

// gapRow is the blank row after block b: inside a block quote, the quote's
// bars, so that the quote does not look broken in two.
func (m *Model) gapRow(b int) string {
	if b+1 >= m.sc.doc.Len() {
		return ""
	}
	q := min(m.sc.doc.Block(b).Quote, m.sc.doc.Block(b+1).Quote)
	next := m.sc.lines(b + 1)
	if q == 0 || len(next) == 0 {
		return ""
	}
	l := layout.GapLine(b+1, q, next[0].RTL, m.sc.opt)
	row, _ := m.renderLine(&l, nil)
	return row
}
