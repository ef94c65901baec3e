package content

import (
	"io"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLBlocks parses the HTML document or fragment read from r and converts
// its body into blocks (see HTMLNodeBlocks). base resolves relative link
// and image URLs; it may be nil. Nothing the page references is fetched
// and no script runs: the page is only parsed.
func HTMLBlocks(r io.Reader, base *url.URL) ([]Block, error) {
	doc, err := html.Parse(r)
	if err != nil {
		return nil, err
	}
	return HTMLNodeBlocks(doc, base), nil
}

// HTMLNodeBlocks converts the DOM subtree n into the document model's
// blocks, as a browser would show it, without styles:
//
//   - h1-h6 are Headings of that Level; p, div and the other block
//     containers make Paragraphs; hr is a Rule.
//   - ul, ol and menu nest: each li is a ListItem (Item.Ordered, Ordinal
//     from start= and value=, Task from a leading check box) with Indent
//     the list depth, and its later paragraphs are Paragraphs with the
//     same Indent; dd is a Paragraph one level deeper, dt is Strong.
//   - blockquote adds 1 to the Quote of every block inside it.
//   - pre (and xmp, plaintext) is a Code block, its text verbatim with TABs
//     expanded; Lang comes from a class language-x or lang-x on the pre or
//     on its code.
//   - A data table is one Table block (cells joined by TAB, rows by "\n";
//     the header row from thead or a row of th; Align from align= or a
//     style text-align); a layout table (nested tables, role=presentation
//     or long block content in a cell) is read as ordinary blocks.
//   - br is a hard break "\n" inside the block's Text.
//   - Inline markup becomes spans: b, strong → Strong; i, em, cite →
//     Emphasis; s, del, strike → Strike; u, ins → Underline; code, kbd,
//     samp, tt → InlineCode; a href → Link with Arg the URL resolved
//     against base; img alt → Image over the alt text, which is put in
//     the Text (Arg the image's URL); figcaption and summary are
//     Paragraphs, emphasised and strong.
//   - White space collapses as a browser collapses it (ASCII white space
//     runs are one space, none at the ends of a block), except in pre.
//   - Dropped with everything inside: head, script, style, noscript,
//     template, svg, math, iframe, object, embed, canvas, audio, video,
//     nav, button, input, select, textarea, elements with the hidden
//     attribute, aria-hidden="true", an inline style display:none or a
//     hiding class (hidden, d-none without a d-*-block, sr-only ...), and
//     a form unless it holds the page's prose (an article, main or p
//     element: some sites wrap the whole page in one form).
//   - dir="rtl", "ltr" or "auto" on a block element (or html, body) sets
//     the Dir of the blocks inside it.
//
// Text is defused as a plain file's is (see Defuse): control characters
// become visible placeholders with Control spans, invalid UTF-8 becomes
// U+FFFD. Character references are decoded by the parser. Spans are in
// order of Start and lie within Text.
func HTMLNodeBlocks(n *html.Node, base *url.URL) []Block {
	c := newHTMLConv(base)
	c.walk(n)
	c.flush()
	return c.blocks
}

// htmlConv walks a DOM tree and builds blocks.
type htmlConv struct {
	base   *url.URL
	blocks []Block
	info   []htmlBlockInfo // parallel to blocks, for the article cleanup

	// The block being filled.
	text   strings.Builder
	spans  []Span     // finished spans (and control placeholders)
	open   []openSpan // inline spans open at this point of the walk
	space  bool       // collapsed white space pending before the next text
	pend   *pendBlock // the kind the next block takes (a heading, a list item)
	links  int        // bytes of text inside links
	origin atom.Atom  // the block element the text belongs to

	quote  uint8
	indent uint8
	dirs   []Dir
	pre    int
	lists  []htmlList
	inline bool // a table cell: blocks become spaces
}

// htmlBlockInfo is what the cleanup of an article needs to know of a block
// beyond the block itself.
type htmlBlockInfo struct {
	tag   atom.Atom // the element that made the block (p, div, li, h2 ...)
	links int       // bytes of Text inside links
}

type openSpan struct {
	kind  SpanKind
	arg   string
	start int
}

type pendBlock struct {
	kind  Kind
	level uint8
	attrs *Attrs
	used  bool
}

type htmlList struct {
	ordered  bool
	next     int // the ordinal of the next item
	reversed bool
}

func newHTMLConv(base *url.URL) *htmlConv {
	return &htmlConv{base: base}
}

func (c *htmlConv) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		c.addText(n.Data)
	case html.DocumentNode:
		c.children(n)
	case html.ElementNode:
		c.element(n)
	}
}

func (c *htmlConv) children(n *html.Node) {
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.walk(k)
	}
}

// htmlDropped lists the elements whose content is never shown as text.
var htmlDropped = map[atom.Atom]bool{
	atom.Head: true, atom.Title: true, atom.Meta: true, atom.Link: true, atom.Base: true,
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Frame: true, atom.Frameset: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
	atom.Nav: true, atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true,
	atom.Option: true, atom.Datalist: true, atom.Dialog: true, atom.Map: true, atom.Area: true,
	atom.Noembed: true, atom.Noframes: true, atom.Source: true, atom.Track: true, atom.Param: true,
	atom.Rp: true,
}

// htmlBlockTags are the elements that start and end a block of their own
// when they are not handled specially.
var htmlBlockTags = map[atom.Atom]bool{
	atom.Html: true, atom.Body: true, atom.P: true, atom.Div: true, atom.Section: true,
	atom.Article: true, atom.Main: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Address: true, atom.Center: true, atom.Details: true, atom.Dl: true, atom.Fieldset: true,
	atom.Legend: true, atom.Hgroup: true, atom.Figure: true, atom.Caption: true, atom.Form: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
	atom.Table: true, atom.Search: true,
}

func htmlAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func htmlAttrVal(n *html.Node, key string) string {
	v, _ := htmlAttr(n, key)
	return v
}

// htmlHidden: elements a browser does not show.
func htmlHidden(n *html.Node) bool {
	if _, ok := htmlAttr(n, "hidden"); ok {
		return true
	}
	if strings.EqualFold(strings.TrimSpace(htmlAttrVal(n, "aria-hidden")), "true") {
		return true
	}
	// Bootstrap's and others' hiding classes, unless a display class
	// shows the element on some screens (d-none d-md-block).
	if cls := htmlAttrVal(n, "class"); cls != "" {
		hidden, shown := false, false
		for _, f := range strings.Fields(strings.ToLower(cls)) {
			switch {
			case f == "d-none" || f == "hidden" || f == "hide" || f == "sr-only" || f == "visually-hidden" || f == "visuallyhidden" || f == "screen-reader-text":
				hidden = true
			case strings.HasPrefix(f, "d-") && (strings.HasSuffix(f, "-block") || strings.HasSuffix(f, "-flex") || strings.HasSuffix(f, "-inline") || strings.HasSuffix(f, "-inline-block") || strings.HasSuffix(f, "-grid") || strings.HasSuffix(f, "-table")):
				shown = true
			}
		}
		if hidden && !shown {
			return true
		}
	}
	style := strings.ToLower(htmlAttrVal(n, "style"))
	if style != "" {
		style = strings.ReplaceAll(style, " ", "")
		if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
			return true
		}
	}
	return false
}

func (c *htmlConv) element(n *html.Node) {
	a := n.DataAtom
	if n.Namespace != "" && n.Namespace != "html" {
		return // svg and math content
	}
	if a == atom.Input && c.pend != nil && c.pend.kind == ListItem && !c.pend.used && c.textEmpty() {
		// A task list's check box at the start of an item.
		if strings.EqualFold(htmlAttrVal(n, "type"), "checkbox") {
			c.pend.attrs.Item.Task = Unchecked
			if _, ok := htmlAttr(n, "checked"); ok {
				c.pend.attrs.Item.Task = Checked
			}
		}
		return
	}
	if htmlDropped[a] || htmlHidden(n) {
		return
	}
	if a == atom.Form && !htmlHasProse(n) {
		return
	}
	if c.inline && htmlBlockish(a) {
		// Inside a table cell: a block boundary is a space.
		c.space = true
		c.children(n)
		c.space = true
		return
	}
	pushedDir := false
	if htmlBlockish(a) {
		if d, ok := htmlDir(n); ok {
			c.flush()
			c.dirs = append(c.dirs, d)
			pushedDir = true
		}
	}
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		c.blockWith(n, &pendBlock{kind: Heading, level: uint8(a.String()[1] - '0')})
	case atom.Ul, atom.Ol, atom.Menu, atom.Dir:
		c.list(n)
	case atom.Li:
		c.item(n)
	case atom.Dt:
		c.styledBlock(n, a, Strong)
	case atom.Dd:
		c.flush()
		c.indent++
		c.origin = a
		c.children(n)
		c.flush()
		c.indent--
	case atom.Blockquote:
		c.flush()
		c.quote++
		c.children(n)
		c.flush()
		c.quote--
	case atom.Pre, atom.Xmp, atom.Plaintext, atom.Listing:
		c.flush()
		outer := c.startKind(&pendBlock{kind: Code, attrs: &Attrs{Lang: htmlLang(n)}})
		c.origin = a
		c.pre++
		c.children(n)
		c.flush()
		c.pre--
		c.pend = outer
	case atom.Table:
		if htmlLayoutTable(n) {
			c.flush()
			c.children(n)
			c.flush()
		} else {
			c.table(n)
		}
	case atom.Hr:
		c.flush()
		c.emit(Block{Kind: Rule}, htmlBlockInfo{tag: a})
	case atom.Br:
		c.hardBreak()
	case atom.Img:
		c.image(n)
	case atom.A:
		href := strings.TrimSpace(htmlAttrVal(n, "href"))
		if u := c.resolve(href); u != "" && !strings.HasPrefix(strings.ToLower(href), "javascript:") {
			c.openSpan(Link, u)
			c.children(n)
			c.closeSpan(Link)
		} else {
			c.children(n)
		}
	case atom.B, atom.Strong:
		c.inlineSpan(n, Strong)
	case atom.I, atom.Em, atom.Cite:
		c.inlineSpan(n, Emphasis)
	case atom.S, atom.Del, atom.Strike:
		c.inlineSpan(n, Strike)
	case atom.U, atom.Ins:
		c.inlineSpan(n, Underline)
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		if c.pre > 0 {
			c.children(n)
		} else {
			c.inlineSpan(n, InlineCode)
		}
	case atom.Figcaption:
		c.styledBlock(n, a, Emphasis)
	case atom.Summary:
		c.styledBlock(n, a, Strong)
	default:
		if htmlBlockTags[a] {
			c.flush()
			outer := c.origin
			c.origin = a
			c.children(n)
			c.flush()
			c.origin = outer
		} else {
			c.children(n) // span, font, abbr, custom elements ...
		}
	}
	if pushedDir {
		c.flush()
		c.dirs = c.dirs[:len(c.dirs)-1]
	}
}

// htmlBlockish: elements that end the line they are on.
func htmlBlockish(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol, atom.Menu, atom.Dir,
		atom.Li, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre, atom.Xmp, atom.Plaintext, atom.Listing,
		atom.Hr, atom.Figcaption, atom.Summary:
		return true
	}
	return htmlBlockTags[a]
}

func htmlDir(n *html.Node) (Dir, bool) {
	v, ok := htmlAttr(n, "dir")
	if !ok {
		return Auto, false
	}
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "rtl":
		return RTL, true
	case "ltr":
		return LTR, true
	case "auto":
		return Auto, true
	}
	return Auto, false
}

// htmlHasProse reports whether n holds an article, main or p element.
func htmlHasProse(n *html.Node) bool {
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if k.Type != html.ElementNode {
			continue
		}
		if k.DataAtom == atom.Article || k.DataAtom == atom.Main || k.DataAtom == atom.P || htmlHasProse(k) {
			return true
		}
	}
	return false
}

// htmlLang returns the language of a pre from class="language-x" (or
// lang-x) on it or on its first code element.
func htmlLang(n *html.Node) string {
	if l := htmlClassLang(n); l != "" {
		return l
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if k.Type == html.ElementNode && k.DataAtom == atom.Code {
			return htmlClassLang(k)
		}
	}
	return ""
}

func htmlClassLang(n *html.Node) string {
	for _, f := range strings.Fields(htmlAttrVal(n, "class")) {
		for _, p := range []string{"language-", "lang-"} {
			if len(f) > len(p) && strings.EqualFold(f[:len(p)], p) {
				return Visible(f[len(p):])
			}
		}
	}
	return ""
}

// blockWith converts n as a block whose first paragraph has the kind of p.
// styledBlock makes n, an element of kind a (a term, a caption, a
// summary), a block of its own, all of its text in the style k.
func (c *htmlConv) styledBlock(n *html.Node, a atom.Atom, k SpanKind) {
	c.flush()
	c.origin = a
	c.openSpan(k, "")
	c.children(n)
	c.closeSpan(k)
	c.flush()
}

func (c *htmlConv) blockWith(n *html.Node, p *pendBlock) {
	c.flush()
	outer := c.startKind(p)
	c.origin = n.DataAtom
	c.children(n)
	c.flush()
	c.pend = outer
}

// startKind makes p the kind of the next block and returns the kind it
// replaces, to be restored after. A list item not yet shown is shown
// first (empty), so that its marker stands before the heading or code.
func (c *htmlConv) startKind(p *pendBlock) *pendBlock {
	outer := c.pend
	if outer != nil && outer.kind == ListItem && !outer.used {
		c.emitEmptyItem()
	}
	c.pend = p
	return outer
}

func (c *htmlConv) list(n *html.Node) {
	c.flush()
	l := htmlList{ordered: n.DataAtom == atom.Ol, next: 1}
	if _, ok := htmlAttr(n, "reversed"); ok && l.ordered {
		l.reversed = true
		l.next = 0
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if k.Type == html.ElementNode && k.DataAtom == atom.Li {
				l.next++
			}
		}
	}
	if s, err := strconv.Atoi(strings.TrimSpace(htmlAttrVal(n, "start"))); err == nil && l.ordered {
		l.next = s
	}
	if c.pend != nil && c.pend.kind == ListItem && !c.pend.used {
		// An item that opens with a nested list still shows its marker.
		c.emitEmptyItem()
	}
	c.lists = append(c.lists, l)
	if c.indent < 255 {
		c.indent++
	}
	c.children(n)
	c.flush()
	c.indent--
	c.lists = c.lists[:len(c.lists)-1]
}

func (c *htmlConv) item(n *html.Node) {
	c.flush()
	it := Item{}
	if len(c.lists) > 0 {
		l := &c.lists[len(c.lists)-1]
		if l.ordered {
			if v, err := strconv.Atoi(strings.TrimSpace(htmlAttrVal(n, "value"))); err == nil {
				l.next = v
			}
			it.Ordered, it.Ordinal = true, l.next
			if l.reversed {
				l.next--
			} else {
				l.next++
			}
		}
	}
	outer := c.pend
	c.pend = &pendBlock{kind: ListItem, attrs: &Attrs{Item: it}}
	c.origin = atom.Li
	if c.indent == 0 {
		c.indent = 1 // an li outside any list
		defer func() { c.indent = 0 }()
	}
	c.children(n)
	c.flush()
	if !c.pend.used {
		c.emitEmptyItem()
	}
	c.pend = outer
}

func (c *htmlConv) emitEmptyItem() {
	p := c.pend
	p.used = true
	c.emit(Block{Kind: ListItem, Attrs: p.attrs}, htmlBlockInfo{tag: atom.Li})
}

func (c *htmlConv) inlineSpan(n *html.Node, k SpanKind) {
	c.openSpan(k, "")
	c.children(n)
	c.closeSpan(k)
}

func (c *htmlConv) resolve(ref string) string {
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return Visible(ref)
	}
	if c.base != nil {
		u = c.base.ResolveReference(u)
	}
	return Visible(u.String())
}

func (c *htmlConv) image(n *html.Node) {
	alt := strings.Join(strings.Fields(htmlAttrVal(n, "alt")), " ")
	if alt == "" {
		return
	}
	src := htmlAttrVal(n, "src")
	if src == "" || strings.HasPrefix(src, "data:") {
		src = htmlAttrVal(n, "data-src")
	}
	if strings.HasPrefix(src, "data:") {
		src = ""
	}
	c.openSpan(Image, c.resolve(strings.TrimSpace(src)))
	c.addText(alt)
	c.closeSpan(Image)
}

// openSpan starts an inline span at the current end of the text. A space
// pending before it is written first, so that the span starts at its
// first character.
func (c *htmlConv) openSpan(k SpanKind, arg string) {
	c.writeSpace()
	c.open = append(c.open, openSpan{kind: k, arg: arg, start: c.text.Len()})
}

// closeSpan ends the innermost open span of kind k.
func (c *htmlConv) closeSpan(k SpanKind) {
	for i := len(c.open) - 1; i >= 0; i-- {
		o := c.open[i]
		if o.kind != k {
			continue
		}
		c.finishSpan(o, c.text.Len())
		c.open = append(c.open[:i], c.open[i+1:]...)
		return
	}
}

func (c *htmlConv) finishSpan(o openSpan, end int) {
	if o.kind == Link {
		c.links += end - o.start
	}
	if end > o.start {
		c.spans = append(c.spans, Span{Start: o.start, End: end, Kind: o.kind, Arg: o.arg})
	}
}

func (c *htmlConv) textEmpty() bool { return c.text.Len() == 0 }

// writeSpace writes a pending collapsed space, unless the block has no
// text yet or already ends in white space.
func (c *htmlConv) writeSpace() {
	if !c.space {
		return
	}
	c.space = false
	s := c.text.String()
	if s == "" || s[len(s)-1] == ' ' || s[len(s)-1] == '\n' {
		return
	}
	c.text.WriteByte(' ')
}

// hardBreak is a br: a line break inside the block.
func (c *htmlConv) hardBreak() {
	if c.inline {
		c.space = true
		return
	}
	c.space = false
	s := c.text.String()
	// Trailing spaces before a break are not shown.
	if t := strings.TrimRight(s, " "); len(t) < len(s) {
		c.truncate(len(t))
	}
	c.text.WriteByte('\n')
}

// truncate cuts the text to n bytes, clamping the spans.
func (c *htmlConv) truncate(n int) {
	s := c.text.String()[:n]
	c.text.Reset()
	c.text.WriteString(s)
	for i := range c.open {
		c.open[i].start = min(c.open[i].start, n)
	}
	k := 0
	for _, sp := range c.spans {
		sp.End = min(sp.End, n)
		if sp.Start < sp.End {
			c.spans[k] = sp
			k++
		}
	}
	c.spans = c.spans[:k]
}

// addText appends the text of a text node: white space collapsed outside
// pre, control characters defused, TABs in pre expanded.
func (c *htmlConv) addText(s string) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			c.writeSpace()
			c.text.WriteRune(utf8.RuneError)
			continue
		}
		if r == htmlParaMark {
			if c.inline {
				c.space = true
			} else {
				c.flush()
			}
			continue
		}
		if c.pre > 0 && !c.inline {
			switch r {
			case '\n':
				c.text.WriteByte('\n')
				continue
			case '\r':
				continue
			case '\t':
				t := c.text.String()
				line := t[strings.LastIndexByte(t, '\n')+1:]
				col := uniseg.StringWidth(line)
				c.text.WriteString("        "[:8-col%8])
				continue
			}
		} else if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			c.space = true
			continue
		}
		c.writeSpace()
		if pic, ok := ControlPicture(r); ok {
			start := c.text.Len()
			c.text.WriteRune(pic)
			c.spans = append(c.spans, Span{Start: start, End: c.text.Len(), Kind: Control})
			continue
		}
		c.text.WriteRune(r)
	}
}

// flush ends the block being filled, if it has any text.
func (c *htmlConv) flush() {
	if c.inline {
		return
	}
	end := c.text.Len()
	for _, o := range c.open {
		c.finishSpan(o, end)
	}
	text := c.text.String()
	spans := c.spans
	links := c.links
	c.text.Reset()
	c.spans = nil
	c.links = 0
	c.space = false
	for i := range c.open {
		c.open[i].start = 0
	}
	isCode := c.pend != nil && c.pend.kind == Code && !c.pend.used
	var cut int
	if isCode {
		text = strings.TrimRight(text, "\n")
		t := strings.TrimLeft(text, "\n")
		cut = len(text) - len(t)
		text = t
	} else {
		t := strings.TrimLeft(text, " \n\u00a0")
		cut = len(text) - len(t)
		text = strings.TrimRight(t, " \n\u00a0")
		text = htmlSqueezeBreaks(text, &spans, cut)
		cut = 0
	}
	if strings.Trim(text, " \n\u00a0") == "" {
		return
	}
	blk := Block{Text: text, Kind: Paragraph}
	for _, sp := range spans {
		sp.Start, sp.End = max(sp.Start-cut, 0), min(sp.End-cut, len(text))
		if sp.Start >= sp.End {
			continue
		}
		if isCode && sp.Kind != Control {
			continue
		}
		blk.Spans = append(blk.Spans, sp)
	}
	htmlSortSpans(blk.Spans)
	if p := c.pend; p != nil && !p.used {
		p.used = true
		blk.Kind, blk.Level, blk.Attrs = p.kind, p.level, p.attrs
	}
	if blk.Kind == Code {
		blk.Dir = LTR
	}
	c.emit(blk, htmlBlockInfo{tag: c.origin, links: links})
}

// htmlSortSpans orders spans by Start, the longer first. Spans are
// finished innermost first, so of spans over the same range the one
// opened first (the outer one) is put first.
func htmlSortSpans(spans []Span) {
	sort.SliceStable(spans, func(i, j int) bool {
		a, b := spans[i], spans[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End > b.End
	})
	for i := 0; i < len(spans); {
		j := i + 1
		for j < len(spans) && spans[j].Start == spans[i].Start && spans[j].End == spans[i].End {
			j++
		}
		for l, r := i, j-1; l < r; l, r = l+1, r-1 {
			spans[l], spans[r] = spans[r], spans[l]
		}
		i = j
	}
}

// htmlSqueezeBreaks removes the cut leading bytes and keeps at most one
// empty line between lines (br br br is one blank line), moving spans.
func htmlSqueezeBreaks(text string, spans *[]Span, cut int) string {
	if cut > 0 {
		for i := range *spans {
			sp := &(*spans)[i]
			sp.Start, sp.End = max(sp.Start-cut, 0), max(sp.End-cut, 0)
		}
	}
	if !strings.Contains(text, "\n\n\n") {
		return text
	}
	var b strings.Builder
	var removed []int // offsets (in text) of removed bytes
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' && i >= 2 && text[i-1] == '\n' && text[i-2] == '\n' {
			removed = append(removed, i)
			continue
		}
		b.WriteByte(text[i])
	}
	mapOff := func(o int) int {
		n := sort.SearchInts(removed, o)
		return o - n
	}
	for i := range *spans {
		sp := &(*spans)[i]
		sp.Start, sp.End = mapOff(sp.Start), mapOff(sp.End)
	}
	return b.String()
}

// emit appends a finished block, with its direction, quote depth, list
// indent and spacing.
func (c *htmlConv) emit(b Block, info htmlBlockInfo) {
	if b.Dir == Auto && len(c.dirs) > 0 {
		b.Dir = c.dirs[len(c.dirs)-1]
	}
	b.Quote = c.quote
	b.Indent = c.indent
	// Paragraph spacing, except between the items of a list.
	b.Break = len(c.blocks) > 0
	if b.Kind == ListItem && len(c.blocks) > 0 {
		prev := c.blocks[len(c.blocks)-1]
		if prev.Indent > 0 && prev.Quote == b.Quote {
			b.Break = false
		}
	}
	c.blocks = append(c.blocks, b)
	c.info = append(c.info, info)
}
