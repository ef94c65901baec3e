package content

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ParseHTML reads a web page as an article. data is the page as fetched
// or read, pageURL its address (it names the document, resolves relative
// links and may be ""), contentType the HTTP Content-Type ("" for a file).
//
// The encoding is taken from a BOM, the Content-Type, the page's <meta>,
// else detected (see htmlDecode); Meta.Encoding names it when it is not
// UTF-8. The page is parsed, never run: no script, style, frame or image
// is loaded.
//
// The article is found by a port of Mozilla's Readability
// (codeberg.org/readeck/go-readability), after the boxes around it that
// Readability keeps on Persian and Arabic news sites are removed (related
// and most-read lists, tags, comment forms, share bars, by class and id
// and by their titles: «پربازدیدترین», «اخبار مرتبط», «ارسال نظر»,
// «اقرأ أيضا», «الأكثر قراءة» ...), and its blocks are cleaned once more
// (see htmlCleanBlocks): the end marker «انتهای پیام» and what follows,
// metadata lines («کد خبر ۱۲۳» goes to Meta.Code), counters, and the
// short lines before the first paragraph and after the last.
//
// The Document has Format FormatHTML and, as ParseArticle's, the title
// as its first block (Heading level 1) and in Meta.Title, once: a
// heading or line of the body equal to the title is dropped. The lead
// (the page's description, when the page shows it) is a Lead block.
// Meta.Site is the site's name, Meta.Byline the author's when the page
// names one other than the site. Meta.Published comes from the JSON-LD
// datePublished, the article:published_time and similar <meta>, a <time
// datetime>, else a Jalali date printed on the page; on a Persian page it
// is in Tehran time and Meta.DateJalali is the same date in the Persian
// calendar (FormatJalali).
//
// When no article is found, the Document holds the whole page's text
// (HTMLNodeBlocks of its body, with the title and metadata) and the error
// is a *FileError wrapping ErrNotArticle: a notice for the caller to print
// on one line, not a failure.
func ParseHTML(data []byte, pageURL, contentType string) (*Document, error) {
	return parseHTML(data, pageURL, contentType, true)
}

// ParseHTMLPage reads a web page as ParseHTML does but keeps the whole
// page's text: every block of its body, nothing extracted or dropped but
// what HTMLNodeBlocks drops.
func ParseHTMLPage(data []byte, pageURL, contentType string) (*Document, error) {
	return parseHTML(data, pageURL, contentType, false)
}

// htmlMinArticle is the least text, in runes of body paragraphs, that
// makes an extraction an article.
const htmlMinArticle = 200

func parseHTML(data []byte, pageURL, contentType string, extract bool) (*Document, error) {
	text, enc, invalid := htmlDecode(data, contentType)
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, &FileError{Name: htmlName(pageURL), Err: err}
	}
	doc := &Document{Name: pageURL, Format: FormatHTML, Replaced: invalid}
	doc.Meta.Encoding = enc
	var base *url.URL
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
			base = u
		}
	}
	pm := htmlReadMeta(root, base)
	base = pm.base

	var blocks []Block
	var info []htmlBlockInfo
	var art readability.Article
	found := false
	if extract {
		htmlParagraphBreaks(root)
		htmlPrune(root)
		rp := readability.NewParser()
		art, err = rp.ParseDocument(root, base)
		if err == nil && art.Node != nil {
			c := newHTMLConv(base)
			if pm.dir != Auto {
				c.dirs = []Dir{pm.dir}
			}
			c.walk(art.Node)
			c.flush()
			blocks, info = c.blocks, c.info
		}
	}
	pm.fill(&doc.Meta, art)
	if extract && len(blocks) > 0 {
		blocks = htmlCleanBlocks(blocks, info, &doc.Meta, pm)
		found = htmlProseRunes(blocks) >= htmlMinArticle
	}
	var page []Block
	if !found || extract {
		c := newHTMLConv(base)
		if pm.dir != Auto {
			c.dirs = []Dir{pm.dir}
		}
		c.walk(root)
		c.flush()
		page = c.blocks
	}
	if !found {
		blocks = page
	}
	htmlDates(&doc.Meta, pm, blocks)
	blocks = htmlTitleAndLead(blocks, page, &doc.Meta, pm, found)
	doc.Blocks = blocks
	if extract && !found {
		return doc, &FileError{Name: htmlName(pageURL), Err: ErrNotArticle}
	}
	return doc, nil
}

func htmlName(pageURL string) string {
	if pageURL == "" {
		return "HTML page"
	}
	return Visible(pageURL)
}

// htmlProseRunes counts the runes of the paragraphs of blocks.
func htmlProseRunes(bs []Block) int {
	n := 0
	for _, b := range bs {
		if b.Kind == Paragraph || b.Kind == Lead || b.Kind == ListItem {
			n += utf8.RuneCountInString(b.Text)
		}
	}
	return n
}

// htmlMeta is what the page says about itself, read before the page is
// cleaned.
type htmlMeta struct {
	base     *url.URL
	meta     map[string]string // <meta> content by lower-case name, property or itemprop
	title    string            // <title>
	h1       []string          // the text of every h1 (and of headline elements)
	lang     string
	dir      Dir
	ld       htmlLD
	times    []string // datetime of <time> elements, in order
	dateText []string // texts of elements that look like a printed date, in order
}

// htmlLD is the JSON-LD description of the article.
type htmlLD struct {
	headline, published, author, publisher, description string
}

func htmlReadMeta(root *html.Node, base *url.URL) *htmlMeta {
	pm := &htmlMeta{base: base, meta: map[string]string{}}
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				pm.lang = strings.ToLower(strings.TrimSpace(htmlAttrVal(n, "lang")))
				if d, ok := htmlDir(n); ok {
					pm.dir = d
				}
			case atom.Body:
				if d, ok := htmlDir(n); ok {
					pm.dir = d
				}
			case atom.Base:
				if href := htmlAttrVal(n, "href"); href != "" && pm.base != nil {
					if u, err := url.Parse(strings.TrimSpace(href)); err == nil {
						pm.base = pm.base.ResolveReference(u)
					}
				}
			case atom.Title:
				if pm.title == "" {
					pm.title = htmlText(n)
				}
			case atom.Meta:
				content, ok := htmlAttr(n, "content")
				if !ok {
					content, ok = htmlAttr(n, "value")
				}
				if ok {
					for _, k := range []string{"property", "name", "itemprop"} {
						for _, key := range strings.Fields(strings.ToLower(htmlAttrVal(n, k))) {
							if _, seen := pm.meta[key]; !seen {
								pm.meta[key] = strings.TrimSpace(content)
							}
						}
					}
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(htmlAttrVal(n, "type")), "ld+json") && n.FirstChild != nil {
					pm.readLD(n.FirstChild.Data)
				}
				return
			case atom.Style, atom.Noscript, atom.Template:
				return
			case atom.H1:
				if t := htmlText(n); t != "" {
					pm.h1 = append(pm.h1, t)
				}
			case atom.Time:
				if dt := htmlAttrVal(n, "datetime"); dt != "" {
					pm.times = append(pm.times, dt)
				}
			}
			if n.DataAtom != atom.H1 && strings.Contains(strings.ToLower(htmlAttrVal(n, "itemprop")), "headline") {
				if t := htmlText(n); t != "" {
					pm.h1 = append(pm.h1, t)
				}
			}
		}
		if n.Type == html.TextNode && htmlLooksDated(n.Data) {
			pm.dateText = append(pm.dateText, htmlContextText(n))
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			visit(k)
		}
	}
	visit(root)
	return pm
}

// readLD reads a JSON-LD script, keeping the first article-like object's
// fields (NewsArticle, Article, BlogPosting, ReportageNews ...; a
// WebPage's only when nothing better is found).
func (pm *htmlMeta) readLD(src string) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(src)), &v) != nil {
		return
	}
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 6 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e, depth+1)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				walk(g, depth+1)
			}
			types := strings.ToLower(htmlLDString(x["@type"]))
			article := strings.Contains(types, "article") || strings.Contains(types, "posting") || strings.Contains(types, "report")
			if !article && !strings.Contains(types, "webpage") {
				return
			}
			if article || pm.ld.published == "" {
				ld := htmlLD{
					headline:    htmlLDString(x["headline"]),
					published:   htmlLDString(x["datePublished"]),
					author:      htmlLDName(x["author"]),
					publisher:   htmlLDName(x["publisher"]),
					description: htmlLDString(x["description"]),
				}
				if ld.headline == "" {
					ld.headline = htmlLDString(x["name"])
				}
				if article && pm.ld.published == "" || pm.ld == (htmlLD{}) {
					pm.ld = ld
				}
			}
		}
	}
	walk(v, 0)
}

func htmlLDString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(html.UnescapeString(x))
	case []any:
		var parts []string
		for _, e := range x {
			if s := htmlLDString(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, " ")
	}
	return ""
}

// htmlLDName is a person's or organisation's name: a string, an object
// with a name, or a list of them joined by «، ».
func htmlLDName(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		return htmlLDString(x["name"])
	case []any:
		var names []string
		for _, e := range x {
			if n := htmlLDName(e); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, "، ")
	}
	return ""
}

// fill sets the title, byline and site of m from the page's metadata and
// Readability's findings.
func (pm *htmlMeta) fill(m *Meta, art readability.Article) {
	site := htmlFirstOf(art.SiteName(), pm.ld.publisher, pm.meta["og:site_name"], pm.meta["application-name"])
	m.Site = htmlOneLine(htmlSiteName(site))
	title := htmlFirstOf(pm.meta["og:title"], pm.ld.headline, pm.meta["twitter:title"], art.Title(), pm.title)
	m.Title = htmlOneLine(pm.cleanTitle(title, m.Site))
	byline := htmlFirstOf(pm.ld.author, pm.meta["author"], pm.meta["article:author"], art.Byline())
	if k := htmlKey(byline); k != "" && !IsURL(byline) && !strings.Contains(htmlKey(site), k) && !strings.Contains(k, htmlKey(m.Site)) {
		m.Byline = htmlOneLine(byline)
	}
	pm.ld.description = htmlFirstOf(pm.ld.description, art.Excerpt())
}

func htmlFirstOf(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// htmlOneLine collapses white space and defuses control characters, for
// the one-line fields of Meta.
func htmlOneLine(s string) string {
	return Visible(strings.Join(strings.Fields(s), " "))
}

// htmlSiteName keeps the first part of a site name written as
// "Name | slogan | Latin name".
func htmlSiteName(s string) string {
	for _, sep := range []string{" | ", " – ", " — ", " - "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	return strings.TrimSpace(s)
}

// htmlTitleSeps separate a headline from the site's name in a <title>.
var htmlTitleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " :", " ـ "}

// cleanTitle drops the site's name from a title: when the title or one of
// its parts (split at " | ", " - " ...) is the text of an h1 of the page,
// that text; else without the parts at either end that name the site.
func (pm *htmlMeta) cleanTitle(title, site string) string {
	title = strings.Join(strings.Fields(title), " ")
	parts := []string{title}
	for _, sep := range htmlTitleSeps {
		var next []string
		for _, p := range parts {
			for _, q := range strings.Split(p, sep) {
				if q = strings.TrimSpace(q); q != "" {
					next = append(next, q)
				}
			}
		}
		parts = next
	}
	for _, h := range pm.h1 {
		hk := htmlKey(h)
		if hk == "" {
			continue
		}
		if hk == htmlKey(title) {
			return h
		}
		for _, p := range parts {
			if htmlKey(p) == hk && len(parts) > 1 {
				return h
			}
		}
	}
	if len(parts) < 2 {
		return title
	}
	names := []string{htmlKey(site), htmlKey(pm.meta["og:site_name"]), htmlKey(pm.ld.publisher)}
	isSite := func(p string) bool {
		k := htmlKey(p)
		for _, n := range names {
			if n != "" && (k == n || strings.Contains(n, k) || strings.Contains(k, n) && len(k) < 2*len(n)) {
				return true
			}
		}
		return false
	}
	// Cut the title at the first or last separator when that part is the site.
	for _, sep := range htmlTitleSeps {
		if i := strings.LastIndex(title, sep); i > 0 && isSite(title[i+len(sep):]) {
			return strings.TrimSpace(title[:i])
		}
		if i := strings.Index(title, sep); i > 0 && isSite(title[:i]) {
			return strings.TrimSpace(title[i+len(sep):])
		}
	}
	return title
}

// htmlKey is a string folded for comparing titles and labels: Fold, the
// alefs with hamza or madda as bare alef, and no spaces, ZWNJ or
// punctuation.
func htmlKey(s string) string {
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s) // a title escaped twice by its site
	}
	f := FoldString(s)
	var b strings.Builder
	for _, r := range f {
		switch {
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			b.WriteRune('ا')
		case r == 'ـ':
		case isKeyRune(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isKeyRune(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return true
	case r < 0x80:
		return false
	}
	// Letters and digits of any script; punctuation, symbols and spaces
	// (general punctuation, Arabic punctuation, guillemets) are not.
	switch {
	case r >= 0x2000 && r <= 0x206F, r == '«', r == '»', r == '،', r == '؛', r == '؟', r == '٪', r == '٫', r == '٬', r == 0xA0:
		return false
	}
	return r > 0xBF
}

// htmlContextText is the text of the element holding a text node, with
// the text before it in that element's parent: enough to see a label
// «تاریخ انتشار:» or «امروز:» next to a date.
func htmlContextText(n *html.Node) string {
	p := n.Parent
	if p != nil && p.Parent != nil && len(htmlText(p)) < 40 {
		p = p.Parent
	}
	if p == nil {
		return n.Data
	}
	t := htmlText(p)
	if len(t) > 300 {
		return strings.Join(strings.Fields(n.Data), " ")
	}
	return t
}

// htmlLooksDated: a text that may hold a printed Jalali date (a month
// name and a 13xx or 14xx year).
func htmlLooksDated(s string) bool {
	if len(s) > 400 || len(s) < 8 {
		return false
	}
	f := FoldString(s)
	if !strings.Contains(f, "13") && !strings.Contains(f, "14") {
		return false
	}
	for _, m := range JalaliMonths {
		if strings.Contains(f, FoldString(m)) {
			return true
		}
	}
	return false
}

// htmlPersian reports whether the page is in Persian: its lang says so,
// or its title or text uses the letters Persian has and Arabic lacks.
func htmlPersian(m *Meta, pm *htmlMeta, blocks []Block) bool {
	if strings.HasPrefix(pm.lang, "fa") || strings.HasPrefix(pm.lang, "prs") {
		return true
	}
	if pm.lang != "" && !strings.HasPrefix(pm.lang, "und") {
		return false
	}
	n := 0
	count := func(s string) {
		for _, r := range s {
			switch r {
			case 'پ', 'چ', 'ژ', 'گ', 'ی', 'ک':
				n++
			}
		}
	}
	count(m.Title)
	for i, b := range blocks {
		if i > 20 {
			break
		}
		count(b.Text)
	}
	return n >= 5
}

// htmlDates sets Meta.Published (and, on a Persian page, DateJalali).
func htmlDates(m *Meta, pm *htmlMeta, blocks []Block) {
	persian := htmlPersian(m, pm, blocks)
	var cands []string
	cands = append(cands, pm.ld.published)
	for _, k := range []string{"article:published_time", "datepublished", "og:published_time", "published_time",
		"pubdate", "publishdate", "publish-date", "dc.date.issued", "dc.date", "date", "sailthru.date", "parsely-pub-date", "nastooh:publishdate"} {
		cands = append(cands, pm.meta[k])
	}
	cands = append(cands, pm.times...)
	best, bestRank := time.Time{}, 0
	var bestJalali *JalaliDateTime
	// A date read from a labelled line of the text («تاریخ انتشار: ...»).
	preset := !m.Published.IsZero()
	if preset {
		best, bestRank = m.Published, 3
	}
	for _, c := range cands {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		t, rank := htmlParseTime(c, persian)
		if rank > bestRank {
			best, bestRank, bestJalali = t, rank, nil
		}
		if rank == 0 {
			// A Jalali date in a meta tag («۱۳۹۹/۰۲/۲۱ - ۱۸:۵۹»).
			if dt, ok := htmlParseJalali(c); ok {
				r := 2
				if dt.HasTime {
					r = 3
				}
				if r > bestRank {
					best, bestRank, bestJalali = dt.Time(), r, &dt
				}
			}
		}
		if bestRank == 4 {
			break
		}
	}
	if bestRank < 3 && persian {
		// A date printed on the page: the first with a time, else the
		// first, skipping «امروز» (today's date in the page's header).
		var first *JalaliDateTime
		for _, s := range pm.dateText {
			if strings.Contains(FoldString(s), FoldString("امروز")) {
				continue
			}
			if dt, ok := htmlFindJalali(s); ok {
				if dt.HasTime && (bestRank < 2 || dt.Date == JalaliOf(best.In(TehranZone(dt.Date)))) {
					first = &dt
					break
				}
				if first == nil {
					first = &dt
				}
			}
		}
		if first != nil && (bestRank == 0 || first.HasTime) {
			best, bestRank, bestJalali = first.Time(), 3, first
		}
	}
	if bestRank == 0 {
		return
	}
	if persian {
		if preset && bestJalali == nil && best.Equal(m.Published) {
			m.Published = best
			return
		}
		if bestJalali == nil {
			tt := best.In(TehranZone(JalaliOf(best.In(irst))))
			j := JalaliOf(tt)
			tt = best.In(TehranZone(j))
			j = JalaliOf(tt)
			dt := JalaliDateTime{Date: j, Hour: tt.Hour(), Minute: tt.Minute(), HasTime: bestRank != 2}
			bestJalali = &dt
			best = tt
		}
		m.DateJalali = FormatJalali(*bestJalali)
	}
	m.Published = best
}

// htmlParseTime reads an ISO 8601 / RFC 3339 date as pages write them.
// The rank says how good it is: 4 an instant with its zone, 3 a time
// without a zone (read in Tehran time on a Persian page, else UTC), 2 a
// date alone, 0 not understood.
func htmlParseTime(s string, persian bool) (time.Time, int) {
	s = htmlASCIIDigits(s)
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, " T ", "T")), " ")
	zoned := []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05 -0700", "2006-01-02T15:04:05 -0700", "2006-01-02 15:04:05 Z0700", time.RFC1123Z, time.RFC1123}
	for _, l := range zoned {
		if t, err := time.Parse(l, s); err == nil && t.Year() > 1900 {
			return t, 4
		}
	}
	loc := time.UTC
	if persian {
		loc = irst
	}
	for _, l := range []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(l, s, loc); err == nil && t.Year() > 1900 {
			if persian {
				t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, TehranZone(JalaliOf(t)))
			}
			return t, 3
		}
	}
	if t, err := time.ParseInLocation("2006-01-02", s, loc); err == nil && t.Year() > 1900 {
		return t, 2
	}
	return time.Time{}, 0
}

// htmlParseJalali reads a Jalali date as ParseJalali does, after dropping
// the seconds and a 12-hour marker of the time («۱۲:۰۹:۰۸ ب.ظ»).
func htmlParseJalali(s string) (JalaliDateTime, bool) {
	f := strings.Join(strings.Fields(FoldString(s)), " ")
	pm := false
	for _, suf := range []string{"ب.ظ", "بعدازظهر", "ب ظ", "pm", "PM"} {
		if strings.HasSuffix(f, suf) {
			f, pm = strings.TrimSpace(strings.TrimSuffix(f, suf)), true
		}
	}
	for _, suf := range []string{"ق.ظ", "قبلازظهر", "ق ظ", "am", "AM"} {
		f = strings.TrimSpace(strings.TrimSuffix(f, suf))
	}
	words := strings.Fields(f)
	if n := len(words); n > 0 && strings.Count(words[n-1], ":") == 2 {
		words[n-1] = words[n-1][:strings.LastIndexByte(words[n-1], ':')]
	}
	dt, err := ParseJalali(strings.Join(words, " "))
	if err != nil {
		return dt, false
	}
	if pm && dt.HasTime && dt.Hour < 12 {
		dt.Hour += 12
	}
	return dt, true
}

// htmlFindJalali finds a Jalali date inside a longer text: a day, a month
// name and a year, with the weekday before them and a time after them
// when printed.
func htmlFindJalali(s string) (JalaliDateTime, bool) {
	f := FoldString(s)
	for _, sep := range []string{"،", ",", "|", "-", "–", "/ "} {
		f = strings.ReplaceAll(f, sep, " "+sep+" ")
	}
	words := strings.Fields(f)
	months := map[string]bool{}
	for _, m := range JalaliMonths {
		months[FoldString(m)] = true
	}
	for i := 1; i+1 < len(words); i++ {
		if !months[words[i]] {
			continue
		}
		if _, ok := atoi(words[i-1]); !ok {
			continue
		}
		if y, ok := atoi(words[i+1]); !ok || y < 1300 || y > 1500 {
			continue
		}
		start := i - 1
		if start >= 2 && words[start-1] == "شنبه" && words[start-2] == "سه" {
			start -= 2
		} else if start >= 1 {
			for _, wd := range PersianWeekdays {
				if FoldString(wd) == words[start-1] {
					start--
					break
				}
			}
		}
		end := i + 2
		// A time after a separator or «ساعت».
		j := end
		for j < len(words) && (words[j] == "-" || words[j] == "،" || words[j] == "," || words[j] == "|" || words[j] == "/" || words[j] == "ساعت") {
			j++
		}
		cand := strings.Join(words[start:end], " ")
		if j < len(words) && strings.Contains(words[j], ":") {
			withTime := cand + " - " + strings.Join(words[j:min(j+2, len(words))], " ")
			if dt, ok := htmlParseJalali(withTime); ok {
				return dt, true
			}
			if dt, ok := htmlParseJalali(cand + " - " + words[j]); ok {
				return dt, true
			}
		}
		if dt, ok := htmlParseJalali(cand); ok {
			return dt, true
		}
	}
	return JalaliDateTime{}, false
}

// htmlASCIIDigits writes Persian and Arabic-Indic digits as ASCII digits.
func htmlASCIIDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '۰' && r <= '۹':
			return '0' + r - '۰'
		case r >= '٠' && r <= '٩':
			return '0' + r - '٠'
		}
		return r
	}, s)
}
