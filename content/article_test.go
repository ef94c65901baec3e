package content

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The scraped page, checked by hand with `sha256sum ../shared/article.txt`
// against content/article.txt: 3559 bytes.
const articleSHA256 = "3b364e63ab34d3a22a447b854eb2c028f3f7d7a241237f204f563ec6d60c5e3f"

func TestArticleEmbedded(t *testing.T) {
	sum := sha256.Sum256(ArticleBytes())
	if got := hex.EncodeToString(sum[:]); got != articleSHA256 || len(ArticleBytes()) != 3559 {
		t.Errorf("embedded article: sha256 %s, %d bytes; want %s, 3559", got, len(ArticleBytes()), articleSHA256)
	}
}

const articleTitle = "پوتین بر توسعه روابط روسیه و کره شمالی تأکید کرد"

func TestArticleMeta(t *testing.T) {
	m := Article().Meta
	if m.Title != articleTitle {
		t.Errorf("Title = %q", m.Title)
	}
	if m.DateJalali != "دوشنبه ۲۴ مرداد ۱۴۰۱، ۰۹:۱۴" {
		t.Errorf("DateJalali = %q", m.DateJalali)
	}
	want := time.Date(2022, time.August, 15, 9, 14, 0, 0, time.FixedZone("", 4*3600+1800))
	if !m.Published.Equal(want) || m.Published.Weekday() != time.Monday {
		t.Errorf("Published = %v (%s), want %v, a Monday", m.Published, m.Published.Weekday(), want)
	}
	if _, off := m.Published.Zone(); off != 4*3600+1800 {
		t.Errorf("Published zone offset %d, want +04:30", off)
	}
	if m.Code != "۲۵۹۷۰" {
		t.Errorf("Code = %q", m.Code)
	}
	if m.Source != "ایصال نیوز" {
		t.Errorf("Source = %q", m.Source)
	}
	if !Article().HasDate() {
		t.Error("HasDate false")
	}
}

func TestArticleBlocks(t *testing.T) {
	d := ArticleWith(false)
	if d.Name != "article" || d.Replaced != 0 {
		t.Errorf("Name %q Replaced %d", d.Name, d.Replaced)
	}
	// Each block, with the first words a reader sees, in order.
	want := []struct {
		kind  Kind
		start string
	}{
		{Heading, articleTitle},
		{Lead, "رئیس جمهور روسیه در نامهای به رهبر کره شمالی"},
		{Paragraph, "به گزارش ایصال نیوز،"},
		{Paragraph, "خبرگزاری دولتی کره شمالی (کِیسیاِناِی)"},
		{Paragraph, "به نوشته خبرگزاری «رویترز»"},
		{Paragraph, "پوتین در این نامه گفت:"},
		{Paragraph, "سه سال قبل بود"},
		{Paragraph, "بعد از این سفر"},
		{Paragraph, "وزارت خارجه کره شمالی نیز"},
		{Paragraph, "از سوی دیگر،"},
		{Paragraph, "با این حال، «ایوان نِچایف»"},
	}
	if len(d.Blocks) != len(want) {
		t.Fatalf("%d blocks, want %d: %q", len(d.Blocks), len(want), texts(d))
	}
	page := string(ArticleBytes())
	for i, w := range want {
		b := d.Blocks[i]
		if b.Kind != w.kind || !strings.HasPrefix(b.Text, w.start) {
			t.Errorf("block %d: kind %d %q, want kind %d starting %q", i, b.Kind, b.Text, w.kind, w.start)
		}
		// Unrepaired text is the page's text, not rewritten.
		if !strings.Contains(page, b.Text) || b.Text != strings.TrimSpace(b.Text) {
			t.Errorf("block %d is not a line of the page: %q", i, b.Text)
		}
	}
	// No boilerplate anywhere.
	for _, b := range d.Blocks {
		for _, junk := range []string{"plusresetminus", "انتهای پیام", "ارسال نظر", "نام شما", "آدرس ايميل شما",
			"تاریخ انتشار", "کد مطلب", "۲۵۹۷۰"} {
			if strings.Contains(b.Text, junk) {
				t.Errorf("boilerplate %q in %q", junk, b.Text)
			}
		}
		if strings.TrimSpace(b.Text) == "۱" || b.Text == "" {
			t.Errorf("junk block %q", b.Text)
		}
		if b.Kind != Heading && b.Text == articleTitle {
			t.Error("title repeated in the body")
		}
	}
}

// TestArticleVariant feeds a page of the same kind, rearranged: metadata
// after the title and in the other order, another date (with an Arabic kaf
// and yeh, CRLF line ends), no font-size chrome, no repeated title, a
// different footer.
func TestArticleVariant(t *testing.T) {
	page := strings.Join([]string{
		"كد خبر: ۱۲۳۴",
		"عنوان آزمایشی برای یک خبر دیگر",
		"",
		"تاریخ انتشار: چهارشنبه ۱ فروردین ۱۴۰۳ - ۱۰:۳۰",
		"این یک لید کوتاه است.",
		"به گزارش خبرگزاری فارس، پاراگراف اول.",
		"",
		"پاراگراف دوم.",
		"۴۲",
		"پاراگراف سوم.",
		"انتهای پیام/",
		"نظرات",
		"ارسال نظر",
		"۳",
	}, "\r\n")
	d, err := ParseArticle([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	m := d.Meta
	if m.Title != "عنوان آزمایشی برای یک خبر دیگر" || m.Code != "۱۲۳۴" || m.Source != "خبرگزاری فارس" {
		t.Errorf("meta %+v", m)
	}
	if m.DateJalali != "چهارشنبه ۱ فروردین ۱۴۰۳، ۱۰:۳۰" {
		t.Errorf("DateJalali %q", m.DateJalali)
	}
	// 1403 is after Iran dropped daylight saving time: +03:30.
	if want := time.Date(2024, time.March, 20, 7, 0, 0, 0, time.UTC); !m.Published.Equal(want) {
		t.Errorf("Published %v, want %v", m.Published, want.In(time.FixedZone("", 3*3600+1800)))
	}
	want := []string{"عنوان آزمایشی برای یک خبر دیگر", "این یک لید کوتاه است.", "به گزارش خبرگزاری فارس، پاراگراف اول.",
		"پاراگراف دوم.", "پاراگراف سوم."}
	if got := texts(d); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("blocks %q\nwant %q", got, want)
	}
	if d.Blocks[0].Kind != Heading || d.Blocks[1].Kind != Lead || d.Blocks[2].Kind != Paragraph {
		t.Errorf("kinds %d %d %d", d.Blocks[0].Kind, d.Blocks[1].Kind, d.Blocks[2].Kind)
	}

	// Without a lead: the credit paragraph follows the title directly.
	d, err = ParseArticle([]byte("عنوان\nبه گزارش ایرنا، متن.\nدوم."))
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(d); strings.Join(got, "|") != "عنوان|به گزارش ایرنا، متن.|دوم." || d.Blocks[1].Kind != Paragraph || d.Meta.Source != "ایرنا" {
		t.Errorf("no lead: %q kinds %d", got, d.Blocks[1].Kind)
	}
	if d.HasDate() || d.Meta.Code != "" {
		t.Errorf("no date expected: %+v", d.Meta)
	}

	// The repeated title ends the lead even when the lead opens with a
	// credit, and a date with a weekday that contradicts it is not
	// metadata (it stays in the text, where a reader can see it).
	d, _ = ParseArticle([]byte("عنوان\nبه گزارش ایرنا، لید.\nعنوان\nتاریخ انتشار: یکشنبه ۲۴ مرداد ۱۴۰۱\nمتن."))
	if got := texts(d); d.Blocks[1].Kind != Lead || len(got) != 4 || d.HasDate() {
		t.Errorf("repeated title: %q kinds %d, date %v", got, d.Blocks[1].Kind, d.Meta.Published)
	}

	for _, junk := range []string{"", "\n\n", "plusresetminus\n۱\nارسال نظر\n", "انتهای پیام\nعنوان"} {
		if _, err := ParseArticle([]byte(junk)); !errors.Is(err, ErrNotArticle) {
			t.Errorf("ParseArticle(%q): %v, want ErrNotArticle", junk, err)
		}
	}
}

// TestArticleDefused: the article parser defuses like Read.
func TestArticleDefused(t *testing.T) {
	d, err := ParseArticle([]byte("عنوان\x1b[2J\n  لید \x07 \n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Blocks[0].Text != "عنوان␛[2J" || d.Blocks[1].Text != "لید ␇" {
		t.Errorf("%q", texts(d))
	}
	if c := d.Blocks[1].Controls(); len(c) != 1 || d.Blocks[1].Text[c[0].Start:c[0].End] != "␇" {
		t.Errorf("controls after trimming: %v", c)
	}
	for _, b := range d.Blocks {
		checkSafe(t, b.Text)
	}
}

func TestFormatJalali(t *testing.T) {
	tests := []struct {
		dt   JalaliDateTime
		want string
	}{
		{JalaliDateTime{Date: Jalali{1403, 12, 30}}, "پنجشنبه ۳۰ اسفند ۱۴۰۳"},
		{JalaliDateTime{Date: Jalali{1401, 5, 24}, Hour: 0, Minute: 5, HasTime: true}, "دوشنبه ۲۴ مرداد ۱۴۰۱، ۰۰:۰۵"},
		{JalaliDateTime{Date: Jalali{1404, 1, 1}, Hour: 23, Minute: 59, HasTime: true}, "جمعه ۱ فروردین ۱۴۰۴، ۲۳:۵۹"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			if got := FormatJalali(tc.dt); got != tc.want {
				t.Errorf("FormatJalali(%+v) = %q, want %q", tc.dt, got, tc.want)
			}
		})
	}
}

// TestCleanArticle: rtlview --article FILE reads the file as plain text
// first, then cleans it.
func TestCleanArticle(t *testing.T) {
	lines, err := Read("page.txt", strings.NewReader(string(ArticleBytes())))
	if err != nil {
		t.Fatal(err)
	}
	d, err := CleanArticle(lines)
	if err != nil || d.Name != "page.txt" || d.Meta.Title != articleTitle || len(d.Blocks) != 11 {
		t.Fatalf("CleanArticle: %v %q %d blocks", err, d.Meta.Title, len(d.Blocks))
	}
	if len(lines.Blocks) != 31 || lines.Blocks[0].Text != "plusresetminus" {
		t.Errorf("CleanArticle modified its input")
	}
	notes, _ := Read("notes.txt", strings.NewReader("\n\n"))
	if _, err := CleanArticle(notes); err == nil || err.Error() != "notes.txt: no article found" || !errors.Is(err, ErrNotArticle) {
		t.Errorf("err = %v", err)
	}
}

// FuzzParseArticle: --article runs the page parser on whatever a user
// pipes in. It never panics; what it returns is a headline and lines of
// the input, defused, with control ranges that point at placeholders; a
// date it reports is a real instant whose weekday is the one it prints.
func FuzzParseArticle(f *testing.F) {
	f.Add(string(articleText))
	for _, s := range []string{
		"", "plusresetminus\n", "تیتر\nلید\nتیتر\nمتن\nانتهای پیام/*\nارسال نظر",
		"تاریخ انتشاردوشنبه ۲۴ مرداد ۱۴۰۱ - ۰۹:۱۴\nکد مطلب : ۲۵۹۷۰\n\x1b[2J تیتر\n",
		"تاریخ انتشار: ۳۰ اسفند ۱۴۰۳\n\u009b31m\r\n\xff\x00",
		"تاریخ انتشار: جمعه ۳۱ شهریور ۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹ ۹۹:۹۹\nتیتر",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		doc, err := ParseArticle([]byte(page))
		if err != nil {
			if !errors.Is(err, ErrNotArticle) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		lines := Parse(page)
		var input strings.Builder
		for _, b := range lines.Blocks {
			input.WriteString(b.Text)
			input.WriteByte('\n')
		}
		if len(doc.Blocks) == 0 || doc.Blocks[0].Kind != Heading || doc.Blocks[0].Text != doc.Meta.Title || doc.Meta.Title == "" {
			t.Fatalf("no title block: %+v", doc.Blocks)
		}
		for _, b := range doc.Blocks {
			checkSafe(t, b.Text)
			if !strings.Contains(input.String(), b.Text) {
				t.Fatalf("block %+q is not a line of the input", b.Text)
			}
			for _, c := range b.Controls() {
				if c.Start < 0 || c.End > len(b.Text) || c.Start >= c.End {
					t.Fatalf("bad control range %v in %+q", c, b.Text)
				}
				if r, _ := utf8.DecodeRuneInString(b.Text[c.Start:]); !(r >= 0x2400 && r <= 0x2421 || r == utf8.RuneError) {
					t.Fatalf("control range %v of %+q holds %+q", c, b.Text, b.Text[c.Start:c.End])
				}
			}
		}
		if doc.Meta.DateJalali != "" {
			checkSafe(t, doc.Meta.DateJalali)
			if doc.Meta.Published.IsZero() {
				t.Fatalf("date %q without an instant", doc.Meta.DateJalali)
			}
			wd := PersianWeekdays[doc.Meta.Published.Weekday()]
			if !strings.HasPrefix(doc.Meta.DateJalali, wd) {
				t.Fatalf("date %q is a %v", doc.Meta.DateJalali, doc.Meta.Published.Weekday())
			}
		}
	})
}

// A control character in the headline stays marked as a placeholder, as
// in any other line (rtlview --article shows it in reverse video).
func TestArticleTitleControls(t *testing.T) {
	doc, err := CleanArticle(Parse("  تیتر \x1b[2J خبر \nبه گزارش ایسنا، متن \x07.\n"))
	if err != nil {
		t.Fatal(err)
	}
	title := doc.Blocks[0]
	if title.Kind != Heading || title.Text != "تیتر \u241b[2J خبر" || len(title.Controls()) != 1 ||
		title.Text[title.Controls()[0].Start:title.Controls()[0].End] != "\u241b" {
		t.Errorf("title block %+q, controls %v", title.Text, title.Controls())
	}
	if body := doc.Blocks[1]; len(body.Controls()) != 1 || body.Text[body.Controls()[0].Start:body.Controls()[0].End] != "\u2407" {
		t.Errorf("body block %+q, controls %v", body.Text, body.Controls())
	}
}

// TestArticleCreditTail: the embedded page's last paragraph ends with the
// scrape's «العا لم» (the channel «العالم», split by a space) after its
// last sentence; the parser drops it, and only such a tail.
func TestArticleCreditTail(t *testing.T) {
	const lastSentence = "را ساختگی و جعلی خواند."
	for _, repair := range []bool{false, true} {
		d := ArticleWith(repair)
		last := d.Blocks[len(d.Blocks)-1].Text
		if !strings.HasSuffix(last, lastSentence) {
			t.Errorf("repair %v: last paragraph ends %q, want it to end %q", repair, last[max(0, len(last)-60):], lastSentence)
		}
		for _, b := range d.Blocks {
			if strings.Contains(FoldString(b.Text), FoldString("العا لم")) || strings.Contains(b.Text, "العا") {
				t.Errorf("repair %v: residue in %q", repair, b.Text)
			}
		}
	}
	// The page itself still has it (the file is not edited).
	if !strings.Contains(string(ArticleBytes()), "جعلی خواند. العا لم\u00a0\n") {
		t.Error("the embedded page no longer ends its last paragraph with «العا لم»")
	}

	page := func(last string) string {
		return "عنوان\nلید خبر.\nبه گزارش ایرنا، متن اول.\n" + last + "\nانتهای پیام/\n"
	}
	tests := []struct{ last, want string }{
		{"متن دوم را ساختگی خواند. العا لم", "متن دوم را ساختگی خواند."},
		{"متن دوم را ساختگی خواند. ایسنا", "متن دوم را ساختگی خواند."},
		{"«این ساختگی است.» تسنیم", "«این ساختگی است.»"},
		{"آیا درست است؟ خبرگزاری فارس", "آیا درست است؟"},
		{"متن دوم. ایرنا\u00a0", "متن دوم."},
		// Kept whole: no tail, or a tail that is not a bare name.
		{"متن دوم.", "متن دوم."},
		{"متن دوم بدون نقطه", "متن دوم بدون نقطه"},
		{"متن دوم. یک دو سه چهار", "متن دوم. یک دو سه چهار"},
		{"رشد اقتصادی ۲.۵ درصد", "رشد اقتصادی ۲.۵ درصد"},
		{"متن دوم. ساعت ۱۰", "متن دوم. ساعت ۱۰"},
		{"متن دوم. منبع: ایرنا", "متن دوم. منبع: ایرنا"},
		{"He served in the U.S. Army", "He served in the U.S. Army"},
		{". ایرنا", ". ایرنا"},
	}
	for _, tc := range tests {
		d, err := ParseArticle([]byte(page(tc.last)))
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Blocks[len(d.Blocks)-1].Text; got != tc.want {
			t.Errorf("last paragraph %q: got %q, want %q", tc.last, got, tc.want)
		}
	}
	// Only the last paragraph: a name after a sentence earlier is text.
	d, err := ParseArticle([]byte("عنوان\nلید.\nمتن اول. ایرنا\nمتن دوم.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(d); strings.Join(got, "|") != "عنوان|لید.|متن اول. ایرنا|متن دوم." {
		t.Errorf("a paragraph before the last was cut: %q", got)
	}

	// A control placeholder before the tail keeps its range; the input
	// lines are not modified.
	lines := Parse("عنوان\nلید.\nمتن \x07 دوم. ایسنا\n")
	d, err = CleanArticle(lines)
	if err != nil {
		t.Fatal(err)
	}
	last := d.Blocks[len(d.Blocks)-1]
	if c := last.Controls(); last.Text != "متن ␇ دوم." || len(c) != 1 || last.Text[c[0].Start:c[0].End] != "␇" {
		t.Errorf("last block %q, controls %v", last.Text, c)
	}
	if got := lines.Blocks[2].Text; got != "متن ␇ دوم. ایسنا" {
		t.Errorf("CleanArticle modified its input: %q", got)
	}
}
