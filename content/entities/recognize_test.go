package entities

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// show lists entities as "KIND:text" in order, the form the tables below
// are written in.
func show(es []Entity) []string {
	out := make([]string, 0, len(es))
	for _, e := range es {
		out = append(out, e.Kind.String()+":"+e.Text)
	}
	return out
}

type rcase struct {
	name, in string
	want     []string // "KIND:text", in order of Start
}

func runCases(t *testing.T, cases []rcase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := show(Recognize(c.in))
			if !slices.Equal(got, c.want) {
				t.Errorf("Recognize(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

func TestCanonicalAndRelations(t *testing.T) {
	es := Recognize("ولادیمیر پوتین گفت پوتین و کیم در پیونگیانگ، پایتخت کره شمالی، دیدار کردند.")
	byText := map[string]Entity{}
	for _, e := range es {
		byText[e.Text] = e
	}
	full, short := byText["ولادیمیر پوتین"], byText["پوتین"]
	if full.Kind != PER || short.Kind != PER || full.Canonical != short.Canonical || full.Canonical != "ولادیمیر پوتین" {
		t.Errorf("پوتین and ولادیمیر پوتین: %+v, %+v; want PER with one canonical", full, short)
	}
	if k := byText["کیم"]; k.Kind != PER || k.Canonical != "کیم جونگ اون" {
		t.Errorf("کیم: %+v", k)
	}
	cap, country := byText["پیونگیانگ"], byText["کره شمالی"]
	if cap.Kind != LOC || cap.Of != country.Canonical || cap.Role != "پایتخت" || country.Kind != LOC || country.Role != "کشور" {
		t.Errorf("پیونگیانگ %+v should be the capital (Of) of کره شمالی %+v", cap, country)
	}
	// Variants with a space, a ZWNJ, or joined are one entity.
	for _, s := range []string{"پیونگ یانگ", "پیونگ‌یانگ", "پیونگیانگ"} {
		t.Run(s, func(t *testing.T) {
			es := Recognize(s)
			if len(es) != 1 || es[0].Canonical != "پیونگیانگ" || es[0].Text != s {
				t.Errorf("Recognize(%q) = %+v", s, es)
			}
		})
	}
}

// TestWordBoundariesAsWritten: a gazetteer spelling matches only where the
// text has the word boundaries the spelling has. Rumi's Masnavi gave four
// false names across a space («ما درید» Madrid, «پر و» Peru, «رو تو» Ruto,
// «باكی و» Baku, the last through the ezafe rule); the names written as
// they are written stay found.
func TestWordBoundariesAsWritten(t *testing.T) {
	runCases(t, []rcase{
		// Masnavi, book 1, verse 11.
		{"Masnavi: ما درید", "نی حریف هر که از یاری برید / پرده‌هایش پرده‌های ما درید", nil},
		{"Masnavi: پر و", "مرغ بی پر و بال", nil},
		{"Masnavi: رو تو", "رو تو زنگی باش", nil},
		{"Masnavi: باكی و (Arabic kaf)", "هیچ باكی و غمی نیست", nil},
		{"Madrid", "دیدار در مادرید", []string{"LOC:مادرید"}},
		{"Peru", "سفر به پرو و شیلی", []string{"LOC:پرو", "LOC:شیلی"}},
		{"Ruto", "روتو گفت که", []string{"PER:روتو"}},
		{"Baku", "نشست باکو و ایروان", []string{"LOC:باکو", "LOC:ایروان"}},
		{"two words with a space", "سفر به کره شمالی", []string{"LOC:کره شمالی"}},
		{"two words with a ZWNJ", "سفر به کره‌شمالی", []string{"LOC:کره‌شمالی"}},
		{"two words glued (a lost ZWNJ)", "سفر به کرهشمالی", []string{"LOC:کرهشمالی"}},
		{"two words, the ezafe on the first", "سفر به کره‌ی شمالی", []string{"LOC:کره‌ی شمالی"}},
		{"ZWNJs of an acronym, glued", "به گزارش سیانان", []string{"ORG:سیانان"}},
		{"one-word spelling never across a hyphen", "ما-درید", nil},
	})
}

func TestBoundariesSuffixesDemonyms(t *testing.T) {
	runCases(t, []rcase{
		{"no substring match", "مذاکره با کرهای‌ها و مذاکرات", nil},
		{"کره alone is not a country", "کره و پنیر", nil},
		{"plural suffix with ZWNJ", "پوتین‌ها و ترامپ‌ها", []string{"PER:پوتین\u200c", "PER:ترامپ\u200c"}},
		{"suffix without ZWNJ", "ترامپها آمدند", []string{"PER:ترامپ"}},
		{"indefinite ی on a person", "پوتینی دیگر", []string{"PER:پوتین"}},
		{"demonym ی after a consonant", "شرکت روسی و کالای ایرانی و غذای چینی", nil},
		{"demonym یی after a vowel", "سرباز آمریکایی", nil},
		{"demonym ای after ه", "دیپلمات کره‌ای و شرکت ترکیه‌ای", nil},
		{"ezafe ی after ا keeps the place", "آسیای میانه و اروپای شرقی", []string{"LOC:آسیای میانه", "LOC:اروپا"}},
		{"ezafe ی after ه", "غزه‌ی ویران و آمریکای بزرگ", []string{"LOC:غزه\u200c", "LOC:آمریکا"}},
		{"ان after a ZWNJ", "پوتین‌ان و ترامپ‌ان", []string{"PER:پوتین\u200c", "PER:ترامپ\u200c"}},
		{"ان joined to a person", "ترامپان و پوتینان", []string{"PER:ترامپ", "PER:پوتین"}},
		{"joined ان: a word on the exception list", "مودیان مالیاتی در سیسیان", nil},
		{"joined ان: a place never", "رمان و عمانان و کویتان", nil},
		{"joined ان: a place keeps its own name", "تهران و ایران و آلمان", []string{"LOC:تهران", "LOC:ایران", "LOC:آلمان"}},
		{"joined ان: an organisation never", "ناتوان و حماسان", nil},
		{"joined ان: too short", "کیمان و ونسان", nil},
		{"joined ان: after a letter that does not join", "مادوروان و مرتسان", []string{"PER:مرتس"}},
		{"joined ان: not after an ambiguous spelling", "رهبر متقیان", nil},
		{"diacritics", "ایوانِ نِچایِف و پوتینْ", []string{"PER:ایوانِ نِچایِف", "PER:پوتینْ"}},
		{"Arabic letters", "كره شمالي و پوتين", []string{"LOC:كره شمالي", "PER:پوتين"}},
		{"tatweel", "مســکو", []string{"LOC:مســکو"}},
		{"longest name wins", "سودان جنوبی و سودان", []string{"LOC:سودان جنوبی", "LOC:سودان"}},
		{"ezafe ی inside a name", "کره‌ی شمالی و کره‌ی جنوبی", []string{"LOC:کره‌ی شمالی", "LOC:کره‌ی جنوبی"}},
		{"ezafe ی that is not", "کرهی شمالی", []string{"LOC:کرهی شمالی"}},
		{"a ی word is not an ezafe of a name", "کره‌ی بزرگ", nil},
		{"punctuation stops a name", "کره، شمالی", nil},
		{"Latin text is ignored", "Putin met Kim in Moscow", nil},
	})
}

func TestAmbiguousNamesNeedCues(t *testing.T) {
	runCases(t, []rcase{
		{"مالی is financial", "کمک مالی", nil},
		{"کشور مالی", "کشور مالی", []string{"LOC:مالی"}},
		{"دوشنبه the weekday", "روز دوشنبه", []string{"DATE:روز دوشنبه"}},
		{"شهر دوشنبه", "در شهر دوشنبه", []string{"LOC:دوشنبه"}},
		{"کابل cable", "کابل برق", nil},
		{"مهر month vs news agency", "خبرگزاری مهر", []string{"ORG:خبرگزاری مهر"}},
	})
}

func TestDates(t *testing.T) {
	runCases(t, []rcase{
		{"full Jalali date and time", "دوشنبه ۲۴ مرداد ۱۴۰۱ - ۰۹:۱۴", []string{"DATE:دوشنبه ۲۴ مرداد ۱۴۰۱ - ۰۹:۱۴"}},
		{"weekday, comma, date", "سه‌شنبه، ۱۲ آبان", []string{"DATE:سه‌شنبه، ۱۲ آبان"}},
		{"weekday joined", "پنجشنبه", []string{"DATE:پنجشنبه"}},
		{"«اول» as the day of a month", "از اول شهریورماه", []string{"DATE:اول شهریورماه"}},
		{"«اول» alone is no date", "نفر اول مسابقه", nil},
		{"weekday with ZWNJ", "پنج‌شنبه", []string{"DATE:پنج‌شنبه"}},
		{"weekday with a space", "پنج شنبه", []string{"DATE:پنج شنبه"}},
		{"part of day + weekday", "بامداد دوشنبه", []string{"DATE:بامداد دوشنبه"}},
		{"روز + weekday", "روز پنجشنبه", []string{"DATE:روز پنجشنبه"}},
		{"روز alone is not a date", "روز خوبی بود", nil},
		{"time", "ساعت ۰۹:۱۴ صبح", []string{"DATE:ساعت ۰۹:۱۴"}},
		{"clock alone", "در ۲۳:۰۵ رسید", []string{"DATE:۲۳:۰۵"}},
		{"not a clock", "نسبت ۳:۷۵۰", []string{}},
		{"Gregorian", "۱۵ اوت ۲۰۲۵ میلادی", []string{"DATE:۱۵ اوت ۲۰۲۵ میلادی"}},
		{"Gregorian month and year", "در ژوئیه ۲۰۲۵", []string{"DATE:ژوئیه ۲۰۲۵"}},
		{"Hijri", "۱۴ رمضان ۱۴۴۶ قمری", []string{"DATE:۱۴ رمضان ۱۴۴۶ قمری"}},
		{"Hijri two words", "۱۲ ربیع الاول", []string{"DATE:۱۲ ربیع الاول"}},
		{"مهر alone is kindness", "با مهر و محبت", nil},
		{"مهر with a day", "۱۵ مهر", []string{"DATE:۱۵ مهر"}},
		{"مهر with ماه", "ماه مهر", []string{"DATE:ماه مهر"}},
		{"مهر with a year", "مهر ۱۴۰۲", []string{"DATE:مهر ۱۴۰۲"}},
		{"تیر is an arrow", "تیر و کمان", nil},
		{"دی alone", "دی رفت", nil},
		{"دی with a day", "۳۰ دی ۱۴۰۲", []string{"DATE:۳۰ دی ۱۴۰۲"}},
		{"glued ماه", "مهرماه", []string{"DATE:مهرماه"}},
		{"month and ماه apart", "در آبان ماه", []string{"DATE:آبان ماه"}},
		{"month and ماه with ZWNJ", "در آبان‌ماه", []string{"DATE:آبان‌ماه"}},
		{"ambiguous month and ماه apart", "در دی ماه", []string{"DATE:دی ماه"}},
		{"month, ماه, year", "آبان ماه ۱۴۰۴", []string{"DATE:آبان ماه ۱۴۰۴"}},
		{"day, month, ماه, year", "۱۲ آبان ماه ۱۴۰۴", []string{"DATE:۱۲ آبان ماه ۱۴۰۴"}},
		{"month, ماه, direction", "مهر ماه گذشته", []string{"DATE:مهر ماه گذشته"}},
		{"glued month, direction", "مهرماه آینده", []string{"DATE:مهرماه آینده"}},
		{"Gregorian month and ماه", "اکتبر ماه", []string{"DATE:اکتبر ماه"}},
		{"unambiguous month alone stays a date", "آبان", []string{"DATE:آبان"}},
		{"ambiguous month alone stays none", "تیر", nil},
		{"a direction needs ماه", "آبان گذشته", []string{"DATE:آبان"}},
		{"ماه of another phrase", "دی ماهی خرید", nil},
		{"unambiguous month alone", "در اردیبهشت", []string{"DATE:اردیبهشت"}},
		{"رجب the name", "رجب طیب اردوغان", []string{"PER:رجب طیب اردوغان"}},
		{"year", "سال ۲۰۳۰", []string{"DATE:سال ۲۰۳۰"}},
		{"numeric date", "در ۱۴۰۱/۰۵/۲۴ منتشر شد", []string{"DATE:۱۴۰۱/۰۵/۲۴"}},
		{"relative: سال گذشته", "سال گذشته", []string{"DATE:سال گذشته"}},
		{"relative: سه سال قبل", "سه سال قبل بود", []string{"DATE:سه سال قبل"}},
		{"relative: plural unit", "طی روزهای گذشته", []string{"DATE:روزهای گذشته"}},
		{"relative: digits", "۳ روز پیش", []string{"DATE:۳ روز پیش"}},
		{"relative: vague", "چند هفته بعد", []string{"DATE:چند هفته بعد"}},
		{"relative: word", "امروز و دیروز", []string{"DATE:امروز", "DATE:دیروز"}},
		{"relative: صبح امروز", "صبح امروز", []string{"DATE:صبح امروز"}},
		{"a duration is a number", "سه سال طول کشید", []string{"NUM:سه"}},
	})
}

func TestNumbers(t *testing.T) {
	runCases(t, []rcase{
		{"digits", "۳۵۰ شرکت", []string{"NUM:۳۵۰"}},
		{"separators", "۱٬۲۵۰ و 3.5 و ۲٫۵", []string{"NUM:۱٬۲۵۰", "NUM:3.5", "NUM:۲٫۵"}},
		{"digits and scale", "۲۰ میلیارد دلار", []string{"NUM:۲۰ میلیارد"}},
		{"compound with scale", "یکصد هزار جنگجو", []string{"NUM:یکصد هزار"}},
		{"compound with و", "دو میلیون و پانصد هزار", []string{"NUM:دو میلیون و پانصد هزار"}},
		{"ordinal compound", "هفتاد و سومین سالگرد", []string{"NUM:هفتاد و سومین"}},
		{"ordinal", "دومین دیدار و بیستم", []string{"NUM:دومین", "NUM:بیستم"}},
		{"سی‌ام", "سی‌امین", []string{"NUM:سی‌امین"}},
		{"indefinite یک", "یک شرکت و یکی از آنها", nil},
		{"نه is no", "نه این و نه آن", nil},
		{"یک in a compound", "بیست و یک", []string{"NUM:بیست و یک"}},
		{"not inside a word", "دوجانبه و سهام و صدام", nil},
		{"هر دو: both", "هر دو کشور", nil},
		{"هر سه: all three", "هر سه نفر", nil},
		{"every 5 years: digits after هر", "هر ۵ سال", []string{"NUM:۵"}},
		{"bare 4-digit year", "۱۴۰۱", []string{"NUM:۱۴۰۱"}},
		{"digits and two scales", "۲۸۰۰ هزار میلیارد تومان", []string{"NUM:۲۸۰۰ هزار میلیارد"}},
		{"digits, scale, currency", "۳ میلیون دلار", []string{"NUM:۳ میلیون"}},
		{"words and two scales", "هزار میلیارد تومان", []string{"NUM:هزار میلیارد"}},
		{"a scale after a comma is another number", "۲۸۰۰، هزار", []string{"NUM:۲۸۰۰", "NUM:هزار"}},
	})
	// Values.
	for in, want := range map[string]string{
		"یکصد هزار":              "100000",
		"هفتاد و سومین":          "73",
		"دو میلیون و پانصد هزار": "2500000",
		"۱٬۲۵۰":                  "1250",
		"۲۰ میلیارد":             "20000000000",
		"۳٫۵ میلیون":             "3500000",
		"سیصد و شصت و پنج":       "365",
		"۲۸۰۰ هزار میلیارد":      "2800000000000000",
		"هزار میلیارد":           "1000000000000",
		"۱٫۵ هزار میلیارد":       "1500000000000",
		"دو هزار میلیارد":        "2000000000000",
		"یک میلیون و پانصد هزار": "1500000",
	} {
		t.Run("value "+in, func(t *testing.T) {
			es := Recognize(in)
			if len(es) != 1 || es[0].Kind != NUM || es[0].Canonical != want {
				t.Errorf("Recognize(%q) = %+v, want NUM %s", in, es, want)
			}
		})
	}
}

func TestQuotes(t *testing.T) {
	runCases(t, []rcase{
		{"after گفت:", "پوتین گفت: «روسیه آماده است».", []string{"PER:پوتین", "QUOTE:«روسیه آماده است»", "LOC:روسیه"}},
		{"clause without a colon", "او «همکاری دو کشور ادامه خواهد یافت» را تکرار کرد", []string{"QUOTE:«همکاری دو کشور ادامه خواهد یافت»", "NUM:دو"}},
		{"short name takes its kind", "خبرگزاری «رویترز»", []string{"ORG:رویترز"}},
		{"quoted person", "«ولادیمیر پوتین» رئیس جمهور روسیه", []string{"PER:ولادیمیر پوتین", "LOC:روسیه"}},
		{"unknown name before a title", "«ماریو روسی» وزیر خارجه ایتالیا", []string{"PER:ماریو روسی", "LOC:ایتالیا"}},
		{"unknown name after a title", "سخنگوی وزارت خارجه «جان اسمیت»", []string{"ORG:وزارت خارجه", "PER:جان اسمیت"}},
		{"unknown name after a title and a country", "وزیر خارجه کانادا «جین دو»", []string{"LOC:کانادا", "PER:جین دو"}},
		{"scare quote", "را «منبع کلیدی» خواند", nil},
		{"named day", "به مناسبت «روز آزادی» کره شمالی", []string{"DATE:روز آزادی", "LOC:کره شمالی"}},
		{"quoted unknown after an org cue", "روزنامه «حریت»", []string{"ORG:حریت"}},
		{"unclosed", "او گفت: «ادامه", nil},
		{"stray opening", "« « پوتین »", []string{"PER:پوتین"}},
	})
	es := Recognize("پوتین در این نامه گفت: «روسیه و کره شمالی روابط را گسترش خواهند داد».")
	for _, e := range es {
		if e.Kind == QUOTE && (e.Of != "ولادیمیر پوتین" || e.Canonical != "روسیه و کره شمالی روابط را گسترش خواهند داد") {
			t.Errorf("QUOTE %+v: want speaker ولادیمیر پوتین and the words inside as canonical", e)
		}
	}
}

func TestTitlesAreNotEntities(t *testing.T) {
	runCases(t, []rcase{
		{"titles", "رئیس جمهور و وزیر خارجه و معاون سخنگوی و رهبر", nil},
		{"title + country", "رئیس جمهور روسیه", []string{"LOC:روسیه"}},
		{"org rule", "وزارت امور خارجه ترکیه", []string{"ORG:وزارت امور خارجه ترکیه"}},
		{"org rule stops at function words", "وزارت و روسیه", []string{"LOC:روسیه"}},
	})
	es := Recognize("سخنگوی وزارت خارجه روسیه")
	if len(es) != 1 || es[0].Canonical != "وزارت خارجه روسیه" || es[0].Of != "روسیه" {
		t.Errorf("ministry: %+v", es)
	}
}

// TestInvariants checks the shape of the result on the article and on
// texts made to stress it.
func TestInvariants(t *testing.T) {
	texts := append(readLines(t, "../article.txt"),
		"«پوتین» «", "»«", "گفت: «» «", "\x1b[31mپوتین\xff\xfe کره\u200cشمالی", "پوتین\u0301\u0301 کره")
	for i, s := range texts {
		t.Run(fmt.Sprint(i), func(t *testing.T) { checkInvariants(t, s, Recognize(s)) })
	}
}

func checkInvariants(t *testing.T, s string, es []Entity) {
	t.Helper()
	lastEnd := 0
	for k, e := range es {
		where := fmt.Sprintf("Recognize(%q)[%d] = %+v", s, k, e)
		if e.Start < 0 || e.End > len(s) || e.Start >= e.End {
			t.Fatalf("%s: span out of bounds", where)
		}
		if !isRuneStart(s, e.Start) || !isRuneStart(s, e.End) {
			t.Fatalf("%s: span not on rune boundaries", where)
		}
		if e.Text != s[e.Start:e.End] {
			t.Fatalf("%s: Text is not text[Start:End]", where)
		}
		if e.Kind < PER || e.Kind > QUOTE {
			t.Fatalf("%s: bad kind", where)
		}
		if k > 0 {
			p := es[k-1]
			if p.Start > e.Start || p.Start == e.Start && p.End < e.End {
				t.Fatalf("%s: not sorted after %+v", where, p)
			}
		}
		if e.Kind != QUOTE {
			if e.Start < lastEnd {
				t.Fatalf("%s: overlaps the entity before it", where)
			}
			lastEnd = e.End
		}
		for _, q := range es {
			if q.Kind == QUOTE && q != e && e.Start < q.End && q.Start < e.End && !(q.Start <= e.Start && e.End <= q.End) {
				t.Fatalf("%s: crosses the edge of %+v", where, q)
			}
		}
	}
}

// isRuneStart reports whether i is a boundary between the runes that
// range (utf8.DecodeRuneInString) reads from s; an invalid byte is a rune
// of its own.
func isRuneStart(s string, i int) bool {
	for k := 0; k <= len(s); {
		if k == i {
			return true
		}
		if k > i || k == len(s) {
			return false
		}
		_, n := utf8.DecodeRuneInString(s[k:])
		k += n
	}
	return false
}

func TestKindString(t *testing.T) {
	var got []string
	for _, k := range Kinds {
		got = append(got, k.String())
		t.Run(k.String(), func(t *testing.T) {
			if p, err := ParseKind(k.String()); err != nil || p != k {
				t.Errorf("ParseKind(%q) = %v, %v", k.String(), p, err)
			}
		})
	}
	if strings.Join(got, " ") != "PER LOC ORG DATE NUM QUOTE" {
		t.Errorf("kinds: %v", got)
	}
	if Kind(0).String() != "Kind(0)" {
		t.Errorf("zero kind: %v", Kind(0))
	}
	if _, err := Kind(0).MarshalText(); err == nil {
		t.Errorf("zero kind marshalled")
	}
}

func TestAmbiguousPersonNeedsTitle(t *testing.T) {
	runCases(t, []rcase{
		{"ظریف the adjective", "کاری ظریف و دقیق", nil},
		{"ظریف after a title", "وزیر خارجه پیشین ظریف", []string{"PER:ظریف"}},
		{"full name needs no cue", "محمدجواد ظریف گفت", []string{"PER:محمدجواد ظریف"}},
	})
}

// TestJoinedAnWholeWordName checks the last condition of anOK: a word that
// is a gazetteer name of its own (here one that needs a cue and has none)
// is not read as a shorter name with ان.
func TestJoinedAnWholeWordName(t *testing.T) {
	r := Empty()
	if w := r.Load(strings.NewReader("PER\tکاشی\nLOC\t?کاشیان\n"), "x"); len(w) > 0 {
		t.Fatal(w)
	}
	for in, want := range map[string][]string{
		"کاشیان":        nil,
		"شهر کاشیان":    {"LOC:کاشیان"},
		"کاشی‌ان":       {"PER:کاشی\u200c"},
		"دو کاشی آمدند": {"NUM:دو", "PER:کاشی"},
	} {
		t.Run(in, func(t *testing.T) {
			if got := show(r.Recognize(in)); !slices.Equal(got, want) {
				t.Errorf("Recognize(%q) = %q, want %q", in, got, want)
			}
		})
	}
}
