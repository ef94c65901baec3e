package content

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The page chrome that Readability keeps on Persian, Arabic and Hebrew
// sites: the titles of the boxes around an article. A box whose title is
// one of these (compared by htmlKey; a title may go on, as «آخرین مطالب
// سیاست») is not the article.
var htmlChromeTitles = sync.OnceValue(func() []string {
	titles := []string{
		// Persian
		"پربازدیدترین", "پربازدید", "پربحث‌ترین", "پربحث", "پرخواننده‌ترین", "اخبار مرتبط", "مطالب مرتبط",
		"خبرهای مرتبط", "مطالب پیشنهادی", "پیشنهاد سردبیر", "آخرین اخبار", "آخرین مطالب", "آخرین خبرها",
		"تازه‌ترین اخبار", "تازه ترین ها", "سرخط اخبار", "اخبار روز", "برچسب‌ها", "برچسب ها", "برچسب",
		"کلمات کلیدی", "کلیدواژه‌ها", "ارسال نظر", "ارسال دیدگاه", "نظرات", "نظرات کاربران", "دیدگاه‌ها",
		"دیدگاه کاربران", "در بحث مشارکت کنید", "نظر شما", "اشتراک گذاری", "اشتراک‌گذاری", "بیشتر بخوانید",
		"لینک کوتاه", "لینک کوتاه خبر", "کپی لینک", "اخبار پیشنهادی", "ویژه", "منتخب", "مطالب مشابه",
		"اخبار مشابه", "پر بیننده ترین", "پربیننده‌ترین", "خواندنی‌ها", "از سراسر وب", "تبلیغات",
		// Arabic
		"الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولا", "الأكثر تعليقا", "الأكثر شعبية", "اقرأ أيضا",
		"اقرأ أيضاً", "إقرأ أيضا", "اقرأ المزيد", "اقرأ ايضا", "أخبار ذات صلة", "مواضيع ذات صلة", "مقالات ذات صلة",
		"أخبار متعلقة", "مواضيع متعلقة", "آخر الأخبار", "أحدث الأخبار", "الكلمات المفتاحية", "كلمات مفتاحية",
		"كلمات دالة", "الوسوم", "وسوم", "التعليقات", "أضف تعليق", "اضف تعليقك", "شارك", "شارك الخبر",
		"شارك المقال", "تابعونا", "تابعنا على", "النشرة البريدية", "النشرة الإخبارية", "اخترنا لك",
		"مقالات أخرى", "المزيد من الأخبار", "المزيد", "قد يعجبك أيضا", "ننصحك بقراءة", "إشترك", "اشترك",
		// Hebrew
		"כתבות נוספות", "עוד בנושא", "הכי נקראים", "הנקראים ביותר", "תגובות", "הוסף תגובה", "הוספת תגובה",
		"שתפו", "שתף", "תגיות", "מומלצים", "קראו עוד", "עוד כתבות", "כתבות קשורות",
	}
	for i, t := range titles {
		titles[i] = htmlKey(t)
	}
	return titles
})

// htmlChromeTitle reports whether a short text is a chrome box's title.
func htmlChromeTitle(s string) bool {
	if utf8.RuneCountInString(s) > 40 {
		return false
	}
	k := htmlKey(s)
	if k == "" {
		return false
	}
	for _, t := range htmlChromeTitles() {
		if k == t || strings.HasPrefix(k, t) && len(t) >= 10 && len(k)-len(t) <= 24 {
			return true
		}
	}
	return false
}

// htmlChromeClass matches class and id values of page chrome. The
// English words are what the CMSs of Persian and Arabic sites use too.
// Compiled on first use, like htmlChromeTitles: only pages need them.
var htmlChromeClass = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(^|[^a-z])(related|most-?(viewed|visited|read|popular|commented)|mostviewed|popular|trending|tags?|tag-?list|keywords|share|sharing|social|comments?|comment-?form|respond|newsletter|breadcrumbs?|side-?bar|widget|footer|banner|advert[a-z]*|ads?|adsbygoogle|sponsored|promo|subscribe|print|rating|next-?post|prev-?post|author-?box|toolbar|login|signup|carousel|slider|swiper|teasers?|more-?news|read-?more|prev[-_]?next|next[-_]?prev)([^a-z]|$)`)
})

// htmlPrune removes from the page the chrome around its article before
// Readability looks for it: elements whose class or id names chrome,
// and boxes titled as chrome (see htmlChromeTitles). An element that
// holds an h1, the schema.org articleBody or a good part of the page's
// prose is never removed.
func htmlPrune(root *html.Node) {
	total := htmlProseLen(root)
	protected := func(n *html.Node) bool {
		if htmlContains(n, func(k *html.Node) bool {
			return k.DataAtom == atom.H1 || strings.Contains(strings.ToLower(htmlAttrVal(k, "itemprop")), "articlebody")
		}) {
			return true
		}
		p := htmlProseLen(n)
		return total > 0 && p*5 > total*2 || p > 1500
	}
	var remove []*html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if k.Type != html.ElementNode {
				continue
			}
			switch k.DataAtom {
			case atom.Html, atom.Body, atom.Head, atom.Script, atom.Style:
				visit(k)
				continue
			}
			cls := htmlAttrVal(k, "class") + " " + htmlAttrVal(k, "id")
			if htmlChromeClass().MatchString(cls) && !protected(k) {
				remove = append(remove, k)
				continue
			}
			if box := htmlChromeBox(k, protected); box != nil {
				remove = append(remove, box)
				continue
			}
			visit(k)
		}
	}
	visit(root)
	for _, n := range remove {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// htmlChromeBox: when n is a short element whose text is a chrome title
// (a heading, a header, a title div), the box it titles: n's highest
// ancestor that holds no prose of its own.
func htmlChromeBox(n *html.Node, protected func(*html.Node) bool) *html.Node {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Div, atom.Span, atom.Strong,
		atom.B, atom.P, atom.Li, atom.A, atom.Section, atom.Label, atom.Legend:
	default:
		return nil
	}
	t := htmlText(n)
	if t == "" || !htmlChromeTitle(t) {
		return nil
	}
	box := n
	for p := box.Parent; p != nil && p.DataAtom != atom.Body && p.DataAtom != atom.Html; p = p.Parent {
		if protected(p) || htmlProseLen(p) > 0 {
			break
		}
		box = p
	}
	return box
}

// htmlProseLen sums the bytes of the prose paragraphs in n: p elements
// (and divs holding only text) with at least 120 bytes of text, most of
// it outside links.
func htmlProseLen(n *html.Node) int {
	total := 0
	var visit func(k *html.Node)
	visit = func(k *html.Node) {
		for ch := k.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type != html.ElementNode || htmlDropped[ch.DataAtom] {
				continue
			}
			if ch.DataAtom == atom.P || ch.DataAtom == atom.Div && !htmlContains(ch, func(x *html.Node) bool {
				return x != ch && htmlBlockish(x.DataAtom)
			}) {
				t := htmlText(ch)
				if len(t) >= 120 && htmlLinkLen(ch)*2 < len(t) {
					total += len(t)
				}
				continue
			}
			visit(ch)
		}
	}
	visit(n)
	return total
}

func htmlLinkLen(n *html.Node) int {
	total := 0
	var visit func(k *html.Node)
	visit = func(k *html.Node) {
		for ch := k.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type == html.ElementNode && ch.DataAtom == atom.A {
				total += len(htmlText(ch))
				continue
			}
			visit(ch)
		}
	}
	visit(n)
	return total
}

func htmlContains(n *html.Node, f func(*html.Node) bool) bool {
	if n.Type == html.ElementNode && f(n) {
		return true
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if htmlContains(k, f) {
			return true
		}
	}
	return false
}

// htmlCleanBlocks cleans the blocks of an extracted article:
//
//   - a paragraph made of lines (text and br, br, br, as many sites
//     write their articles) is split into paragraphs at a blank line,
//     and at a line break after a line that ends a sentence, a long
//     line, or a short line before a long one (a subheading);
//   - the end marker «انتهای پیام» (with a desk code, «انتهای پیام/ی») and
//     every block after it are dropped;
//   - labelled metadata lines are read into m and dropped («کد خبر ۱۲۳»,
//     «تاریخ انتشار: ...», see parseMeta), and so are counters (digits
//     alone) and icon labels (a lone Latin word on a page in another
//     script);
//   - a block that is a chrome title («اخبار مرتبط», «اقرأ أيضا») is
//     dropped with the links and short lines that follow it;
//   - before the first paragraph of prose (80 runes or more, mostly not
//     links), short lines (dates, view counters, reading times) and
//     link lines are dropped; after the last one, only full sentences
//     right after it are kept.
func htmlCleanBlocks(bs []Block, info []htmlBlockInfo, m *Meta, pm *htmlMeta) []Block {
	bs, info = htmlSplitBreaks(bs, info)
	rtlPage := pm.dir == RTL || htmlRTLScript(bs)
	keep := make([]bool, len(bs))
	chromeRun := false
	for i := range bs {
		b := &bs[i]
		keep[i] = true
		if b.Kind == Code || b.Kind == Table || b.Kind == Rule {
			chromeRun = false
			continue
		}
		line := strings.TrimFunc(b.Text, isBlank)
		key := FoldString(line)
		if htmlEndMarker(key) {
			for j := i; j < len(bs); j++ {
				keep[j] = false
			}
			break
		}
		runes := utf8.RuneCountInString(line)
		linky := info[i].links*10 >= len(b.Text)*7
		switch {
		case line == "":
			keep[i] = false
		case runes < 80 && parseMeta(m, line):
			keep[i] = false
		case b.Kind != Heading && rtlPage && isChrome(line, key):
			keep[i] = false
		case htmlChromeTitle(line):
			keep[i] = false
			chromeRun = true
		case chromeRun && (linky || runes < 80 && !htmlSentence(line)):
			keep[i] = false
		default:
			chromeRun = false
		}
	}
	// The run of prose.
	first, last := -1, -1
	for i, b := range bs {
		if keep[i] && htmlBodyLike(b, info[i]) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return htmlKept(bs, keep)
	}
	for i := 0; i < first; i++ {
		if !keep[i] || bs[i].Kind == Heading || bs[i].Kind == Code || bs[i].Kind == Table {
			continue
		}
		line := strings.TrimFunc(bs[i].Text, isBlank)
		if utf8.RuneCountInString(line) < 25 || info[i].links*2 >= len(bs[i].Text) {
			keep[i] = false
		}
	}
	tail := true
	for i := last + 1; i < len(bs); i++ {
		if !keep[i] {
			continue
		}
		b := bs[i]
		ok := b.Kind == Code || b.Kind == Table ||
			(b.Kind == Paragraph || b.Kind == ListItem) && htmlSentence(strings.TrimFunc(b.Text, isBlank)) && info[i].links*2 < len(b.Text)
		if !tail || !ok {
			keep[i], tail = false, false
		}
	}
	return htmlKept(bs, keep)
}

func htmlKept(bs []Block, keep []bool) []Block {
	out := bs[:0:0]
	for i, b := range bs {
		if keep[i] {
			out = append(out, b)
		}
	}
	return out
}

// htmlEndMarker: «انتهای پیام», alone or with a desk code after a slash.
func htmlEndMarker(key string) bool {
	if isEndMarker(key) {
		return true
	}
	rest, ok := strings.CutPrefix(strings.Trim(key, "/*-. "), endMarker)
	return ok && strings.HasPrefix(strings.TrimSpace(rest), "/") && utf8.RuneCountInString(rest) <= 8
}

// htmlBodyLike: a paragraph of prose.
func htmlBodyLike(b Block, info htmlBlockInfo) bool {
	if b.Kind != Paragraph && b.Kind != Lead && b.Kind != ListItem {
		return false
	}
	return utf8.RuneCountInString(b.Text) >= 80 && info.links*10 < len(b.Text)*3
}

// htmlSentence: a line of at least three words that ends as a sentence
// ends (a headline of another story does not).
func htmlSentence(s string) bool {
	s = strings.TrimRightFunc(s, isBlank)
	if len(strings.Fields(s)) < 3 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?؟»\"”)…:;؛'", r)
}

// htmlRTLScript: most letters of the first blocks are Arabic or Hebrew.
func htmlRTLScript(bs []Block) bool {
	rtl, ltr := 0, 0
	for i, b := range bs {
		if i > 30 {
			break
		}
		for _, r := range b.Text {
			switch {
			case r >= 0x0590 && r <= 0x08FF || r >= 0xFB1D && r <= 0xFEFC:
				rtl++
			case unicode.IsLetter(r):
				ltr++
			}
		}
	}
	return rtl > ltr
}

// htmlTitleAndLead puts the title first, once, and marks the lead. page
// is the whole page's blocks, where a lead Readability dropped is found.
func htmlTitleAndLead(bs, page []Block, m *Meta, pm *htmlMeta, found bool) []Block {
	if m.Title == "" {
		for _, b := range bs {
			if b.Kind == Heading {
				m.Title = htmlOneLine(b.Text)
				break
			}
		}
	}
	tk := htmlKey(m.Title)
	out := make([]Block, 0, len(bs)+2)
	if m.Title != "" {
		out = append(out, Block{Kind: Heading, Level: 1, Dir: pm.dir, Text: m.Title})
	}
	for _, b := range bs {
		if tk != "" && b.Kind != Code && b.Kind != Table {
			if htmlKey(b.Text) == tk {
				continue
			}
			// A photo whose alt text is the title, before the text.
			for _, sp := range b.Spans {
				if sp.Kind == Image && sp.Start == 0 && sp.End < len(b.Text) && htmlKey(b.Text[:sp.End]) == tk {
					b = htmlCutPrefix(b, sp.End)
					break
				}
			}
		}
		out = append(out, b)
	}
	if found {
		out = htmlLead(out, page, m, pm)
	}
	htmlBreaks(out)
	return out
}

// htmlBreaks sets the paragraph spacing of blocks put together from
// several conversions: a blank row before every block but the first,
// except between the items of a list.
func htmlBreaks(bs []Block) {
	for i := range bs {
		bs[i].Break = i > 0 && !(bs[i].Kind == ListItem && bs[i-1].Indent > 0 && bs[i-1].Quote == bs[i].Quote)
	}
}

// htmlLead marks the lead: the paragraph among the first that is the
// page's description, or that paragraph of the whole page put first when
// Readability left it out. A description the page does not show is not
// a lead.
func htmlLead(out, page []Block, m *Meta, pm *htmlMeta) []Block {
	ek := htmlKey(strings.TrimRight(strings.TrimSpace(pm.ld.description), ".…"))
	tk := htmlKey(m.Title)
	if len(ek) < 40 || ek == tk {
		return out
	}
	match := func(b Block) bool {
		if b.Kind != Paragraph && b.Kind != Lead {
			return false
		}
		bk := htmlKey(b.Text)
		if bk == tk {
			return false
		}
		return bk == ek || strings.HasPrefix(bk, ek) || strings.HasPrefix(ek, bk) && len(bk)*3 >= len(ek)*2
	}
	start := 0
	if m.Title != "" {
		start = 1
	}
	for i := start; i < len(out) && i < start+3; i++ {
		if match(out[i]) {
			out[i].Kind = Lead
			return out
		}
	}
	for _, b := range page {
		if match(b) {
			b.Kind, b.Quote, b.Indent = Lead, 0, 0
			out = append(out[:start], append([]Block{b}, out[start:]...)...)
			return out
		}
	}
	return out
}

// htmlSplitBreaks splits paragraphs at their hard breaks where they end
// paragraphs (see htmlCleanBlocks), moving spans with the text.
func htmlSplitBreaks(bs []Block, info []htmlBlockInfo) ([]Block, []htmlBlockInfo) {
	var out []Block
	var outInfo []htmlBlockInfo
	for i, b := range bs {
		if (b.Kind != Paragraph && b.Kind != Lead) || !strings.Contains(b.Text, "\n") {
			out, outInfo = append(out, b), append(outInfo, info[i])
			continue
		}
		start := 0
		cut := func(end, next int) {
			piece := b
			piece.Text = b.Text[start:end]
			piece.Spans = nil
			links := 0
			for _, sp := range b.Spans {
				s0, e0 := max(sp.Start, start), min(sp.End, end)
				if s0 < e0 {
					sp.Start, sp.End = s0-start, e0-start
					piece.Spans = append(piece.Spans, sp)
					if sp.Kind == Link {
						links += e0 - s0
					}
				}
			}
			if strings.TrimSpace(piece.Text) != "" {
				if len(out) > 0 && start > 0 {
					piece.Kind = Paragraph
				}
				out = append(out, piece)
				outInfo = append(outInfo, htmlBlockInfo{tag: info[i].tag, links: links})
			}
			start = next
		}
		for j := 0; j < len(b.Text); j++ {
			if b.Text[j] != '\n' {
				continue
			}
			line := strings.TrimFunc(b.Text[strings.LastIndexByte(b.Text[:j], '\n')+1:j], isBlank)
			next := b.Text[j+1:]
			if k := strings.IndexByte(next, '\n'); k >= 0 {
				next = next[:k]
			}
			n, nn := utf8.RuneCountInString(line), utf8.RuneCountInString(next)
			switch {
			case next == "":
				cut(j, j+2)
				j++
			case n >= 30 && htmlSentence(line), n >= 150,
				n <= 80 && nn >= 150: // a subheading
				cut(j, j+1)
			}
		}
		cut(len(b.Text), len(b.Text))
	}
	return out, outInfo
}

// htmlParagraphBreaks marks the line breaks of the page that end
// paragraphs (by the rules of htmlSplitBreaks) before Readability runs:
// each such br is replaced by htmlParaMark, which the converter takes for
// the end of a paragraph. Readability keeps a paragraph between double
// breaks but may drop single breaks, joining the paragraphs of sites that
// write their articles as lines of text with <br> between them.
func htmlParagraphBreaks(n *html.Node) {
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if k.Type != html.ElementNode {
			continue
		}
		if htmlDropped[k.DataAtom] || k.DataAtom == atom.Pre {
			continue
		}
		if k.DataAtom == atom.Br {
			if htmlNextIsBr(k) {
				// A chain of breaks is a paragraph break.
				for s := k.NextSibling; s != nil; s = k.NextSibling {
					if s.Type == html.TextNode && strings.TrimSpace(s.Data) == "" || s.Type == html.ElementNode && s.DataAtom == atom.Br {
						n.RemoveChild(s)
						continue
					}
					break
				}
				mark := &html.Node{Type: html.TextNode, Data: string(htmlParaMark)}
				n.InsertBefore(mark, k)
				n.RemoveChild(k)
				k = mark
			} else if htmlBreakEndsParagraph(k) {
				mark := &html.Node{Type: html.TextNode, Data: string(htmlParaMark)}
				n.InsertBefore(mark, k)
				n.RemoveChild(k)
				k = mark
			}
			continue
		}
		htmlParagraphBreaks(k)
	}
}

// htmlParaMark stands for a paragraph break in the page's text: a
// noncharacter, which no page holds as text (the converter drops any).
const htmlParaMark = '\uFDD0'

// htmlNextIsBr: the next sibling past white space is a br.
func htmlNextIsBr(br *html.Node) bool {
	for s := br.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) == "" {
			continue
		}
		return s.Type == html.ElementNode && s.DataAtom == atom.Br
	}
	return false
}

// htmlBreakEndsParagraph judges a br by the runs of inline text before
// and after it among its siblings.
func htmlBreakEndsParagraph(br *html.Node) bool {
	run := func(start *html.Node, next func(*html.Node) *html.Node) string {
		var parts []string
		for s := start; s != nil; s = next(s) {
			if s.Type == html.ElementNode && (s.DataAtom == atom.Br || htmlBlockish(s.DataAtom)) {
				break
			}
			switch s.Type {
			case html.TextNode:
				parts = append(parts, s.Data)
			case html.ElementNode:
				parts = append(parts, htmlText(s))
			}
		}
		return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
	}
	// The run before, collected backwards.
	var words []string
	for s := br.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode && (s.DataAtom == atom.Br || htmlBlockish(s.DataAtom)) || s.Type == html.TextNode && strings.ContainsRune(s.Data, htmlParaMark) {
			break
		}
		if s.Type == html.TextNode {
			words = append(strings.Fields(s.Data), words...)
		} else if s.Type == html.ElementNode {
			words = append(strings.Fields(htmlText(s)), words...)
		}
	}
	prev := strings.Join(words, " ")
	next := run(br.NextSibling, func(s *html.Node) *html.Node { return s.NextSibling })
	n, nn := utf8.RuneCountInString(prev), utf8.RuneCountInString(next)
	return n > 0 && nn > 0 && (n >= 30 && htmlSentence(prev) || n >= 150 || n <= 80 && nn >= 150)
}

// htmlCutPrefix drops the first n bytes of b's text and the blanks after
// them, moving its spans.
func htmlCutPrefix(b Block, n int) Block {
	rest := strings.TrimLeftFunc(b.Text[n:], isBlank)
	cut := len(b.Text) - len(rest)
	b.Text = rest
	var spans []Span
	for _, sp := range b.Spans {
		if sp.End <= cut {
			continue
		}
		sp.Start, sp.End = max(sp.Start-cut, 0), sp.End-cut
		spans = append(spans, sp)
	}
	b.Spans = spans
	return b
}
