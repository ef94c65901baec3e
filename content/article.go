package content

import (
	_ "embed"
	"errors"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// articleText is the scraped news page embedded in rtlview, byte-identical
// to the page text as it was scraped (the tests pin its SHA-256).
//
//go:embed article.txt
var articleText []byte

// article returns the embedded page's bytes (shared: do not modify).
func article() []byte { return articleText }

// ArticleBytes returns a copy of the embedded page as scraped.
func ArticleBytes() []byte { return append([]byte(nil), articleText...) }

// Article returns the embedded article, parsed by ParseArticle and with
// its missing ZWNJs repaired (RepairZWNJ).
func Article() *Document { return ArticleWith(true) }

// ArticleWith returns the embedded article, with or without the ZWNJ
// repair (rtlview --repair=off).
func ArticleWith(repair bool) *Document {
	doc, err := ParseArticle(articleText)
	if err != nil {
		// The page is part of the binary; the tests parse it.
		panic("content: embedded article: " + err.Error())
	}
	doc.Name = "article"
	if repair {
		doc.RepairZWNJ()
	}
	return doc
}

// ErrNotArticle is returned by ParseArticle for text in which it finds no
// headline.
var ErrNotArticle = errors.New("no article found")

// ParseArticle reads the text of a scraped Persian news page, as a
// browser's "select all, copy" gives it, into a Document.
//
// Such a page is a sequence of lines: page chrome (font-size buttons
// «plus reset minus»), labelled metadata («تاریخ انتشار», «کد مطلب» or
// «کد خبر»), the headline, the lead, the headline repeated above the body
// on some layouts, the body paragraphs, an end marker («انتهای پیام»,
// often with a trailing «/» or «/*»), and then the footer: comment
// counters and the comment form («ارسال نظر», «نام شما», «آدرس ایمیل
// شما»). The parser classifies each line on its own, so the order of the
// metadata, and which pieces are present, do not matter:
//
//   - chrome: a line that is a single run of Latin letters (no space, no
//     digit), or a form label, or a line of digits alone;
//   - metadata: a line starting with a known label; the value may be glued
//     to the label, as in «تاریخ انتشاردوشنبه ۲۴ مرداد ۱۴۰۱ - ۰۹:۱۴»;
//   - the end marker: it and every line after it are dropped;
//   - the headline: the first other line; later lines equal to it (after
//     Fold) are dropped;
//   - the lead: the line after the headline, when the headline repeats
//     after it or when it does not open with a source credit «به گزارش»;
//   - everything else is body text, one Paragraph block per line, in order;
//   - the credit of a wire story after the last sentence of the body is
//     scrape residue and is dropped (see creditTail).
//
// Meta.Source is the source credit of the first paragraph that opens
// with «به گزارش X،»: the outlet under whose name the page publishes the
// story (here «ایصال نیوز»). Agencies quoted inside the text («رویترز»)
// are not the page's source; entity recognition finds them.
//
// Meta.DateJalali is the date as it reads in Persian, in one normal form
// «دوشنبه ۲۴ مرداد ۱۴۰۱، ۰۹:۱۴» (weekday added when not printed), and
// Meta.Published the same instant in Tehran time (see TehranZone). Block
// texts are defused like a plain file's (see Parse) and not repaired;
// call RepairZWNJ for that.
func ParseArticle(b []byte) (*Document, error) {
	return CleanArticle(Parse(string(b)))
}

// CleanArticle is ParseArticle for a page already read as plain text
// (Read, Open: one block per line), as for rtlview --article FILE. It
// returns a new Document with the same Name and Replaced count; lines is
// not modified. The error, ErrNotArticle, is wrapped in a *FileError
// naming the document when it has a name.
func CleanArticle(lines *Document) (*Document, error) {
	doc := &Document{Name: lines.Name, Replaced: lines.Replaced}
	var body []Block
	var titleBlk Block
	title, titleKey := "", ""
	for _, blk := range lines.Blocks {
		line := strings.TrimFunc(blk.Text, isBlank)
		if line == "" {
			continue
		}
		key := FoldString(line)
		if isEndMarker(key) {
			break
		}
		if isChrome(line, key) || parseMeta(&doc.Meta, line) {
			continue
		}
		if title == "" {
			title, titleKey = line, key
			titleBlk = blk
			if line != blk.Text {
				titleBlk = trimBlock(blk)
			}
			titleBlk.Kind, titleBlk.Level = Heading, 1
			continue
		}
		if key == titleKey {
			// The repeated headline marks the end of the lead.
			if len(body) > 0 && body[0].Kind == Paragraph && len(body) == 1 {
				body[0].Kind = Lead
			}
			continue
		}
		// Keep the block (its control spans) but drop blanks around the line.
		blk.Kind = Paragraph
		if line != blk.Text {
			blk = trimBlock(blk)
		}
		body = append(body, blk)
	}
	if title == "" {
		if lines.Name != "" {
			return nil, &FileError{Name: displayName(lines.Name), Err: ErrNotArticle}
		}
		return nil, ErrNotArticle
	}
	doc.Meta.Title = title
	if len(body) > 0 && body[0].Kind == Paragraph && !strings.HasPrefix(FoldString(body[0].Text), creditPrefix) {
		body[0].Kind = Lead
	}
	for _, blk := range body {
		if doc.Meta.Source == "" {
			doc.Meta.Source = credit(blk.Text)
		}
	}
	if n := len(body); n > 0 {
		body[n-1] = dropCreditTail(body[n-1])
	}
	for i := range body {
		body[i].Break = true // paragraphs, a blank line apart
	}
	doc.Blocks = append([]Block{titleBlk}, body...)
	return doc, nil
}

// creditTail returns where the text of an article's last paragraph ends
// when a credit trails it: len(text) when none does.
//
// A page that runs a story from another outlet ends its last paragraph
// with that outlet's name, after the last sentence and outside it: the
// embedded page ends «... را ساختگی و جعلی خواند. العا لم», the credit
// of the channel «العالم», and the scrape has split it with a space. It
// is residue of the page's layout, not a sentence of the article. The
// rule: after the last sentence-ending mark (. ! ? ؟ …, with any closing
// quote or bracket) and a space, at most three words (40 characters) of
// Arabic-script letters alone (no digit, no punctuation, no control
// placeholder), preceded by a sentence. A last paragraph that ends with a
// mark, or whose tail holds anything else («... گفت: سه شنبه ۱۲ مهر»),
// is kept whole; Latin letters are never taken («... in the U.S. Army»).
func creditTail(text string) int {
	i := strings.LastIndexAny(text, ".!?؟…")
	if i < 0 || strings.TrimFunc(text[:i], isBlank) == "" {
		return len(text)
	}
	_, size := utf8.DecodeRuneInString(text[i:])
	end := i + size
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if !strings.ContainsRune("»)]\"”’'", r) {
			break
		}
		end += size
	}
	tail := text[end:]
	words := strings.Fields(tail)
	if len(words) == 0 || len(words) > 3 || utf8.RuneCountInString(tail) > 40 {
		return len(text)
	}
	if r, _ := utf8.DecodeRuneInString(tail); !isBlank(r) {
		return len(text) // «۲.۵ درصد»: not after a sentence
	}
	for _, r := range tail {
		if !(isBlank(r) || r == '\u200c' || unicode.Is(unicode.Arabic, r) && (unicode.IsLetter(r) || unicode.IsMark(r))) {
			return len(text)
		}
	}
	return end
}

// dropCreditTail returns b without the credit that trails its text
// (creditTail), its ranges cut to the shorter text.
func dropCreditTail(b Block) Block {
	end := creditTail(b.Text)
	if end == len(b.Text) {
		return b
	}
	// The block shares its spans and attributes with the lines it was
	// read from, which are not modified: copies are cut.
	b.Text = b.Text[:end]
	b.Spans = slices.Clone(b.Spans)
	if b.Attrs != nil {
		a := *b.Attrs // a line's verse halves (a text line has no table)
		b.Attrs = &a
	}
	b.MapOffsets(func(off int) int { return min(off, end) })
	b.Spans = slices.DeleteFunc(b.Spans, func(s Span) bool { return s.Start >= s.End })
	return b
}

// isBlank: white space at the ends of a scraped line, NBSP included.
func isBlank(r rune) bool { return unicode.IsSpace(r) || r == '\u200f' || r == '\u200e' }

// trimBlock trims blanks from both ends of b.Text, moving its spans
// with it.
func trimBlock(b Block) Block {
	t := strings.TrimLeftFunc(b.Text, isBlank)
	cut := len(b.Text) - len(t)
	b.Text = strings.TrimRightFunc(t, isBlank)
	var spans []Span
	for _, s := range b.Spans {
		if s.Start-cut >= 0 && s.End-cut <= len(b.Text) {
			s.Start, s.End = s.Start-cut, s.End-cut
			spans = append(spans, s)
		}
	}
	b.Spans = spans
	return b
}

// Labels, compared after Fold (so ي/ی, ك/ک and ZWNJ do not matter).
var (
	dateLabels = foldAll("تاریخ انتشار", "زمان انتشار", "تاریخ خبر", "تاریخ")
	codeLabels = foldAll("کد مطلب", "کد خبر", "شناسه خبر", "شناسه مطلب", "کد")
	// Comment form and footer labels shown as lines of their own.
	formLabels = foldAll("ارسال نظر", "نام شما", "آدرس ایمیل شما", "ایمیل شما", "نظر شما",
		"نظرات", "ارسال", "انصراف", "پاسخ", "اشتراک گذاری", "چاپ", "تعداد بازدید")
	endMarker    = FoldString("انتهای پیام")
	creditPrefix = FoldString("به گزارش ")
)

func foldAll(s ...string) []string {
	for i := range s {
		s[i] = FoldString(s[i])
	}
	return s
}

func isEndMarker(key string) bool {
	// «انتهای پیام», «انتهای پیام/», «انتهای پیام/*», «/انتهای پیام»...
	return strings.Trim(key, "/*-. ") == endMarker
}

// isChrome: lines that are part of the page, not of the article.
func isChrome(line, key string) bool {
	// A single run of Latin letters in a Persian page: the labels of
	// icon buttons run together («plusresetminus», «print», «share»).
	latin := true
	for _, r := range line {
		if !(r < utf8.RuneSelf && unicode.IsLetter(r)) {
			latin = false
			break
		}
	}
	if latin {
		return true
	}
	// Digits alone: comment counters, ratings, page numbers («۱»).
	digits := true
	for _, r := range key {
		if !('0' <= r && r <= '9') {
			digits = false
			break
		}
	}
	if digits {
		return true
	}
	key = strings.Trim(key, ": *")
	for _, l := range formLabels {
		if key == l {
			return true
		}
	}
	return false
}

// parseMeta recognises a labelled metadata line and stores its value.
func parseMeta(m *Meta, line string) bool {
	key := FoldString(line)
	for _, l := range dateLabels {
		if !strings.HasPrefix(key, l) {
			continue
		}
		// The label may be glued to the value, or followed by ":".
		v := strings.TrimLeft(key[len(l):], " :")
		dt, err := ParseJalali(v)
		if err != nil {
			continue // «تاریخ» alone may start an ordinary sentence
		}
		if m.DateJalali == "" {
			m.DateJalali = FormatJalali(dt)
			m.Published = dt.Time()
		}
		return true
	}
	for _, l := range codeLabels {
		if !strings.HasPrefix(key, l) {
			continue
		}
		v := strings.TrimSpace(strings.TrimLeft(key[len(l):], " :"))
		if v == "" || strings.Trim(v, "0123456789") != "" {
			continue
		}
		if m.Code == "" {
			// As printed: the digits of the original line, not the folded ones.
			m.Code = lastField(line)
		}
		return true
	}
	return false
}

func lastField(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ':' })
	return f[len(f)-1]
}

// credit returns X of a paragraph that opens «به گزارش X،».
func credit(text string) string {
	if !strings.HasPrefix(text, "به گزارش ") {
		return ""
	}
	rest := text[len("به گزارش "):]
	end := strings.IndexAny(rest, "،,")
	if end < 0 || end > 60 {
		return ""
	}
	return strings.TrimSpace(rest[:end])
}

// FormatJalali writes dt the Persian way with Persian digits:
// «دوشنبه ۲۴ مرداد ۱۴۰۱، ۰۹:۱۴» (the weekday is the date's own).
func FormatJalali(dt JalaliDateTime) string {
	var b strings.Builder
	b.WriteString(PersianWeekdays[dt.Date.Weekday()])
	b.WriteString(" ")
	b.WriteString(PersianDigits(itoa(dt.Date.Day, 1)))
	b.WriteString(" ")
	b.WriteString(JalaliMonths[dt.Date.Month-1])
	b.WriteString(" ")
	b.WriteString(PersianDigits(itoa(dt.Date.Year, 1)))
	if dt.HasTime {
		b.WriteString("، ")
		b.WriteString(PersianDigits(itoa(dt.Hour, 2) + ":" + itoa(dt.Minute, 2)))
	}
	return b.String()
}

func itoa(n, width int) string {
	s := ""
	for n > 0 || len(s) < width {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}
