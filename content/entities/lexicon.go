package entities

import (
	"strings"

	"rtlview/content"
)

// The word lists of the rules. They are written as a reader spells them and
// folded once at start-up, so they match folded text (no ZWNJ, Persian yeh
// and keheh, ASCII digits).

// set is a set of folded words.
type set map[string]bool

func newSet(words ...string) set {
	s := make(set, len(words))
	for _, w := range words {
		s[content.FoldString(w)] = true
	}
	return s
}

// phrases is a set of folded multi-word phrases, kept as word lists.
type phrases [][]string

func newPhrases(ps ...string) phrases {
	out := make(phrases, 0, len(ps))
	for _, p := range ps {
		out = append(out, strings.Fields(content.FoldString(p)))
	}
	return out
}

var (
	// Months: Jalali, Gregorian (Persian spellings of the French and
	// English names) and Hijri (lunar). The value is the calendar.
	months = func() map[string]string {
		m := map[string]string{}
		for _, w := range []string{"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"} {
			m[content.FoldString(w)] = "jalali"
		}
		for _, w := range []string{"ژانویه", "ژانویهٔ", "فوریه", "مارس", "آوریل", "مه", "می", "ژوئن", "ژوئیه", "ژوییه", "جولای", "اوت", "آگوست", "اگوست", "سپتامبر", "اکتبر", "نوامبر", "دسامبر", "جون", "ژوین"} {
			m[content.FoldString(w)] = "gregorian"
		}
		for _, w := range []string{"محرم", "صفر", "ربیع‌الاول", "ربیع‌الثانی", "ربیع‌الآخر", "جمادی‌الاول", "جمادی‌الاولی", "جمادی‌الثانی", "جمادی‌الآخر", "رجب", "شعبان", "رمضان", "شوال", "ذی‌القعده", "ذیقعده", "ذی‌الحجه", "ذیحجه"} {
			m[content.FoldString(w)] = "hijri"
		}
		return m
	}()
	// Two-word Hijri months written with a space: «ربیع الاول».
	monthPairs = newPhrases("ربیع الاول", "ربیع الثانی", "ربیع الآخر", "جمادی الاول", "جمادی الاولی", "جمادی الثانی", "جمادی الآخر", "ذی القعده", "ذی الحجه")

	// Month names that are also everyday words (تیر arrow, مهر kindness,
	// دی yesterday, مه fog, می wine / the verb prefix, آذر and بهمن given
	// names, صفر zero, رجب and شعبان given names, محرم confidential): they
	// count only next to a day number, a year or the word «ماه».
	ambiguousMonths = newSet("تیر", "مهر", "دی", "مه", "می", "آذر", "بهمن", "صفر", "رجب", "شعبان", "محرم", "رمضان", "جون")

	// Weekdays written as one word (folding removed any ZWNJ).
	weekdays = newSet("شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "آدینه")
	// The first word of a weekday written with a space: «پنج شنبه».
	weekdayHeads = newSet("یک", "دو", "سه", "چهار", "پنج")

	// Parts of the day and «روز» before a weekday or a date: «بامداد دوشنبه».
	dayParts = newSet("روز", "بامداد", "صبح", "ظهر", "بعدازظهر", "عصر", "غروب", "شب", "شامگاه", "صبحگاه", "سحرگاه", "نیمه‌شب", "نیمروز", "ساعات", "اوایل", "اواسط", "اواخر")
	// Days named relative to today.
	relativeDays = newSet("امروز", "دیروز", "فردا", "پریروز", "پس‌فردا", "امشب", "دیشب", "امسال", "پارسال")
	// Units of time for relative dates: «سه سال قبل», «روزهای گذشته».
	timeUnits = newSet("روز", "روزها", "روزهای", "هفته", "هفته‌ها", "هفته‌های", "ماه", "ماه‌ها", "ماه‌های", "سال", "سال‌ها", "سال‌های", "دهه", "دهه‌ها", "دهه‌های", "قرن", "ساعت", "ساعت‌ها", "ساعات", "دقیقه", "شب", "شب‌ها", "شب‌های", "ماه‌های", "هفته‌ای", "روزی")
	// Words after a unit that make it a date, not a duration.
	relativeDirs = newSet("قبل", "پیش", "بعد", "پس", "گذشته", "اخیر", "آینده", "آتی", "جاری", "دیگر", "پیشین", "بعدی", "قبلی")
	// Vague quantities that may stand for the number of a relative date.
	vagueCounts = newSet("چند", "چندین", "یکی دو")
	// Eras after a year.
	eras = newSet("شمسی", "خورشیدی", "میلادی", "قمری", "هجری")

	// Title phrases: cues for the name that follows (or precedes) them.
	// They are not entities themselves. A title marked + may stand right
	// before a person's name («رئیس جمهور ...»، «آقای ...»); the others need
	// what they head, a place or an organisation, between them and the
	// name («رئیس بانک جهانی ...», see people.go). A title marked * names
	// what it heads, a ministry: it may stand right before a name and
	// right after one with no place after it («... وزیر نفت»).
	titleList = append([]string{
		"+رئیس جمهور", "+رییس جمهور", "+رئیس‌جمهور", "+رییس‌جمهور", "رئیس", "رییس",
		"+نخست وزیر", "+نخست‌وزیر", "وزیر",
		"معاون", "معاون سخنگوی", "+سخنگوی وزارت خارجه", "+سخنگوی وزارت امور خارجه", "سخنگو", "سخنگوی", "رهبر", "+پادشاه", "+ملکه", "شاه", "امیر",
		"+ولیعهد", "+ولی‌عهد", "+صدراعظم", "دبیرکل", "دبیر کل", "مدیرکل", "مدیر کل", "سفیر", "+ژنرال",
		"+سرلشکر", "+سرتیپ", "+سردار", "+دریاسالار", "فرمانده", "+آیت‌الله", "+آیت الله", "+حجت‌الاسلام",
		"+شیخ", "+آقای", "+خانم", "+دکتر", "+سناتور", "نماینده", "نایب رئیس", "قائم مقام", "مشاور",
		"+رئیس‌جمهور سابق", "+نخست‌وزیر سابق", "+وزیر خارجه سابق", "+رئیس‌جمهور پیشین", "+نخست‌وزیر پیشین", "+وزیر خارجه پیشین", "خبرنگار", "سرپرست", "دیپلمات",
		"+مهندس", "+پروفسور", "+سپهبد", "+سرهنگ", "+دریادار", "+شاهزاده", "+سلطان", "+حجت‌الاسلام والمسلمین",
		"شهردار", "استاندار", "فرماندار", "کاردار", "مدیرعامل", "مدیر عامل", "دادستان", "دادستان کل", "+رئیس‌جمهوری", "+رئیس جمهوری", "همتای",
	}, ministerTitles...)
	// The titles of Iran's ministers, one for each ministry of the
	// gazetteer, by the official name and the short forms of the news:
	// «وزیر امور اقتصادی و دارایی علی مدنی‌زاده», «... وزیر نفت».
	ministerTitles = []string{
		"*وزیر امور خارجه", "*وزیر خارجه", "*وزیر کشور",
		"*وزیر امور اقتصادی و دارایی", "*وزیر اقتصاد و دارایی", "*وزیر اقتصاد",
		"*وزیر دفاع و پشتیبانی نیروهای مسلح", "*وزیر دفاع",
		"*وزیر اطلاعات", "*وزیر دادگستری", "*وزیر نفت", "*وزیر نیرو",
		"*وزیر صنعت، معدن و تجارت", "*وزیر صنعت معدن و تجارت", "*وزیر صمت",
		"*وزیر جهاد کشاورزی", "*وزیر کشاورزی", "*وزیر راه و شهرسازی",
		"*وزیر تعاون، کار و رفاه اجتماعی", "*وزیر تعاون کار و رفاه اجتماعی", "*وزیر کار",
		"*وزیر بهداشت، درمان و آموزش پزشکی", "*وزیر بهداشت درمان و آموزش پزشکی", "*وزیر بهداشت",
		"*وزیر آموزش و پرورش", "*وزیر علوم، تحقیقات و فناوری", "*وزیر علوم تحقیقات و فناوری", "*وزیر علوم",
		"*وزیر فرهنگ و ارشاد اسلامی", "*وزیر ارشاد",
		"*وزیر ارتباطات و فناوری اطلاعات", "*وزیر ارتباطات", "*وزیر ورزش و جوانان", "*وزیر ورزش",
		"*وزیر میراث فرهنگی، گردشگری و صنایع دستی", "*وزیر میراث فرهنگی گردشگری و صنایع دستی", "*وزیر میراث فرهنگی",
	}
	titles = newPhrases(func() []string {
		out := make([]string, len(titleList))
		for i, t := range titleList {
			out[i] = strings.ReplaceAll(strings.TrimLeft(t, "+*"), "،", "")
		}
		return out
	}()...)
	// titleKeys maps each title, its folded words joined as nameKey joins
	// a name's («رئیس جمهور» and «رئیس‌جمهور» are one key), to its marks.
	titleKeys = func() map[string]titleKind {
		m := map[string]titleKind{}
		for _, t := range titleList {
			var tk titleKind
			switch t[0] {
			case '+':
				tk = titleStrong
			case '*':
				tk = titleStrong | titleSelf
			}
			k := nameKey(strings.TrimLeft(t, "+*"))
			m[k] |= tk
		}
		return m
	}()
	// The first words of titles, for a title that follows a name:
	// «ایوان نچایف» معاون سخنگوی ...
	titleStarts = func() set {
		s := set{}
		for _, p := range titles {
			s[p[0]] = true
		}
		return s
	}()
	// Words that may follow a title before what it heads or the name:
	// «رئیس جمهور سابق آمریکا ...»، «معاون اول رئیس جمهور ...».
	titleMods = newSet("سابق", "پیشین", "اسبق", "وقت", "جدید", "منتخب", "موقت", "فعلی", "کنونی", "اول", "دوم", "ارشد", "کل", "ویژه", "دائم", "عالی", "تازه", "معظم")

	// Cue words before an ambiguous place name («کشور مالی», «شهر دوشنبه»).
	placeCues = newSet("کشور", "کشورهای", "شهر", "شهرهای", "پایتخت", "استان", "جمهوری", "دولت", "مردم", "منطقه", "جزیره")
	// Cue words before an ambiguous organisation name or a quoted one
	// («خبرگزاری تاس», روزنامه «حریت»).
	orgCues = newSet("خبرگزاری", "شبکه", "روزنامه", "نشریه", "هفته‌نامه", "ماهنامه", "مجله", "پایگاه", "سایت", "وبسایت", "سازمان", "گروه", "رسانه", "تلویزیون", "رادیو", "شرکت", "حزب", "جنبش")
	// Head nouns of organisations named after a country:
	// «وزارت خارجه روسیه», «خبرگزاری دولتی کره شمالی».
	orgHeads = newSet("وزارت", "وزارتخانه", "خبرگزاری", "ارتش", "سفارت", "کنسولگری", "پارلمان", "مجلس", "دانشگاه", "بانک", "نیروی", "شورای", "کمیسیون", "حزب", "ستاد", "پلیس", "دادگاه", "دیوان", "روزنامه", "شبکه", "تلویزیون", "رادیو", "گارد", "کنگره", "سنای")
	// Function words that cannot stand between a head noun and the country.
	stopWords = newSet("و", "در", "به", "از", "با", "که", "را", "این", "آن", "برای", "تا", "بر", "هم", "نیز", "یا", "اما", "هر", "چه", "بین", "میان", "درباره", "علیه", "نزد", "پس", "پیش", "بعد", "قبل", "است", "بود", "شد", "کرد", "گفت", "های", "ها", "ای", "یک", "یکی")

	// Verbs of saying: a «…» right after one is a quotation.
	sayVerbs = newSet("گفت", "افزود", "نوشت", "اظهار", "داشت", "کرد", "تصریح", "خاطرنشان", "گفته", "گفتند", "نوشته", "پرسید", "پاسخ", "داد", "اعلام", "تاکید", "تأکید", "هشدار", "ادامه")
	// Finite verbs that make a quoted phrase a clause.
	verbs = newSet("است", "هست", "نیست", "بود", "شد", "شود", "کرد", "کند", "کنند", "کردند", "دارد", "دارند", "داد", "دهد", "باید", "خواهد", "خواهند", "نمی‌شود", "شده", "کرده", "بودند", "شدند", "کنیم", "هستیم", "هستند", "داریم")
)

// Numbers in words.
var (
	// Cardinal words and their values.
	cardinals = func() map[string]int64 {
		m := map[string]int64{}
		add := func(v int64, ws ...string) {
			for _, w := range ws {
				m[content.FoldString(w)] = v
			}
		}
		add(0, "صفر")
		add(1, "یک")
		add(2, "دو")
		add(3, "سه")
		add(4, "چهار")
		add(5, "پنج")
		add(6, "شش", "شیش")
		add(7, "هفت")
		add(8, "هشت")
		add(9, "نه")
		add(10, "ده")
		add(11, "یازده")
		add(12, "دوازده")
		add(13, "سیزده")
		add(14, "چهارده")
		add(15, "پانزده", "پونزده")
		add(16, "شانزده")
		add(17, "هفده", "هیفده")
		add(18, "هجده", "هیجده")
		add(19, "نوزده")
		add(20, "بیست")
		add(30, "سی")
		add(40, "چهل")
		add(50, "پنجاه")
		add(60, "شصت")
		add(70, "هفتاد")
		add(80, "هشتاد")
		add(90, "نود")
		add(100, "صد", "یکصد")
		add(200, "دویست")
		add(300, "سیصد")
		add(400, "چهارصد")
		add(500, "پانصد")
		add(600, "ششصد")
		add(700, "هفتصد")
		add(800, "هشتصد")
		add(900, "نهصد")
		add(1000, "هزار", "یک‌هزار")
		add(1000000, "میلیون")
		add(1000000000, "میلیارد", "بیلیون")
		add(1000000000000, "تریلیون")
		return m
	}()
	// Cardinals that do not count alone: «یک» is the indefinite article,
	// «نه» is «no», «صفر» is also a month, «سی» a prefix of acronyms.
	notAlone = newSet("یک", "نه", "صفر")
)

// Word classes. Every word of a text is looked up once in lex; the rules
// then test bits instead of looking words up in many sets.
const (
	fCard        uint32 = 1 << iota // a cardinal (lexInfo.val)
	fOrd                            // an ordinal (lexInfo.val)
	fScale                          // هزار, میلیون ... (>= 1000)
	fNotAlone                       // not a number when alone
	fMonth                          // a month name (or month + «ماه»)
	fAmbMonth                       // a month name that is also a word
	fWeekday                        // a weekday in one word
	fWeekdayHead                    // یک دو سه چهار پنج (+ شنبه)
	fDayPart                        // بامداد, روز ...
	fRelDay                         // امروز ...
	fTimeUnit                       // روز, سال, روزهای ...
	fRelDir                         // قبل, گذشته ...
	fVague                          // چند, چندین
	fEra                            // شمسی, میلادی ...
	fOrgHead                        // وزارت, خبرگزاری ...
	fStop                           // function words
	fSay                            // verbs of saying
	fVerb                           // finite verbs
	fPlaceCue                       // کشور, شهر ...
	fOrgCue                         // خبرگزاری, روزنامه ...
	fTitleStart                     // the first word of a title
	fNotName                        // never part of a person's name (notnames.txt)
	fTitleMod                       // سابق, پیشین ... after a title
)

type lexInfo struct {
	flags uint32
	val   int64
}

var lex = func() map[string]lexInfo {
	m := map[string]lexInfo{}
	mark := func(s set, f uint32) {
		for w := range s {
			x := m[w]
			x.flags |= f
			m[w] = x
		}
	}
	for w, v := range cardinals {
		x := m[w]
		x.flags |= fCard
		x.val = v
		if v >= 1000 {
			x.flags |= fScale
		}
		m[w] = x
	}
	// Ordinals: after a consonant م and مین (بیستم, بیستمین), after ی
	// ام and امین (سی‌ام); سه makes سوم. «سیم» (wire) and «صدام» (a
	// name) are therefore not ordinals.
	for w, v := range cardinals {
		if v <= 0 {
			continue
		}
		base := w
		sufs := []string{"م", "مین"}
		if w == "سه" {
			base = "سو"
		} else if strings.HasSuffix(w, "ی") {
			sufs = []string{"ام", "امین"}
		}
		for _, suf := range sufs {
			x := m[base+suf]
			x.flags |= fOrd
			x.val = v
			m[base+suf] = x
		}
	}
	mark(notAlone, fNotAlone)
	for w := range months {
		mark(set{w: true, w + "ماه": true}, fMonth)
	}
	mark(ambiguousMonths, fAmbMonth)
	mark(weekdays, fWeekday)
	mark(weekdayHeads, fWeekdayHead)
	mark(dayParts, fDayPart)
	mark(relativeDays, fRelDay)
	mark(timeUnits, fTimeUnit)
	mark(relativeDirs, fRelDir)
	mark(vagueCounts, fVague)
	mark(eras, fEra)
	mark(orgHeads, fOrgHead)
	mark(stopWords, fStop)
	mark(sayVerbs, fSay)
	mark(verbs, fVerb)
	mark(placeCues, fPlaceCue)
	mark(orgCues, fOrgCue)
	mark(titleStarts, fTitleStart)
	mark(notNames, fNotName)
	mark(titleMods, fTitleMod)
	return m
}()

// titleKind holds a title's marks in titleList.
type titleKind uint8

const (
	titleStrong titleKind = 1 << iota // + or *: may stand right before a name
	titleSelf                         // *: names what it heads (a ministry)
)

// maxTitleWords is the most words of a title: «وزیر میراث فرهنگی،
// گردشگری و صنایع دستی» has seven.
const maxTitleWords = 8
