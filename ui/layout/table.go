package layout

import (
	"strings"

	"github.com/rivo/uniseg"

	"rtlview/content"
)

// colSep is drawn between two columns of a table, and colCross where it
// meets the rule under the header.
const (
	colSep   = " │ "
	colCross = "─┼─"
	sepWidth = 3
)

// tableMinCol is the narrowest a column is squeezed to while its cells
// have longer words: below it a table is stacked instead (see layStacked).
const tableMinCol = 6

// layTable lays a table out as a grid: each cell wrapped to its column's
// width and aligned in it, columns separated by a bar, the header row
// underlined. A right-to-left table puts its first column on the right,
// as a right-to-left page does. Each cell takes its own direction from
// its text (a cell without a strong character, a number, the table's).
//
// Column widths: every column gets its natural width (its widest cell on
// one line) when they all fit; otherwise each column keeps up to its
// longest word and the room left is shared in proportion to what each
// still lacks. When even tableMinCol cells a column do not fit, the table
// is stacked: one cell under the other, each header before its value.
func layTable(index int, b *content.Block, rtl bool, opt Options, emit func(*Line, bool) bool) bool {
	t := checked(b.Attrs.Table, len(b.Text))
	ncol := 0
	for _, row := range t.Rows {
		ncol = max(ncol, len(row))
	}
	if ncol == 0 {
		l := decoLine(index, 0, "", 0, rtl, opt)
		return emit(&l, true)
	}
	isolates := content.Islands(b.Text, b.Spans)
	var q para // cells are kept until their row is drawn: no shared buffers
	natural := make([]int, ncol)
	word := make([]int, ncol)
	for _, row := range t.Rows {
		for c, r := range row {
			natural[c] = max(natural[c], cellWidth(&q, index, b, r, isolates, rtl, 0))
			word[c] = max(word[c], longestWord(b.Text[r.Start:r.End]))
		}
	}
	widths := natural
	if opt.Width > 0 {
		var ok bool
		if widths, ok = fitColumns(natural, word, opt.Width-sepWidth*(ncol-1)); !ok {
			return layStacked(&q, index, b, rtl, isolates, opt, emit)
		}
	}
	total := sepWidth * (ncol - 1)
	for _, w := range widths {
		total += w
	}
	first := true
	put := func(l *Line) bool {
		if rtl && opt.Width > l.Width {
			l.Indent = opt.Width - l.Width
		}
		ok := emit(l, first)
		first = false
		return ok
	}
	for ri, row := range t.Rows {
		cells := make([][]Line, ncol)
		height := 1
		start, end := -1, 0
		for c := range ncol {
			if c >= len(row) {
				continue
			}
			r := row[c]
			copt := opt
			copt.Width = widths[c]
			crtl := textRTL(b.Text[r.Start:r.End], within(isolates, r), dirOf(rtl))
			q.run(index, b.Text, r.Start, r.End, crtl, isolates, copt, func(l *Line) bool {
				cells[c] = append(cells[c], *l)
				return true
			})
			height = max(height, len(cells[c]))
			if start < 0 || r.Start < start {
				start = r.Start
			}
			end = max(end, r.End)
		}
		if start < 0 {
			start = 0
		}
		for k := range height {
			l := Line{Block: index, Start: start, End: end, RTL: rtl}
			var lb lineBuilder
			for i := range ncol {
				c := i
				if rtl {
					c = ncol - 1 - i
				}
				if i > 0 {
					sep := deco(colSep, sepWidth, StyleRule)
					lb.add(&sep)
				}
				var cl *Line
				if k < len(cells[c]) {
					cl = &cells[c][k]
				}
				appendCell(&lb, cl, widths[c], align(t, c, cl, rtl))
			}
			lb.set(&l)
			l.Width = total
			if !put(&l) {
				return false
			}
		}
		if ri == 0 && t.Header && len(t.Rows) > 1 {
			parts := make([]string, ncol)
			for i := range ncol {
				c := i
				if rtl {
					c = ncol - 1 - i
				}
				parts[i] = strings.Repeat("─", widths[c])
			}
			l := Line{Block: index, Start: end, End: end, RTL: rtl, Width: total}
			l.SetClusters([]Cluster{deco(strings.Join(parts, colCross), total, StyleRule)})
			if !put(&l) {
				return false
			}
		}
	}
	return true
}

// dirOf is the Direction of a block's base direction.
func dirOf(rtl bool) Direction {
	if rtl {
		return RTL
	}
	return LTR
}

// deco is a decoration cluster.
func deco(text string, w int, st Style) Cluster {
	return Cluster{Text: text, Start: -1, End: -1, Width: w, Style: st}
}

// within returns the isolates inside r, as ranges of the text r cuts.
func within(isolates []content.Range, r content.Range) []content.Range {
	var out []content.Range
	for _, s := range isolates {
		if s.End > r.Start && s.Start < r.End {
			out = append(out, content.Range{Start: max(s.Start, r.Start) - r.Start, End: min(s.End, r.End) - r.Start})
		}
	}
	return out
}

// cellWidth is the width of a cell laid out on lines of width cells (one
// line when width is 0): its widest line.
func cellWidth(q *para, index int, b *content.Block, r content.Range, isolates []content.Range, rtl bool, width int) int {
	w := 0
	q.run(index, b.Text, r.Start, r.End, rtl, isolates, Options{Width: width, Bidi: Terminal}, func(l *Line) bool {
		w = max(w, l.Width)
		return true
	})
	return w
}

// longestWord is the width of the widest run of text between spaces.
func longestWord(s string) int {
	w := 0
	for _, f := range strings.Fields(s) {
		w = max(w, uniseg.StringWidth(f))
	}
	return w
}

// fitColumns shares room cells among columns (see layTable). It reports
// false when the columns cannot get tableMinCol cells each (or their
// natural width when less).
func fitColumns(natural, word []int, room int) ([]int, bool) {
	sum := 0
	for _, n := range natural {
		sum += n
	}
	if sum <= room {
		return natural, true
	}
	widths := make([]int, len(natural))
	used := 0
	for c := range natural {
		widths[c] = min(natural[c], max(word[c], 1), max(tableMinCol, room/len(natural)))
		widths[c] = max(widths[c], min(natural[c], tableMinCol))
		used += widths[c]
	}
	if used > room {
		// Words do not fit: squeeze the widest columns down to
		// tableMinCol, breaking their words between letters.
		for used > room {
			widest := 0
			for c := range widths {
				if widths[c] > widths[widest] {
					widest = c
				}
			}
			if widths[widest] <= tableMinCol {
				return nil, false
			}
			widths[widest]--
			used--
		}
		return widths, true
	}
	// Share the rest in proportion to what each column lacks.
	left := room - used
	lack := 0
	for c := range natural {
		lack += natural[c] - widths[c]
	}
	given := 0
	for c := range natural {
		add := (natural[c] - widths[c]) * left / max(lack, 1)
		widths[c] += add
		given += add
	}
	for c := 0; given < left; c = (c + 1) % len(widths) {
		if widths[c] < natural[c] {
			widths[c]++
			given++
		}
	}
	return widths, true
}

// align is where the text of column c goes in its cell: the GFM alignment
// when the table has one, mirrored in a right-to-left table (its start is
// on the right), else the start of the cell's direction.
func align(t *content.TableData, c int, l *Line, rtl bool) content.Align {
	if c < len(t.Align) && t.Align[c] != content.AlignNone {
		a := t.Align[c]
		if rtl && a == content.AlignLeft {
			a = content.AlignRight
		} else if rtl && a == content.AlignRight {
			a = content.AlignLeft
		}
		return a
	}
	if l != nil && l.RTL {
		return content.AlignRight
	}
	return content.AlignLeft
}

// appendCell adds the clusters of one line of a cell (nil: an empty
// line) to b, padded with blanks to width cells as a says.
func appendCell(b *lineBuilder, l *Line, width int, a content.Align) {
	w := 0
	if l != nil {
		w = l.Width
	}
	pad := max(0, width-w)
	before := 0
	switch a {
	case content.AlignRight:
		before = pad
	case content.AlignCenter:
		before = pad / 2
	}
	if before > 0 {
		c := deco(strings.Repeat(" ", before), before, 0)
		b.add(&c)
	}
	if l != nil {
		b.addLine(l)
	}
	if after := pad - before; after > 0 {
		c := deco(strings.Repeat(" ", after), after, 0)
		b.add(&c)
	}
}

// layStacked lays out a table too wide for the screen as a list: for each
// row after the header, each cell on lines of its own, after its column's
// header (drawn bold, see blockSpans) when the table has one, rows
// separated by a dotted rule.
func layStacked(q *para, index int, b *content.Block, rtl bool, isolates []content.Range, opt Options, emit func(*Line, bool) bool) bool {
	t := checked(b.Attrs.Table, len(b.Text))
	rows := t.Rows
	var head []content.Range
	if t.Header && len(rows) > 1 {
		head, rows = rows[0], rows[1:]
	}
	first := true
	put := func(l *Line) bool {
		ok := emit(l, first)
		first = false
		return ok
	}
	for ri, row := range rows {
		if ri > 0 {
			at := row[0].Start
			if len(row) == 0 {
				at = 0
			}
			l := decoLine(index, at, strings.Repeat("┄", max(1, opt.Width)), StyleRule, rtl, opt)
			if !put(&l) {
				return false
			}
		}
		for c, r := range row {
			runs := []content.Range{r}
			if c < len(head) && head[c].End > head[c].Start {
				runs = []content.Range{head[c], r}
			}
			for _, r := range runs {
				crtl := textRTL(b.Text[r.Start:r.End], within(isolates, r), dirOf(rtl))
				ok := q.run(index, b.Text, r.Start, r.End, crtl, isolates, opt, func(l *Line) bool {
					if rtl && !crtl || !rtl && crtl {
						// Aligned on the table's side, whatever
						// the cell's direction.
						l.Indent = 0
						if rtl && opt.Width > l.Width {
							l.Indent = opt.Width - l.Width
						}
					}
					c := *l // q does not stream: l owns its memory
					return put(&c)
				})
				if !ok {
					return false
				}
			}
		}
	}
	return true
}

// checked returns t with every cell inside a text of n bytes: a cell out of
// range (a front-end's bug) is shown empty rather than panicking.
func checked(t *content.TableData, n int) *content.TableData {
	bad := false
	for _, row := range t.Rows {
		for _, r := range row {
			bad = bad || r.Start < 0 || r.End > n || r.Start > r.End
		}
	}
	if !bad {
		return t
	}
	c := *t
	c.Rows = make([][]content.Range, len(t.Rows))
	for i, row := range t.Rows {
		c.Rows[i] = make([]content.Range, len(row))
		for j, r := range row {
			if r.Start < 0 || r.End > n || r.Start > r.End {
				r = content.Range{}
			}
			c.Rows[i][j] = r
		}
	}
	return &c
}
