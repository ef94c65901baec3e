package content

import (
	"bytes"
	"regexp"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Markdown: CommonMark with GitHub's extensions (tables, strikethrough,
// autolinks, task lists), parsed by goldmark; this file only walks its
// syntax tree into the document model. The decisions:
//
//   - Headings, paragraphs, thematic breaks and code blocks become blocks
//     of their kinds; a code block's Text is its lines as written, without
//     the last line feed, TABs expanded to 4-column stops, and Attrs.Lang
//     the first word of a fence's info string.
//   - A block quote gives the blocks inside it their Quote depth; a list
//     item's first paragraph is a ListItem (Indent: the list depth;
//     Attrs.Item: ordered, its number, a task's check box), its later
//     blocks have the same Indent and are drawn under its text.
//   - Break (a blank row before the block) is set on every block but the
//     first, except inside a tight list, whose items follow one another.
//   - A table is one Table block: its cells' text joined by TAB, its rows
//     by "\n", each cell a Range of Text; the header row first.
//   - Inline markup is not in Text but in Spans: Emphasis, Strong, Strike,
//     InlineCode (the code without its backticks), Link (Arg: the
//     destination), AutoLink (Arg: the URL), Image (the alt text; Arg: the
//     source). A soft line break is a space, a hard one "\n". Backslash
//     escapes and character references are resolved.
//   - HTML is never shown as tags: an HTML block becomes the blocks of the
//     HTML front-end (HTMLBlocks: `<p align>`, `<img>`, `<details>`...),
//     and inline HTML becomes text and spans (`<br>` a line break, `<a
//     href>` a link, `<img alt>` its alt text, `<b>`, `<i>`, `<code>`,
//     `<kbd>`, `<s>` styles); other tags are dropped, their text kept.
//   - Control characters become placeholders as in plain text (Defuse).

// markdown is the one goldmark parser, made on first use.
var markdown = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.TaskList))
})

// ParseMarkdown reads Markdown source as a Document (see the decisions
// above). name is the document's name.
func ParseMarkdown(src []byte, name string) *Document {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	root := markdown().Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
	c := &mdConv{src: src, doc: &Document{Name: name, Format: FormatMarkdown}}
	c.blocks(root)
	return c.doc
}

// mdConv walks the syntax tree.
type mdConv struct {
	src   []byte
	doc   *Document
	quote uint8
	depth uint8 // list depth
	tight bool  // inside a tight list: no blank rows between its blocks
	item  *Item // the marker of the list item whose first block is next
	// listStart: the next block is a list's first; outer is whether the
	// text around the list was tight (a list nested in a tight list
	// follows its item's text at once).
	listStart, outer bool
}

// add appends b at the current depth, with its blank row before it.
func (c *mdConv) add(b Block) {
	b.Quote, b.Indent = c.quote, c.depth
	b.Break = len(c.doc.Blocks) > 0 && !c.tight
	if c.listStart {
		b.Break = len(c.doc.Blocks) > 0 && !c.outer
		c.listStart = false
	}
	if c.item != nil {
		if b.Kind == Paragraph {
			b.Kind = ListItem
		} else {
			// The item starts with something else (code, a nested
			// list, nothing): its marker on a line of its own.
			c.doc.Blocks = append(c.doc.Blocks, Block{Kind: ListItem, Quote: c.quote, Indent: c.depth, Break: b.Break, Attrs: &Attrs{Item: *c.item}})
			b.Break = false
		}
		if b.Kind == ListItem {
			if b.Attrs == nil {
				b.Attrs = &Attrs{}
			}
			b.Attrs.Item = *c.item
		}
		c.item = nil
	}
	c.doc.Blocks = append(c.doc.Blocks, b)
}

func (c *mdConv) blocks(n ast.Node) {
	for k := n.FirstChild(); k != nil; k = k.NextSibling() {
		c.block(k)
	}
}

func (c *mdConv) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		var in inlines
		in.walk(c, n)
		b := in.block(Paragraph)
		if c.item != nil && in.task != NoTask {
			c.item.Task = in.task
		}
		c.add(b)
	case *ast.Heading:
		var in inlines
		in.walk(c, n)
		b := in.block(Heading)
		b.Level = uint8(n.Level)
		c.add(b)
	case *ast.ThematicBreak:
		c.add(Block{Kind: Rule})
	case *ast.CodeBlock:
		c.add(c.code(n, ""))
	case *ast.FencedCodeBlock:
		c.add(c.code(n, string(n.Language(c.src))))
	case *ast.Blockquote:
		c.quote++
		tight, item := c.tight, c.item
		c.tight = false
		if item != nil {
			c.add(Block{Kind: Paragraph}) // the item's marker
		}
		c.blocks(n)
		c.quote--
		c.tight = tight
	case *ast.List:
		tight := c.tight
		c.depth++
		ordinal := n.Start
		c.listStart, c.outer = true, tight && c.depth > 1
		c.tight = n.IsTight
		for k := n.FirstChild(); k != nil; k = k.NextSibling() {
			it := &Item{Ordered: n.IsOrdered()}
			if it.Ordered {
				it.Ordinal = ordinal
				ordinal++
			}
			if c.item != nil {
				// A list as the first thing in an item.
				c.add(Block{Kind: Paragraph})
			}
			c.item = it
			c.blocks(k)
			if c.item != nil {
				// An empty item: its marker alone.
				c.add(Block{Kind: Paragraph})
			}
			// The first item follows the text before the list after a
			// blank row (listStart); in a tight list the others follow
			// at once.
		}
		c.depth--
		c.tight = tight
	case *east.Table:
		c.add(c.table(n))
	case *ast.HTMLBlock:
		var b bytes.Buffer
		for i := 0; i < n.Lines().Len(); i++ {
			s := n.Lines().At(i)
			b.Write(s.Value(c.src))
		}
		if n.HasClosure() {
			b.Write(n.ClosureLine.Value(c.src))
		}
		bs, err := HTMLBlocks(&b, nil)
		if err != nil {
			return
		}
		for _, hb := range bs {
			if hb.Kind == Heading && hb.Level == 0 {
				hb.Level = 1
			}
			c.add(hb)
		}
	default:
		// Anything else (a definition list, a footnote: not enabled)
		// by its children.
		c.blocks(n)
	}
}

// code is a code block's Block: its lines verbatim, TABs expanded to
// 4-column stops, controls defused.
func (c *mdConv) code(n ast.Node, info string) Block {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		line := string(s.Value(c.src))
		if s.Padding > 0 {
			line = strings.Repeat(" ", s.Padding) + line
		}
		b.WriteString(expandTabs(line, 4))
	}
	t := strings.TrimSuffix(b.String(), "\n")
	t = strings.TrimSuffix(t, "\r")
	blk := Block{Kind: Code}
	var spans []Span
	// Line by line, so that each line's "\n" stays a line feed.
	var out strings.Builder
	for i, line := range strings.Split(t, "\n") {
		if i > 0 {
			out.WriteByte('\n')
		}
		line = strings.TrimSuffix(line, "\r")
		if dirtyLine(line) {
			d, ctl, n := Defuse(line)
			c.doc.Replaced += n
			for _, r := range ctl {
				spans = append(spans, Span{Start: out.Len() + r.Start, End: out.Len() + r.End, Kind: Control})
			}
			line = d
		}
		out.WriteString(line)
	}
	blk.Text, blk.Spans = out.String(), spans
	if f := strings.Fields(info); len(f) > 0 {
		blk.Attrs = &Attrs{Lang: Safe(f[0])}
	}
	return blk
}

// expandTabs replaces each TAB of line with spaces to the next multiple of
// n columns (a column is a rune here: code is mostly ASCII).
func expandTabs(line string, n int) string {
	if !strings.Contains(line, "\t") {
		return line
	}
	var b strings.Builder
	col := 0
	for _, r := range line {
		switch r {
		case '\t':
			pad := n - col%n
			b.WriteString(strings.Repeat(" ", pad))
			col += pad
		case '\n':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return b.String()
}

// table is a GFM table's Block.
func (c *mdConv) table(n *east.Table) Block {
	var in inlines
	td := &TableData{}
	for _, a := range n.Alignments {
		td.Align = append(td.Align, [...]Align{east.AlignLeft: AlignLeft, east.AlignRight: AlignRight, east.AlignCenter: AlignCenter, east.AlignNone: AlignNone}[a])
	}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		if _, ok := row.(*east.TableHeader); ok {
			td.Header = true
		}
		if len(td.Rows) > 0 {
			in.text.WriteByte('\n')
		}
		var cells []Range
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			if len(cells) > 0 {
				in.text.WriteByte('\t')
			}
			start := in.text.Len()
			in.children(c, cell)
			cells = append(cells, Range{start, in.text.Len()})
		}
		td.Rows = append(td.Rows, cells)
	}
	b := in.block(Table)
	// block trims trailing spaces and newlines: the empty cells of a
	// table's last rows then start past the end of Text.
	for _, row := range td.Rows {
		for i := range row {
			row[i].Start = min(row[i].Start, len(b.Text))
			row[i].End = min(row[i].End, len(b.Text))
		}
	}
	b.Attrs = &Attrs{Table: td}
	return b
}

// inlines gathers the text and spans of a block's inline content.
type inlines struct {
	text  strings.Builder
	spans []Span
	open  []openTag // inline HTML elements not yet closed
	task  Task
	nrepl int
}

type openTag struct {
	a     atom.Atom
	start int
	kind  SpanKind
	arg   string
}

func (in *inlines) walk(c *mdConv, n ast.Node) {
	in.children(c, n)
	// Unclosed inline HTML runs to the end.
	for i := len(in.open) - 1; i >= 0; i-- {
		in.close(in.open[i])
	}
	in.open = nil
	c.doc.Replaced += in.nrepl
	in.nrepl = 0
}

func (in *inlines) children(c *mdConv, n ast.Node) {
	for k := n.FirstChild(); k != nil; k = k.NextSibling() {
		in.inline(c, k)
	}
}

// write appends s, defused.
func (in *inlines) write(s string) {
	if !dirtyLine(strings.ReplaceAll(s, "\n", "")) {
		in.text.WriteString(s)
		return
	}
	d, ctl, n := Defuse(s)
	in.nrepl += n
	base := in.text.Len()
	for _, r := range ctl {
		in.spans = append(in.spans, Span{Start: base + r.Start, End: base + r.End, Kind: Control})
	}
	in.text.WriteString(d)
}

// span marks [start, now) with kind.
func (in *inlines) span(start int, k SpanKind, arg string) {
	if end := in.text.Len(); end > start {
		in.spans = append(in.spans, Span{Start: start, End: end, Kind: k, Arg: arg})
	}
}

func (in *inlines) inline(c *mdConv, n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(c.src)
		if !n.IsRaw() {
			v = mdUnescape(v)
		}
		in.write(string(v))
		switch {
		case n.HardLineBreak():
			in.text.WriteByte('\n')
		case n.SoftLineBreak():
			in.text.WriteByte(' ')
		}
	case *ast.String:
		v := n.Value
		if !n.IsRaw() && !n.IsCode() {
			v = mdUnescape(v)
		}
		in.write(string(v))
	case *ast.CodeSpan:
		start := in.text.Len()
		for k := n.FirstChild(); k != nil; k = k.NextSibling() {
			switch t := k.(type) {
			case *ast.Text:
				in.write(string(t.Segment.Value(c.src)))
			case *ast.String:
				in.write(string(t.Value))
			}
		}
		in.span(start, InlineCode, "")
	case *ast.Emphasis:
		start := in.text.Len()
		in.children(c, n)
		k := Emphasis
		if n.Level >= 2 {
			k = Strong
		}
		in.span(start, k, "")
	case *east.Strikethrough:
		start := in.text.Len()
		in.children(c, n)
		in.span(start, Strike, "")
	case *ast.Link:
		start := in.text.Len()
		in.children(c, n)
		in.span(start, Link, string(mdUnescape(n.Destination)))
	case *ast.Image:
		start := in.text.Len()
		in.children(c, n)
		in.span(start, Image, string(mdUnescape(n.Destination)))
	case *ast.AutoLink:
		start := in.text.Len()
		in.write(string(n.Label(c.src)))
		in.span(start, AutoLink, string(n.URL(c.src)))
	case *ast.RawHTML:
		var b bytes.Buffer
		for i := 0; i < n.Segments.Len(); i++ {
			s := n.Segments.At(i)
			b.Write(s.Value(c.src))
		}
		in.html(b.String())
	case *east.TaskCheckBox:
		in.task = Unchecked
		if n.IsChecked {
			in.task = Checked
		}
	default:
		in.children(c, n)
	}
}

// mdUnescape undoes backslash escapes and character references, left to
// right: an escaped "&" starts no reference ("\\&ouml;" is "&ouml;").
func mdUnescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	var out []byte
	refs := func(s []byte) {
		if bytes.IndexByte(s, '&') >= 0 {
			s = util.ResolveEntityNames(util.ResolveNumericReferences(s))
		}
		out = append(out, s...)
	}
	from := 0
	for i := 0; i+1 < len(v); i++ {
		if v[i] == '\\' && util.IsPunct(v[i+1]) {
			refs(v[from:i])
			out = append(out, v[i+1])
			i++
			from = i + 1
		}
	}
	refs(v[from:])
	return out
}

// html applies one inline HTML tag (or comment, or declaration): styles
// and links open and close, <br> breaks the line, <img> shows its alt
// text; nothing of the tag itself is written.
func (in *inlines) html(raw string) {
	z := html.NewTokenizer(strings.NewReader(raw))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			switch tok.DataAtom {
			case atom.Br:
				in.text.WriteByte('\n')
				continue
			case atom.Img:
				start := in.text.Len()
				in.write(attr(tok, "alt"))
				in.span(start, Image, attr(tok, "src"))
				continue
			}
			if k, ok := htmlSpanKinds[tok.DataAtom]; ok && tt == html.StartTagToken {
				in.open = append(in.open, openTag{a: tok.DataAtom, start: in.text.Len(), kind: k, arg: attr(tok, "href")})
			}
		case html.EndTagToken:
			for i := len(in.open) - 1; i >= 0; i-- {
				if in.open[i].a == tok.DataAtom {
					in.close(in.open[i])
					in.open = append(in.open[:i], in.open[i+1:]...)
					break
				}
			}
		case html.TextToken:
			in.write(tok.Data)
		}
	}
}

func (in *inlines) close(o openTag) {
	if o.kind == Link && o.arg == "" {
		return // an anchor without href (<a name=...>)
	}
	in.span(o.start, o.kind, o.arg)
}

var htmlSpanKinds = map[atom.Atom]SpanKind{
	atom.A: Link, atom.B: Strong, atom.Strong: Strong, atom.I: Emphasis, atom.Em: Emphasis,
	atom.Code: InlineCode, atom.Kbd: InlineCode, atom.Samp: InlineCode, atom.Tt: InlineCode,
	atom.S: Strike, atom.Del: Strike, atom.Strike: Strike, atom.U: Underline, atom.Ins: Underline,
}

func attr(t html.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// block is the Block of what was gathered: text and spans in order of
// Start, trailing line breaks and spaces trimmed.
func (in *inlines) block(k Kind) Block {
	t := in.text.String()
	end := len(strings.TrimRight(t, " \n"))
	t = t[:end]
	var spans []Span
	for _, s := range in.spans {
		s.End = min(s.End, end)
		if s.Start < s.End {
			spans = append(spans, s)
		}
	}
	sortByStart(spans)
	return Block{Kind: k, Text: t, Spans: spans}
}

// SniffMarkdown reports whether head, the start of a text, is Markdown:
// only on clear signs, since plain text is the safer reading. It counts
// ATX headings ("# "), code fences, GFM table delimiter rows, links
// ("[text](url)"), list items and strong emphasis, and wants two signs of
// which one is a heading, a fence or a table, or three links.
//
// Lines starting with "#" are also the comments of scripts and
// configuration files (/etc/services, a shell script, YAML), which are
// not Markdown: a script's "#!" first line says text, and a "#" line
// next to another "#" line is a block of comments (a heading stands on
// its own): where there is one, no "#" line counts. Otherwise a heading
// followed by a blank line, as Markdown writes them, is a strong sign,
// and one followed at once by text only a weak one (a comment above the
// line it explains).
func SniffMarkdown(head []byte) bool {
	if bytes.HasPrefix(head, []byte("#!")) {
		return false
	}
	md := mdSniff()
	var strong, links, weak int
	lines := bytes.Split(head, []byte("\n"))
	hash := func(i int) bool {
		if i < 0 || i >= len(lines) {
			return false
		}
		t := bytes.TrimLeft(lines[i], " ")
		return len(t) > 0 && t[0] == '#'
	}
	comments, inFence := false, false
	for i, line := range lines {
		t := bytes.TrimLeft(line, " ")
		if bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")) {
			inFence = !inFence
		} else if !inFence && hash(i) && hash(i+1) {
			comments = true
			break
		}
	}
	blankAfter := func(i int) bool {
		return i+1 >= len(lines) || len(bytes.TrimSpace(lines[i+1])) == 0
	}
	inFence = false
	for i, line := range lines {
		l := bytes.TrimRight(line, "\r \t")
		t := bytes.TrimLeft(l, " ")
		switch {
		case bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")):
			if !inFence {
				strong++
			}
			inFence = !inFence
			continue
		case inFence:
			continue
		case comments && hash(i):
			continue
		case md.heading.Match(l) && blankAfter(i):
			strong++
		case md.heading.Match(l):
			weak++
		case md.tableRule.Match(t) && bytes.Contains(t, []byte("|")):
			strong++
		case md.listItem.Match(t):
			weak++
		}
		links += len(md.link.FindAllIndex(l, -1))
		if md.strong.Match(l) {
			weak++
		}
	}
	return strong >= 2 || strong >= 1 && (links+weak) >= 1 || links >= 3 || links >= 1 && weak >= 2
}

// mdPatterns are the lines and spans SniffMarkdown counts.
type mdPatterns struct {
	heading, tableRule, listItem, link, strong *regexp.Regexp
}

// mdSniff compiles SniffMarkdown's patterns on its first call, not at
// start, where every run (rtlview --version too) would pay for them.
var mdSniff = sync.OnceValue(func() *mdPatterns {
	return &mdPatterns{
		heading:   regexp.MustCompile(`^ {0,3}#{1,6} +\S`),
		tableRule: regexp.MustCompile(`^\|? *:?-{3,}:? *(\| *:?-{3,}:? *)*\|?$`),
		listItem:  regexp.MustCompile(`^([-*+]|[0-9]{1,9}[.)]) +\S`),
		link:      regexp.MustCompile(`!?\[[^\]\n]+\]\((https?://|\.{0,2}/|#|[A-Za-z0-9_-]+\.)[^)\s]*\)`),
		strong:    regexp.MustCompile(`(\*\*|__)\S[^*_\n]*\S(\*\*|__)`),
	}
})
