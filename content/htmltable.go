package content

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlLayoutTable reports whether a table lays out the page rather than
// holding data: it says so (role=presentation or none), holds another
// table, has a single cell, or has a cell with a long block of prose.
// Such a table is read as ordinary blocks.
func htmlLayoutTable(n *html.Node) bool {
	switch strings.ToLower(strings.TrimSpace(htmlAttrVal(n, "role"))) {
	case "presentation", "none":
		return true
	}
	cells := 0
	layout := false
	var visit func(k *html.Node, inCell bool)
	visit = func(k *html.Node, inCell bool) {
		for ch := k.FirstChild; ch != nil && !layout; ch = ch.NextSibling {
			if ch.Type != html.ElementNode {
				continue
			}
			switch ch.DataAtom {
			case atom.Table:
				layout = true
				return
			case atom.Td, atom.Th:
				cells++
				visit(ch, true)
				continue
			case atom.P, atom.Div, atom.Ul, atom.Ol, atom.Blockquote, atom.Pre,
				atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Article, atom.Section:
				if inCell && len(htmlText(ch)) > 200 {
					layout = true
					return
				}
			}
			visit(ch, inCell)
		}
	}
	visit(n, false)
	return layout || cells <= 1
}

// htmlText is the text content of n, white space collapsed.
func htmlText(n *html.Node) string {
	var b strings.Builder
	var visit func(k *html.Node)
	visit = func(k *html.Node) {
		switch k.Type {
		case html.TextNode:
			b.WriteString(k.Data)
			b.WriteByte(' ')
		case html.ElementNode, html.DocumentNode:
			if k.Type == html.ElementNode && (htmlDropped[k.DataAtom] || k.DataAtom == atom.Input) {
				return
			}
			for ch := k.FirstChild; ch != nil; ch = ch.NextSibling {
				visit(ch)
			}
		}
	}
	visit(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

type htmlCell struct {
	text  string
	spans []Span
	align Align
	head  bool
}

// table converts a data table into one Table block (after its caption,
// a Paragraph in emphasis).
func (c *htmlConv) table(n *html.Node) {
	c.flush()
	var rows [][]htmlCell
	var header []bool // per row: in thead
	var caption *html.Node
	var visit func(k *html.Node, inHead bool)
	visit = func(k *html.Node, inHead bool) {
		for ch := k.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type != html.ElementNode || htmlDropped[ch.DataAtom] || htmlHidden(ch) {
				continue
			}
			switch ch.DataAtom {
			case atom.Caption:
				if caption == nil {
					caption = ch
				}
			case atom.Thead:
				visit(ch, true)
			case atom.Tbody, atom.Tfoot:
				visit(ch, false)
			case atom.Tr:
				rows = append(rows, c.row(ch))
				header = append(header, inHead)
			}
		}
	}
	visit(n, false)
	if caption != nil {
		outer := c.origin
		c.origin = atom.Caption
		c.openSpan(Emphasis, "")
		c.children(caption)
		c.closeSpan(Emphasis)
		c.flush()
		c.origin = outer
	}
	// Drop empty rows; a table with no text is nothing.
	k := 0
	for i, r := range rows {
		empty := true
		for _, cell := range r {
			if cell.text != "" {
				empty = false
			}
		}
		if !empty && len(r) > 0 {
			rows[k] = r
			header[k] = header[i]
			k++
		}
	}
	rows, header = rows[:k], header[:k]
	if len(rows) == 0 {
		return
	}
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	td := &TableData{Align: make([]Align, cols)}
	allHead := true
	for _, cell := range rows[0] {
		allHead = allHead && cell.head
	}
	td.Header = header[0] || allHead
	for col := range cols {
		for _, r := range rows {
			if col < len(r) && r[col].align != AlignNone {
				td.Align[col] = r[col].align
				break
			}
		}
	}
	var b strings.Builder
	var spans []Span
	for i, r := range rows {
		if i > 0 {
			b.WriteByte('\n')
		}
		var rr []Range
		for j := range cols {
			if j > 0 {
				b.WriteByte('\t')
			}
			start := b.Len()
			if j < len(r) {
				b.WriteString(r[j].text)
				for _, sp := range r[j].spans {
					sp.Start += start
					sp.End += start
					spans = append(spans, sp)
				}
			}
			rr = append(rr, Range{start, b.Len()})
		}
		td.Rows = append(td.Rows, rr)
	}
	htmlSortSpans(spans)
	c.emit(Block{Kind: Table, Text: b.String(), Spans: spans, Attrs: &Attrs{Table: td}}, htmlBlockInfo{tag: atom.Table})
}

// row converts the cells of a tr; a cell spanning columns is followed by
// empty cells so that the columns stay aligned.
func (c *htmlConv) row(tr *html.Node) []htmlCell {
	var out []htmlCell
	for ch := tr.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode || (ch.DataAtom != atom.Td && ch.DataAtom != atom.Th) || htmlHidden(ch) {
			continue
		}
		cc := &htmlConv{base: c.base, inline: true}
		cc.children(ch)
		for _, o := range cc.open {
			cc.finishSpan(o, cc.text.Len())
		}
		text := cc.text.String()
		t := strings.TrimLeft(text, " ")
		cut := len(text) - len(t)
		t = strings.TrimRight(t, " ")
		var spans []Span
		for _, sp := range cc.spans {
			sp.Start, sp.End = max(sp.Start-cut, 0), min(sp.End-cut, len(t))
			if sp.Start < sp.End {
				spans = append(spans, sp)
			}
		}
		out = append(out, htmlCell{text: t, spans: spans, align: htmlAlign(ch), head: ch.DataAtom == atom.Th})
		if n, err := strconv.Atoi(htmlAttrVal(ch, "colspan")); err == nil && n > 1 {
			for range min(n, 64) - 1 {
				out = append(out, htmlCell{})
			}
		}
	}
	return out
}

// htmlAlign reads a cell's alignment from align= or style="text-align: x".
func htmlAlign(n *html.Node) Align {
	v := strings.ToLower(strings.TrimSpace(htmlAttrVal(n, "align")))
	style := strings.ToLower(htmlAttrVal(n, "style"))
	if i := strings.Index(style, "text-align"); i >= 0 {
		rest := strings.TrimLeft(style[i+len("text-align"):], " :")
		if j := strings.IndexAny(rest, "; !"); j >= 0 {
			rest = rest[:j]
		}
		v = rest
	}
	switch v {
	case "left":
		return AlignLeft
	case "center":
		return AlignCenter
	case "right":
		return AlignRight
	}
	return AlignNone
}
